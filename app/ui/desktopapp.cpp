#include "desktopapp.h"

#include "mainwindow.h"

#include <QApplication>

namespace chartkey::ui {

int runDesktop(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("chartkey"));
    MainWindow window;
    window.show();
    return app.exec();
}

} // namespace chartkey::ui

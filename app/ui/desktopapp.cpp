#include "desktopapp.h"

#include "desktopurlopener.h"
#include "mainwindow.h"
#include "storage/appsecretstore.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace chartkey::ui {

bool installTranslations()
{
    static QTranslator *translator = nullptr;
    if (translator)
        return true;
    auto *t = new QTranslator(QCoreApplication::instance());
    // The locale's, else English: the source texts' plural forms live there ("%n note(s)").
    if (!t->load(QLocale(), QStringLiteral("chartkey"), QStringLiteral("_"),
                 QStringLiteral(":/i18n"))
        && !t->load(QStringLiteral("chartkey_en"), QStringLiteral(":/i18n"))) {
        delete t;
        return false;
    }
    QCoreApplication::installTranslator(t);
    translator = t;
    return true;
}

int runDesktop(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("chartkey"));
    // Lets Wayland shells match the window to io.github.chartkey.chartkey.desktop (its icon).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.chartkey.chartkey"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/chartkey/chartkey.svg")));
    installTranslations();
    AppSecretStore secrets;
    DesktopUrlOpener opener;
    MainWindow window(&secrets, &opener);
    const QStringList args = QApplication::arguments();
    const qsizetype profile = args.indexOf(QStringLiteral("--profile"));
    if (profile > 0 && profile + 1 < args.size())
        window.selectProfile(args.at(profile + 1));
    window.show();
    return app.exec();
}

} // namespace chartkey::ui

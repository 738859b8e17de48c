// chartkey: with a command it runs headless (chartkey help); without one it opens the
// desktop app.
#include "cli/commandline.h"
#include "base/logging.h"
#include "ui/desktopapp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    chartkey::log::installRedactingMessageHandler();
    QCoreApplication::setOrganizationName(QStringLiteral("chartkey"));
    QCoreApplication::setApplicationName(QStringLiteral("chartkey"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHARTKEY_VERSION));
    if (chartkey::cli::wantsCommandLine(argc, argv))
        return chartkey::cli::run(argc, argv);
    return chartkey::ui::runDesktop(argc, argv);
}

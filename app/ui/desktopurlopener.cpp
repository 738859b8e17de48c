#include "desktopurlopener.h"

#include <QCoreApplication>
#include <QDesktopServices>

namespace chartkey::ui {

bool DesktopUrlOpener::open(const QUrl &url, QString *error)
{
    const QString command = qEnvironmentVariable("CHARTKEY_BROWSER");
    if (!command.isEmpty())
        return CommandUrlOpener(command).open(url, error);
    if (QDesktopServices::openUrl(url))
        return true;
    *error = QCoreApplication::translate("chartkey::ui", "The desktop's browser could not be "
                                                         "started.");
    return false;
}

} // namespace chartkey::ui

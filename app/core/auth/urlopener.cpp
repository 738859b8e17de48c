#include "urlopener.h"

#include <QCoreApplication>
#include <QProcess>

namespace chartkey {

CommandUrlOpener::CommandUrlOpener(const QString &commandLine)
    : m_commandLine(commandLine)
{
}

bool CommandUrlOpener::open(const QUrl &url, QString *error)
{
    QStringList args = QProcess::splitCommand(m_commandLine);
    if (args.isEmpty()) {
        *error = QCoreApplication::translate("chartkey::UrlOpener", "The browser command is empty.");
        return false;
    }
    const QString program = args.takeFirst();
    args << url.toString(QUrl::FullyEncoded);
    QProcess process;
    process.setProgram(program);
    process.setArguments(args);
    process.setStandardOutputFile(QProcess::nullDevice());
    if (!process.startDetached()) {
        *error = QCoreApplication::translate("chartkey::UrlOpener",
                                             "Could not start the browser command \"%1\".")
                         .arg(program);
        return false;
    }
    return true;
}

} // namespace chartkey

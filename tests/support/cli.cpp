#include "cli.h"

namespace chartkey::test {

QString chartkeyBinary()
{
    return qEnvironmentVariable("CHARTKEY_BIN");
}

QProcess *startCli(const QStringList &args, QObject *parent)
{
    auto *process = new QProcess(parent);
    process->setProgram(chartkeyBinary());
    process->setArguments(args);
    process->start();
    return process;
}

CliRun runProcess(QProcess &process, const QByteArray &input, int timeoutMs)
{
    process.start();
    CliRun run;
    if (!process.waitForStarted(10000)) {
        run.err = "could not start " + process.program().toUtf8();
        return run;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        run.timedOut = true;
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

CliRun runCli(const QStringList &args, const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.setProgram(chartkeyBinary());
    process.setArguments(args);
    return runProcess(process, input, timeoutMs);
}

} // namespace chartkey::test

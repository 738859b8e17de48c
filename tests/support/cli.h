// Runs the chartkey executable ($CHARTKEY_BIN) as a user would, for end-to-end tests.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace chartkey::test {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool timedOut = false;
};

// Runs `chartkey args...`, feeding `input` to standard input; waits up to `timeoutMs`.
CliRun runCli(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 60000);

// Runs `process` (program, arguments and environment already set) to its end: feeds
// `input`, waits up to `timeoutMs` (then kills it), and collects what it printed.
CliRun runProcess(QProcess &process, const QByteArray &input, int timeoutMs);

// Starts `chartkey args...` without waiting (the caller owns the process).
QProcess *startCli(const QStringList &args, QObject *parent = nullptr);

QString chartkeyBinary();

} // namespace chartkey::test

// Helpers shared by the fault-matrix and secret-leak tests (tests/faults), on top of
// tests/support/clie2e.h and signedin.h: the sandbox's last code exchange, the kernel's socket
// tables, the keychain item's metadata, and a chartkey run with an environment of its own.
#pragma once

#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"
#include "signedin.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTcpServer>

#include <memory>
#include <utility>

namespace chartkey::test::faults {


using e2e::CodeExchangeSecrets;
using e2e::lastCodeExchange;

// A LISTEN socket in /proc/net/tcp or /proc/net/tcp6.
struct ListeningSocket
{
    QString table;        // "tcp" or "tcp6"
    QString address;      // local address as the kernel prints it: 0100007F = 127.0.0.1
};

// Every LISTEN socket on `port`, in every table of this network namespace.
inline QList<ListeningSocket> listeningSockets(quint16 port)
{
    QList<ListeningSocket> found;
    const QString suffix = QStringLiteral(":%1").arg(port, 4, 16, QLatin1Char('0')).toUpper();
    for (const char *table : {"tcp", "tcp6"}) {
        QFile f(QStringLiteral("/proc/net/") + QString::fromLatin1(table));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        f.readLine(); // header
        while (!f.atEnd()) {
            const QStringList cols =
                    QString::fromLatin1(f.readLine()).simplified().split(QLatin1Char(' '));
            if (cols.size() > 3 && cols.at(3) == QLatin1String("0A")
                && cols.at(1).endsWith(suffix))
                found.append({QString::fromLatin1(table), cols.at(1).chopped(suffix.size())});
        }
    }
    return found;
}

// The ports process `pid` listens on (its socket inodes matched against /proc/net/tcp{,6}).
inline QList<quint16> listeningPortsOf(qint64 pid)
{
    QSet<QString> inodes;
    QDirIterator fds(QStringLiteral("/proc/%1/fd").arg(pid), QDir::System | QDir::NoDotAndDotDot);
    while (fds.hasNext()) {
        // "socket:[INODE]", made absolute by Qt ("/proc/PID/fd/socket:[INODE]").
        const QString target = QFile::symLinkTarget(fds.next());
        const qsizetype at = target.indexOf(QLatin1String("socket:["));
        if (at >= 0 && target.endsWith(QLatin1Char(']')))
            inodes.insert(target.mid(at + 8).chopped(1));
    }
    QList<quint16> ports;
    for (const char *table : {"tcp", "tcp6"}) {
        QFile f(QStringLiteral("/proc/net/") + QString::fromLatin1(table));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        f.readLine();
        while (!f.atEnd()) {
            const QStringList cols =
                    QString::fromLatin1(f.readLine()).simplified().split(QLatin1Char(' '));
            if (cols.size() > 9 && cols.at(3) == QLatin1String("0A") && inodes.contains(cols.at(9)))
                ports << quint16(cols.at(1).section(QLatin1Char(':'), 1).toUInt(nullptr, 16));
        }
    }
    return ports;
}

inline QByteArray describeSockets(const QList<ListeningSocket> &sockets)
{
    QStringList parts;
    for (const ListeningSocket &s : sockets)
        parts << s.table + QLatin1Char(' ') + s.address;
    return parts.isEmpty() ? QByteArray("none") : parts.join(QStringLiteral(", ")).toUtf8();
}

// A loopback port nothing listens on (bound, then closed again).
inline quint16 closedLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// The keychain item `user` as `secret-tool search --all` describes it, without the secret:
// label, dates and attributes. It is shown for locked items too (their secret is not), so it
// tells whether an item is still there and unchanged while the keyring is locked.
inline QByteArray keychainItemMetadata(const QString &user)
{
    const CliRun run = e2e::runProgram(QStringLiteral("secret-tool"),
                                       {QStringLiteral("search"), QStringLiteral("--all"),
                                        QStringLiteral("user"), user});
    QByteArray metadata;
    const QList<QByteArray> lines = (run.out + '\n' + run.err).split('\n');
    for (const QByteArray &line : lines) {
        const QByteArray l = line.trimmed();
        if (l.startsWith("label") || l.startsWith("created") || l.startsWith("modified")
            || l.startsWith("schema") || l.startsWith("attribute."))
            metadata += l + '\n';
    }
    return metadata;
}

using e2e::chartkeySettings;

// Runs `chartkey args...` with `extraEnvironment` added to this process's environment.
inline CliRun runCliWithEnvironment(const QStringList &args,
                                    const QList<std::pair<QString, QString>> &extraEnvironment,
                                    const QByteArray &input = {}, int timeoutMs = 90000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : extraEnvironment)
        env.insert(name, value);
    process.setProcessEnvironment(env);
    process.setProgram(chartkeyBinary());
    process.setArguments(args);
    return runProcess(process, input, timeoutMs);
}

} // namespace chartkey::test::faults

#include "portowner.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QStringList>

#if defined(Q_OS_LINUX)
#include <unistd.h>
#endif

namespace chartkey {

QString describePortOwner(quint16 port)
{
#if defined(Q_OS_LINUX)
    QSet<QString> inodes;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile f(QString::fromLatin1(table));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        f.readLine(); // header
        while (!f.atEnd()) {
            const QStringList cols = QString::fromLatin1(f.readLine()).simplified().split(
                    QLatin1Char(' '));
            if (cols.size() < 10 || cols.at(3) != QLatin1String("0A")) // 0A = LISTEN
                continue;
            const QString local = cols.at(1);
            bool ok = false;
            if (local.section(QLatin1Char(':'), -1).toUInt(&ok, 16) == port && ok)
                inodes.insert(cols.at(9));
        }
    }
    if (inodes.isEmpty())
        return {};
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        bool numeric = false;
        pid.toInt(&numeric);
        if (!numeric)
            continue;
        const QString fdDir = QStringLiteral("/proc/%1/fd").arg(pid);
        const QStringList fds = QDir(fdDir).entryList(QDir::System | QDir::NoDotAndDotDot);
        for (const QString &fd : fds) {
            char buffer[128] = {};
            const QByteArray link = QFile::encodeName(fdDir + QLatin1Char('/') + fd);
            const ssize_t n = ::readlink(link.constData(), buffer, sizeof buffer - 1);
            if (n <= 0)
                continue;
            const QString target = QString::fromLatin1(buffer, n);
            const QString inode = target.section(QLatin1Char('['), 1).section(QLatin1Char(']'), 0, 0);
            if (target.startsWith(QLatin1String("socket:")) && inodes.contains(inode)) {
                QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
                const QString name = comm.open(QIODevice::ReadOnly)
                        ? QString::fromLocal8Bit(comm.readAll()).trimmed()
                        : QStringLiteral("?");
                return QStringLiteral("%1 (pid %2)").arg(name, pid);
            }
        }
    }
#else
    Q_UNUSED(port);
#endif
    return {};
}

} // namespace chartkey

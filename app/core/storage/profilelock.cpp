#include "profilelock.h"

#include "base/logging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTimer>

namespace chartkey {

QString ProfileLock::lockPath(const QString &profileName)
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    dir += QStringLiteral("/chartkey");
    QDir().mkpath(dir);
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                       | QFileDevice::ExeOwner);
    return dir + QLatin1Char('/') + QString::fromLatin1(profileName.toUtf8().toHex())
            + QStringLiteral(".lock");
}

ProfileLock::ProfileLock(const QString &profileName, QObject *parent)
    : QObject(parent)
    , m_file(std::make_unique<QLockFile>(lockPath(profileName)))
{
    // A refresh takes well under a minute; a lock older than that belongs to a hung process.
    m_file->setStaleLockTime(60000);
}

ProfileLock::~ProfileLock()
{
    release();
}

void ProfileLock::acquire(int timeoutMs, std::function<void(bool)> done)
{
    if (m_held) {
        done(true);
        return;
    }
    auto *poll = new QTimer(this);
    auto waited = std::make_shared<QElapsedTimer>();
    waited->start();
    auto attempt = [this, poll, waited, timeoutMs, done] {
        if (m_file->tryLock(0)) {
            m_held = true;
            poll->deleteLater();
            done(true);
            return;
        }
        if (waited->elapsed() >= timeoutMs) {
            qCWarning(lcAuth) << "could not take the profile lock within" << timeoutMs << "ms";
            poll->deleteLater();
            done(false);
            return;
        }
        poll->start(25);
    };
    poll->setSingleShot(true);
    connect(poll, &QTimer::timeout, this, attempt);
    attempt();
}

void ProfileLock::release()
{
    if (m_held) {
        m_file->unlock();
        m_held = false;
    }
}

} // namespace chartkey

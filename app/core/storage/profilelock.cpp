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

ProfileLock::Acquisition *ProfileLock::acquire(int timeoutMs)
{
    auto *op = new Acquisition(this);
    if (m_held) {
        op->completeLater(true);
        return op;
    }
    auto *poll = new QTimer(op);
    auto waited = std::make_shared<QElapsedTimer>();
    waited->start();
    auto attempt = [this, op, poll, waited, timeoutMs] {
        if (m_file->tryLock(0)) {
            m_held = true;
            op->complete(true);
            return;
        }
        if (waited->elapsed() >= timeoutMs) {
            qCWarning(lcAuth) << "could not take the profile lock within" << timeoutMs << "ms";
            op->complete(false);
            return;
        }
        poll->start(25);
    };
    poll->setSingleShot(true);
    connect(poll, &QTimer::timeout, op, attempt);
    QMetaObject::invokeMethod(op, attempt, Qt::QueuedConnection);
    return op;
}

void ProfileLock::release()
{
    if (m_held) {
        m_file->unlock();
        m_held = false;
    }
}

} // namespace chartkey

#include "keychainstore.h"

#include "base/logging.h"

#include <QCoreApplication>
#include <QTimer>

#include <qt6keychain/keychain.h>

#if defined(CHARTKEY_SECRET_SERVICE)
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

#include <memory>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::KeychainStore", text);
}

SecretStore::Result mapResult(QKeychain::Job *job, const QByteArray &data)
{
    SecretStore::Result r;
    switch (job->error()) {
    case QKeychain::NoError:
        r.status = SecretStore::Status::Ok;
        r.data = data;
        return r;
    case QKeychain::EntryNotFound:
        r.status = SecretStore::Status::NotFound;
        return r;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        r.status = SecretStore::Status::Denied;
        r.message = tr("Access to the keychain was refused (%1). Allow chartkey to use the "
                       "keychain and try again.")
                            .arg(job->errorString());
        return r;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        r.status = SecretStore::Status::Unavailable;
        r.message = tr("No keychain is available (%1). chartkey keeps tokens only in the "
                       "system keychain: start and unlock a Secret Service keyring (GNOME "
                       "Keyring or KWallet), then try again. Nothing was stored elsewhere.")
                            .arg(job->errorString());
        return r;
    default:
        r.status = SecretStore::Status::Failed;
        r.message = tr("The keychain failed (%1). Try again.").arg(job->errorString());
        return r;
    }
}

SecretStore::Result lockedResult()
{
    SecretStore::Result r;
    r.status = SecretStore::Status::Locked;
    r.message = tr("The keychain is locked, so chartkey cannot reach its sign-in. Unlock the "
                   "keyring (signing in to the desktop session usually does), then try again. "
                   "Nothing was changed.");
    return r;
}

// QtKeychain's Secret Service backend answers "not found" for an entry in a locked
// collection when it cannot show an unlock prompt. Asks the Secret Service whether the
// entry exists among the locked items; `done(true)` when it does. Linux only.
void checkLocked(const QString &service, const QString &key, int timeoutMs, QObject *context,
                 std::function<void(bool)> done)
{
#if defined(CHARTKEY_SECRET_SERVICE)
    using Attributes = QMap<QString, QString>;
    static const QMetaType registered = qDBusRegisterMetaType<Attributes>();
    Q_UNUSED(registered);
    QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    call << QVariant::fromValue(Attributes{{QStringLiteral("server"), service},
                                           {QStringLiteral("user"), key}});
    auto *watcher = new QDBusPendingCallWatcher(
            QDBusConnection::sessionBus().asyncCall(call, timeoutMs), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [done = std::move(done)](QDBusPendingCallWatcher *w) {
                         const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>>
                                 reply = *w;
                         w->deleteLater();
                         done(!reply.isError() && !reply.argumentAt<1>().isEmpty());
                     });
#else
    Q_UNUSED(service);
    Q_UNUSED(key);
    Q_UNUSED(timeoutMs);
    Q_UNUSED(context);
    done(false);
#endif
}

using Finish = std::function<void(const SecretStore::Result &)>;

// Hands `next` the job's result, where a "not found" (or, for a removal, also a success)
// becomes Locked when the entry is in fact still there, behind a lock.
Finish lockAware(const QString &service, const QString &key, int timeoutMs, QObject *context,
                 Finish next, bool alsoAfterSuccess = false)
{
    return [=](const SecretStore::Result &r) {
        const bool check = r.status == SecretStore::Status::NotFound
                || (alsoAfterSuccess && r.status == SecretStore::Status::Ok);
        if (!check) {
            next(r);
            return;
        }
        checkLocked(service, key, timeoutMs, context,
                    [next, r](bool locked) { next(locked ? lockedResult() : r); });
    };
}

// Runs `job` for `op`: hands its result to `finish`, or completes `op` with TimedOut at the
// deadline (a late answer is then dropped: an operation completes once).
void runJob(QKeychain::Job *job, int timeoutMs, SecretStore::Job *op,
            std::function<QByteArray(QKeychain::Job *)> payload, Finish finish)
{
    auto *deadline = new QTimer(op);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, op, [op, timeoutMs] {
        qCWarning(lcStorage) << "keychain job timed out after" << timeoutMs << "ms";
        SecretStore::Result r;
        r.status = SecretStore::Status::TimedOut;
        r.message = tr("The keychain did not answer within %1 s. It may be locked and waiting "
                       "for a password: unlock it and try again.")
                            .arg(timeoutMs / 1000);
        op->complete(r);
    });
    QObject::connect(job, &QKeychain::Job::finished, op,
                     [deadline, payload = std::move(payload),
                      finish = std::move(finish)](QKeychain::Job *j) {
                         deadline->stop();
                         finish(mapResult(j, payload(j)));
                     });
    deadline->start(timeoutMs);
    job->setAutoDelete(true);
    job->start();
}

} // namespace

KeychainStore::KeychainStore(const QString &service, int timeoutMs)
    : m_service(service)
    , m_timeoutMs(timeoutMs)
{
}

SecretStore::Job *KeychainStore::read(const QString &key)
{
    auto *op = new Job;
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    runJob(job, m_timeoutMs, op,
           [](QKeychain::Job *j) {
               return static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData();
           },
           lockAware(m_service, key, m_timeoutMs, op, [op](const Result &r) { op->complete(r); }));
    return op;
}

SecretStore::Job *KeychainStore::write(const QString &key, const QByteArray &data)
{
    auto *op = new Job;
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setBinaryData(data);
    runJob(job, m_timeoutMs, op, [](QKeychain::Job *) { return QByteArray(); },
           [op](const Result &r) { op->complete(r); });
    return op;
}

SecretStore::Job *KeychainStore::remove(const QString &key)
{
    auto *op = new Job;
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    runJob(job, m_timeoutMs, op, [](QKeychain::Job *) { return QByteArray(); },
           lockAware(m_service, key, m_timeoutMs, op, [op](Result r) {
               // Removing what is not there is success (once no lock hides it).
               if (r.status == Status::NotFound)
                   r = Result{Status::Ok, {}, {}};
               op->complete(r);
           }, true));
    return op;
}

QString KeychainStore::backendName() const
{
#if defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#elif defined(Q_OS_MACOS)
    return tr("macOS Keychain");
#else
    return tr("Secret Service keyring");
#endif
}

} // namespace chartkey

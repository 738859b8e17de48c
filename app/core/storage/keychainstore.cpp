#include "keychainstore.h"

#include "log/logging.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

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

// Runs `job`, calling `done` exactly once: with its result, or with TimedOut at the deadline.
void runJob(QKeychain::Job *job, int timeoutMs, QObject *context,
            std::function<QByteArray(QKeychain::Job *)> payload, SecretStore::Callback done)
{
    auto finished = std::make_shared<bool>(false);
    QPointer<QObject> guard(context);
    auto complete = [finished, guard, done](const SecretStore::Result &r) {
        if (*finished)
            return;
        *finished = true;
        if (guard)
            done(r);
    };

    auto *deadline = new QTimer(context);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, deadline, [complete, deadline, timeoutMs] {
        qCWarning(lcStorage) << "keychain job timed out after" << timeoutMs << "ms";
        SecretStore::Result r;
        r.status = SecretStore::Status::TimedOut;
        r.message = tr("The keychain did not answer within %1 s. It may be locked and waiting "
                       "for a password: unlock it and try again.")
                            .arg(timeoutMs / 1000);
        complete(r);
        deadline->deleteLater();
    });
    QObject::connect(job, &QKeychain::Job::finished, deadline,
                     [complete, deadline, payload](QKeychain::Job *j) {
                         deadline->stop();
                         deadline->deleteLater();
                         complete(mapResult(j, payload(j)));
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

void KeychainStore::read(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    runJob(job, m_timeoutMs, context,
           [](QKeychain::Job *j) {
               return static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData();
           },
           std::move(done));
}

void KeychainStore::write(const QString &key, const QByteArray &data, QObject *context,
                          Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setBinaryData(data);
    runJob(job, m_timeoutMs, context, [](QKeychain::Job *) { return QByteArray(); },
           std::move(done));
}

void KeychainStore::remove(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    runJob(job, m_timeoutMs, context, [](QKeychain::Job *) { return QByteArray(); },
           [done = std::move(done)](const Result &r) {
               // Removing what is not there is success: the outcome the caller wanted.
               if (r.status == Status::NotFound) {
                   Result ok;
                   ok.status = Status::Ok;
                   done(ok);
                   return;
               }
               done(r);
           });
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

// SecretStore on the OS keychain through QtKeychain: Secret Service (libsecret) on Linux,
// the Credential Manager on Windows, the Keychain on macOS. Items are kept under the
// service name "chartkey". Each job has a deadline.
#pragma once

#include "storage/secretstore.h"

#include <QString>

namespace chartkey {

class KeychainStore final : public SecretStore
{
public:
    explicit KeychainStore(const QString &service = QStringLiteral("chartkey"),
                           int timeoutMs = 15000);

    Job *read(const QString &key) override;
    Job *write(const QString &key, const QByteArray &data) override;
    Job *remove(const QString &key) override;
    QString backendName() const override;

    QString service() const { return m_service; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace chartkey

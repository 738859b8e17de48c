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

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QByteArray &data, QObject *context,
               Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;
    QString backendName() const override;

    QString service() const { return m_service; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace chartkey

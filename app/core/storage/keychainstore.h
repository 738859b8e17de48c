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

    // The most bytes one entry holds on this platform's keychain, 0 for no limit that a
    // secret reaches: Windows Credential Manager's CRED_MAX_CREDENTIAL_BLOB_SIZE (5 * 512);
    // the Secret Service and the macOS Keychain take far larger items. A ChunkedSecretStore
    // with this limit fits any value.
    static constexpr qsizetype entryLimit()
    {
#if defined(Q_OS_WIN)
        return 2560;
#else
        return 0;
#endif
    }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace chartkey

// The secret store both front ends use: the OS keychain (KeychainStore) behind a
// ChunkedSecretStore with that keychain's entry limit, so a token set larger than one entry
// (Windows Credential Manager: 2,560 bytes) is split into parts and joined on read. Where the
// keychain has no limit (the Secret Service, the macOS Keychain) every value is written as it
// is, exactly as before.
#pragma once

#include "storage/chunkedsecretstore.h"
#include "storage/keychainstore.h"

namespace chartkey {

class AppSecretStore final : public SecretStore
{
public:
    // `entryLimit`: the most bytes one keychain entry holds; 0 = no limit.
    explicit AppSecretStore(const QString &service = QStringLiteral("chartkey"),
                            qsizetype entryLimit = KeychainStore::entryLimit());

    Job *read(const QString &key) override { return m_chunked.read(key); }
    Job *write(const QString &key, const QByteArray &data) override
    {
        return m_chunked.write(key, data);
    }
    Job *remove(const QString &key) override { return m_chunked.remove(key); }
    QString backendName() const override { return m_keychain.backendName(); }

    qsizetype entryLimit() const { return m_entryLimit; }
    void setTimeoutMs(int ms) { m_keychain.setTimeoutMs(ms); }

private:
    qsizetype m_entryLimit;
    KeychainStore m_keychain;
    ChunkedSecretStore m_chunked;
};

} // namespace chartkey

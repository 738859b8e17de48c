// The private keys of a private_key_jwt client, kept in the keychain under
// Profile::clientKeyKey() ("client-key:NAME") beside the tokens, with the same rules: no
// file, no log, no plaintext fallback. The entry is a small JSON document
//
//   {"keys": [private JWK, ...]}      oldest first; the last one signs
//
// Each JWK carries alg, use "sig" and kid = its RFC 7638 thumbprint (auth/jose.h). Rotation
// appends a key: the JWKS a server is given (publicJwks()) then lists both, so the server
// can take the new one before the old one is retired. Only public material ever leaves this
// file's functions by way of the JWKS, the PEM public key or the certificate.
#pragma once

#include "base/failure.h"
#include "base/operation.h"
#include "profile/profile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace chartkey {

class SecretStore;

struct KeyRing
{
    QList<QJsonObject> keys; // private JWKs, oldest first; the last one signs

    bool isEmpty() const { return keys.isEmpty(); }
    // The key that signs (the newest); empty when there is none.
    QJsonObject signingKey() const { return keys.isEmpty() ? QJsonObject() : keys.last(); }
    // {"keys": [public JWK, ...]}: what a server registers.
    QJsonObject publicJwks() const;
    QStringList kids() const;
    qsizetype indexOf(const QString &kid) const;

    // The keychain entry's bytes (every private member registered as a secret).
    QByteArray toBytes() const;
    // Reads toBytes() back; false with `error` set when the entry is not a key ring.
    static bool fromBytes(const QByteArray &bytes, KeyRing *ring, QString *error);
};

// The key ring read from the keychain: empty when the profile has none (NotFound).
struct KeyRingRead
{
    KeyRing ring;
    bool found = false;
    Failure failure;  // the keychain failed, or the entry is unreadable
};

namespace clientkeys {

Pending<KeyRingRead> *read(SecretStore *secrets, const Profile &profile, QObject *context);
Pending<Failure> *write(SecretStore *secrets, const Profile &profile, const KeyRing &ring,
                        QObject *context);

// The failure a private_key_jwt profile without a key gets: what to run.
Failure missingKey(const Profile &profile);

} // namespace clientkeys

} // namespace chartkey

// The client assertion of private_key_jwt (RFC 7523 section 2.2, OpenID Connect Core
// section 9, SMART App Launch "asymmetric" client authentication, SMART Backend Services):
// a JWT the client signs with its private key, sent instead of a client secret.
//
//   POST {token endpoint}
//   client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
//   client_assertion=<header {alg, kid, typ: JWT}>.<claims>.<signature>
//
// Claims: iss = sub = the client ID, aud = the token endpoint URL, iat = now, exp = now +
// kAssertionLifetimeSeconds (SMART: no more than 5 minutes), jti = 32 fresh random bytes, so
// that no two assertions are alike and a server can refuse a replay. A new assertion for
// every request, never reused. The assertion is registered as a secret (log::registerSecret)
// while it lives.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace chartkey::clientassertion {

// RFC 7523's client_assertion_type.
constexpr const char *kAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
// How long an assertion is valid: under SMART's 5 minutes, with room for a slow clock.
constexpr int kAssertionLifetimeSeconds = 240;

// The claims of an assertion for `clientId` at `audience`, made at `now` with `jti`.
QJsonObject claims(const QString &clientId, const QUrl &audience, const QDateTime &now,
                   const QString &jti);

// A fresh jti: 32 bytes from the system's CSPRNG, base64url.
QString freshJti();

// A signed assertion (compact JWT) with the private JWK; empty with `error` set when the key
// cannot sign.
QByteArray make(const QString &clientId, const QUrl &audience, const QJsonObject &privateJwk,
                const QDateTime &now, QString *error = nullptr);

} // namespace chartkey::clientassertion

// Validates an OpenID Connect ID token for a profile, fetching what idtoken::validate()
// needs: the server's metadata (issuer, jwks_uri) and its JWKS.
//
//   metadata   the profile's discovery document, else {issuer}/.well-known/openid-configuration,
//              else the SMART configuration of its FHIR base; kept per document URL
//   JWKS       kept per jwks_uri; on an unknown kid it is fetched once more (the server may
//              have rotated its keys) and the token validated again, once
//
// The caches live as long as the process; nothing is written anywhere. Every verification is
// an operation that completes once; a failure names the claim (IdTokenResult::message).
#pragma once

#include "auth/discovery.h"
#include "auth/idtoken.h"
#include "base/operation.h"
#include "profile/profile.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

class QNetworkAccessManager;

namespace chartkey {

class Clock;

struct IdTokenCheck
{
    QString idToken;
    QString nonce;             // sent with the authorization request; empty on refresh
    QString accessToken;       // for at_hash
    QString previousSubject;   // on refresh: the sub of the sign-in
};

class IdTokenVerifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdTokenVerifier)
public:
    IdTokenVerifier(QNetworkAccessManager *nam, const Clock *clock, QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    Pending<IdTokenResult> *verify(const Profile &profile, const IdTokenCheck &check);

    // Where the metadata of `profile` is read from.
    static QUrl metadataUrl(const Profile &profile);

private:
    void withMetadata(const QUrl &url, Pending<ServerMetadata> *op);
    void withKeys(const QUrl &jwksUri, bool refetch, Pending<QJsonObject> *op);
    IdTokenResult failure(const QString &message, const QString &detail) const;

    QNetworkAccessManager *m_nam = nullptr;
    const Clock *m_clock = nullptr;
    int m_timeoutMs = 30000;
};

} // namespace chartkey

// The tokens of one session and the arithmetic of their expiry.
#pragma once

#include "base/failure.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace chartkey {

struct TokenSet
{
    QString accessToken;
    QString refreshToken;
    QString tokenType;
    QString scope;          // as granted by the server (or as requested when it did not say)
    QString idToken;        // OpenID Connect: the ID token, validated before it was kept
    QString displayName;    // who signed in, when the ID token names no one (read from fhirUser)
    QDateTime obtainedAt;   // UTC
    QDateTime expiresAt;    // UTC; invalid when the server gave no expires_in

    bool isEmpty() const { return accessToken.isEmpty(); }
    bool canRefresh() const { return !refreshToken.isEmpty(); }

    // Seconds before expiry at which a refresh is due: 5 minutes, or a quarter of the
    // lifetime for short-lived tokens.
    qint64 refreshLeadSeconds() const;

    // True when the access token can be used at `now` without refreshing first.
    bool isFreshAt(const QDateTime &now) const;

    // True when the access token has not yet expired at `now` (it may be due for refresh).
    bool isUnexpiredAt(const QDateTime &now) const;

    // The form kept in the keychain.
    QByteArray toJson() const;
    static TokenSet fromJson(const QByteArray &json, bool *ok);

    // Registers every secret of this set with the log redactor.
    void registerSecrets() const;
};

// What a token-endpoint request was, for judging its answer: the same status means different
// things to a refresh and to a code exchange, and to a client that authenticated and one
// that did not.
struct TokenRequest
{
    enum class Grant { AuthorizationCode, Refresh, ClientCredentials, Revocation };
    Grant grant = Grant::AuthorizationCode;
    bool clientAuthenticated = false; // a client secret (or key) was sent
};

// Parses a token endpoint answer (RFC 6749 sections 5.1 and 5.2). `requestedScope` is used
// when a successful answer omits `scope` (RFC 6749: then the grant equals the request).
//
// An answer is judged by what it is, not only by its JSON (servers bend RFC 6749 section 5.2):
//   - a refresh answered 400 or 401 — invalid_grant, invalid_request, unauthorized_client, an
//     empty body, a web page — means the refresh token was refused: SignInRequired;
//   - invalid_client, or 401/403 to a request in which the client authenticated, means the
//     server refused the client's credentials;
//   - invalid_code (any status) or invalid_grant to a code exchange: the code was refused;
//   - 5xx, temporarily_unavailable and server_error are transient (Kind::Server);
//   - `token_type` in any letter case is Bearer.
// No JSON parser wording ever reaches `message`; the answer's shape goes to `detail`.
struct TokenResponse
{
    TokenSet tokens;
    Failure failure;

    static TokenResponse parse(int httpStatus, const QByteArray &contentType,
                               const QByteArray &body, const QDateTime &now,
                               const QString &requestedScope, const TokenRequest &request = {});
};

// The sentence a person reads for an OAuth error code from the token endpoint.
QString describeTokenError(const QString &error, const QString &description, int httpStatus);

// Why a revocation answer (RFC 7009) does not say the token was revoked; an empty Failure when
// it does (2xx that is not a web page). A public client refused with 401/403 or invalid_client
// gets Kind::Denied with oauthError "invalid_client": the server does not let it revoke.
// 404: Kind::Configuration (no endpoint there). A 2xx web page is not a revocation response.
Failure revocationFailure(int httpStatus, const QByteArray &contentType, const QByteArray &body,
                          bool clientAuthenticated);

// A short description of an answer's body for `detail`: its size and content type, and its
// first line (redacted) when it is text.
QString describeBody(int httpStatus, const QByteArray &contentType, const QByteArray &body);

} // namespace chartkey

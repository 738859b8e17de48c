// chartkey's own token-endpoint client.
//
// Qt 6.4's QOAuth2AuthorizationCodeFlow swallows token-endpoint failures (no signal, a
// status stuck in RefreshingToken) and sends odd refresh requests, so every request to the
// token and revocation endpoints goes through here: the code exchange, refresh, client
// credentials and revocation. Each call returns a TokenReply, an operation that completes
// once with the tokens or a Failure that says what the person should do.
#pragma once

#include <optional>

#include "auth/tokenset.h"
#include "base/operation.h"
#include "net/http.h"
#include "profile/profile.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace chartkey {

class ActivityLog;
class Clock;

// How the client authenticates at the token and revocation endpoints:
//   none                 client_id in the body (public client, PKCE)
//   client_secret_post   client_id and client_secret in the body
//   client_secret_basic  Authorization: Basic (RFC 6749 section 2.3.1, form-encoded parts)
//   private_key_jwt      client_id, client_assertion_type and a fresh client_assertion
//                        signed with `signingKey` (auth/clientassertion.h), aud = token URL
struct TokenEndpoint
{
    QUrl tokenUrl;
    QUrl revocationUrl;
    QString clientId;
    QString clientSecret;   // empty for a public client
    QJsonObject signingKey; // private_key_jwt: the private JWK that signs the assertion
    // Automatic: private_key_jwt with a key, client_secret_post with a secret, else none.
    Profile::ClientAuth clientAuth = Profile::ClientAuth::Automatic;
    // private_key_jwt: sent as it is instead of a fresh assertion (the registration check's
    // probes: a wrong aud, an expired one, an unknown key, a replay).
    QByteArray assertion;

    Profile::ClientAuth method() const;
    bool authenticates() const { return method() != Profile::ClientAuth::None; }
};

// A client's credential, as read from the keychain: its secret, or its signing key.
struct ClientCredential
{
    QString secret;
    QJsonObject signingKey;
};

// The endpoint of `profile` with its credential.
TokenEndpoint tokenEndpoint(const Profile &profile, const ClientCredential &credential);

struct TokenResult
{
    TokenSet tokens;        // empty for revocation and on failure
    Failure failure;
    qint64 elapsedMs = 0;
};

using TokenReply = Pending<TokenResult>;

class TokenClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenClient)
public:
    TokenClient(QNetworkAccessManager *nam, const Clock *clock, QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    void setActivityLog(ActivityLog *activity) { m_activity = activity; }

    TokenReply *exchangeCode(const TokenEndpoint &endpoint, const QString &code,
                             const QString &redirectUri, const QString &codeVerifier);
    // The same with the code_verifier field exactly as given: nullopt leaves it out, an empty
    // string sends it blank (the PKCE negatives of `chartkey check`).
    TokenReply *exchangeCodeWithVerifierField(const TokenEndpoint &endpoint, const QString &code,
                                              const QString &redirectUri,
                                              const std::optional<QString> &codeVerifier);
    // Sends `scope` as originally granted (RFC 6749 section 6; Canvas expects it).
    TokenReply *refresh(const TokenEndpoint &endpoint, const QString &refreshToken,
                        const QString &scope);
    TokenReply *clientCredentials(const TokenEndpoint &endpoint, const QString &scope);
    // RFC 7009. `hint` is "access_token" or "refresh_token".
    TokenReply *revoke(const TokenEndpoint &endpoint, const QString &token, const QString &hint);
    // Canvas LMS: DELETE {token URL} with the access token as bearer ends it and its refresh
    // token (the LMS's "log out"; it has no RFC 7009 endpoint).
    TokenReply *revokeByDelete(const TokenEndpoint &endpoint, const QString &accessToken);

private:
    // Adds the client authentication of `endpoint` to `fields` and `request`; false with
    // `failure` set when the assertion cannot be signed.
    bool authenticate(const TokenEndpoint &endpoint, QList<std::pair<QString, QString>> &fields,
                      QNetworkRequest &request, Failure *failure) const;
    TokenReply *post(const QUrl &url, const TokenEndpoint &endpoint,
                     QList<std::pair<QString, QString>> fields, const QString &requestedScope,
                     TokenRequest::Grant grant);

    QNetworkAccessManager *m_nam = nullptr;
    const Clock *m_clock = nullptr;
    int m_timeoutMs = http::kDefaultTimeoutMs;
    ActivityLog *m_activity = nullptr;
};

} // namespace chartkey

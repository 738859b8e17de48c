#include "tokenclient.h"

#include "auth/clientassertion.h"
#include "base/clock.h"
#include "base/logging.h"
#include "base/secretnames.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QNetworkAccessManager>

namespace chartkey {

Profile::ClientAuth TokenEndpoint::method() const
{
    if (clientAuth != Profile::ClientAuth::Automatic)
        return clientAuth;
    if (!signingKey.isEmpty())
        return Profile::ClientAuth::PrivateKeyJwt;
    return clientSecret.isEmpty() ? Profile::ClientAuth::None
                                  : Profile::ClientAuth::ClientSecretPost;
}

TokenEndpoint tokenEndpoint(const Profile &profile, const ClientCredential &credential)
{
    TokenEndpoint e{profile.tokenUrl, profile.revocationUrl, profile.clientId, credential.secret,
                    credential.signingKey, profile.clientAuth, {}};
    if (profile.clientAuth == Profile::ClientAuth::Automatic && !profile.isConfidential())
        e.clientAuth = Profile::ClientAuth::None;
    return e;
}

TokenClient::TokenClient(QNetworkAccessManager *nam, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_clock(clock)
{
}

TokenReply *TokenClient::exchangeCode(const TokenEndpoint &endpoint, const QString &code,
                                      const QString &redirectUri, const QString &codeVerifier)
{
    QList<std::pair<QString, QString>> fields = {
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("code"), code},
        {QStringLiteral("redirect_uri"), redirectUri},
    };
    if (!codeVerifier.isEmpty())
        fields.append({QStringLiteral("code_verifier"), codeVerifier});
    return post(endpoint.tokenUrl, endpoint, fields, QString(),
                TokenRequest::Grant::AuthorizationCode);
}

TokenReply *TokenClient::exchangeCodeWithVerifierField(const TokenEndpoint &endpoint,
                                                       const QString &code,
                                                       const QString &redirectUri,
                                                       const std::optional<QString> &codeVerifier)
{
    QList<std::pair<QString, QString>> fields = {
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("code"), code},
        {QStringLiteral("redirect_uri"), redirectUri},
    };
    if (codeVerifier)
        fields.append({QStringLiteral("code_verifier"), *codeVerifier});
    return post(endpoint.tokenUrl, endpoint, fields, QString(),
                TokenRequest::Grant::AuthorizationCode);
}

TokenReply *TokenClient::refresh(const TokenEndpoint &endpoint, const QString &refreshToken,
                                 const QString &scope)
{
    QList<std::pair<QString, QString>> fields = {
        {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
        {QStringLiteral("refresh_token"), refreshToken},
    };
    if (!scope.isEmpty())
        fields.append({QStringLiteral("scope"), scope});
    return post(endpoint.tokenUrl, endpoint, fields, scope, TokenRequest::Grant::Refresh);
}

TokenReply *TokenClient::clientCredentials(const TokenEndpoint &endpoint, const QString &scope)
{
    QList<std::pair<QString, QString>> fields = {
        {QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
    };
    if (!scope.isEmpty())
        fields.append({QStringLiteral("scope"), scope});
    return post(endpoint.tokenUrl, endpoint, fields, scope,
                TokenRequest::Grant::ClientCredentials);
}

TokenReply *TokenClient::revoke(const TokenEndpoint &endpoint, const QString &token,
                                const QString &hint)
{
    const QList<std::pair<QString, QString>> fields = {
        {QStringLiteral("token"), token},
        {QStringLiteral("token_type_hint"), hint},
    };
    return post(endpoint.revocationUrl, endpoint, fields, QString(),
                TokenRequest::Grant::Revocation);
}

TokenReply *TokenClient::revokeByDelete(const TokenEndpoint &endpoint,
                                        const QString &accessToken)
{
    auto *reply = new TokenReply(this);
    log::registerSecret(accessToken);
    QNetworkRequest request = http::makeRequest(endpoint.tokenUrl);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    http::send(m_nam, request, "DELETE", {}, m_timeoutMs, m_activity)
            ->then(reply, [reply](const http::Response &response) {
                   TokenResult result;
                   result.elapsedMs = response.elapsedMs;
                   if (response.failure)
                       result.failure = response.failure;
                   else if (response.status < 200 || response.status >= 300)
                       result.failure = Failure::make(
                               Failure::Kind::Http,
                               QCoreApplication::translate(
                                       "chartkey::TokenClient",
                                       "The LMS answered HTTP %1 to the request to end the "
                                       "token.")
                                       .arg(response.status),
                               QStringLiteral("DELETE token -> %1").arg(response.status));
                   result.failure.httpStatus = response.status;
                   reply->complete(result);
               });
    return reply;
}

bool TokenClient::authenticate(const TokenEndpoint &endpoint,
                               QList<std::pair<QString, QString>> &fields,
                               QNetworkRequest &request, Failure *failure) const
{
    using A = Profile::ClientAuth;
    switch (endpoint.method()) {
    case A::Automatic: // resolved by method()
    case A::None:
        fields.append({QStringLiteral("client_id"), endpoint.clientId});
        return true;
    case A::ClientSecretPost:
        // What Canvas and most servers accept, and chartkey's choice before there was one.
        fields.append({QStringLiteral("client_id"), endpoint.clientId});
        fields.append({QStringLiteral("client_secret"), endpoint.clientSecret});
        return true;
    case A::ClientSecretBasic: {
        // RFC 6749 section 2.3.1: each part form-encoded before the base64.
        const QByteArray id = QUrl::toPercentEncoding(endpoint.clientId);
        const QByteArray secret = QUrl::toPercentEncoding(endpoint.clientSecret);
        const QByteArray basic = (id + ':' + secret).toBase64();
        log::registerSecret(QString::fromLatin1(basic));
        request.setRawHeader("Authorization", "Basic " + basic);
        return true;
    }
    case A::PrivateKeyJwt: {
        if (!endpoint.assertion.isEmpty()) {
            log::registerSecret(QString::fromLatin1(endpoint.assertion));
            fields.append({QStringLiteral("client_id"), endpoint.clientId});
            fields.append({QStringLiteral("client_assertion_type"),
                           QString::fromLatin1(clientassertion::kAssertionType)});
            fields.append({QStringLiteral("client_assertion"),
                           QString::fromLatin1(endpoint.assertion)});
            return true;
        }
        if (endpoint.signingKey.isEmpty()) {
            *failure = Failure::make(
                    Failure::Kind::Configuration,
                    QCoreApplication::translate("chartkey::TokenClient",
                                                "The client authenticates with a key, but none "
                                                "was given. Make one with: chartkey key "
                                                "generate"));
            return false;
        }
        QString error;
        // The audience is the token endpoint, also for revocation (RFC 7523 section 3).
        const QByteArray assertion = clientassertion::make(
                endpoint.clientId, endpoint.tokenUrl, endpoint.signingKey, m_clock->now(), &error);
        if (assertion.isEmpty()) {
            *failure = Failure::make(
                    Failure::Kind::Configuration,
                    QCoreApplication::translate("chartkey::TokenClient",
                                                "The client assertion could not be signed: %1 "
                                                "Make a new key with: chartkey key rotate")
                            .arg(error));
            return false;
        }
        fields.append({QStringLiteral("client_id"), endpoint.clientId});
        fields.append({QStringLiteral("client_assertion_type"),
                       QString::fromLatin1(clientassertion::kAssertionType)});
        fields.append({QStringLiteral("client_assertion"), QString::fromLatin1(assertion)});
        return true;
    }
    }
    return true;
}

TokenReply *TokenClient::post(const QUrl &url, const TokenEndpoint &endpoint,
                              QList<std::pair<QString, QString>> fields,
                              const QString &requestedScope, TokenRequest::Grant grant)
{
    const bool expectTokens = grant != TokenRequest::Grant::Revocation;
    const TokenRequest kind{grant, endpoint.authenticates()};
    auto *reply = new TokenReply(this);
    // Only the secret fields: registering ordinary values (grant types, scopes, redirect URIs)
    // would blank them in logs and defeat the redactor's field patterns.
    for (const auto &[name, value] : std::as_const(fields)) {
        if (secretnames::isSecret(name))
            log::registerSecret(value);
    }
    log::registerSecret(endpoint.clientSecret);

    if (!url.isValid() || url.isEmpty()) {
        TokenResult result;
        result.failure = Failure::make(
                Failure::Kind::Configuration,
                QCoreApplication::translate("chartkey::TokenClient",
                                            "The profile has no %1 URL. Edit the profile.")
                        .arg(expectTokens ? QStringLiteral("token")
                                          : QStringLiteral("revocation")));
        reply->completeLater(result);
        return reply;
    }

    QNetworkRequest request = http::makeRequest(url);
    if (Failure failure; !authenticate(endpoint, fields, request, &failure)) {
        TokenResult result;
        result.failure = failure;
        reply->completeLater(result);
        return reply;
    }
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("application/x-www-form-urlencoded"));
    const Clock *clock = m_clock;
    const bool withKey = endpoint.method() == Profile::ClientAuth::PrivateKeyJwt;
    http::send(m_nam, request, "POST", http::formEncode(fields), m_timeoutMs, m_activity)
            ->then(reply, [reply, clock, requestedScope, expectTokens, kind, withKey](const http::Response &response) {
                   TokenResult result;
                   result.elapsedMs = response.elapsedMs;
                   if (response.failure) {
                       result.failure = response.failure;
                   } else if (expectTokens) {
                       TokenResponse parsed = TokenResponse::parse(
                               response.status, response.contentType, response.body,
                               clock->now(), requestedScope, kind);
                       result.tokens = parsed.tokens;
                       result.failure = parsed.failure;
                   } else {
                       // Revocation: RFC 7009 answers 200 for success, even for unknown tokens.
                       result.failure = revocationFailure(response.status, response.contentType,
                                                          response.body, kind.clientAuthenticated);
                   }
                   if (withKey && result.failure.oauthError == QLatin1String("invalid_client"))
                       // What a key client does about it is not what a secret client does.
                       result.failure.message = QCoreApplication::translate(
                               "chartkey::TokenClient",
                               "The EHR refused the client's signed assertion (%1). Check the "
                               "client ID, and that the EHR has the JWKS that chartkey key show "
                               "prints (register it again after key rotate or key retire).")
                               .arg(result.failure.detail.isEmpty()
                                            ? QStringLiteral("invalid_client")
                                            : result.failure.detail);
                   if (result.failure)
                       qCWarning(lcAuth).noquote()
                               << "token endpoint failure:" << result.failure.detail;
                   reply->complete(result);
               });
    return reply;
}

} // namespace chartkey

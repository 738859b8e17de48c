#include "tokenclient.h"

#include "base/clock.h"
#include "base/logging.h"
#include "base/secretnames.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QNetworkAccessManager>

namespace chartkey {

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

TokenReply *TokenClient::post(const QUrl &url, const TokenEndpoint &endpoint,
                              QList<std::pair<QString, QString>> fields,
                              const QString &requestedScope, TokenRequest::Grant grant)
{
    const bool expectTokens = grant != TokenRequest::Grant::Revocation;
    const TokenRequest kind{grant, !endpoint.clientSecret.isEmpty()};
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

    // Public clients identify themselves with client_id; confidential ones with
    // client_secret_post, which Canvas and most servers accept.
    fields.append({QStringLiteral("client_id"), endpoint.clientId});
    if (!endpoint.clientSecret.isEmpty())
        fields.append({QStringLiteral("client_secret"), endpoint.clientSecret});

    QNetworkRequest request = http::makeRequest(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("application/x-www-form-urlencoded"));
    const Clock *clock = m_clock;
    http::send(m_nam, request, "POST", http::formEncode(fields), m_timeoutMs, m_activity)
            ->then(reply, [reply, clock, requestedScope, expectTokens, kind](const http::Response &response) {
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
                   if (result.failure)
                       qCWarning(lcAuth).noquote()
                               << "token endpoint failure:" << result.failure.detail;
                   reply->complete(result);
               });
    return reply;
}

} // namespace chartkey

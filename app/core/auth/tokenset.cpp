#include "tokenset.h"

#include "base/logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonValue>

#include <cmath>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::TokenSet", text);
}

constexpr qint64 kDefaultLeadSeconds = 300;

} // namespace

qint64 TokenSet::refreshLeadSeconds() const
{
    if (!obtainedAt.isValid() || !expiresAt.isValid())
        return kDefaultLeadSeconds;
    const qint64 lifetime = obtainedAt.secsTo(expiresAt);
    return std::min(kDefaultLeadSeconds, std::max<qint64>(0, lifetime / 4));
}

bool TokenSet::isFreshAt(const QDateTime &now) const
{
    if (isEmpty())
        return false;
    if (!expiresAt.isValid())
        return true; // the server promised nothing: use it until an API says 401
    return now.msecsTo(expiresAt) > refreshLeadSeconds() * 1000;
}

bool TokenSet::isUnexpiredAt(const QDateTime &now) const
{
    return !isEmpty() && (!expiresAt.isValid() || now < expiresAt);
}

QByteArray TokenSet::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("access_token"), accessToken);
    if (!refreshToken.isEmpty())
        o.insert(QStringLiteral("refresh_token"), refreshToken);
    if (!idToken.isEmpty())
        o.insert(QStringLiteral("id_token"), idToken);
    if (!displayName.isEmpty())
        o.insert(QStringLiteral("display_name"), displayName);
    o.insert(QStringLiteral("token_type"), tokenType);
    o.insert(QStringLiteral("scope"), scope);
    o.insert(QStringLiteral("obtained_at"), obtainedAt.toString(Qt::ISODateWithMs));
    if (expiresAt.isValid())
        o.insert(QStringLiteral("expires_at"), expiresAt.toString(Qt::ISODateWithMs));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

TokenSet TokenSet::fromJson(const QByteArray &json, bool *ok)
{
    TokenSet t;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const QJsonObject o = doc.object();
    t.accessToken = o.value(QStringLiteral("access_token")).toString();
    t.refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    t.idToken = o.value(QStringLiteral("id_token")).toString();
    t.displayName = o.value(QStringLiteral("display_name")).toString();
    t.tokenType = o.value(QStringLiteral("token_type")).toString();
    t.scope = o.value(QStringLiteral("scope")).toString();
    t.obtainedAt = QDateTime::fromString(o.value(QStringLiteral("obtained_at")).toString(),
                                         Qt::ISODateWithMs);
    t.expiresAt = QDateTime::fromString(o.value(QStringLiteral("expires_at")).toString(),
                                        Qt::ISODateWithMs);
    if (ok)
        *ok = error.error == QJsonParseError::NoError && doc.isObject() && !t.accessToken.isEmpty();
    t.registerSecrets();
    return t;
}

void TokenSet::registerSecrets() const
{
    log::registerSecret(accessToken);
    log::registerSecret(refreshToken);
    log::registerSecret(idToken);
}

QString describeTokenError(const QString &error, const QString &description, int httpStatus)
{
    QString said = description.isEmpty() ? error : description;
    if (error == QLatin1String("invalid_grant"))
        return tr("The server no longer accepts this sign-in (invalid_grant: %1). Sign in again.")
                .arg(said);
    if (error == QLatin1String("invalid_client"))
        return tr("The server did not accept the client (invalid_client: %1). Check the client ID "
                  "and secret against the application registered on the EHR.")
                .arg(said);
    if (error == QLatin1String("invalid_scope"))
        return tr("The server refused the requested scopes (invalid_scope: %1). Ask only for "
                  "scopes the application is registered for.")
                .arg(said);
    if (error == QLatin1String("unauthorized_client"))
        return tr("This client may not use this grant type (unauthorized_client: %1). Check the "
                  "grant type of the application's registration.")
                .arg(said);
    if (error == QLatin1String("invalid_request"))
        return tr("The server rejected the request (invalid_request: %1). Check the profile's "
                  "client ID and redirect URI against the registration.")
                .arg(said);
    if (error == QLatin1String("temporarily_unavailable") || error == QLatin1String("server_error")
        || httpStatus >= 500)
        return tr("The token server is not available right now (%1, HTTP %2). Try again in a "
                  "minute; your sign-in is kept.")
                .arg(said, QString::number(httpStatus)); // one pass: said may hold "%1"
    return tr("The token server refused the request (%1, HTTP %2).")
            .arg(said, QString::number(httpStatus));
}

QString describeBody(int httpStatus, const QByteArray &contentType, const QByteArray &body)
{
    QString shape = QStringLiteral("HTTP %1, %2 bytes").arg(httpStatus).arg(body.size());
    if (!contentType.isEmpty())
        shape += QStringLiteral(", ") + QString::fromLatin1(contentType);
    const QByteArray firstLine = body.trimmed().left(160).split('\n').value(0).trimmed();
    if (!firstLine.isEmpty())
        shape += QStringLiteral(": ") + log::redact(QString::fromUtf8(firstLine));
    return shape;
}

namespace {

bool isHtml(const QByteArray &contentType, const QByteArray &body)
{
    return contentType.contains("html") || body.trimmed().startsWith('<');
}

// What the person reads for an answer that carries no OAuth error (an empty body, a web
// page, text, or JSON without "error"): judged by its status and the request.
Failure withoutOAuthError(int status, const QByteArray &contentType, const QByteArray &body,
                          const TokenRequest &request)
{
    using G = TokenRequest::Grant;
    const QString what = body.trimmed().isEmpty()
            ? tr("an empty answer")
            : isHtml(contentType, body) ? tr("a web page") : tr("an answer that is not OAuth JSON");
    Failure f;
    f.httpStatus = status;
    f.detail = describeBody(status, contentType, body);
    if (status >= 500) {
        f.kind = Failure::Kind::Server;
        f.message = tr("The token server failed (HTTP %1). Try again in a minute; your sign-in is "
                       "kept.")
                            .arg(status);
        return f;
    }
    if (request.grant == G::Refresh && (status == 400 || status == 401)) {
        f.kind = Failure::Kind::SignInRequired;
        f.message = tr("The EHR refused the refresh token (HTTP %1, %2). Sign in again.")
                            .arg(QString::number(status), what);
        return f;
    }
    if ((status == 401 || status == 403) && request.clientAuthenticated) {
        f.kind = Failure::Kind::OAuth;
        f.oauthError = QStringLiteral("invalid_client");
        f.message = tr("The EHR refused the client's credentials (HTTP %1, %2). Check the client "
                       "ID and the client secret (or key) against the application registered "
                       "on the EHR.")
                            .arg(QString::number(status), what);
        return f;
    }
    if (request.grant == G::AuthorizationCode && status >= 400 && status < 500) {
        f.kind = Failure::Kind::OAuth;
        f.message = tr("The EHR refused the sign-in code (HTTP %1, %2).")
                            .arg(QString::number(status), what);
        return f;
    }
    if (status >= 200 && status < 300) {
        f.kind = Failure::Kind::Malformed;
        f.message = isHtml(contentType, body)
                ? tr("The token endpoint answered with a web page instead of tokens (HTTP %1). "
                     "Check the token URL of the profile.")
                          .arg(status)
                : tr("The token endpoint's answer holds no tokens (HTTP %1, %2). The server does "
                     "not follow RFC 6749; try again, and if it persists, tell its operator.")
                          .arg(QString::number(status), what);
        return f;
    }
    f.kind = Failure::Kind::OAuth;
    f.message = isHtml(contentType, body)
            ? tr("The token endpoint answered HTTP %1 with a web page instead of an OAuth "
                 "answer. Check the token URL of the profile.")
                      .arg(status)
            : tr("The token endpoint refused the request (HTTP %1, %2).")
                      .arg(QString::number(status), what);
    return f;
}

// The same for an answer with an OAuth error code.
Failure withOAuthError(int status, const QString &error, const QString &description,
                       const TokenRequest &request)
{
    using G = TokenRequest::Grant;
    Failure f;
    f.httpStatus = status;
    f.oauthError = error;
    f.detail = QStringLiteral("HTTP %1, error=%2, error_description=%3")
                       .arg(status)
                       .arg(error, description);
    const QString said = description.isEmpty() ? error : description;
    const bool transient = error == QLatin1String("temporarily_unavailable")
            || error == QLatin1String("server_error") || status >= 500;
    if (transient) {
        f.kind = Failure::Kind::Server;
        f.message = describeTokenError(error, description, status);
        return f;
    }
    if (error == QLatin1String("invalid_client")) {
        f.kind = Failure::Kind::OAuth;
        f.message = describeTokenError(error, description, status);
        return f;
    }
    if (request.grant == G::Refresh && (status == 400 || status == 401)
        && error != QLatin1String("invalid_scope")) {
        // Whatever the code (invalid_grant, invalid_request, unauthorized_client, ...): the
        // server will not renew this sign-in. invalid_scope is about the scope sent, which
        // a new sign-in would ask for again.
        f.kind = Failure::Kind::SignInRequired;
        f.message = tr("The EHR refused the refresh token (%1: %2). Sign in again.")
                            .arg(error, said);
        return f;
    }
    if (request.grant == G::AuthorizationCode
        && (error == QLatin1String("invalid_grant") || error == QLatin1String("invalid_code"))) {
        f.kind = Failure::Kind::OAuth;
        f.message = tr("The EHR refused the sign-in code (%1: %2).").arg(error, said);
        return f;
    }
    if (error == QLatin1String("invalid_grant")) {
        f.kind = Failure::Kind::SignInRequired;
        f.message = describeTokenError(error, description, status);
        return f;
    }
    f.kind = Failure::Kind::OAuth;
    f.message = describeTokenError(error, description, status);
    return f;
}

} // namespace

Failure revocationFailure(int httpStatus, const QByteArray &contentType, const QByteArray &body,
                          bool clientAuthenticated)
{
    const bool html = isHtml(contentType, body);
    if (httpStatus >= 200 && httpStatus < 300 && !html)
        return {};
    Failure f;
    f.httpStatus = httpStatus;
    f.detail = describeBody(httpStatus, contentType, body);
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString error = o.value(QStringLiteral("error")).toString();
    const QString description = o.value(QStringLiteral("error_description")).toString();
    f.oauthError = error;
    if (httpStatus >= 200 && httpStatus < 300) {
        f.kind = Failure::Kind::Malformed;
        f.message = tr("The revocation endpoint answered with a web page (HTTP %1), not a "
                       "revocation response.")
                            .arg(httpStatus);
    } else if (httpStatus >= 500 || error == QLatin1String("temporarily_unavailable")) {
        f.kind = Failure::Kind::Server;
        f.message = tr("The revocation endpoint failed (HTTP %1).").arg(httpStatus);
    } else if (httpStatus == 404) {
        f.kind = Failure::Kind::Configuration;
        f.message = tr("There is no revocation endpoint at the profile's revocation URL (HTTP "
                       "404).");
    } else if (httpStatus == 401 || httpStatus == 403 || error == QLatin1String("invalid_client")) {
        f.oauthError = QStringLiteral("invalid_client");
        if (clientAuthenticated) {
            f.kind = Failure::Kind::OAuth;
            f.message = tr("The revocation endpoint refused the client's credentials (HTTP %1).")
                                .arg(httpStatus);
        } else {
            f.kind = Failure::Kind::Denied;
            f.message = tr("This server does not let a public client revoke its tokens (HTTP "
                           "%1).")
                                .arg(httpStatus);
        }
    } else {
        f.kind = Failure::Kind::OAuth;
        f.message = error.isEmpty()
                ? tr("The revocation endpoint refused the request (HTTP %1).").arg(httpStatus)
                : tr("The revocation endpoint refused the request (HTTP %1, %2: %3).")
                          .arg(QString::number(httpStatus), error,
                               description.isEmpty() ? error : description);
    }
    return f;
}

TokenResponse TokenResponse::parse(int httpStatus, const QByteArray &contentType,
                                   const QByteArray &body, const QDateTime &now,
                                   const QString &requestedScope, const TokenRequest &request)
{
    TokenResponse r;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const bool isJsonObject = parseError.error == QJsonParseError::NoError && doc.isObject();
    const QJsonObject o = doc.object();

    if (isJsonObject) {
        // Register before anything could log the values.
        log::registerSecret(o.value(QStringLiteral("access_token")).toString());
        log::registerSecret(o.value(QStringLiteral("refresh_token")).toString());
        log::registerSecret(o.value(QStringLiteral("id_token")).toString());
    }

    auto fail = [&](Failure::Kind kind, const QString &message, const QString &detail) {
        r.failure = Failure::make(kind, message, detail);
        r.failure.httpStatus = httpStatus;
        return r;
    };

    if (isJsonObject && o.value(QStringLiteral("error")).isString()) {
        r.failure = withOAuthError(httpStatus, o.value(QStringLiteral("error")).toString(),
                                   o.value(QStringLiteral("error_description")).toString(),
                                   request);
        return r;
    }
    if (!isJsonObject || httpStatus < 200 || httpStatus >= 300) {
        r.failure = withoutOAuthError(httpStatus, contentType, body, request);
        return r;
    }

    const QJsonValue access = o.value(QStringLiteral("access_token"));
    const QJsonValue type = o.value(QStringLiteral("token_type"));
    const QJsonValue expiresIn = o.value(QStringLiteral("expires_in"));
    const QJsonValue refresh = o.value(QStringLiteral("refresh_token"));
    const QJsonValue scope = o.value(QStringLiteral("scope"));

    const QString malformed = tr("The token endpoint's answer is missing or mistypes a required "
                                 "field (%1). The server does not follow RFC 6749.");
    if (!access.isString() || access.toString().isEmpty())
        return fail(Failure::Kind::Malformed, malformed.arg(QStringLiteral("access_token")),
                    QStringLiteral("access_token missing or not a string"));
    if (!type.isString())
        return fail(Failure::Kind::Malformed, malformed.arg(QStringLiteral("token_type")),
                    QStringLiteral("token_type missing or not a string"));
    if (type.toString().compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0)
        return fail(Failure::Kind::Malformed,
                    tr("The server issued a \"%1\" token; chartkey supports Bearer tokens only.")
                            .arg(type.toString()),
                    QStringLiteral("token_type=%1").arg(type.toString()));
    if (!expiresIn.isUndefined() && !expiresIn.isNull() && !expiresIn.isDouble()
        && !(expiresIn.isString() && expiresIn.toString().toDouble() > 0))
        return fail(Failure::Kind::Malformed, malformed.arg(QStringLiteral("expires_in")),
                    QStringLiteral("expires_in has the wrong type"));
    if (!refresh.isUndefined() && !refresh.isNull() && !refresh.isString())
        return fail(Failure::Kind::Malformed, malformed.arg(QStringLiteral("refresh_token")),
                    QStringLiteral("refresh_token has the wrong type"));
    if (!scope.isUndefined() && !scope.isNull() && !scope.isString())
        return fail(Failure::Kind::Malformed, malformed.arg(QStringLiteral("scope")),
                    QStringLiteral("scope has the wrong type"));

    r.tokens.accessToken = access.toString();
    r.tokens.tokenType = QStringLiteral("Bearer");
    r.tokens.refreshToken = refresh.toString();
    r.tokens.idToken = o.value(QStringLiteral("id_token")).toString();
    r.tokens.scope = scope.isString() ? scope.toString() : requestedScope;
    r.tokens.obtainedAt = now;
    // A lifetime beyond ten years is taken as ten years: large values would overflow the
    // arithmetic (found by fuzzing), and no server means them.
    constexpr double kLongestLifetime = 10.0 * 365 * 24 * 3600;
    const double given = expiresIn.isString() ? expiresIn.toString().toDouble()
                                              : expiresIn.toDouble();
    if (std::isfinite(given) && given >= 1)
        r.tokens.expiresAt = now.addSecs(static_cast<qint64>(std::min(given, kLongestLifetime)));
    return r;
}

} // namespace chartkey

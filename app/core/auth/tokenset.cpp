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

TokenResponse TokenResponse::parse(int httpStatus, const QByteArray &contentType,
                                   const QByteArray &body, const QDateTime &now,
                                   const QString &requestedScope)
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
        const QString error = o.value(QStringLiteral("error")).toString();
        const QString description = o.value(QStringLiteral("error_description")).toString();
        r.failure.kind = error == QLatin1String("invalid_grant") ? Failure::Kind::SignInRequired
                : (error == QLatin1String("temporarily_unavailable")
                   || error == QLatin1String("server_error") || httpStatus >= 500)
                ? Failure::Kind::Server
                : Failure::Kind::OAuth;
        r.failure.message = describeTokenError(error, description, httpStatus);
        r.failure.detail = QStringLiteral("HTTP %1, error=%2, error_description=%3")
                                   .arg(httpStatus)
                                   .arg(error, description);
        r.failure.httpStatus = httpStatus;
        r.failure.oauthError = error;
        return r;
    }

    if (httpStatus >= 500)
        return fail(Failure::Kind::Server,
                    tr("The token server failed (HTTP %1). Try again in a minute; your sign-in "
                       "is kept.")
                            .arg(httpStatus),
                    QStringLiteral("HTTP %1, content type %2")
                            .arg(httpStatus)
                            .arg(QString::fromLatin1(contentType)));
    if (!isJsonObject) {
        const bool html = contentType.contains("html") || body.trimmed().startsWith('<');
        return fail(Failure::Kind::Malformed,
                    html ? tr("The token endpoint answered with a web page instead of JSON (HTTP "
                              "%1). Check the token URL of the profile.")
                                   .arg(httpStatus)
                         : tr("The token endpoint sent a response that is not valid JSON (HTTP "
                              "%1). Try again; if it persists, the server is misbehaving.")
                                   .arg(httpStatus),
                    QStringLiteral("HTTP %1, %2 bytes, JSON error: %3")
                            .arg(httpStatus)
                            .arg(body.size())
                            .arg(parseError.errorString()));
    }
    if (httpStatus < 200 || httpStatus >= 300)
        return fail(Failure::Kind::OAuth,
                    tr("The token endpoint refused the request (HTTP %1) without an OAuth error.")
                            .arg(httpStatus),
                    QStringLiteral("HTTP %1").arg(httpStatus));

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

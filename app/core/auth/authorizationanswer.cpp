#include "authorizationanswer.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::AuthorizationAnswer", text);
}

QString pageText(const QByteArray &body)
{
    QString text = QString::fromUtf8(body);
    static const QRegularExpression scripts(QStringLiteral("<(script|style)[^>]*>.*?</\\1>"),
                                            QRegularExpression::CaseInsensitiveOption
                                                    | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    text.replace(scripts, QStringLiteral(" "));
    text.replace(tags, QStringLiteral(" "));
    return text.simplified();
}

// A form that asks for a password, or for a user name: a sign-in page.
bool isSignInForm(const QByteArray &body)
{
    static const QRegularExpression password(
            QStringLiteral("<input[^>]*type\\s*=\\s*[\"']?password"),
            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression user(
            QStringLiteral("<input[^>]*name\\s*=\\s*[\"']?(user(name)?|login|email|j_username|"
                           "identifier)[\"' >]"),
            QRegularExpression::CaseInsensitiveOption);
    const QString html = QString::fromUtf8(body);
    if (!html.contains(QLatin1String("<form"), Qt::CaseInsensitive))
        return false;
    return password.match(html).hasMatch() || user.match(html).hasMatch();
}

// An OAuth error named on an error page: <... class="error">invalid_client</...> or
// "error: invalid_request".
QString pageError(const QString &text)
{
    static const QRegularExpression code(QStringLiteral(
            "\\b(invalid_request|invalid_client|unauthorized_client|access_denied|"
            "unsupported_response_type|invalid_scope|server_error|temporarily_unavailable|"
            "redirect_mismatch|invalid_redirect_uri)\\b"));
    return code.match(text).captured(1);
}

// A query value as a browser's form decoding reads it: '+' is a space.
QString formValue(const QUrlQuery &query, const QString &name)
{
    QByteArray raw = query.queryItemValue(name, QUrl::FullyEncoded).toLatin1();
    raw.replace('+', "%20");
    return QUrl::fromPercentEncoding(raw);
}

QString withoutQuery(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

} // namespace

QString AuthorizationAnswer::said() const
{
    if (!error.isEmpty() && !description.isEmpty() && description != error)
        return QStringLiteral("%1: %2").arg(error, description);
    if (!error.isEmpty())
        return error;
    return description;
}

AuthorizationAnswer classifyAuthorizationAnswer(int status, const QByteArray &contentType,
                                                const QByteArray &location,
                                                const QByteArray &body, const QUrl &requestUrl,
                                                const QString &redirectUri)
{
    using K = AuthorizationAnswer::Kind;
    AuthorizationAnswer a;
    a.status = status;
    if (status >= 300 && status < 400 && !location.isEmpty()) {
        a.location = requestUrl.resolved(QUrl(QString::fromUtf8(location)));
        if (withoutQuery(a.location) != withoutQuery(QUrl(redirectUri))) {
            a.kind = K::SignInPage; // on to the server's own pages (sign-in, consent)
            return a;
        }
        const QUrlQuery query(a.location);
        if (query.hasQueryItem(QStringLiteral("error"))) {
            a.kind = K::ErrorBack;
            a.error = formValue(query, QStringLiteral("error"));
            a.description = formValue(query, QStringLiteral("error_description"));
            return a;
        }
        a.kind = K::CodeBack;
        return a;
    }

    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (json.value(QStringLiteral("error")).isString()) {
        a.kind = K::Refused;
        a.error = json.value(QStringLiteral("error")).toString();
        a.description = json.value(QStringLiteral("error_description")).toString();
    } else if (isSignInForm(body)) {
        a.kind = K::SignInPage;
        return a;
    } else {
        const QString text = pageText(body);
        a.error = pageError(text);
        a.description = text.left(300);
        const bool errorWords = !a.error.isEmpty()
                || text.contains(QLatin1String("error"), Qt::CaseInsensitive)
                || text.contains(QLatin1String("does not match"), Qt::CaseInsensitive)
                || text.contains(QLatin1String("invalid"), Qt::CaseInsensitive)
                || text.contains(QLatin1String("mismatch"), Qt::CaseInsensitive);
        const bool namesRedirect = text.contains(QLatin1String("redirect"), Qt::CaseInsensitive)
                || text.contains(QLatin1String("callback"), Qt::CaseInsensitive);
        const bool namesClient = text.contains(QLatin1String("client"), Qt::CaseInsensitive);
        const bool anyForm = QString::fromUtf8(body).contains(QLatin1String("<form"),
                                                              Qt::CaseInsensitive);
        if (status >= 500)
            a.kind = K::CannotTell;
        else if (anyForm && !errorWords)
            a.kind = K::SignInPage; // a page that asks something of the person (consent)
        else if (errorWords && (namesRedirect || namesClient || (status >= 400 && status != 401)))
            a.kind = K::Refused; // an error page (200 included) naming what it refused
        else if (text.isEmpty() && (status == 400 || status == 403 || status == 404))
            a.kind = K::Refused; // a bare refusal: no sign-in page, nothing said
        else
            a.kind = K::CannotTell;
    }
    const QString all = a.error + QLatin1Char(' ') + a.description;
    a.namesRedirectUri = all.contains(QLatin1String("redirect"), Qt::CaseInsensitive)
            || all.contains(QLatin1String("callback"), Qt::CaseInsensitive);
    a.namesClient = !a.namesRedirectUri
            && (a.error == QLatin1String("invalid_client")
                || all.contains(QLatin1String("client"), Qt::CaseInsensitive));
    (void)contentType;
    return a;
}

QString redirectPortNote(const Profile &profile)
{
    if (!profile.redirectUsesAnyPort())
        return tr("(with port %1, as the profile says).").arg(profile.redirectUri.port());
    return tr("(without a port: a loopback redirect on 127.0.0.1 may use any port, and "
              "chartkey picks a free one each time).");
}

QString redirectHint(const Profile &profile)
{
    if (profile.redirectUri.host() != QLatin1String("127.0.0.1")) {
        QUrl fixed = profile.redirectUri;
        fixed.setHost(QStringLiteral("127.0.0.1"));
        return tr("EHRs accept any port only for 127.0.0.1 (RFC 8252), not for %1: set the "
                  "profile's redirect URI to %2 and register exactly that on the application.")
                .arg(profile.redirectUri.host(), fixed.toString());
    }
    return tr("Register exactly this redirect URI on the application: %1 %2 Or set the "
              "profile's redirect URI to the one registered.")
            .arg(profile.redirectUri.toString(), redirectPortNote(profile));
}

RefusalExplained explainRefusal(const AuthorizationAnswer &a, const Profile &profile,
                                const QString &sentRedirectUri)
{
    const QString status = QString::number(a.status);
    const QString said = a.said().isEmpty() ? tr("no explanation") : a.said();
    if (a.kind == AuthorizationAnswer::Kind::ErrorBack) {
        QString hint;
        if (a.error == QLatin1String("invalid_scope"))
            hint = tr("Ask only for scopes the application is registered for (the profile's "
                      "scope: %1).")
                           .arg(profile.scope);
        else if (a.error == QLatin1String("unauthorized_client"))
            hint = tr("The registration does not allow this client to sign in with the "
                      "authorization code: check its grant type on the EHR.");
        else
            hint = tr("The EHR accepted the client and the redirect URI; read its reason, and "
                      "check the profile's scope and authorization parameters.");
        return {tr("The EHR refused the sign-in request before any sign-in page: %1.").arg(said),
                hint};
    }
    if (a.namesClient && !a.namesRedirectUri)
        return {tr("The EHR does not accept the client ID %1 (HTTP %2: %3).")
                        .arg(profile.clientId, status, said),
                tr("Copy the client ID from the application's page on the EHR.")};
    QUrl fixed = profile.redirectUri;
    fixed.setHost(QStringLiteral("127.0.0.1"));
    fixed.setPort(8765);
    const QString what = a.said().isEmpty()
            ? tr("HTTP %1, with no explanation").arg(status)
            : tr("HTTP %1: %2").arg(status, said);
    const QString fixedPort =
            tr("register a fixed port on the application, such as %1, and give chartkey the "
               "same redirect URI (chartkey profile add %2 … --redirect-uri %1 --replace, or "
               "Edit profile → Redirect in the desktop app)")
                    .arg(fixed.toString(), profile.name);
    if (profile.redirectUri.host() != QLatin1String("127.0.0.1"))
        return {tr("The EHR refused the redirect URI %1 (%2).").arg(sentRedirectUri, what),
                redirectHint(profile)};
    if (profile.redirectUsesAnyPort() && !a.namesRedirectUri)
        // Nothing said, nothing shown: most likely a server that compares redirect URIs as
        // strings, to which no port chosen at run time can be registered.
        return {tr("The EHR refused the sign-in request before showing a sign-in page (%1). It "
                   "seems to compare redirect URIs exactly, so %2, with the free port chartkey "
                   "picked for this sign-in, is not registered.")
                        .arg(what, sentRedirectUri),
                tr("To sign in, %1. If the redirect URI is right, check the client ID (%2).")
                        .arg(fixedPort, profile.clientId)};
    if (profile.redirectUsesAnyPort())
        return {tr("The EHR refused the redirect URI %1 (%2).").arg(sentRedirectUri, what),
                tr("%1 If it is registered exactly so, the EHR compares redirect URIs exactly: "
                   "%2.")
                        .arg(redirectHint(profile), fixedPort)};
    return {tr("The EHR refused the redirect URI %1 (%2).").arg(sentRedirectUri, what),
            tr("Register exactly %1 on the application, or check the client ID (%2).")
                    .arg(profile.redirectUri.toString(), profile.clientId)};
}

} // namespace chartkey

#include "callbackcheck.h"

#include "auth/pkce.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::BrowserSignIn", text);
}

// A query value as form-decoded text: '+' is a space (RFC 6749 appendix B), then %XX.
QString decoded(const QVariant &value)
{
    QByteArray raw = value.toString().toUtf8();
    raw.replace('+', ' ');
    return QUrl::fromPercentEncoding(raw);
}

QString withoutTrailingSlash(QString s)
{
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}

CallbackVerdict ignore(const QString &reason)
{
    CallbackVerdict v;
    v.kind = CallbackVerdict::Kind::Ignore;
    v.reason = reason;
    return v;
}

CallbackVerdict failed(Failure failure)
{
    CallbackVerdict v;
    v.kind = CallbackVerdict::Kind::Failed;
    v.failure = std::move(failure);
    return v;
}

} // namespace

CallbackVerdict checkCallback(const QVariantMap &values, const CallbackContext &context)
{
    const QByteArray state = decoded(values.value(QStringLiteral("state"))).toUtf8();
    if (state.isEmpty())
        return ignore(QStringLiteral("redirect without state"));
    if (!pkce::constantTimeEquals(state, context.state))
        return ignore(QStringLiteral("redirect with a state mismatch"));

    const QString iss = decoded(values.value(QStringLiteral("iss")));
    if (!iss.isEmpty() && !context.issuer.isEmpty()
        && withoutTrailingSlash(iss) != withoutTrailingSlash(context.issuer)) {
        return failed(Failure::make(Failure::Kind::Denied,
                                    tr("The answer came from %1, not from %2 (RFC 9207 issuer "
                                       "check), so it was not used. Check the profile's "
                                       "instance URL, then sign in again.")
                                            .arg(iss, context.issuer),
                                    QStringLiteral("iss mismatch")));
    }

    const QString error = decoded(values.value(QStringLiteral("error")));
    if (!error.isEmpty()) {
        const QString description = decoded(values.value(QStringLiteral("error_description")));
        const QString said = description.isEmpty() ? error : description;
        Failure f;
        if (error == QLatin1String("access_denied"))
            f = Failure::make(Failure::Kind::Denied,
                              tr("The EHR refused the sign-in (access_denied: %1). If you did "
                                 "not press Deny: staff users need a launch parameter, and the "
                                 "account must be allowed to use this application. Then sign "
                                 "in again.")
                                      .arg(said));
        else if (error == QLatin1String("invalid_scope"))
            f = Failure::make(Failure::Kind::OAuth,
                              tr("The EHR refused the scopes \"%1\" (%2). Ask only for scopes "
                                 "the application is registered for.")
                                      .arg(context.scope, said));
        else if (error == QLatin1String("unauthorized_client"))
            f = Failure::make(Failure::Kind::OAuth,
                              tr("The application may not use the authorization-code grant "
                                 "(%1). Check the grant type of the registration.")
                                      .arg(said));
        else
            f = Failure::make(Failure::Kind::OAuth,
                              tr("The EHR ended the sign-in with an error (%1: %2). Check that "
                                 "the registration's redirect URI is exactly %3, then sign in "
                                 "again.")
                                      .arg(error, said, context.redirectUri));
        f.oauthError = error;
        f.detail = QStringLiteral("authorization error=%1 error_description=%2")
                           .arg(error, description);
        return failed(f);
    }

    const QString code = decoded(values.value(QStringLiteral("code")));
    if (code.isEmpty())
        return failed(Failure::make(Failure::Kind::Malformed,
                                    tr("The EHR's answer had neither a code nor an error. Sign "
                                       "in again; if it repeats, the server is misbehaving."),
                                    QStringLiteral("callback without code")));
    CallbackVerdict v;
    v.kind = CallbackVerdict::Kind::Code;
    v.code = code;
    return v;
}

CallbackVerdict checkCallbackQuery(const QString &query, const CallbackContext &context)
{
    // Exactly as QOAuthHttpServerReplyHandler (Qt 6.4) turns a request target into values:
    // a tolerant QUrl, its query, the items as QUrlQuery decodes them by default, later
    // ones winning.
    const QUrl url(QStringLiteral("http://127.0.0.1/callback?") + query);
    QVariantMap values;
    const auto items = QUrlQuery(url.query()).queryItems();
    for (const auto &[name, value] : items)
        values.insert(name, value);
    return checkCallback(values, context);
}

} // namespace chartkey

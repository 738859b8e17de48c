#include "verdicts.h"

#include "profile/scopes.h"
#include "profile/presets.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace chartkey::check {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::check", text);
}

QString seconds(qint64 s)
{
    if (s >= 3600 && s % 3600 == 0)
        return tr("%1 s (%2 h)").arg(s).arg(s / 3600);
    return tr("%1 s").arg(s);
}

// The user-visible text of an HTML error page, enough to find "redirect" in it.
constexpr int kAnswerLimit = 1500;

} // namespace

// What a person reads of one exchange: status line, the headers that matter, the body
// (already redacted by the activity log), cut at a readable length.
QString describeExchange(const HttpExchange &e)
{
    QString out;
    if (e.status == 0)
        return QStringLiteral("%1 %2\n-> %3").arg(QString::fromLatin1(e.method), e.url, e.error);
    out = QStringLiteral("%1 %2\nHTTP %3").arg(QString::fromLatin1(e.method), e.url, QString::number(e.status));
    for (const auto &[name, value] : e.responseHeaders) {
        const QByteArray lower = name.toLower();
        if (lower == "content-type" || lower == "cache-control" || lower == "location"
            || lower == "www-authenticate" || lower == "retry-after" || lower == "pragma")
            out += QStringLiteral("\n%1: %2").arg(QString::fromLatin1(name),
                                                  QString::fromUtf8(value));
    }
    if (!e.responseBody.isEmpty()) {
        QString body = QString::fromUtf8(e.responseBody);
        const QJsonDocument doc = QJsonDocument::fromJson(e.responseBody);
        if (doc.isObject())
            body = QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
        if (body.size() > kAnswerLimit)
            body = body.left(kAnswerLimit) + tr("\n… (%1 characters in all)").arg(e.responseBody.size());
        out += QStringLiteral("\n\n") + body;
    }
    return out;
}

QString header(const HttpExchange &e, const QByteArray &name)
{
    for (const auto &[key, value] : e.responseHeaders) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return QString::fromUtf8(value);
    }
    return {};
}

Verdict reviewDiscovery(const ServerMetadata &m, const QUrl &url, const Profile &profile)
{
    const bool code = profile.grant == Profile::Grant::AuthorizationCode;
    const QList<MetadataFinding> findings = reviewMetadata(m, url, code);
    QStringList fails;
    QStringList warnings;
    for (const MetadataFinding &f : findings)
        (f.severity == MetadataFinding::Severity::Failure ? fails : warnings) << f.message;

    // The profile must use what the server publishes.
    const auto compare = [&](const QString &what, const QUrl &profileUrl, const QUrl &published) {
        if (published.isEmpty() || profileUrl.isEmpty())
            return;
        if (profileUrl.adjusted(QUrl::StripTrailingSlash) != published.adjusted(QUrl::StripTrailingSlash))
            fails << tr("The profile's %1 is %2 but the server publishes %3.")
                             .arg(what, profileUrl.toString(), published.toString());
    };
    compare(tr("token URL"), profile.tokenUrl, m.tokenEndpoint);
    if (code)
        compare(tr("authorization URL"), profile.authorizationUrl, m.authorizationEndpoint);
    if (!m.issuer.isEmpty() && !profile.issuer.isEmpty()
        && QUrl(m.issuer).adjusted(QUrl::StripTrailingSlash)
                != QUrl(profile.issuer).adjusted(QUrl::StripTrailingSlash))
        warnings << tr("The profile expects the issuer %1 but the document says %2; the "
                       "redirect's iss is compared with the profile's.")
                            .arg(profile.issuer, m.issuer);

    QStringList facts;
    facts << tr("Fetched %1.").arg(url.toString());
    if (!m.issuer.isEmpty())
        facts << tr("Issuer %1.").arg(m.issuer);
    facts << tr("Token endpoint %1.").arg(m.tokenEndpoint.toString());
    if (code)
        facts << tr("Authorization endpoint %1.").arg(m.authorizationEndpoint.toString());
    if (m.hasCodeChallengeMethods)
        facts << tr("PKCE methods: %1.").arg(m.codeChallengeMethods.join(QLatin1String(", ")));
    const QString summary = (fails + warnings + facts).join(QLatin1Char('\n'));
    if (!fails.isEmpty())
        return {Status::Fail, summary, tr("Correct the profile's endpoints (chartkey profile add "
                                      "--preset ... fills them from discovery), or ask the server's "
                                      "operator to fix the document.")};
    if (!warnings.isEmpty())
        return {Status::Warn, summary, {}};
    return {Status::Pass, summary, {}};
}

Verdict reviewTokenResponse(const TokenSet &t, const QString &requestedScope, bool expectRefresh,
                            const std::optional<QString> &cacheControl)
{

    QStringList fails;
    QStringList warnings;
    QStringList facts;
    if (t.tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        fails << tr("token_type is \"%1\", not Bearer.").arg(t.tokenType);
    else
        facts << tr("token_type Bearer.");
    if (!t.expiresAt.isValid())
        warnings << tr("No expires_in: chartkey cannot know when the token ends and renews it "
                       "only after the API refuses it.");
    else
        facts << tr("expires_in %1.").arg(seconds(t.obtainedAt.secsTo(t.expiresAt)));

    const QStringList dropped = scopes::missing(requestedScope, t.scope);
    if (!requestedScope.isEmpty() && !dropped.isEmpty())
        warnings << tr("The EHR granted fewer scopes than requested; dropped: %1.")
                            .arg(dropped.join(QLatin1Char(' ')));
    else if (!requestedScope.isEmpty())
        facts << tr("Granted every requested scope.");
    if (!t.scope.isEmpty())
        facts << tr("Granted: %1").arg(t.scope);

    const bool askedOffline = scopes::split(requestedScope).contains(QLatin1String("offline_access"));
    const bool grantedOffline = scopes::split(t.scope).contains(QLatin1String("offline_access"));
    if (expectRefresh && askedOffline) {
        if (!t.refreshToken.isEmpty())
            facts << tr("A refresh token came with it (offline_access).");
        else if (grantedOffline)
            fails << tr("offline_access was granted but no refresh token came: the user will "
                        "have to sign in again every time the access token ends.");
        else
            warnings << tr("No refresh token: offline_access was not granted.");
    }

    if (cacheControl) {
        const QString &cache = *cacheControl;
        if (!cache.contains(QLatin1String("no-store"), Qt::CaseInsensitive))
            warnings << tr("The token response has no \"Cache-Control: no-store\" (RFC 6749 "
                           "section 5.1 requires it): a proxy or cache may keep the tokens.");
        else
            facts << tr("Cache-Control: %1.").arg(cache);
    }

    QString hint;
    if (!dropped.isEmpty())
        hint = tr("Allow the dropped scopes on the application (Canvas: the application's "
                  "scopes), or stop asking for them in the profile.");
    if (!fails.isEmpty())
        return {Status::Fail, (fails + warnings + facts).join(QLatin1Char('\n')), hint};
    if (!warnings.isEmpty())
        return {Status::Warn, (warnings + facts).join(QLatin1Char('\n')), hint};
    return {Status::Pass, facts.join(QLatin1Char('\n')), {}};
}

QUrl apiProbeUrl(const Profile &profile)
{
    if (ServerPreset::of(profile.kind).apiProbe == ServerPreset::ApiProbe::LmsUsersSelf)
        return urlUnder(profile.instanceUrl, QStringLiteral("/api/v1/users/self"));
    if (profile.fhirBaseUrl.isEmpty())
        return {};
    QUrl url = urlUnder(profile.fhirBaseUrl, QStringLiteral("/Patient"));
    url.setQuery(QStringLiteral("_count=1"));
    return url;
}

Verdict reviewApiRefusal(int status, const QString &grantedScope, const Profile &profile)
{
    const QString granted = grantedScope.isEmpty() ? tr("(no scope stated)") : grantedScope;
    if (status == 401)
        return {Status::Fail, tr("The API refused the token (HTTP 401). Granted scope: %1").arg(granted),
                profile.grant == Profile::Grant::StaticToken
                        ? tr("The token is expired or revoked: create a new one and store it "
                             "with chartkey profile set-token %1.").arg(profile.name)
                        : tr("The API does not accept tokens from this token endpoint: check "
                             "that the FHIR base URL belongs to the same EHR instance.")};
    if (status == 403)
        return {Status::Fail,
                tr("The API refused to read with this token (HTTP 403). Granted scope: %1")
                        .arg(granted),
                ServerPreset::of(profile.kind).apiProbe == ServerPreset::ApiProbe::LmsUsersSelf
                        ? tr("Allow the developer key the scopes it needs, or turn scope "
                             "enforcement off on the key.")
                        : tr("Ask for a scope that allows reading patients (user/Patient.read, "
                             "system/Patient.read or patient/Patient.read) and allow it on the "
                             "application.")};
    return {Status::Fail, tr("The API answered HTTP %1.").arg(status),
            tr("Read the server's answer below.")};
}

} // namespace chartkey::check

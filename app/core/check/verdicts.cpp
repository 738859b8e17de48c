#include "verdicts.h"

#include "profile/scopes.h"
#include "profile/presets.h"

#include <QCoreApplication>
#include <QJsonArray>
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
    return reviewTokenResponse(t, requestedScope, expectRefresh,
                               TokenAnswerShape{cacheControl, std::nullopt, {}, false});
}

Verdict reviewTokenResponse(const TokenSet &t, const QString &requestedScope, bool expectRefresh,
                            const TokenAnswerShape &shape)
{
    const std::optional<QString> &cacheControl = shape.cacheControl;

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
    if (shape.pragma) {
        if (!shape.pragma->contains(QLatin1String("no-cache"), Qt::CaseInsensitive))
            warnings << tr("The token response has no \"Pragma: no-cache\" (RFC 6749 section "
                           "5.1; Inferno checks it): an HTTP/1.0 cache may keep the tokens.");
        else
            facts << tr("Pragma: %1.").arg(*shape.pragma);
    }

    // The fields' JSON types, as Inferno's token-response tests check them.
    const QJsonObject &o = shape.body;
    if (!o.isEmpty()) {
        QStringList wrongTypes;
        const auto mustBeString = [&](const char *name, bool required) {
            const QJsonValue v = o.value(QLatin1String(name));
            if (v.isUndefined()) {
                if (required)
                    wrongTypes << tr("%1 is missing").arg(QLatin1String(name));
                return;
            }
            if (!v.isString())
                wrongTypes << tr("%1 is not a string").arg(QLatin1String(name));
        };
        mustBeString("access_token", true);
        mustBeString("token_type", true);
        mustBeString("refresh_token", false);
        mustBeString("id_token", false);
        mustBeString("scope", false);
        const QJsonValue expires = o.value(QLatin1String("expires_in"));
        if (!expires.isUndefined()
            && (!expires.isDouble() || expires.toDouble() != double(expires.toInteger())))
            wrongTypes << tr("expires_in is %1, not an integer number of seconds")
                                  .arg(expires.isString()
                                               ? QStringLiteral("the string \"%1\"").arg(expires.toString())
                                               : QString::fromUtf8(QJsonDocument(QJsonArray{expires})
                                                                           .toJson(QJsonDocument::Compact))
                                                         .mid(1).chopped(1));
        if (!wrongTypes.isEmpty())
            fails << tr("The token response's fields do not have the types RFC 6749 section 5.1 "
                        "gives them: %1.").arg(wrongTypes.join(QLatin1String("; ")));
        // Only SMART requires it (RFC 6749 section 5.1 lets it be left out when the grant is
        // what was asked; Cognito does).
        if (shape.smart && o.value(QLatin1String("scope")).isUndefined())
            fails << tr("The token response names no scope: SMART App Launch requires it, "
                        "and without it a client cannot tell what it was granted.");
    }

    QString hint;
    if (!dropped.isEmpty())
        hint = tr("Allow the dropped scopes on the application (Canvas: the application's "
                  "scopes), or stop asking for them in the profile.");
    else if (!fails.isEmpty() || !warnings.isEmpty())
        hint = tr("The token endpoint's answer is the server's to fix: report what is listed "
                  "here to its operator (RFC 6749 section 5.1, SMART App Launch \"Obtain access "
                  "token\").");
    if (!fails.isEmpty())
        return {Status::Fail, (fails + warnings + facts).join(QLatin1Char('\n')), hint};
    if (!warnings.isEmpty())
        return {Status::Warn, (warnings + facts).join(QLatin1Char('\n')), hint};
    return {Status::Pass, facts.join(QLatin1Char('\n')), {}};
}

namespace {

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

} // namespace

Verdict reviewSmartConfiguration(const QJsonObject &doc, const Profile &profile)
{
    QStringList fails;
    QStringList warnings;
    QStringList facts;
    const bool code = profile.grant == Profile::Grant::AuthorizationCode;
    const QStringList scope = scopes::split(profile.scope);

    // capabilities: required (SMART App Launch 2.0 section "Metadata").
    const QJsonValue capsValue = doc.value(QLatin1String("capabilities"));
    const QStringList caps = stringList(capsValue);
    if (!capsValue.isArray()) {
        fails << tr("The SMART configuration has no capabilities array (SMART App Launch "
                    "requires one): a client cannot learn which launches, client types and "
                    "permissions the server supports.");
    } else {
        facts << tr("Capabilities: %1.").arg(caps.join(QLatin1String(", ")));
        QStringList needed;
        if (code)
            needed << QStringLiteral("launch-standalone");
        if (code || profile.isConfidential())
            needed << (profile.isConfidential() ? QStringLiteral("client-confidential-symmetric")
                                                : QStringLiteral("client-public"));
        if (profile.asksOpenId())
            needed << QStringLiteral("sso-openid-connect");
        if (scope.contains(QLatin1String("offline_access")))
            needed << QStringLiteral("permission-offline");
        // SMART v2 scopes end in .c .r .u .d .s letters (patient/Patient.rs); v1 in .read/.write/.*.
        static const QRegularExpression v2(QStringLiteral("^(patient|user|system)/[^.]+\\.[cruds]+(\\?.*)?$"));
        static const QRegularExpression v1(QStringLiteral("^(patient|user|system)/[^.]+\\.(read|write|\\*)$"));
        bool usesV1 = false;
        bool usesV2 = false;
        for (const QString &s : scope) {
            usesV1 = usesV1 || v1.match(s).hasMatch();
            usesV2 = usesV2 || v2.match(s).hasMatch();
        }
        QStringList missing;
        for (const QString &n : std::as_const(needed)) {
            if (!caps.contains(n))
                missing << n;
        }
        if (usesV1 && caps.contains(QLatin1String("permission-v2"))
            && !caps.contains(QLatin1String("permission-v1")))
            missing << QStringLiteral("permission-v1");
        if (usesV2 && !caps.contains(QLatin1String("permission-v2")))
            missing << QStringLiteral("permission-v2");
        if (!missing.isEmpty())
            warnings << tr("The capabilities do not name what this registration uses: %1.")
                                .arg(missing.join(QLatin1String(", ")));
    }

    // PKCE methods: S256 and never plain (SMART App Launch 2.0; Inferno fails on plain).
    const QJsonValue methodsValue = doc.value(QLatin1String("code_challenge_methods_supported"));
    const QStringList methods = stringList(methodsValue);
    if (code && !methodsValue.isArray())
        fails << tr("code_challenge_methods_supported is missing: SMART App Launch 2.0 requires "
                    "it, with S256.");
    else if (code && !methods.contains(QLatin1String("S256")))
        fails << tr("code_challenge_methods_supported (%1) does not include S256.")
                         .arg(methods.join(QLatin1String(", ")));
    if (methods.contains(QLatin1String("plain")))
        fails << tr("code_challenge_methods_supported includes \"plain\": SMART App Launch "
                    "forbids it (the challenge then is the verifier, and intercepting the "
                    "authorization request is enough to redeem the code).");
    else if (!methods.isEmpty())
        facts << tr("PKCE methods: %1.").arg(methods.join(QLatin1String(", ")));

    // OpenID Connect: issuer and jwks_uri.
    if (caps.contains(QLatin1String("sso-openid-connect"))) {
        QStringList absent;
        for (const char *field : {"issuer", "jwks_uri"}) {
            if (doc.value(QLatin1String(field)).toString().isEmpty())
                absent << QLatin1String(field);
        }
        if (!absent.isEmpty())
            fails << tr("sso-openid-connect is declared but %1 missing: a client cannot verify "
                        "ID tokens.")
                             .arg(absent.join(QLatin1String(" and "))
                                  + (absent.size() > 1 ? tr(" are") : tr(" is")));
        else
            facts << tr("issuer and jwks_uri are given (sso-openid-connect).");
    }

    // Authentication methods and grant types, against what the profile uses.
    const QJsonValue authValue = doc.value(QLatin1String("token_endpoint_auth_methods_supported"));
    const QStringList auth = stringList(authValue);
    if (!authValue.isArray()) {
        warnings << tr("token_endpoint_auth_methods_supported is missing (SMART App Launch 2.0 "
                       "lists it): a client cannot learn how to authenticate.");
    } else {
        const bool usesSecret = profile.isConfidential()
                || profile.grant == Profile::Grant::ClientCredentials;
        if (usesSecret && !auth.contains(QLatin1String("client_secret_basic"))
            && !auth.contains(QLatin1String("client_secret_post")))
            warnings << tr("token_endpoint_auth_methods_supported (%1) names neither "
                           "client_secret_basic nor client_secret_post, which this client uses.")
                                .arg(auth.join(QLatin1String(", ")));
        else
            facts << tr("Token endpoint authentication: %1.").arg(auth.join(QLatin1String(", ")));
    }
    const QJsonValue grantsValue = doc.value(QLatin1String("grant_types_supported"));
    const QStringList grants = stringList(grantsValue);
    if (!grantsValue.isArray()) {
        warnings << tr("grant_types_supported is missing (SMART App Launch 2.0 requires it).");
    } else {
        QStringList neededGrants;
        if (code)
            neededGrants << QStringLiteral("authorization_code");
        if (code && scope.contains(QLatin1String("offline_access")))
            neededGrants << QStringLiteral("refresh_token");
        if (profile.grant == Profile::Grant::ClientCredentials)
            neededGrants << QStringLiteral("client_credentials");
        QStringList missing;
        for (const QString &g : std::as_const(neededGrants)) {
            if (!grants.contains(g))
                missing << g;
        }
        if (!missing.isEmpty())
            warnings << tr("grant_types_supported (%1) does not name %2, which this registration "
                           "uses.").arg(grants.join(QLatin1String(", ")), missing.join(QLatin1String(", ")));
        else
            facts << tr("Grant types: %1.").arg(grants.join(QLatin1String(", ")));
    }
    facts << tr("The endpoints the profile uses were compared with these in the discovery step.");

    const QString summary = (fails + warnings + facts).join(QLatin1Char('\n'));
    if (!fails.isEmpty())
        return {Status::Fail, summary,
                tr("The server's SMART configuration is the server's to fix: report what is "
                   "listed here to its operator (SMART App Launch, \"Conformance\"). chartkey "
                   "keeps working with the profile's own settings.")};
    if (!warnings.isEmpty())
        return {Status::Warn, summary,
                tr("Ask the server's operator whether the registration's features are "
                   "supported and, if so, to list them in the SMART configuration.")};
    return {Status::Pass, summary, {}};
}

Verdict reviewIntrospection(const QJsonObject &answer, const QString &clientId,
                            bool expectIdentity, bool expectFhirUser)
{
    const QJsonValue active = answer.value(QLatin1String("active"));
    if (!active.isBool())
        return {Status::Fail, tr("The introspection answer has no boolean \"active\" (RFC 7662 "
                                 "section 2.2 requires it)."),
                tr("Report it to the server's operator.")};
    if (!active.toBool())
        return {Status::Fail, tr("The introspection endpoint says the check's live access token "
                                 "is not active."),
                tr("A resource server that introspects would refuse this token; report it to "
                   "the server's operator.")};
    QStringList missing;
    QStringList facts{tr("active: true.")};
    const auto want = [&](const char *name) {
        const QJsonValue v = answer.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            missing << QLatin1String(name);
        else
            facts << QStringLiteral("%1: %2.").arg(QLatin1String(name),
                                                   v.isDouble() ? QString::number(v.toInteger())
                                                                : v.toString());
    };
    want("scope");
    want("client_id");
    want("exp");
    if (expectIdentity)
        want("sub");
    if (expectFhirUser)
        want("fhirUser");
    QStringList wrong;
    const QString client = answer.value(QLatin1String("client_id")).toString();
    if (!client.isEmpty() && client != clientId)
        wrong << tr("client_id is %1, not %2").arg(client, clientId);
    if (!missing.isEmpty() || !wrong.isEmpty())
        return {Status::Fail,
                (QStringList{missing.isEmpty() ? QString()
                                               : tr("The introspection answer for an active token "
                                                    "lacks %1 (SMART App Launch \"Token "
                                                    "Introspection\" requires them).")
                                                         .arg(missing.join(QLatin1String(", ")))}
                 + wrong + facts)
                        .filter(QRegularExpression(QStringLiteral(".")))
                        .join(QLatin1Char('\n')),
                tr("A resource server that introspects cannot tell what the token allows or "
                   "when it ends; report it to the server's operator.")};
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

#include "presets.h"

#include "profile/wellknown.h"

#include <QCoreApplication>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::ServerPreset", text);
}

// Without a trailing slash (nor a bare "/" path), query or fragment.
QUrl clean(const QUrl &url)
{
    QUrl u = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (u.path() == QLatin1String("/"))
        u.setPath(QString());
    return u;
}

constexpr const char *kSmartScope =
        "user/Patient.read user/Appointment.read offline_access openid fhirUser";
constexpr const char *kSystemScope = "system/*.read system/*.write";
// SMART Backend Services: read everything (v1 syntax, which v2 servers still take; v2 is
// system/*.rs).
constexpr const char *kBackendScope = "system/*.read";

} // namespace

QString ServerPreset::refusal(Profile::Grant grant) const
{
    if (offers(grant))
        return {};
    for (const auto &[refused, reason] : refusals) {
        if (refused == grant)
            return reason;
    }
    return tr("The %1 preset does not offer the %2 grant.").arg(id, toString(grant));
}

Profile::ClientType ServerPreset::clientTypeFor(Profile::Grant grant) const
{
    switch (grant) {
    case Profile::Grant::AuthorizationCode:
        return browserClientType;
    case Profile::Grant::ClientCredentials:
        return Profile::ClientType::Confidential; // the grant needs a secret
    case Profile::Grant::StaticToken:
        return Profile::ClientType::Public; // no client at all
    }
    return Profile::ClientType::Public;
}

ServerPreset ServerPreset::of(Profile::Kind kind)
{
    ServerPreset p;
    p.kind = kind;
    p.id = toString(kind);
    using G = Profile::Grant;
    using F = ProfileField;
    const QString canvasInstance = QStringLiteral("https://example.canvasmedical.com");
    const QString derivedFhir = tr("derived for *.canvasmedical.com; give it for other hosts");
    const QString notForOAuth = tr("This preset signs in through OAuth; it takes no static "
                                   "access token.");
    switch (kind) {
    case Profile::Kind::Canvas:
        p.title = tr("Canvas Medical (OAuth application)");
        p.description = tr("A Canvas Medical instance with an application registered under "
                           "Settings → Integrations → OAuth Applications. chartkey derives the "
                           "endpoints, the FHIR base on the fumage- host and the note plugin "
                           "from the instance URL. Sign in through the browser (public client "
                           "with PKCE, or confidential), or use the client-credentials grant.");
        p.grants = {G::AuthorizationCode, G::ClientCredentials};
        p.refusals = {{G::StaticToken, tr("A static access token for Canvas is a profile of its "
                                          "own: use the canvas-sandbox-token preset.")}};
        p.needsInstance = true;
        p.fhirBase = FhirBase::Derived;
        p.discovery = Discovery::SmartFromFhirBase; // published, not needed: checked if there
        p.hasNotesApi = true;
        p.defaultScope = QString::fromLatin1(Profile::kDefaultScope);
        p.showsLaunch = true;
        p.showsAud = true;
        // Canvas refuses staff users without a launch parameter.
        p.defaultAuthParams = {{QStringLiteral("launch"),
                                QString::fromLatin1(Profile::kDefaultLaunch)}};
        p.emptyScopeGrantsAll = true;
        p.placeholders = {{F::Instance, canvasInstance},
                          {F::FhirBase, derivedFhir},
                          {F::Launch, tr("none (Canvas refuses staff users without it: e30=)")}};
        break;
    case Profile::Kind::CanvasSandboxToken: {
        p.title = tr("Canvas Medical (sandbox access token)");
        p.description = tr("A Canvas Medical sandbox with an access token made on its "
                           "dashboard. No OAuth application and no sign-in: the token is kept "
                           "in the keychain and used until the EHR refuses it; then make a new "
                           "one.");
        p.grants = {G::StaticToken};
        const QString useCanvas = tr("The canvas-sandbox-token preset uses a token made on the "
                                     "sandbox dashboard. To sign in with an OAuth application, "
                                     "use the canvas preset.");
        p.refusals = {{G::AuthorizationCode, useCanvas}, {G::ClientCredentials, useCanvas}};
        p.needsInstance = true;
        p.fhirBase = FhirBase::Derived;
        p.discovery = Discovery::None;
        p.hasNotesApi = true;
        p.revocation = Revocation::None;
        p.staticTokenSource = tr("on the Canvas sandbox dashboard");
        p.placeholders = {{F::Instance, canvasInstance}, {F::FhirBase, derivedFhir}};
        break;
    }
    case Profile::Kind::Smart:
        p.title = tr("SMART on FHIR server");
        p.description = tr("Any SMART App Launch server. Give the FHIR base URL: the endpoints "
                           "come from its .well-known/smart-configuration, and the aud "
                           "parameter names the FHIR server. SMART v1 scopes by default; v2 "
                           "scopes (patient/Patient.rs) work too.");
        p.grants = {G::AuthorizationCode, G::ClientCredentials};
        p.refusals = {{G::StaticToken, notForOAuth}};
        p.fhirBase = FhirBase::Required;
        p.fhirBaseMissing = tr("The FHIR base URL is missing: a SMART server is named by its "
                               "FHIR base URL.");
        p.discovery = Discovery::SmartFromFhirBase;
        p.usesDiscovery = true;
        p.defaultScope = QString::fromLatin1(kSmartScope);
        p.showsAud = true;
        p.audFollowsFhirBase = true;
        p.placeholders = {{F::FhirBase, tr("required: the FHIR server's base URL")},
                          {F::Discovery, tr("{FHIR base}/.well-known/smart-configuration")}};
        break;
    case Profile::Kind::OpenId:
        p.title = tr("OAuth 2.0 / OpenID Connect server");
        p.description = tr("Any OAuth 2.0 or OpenID Connect authorization server that "
                           "publishes a discovery document (.well-known/openid-configuration). "
                           "By default a confidential client with the client-credentials "
                           "grant (machine to machine); the authorization code works too. The "
                           "FHIR base URL is optional: without it chartkey only gets tokens.");
        p.grants = {G::ClientCredentials, G::AuthorizationCode};
        p.refusals = {{G::StaticToken, notForOAuth}};
        p.fhirBase = FhirBase::Optional;
        p.discovery = Discovery::Explicit;
        p.usesDiscovery = true;
        p.defaultScope = QString::fromLatin1(kSystemScope);
        p.showsAud = true;
        p.placeholders = {
                {F::FhirBase, tr("optional: without it chartkey only gets tokens")},
                {F::Discovery,
                 QStringLiteral("https://login.example.com/.well-known/openid-configuration")}};
        break;
    case Profile::Kind::CanvasLms:
        p.title = tr("Canvas LMS (Instructure)");
        p.description = tr("A Canvas LMS instance, such as https://canvas.instructure.com. "
                           "Either a developer key (a confidential client: sign in through "
                           "the browser at /login/oauth2/auth) or a manually generated access "
                           "token (Account → Settings → New access token). Canvas LMS has no "
                           "FHIR API.");
        p.grants = {G::AuthorizationCode, G::StaticToken};
        p.refusals = {{G::ClientCredentials,
                       tr("Canvas LMS rejects the client-credentials grant for developer keys "
                          "(it allows it only with an LTI 1.3 JWT client assertion). Use the "
                          "authorization code, or a manually generated access token.")}};
        p.notedRefusal = G::ClientCredentials;
        p.needsInstance = true;
        p.fhirBase = FhirBase::None;
        p.withoutFhirApi = tr("Canvas LMS has no FHIR API");
        p.discovery = Discovery::None;
        p.withoutDiscovery = tr("Canvas LMS publishes no discovery document; its endpoints are "
                                "fixed.");
        p.browserClientType = Profile::ClientType::Confidential; // developer keys have a secret
        // Its scopes are its own (url:GET|/api/v1/...), and optional.
        p.smartScopes = false;
        p.revocation = Revocation::LmsDelete;
        p.apiProbe = ApiProbe::LmsUsersSelf;
        p.refreshWithoutRotation = tr("Canvas LMS documents this: its refresh tokens do not "
                                      "rotate.");
        p.staticTokenSource = tr("in Canvas LMS under Account → Settings → New access token");
        p.placeholders = {
                {F::Instance, QStringLiteral("https://canvas.instructure.com")},
                {F::Revocation, tr("not used: Canvas LMS ends a token with DELETE on the token "
                                   "URL")}};
        break;
    case Profile::Kind::SmartBackend:
        p.title = tr("SMART Backend Services (key)");
        p.description = tr("A SMART on FHIR server's Backend Services: a system that gets "
                           "tokens with the client-credentials grant and authenticates with a "
                           "private key (private_key_jwt) instead of a secret. Give the FHIR "
                           "base URL: the endpoints come from its "
                           ".well-known/smart-configuration. Then make a key (chartkey key "
                           "generate) and register the JWKS chartkey key show prints. system/ "
                           "scopes, v1 (system/*.read) or v2 (system/*.rs).");
        p.grants = {G::ClientCredentials};
        p.refusals = {{G::AuthorizationCode,
                       tr("SMART Backend Services has no user and no browser sign-in: use the "
                          "smart preset for the authorization code.")},
                      {G::StaticToken, notForOAuth}};
        p.fhirBase = FhirBase::Required;
        p.fhirBaseMissing = tr("The FHIR base URL is missing: a SMART server is named by its "
                               "FHIR base URL.");
        p.discovery = Discovery::SmartFromFhirBase;
        p.usesDiscovery = true;
        p.clientAuth = Profile::ClientAuth::PrivateKeyJwt;
        p.defaultScope = QString::fromLatin1(kBackendScope);
        p.placeholders = {{F::FhirBase, tr("required: the FHIR server's base URL")},
                          {F::Discovery, tr("{FHIR base}/.well-known/smart-configuration")}};
        break;
    }
    return p;
}

QList<ServerPreset> ServerPreset::all()
{
    QList<ServerPreset> presets;
    for (Profile::Kind k : {Profile::Kind::Canvas, Profile::Kind::CanvasSandboxToken,
                            Profile::Kind::Smart, Profile::Kind::OpenId,
                            Profile::Kind::CanvasLms, Profile::Kind::SmartBackend})
        presets << of(k);
    return presets;
}

ServerPreset ServerPreset::defaultPreset()
{
    return of(Profile::Kind::Canvas);
}

Profile makeProfile(Profile::Kind kind, const PresetInputs &in)
{
    const ServerPreset preset = ServerPreset::of(kind);
    Profile p;
    p.name = in.name;
    p.kind = kind;
    p.grant = preset.grants.first();
    p.clientType = preset.clientTypeFor(p.grant);
    p.clientAuth = preset.clientAuth;
    if (p.grant != Profile::Grant::StaticToken) {
        p.scope = preset.defaultScope;
        p.redirectUri = QUrl(QString::fromLatin1(Profile::kDefaultRedirectUri));
        p.extraAuthParams = preset.defaultAuthParams;
    }
    if (!in.fhirBaseUrl.isEmpty() && preset.fhirBase != ServerPreset::FhirBase::None)
        p.fhirBaseUrl = clean(in.fhirBaseUrl);

    // The server's address: the instance, else what names the server.
    if (!in.instanceUrl.isEmpty())
        p.instanceUrl = clean(in.instanceUrl);
    else if (preset.discovery == ServerPreset::Discovery::SmartFromFhirBase && preset.usesDiscovery)
        p.instanceUrl = p.fhirBaseUrl;
    else if (preset.discovery == ServerPreset::Discovery::Explicit)
        p.instanceUrl = wellknown::issuerOf(in.discoveryUrl);

    if (preset.usesDiscovery) {
        // The endpoints come from the discovery document: only where it is.
        p.discoveryUrl = !in.discoveryUrl.isEmpty() ? in.discoveryUrl
                : preset.discovery == ServerPreset::Discovery::SmartFromFhirBase
                        && !p.fhirBaseUrl.host().isEmpty()
                ? wellknown::smartConfiguration(p.fhirBaseUrl)
                : QUrl();
        if (preset.audFollowsFhirBase && !p.fhirBaseUrl.isEmpty()
            && p.grant != Profile::Grant::StaticToken)
            p.extraAuthParams.append({QStringLiteral("aud"), p.fhirBaseUrl.toString()});
        return p;
    }

    // The endpoints are under the instance: nothing to derive until it is a URL with a host
    // (no endpoints under a relative path).
    if (p.instanceUrl.host().isEmpty()) {
        p.instanceUrl = QUrl();
        return p;
    }
    const QUrl base = p.instanceUrl;
    if (preset.fhirBase == ServerPreset::FhirBase::Derived && p.fhirBaseUrl.isEmpty())
        p.fhirBaseUrl = Profile::deriveFhirBase(base);
    if (preset.hasNotesApi)
        p.notesBaseUrl = urlUnder(base, QStringLiteral("/plugin-io/api/note_sign_api/"));
    if (p.grant == Profile::Grant::StaticToken)
        return p; // only the APIs are used: no sign-in, no token endpoint, nothing to revoke
    if (preset.revocation == ServerPreset::Revocation::LmsDelete) {
        // Canvas LMS: fixed paths; it revokes with DELETE on the token URL, not RFC 7009.
        p.authorizationUrl = urlUnder(base, QStringLiteral("/login/oauth2/auth"));
        p.tokenUrl = urlUnder(base, QStringLiteral("/login/oauth2/token"));
        return p;
    }
    p.authorizationUrl = urlUnder(base, QStringLiteral("/auth/authorize/"));
    p.tokenUrl = urlUnder(base, QStringLiteral("/auth/token/"));
    p.revocationUrl = urlUnder(base, QStringLiteral("/auth/revoke_token/"));
    p.issuer = base.toString();
    return p;
}

Profile Profile::canvas(const QString &name, const QUrl &instance)
{
    PresetInputs inputs;
    inputs.name = name;
    inputs.instanceUrl = instance;
    return makeProfile(Kind::Canvas, inputs);
}

QString toString(Profile::Kind kind)
{
    switch (kind) {
    case Profile::Kind::Canvas:
        return QStringLiteral("canvas");
    case Profile::Kind::CanvasSandboxToken:
        return QStringLiteral("canvas-sandbox-token");
    case Profile::Kind::Smart:
        return QStringLiteral("smart");
    case Profile::Kind::OpenId:
        return QStringLiteral("openid");
    case Profile::Kind::CanvasLms:
        return QStringLiteral("canvas-lms");
    case Profile::Kind::SmartBackend:
        return QStringLiteral("smart-backend");
    }
    return {};
}

std::optional<Profile::Kind> kindFromString(const QString &id)
{
    for (const ServerPreset &preset : ServerPreset::all()) {
        if (preset.id == id)
            return preset.kind;
    }
    return std::nullopt;
}

} // namespace chartkey

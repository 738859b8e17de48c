#include "presets.h"

#include "profile/wellknown.h"

#include <QCoreApplication>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::ServerPreset", text);
}

QUrl clean(const QUrl &url)
{
    return url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

constexpr const char *kSmartScope =
        "user/Patient.read user/Appointment.read offline_access openid fhirUser";
constexpr const char *kSystemScope = "system/*.read system/*.write";

} // namespace

QString ServerPreset::refusal(Profile::Grant grant) const
{
    if (offers(grant))
        return {};
    switch (kind) {
    case Profile::Kind::CanvasLms:
        if (grant == Profile::Grant::ClientCredentials)
            return tr("Canvas LMS rejects the client-credentials grant for developer keys (it "
                      "allows it only with an LTI 1.3 JWT client assertion). Use the "
                      "authorization code, or a manually generated access token.");
        break;
    case Profile::Kind::CanvasSandboxToken:
        return tr("The canvas-sandbox-token preset uses a token made on the sandbox dashboard. "
                  "To sign in with an OAuth application, use the canvas preset.");
    case Profile::Kind::Canvas:
    case Profile::Kind::Smart:
    case Profile::Kind::OpenId:
        if (grant == Profile::Grant::StaticToken)
            return kind == Profile::Kind::Canvas
                    ? tr("A static access token for Canvas is a profile of its own: use the "
                         "canvas-sandbox-token preset.")
                    : tr("This preset signs in through OAuth; it takes no static access "
                         "token.");
        break;
    }
    return tr("The %1 preset does not offer the %2 grant.").arg(id, toString(grant));
}

ServerPreset ServerPreset::of(Profile::Kind kind)
{
    ServerPreset p;
    p.kind = kind;
    p.id = toString(kind);
    using G = Profile::Grant;
    p.staticTokenOrigin = tr("where you made this one");
    switch (kind) {
    case Profile::Kind::Canvas:
        p.title = tr("Canvas Medical (OAuth application)");
        p.description = tr("A Canvas Medical instance with an application registered under "
                           "Settings → Integrations → OAuth Applications. chartkey derives the "
                           "endpoints, the FHIR base on the fumage- host and the note plugin "
                           "from the instance URL. Sign in through the browser (public client "
                           "with PKCE, or confidential), or use the client-credentials grant.");
        p.grants = {G::AuthorizationCode, G::ClientCredentials};
        p.needsInstance = true;
        break;
    case Profile::Kind::CanvasSandboxToken:
        p.title = tr("Canvas Medical (sandbox access token)");
        p.description = tr("A Canvas Medical sandbox with an access token made on its "
                           "dashboard. No OAuth application and no sign-in: the token is kept "
                           "in the keychain and used until the EHR refuses it; then make a new "
                           "one.");
        p.grants = {G::StaticToken};
        p.needsInstance = true;
        p.staticTokenOrigin = tr("on the Canvas sandbox dashboard");
        break;
    case Profile::Kind::Smart:
        p.title = tr("SMART on FHIR server");
        p.description = tr("Any SMART App Launch server. Give the FHIR base URL: the endpoints "
                           "come from its .well-known/smart-configuration, and the aud "
                           "parameter names the FHIR server. SMART v1 scopes by default; v2 "
                           "scopes (patient/Patient.rs) work too.");
        p.grants = {G::AuthorizationCode, G::ClientCredentials};
        p.needsFhirBase = true;
        p.usesDiscovery = true;
        break;
    case Profile::Kind::OpenId:
        p.title = tr("OAuth 2.0 / OpenID Connect server");
        p.description = tr("Any OAuth 2.0 or OpenID Connect authorization server that "
                           "publishes a discovery document (.well-known/openid-configuration). "
                           "By default a confidential client with the client-credentials "
                           "grant (machine to machine); the authorization code works too. The "
                           "FHIR base URL is optional: without it chartkey only gets tokens.");
        p.grants = {G::ClientCredentials, G::AuthorizationCode};
        p.needsDiscoveryUrl = true;
        p.usesDiscovery = true;
        break;
    case Profile::Kind::CanvasLms:
        p.title = tr("Canvas LMS (Instructure)");
        p.description = tr("A Canvas LMS instance, such as https://canvas.instructure.com. "
                           "Either a developer key (a confidential client: sign in through "
                           "the browser at /login/oauth2/auth) or a manually generated access "
                           "token (Account → Settings → New access token). Canvas LMS has no "
                           "FHIR API.");
        p.grants = {G::AuthorizationCode, G::StaticToken};
        p.needsInstance = true;
        p.revocation = Revocation::DeleteTokenUrl;
        p.staticTokenOrigin = tr("in Canvas LMS under Account → Settings → New access token");
        break;
    }
    return p;
}

QList<ServerPreset> ServerPreset::all()
{
    QList<ServerPreset> presets;
    for (Profile::Kind k : {Profile::Kind::Canvas, Profile::Kind::CanvasSandboxToken,
                            Profile::Kind::Smart, Profile::Kind::OpenId,
                            Profile::Kind::CanvasLms})
        presets << of(k);
    return presets;
}

Profile makeProfile(Profile::Kind kind, const PresetInputs &in)
{
    Profile p;
    switch (kind) {
    case Profile::Kind::Canvas:
        p = Profile::canvas(in.name, in.instanceUrl);
        if (!in.fhirBaseUrl.isEmpty())
            p.fhirBaseUrl = clean(in.fhirBaseUrl);
        break;
    case Profile::Kind::CanvasSandboxToken:
        p = Profile::canvas(in.name, in.instanceUrl);
        if (!in.fhirBaseUrl.isEmpty())
            p.fhirBaseUrl = clean(in.fhirBaseUrl);
        // Only the APIs are used: no sign-in, no token endpoint, nothing to revoke.
        p.authorizationUrl = QUrl();
        p.tokenUrl = QUrl();
        p.revocationUrl = QUrl();
        p.issuer.clear();
        p.scope.clear();
        p.redirectUri = QUrl();
        p.extraAuthParams.clear();
        p.grant = Profile::Grant::StaticToken;
        break;
    case Profile::Kind::Smart: {
        p.name = in.name;
        p.fhirBaseUrl = clean(in.fhirBaseUrl);
        p.instanceUrl = in.instanceUrl.isEmpty() ? p.fhirBaseUrl : clean(in.instanceUrl);
        p.discoveryUrl = in.discoveryUrl.isEmpty()
                ? wellknown::smartConfiguration(p.fhirBaseUrl)
                : in.discoveryUrl;
        p.scope = QString::fromLatin1(kSmartScope);
        p.redirectUri = QUrl(QString::fromLatin1(Profile::kDefaultRedirectUri));
        if (!p.fhirBaseUrl.isEmpty())
            p.extraAuthParams = {{QStringLiteral("aud"), p.fhirBaseUrl.toString()}};
        break;
    }
    case Profile::Kind::OpenId:
        p.name = in.name;
        p.discoveryUrl = in.discoveryUrl;
        p.instanceUrl = in.instanceUrl.isEmpty() ? wellknown::issuerOf(in.discoveryUrl)
                                                 : clean(in.instanceUrl);
        if (!in.fhirBaseUrl.isEmpty())
            p.fhirBaseUrl = clean(in.fhirBaseUrl);
        p.grant = Profile::Grant::ClientCredentials;
        p.clientType = Profile::ClientType::Confidential;
        p.scope = QString::fromLatin1(kSystemScope);
        p.redirectUri = QUrl(QString::fromLatin1(Profile::kDefaultRedirectUri));
        break;
    case Profile::Kind::CanvasLms: {
        p.name = in.name;
        const QUrl base = clean(in.instanceUrl);
        p.instanceUrl = base;
        p.authorizationUrl = urlUnder(base, QStringLiteral("/login/oauth2/auth"));
        p.tokenUrl = urlUnder(base, QStringLiteral("/login/oauth2/token"));
        // Canvas LMS revokes with DELETE /login/oauth2/token, not RFC 7009: no revocation URL.
        p.grant = Profile::Grant::AuthorizationCode;
        p.clientType = Profile::ClientType::Confidential; // developer keys have a secret
        p.redirectUri = QUrl(QString::fromLatin1(Profile::kDefaultRedirectUri));
        break;
    }
    }
    if (!ServerPreset::of(kind).usesDiscovery && in.instanceUrl.host().isEmpty()) {
        // Nothing to derive from yet: no endpoints under a relative path.
        p.instanceUrl = QUrl();
        p.authorizationUrl = QUrl();
        p.tokenUrl = QUrl();
        p.revocationUrl = QUrl();
        p.notesBaseUrl = QUrl();
        p.issuer.clear();
    }
    p.kind = kind;
    return p;
}

} // namespace chartkey

#include "profile.h"

#include "presets.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::Profile", text);
}

} // namespace

bool Profile::isSafeTransport(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
            && (url.scheme() == QLatin1String("https")
                || (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host())));
}

bool Profile::isLoopbackRedirect(const QUrl &url)
{
    return url.isValid() && url.scheme() == QLatin1String("http") && isLoopbackHost(url.host())
            && !url.path().isEmpty() && url.path() != QLatin1String("/");
}

QString Profile::transportProblem(const QString &what, const QUrl &url)
{
    if (url.isEmpty())
        return tr("%1 is missing.").arg(what);
    if (!url.isValid() || url.host().isEmpty())
        return tr("%1 \"%2\" is not a valid URL.").arg(what, url.toString());
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http") && Profile::isLoopbackHost(url.host()))
        return {};
    if (url.scheme() == QLatin1String("http"))
        return tr("%1 %2 uses http:// on a host that is not this computer. Use https:// "
                  "(http:// is allowed only for 127.0.0.1, ::1 and localhost).")
                .arg(what, url.toString());
    return tr("%1 %2 must use https://.").arg(what, url.toString());
}


QUrl urlUnder(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString p = url.path();
    if (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    url.setPath(p + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

bool Profile::isValidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9 ._-]{0,62}[A-Za-z0-9._-])?$"));
    return re.match(name).hasMatch();
}

bool Profile::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QUrl Profile::deriveFhirBase(const QUrl &instance)
{
    const QString host = instance.host().toLower();
    const QString suffix = QStringLiteral(".canvasmedical.com");
    if (!host.endsWith(suffix) || host.startsWith(QLatin1String("fumage-")))
        return {};
    QUrl fhir;
    fhir.setScheme(QStringLiteral("https"));
    fhir.setHost(QStringLiteral("fumage-") + host);
    return fhir;
}

ProfileProblems Profile::validate() const
{
    const ServerPreset preset = ServerPreset::of(kind);
    const bool staticToken = grant == Grant::StaticToken;
    ProfileProblems problems;
    const auto add = [&problems](ProfileField field, const QString &message) {
        problems.append({field, message});
    };
    const auto transport = [&add](ProfileField field, const QUrl &url) {
        QString what = fieldName(field);
        what[0] = what[0].toUpper(); // it starts the sentence
        if (QString p = transportProblem(what, url); !p.isEmpty())
            add(field, p);
    };
    if (!isValidName(name))
        add(ProfileField::Name,
            tr("The profile name \"%1\" may use letters, digits, space, dot, dash and "
               "underscore (at most 64).")
                    .arg(name));
    if (!preset.offers(grant)) {
        add(ProfileField::Grant, preset.refusal(grant));
        return problems; // the other checks depend on the grant
    }
    if (clientId.isEmpty() && !staticToken)
        add(ProfileField::ClientId,
            tr("The client ID is missing: copy it from the application registered on the EHR."));
    if (preset.needsInstance && instanceUrl.isEmpty())
        add(ProfileField::Instance, tr("The instance URL is missing: give the address of the "
                                       "EHR, such as %1.")
                                            .arg(preset.placeholder(ProfileField::Instance)));
    else if (preset.needsInstance || !instanceUrl.isEmpty())
        transport(ProfileField::Instance, instanceUrl);
    if (preset.needsDiscoveryUrl() && discoveryUrl.isEmpty())
        add(ProfileField::Discovery,
            tr("The discovery URL is missing: give the address of the server's "
               ".well-known/openid-configuration document."));
    else if (!discoveryUrl.isEmpty())
        transport(ProfileField::Discovery, discoveryUrl);
    if (!staticToken) {
        if (tokenUrl.isEmpty() && preset.usesDiscovery)
            add(ProfileField::Token, tr("The token URL is missing: fetch the endpoints from the "
                                        "discovery document, or give them explicitly."));
        else if (!tokenUrl.isEmpty() || !preset.needsInstance || !instanceUrl.isEmpty())
            transport(ProfileField::Token, tokenUrl);
    }
    const bool fhirRequired = preset.fhirBase == ServerPreset::FhirBase::Derived
            || preset.fhirBase == ServerPreset::FhirBase::Required;
    if (fhirBaseUrl.isEmpty()) {
        // A derived FHIR base is missing only once there is an instance to derive it from.
        if (fhirRequired && (preset.fhirBase == ServerPreset::FhirBase::Required
                             || !instanceUrl.isEmpty()))
            add(ProfileField::FhirBase,
                preset.fhirBaseMissing.isEmpty()
                        ? tr("The FHIR base URL is missing. chartkey derives it only for "
                             "*.canvasmedical.com instances; give it explicitly.")
                        : preset.fhirBaseMissing);
    } else {
        transport(ProfileField::FhirBase, fhirBaseUrl);
    }
    for (const auto &[field, url] : {std::pair{ProfileField::Revocation, revocationUrl},
                                     std::pair{ProfileField::EndSession, endSessionUrl},
                                     std::pair{ProfileField::Notes, notesBaseUrl}}) {
        if (!url.isEmpty())
            transport(field, url);
    }
    if (grant == Grant::AuthorizationCode) {
        if (authorizationUrl.isEmpty() && preset.usesDiscovery)
            add(ProfileField::Authorization,
                tr("The authorization URL is missing: fetch the endpoints from the discovery "
                   "document, or give them explicitly."));
        else if (!authorizationUrl.isEmpty() || !preset.needsInstance || !instanceUrl.isEmpty())
            transport(ProfileField::Authorization, authorizationUrl);
        if (!isLoopbackRedirect(redirectUri))
            add(ProfileField::Redirect,
                tr("The redirect URI %1 must be a loopback URI with a path, such as "
                   "http://127.0.0.1/callback (any port) or http://127.0.0.1:8765/callback "
                   "(that port).")
                        .arg(redirectUri.toString()));
    } else if (grant == Grant::ClientCredentials && !isConfidential()) {
        add(ProfileField::ClientType,
            tr("The client-credentials grant needs a confidential client with a secret or a "
               "key."));
    }
    if (!staticToken) {
        const ClientAuth a = effectiveClientAuth();
        if (a == ClientAuth::None && isConfidential())
            add(ProfileField::ClientAuth,
                tr("A confidential client authenticates: choose client_secret_basic, "
                   "client_secret_post or private_key_jwt as the client authentication."));
        else if (a != ClientAuth::None && !isConfidential())
            add(ProfileField::ClientAuth,
                tr("A public client does not authenticate (client authentication none); make "
                   "the client confidential to use %1.")
                        .arg(toString(a)));
    }
    return problems;
}

QStringList messages(const ProfileProblems &problems)
{
    QStringList out;
    for (const ProfileProblem &p : problems)
        out << p.message;
    return out;
}

ProfileProblems problemsOf(const ProfileProblems &problems, ProfileField field)
{
    ProfileProblems out;
    for (const ProfileProblem &p : problems) {
        if (p.field == field)
            out << p;
    }
    return out;
}

QString fieldName(ProfileField field)
{
    switch (field) {
    case ProfileField::Name:
        return tr("the profile name");
    case ProfileField::Kind:
        return tr("the server preset");
    case ProfileField::Instance:
        return tr("the instance URL");
    case ProfileField::FhirBase:
        return tr("the FHIR base URL");
    case ProfileField::Discovery:
        return tr("the discovery URL");
    case ProfileField::ClientId:
        return tr("the client ID");
    case ProfileField::ClientType:
        return tr("the client type");
    case ProfileField::ClientAuth:
        return tr("the client authentication");
    case ProfileField::ClientSecret:
        return tr("the client secret");
    case ProfileField::Grant:
        return tr("the grant");
    case ProfileField::AccessToken:
        return tr("the access token");
    case ProfileField::Scope:
        return tr("the scopes");
    case ProfileField::Redirect:
        return tr("the redirect URI");
    case ProfileField::Launch:
        return tr("the launch parameter");
    case ProfileField::Aud:
        return tr("the aud parameter");
    case ProfileField::Authorization:
        return tr("the authorization URL");
    case ProfileField::Token:
        return tr("the token URL");
    case ProfileField::Revocation:
        return tr("the revocation URL");
    case ProfileField::EndSession:
        return tr("the browser sign-out URL");
    case ProfileField::Issuer:
        return tr("the issuer");
    case ProfileField::Notes:
        return tr("the notes API URL");
    }
    return {};
}

QString toString(Profile::ClientType type)
{
    return type == Profile::ClientType::Public ? QStringLiteral("public")
                                               : QStringLiteral("confidential");
}

QString toString(Profile::Grant grant)
{
    switch (grant) {
    case Profile::Grant::AuthorizationCode:
        return QStringLiteral("authorization-code");
    case Profile::Grant::ClientCredentials:
        return QStringLiteral("client-credentials");
    case Profile::Grant::StaticToken:
        return QStringLiteral("static-token");
    }
    return {};
}

std::optional<Profile::Grant> grantFromString(const QString &id)
{
    for (Profile::Grant g : {Profile::Grant::AuthorizationCode, Profile::Grant::ClientCredentials,
                             Profile::Grant::StaticToken}) {
        if (toString(g) == id)
            return g;
    }
    return std::nullopt;
}

QString toString(Profile::ClientAuth auth)
{
    switch (auth) {
    case Profile::ClientAuth::Automatic:
        return {};
    case Profile::ClientAuth::None:
        return QStringLiteral("none");
    case Profile::ClientAuth::ClientSecretBasic:
        return QStringLiteral("client_secret_basic");
    case Profile::ClientAuth::ClientSecretPost:
        return QStringLiteral("client_secret_post");
    case Profile::ClientAuth::PrivateKeyJwt:
        return QStringLiteral("private_key_jwt");
    }
    return {};
}

std::optional<Profile::ClientAuth> clientAuthFromString(const QString &id)
{
    for (auto a : {Profile::ClientAuth::None, Profile::ClientAuth::ClientSecretBasic,
                   Profile::ClientAuth::ClientSecretPost, Profile::ClientAuth::PrivateKeyJwt}) {
        if (toString(a) == id)
            return a;
    }
    return std::nullopt;
}

QStringList clientAuthIds()
{
    return {QStringLiteral("none"), QStringLiteral("client_secret_basic"),
            QStringLiteral("client_secret_post"), QStringLiteral("private_key_jwt")};
}

} // namespace chartkey

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

QString checkTransport(const QString &what, const QUrl &url)
{
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

} // namespace

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

Profile Profile::canvas(const QString &name, const QUrl &instance)
{
    Profile p;
    p.name = name;
    p.kind = Kind::Canvas;
    QUrl base = instance.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery
                                  | QUrl::RemoveFragment);
    p.instanceUrl = base;
    p.fhirBaseUrl = deriveFhirBase(base);
    p.authorizationUrl = urlUnder(base, QStringLiteral("/auth/authorize/"));
    p.tokenUrl = urlUnder(base, QStringLiteral("/auth/token/"));
    p.revocationUrl = urlUnder(base, QStringLiteral("/auth/revoke_token/"));
    p.notesBaseUrl = urlUnder(base, QStringLiteral("/plugin-io/api/note_sign_api/"));
    p.issuer = base.toString();
    p.scope = QString::fromLatin1(kDefaultScope);
    p.redirectUri = QUrl(QString::fromLatin1(kDefaultRedirectUri));
    p.extraAuthParams = {{QStringLiteral("launch"), QString::fromLatin1(kDefaultLaunch)}};
    return p;
}

QStringList Profile::validate() const
{
    const ServerPreset preset = ServerPreset::of(kind);
    const bool staticToken = grant == Grant::StaticToken;
    QStringList problems;
    if (!isValidName(name))
        problems << tr("The profile name \"%1\" may use letters, digits, space, dot, dash and "
                       "underscore (at most 64).")
                            .arg(name);
    if (!preset.offers(grant)) {
        problems << preset.refusal(grant);
        return problems; // the other checks depend on the grant
    }
    if (clientId.isEmpty() && !staticToken)
        problems << tr("The client ID is missing: copy it from the application registered on "
                       "the EHR.");
    if (preset.needsInstance || !instanceUrl.isEmpty()) {
        if (QString p = checkTransport(tr("The instance URL"), instanceUrl); !p.isEmpty())
            problems << p;
    }
    if (preset.needsDiscoveryUrl && discoveryUrl.isEmpty())
        problems << tr("The discovery URL is missing: give the address of the server's "
                       ".well-known/openid-configuration document.");
    else if (!discoveryUrl.isEmpty()) {
        if (QString p = checkTransport(tr("The discovery URL"), discoveryUrl); !p.isEmpty())
            problems << p;
    }
    if (!staticToken) {
        if (tokenUrl.isEmpty() && preset.usesDiscovery)
            problems << tr("The token URL is missing: fetch the endpoints from the discovery "
                           "document, or give them explicitly.");
        else if (QString p = checkTransport(tr("The token URL"), tokenUrl); !p.isEmpty())
            problems << p;
    }
    const bool fhirRequired = kind == Kind::Canvas || kind == Kind::CanvasSandboxToken
            || kind == Kind::Smart;
    if (fhirBaseUrl.isEmpty()) {
        if (fhirRequired)
            problems << (kind == Kind::Smart
                                 ? tr("The FHIR base URL is missing: a SMART server is named by "
                                      "its FHIR base URL.")
                                 : tr("The FHIR base URL is missing. chartkey derives it only "
                                      "for *.canvasmedical.com instances; give it "
                                      "explicitly."));
    } else if (QString p = checkTransport(tr("The FHIR base URL"), fhirBaseUrl); !p.isEmpty()) {
        problems << p;
    }
    for (const auto &[what, url] : {std::pair{tr("The revocation URL"), revocationUrl},
                                    std::pair{tr("The notes API URL"), notesBaseUrl}}) {
        if (url.isEmpty())
            continue;
        if (QString p = checkTransport(what, url); !p.isEmpty())
            problems << p;
    }
    if (grant == Grant::AuthorizationCode) {
        if (authorizationUrl.isEmpty() && preset.usesDiscovery)
            problems << tr("The authorization URL is missing: fetch the endpoints from the "
                           "discovery document, or give them explicitly.");
        else if (QString p = checkTransport(tr("The authorization URL"), authorizationUrl);
                 !p.isEmpty())
            problems << p;
        if (redirectUri.scheme() != QLatin1String("http") || !isLoopbackHost(redirectUri.host())
            || redirectUri.path().isEmpty() || redirectUri.path() == QLatin1String("/"))
            problems << tr("The redirect URI %1 must be a loopback URI with a path, such as "
                           "http://127.0.0.1/callback (any port) or "
                           "http://127.0.0.1:8765/callback (that port).")
                                .arg(redirectUri.toString());
    } else if (grant == Grant::ClientCredentials && !isConfidential()) {
        problems << tr("The client-credentials grant needs a confidential client with a secret.");
    }
    return problems;
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
    }
    return {};
}

std::optional<Profile::Kind> kindFromString(const QString &id)
{
    for (Profile::Kind k : {Profile::Kind::Canvas, Profile::Kind::CanvasSandboxToken,
                            Profile::Kind::Smart, Profile::Kind::OpenId,
                            Profile::Kind::CanvasLms}) {
        if (toString(k) == id)
            return k;
    }
    return std::nullopt;
}

} // namespace chartkey

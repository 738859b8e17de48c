#include "profile.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::Profile", text);
}

QUrl under(const QUrl &base, const QString &path)
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
    QUrl base = instance.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery
                                  | QUrl::RemoveFragment);
    p.instanceUrl = base;
    p.fhirBaseUrl = deriveFhirBase(base);
    p.authorizationUrl = under(base, QStringLiteral("/auth/authorize/"));
    p.tokenUrl = under(base, QStringLiteral("/auth/token/"));
    p.revocationUrl = under(base, QStringLiteral("/auth/revoke_token/"));
    p.notesBaseUrl = under(base, QStringLiteral("/plugin-io/api/note_sign_api/"));
    p.issuer = base.toString();
    p.scope = QString::fromLatin1(kDefaultScope);
    p.redirectUri = QUrl(QString::fromLatin1(kDefaultRedirectUri));
    p.extraAuthParams = {{QStringLiteral("launch"), QString::fromLatin1(kDefaultLaunch)}};
    return p;
}

QStringList Profile::validate() const
{
    QStringList problems;
    if (!isValidName(name))
        problems << tr("The profile name \"%1\" may use letters, digits, space, dot, dash and "
                       "underscore (at most 64).")
                            .arg(name);
    if (clientId.isEmpty())
        problems << tr("The client ID is missing: copy it from the application registered on "
                       "the EHR.");
    for (const auto &[what, url] : {std::pair{tr("The instance URL"), instanceUrl},
                                    std::pair{tr("The token URL"), tokenUrl}}) {
        if (QString p = checkTransport(what, url); !p.isEmpty())
            problems << p;
    }
    if (fhirBaseUrl.isEmpty())
        problems << tr("The FHIR base URL is missing. chartkey derives it only for "
                       "*.canvasmedical.com instances; give it explicitly.");
    else if (QString p = checkTransport(tr("The FHIR base URL"), fhirBaseUrl); !p.isEmpty())
        problems << p;
    for (const auto &[what, url] : {std::pair{tr("The revocation URL"), revocationUrl},
                                    std::pair{tr("The notes API URL"), notesBaseUrl}}) {
        if (url.isEmpty())
            continue;
        if (QString p = checkTransport(what, url); !p.isEmpty())
            problems << p;
    }
    if (grant == Grant::AuthorizationCode) {
        if (QString p = checkTransport(tr("The authorization URL"), authorizationUrl);
            !p.isEmpty())
            problems << p;
        if (redirectUri.scheme() != QLatin1String("http") || !isLoopbackHost(redirectUri.host())
            || redirectUri.path().isEmpty() || redirectUri.path() == QLatin1String("/"))
            problems << tr("The redirect URI %1 must be a loopback URI with a path, such as "
                           "http://127.0.0.1/callback (any port) or "
                           "http://127.0.0.1:8765/callback (that port).")
                                .arg(redirectUri.toString());
    } else if (!isConfidential()) {
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
    return grant == Profile::Grant::AuthorizationCode ? QStringLiteral("authorization-code")
                                                      : QStringLiteral("client-credentials");
}

} // namespace chartkey

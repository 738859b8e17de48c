#include "discovery.h"

#include "profile/wellknown.h"

#include "profile/profile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::ServerMetadata", text);
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        if (v.isString())
            out << v.toString();
    }
    return out;
}

QUrl urlField(const QJsonObject &o, const char *name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    return v.isString() ? QUrl(v.toString(), QUrl::StrictMode) : QUrl();
}


} // namespace

ServerMetadata ServerMetadata::parse(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = tr("The discovery document is not a JSON object.");
        return {};
    }
    const QJsonObject o = doc.object();
    ServerMetadata m;
    m.issuer = o.value(QLatin1String("issuer")).toString();
    m.authorizationEndpoint = urlField(o, "authorization_endpoint");
    m.tokenEndpoint = urlField(o, "token_endpoint");
    m.revocationEndpoint = urlField(o, "revocation_endpoint");
    m.jwksUri = urlField(o, "jwks_uri");
    m.hasCodeChallengeMethods = o.contains(QLatin1String("code_challenge_methods_supported"));
    m.codeChallengeMethods = strings(o.value(QLatin1String("code_challenge_methods_supported")));
    m.grantTypes = strings(o.value(QLatin1String("grant_types_supported")));
    m.tokenEndpointAuthMethods =
            strings(o.value(QLatin1String("token_endpoint_auth_methods_supported")));
    m.revocationEndpointAuthMethods =
            strings(o.value(QLatin1String("revocation_endpoint_auth_methods_supported")));
    m.hasRevocationAuthMethods =
            o.contains(QLatin1String("revocation_endpoint_auth_methods_supported"));
    m.endSessionEndpoint = urlField(o, "end_session_endpoint");
    m.scopesSupported = strings(o.value(QLatin1String("scopes_supported")));
    m.capabilities = strings(o.value(QLatin1String("capabilities")));
    if (error)
        error->clear();
    return m;
}

QList<MetadataFinding> reviewMetadata(const ServerMetadata &m, const QUrl &documentUrl,
                                      bool needsAuthorization)
{
    using S = MetadataFinding::Severity;
    QList<MetadataFinding> findings;
    const QString path = documentUrl.path();
    const bool openId = path.endsWith(QLatin1String("/.well-known/openid-configuration"))
            || path.endsWith(QLatin1String("/.well-known/oauth-authorization-server"));

    if (m.issuer.isEmpty()) {
        if (openId)
            findings.append({S::Failure, tr("The document has no issuer; OpenID discovery "
                                            "requires one.")});
    } else if (openId) {
        const QUrl expected = wellknown::openIdConfiguration(QUrl(m.issuer));
        if (expected.adjusted(QUrl::StripTrailingSlash) != documentUrl.adjusted(QUrl::StripTrailingSlash)
            && !path.endsWith(QLatin1String("/.well-known/oauth-authorization-server")))
            findings.append({S::Failure,
                             tr("The issuer %1 does not match where the document was found "
                                "(%2 would be expected): a client must not trust it.")
                                     .arg(m.issuer, expected.toString())});
    }

    if (!m.tokenEndpoint.isValid() || m.tokenEndpoint.isEmpty())
        findings.append({S::Failure, tr("The document names no token_endpoint.")});
    else if (!Profile::isSafeTransport(m.tokenEndpoint))
        findings.append({S::Failure, tr("The token endpoint %1 is not https://.")
                                             .arg(m.tokenEndpoint.toString())});
    if (needsAuthorization) {
        if (!m.authorizationEndpoint.isValid() || m.authorizationEndpoint.isEmpty())
            findings.append({S::Failure, tr("The document names no authorization_endpoint, "
                                            "which the authorization-code grant needs.")});
        else if (!Profile::isSafeTransport(m.authorizationEndpoint))
            findings.append({S::Failure, tr("The authorization endpoint %1 is not https://.")
                                                 .arg(m.authorizationEndpoint.toString())});
        if (!m.hasCodeChallengeMethods)
            findings.append({S::Warning,
                             tr("The document does not say which PKCE methods the server "
                                "supports (no code_challenge_methods_supported); chartkey "
                                "sends S256 anyway. Whether it is enforced is checked below.")});
        else if (!m.codeChallengeMethods.contains(QLatin1String("S256")))
            findings.append({S::Failure, tr("The server does not advertise PKCE S256 "
                                            "(code_challenge_methods_supported: %1).")
                                                 .arg(m.codeChallengeMethods.join(QLatin1String(", ")))});
    }
    if (m.codeChallengeMethods.contains(QLatin1String("plain")))
        findings.append({S::Warning,
                         tr("The server advertises the PKCE method \"plain\", which protects "
                            "nothing if the authorization request is seen. Ask for it to be "
                            "turned off; chartkey always uses S256.")});
    if (m.revocationEndpoint.isEmpty())
        findings.append({S::Warning, tr("The document names no revocation_endpoint: signing "
                                        "out cannot end the grant on the server.")});
    return findings;
}

} // namespace chartkey

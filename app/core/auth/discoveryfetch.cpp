#include "discoveryfetch.h"

#include "net/http.h"

#include <QCoreApplication>
#include <QPointer>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::ServerMetadata", text);
}

} // namespace

QStringList applyMetadata(Profile &profile, const ServerMetadata &m, bool overwrite)
{
    QStringList filled;
    auto fill = [&](QUrl &field, const QUrl &value, const char *name) {
        if (value.isEmpty() || (!overwrite && !field.isEmpty()))
            return;
        field = value;
        filled << QString::fromLatin1(name);
    };
    fill(profile.authorizationUrl, m.authorizationEndpoint, "authorization");
    fill(profile.tokenUrl, m.tokenEndpoint, "token");
    fill(profile.revocationUrl, m.revocationEndpoint, "revocation");
    fill(profile.endSessionUrl, m.endSessionEndpoint, "end-session");
    if (!m.issuer.isEmpty() && (overwrite || profile.issuer.isEmpty())) {
        profile.issuer = m.issuer;
        filled << QStringLiteral("issuer");
    }
    const QStringList &methods = m.tokenEndpointAuthMethods;
    if (profile.clientAuth == Profile::ClientAuth::Automatic && profile.isConfidential()
        && !methods.isEmpty() && !methods.contains(QLatin1String("client_secret_post"))
        && methods.contains(QLatin1String("client_secret_basic"))) {
        profile.clientAuth = Profile::ClientAuth::ClientSecretBasic;
        filled << QStringLiteral("client-auth");
    }
    return filled;
}

QStringList reviewClientAuth(const Profile &profile, const ServerMetadata &m)
{
    QStringList out;
    const QString method = toString(profile.effectiveClientAuth());
    if (!m.tokenEndpointAuthMethods.isEmpty() && !m.tokenEndpointAuthMethods.contains(method))
        out << tr("The server does not advertise %1 (token_endpoint_auth_methods_supported: "
                  "%2); it may refuse this client's authentication.")
                       .arg(method, m.tokenEndpointAuthMethods.join(QStringLiteral(", ")));
    if (profile.grant == Profile::Grant::ClientCredentials && !m.grantTypes.isEmpty()
        && !m.grantTypes.contains(QLatin1String("client_credentials")))
        out << tr("The server does not advertise the client_credentials grant "
                  "(grant_types_supported: %1).")
                       .arg(m.grantTypes.join(QStringLiteral(", ")));
    return out;
}

EndpointFetchOperation *fetchEndpoints(QNetworkAccessManager *nam, const Profile &profile,
                                       bool overwrite, int timeoutMs)
{
    auto *op = new EndpointFetchOperation;
    const QUrl url = profile.discoveryUrl;
    auto fail = [url](const QString &what, const QString &detail) {
        EndpointFetch f;
        f.failure = Failure::make(Failure::Kind::Configuration,
                                  tr("Could not read the discovery document at %1: %2 Check the "
                                     "URL, or give the endpoints explicitly (authorization, "
                                     "token and revocation URLs).")
                                          .arg(url.toString(), what),
                                  detail);
        return f;
    };
    if (!Profile::isSafeTransport(url)) {
        EndpointFetch f = fail(tr("it is not an https:// URL (http:// only for this computer)."),
                               QString());
        f.profile = profile;
        op->completeLater(f);
        return op;
    }
    http::send(nam, http::makeRequest(url), "GET", {}, timeoutMs)
            ->then(op, [op, profile, overwrite, fail](const http::Response &r) {
                   EndpointFetch f;
                   if (r.failure) {
                       f = fail(r.failure.message, r.failure.detail);
                   } else if (r.status != 200) {
                       f = fail(tr("the server answered HTTP %1.").arg(r.status),
                                QStringLiteral("HTTP %1").arg(r.status));
                   } else {
                       QString error;
                       const ServerMetadata m = ServerMetadata::parse(r.body, &error);
                       if (!error.isEmpty()) {
                           f = fail(error, QString());
                       } else if (m.tokenEndpoint.isEmpty()) {
                           f = fail(tr("it names no token endpoint."), QString());
                       } else {
                           f.profile = profile;
                           f.filled = applyMetadata(f.profile, m, overwrite);
                           f.warnings = reviewClientAuth(f.profile, m);
                           op->complete(f);
                           return;
                       }
                   }
                   f.profile = profile;
                   op->complete(f);
               });
    return op;
}

} // namespace chartkey

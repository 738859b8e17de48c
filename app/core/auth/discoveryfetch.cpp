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
    if (!m.issuer.isEmpty() && (overwrite || profile.issuer.isEmpty())) {
        profile.issuer = m.issuer;
        filled << QStringLiteral("issuer");
    }
    return filled;
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

#include "idtokenverifier.h"

#include "base/clock.h"
#include "base/logging.h"
#include "net/http.h"
#include "profile/wellknown.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace chartkey {

namespace {

// Process-wide: every connection of every profile shares what a server published.
QHash<QString, ServerMetadata> &metadataCache()
{
    static QHash<QString, ServerMetadata> cache;
    return cache;
}

QHash<QString, QJsonObject> &keyCache()
{
    static QHash<QString, QJsonObject> cache;
    return cache;
}

} // namespace

IdTokenVerifier::IdTokenVerifier(QNetworkAccessManager *nam, const Clock *clock,
                                 QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_clock(clock)
{
}

QUrl IdTokenVerifier::metadataUrl(const Profile &profile)
{
    if (!profile.discoveryUrl.isEmpty())
        return profile.discoveryUrl;
    if (!profile.issuer.isEmpty())
        return wellknown::openIdConfiguration(QUrl(profile.issuer));
    if (!profile.fhirBaseUrl.isEmpty())
        return wellknown::smartConfiguration(profile.fhirBaseUrl);
    return {};
}

IdTokenResult IdTokenVerifier::failure(const QString &message, const QString &detail) const
{
    IdTokenResult r;
    r.failed = IdTokenResult::Check::BadKeySet;
    r.message = message;
    r.detail = detail;
    return r;
}

void IdTokenVerifier::withMetadata(const QUrl &url, Pending<ServerMetadata> *op)
{
    const QString key = url.toString();
    if (metadataCache().contains(key)) {
        op->completeLater(metadataCache().value(key));
        return;
    }
    http::send(m_nam, http::makeRequest(url), "GET", {}, m_timeoutMs)
            ->then(op, [op, key](const http::Response &r) {
                ServerMetadata m;
                if (!r.failure && r.status == 200) {
                    QString error;
                    m = ServerMetadata::parse(r.body, &error);
                    if (error.isEmpty())
                        metadataCache().insert(key, m);
                }
                op->complete(m);
            });
}

void IdTokenVerifier::withKeys(const QUrl &jwksUri, bool refetch, Pending<QJsonObject> *op)
{
    const QString key = jwksUri.toString();
    if (!refetch && keyCache().contains(key)) {
        op->completeLater(keyCache().value(key));
        return;
    }
    http::send(m_nam, http::makeRequest(jwksUri), "GET", {}, m_timeoutMs)
            ->then(op, [op, key](const http::Response &r) {
                QJsonObject jwks;
                if (!r.failure && r.status == 200)
                    jwks = QJsonDocument::fromJson(r.body).object();
                if (jwks.value(QStringLiteral("keys")).isArray())
                    keyCache().insert(key, jwks);
                op->complete(jwks);
            });
}

Pending<IdTokenResult> *IdTokenVerifier::verify(const Profile &profile, const IdTokenCheck &check)
{
    auto *op = new Pending<IdTokenResult>(this);
    log::registerSecret(check.idToken);
    log::registerSecret(check.nonce);
    const QUrl url = metadataUrl(profile);
    if (url.isEmpty()) {
        op->completeLater(failure(tr("The ID token cannot be checked: the profile names no "
                                     "discovery document, issuer or FHIR base to read the "
                                     "server's keys from."),
                                  QString()));
        return op;
    }
    auto *metadata = new Pending<ServerMetadata>(op);
    metadata->then(op, [this, op, profile, check, url](const ServerMetadata &m) {
        if (!m.jwksUri.isValid() || m.jwksUri.isEmpty()) {
            op->complete(failure(tr("The ID token cannot be checked: the server's metadata (%1) "
                                    "names no jwks_uri, so its signing keys are unknown.")
                                         .arg(url.toString()),
                                 QString()));
            return;
        }
        IdTokenExpectations expected;
        expected.issuer = profile.issuer.isEmpty() ? m.issuer : profile.issuer;
        expected.clientId = profile.clientId;
        expected.nonce = check.nonce;
        expected.now = m_clock->now();
        expected.accessToken = check.accessToken;
        expected.previousSubject = check.previousSubject;
        const QByteArray token = check.idToken.toUtf8();
        auto validateWith = [token, expected](const QJsonObject &jwks) {
            return idtoken::validate(token, jwks, expected);
        };
        auto *keys = new Pending<QJsonObject>(op);
        keys->then(op, [this, op, m, validateWith](const QJsonObject &jwks) {
            const IdTokenResult first = validateWith(jwks);
            if (!first.shouldRefetchKeys()) {
                op->complete(first);
                return;
            }
            // An unknown kid: the keys may have rotated since they were read. Once more.
            auto *fresh = new Pending<QJsonObject>(op);
            fresh->then(op, [op, validateWith](const QJsonObject &again) {
                op->complete(validateWith(again));
            });
            withKeys(m.jwksUri, true, fresh);
        });
        withKeys(m.jwksUri, false, keys);
    });
    withMetadata(url, metadata);
    return op;
}

} // namespace chartkey

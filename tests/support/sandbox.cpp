#include "sandbox.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

namespace chartkey::test {

bool Sandbox::available()
{
    return qEnvironmentVariableIsSet("CHARTKEY_SANDBOX");
}

Sandbox Sandbox::fromEnvironment()
{
    const QJsonObject o = QJsonDocument::fromJson(qgetenv("CHARTKEY_SANDBOX")).object();
    Sandbox s;
    s.instance = QUrl(o.value(QStringLiteral("instance")).toString());
    s.fhirBase = QUrl(o.value(QStringLiteral("fhirBase")).toString());
    s.admin = QUrl(o.value(QStringLiteral("admin")).toString());
    const QJsonObject clients = o.value(QStringLiteral("clients")).toObject();
    s.publicClientId = clients.value(QStringLiteral("public")).toObject()
                               .value(QStringLiteral("client_id")).toString();
    const QJsonObject confidential = clients.value(QStringLiteral("confidential")).toObject();
    s.confidentialClientId = confidential.value(QStringLiteral("client_id")).toString();
    s.confidentialSecret = confidential.value(QStringLiteral("client_secret")).toString();
    const QJsonObject service = clients.value(QStringLiteral("clientCredentials")).toObject();
    s.serviceClientId = service.value(QStringLiteral("client_id")).toString();
    s.serviceSecret = service.value(QStringLiteral("client_secret")).toString();
    s.browser = qEnvironmentVariable("SANDBOX_BROWSER");
    s.consent = qEnvironmentVariable("SANDBOX_CONSENT");

    const auto url = [](const QJsonObject &obj, const char *key) {
        return QUrl(obj.value(QLatin1String(key)).toString());
    };
    const auto text = [](const QJsonObject &obj, const char *key) {
        return obj.value(QLatin1String(key)).toString();
    };
    s.authorizationEndpoint = url(o, "authorizationEndpoint");
    s.tokenEndpoint = url(o, "tokenEndpoint");
    s.revocationEndpoint = url(o, "revocationEndpoint");
    s.endSessionEndpoint = url(o, "endSessionEndpoint");
    s.smartConfiguration = url(o, "smartConfiguration");
    s.openidConfiguration = url(o, "openidConfiguration");
    s.jwksUri = url(o, "jwksUri");
    const QJsonObject user = o.value(QStringLiteral("user")).toObject();
    s.userLogin = text(user, "login");
    s.userPassword = text(user, "password");
    s.userName = text(user, "name");
    s.fhirUser = text(user, "fhirUser");

    const QJsonObject lms = o.value(QStringLiteral("lms")).toObject();
    s.lmsBase = url(lms, "base");
    s.lmsAuthorizationEndpoint = url(lms, "authorizationEndpoint");
    s.lmsTokenEndpoint = url(lms, "tokenEndpoint");
    s.lmsApiSelf = url(lms, "apiSelf");
    const QJsonObject lmsClient = lms.value(QStringLiteral("client")).toObject();
    s.lmsClientId = text(lmsClient, "client_id");
    s.lmsClientSecret = text(lmsClient, "client_secret");

    const QJsonObject cognito = o.value(QStringLiteral("cognito")).toObject();
    s.cognitoDiscoveryUrl = url(cognito, "discoveryUrl");
    s.cognitoIssuer = url(cognito, "issuer");
    s.cognitoAuthorizationEndpoint = url(cognito, "authorizationEndpoint");
    s.cognitoTokenEndpoint = url(cognito, "tokenEndpoint");
    s.cognitoRevocationEndpoint = url(cognito, "revocationEndpoint");
    const QJsonObject cognitoClient = cognito.value(QStringLiteral("client")).toObject();
    s.cognitoClientId = text(cognitoClient, "client_id");
    s.cognitoClientSecret = text(cognitoClient, "client_secret");
    s.cognitoScope = text(cognito, "scope");
    return s;
}

Profile Sandbox::publicProfile(const QString &name) const
{
    Profile p = Profile::canvas(name, instance);
    p.fhirBaseUrl = fhirBase;
    p.clientId = publicClientId;
    return p;
}

QJsonObject Sandbox::call(const QByteArray &verb, const QString &path,
                          const QJsonObject &body) const
{
    QNetworkAccessManager nam;
    QUrl url = admin;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(admin.path() + path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = nam.sendCustomRequest(
            request, verb, verb == "GET" ? QByteArray() : QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject result = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return result;
}

QJsonObject Sandbox::stats() const
{
    return call("GET", QStringLiteral("/stats"));
}

int Sandbox::requestsReceived() const
{
    // server.mjs logs each request as "[sandbox] METHOD /path", with "FHIR", "LMS",
    // "COGNITO-IDP" or "COGNITO-AUTH" before the method for its other servers.
    QFile log(qEnvironmentVariable("PEERS_DIR") + QStringLiteral("/sandbox.log"));
    if (!qEnvironmentVariableIsSet("PEERS_DIR") || !log.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression request(QStringLiteral(
            "^\\[sandbox\\] (?:[A-Z-]+ )?(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (\\S+)"));
    int count = 0;
    while (!log.atEnd()) {
        const QString line = QString::fromUtf8(log.readLine());
        const QRegularExpressionMatch match = request.match(line);
        if (match.hasMatch() && !match.captured(1).startsWith(QLatin1String("/__admin")))
            ++count;
    }
    return count;
}

int Sandbox::tokenRequests(const QString &grantType) const
{
    return stats().value(QStringLiteral("token")).toObject().value(grantType).toInt();
}

int Sandbox::apiResponses(int status) const
{
    return stats().value(QStringLiteral("api")).toObject().value(QString::number(status)).toInt();
}

QJsonObject Sandbox::registerKeyClient(const QString &clientId, const QJsonObject &jwks,
                                       const QString &grant) const
{
    return call("POST", QStringLiteral("/key-client"),
                {{QStringLiteral("client_id"), clientId}, {QStringLiteral("jwks"), jwks},
                 {QStringLiteral("grant"), grant}});
}

void Sandbox::resetStats() const
{
    call("POST", QStringLiteral("/reset-stats"));
}

void Sandbox::expireTokens() const
{
    call("POST", QStringLiteral("/expire-tokens"));
}

void Sandbox::setAccessTtl(int seconds) const
{
    call("POST", QStringLiteral("/config"), {{QStringLiteral("accessTtl"), seconds}});
}

void Sandbox::setMode(const QJsonObject &modes) const
{
    call("POST", QStringLiteral("/config"), modes);
}

QJsonObject Sandbox::modes() const
{
    return call("GET", QStringLiteral("/config"));
}

void Sandbox::registerRedirectUris(const QStringList &uris, bool exact) const
{
    call("POST", QStringLiteral("/config"),
         {{QStringLiteral("redirectUris"), QJsonArray::fromStringList(uris)},
          {QStringLiteral("exactRedirectUris"), exact}});
}

void Sandbox::rotateJwks() const
{
    call("POST", QStringLiteral("/config"), {{QStringLiteral("rotateJwks"), true}});
}

void Sandbox::resetModes() const
{
    call("POST", QStringLiteral("/config"), {{QStringLiteral("reset"), true}});
}

QString Sandbox::mintStaticToken(const QString &kind) const
{
    return call("POST", QStringLiteral("/static-token"), {{QStringLiteral("kind"), kind}})
            .value(QStringLiteral("token"))
            .toString();
}

void Sandbox::revokeStaticToken(const QString &token) const
{
    call("POST", QStringLiteral("/static-token/revoke"), {{QStringLiteral("token"), token}});
}

void Sandbox::failNext(const QString &target, int count, const QString &mode) const
{
    call("POST", QStringLiteral("/fail"),
         {{QStringLiteral("target"), target},
          {QStringLiteral("count"), count},
          {QStringLiteral("mode"), mode}});
}

QJsonObject Sandbox::noteState(const QString &noteId) const
{
    return call("GET", QStringLiteral("/notes/") + noteId);
}

QJsonObject Sandbox::setAppointmentStatus(const QString &noteId, const QString &status) const
{
    return call("POST", QStringLiteral("/notes/") + noteId,
                {{QStringLiteral("appointment_status"), status}});
}

QStringList Sandbox::noteIdsOf(const QString &family) const
{
    const QJsonObject o = call("GET", QStringLiteral("/patients?family=") + family);
    QStringList ids;
    const QJsonArray patients = o.value(QStringLiteral("patients")).toArray();
    for (const QJsonValue &p : patients) {
        const QJsonArray notes = p.toObject().value(QStringLiteral("notes")).toArray();
        for (const QJsonValue &n : notes)
            ids << n.toString();
    }
    return ids;
}

} // namespace chartkey::test

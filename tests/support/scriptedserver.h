// One scriptable OAuth server on 127.0.0.1 for unit and widget tests (qtnetworkauth's
// tests/auto/shared/oauthtestutils.h is the model): a test scripts the answers of the routes
// it needs — the token endpoint, the revocation endpoint, a discovery document, any path —
// lets the code under test talk to it, and then reads what the server received, in order.
// The real OAuth server (oidc-provider, tests/sandbox) is for the integration and e2e tests.
//
//   ScriptedServer server;
//   server.script(ScriptedServer::kToken, {ScriptedServer::tokens(kAccess, kRefresh, 3600)});
//   profile.tokenUrl = server.tokenUrl();
//   ... the code under test refreshes ...
//   QCOMPARE(server.received(ScriptedServer::kToken).first().field("grant_type"),
//            QStringLiteral("refresh_token"));
//
// A route answers each request with its next scripted answer, and then with its last one
// again; a path without answers of its own gets those of script(answers) (every path), and
// without those 500 server_error. Each connection carries one request (Connection: close).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <utility>

namespace chartkey::test {

class ScriptedServer final : public QTcpServer
{
    Q_OBJECT
public:
    // The routes of a Canvas instance.
    static constexpr const char *kToken = "/auth/token/";
    static constexpr const char *kRevocation = "/auth/revoke_token/";

    struct Answer
    {
        int status = 200;
        QByteArray body;
        int delayMs = 0;   // answered after this long (a hang: longer than the client waits)
        QByteArray contentType = "application/json";
    };

    struct Request
    {
        QByteArray method;
        QString path;      // without the query
        QByteArray query;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;

        // A field of a form-encoded body, decoded.
        QString field(const char *name) const;
        // A header's value (names compared without case); empty when absent.
        QByteArray header(const QByteArray &name) const;
    };

    explicit ScriptedServer(QObject *parent = nullptr);

    QUrl baseUrl() const;          // http://127.0.0.1:PORT
    QUrl url(const QString &path) const;
    QUrl tokenUrl() const { return url(QLatin1String(kToken)); }
    QUrl revocationUrl() const { return url(QLatin1String(kRevocation)); }

    // The answers for requests to `path`.
    void script(const QString &path, QList<Answer> answers);
    // The answers for requests to any path that has none of its own.
    void script(QList<Answer> answers) { m_fallback = std::move(answers); }

    // What the server received, in order: every request, or those to `path`.
    QList<Request> received(const QString &path = {}) const;
    int requests(const QString &path = {}) const { return int(received(path).size()); }
    // The bodies of received(path).
    QList<QByteArray> bodies(const QString &path = {}) const;

    // A successful token answer (RFC 6749 §5.1); no refresh_token when `refresh` is empty.
    static Answer tokens(const QString &access, const QString &refresh, int expiresIn,
                         const QString &scope = QStringLiteral("user/Patient.read offline_access"));
    // An OAuth error answer (RFC 6749 §5.2).
    static Answer error(int status, const QString &error, const QString &description = {});

private:
    void onConnection();
    Answer next(const QString &path);

    QHash<QString, QList<Answer>> m_answers;
    QList<Answer> m_fallback;
    QList<Request> m_received;
};

} // namespace chartkey::test

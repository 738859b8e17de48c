#include "scriptedserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace chartkey::test {

QString ScriptedServer::Request::field(const char *name) const
{
    // A form body: '+' stands for a space (QUrlQuery leaves it alone).
    QByteArray form = body;
    form.replace('+', ' ');
    return QUrlQuery(QString::fromLatin1(form))
            .queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

QByteArray ScriptedServer::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ScriptedServer::ScriptedServer(QObject *parent)
    : QTcpServer(parent)
{
    listen(QHostAddress(QHostAddress::LocalHost), 0);
    connect(this, &QTcpServer::newConnection, this, &ScriptedServer::onConnection);
}

QUrl ScriptedServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort()));
}

QUrl ScriptedServer::url(const QString &path) const
{
    QUrl u = baseUrl();
    u.setPath(path);
    return u;
}

void ScriptedServer::script(const QString &path, QList<Answer> answers)
{
    m_answers.insert(path, std::move(answers));
}

QList<ScriptedServer::Request> ScriptedServer::received(const QString &path) const
{
    if (path.isEmpty())
        return m_received;
    QList<Request> matching;
    for (const Request &r : m_received) {
        if (r.path == path)
            matching << r;
    }
    return matching;
}

QList<QByteArray> ScriptedServer::bodies(const QString &path) const
{
    QList<QByteArray> out;
    const QList<Request> requests = received(path);
    for (const Request &r : requests)
        out << r.body;
    return out;
}

ScriptedServer::Answer ScriptedServer::tokens(const QString &access, const QString &refresh,
                                              int expiresIn, const QString &scope)
{
    QJsonObject o{{QStringLiteral("access_token"), access},
                  {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                  {QStringLiteral("expires_in"), expiresIn},
                  {QStringLiteral("scope"), scope}};
    if (!refresh.isEmpty())
        o.insert(QStringLiteral("refresh_token"), refresh);
    return {200, QJsonDocument(o).toJson(QJsonDocument::Compact)};
}

ScriptedServer::Answer ScriptedServer::error(int status, const QString &error,
                                             const QString &description)
{
    QJsonObject o{{QStringLiteral("error"), error}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("error_description"), description);
    return {status, QJsonDocument(o).toJson(QJsonDocument::Compact)};
}

ScriptedServer::Answer ScriptedServer::next(const QString &path)
{
    QList<Answer> &answers = m_answers.contains(path) ? m_answers[path] : m_fallback;
    if (answers.isEmpty())
        return error(500, QStringLiteral("server_error"));
    return answers.size() > 1 ? answers.takeFirst() : answers.first();
}

void ScriptedServer::onConnection()
{
    while (QTcpSocket *socket = nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            Request request;
            qsizetype length = 0;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                if (i == 0) {
                    // "POST /auth/token/?a=b HTTP/1.1"
                    const QList<QByteArray> parts = line.split(' ');
                    request.method = parts.value(0);
                    const QByteArray target = parts.value(1);
                    const qsizetype q = target.indexOf('?');
                    request.path = QString::fromLatin1(q < 0 ? target : target.left(q));
                    request.query = q < 0 ? QByteArray() : target.mid(q + 1);
                    continue;
                }
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
                if (line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
                    length = line.mid(colon + 1).trimmed().toLongLong();
            }
            if (buffer->size() < headerEnd + 4 + length)
                return;
            request.body = buffer->mid(headerEnd + 4, length);
            buffer->clear();
            const Answer a = next(request.path);
            m_received << request;
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(a.delayMs, this, [guard, a] {
                if (!guard)
                    return;
                QByteArray response = "HTTP/1.1 " + QByteArray::number(a.status) + " X\r\n"
                        "Content-Type: " + a.contentType + "\r\n"
                        "Cache-Control: no-store\r\n"
                        "Connection: close\r\n"
                        "Content-Length: " + QByteArray::number(a.body.size()) + "\r\n\r\n"
                        + a.body;
                guard->write(response);
                guard->disconnectFromHost();
            });
        });
    }
}

} // namespace chartkey::test

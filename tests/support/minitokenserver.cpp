#include "minitokenserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace chartkey::test {

MiniTokenServer::MiniTokenServer(QObject *parent)
    : QTcpServer(parent)
{
    listen(QHostAddress(QHostAddress::LocalHost), 0);
    connect(this, &QTcpServer::newConnection, this, &MiniTokenServer::onConnection);
}

QUrl MiniTokenServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/auth/token/").arg(serverPort()));
}

MiniTokenServer::Answer MiniTokenServer::tokens(const QString &access, const QString &refresh,
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

MiniTokenServer::Answer MiniTokenServer::error(int status, const QString &error,
                                               const QString &description)
{
    QJsonObject o{{QStringLiteral("error"), error}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("error_description"), description);
    return {status, QJsonDocument(o).toJson(QJsonDocument::Compact)};
}

void MiniTokenServer::onConnection()
{
    while (QTcpSocket *socket = nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            qsizetype length = 0;
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer->size() < headerEnd + 4 + length)
                return;
            const QByteArray body = buffer->mid(headerEnd + 4, length);
            buffer->clear();
            m_bodies << body;
            const Answer a = m_answers.isEmpty()
                    ? error(500, QStringLiteral("server_error"))
                    : (m_answers.size() > 1 ? m_answers.takeFirst() : m_answers.first());
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

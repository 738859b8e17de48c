// A token endpoint on 127.0.0.1 for unit tests of the refresh logic: it answers each POST
// with the next scripted response (or the last one again) and counts the requests. The
// real OAuth server (oidc-provider) is used by the integration and e2e tests.
#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QUrl>

namespace chartkey::test {

class MiniTokenServer final : public QTcpServer
{
    Q_OBJECT
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        int delayMs = 0;
        QByteArray contentType = "application/json";
    };

    explicit MiniTokenServer(QObject *parent = nullptr);

    QUrl url() const;
    void script(QList<Answer> answers) { m_answers = std::move(answers); }
    int requests() const { return int(m_bodies.size()); }
    QList<QByteArray> bodies() const { return m_bodies; }

    static Answer tokens(const QString &access, const QString &refresh, int expiresIn,
                         const QString &scope = QStringLiteral("user/Patient.read offline_access"));
    static Answer error(int status, const QString &error, const QString &description = {});

private:
    void onConnection();

    QList<Answer> m_answers;
    QList<QByteArray> m_bodies;
};

} // namespace chartkey::test

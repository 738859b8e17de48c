// The log redactor: registered secrets, secret-bearing patterns, URLs and the message handler;
// the one list of secret names (base/secretnames.h) and everyone who reads it.
#include "auth/tokenclient.h"
#include "base/logging.h"
#include "base/secretnames.h"
#include "net/activitylog.h"
#include "profile/profilejson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>
#include <QUrlQuery>

#include "fakeclock.h"

using namespace chartkey;

namespace {

const QString kRedacted = QStringLiteral("[redacted]");

QStringList &captured()
{
    static QStringList messages;
    return messages;
}

void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    captured() << message; // never forwarded: a failing test must not print a secret
}

} // namespace

class TestRedaction final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void registeredSecretIsRedactedPlainAndPercentEncoded()
    {
        const QString secret = QStringLiteral("s3cr3t/value+with=chars 0123");
        log::registerSecret(secret);
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        QVERIFY(encoded != secret);

        const QString out = log::redact(QStringLiteral("plain %1 and encoded %2 end")
                                                .arg(secret, encoded));
        QVERIFY(!out.contains(secret));
        QVERIFY(!out.contains(encoded));
        QCOMPARE(out, QStringLiteral("plain [redacted] and encoded [redacted] end"));
    }

    void shortValuesAreNotRegistered()
    {
        log::registerSecret(QStringLiteral("launch"));
        log::registerSecret(QString());
        QCOMPARE(log::redact(QStringLiteral("launch the app")), QStringLiteral("launch the app"));
    }

    void patternsRedactUnregisteredValues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Authorization header")
                << QStringLiteral("Authorization: Bearer xyz.unregistered.1")
                << QStringLiteral("Authorization: Bearer [redacted]");
        QTest::newRow("lower-case basic header")
                << QStringLiteral("authorization basic dXNlcjpwYXNz, next")
                << QStringLiteral("authorization basic [redacted], next");
        QTest::newRow("form: refresh token request")
                << QStringLiteral("grant_type=refresh_token&refresh_token=rt-unreg-1&client_id=cid")
                << QStringLiteral("grant_type=refresh_token&refresh_token=[redacted]&client_id=cid");
        QTest::newRow("form: access_token")
                << QStringLiteral("access_token=at-unreg-1 rest")
                << QStringLiteral("access_token=[redacted] rest");
        QTest::newRow("form: code and code_verifier")
                << QStringLiteral("code=c-unreg-1&code_verifier=v-unreg-1&code_challenge=ch")
                << QStringLiteral("code=[redacted]&code_verifier=[redacted]&code_challenge=ch");
        QTest::newRow("form: client_secret")
                << QStringLiteral("client_id=cid&client_secret=cs-unreg-1")
                << QStringLiteral("client_id=cid&client_secret=[redacted]");
        QTest::newRow("JSON access and refresh token")
                << QStringLiteral(R"({"access_token":"at-unreg-2","token_type":"Bearer",)"
                                  R"( "refresh_token" : "rt-unreg-2"})")
                << QStringLiteral(R"({"access_token":"[redacted]","token_type":"Bearer",)"
                                  R"( "refresh_token" : "[redacted]"})");
        QTest::newRow("nothing secret") << QStringLiteral("scope=user/Patient.read&state_of=ok")
                                        << QStringLiteral("scope=user/Patient.read&state_of=ok");
    }

    void patternsRedactUnregisteredValues()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(log::redact(text), expected);
    }

    void redactUrlDropsUserInfoAndSecretQueryValues()
    {
        QUrl url(QStringLiteral("https://someone:pw-unreg-123@h.example/cb"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("code"), QStringLiteral("code-unreg-1"));
        q.addQueryItem(QStringLiteral("state"), QStringLiteral("state-unreg-1"));
        q.addQueryItem(QStringLiteral("token"), QStringLiteral("tok-unreg-1"));
        q.addQueryItem(QStringLiteral("scope"), QStringLiteral("user/Patient.read launch"));
        q.addQueryItem(QStringLiteral("iss"), QStringLiteral("https%3A%2F%2Fh.example"));
        q.addQueryItem(QStringLiteral("_count"), QStringLiteral("10"));
        url.setQuery(q);

        const QString out = log::redactUrl(url);
        for (const char *gone : {"someone", "pw-unreg-123", "code-unreg-1", "state-unreg-1",
                                 "tok-unreg-1"})
            QVERIFY2(!out.contains(QLatin1String(gone)), gone);

        const QUrl back(out);
        QCOMPARE(back.host(), QStringLiteral("h.example"));
        QCOMPARE(back.path(), QStringLiteral("/cb"));
        QVERIFY(back.userInfo().isEmpty());
        const QUrlQuery safe(back);
        QCOMPARE(safe.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded), kRedacted);
        QCOMPARE(safe.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), kRedacted);
        QCOMPARE(safe.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded), kRedacted);
        QCOMPARE(safe.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded),
                 QStringLiteral("user/Patient.read launch"));
        QCOMPARE(safe.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded),
                 QStringLiteral("https://h.example"));
        QCOMPARE(safe.queryItemValue(QStringLiteral("_count")), QStringLiteral("10"));
    }

    void messagesAreRedactedBeforeTheNextHandler()
    {
        const QtMessageHandler testlib = qInstallMessageHandler(capture);
        log::installRedactingMessageHandler();
        captured().clear();

        const QByteArray secret = "handler-secret-0123456789";
        log::registerSecret(QString::fromLatin1(secret));
        qWarning("the token is %s, twice: %s", secret.constData(), secret.constData());
        qCWarning(lcAuth).noquote() << "sent Authorization: Bearer handler-unregistered-42";
        qInstallMessageHandler(testlib);

        QCOMPARE(captured().size(), 2);
        QCOMPARE(captured().at(0), QStringLiteral("the token is [redacted], twice: [redacted]"));
        QVERIFY(!captured().at(1).contains(QLatin1String("handler-unregistered-42")));
        QVERIFY(captured().at(1).contains(kRedacted));
    }

    // Every name of the one list is a secret for the log redactor (form fields, JSON members,
    // query parameters), the activity log (JSON bodies) and profile JSON (refused).
    void everySecretNameIsRedactedEverywhere_data()
    {
        QTest::addColumn<QString>("name");
        for (QLatin1StringView name : secretnames::all())
            QTest::newRow(name.data()) << QString(name);
    }

    void everySecretNameIsRedactedEverywhere()
    {
        QFETCH(QString, name);
        const QString value = QStringLiteral("unregistered-value-of-") + name;
        QVERIFY(secretnames::isSecret(name));
        QVERIFY(secretnames::isSecret(name.toUpper()));

        const QString form = log::redact(QStringLiteral("a=1&%1=%2&b=2").arg(name, value));
        QVERIFY2(!form.contains(value), qPrintable(name));
        QCOMPARE(form, QStringLiteral("a=1&%1=[redacted]&b=2").arg(name));

        const QString json = log::redact(QStringLiteral(R"({"%1": "%2"})").arg(name, value));
        QVERIFY2(!json.contains(value), qPrintable(name));

        QUrl url(QStringLiteral("https://h.example/cb"));
        url.setQuery(QStringLiteral("%1=%2&scope=x").arg(name, value));
        QVERIFY2(!log::redactUrl(url).contains(value), qPrintable(name));

        const QByteArray body = QJsonDocument(QJsonObject{{name, value},
                                                          {QStringLiteral("scope"),
                                                           QStringLiteral("x")}})
                                        .toJson();
        const QJsonObject shown
                = QJsonDocument::fromJson(ActivityLog::redactBody(body)).object();
        QCOMPARE(shown.value(name).toString(), kRedacted);
        QCOMPARE(shown.value(QStringLiteral("scope")).toString(), QStringLiteral("x"));

        // In any spelling, a profile file carrying it is refused.
        for (QString key : {name, name.toUpper(), QString(name).remove(QLatin1Char('_'))}) {
            QJsonObject o{{QStringLiteral("chartkey-profile"), 1},
                          {QStringLiteral("name"), QStringLiteral("A")},
                          {QStringLiteral("kind"), QStringLiteral("canvas")},
                          {QStringLiteral("instanceUrl"),
                           QStringLiteral("https://example.canvasmedical.com")},
                          {QStringLiteral("clientId"), QStringLiteral("c")}};
            o.insert(key, QStringLiteral("x"));
            const QByteArray file = QJsonDocument(o).toJson();
            QString error;
            QVERIFY2(!profilejson::fromJson(file, &error), qPrintable(key));
            QVERIFY2(error.contains(QLatin1String("never carry secrets")), qPrintable(error));
        }
    }

    void ordinaryNamesAreNotSecrets_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"grant_type", "scope", "client_id", "redirect_uri",
                                 "token_type", "token_type_hint", "code_challenge",
                                 "code_challenge_method", "client_assertion_type", "tokenUrl",
                                 "expires_in", "launch", "aud", "iss"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void ordinaryNamesAreNotSecrets()
    {
        QFETCH(QString, name);
        QVERIFY(!secretnames::isSecret(name));
        QVERIFY(!secretnames::looksLikeSecret(name));
        const QString form = QStringLiteral("%1=plain-value-1").arg(name);
        QCOMPARE(log::redact(form), form);
    }

    // Keep last: it registers what a token request registers, for the rest of the process.
    void tokenRequestsDoNotDisableThePatterns()
    {
        test::FakeClock clock;
        QNetworkAccessManager nam;
        TokenClient client(&nam, &clock);
        TokenEndpoint nowhere;
        nowhere.clientId = QStringLiteral("client-id-1234");
        const QString redirect = QStringLiteral("http://127.0.0.1:50123/callback");
        const QString scope = QStringLiteral("user/Patient.read offline_access");
        QList<TokenReply *> replies = {
            client.exchangeCode(nowhere, QStringLiteral("code-registered-1"), redirect,
                                QStringLiteral("verifier-registered-1")),
            client.refresh(nowhere, QStringLiteral("refresh-registered-1"), scope),
            client.clientCredentials(nowhere, scope),
            client.revoke(nowhere, QStringLiteral("revoke-registered-1"),
                          QStringLiteral("refresh_token")),
            client.revoke(nowhere, QStringLiteral("revoke-registered-2"),
                          QStringLiteral("access_token")),
        };
        int finished = 0;
        for (TokenReply *reply : std::as_const(replies))
            reply->then(this, [&finished](const TokenResult &) { ++finished; });
        QTRY_COMPARE(finished, int(replies.size()));

        // The secrets sent are redacted ...
        QCOMPARE(log::redact(QStringLiteral("code-registered-1 verifier-registered-1")),
                 QStringLiteral("[redacted] [redacted]"));
        // ... but not the field names and public values around them: a registered
        // "refresh_token" would turn "refresh_token=<value>" into "[redacted]=<value>", and
        // the pattern could no longer find the value.
        // (QVERIFY2, not QCOMPARE: a failure must not print the value that got through)
        const QLatin1String lateRefresh("rt-late-unreg");
        const QLatin1String lateAccess("at-late-unreg");
        const QString form = log::redact(QStringLiteral("refresh_token=") + lateRefresh);
        QVERIFY2(!form.contains(lateRefresh),
                 "an unregistered refresh_token= form value was not redacted");
        const QString json =
                log::redact(QStringLiteral(R"({"access_token":"%1"})").arg(lateAccess));
        QVERIFY2(!json.contains(lateAccess),
                 "an unregistered JSON access_token value was not redacted");
        QCOMPARE(log::redact(QStringLiteral("grant_type=authorization_code")),
                 QStringLiteral("grant_type=authorization_code"));
        QCOMPARE(log::redact(QStringLiteral("listening on %1").arg(redirect)),
                 QStringLiteral("listening on %1").arg(redirect));
        QCOMPARE(log::redact(scope), scope);
    }
};

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"

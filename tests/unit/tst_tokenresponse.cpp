// TokenResponse::parse: what a token endpoint answer becomes (RFC 6749 sections 5.1, 5.2).
#include "auth/tokenset.h"
#include "base/failure.h"

#include <QTest>

using namespace chartkey;

namespace {

const QString kAccess = QStringLiteral("AT-parse-0123456789abcdef");
const QString kRefresh = QStringLiteral("RT-parse-0123456789abcdef");
const QString kRequested = QStringLiteral("user/Patient.read offline_access");

QDateTime now()
{
    return QDateTime::fromString(QStringLiteral("2026-01-01T08:00:00Z"), Qt::ISODate);
}

QByteArray json(const char *text)
{
    // The access and refresh token stand-ins are spelled once, here.
    return QByteArray(text)
            .replace("$AT", kAccess.toLatin1())
            .replace("$RT", kRefresh.toLatin1());
}

} // namespace

class TestTokenResponse final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Found by fuzzing (tests/fuzz/regressions/tokenresponse): a lifetime beyond int64 was
    // undefined behaviour, and one past year 9999 was stored as no expiry at all.
    void anAbsurdLifetimeIsCappedAtTenYears_data()
    {
        QTest::addColumn<QByteArray>("expiresIn");
        QTest::newRow("beyond int64") << QByteArray("1e19");
        QTest::newRow("past year 9999") << QByteArray("315569260000");
        QTest::newRow("as a string") << QByteArray(R"("99999999999999999999")");
    }

    void anAbsurdLifetimeIsCappedAtTenYears()
    {
        QFETCH(QByteArray, expiresIn);
        const QDateTime now =
                QDateTime::fromString(QStringLiteral("2026-01-01T08:00:00Z"), Qt::ISODate);
        const auto r = chartkey::TokenResponse::parse(
                200, "application/json",
                R"({"access_token":"opaque-access-1","token_type":"Bearer","expires_in":)"
                        + expiresIn + "}",
                now, QString());
        QVERIFY(r.failure.isOk());
        QVERIFY(r.tokens.expiresAt.isValid());
        QVERIFY(r.tokens.expiresAt <= now.addYears(10).addDays(3));
        bool ok = false;
        const auto stored = chartkey::TokenSet::fromJson(r.tokens.toJson(), &ok);
        QVERIFY(ok);
        QCOMPARE(stored.expiresAt, r.tokens.expiresAt);
    }

    // Found by fuzzing: server text holding "%1" was substituted again by a chained arg().
    void serverTextWithPercentSignsIsShownAsSent()
    {
        const auto r = chartkey::TokenResponse::parse(
                400, "application/json",
                R"({"error":"weird_error","error_description":"at most 5%1 of the time"})",
                QDateTime::currentDateTimeUtc(), QString());
        QVERIFY(!r.failure.isOk());
        QVERIFY2(r.failure.message.contains(QLatin1String("at most 5%1 of the time")),
                 qPrintable(r.failure.message));
        QVERIFY2(r.failure.message.contains(QLatin1String("HTTP 400")),
                 qPrintable(r.failure.message));
    }

    void validBearerAnswerBecomesTokens_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<qint64>("expiresIn"); // -1: no expiry
        QTest::addColumn<QString>("refresh");

        QTest::newRow("expires_in number, scope present")
                << json(R"({"access_token":"$AT","token_type":"Bearer","expires_in":3600,)"
                        R"("refresh_token":"$RT","scope":"user/Patient.read"})")
                << QStringLiteral("user/Patient.read") << qint64(3600) << kRefresh;
        QTest::newRow("expires_in numeric string")
                << json(R"({"access_token":"$AT","token_type":"Bearer","expires_in":"36000",)"
                        R"("scope":"a b"})")
                << QStringLiteral("a b") << qint64(36000) << QString();
        QTest::newRow("scope absent: the requested scope was granted")
                << json(R"({"access_token":"$AT","token_type":"Bearer","expires_in":60,)"
                        R"("refresh_token":"$RT"})")
                << kRequested << qint64(60) << kRefresh;
        QTest::newRow("lower-case bearer, no expires_in")
                << json(R"({"access_token":"$AT","token_type":"bearer","scope":"x"})")
                << QStringLiteral("x") << qint64(-1) << QString();
        QTest::newRow("null refresh_token and scope")
                << json(R"({"access_token":"$AT","token_type":"Bearer","expires_in":10,)"
                        R"("refresh_token":null,"scope":null})")
                << kRequested << qint64(10) << QString();
    }

    void validBearerAnswerBecomesTokens()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, scope);
        QFETCH(qint64, expiresIn);
        QFETCH(QString, refresh);

        const TokenResponse r =
                TokenResponse::parse(200, "application/json", body, now(), kRequested);
        QVERIFY2(r.failure.isOk(), qPrintable(r.failure.message));
        QVERIFY(r.tokens.accessToken == kAccess);
        QVERIFY(r.tokens.refreshToken == refresh);
        QCOMPARE(r.tokens.tokenType, QStringLiteral("Bearer"));
        QCOMPARE(r.tokens.scope, scope);
        QCOMPARE(r.tokens.obtainedAt, now());
        if (expiresIn < 0)
            QVERIFY(!r.tokens.expiresAt.isValid());
        else
            QCOMPARE(r.tokens.expiresAt, now().addSecs(expiresIn));
    }

    void badAnswerIsAFailureThatSaysWhatToDo_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("oauthError");
        QTest::addColumn<QString>("messagePart");

        const QByteArray js = "application/json";
        const auto malformed = int(Failure::Kind::Malformed);
        const auto oauth = int(Failure::Kind::OAuth);
        const auto server = int(Failure::Kind::Server);

        QTest::newRow("missing access_token")
                << 200 << js << json(R"({"token_type":"Bearer","expires_in":3600})")
                << malformed << QString() << QStringLiteral("access_token");
        QTest::newRow("access_token not a string")
                << 200 << js << json(R"({"access_token":12345,"token_type":"Bearer"})")
                << malformed << QString() << QStringLiteral("access_token");
        QTest::newRow("token_type missing")
                << 200 << js << json(R"({"access_token":"$AT","expires_in":3600})")
                << malformed << QString() << QStringLiteral("token_type");
        QTest::newRow("token_type mac")
                << 200 << js << json(R"({"access_token":"$AT","token_type":"mac"})")
                << malformed << QString() << QStringLiteral("Bearer");
        QTest::newRow("expires_in boolean")
                << 200 << js
                << json(R"({"access_token":"$AT","token_type":"Bearer","expires_in":true})")
                << malformed << QString() << QStringLiteral("expires_in");
        QTest::newRow("expires_in word")
                << 200 << js
                << json(R"({"access_token":"$AT","token_type":"Bearer","expires_in":"soon"})")
                << malformed << QString() << QStringLiteral("expires_in");
        QTest::newRow("refresh_token number")
                << 200 << js
                << json(R"({"access_token":"$AT","token_type":"Bearer","refresh_token":7})")
                << malformed << QString() << QStringLiteral("refresh_token");
        QTest::newRow("scope array")
                << 200 << js
                << json(R"({"access_token":"$AT","token_type":"Bearer","scope":["a"]})")
                << malformed << QString() << QStringLiteral("scope");
        QTest::newRow("malformed JSON")
                << 200 << js << json(R"({"access_token":"$AT","token_type":)") << malformed
                << QString() << QStringLiteral("holds no tokens");
        QTest::newRow("HTML error page")
                << 404 << QByteArray("text/html; charset=utf-8")
                << QByteArray("<!DOCTYPE html><html><body>Not Found</body></html>") << oauth
                << QString() << QStringLiteral("web page");
        QTest::newRow("HTML without content type")
                << 200 << QByteArray() << QByteArray("  <html><body>login</body></html>")
                << malformed << QString() << QStringLiteral("web page");
        QTest::newRow("400 without an OAuth error")
                << 400 << js << QByteArray(R"({"detail":"nope"})") << oauth << QString()
                << QStringLiteral("HTTP 400");
        QTest::newRow("invalid_grant to a code exchange: the code was refused")
                << 400 << js
                << QByteArray(R"({"error":"invalid_grant","error_description":"expired"})")
                << oauth << QStringLiteral("invalid_grant") << QStringLiteral("sign-in code");
        QTest::newRow("invalid_client")
                << 401 << js << QByteArray(R"({"error":"invalid_client"})") << oauth
                << QStringLiteral("invalid_client") << QStringLiteral("client ID and secret");
        QTest::newRow("invalid_scope")
                << 400 << js << QByteArray(R"({"error":"invalid_scope"})") << oauth
                << QStringLiteral("invalid_scope") << QStringLiteral("Ask only for scopes");
        QTest::newRow("unauthorized_client")
                << 400 << js << QByteArray(R"({"error":"unauthorized_client"})") << oauth
                << QStringLiteral("unauthorized_client") << QStringLiteral("grant type");
        QTest::newRow("503 temporarily_unavailable")
                << 503 << js << QByteArray(R"({"error":"temporarily_unavailable"})") << server
                << QStringLiteral("temporarily_unavailable") << QStringLiteral("Try again");
        QTest::newRow("500 without body")
                << 500 << QByteArray() << QByteArray() << server << QString()
                << QStringLiteral("Try again");
        QTest::newRow("502 HTML from a proxy")
                << 502 << QByteArray("text/html") << QByteArray("<html>Bad gateway</html>")
                << server << QString() << QStringLiteral("HTTP 502");
    }

    void badAnswerIsAFailureThatSaysWhatToDo()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, oauthError);
        QFETCH(QString, messagePart);

        const TokenResponse r = TokenResponse::parse(status, contentType, body, now(), kRequested);
        QCOMPARE(int(r.failure.kind), kind);
        QCOMPARE(r.failure.httpStatus, status);
        QCOMPARE(r.failure.oauthError, oauthError);
        QVERIFY2(r.failure.message.contains(messagePart, Qt::CaseInsensitive),
                 qPrintable(r.failure.message));
        QVERIFY(r.tokens.isEmpty());
        // A failure never carries the token values it saw, in any text.
        for (const QString &text : {r.failure.message, r.failure.detail}) {
            QVERIFY(!text.contains(kAccess));
            QVERIFY(!text.contains(kRefresh));
        }
    }

    // What real servers answer, judged by what the request was (issues "Work first time with
    // the OAuth servers people really run" and "Sign-in pages answered with 401").
    void answersAreJudgedByWhatTheRequestWas_data()
    {
        QTest::addColumn<int>("grant");
        QTest::addColumn<bool>("clientAuthenticated");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("oauthError");
        QTest::addColumn<QString>("messagePart");
        using G = TokenRequest::Grant;
        const int refresh = int(G::Refresh), code = int(G::AuthorizationCode),
                  credentials = int(G::ClientCredentials);
        const int signIn = int(Failure::Kind::SignInRequired), oauth = int(Failure::Kind::OAuth),
                  server = int(Failure::Kind::Server);
        const QByteArray js("application/json");
        QTest::newRow("refresh refused with 400 and an empty body: sign in again")
                << refresh << false << 400 << QByteArray() << QByteArray() << signIn << QString()
                << QStringLiteral("an empty answer");
        QTest::newRow("refresh refused with 401 and a web page: sign in again")
                << refresh << false << 401 << QByteArray("text/html")
                << QByteArray("<html>login</html>") << signIn << QString()
                << QStringLiteral("Sign in again");
        QTest::newRow("refresh refused with invalid_request: sign in again")
                << refresh << false << 400 << js
                << QByteArray(R"({"error":"invalid_request","error_description":"unknown token"})")
                << signIn << QStringLiteral("invalid_request") << QStringLiteral("Sign in again");
        QTest::newRow("refresh refused with unauthorized_client: sign in again")
                << refresh << false << 400 << js << QByteArray(R"({"error":"unauthorized_client"})")
                << signIn << QStringLiteral("unauthorized_client") << QStringLiteral("Sign in again");
        QTest::newRow("refresh with a wrong secret (invalid_client): the client, not the sign-in")
                << refresh << true << 401 << js << QByteArray(R"({"error":"invalid_client"})")
                << oauth << QStringLiteral("invalid_client") << QStringLiteral("client ID and secret");
        QTest::newRow("refresh answered 503 with a web page: transient")
                << refresh << false << 503 << QByteArray("text/html") << QByteArray("<html>down</html>")
                << server << QString() << QStringLiteral("Try again");
        QTest::newRow("a wrong secret answered 403 with an empty body: client credentials refused")
                << credentials << true << 403 << QByteArray() << QByteArray() << oauth
                << QStringLiteral("invalid_client") << QStringLiteral("client's credentials");
        QTest::newRow("a code exchange by a confidential client answered 401, empty")
                << code << true << 401 << QByteArray() << QByteArray() << oauth
                << QStringLiteral("invalid_client") << QStringLiteral("client's credentials");
        QTest::newRow("a refused verifier answered invalid_code with 403: the code was refused")
                << code << false << 403 << js << QByteArray(R"({"error":"invalid_code"})") << oauth
                << QStringLiteral("invalid_code") << QStringLiteral("sign-in code");
        QTest::newRow("a code exchange answered 400 with an empty body: the code was refused")
                << code << false << 400 << QByteArray() << QByteArray() << oauth << QString()
                << QStringLiteral("sign-in code");
    }

    void answersAreJudgedByWhatTheRequestWas()
    {
        QFETCH(int, grant);
        QFETCH(bool, clientAuthenticated);
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, oauthError);
        QFETCH(QString, messagePart);
        const TokenRequest request{TokenRequest::Grant(grant), clientAuthenticated};
        const TokenResponse r = TokenResponse::parse(status, contentType, body, now(), kRequested,
                                                     request);
        QCOMPARE(int(r.failure.kind), kind);
        QCOMPARE(r.failure.oauthError, oauthError);
        QVERIFY2(r.failure.message.contains(messagePart, Qt::CaseInsensitive),
                 qPrintable(r.failure.message));
        // No JSON parser wording ever reaches a person.
        for (const char *parser : {"illegal value", "JSON error", "garbage at the end"})
            QVERIFY2(!r.failure.message.contains(QLatin1String(parser)), qPrintable(r.failure.message));
        QVERIFY2(r.failure.detail.contains(QStringLiteral("HTTP %1").arg(status)),
                 qPrintable(r.failure.detail));
    }

    void bearerInAnyLetterCaseIsBearer()
    {
        const TokenResponse r = TokenResponse::parse(
                200, "application/json", json(R"({"access_token":"$AT","token_type":"bearer"})"),
                now(), kRequested, {TokenRequest::Grant::Refresh, false});
        QVERIFY2(r.failure.isOk(), qPrintable(r.failure.message));
        QCOMPARE(r.tokens.tokenType, QStringLiteral("Bearer"));
    }

    void revocationAnswersSayWhetherAnythingWasRevoked_data()
    {
        QTest::addColumn<bool>("clientAuthenticated");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind"); // -1: revoked
        QTest::newRow("200 empty: revoked") << false << 200 << QByteArray() << QByteArray() << -1;
        QTest::newRow("200 JSON: revoked") << false << 200 << QByteArray("application/json")
                                           << QByteArray("{}") << -1;
        QTest::newRow("200 web page: not a revocation response")
                << false << 200 << QByteArray("text/html") << QByteArray("<html>sign in</html>")
                << int(Failure::Kind::Malformed);
        QTest::newRow("public client, 401 empty: the server lets only clients that authenticate")
                << false << 401 << QByteArray() << QByteArray() << int(Failure::Kind::Denied);
        QTest::newRow("public client, invalid_client: the same")
                << false << 400 << QByteArray("application/json")
                << QByteArray(R"({"error":"invalid_client"})") << int(Failure::Kind::Denied);
        QTest::newRow("confidential client, 401: its credentials were refused")
                << true << 401 << QByteArray() << QByteArray() << int(Failure::Kind::OAuth);
        QTest::newRow("404: no revocation endpoint there")
                << false << 404 << QByteArray("text/html") << QByteArray("<html>Not found</html>")
                << int(Failure::Kind::Configuration);
        QTest::newRow("503: transient") << false << 503 << QByteArray() << QByteArray()
                                        << int(Failure::Kind::Server);
    }

    void revocationAnswersSayWhetherAnythingWasRevoked()
    {
        QFETCH(bool, clientAuthenticated);
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        const Failure f = revocationFailure(status, contentType, body, clientAuthenticated);
        if (kind < 0) {
            QVERIFY2(f.isOk(), qPrintable(f.message));
            return;
        }
        QCOMPARE(int(f.kind), kind);
        QVERIFY(!f.message.isEmpty());
        QVERIFY2(!f.message.contains(QLatin1String("revoked the")), qPrintable(f.message));
    }
};

QTEST_GUILESS_MAIN(TestTokenResponse)
#include "tst_tokenresponse.moc"

// classifyAuthorizationAnswer(): the first answer of an authorization endpoint, judged by what
// it is, over real pages (tests/unit/data/authorization: the sandbox's and Canvas's own, and
// pages shaped like Keycloak's sign-in and Microsoft Entra's error page).
#include "auth/authorizationanswer.h"

#include <QFile>
#include <QTest>

using namespace chartkey;

namespace {

const QString kRedirect = QStringLiteral("http://127.0.0.1:51234/callback");
const QUrl kRequest(QStringLiteral("https://ehr.example.com/auth/authorize/?client_id=x"));

QByteArray page(const QString &name)
{
    const QString path = QStringLiteral(CHARTKEY_UNIT_DATA "/authorization/") + name;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test page %s", qPrintable(name));
    return f.readAll();
}

Profile profileWith(const QString &redirect)
{
    Profile p;
    p.name = QStringLiteral("Clinic");
    p.clientId = QStringLiteral("chartkey-public");
    p.redirectUri = QUrl(redirect);
    p.scope = QStringLiteral("openid fhirUser");
    return p;
}

} // namespace

class TestAuthorizationAnswer final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anAnswerIsJudgedByWhatItIs_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("location");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("namesRedirectUri");
        QTest::addColumn<QString>("error");
        using K = AuthorizationAnswer::Kind;
        QTest::newRow("oidc-provider: 303 to its interaction page")
                << 303 << QByteArray("/interaction/vCC8agoL1Dbc")
                << QByteArray("Redirecting to /interaction/vCC8agoL1Dbc.") << int(K::SignInPage)
                << false << QString();
        QTest::newRow("a sign-in page answered with 401")
                << 401 << QByteArray() << page(QStringLiteral("sandbox-login-401.html"))
                << int(K::SignInPage) << false << QString();
        QTest::newRow("a Keycloak-shaped sign-in page, 200")
                << 200 << QByteArray() << page(QStringLiteral("keycloak-style-login-200.html"))
                << int(K::SignInPage) << false << QString();
        QTest::newRow("a consent page, 200")
                << 200 << QByteArray() << page(QStringLiteral("consent-page-200.html"))
                << int(K::SignInPage) << false << QString();
        QTest::newRow("a wrong redirect URI answered with a 200 error page")
                << 200 << QByteArray() << page(QStringLiteral("sandbox-redirect-error-200.html"))
                << int(K::Refused) << true << QString();
        QTest::newRow("an Entra-shaped AADSTS50011 page, 200")
                << 200 << QByteArray()
                << page(QStringLiteral("aad-style-redirect-mismatch-200.html")) << int(K::Refused)
                << true << QString();
        QTest::newRow("Canvas: Mismatching redirect URI, 400")
                << 400 << QByteArray() << page(QStringLiteral("canvas-redirect-mismatch-400.html"))
                << int(K::Refused) << true << QStringLiteral("invalid_request");
        QTest::newRow("Canvas: invalid_client, 400")
                << 400 << QByteArray() << page(QStringLiteral("canvas-invalid-client-400.html"))
                << int(K::Refused) << false << QStringLiteral("invalid_client");
        QTest::newRow("a JSON error")
                << 400 << QByteArray() << page(QStringLiteral("json-error-400.json"))
                << int(K::Refused) << true << QStringLiteral("invalid_request");
        QTest::newRow("403 with an empty body") << 403 << QByteArray() << QByteArray()
                                                << int(K::Refused) << false << QString();
        QTest::newRow("a redirect back with error=")
                << 303
                << QByteArray("http://127.0.0.1:51234/callback?error=invalid_request&"
                              "error_description=nonce+required&state=s")
                << QByteArray() << int(K::ErrorBack) << false << QStringLiteral("invalid_request");
        QTest::newRow("a redirect back with a code (a session already)")
                << 302 << QByteArray("http://127.0.0.1:51234/callback?code=c&state=s")
                << QByteArray() << int(K::CodeBack) << false << QString();
        QTest::newRow("a 503 maintenance page: cannot tell")
                << 503 << QByteArray() << page(QStringLiteral("maintenance-503.html"))
                << int(K::CannotTell) << false << QString();
        QTest::newRow("401 'login required' as text: cannot tell")
                << 401 << QByteArray() << page(QStringLiteral("login-required-401.txt"))
                << int(K::CannotTell) << false << QString();
        QTest::newRow("401 with an empty body: cannot tell") << 401 << QByteArray()
                                                             << QByteArray() << int(K::CannotTell)
                                                             << false << QString();
    }

    void anAnswerIsJudgedByWhatItIs()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, location);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(bool, namesRedirectUri);
        QFETCH(QString, error);
        const AuthorizationAnswer a =
                classifyAuthorizationAnswer(status, "text/html", location, body, kRequest, kRedirect);
        QCOMPARE(int(a.kind), kind);
        QCOMPARE(a.namesRedirectUri, namesRedirectUri);
        QCOMPARE(a.error, error);
        QCOMPARE(a.stopsSignIn(), kind == int(AuthorizationAnswer::Kind::Refused)
                                         || kind == int(AuthorizationAnswer::Kind::ErrorBack));
    }

    void anAnyPortRefusalNamesTheFixedPortToRegister()
    {
        const AuthorizationAnswer a =
                classifyAuthorizationAnswer(403, QByteArray(), QByteArray(), QByteArray(),
                                            kRequest, kRedirect);
        const RefusalExplained e =
                explainRefusal(a, profileWith(QStringLiteral("http://127.0.0.1/callback")),
                               kRedirect);
        QVERIFY2(e.summary.contains(QLatin1String("compare redirect URIs exactly")),
                 qPrintable(e.summary));
        QVERIFY2(e.summary.contains(kRedirect), qPrintable(e.summary));
        QVERIFY2(e.hint.contains(QLatin1String("http://127.0.0.1:8765/callback")),
                 qPrintable(e.hint));
        QVERIFY2(e.hint.contains(QLatin1String("--redirect-uri")), qPrintable(e.hint));
        // Never "read the answer below" when there is none.
        QVERIFY(!e.summary.contains(QLatin1String("below")) && !e.hint.contains(QLatin1String("below")));
    }

    void aFixedRedirectRefusedSaysToRegisterExactlyIt()
    {
        const QString fixed = QStringLiteral("http://127.0.0.1:8765/callback");
        const AuthorizationAnswer a = classifyAuthorizationAnswer(
                200, "text/html", QByteArray(), page(QStringLiteral("sandbox-redirect-error-200.html")),
                kRequest, fixed);
        const RefusalExplained e = explainRefusal(a, profileWith(fixed), fixed);
        QVERIFY2(e.hint.contains(QLatin1String("Register exactly ") + fixed), qPrintable(e.hint));
        QVERIFY2(e.hint.contains(QLatin1String("client ID")), qPrintable(e.hint));
    }

    void anErrorRedirectGivesTheServersWords()
    {
        const AuthorizationAnswer a = classifyAuthorizationAnswer(
                303, "text/html",
                "http://127.0.0.1:51234/callback?error=invalid_request&error_description=nonce+required",
                QByteArray(), kRequest, kRedirect);
        const RefusalExplained e =
                explainRefusal(a, profileWith(QStringLiteral("http://127.0.0.1/callback")), kRedirect);
        QVERIFY2(e.summary.contains(QLatin1String("invalid_request: nonce required")),
                 qPrintable(e.summary));
    }

    // From the check's tests: what Canvas (django-oauth-toolkit) says, and what to do.
    void canvasMismatchPageNamesTheExactUriToRegister()
    {
        const QByteArray page = "<html><body><span class=\"error\">invalid_request</span>"
                                "<span class=\"error_description\">Mismatching redirect URI.</span></body></html>";
        const QString sent = QStringLiteral("http://127.0.0.1:4321/cb");
        const AuthorizationAnswer a = classifyAuthorizationAnswer(400, "text/html", {}, page, kRequest, sent);
        QVERIFY(a.stopsSignIn());
        const RefusalExplained e = explainRefusal(a, profileWith(QStringLiteral("http://127.0.0.1/cb")), sent);
        QVERIFY(e.summary.contains(sent));
        QVERIFY2(e.hint.startsWith(QLatin1String("Register exactly this redirect URI on the "
                                                 "application: http://127.0.0.1/cb (without a port")),
                 qPrintable(e.hint));
        QVERIFY2(e.hint.contains(QLatin1String("compares redirect URIs exactly")), qPrintable(e.hint));
    }

    void localhostRedirectIsToldToUse127001()
    {
        const QString sent = QStringLiteral("http://localhost:5555/callback");
        const AuthorizationAnswer a = classifyAuthorizationAnswer(
                400, "text/html", {}, "<p>error: Mismatching redirect URI.</p>", kRequest, sent);
        const RefusalExplained e =
                explainRefusal(a, profileWith(QStringLiteral("http://localhost/callback")), sent);
        QVERIFY2(e.hint.contains(QLatin1String("set the profile's redirect URI to "
                                               "http://127.0.0.1/callback")),
                 qPrintable(e.hint));
    }

    void unknownClientIsNamed()
    {
        const AuthorizationAnswer a = classifyAuthorizationAnswer(
                400, "application/json", {},
                R"({"error":"invalid_client","error_description":"Invalid client_id parameter value."})",
                kRequest, kRedirect);
        const RefusalExplained e =
                explainRefusal(a, profileWith(QStringLiteral("http://127.0.0.1/callback")), kRedirect);
        QVERIFY2(e.summary.contains(QLatin1String("does not accept the client ID chartkey-public")),
                 qPrintable(e.summary));
        QVERIFY2(e.summary.contains(QLatin1String("invalid_client: Invalid client_id")),
                 qPrintable(e.summary));
    }
};

QTEST_GUILESS_MAIN(TestAuthorizationAnswer)
#include "tst_authorizationanswer.moc"

// Sign-ins that go wrong, and token-endpoint faults after a sign-in: what chartkey says,
// its exit status, and that the keychain keeps (or loses) exactly what it should. Each test
// function starts from nothing with the profile added (init()) and makes the sign-in it
// needs (tests/support/signedin.h): a real one through the consent client where the EHR must
// honour it, a made-up one where the token endpoint fails before the OAuth server sees it.
// No Chromium: the browser step is not what is tested here (the consent client answers the
// consent page, with --deny too).
#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"
#include "signedin.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace chartkey::test;
using namespace chartkey::test::e2e;

namespace {

const QString kProfile = QStringLiteral("Sandbox");

} // namespace

class CliSignInFailures final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void denyingConsentFailsAndStoresNothing();
    void browserThatNeverComesBackTimesOutAndClosesTheListener();
    void forgedCallbacksAreIgnoredAndTheRealOneSignsIn();
    void fixedRedirectPortInUseIsNamedWithTheAnyPortAdvice();
    void tokenEndpointFaultsKeepTheStoredSession_data();
    void tokenEndpointFaultsKeepTheStoredSession();
    void tokenWorksAgainAfterAFaultWithOneRefresh();
    void refusedRefreshTokenSignsOutAndRemovesTheItem();

private:
    Sandbox m_sandbox;
};

void CliSignInFailures::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
    QVERIFY(!m_sandbox.consent.isEmpty());
}

void CliSignInFailures::init()
{
    const Step started = startWithPublicProfile(m_sandbox, kProfile);
    QVERIFY2(started, started.why());
}

void CliSignInFailures::denyingConsentFailsAndStoresNothing()
{
    const CliRun login = runCli({QStringLiteral("login"), QStringLiteral("--browser"),
                                 m_sandbox.consent + QStringLiteral(" --deny"),
                                 QStringLiteral("--wait"), QStringLiteral("60")},
                                {}, 90000);
    QCOMPARE(login.exitCode, 1);
    QVERIFY2(login.err.contains("access_denied") && login.err.contains("refused"),
             describe(login).constData());
    QVERIFY2(!keychainSecret(keychainUser(kProfile)), "a keychain item was stored");
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 0);
    // The redirect's query is form-encoded: "+" stands for a space.
    QVERIFY2(login.err.contains("End-User denied the authorization request"),
             describe(login).constData());
}

void CliSignInFailures::browserThatNeverComesBackTimesOutAndClosesTheListener()
{
    QElapsedTimer clock;
    clock.start();
    WaitingLogin login({QStringLiteral("--wait"), QStringLiteral("3")});
    QVERIFY2(login.started(), login.said().constData());
    QVERIFY2(canConnect(login.port()),
             "nothing listens on the redirect URI's port during the sign-in");

    QVERIFY(login.endsWithin(15000));
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(login.exitedWith(1), login.said().constData());
    QVERIFY2(elapsed < 10000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    QVERIFY2(login.err().contains("No answer came back"), login.said().constData());
    QVERIFY2(!canConnect(login.port()), "the listener still accepts connections");
    QVERIFY(!keychainSecret(keychainUser(kProfile)));
}

void CliSignInFailures::forgedCallbacksAreIgnoredAndTheRealOneSignsIn()
{
    WaitingLogin login({QStringLiteral("--wait"), QStringLiteral("60")});
    QVERIFY2(login.started(), login.said().constData());

    QUrl forged(QStringLiteral("http://127.0.0.1/callback"));
    forged.setPort(login.port());
    forged.setQuery(QStringLiteral("code=forged&state=wrong"));
    const HttpAnswer wrongState = httpRequest(forged);
    forged.setQuery(QStringLiteral("code=forged-without-state"));
    const HttpAnswer noState = httpRequest(forged);
    Q_UNUSED(wrongState);
    Q_UNUSED(noState);
    // Nothing to wait for: the attempt must go on, so give it the time to end if it would.
    QVERIFY2(!login.endsWithin(500), "a forged callback ended the sign-in");

    const CliRun browser = login.openIn(m_sandbox.consent);
    QVERIFY2(browser.exitCode == 0, describe(browser).constData());
    QVERIFY(login.endsWithin(30000));
    QVERIFY2(login.exitedWith(0), login.said().constData());
    QVERIFY(login.process().readAllStandardOutput().isEmpty());

    const QJsonObject stats = m_sandbox.stats();
    QCOMPARE(tokenCount(stats, QStringLiteral("authorization_code")), 1);
    QCOMPARE(tokenCount(stats, QStringLiteral("total")), 1);
    QVERIFY2(storedTokensOf(kProfile), "no tokens in the keychain after the sign-in");
}

void CliSignInFailures::fixedRedirectPortInUseIsNamedWithTheAnyPortAdvice()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress(QHostAddress::LocalHost), 0));
    const QString port = QString::number(holder.serverPort());
    const CliRun add = runCli(addProfileArgs(
            m_sandbox, QStringLiteral("Fixed"),
            {QStringLiteral("--redirect-uri"),
             QStringLiteral("http://127.0.0.1:%1/callback").arg(port)}));
    QVERIFY2(add.exitCode == 0, describe(add).constData());

    const CliRun login = runCli({QStringLiteral("login"), QStringLiteral("--profile"),
                                 QStringLiteral("Fixed"), QStringLiteral("--browser"),
                                 QStringLiteral("true"), QStringLiteral("--wait"),
                                 QStringLiteral("10")},
                                {}, 30000);
    const CliRun remove = runCli({QStringLiteral("profile"), QStringLiteral("remove"),
                                  QStringLiteral("Fixed")});
    QCOMPARE(remove.exitCode, 0);

    QCOMPARE(login.exitCode, 1);
    QVERIFY2(login.err.contains(port.toUtf8()), describe(login).constData());
    QVERIFY2(login.err.contains("http://127.0.0.1/callback"), describe(login).constData());
    QVERIFY2(!login.err.contains("/auth/authorize/"),
             "the browser was sent to sign in although nothing could receive the answer");
}

void CliSignInFailures::tokenEndpointFaultsKeepTheStoredSession_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QByteArray>("says");
    QTest::newRow("500") << QStringLiteral("500") << QByteArray("HTTP 500");
    QTest::newRow("malformed") << QStringLiteral("malformed") << QByteArray("holds no tokens");
    QTest::newRow("html") << QStringLiteral("html") << QByteArray("HTTP 502");
    QTest::newRow("hang") << QStringLiteral("hang") << QByteArray("did not answer");
}

// The stored access token has expired and its refresh fails in front of the OAuth server
// (a made-up sign-in does: the server never sees it): said in chartkey's words, nothing lost.
void CliSignInFailures::tokenEndpointFaultsKeepTheStoredSession()
{
    QFETCH(QString, mode);
    QFETCH(QByteArray, says);
    // Past the expiry, not only due: a failed refresh with a still-valid access token
    // would (rightly) hand out that token.
    const Step stored = storeSignIn(kProfile, madeUpTokens(QStringLiteral("fault")));
    QVERIFY2(stored, stored.why());
    const Step expired = expireStoredTokens(kProfile);
    QVERIFY2(expired, expired.why());
    const auto before = keychainSecret(keychainUser(kProfile));
    QVERIFY2(before, "no tokens in the keychain");

    m_sandbox.failNext(QStringLiteral("token"), 1, mode);
    QElapsedTimer clock;
    clock.start();
    const CliRun token = runCli({QStringLiteral("token"), QStringLiteral("--timeout"),
                                 QStringLiteral("2")},
                                {}, 30000);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(token.exitCode, 1);
    QVERIFY2(token.out.isEmpty(), "token printed something on stdout although it failed");
    QVERIFY2(token.err.contains(says), describe(token).constData());
    if (mode == QLatin1String("500"))
        QVERIFY2(token.err.contains("not available"), describe(token).constData());
    QVERIFY2(elapsed < 10000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("refresh_token")), 1);

    const auto after = keychainSecret(keychainUser(kProfile));
    QVERIFY2(after, "the fault removed the tokens from the keychain");
    QVERIFY2(*after == *before, "the fault changed the keychain item");
    // Only chartkey's own words: no Qt warnings about the aborted request.
    QVERIFY2(!token.err.contains("QIODevice"), describe(token).constData());
}

// A real sign-in, expired; one refresh fails (500), the next call renews it with one refresh.
void CliSignInFailures::tokenWorksAgainAfterAFaultWithOneRefresh()
{
    const Step signedIn = signInThroughConsent(m_sandbox, kProfile);
    QVERIFY2(signedIn, signedIn.why());
    const Step expired = expireStoredTokens(kProfile);
    QVERIFY2(expired, expired.why());
    m_sandbox.failNext(QStringLiteral("token"), 1, QStringLiteral("500"));
    const CliRun failed = runCli({QStringLiteral("token"), QStringLiteral("--timeout"),
                                  QStringLiteral("2")},
                                 {}, 30000);
    QVERIFY2(failed.exitCode == 1 && failed.err.contains("HTTP 500"), describe(failed).constData());

    const auto before = storedTokensOf(kProfile);
    QVERIFY(before);
    m_sandbox.resetStats();
    const CliRun token = runCli({QStringLiteral("token")});
    QVERIFY2(token.exitCode == 0, describe(token).constData());
    rememberSecret(token.out.trimmed());
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("refresh_token")), 1);
    const auto after = storedTokensOf(kProfile);
    QVERIFY(after);
    QVERIFY2(after->value(QStringLiteral("access_token")).toString()
                     == QString::fromUtf8(token.out.trimmed()),
             "the printed token is not the stored one");
    QVERIFY2(after->value(QStringLiteral("access_token"))
                     != before->value(QStringLiteral("access_token")),
             "the access token was not renewed");
}

void CliSignInFailures::refusedRefreshTokenSignsOutAndRemovesTheItem()
{
    QJsonObject stored;
    const Step signedIn = signInThroughConsent(m_sandbox, kProfile, &stored);
    QVERIFY2(signedIn, signedIn.why());
    // Spend the stored refresh token elsewhere: chartkey's copy is now a used one.
    const HttpAnswer spent = refreshDirectly(
            m_sandbox, stored.value(QStringLiteral("refresh_token")).toString());
    QCOMPARE(spent.status, 200);
    const Step expired = expireStoredTokens(kProfile);
    QVERIFY2(expired, expired.why());

    m_sandbox.resetStats();
    const CliRun token = runCli({QStringLiteral("token"), QStringLiteral("--verbose")});
    QCOMPARE(token.exitCode, 3);
    QVERIFY2(token.out.isEmpty(), "token printed something on stdout although it failed");
    // Said in plain words; what the EHR said is in the detail (--verbose).
    QVERIFY2(token.err.contains("session with Sandbox ended")
                     && token.err.contains("Sign in again"),
             describe(token).constData());
    QVERIFY2(token.err.contains("invalid_grant"), describe(token).constData());
    QVERIFY2(token.err.contains("chartkey login"), describe(token).constData());
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("refresh_token")), 1);
    QVERIFY2(!keychainSecret(keychainUser(kProfile)), "the refused sign-in is still stored");

    // Signed out for good: the next call does not spend anything.
    m_sandbox.resetStats();
    const CliRun again = runCli({QStringLiteral("token")});
    QCOMPARE(again.exitCode, 3);
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 0);
}

QTEST_GUILESS_MAIN(CliSignInFailures)
#include "tst_cli_signin_failures.moc"

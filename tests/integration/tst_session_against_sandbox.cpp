// The engine in-process against the sandbox EHR (oidc-provider), a real gnome-keyring and
// the scripted Chromium: sign-in, reuse, single-flight refresh, 401 renewal.
#include "auth/browsersignin.h"
#include "auth/session.h"
#include "auth/tokenclient.h"
#include "auth/urlopener.h"
#include "api/apiclient.h"
#include "resultspy.h"
#include "sandbox.h"
#include "storage/keychainstore.h"
#include "base/clock.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace chartkey;
using chartkey::test::ResultSpy;
using chartkey::test::Sandbox;

namespace {

constexpr int kTtlSeconds = 8; // lead = a quarter = 2 s: a refresh is due after 6 s

template <typename Result>
Result waitFor(Pending<Result> *op, int timeoutMs = 60000)
{
    return chartkey::test::waitFor(op, timeoutMs);
}

} // namespace

class TestSessionAgainstSandbox final : public QObject
{
    Q_OBJECT

private:
    Sandbox m_sandbox;
    Profile m_profile;
    KeychainStore m_keychain;
    QNetworkAccessManager m_nam;
    TokenClient *m_tokens = nullptr;

    void waitUntilRefreshIsDue(Session *session)
    {
        const TokenSet t = session->current();
        QVERIFY(!t.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!t.isFreshAt(Clock::system()->now()), kTtlSeconds * 1000 + 5000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!Sandbox::available())
            QSKIP("runs under tests/harness/with-peers.sh");
        m_sandbox = Sandbox::fromEnvironment();
        m_profile = m_sandbox.publicProfile();
        m_tokens = new TokenClient(&m_nam, Clock::system(), this);
        m_sandbox.setAccessTtl(kTtlSeconds);
    }

    void signInThroughTheBrowserStoresTheTokensInTheKeychain()
    {
        CommandUrlOpener browser(m_sandbox.browser);
        BrowserSignIn signIn(m_profile, QString(), m_tokens, &browser);
        signIn.setAutoDelete(false);
        ResultSpy<SignInResult> finished(&signIn);
        QElapsedTimer wall;
        wall.start();
        signIn.start();
        QVERIFY(finished.wait(90000));
        const SignInResult result = finished.result();
        QVERIFY2(result.failure.isOk(), qPrintable(result.failure.message));
        QVERIFY(result.tokens.canRefresh());
        QVERIFY(result.tokens.scope.contains(QLatin1String("user/Patient.read")));
        QVERIFY(!signIn.isListening());

        Session session(m_profile, &m_keychain, m_tokens, Clock::system());
        QElapsedTimer keychain;
        keychain.start();
        const Failure stored = waitFor(session.adoptSignIn(result.tokens));
        QVERIFY2(stored.isOk(), qPrintable(stored.message));
        const qint64 keychainMs = keychain.elapsed();
        qInfo("sign-in wall time %lld ms: browser %lld ms, code exchange %lld ms, keychain "
              "%lld ms",
              wall.elapsed(), result.browserMs, result.exchangeMs, keychainMs);

        // What a second process finds: the same tokens, read back from the keychain.
        Session other(m_profile, &m_keychain, m_tokens, Clock::system());
        const std::optional<TokenSet> readBack = waitFor(other.readStored()).tokens;
        QVERIFY(readBack.has_value());
        QVERIFY(readBack->accessToken == result.tokens.accessToken);
        QVERIFY(readBack->refreshToken == result.tokens.refreshToken);
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("authorization_code")), 1);
    }

    void aValidTokenIsReusedWithoutATokenRequest()
    {
        m_sandbox.resetStats();
        Session session(m_profile, &m_keychain, m_tokens, Clock::system());
        const TokenOutcome first = waitFor(session.accessToken());
        QVERIFY2(first.failure.isOk(), qPrintable(first.failure.message));
        QCOMPARE(first.source, TokenOutcome::Source::Keychain);
        const TokenOutcome second = waitFor(session.accessToken());
        QCOMPARE(second.source, TokenOutcome::Source::Memory);
        QVERIFY(first.accessToken == second.accessToken);
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("total")), 0);
    }

    void sixteenConcurrentCallersShareOneRefresh()
    {
        Session session(m_profile, &m_keychain, m_tokens, Clock::system());
        const TokenOutcome before = waitFor(session.accessToken());
        QVERIFY(before.failure.isOk());
        waitUntilRefreshIsDue(&session);
        m_sandbox.resetStats();

        QList<ResultSpy<TokenOutcome> *> spies;
        for (int i = 0; i < 16; ++i)
            spies << new ResultSpy<TokenOutcome>(session.accessToken());
        QList<TokenOutcome> outcomes;
        for (ResultSpy<TokenOutcome> *spy : std::as_const(spies)) {
            QVERIFY(spy->wait(30000));
            outcomes << spy->result();
        }
        qDeleteAll(spies);
        for (const TokenOutcome &o : std::as_const(outcomes)) {
            QVERIFY2(o.failure.isOk(), qPrintable(o.failure.message));
            QVERIFY(o.accessToken == outcomes.first().accessToken);
        }
        QVERIFY(outcomes.first().accessToken != before.accessToken);
        const int refreshes = m_sandbox.tokenRequests(QStringLiteral("refresh_token"));
        qInfo("16 concurrent callers after expiry: %d token request(s), minimum 1", refreshes);
        QCOMPARE(refreshes, 1);
    }

    void twoSessionsOnOneProfileNeverSpendTheRefreshTokenTwice()
    {
        // Two Session objects stand for two processes: they share only the keychain and
        // the profile lock.
        Session a(m_profile, &m_keychain, m_tokens, Clock::system());
        Session b(m_profile, &m_keychain, m_tokens, Clock::system());
        QVERIFY(waitFor(a.accessToken()).failure.isOk());
        QVERIFY(waitFor(b.accessToken()).failure.isOk());
        waitUntilRefreshIsDue(&a);
        m_sandbox.resetStats();
        ResultSpy<TokenOutcome> fromA(a.accessToken());
        ResultSpy<TokenOutcome> fromB(b.accessToken());
        QVERIFY(fromA.wait(30000));
        QVERIFY(fromB.wait(30000));
        const TokenOutcome ta = fromA.result();
        const TokenOutcome tb = fromB.result();
        QVERIFY2(ta.failure.isOk(), qPrintable(ta.failure.message));
        QVERIFY2(tb.failure.isOk(), qPrintable(tb.failure.message));
        QVERIFY(ta.accessToken == tb.accessToken);
        const int refreshes = m_sandbox.tokenRequests(QStringLiteral("refresh_token"));
        qInfo("2 sessions on one profile after expiry: %d token request(s), minimum 1",
              refreshes);
        QCOMPARE(refreshes, 1);
    }

    void unauthorizedApiCallRenewsTheTokenOnceAndRetriesOnce()
    {
        Session session(m_profile, &m_keychain, m_tokens, Clock::system());
        ApiClient api(&session, &m_nam);
        m_sandbox.expireTokens();
        m_sandbox.resetStats();
        QUrl url = m_profile.fhirBaseUrl;
        url.setPath(QStringLiteral("/Patient"));
        url.setQuery(QStringLiteral("name=Briddle"));
        const ApiResult result = waitFor(api.get(url), 30000);
        QVERIFY2(result.failure.isOk(), qPrintable(result.failure.message));
        QCOMPARE(result.response.status, 200);
        QCOMPARE(result.attempts, 2);
        QVERIFY(result.renewedToken);
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("refresh_token")), 1);
        QCOMPARE(m_sandbox.apiResponses(401), 1);
        QCOMPARE(m_sandbox.apiResponses(200), 1);
    }

    void sixteenConcurrentApiCallsAfterRevocationShareOneRenewal()
    {
        Session session(m_profile, &m_keychain, m_tokens, Clock::system());
        ApiClient api(&session, &m_nam);
        QVERIFY(waitFor(session.accessToken()).failure.isOk());
        m_sandbox.expireTokens();
        m_sandbox.resetStats();
        QUrl url = m_profile.fhirBaseUrl;
        url.setPath(QStringLiteral("/Patient"));
        url.setQuery(QStringLiteral("_count=1"));
        QList<ResultSpy<ApiResult> *> spies;
        for (int i = 0; i < 16; ++i)
            spies << new ResultSpy<ApiResult>(api.get(url));
        for (ResultSpy<ApiResult> *spy : std::as_const(spies)) {
            QVERIFY(spy->wait(30000));
            const ApiResult result = spy->result();
            QVERIFY2(result.failure.isOk(), qPrintable(result.failure.message));
            QCOMPARE(result.response.status, 200);
        }
        qDeleteAll(spies);
        const int refreshes = m_sandbox.tokenRequests(QStringLiteral("refresh_token"));
        qInfo("16 concurrent API calls refused with 401: %d token request(s), minimum 1",
              refreshes);
        QCOMPARE(refreshes, 1);
        QCOMPARE(m_sandbox.apiResponses(200), 16);
    }
};

QTEST_GUILESS_MAIN(TestSessionAgainstSandbox)
#include "tst_session_against_sandbox.moc"

// The engine in-process against the sandbox EHR (oidc-provider) and a real gnome-keyring:
// sign-in, reuse, single-flight refresh, 401 renewal. Each test function signs in on its own
// through the consent client (tests/sandbox/consent: the browser step over plain HTTP; the
// browser itself is not what is tested here). The sessions run on a FakeClock that starts at
// the real time: moving it makes a stored token due for renewal (client-side expiry) while the
// EHR still accepts it; Sandbox::expireTokens() makes the EHR refuse it (server-side expiry).
#include "auth/browsersignin.h"
#include "auth/session.h"
#include "auth/tokenclient.h"
#include "auth/urlopener.h"
#include "api/apiclient.h"
#include "browsersignin.h"
#include "fakeclock.h"
#include "resultspy.h"
#include "sandbox.h"
#include "storage/keychainstore.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace chartkey;
using chartkey::test::ResultSpy;
using chartkey::test::Sandbox;

namespace {

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
    std::unique_ptr<test::FakeClock> m_clock; // per test function, from the real time
    std::unique_ptr<TokenClient> m_tokens;

    // A sign-in through the consent client, kept in the keychain; the sandbox's counters are
    // zeroed after it.
    void signIn()
    {
        const auto signedIn = test::signInThroughConsent(m_profile, &m_keychain, &m_nam, m_sandbox);
        QVERIFY2(signedIn.failure.isOk(), qPrintable(signedIn.failure.message));
        m_sandbox.resetStats();
    }

    // Moves the clock to where the token `session` holds is due for renewal, not yet expired.
    void makeRefreshDue(Session *session)
    {
        const TokenSet t = session->current();
        QVERIFY(!t.isEmpty());
        QVERIFY(t.expiresAt.isValid());
        m_clock->set(t.expiresAt.addSecs(-t.refreshLeadSeconds() / 2));
        QVERIFY(!t.isFreshAt(m_clock->now()));
        QVERIFY(t.isUnexpiredAt(m_clock->now()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!Sandbox::available())
            QSKIP("runs under tests/harness/with-peers.sh");
        m_sandbox = Sandbox::fromEnvironment();
        m_profile = m_sandbox.publicProfile();
    }

    void init()
    {
        m_clock = std::make_unique<test::FakeClock>(QDateTime::currentDateTimeUtc());
        m_tokens = std::make_unique<TokenClient>(&m_nam, m_clock.get());
        m_sandbox.resetModes();
        m_sandbox.resetStats();
        QVERIFY(test::waitFor(m_keychain.remove(m_profile.tokensKey()), 20000).isOk());
    }

    void cleanup()
    {
        m_tokens.reset();
        m_clock.reset();
    }

    void aSignInIsKeptInTheKeychainAndReadBackByTheNextProcess()
    {
        CommandUrlOpener browser(m_sandbox.consent);
        BrowserSignIn signIn(m_profile, ClientCredential(), m_tokens.get(), &browser);
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

        Session session(m_profile, &m_keychain, m_tokens.get(), m_clock.get());
        QElapsedTimer keychain;
        keychain.start();
        const Failure stored = waitFor(session.adoptSignIn(result.tokens));
        QVERIFY2(stored.isOk(), qPrintable(stored.message));
        const qint64 keychainMs = keychain.elapsed();
        qInfo("sign-in wall time %lld ms: browser (consent) %lld ms, code exchange %lld ms, "
              "keychain %lld ms",
              wall.elapsed(), result.browserMs, result.exchangeMs, keychainMs);

        // What a second process finds: the same tokens, read back from the keychain.
        Session other(m_profile, &m_keychain, m_tokens.get(), m_clock.get());
        const std::optional<TokenSet> readBack = waitFor(other.readStored()).tokens;
        QVERIFY(readBack.has_value());
        QVERIFY(readBack->accessToken == result.tokens.accessToken);
        QVERIFY(readBack->refreshToken == result.tokens.refreshToken);
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("authorization_code")), 1);
    }

    void aValidTokenIsReusedWithoutATokenRequest()
    {
        signIn();
        Session session(m_profile, &m_keychain, m_tokens.get(), m_clock.get());
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
        signIn();
        Session session(m_profile, &m_keychain, m_tokens.get(), m_clock.get());
        const TokenOutcome before = waitFor(session.accessToken());
        QVERIFY(before.failure.isOk());
        makeRefreshDue(&session);
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
        qInfo("16 concurrent callers, token due: %d token request(s), minimum 1", refreshes);
        QCOMPARE(refreshes, 1);
    }

    void twoSessionsOnOneProfileNeverSpendTheRefreshTokenTwice()
    {
        signIn();
        // Two Session objects stand for two processes: they share only the keychain and
        // the profile lock.
        Session a(m_profile, &m_keychain, m_tokens.get(), m_clock.get());
        Session b(m_profile, &m_keychain, m_tokens.get(), m_clock.get());
        QVERIFY(waitFor(a.accessToken()).failure.isOk());
        QVERIFY(waitFor(b.accessToken()).failure.isOk());
        makeRefreshDue(&a);
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
        qInfo("2 sessions on one profile, token due: %d token request(s), minimum 1",
              refreshes);
        QCOMPARE(refreshes, 1);
    }

    void unauthorizedApiCallRenewsTheTokenOnceAndRetriesOnce()
    {
        signIn();
        Session session(m_profile, &m_keychain, m_tokens.get(), m_clock.get());
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
        signIn();
        Session session(m_profile, &m_keychain, m_tokens.get(), m_clock.get());
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

// Session::accessToken(minValidSeconds): a token that would expire sooner than asked is
// renewed first, once, and shared by the callers of that renewal; one that lasts long enough
// is reused; what one caller asked for does not outlive its request. On the session fixture
// (a scripted OAuth server, a memory store and a fake clock).
#include "sessionfixture.h"

#include <QTest>

using namespace chartkey;
using test::ScriptedServer;

namespace {

const QString kOldAccess = QStringLiteral("AT-old-0123456789abcdef");
const QString kOldRefresh = QStringLiteral("RT-old-0123456789abcdef");
const QString kNewAccess = QStringLiteral("AT-new-0123456789abcdef");
const QString kNewRefresh = QStringLiteral("RT-new-0123456789abcdef");
const QString kScope = QStringLiteral("user/Patient.read offline_access");

} // namespace

class TestSessionMinValid final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtime;
    std::optional<test::SessionFixture> m_f;

    // A stored sign-in obtained now, lasting `lifetime` seconds.
    void storeTokens(qint64 lifetime) { m_f->storeTokens(kOldAccess, kOldRefresh, kScope, lifetime); }
    TokenOutcome fetch(int minValid) { return m_f->fetchLasting(minValid); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(test::SessionFixture::isolate(m_runtime)); }
    void init() { m_f.emplace(QStringLiteral("M")); }
    void cleanup() { m_f.reset(); }

    void aTokenThatLastsLongEnoughIsReused()
    {
        storeTokens(3600);
        const TokenOutcome outcome = fetch(3000);
        QVERIFY(outcome.failure.isOk());
        QCOMPARE(outcome.accessToken, kOldAccess);
        QCOMPARE(outcome.source, TokenOutcome::Source::Keychain);
        QCOMPARE(m_f->server.requests(), 0);
    }

    void aTokenThatWouldExpireSoonerIsRenewedOnce()
    {
        storeTokens(3600);
        m_f->server.script(ScriptedServer::kToken, {ScriptedServer::tokens(kNewAccess, kNewRefresh, 7200)});
        // Two callers ask for more than is left, while a third asks for nothing special:
        // one renewal serves them all.
        test::ResultSpy<TokenOutcome> first(m_f->session->accessToken(4000));
        test::ResultSpy<TokenOutcome> second(m_f->session->accessToken(5000));
        test::ResultSpy<TokenOutcome> third(m_f->session->accessToken());
        QVERIFY(first.wait() && second.wait() && third.wait());
        for (const auto *spy : {&first, &second, &third}) {
            QVERIFY(spy->result().failure.isOk());
            QCOMPARE(spy->result().accessToken, kNewAccess);
        }
        QCOMPARE(m_f->server.requests(), 1);
        QCOMPARE(m_f->session->current().refreshToken, kNewRefresh);

        // The renewed token lasts 7200 s: asked for 5000 again, it is reused.
        const TokenOutcome again = fetch(5000);
        QCOMPARE(again.accessToken, kNewAccess);
        QCOMPARE(again.source, TokenOutcome::Source::Memory);
        QCOMPARE(m_f->server.requests(), 1);
    }

    void whatOneCallerAskedForDoesNotOutliveItsRequest()
    {
        storeTokens(3600);
        m_f->server.script(ScriptedServer::kToken, {ScriptedServer::tokens(kNewAccess, kNewRefresh, 600)});
        // More than the EHR gives: renewed once, and handed out all the same.
        const TokenOutcome renewed = fetch(4000);
        QVERIFY(renewed.failure.isOk());
        QCOMPARE(renewed.accessToken, kNewAccess);
        QCOMPARE(renewed.source, TokenOutcome::Source::Refreshed);
        QCOMPARE(m_f->server.requests(), 1);
        // The next caller without a wish reuses it.
        const TokenOutcome next = fetch(0);
        QCOMPARE(next.accessToken, kNewAccess);
        QCOMPARE(next.source, TokenOutcome::Source::Memory);
        QCOMPARE(m_f->server.requests(), 1);
    }

    void aTokenWithoutExpiryIsNeverRenewedForIt()
    {
        TokenSet t = m_f->storeTokens(kOldAccess, kOldRefresh, kScope, 0);
        t.expiresAt = QDateTime(); // the EHR said nothing of its lifetime
        m_f->store.entries.insert(m_f->profile.tokensKey(), t.toJson());
        const TokenOutcome outcome = fetch(100000);
        QCOMPARE(outcome.accessToken, kOldAccess);
        QCOMPARE(m_f->server.requests(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSessionMinValid)
#include "tst_session_minvalid.moc"

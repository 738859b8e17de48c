// Session::accessToken(minValidSeconds): a token that would expire sooner than asked is
// renewed first, once, and shared by the callers of that renewal; one that lasts long enough
// is reused; what one caller asked for does not outlive its request. Against ScriptedServer,
// a memory store and a fake clock.
#include "auth/session.h"
#include "auth/tokenclient.h"

#include "fakeclock.h"
#include "memorysecretstore.h"
#include "scriptedserver.h"
#include "resultspy.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace chartkey;
using test::ScriptedServer;

namespace {

const QString kOldAccess = QStringLiteral("AT-old-0123456789abcdef");
const QString kOldRefresh = QStringLiteral("RT-old-0123456789abcdef");
const QString kNewAccess = QStringLiteral("AT-new-0123456789abcdef");
const QString kNewRefresh = QStringLiteral("RT-new-0123456789abcdef");

} // namespace

class TestSessionMinValid final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtime;
    std::unique_ptr<test::FakeClock> m_clock;
    std::unique_ptr<test::MemorySecretStore> m_store;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<TokenClient> m_tokens;
    std::unique_ptr<Session> m_session;
    Profile m_profile;

    // A stored sign-in obtained now, lasting `lifetime` seconds.
    void storeTokens(qint64 lifetime)
    {
        TokenSet t;
        t.accessToken = kOldAccess;
        t.refreshToken = kOldRefresh;
        t.tokenType = QStringLiteral("Bearer");
        t.scope = QStringLiteral("user/Patient.read offline_access");
        t.obtainedAt = m_clock->now();
        t.expiresAt = m_clock->now().addSecs(lifetime);
        m_store->entries.insert(m_profile.tokensKey(), t.toJson());
    }

    TokenOutcome fetch(int minValid)
    {
        return test::waitFor(m_session->accessToken(minValid));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_clock = std::make_unique<test::FakeClock>();
        m_store = std::make_unique<test::MemorySecretStore>();
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_nam->setProxy(QNetworkProxy::NoProxy);
        m_server = std::make_unique<ScriptedServer>();
        QVERIFY(m_server->isListening());
        m_tokens = std::make_unique<TokenClient>(m_nam.get(), m_clock.get());
        m_profile = Profile::canvas(QStringLiteral("M"), QUrl(QStringLiteral("http://127.0.0.1:9/")));
        m_profile.clientId = QStringLiteral("session-client");
        m_profile.tokenUrl = m_server->tokenUrl();
        m_profile.revocationUrl = QUrl();
        m_session = std::make_unique<Session>(m_profile, m_store.get(), m_tokens.get(),
                                              m_clock.get());
    }

    void cleanup()
    {
        m_session.reset();
        m_tokens.reset();
        m_server.reset();
        m_nam.reset();
        m_store.reset();
        m_clock.reset();
    }

    void aTokenThatLastsLongEnoughIsReused()
    {
        storeTokens(3600);
        const TokenOutcome outcome = fetch(3000);
        QVERIFY(outcome.failure.isOk());
        QCOMPARE(outcome.accessToken, kOldAccess);
        QCOMPARE(outcome.source, TokenOutcome::Source::Keychain);
        QCOMPARE(m_server->requests(), 0);
    }

    void aTokenThatWouldExpireSoonerIsRenewedOnce()
    {
        storeTokens(3600);
        m_server->script({ScriptedServer::tokens(kNewAccess, kNewRefresh, 7200)});
        // Two callers ask for more than is left, while a third asks for nothing special:
        // one renewal serves them all.
        test::ResultSpy<TokenOutcome> first(m_session->accessToken(4000));
        test::ResultSpy<TokenOutcome> second(m_session->accessToken(5000));
        test::ResultSpy<TokenOutcome> third(m_session->accessToken());
        QVERIFY(first.wait() && second.wait() && third.wait());
        for (const auto *spy : {&first, &second, &third}) {
            QVERIFY(spy->result().failure.isOk());
            QCOMPARE(spy->result().accessToken, kNewAccess);
        }
        QCOMPARE(m_server->requests(), 1);
        QCOMPARE(m_session->current().refreshToken, kNewRefresh);

        // The renewed token lasts 7200 s: asked for 5000 again, it is reused.
        const TokenOutcome again = fetch(5000);
        QCOMPARE(again.accessToken, kNewAccess);
        QCOMPARE(again.source, TokenOutcome::Source::Memory);
        QCOMPARE(m_server->requests(), 1);
    }

    void whatOneCallerAskedForDoesNotOutliveItsRequest()
    {
        storeTokens(3600);
        m_server->script({ScriptedServer::tokens(kNewAccess, kNewRefresh, 600)});
        // More than the EHR gives: renewed once, and handed out all the same.
        const TokenOutcome renewed = fetch(4000);
        QVERIFY(renewed.failure.isOk());
        QCOMPARE(renewed.accessToken, kNewAccess);
        QCOMPARE(renewed.source, TokenOutcome::Source::Refreshed);
        QCOMPARE(m_server->requests(), 1);
        // The next caller without a wish reuses it.
        const TokenOutcome next = fetch(0);
        QCOMPARE(next.accessToken, kNewAccess);
        QCOMPARE(next.source, TokenOutcome::Source::Memory);
        QCOMPARE(m_server->requests(), 1);
    }

    void aTokenWithoutExpiryIsNeverRenewedForIt()
    {
        TokenSet t;
        t.accessToken = kOldAccess;
        t.refreshToken = kOldRefresh;
        t.tokenType = QStringLiteral("Bearer");
        t.obtainedAt = m_clock->now();
        m_store->entries.insert(m_profile.tokensKey(), t.toJson());
        const TokenOutcome outcome = fetch(100000);
        QCOMPARE(outcome.accessToken, kOldAccess);
        QCOMPARE(m_server->requests(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSessionMinValid)
#include "tst_session_minvalid.moc"

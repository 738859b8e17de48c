// Session: reuse, single-flight refresh, rotation, invalid_grant, failures that keep the
// sign-in, client credentials and sign-out; against ScriptedServer and a memory store.
#include "auth/session.h"
#include "auth/tokenclient.h"
#include "storage/profilelock.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include "fakeclock.h"
#include "memorysecretstore.h"
#include "scriptedserver.h"

#include <memory>

using namespace chartkey;
using test::ScriptedServer;

namespace {

const QString kOldAccess = QStringLiteral("AT-old-0123456789abcdef");
const QString kOldRefresh = QStringLiteral("RT-old-0123456789abcdef");
const QString kNewAccess = QStringLiteral("AT-new-0123456789abcdef");
const QString kNewRefresh = QStringLiteral("RT-new-0123456789abcdef");
const QString kGranted = QStringLiteral("user/Patient.read offline_access");

QString field(const QByteArray &formBody, const char *name)
{
    return QUrlQuery(QString::fromLatin1(formBody))
            .queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

// Collects what a TokenOperation hands out.
struct Outcomes
{
    QList<TokenOutcome> list;
    void watch(TokenOperation *op)
    {
        op->then(op, [this](const TokenOutcome &o) { list << o; });
    }
};

} // namespace

class TestSession final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_runtime;
    // Fresh per test (init/cleanup).
    std::unique_ptr<test::FakeClock> m_clock;
    std::unique_ptr<test::MemorySecretStore> m_store;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<TokenClient> m_tokens;
    std::unique_ptr<Session> m_session;
    Profile m_profile;

    void makeSession(const Profile &profile)
    {
        m_session.reset();
        m_profile = profile;
        m_session = std::make_unique<Session>(m_profile, m_store.get(), m_tokens.get(),
                                              m_clock.get());
    }

    // A stored sign-in obtained now, lasting `lifetime` seconds.
    TokenSet storeTokens(qint64 lifetime = 3600)
    {
        TokenSet t;
        t.accessToken = kOldAccess;
        t.refreshToken = kOldRefresh;
        t.tokenType = QStringLiteral("Bearer");
        t.scope = kGranted;
        t.obtainedAt = m_clock->now();
        t.expiresAt = m_clock->now().addSecs(lifetime);
        m_store->entries.insert(m_profile.tokensKey(), t.toJson());
        return t;
    }

    Profile staticProfile(Profile::Kind kind = Profile::Kind::CanvasSandboxToken)
    {
        Profile p = m_profile;
        p.kind = kind;
        p.grant = Profile::Grant::StaticToken;
        p.clientId.clear();
        p.revocationUrl = m_server->tokenUrl(); // never used for a static token
        return p;
    }

    QByteArray stored() const { return m_store->entries.value(m_profile.tokensKey()); }

    // One accessToken() call, to its end.
    TokenOutcome fetch()
    {
        Outcomes outcomes;
        outcomes.watch(m_session->accessToken());
        if (!QTest::qWaitFor([&] { return !outcomes.list.isEmpty(); }, 10000))
            return {{}, TokenOutcome::Source::None,
                    Failure::make(Failure::Kind::Cancelled, QStringLiteral("test: no outcome"))};
        return outcomes.list.first();
    }

    struct SignOut
    {
        bool called = false;
        bool hadSignIn = false;
        Failure failure = Failure::make(Failure::Kind::Cancelled, QStringLiteral("not called"));
    };

    // One signOut() call, to its end.
    SignOut signOut()
    {
        SignOut r;
        QObject context;
        m_session->signOut()->then(&context, [&r](const SignOutResult &result) {
            r.called = true;
            r.hadSignIn = result.hadSignIn;
            r.failure = result.failure;
        });
        if (!QTest::qWaitFor([&] { return r.called; }, 10000))
            r.failure = Failure::make(Failure::Kind::Cancelled, QStringLiteral("test: no answer"));
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(ProfileLock::lockPath(QStringLiteral("S")).startsWith(m_runtime.path()));
        qRegisterMetaType<TokenOutcome>();
        qRegisterMetaType<Failure>();
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
        Profile p = Profile::canvas(QStringLiteral("S"), QUrl(QStringLiteral("http://127.0.0.1:9/")));
        p.clientId = QStringLiteral("session-client");
        p.tokenUrl = m_server->tokenUrl();
        p.revocationUrl = QUrl();
        makeSession(p);
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

    void freshStoredTokenIsReusedWithoutTokenRequests()
    {
        storeTokens();
        const TokenOutcome first = fetch();
        QVERIFY(first.failure.isOk());
        QVERIFY(first.accessToken == kOldAccess);
        QCOMPARE(first.source, TokenOutcome::Source::Keychain);
        m_clock->advance(600);
        const TokenOutcome second = fetch();
        QVERIFY(second.accessToken == kOldAccess);
        QCOMPARE(second.source, TokenOutcome::Source::Memory);
        QCOMPARE(m_server->requests(), 0);
    }

    void refreshIsSharedByConcurrentCallers()
    {
        storeTokens();
        m_clock->advance(3600 + 10); // expired
        ScriptedServer::Answer answer = ScriptedServer::tokens(kNewAccess, kNewRefresh, 3600);
        answer.delayMs = 150;
        m_server->script({answer});

        Outcomes outcomes;
        for (int i = 0; i < 8; ++i)
            outcomes.watch(m_session->accessToken());
        QTRY_COMPARE(m_server->requests(), 1); // the refresh is in flight
        for (int i = 0; i < 8; ++i)
            outcomes.watch(m_session->accessToken());
        QTRY_COMPARE(outcomes.list.size(), 16);
        for (const TokenOutcome &o : std::as_const(outcomes.list)) {
            QVERIFY(o.failure.isOk());
            QVERIFY(o.accessToken == kNewAccess);
            QCOMPARE(o.source, TokenOutcome::Source::Refreshed);
        }
        QCOMPARE(m_server->requests(), 1);
    }

    void refreshSendsTheStoredRefreshTokenAndGrantedScope()
    {
        storeTokens();
        m_clock->advance(3600);
        m_server->script({ScriptedServer::tokens(kNewAccess, kNewRefresh, 3600)});
        QVERIFY(fetch().accessToken == kNewAccess);
        QCOMPARE(m_server->requests(), 1);
        const QByteArray body = m_server->bodies().first();
        QCOMPARE(field(body, "grant_type"), QStringLiteral("refresh_token"));
        QVERIFY(field(body, "refresh_token") == kOldRefresh);
        QCOMPARE(field(body, "scope"), kGranted);
        QCOMPARE(field(body, "client_id"), QStringLiteral("session-client"));
        QVERIFY(field(body, "client_secret").isEmpty());
    }

    void rotatedRefreshTokenIsStoredBeforeTheTokenIsHandedOut()
    {
        storeTokens();
        m_clock->advance(3600);
        m_server->script({ScriptedServer::tokens(kNewAccess, kNewRefresh, 3600)});
        bool storedFirst = false;
        bool done = false;
        m_session->accessToken()
                ->then(this, [&](const TokenOutcome &o) {
            bool ok = false;
            const TokenSet inStore = TokenSet::fromJson(stored(), &ok);
            storedFirst = ok && inStore.refreshToken == kNewRefresh
                    && inStore.accessToken == o.accessToken;
            done = true;
        });
        QTRY_VERIFY(done);
        QVERIFY(storedFirst);
    }

    void answerWithoutRefreshTokenKeepsTheOldOne()
    {
        storeTokens();
        m_clock->advance(3600);
        m_server->script({ScriptedServer::tokens(kNewAccess, QString(), 3600)});
        QVERIFY(fetch().accessToken == kNewAccess);
        bool ok = false;
        const TokenSet inStore = TokenSet::fromJson(stored(), &ok);
        QVERIFY(ok);
        QVERIFY(inStore.accessToken == kNewAccess);
        QVERIFY(inStore.refreshToken == kOldRefresh);
        QCOMPARE(inStore.expiresAt, m_clock->now().addSecs(3600));
    }

    void invalidGrantSignsEveryWaiterOut()
    {
        storeTokens();
        m_clock->advance(3600);
        m_server->script({ScriptedServer::error(400, QStringLiteral("invalid_grant"))});
        QSignalSpy signedOut(m_session.get(), &Session::signedOut);
        Outcomes outcomes;
        for (int i = 0; i < 3; ++i)
            outcomes.watch(m_session->accessToken());
        QTRY_COMPARE(outcomes.list.size(), 3);
        for (const TokenOutcome &o : std::as_const(outcomes.list)) {
            QCOMPARE(o.failure.kind, Failure::Kind::SignInRequired);
            QVERIFY(o.accessToken.isEmpty());
        }
        QVERIFY(!m_store->entries.contains(m_profile.tokensKey()));
        QCOMPARE(signedOut.count(), 1);
        QCOMPARE(m_server->requests(), 1);
        // Nobody spends the refused refresh token again.
        QCOMPARE(fetch().failure.kind, Failure::Kind::SignInRequired);
        QCOMPARE(m_server->requests(), 1);
    }

    void failedRefreshKeepsTheStoredSignIn_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<int>("kind");
        QTest::newRow("500") << 500 << QByteArray() << 0 << int(Failure::Kind::Server);
        QTest::newRow("503 temporarily_unavailable")
                << 503 << QByteArray(R"({"error":"temporarily_unavailable"})") << 0
                << int(Failure::Kind::Server);
        QTest::newRow("malformed") << 200 << QByteArray("{not json") << 0
                                   << int(Failure::Kind::Malformed);
        QTest::newRow("timeout") << 200 << QByteArray("{}") << 3000
                                 << int(Failure::Kind::Timeout);
    }

    void failedRefreshKeepsTheStoredSignIn()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, delayMs);
        QFETCH(int, kind);
        storeTokens();
        m_clock->advance(3600 + 1);
        const QByteArray before = stored();
        m_tokens->setTimeoutMs(300);
        ScriptedServer::Answer answer{status, body, delayMs};
        m_server->script({answer});
        QSignalSpy signedOut(m_session.get(), &Session::signedOut);

        const TokenOutcome o = fetch();
        QCOMPARE(int(o.failure.kind), kind);
        QVERIFY(o.accessToken.isEmpty());
        QCOMPARE(stored(), before); // byte-identical
        QCOMPARE(signedOut.count(), 0);
        QCOMPARE(m_server->requests(), 1);
    }

    void failedRefreshStillHandsOutAnUnexpiredToken()
    {
        storeTokens();
        m_clock->advance(3600 - 100); // inside the 300 s lead: due, not expired
        m_server->script({ScriptedServer::error(500, QStringLiteral("server_error"))});
        const TokenOutcome o = fetch();
        QVERIFY(o.failure.isOk());
        QVERIFY(o.accessToken == kOldAccess);
        QCOMPARE(m_server->requests(), 1);
        QVERIFY(m_store->entries.contains(m_profile.tokensKey()));
    }

    void rejectedTokenIsRefreshedEvenThoughItLooksFresh()
    {
        storeTokens();
        QVERIFY(fetch().accessToken == kOldAccess);
        QCOMPARE(m_server->requests(), 0);
        m_session->reportRejected(kOldAccess);
        m_server->script({ScriptedServer::tokens(kNewAccess, kNewRefresh, 3600)});
        const TokenOutcome o = fetch();
        QVERIFY(o.failure.isOk());
        QVERIFY(o.accessToken == kNewAccess);
        QCOMPARE(m_server->requests(), 1);
    }

    void noStoredSignInRequiresSignInWithoutRequests()
    {
        const TokenOutcome o = fetch();
        QCOMPARE(o.failure.kind, Failure::Kind::SignInRequired);
        QVERIFY(o.accessToken.isEmpty());
        QCOMPARE(m_server->requests(), 0);
    }

    void unavailableKeychainIsAStorageFailure()
    {
        storeTokens();
        m_store->setMode(test::MemorySecretStore::Mode::Unavailable);
        const TokenOutcome o = fetch();
        QCOMPARE(o.failure.kind, Failure::Kind::Storage);
        QCOMPARE(o.failure.message, QStringLiteral("No keychain is available (test)."));
        QCOMPARE(m_server->requests(), 0);
    }

    void clientCredentialsFetchWithTheStoredSecret()
    {
        Profile p = m_profile;
        p.grant = Profile::Grant::ClientCredentials;
        p.clientType = Profile::ClientType::Confidential;
        p.scope = QStringLiteral("system/Patient.read");
        makeSession(p);
        const QString secret = QStringLiteral("cc-secret-0123456789");
        m_store->entries.insert(p.clientSecretKey(), secret.toUtf8());
        m_server->script({ScriptedServer::tokens(kNewAccess, QString(), 3600,
                                                  QStringLiteral("system/Patient.read"))});

        const TokenOutcome o = fetch();
        QVERIFY(o.failure.isOk());
        QVERIFY(o.accessToken == kNewAccess);
        QCOMPARE(o.source, TokenOutcome::Source::ClientCredentials);
        QCOMPARE(m_server->requests(), 1);
        const QByteArray body = m_server->bodies().first();
        QCOMPARE(field(body, "grant_type"), QStringLiteral("client_credentials"));
        QVERIFY(field(body, "client_secret") == secret);
        QCOMPARE(field(body, "client_id"), QStringLiteral("session-client"));
        QCOMPARE(field(body, "scope"), QStringLiteral("system/Patient.read"));
        QVERIFY(m_store->entries.contains(p.tokensKey()));
        // ... and reused.
        QVERIFY(fetch().accessToken == kNewAccess);
        QCOMPARE(m_server->requests(), 1);
    }

    void clientCredentialsWithoutATokenClientFailsInsteadOfSucceedingEmpty()
    {
        Profile p = m_profile;
        p.grant = Profile::Grant::ClientCredentials;
        p.clientType = Profile::ClientType::Confidential;
        makeSession(p);
        m_store->entries.insert(p.clientSecretKey(), QByteArray("cc-secret-0123456789"));
        m_tokens.reset(); // shutting down: the session's QPointer is now null
        const TokenOutcome o = fetch();
        QVERIFY(o.accessToken.isEmpty());
        QVERIFY2(!o.failure.isOk(), "an empty token was handed out as a success");
    }

    void signOutRemovesTheStoredSignIn()
    {
        storeTokens();
        QSignalSpy signedOut(m_session.get(), &Session::signedOut);
        const SignOut out = signOut();
        QVERIFY(out.called);
        QVERIFY(out.hadSignIn);
        QVERIFY(out.failure.isOk());
        QVERIFY(!m_store->entries.contains(m_profile.tokensKey()));
        QCOMPARE(signedOut.count(), 1);
        QCOMPARE(fetch().failure.kind, Failure::Kind::SignInRequired);
    }

    void signOutRevokesRefreshThenAccessToken()
    {
        Profile p = m_profile;
        p.revocationUrl = m_server->tokenUrl();
        makeSession(p);
        storeTokens();
        m_server->script({{200, QByteArray()}});
        const SignOut out = signOut();
        QVERIFY(out.called);
        QVERIFY2(out.failure.isOk(), qPrintable(out.failure.message));
        QCOMPARE(m_server->requests(), 2);
        const QList<QByteArray> bodies = m_server->bodies();
        QVERIFY(field(bodies.at(0), "token") == kOldRefresh);
        QCOMPARE(field(bodies.at(0), "token_type_hint"), QStringLiteral("refresh_token"));
        QVERIFY(field(bodies.at(1), "token") == kOldAccess);
        QCOMPARE(field(bodies.at(1), "token_type_hint"), QStringLiteral("access_token"));
        QVERIFY(!m_store->entries.contains(p.tokensKey()));
    }

    // ---- static tokens (Profile::Grant::StaticToken)

    void staticTokenIsReturnedWithoutRenewal()
    {
        makeSession(staticProfile());
        m_store->entries.insert(m_profile.tokensKey(),
                                staticTokenSet(kOldAccess, m_clock->now()).toJson());
        const TokenOutcome first = fetch();
        QVERIFY2(first.failure.isOk(), qPrintable(first.failure.message));
        QVERIFY(first.accessToken == kOldAccess);
        QCOMPARE(first.source, TokenOutcome::Source::Keychain);
        m_clock->advance(400 * 24 * 3600); // no expiry: a year later still the same
        QVERIFY(fetch().accessToken == kOldAccess);
        // "Renew now" renews nothing either.
        Outcomes renewed;
        renewed.watch(m_session->renewNow());
        QTRY_COMPARE(renewed.list.size(), 1);
        QVERIFY(renewed.list.first().accessToken == kOldAccess);
        QCOMPARE(m_server->requests(), 0);
    }

    void staticTokenSetIsABearerTokenWithoutExpiryOrRefresh()
    {
        const TokenSet t = staticTokenSet(kOldAccess, m_clock->now());
        bool ok = false;
        const TokenSet back = TokenSet::fromJson(t.toJson(), &ok);
        QVERIFY(ok);
        QVERIFY(back.accessToken == kOldAccess);
        QCOMPARE(back.tokenType, QStringLiteral("Bearer"));
        QVERIFY(!back.expiresAt.isValid());
        QVERIFY(!back.canRefresh());
        QCOMPARE(back.obtainedAt, m_clock->now());
    }

    void refusedStaticTokenIsKeptAndTheSetTokenHintGiven_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("where");
        QTest::newRow("canvas sandbox") << int(Profile::Kind::CanvasSandboxToken)
                                        << QStringLiteral("dashboard");
        QTest::newRow("canvas lms") << int(Profile::Kind::CanvasLms)
                                    << QStringLiteral("New access token");
    }

    void refusedStaticTokenIsKeptAndTheSetTokenHintGiven()
    {
        QFETCH(int, kind);
        QFETCH(QString, where);
        makeSession(staticProfile(Profile::Kind(kind)));
        const QByteArray entry = staticTokenSet(kOldAccess, m_clock->now()).toJson();
        m_store->entries.insert(m_profile.tokensKey(), entry);
        QSignalSpy signedOut(m_session.get(), &Session::signedOut);
        QVERIFY(fetch().accessToken == kOldAccess);
        m_session->reportRejected(kOldAccess); // what ApiClient does on HTTP 401
        const TokenOutcome o = fetch();
        QVERIFY(o.accessToken.isEmpty());
        QVERIFY(o.failure);
        QVERIFY2(o.failure.kind != Failure::Kind::SignInRequired, "no browser sign-in exists");
        QVERIFY2(o.failure.message.contains(QLatin1String("refused the static access token")),
                 qPrintable(o.failure.message));
        QVERIFY2(o.failure.message.contains(QLatin1String("chartkey profile set-token S")),
                 qPrintable(o.failure.message));
        QVERIFY2(o.failure.message.contains(where), qPrintable(o.failure.message));
        QCOMPARE(m_store->entries.value(m_profile.tokensKey()), entry); // kept
        QCOMPARE(signedOut.count(), 0);
        QCOMPARE(m_server->requests(), 0);

        // A new token stored (set-token in another process) is picked up.
        m_store->entries.insert(m_profile.tokensKey(),
                                staticTokenSet(kNewAccess, m_clock->now()).toJson());
        QVERIFY(fetch().accessToken == kNewAccess);
    }

    void missingStaticTokenSaysToRunSetToken()
    {
        makeSession(staticProfile());
        const TokenOutcome o = fetch();
        QVERIFY(o.accessToken.isEmpty());
        QVERIFY(o.failure);
        QVERIFY2(o.failure.message.contains(QLatin1String("chartkey profile set-token S")),
                 qPrintable(o.failure.message));
        QCOMPARE(m_server->requests(), 0);
    }

    void signOutForgetsAStaticTokenWithoutRevoking()
    {
        makeSession(staticProfile());
        m_store->entries.insert(m_profile.tokensKey(),
                                staticTokenSet(kOldAccess, m_clock->now()).toJson());
        const SignOut out = signOut();
        QVERIFY(out.called);
        QVERIFY(out.hadSignIn);
        QVERIFY(out.failure.isOk());
        QVERIFY(!m_store->entries.contains(m_profile.tokensKey()));
        QCOMPARE(m_server->requests(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"

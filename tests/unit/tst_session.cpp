// Session: reuse, single-flight refresh, rotation, invalid_grant, failures that keep the
// sign-in, client credentials and sign-out; each test function on a SessionFixture of its
// own (a fake clock, a memory store and the scripted OAuth server).
#include "auth/session.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include "resultspy.h"
#include "sessionfixture.h"

#include <optional>

using namespace chartkey;
using test::ScriptedServer;

namespace {

const QString kOldAccess = QStringLiteral("AT-old-0123456789abcdef");
const QString kOldRefresh = QStringLiteral("RT-old-0123456789abcdef");
const QString kNewAccess = QStringLiteral("AT-new-0123456789abcdef");
const QString kNewRefresh = QStringLiteral("RT-new-0123456789abcdef");
const QString kGranted = QStringLiteral("user/Patient.read offline_access");
const QString kToken = QLatin1String(ScriptedServer::kToken);
const QString kRevocation = QLatin1String(ScriptedServer::kRevocation);

// Collects what TokenOperations hand out.
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
    std::optional<test::SessionFixture> m_f; // fresh per test function

    // A stored sign-in obtained now, lasting `lifetime` seconds.
    TokenSet storeTokens(qint64 lifetime = 3600)
    {
        return m_f->storeTokens(kOldAccess, kOldRefresh, kGranted, lifetime);
    }

    Profile staticProfile(Profile::Kind kind = Profile::Kind::CanvasSandboxToken) const
    {
        Profile p = m_f->profile;
        p.kind = kind;
        p.grant = Profile::Grant::StaticToken;
        p.clientId.clear();
        p.revocationUrl = m_f->server.revocationUrl(); // never used for a static token
        return p;
    }

    void storeStaticToken(const QString &token)
    {
        m_f->store.entries.insert(m_f->profile.tokensKey(),
                                  staticTokenSet(token, m_f->clock.now()).toJson());
    }

    TokenOutcome fetch() { return m_f->fetch(); }
    int requests() const { return m_f->server.requests(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(test::SessionFixture::isolate(m_runtime)); }
    void init() { m_f.emplace(); }
    void cleanup() { m_f.reset(); }

    void freshStoredTokenIsReusedWithoutTokenRequests()
    {
        storeTokens();
        const TokenOutcome first = fetch();
        QVERIFY(first.failure.isOk());
        QVERIFY(first.accessToken == kOldAccess);
        QCOMPARE(first.source, TokenOutcome::Source::Keychain);
        m_f->clock.advance(600);
        const TokenOutcome second = fetch();
        QVERIFY(second.accessToken == kOldAccess);
        QCOMPARE(second.source, TokenOutcome::Source::Memory);
        QCOMPARE(requests(), 0);
    }

    void refreshIsSharedByConcurrentCallers()
    {
        storeTokens();
        m_f->clock.advance(3600 + 10); // expired
        ScriptedServer::Answer answer = ScriptedServer::tokens(kNewAccess, kNewRefresh, 3600);
        answer.delayMs = 150;
        m_f->server.script(kToken, {answer});

        Outcomes outcomes;
        for (int i = 0; i < 8; ++i)
            outcomes.watch(m_f->session->accessToken());
        QTRY_COMPARE(requests(), 1); // the refresh is in flight
        for (int i = 0; i < 8; ++i)
            outcomes.watch(m_f->session->accessToken());
        QTRY_COMPARE(outcomes.list.size(), 16);
        for (const TokenOutcome &o : std::as_const(outcomes.list)) {
            QVERIFY(o.failure.isOk());
            QVERIFY(o.accessToken == kNewAccess);
            QCOMPARE(o.source, TokenOutcome::Source::Refreshed);
        }
        QCOMPARE(requests(), 1);
    }

    void refreshSendsTheStoredRefreshTokenAndGrantedScope()
    {
        storeTokens();
        m_f->clock.advance(3600);
        m_f->server.script(kToken, {ScriptedServer::tokens(kNewAccess, kNewRefresh, 3600)});
        QVERIFY(fetch().accessToken == kNewAccess);
        QCOMPARE(requests(), 1);
        const ScriptedServer::Request refresh = m_f->server.received(kToken).first();
        QCOMPARE(refresh.method, QByteArray("POST"));
        QCOMPARE(refresh.field("grant_type"), QStringLiteral("refresh_token"));
        QVERIFY(refresh.field("refresh_token") == kOldRefresh);
        QCOMPARE(refresh.field("scope"), kGranted);
        QCOMPARE(refresh.field("client_id"), QStringLiteral("session-client"));
        QVERIFY(refresh.field("client_secret").isEmpty());
    }

    void rotatedRefreshTokenIsStoredBeforeTheTokenIsHandedOut()
    {
        storeTokens();
        m_f->clock.advance(3600);
        m_f->server.script(kToken, {ScriptedServer::tokens(kNewAccess, kNewRefresh, 3600)});
        bool storedFirst = false;
        bool done = false;
        m_f->session->accessToken()->then(this, [&](const TokenOutcome &o) {
            bool ok = false;
            const TokenSet inStore = TokenSet::fromJson(m_f->stored(), &ok);
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
        m_f->clock.advance(3600);
        m_f->server.script(kToken, {ScriptedServer::tokens(kNewAccess, QString(), 3600)});
        QVERIFY(fetch().accessToken == kNewAccess);
        bool ok = false;
        const TokenSet inStore = TokenSet::fromJson(m_f->stored(), &ok);
        QVERIFY(ok);
        QVERIFY(inStore.accessToken == kNewAccess);
        QVERIFY(inStore.refreshToken == kOldRefresh);
        QCOMPARE(inStore.expiresAt, m_f->clock.now().addSecs(3600));
    }

    void invalidGrantSignsEveryWaiterOut()
    {
        storeTokens();
        m_f->clock.advance(3600);
        m_f->server.script(kToken, {ScriptedServer::error(400, QStringLiteral("invalid_grant"))});
        QSignalSpy signedOut(m_f->session.get(), &Session::signedOut);
        Outcomes outcomes;
        for (int i = 0; i < 3; ++i)
            outcomes.watch(m_f->session->accessToken());
        QTRY_COMPARE(outcomes.list.size(), 3);
        for (const TokenOutcome &o : std::as_const(outcomes.list)) {
            QCOMPARE(o.failure.kind, Failure::Kind::SignInRequired);
            QVERIFY(o.accessToken.isEmpty());
        }
        QVERIFY(!m_f->hasStored());
        QCOMPARE(signedOut.count(), 1);
        QCOMPARE(requests(), 1);
        // Nobody spends the refused refresh token again.
        QCOMPARE(fetch().failure.kind, Failure::Kind::SignInRequired);
        QCOMPARE(requests(), 1);
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
        m_f->clock.advance(3600 + 1);
        const QByteArray before = m_f->stored();
        m_f->tokens->setTimeoutMs(300);
        m_f->server.script(kToken, {ScriptedServer::Answer{status, body, delayMs}});
        QSignalSpy signedOut(m_f->session.get(), &Session::signedOut);

        const TokenOutcome o = fetch();
        QCOMPARE(int(o.failure.kind), kind);
        QVERIFY(o.accessToken.isEmpty());
        QCOMPARE(m_f->stored(), before); // byte-identical
        QCOMPARE(signedOut.count(), 0);
        QCOMPARE(requests(), 1);
    }

    void failedRefreshStillHandsOutAnUnexpiredToken()
    {
        storeTokens();
        m_f->clock.advance(3600 - 100); // inside the 300 s lead: due, not expired
        m_f->server.script(kToken, {ScriptedServer::error(500, QStringLiteral("server_error"))});
        const TokenOutcome o = fetch();
        QVERIFY(o.failure.isOk());
        QVERIFY(o.accessToken == kOldAccess);
        QCOMPARE(requests(), 1);
        QVERIFY(m_f->hasStored());
    }

    void rejectedTokenIsRefreshedEvenThoughItLooksFresh()
    {
        storeTokens();
        QVERIFY(fetch().accessToken == kOldAccess);
        QCOMPARE(requests(), 0);
        m_f->session->reportRejected(kOldAccess);
        m_f->server.script(kToken, {ScriptedServer::tokens(kNewAccess, kNewRefresh, 3600)});
        const TokenOutcome o = fetch();
        QVERIFY(o.failure.isOk());
        QVERIFY(o.accessToken == kNewAccess);
        QCOMPARE(requests(), 1);
    }

    void noStoredSignInRequiresSignInWithoutRequests()
    {
        const TokenOutcome o = fetch();
        QCOMPARE(o.failure.kind, Failure::Kind::SignInRequired);
        QVERIFY(o.accessToken.isEmpty());
        QCOMPARE(requests(), 0);
    }

    void unavailableKeychainIsAStorageFailure()
    {
        storeTokens();
        m_f->store.setMode(test::MemorySecretStore::Mode::Unavailable);
        const TokenOutcome o = fetch();
        QCOMPARE(o.failure.kind, Failure::Kind::Storage);
        QCOMPARE(o.failure.message, QStringLiteral("No keychain is available (test)."));
        QCOMPARE(requests(), 0);
    }

    void clientCredentialsFetchWithTheStoredSecret()
    {
        Profile p = m_f->profile;
        p.grant = Profile::Grant::ClientCredentials;
        p.clientType = Profile::ClientType::Confidential;
        p.scope = QStringLiteral("system/Patient.read");
        m_f->useProfile(p);
        const QString secret = QStringLiteral("cc-secret-0123456789");
        m_f->store.entries.insert(p.clientSecretKey(), secret.toUtf8());
        m_f->server.script(kToken, {ScriptedServer::tokens(kNewAccess, QString(), 3600,
                                                           QStringLiteral("system/Patient.read"))});

        const TokenOutcome o = fetch();
        QVERIFY(o.failure.isOk());
        QVERIFY(o.accessToken == kNewAccess);
        QCOMPARE(o.source, TokenOutcome::Source::ClientCredentials);
        QCOMPARE(requests(), 1);
        const ScriptedServer::Request request = m_f->server.received(kToken).first();
        QCOMPARE(request.field("grant_type"), QStringLiteral("client_credentials"));
        QVERIFY(request.field("client_secret") == secret);
        QCOMPARE(request.field("client_id"), QStringLiteral("session-client"));
        QCOMPARE(request.field("scope"), QStringLiteral("system/Patient.read"));
        QVERIFY(m_f->store.entries.contains(p.tokensKey()));
        // ... and reused.
        QVERIFY(fetch().accessToken == kNewAccess);
        QCOMPARE(requests(), 1);
    }

    void clientCredentialsWithoutATokenClientFailsInsteadOfSucceedingEmpty()
    {
        Profile p = m_f->profile;
        p.grant = Profile::Grant::ClientCredentials;
        p.clientType = Profile::ClientType::Confidential;
        m_f->useProfile(p);
        m_f->store.entries.insert(p.clientSecretKey(), QByteArray("cc-secret-0123456789"));
        m_f->tokens.reset(); // shutting down: the session's QPointer is now null
        const TokenOutcome o = fetch();
        QVERIFY(o.accessToken.isEmpty());
        QVERIFY2(!o.failure.isOk(), "an empty token was handed out as a success");
    }

    void signOutRemovesTheStoredSignIn()
    {
        storeTokens();
        QSignalSpy signedOut(m_f->session.get(), &Session::signedOut);
        const std::optional<SignOutResult> out = m_f->signOut();
        QVERIFY2(out, "signOut() never ended");
        QVERIFY(out->hadSignIn);
        QVERIFY(out->failure.isOk());
        QVERIFY(!m_f->hasStored());
        QCOMPARE(signedOut.count(), 1);
        QCOMPARE(fetch().failure.kind, Failure::Kind::SignInRequired);
    }

    void signOutRevokesRefreshThenAccessToken()
    {
        Profile p = m_f->profile;
        p.revocationUrl = m_f->server.revocationUrl();
        m_f->useProfile(p);
        storeTokens();
        m_f->server.script(kRevocation, {{200, QByteArray()}});
        const std::optional<SignOutResult> out = m_f->signOut();
        QVERIFY2(out, "signOut() never ended");
        QVERIFY2(out->failure.isOk(), qPrintable(out->failure.message));
        QCOMPARE(requests(), 2);
        const QList<ScriptedServer::Request> revoked = m_f->server.received(kRevocation);
        QCOMPARE(revoked.size(), 2); // both to the revocation endpoint, none to the token one
        QVERIFY(revoked.at(0).field("token") == kOldRefresh);
        QCOMPARE(revoked.at(0).field("token_type_hint"), QStringLiteral("refresh_token"));
        QVERIFY(revoked.at(1).field("token") == kOldAccess);
        QCOMPARE(revoked.at(1).field("token_type_hint"), QStringLiteral("access_token"));
        QVERIFY(!m_f->hasStored());
    }

    void signOutPointsToTheServersSignOutPageWithOnlyTheClientId()
    {
        Profile p = m_f->profile;
        p.endSessionUrl = QUrl(QStringLiteral("https://login.example.org/logout?ui=compact"));
        m_f->useProfile(p);
        storeTokens();
        const std::optional<SignOutResult> out = m_f->signOut();
        QVERIFY2(out, "signOut() never ended");
        const QUrlQuery query(out->endSessionPage);
        QCOMPARE(out->endSessionPage.adjusted(QUrl::RemoveQuery),
                 QUrl(QStringLiteral("https://login.example.org/logout")));
        QCOMPARE(query.queryItemValue(QStringLiteral("ui")), QStringLiteral("compact"));
        QCOMPARE(query.queryItemValue(QStringLiteral("client_id")), p.clientId);
        QCOMPARE(query.queryItems().size(), 2); // no ID token, no state: nothing secret
        QVERIFY(out->endSessionAdvice.contains(QLatin1String("sign-out page")));
        QVERIFY(!out->message.contains(QLatin1String("sign-out page"))); // said once, apart
    }

    void noSignOutPageWithoutABrowserSignIn_data()
    {
        QTest::addColumn<QString>("endSession");
        QTest::addColumn<int>("grant");
        const int code = int(Profile::Grant::AuthorizationCode);
        QTest::newRow("none named") << QString() << code;
        QTest::newRow("plain http elsewhere") << QStringLiteral("http://login.example.org/logout")
                                              << code;
        QTest::newRow("client credentials") << QStringLiteral("https://login.example.org/logout")
                                            << int(Profile::Grant::ClientCredentials);
        QTest::newRow("static token") << QStringLiteral("https://login.example.org/logout")
                                      << int(Profile::Grant::StaticToken);
    }

    void noSignOutPageWithoutABrowserSignIn()
    {
        QFETCH(QString, endSession);
        QFETCH(int, grant);
        Profile p = m_f->profile;
        p.endSessionUrl = QUrl(endSession);
        p.grant = Profile::Grant(grant);
        QVERIFY(endSessionPage(p).isEmpty());
    }

    // ---- static tokens (Profile::Grant::StaticToken)

    void staticTokenIsReturnedWithoutRenewal()
    {
        m_f->useProfile(staticProfile());
        storeStaticToken(kOldAccess);
        const TokenOutcome first = fetch();
        QVERIFY2(first.failure.isOk(), qPrintable(first.failure.message));
        QVERIFY(first.accessToken == kOldAccess);
        QCOMPARE(first.source, TokenOutcome::Source::Keychain);
        m_f->clock.advance(400 * 24 * 3600); // no expiry: a year later still the same
        QVERIFY(fetch().accessToken == kOldAccess);
        // "Renew now" renews nothing either.
        Outcomes renewed;
        renewed.watch(m_f->session->renewNow());
        QTRY_COMPARE(renewed.list.size(), 1);
        QVERIFY(renewed.list.first().accessToken == kOldAccess);
        QCOMPARE(requests(), 0);
    }

    void staticTokenSetIsABearerTokenWithoutExpiryOrRefresh()
    {
        const TokenSet t = staticTokenSet(kOldAccess, m_f->clock.now());
        bool ok = false;
        const TokenSet back = TokenSet::fromJson(t.toJson(), &ok);
        QVERIFY(ok);
        QVERIFY(back.accessToken == kOldAccess);
        QCOMPARE(back.tokenType, QStringLiteral("Bearer"));
        QVERIFY(!back.expiresAt.isValid());
        QVERIFY(!back.canRefresh());
        QCOMPARE(back.obtainedAt, m_f->clock.now());
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
        m_f->useProfile(staticProfile(Profile::Kind(kind)));
        storeStaticToken(kOldAccess);
        const QByteArray entry = m_f->stored();
        QSignalSpy signedOut(m_f->session.get(), &Session::signedOut);
        QVERIFY(fetch().accessToken == kOldAccess);
        m_f->session->reportRejected(kOldAccess); // what ApiClient does on HTTP 401
        const TokenOutcome o = fetch();
        QVERIFY(o.accessToken.isEmpty());
        QVERIFY(o.failure);
        QVERIFY2(o.failure.kind != Failure::Kind::SignInRequired, "no browser sign-in exists");
        QVERIFY2(o.failure.message.contains(QLatin1String("refused the static access token")),
                 qPrintable(o.failure.message));
        QVERIFY2(o.failure.message.contains(QLatin1String("chartkey profile set-token S")),
                 qPrintable(o.failure.message));
        QVERIFY2(o.failure.message.contains(where), qPrintable(o.failure.message));
        QCOMPARE(m_f->stored(), entry); // kept
        QCOMPARE(signedOut.count(), 0);
        QCOMPARE(requests(), 0);

        // A new token stored (set-token in another process) is picked up.
        storeStaticToken(kNewAccess);
        QVERIFY(fetch().accessToken == kNewAccess);
    }

    void missingStaticTokenSaysToRunSetToken()
    {
        m_f->useProfile(staticProfile());
        const TokenOutcome o = fetch();
        QVERIFY(o.accessToken.isEmpty());
        QVERIFY(o.failure);
        QVERIFY2(o.failure.message.contains(QLatin1String("chartkey profile set-token S")),
                 qPrintable(o.failure.message));
        QCOMPARE(requests(), 0);
    }

    void signOutForgetsAStaticTokenWithoutRevoking()
    {
        m_f->useProfile(staticProfile());
        storeStaticToken(kOldAccess);
        const std::optional<SignOutResult> out = m_f->signOut();
        QVERIFY2(out, "signOut() never ended");
        QVERIFY(out->hadSignIn);
        QVERIFY(out->failure.isOk());
        QVERIFY(!m_f->hasStored());
        QCOMPARE(requests(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"

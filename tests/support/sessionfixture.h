// A profile's session inside the test process, for unit and widget tests: a clock the test
// moves, a secret store in memory, one scripted OAuth server (scriptedserver.h), a token
// client and a session on them — what tst_session, tst_tokeninspector and others used to
// build by hand. Make one per test function (init()) and drop it in cleanup(): nothing
// carries over from one test function to the next.
//
//   std::optional<test::SessionFixture> m_f;
//   void init() { m_f.emplace(QStringLiteral("S")); }
//   void cleanup() { m_f.reset(); }
//   ...
//   m_f->storeTokens(kAccess, kRefresh, kScope, 3600);   // signed in an hour ago ...
//   m_f->clock.advance(3600);                            // ... and now it has expired
//   m_f->server.script(ScriptedServer::kToken, {ScriptedServer::tokens(kNew, kNewRefresh, 3600)});
//   QVERIFY(m_f->fetch().accessToken == kNew);
#pragma once

#include "auth/session.h"
#include "auth/tokenclient.h"
#include "auth/tokenset.h"
#include "profile/profile.h"
#include "storage/profilelock.h"

#include "fakeclock.h"
#include "memorysecretstore.h"
#include "resultspy.h"
#include "scriptedserver.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace chartkey::test {

class SessionFixture
{
    Q_DISABLE_COPY_MOVE(SessionFixture)
public:
    // A Canvas profile `name` at `instance` for the public client `clientId`, its token
    // endpoint on `server`, no revocation endpoint; signed out.
    explicit SessionFixture(const QString &name = QStringLiteral("S"),
                            const QUrl &instance = QUrl(QStringLiteral("http://127.0.0.1:9/")),
                            const QString &clientId = QStringLiteral("session-client"))
    {
        nam.setProxy(QNetworkProxy::NoProxy);
        tokens = std::make_unique<TokenClient>(&nam, &clock);
        Profile p = Profile::canvas(name, instance);
        p.clientId = clientId;
        p.tokenUrl = server.tokenUrl();
        p.revocationUrl = QUrl();
        useProfile(p);
    }

    // Once per test binary (initTestCase()): profile locks under `runtime`, not the user's
    // runtime directory, and QStandardPaths in test mode. False when that did not work.
    static bool isolate(const QTemporaryDir &runtime)
    {
        if (!runtime.isValid())
            return false;
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<TokenOutcome>();
        qRegisterMetaType<Failure>();
        return ProfileLock::lockPath(QStringLiteral("S")).startsWith(runtime.path());
    }

    FakeClock clock;
    MemorySecretStore store;
    QNetworkAccessManager nam;
    ScriptedServer server;
    std::unique_ptr<TokenClient> tokens;
    Profile profile;
    std::unique_ptr<Session> session;

    // A new session, on `p` from now on (the old session is dropped).
    Session &useProfile(const Profile &p)
    {
        session.reset();
        profile = p;
        session = std::make_unique<Session>(profile, &store, tokens.get(), &clock);
        return *session;
    }

    // A sign-in stored in the keychain as if obtained now, lasting `lifetime` seconds.
    TokenSet storeTokens(const QString &access, const QString &refresh, const QString &scope,
                         qint64 lifetime)
    {
        TokenSet t;
        t.accessToken = access;
        t.refreshToken = refresh;
        t.tokenType = QStringLiteral("Bearer");
        t.scope = scope;
        t.obtainedAt = clock.now();
        t.expiresAt = clock.now().addSecs(lifetime);
        store.entries.insert(profile.tokensKey(), t.toJson());
        return t;
    }

    // The keychain entry of the profile's tokens (empty when there is none).
    QByteArray stored() const { return store.entries.value(profile.tokensKey()); }
    bool hasStored() const { return store.entries.contains(profile.tokensKey()); }

    // One accessToken() call, to its end (a Cancelled failure when it never ended).
    TokenOutcome fetch(int timeoutMs = 10000)
    {
        ResultSpy<TokenOutcome> spy(session->accessToken());
        if (!spy.wait(timeoutMs))
            return {{}, TokenOutcome::Source::None,
                    Failure::make(Failure::Kind::Cancelled, QStringLiteral("test: no outcome"))};
        return spy.result();
    }

    // One signOut() call, to its end (nullopt when it never ended).
    std::optional<SignOutResult> signOut(int timeoutMs = 10000)
    {
        ResultSpy<SignOutResult> spy(session->signOut());
        if (!spy.wait(timeoutMs))
            return std::nullopt;
        return spy.result();
    }
};

} // namespace chartkey::test

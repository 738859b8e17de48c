// The fault matrix: the chartkey executable against the sandbox EHR and a real keyring, one
// fault at a time. Each case asserts what the person sees (exit status and
// words) and that nothing is lost: the stored tokens stay unless the server revoked them, and
// a note action is either done once or reported as not done (or "may or may not"), never
// done twice.
//
// The whole matrix, and where each case is tested:
//
//   case                                   where
//   -------------------------------------  ---------------------------------------------------
//   token endpoint 500, malformed JSON,    e2e/tst_cli_signin_failures
//     HTML error page, hang (timeout)        tokenEndpointFaultsKeepTheStoredSession (rows)
//   token endpoint connection refused,     here: tokenEndpointFaultKeepsTheStoredSignIn (rows)
//     invalid_client, invalid_scope,
//     temporarily_unavailable
//   token endpoint invalid_grant           e2e/tst_cli_signin_failures
//                                            refusedRefreshTokenSignsOutAndRemovesTheItem
//   code exchange hangs at login           here: codeExchangeFaultKeepsThePreviousSignIn...
//   API 401 (once, twice), 403, 404, 409,  here: apiFaultLeavesTheNoteDoneOnceOrNotDone and
//     429 + Retry-After, 503, 500, hang      apiFaultOnAReadSaysWhatHappened (rows)
//   keychain missing                       e2e/tst_cli_without_keychain
//   keychain locked, keychain slow         faults/tst_keychain_faults (harness
//     (never answers)                        --locked-keyring, with and without --xvfb)
//   loopback port taken                    e2e/tst_cli_signin_failures
//                                            fixedRedirectPortInUseIsNamedWithTheAnyPortAdvice
//   browser never comes back (times out,   e2e/tst_cli_signin_failures
//     listener closes)                       browserThatNeverComesBackTimesOutAndCloses...
//   callback with a wrong / without state  e2e/tst_cli_signin_failures
//                                            forgedCallbacksAreIgnoredAndTheRealOneSignsIn
//   callback with a 1 MB query; a second   here: listenerIsLoopbackOnlyAndSurvivesJunk...
//     connection while one is half open;
//     listener on 127.0.0.1 only, closed
//     when the attempt ends
//   killed in the middle of a refresh      here: killedDuringARefreshIsNotSignedOutByIt
//   secrets in files and output            faults/tst_secret_leaks
//
// Each test function (each data row) starts from nothing but the profile (init()) and makes
// the sign-in it needs (tests/support/signedin.h): a real one through the consent client
// where the EHR must honour it, a made-up one where the fault stops the refresh in front of
// the OAuth server. Where the sign-in must have expired, its expiry is rewritten in the
// keychain (expireStoredTokens). No Chromium: the consent client plays the browser, which is
// not what is tested here.
#include "cli.h"
#include "clie2e.h"
#include "faults.h"
#include "sandbox.h"
#include "signedin.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace chartkey::test;
using namespace chartkey::test::e2e;
using namespace chartkey::test::faults;

namespace {

const QString kProfile = QStringLiteral("Sandbox");

QByteArray both(const CliRun &run)
{
    return run.out + '\n' + run.err;
}

} // namespace

class FaultMatrix final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void listenerIsLoopbackOnlyAndSurvivesJunkWhileTheBrowserSignsIn();
    void codeExchangeFaultKeepsThePreviousSignInAndTheListenerClosedAtTheRedirect();
    void tokenEndpointFaultKeepsTheStoredSignIn_data();
    void tokenEndpointFaultKeepsTheStoredSignIn();
    void killedDuringARefreshIsNotSignedOutByIt();
    void apiFaultLeavesTheNoteDoneOnceOrNotDone_data();
    void apiFaultLeavesTheNoteDoneOnceOrNotDone();
    void apiFaultOnAReadSaysWhatHappened_data();
    void apiFaultOnAReadSaysWhatHappened();

private:
    // Waits until the sandbox has seen `count` token requests of `grantType`.
    bool waitForTokenRequests(const QString &grantType, int count, int timeoutMs = 15000);

    Sandbox m_sandbox;
};

void FaultMatrix::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
    QVERIFY(!m_sandbox.consent.isEmpty());
}

void FaultMatrix::init()
{
    const Step started = startWithPublicProfile(m_sandbox, kProfile);
    QVERIFY2(started, started.why());
}

bool FaultMatrix::waitForTokenRequests(const QString &grantType, int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return tokenCount(m_sandbox.stats(), grantType) >= count; },
                           timeoutMs);
}

// The listener of `chartkey login` is bound to 127.0.0.1 only (never 0.0.0.0 or ::), takes
// a 1 MB query and a second connection that sends half a request and stays open without
// ending the attempt, and the browser (the consent client) then signs in; once the attempt
// is over nothing listens on the port.
void FaultMatrix::listenerIsLoopbackOnlyAndSurvivesJunkWhileTheBrowserSignsIn()
{
    WaitingLogin login({QStringLiteral("--wait"), QStringLiteral("60")});
    QVERIFY2(login.started(), login.said().constData());
    const quint16 port = login.port();

    // 127.0.0.1 only: one IPv4 LISTEN socket at 0100007F, none at 00000000 nor in tcp6.
    const QList<ListeningSocket> sockets = listeningSockets(port);
    QVERIFY2(sockets.size() == 1 && sockets.first().table == QLatin1String("tcp")
                     && sockets.first().address == QLatin1String("0100007F"),
             (QByteArray("listening on: ") + describeSockets(sockets)).constData());
    // And that one socket is the login process's only listening one.
    QCOMPARE(listeningPortsOf(login.process().processId()), QList<quint16>{port});

    // A 1 MB query (no valid state): answered or dropped, but the attempt goes on.
    {
        QTcpSocket huge;
        huge.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        QVERIFY(huge.waitForConnected(5000));
        const QByteArray pad(1024 * 1024, 'A');
        huge.write("GET /callback?code=junk&state=wrong&pad=" + pad + " HTTP/1.1\r\nHost: 127.0.0.1:"
                   + QByteArray::number(port) + "\r\nConnection: close\r\n\r\n");
        QElapsedTimer sent;
        sent.start();
        while (huge.bytesToWrite() > 0 && sent.elapsed() < 10000)
            huge.waitForBytesWritten(500);
        QVERIFY2(huge.bytesToWrite() == 0, "the listener did not take the 1 MB request");
        // Answered (or the connection closed) within a few seconds; either is fine.
        huge.waitForReadyRead(3000);
        const QByteArray answer = huge.readAll();
        qInfo("the listener answered the 1 MB request with: %s",
              answer.isEmpty() ? "nothing" : answer.left(answer.indexOf('\r')).constData());
        huge.abort();
    }
    // Nothing to wait for: the attempt must go on, so give it the time to end if it would.
    QVERIFY2(!login.endsWithin(300),
             (QByteArray("the 1 MB query ended the sign-in: ") + login.said()).constData());
    QCOMPARE(listeningSockets(port).size(), 1);

    // A second connection sends half a request and stays open during the real sign-in.
    QTcpSocket half;
    half.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QVERIFY(half.waitForConnected(5000));
    half.write("GET /callback?code=half&state=wrong HTTP/1.1\r\nHost: 127.0.0.1:");
    QVERIFY(half.waitForBytesWritten(5000));

    const CliRun browser = login.openIn(m_sandbox.consent);
    QVERIFY2(browser.exitCode == 0, describe(browser).constData());
    QVERIFY2(login.endsWithin(30000), "login did not end after the browser came back");
    QVERIFY2(login.exitedWith(0), login.said().constData());
    QVERIFY2(login.err().contains("Signed in to"), login.said().constData());
    half.abort();

    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("authorization_code")), 1);
    QVERIFY2(storedTokensOf(kProfile), "no tokens in the keychain after the sign-in");
    // The attempt is over: nothing listens on the port any more.
    QVERIFY2(listeningSockets(port).isEmpty(),
             (QByteArray("still listening: ") + describeSockets(listeningSockets(port))).constData());
    QVERIFY(!canConnect(port));
}

// A second sign-in whose code exchange hangs: the listener closes as soon as the redirect
// arrives (while the process still waits for the token endpoint), the attempt fails within
// --timeout with chartkey's words, and the sign-in stored before (made up: it is only kept,
// never used) is untouched.
void FaultMatrix::codeExchangeFaultKeepsThePreviousSignInAndTheListenerClosedAtTheRedirect()
{
    const Step stored = storeSignIn(kProfile, madeUpTokens(QStringLiteral("previous")));
    QVERIFY2(stored, stored.why());
    const auto before = keychainSecret(keychainUser(kProfile));
    QVERIFY2(before, "no tokens in the keychain");
    m_sandbox.failNext(QStringLiteral("token"), 1, QStringLiteral("hang"));
    WaitingLogin login({QStringLiteral("--wait"), QStringLiteral("60"), QStringLiteral("--timeout"),
                        QStringLiteral("4")});
    QVERIFY2(login.started(), login.said().constData());
    const quint16 port = login.port();
    QCOMPARE(listeningSockets(port).size(), 1);

    const CliRun browser = login.openIn(m_sandbox.consent);
    QVERIFY2(browser.exitCode == 0, describe(browser).constData());
    QVERIFY2(waitForTokenRequests(QStringLiteral("authorization_code"), 1),
             "the code exchange never reached the token endpoint");
    QVERIFY2(login.isRunning(),
             "login ended before the code exchange timed out; the check below would be void");
    QVERIFY2(listeningSockets(port).isEmpty(),
             (QByteArray("the listener is still open after the redirect: ")
                     + describeSockets(listeningSockets(port)))
                     .constData());

    QVERIFY(login.endsWithin(30000));
    QVERIFY2(login.exitedWith(1), login.said().constData());
    QVERIFY2(login.err().contains("did not answer"), login.said().constData());
    QVERIFY2(!login.err().contains("Signed in to"), login.said().constData());
    const auto after = keychainSecret(keychainUser(kProfile));
    QVERIFY2(after, "the failed sign-in removed the stored one");
    QVERIFY2(*after == *before, "the failed sign-in changed the stored one");
}

// `chartkey token` when the stored access token has expired and the refresh fails: the
// person reads what happened and what to do, and the keychain item is left exactly as it was.
// The sign-in is made up: every fault stops the refresh before the OAuth server would look at
// the refresh token.
void FaultMatrix::tokenEndpointFaultKeepsTheStoredSignIn_data()
{
    QTest::addColumn<QString>("fault");          // a /__admin/fail mode, or "refused"
    QTest::addColumn<QByteArrayList>("says");
    QTest::addColumn<int>("refreshRequests");    // reaching the sandbox

    QTest::newRow("connection refused")
            << QStringLiteral("refused") << QByteArrayList{"refused the connection"} << 0;
    QTest::newRow("invalid_client 401")
            << QStringLiteral("invalid_client")
            << QByteArrayList{"invalid_client", "Check the client ID"} << 1;
    QTest::newRow("invalid_scope 400")
            << QStringLiteral("invalid_scope") << QByteArrayList{"invalid_scope", "scopes"} << 1;
    QTest::newRow("temporarily_unavailable 503")
            << QStringLiteral("temporarily_unavailable")
            << QByteArrayList{"not available right now", "sign-in is kept"} << 1;
}

void FaultMatrix::tokenEndpointFaultKeepsTheStoredSignIn()
{
    QFETCH(QString, fault);
    QFETCH(QByteArrayList, says);
    QFETCH(int, refreshRequests);

    // Past the expiry: with a still-valid access token a failed refresh rightly hands it out.
    const Step stored = storeSignIn(kProfile, madeUpTokens(QStringLiteral("fault")));
    QVERIFY2(stored, stored.why());
    const Step expired = expireStoredTokens(kProfile);
    QVERIFY2(expired, expired.why());
    const auto before = keychainSecret(keychainUser(kProfile));
    QVERIFY2(before, "no tokens in the keychain");

    auto settings = chartkeySettings();
    const QString tokenUrlKey = QStringLiteral("profiles/") + kProfile
            + QStringLiteral("/tokenUrl");
    const QVariant tokenUrl = settings->value(tokenUrlKey);
    if (fault == QLatin1String("refused")) {
        const quint16 closed = closedLoopbackPort();
        QVERIFY(closed > 0);
        settings->setValue(tokenUrlKey,
                           QUrl(QStringLiteral("http://127.0.0.1:%1/auth/token/").arg(closed)));
        settings->sync();
    } else {
        m_sandbox.failNext(QStringLiteral("token"), 1, fault);
    }
    QElapsedTimer clock;
    clock.start();
    const CliRun token = runCli({QStringLiteral("token"), QStringLiteral("--timeout"),
                                 QStringLiteral("2")},
                                {}, 30000);
    const qint64 elapsed = clock.elapsed();
    if (fault == QLatin1String("refused")) {
        settings->setValue(tokenUrlKey, tokenUrl);
        settings->sync();
    }
    m_sandbox.failNext(QStringLiteral("token"), 0, QStringLiteral("500"));

    QCOMPARE(token.exitCode, 1);
    QVERIFY2(token.out.isEmpty(), "token printed something on stdout although it failed");
    for (const QByteArray &words : std::as_const(says))
        QVERIFY2(token.err.contains(words), ("no \"" + words + "\": " + describe(token)).constData());
    QVERIFY2(!token.err.contains("chartkey login"), describe(token).constData());
    QVERIFY2(elapsed < 10000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("refresh_token")), refreshRequests);

    const auto after = keychainSecret(keychainUser(kProfile));
    QVERIFY2(after, "the fault removed the tokens from the keychain");
    QVERIFY2(*after == *before, "the fault changed the keychain item");
}

// SIGKILL while `chartkey token` waits on the refresh: the refresh token sent was never
// consumed (the sandbox holds the request before the OAuth server sees it), the keychain
// still holds it, and the next start refreshes once and succeeds; the crashed process's
// profile lock does not make it wait.
//
// NOT covered (an inherent race, documented, not measured): the server rotates the refresh
// token and the process dies after the answer arrived but before the keychain write ends.
// The new refresh token is then lost and the stored one is already used; on the next start
// the server's reuse detection answers invalid_grant and revokes the grant, so chartkey asks
// to sign in again. Nothing on the client can close that window; it is one write long.
void FaultMatrix::killedDuringARefreshIsNotSignedOutByIt()
{
    const Step signedIn = signInThroughConsent(m_sandbox, kProfile);
    QVERIFY2(signedIn, signedIn.why());
    const Step expired = expireStoredTokens(kProfile);
    QVERIFY2(expired, expired.why());
    const auto before = keychainSecret(keychainUser(kProfile));
    QVERIFY2(before, "no tokens in the keychain");
    const QJsonObject stored = storedTokens(*before);

    m_sandbox.resetStats();
    m_sandbox.failNext(QStringLiteral("token"), 1, QStringLiteral("hang"));
    std::unique_ptr<QProcess> token(startCli({QStringLiteral("token"), QStringLiteral("--timeout"),
                                              QStringLiteral("60")}));
    QVERIFY2(waitForTokenRequests(QStringLiteral("refresh_token"), 1),
             "the refresh never reached the token endpoint");
    QVERIFY2(token->state() == QProcess::Running, "token ended before it could be killed");
    // No sign-in, no listener: a process busy with a refresh listens on nothing.
    QCOMPARE(listeningPortsOf(token->processId()), QList<quint16>{});
    token->kill(); // SIGKILL
    QVERIFY(token->waitForFinished(10000));
    QCOMPARE(token->exitStatus(), QProcess::CrashExit);
    m_sandbox.failNext(QStringLiteral("token"), 0, QStringLiteral("500"));

    const auto afterCrash = keychainSecret(keychainUser(kProfile));
    QVERIFY2(afterCrash, "the crash left no tokens in the keychain");
    QVERIFY2(*afterCrash == *before, "the keychain item changed during the killed refresh");

    m_sandbox.resetStats();
    QElapsedTimer clock;
    clock.start();
    const CliRun next = runCli({QStringLiteral("token")}, {}, 60000);
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(next.exitCode == 0, describe(next).constData());
    rememberSecret(next.out.trimmed());
    QVERIFY2(elapsed < 10000, qPrintable(QStringLiteral("the next start took %1 ms (waiting on "
                                                        "the crashed process's lock?)")
                                                 .arg(elapsed)));
    const QJsonObject stats = m_sandbox.stats();
    QCOMPARE(tokenCount(stats, QStringLiteral("refresh_token")), 1);
    QCOMPARE(tokenCount(stats, QStringLiteral("total")), 1);
    const auto renewed = storedTokensOf(kProfile);
    QVERIFY(renewed);
    QVERIFY2(renewed->value(QStringLiteral("access_token")).toString()
                     == QString::fromUtf8(next.out.trimmed()),
             "the printed token is not the stored one");
    QVERIFY2(renewed->value(QStringLiteral("refresh_token"))
                     != stored.value(QStringLiteral("refresh_token")),
             "the refresh token was not rotated");
}

// `chartkey note lock NOTE` with an API fault: done exactly once, or said not done (or "may
// or may not" when no answer came), and the note's state and the number of requests the
// EHR acted on agree. A note reported not done is then locked by a retry exactly once.
void FaultMatrix::apiFaultLeavesTheNoteDoneOnceOrNotDone_data()
{
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArrayList>("says");
    QTest::addColumn<bool>("done");
    QTest::addColumn<int>("refreshes");

    // A 401 was not carried out: renew once, send once more.
    QTest::newRow("401 once: renewed, done once")
            << QStringLiteral("note-101-1") << QStringLiteral("401") << 1 << 0
            << QByteArrayList{"done", "locked"} << true << 1;
    QTest::newRow("401 twice: sign in again, not done")
            << QStringLiteral("note-102-1") << QStringLiteral("401") << 2 << 3
            << QByteArrayList{"was not done", "Sign in again"} << false << 1;
    QTest::newRow("403: not authorized")
            << QStringLiteral("note-103-1") << QStringLiteral("403") << 1 << 1
            << QByteArrayList{"Not authorized", "Forbidden"} << false << 0;
    QTest::newRow("404: not found")
            << QStringLiteral("note-104-1") << QStringLiteral("404") << 1 << 1
            << QByteArrayList{"was not found", "note-104-1"} << false << 0;
    QTest::newRow("409: not possible now")
            << QStringLiteral("note-105-1") << QStringLiteral("409") << 1 << 1
            << QByteArrayList{"not possible", "Conflict"} << false << 0;
    QTest::newRow("429 + Retry-After: not done, try again in 2 s")
            << QStringLiteral("note-106-1") << QStringLiteral("429") << 1 << 1
            << QByteArrayList{"was not done", "Try again in 2 s"} << false << 0;
    QTest::newRow("503 + Retry-After: not done, try again in 1 s")
            << QStringLiteral("note-107-1") << QStringLiteral("503") << 1 << 1
            << QByteArrayList{"was not done", "Try again in 1 s"} << false << 0;
    QTest::newRow("500: may not have been done, check")
            << QStringLiteral("note-108-1") << QStringLiteral("500") << 1 << 1
            << QByteArrayList{"may not have been done", "Check the note"} << false << 0;
    QTest::newRow("hang: may or may not, check")
            << QStringLiteral("note-109-1") << QStringLiteral("hang") << 1 << 1
            << QByteArrayList{"may or may not have been done", "Check the note"} << false << 0;
}

void FaultMatrix::apiFaultLeavesTheNoteDoneOnceOrNotDone()
{
    QFETCH(QString, note);
    QFETCH(QString, mode);
    QFETCH(int, count);
    QFETCH(int, exitCode);
    QFETCH(QByteArrayList, says);
    QFETCH(bool, done);
    QFETCH(int, refreshes);

    const Step signedIn = signInThroughConsent(m_sandbox, kProfile);
    QVERIFY2(signedIn, signedIn.why());
    QCOMPARE(m_sandbox.noteState(note).value(QStringLiteral("state")).toString(),
             QStringLiteral("new"));
    const auto before = keychainSecret(keychainUser(kProfile));
    QVERIFY2(before, "no tokens in the keychain");

    m_sandbox.resetStats();
    m_sandbox.failNext(QStringLiteral("api"), count, mode);
    QElapsedTimer clock;
    clock.start();
    const CliRun run = runCli({QStringLiteral("note"), QStringLiteral("lock"), note,
                               QStringLiteral("--timeout"), QStringLiteral("2")},
                              {}, 30000);
    const qint64 elapsed = clock.elapsed();
    m_sandbox.failNext(QStringLiteral("api"), 0, QStringLiteral("500"));

    QCOMPARE(run.exitCode, exitCode);
    for (const QByteArray &words : std::as_const(says))
        QVERIFY2(both(run).contains(words), ("no \"" + words + "\": " + describe(run)).constData());
    QVERIFY2(elapsed < 10000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    QVERIFY2(both(run).contains(note.toUtf8()), describe(run).constData());

    const QJsonObject state = m_sandbox.noteState(note);
    const int locks = state.value(QStringLiteral("actions")).toObject()
                              .value(QStringLiteral("lock")).toInt();
    QCOMPARE(locks, done ? 1 : 0);
    QCOMPARE(state.value(QStringLiteral("state")).toString(),
             done ? QStringLiteral("locked") : QStringLiteral("new"));
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("refresh_token")), refreshes);

    // An API fault never costs the sign-in.
    const auto after = keychainSecret(keychainUser(kProfile));
    QVERIFY2(after, "an API fault removed the tokens from the keychain");
    if (refreshes == 0)
        QVERIFY2(*after == *before, "the keychain item changed without a refresh");

    if (done)
        return;
    // Not done: doing it again does it, once.
    const CliRun retry = runCli({QStringLiteral("note"), QStringLiteral("lock"), note});
    QVERIFY2(retry.exitCode == 0, describe(retry).constData());
    const QJsonObject retried = m_sandbox.noteState(note);
    QCOMPARE(retried.value(QStringLiteral("actions")).toObject()
                     .value(QStringLiteral("lock")).toInt(), 1);
    QCOMPARE(retried.value(QStringLiteral("state")).toString(), QStringLiteral("locked"));
}

// `chartkey patients` with an API fault: a 401 is renewed and retried unseen; anything
// else is named with the server's words, and the sign-in is kept.
void FaultMatrix::apiFaultOnAReadSaysWhatHappened_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArrayList>("says");
    QTest::addColumn<int>("refreshes");

    QTest::newRow("401: renewed and retried")
            << QStringLiteral("401") << 0 << QByteArrayList{"3 patient(s) shown"} << 1;
    QTest::newRow("403") << QStringLiteral("403") << 1
                         << QByteArrayList{"does not allow this read", "Forbidden"} << 0;
    QTest::newRow("404") << QStringLiteral("404") << 1
                         << QByteArrayList{"HTTP 404", "Not found"} << 0;
    QTest::newRow("429") << QStringLiteral("429") << 1
                         << QByteArrayList{"HTTP 429", "Too many requests"} << 0;
    QTest::newRow("503") << QStringLiteral("503") << 1 << QByteArrayList{"HTTP 503"} << 0;
}

void FaultMatrix::apiFaultOnAReadSaysWhatHappened()
{
    QFETCH(QString, mode);
    QFETCH(int, exitCode);
    QFETCH(QByteArrayList, says);
    QFETCH(int, refreshes);

    const Step signedIn = signInThroughConsent(m_sandbox, kProfile);
    QVERIFY2(signedIn, signedIn.why());
    m_sandbox.resetStats();
    m_sandbox.failNext(QStringLiteral("api"), 1, mode);
    const CliRun run = runCli({QStringLiteral("patients"), QStringLiteral("--name"),
                               QStringLiteral("Briddle"), QStringLiteral("--timeout"),
                               QStringLiteral("2")},
                              {}, 30000);
    m_sandbox.failNext(QStringLiteral("api"), 0, QStringLiteral("500"));
    QCOMPARE(run.exitCode, exitCode);
    for (const QByteArray &words : std::as_const(says))
        QVERIFY2(both(run).contains(words), ("no \"" + words + "\": " + describe(run)).constData());
    if (exitCode != 0)
        QVERIFY2(run.out.isEmpty(), "a failed search printed results");
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("refresh_token")), refreshes);
    QVERIFY2(storedTokensOf(kProfile), "an API fault removed the tokens from the keychain");
}

QTEST_GUILESS_MAIN(FaultMatrix)
#include "tst_fault_matrix.moc"

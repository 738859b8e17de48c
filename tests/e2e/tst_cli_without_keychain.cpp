// No Secret Service at all (with-peers.sh --no-keyring: no D-Bus session): chartkey keeps
// tokens and client secrets only in the keychain, so it says so, fails cleanly, does not
// hang, and writes no secret anywhere else. Each test function starts from nothing but the
// public client's profile (init()); the sign-in goes through the consent client.
#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"
#include "signedin.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTest>

using namespace chartkey::test;
using namespace chartkey::test::e2e;

class CliWithoutKeychain final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void signInCompletesInTheBrowserButCannotBeStored();
    void tokenFailsQuicklyWithTheKeychainMessage();
    void confidentialProfileIsNotAddedAndItsSecretNotWritten();

private:
    Sandbox m_sandbox;
};

void CliWithoutKeychain::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
}

void CliWithoutKeychain::init()
{
    // A public client's profile is settings only: no keychain needed.
    const Step started = startWithPublicProfile(m_sandbox, QStringLiteral("Sandbox"));
    QVERIFY2(started, started.why());
    const CliRun list = runCli({QStringLiteral("profile"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.startsWith("Sandbox\t"));
}

void CliWithoutKeychain::signInCompletesInTheBrowserButCannotBeStored()
{
    const CliRun login = runCli({QStringLiteral("login"), QStringLiteral("--browser"),
                                 m_sandbox.consent},
                                {}, 90000);
    QCOMPARE(login.exitCode, 1);
    // The browser step and the code exchange did happen.
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("authorization_code")), 1);
    QVERIFY2(login.err.contains("No keychain is available"), describe(login).constData());
    QVERIFY2(login.err.contains("Secret Service"), describe(login).constData());
    // The tokens that could not be kept are revoked, leaving no live grant behind.
    QVERIFY2(login.err.contains("were revoked at the EHR"), describe(login).constData());
    QCOMPARE(m_sandbox.stats().value(QStringLiteral("revocation")).toInt(), 1);
    QVERIFY2(!login.err.contains("Signed in to"), describe(login).constData());

    // Nothing went to a file instead.
    const QStringList leaks = filesContaining(userDirectories(),
                                              {QByteArrayLiteral("refresh_token"),
                                               QByteArrayLiteral("access_token")});
    QVERIFY2(leaks.isEmpty(),
             qPrintable(QStringLiteral("token JSON in: ") + leaks.join(QStringLiteral(", "))));
}

void CliWithoutKeychain::tokenFailsQuicklyWithTheKeychainMessage()
{
    QElapsedTimer clock;
    clock.start();
    const CliRun token = runCli({QStringLiteral("token")}, {}, 30000);
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(!token.timedOut, "token hung");
    QVERIFY2(elapsed < 20000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    QCOMPARE(token.exitCode, 1); // a keychain problem, not "sign in" (3): signing in won't help
    QVERIFY(token.out.isEmpty());
    QVERIFY2(token.err.contains("No keychain is available"), describe(token).constData());
}

void CliWithoutKeychain::confidentialProfileIsNotAddedAndItsSecretNotWritten()
{
    const QByteArray secret = m_sandbox.confidentialSecret.toUtf8();
    QVERIFY(!secret.isEmpty());
    const CliRun add = runCli({QStringLiteral("profile"), QStringLiteral("add"),
                               QStringLiteral("Conf"), QStringLiteral("--instance"),
                               m_sandbox.instance.toString(), QStringLiteral("--fhir-base"),
                               m_sandbox.fhirBase.toString(), QStringLiteral("--client-id"),
                               m_sandbox.confidentialClientId,
                               QStringLiteral("--client-secret-stdin")},
                              secret + '\n', 30000);
    QVERIFY2(!add.timedOut, "profile add hung");
    QCOMPARE(add.exitCode, 1);
    QVERIFY2(add.err.contains("No keychain is available"), describe(add).constData());
    QVERIFY2(add.err.contains("not added"), describe(add).constData());
    QVERIFY2(!add.out.contains(secret) && !add.err.contains(secret), "the secret was printed");

    const CliRun show = runCli({QStringLiteral("profile"), QStringLiteral("show"),
                                QStringLiteral("Conf")});
    QCOMPARE(show.exitCode, 1);
    const CliRun list = runCli({QStringLiteral("profile"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(!list.out.contains("Conf"), list.out.constData());

    int scanned = 0;
    const QStringList leaks = filesContaining(userDirectories(), {secret}, &scanned);
    QVERIFY2(leaks.isEmpty(),
             qPrintable(QStringLiteral("client secret in: ") + leaks.join(QStringLiteral(", "))));
    QVERIFY(scanned > 0);
}

QTEST_GUILESS_MAIN(CliWithoutKeychain)
#include "tst_cli_without_keychain.moc"

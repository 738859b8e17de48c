// Several chartkey processes need a token at the same moment the stored one is due: the
// profile lock makes exactly one of them spend the single-use refresh token, the others
// re-read the keychain and print the renewed token. The sign-in is made through the consent
// client; each round makes the stored token due by rewriting its expiry in the keychain
// (makeStoredTokensDue), instead of waiting for a short-lived token to fall due.
#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"
#include "signedin.h"

#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>
#include <vector>

using namespace chartkey::test;
using namespace chartkey::test::e2e;

namespace {

constexpr int kProcesses = 4;
constexpr int kRounds = 2;
const QString kProfile = QStringLiteral("Sandbox");

} // namespace

class CliConcurrency final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void concurrentProcessesShareOneRefreshPerRound();

private:
    // Starts kProcesses `chartkey token` at once; returns their outputs, or fails.
    bool runRound(int round, QString *token, QByteArray *problem);

    Sandbox m_sandbox;
};

void CliConcurrency::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
}

void CliConcurrency::init()
{
    const Step started = startWithPublicProfile(m_sandbox, kProfile);
    QVERIFY2(started, started.why());
    const Step signedIn = signInThroughConsent(m_sandbox, kProfile);
    QVERIFY2(signedIn, signedIn.why());
}

bool CliConcurrency::runRound(int round, QString *token, QByteArray *problem)
{
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < kProcesses; ++i)
        processes.emplace_back(startCli({QStringLiteral("token")}));
    QStringList tokens;
    for (int i = 0; i < kProcesses; ++i) {
        QProcess *p = processes[size_t(i)].get();
        if (!p->waitForFinished(60000)) {
            p->kill();
            p->waitForFinished();
            *problem = "round " + QByteArray::number(round) + ": process "
                    + QByteArray::number(i) + " did not finish within 60 s";
            return false;
        }
        const QByteArray err = p->readAllStandardError();
        if (p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0) {
            *problem = "round " + QByteArray::number(round) + ": process "
                    + QByteArray::number(i) + " exit " + QByteArray::number(p->exitCode())
                    + "; stderr: " + redacted(err);
            return false;
        }
        const QString printed = QString::fromUtf8(p->readAllStandardOutput().trimmed());
        rememberSecret(printed);
        tokens << printed;
    }
    for (const QString &t : std::as_const(tokens)) {
        if (t.isEmpty() || t != tokens.first()) {
            *problem = "round " + QByteArray::number(round)
                    + ": the processes printed different tokens";
            return false;
        }
    }
    *token = tokens.first();
    return true;
}

void CliConcurrency::concurrentProcessesShareOneRefreshPerRound()
{
    m_sandbox.resetStats();
    for (int round = 1; round <= kRounds; ++round) {
        const Step due = makeStoredTokensDue(kProfile);
        QVERIFY2(due, due.why());
        const auto before = storedTokensOf(kProfile);
        QVERIFY2(before, "no tokens in the keychain");
        QVERIFY2(dueAt(*before).isValid(), "the stored tokens have no expiry");
        QVERIFY2(dueAt(*before) <= QDateTime::currentDateTimeUtc(), "the stored token is not due");

        QString token;
        QByteArray problem;
        QVERIFY2(runRound(round, &token, &problem), problem.constData());
        QVERIFY2(token != before->value(QStringLiteral("access_token")).toString(),
                 "the processes printed the due token instead of a renewed one");
        QVERIFY2(QDateTime::currentDateTimeUtc() < expiresAt(*before),
                 "the round took until the expiry; it would not test a due token");
        const auto after = storedTokensOf(kProfile);
        QVERIFY2(after, "the tokens left the keychain");
        QVERIFY2(after->value(QStringLiteral("access_token")).toString() == token,
                 "the printed token is not the one in the keychain");
        QVERIFY2(after->value(QStringLiteral("refresh_token")).toString()
                         != before->value(QStringLiteral("refresh_token")).toString(),
                 "the refresh token was not rotated");
        QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("refresh_token")), round);
    }
    const QJsonObject stats = m_sandbox.stats();
    const int requests = tokenCount(stats, QStringLiteral("total"));
    qInfo("token requests: %d (minimum %d) for %d rounds of %d processes", requests, kRounds,
          kRounds, kProcesses);
    QCOMPARE(requests, kRounds);
}

QTEST_GUILESS_MAIN(CliConcurrency)
#include "tst_cli_concurrency.moc"

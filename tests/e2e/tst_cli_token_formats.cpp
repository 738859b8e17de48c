// `chartkey token --format bare|header|json` and `--min-valid SECONDS` against the sandbox:
// each format says the stored token and nothing more (never the refresh token nor the ID
// token); the header works as curl's -H; a --min-valid larger than what is left renews once,
// also for several processes at once, and a smaller one does not.
#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

#include <memory>
#include <vector>

using namespace chartkey::test;
using namespace chartkey::test::e2e;

namespace {

const QString kProfile = QStringLiteral("Sandbox");

QStringList token(const QStringList &more = {})
{
    return QStringList{QStringLiteral("token")} + more;
}

qint64 secondsLeft(const QJsonObject &stored)
{
    return QDateTime::currentDateTimeUtc().secsTo(expiresAt(stored));
}

} // namespace

class CliTokenFormats final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bareIsTheTokenAlone();
    void headerIsAnAuthorizationLineForCurl();
    void jsonSaysTheTokenItsExpiryAndScopeButNoOtherToken();
    void aStaticTokenHasNoExpiryInJson();
    void minValidSmallerThanWhatIsLeftDoesNotRenew();
    void minValidLargerThanWhatIsLeftRenewsOnce();
    void minValidRenewsOnceForSeveralProcessesAtOnce();
    void minValidBeyondTheEhrsLifetimeRenewsOnceAndSaysSo();

private:
    QJsonObject stored() const;

    Sandbox m_sandbox;
};

void CliTokenFormats::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
    const CliRun add = runCli(addProfileArgs(m_sandbox, kProfile));
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    // Tokens of this sign-in last 10 minutes: due for renewal 150 s before they end.
    m_sandbox.setAccessTtl(600);
    const CliRun login = runCli({QStringLiteral("login"), QStringLiteral("--browser"),
                                 m_sandbox.consent},
                                {}, 90000);
    QVERIFY2(login.exitCode == 0, describe(login).constData());
    QVERIFY(!stored().isEmpty());
}

QJsonObject CliTokenFormats::stored() const
{
    return storedTokensOf(kProfile).value_or(QJsonObject());
}

void CliTokenFormats::bareIsTheTokenAlone()
{
    const QString access = stored().value(QStringLiteral("access_token")).toString();
    for (const QStringList &args : {token(), token({QStringLiteral("--format"), QStringLiteral("bare")})}) {
        const CliRun run = runCli(args);
        QVERIFY2(run.exitCode == 0, describe(run).constData());
        QCOMPARE(run.out, access.toUtf8() + '\n');
        QVERIFY(run.err.isEmpty());
    }
}

void CliTokenFormats::headerIsAnAuthorizationLineForCurl()
{
    const QString access = stored().value(QStringLiteral("access_token")).toString();
    const CliRun run = runCli(token({QStringLiteral("--format"), QStringLiteral("header")}));
    QVERIFY2(run.exitCode == 0, describe(run).constData());
    QCOMPARE(run.out, "Authorization: Bearer " + access.toUtf8() + '\n');

    // curl -H "$(chartkey token --format header)" URL
    m_sandbox.resetStats();
    const CliRun curl = runProgram(
            QStringLiteral("curl"),
            {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
             QStringLiteral("-w"), QStringLiteral("%{http_code}"), QStringLiteral("-H"),
             QString::fromUtf8(run.out.trimmed()),
             m_sandbox.fhirBase.toString() + QStringLiteral("/Patient?_count=1")});
    QCOMPARE(curl.out, QByteArray("200"));
    QCOMPARE(m_sandbox.apiResponses(200), 1);
}

void CliTokenFormats::jsonSaysTheTokenItsExpiryAndScopeButNoOtherToken()
{
    const QJsonObject keychain = stored();
    const QString refresh = keychain.value(QStringLiteral("refresh_token")).toString();
    QVERIFY(!refresh.isEmpty());
    for (const QStringList &args :
         {token({QStringLiteral("--format"), QStringLiteral("json")}),
          token({QStringLiteral("--json")}),
          token({QStringLiteral("--json"), QStringLiteral("--format=json")})}) {
        const CliRun run = runCli(args);
        QVERIFY2(run.exitCode == 0, describe(run).constData());
        QVERIFY2(!run.out.contains(refresh.toUtf8()), "the refresh token was printed");
        QVERIFY2(!run.out.contains("refresh_token") && !run.out.contains("id_token"),
                 redacted(run.out).constData());
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(run.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QStringList keys = o.keys();
        QCOMPARE(QSet<QString>(keys.begin(), keys.end()),
                 (QSet<QString>{QStringLiteral("access_token"), QStringLiteral("token_type"),
                                QStringLiteral("expires_at"), QStringLiteral("scope")}));
        QCOMPARE(o.value(QStringLiteral("access_token")).toString(),
                 keychain.value(QStringLiteral("access_token")).toString());
        QCOMPARE(o.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(o.value(QStringLiteral("scope")).toString(),
                 keychain.value(QStringLiteral("scope")).toString());
        const QDateTime expires = QDateTime::fromString(
                o.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
        QVERIFY2(expires.isValid(), run.err.constData());
        QVERIFY(qAbs(expires.secsTo(expiresAt(keychain))) <= 1);
    }
    // --json and another format contradict each other: a usage error.
    const CliRun both = runCli(token({QStringLiteral("--json"), QStringLiteral("--format"),
                                      QStringLiteral("header")}));
    QCOMPARE(both.exitCode, 2);
    QVERIFY(both.out.isEmpty());
}

void CliTokenFormats::aStaticTokenHasNoExpiryInJson()
{
    const QString minted = m_sandbox.mintStaticToken(QStringLiteral("canvas"));
    QVERIFY(!minted.isEmpty());
    rememberSecret(minted);
    const CliRun add = runCli({QStringLiteral("profile"), QStringLiteral("add"),
                               QStringLiteral("Static"), QStringLiteral("--preset"),
                               QStringLiteral("canvas-sandbox-token"), QStringLiteral("--instance"),
                               m_sandbox.instance.toString(), QStringLiteral("--fhir-base"),
                               m_sandbox.fhirBase.toString()});
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    const CliRun set = runCli({QStringLiteral("profile"), QStringLiteral("set-token"),
                               QStringLiteral("Static")},
                              minted.toUtf8() + '\n');
    QVERIFY2(set.exitCode == 0, describe(set).constData());
    const CliRun run = runCli(token({QStringLiteral("--profile"), QStringLiteral("Static"),
                                     QStringLiteral("--format"), QStringLiteral("json"),
                                     QStringLiteral("--min-valid"), QStringLiteral("3600")}));
    QVERIFY2(run.exitCode == 0, describe(run).constData());
    const QJsonObject o = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(o.value(QStringLiteral("access_token")).toString(), minted);
    QVERIFY(o.value(QStringLiteral("expires_at")).isNull());
    QVERIFY(run.err.isEmpty()); // nothing to renew, nothing to warn about
    const CliRun remove = runCli({QStringLiteral("profile"), QStringLiteral("remove"),
                                  QStringLiteral("Static")});
    QVERIFY2(remove.exitCode == 0, describe(remove).constData());
}

void CliTokenFormats::minValidSmallerThanWhatIsLeftDoesNotRenew()
{
    const QJsonObject before = stored();
    QVERIFY(secondsLeft(before) > 400);
    m_sandbox.resetStats();
    const CliRun run = runCli(token({QStringLiteral("--min-valid"), QStringLiteral("300")}));
    QVERIFY2(run.exitCode == 0, describe(run).constData());
    QCOMPARE(QString::fromUtf8(run.out.trimmed()),
             before.value(QStringLiteral("access_token")).toString());
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 0);
    QVERIFY(run.err.isEmpty());
}

void CliTokenFormats::minValidLargerThanWhatIsLeftRenewsOnce()
{
    // Renewed tokens last an hour from now on: more than the 20 minutes asked for.
    m_sandbox.setAccessTtl(3600);
    const QJsonObject before = stored();
    QVERIFY(secondsLeft(before) < 1200);
    m_sandbox.resetStats();
    const CliRun run = runCli(token({QStringLiteral("--min-valid"), QStringLiteral("1200"),
                                     QStringLiteral("--format"), QStringLiteral("json")}));
    QVERIFY2(run.exitCode == 0, describe(run).constData());
    QVERIFY2(run.err.isEmpty(), describe(run).constData());
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("refresh_token")), 1);
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 1);
    const QJsonObject after = stored();
    const QString printed = QJsonDocument::fromJson(run.out).object()
                                    .value(QStringLiteral("access_token")).toString();
    rememberSecret(printed);
    QVERIFY(printed != before.value(QStringLiteral("access_token")).toString());
    QCOMPARE(printed, after.value(QStringLiteral("access_token")).toString());
    QVERIFY(secondsLeft(after) >= 1200);

    // Asked again: the renewed token is valid long enough.
    m_sandbox.resetStats();
    const CliRun again = runCli(token({QStringLiteral("--min-valid"), QStringLiteral("1200")}));
    QVERIFY2(again.exitCode == 0, describe(again).constData());
    QCOMPARE(QString::fromUtf8(again.out.trimmed()), printed);
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 0);
}

void CliTokenFormats::minValidRenewsOnceForSeveralProcessesAtOnce()
{
    // About an hour is left; four processes ask for 90 minutes; tokens now last two hours.
    m_sandbox.setAccessTtl(7200);
    QVERIFY(secondsLeft(stored()) < 5400);
    m_sandbox.resetStats();
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < 4; ++i)
        processes.emplace_back(startCli(token({QStringLiteral("--min-valid"), QStringLiteral("5400")})));
    QSet<QByteArray> printed;
    for (const auto &p : processes) {
        QVERIFY(p->waitForFinished(60000));
        QCOMPARE(p->exitCode(), 0);
        const QByteArray out = p->readAllStandardOutput().trimmed();
        rememberSecret(out);
        printed.insert(out);
    }
    QCOMPARE(printed.size(), 1);
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("refresh_token")), 1);
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 1);
    QCOMPARE(*printed.begin(), stored().value(QStringLiteral("access_token")).toString().toUtf8());
}

void CliTokenFormats::minValidBeyondTheEhrsLifetimeRenewsOnceAndSaysSo()
{
    // The EHR's tokens last 10 minutes again; more than two hours are asked for.
    m_sandbox.setAccessTtl(600);
    m_sandbox.resetStats();
    const CliRun run = runCli(token({QStringLiteral("--min-valid"), QStringLiteral("7300")}));
    QVERIFY2(run.exitCode == 0, describe(run).constData());
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("refresh_token")), 1);
    QVERIFY2(run.err.contains("sooner than --min-valid 7300"), describe(run).constData());
    QCOMPARE(QString::fromUtf8(run.out.trimmed()),
             stored().value(QStringLiteral("access_token")).toString());
}

QTEST_GUILESS_MAIN(CliTokenFormats)
#include "tst_cli_token_formats.moc"

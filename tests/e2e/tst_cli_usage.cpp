// The command line's contract for mistakes: exit status 2 for usage errors, 1 with a hint
// when the profile is missing or ambiguous; --version and --help; global options before or
// after the command. tst_cli_usage_errors.cpp has every usage error, and what it leaves alone.
// Each test function starts without any profile (init()) and adds what it needs.
#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"
#include "signedin.h"

#include <QRegularExpression>
#include <QTest>

using namespace chartkey::test;
using namespace chartkey::test::e2e;

class CliUsage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void versionPrintsTheProgramAndVersion();
    void helpListsTheCommands();
    void unknownCommandIsAUsageError();
    void unknownNoteActionIsAUsageError();
    void plainHttpInstanceOnAnotherHostIsRefusedAskingForHttps();
    void tokenWithoutProfilesSaysHowToAddOne();
    void tokenWithTwoProfilesAndNoChoiceListsThem();
    void globalOptionsGoBeforeOrAfterTheCommand();

private:
    Sandbox m_sandbox;
};

void CliUsage::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
}

void CliUsage::init()
{
    const Step scratch = startFromScratch(m_sandbox);
    QVERIFY2(scratch, scratch.why());
}

void CliUsage::versionPrintsTheProgramAndVersion()
{
    const CliRun run = runCli({QStringLiteral("--version")});
    QCOMPARE(run.exitCode, 0);
    static const QRegularExpression line(QStringLiteral("^chartkey \\d+\\.\\d+\\.\\d+\\n$"));
    QVERIFY2(line.match(QString::fromUtf8(run.out)).hasMatch(), run.out.constData());
    QVERIFY(run.err.isEmpty());
}

void CliUsage::helpListsTheCommands()
{
    const CliRun run = runCli({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("Usage: chartkey"));
    for (const char *command : {"profile add", "login", "token", "status", "logout", "patients",
                                "note ACTION", "Exit status"})
        QVERIFY2(run.out.contains(command), command);
}

void CliUsage::unknownCommandIsAUsageError()
{
    const CliRun run = runCli({QStringLiteral("frobnicate")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("frobnicate") && run.err.contains("chartkey --help"),
             describe(run).constData());
    QVERIFY(run.out.isEmpty());
}

void CliUsage::unknownNoteActionIsAUsageError()
{
    const CliRun run = runCli({QStringLiteral("note"), QStringLiteral("frobnicate"),
                               QStringLiteral("note-1-1")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("lock-sign"), describe(run).constData());
}

void CliUsage::plainHttpInstanceOnAnotherHostIsRefusedAskingForHttps()
{
    const CliRun run = runCli({QStringLiteral("profile"), QStringLiteral("add"),
                               QStringLiteral("Remote"), QStringLiteral("--instance"),
                               QStringLiteral("http://ehr.example.com"),
                               QStringLiteral("--fhir-base"),
                               QStringLiteral("https://fhir.example.com"),
                               QStringLiteral("--client-id"), QStringLiteral("x")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("https://"), describe(run).constData());
    const CliRun list = runCli({QStringLiteral("profile"), QStringLiteral("list")});
    QVERIFY2(!list.out.contains("Remote"), "the refused profile was saved");
}

void CliUsage::tokenWithoutProfilesSaysHowToAddOne()
{
    const CliRun run = runCli({QStringLiteral("token")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("chartkey profile add"), describe(run).constData());
    QVERIFY(run.out.isEmpty());
}

void CliUsage::tokenWithTwoProfilesAndNoChoiceListsThem()
{
    for (const QString &name : {QStringLiteral("Alpha"), QStringLiteral("Beta")}) {
        const Step added = addPublicProfile(m_sandbox, name);
        QVERIFY2(added, added.why());
    }
    const CliRun run = runCli({QStringLiteral("token")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("Alpha") && run.err.contains("Beta")
                     && run.err.contains("--profile"),
             describe(run).constData());

    // Naming one gets past the choice (to "not signed in").
    const CliRun chosen = runCli({QStringLiteral("token"), QStringLiteral("--profile"),
                                  QStringLiteral("Beta")});
    QCOMPARE(chosen.exitCode, 3);
    QVERIFY2(chosen.err.contains("--profile \"Beta\""), describe(chosen).constData());
}

void CliUsage::globalOptionsGoBeforeOrAfterTheCommand()
{
    // Two profiles, so that --profile has to choose; Beta is signed out: each form gets as
    // far as saying so.
    for (const QString &name : {QStringLiteral("Alpha"), QStringLiteral("Beta")}) {
        const Step added = addPublicProfile(m_sandbox, name);
        QVERIFY2(added, added.why());
    }
    const QList<QStringList> forms = {
            {QStringLiteral("--profile"), QStringLiteral("Beta"), QStringLiteral("token")},
            {QStringLiteral("token"), QStringLiteral("--profile"), QStringLiteral("Beta")},
            {QStringLiteral("token"), QStringLiteral("--profile=Beta")},
            {QStringLiteral("--timeout"), QStringLiteral("5"), QStringLiteral("token"),
             QStringLiteral("-v"), QStringLiteral("--profile"), QStringLiteral("Beta")},
            {QStringLiteral("--profile"), QStringLiteral("Beta"), QStringLiteral("--json"),
             QStringLiteral("status")},
    };
    for (const QStringList &args : forms) {
        const CliRun run = runCli(args);
        QVERIFY2(run.exitCode == 3, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ")
                                               + QString::fromUtf8(describe(run))));
    }
    const CliRun status = runCli({QStringLiteral("status"), QStringLiteral("--json"),
                                  QStringLiteral("--profile"), QStringLiteral("Beta")});
    QVERIFY2(status.out.contains("\"profile\": \"Beta\""), status.out.constData());
}

QTEST_GUILESS_MAIN(CliUsage)
#include "tst_cli_usage.moc"

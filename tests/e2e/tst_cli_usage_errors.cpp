// A usage error acts on nothing. For every command and `profile` subcommand, each kind of
// mistake that applies to it (an option without its value, an unknown option, a missing or
// an extra argument, a malformed value, an unknown command or subcommand) exits 2, with the
// error and the command's synopsis on stderr and nothing on stdout, and leaves everything as
// it was: the keychain byte for byte and not even reached (no Secret Service message on the
// session bus), every file under the private home and XDG directories (the settings file
// among them), the sandbox's counters and its request log, and no browser opened.
//
// The one profile is signed in (its token set written to the keychain directly), so a
// command that went on after a mistake would act on it: `logout --profile` used to say
// "--profile needs a value." and then sign it out, with exit 0.
#include "cli.h"
#include "clie2e.h"
#include "resultspy.h"
#include "sandbox.h"

#include "auth/tokenset.h"
#include "profile/profilejson.h"
#include "storage/keychainstore.h"
#include "storage/profilestore.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace chartkey;
using namespace chartkey::test;
using namespace chartkey::test::e2e;

namespace {

const QString kProfile = QStringLiteral("Clinic");

// ---------------------------------------------------------------- the keychain's traffic

// The Secret Service (and KWallet) messages on the harness's private session bus, as
// dbus-monitor prints them: chartkey reaches the keychain through nothing else.
class KeychainTraffic final
{
public:
    KeychainTraffic() = default;
    ~KeychainTraffic()
    {
        m_monitor.kill();
        m_monitor.waitForFinished();
    }
    Q_DISABLE_COPY_MOVE(KeychainTraffic)

    bool start()
    {
        m_monitor.setProgram(QStringLiteral("dbus-monitor"));
        m_monitor.setArguments({QStringLiteral("--session"),
                                QStringLiteral("path_namespace='/org/freedesktop/secrets'"),
                                QStringLiteral("destination='org.freedesktop.secrets'"),
                                QStringLiteral("arg0='org.freedesktop.secrets'"),
                                QStringLiteral("path_namespace='/modules'"), // KWallet
                                QStringLiteral("arg0namespace='org.kde'"),
                                QStringLiteral("path='%1'").arg(kMarkPath)});
        m_monitor.start();
        if (!m_monitor.waitForStarted(5000))
            return false;
        // The monitor sees the bus only once it has become a monitor: mark until it does.
        for (int attempt = 0; attempt < 40; ++attempt) {
            if (takeSinceLastMark(250))
                return true;
        }
        return false;
    }

    // What went by since the previous call. A signal of our own ends it: once it is printed,
    // so is everything sent before it. nullopt when the mark never came (the watch is blind).
    std::optional<QByteArray> takeSinceLastMark(int timeoutMs = 10000)
    {
        const QByteArray mark = "\"chartkey-test-mark-" + QByteArray::number(++m_marks) + '"';
        runProgram(QStringLiteral("dbus-send"),
                   {QStringLiteral("--session"), QStringLiteral("--type=signal"), kMarkPath,
                    QStringLiteral("chartkey.test.Watch.Mark"),
                    QStringLiteral("string:") + QString::fromLatin1(mark.mid(1, mark.size() - 2))});
        QElapsedTimer waited;
        waited.start();
        while (!m_output.contains(mark) && waited.elapsed() < timeoutMs) {
            m_monitor.waitForReadyRead(100);
            m_output += m_monitor.readAllStandardOutput();
        }
        const qsizetype at = m_output.indexOf(mark);
        if (at < 0)
            return std::nullopt;
        const QByteArray seen = m_output.left(at);
        m_output = m_output.mid(at + mark.size());
        return seen;
    }

    static bool reachesKeychain(const QByteArray &traffic)
    {
        return traffic.contains("/org/freedesktop/secrets")
                || traffic.contains("org.freedesktop.secrets")
                || traffic.contains("org.freedesktop.Secret.") || traffic.contains("kwallet");
    }

private:
    static inline const QString kMarkPath = QStringLiteral("/chartkey/test/mark");
    QProcess m_monitor;
    QByteArray m_output;
    int m_marks = 0;
};

// ---------------------------------------------------------------- what a run may change

struct World
{
    QByteArray keychain;              // every chartkey item with its secret: never printed
    QMap<QString, QByteArray> files;  // path -> modification time and SHA-256 of the content
    QJsonObject stats;                // the sandbox's counters
    int requests = -1;                // the requests its servers received
};

World snapshot(const Sandbox &sandbox)
{
    World w;
    w.keychain = keychainListing();
    QStringList roots = userDirectories();
    if (const QString run = qEnvironmentVariable("XDG_RUNTIME_DIR"); !run.isEmpty())
        roots << run;
    for (const QString &root : std::as_const(roots)) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            // The time too: a file written again with the same bytes was written.
            const QByteArray written =
                    QByteArray::number(it.fileInfo().lastModified().toMSecsSinceEpoch());
            if (file.open(QIODevice::ReadOnly))
                w.files.insert(file.fileName(),
                               written + ' '
                                       + QCryptographicHash::hash(file.readAll(),
                                                                  QCryptographicHash::Sha256)
                                                 .toHex());
            else
                w.files.insert(file.fileName(), written + " unreadable");
        }
    }
    w.stats = sandbox.stats();
    w.requests = sandbox.requestsReceived();
    return w;
}

QStringList changedFiles(const World &before, const World &after)
{
    QStringList changed;
    QSet<QString> paths(before.files.keyBegin(), before.files.keyEnd());
    for (auto it = after.files.keyBegin(); it != after.files.keyEnd(); ++it)
        paths.insert(*it);
    for (const QString &path : std::as_const(paths)) {
        if (before.files.value(path) != after.files.value(path))
            changed << path;
    }
    changed.sort();
    return changed;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// `chartkey --help`'s commands: the leading lowercase words of each entry under "Commands:".
QStringList commandsInHelp(const QByteArray &help)
{
    QStringList commands;
    bool inCommands = false;
    static const QRegularExpression word(QStringLiteral("^[a-z][a-z-]*$"));
    for (const QByteArray &line : help.split('\n')) {
        if (line == "Commands:") {
            inCommands = true;
            continue;
        }
        if (!inCommands)
            continue;
        if (line.isEmpty())
            break;
        if (!line.startsWith("  ") || line.startsWith("   "))
            continue; // a continuation line
        QStringList path;
        for (const QString &w : QString::fromUtf8(line).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!word.match(w).hasMatch())
                break;
            path << w;
        }
        commands << path.join(QLatin1Char(' '));
    }
    return commands;
}

} // namespace

class CliUsageErrors final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theWatchesSeeWhatValidCommandsTouch();
    void optionWithoutItsValueIsAUsageErrorThatChangesNothing_data();
    void optionWithoutItsValueIsAUsageErrorThatChangesNothing();
    void unknownOptionIsAUsageErrorThatChangesNothing_data();
    void unknownOptionIsAUsageErrorThatChangesNothing();
    void missingOrExtraArgumentIsAUsageErrorThatChangesNothing_data();
    void missingOrExtraArgumentIsAUsageErrorThatChangesNothing();
    void malformedValueIsAUsageErrorThatChangesNothing_data();
    void malformedValueIsAUsageErrorThatChangesNothing();
    void unknownCommandIsAUsageErrorThatChangesNothing_data();
    void unknownCommandIsAUsageErrorThatChangesNothing();
    void everyCommandInTheHelpHasItsUsageErrorsTested();

private:
    // A command as the tests run it.
    struct Command
    {
        QString path;                 // "profile add"
        QStringList valid;            // arguments of a valid run: what it would act on
        QByteArray input;             // its standard input
        QString valueOption;          // one of its own options that takes a value, or empty
        bool takesMoreArguments = false; // note NOTE_ID..., help [COMMAND]...
        // The valid arguments with required ones left out, and what the error says.
        QList<std::pair<QStringList, QString>> missing;
    };

    static void addColumns();
    static void addRow(const Command &command, const QString &what, const QStringList &args,
                       const QString &error, const QByteArray &input = {});
    static QStringList words(const QString &path) { return path.split(QLatin1Char(' ')); }
    void signIn();
    void restoreFixture();
    void expectUsageErrorThatChangesNothing();
    const Command &command(const QString &path) const;

    Sandbox m_sandbox;
    QTemporaryDir m_dir;
    QString m_browserMarker;
    QString m_exportFile;
    TokenSet m_tokens;
    KeychainTraffic m_traffic;
    QList<Command> m_commands;
};

void CliUsageErrors::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_sandbox.requestsReceived() >= 0, "no sandbox log in $PEERS_DIR");
    QVERIFY2(m_traffic.start(), "dbus-monitor does not see the session bus");

    // A browser that only leaves a mark: a run that opens one is seen.
    m_browserMarker = m_dir.filePath(QStringLiteral("browser-opened"));
    const QString browser = m_dir.filePath(QStringLiteral("browser"));
    QFile script(browser);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\necho \"$@\" >> '" + m_browserMarker.toUtf8() + "'\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    qputenv("CHARTKEY_BROWSER", browser.toUtf8());

    // The one profile, signed in: a token set that works for the API and is not due for
    // renewal.
    m_tokens.accessToken = m_sandbox.mintStaticToken(QStringLiteral("canvas"));
    QVERIFY(!m_tokens.accessToken.isEmpty());
    m_tokens.refreshToken =
            QStringLiteral("refresh-never-used-%1").arg(QDateTime::currentMSecsSinceEpoch());
    m_tokens.tokenType = QStringLiteral("Bearer");
    m_tokens.scope = QString::fromLatin1(Profile::kDefaultScope);
    m_tokens.obtainedAt = QDateTime::currentDateTimeUtc();
    m_tokens.expiresAt = m_tokens.obtainedAt.addSecs(10 * 3600);
    rememberSecret(m_tokens.accessToken);
    rememberSecret(m_tokens.refreshToken);
    signIn();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(storedTokensOf(kProfile).has_value());

    // What the commands would act on if they went on.
    const QJsonObject patients = QJsonDocument::fromJson(
            httpRequest(QUrl(m_sandbox.admin.toString() + QStringLiteral("/patients?family=Briddle")))
                    .body).object();
    const QJsonObject patient =
            patients.value(QStringLiteral("patients")).toArray().first().toObject();
    const QString patientId = patient.value(QStringLiteral("id")).toString();
    const QString noteId =
            patient.value(QStringLiteral("notes")).toArray().first().toString();
    QVERIFY(!patientId.isEmpty() && !noteId.isEmpty());
    const QString importFile = m_dir.filePath(QStringLiteral("imported.json"));
    QFile exported(importFile);
    QVERIFY(exported.open(QIODevice::WriteOnly));
    exported.write(profilejson::toJson(m_sandbox.publicProfile(QStringLiteral("Imported"))));
    exported.close();
    m_exportFile = qEnvironmentVariable("HOME") + QStringLiteral("/clinic.json");

    const QString instance = m_sandbox.instance.toString();
    const QString fhirBase = m_sandbox.fhirBase.toString();
    const QString clientId = m_sandbox.publicClientId;
    const QByteArray secret = "would-be-secret-value\n";
    const auto args = [](std::initializer_list<QString> list) { return QStringList(list); };
    m_commands = {
            {QStringLiteral("profile add"),
             args({QStringLiteral("Other"), QStringLiteral("--instance"), instance,
                   QStringLiteral("--fhir-base"), fhirBase, QStringLiteral("--client-id"),
                   clientId}),
             {}, QStringLiteral("--client-id"), false,
             {{args({QStringLiteral("--instance"), instance, QStringLiteral("--fhir-base"),
                     fhirBase, QStringLiteral("--client-id"), clientId}),
               QStringLiteral("profile add needs NAME")}}},
            {QStringLiteral("profile list"), {}, {}, {}, false, {}},
            {QStringLiteral("profile show"), {kProfile}, {}, {}, false,
             {{{}, QStringLiteral("profile show needs NAME")}}},
            {QStringLiteral("profile remove"), {kProfile}, {}, {}, false,
             {{{}, QStringLiteral("profile remove needs NAME")}}},
            {QStringLiteral("profile set-secret"), {kProfile}, secret, {}, false,
             {{{}, QStringLiteral("profile set-secret needs NAME")}}},
            {QStringLiteral("profile set-token"), {kProfile}, secret, {}, false,
             {{{}, QStringLiteral("profile set-token needs NAME")}}},
            {QStringLiteral("profile export"),
             args({kProfile, QStringLiteral("--output"), m_exportFile}), {},
             QStringLiteral("--output"), false,
             {{args({QStringLiteral("--output"), m_exportFile}),
               QStringLiteral("profile export needs NAME")}}},
            {QStringLiteral("profile import"),
             args({importFile, QStringLiteral("--name"), QStringLiteral("Imported")}), {},
             QStringLiteral("--name"), false,
             {{args({QStringLiteral("--name"), QStringLiteral("Imported")}),
               QStringLiteral("profile import needs FILE|-")}}},
            // A sign-in that went on would open the browser and wait for it a little.
            {QStringLiteral("login"), args({QStringLiteral("--wait"), QStringLiteral("3")}), {},
             QStringLiteral("--wait"), false, {}},
            {QStringLiteral("token"), {}, {}, QStringLiteral("--format"), false, {}},
            {QStringLiteral("status"), {}, {}, {}, false, {}},
            {QStringLiteral("logout"), {}, {}, {}, false, {}},
            {QStringLiteral("patients"), args({QStringLiteral("--name"), QStringLiteral("Briddle")}),
             {}, QStringLiteral("--limit"), false, {}},
            {QStringLiteral("appointments"), {patientId}, {}, {}, false,
             {{{}, QStringLiteral("appointments needs PATIENT_ID")}}},
            {QStringLiteral("note"), args({QStringLiteral("lock"), noteId}), {}, {}, true,
             {{{QStringLiteral("lock")}, QStringLiteral("note needs at least one NOTE_ID")},
              {{}, QStringLiteral("note needs ACTION and at least one NOTE_ID")}}},
            {QStringLiteral("check"), args({QStringLiteral("--wait"), QStringLiteral("3")}), {},
             QStringLiteral("--skip"), false, {}},
            // A request that went on would reach the sandbox (and its counters).
            {QStringLiteral("api"), args({QStringLiteral("Patient?name=Briddle")}), {},
             QStringLiteral("--method"), false,
             {{{}, QStringLiteral("api needs PATH")}}},
            // A key command that went on would write (or read) the keychain's key entry.
            {QStringLiteral("key generate"), args({QStringLiteral("--alg"), QStringLiteral("ES384")}),
             {}, QStringLiteral("--alg"), false, {}},
            {QStringLiteral("key show"), args({QStringLiteral("--format"), QStringLiteral("jwks")}),
             {}, QStringLiteral("--format"), false, {}},
            {QStringLiteral("key import"), {}, "-----BEGIN PRIVATE KEY-----\nnot a key\n", QStringLiteral("--alg"),
             false, {}},
            {QStringLiteral("key rotate"), {}, {}, QStringLiteral("--alg"), false, {}},
            {QStringLiteral("key retire"), {QStringLiteral("some-kid")}, {}, {}, false,
             {{{}, QStringLiteral("key retire needs KID")}}},
            {QStringLiteral("help"), {}, {}, {}, true, {}},
    };
}

// Saves the profile and writes its token set to the keychain, as a sign-in would.
void CliUsageErrors::signIn()
{
    ProfileStore().save(m_sandbox.publicProfile(kProfile));
    KeychainStore keychain;
    const SecretStore::Result result = chartkey::test::waitFor(
            keychain.write(m_sandbox.publicProfile(kProfile).tokensKey(), m_tokens.toJson()),
            20000);
    QVERIFY2(result.isOk(), qPrintable(result.message));
}

// Back to the one signed-in profile, no browser opened and nothing exported, after a row that
// went wrong and acted (a command that went on would act on an unknown number of profiles).
void CliUsageErrors::restoreFixture()
{
    QFile::remove(m_browserMarker);
    QFile::remove(m_exportFile);
    ProfileStore profiles;
    const QByteArray keychain = keychainListing();
    if (profiles.names() == QStringList{kProfile}
        && keychain.contains(keychainUser(kProfile).toUtf8())
        && !keychain.contains("client-secret:"))
        return;
    for (const QString &name : profiles.names()) {
        if (name != kProfile)
            profiles.remove(name);
    }
    KeychainStore store;
    QVERIFY(chartkey::test::waitFor(
                    store.remove(m_sandbox.publicProfile(kProfile).clientSecretKey()), 20000)
                    .isOk());
    signIn();
}

void CliUsageErrors::theWatchesSeeWhatValidCommandsTouch()
{
    // Each watch sees what a valid command does; else "nothing changed" would prove nothing.
    QVERIFY(m_traffic.takeSinceLastMark().has_value());
    const World before = snapshot(m_sandbox);
    const CliRun status = runCli({QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0 && status.out.startsWith("Signed in to Clinic"),
             describe(status).constData());
    const auto statusTraffic = m_traffic.takeSinceLastMark();
    QVERIFY(statusTraffic.has_value());
    QVERIFY2(KeychainTraffic::reachesKeychain(*statusTraffic),
             "status read the keychain, but no Secret Service message was seen");

    const CliRun patients = runCli({QStringLiteral("patients"), QStringLiteral("--name"),
                                    QStringLiteral("Briddle"), QStringLiteral("--limit"),
                                    QStringLiteral("1")});
    QVERIFY2(patients.exitCode == 0, describe(patients).constData());
    const World after = snapshot(m_sandbox);
    QVERIFY2(after.requests > before.requests, "the request log missed the patient search");
    QVERIFY2(compact(after.stats) != compact(before.stats), "the counters missed the search");
    QCOMPARE(after.keychain, before.keychain);

    // A sign-in that cannot finish: the browser is opened (its mark), the stored one kept.
    const CliRun login = runCli({QStringLiteral("login"), QStringLiteral("--wait"),
                                 QStringLiteral("1")});
    QVERIFY2(login.exitCode == 1, describe(login).constData());
    QVERIFY2(QFile::exists(m_browserMarker), "login did not open the scripted browser");
    QVERIFY(QFile::remove(m_browserMarker));
    QCOMPARE(keychainListing(), before.keychain);
}

// ---------------------------------------------------------------- the rows

void CliUsageErrors::addColumns()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");   // what stderr must say about the mistake
    QTest::addColumn<QString>("command"); // whose synopsis follows it ("" for chartkey's)
}

void CliUsageErrors::addRow(const Command &command, const QString &what,
                            const QStringList &args, const QString &error,
                            const QByteArray &input)
{
    QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(command.path, what)))
            << args << (input.isEmpty() ? command.input : input) << error << command.path;
}

const CliUsageErrors::Command &CliUsageErrors::command(const QString &path) const
{
    for (const Command &c : m_commands) {
        if (c.path == path)
            return c;
    }
    qFatal("no command %s under test", qPrintable(path));
}

void CliUsageErrors::optionWithoutItsValueIsAUsageErrorThatChangesNothing_data()
{
    addColumns();
    for (const Command &c : std::as_const(m_commands)) {
        const QStringList run = words(c.path) + c.valid;
        addRow(c, QStringLiteral("--profile at the end"), run + QStringList{QStringLiteral("--profile")},
               QStringLiteral("Missing value after '--profile'"));
        addRow(c, QStringLiteral("--timeout at the end"), run + QStringList{QStringLiteral("--timeout")},
               QStringLiteral("Missing value after '--timeout'"));
        if (!c.valueOption.isEmpty())
            addRow(c, c.valueOption + QStringLiteral(" at the end"), run + QStringList{c.valueOption},
                   QStringLiteral("Missing value after '%1'").arg(c.valueOption));
    }
}

void CliUsageErrors::optionWithoutItsValueIsAUsageErrorThatChangesNothing()
{
    expectUsageErrorThatChangesNothing();
}

void CliUsageErrors::unknownOptionIsAUsageErrorThatChangesNothing_data()
{
    addColumns();
    if (m_commands.isEmpty())
        return; // listed without initTestCase (-datatags)
    for (const Command &c : std::as_const(m_commands)) {
        const QStringList run = words(c.path) + c.valid;
        addRow(c, QStringLiteral("--frobnicate after it"),
               run + QStringList{QStringLiteral("--frobnicate")},
               QStringLiteral("Unknown option 'frobnicate'"));
        addRow(c, QStringLiteral("--frobnicate before it"),
               QStringList{QStringLiteral("--frobnicate")} + run,
               QStringLiteral("Unknown option 'frobnicate'"));
        addRow(c, QStringLiteral("-q"), run + QStringList{QStringLiteral("-q")},
               QStringLiteral("Unknown option 'q'"));
        addRow(c, QStringLiteral("a value for the flag --json"),
               run + QStringList{QStringLiteral("--json=yes")},
               QStringLiteral("Unexpected value after '--json'"));
    }
    // Options of another command.
    addRow(command(QStringLiteral("logout")), QStringLiteral("login's --wait"),
           {QStringLiteral("logout"), QStringLiteral("--wait"), QStringLiteral("5")},
           QStringLiteral("Unknown option 'wait'"));
    addRow(command(QStringLiteral("status")), QStringLiteral("patients' --limit before it"),
           {QStringLiteral("--limit"), QStringLiteral("5"), QStringLiteral("status")},
           QStringLiteral("Unknown option 'limit'"));
    addRow(command(QStringLiteral("profile remove")), QStringLiteral("--replace"),
           {QStringLiteral("profile"), QStringLiteral("remove"), kProfile,
            QStringLiteral("--replace")},
           QStringLiteral("Unknown option 'replace'"));
}

void CliUsageErrors::unknownOptionIsAUsageErrorThatChangesNothing()
{
    expectUsageErrorThatChangesNothing();
}

void CliUsageErrors::missingOrExtraArgumentIsAUsageErrorThatChangesNothing_data()
{
    addColumns();
    if (m_commands.isEmpty())
        return; // listed without initTestCase (-datatags)
    for (const Command &c : std::as_const(m_commands)) {
        for (const auto &[without, error] : c.missing)
            addRow(c, QStringLiteral("missing: %1").arg(error), words(c.path) + without, error);
        if (!c.takesMoreArguments)
            addRow(c, QStringLiteral("an extra argument"),
                   words(c.path) + c.valid + QStringList{QStringLiteral("extra")},
                   QStringLiteral("Unexpected argument \"extra\""));
    }
    // The profile's name where --profile was meant.
    addRow(command(QStringLiteral("logout")), QStringLiteral("the profile as an argument"),
           {QStringLiteral("logout"), kProfile}, QStringLiteral("Unexpected argument \"Clinic\""));
    addRow(command(QStringLiteral("appointments")), QStringLiteral("two patients"),
           {QStringLiteral("appointments"), QStringLiteral("a1"), QStringLiteral("b2")},
           QStringLiteral("Unexpected argument \"b2\""));
}

void CliUsageErrors::missingOrExtraArgumentIsAUsageErrorThatChangesNothing()
{
    expectUsageErrorThatChangesNothing();
}

void CliUsageErrors::malformedValueIsAUsageErrorThatChangesNothing_data()
{
    addColumns();
    if (m_commands.isEmpty())
        return; // listed without initTestCase (-datatags)
    const QString timeout = QStringLiteral("--timeout takes a number of seconds");
    const QString profileName = QStringLiteral("--profile takes a profile name");
    for (const Command &c : std::as_const(m_commands)) {
        const QStringList run = words(c.path) + c.valid;
        addRow(c, QStringLiteral("--timeout abc"),
               run + QStringList{QStringLiteral("--timeout"), QStringLiteral("abc")}, timeout);
        addRow(c, QStringLiteral("--profile=bad/name before it"),
               QStringList{QStringLiteral("--profile=bad/name")} + run, profileName);
    }
    struct Row
    {
        const char *command;
        const char *what;
        QStringList args;
        QString error;
        QByteArray input = {};
    };
    const QString instance = m_sandbox.instance.toString();
    const QString fhirBase = m_sandbox.fhirBase.toString();
    const auto add = [&](std::initializer_list<QString> more) {
        return QStringList{QStringLiteral("profile"), QStringLiteral("add"),
                           QStringLiteral("Other")}
                + QStringList(more);
    };
    const auto canvas = [&](std::initializer_list<QString> more) {
        return add({QStringLiteral("--instance"), instance, QStringLiteral("--fhir-base"),
                    fhirBase, QStringLiteral("--client-id"), m_sandbox.publicClientId})
                + QStringList(more);
    };
    const QList<Row> rows = {
            // Global options, a few more ways.
            {"token", "--timeout 0", {QStringLiteral("token"), QStringLiteral("--timeout"), QStringLiteral("0")}, timeout},
            {"status", "--timeout=-5 before it", {QStringLiteral("--timeout=-5"), QStringLiteral("status")}, timeout},
            {"logout", "--timeout inf", {QStringLiteral("logout"), QStringLiteral("--timeout"), QStringLiteral("inf")}, timeout},
            {"logout", "--profile with an empty name", {QStringLiteral("logout"), QStringLiteral("--profile"), QString()}, profileName},
            {"logout", "--profile taking the next option as its name", {QStringLiteral("logout"), QStringLiteral("--profile"), QStringLiteral("--verbose")}, profileName},
            {"login", "--browser with an empty command", {QStringLiteral("login"), QStringLiteral("--browser="), QStringLiteral("--wait"), QStringLiteral("3")}, QStringLiteral("--browser needs a value")},
            // login, check
            {"login", "--wait abc", {QStringLiteral("login"), QStringLiteral("--wait"), QStringLiteral("abc")}, QStringLiteral("--wait takes a number of seconds")},
            {"login", "--wait 0", {QStringLiteral("login"), QStringLiteral("--wait=0")}, QStringLiteral("--wait takes a number of seconds")},
            {"check", "--wait -1", {QStringLiteral("check"), QStringLiteral("--wait"), QStringLiteral("-1")}, QStringLiteral("--wait takes a number of seconds")},
            {"check", "an unknown step to skip", {QStringLiteral("check"), QStringLiteral("--skip"), QStringLiteral("pkce,nonsense")}, QStringLiteral("Unknown step \"nonsense\"")},
            // patients
            {"patients", "--limit -3", {QStringLiteral("patients"), QStringLiteral("--limit"), QStringLiteral("-3")}, QStringLiteral("--limit takes a positive number, not \"-3\"")},
            {"patients", "--limit 0", {QStringLiteral("patients"), QStringLiteral("--limit=0")}, QStringLiteral("--limit takes a positive number")},
            {"patients", "--limit abc", {QStringLiteral("patients"), QStringLiteral("--name"), QStringLiteral("Briddle"), QStringLiteral("--limit"), QStringLiteral("abc")}, QStringLiteral("--limit takes a positive number")},
            {"patients", "--birthdate 1958-13-40", {QStringLiteral("patients"), QStringLiteral("--birthdate"), QStringLiteral("1958-13-40")}, QStringLiteral("--birthdate takes a date as YYYY-MM-DD, not \"1958-13-40\"")},
            {"patients", "--birthdate 14/03/1958", {QStringLiteral("patients"), QStringLiteral("--birthdate"), QStringLiteral("14/03/1958")}, QStringLiteral("--birthdate takes a date")},
            {"patients", "--name empty", {QStringLiteral("patients"), QStringLiteral("--name"), QString()}, QStringLiteral("--name needs a value")},
            // appointments, note
            {"appointments", "a PATIENT_ID that is no FHIR id", {QStringLiteral("appointments"), QStringLiteral("../Patient")}, QStringLiteral("PATIENT_ID is a FHIR id")},
            {"note", "an unknown action", {QStringLiteral("note"), QStringLiteral("frobnicate"), QStringLiteral("note-1-1")}, QStringLiteral("Unknown note action \"frobnicate\"")},
            {"note", "an empty NOTE_ID", {QStringLiteral("note"), QStringLiteral("lock"), QStringLiteral("note-1-1"), QString()}, QStringLiteral("is not a note id")},
            // profile add
            {"profile add", "an unknown --preset", add({QStringLiteral("--preset"), QStringLiteral("epic"), QStringLiteral("--instance"), instance, QStringLiteral("--client-id"), QStringLiteral("x")}), QStringLiteral("Unknown preset \"epic\"")},
            {"profile add", "an unknown --grant", canvas({QStringLiteral("--grant"), QStringLiteral("implicit")}), QStringLiteral("Unknown grant \"implicit\"")},
            {"profile add", "a grant the preset refuses", add({QStringLiteral("--preset"), QStringLiteral("canvas-lms"), QStringLiteral("--instance"), m_sandbox.lmsBase.toString(), QStringLiteral("--client-id"), m_sandbox.lmsClientId, QStringLiteral("--grant"), QStringLiteral("client-credentials")}), QStringLiteral("LTI 1.3")},
            {"profile add", "canvas without --instance", add({QStringLiteral("--client-id"), QStringLiteral("x")}), QStringLiteral("profile add --preset canvas needs --instance URL")},
            {"profile add", "canvas without --client-id", add({QStringLiteral("--instance"), instance}), QStringLiteral("profile add --preset canvas needs --client-id ID")},
            {"profile add", "smart without --fhir-base", add({QStringLiteral("--preset"), QStringLiteral("smart"), QStringLiteral("--client-id"), QStringLiteral("x")}), QStringLiteral("--preset smart needs --fhir-base URL")},
            {"profile add", "openid without --discovery-url", add({QStringLiteral("--preset"), QStringLiteral("openid"), QStringLiteral("--client-id"), QStringLiteral("x")}), QStringLiteral("--preset openid needs --discovery-url URL")},
            {"profile add", "a static token with a client secret", add({QStringLiteral("--preset"), QStringLiteral("canvas-sandbox-token"), QStringLiteral("--instance"), instance, QStringLiteral("--client-secret-stdin")}), QStringLiteral("A static-token profile has no client secret"), "would-be-secret-value\n"},
            // Used to read the sandbox's SMART configuration before saying so.
            {"profile add", "--instance that is no URL", add({QStringLiteral("--instance"), QStringLiteral("not a url"), QStringLiteral("--client-id"), QStringLiteral("x")}), QStringLiteral("--instance takes an https:// URL")},
            {"profile add", "--instance on plain http elsewhere", add({QStringLiteral("--instance"), QStringLiteral("http://ehr.example.com"), QStringLiteral("--client-id"), QStringLiteral("x")}), QStringLiteral("Use https://")},
            {"profile add", "--fhir-base on ftp", add({QStringLiteral("--preset"), QStringLiteral("smart"), QStringLiteral("--fhir-base"), QStringLiteral("ftp://fhir.example.com"), QStringLiteral("--client-id"), QStringLiteral("x")}), QStringLiteral("--fhir-base takes an https:// URL")},
            {"profile add", "--discovery-url on plain http elsewhere", add({QStringLiteral("--preset"), QStringLiteral("openid"), QStringLiteral("--discovery-url"), QStringLiteral("http://login.example.com/.well-known/openid-configuration"), QStringLiteral("--client-id"), QStringLiteral("x")}), QStringLiteral("--discovery-url http://login.example.com")},
            {"profile add", "a relative --token-url", canvas({QStringLiteral("--token-url"), QStringLiteral("/auth/token/")}), QStringLiteral("--token-url takes an https:// URL")},
            {"profile add", "--authorize-url without a host", canvas({QStringLiteral("--authorize-url"), QStringLiteral("https://")}), QStringLiteral("--authorize-url takes an https:// URL")},
            {"profile add", "--revoke-url on plain http elsewhere", canvas({QStringLiteral("--revoke-url"), QStringLiteral("http://ehr.example.com/revoke")}), QStringLiteral("--revoke-url http://ehr.example.com/revoke uses http://")},
            {"profile add", "a --redirect-uri that is not loopback", canvas({QStringLiteral("--redirect-uri"), QStringLiteral("https://example.com/callback")}), QStringLiteral("--redirect-uri takes a loopback URI")},
            {"profile add", "a --redirect-uri without a path", canvas({QStringLiteral("--redirect-uri"), QStringLiteral("http://127.0.0.1:8765")}), QStringLiteral("--redirect-uri takes a loopback URI")},
            {"profile add", "--auth-param without =", canvas({QStringLiteral("--auth-param"), QStringLiteral("launch")}), QStringLiteral("--auth-param takes NAME=VALUE, not \"launch\"")},
            {"profile add", "--auth-param without a name", canvas({QStringLiteral("--auth-param"), QStringLiteral("launch=x"), QStringLiteral("--auth-param"), QStringLiteral("=x")}), QStringLiteral("--auth-param takes NAME=VALUE, not \"=x\"")},
            {"profile add", "an empty --client-id", add({QStringLiteral("--instance"), instance, QStringLiteral("--client-id"), QString()}), QStringLiteral("--client-id needs a value")},
            {"profile add", "a NAME that is no profile name", {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("bad/name"), QStringLiteral("--instance"), instance, QStringLiteral("--client-id"), QStringLiteral("x")}, QStringLiteral("NAME takes a profile name")},
            // The other profile subcommands.
            {"profile show", "a NAME that is no profile name", {QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("../Clinic")}, QStringLiteral("NAME takes a profile name")},
            {"profile remove", "a NAME that is no profile name", {QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("Clinic/")}, QStringLiteral("NAME takes a profile name")},
            {"profile set-secret", "a NAME that is no profile name", {QStringLiteral("profile"), QStringLiteral("set-secret"), QStringLiteral(" Clinic")}, QStringLiteral("NAME takes a profile name")},
            {"profile set-token", "a NAME that is no profile name", {QStringLiteral("profile"), QStringLiteral("set-token"), QStringLiteral("Clinic!")}, QStringLiteral("NAME takes a profile name")},
            {"profile export", "a NAME that is no profile name", {QStringLiteral("profile"), QStringLiteral("export"), QStringLiteral("Cl*nic")}, QStringLiteral("NAME takes a profile name")},
            {"profile export", "an empty --output", {QStringLiteral("profile"), QStringLiteral("export"), kProfile, QStringLiteral("--output=")}, QStringLiteral("--output needs a value")},
            {"profile import", "--name that is no profile name", {QStringLiteral("profile"), QStringLiteral("import"), m_dir.filePath(QStringLiteral("imported.json")), QStringLiteral("--name"), QStringLiteral("bad/name")}, QStringLiteral("--name takes a profile name")},
            {"profile import", "an empty FILE", {QStringLiteral("profile"), QStringLiteral("import"), QString()}, QStringLiteral("FILE needs a value")},
            {"profile add", "an unknown --client-auth", canvas({QStringLiteral("--client-auth"), QStringLiteral("client_secret_jwt")}), QStringLiteral("Unknown client authentication \"client_secret_jwt\"")},
            {"profile add", "a client secret with private_key_jwt", canvas({QStringLiteral("--client-auth"), QStringLiteral("private_key_jwt"), QStringLiteral("--client-secret-stdin")}), QStringLiteral("--client-secret-stdin goes with --client-auth client_secret_basic"), "would-be-secret-value\n"},
            // key
            {"key generate", "an HMAC --alg", {QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("--alg"), QStringLiteral("HS256")}, QStringLiteral("Unknown algorithm \"HS256\"")},
            {"key rotate", "--alg none", {QStringLiteral("key"), QStringLiteral("rotate"), QStringLiteral("--alg=none")}, QStringLiteral("Unknown algorithm \"none\"")},
            {"key import", "an unknown --alg", {QStringLiteral("key"), QStringLiteral("import"), QStringLiteral("--alg"), QStringLiteral("EdDSA")}, QStringLiteral("Unknown algorithm \"EdDSA\"")},
            {"key show", "an unknown --format", {QStringLiteral("key"), QStringLiteral("show"), QStringLiteral("--format"), QStringLiteral("der")}, QStringLiteral("Unknown format \"der\"; --format is one of: jwks, pem, x509")},
            {"key retire", "an empty KID", {QStringLiteral("key"), QStringLiteral("retire"), QString()}, QStringLiteral("KID needs a value")},
            // A kid is base64url and may begin with "-": taken for options, it is told where it goes.
            {"key retire", "a KID that begins with -", {QStringLiteral("key"), QStringLiteral("retire"), QStringLiteral("-gs5Q1wT")}, QStringLiteral("An argument that begins with - goes after --: chartkey key retire -- -gs5Q1wT")},
            // token
            {"token", "an unknown --format", {QStringLiteral("token"), QStringLiteral("--format"), QStringLiteral("yaml")}, QStringLiteral("Unknown format \"yaml\"; --format is one of: bare, header, json")},
            {"token", "--json with --format header", {QStringLiteral("token"), QStringLiteral("--json"), QStringLiteral("--format=header")}, QStringLiteral("--json is --format json")},
            {"token", "--min-valid abc", {QStringLiteral("token"), QStringLiteral("--min-valid"), QStringLiteral("abc")}, QStringLiteral("--min-valid takes a whole number of seconds")},
            {"token", "--min-valid -5", {QStringLiteral("token"), QStringLiteral("--min-valid=-5")}, QStringLiteral("--min-valid takes a whole number of seconds")},
            {"token", "--min-valid 1.5", {QStringLiteral("token"), QStringLiteral("--min-valid"), QStringLiteral("1.5")}, QStringLiteral("--min-valid takes a whole number of seconds")},
            // api
            {"api", "an unknown method", {QStringLiteral("api"), QStringLiteral("-X"), QStringLiteral("FETCH"), QStringLiteral("Patient")}, QStringLiteral("Unknown method \"FETCH\"")},
            {"api", "an empty PATH", {QStringLiteral("api"), QString()}, QStringLiteral("PATH needs a value")},
            {"api", "-f without =", {QStringLiteral("api"), QStringLiteral("Patient"), QStringLiteral("-f"), QStringLiteral("name")}, QStringLiteral("--raw-field takes NAME=VALUE, not \"name\"")},
            {"api", "-F without a name", {QStringLiteral("api"), QStringLiteral("Patient"), QStringLiteral("-F"), QStringLiteral("=3")}, QStringLiteral("--field takes NAME=VALUE")},
            {"api", "-F from a file", {QStringLiteral("api"), QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("Patient"), QStringLiteral("-F"), QStringLiteral("text=@note.txt")}, QStringLiteral("does not read a field from a file")},
            {"api", "a nested field", {QStringLiteral("api"), QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("Patient"), QStringLiteral("-f"), QStringLiteral("name[family]=Briddle")}, QStringLiteral("nested fields")},
            {"api", "a body field twice", {QStringLiteral("api"), QStringLiteral("-X"), QStringLiteral("PATCH"), QStringLiteral("Patient/x"), QStringLiteral("-f"), QStringLiteral("a=1"), QStringLiteral("-f"), QStringLiteral("a=2")}, QStringLiteral("The field \"a\" is given twice")},
            {"api", "-H without a colon", {QStringLiteral("api"), QStringLiteral("Patient"), QStringLiteral("-H"), QStringLiteral("Accept")}, QStringLiteral("--header takes 'Name: value'")},
            {"api", "-H with a bad name", {QStringLiteral("api"), QStringLiteral("Patient"), QStringLiteral("-H"), QStringLiteral("X Y: z")}, QStringLiteral("\"X Y\" is not a header name")},
            {"api", "-H Authorization", {QStringLiteral("api"), QStringLiteral("Patient"), QStringLiteral("-H"), QStringLiteral("Authorization: Bearer other-token-value")}, QStringLiteral("The Authorization header is chartkey's")},
            {"api", "-H Host", {QStringLiteral("api"), QStringLiteral("Patient"), QStringLiteral("-H"), QStringLiteral("host: example.com")}, QStringLiteral("The Host header is set from the request itself")},
            {"api", "an unknown --base", {QStringLiteral("api"), QStringLiteral("--base"), QStringLiteral("lms"), QStringLiteral("Patient")}, QStringLiteral("--base is fhir or notes, not \"lms\"")},
            {"api", "--input with GET", {QStringLiteral("api"), QStringLiteral("-X"), QStringLiteral("GET"), QStringLiteral("--input"), QStringLiteral("-"), QStringLiteral("Patient")}, QStringLiteral("A GET request has no body"), "{\"resourceType\":\"Patient\"}"},
            {"api", "an empty --input", {QStringLiteral("api"), QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("--input="), QStringLiteral("Patient")}, QStringLiteral("--input needs a value")},
            {"api", "--paginate with POST", {QStringLiteral("api"), QStringLiteral("--paginate"), QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("Patient")}, QStringLiteral("--paginate and --ndjson read a search: they go with GET, not POST")},
            {"api", "--ndjson with DELETE", {QStringLiteral("api"), QStringLiteral("--ndjson"), QStringLiteral("-X"), QStringLiteral("delete"), QStringLiteral("Patient/x")}, QStringLiteral("they go with GET, not DELETE")},
            {"api", "--include with --paginate", {QStringLiteral("api"), QStringLiteral("-i"), QStringLiteral("--paginate"), QStringLiteral("Patient")}, QStringLiteral("--include shows one answer's status and headers: it does not go with --paginate")},
            {"api", "a URL on plain http elsewhere", {QStringLiteral("api"), QStringLiteral("http://ehr.example.com/Patient")}, QStringLiteral("uses http:// on a host that is not this computer")},
            {"api", "a URL of another scheme", {QStringLiteral("api"), QStringLiteral("file:///etc/passwd")}, QStringLiteral("nor an https:// URL")},
            // Found once the profile is read, before the keychain, the input or the network.
            {"api", "a URL on another server", {QStringLiteral("api"), QStringLiteral("https://ehr.example.com/Patient")}, QStringLiteral("https://ehr.example.com is not one of them")},
            {"api", "a URL on another port of the EHR's host", {QStringLiteral("api"), QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("--input"), QStringLiteral("-"), m_sandbox.lmsApiSelf.toString()}, QStringLiteral("goes only to the profile's own servers"), "{}"},
            {"help", "an unknown topic", {QStringLiteral("help"), QStringLiteral("frobnicate")}, QStringLiteral("Unknown command \"frobnicate\"")},
    };
    for (const Row &row : rows)
        addRow(command(QString::fromLatin1(row.command)), QString::fromLatin1(row.what), row.args,
               row.error, row.input);
}

void CliUsageErrors::malformedValueIsAUsageErrorThatChangesNothing()
{
    expectUsageErrorThatChangesNothing();
}

void CliUsageErrors::unknownCommandIsAUsageErrorThatChangesNothing_data()
{
    addColumns();
    const Command chartkey{QString(), {}, {}, {}, false, {}};
    const Command profile{QStringLiteral("profile"), {}, {}, {}, false, {}};
    addRow(chartkey, QStringLiteral("an unknown command"), {QStringLiteral("frobnicate")},
           QStringLiteral("Unknown command \"frobnicate\""));
    addRow(chartkey, QStringLiteral("a command in capitals"),
           {QStringLiteral("Logout"), QStringLiteral("--profile"), kProfile},
           QStringLiteral("Unknown command \"Logout\""));
    addRow(chartkey, QStringLiteral("an unknown command after global options"),
           {QStringLiteral("--profile"), kProfile, QStringLiteral("-v"), QStringLiteral("signout")},
           QStringLiteral("Unknown command \"signout\""));
    addRow(chartkey, QStringLiteral("global options and no command"),
           {QStringLiteral("--json"), QStringLiteral("--timeout"), QStringLiteral("5")},
           QStringLiteral("No command given"));
    addRow(chartkey, QStringLiteral("--profile alone without its value"),
           {QStringLiteral("--profile")}, QStringLiteral("Missing value after '--profile'"));
    addRow(profile, QStringLiteral("no subcommand"), {QStringLiteral("profile")},
           QStringLiteral("profile needs a subcommand: add, list, show, remove"));
    addRow(profile, QStringLiteral("an unknown subcommand"),
           {QStringLiteral("profile"), QStringLiteral("delete"), kProfile},
           QStringLiteral("Unknown profile subcommand \"delete\""));
    addRow(profile, QStringLiteral("a command for a subcommand"),
           {QStringLiteral("profile"), QStringLiteral("logout"), kProfile},
           QStringLiteral("Unknown profile subcommand \"logout\""));
    addRow(profile, QStringLiteral("no subcommand but an option"),
           {QStringLiteral("profile"), QStringLiteral("--json")},
           QStringLiteral("profile needs a subcommand"));
}

void CliUsageErrors::unknownCommandIsAUsageErrorThatChangesNothing()
{
    expectUsageErrorThatChangesNothing();
}

// ---------------------------------------------------------------- the check

void CliUsageErrors::expectUsageErrorThatChangesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(QString, error);
    QFETCH(QString, command);

    restoreFixture();
    if (QTest::currentTestFailed())
        return;
    const World before = snapshot(m_sandbox);
    QVERIFY(m_traffic.takeSinceLastMark().has_value());

    const CliRun run = runCli(args, input, 30000);

    const auto traffic = m_traffic.takeSinceLastMark();
    const World after = snapshot(m_sandbox);

    // Nothing was touched: said first, as it matters most.
    QVERIFY2(traffic.has_value(), "the keychain watch saw no mark");
    QVERIFY2(!KeychainTraffic::reachesKeychain(*traffic),
             "the keychain was reached; " + describe(run));
    QVERIFY2(after.keychain == before.keychain, "the keychain changed; " + describe(run));
    const QStringList files = changedFiles(before, after);
    QVERIFY2(files.isEmpty(),
             qPrintable(QStringLiteral("files changed: %1; ").arg(files.join(QStringLiteral(", ")))
                        + QString::fromUtf8(describe(run))));
    QVERIFY2(after.requests == before.requests,
             qPrintable(QStringLiteral("the sandbox received %1 request(s); ")
                                .arg(after.requests - before.requests)
                        + QString::fromUtf8(describe(run))));
    QVERIFY2(after.stats == before.stats,
             "the sandbox's counters moved: " + compact(before.stats) + " -> "
                     + compact(after.stats));
    QVERIFY2(!QFile::exists(m_browserMarker), "a browser was opened; " + describe(run));

    // Then what it said: the error, and the command's synopsis and help after it.
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(error.toUtf8()), describe(run).constData());
    const QByteArray usage = command.isEmpty()
            ? QByteArray("\nUsage: chartkey COMMAND")
            : "\nUsage: chartkey " + command.toUtf8() + ' ';
    const QByteArray see = command.isEmpty() ? QByteArray("\nSee: chartkey --help\n")
                                             : "\nSee: chartkey " + command.toUtf8() + " --help\n";
    QVERIFY2(run.err.contains(usage) && run.err.endsWith(see), describe(run).constData());
    QVERIFY2(run.out.isEmpty(), "stdout: " + redacted(run.out));
}

void CliUsageErrors::everyCommandInTheHelpHasItsUsageErrorsTested()
{
    const CliRun help = runCli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QStringList listed = commandsInHelp(help.out);
    QStringList tested;
    for (const Command &c : std::as_const(m_commands))
        tested << c.path;
    listed.sort();
    tested.sort();
    QCOMPARE(listed, tested);

    // Each one's own help is there, and names it in its synopsis; so is profile's.
    for (const QString &path : std::as_const(tested) + QStringList{QStringLiteral("profile")}) {
        const CliRun own = runCli(words(path) + QStringList{QStringLiteral("--help")});
        QVERIFY2(own.exitCode == 0 && own.err.isEmpty(), describe(own).constData());
        QVERIFY2(own.out.startsWith("Usage: chartkey " + path.toUtf8() + ' '), own.out.constData());
        const CliRun viaHelp = runCli(QStringList{QStringLiteral("help")} + words(path));
        QCOMPARE(viaHelp.out, own.out);
    }
}

QTEST_GUILESS_MAIN(CliUsageErrors)
#include "tst_cli_usage_errors.moc"

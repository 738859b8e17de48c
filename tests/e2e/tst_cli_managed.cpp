// Managed configuration on the command line: profiles and policy an IT department puts in
// chartkey/chartkey.conf under $XDG_CONFIG_DIRS (here a temporary directory; on a workstation
// /etc/xdg), against the sandbox EHR and a real keyring. A managed profile is listed as
// managed for every user, cannot be removed, replaced or imported over, and still signs in
// and out; the policy refuses a profile for another server at add and import, refuses adding
// at all when told to, and stops a person's own profile it does not allow from being used,
// each refusal naming the key and the file; a malformed file is reported once and the rest of
// it applies; the example shipped with the package is what chartkey itself writes and does
// what the README says.
#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"
#include "signedin.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace chartkey;
using namespace chartkey::test;
using namespace chartkey::test::e2e;

namespace {

QStringList args(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *a : list)
        out << QString::fromUtf8(a);
    return out;
}

QString sourceFile(const char *path)
{
    return QStringLiteral(CHARTKEY_SOURCE_DIR "/") + QString::fromLatin1(path);
}

} // namespace

class CliManaged final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void managedProfileIsListedAsManagedAndSeenByEveryUser();
    void managedProfileCannotBeRemovedReplacedOrImportedOver();
    void userSignsInAndOutWithAManagedProfile();
    void policyRefusesAnotherServerAtAddAndImportNamingThePolicy();
    void policyCanForbidProfilesOfTheUsersOwn();
    void ownProfileThePolicyNoLongerAllowsIsNotUsed();
    void malformedManagedFileIsReportedOnceAndTheRestApplies();
    void packagedExampleIsWhatChartkeyWritesAndDoesWhatTheReadmeSays();

private:
    // Makes `name` (the sandbox's public client, added with `chartkey profile add` as a
    // person would) a managed profile: its group moves from the person's file to the
    // managed one, as the README tells an IT department to do. `policy`: [policy] lines.
    void makeManaged(const QString &name, const QByteArray &policy = {});
    void writeManaged(const QByteArray &text);
    QString managedFile() const { return m_system.filePath(QStringLiteral("chartkey/chartkey.conf")); }

    Sandbox m_sandbox;
    QTemporaryDir m_system;
    QTemporaryDir m_dir;
};

void CliManaged::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
    QVERIFY(m_system.isValid() && m_dir.isValid());
    QVERIFY(QDir().mkpath(m_system.filePath(QStringLiteral("chartkey"))));
}

void CliManaged::init()
{
    QFile::remove(managedFile());
    // Every chartkey this test starts reads its system scope here.
    qputenv("XDG_CONFIG_DIRS", m_system.path().toUtf8());
    const Step scratch = startFromScratch(m_sandbox);
    QVERIFY2(scratch, scratch.why());
}

void CliManaged::cleanup()
{
    QFile::remove(managedFile());
    qunsetenv("XDG_CONFIG_DIRS");
}

void CliManaged::writeManaged(const QByteArray &text)
{
    QFile f(managedFile());
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(text), text.size());
}

void CliManaged::makeManaged(const QString &name, const QByteArray &policy)
{
    const Step added = addPublicProfile(m_sandbox, name);
    QVERIFY2(added, added.why());
    auto own = chartkeySettings();
    own->beginGroup(QStringLiteral("profiles/") + name);
    QByteArray group = "[profiles/" + name.toUtf8() + "]\n";
    const QStringList keys = own->allKeys();
    for (const QString &key : keys)
        group += key.toUtf8() + "=\"" + own->value(key).toString().toUtf8() + "\"\n";
    own->endGroup();
    own->remove(QStringLiteral("profiles/") + name);
    own->sync();
    writeManaged((policy.isEmpty() ? QByteArray() : "[policy]\n" + policy) + group);
}

void CliManaged::managedProfileIsListedAsManagedAndSeenByEveryUser()
{
    makeManaged(QStringLiteral("Hospital"));
    const CliRun list = runCli(args({"profile", "list"}));
    QVERIFY2(list.exitCode == 0 && list.err.isEmpty(), describe(list).constData());
    QVERIFY2(list.out.startsWith("Hospital\t") && list.out.contains("\tmanaged\n"),
             list.out.constData());

    const CliRun json = runCli(args({"profile", "list", "--json"}));
    const QJsonArray profiles = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(profiles.size(), 1);
    QCOMPARE(profiles.first().toObject().value(QStringLiteral("managed")).toBool(), true);

    const CliRun show = runCli(args({"profile", "show", "Hospital"}));
    QVERIFY2(show.out.contains("managed: " + managedFile().toUtf8()), show.out.constData());

    // Another user of the computer: a home and settings of their own, the same system scope.
    QTemporaryDir otherHome;
    QProcess other;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), otherHome.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), otherHome.filePath(QStringLiteral("config")));
    other.setProcessEnvironment(env);
    other.setProgram(chartkeyBinary());
    other.setArguments(args({"profile", "list"}));
    const CliRun theirs = runProcess(other, {}, 30000);
    QVERIFY2(theirs.exitCode == 0 && theirs.out.contains("Hospital\t")
                     && theirs.out.contains("\tmanaged"),
             theirs.out.constData());
}

void CliManaged::managedProfileCannotBeRemovedReplacedOrImportedOver()
{
    makeManaged(QStringLiteral("Hospital"));
    const CliRun remove = runCli(args({"profile", "remove", "Hospital"}));
    QCOMPARE(remove.exitCode, 1);
    QVERIFY2(remove.err.contains("\"Hospital\" is a managed profile")
                     && remove.err.contains(managedFile().toUtf8())
                     && remove.err.contains("Ask your IT department")
                     && remove.err.contains("Nothing was removed"),
             describe(remove).constData());

    const CliRun replace =
            runCli(addProfileArgs(m_sandbox, QStringLiteral("Hospital"), {QStringLiteral("--replace")}));
    QCOMPARE(replace.exitCode, 1);
    QVERIFY2(replace.err.contains("is a managed profile") && replace.err.contains("not added"),
             describe(replace).constData());

    const QString exported = m_dir.filePath(QStringLiteral("hospital.json"));
    QCOMPARE(runCli({QStringLiteral("profile"), QStringLiteral("export"), QStringLiteral("Hospital"),
                     QStringLiteral("--output"), exported})
                     .exitCode,
             0);
    const CliRun import = runCli({QStringLiteral("profile"), QStringLiteral("import"), exported,
                                  QStringLiteral("--replace")});
    QCOMPARE(import.exitCode, 1);
    QVERIFY2(import.err.contains("is a managed profile") && import.err.contains("Nothing was imported"),
             describe(import).constData());
    // Under a name of their own, the person may import it (no policy forbids it here).
    const CliRun copy = runCli({QStringLiteral("profile"), QStringLiteral("import"), exported,
                                QStringLiteral("--name"), QStringLiteral("Mine")});
    QVERIFY2(copy.exitCode == 0, describe(copy).constData());

    const CliRun list = runCli(args({"profile", "list"}));
    QVERIFY2(list.out.contains("Hospital\t") && list.out.contains("Mine\t"), list.out.constData());
}

void CliManaged::userSignsInAndOutWithAManagedProfile()
{
    makeManaged(QStringLiteral("Hospital"));
    const Step signedIn = signInThroughConsent(m_sandbox, QStringLiteral("Hospital"));
    QVERIFY2(signedIn, signedIn.why());
    const CliRun status = runCli(args({"status", "--profile", "Hospital"}));
    QVERIFY2(status.exitCode == 0, describe(status).constData());
    const CliRun logout = runCli(args({"logout", "--profile", "Hospital"}));
    QVERIFY2(logout.exitCode == 0, describe(logout).constData());
    QVERIFY(!keychainSecret(keychainUser(QStringLiteral("Hospital"))));
    QVERIFY(runCli(args({"profile", "list"})).out.contains("\tmanaged"));
}

void CliManaged::policyRefusesAnotherServerAtAddAndImportNamingThePolicy()
{
    writeManaged("[policy]\nallowedHosts=ehr.example.org, *.example.org\n");
    const CliRun add = runCli(addProfileArgs(m_sandbox, QStringLiteral("Sandbox")));
    QCOMPARE(add.exitCode, 1);
    QVERIFY2(add.err.contains("allows profiles only for ehr.example.org, *.example.org")
                     && add.err.contains("policy/allowedHosts in " + managedFile().toUtf8())
                     && add.err.contains("IT department")
                     && add.err.contains("The profile was not added."),
             describe(add).constData());
    // The refused host is named once, though several of the profile's URLs are on it.
    QCOMPARE(add.err.count("not for " + m_sandbox.instance.host().toUtf8()), 1);
    QVERIFY(runCli(args({"profile", "list"})).out.startsWith("No profiles"));

    // The same profile as a file: refused as well.
    QFile::remove(managedFile());
    QVERIFY(addPublicProfile(m_sandbox, QStringLiteral("Sandbox")));
    const QString exported = m_dir.filePath(QStringLiteral("sandbox.json"));
    QCOMPARE(runCli({QStringLiteral("profile"), QStringLiteral("export"), QStringLiteral("Sandbox"),
                     QStringLiteral("--output"), exported})
                     .exitCode,
             0);
    writeManaged("[policy]\nallowedHosts=ehr.example.org\n");
    const CliRun import = runCli({QStringLiteral("profile"), QStringLiteral("import"), exported,
                                  QStringLiteral("--name"), QStringLiteral("Again")});
    QCOMPARE(import.exitCode, 1);
    QVERIFY2(import.err.contains("policy/allowedHosts") && import.err.contains("Nothing was imported"),
             describe(import).constData());
    QVERIFY(!runCli(args({"profile", "list"})).out.contains("Again"));
}

void CliManaged::policyCanForbidProfilesOfTheUsersOwn()
{
    makeManaged(QStringLiteral("Hospital"), "allowUserProfiles=false\n");
    const CliRun add = runCli(addProfileArgs(m_sandbox, QStringLiteral("Mine")));
    QCOMPARE(add.exitCode, 1);
    QVERIFY2(add.err.contains("does not allow adding profiles")
                     && add.err.contains("policy/allowUserProfiles"),
             describe(add).constData());
    const CliRun list = runCli(args({"profile", "list"}));
    QVERIFY2(!list.out.contains("Mine"), list.out.constData());
}

void CliManaged::ownProfileThePolicyNoLongerAllowsIsNotUsed()
{
    QVERIFY(addPublicProfile(m_sandbox, QStringLiteral("Mine")));
    const Step signedIn = signInThroughConsent(m_sandbox, QStringLiteral("Mine"));
    QVERIFY2(signedIn, signedIn.why());
    // The organisation now allows only service clients: the person's sign-in is not used.
    writeManaged("[policy]\nallowedGrants=client-credentials\n");
    const CliRun token = runCli(args({"token", "--profile", "Mine"}));
    QVERIFY(token.exitCode != 0);
    QVERIFY(token.out.isEmpty());
    QVERIFY2(token.err.contains("policy/allowedGrants") && token.err.contains("\"Mine\" is not used"),
             describe(token).constData());
    // The person can still remove it.
    const CliRun remove = runCli(args({"profile", "remove", "Mine"}));
    QVERIFY2(remove.exitCode == 0, describe(remove).constData());
}

void CliManaged::malformedManagedFileIsReportedOnceAndTheRestApplies()
{
    makeManaged(QStringLiteral("Hospital"),
                "allowUserProfiles=sometimes\n"
                "allowStaticTokens=false\n");
    QFile f(managedFile());
    QVERIFY(f.open(QIODevice::Append));
    f.write("[profiles/Broken]\ninstanceUrl=https://broken.example.org\ngrant=telepathy\n");
    f.close();

    const CliRun list = runCli(args({"profile", "list"}));
    QVERIFY2(list.exitCode == 0, describe(list).constData());
    QCOMPARE(list.err.count("policy/allowUserProfiles is \"sometimes\""), 1);
    QCOMPARE(list.err.count("managed profile \"Broken\""), 1);
    QVERIFY2(list.err.contains("grant=telepathy") && list.err.contains("ignored"),
             describe(list).constData());
    QVERIFY2(list.out.contains("Hospital\t") && !list.out.contains("Broken"), list.out.constData());
    // The keys that were good apply: static tokens stay forbidden.
    const CliRun add = runCli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("T"),
                               QStringLiteral("--preset"), QStringLiteral("canvas-sandbox-token"),
                               QStringLiteral("--instance"), m_sandbox.instance.toString(),
                               QStringLiteral("--fhir-base"), m_sandbox.fhirBase.toString()});
    QCOMPARE(add.exitCode, 1);
    QVERIFY2(add.err.contains("policy/allowStaticTokens"), describe(add).constData());
}

void CliManaged::packagedExampleIsWhatChartkeyWritesAndDoesWhatTheReadmeSays()
{
    QFile example(sourceFile("resources/managed/chartkey.conf"));
    QVERIFY(example.open(QIODevice::ReadOnly));
    const QByteArray text = example.readAll();

    // The README shows the file as it is shipped.
    QFile readme(sourceFile("README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    QVERIFY2(readme.readAll().contains("```ini\n" + text + "```"),
             "README.md does not show resources/managed/chartkey.conf as it is");

    // Its profile is exactly what `chartkey profile add` writes for that clinic.
    const CliRun add = runCli(args({"profile", "add", "Clinic", "--instance",
                                    "https://clinic.canvasmedical.com", "--client-id",
                                    "chartkey-clinic"}));
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    const QByteArray own = runCli(args({"profile", "show", "Clinic", "--json"})).out;
    QCOMPARE(runCli(args({"profile", "remove", "Clinic"})).exitCode, 0);

    writeManaged(text);
    const CliRun list = runCli(args({"profile", "list"}));
    QVERIFY2(list.exitCode == 0 && list.err.isEmpty(), describe(list).constData());
    QVERIFY2(list.out.contains("Clinic\thttps://clinic.canvasmedical.com\tchartkey-clinic\t")
                     && list.out.contains("\tmanaged"),
             list.out.constData());
    QCOMPARE(runCli(args({"profile", "show", "Clinic", "--json"})).out, own);

    // What the README says its policy does.
    const CliRun elsewhere = runCli(addProfileArgs(m_sandbox, QStringLiteral("Elsewhere")));
    QCOMPARE(elsewhere.exitCode, 1);
    QVERIFY2(elsewhere.err.contains("policy/allowedHosts"), describe(elsewhere).constData());
    const CliRun remove = runCli(args({"profile", "remove", "Clinic"}));
    QCOMPARE(remove.exitCode, 1);
}

QTEST_GUILESS_MAIN(CliManaged)
#include "tst_cli_managed.moc"

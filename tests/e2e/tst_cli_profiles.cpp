// Server presets, profile export/import and static tokens on the command line, against the
// sandbox EHR and a real keyring: endpoints read from the sandbox's real SMART configuration
// and OpenID discovery document, a JSON round trip under a new name, a secret-bearing file
// refused, and a static token stored from standard input that works for the API, is kept when
// refused, and is forgotten by logout. No token is ever printed. Each test function starts
// without any profile (init()) and adds the ones it works on.
#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"
#include "signedin.h"

#include "profilecompare.h"
#include "storage/profilestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QJsonObject showJson(const QString &name)
{
    const CliRun show = runCli({QStringLiteral("profile"), QStringLiteral("show"), name,
                                QStringLiteral("--json")});
    return QJsonDocument::fromJson(show.out).object();
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class CliProfiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void presetNeedsItsOwnInputsAndSaysWhichIsMissing();
    void smartPresetReadsTheEndpointsFromTheSmartConfiguration();
    void openIdPresetReadsTheEndpointsFromTheDiscoveryDocument();
    void unreadableDiscoveryIsAClearErrorAndNothingIsSaved();
    void exportThenImportUnderANewNameRoundTrips();
    void showJsonImportsAsItIs();
    void importOfAFileWithAClientSecretIsRefusedAndNothingSaved();
    void staticTokenFromStandardInputWorksForTheApi();
    void refusedStaticTokenIsKeptWithTheSetTokenHint();
    void logoutForgetsTheStaticToken();

private:
    // The profiles the tests work on, each added by the test that needs it: the command
    // (runAdd...) for the test of that command, the step (add...Profile) for the others.
    CliRun runAddSmart();        // "Smart": preset smart, endpoints from the SMART configuration
    CliRun runAddService();      // "Service": preset openid, client credentials, from discovery
    CliRun runAddExplicit();     // "Explicit": preset smart with explicit endpoints
    void addSmartProfile() { addProfile(runAddSmart()); }
    void addServiceProfile() { addProfile(runAddService()); }
    void addExplicitProfile() { addProfile(runAddExplicit()); }
    static void addProfile(const CliRun &add)
    {
        QVERIFY2(add.exitCode == 0, describe(add).constData());
    }
    // "Token": a canvas-sandbox-token profile; its static token, minted by the sandbox and
    // stored with set-token, or empty on failure.
    QString addStaticTokenProfile();

    Sandbox m_sandbox;
    QTemporaryDir m_dir;
};

void CliProfiles::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
    QVERIFY(m_dir.isValid());
}

void CliProfiles::init()
{
    const Step scratch = startFromScratch(m_sandbox);
    QVERIFY2(scratch, scratch.why());
}

CliRun CliProfiles::runAddSmart()
{
    return runCli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Smart"),
                   QStringLiteral("--preset"), QStringLiteral("smart"),
                   QStringLiteral("--fhir-base"), m_sandbox.fhirBase.toString(),
                   QStringLiteral("--client-id"), m_sandbox.publicClientId});
}

CliRun CliProfiles::runAddService()
{
    rememberSecret(m_sandbox.serviceSecret);
    return runCli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Service"),
                   QStringLiteral("--preset"), QStringLiteral("openid"),
                   QStringLiteral("--discovery-url"), m_sandbox.openidConfiguration.toString(),
                   QStringLiteral("--client-id"), m_sandbox.serviceClientId,
                   QStringLiteral("--client-secret-stdin")},
                  m_sandbox.serviceSecret.toUtf8() + '\n');
}

CliRun CliProfiles::runAddExplicit()
{
    return runCli(args({"profile", "add", "Explicit", "--preset", "smart", "--fhir-base",
                        "http://127.0.0.1:9/fhir", "--client-id", "x", "--authorize-url",
                        "http://127.0.0.1:9/authorize", "--token-url",
                        "http://127.0.0.1:9/token"}));
}

QString CliProfiles::addStaticTokenProfile()
{
    const QString token = m_sandbox.mintStaticToken(QStringLiteral("canvas"));
    if (token.isEmpty()) {
        qWarning("the sandbox minted no static token");
        return {};
    }
    rememberSecret(token);
    const CliRun add = runCli({QStringLiteral("profile"), QStringLiteral("add"),
                               QStringLiteral("Token"), QStringLiteral("--preset"),
                               QStringLiteral("canvas-sandbox-token"), QStringLiteral("--instance"),
                               m_sandbox.instance.toString(), QStringLiteral("--fhir-base"),
                               m_sandbox.fhirBase.toString()});
    const CliRun set = runCli(args({"profile", "set-token", "Token"}), token.toUtf8() + '\n');
    if (add.exitCode != 0 || set.exitCode != 0) {
        qWarning("profile add: %s; set-token: %s", describe(add).constData(),
                 describe(set).constData());
        return {};
    }
    return token;
}

void CliProfiles::presetNeedsItsOwnInputsAndSaysWhichIsMissing()
{
    CliRun run = runCli(args({"profile", "add", "S", "--preset", "smart", "--client-id", "x"}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--preset smart needs --fhir-base URL"), describe(run).constData());
    run = runCli(args({"profile", "add", "O", "--preset", "openid", "--client-id", "x"}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--discovery-url URL"), describe(run).constData());
    run = runCli(args({"profile", "add", "T", "--preset", "canvas-sandbox-token"}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--instance URL") && !run.err.contains("--client-id"),
             describe(run).constData());
    run = runCli(args({"profile", "add", "L", "--preset", "canvas-lms", "--instance",
                       "https://canvas.instructure.com", "--client-id", "1", "--grant",
                       "client-credentials"}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("LTI 1.3"), describe(run).constData());
    run = runCli(args({"profile", "add", "X", "--preset", "epic"}));
    QCOMPARE(run.exitCode, 2);
    const CliRun list = runCli(args({"profile", "list"}));
    QVERIFY2(list.out.startsWith("No profiles"), list.out.constData());
}

void CliProfiles::smartPresetReadsTheEndpointsFromTheSmartConfiguration()
{
    const CliRun add = runAddSmart();
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    QVERIFY2(add.out.contains("Endpoints from") && add.out.contains("smart-configuration"),
             add.out.constData());
    const QJsonObject o = showJson(QStringLiteral("Smart"));
    const QString instance = m_sandbox.instance.toString();
    QCOMPARE(text(o, "kind"), QStringLiteral("smart"));
    QCOMPARE(text(o, "tokenUrl"), instance + QStringLiteral("/auth/token/"));
    QCOMPARE(text(o, "authorizationUrl"), instance + QStringLiteral("/auth/authorize/"));
    QVERIFY2(text(o, "revocationUrl").startsWith(instance), qPrintable(text(o, "revocationUrl")));
    QCOMPARE(text(o, "issuer"), instance);
    QCOMPARE(text(o, "discoveryUrl"),
             m_sandbox.fhirBase.toString() + QStringLiteral("/.well-known/smart-configuration"));
    const QJsonArray params = o.value(QStringLiteral("authParams")).toArray();
    QCOMPARE(params.size(), 1);
    QCOMPARE(text(params.first().toObject(), "name"), QStringLiteral("aud"));
    QCOMPARE(text(params.first().toObject(), "value"), m_sandbox.fhirBase.toString());
    const CliRun list = runCli(args({"profile", "list"}));
    QVERIFY2(list.out.contains("\tsmart"), list.out.constData());
}

void CliProfiles::openIdPresetReadsTheEndpointsFromTheDiscoveryDocument()
{
    const QString discovery =
            m_sandbox.instance.toString() + QStringLiteral("/.well-known/openid-configuration");
    QCOMPARE(m_sandbox.openidConfiguration.toString(), discovery);
    const CliRun add = runAddService();
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    QVERIFY2(add.out.contains("Endpoints from"), add.out.constData());
    const QJsonObject o = showJson(QStringLiteral("Service"));
    const QString instance = m_sandbox.instance.toString();
    QCOMPARE(text(o, "kind"), QStringLiteral("openid"));
    QCOMPARE(text(o, "grant"), QStringLiteral("client-credentials"));
    QCOMPARE(text(o, "clientType"), QStringLiteral("confidential"));
    QCOMPARE(text(o, "tokenUrl"), instance + QStringLiteral("/auth/token/"));
    QCOMPARE(text(o, "authorizationUrl"), instance + QStringLiteral("/auth/authorize/"));
    QCOMPARE(text(o, "issuer"), instance);
    QCOMPARE(text(o, "discoveryUrl"), discovery);
    QVERIFY(text(o, "fhirBaseUrl").isEmpty());
}

void CliProfiles::unreadableDiscoveryIsAClearErrorAndNothingIsSaved()
{
    const CliRun add = runCli(args({"profile", "add", "Nowhere", "--preset", "smart",
                                    "--fhir-base", "http://127.0.0.1:9/fhir", "--client-id", "x",
                                    "--timeout", "5"}));
    QCOMPARE(add.exitCode, 1);
    QVERIFY2(add.err.contains("http://127.0.0.1:9/fhir/.well-known/smart-configuration")
                     && add.err.contains("--token-url"),
             describe(add).constData());
    QVERIFY(showJson(QStringLiteral("Nowhere")).isEmpty());

    // Explicit endpoints need no discovery.
    const CliRun explicitly = runAddExplicit();
    QVERIFY2(explicitly.exitCode == 0, describe(explicitly).constData());
    QCOMPARE(text(showJson(QStringLiteral("Explicit")), "tokenUrl"),
             QStringLiteral("http://127.0.0.1:9/token"));
}

void CliProfiles::exportThenImportUnderANewNameRoundTrips()
{
    addServiceProfile();
    addSmartProfile();
    const CliRun exported = runCli(args({"profile", "export", "Service"}));
    QVERIFY2(exported.exitCode == 0, describe(exported).constData());
    QVERIFY(!exported.out.contains(m_sandbox.serviceSecret.toUtf8()));
    const QJsonObject file = QJsonDocument::fromJson(exported.out).object();
    QCOMPARE(file.value(QStringLiteral("chartkey-profile")).toInt(), 1);
    QCOMPARE(text(file, "name"), QStringLiteral("Service"));

    const CliRun imported = runCli(args({"profile", "import", "-", "--name", "Service Copy"}),
                                   exported.out);
    QVERIFY2(imported.exitCode == 0, describe(imported).constData());
    QVERIFY2(imported.out.contains("chartkey profile set-secret \"Service Copy\""),
             imported.out.constData());
    QJsonObject original = showJson(QStringLiteral("Service"));
    QJsonObject copy = showJson(QStringLiteral("Service Copy"));
    QCOMPARE(text(copy, "name"), QStringLiteral("Service Copy"));
    original.remove(QStringLiteral("name"));
    copy.remove(QStringLiteral("name"));
    QCOMPARE(copy, original);

    // Through a file, and the name is taken: refused without --replace.
    const QString path = m_dir.filePath(QStringLiteral("smart.json"));
    const CliRun toFile = runCli({QStringLiteral("profile"), QStringLiteral("export"),
                                  QStringLiteral("Smart"), QStringLiteral("--output"), path});
    QVERIFY2(toFile.exitCode == 0, describe(toFile).constData());
    const CliRun again = runCli({QStringLiteral("profile"), QStringLiteral("import"), path});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("--replace"), describe(again).constData());
    const CliRun replaced = runCli({QStringLiteral("profile"), QStringLiteral("import"), path,
                                    QStringLiteral("--replace")});
    QVERIFY2(replaced.exitCode == 0, describe(replaced).constData());
    QVERIFY2(replaced.out.contains("chartkey login"), replaced.out.constData());
}

// `chartkey profile show --json NAME | chartkey profile import - --name COPY` gives the same
// profile under the new name, for a profile of each kind made above.
void CliProfiles::showJsonImportsAsItIs()
{
    addSmartProfile();
    addServiceProfile();
    addExplicitProfile();
    for (const char *name : {"Smart", "Service", "Explicit"}) {
        const QString original = QString::fromLatin1(name);
        const QString copy = original + QStringLiteral(" Shown");
        const CliRun show = runCli({QStringLiteral("profile"), QStringLiteral("show"), original,
                                    QStringLiteral("--json")});
        QVERIFY2(show.exitCode == 0, describe(show).constData());
        const CliRun imported = runCli({QStringLiteral("profile"), QStringLiteral("import"),
                                        QStringLiteral("-"), QStringLiteral("--name"), copy},
                                       show.out);
        QVERIFY2(imported.exitCode == 0, describe(imported).constData());
        ProfileStore store;
        const auto before = store.load(original);
        auto after = store.load(copy);
        QVERIFY(before && after);
        QCOMPARE(after->name, copy);
        after->name = original;
        compareProfiles(*after, *before);
        if (QTest::currentTestFailed())
            return;
    }
}

void CliProfiles::importOfAFileWithAClientSecretIsRefusedAndNothingSaved()
{
    addSmartProfile();
    const CliRun exported = runCli(args({"profile", "export", "Smart"}));
    QJsonObject o = QJsonDocument::fromJson(exported.out).object();
    o.insert(QStringLiteral("name"), QStringLiteral("Leaky"));
    o.insert(QStringLiteral("client_secret"), QStringLiteral("not-a-real-secret-1234"));
    const CliRun imported = runCli(args({"profile", "import", "-"}), QJsonDocument(o).toJson());
    QCOMPARE(imported.exitCode, 1);
    QVERIFY2(imported.err.contains("never carry secrets")
                     && imported.err.contains("chartkey profile set-secret"),
             describe(imported).constData());
    QVERIFY(showJson(QStringLiteral("Leaky")).isEmpty());
    const CliRun list = runCli(args({"profile", "list"}));
    QVERIFY(!list.out.contains("Leaky"));
}

void CliProfiles::staticTokenFromStandardInputWorksForTheApi()
{
    addSmartProfile(); // a profile that is not for a static token
    const QString staticToken = m_sandbox.mintStaticToken(QStringLiteral("canvas"));
    QVERIFY2(!staticToken.isEmpty(), "the sandbox minted no static token");
    rememberSecret(staticToken);

    const CliRun add = runCli({QStringLiteral("profile"), QStringLiteral("add"),
                               QStringLiteral("Token"), QStringLiteral("--preset"),
                               QStringLiteral("canvas-sandbox-token"), QStringLiteral("--instance"),
                               m_sandbox.instance.toString(), QStringLiteral("--fhir-base"),
                               m_sandbox.fhirBase.toString()});
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    QVERIFY2(add.out.contains("set-token"), add.out.constData());

    // Before a token is stored: signed out, with the hint.
    const CliRun before = runCli(args({"status", "--profile", "Token"}));
    QCOMPARE(before.exitCode, 3);
    QVERIFY2(before.out.contains("set-token"), before.out.constData());

    // Wrong uses of set-token.
    CliRun wrong = runCli(args({"profile", "set-token", "Token"}), "\n");
    QCOMPARE(wrong.exitCode, 2);
    wrong = runCli(args({"profile", "set-token", "Smart"}), staticToken.toUtf8() + '\n');
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY2(wrong.err.contains("static-token"), describe(wrong).constData());
    QVERIFY(!keychainListsUser(QStringLiteral("tokens:Smart")));

    const CliRun set = runCli(args({"profile", "set-token", "Token"}),
                              staticToken.toUtf8() + '\n');
    QVERIFY2(set.exitCode == 0, describe(set).constData());
    QVERIFY(!set.out.contains(staticToken.toUtf8()) && !set.err.contains(staticToken.toUtf8()));

    const auto stored = storedTokensOf(QStringLiteral("Token"));
    QVERIFY2(stored, "no tokens:Token item in the keychain");
    QVERIFY2(stored->value(QStringLiteral("access_token")).toString() == staticToken,
             "the keychain holds another token");
    QCOMPARE(stored->value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    QVERIFY(!stored->contains(QStringLiteral("refresh_token")));
    QVERIFY(!stored->contains(QStringLiteral("expires_at")));

    const CliRun status = runCli(args({"status", "--profile", "Token"}));
    QVERIFY2(status.exitCode == 0, describe(status).constData());
    QVERIFY2(status.out.contains("static access token"), redacted(status.out).constData());
    QVERIFY(!status.out.contains(staticToken.toUtf8()));

    m_sandbox.resetStats();
    const CliRun patients = runCli(args({"patients", "--limit", "1", "--profile", "Token"}));
    QVERIFY2(patients.exitCode == 0, describe(patients).constData());
    QCOMPARE(patients.out.trimmed().split('\n').size(), 1); // one patient line
    QVERIFY2(patients.out.contains("MRN"), redacted(patients.out).constData());
    QVERIFY(!patients.out.contains(staticToken.toUtf8()));
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 0);

    const CliRun login = runCli(args({"login", "--profile", "Token"}));
    QCOMPARE(login.exitCode, 2);
    QVERIFY2(login.err.contains("set-token"), describe(login).constData());
}

void CliProfiles::refusedStaticTokenIsKeptWithTheSetTokenHint()
{
    const QString staticToken = addStaticTokenProfile();
    QVERIFY(!staticToken.isEmpty());
    m_sandbox.revokeStaticToken(staticToken);
    const CliRun patients = runCli(args({"patients", "--limit", "1", "--profile", "Token"}));
    QCOMPARE(patients.exitCode, 1);
    QVERIFY2(patients.err.contains("refused the static access token")
                     && patients.err.contains("chartkey profile set-token Token"),
             describe(patients).constData());
    QVERIFY2(!patients.err.contains("chartkey login"), describe(patients).constData());
    const auto stored = storedTokensOf(QStringLiteral("Token"));
    QVERIFY2(stored && stored->value(QStringLiteral("access_token")).toString() == staticToken,
             "the refused token was removed from the keychain");
}

void CliProfiles::logoutForgetsTheStaticToken()
{
    QVERIFY(!addStaticTokenProfile().isEmpty());
    QVERIFY(keychainListsUser(QStringLiteral("tokens:Token")));
    m_sandbox.resetStats();
    const CliRun logout = runCli(args({"logout", "--profile", "Token"}));
    QVERIFY2(logout.exitCode == 0, describe(logout).constData());
    QVERIFY2(logout.err.contains("not revoked"), describe(logout).constData());
    QVERIFY(!keychainListsUser(QStringLiteral("tokens:Token")));
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 0);
}

QTEST_GUILESS_MAIN(CliProfiles)
#include "tst_cli_profiles.moc"

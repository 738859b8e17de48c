// The secret-leak scan: every chartkey flow at full verbosity (--verbose and
// QT_LOGGING_RULES="*=true": every category, Qt's own too, at every level), for a public and a
// confidential client, a refresh, a failed refresh and logout, and for a client that
// authenticates with a key (private_key_jwt: key import, generate, rotate, show, tokens,
// renewal and revocation with assertions); then every file the app could
// have written and everything it printed is searched for every secret of the run: access
// tokens, refresh tokens (read from the keychain while signed in), authorization codes and
// PKCE verifiers (what the sandbox's token route received: GET /__admin/last-secrets) and the
// client secret; the ID token of an OpenID sign-in and its nonce; the private keys in their
// PEM form (the imported key, as given on standard input) and JWK form (each key's private
// members and its whole JSON, as kept in the keychain). A hit fails with the file (or
// command) and the kind of secret, never the value. The allowed places: the stdout of
// `chartkey token`, which must be exactly the access token, and the authorization address
// `chartkey login` prints to be opened by hand (its nonce and state). The sign-ins go through
// the consent client (tests/sandbox/consent: the same
// authorization requests and redirects as a browser, over plain HTTP).
//
// The flows are the fixture of the scans: the two ...FlowsAtFullVerbosity test functions run
// them; a scan run on its own (`faults_secret_leaks noOutputHoldsASecret`) runs them first
// (ensureFlowsRan()), so that it never scans an empty record.
//
// Scanned: $HOME, $XDG_CONFIG_HOME, $XDG_DATA_HOME, $XDG_CACHE_HOME, $XDG_RUNTIME_DIR
// (settings, profile locks, caches, anything written by Qt or the app; there is no crash
// output or activity export on the command line, but a file either would write lands here).
// Skipped, and why:
//   $XDG_DATA_HOME/keyrings   gnome-keyring's own encrypted store: the one place the secrets
//                             are meant to be (it is not written by chartkey);
//   Chromium's files          should a browser run here (the flows use the consent client,
//                             which writes no file): its profile holds the redirect with the
//                             code in its history by design; what Chromium leaves in
//                             $XDG_CONFIG_HOME/chromium (Crash Reports), $XDG_CACHE_HOME/chromium
//                             and $HOME/.pki is the browser's, not chartkey's.
#include "cli.h"
#include "clie2e.h"
#include "faults.h"
#include "sandbox.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <map>

using namespace chartkey::test;
using namespace chartkey::test::e2e;
using namespace chartkey::test::faults;

namespace {

const QString kPublic = QStringLiteral("Public");
const QString kConfidential = QStringLiteral("Conf");

struct Captured
{
    QString what;             // the command line, without secrets
    CliRun run;
    bool printsToken = false; // `chartkey token`: stdout is the access token, and only that
};

// The command ended as expected, or crashed or hung (reported by its own test function below;
// the flows go on so that the scan still sees everything).
bool ended(const CliRun &run, int expected)
{
    return run.exitCode == expected || run.exitCode == -1;
}

} // namespace

class SecretLeaks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void publicClientFlowsAtFullVerbosity();
    void confidentialClientFlowsAtFullVerbosity();
    void keyClientFlowsAtFullVerbosity();
    void everyCommandEndsWithItsOwnExitStatus();
    void verboseAloneLogsEachHttpExchange();
    void noOutputHoldsASecret();
    void noFileTheAppWroteHoldsASecret();

private:
    // Runs whichever of the two flows has not run yet in this process.
    void ensureFlowsRan();
    CliRun run(const QStringList &args, const QByteArray &input = {}, bool printsToken = false,
               int timeoutMs = 10000);
    void collect(const QString &kind, const QString &value);
    void collectStoredTokens(const QString &profile);
    void collectCodeExchange(bool confidential);
    // The kinds of secret `text` contains.
    QStringList kindsIn(const QByteArray &text) const;
    static QByteArray withoutAuthorizationAddress(const QByteArray &err);

    Sandbox m_sandbox;
    std::map<QString, QList<QByteArray>> m_secrets; // kind -> values
    QList<Captured> m_runs;
    CliRun m_verboseAlone;
    bool m_publicFlowRan = false;
    bool m_confidentialFlowRan = false;
    bool m_keyFlowRan = false;
};

void SecretLeaks::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
    QVERIFY(!m_sandbox.consent.isEmpty());
}

void SecretLeaks::ensureFlowsRan()
{
    if (!m_publicFlowRan)
        publicClientFlowsAtFullVerbosity();
    if (!m_confidentialFlowRan && !QTest::currentTestFailed())
        confidentialClientFlowsAtFullVerbosity();
    if (!m_keyFlowRan && !QTest::currentTestFailed())
        keyClientFlowsAtFullVerbosity();
}

CliRun SecretLeaks::run(const QStringList &args, const QByteArray &input, bool printsToken,
                        int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    const CliRun r = runCliWithEnvironment(args + QStringList{QStringLiteral("--verbose")},
                                           {{QStringLiteral("QT_LOGGING_RULES"),
                                             QStringLiteral("*=true")}},
                                           input, timeoutMs);
    m_runs.append({args.join(QLatin1Char(' ')), r, printsToken});
    qInfo("chartkey %s: exit %d%s, %lld ms", qPrintable(args.first()), r.exitCode,
          r.timedOut ? " (killed: no end)" : "", qlonglong(clock.elapsed()));
    return r;
}

void SecretLeaks::collect(const QString &kind, const QString &value)
{
    if (value.size() < 8)
        return;
    rememberSecret(value);
    QList<QByteArray> &values = m_secrets[kind];
    const QByteArray raw = value.toUtf8();
    if (!values.contains(raw))
        values << raw;
    // As it would stand in a URL or a form body.
    const QByteArray encoded = QUrl::toPercentEncoding(value);
    if (!values.contains(encoded))
        values << encoded;
}

void SecretLeaks::collectStoredTokens(const QString &profile)
{
    const auto stored = storedTokensOf(profile);
    QVERIFY2(stored, qPrintable(QStringLiteral("no tokens:%1 in the keychain").arg(profile)));
    const QString access = stored->value(QStringLiteral("access_token")).toString();
    const QString refresh = stored->value(QStringLiteral("refresh_token")).toString();
    QVERIFY(access.size() >= 16);
    QVERIFY(refresh.size() >= 16);
    collect(QStringLiteral("access token"), access);
    collect(QStringLiteral("refresh token"), refresh);
    // OpenID Connect: the ID token, and the nonce of the sign-in it carries (a claim).
    const QString idToken = stored->value(QStringLiteral("id_token")).toString();
    if (idToken.isEmpty())
        return;
    collect(QStringLiteral("ID token"), idToken);
    const QByteArray payload = idToken.section(QLatin1Char('.'), 1, 1).toLatin1();
    const QJsonObject claims = QJsonDocument::fromJson(QByteArray::fromBase64(
                                                               payload, QByteArray::Base64UrlEncoding))
                                       .object();
    const QString nonce = claims.value(QStringLiteral("nonce")).toString();
    QVERIFY2(nonce.size() >= 16, "the ID token carries no nonce: chartkey sent none");
    collect(QStringLiteral("nonce"), nonce);
}

void SecretLeaks::collectCodeExchange(bool confidential)
{
    const CodeExchangeSecrets last = lastCodeExchange(m_sandbox);
    QVERIFY2(last.code.size() >= 16, "the sandbox saw no authorization code");
    QVERIFY2(last.codeVerifier.size() >= 43, "chartkey sent no PKCE code_verifier");
    collect(QStringLiteral("authorization code"), last.code);
    collect(QStringLiteral("PKCE code_verifier"), last.codeVerifier);
    if (confidential) {
        QCOMPARE(last.clientSecret, m_sandbox.confidentialSecret);
        collect(QStringLiteral("client secret"), last.clientSecret);
    } else {
        QVERIFY2(last.clientSecret.isEmpty(), "a public client sent a client secret");
    }
}

void SecretLeaks::publicClientFlowsAtFullVerbosity()
{
    m_publicFlowRan = true;
    const QStringList profile{QStringLiteral("--profile"), kPublic};
    CliRun r = run(addProfileArgs(m_sandbox, kPublic));
    QVERIFY2(ended(r, 0), describe(r).constData());

    r = run(QStringList{QStringLiteral("login"), QStringLiteral("--browser"), m_sandbox.consent}
                    + profile,
            {}, false, 90000);
    QVERIFY2(ended(r, 0), describe(r).constData());
    collectCodeExchange(false);
    collectStoredTokens(kPublic);
    if (QTest::currentTestFailed())
        return;

    r = run(QStringList{QStringLiteral("token")} + profile, {}, true);
    QVERIFY2(ended(r, 0), describe(r).constData());
    r = run(QStringList{QStringLiteral("status"), QStringLiteral("--json")} + profile);
    QVERIFY2(ended(r, 0), describe(r).constData());
    r = run(QStringList{QStringLiteral("patients"), QStringLiteral("--name"),
                        QStringLiteral("Briddle"), QStringLiteral("--json")}
            + profile);
    QVERIFY2(ended(r, 0), describe(r).constData());
    const QJsonArray patients = QJsonDocument::fromJson(r.out).array();
    QVERIFY(!patients.isEmpty());
    const QString patient = patients.first().toObject().value(QStringLiteral("id")).toString();
    r = run(QStringList{QStringLiteral("appointments"), patient} + profile);
    QVERIFY2(ended(r, 0), describe(r).constData());
    const QString note = QString::fromUtf8(r.out.split('\n').first().split('\t').last());
    QVERIFY2(note.startsWith(QLatin1String("note-")), r.out.constData());
    r = run(QStringList{QStringLiteral("note"), QStringLiteral("lock"), note} + profile);
    QVERIFY2(ended(r, 0), describe(r).constData());
    // --verbose alone, without QT_LOGGING_RULES (checked by verboseAloneLogsEachHttpExchange).
    m_verboseAlone = runCli(QStringList{QStringLiteral("patients"), QStringLiteral("--limit"),
                                        QStringLiteral("1"), QStringLiteral("--verbose")}
                            + profile);
    m_runs.append({QStringLiteral("patients --limit 1 --verbose (no QT_LOGGING_RULES)"),
                   m_verboseAlone, false});

    // A rejected token: refreshed (the refresh token in a form body) and retried.
    m_sandbox.expireTokens();
    r = run(QStringList{QStringLiteral("patients"), QStringLiteral("--limit"),
                        QStringLiteral("1")}
            + profile);
    QVERIFY2(ended(r, 0), describe(r).constData());
    collectStoredTokens(kPublic);

    // A failed refresh, with the technical detail printed (--verbose).
    m_sandbox.expireTokens();
    m_sandbox.failNext(QStringLiteral("token"), 1, QStringLiteral("html"));
    r = run(QStringList{QStringLiteral("patients"), QStringLiteral("--limit"),
                        QStringLiteral("1")}
            + profile);
    QVERIFY2(ended(r, 1), describe(r).constData());
    m_sandbox.failNext(QStringLiteral("token"), 0, QStringLiteral("500"));

    r = run(QStringList{QStringLiteral("token")} + profile, {}, true);
    QVERIFY2(ended(r, 0), describe(r).constData());
    r = run(QStringList{QStringLiteral("logout")} + profile);
    QVERIFY2(ended(r, 0), describe(r).constData());
    r = run(QStringList{QStringLiteral("status")} + profile);
    QVERIFY2(ended(r, 3), describe(r).constData());
}

void SecretLeaks::confidentialClientFlowsAtFullVerbosity()
{
    m_confidentialFlowRan = true;
    const QStringList profile{QStringLiteral("--profile"), kConfidential};
    // An OpenID sign-in: the ID token and the nonce are scanned for too.
    QStringList add = addProfileArgs(
            m_sandbox, kConfidential,
            {QStringLiteral("--client-secret-stdin"), QStringLiteral("--scope"),
             QStringLiteral("openid fhirUser user/Patient.read user/Appointment.read "
                            "offline_access launch")});
    add[add.indexOf(m_sandbox.publicClientId)] = m_sandbox.confidentialClientId;
    CliRun r = run(add, m_sandbox.confidentialSecret.toUtf8() + '\n');
    QVERIFY2(ended(r, 0), describe(r).constData());
    collect(QStringLiteral("client secret"), m_sandbox.confidentialSecret);

    r = run(QStringList{QStringLiteral("profile"), QStringLiteral("show"), kConfidential,
                        QStringLiteral("--json")});
    QVERIFY2(ended(r, 0), describe(r).constData());
    r = run(QStringList{QStringLiteral("login"), QStringLiteral("--browser"), m_sandbox.consent}
                    + profile,
            {}, false, 90000);
    QVERIFY2(ended(r, 0), describe(r).constData());
    collectCodeExchange(true);
    collectStoredTokens(kConfidential);
    if (QTest::currentTestFailed())
        return;

    r = run(QStringList{QStringLiteral("token")} + profile, {}, true);
    QVERIFY2(ended(r, 0), describe(r).constData());
    // A refresh with the client secret in the form body.
    m_sandbox.expireTokens();
    r = run(QStringList{QStringLiteral("patients"), QStringLiteral("--limit"),
                        QStringLiteral("1")}
            + profile);
    QVERIFY2(ended(r, 0), describe(r).constData());
    collectStoredTokens(kConfidential);
    r = run(QStringList{QStringLiteral("status"), QStringLiteral("--json")} + profile);
    QVERIFY2(ended(r, 0), describe(r).constData());
    r = run(QStringList{QStringLiteral("logout")} + profile);
    QVERIFY2(ended(r, 0), describe(r).constData());
}

void SecretLeaks::keyClientFlowsAtFullVerbosity()
{
    m_keyFlowRan = true;
    const QString name = QStringLiteral("Keyed");
    const QString clientId = QStringLiteral("leak-scan-backend");
    const QStringList profile{QStringLiteral("--profile"), name};
    CliRun r = run({QStringLiteral("profile"), QStringLiteral("add"), name,
                    QStringLiteral("--preset"), QStringLiteral("smart-backend"),
                    QStringLiteral("--fhir-base"), m_sandbox.fhirBase.toString(),
                    QStringLiteral("--client-id"), clientId, QStringLiteral("--scope"),
                    QStringLiteral("system/Patient.read system/Appointment.read")});
    QVERIFY2(ended(r, 0), describe(r).constData());

    // A key given as PEM on standard input (its PEM form is then known to the scan).
    const CliRun pem = runProgram(QStringLiteral("openssl"),
                                  {QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                                   QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
                                   QStringLiteral("rsa_keygen_bits:2048")});
    QVERIFY2(pem.exitCode == 0, "openssl genpkey failed");
    // The whole body, and each line past the public part (PKCS#8 RSA: n and e come first,
    // within the first 300 bytes; the lines after 384 bytes hold only private members, so a
    // hit cannot be the public key that key show prints on purpose).
    QByteArray body;
    int index = 0;
    for (const QByteArray &line : pem.out.split('\n')) {
        if (line.isEmpty() || line.startsWith("-----"))
            continue;
        if (index++ >= 8)
            collect(QStringLiteral("private key (PEM)"), QString::fromLatin1(line));
        body += line;
    }
    collect(QStringLiteral("private key (PEM)"), QString::fromLatin1(body));
    r = run(QStringList{QStringLiteral("key"), QStringLiteral("import"), QStringLiteral("--alg"),
                        QStringLiteral("RS384")}
                    + profile,
            pem.out);
    QVERIFY2(ended(r, 0), describe(r).constData());
    // Rotated to a key chartkey made itself.
    r = run(QStringList{QStringLiteral("key"), QStringLiteral("rotate"), QStringLiteral("--alg"),
                        QStringLiteral("ES384")}
            + profile);
    QVERIFY2(ended(r, 0), describe(r).constData());
    for (const char *format : {"jwks", "pem", "x509"}) {
        r = run(QStringList{QStringLiteral("key"), QStringLiteral("show"), QStringLiteral("--format"),
                            QString::fromLatin1(format)}
                + profile);
        QVERIFY2(ended(r, 0), describe(r).constData());
    }
    r = run(QStringList{QStringLiteral("key"), QStringLiteral("show")} + profile);
    const QJsonObject jwks = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(jwks.value(QStringLiteral("keys")).toArray().size(), 2);
    QVERIFY(m_sandbox.registerKeyClient(clientId, jwks).value(QStringLiteral("ok")).toBool());

    // The JWK form of both keys, as the keychain keeps them.
    const auto stored = keychainSecret(QStringLiteral("client-key:") + name);
    QVERIFY2(stored, "no client-key entry in the keychain");
    QJsonDocument ring = QJsonDocument::fromJson(*stored);
    if (!ring.isObject())
        ring = QJsonDocument::fromJson(QByteArray::fromBase64(stored->trimmed()));
    const QJsonArray keys = ring.object().value(QStringLiteral("keys")).toArray();
    QCOMPARE(keys.size(), 2);
    for (const QJsonValue &k : keys) {
        const QJsonObject key = k.toObject();
        collect(QStringLiteral("private key (JWK)"),
                QString::fromUtf8(QJsonDocument(key).toJson(QJsonDocument::Compact)));
        for (const QString &member : {QStringLiteral("d"), QStringLiteral("p"), QStringLiteral("q"),
                                      QStringLiteral("dp"), QStringLiteral("dq"), QStringLiteral("qi")})
            collect(QStringLiteral("private key (JWK)"), key.value(member).toString());
    }

    // Tokens with assertions: client credentials, a renewal after a rejected token,
    // revocation at logout; and an export.
    r = run(QStringList{QStringLiteral("token")} + profile, {}, true);
    QVERIFY2(ended(r, 0), describe(r).constData());
    const auto first = storedTokensOf(name); // client credentials: no refresh token
    QVERIFY(first);
    collect(QStringLiteral("access token"), first->value(QStringLiteral("access_token")).toString());
    m_sandbox.expireTokens();
    r = run(QStringList{QStringLiteral("api"), QStringLiteral("Patient?_count=1")} + profile);
    QVERIFY2(ended(r, 0), describe(r).constData());
    r = run(QStringList{QStringLiteral("token")} + profile, {}, true);
    QVERIFY2(ended(r, 0), describe(r).constData());
    const auto renewed = storedTokensOf(name);
    QVERIFY(renewed);
    collect(QStringLiteral("access token"),
            renewed->value(QStringLiteral("access_token")).toString());
    r = run({QStringLiteral("profile"), QStringLiteral("export"), name});
    QVERIFY2(ended(r, 0), describe(r).constData());
    r = run(QStringList{QStringLiteral("logout")} + profile);
    QVERIFY2(ended(r, 0), describe(r).constData());
}

// At full verbosity too. (Qt logs while the process exits, after chartkey's own statics are
// gone: the log handler must still work then.)
void SecretLeaks::everyCommandEndsWithItsOwnExitStatus()
{
    ensureFlowsRan();
    QVERIFY(!m_runs.isEmpty());
    QStringList crashed;
    for (const Captured &c : std::as_const(m_runs)) {
        if (c.run.exitCode != -1)
            continue;
        const QList<QByteArray> lines = c.run.err.trimmed().split('\n');
        crashed << QStringLiteral("`chartkey %1` %2; last lines of stderr:\n  %3\n  %4")
                           .arg(c.what,
                                c.run.timedOut ? QStringLiteral("hung") : QStringLiteral("crashed"),
                                QString::fromUtf8(redacted(lines.value(lines.size() - 2))),
                                QString::fromUtf8(redacted(lines.last())));
    }
    QVERIFY2(crashed.isEmpty(), qPrintable(QStringLiteral("%1 of %2 commands did not end "
                                                          "normally:\n")
                                                   .arg(crashed.size())
                                                   .arg(m_runs.size())
                                           + crashed.join(QLatin1Char('\n'))));
}

// `--verbose` alone (no QT_LOGGING_RULES) shows the HTTP exchanges, as chartkey --help and
// the README say ("log what happens on the wire", "logs each HTTP exchange").
void SecretLeaks::verboseAloneLogsEachHttpExchange()
{
    ensureFlowsRan();
    QVERIFY2(ended(m_verboseAlone, 0), describe(m_verboseAlone).constData());
    QVERIFY2(m_verboseAlone.err.contains("GET ") && m_verboseAlone.err.contains("/Patient"),
             ("`chartkey patients --verbose` logged no HTTP exchange: "
              + describe(m_verboseAlone))
                     .constData());
}

// `chartkey login` prints the authorization request's address for a person to open by hand:
// the one allowed place for the nonce (and the state), which the browser is given anyway.
// Only that line, as login prints it; the same values anywhere else (a log line) are hits.
QByteArray SecretLeaks::withoutAuthorizationAddress(const QByteArray &err)
{
    QList<QByteArray> lines = err.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines.at(i - 1).endsWith("If it does not open, visit:"))
            lines[i] = "  [the authorization address]";
    }
    return lines.join('\n');
}

QStringList SecretLeaks::kindsIn(const QByteArray &text) const
{
    QStringList kinds;
    for (const auto &[kind, values] : m_secrets) {
        for (const QByteArray &value : values) {
            if (text.contains(value)) {
                kinds << kind;
                break;
            }
        }
    }
    return kinds;
}

void SecretLeaks::noOutputHoldsASecret()
{
    ensureFlowsRan();
    for (const char *kind : {"access token", "refresh token", "authorization code",
                             "PKCE code_verifier", "client secret", "ID token", "nonce",
                             "private key (PEM)", "private key (JWK)"})
        QVERIFY2(m_secrets.count(QString::fromLatin1(kind)) == 1,
                 qPrintable(QStringLiteral("no %1 was collected: the scan would be void")
                                    .arg(QString::fromLatin1(kind))));
    QVERIFY(m_runs.size() >= 15);

    QStringList hits;
    for (const Captured &c : std::as_const(m_runs)) {
        QByteArray out = c.run.out;
        if (c.printsToken) {
            // The one allowed place: exactly one line, an access token of this run.
            const QByteArray line = out.trimmed();
            const auto &access = m_secrets.at(QStringLiteral("access token"));
            QVERIFY2(out == line + '\n' && access.contains(line),
                     qPrintable(c.what + QStringLiteral(": stdout is not exactly the access "
                                                        "token")));
            out.clear();
        }
        for (const QString &kind : kindsIn(out))
            hits << QStringLiteral("stdout of `chartkey %1`: %2").arg(c.what, kind);
        for (const QString &kind : kindsIn(withoutAuthorizationAddress(c.run.err)))
            hits << QStringLiteral("stderr of `chartkey %1`: %2").arg(c.what, kind);
    }
    // The scan did see verbose logs (else it proves little).
    bool verbose = false;
    for (const Captured &c : std::as_const(m_runs))
        verbose = verbose || c.run.err.contains("/auth/token/");
    QVERIFY2(verbose, "no run logged its token requests: --verbose had no effect");
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
}

void SecretLeaks::noFileTheAppWroteHoldsASecret()
{
    ensureFlowsRan();
    QStringList roots = userDirectories();
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && !roots.contains(runtime))
        roots << runtime;
    const QString keyrings = qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/keyrings/");
    const QStringList browserDirs = {
            qEnvironmentVariable("HOME") + QStringLiteral("/.pki/"),
            qEnvironmentVariable("XDG_CONFIG_HOME") + QStringLiteral("/chromium/"),
            qEnvironmentVariable("XDG_CACHE_HOME") + QStringLiteral("/chromium/")};

    QStringList hits;
    QStringList scanned;
    for (const QString &root : std::as_const(roots)) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!it.fileInfo().isFile() || scanned.contains(path) || path.startsWith(keyrings))
                continue;
            bool browser = false;
            for (const QString &dir : browserDirs)
                browser = browser || path.startsWith(dir);
            if (browser)
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            scanned << path;
            for (const QString &kind : kindsIn(file.readAll()))
                hits << path + QStringLiteral(": ") + kind;
        }
    }
    qInfo("scanned %lld files: %s", qlonglong(scanned.size()),
          qPrintable(scanned.join(QStringLiteral(", "))));
    const bool sawSettings = std::any_of(scanned.cbegin(), scanned.cend(), [](const QString &p) {
        return p.endsWith(QLatin1String("/chartkey/chartkey.conf"));
    });
    QVERIFY2(sawSettings, "the settings file was not among the scanned files");
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(SecretLeaks)
#include "tst_secret_leaks.moc"

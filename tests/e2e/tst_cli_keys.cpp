// Client authentication with a key (private_key_jwt, RFC 7523), end to end against the
// sandbox, whose oidc-provider verifies every assertion itself (signature against the
// registered JWKS, aud, exp, jti replay): a developer makes a key with `chartkey key
// generate`, registers the JWKS `chartkey key show` prints (the sandbox's admin path stands
// for the EHR's registration page), and gets tokens with `chartkey token`; the private key is
// only ever in the keychain.
#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"
#include "signedin.h"

#include "auth/clientassertion.h"
#include "auth/jose.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>
#include <vector>

using namespace chartkey;
using namespace chartkey::test;
using namespace chartkey::test::e2e;

namespace {

const QString kBackend = QStringLiteral("Backend");
const QString kScope = QStringLiteral("system/Patient.read system/Appointment.read");

QJsonObject jsonOf(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

QStringList kidsOf(const QJsonObject &jwks)
{
    QStringList kids;
    for (const QJsonValue &k : jwks.value(QStringLiteral("keys")).toArray())
        kids << k.toObject().value(QStringLiteral("kid")).toString();
    return kids;
}

// The key ring chartkey keeps for `profile` (QtKeychain stores binary data base64-encoded).
QJsonObject storedKeyRing(const QString &profile)
{
    const auto secret = keychainSecret(QStringLiteral("client-key:") + profile);
    if (!secret)
        return {};
    QJsonDocument doc = QJsonDocument::fromJson(*secret);
    if (!doc.isObject()) {
        const auto decoded = QByteArray::fromBase64Encoding(secret->trimmed());
        if (decoded)
            doc = QJsonDocument::fromJson(*decoded);
    }
    const QJsonObject ring = doc.object();
    for (const QJsonValue &k : ring.value(QStringLiteral("keys")).toArray()) {
        for (const QString &member : {QStringLiteral("d"), QStringLiteral("p"), QStringLiteral("q")})
            rememberSecret(k.toObject().value(member).toString());
    }
    return ring;
}

} // namespace

class CliKeys final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void backendServiceGetsTokensWithAKey_data();
    void backendServiceGetsTokensWithAKey();
    void sixteenConcurrentCallersMakeOneTokenRequest();
    void rotationKeepsTheOldKeyUntilItIsRetired();
    void retiredKeyIsRefusedByTheServer();
    void authorizationCodeWithAKeyRefreshesAndRevokes();
    void keyShowPrintsPemAndCertificate();
    void checkProbesTheServersAssertionChecks();

private:
    // scratch, profile `name` (smart-backend for `clientId`), a key of `alg`, its JWKS
    // registered at the sandbox.
    bool backendWithKey(const QString &name, const QString &clientId, const QString &alg,
                        QByteArray *problem);
    QJsonObject showJwks(const QString &name, QByteArray *problem);

    Sandbox m_sandbox;
};

void CliKeys::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
}

QJsonObject CliKeys::showJwks(const QString &name, QByteArray *problem)
{
    const CliRun show = runCli({QStringLiteral("key"), QStringLiteral("show"),
                                QStringLiteral("--profile"), name});
    if (show.exitCode != 0) {
        *problem = "key show: " + describe(show);
        return {};
    }
    const QJsonObject jwks = jsonOf(show.out);
    if (kidsOf(jwks).isEmpty())
        *problem = "key show printed no JWKS";
    return jwks;
}

bool CliKeys::backendWithKey(const QString &name, const QString &clientId, const QString &alg,
                             QByteArray *problem)
{
    const Step scratch = startFromScratch(m_sandbox);
    if (!scratch) {
        *problem = scratch.problem;
        return false;
    }
    const CliRun add = runCli({QStringLiteral("profile"), QStringLiteral("add"), name,
                               QStringLiteral("--preset"), QStringLiteral("smart-backend"),
                               QStringLiteral("--fhir-base"), m_sandbox.fhirBase.toString(),
                               QStringLiteral("--client-id"), clientId, QStringLiteral("--scope"),
                               kScope});
    if (add.exitCode != 0) {
        *problem = "profile add: " + describe(add);
        return false;
    }
    if (!add.out.contains("chartkey key generate")) {
        *problem = "profile add did not say to make a key: " + add.out;
        return false;
    }
    const CliRun generate = runCli({QStringLiteral("key"), QStringLiteral("generate"),
                                    QStringLiteral("--profile"), name, QStringLiteral("--alg"),
                                    alg});
    if (generate.exitCode != 0) {
        *problem = "key generate: " + describe(generate);
        return false;
    }
    const QJsonObject jwks = showJwks(name, problem);
    if (jwks.isEmpty())
        return false;
    const QJsonObject registered = m_sandbox.registerKeyClient(clientId, jwks);
    if (!registered.value(QStringLiteral("ok")).toBool()) {
        *problem = "registration: " + QJsonDocument(registered).toJson(QJsonDocument::Compact);
        return false;
    }
    return true;
}

void CliKeys::backendServiceGetsTokensWithAKey_data()
{
    QTest::addColumn<QString>("alg");
    QTest::newRow("ES384") << QStringLiteral("ES384");
    QTest::newRow("RS384") << QStringLiteral("RS384");
}

void CliKeys::backendServiceGetsTokensWithAKey()
{
    QFETCH(QString, alg);
    const QString clientId = QStringLiteral("backend-") + alg.toLower();
    QByteArray problem;
    QVERIFY2(backendWithKey(kBackend, clientId, alg, &problem), problem.constData());

    // The JWKS is public: one key, of the algorithm asked for, kid = RFC 7638 thumbprint.
    const QJsonObject jwks = showJwks(kBackend, &problem);
    const QJsonObject key = jwks.value(QStringLiteral("keys")).toArray().first().toObject();
    QCOMPARE(key.value(QStringLiteral("alg")).toString(), alg);
    QCOMPARE(key.value(QStringLiteral("kid")).toString(),
             QString::fromLatin1(jose::thumbprint(key)));
    QVERIFY(!key.contains(QStringLiteral("d")));

    m_sandbox.resetStats();
    const CliRun token = runCli({QStringLiteral("token"), QStringLiteral("--profile"), kBackend});
    QVERIFY2(token.exitCode == 0, describe(token).constData());
    rememberSecret(token.out.trimmed());
    QVERIFY(!token.out.trimmed().isEmpty());
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("client_credentials")), 1);
    // The token works at the FHIR server.
    const CliRun api = runCli({QStringLiteral("api"), QStringLiteral("--profile"), kBackend,
                               QStringLiteral("Patient?_count=1")});
    QVERIFY2(api.exitCode == 0, describe(api).constData());
    // Reused until due, as everywhere.
    const CliRun again = runCli({QStringLiteral("token"), QStringLiteral("--profile"), kBackend});
    QCOMPARE(again.out, token.out);
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("client_credentials")), 1);

    // The private key is in the keychain and nowhere under the home or XDG directories.
    const QJsonObject ring = storedKeyRing(kBackend);
    const QJsonObject stored = ring.value(QStringLiteral("keys")).toArray().first().toObject();
    const QByteArray d = stored.value(QStringLiteral("d")).toString().toUtf8();
    QVERIFY2(d.size() > 20, "the keychain holds no private key");
    int scanned = 0;
    const QStringList leaks = filesContaining(userDirectories(), {d}, &scanned);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
    QVERIFY(scanned > 0);
    // Nor in what chartkey printed.
    QVERIFY(!token.err.contains(d) && !again.err.contains(d));

    // A profile export carries no key.
    const CliRun exported = runCli({QStringLiteral("profile"), QStringLiteral("export"), kBackend});
    QVERIFY2(exported.exitCode == 0, describe(exported).constData());
    QVERIFY(!exported.out.contains(d));
    QVERIFY(exported.out.contains("private_key_jwt"));
}

void CliKeys::sixteenConcurrentCallersMakeOneTokenRequest()
{
    QByteArray problem;
    QVERIFY2(backendWithKey(kBackend, QStringLiteral("backend-concurrent"),
                            QStringLiteral("ES384"), &problem),
             problem.constData());
    m_sandbox.setAccessTtl(300); // Backend Services tokens often live 300 s
    m_sandbox.resetStats();
    constexpr int kCallers = 16;
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < kCallers; ++i)
        processes.emplace_back(startCli({QStringLiteral("token"), QStringLiteral("--profile"),
                                         kBackend}));
    QStringList tokens;
    for (int i = 0; i < kCallers; ++i) {
        QProcess *p = processes[size_t(i)].get();
        QVERIFY2(p->waitForFinished(90000), "a caller did not finish within 90 s");
        const QByteArray err = p->readAllStandardError();
        QVERIFY2(p->exitCode() == 0, redacted(err).constData());
        const QByteArray out = p->readAllStandardOutput().trimmed();
        rememberSecret(out);
        tokens << QString::fromUtf8(out);
    }
    for (const QString &t : std::as_const(tokens))
        QVERIFY2(!t.isEmpty() && t == tokens.first(), "the callers printed different tokens");
    const int requests = m_sandbox.tokenRequests(QStringLiteral("client_credentials"));
    qInfo("%d concurrent `chartkey token` callers: %d token request(s)", kCallers, requests);
    QCOMPARE(requests, 1);
}

void CliKeys::rotationKeepsTheOldKeyUntilItIsRetired()
{
    const QString clientId = QStringLiteral("backend-rotation");
    QByteArray problem;
    QVERIFY2(backendWithKey(kBackend, clientId, QStringLiteral("ES384"), &problem),
             problem.constData());
    const QStringList first = kidsOf(showJwks(kBackend, &problem));
    QCOMPARE(first.size(), 1);

    // generate again is refused (it would drop the registered key): rotate instead.
    const CliRun again = runCli({QStringLiteral("key"), QStringLiteral("generate"),
                                 QStringLiteral("--profile"), kBackend});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains("chartkey key rotate"));

    const CliRun rotate = runCli({QStringLiteral("key"), QStringLiteral("rotate"),
                                  QStringLiteral("--profile"), kBackend});
    QVERIFY2(rotate.exitCode == 0, describe(rotate).constData());
    const QStringList both = kidsOf(showJwks(kBackend, &problem));
    QCOMPARE(both.size(), 2);
    QCOMPARE(both.first(), first.first()); // the old one stays until retired

    // The server still has only the old key: the new one signs, so it refuses, and chartkey
    // says why and what to do.
    m_sandbox.resetStats();
    const CliRun refused = runCli({QStringLiteral("token"), QStringLiteral("--profile"), kBackend});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("chartkey key show"), describe(refused).constData());

    // Registered again (both keys): accepted.
    QVERIFY(m_sandbox.registerKeyClient(clientId, showJwks(kBackend, &problem))
                    .value(QStringLiteral("ok")).toBool());
    const CliRun token = runCli({QStringLiteral("token"), QStringLiteral("--profile"), kBackend});
    QVERIFY2(token.exitCode == 0, describe(token).constData());
    rememberSecret(token.out.trimmed());

    // The signing key cannot be retired; the old one can. A kid is base64url and may begin
    // with "-" (1 in 64): after "--" it is never taken for options.
    const auto retireKid = [](const QString &kid) {
        return runCli({QStringLiteral("key"), QStringLiteral("retire"), QStringLiteral("--profile"),
                       kBackend, QStringLiteral("--"), kid});
    };
    const CliRun retireNew = retireKid(both.last());
    QCOMPARE(retireNew.exitCode, 1);
    QVERIFY(retireNew.err.contains("signs"));
    const CliRun retire = retireKid(first.first());
    QVERIFY2(retire.exitCode == 0, describe(retire).constData());
    QCOMPARE(kidsOf(showJwks(kBackend, &problem)), QStringList{both.last()});
    const CliRun unknown = retireKid(first.first());
    QCOMPARE(unknown.exitCode, 1);
}

void CliKeys::retiredKeyIsRefusedByTheServer()
{
    // A key imported from PEM (so that this test holds the private key a retired key would
    // be), rotated, retired, and the JWKS registered again: an assertion signed with the
    // retired key is refused by the server; chartkey's own (the new key) is accepted.
    const Step scratch = startFromScratch(m_sandbox);
    QVERIFY2(scratch, scratch.why());
    const QString clientId = QStringLiteral("backend-retired");
    const CliRun add = runCli({QStringLiteral("profile"), QStringLiteral("add"), kBackend,
                               QStringLiteral("--preset"), QStringLiteral("smart-backend"),
                               QStringLiteral("--fhir-base"), m_sandbox.fhirBase.toString(),
                               QStringLiteral("--client-id"), clientId, QStringLiteral("--scope"),
                               kScope});
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    const CliRun pem = runProgram(QStringLiteral("openssl"),
                                  {QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
                                   QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
                                   QStringLiteral("ec_paramgen_curve:P-384")});
    if (pem.exitCode != 0)
        QSKIP("openssl(1) is not installed");
    rememberSecret(pem.out.trimmed());
    const CliRun import = runCli({QStringLiteral("key"), QStringLiteral("import"),
                                  QStringLiteral("--profile"), kBackend},
                                 pem.out);
    QVERIFY2(import.exitCode == 0, describe(import).constData());
    QVERIFY(!import.out.contains("PRIVATE"));
    const QJsonObject retiredKey = jose::importPrivateKeyPem(pem.out);
    QVERIFY(!retiredKey.isEmpty());
    QByteArray problem;
    QVERIFY(m_sandbox.registerKeyClient(clientId, showJwks(kBackend, &problem))
                    .value(QStringLiteral("ok")).toBool());

    const auto tokenWith = [&](const QJsonObject &key) {
        const QByteArray assertion = clientassertion::make(
                clientId, m_sandbox.tokenEndpoint, key, QDateTime::currentDateTimeUtc());
        const QByteArray body = "grant_type=client_credentials&scope=system%2FPatient.read"
                                "&client_id=" + clientId.toUtf8()
                + "&client_assertion_type=" + QUrl::toPercentEncoding(
                        QString::fromLatin1(clientassertion::kAssertionType))
                + "&client_assertion=" + assertion;
        return runProgram(QStringLiteral("curl"),
                          {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                           QStringLiteral("-w"), QStringLiteral("%{http_code}"),
                           QStringLiteral("--data-binary"), QStringLiteral("@-"),
                           m_sandbox.tokenEndpoint.toString()},
                          30000, body)
                .out;
    };
    QCOMPARE(tokenWith(retiredKey), QByteArray("200")); // registered: accepted

    QCOMPARE(runCli({QStringLiteral("key"), QStringLiteral("rotate"), QStringLiteral("--profile"),
                     kBackend}).exitCode, 0);
    const QString oldKid = retiredKey.value(QStringLiteral("kid")).toString();
    QCOMPARE(runCli({QStringLiteral("key"), QStringLiteral("retire"), QStringLiteral("--profile"),
                     kBackend, QStringLiteral("--"), oldKid}).exitCode, 0);
    const QJsonObject jwks = showJwks(kBackend, &problem);
    QVERIFY(!kidsOf(jwks).contains(oldKid));
    QVERIFY(m_sandbox.registerKeyClient(clientId, jwks).value(QStringLiteral("ok")).toBool());

    QCOMPARE(tokenWith(retiredKey), QByteArray("401")); // retired: refused (invalid_client)
    const CliRun token = runCli({QStringLiteral("token"), QStringLiteral("--profile"), kBackend});
    QVERIFY2(token.exitCode == 0, describe(token).constData());
    rememberSecret(token.out.trimmed());
}

void CliKeys::authorizationCodeWithAKeyRefreshesAndRevokes()
{
    const Step scratch = startFromScratch(m_sandbox);
    QVERIFY2(scratch, scratch.why());
    const QString name = QStringLiteral("Confidential");
    const QString clientId = QStringLiteral("confidential-with-key");
    const CliRun add = runCli(addProfileArgs(m_sandbox, name,
                                             {QStringLiteral("--client-auth"),
                                              QStringLiteral("private_key_jwt")})
                                      .replaceInStrings(m_sandbox.publicClientId, clientId));
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    QCOMPARE(runCli({QStringLiteral("key"), QStringLiteral("generate"), QStringLiteral("--profile"),
                     name, QStringLiteral("--alg"), QStringLiteral("RS384")}).exitCode, 0);
    QByteArray problem;
    const QJsonObject registered = m_sandbox.registerKeyClient(
            clientId, showJwks(name, &problem), QStringLiteral("authorization_code"));
    QVERIFY2(registered.value(QStringLiteral("ok")).toBool(),
             QJsonDocument(registered).toJson().constData());

    m_sandbox.resetStats();
    const Step signedIn = signInThroughConsent(m_sandbox, name);
    QVERIFY2(signedIn, signedIn.why());
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("authorization_code")), 1);

    // Refresh with the assertion.
    const Step due = makeStoredTokensDue(name);
    QVERIFY2(due, due.why());
    const CliRun token = runCli({QStringLiteral("token"), QStringLiteral("--profile"), name});
    QVERIFY2(token.exitCode == 0, describe(token).constData());
    rememberSecret(token.out.trimmed());
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("refresh_token")), 1);

    // Revocation with the assertion: the EHR confirms it.
    const CliRun logout = runCli({QStringLiteral("logout"), QStringLiteral("--profile"), name});
    QVERIFY2(logout.exitCode == 0, describe(logout).constData());
    QVERIFY2(logout.err.contains("revoked the tokens"), redacted(logout.err).constData());
    QVERIFY(m_sandbox.stats().value(QStringLiteral("revocation")).toInt() >= 1);
}

void CliKeys::keyShowPrintsPemAndCertificate()
{
    QByteArray problem;
    QVERIFY2(backendWithKey(kBackend, QStringLiteral("backend-formats"), QStringLiteral("ES384"),
                            &problem),
             problem.constData());
    const CliRun pem = runCli({QStringLiteral("key"), QStringLiteral("show"),
                               QStringLiteral("--format"), QStringLiteral("pem"),
                               QStringLiteral("--profile"), kBackend});
    QVERIFY2(pem.exitCode == 0, describe(pem).constData());
    QVERIFY(pem.out.startsWith("-----BEGIN PUBLIC KEY-----"));
    QVERIFY(!pem.out.contains("PRIVATE"));
    const CliRun cert = runCli({QStringLiteral("key"), QStringLiteral("show"),
                                QStringLiteral("--format"), QStringLiteral("x509"),
                                QStringLiteral("--profile"), kBackend});
    QVERIFY2(cert.exitCode == 0, describe(cert).constData());
    QVERIFY(cert.out.startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(!cert.out.contains("PRIVATE"));
    const CliRun parsed = runProgram(QStringLiteral("openssl"),
                                     {QStringLiteral("x509"), QStringLiteral("-noout"),
                                      QStringLiteral("-subject")},
                                     30000, cert.out);
    if (parsed.exitCode == 0 || !parsed.err.contains("not found"))
        QVERIFY2(parsed.out.contains("backend-formats"), parsed.out.constData());
}

void CliKeys::checkProbesTheServersAssertionChecks()
{
    // chartkey check, for a backend service: the server must refuse a wrong aud, an expired
    // assertion, a key it was not given, and (oidc-provider does) a replayed jti.
    QByteArray problem;
    QVERIFY2(backendWithKey(kBackend, QStringLiteral("backend-check"), QStringLiteral("ES384"),
                            &problem),
             problem.constData());
    m_sandbox.setAccessTtl(3600);
    const CliRun check = runCli({QStringLiteral("check"), QStringLiteral("--json"),
                                 QStringLiteral("--profile"), kBackend},
                                {}, 120000);
    const QJsonObject report = jsonOf(check.out);
    QJsonObject step;
    QStringList statuses;
    for (const QJsonValue &v : report.value(QStringLiteral("steps")).toArray()) {
        const QJsonObject o = v.toObject();
        statuses << o.value(QStringLiteral("id")).toString() + QLatin1Char('=')
                        + o.value(QStringLiteral("status")).toString();
        if (o.value(QStringLiteral("id")).toString() == QLatin1String("key-assertions"))
            step = o;
    }
    QVERIFY2(!step.isEmpty(), (describe(check) + " steps: " + statuses.join(' ').toUtf8()).constData());
    const QString summary = step.value(QStringLiteral("summary")).toString();
    QVERIFY2(step.value(QStringLiteral("status")).toString() == QLatin1String("PASS"),
             qPrintable(summary));
    for (const char *probe : {"wrong aud", "expired", "not in the registered JWKS", "replayed jti"})
        QVERIFY2(summary.contains(QLatin1String(probe)), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("recommends no more than 300 s")), qPrintable(summary));
    QVERIFY2(check.exitCode == 0, (describe(check) + " steps: " + statuses.join(' ').toUtf8()).constData());
}

QTEST_GUILESS_MAIN(CliKeys)
#include "tst_cli_keys.moc"

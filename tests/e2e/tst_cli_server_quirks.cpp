// Servers that bend the RFCs, and OpenID Connect done properly: the chartkey command line
// against the sandbox in each of its modes (tests/sandbox/README.md, "Behaviour modes"), each
// test on a profile of its own and the sandbox's modes as it sets them. What a person reads is
// asserted, not only the exit status. Sign-ins go through the plain-HTTP consent client
// (tests/sandbox/consent): the browser step itself is not what these tests are about.
#include "cli.h"
#include "clie2e.h"
#include "resultspy.h"
#include "sandbox.h"

#include "auth/tokenset.h"
#include "storage/keychainstore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace chartkey;
using namespace chartkey::test;
using namespace chartkey::test::e2e;

namespace {

const QString kOpenIdScope =
        QStringLiteral("openid fhirUser user/Patient.read user/Appointment.read offline_access launch");

QJsonObject jsonOf(const QByteArray &out)
{
    return QJsonDocument::fromJson(out).object();
}

// A loopback port nothing listens on now.
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress(QHostAddress::LocalHost), 0);
    return probe.serverPort();
}

} // namespace

class CliServerQuirks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // OpenID Connect
    void openIdSignInSendsANonceAndNamesWhoSignedIn();
    void idTokensSignedWithEachAlgorithmAreAccepted_data();
    void idTokensSignedWithEachAlgorithmAreAccepted();
    void aBrokenIdTokenIsRefusedWithTheClaimNamedAndNothingKept_data();
    void aBrokenIdTokenIsRefusedWithTheClaimNamedAndNothingKept();
    void aRenewedIdTokenSignedWithARotatedKeyIsAccepted();
    void checkValidatesTheIdTokenInAStepOfItsOwn();

    // Token endpoint answers
    void aDeadRefreshChainAnsweredWithAnEmptyBodySignsOutOnce();
    void aRefreshRefusedWithInvalidRequestSignsOutOnce();
    void refreshesWithoutRotationKeepTheStoredRefreshToken();
    void aLowerCaseBearerIsABearer();
    void aWrongSecretAnswered403WithAnEmptyBodyNamesTheCredentials();

    // The authorization endpoint
    void anyPortOnAnExactMatchServerFailsFastWithoutABrowser_data();
    void anyPortOnAnExactMatchServerFailsFastWithoutABrowser();
    void aRegisteredFixedPortSignsInOnAnExactMatchServer();
    void aSignInPageAnswered401StillSignsInAndPassesTheCheck();

    // Revocation
    void aPublicClientThatMayNotRevokeIsToldSo();
    void aServerWithoutRevocationIsToldSo();
    void signingOutOffersTheServersOwnSignOutPage();
    void endSessionOpensTheSignOutPageWithNothingSecretInIt();

    // The check's probes never fail a correct registration
    void aVerifierRefusedWithInvalidCode403IsPkceEnforced();
    void aCodeBurntByThePkceProbeGetsASecondSignIn();
    void withoutASecondSignInTheTokenStepsAreSkipped();

private:
    // Adds profile `m_name` for the sandbox's public client (plus `extra` options).
    void addProfile(const QStringList &extra = {});
    void addOpenIdProfile();
    CliRun login(const QString &browser = {});
    CliRun check(const QStringList &extra = {});
    // The stored token set, made due: chartkey renews it on its next use.
    void expireStoredTokens();
    static QJsonObject stepOf(const QJsonObject &report, const QString &id);
    static int failsIn(const QJsonObject &report);

    Sandbox m_sandbox;
    QString m_name;
    int m_count = 0;
};

void CliServerQuirks::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
    QVERIFY(!m_sandbox.consent.isEmpty());
}

void CliServerQuirks::init()
{
    m_sandbox.resetModes();
    m_sandbox.resetStats();
    m_name = QStringLiteral("Quirk%1").arg(++m_count);
}

void CliServerQuirks::cleanup()
{
    runCli({QStringLiteral("logout"), QStringLiteral("--profile"), m_name});
    runCli({QStringLiteral("profile"), QStringLiteral("remove"), m_name});
    m_sandbox.resetModes();
}

void CliServerQuirks::addProfile(const QStringList &extra)
{
    const CliRun add = runCli(addProfileArgs(m_sandbox, m_name, extra));
    QVERIFY2(add.exitCode == 0, describe(add).constData());
}

CliRun CliServerQuirks::login(const QString &browser)
{
    return runCli({QStringLiteral("login"), QStringLiteral("--profile"), m_name,
                   QStringLiteral("--browser"), browser.isEmpty() ? m_sandbox.consent : browser,
                   QStringLiteral("--wait"), QStringLiteral("60")},
                  {}, 90000);
}

CliRun CliServerQuirks::check(const QStringList &extra)
{
    return runCli(QStringList{QStringLiteral("check"), QStringLiteral("--profile"), m_name,
                              QStringLiteral("--browser"), m_sandbox.consent,
                              QStringLiteral("--wait"), QStringLiteral("60"),
                              QStringLiteral("--json")}
                          + extra,
                  {}, 180000);
}

void CliServerQuirks::expireStoredTokens()
{
    KeychainStore keychain;
    const QString key = keychainUser(m_name);
    const SecretStore::Result read = waitFor(keychain.read(key), 20000);
    QVERIFY2(read.isOk(), qPrintable(read.message));
    bool ok = false;
    TokenSet tokens = TokenSet::fromJson(read.data, &ok);
    QVERIFY(ok);
    tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY(waitFor(keychain.write(key, tokens.toJson()), 20000).isOk());
}

QJsonObject CliServerQuirks::stepOf(const QJsonObject &report, const QString &id)
{
    const QJsonArray steps = report.value(QStringLiteral("steps")).toArray();
    for (const QJsonValue &step : steps) {
        if (step.toObject().value(QStringLiteral("id")).toString() == id)
            return step.toObject();
    }
    return {};
}

int CliServerQuirks::failsIn(const QJsonObject &report)
{
    int fails = 0;
    const QJsonArray steps = report.value(QStringLiteral("steps")).toArray();
    for (const QJsonValue &step : steps)
        fails += step.toObject().value(QStringLiteral("status")).toString() == QLatin1String("FAIL");
    return fails;
}

// ---------------------------------------------------------------- OpenID Connect

void CliServerQuirks::openIdSignInSendsANonceAndNamesWhoSignedIn()
{
    // A server that demands a nonce with openid (chartkey sends one, fresh per attempt).
    m_sandbox.setMode({{QStringLiteral("nonceRequired"), true}});
    addProfile({QStringLiteral("--scope"), kOpenIdScope});
    const CliRun in = login();
    QVERIFY2(in.exitCode == 0, describe(in).constData());
    const QUrlQuery query(authorizationUrlIn(in.err));
    QVERIFY2(query.queryItemValue(QStringLiteral("nonce")).size() >= 22, describe(in).constData());
    QVERIFY2(in.err.contains("as " + m_sandbox.userName.toUtf8() + " (Practitioner/"),
             describe(in).constData());

    const CliRun status = runCli({QStringLiteral("status"), QStringLiteral("--profile"), m_name});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains("as " + m_sandbox.userName.toUtf8()), status.out.constData());
    const CliRun json = runCli({QStringLiteral("status"), QStringLiteral("--profile"), m_name,
                                QStringLiteral("--json")});
    const QJsonObject identity = jsonOf(json.out).value(QStringLiteral("identity")).toObject();
    QCOMPARE(identity.value(QStringLiteral("name")).toString(), m_sandbox.userName);
    QVERIFY(identity.value(QStringLiteral("fhirUser")).toString().endsWith(m_sandbox.fhirUser));
    QCOMPARE(identity.value(QStringLiteral("issuer")).toString(),
             m_sandbox.instance.toString());
    QVERIFY(!identity.value(QStringLiteral("sub")).toString().isEmpty());
    // The ID token is kept with the tokens, in the keychain, and printed nowhere.
    const auto stored = storedTokensOf(m_name);
    QVERIFY(stored && !stored->value(QStringLiteral("id_token")).toString().isEmpty());
    QVERIFY(!json.out.contains(stored->value(QStringLiteral("id_token")).toString().toUtf8()));
}

void CliServerQuirks::idTokensSignedWithEachAlgorithmAreAccepted_data()
{
    QTest::addColumn<QString>("alg");
    for (const char *alg : {"RS256", "ES256", "RS384", "PS256", "ES384"})
        QTest::newRow(alg) << QString::fromLatin1(alg);
}

void CliServerQuirks::idTokensSignedWithEachAlgorithmAreAccepted()
{
    QFETCH(QString, alg);
    m_sandbox.setMode({{QStringLiteral("idTokenAlg"), alg}});
    addProfile({QStringLiteral("--scope"), kOpenIdScope});
    const CliRun in = login();
    QVERIFY2(in.exitCode == 0, describe(in).constData());
    QVERIFY2(in.err.contains("as " + m_sandbox.userName.toUtf8()), describe(in).constData());
}

void CliServerQuirks::aBrokenIdTokenIsRefusedWithTheClaimNamedAndNothingKept_data()
{
    QTest::addColumn<QString>("broken");
    QTest::addColumn<QByteArray>("named");
    QTest::newRow("wrong aud") << QStringLiteral("wrong-aud") << QByteArray("audience (aud)");
    QTest::newRow("wrong nonce") << QStringLiteral("wrong-nonce") << QByteArray("nonce");
    QTest::newRow("expired") << QStringLiteral("expired") << QByteArray("(exp)");
    QTest::newRow("bad signature") << QStringLiteral("bad-signature") << QByteArray("signature");
    QTest::newRow("alg none") << QStringLiteral("alg-none") << QByteArray("alg \"none\"");
    QTest::newRow("unknown kid") << QStringLiteral("unknown-kid")
                                 << QByteArray("a key chartkey does not have");
    QTest::newRow("wrong iss") << QStringLiteral("wrong-iss") << QByteArray("issuer (iss)");
    QTest::newRow("iat in the future") << QStringLiteral("future-iat") << QByteArray("(iat)");
    QTest::newRow("bad at_hash") << QStringLiteral("bad-at_hash") << QByteArray("at_hash");
}

void CliServerQuirks::aBrokenIdTokenIsRefusedWithTheClaimNamedAndNothingKept()
{
    QFETCH(QString, broken);
    QFETCH(QByteArray, named);
    m_sandbox.setMode({{QStringLiteral("brokenIdToken"), broken}});
    addProfile({QStringLiteral("--scope"), kOpenIdScope});
    const CliRun in = login();
    QCOMPARE(in.exitCode, 1);
    QVERIFY2(in.err.contains("ID token"), describe(in).constData());
    QVERIFY2(in.err.contains(named), describe(in).constData());
    QVERIFY2(in.err.contains("not kept"), describe(in).constData());
    QVERIFY2(!keychainSecret(keychainUser(m_name)), "a refused sign-in was kept");
}

void CliServerQuirks::aRenewedIdTokenSignedWithARotatedKeyIsAccepted()
{
    addProfile({QStringLiteral("--scope"), kOpenIdScope});
    const CliRun in = login();
    QVERIFY2(in.exitCode == 0, describe(in).constData());
    // From now on the server signs with a key the first sign-in never saw.
    m_sandbox.rotateJwks();
    expireStoredTokens();
    const CliRun token = runCli({QStringLiteral("token"), QStringLiteral("--profile"), m_name});
    QVERIFY2(token.exitCode == 0, describe(token).constData());
    rememberSecret(token.out.trimmed());
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("refresh_token")), 1);
}

void CliServerQuirks::checkValidatesTheIdTokenInAStepOfItsOwn()
{
    addProfile({QStringLiteral("--scope"), kOpenIdScope});
    const CliRun good = check();
    const QJsonObject report = jsonOf(good.out);
    const QJsonObject idToken = stepOf(report, QStringLiteral("id-token"));
    QCOMPARE(idToken.value(QStringLiteral("status")).toString(), QStringLiteral("PASS"));
    QVERIFY2(idToken.value(QStringLiteral("summary")).toString().contains(
                     QLatin1String("nonce matched")),
             qPrintable(idToken.value(QStringLiteral("summary")).toString()));
    QVERIFY(idToken.value(QStringLiteral("summary")).toString().contains(QLatin1String("fhirUser")));

    m_sandbox.setMode({{QStringLiteral("brokenIdToken"), QStringLiteral("wrong-aud")}});
    const CliRun bad = check();
    QCOMPARE(bad.exitCode, 1);
    const QJsonObject refused = stepOf(jsonOf(bad.out), QStringLiteral("id-token"));
    QCOMPARE(refused.value(QStringLiteral("status")).toString(), QStringLiteral("FAIL"));
    QVERIFY(refused.value(QStringLiteral("summary")).toString().contains(QLatin1String("(aud)")));
}

// ---------------------------------------------------------------- token endpoint answers

void CliServerQuirks::aDeadRefreshChainAnsweredWithAnEmptyBodySignsOutOnce()
{
    m_sandbox.setMode({{QStringLiteral("emptyErrorBodies"), true}});
    addProfile();
    QVERIFY2(login().exitCode == 0, "login failed");
    // Someone spent chartkey's refresh token: when it comes back, the server ends the chain.
    const auto stored = storedTokensOf(m_name);
    QVERIFY(stored);
    QCOMPARE(refreshDirectly(m_sandbox, stored->value(QStringLiteral("refresh_token")).toString())
                     .status,
             200);
    expireStoredTokens();
    m_sandbox.resetStats();

    const CliRun first = runCli({QStringLiteral("token"), QStringLiteral("--profile"), m_name});
    QCOMPARE(first.exitCode, 3);
    QVERIFY2(first.err.contains("ended") && first.err.contains("Sign in again"),
             describe(first).constData());
    for (const char *wording : {"JSON", "illegal value", "Try again"})
        QVERIFY2(!first.err.contains(wording), describe(first).constData());
    QVERIFY2(!keychainSecret(keychainUser(m_name)), "the dead sign-in is still stored");

    const CliRun again = runCli({QStringLiteral("token"), QStringLiteral("--profile"), m_name});
    QCOMPARE(again.exitCode, 3);
    const CliRun status = runCli({QStringLiteral("status"), QStringLiteral("--profile"), m_name});
    QCOMPARE(status.exitCode, 3);
    QVERIFY2(status.out.contains("Signed out"), status.out.constData());
    // The dead refresh token went to the server once.
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("refresh_token")), 1);
}

void CliServerQuirks::aRefreshRefusedWithInvalidRequestSignsOutOnce()
{
    m_sandbox.setMode({{QStringLiteral("refreshErrorCode"), QStringLiteral("invalid_request")}});
    addProfile();
    QVERIFY2(login().exitCode == 0, "login failed");
    const auto stored = storedTokensOf(m_name);
    QVERIFY(stored);
    QCOMPARE(refreshDirectly(m_sandbox, stored->value(QStringLiteral("refresh_token")).toString())
                     .status,
             200);
    expireStoredTokens();
    m_sandbox.resetStats();
    const CliRun first = runCli({QStringLiteral("token"), QStringLiteral("--profile"), m_name,
                                 QStringLiteral("--verbose")});
    QCOMPARE(first.exitCode, 3);
    QVERIFY2(first.err.contains("invalid_request"), describe(first).constData());
    QCOMPARE(runCli({QStringLiteral("token"), QStringLiteral("--profile"), m_name}).exitCode, 3);
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("refresh_token")), 1);
}

void CliServerQuirks::refreshesWithoutRotationKeepTheStoredRefreshToken()
{
    m_sandbox.setMode({{QStringLiteral("rotateRefreshTokens"), false}});
    addProfile();
    QVERIFY2(login().exitCode == 0, "login failed");
    const QString refresh =
            storedTokensOf(m_name)->value(QStringLiteral("refresh_token")).toString();
    m_sandbox.resetStats();
    for (int renewal = 1; renewal <= 2; ++renewal) {
        expireStoredTokens();
        const CliRun token = runCli({QStringLiteral("token"), QStringLiteral("--profile"), m_name});
        QVERIFY2(token.exitCode == 0, describe(token).constData());
        rememberSecret(token.out.trimmed());
        QCOMPARE(storedTokensOf(m_name)->value(QStringLiteral("refresh_token")).toString(),
                 refresh);
    }
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("refresh_token")), 2);
}

void CliServerQuirks::aLowerCaseBearerIsABearer()
{
    m_sandbox.setMode({{QStringLiteral("tokenTypeCase"), QStringLiteral("lower")}});
    addProfile();
    const CliRun in = login();
    QVERIFY2(in.exitCode == 0, describe(in).constData());
    const CliRun patients = runCli({QStringLiteral("patients"), QStringLiteral("--profile"),
                                    m_name, QStringLiteral("--name"), QStringLiteral("Briddle")});
    QVERIFY2(patients.exitCode == 0, describe(patients).constData());
}

void CliServerQuirks::aWrongSecretAnswered403WithAnEmptyBodyNamesTheCredentials()
{
    m_sandbox.setMode({{QStringLiteral("emptyErrorBodies"), true}});
    const QStringList confidential{QStringLiteral("--client-secret-stdin")};
    QStringList args = addProfileArgs(m_sandbox, m_name, confidential);
    args[args.indexOf(m_sandbox.publicClientId)] = m_sandbox.confidentialClientId;
    const CliRun add = runCli(args, "not-the-secret\n");
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    const CliRun in = login();
    QCOMPARE(in.exitCode, 1);
    QVERIFY2(in.err.contains("client's credentials") && in.err.contains("HTTP 403"),
             describe(in).constData());
}

// ---------------------------------------------------------------- authorization endpoint

void CliServerQuirks::anyPortOnAnExactMatchServerFailsFastWithoutABrowser_data()
{
    QTest::addColumn<QString>("refusal");
    QTest::newRow("403 with an empty body") << QStringLiteral("403-empty");
    QTest::newRow("a 200 error page") << QStringLiteral("200-html");
    QTest::newRow("a 400 error page") << QStringLiteral("400-page");
}

void CliServerQuirks::anyPortOnAnExactMatchServerFailsFastWithoutABrowser()
{
    QFETCH(QString, refusal);
    m_sandbox.setMode({{QStringLiteral("exactRedirectUris"), true},
                       {QStringLiteral("redirectRefusal"), refusal}});
    addProfile();
    QTemporaryDir dir;
    const QString marker = dir.filePath(QStringLiteral("browser-opened"));
    QElapsedTimer clock;
    clock.start();
    const CliRun in = login(QStringLiteral("touch %1").arg(marker));
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(in.exitCode, 1);
    qInfo("refused in %lld ms, without a browser", qlonglong(elapsed)); // a figure, not a test
    QVERIFY2(!QFileInfo::exists(marker), "the browser was opened");
    QVERIFY2(in.err.contains("http://127.0.0.1:8765/callback") && in.err.contains("--redirect-uri"),
             describe(in).constData());
    QVERIFY2(!in.err.contains("below"), describe(in).constData());
}

void CliServerQuirks::aRegisteredFixedPortSignsInOnAnExactMatchServer()
{
    const QString fixed = QStringLiteral("http://127.0.0.1:%1/callback").arg(freePort());
    m_sandbox.setMode({{QStringLiteral("exactRedirectUris"), true},
                       {QStringLiteral("redirectUris"), QJsonArray{fixed}}});
    addProfile({QStringLiteral("--redirect-uri"), fixed});
    const CliRun in = login();
    QVERIFY2(in.exitCode == 0, describe(in).constData());
    QCOMPARE(QUrlQuery(authorizationUrlIn(in.err)).queryItemValue(QStringLiteral("redirect_uri")),
             fixed);
}

void CliServerQuirks::aSignInPageAnswered401StillSignsInAndPassesTheCheck()
{
    m_sandbox.setMode({{QStringLiteral("loginPage401"), true}});
    addProfile();
    const CliRun in = login();
    QVERIFY2(in.exitCode == 0, describe(in).constData());
    const CliRun checked = check();
    const QJsonObject report = jsonOf(checked.out);
    QCOMPARE(failsIn(report), 0);
    const QJsonObject redirect = stepOf(report, QStringLiteral("redirect-uri"));
    QCOMPARE(redirect.value(QStringLiteral("status")).toString(), QStringLiteral("PASS"));
    QVERIFY(redirect.value(QStringLiteral("summary")).toString().contains(QLatin1String("HTTP 401")));
}

// ---------------------------------------------------------------- revocation

void CliServerQuirks::aPublicClientThatMayNotRevokeIsToldSo()
{
    m_sandbox.setMode({{QStringLiteral("revocationNeedsClientAuth"), true},
                       {QStringLiteral("emptyErrorBodies"), true}});
    addProfile();
    QVERIFY2(login().exitCode == 0, "login failed");
    const CliRun out = runCli({QStringLiteral("logout"), QStringLiteral("--profile"), m_name});
    QCOMPARE(out.exitCode, 0);
    QVERIFY2(out.err.contains("does not let a public client revoke"), describe(out).constData());
    QVERIFY2(out.err.contains("ends by itself at"), describe(out).constData());
    QVERIFY2(!out.err.contains("EHR revoked"), describe(out).constData());
    QVERIFY2(!keychainSecret(keychainUser(m_name)), "the tokens are still stored");

    const QJsonObject revocation = stepOf(jsonOf(check().out), QStringLiteral("revocation"));
    QCOMPARE(revocation.value(QStringLiteral("status")).toString(), QStringLiteral("WARN"));
}

void CliServerQuirks::aServerWithoutRevocationIsToldSo()
{
    m_sandbox.setMode({{QStringLiteral("noRevocationEndpoint"), true}});
    addProfile();
    QVERIFY2(login().exitCode == 0, "login failed");
    const CliRun out = runCli({QStringLiteral("logout"), QStringLiteral("--profile"), m_name});
    QCOMPARE(out.exitCode, 0);
    QVERIFY2(out.err.contains("offers no revocation"), describe(out).constData());
    QVERIFY2(!out.err.contains("EHR revoked"), describe(out).constData());

    const QJsonObject report = jsonOf(check().out);
    QCOMPARE(failsIn(report), 0);
    QCOMPARE(stepOf(report, QStringLiteral("revocation")).value(QStringLiteral("status")).toString(),
             QStringLiteral("SKIP"));
}

// The profile from the OpenID Provider's discovery document, which names its
// end_session_endpoint (RP-initiated logout).
void CliServerQuirks::addOpenIdProfile()
{
    const CliRun add = runCli({QStringLiteral("profile"), QStringLiteral("add"), m_name,
                               QStringLiteral("--preset"), QStringLiteral("openid"),
                               QStringLiteral("--discovery-url"),
                               m_sandbox.openidConfiguration.toString(),
                               QStringLiteral("--grant"), QStringLiteral("authorization-code"),
                               QStringLiteral("--client-id"), m_sandbox.publicClientId,
                               QStringLiteral("--fhir-base"), m_sandbox.fhirBase.toString(),
                               QStringLiteral("--scope"), kOpenIdScope});
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    QVERIFY2(add.out.contains("end session: " + m_sandbox.endSessionEndpoint.toString().toUtf8()), describe(add).constData());
}

void CliServerQuirks::signingOutOffersTheServersOwnSignOutPage()
{
    // The browser stays signed in at the EHR after the tokens are gone: on a shared workstation
    // the next person's sign-in could skip the password. The sign-out says so, and where.
    addOpenIdProfile();
    QVERIFY2(login().exitCode == 0, "login failed");
    const CliRun out = runCli({QStringLiteral("logout"), QStringLiteral("--profile"), m_name});
    QCOMPARE(out.exitCode, 0);
    QVERIFY2(out.err.contains("EHR revoked the tokens"), describe(out).constData());
    QVERIFY2(out.err.contains("browser may still be signed in at the EHR"), describe(out).constData());
    QVERIFY2(out.err.contains(m_sandbox.endSessionEndpoint.toString().toUtf8() + "?client_id=" + m_sandbox.publicClientId.toUtf8()),
             describe(out).constData());
    QVERIFY2(out.err.contains("chartkey logout --end-session opens it"), describe(out).constData());

    // A Canvas profile has no such page, and nothing is said of one.
    const QString canvas = m_name + QStringLiteral("c");
    QCOMPARE(runCli(addProfileArgs(m_sandbox, canvas)).exitCode, 0);
    const CliRun plain = runCli({QStringLiteral("logout"), QStringLiteral("--profile"), canvas,
                                 QStringLiteral("--end-session")});
    QCOMPARE(plain.exitCode, 1);
    QVERIFY2(plain.err.contains("names no sign-out page for the browser")
                     && plain.err.contains("Nothing was signed out"),
             describe(plain).constData());
    runCli({QStringLiteral("profile"), QStringLiteral("remove"), canvas});
}

void CliServerQuirks::endSessionOpensTheSignOutPageWithNothingSecretInIt()
{
    addOpenIdProfile();
    QVERIFY2(login().exitCode == 0, "login failed");
    const auto stored = storedTokensOf(m_name);
    QVERIFY(stored);
    QTemporaryDir dir;
    const QString opened = dir.filePath(QStringLiteral("opened"));
    const QString browser = dir.filePath(QStringLiteral("browser"));
    QFile script(browser); // a browser that writes down the address it was given
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(QStringLiteral("#!/bin/sh\nprintf %s \"$1\" > '%1'\n").arg(opened).toUtf8());
    script.close();
    QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeUser));
    const CliRun out = runCli({QStringLiteral("logout"), QStringLiteral("--profile"), m_name,
                               QStringLiteral("--end-session"), QStringLiteral("--browser"),
                               browser});
    QVERIFY2(out.exitCode == 0, describe(out).constData());
    QVERIFY2(out.err.contains("Opened the EHR's sign-out page"), describe(out).constData());
    QVERIFY2(!keychainSecret(keychainUser(m_name)), "the tokens are still stored");
    QTRY_VERIFY(QFileInfo(opened).size() > 0);
    QFile file(opened);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QUrl page(QString::fromUtf8(file.readAll()));
    QCOMPARE(page.adjusted(QUrl::RemoveQuery), m_sandbox.endSessionEndpoint);
    QCOMPARE(QUrlQuery(page).queryItemValue(QStringLiteral("client_id")), m_sandbox.publicClientId);
    for (const char *secret : {"access_token", "refresh_token", "id_token"})
        QVERIFY2(!page.toString().contains(stored->value(QLatin1String(secret)).toString()), secret);

    // The real server takes it: its page asks the person to confirm the sign-out.
    const CliRun served = runProgram(QStringLiteral("curl"),
                                     {QStringLiteral("-s"), QStringLiteral("-w"),
                                      QStringLiteral("\n%{http_code}"), page.toString()});
    QVERIFY2(served.out.endsWith("\n200") && served.out.contains("<form"),
             describe(served).constData());
}

// ---------------------------------------------------------------- the check's probes

void CliServerQuirks::aVerifierRefusedWithInvalidCode403IsPkceEnforced()
{
    m_sandbox.setMode({{QStringLiteral("refusedVerifier"), QStringLiteral("invalid_code-403")}});
    addProfile();
    const QJsonObject report = jsonOf(check().out);
    QCOMPARE(failsIn(report), 0);
    QCOMPARE(stepOf(report, QStringLiteral("pkce")).value(QStringLiteral("status")).toString(),
             QStringLiteral("PASS"));
}

void CliServerQuirks::aCodeBurntByThePkceProbeGetsASecondSignIn()
{
    m_sandbox.setMode({{QStringLiteral("burnCodeOnRefusedExchange"), true}});
    addProfile();
    const CliRun run = check();
    const QJsonObject report = jsonOf(run.out);
    QCOMPARE(failsIn(report), 0);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("Sign in once more"), describe(run).constData());
    const QJsonObject tokens = stepOf(report, QStringLiteral("token-response"));
    QCOMPARE(tokens.value(QStringLiteral("status")).toString(), QStringLiteral("PASS"));
    QVERIFY(tokens.value(QStringLiteral("summary")).toString().contains(QLatin1String("second sign-in")));
    // The four PKCE negatives (on the one code), the exchange the burnt code lost, the
    // second sign-in's, then the made-up code and the made-up client ID.
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("authorization_code")), 8);
    // The pkce step says that only its first negative met a live code.
    QVERIFY(tokens.value(QStringLiteral("summary")).toString().contains(QLatin1String("Only that first")));
}

void CliServerQuirks::withoutASecondSignInTheTokenStepsAreSkipped()
{
    m_sandbox.setMode({{QStringLiteral("burnCodeOnRefusedExchange"), true}});
    addProfile();
    const CliRun run = check({QStringLiteral("--no-second-sign-in")});
    const QJsonObject report = jsonOf(run.out);
    QCOMPARE(failsIn(report), 0);
    const QJsonObject tokens = stepOf(report, QStringLiteral("token-response"));
    QCOMPARE(tokens.value(QStringLiteral("status")).toString(), QStringLiteral("SKIP"));
    QVERIFY(tokens.value(QStringLiteral("summary")).toString().contains(QLatin1String("used the code up")));
}

QTEST_GUILESS_MAIN(CliServerQuirks)
#include "tst_cli_server_quirks.moc"

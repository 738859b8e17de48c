// `chartkey check` against the sandbox EHR: a correct registration passes every step, and
// each deliberately broken one (registration or server) produces the FAIL or WARN that names
// the fault, in JSON and in text. Nothing the check obtains is stored, and no secret appears
// in what it prints. Each test function starts from nothing (init()) and adds the profiles it
// checks. The check's browser step is done by the consent client, except in
// correctPublicRegistration...: that one check runs it in Chromium, to prove the real
// browser step of `chartkey check` (the others are about what the check concludes).
#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"
#include "signedin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace chartkey::test;
using namespace chartkey::test::e2e;

namespace {

struct CheckRun
{
    CliRun run;
    QJsonObject report;

    QJsonObject step(const QString &id) const
    {
        const QJsonArray steps = report.value(QLatin1String("steps")).toArray();
        for (const QJsonValue &v : steps) {
            if (v.toObject().value(QLatin1String("id")).toString() == id)
                return v.toObject();
        }
        return {};
    }
    QString status(const QString &id) const
    {
        return step(id).value(QLatin1String("status")).toString();
    }
    QString text(const QString &id) const
    {
        const QJsonObject s = step(id);
        return s.value(QLatin1String("summary")).toString() + QLatin1Char('\n')
                + s.value(QLatin1String("hint")).toString();
    }
    // For failure messages: the statuses by step, never the answers.
    QByteArray describeSteps() const
    {
        QByteArray out = describe(run) + "\nsteps:";
        const QJsonArray steps = report.value(QLatin1String("steps")).toArray();
        for (const QJsonValue &v : steps) {
            const QJsonObject o = v.toObject();
            out += ' ' + o.value(QLatin1String("id")).toString().toUtf8() + '='
                    + o.value(QLatin1String("status")).toString().toUtf8();
        }
        for (const QJsonValue &v : steps) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("status")).toString() != QLatin1String("PASS"))
                out += "\n  " + redacted(o.value(QLatin1String("summary")).toString().toUtf8()
                                         + " / " + o.value(QLatin1String("hint")).toString().toUtf8());
        }
        return out;
    }
};

} // namespace

class CliCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void correctPublicRegistrationPassesEveryStepAndLeavesTheSignInAlone();
    void wrongRedirectUriFailsWithTheExactUriToRegisterWithoutABrowser();
    void textReportShowsTheVerdictsAndTheHint();
    void wrongClientSecretFailsTheCodeExchangeWithTheSetSecretHint();
    void serverThatDoesNotEnforcePkceFails();
    void serverThatDoesNotRotateRefreshTokensWarns();
    void serverThatNarrowsScopesWarnsListingWhatWasDropped();
    void clientCredentialsPassAndAWrongSecretIsRefused();
    void canvasClientCredentialsWithoutScopeWarnAboutFullAccess();
    void declinedConsentFailsTheAuthorizationWithWhatToDo();
    void apiForbiddenIsExplainedWithTheGrantedScope();
    void discoveryAdvertisingPlainPkceWarns();
    void smartPresetConfiguredFromDiscoveryPassesEveryInfernoStep();
    void smartConfigurationWithoutCapabilitiesFails();
    void authorizationServerThatIgnoresAWrongAudFails();
    void serverThatAcceptsAMadeUpRefreshTokenFails();
    void apiThatServesReadsWithoutATokenFails();
    void introspectionWithoutScopeClientAndExpFails();
    void tokenResponseWithoutCacheHeadersWarns();
    void cognitoShapedOpenIdClientCredentialsPassWithTheRevocationLimitNamed();
    void canvasLmsDeveloperKeyPassesWithItsDocumentedRefreshBehaviour();
    void canvasLmsRefusesClientCredentialsWithTheReason();
    void canvasLmsLogoutEndsTheTokenAtTheLms();
    void correctConfidentialRegistrationPassesWithTheWrongSecretRefused();
    void sandboxDashboardTokenPassesAndARevokedOneNamesSetToken();
    void unreachableAuthorizationEndpointFailsWithoutABrowser();
    void unknownStepToSkipIsAUsageError();
    void serverThatAcceptsAMadeUpCodeFails();
    void serverThatAcceptsAnUnknownClientIdFails();
    void revokedTokenStillActiveAtIntrospectionFails();
    void withoutThoroughOnlyTheFirstPkceNegativeCountsOnAServerThatUsesCodesUp();
    void thoroughGivesEachPkceNegativeACodeOfItsOwnOnAServerThatUsesCodesUp();
    void thoroughChangesNothingOnAServerThatKeepsTheCode();
    void thoroughWithNoSecondSignInIsAUsageError();
    void httpsServerWithTls12OnlyPassesTheTlsStep();
    void httpsServerThatAcceptsTls11FailsTheTlsStep();

private:
    // `chartkey check --profile PROFILE --json`, the browser step done by `browser` (default:
    // the consent client).
    CheckRun check(const QString &profile, const QStringList &extra = {},
                   const QString &browser = {});
    void addProfile(const QStringList &args, const QByteArray &secret = {});
    // The profiles the checks below are run on, each added by the test that checks it.
    void addPublicProfile() { addProfile(addProfileArgs(m_sandbox, QStringLiteral("Public"))); }
    void addWrongRedirectProfile();
    void addWrongSecretProfile();
    void addServiceProfile(const QString &name, const QString &scope);
    void addLmsProfile();
    void addSmartProfile();
    // The check's tls step against `openssl s_server` started with `serverArgs` (a
    // self-signed certificate: the other steps fail, which is not the question here).
    CheckRun checkTlsOf(const QStringList &serverArgs);

    Sandbox m_sandbox;
};

void CliCheck::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
    QVERIFY(!m_sandbox.browser.isEmpty());
    QVERIFY(!m_sandbox.consent.isEmpty());
    rememberSecret(m_sandbox.confidentialSecret);
    rememberSecret(m_sandbox.serviceSecret);
}

void CliCheck::init()
{
    const Step scratch = startFromScratch(m_sandbox);
    QVERIFY2(scratch, scratch.why());
}

void CliCheck::cleanupTestCase()
{
    if (Sandbox::available())
        m_sandbox.resetModes();
}

void CliCheck::addProfile(const QStringList &args, const QByteArray &secret)
{
    const CliRun add = runCli(args, secret);
    QVERIFY2(add.exitCode == 0, describe(add).constData());
}

void CliCheck::addWrongRedirectProfile()
{
    addProfile(addProfileArgs(m_sandbox, QStringLiteral("WrongRedirect"),
                              {QStringLiteral("--redirect-uri"),
                               QStringLiteral("http://127.0.0.1/wrong-callback")}));
}

void CliCheck::addWrongSecretProfile()
{
    addProfile(addProfileArgs(m_sandbox, QStringLiteral("WrongSecret"),
                              {QStringLiteral("--client-id"), m_sandbox.confidentialClientId,
                               QStringLiteral("--client-secret-stdin")}),
               "not-the-secret-of-this-client");
}

// The client-credentials client; an empty `scope` asks for none.
void CliCheck::addServiceProfile(const QString &name, const QString &scope)
{
    addProfile(addProfileArgs(m_sandbox, name,
                              {QStringLiteral("--client-id"), m_sandbox.serviceClientId,
                               QStringLiteral("--client-secret-stdin"), QStringLiteral("--grant"),
                               QStringLiteral("client-credentials"), QStringLiteral("--scope"),
                               scope}),
               m_sandbox.serviceSecret.toUtf8());
}

void CliCheck::addSmartProfile()
{
    addProfile({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Smart"),
                QStringLiteral("--preset"), QStringLiteral("smart"), QStringLiteral("--fhir-base"),
                m_sandbox.fhirBase.toString(), QStringLiteral("--client-id"),
                m_sandbox.publicClientId, QStringLiteral("--scope"),
                QStringLiteral("user/Patient.read offline_access")});
}

void CliCheck::addLmsProfile()
{
    rememberSecret(m_sandbox.lmsClientSecret);
    addProfile({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Lms"),
                QStringLiteral("--preset"), QStringLiteral("canvas-lms"),
                QStringLiteral("--instance"), m_sandbox.lmsBase.toString(),
                QStringLiteral("--client-id"), m_sandbox.lmsClientId,
                QStringLiteral("--client-secret-stdin")},
               m_sandbox.lmsClientSecret.toUtf8());
}

CheckRun CliCheck::check(const QString &profile, const QStringList &extra, const QString &browser)
{
    CheckRun r;
    r.run = runCli(QStringList{QStringLiteral("check"), QStringLiteral("--profile"), profile,
                               QStringLiteral("--json"), QStringLiteral("--browser"),
                               browser.isEmpty() ? m_sandbox.consent : browser,
                               QStringLiteral("--wait"), QStringLiteral("60")}
                           + extra,
                   {}, 120000);
    r.report = QJsonDocument::fromJson(r.run.out).object();
    return r;
}

// The one check here whose browser step runs in Chromium (the real browser step of
// `chartkey check`); the sign-in stored before it goes through the consent client.
void CliCheck::correctPublicRegistrationPassesEveryStepAndLeavesTheSignInAlone()
{
    addPublicProfile();
    // A stored sign-in first: the check must neither use nor change it.
    const Step signedIn = signInThroughConsent(m_sandbox, QStringLiteral("Public"));
    QVERIFY2(signedIn, signedIn.why());
    const auto before = keychainSecret(keychainUser(QStringLiteral("Public")));
    QVERIFY(before);
    rememberSecret(*before);

    const CheckRun r = check(QStringLiteral("Public"), {}, m_sandbox.browser);
    const auto exchange = lastCodeExchange(m_sandbox);
    QVERIFY2(r.run.exitCode == 0, r.describeSteps().constData());
    QCOMPARE(r.report.value(QLatin1String("passed")).toBool(), true);
    QCOMPARE(r.report.value(QLatin1String("counts")).toObject().value(QLatin1String("fail")).toInt(), 0);
    for (const char *id : {"discovery", "redirect-uri", "authorization", "pkce", "token-response",
                           "api", "refresh", "old-access-token", "revocation",
                           "old-refresh-token", "cleanup"})
        QVERIFY2(r.status(QLatin1String(id)) == QLatin1String("PASS"),
                 (QByteArray(id) + " — " + r.describeSteps()).constData());
    QVERIFY(r.text(QStringLiteral("pkce")).contains(QLatin1String("refused a wrong code_verifier")));
    QVERIFY(r.text(QStringLiteral("refresh")).contains(QLatin1String("rotated")));
    // Every step carries its request as curl, with placeholders for the secrets.
    const QJsonArray curl = r.step(QStringLiteral("token-response")).value(QLatin1String("curl")).toArray();
    QVERIFY(!curl.isEmpty());
    QVERIFY2(curl.first().toString().contains(QLatin1String("code=$CODE")),
             redacted(curl.first().toString().toUtf8()).constData());

    // Nothing secret in what it printed: the code and verifier it used, the stored tokens.
    for (const QString &secret : {exchange.code, exchange.codeVerifier}) {
        QVERIFY(!secret.isEmpty());
        QVERIFY2(!r.run.out.contains(secret.toUtf8()) && !r.run.err.contains(secret.toUtf8()),
                 "a secret appeared in the check's output");
    }
    // The stored sign-in: byte for byte what it was.
    QCOMPARE(keychainSecret(keychainUser(QStringLiteral("Public"))), before);
}

void CliCheck::wrongRedirectUriFailsWithTheExactUriToRegisterWithoutABrowser()
{
    addWrongRedirectProfile();
    // `true` as the browser: if the check opened one, nothing would come back and the
    // authorization step would time out instead of the pre-flight failing.
    const CheckRun r = check(QStringLiteral("WrongRedirect"), {}, QStringLiteral("true"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.report.value(QLatin1String("passed")).toBool(), false);
    QCOMPARE(r.status(QStringLiteral("redirect-uri")), QStringLiteral("FAIL"));
    const QString text = r.text(QStringLiteral("redirect-uri"));
    QVERIFY2(text.contains(QLatin1String("Register exactly this redirect URI on the application: "
                                         "http://127.0.0.1/wrong-callback")),
             r.describeSteps().constData());
    QVERIFY2(r.step(QStringLiteral("redirect-uri")).value(QLatin1String("answer")).toString()
                     .contains(QLatin1String("Mismatching redirect URI")),
             r.describeSteps().constData());
    QVERIFY2(r.step(QStringLiteral("authorization")).isEmpty(), r.describeSteps().constData());
}

void CliCheck::textReportShowsTheVerdictsAndTheHint()
{
    addWrongRedirectProfile();
    const CliRun run = runCli({QStringLiteral("check"), QStringLiteral("--profile"),
                               QStringLiteral("WrongRedirect"), QStringLiteral("--browser"),
                               QStringLiteral("true"), QStringLiteral("--details")},
                              {}, 60000);
    QCOMPARE(run.exitCode, 1);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(QLatin1String("FAIL  Redirect URI accepted")), redacted(run.out).constData());
    QVERIFY(out.contains(QLatin1String("Hint: Register exactly this redirect URI")));
    QVERIFY(out.contains(QLatin1String("Server answered:")));
    QVERIFY(out.contains(QLatin1String("$ curl ")));
    QVERIFY(out.contains(QLatin1String("The registration does not work as configured")));
}

void CliCheck::wrongClientSecretFailsTheCodeExchangeWithTheSetSecretHint()
{
    addWrongSecretProfile();
    const CheckRun r = check(QStringLiteral("WrongSecret"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.status(QStringLiteral("authorization")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("pkce")), QStringLiteral("SKIP"));
    QCOMPARE(r.status(QStringLiteral("token-response")), QStringLiteral("FAIL"));
    QVERIFY2(r.text(QStringLiteral("token-response")).contains(QLatin1String("chartkey profile set-secret WrongSecret")),
             r.describeSteps().constData());
    QVERIFY(r.step(QStringLiteral("token-response")).value(QLatin1String("answer")).toString()
                    .contains(QLatin1String("invalid_client")));
}

void CliCheck::serverThatDoesNotEnforcePkceFails()
{
    addPublicProfile();
    m_sandbox.setMode({{QStringLiteral("pkce"), QStringLiteral("ignore")}});
    const CheckRun r = check(QStringLiteral("Public"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.status(QStringLiteral("pkce")), QStringLiteral("FAIL"));
    QVERIFY2(r.text(QStringLiteral("pkce")).contains(QLatin1String("does not enforce PKCE")),
             r.describeSteps().constData());
    QVERIFY(r.text(QStringLiteral("pkce")).contains(QLatin1String("with a wrong code_verifier")));
    // The tokens it should not have issued are used for the rest, and revoked at the end.
    QCOMPARE(r.status(QStringLiteral("api")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("cleanup")), QStringLiteral("PASS"));
}

void CliCheck::serverThatDoesNotRotateRefreshTokensWarns()
{
    addPublicProfile();
    m_sandbox.setMode({{QStringLiteral("rotateRefreshTokens"), false}});
    const CheckRun r = check(QStringLiteral("Public"));
    QVERIFY2(r.run.exitCode == 0, r.describeSteps().constData()); // a warning, not a failure
    QCOMPARE(r.status(QStringLiteral("refresh")), QStringLiteral("WARN"));
    QVERIFY(r.text(QStringLiteral("refresh")).contains(QLatin1String("do not rotate")));
    QCOMPARE(r.status(QStringLiteral("old-refresh-token")), QStringLiteral("SKIP"));
}

void CliCheck::serverThatNarrowsScopesWarnsListingWhatWasDropped()
{
    addPublicProfile();
    m_sandbox.setMode({{QStringLiteral("dropScopes"),
                        QJsonArray{QStringLiteral("user/Appointment.read")}}});
    const CheckRun r = check(QStringLiteral("Public"));
    QVERIFY2(r.run.exitCode == 0, r.describeSteps().constData());
    QCOMPARE(r.status(QStringLiteral("token-response")), QStringLiteral("WARN"));
    QVERIFY2(r.text(QStringLiteral("token-response"))
                     .contains(QLatin1String("dropped: user/Appointment.read")),
             r.describeSteps().constData());
}

void CliCheck::clientCredentialsPassAndAWrongSecretIsRefused()
{
    addServiceProfile(QStringLiteral("Service"), QStringLiteral("system/Patient.read"));
    const CheckRun r = check(QStringLiteral("Service"));
    QVERIFY2(r.run.exitCode == 0, r.describeSteps().constData());
    QCOMPARE(r.status(QStringLiteral("token-response")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("wrong-secret")), QStringLiteral("PASS"));
    QVERIFY(r.text(QStringLiteral("wrong-secret")).contains(QLatin1String("invalid_client")));
    QCOMPARE(r.status(QStringLiteral("api")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("revocation")), QStringLiteral("PASS"));
    // The revoked access token, introspected: active: false.
    QCOMPARE(r.status(QStringLiteral("revoked-introspection")), QStringLiteral("PASS"));
    QVERIFY2(r.text(QStringLiteral("revoked-introspection")).contains(QLatin1String("active: false")),
             r.describeSteps().constData());
    QVERIFY(r.step(QStringLiteral("authorization")).isEmpty());
    QVERIFY(!r.run.out.contains(m_sandbox.serviceSecret.toUtf8()));
}

void CliCheck::canvasClientCredentialsWithoutScopeWarnAboutFullAccess()
{
    addServiceProfile(QStringLiteral("ServiceNoScope"), QString());
    const CheckRun r = check(QStringLiteral("ServiceNoScope"));
    QCOMPARE(r.status(QStringLiteral("token-response")), QStringLiteral("WARN"));
    QVERIFY2(r.text(QStringLiteral("token-response")).contains(QLatin1String("full access")),
             r.describeSteps().constData());
}

void CliCheck::declinedConsentFailsTheAuthorizationWithWhatToDo()
{
    addPublicProfile();
    const CheckRun r = check(QStringLiteral("Public"), {}, m_sandbox.consent + QStringLiteral(" --deny"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.status(QStringLiteral("redirect-uri")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("authorization")), QStringLiteral("FAIL"));
    QVERIFY2(r.text(QStringLiteral("authorization")).contains(QLatin1String("access_denied"))
                     && r.text(QStringLiteral("authorization")).contains(QLatin1String("approve")),
             r.describeSteps().constData());
    QVERIFY(r.step(QStringLiteral("token-response")).isEmpty());
}

void CliCheck::apiForbiddenIsExplainedWithTheGrantedScope()
{
    addServiceProfile(QStringLiteral("Service"), QStringLiteral("system/Patient.read"));
    m_sandbox.failNext(QStringLiteral("api"), 1, QStringLiteral("403"));
    const CheckRun r = check(QStringLiteral("Service"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.status(QStringLiteral("api")), QStringLiteral("FAIL"));
    const QString text = r.text(QStringLiteral("api"));
    QVERIFY2(text.contains(QLatin1String("HTTP 403")) && text.contains(QLatin1String("system/Patient.read")),
             r.describeSteps().constData());
}

void CliCheck::discoveryAdvertisingPlainPkceWarns()
{
    addServiceProfile(QStringLiteral("Service"), QStringLiteral("system/Patient.read"));
    m_sandbox.setMode({{QStringLiteral("advertisePlain"), true}});
    const CheckRun r = check(QStringLiteral("Service"));
    QCOMPARE(r.status(QStringLiteral("discovery")), QStringLiteral("WARN"));
    QVERIFY2(r.text(QStringLiteral("discovery")).contains(QLatin1String("\"plain\"")),
             r.describeSteps().constData());
    // SMART App Launch forbids it outright (Inferno fails it): the SMART step fails.
    QCOMPARE(r.status(QStringLiteral("smart-configuration")), QStringLiteral("FAIL"));
    QVERIFY(r.text(QStringLiteral("smart-configuration")).contains(QLatin1String("forbids it")));
}

// A good SMART server: every step that Inferno's SMART App Launch kit has a counterpart for
// passes, with the negatives refused in the same run; TLS is not a question on loopback http.
void CliCheck::smartPresetConfiguredFromDiscoveryPassesEveryInfernoStep()
{
    addSmartProfile();
    const CheckRun r = check(QStringLiteral("Smart"));
    QVERIFY2(r.run.exitCode == 0, r.describeSteps().constData());
    QCOMPARE(r.report.value(QLatin1String("schemaVersion")).toInt(), 2);
    QCOMPARE(r.report.value(QLatin1String("kind")).toString(), QStringLiteral("smart"));
    for (const char *id : {"discovery", "smart-configuration", "redirect-uri", "wrong-aud",
                           "authorization", "pkce", "token-response", "invalid-code",
                           "invalid-client-id", "api", "no-token-read", "introspection",
                           "refresh", "invalid-refresh-token", "old-refresh-token",
                           "revoked-introspection"})
        QVERIFY2(r.status(QLatin1String(id)) == QLatin1String("PASS"),
                 (QByteArray(id) + " — " + r.describeSteps()).constData());
    QCOMPARE(r.status(QStringLiteral("tls")), QStringLiteral("SKIP"));
    QVERIFY(r.text(QStringLiteral("tls")).contains(QLatin1String("loopback http")));
    // The four PKCE negatives, each refused.
    const QString pkce = r.text(QStringLiteral("pkce"));
    for (const char *what : {"refused a wrong code_verifier", "refused no code_verifier",
                             "refused a blank code_verifier",
                             "refused the code_challenge sent as code_verifier"})
        QVERIFY2(pkce.contains(QLatin1String(what)), redacted(pkce.toUtf8()).constData());
    QVERIFY(r.text(QStringLiteral("token-response")).contains(QLatin1String("Pragma: no-cache")));
    QVERIFY(r.text(QStringLiteral("no-token-read")).contains(QLatin1String("HTTP 401")));
    QVERIFY(r.text(QStringLiteral("introspection")).contains(QLatin1String("active: false")));
    // The access token revoked in the revocation step and the refresh token revoked at the
    // clean-up, introspected afterwards.
    const QString revoked = r.text(QStringLiteral("revoked-introspection"));
    QVERIFY2(revoked.contains(QLatin1String("access token revoked in the revocation step: active: false"))
                     && revoked.contains(QLatin1String("refresh token revoked at the clean-up: active: false")),
             redacted(revoked.toUtf8()).constData());
    // On a server that keeps the code, all four PKCE negatives were on the one code, which the
    // right verifier then redeemed.
    QVERIFY(pkce.contains(QLatin1String("still redeemed")));
    QCOMPARE(r.report.value(QLatin1String("thorough")).toBool(), false);
    // Every new step carries its request as curl.
    for (const char *id : {"smart-configuration", "wrong-aud", "invalid-code", "no-token-read",
                           "introspection", "invalid-refresh-token", "revoked-introspection"})
        QVERIFY2(!r.step(QLatin1String(id)).value(QLatin1String("curl")).toArray().isEmpty(), id);
}

void CliCheck::smartConfigurationWithoutCapabilitiesFails()
{
    addServiceProfile(QStringLiteral("Service"), QStringLiteral("system/Patient.read"));
    m_sandbox.setMode({{QStringLiteral("noCapabilities"), true}});
    const CheckRun r = check(QStringLiteral("Service"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.status(QStringLiteral("smart-configuration")), QStringLiteral("FAIL"));
    QVERIFY2(r.text(QStringLiteral("smart-configuration")).contains(QLatin1String("no capabilities array")),
             r.describeSteps().constData());
    QVERIFY(r.text(QStringLiteral("smart-configuration")).contains(QLatin1String("report what is listed")));
    QCOMPARE(r.status(QStringLiteral("api")), QStringLiteral("PASS"));
}

void CliCheck::authorizationServerThatIgnoresAWrongAudFails()
{
    addSmartProfile();
    m_sandbox.setMode({{QStringLiteral("audIgnored"), true}});
    // The probe is browserless (before the browser step); the sign-in that follows is
    // unharmed by it.
    const CheckRun r = check(QStringLiteral("Smart"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.status(QStringLiteral("wrong-aud")), QStringLiteral("FAIL"));
    QVERIFY2(r.text(QStringLiteral("wrong-aud")).contains(QLatin1String("showed its sign-in")),
             r.describeSteps().constData());
    QVERIFY(r.text(QStringLiteral("wrong-aud")).contains(QLatin1String("SHALL confirm aud")));
    QCOMPARE(r.status(QStringLiteral("token-response")), QStringLiteral("PASS"));
}

void CliCheck::serverThatAcceptsAMadeUpRefreshTokenFails()
{
    addPublicProfile();
    m_sandbox.setMode({{QStringLiteral("acceptInvalidRefreshToken"), true}});
    const CheckRun r = check(QStringLiteral("Public"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.status(QStringLiteral("invalid-refresh-token")), QStringLiteral("FAIL"));
    QVERIFY2(r.text(QStringLiteral("invalid-refresh-token")).contains(QLatin1String("made-up refresh token")),
             r.describeSteps().constData());
    QCOMPARE(r.status(QStringLiteral("refresh")), QStringLiteral("PASS"));
}

void CliCheck::apiThatServesReadsWithoutATokenFails()
{
    addServiceProfile(QStringLiteral("Service"), QStringLiteral("system/Patient.read"));
    m_sandbox.setMode({{QStringLiteral("openReads"), true}});
    const CheckRun r = check(QStringLiteral("Service"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.status(QStringLiteral("no-token-read")), QStringLiteral("FAIL"));
    QVERIFY2(r.text(QStringLiteral("no-token-read")).contains(QLatin1String("RFC 6750")),
             r.describeSteps().constData());
}

void CliCheck::introspectionWithoutScopeClientAndExpFails()
{
    addServiceProfile(QStringLiteral("Service"), QStringLiteral("system/Patient.read"));
    m_sandbox.setMode({{QStringLiteral("introspectionMissingFields"), true}});
    const CheckRun r = check(QStringLiteral("Service"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.status(QStringLiteral("introspection")), QStringLiteral("FAIL"));
    QVERIFY2(r.text(QStringLiteral("introspection")).contains(QLatin1String("lacks scope, client_id, exp")),
             r.describeSteps().constData());
}

void CliCheck::tokenResponseWithoutCacheHeadersWarns()
{
    addServiceProfile(QStringLiteral("Service"), QStringLiteral("system/Patient.read"));
    m_sandbox.setMode({{QStringLiteral("noCacheHeaders"), true}});
    const CheckRun r = check(QStringLiteral("Service"));
    QVERIFY2(r.run.exitCode == 0, r.describeSteps().constData()); // a warning, not a failure
    QCOMPARE(r.status(QStringLiteral("token-response")), QStringLiteral("WARN"));
    const QString text = r.text(QStringLiteral("token-response"));
    QVERIFY2(text.contains(QLatin1String("Cache-Control: no-store")) && text.contains(QLatin1String("Pragma: no-cache")),
             r.describeSteps().constData());
}

void CliCheck::cognitoShapedOpenIdClientCredentialsPassWithTheRevocationLimitNamed()
{
    rememberSecret(m_sandbox.cognitoClientSecret);
    addProfile({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Cognito"),
                QStringLiteral("--preset"), QStringLiteral("openid"),
                QStringLiteral("--discovery-url"), m_sandbox.cognitoDiscoveryUrl.toString(),
                QStringLiteral("--client-id"), m_sandbox.cognitoClientId,
                QStringLiteral("--client-secret-stdin"), QStringLiteral("--fhir-base"),
                m_sandbox.fhirBase.toString()},
               m_sandbox.cognitoClientSecret.toUtf8());
    const CheckRun r = check(QStringLiteral("Cognito"));
    QVERIFY2(r.run.exitCode == 0, r.describeSteps().constData());
    QCOMPARE(r.status(QStringLiteral("discovery")), QStringLiteral("PASS"));
    QVERIFY(r.text(QStringLiteral("discovery")).contains(m_sandbox.cognitoTokenEndpoint.toString()));
    QCOMPARE(r.status(QStringLiteral("token-response")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("wrong-secret")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("api")), QStringLiteral("PASS"));
    // Cognito revokes refresh tokens only; its access tokens are JWTs that stay valid.
    QCOMPARE(r.status(QStringLiteral("revocation")), QStringLiteral("WARN"));
    QVERIFY2(r.text(QStringLiteral("revocation")).contains(QLatin1String("unsupported_token_type")),
             r.describeSteps().constData());
    QVERIFY(!r.run.out.contains(m_sandbox.cognitoClientSecret.toUtf8()));
}

void CliCheck::canvasLmsDeveloperKeyPassesWithItsDocumentedRefreshBehaviour()
{
    addLmsProfile();
    const CheckRun r = check(QStringLiteral("Lms"));
    QVERIFY2(r.run.exitCode == 0, r.describeSteps().constData());
    QCOMPARE(r.status(QStringLiteral("discovery")), QStringLiteral("SKIP"));
    QCOMPARE(r.status(QStringLiteral("authorization")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("api")), QStringLiteral("PASS"));
    QVERIFY(r.text(QStringLiteral("api")).contains(QLatin1String("Demo Clinician")));
    QCOMPARE(r.status(QStringLiteral("refresh")), QStringLiteral("PASS"));
    QVERIFY(r.text(QStringLiteral("refresh")).contains(QLatin1String("do not rotate")));
    QCOMPARE(r.status(QStringLiteral("revocation")), QStringLiteral("PASS"));
    QVERIFY(r.text(QStringLiteral("revocation")).contains(QLatin1String("DELETE")));
}

void CliCheck::canvasLmsRefusesClientCredentialsWithTheReason()
{
    const CliRun add = runCli({QStringLiteral("profile"), QStringLiteral("add"),
                               QStringLiteral("LmsService"), QStringLiteral("--preset"),
                               QStringLiteral("canvas-lms"), QStringLiteral("--instance"),
                               m_sandbox.lmsBase.toString(), QStringLiteral("--client-id"),
                               m_sandbox.lmsClientId, QStringLiteral("--grant"),
                               QStringLiteral("client-credentials")});
    QVERIFY2(add.exitCode != 0 && add.err.contains("LTI"), describe(add).constData());
    QVERIFY(!runCli({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("LmsService")})
                     .exitCode == 0);
}

void CliCheck::canvasLmsLogoutEndsTheTokenAtTheLms()
{
    addLmsProfile();
    const Step signedIn = signInThroughConsent(m_sandbox, QStringLiteral("Lms"));
    QVERIFY2(signedIn, signedIn.why());
    const int before = m_sandbox.stats().value(QLatin1String("lms")).toObject()
                               .value(QLatin1String("revocation")).toInt();
    const CliRun logout = runCli({QStringLiteral("logout"), QStringLiteral("--profile"),
                                  QStringLiteral("Lms")});
    QVERIFY2(logout.exitCode == 0, describe(logout).constData());
    QCOMPARE(m_sandbox.stats().value(QLatin1String("lms")).toObject()
                     .value(QLatin1String("revocation")).toInt(),
             before + 1);
    QVERIFY(!keychainSecret(keychainUser(QStringLiteral("Lms"))));
}

void CliCheck::correctConfidentialRegistrationPassesWithTheWrongSecretRefused()
{
    addProfile(addProfileArgs(m_sandbox, QStringLiteral("Confidential"),
                              {QStringLiteral("--client-id"), m_sandbox.confidentialClientId,
                               QStringLiteral("--client-secret-stdin")}),
               m_sandbox.confidentialSecret.toUtf8());
    const CheckRun r = check(QStringLiteral("Confidential"));
    QVERIFY2(r.run.exitCode == 0, r.describeSteps().constData());
    QCOMPARE(r.status(QStringLiteral("pkce")), QStringLiteral("SKIP"));
    QCOMPARE(r.status(QStringLiteral("wrong-secret")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("refresh")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("old-refresh-token")), QStringLiteral("PASS"));
    // Introspection authenticates with the secret; its curl names it as a placeholder.
    QCOMPARE(r.status(QStringLiteral("introspection")), QStringLiteral("PASS"));
    const QString introspect = r.step(QStringLiteral("introspection")).value(QLatin1String("curl"))
                                       .toArray().first().toString();
    QVERIFY2(introspect.contains(QLatin1String("client_secret=$")), redacted(introspect.toUtf8()).constData());
    QVERIFY(!r.run.out.contains(m_sandbox.confidentialSecret.toUtf8()));
}

void CliCheck::sandboxDashboardTokenPassesAndARevokedOneNamesSetToken()
{
    const QString token = m_sandbox.mintStaticToken(QStringLiteral("canvas"));
    rememberSecret(token);
    addProfile({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Dashboard"),
                QStringLiteral("--preset"), QStringLiteral("canvas-sandbox-token"),
                QStringLiteral("--instance"), m_sandbox.instance.toString(),
                QStringLiteral("--fhir-base"), m_sandbox.fhirBase.toString()});
    const CliRun set = runCli({QStringLiteral("profile"), QStringLiteral("set-token"),
                               QStringLiteral("Dashboard")},
                              token.toUtf8() + '\n');
    QVERIFY2(set.exitCode == 0, describe(set).constData());

    m_sandbox.resetStats();
    CheckRun r = check(QStringLiteral("Dashboard"));
    QVERIFY2(r.run.exitCode == 0, r.describeSteps().constData());
    QCOMPARE(r.status(QStringLiteral("static-token")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("api")), QStringLiteral("PASS"));
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 0);
    QVERIFY(!r.run.out.contains(token.toUtf8()) && !r.run.err.contains(token.toUtf8()));

    m_sandbox.revokeStaticToken(token);
    r = check(QStringLiteral("Dashboard"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.status(QStringLiteral("api")), QStringLiteral("FAIL"));
    QVERIFY2(r.text(QStringLiteral("api")).contains(QLatin1String("chartkey profile set-token Dashboard")),
             r.describeSteps().constData());
    // The refused token is kept: the server refused it, the person decides.
    QVERIFY(keychainSecret(keychainUser(QStringLiteral("Dashboard"))));
}

void CliCheck::unreachableAuthorizationEndpointFailsWithoutABrowser()
{
    // A port nothing listens on: bind one, note it, close it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    addProfile(addProfileArgs(m_sandbox, QStringLiteral("NoAuthorize"),
                              {QStringLiteral("--authorize-url"),
                               QStringLiteral("http://127.0.0.1:%1/auth/authorize/").arg(port)}));
    const CheckRun r = check(QStringLiteral("NoAuthorize"), {}, QStringLiteral("true"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.status(QStringLiteral("redirect-uri")), QStringLiteral("FAIL"));
    QVERIFY2(r.text(QStringLiteral("redirect-uri")).contains(QLatin1String("could not be reached")),
             r.describeSteps().constData());
    QVERIFY(r.step(QStringLiteral("authorization")).isEmpty());
}

void CliCheck::unknownStepToSkipIsAUsageError()
{
    addPublicProfile();
    const CliRun run = runCli({QStringLiteral("check"), QStringLiteral("--profile"),
                               QStringLiteral("Public"), QStringLiteral("--skip"),
                               QStringLiteral("pkce,nonsense")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("Unknown step \"nonsense\""));
}

void CliCheck::serverThatAcceptsAMadeUpCodeFails()
{
    addPublicProfile();
    m_sandbox.setMode({{QStringLiteral("acceptInvalidCode"), true}});
    const CheckRun r = check(QStringLiteral("Public"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.status(QStringLiteral("invalid-code")), QStringLiteral("FAIL"));
    const QString text = r.text(QStringLiteral("invalid-code"));
    QVERIFY2(text.contains(QLatin1String("issued tokens for a made-up authorization code")),
             r.describeSteps().constData());
    QVERIFY(text.contains(QLatin1String("does not look codes up"))
            && text.contains(QLatin1String("Report it to the server's operator")));
    // Only that step: the real code and the rest of the check are unharmed.
    QCOMPARE(r.status(QStringLiteral("pkce")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("token-response")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("invalid-client-id")), QStringLiteral("PASS"));
    QCOMPARE(r.report.value(QLatin1String("counts")).toObject().value(QLatin1String("fail")).toInt(), 1);
}

void CliCheck::serverThatAcceptsAnUnknownClientIdFails()
{
    addPublicProfile();
    m_sandbox.setMode({{QStringLiteral("acceptUnknownClient"), true}});
    const CheckRun r = check(QStringLiteral("Public"));
    QCOMPARE(r.run.exitCode, 1);
    QCOMPARE(r.status(QStringLiteral("invalid-client-id")), QStringLiteral("FAIL"));
    const QString text = r.text(QStringLiteral("invalid-client-id"));
    QVERIFY2(text.contains(QLatin1String("issued tokens to a client ID it cannot know")),
             r.describeSteps().constData());
    QVERIFY2(text.contains(QLatin1String("does not check the client"))
                     && text.contains(QLatin1String("report it to the server's operator")),
             r.describeSteps().constData());
    QCOMPARE(r.status(QStringLiteral("invalid-code")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("token-response")), QStringLiteral("PASS"));
    QCOMPARE(r.report.value(QLatin1String("counts")).toObject().value(QLatin1String("fail")).toInt(), 1);
}

void CliCheck::revokedTokenStillActiveAtIntrospectionFails()
{
    addServiceProfile(QStringLiteral("Service"), QStringLiteral("system/Patient.read"));
    m_sandbox.setMode({{QStringLiteral("introspectRevokedActive"), true}});
    const CheckRun r = check(QStringLiteral("Service"));
    QCOMPARE(r.run.exitCode, 1);
    // Revocation itself worked (the API refuses the token); introspection does not know it.
    QCOMPARE(r.status(QStringLiteral("revocation")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("introspection")), QStringLiteral("PASS"));
    QCOMPARE(r.status(QStringLiteral("revoked-introspection")), QStringLiteral("FAIL"));
    const QString text = r.text(QStringLiteral("revoked-introspection"));
    QVERIFY2(text.contains(QLatin1String("active: true, after the revocation endpoint accepted")),
             r.describeSteps().constData());
    QVERIFY(text.contains(QLatin1String("keeps accepting it after sign-out"))
            && text.contains(QLatin1String("Report it to the server's operator")));
}

void CliCheck::withoutThoroughOnlyTheFirstPkceNegativeCountsOnAServerThatUsesCodesUp()
{
    addPublicProfile();
    m_sandbox.setMode({{QStringLiteral("burnCodeOnRefusedExchange"), true}});
    const CheckRun r = check(QStringLiteral("Public"));
    QVERIFY2(r.run.exitCode == 0, r.describeSteps().constData());
    QCOMPARE(r.status(QStringLiteral("pkce")), QStringLiteral("PASS"));
    const QJsonArray probes = r.step(QStringLiteral("pkce")).value(QLatin1String("probes")).toArray();
    QCOMPARE(probes.size(), 4);
    QCOMPARE(probes.at(0).toObject().value(QLatin1String("id")).toString(), QStringLiteral("wrong-verifier"));
    QCOMPARE(probes.at(0).toObject().value(QLatin1String("status")).toString(), QStringLiteral("PASS"));
    for (int i = 1; i < 4; ++i) {
        const QJsonObject probe = probes.at(i).toObject();
        QCOMPARE(probe.value(QLatin1String("status")).toString(), QStringLiteral("SKIP"));
        QVERIFY2(probe.value(QLatin1String("summary")).toString().contains(QLatin1String("used up")),
                 r.describeSteps().constData());
    }
    QVERIFY2(r.text(QStringLiteral("pkce")).contains(
                     QLatin1String("Run with --thorough to test each on its own code (3 more sign-ins).")),
             r.describeSteps().constData());
    // One more sign-in, for the token steps only.
    QCOMPARE(r.run.err.count("Opening the browser"), 2);
    QCOMPARE(r.status(QStringLiteral("token-response")), QStringLiteral("PASS"));
    QCOMPARE(r.report.value(QLatin1String("thorough")).toBool(), false);
}

void CliCheck::thoroughGivesEachPkceNegativeACodeOfItsOwnOnAServerThatUsesCodesUp()
{
    addPublicProfile();
    m_sandbox.setMode({{QStringLiteral("burnCodeOnRefusedExchange"), true}});
    const CheckRun r = check(QStringLiteral("Public"), {QStringLiteral("--thorough")});
    QVERIFY2(r.run.exitCode == 0, r.describeSteps().constData());
    QCOMPARE(r.report.value(QLatin1String("thorough")).toBool(), true);
    QCOMPARE(r.status(QStringLiteral("pkce")), QStringLiteral("PASS"));
    const QJsonArray probes = r.step(QStringLiteral("pkce")).value(QLatin1String("probes")).toArray();
    QCOMPARE(probes.size(), 4);
    for (int i = 0; i < 4; ++i)
        QVERIFY2(probes.at(i).toObject().value(QLatin1String("status")).toString() == QLatin1String("PASS"),
                 r.describeSteps().constData());
    for (int i = 1; i < 4; ++i)
        QVERIFY(probes.at(i).toObject().value(QLatin1String("summary")).toString().contains(
                QLatin1String("On a code of its own")));
    QVERIFY(r.step(QStringLiteral("pkce")).value(QLatin1String("hint")).toString().isEmpty());
    // Each extra sign-in is explained before its browser opens: three for the negatives, one
    // for the token steps.
    const QByteArray err = r.run.err;
    QCOMPARE(err.count("needs a code of its own"), 3);
    QCOMPARE(err.count("Opening the browser"), 5);
    qsizetype from = 0;
    for (const char *negative : {"PKCE negative 2 of 4 (no code_verifier)",
                                 "PKCE negative 3 of 4 (a blank code_verifier)",
                                 "PKCE negative 4 of 4 (the code_challenge sent as code_verifier)"}) {
        const qsizetype why = err.indexOf(negative, from);
        QVERIFY2(why >= 0, redacted(err).constData());
        const qsizetype opened = err.indexOf("Opening the browser", why);
        QVERIFY(opened > why);
        from = opened;
    }
    QVERIFY(err.indexOf("Sign in once more in the browser for a fresh code for the token steps", from) > from);
    QCOMPARE(r.status(QStringLiteral("token-response")), QStringLiteral("PASS"));
    QVERIFY(r.text(QStringLiteral("token-response")).contains(QLatin1String("each PKCE negative had used up")));
    // Round one's four negatives and the right verifier, one negative on each of three
    // codes, the token steps' exchange, the made-up code and the made-up client ID.
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("authorization_code")), 11);
}

void CliCheck::thoroughChangesNothingOnAServerThatKeepsTheCode()
{
    addPublicProfile();
    const CheckRun r = check(QStringLiteral("Public"), {QStringLiteral("--thorough")});
    QVERIFY2(r.run.exitCode == 0, r.describeSteps().constData());
    QCOMPARE(r.report.value(QLatin1String("thorough")).toBool(), true);
    QCOMPARE(r.status(QStringLiteral("pkce")), QStringLiteral("PASS"));
    QVERIFY(r.text(QStringLiteral("pkce")).contains(QLatin1String("All four exchanges used the same code")));
    QCOMPARE(r.run.err.count("Opening the browser"), 1);
    QVERIFY(!r.run.err.contains("code of its own"));
    // The four negatives and the right verifier on the one code, the made-up code and client.
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("authorization_code")), 7);
}

void CliCheck::thoroughWithNoSecondSignInIsAUsageError()
{
    addPublicProfile();
    const CliRun run = runCli({QStringLiteral("check"), QStringLiteral("--profile"),
                               QStringLiteral("Public"), QStringLiteral("--thorough"),
                               QStringLiteral("--no-second-sign-in")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--thorough asks for more sign-ins and --no-second-sign-in for none"),
             describe(run).constData());
    QVERIFY(run.out.isEmpty());
    // Nothing was done: no request reached the token endpoint.
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("authorization_code")), 0);
}

QTEST_GUILESS_MAIN(CliCheck)
CheckRun CliCheck::checkTlsOf(const QStringList &serverArgs)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return {};
    QTemporaryDir dir;
    QProcess req;
    req.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                        QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                        dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                        dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("-days"),
                        QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
    if (!req.waitForFinished(30000) || req.exitCode() != 0)
        return {};
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    QProcess server;
    server.start(openssl, QStringList{QStringLiteral("s_server"), QStringLiteral("-accept"),
                                      QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-cert"),
                                      dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("-key"),
                                      dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-www"),
                                      QStringLiteral("-quiet")}
                                  + serverArgs);
    for (int i = 0; i < 100; ++i) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(100))
            break;
        QTest::qWait(50);
    }
    const QString base = QStringLiteral("https://127.0.0.1:%1").arg(port);
    addProfile({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Tls"),
                QStringLiteral("--instance"), base, QStringLiteral("--fhir-base"),
                base + QStringLiteral("/fhir"), QStringLiteral("--client-id"),
                m_sandbox.publicClientId});
    const CheckRun r = check(QStringLiteral("Tls"), {}, QStringLiteral("true"));
    server.kill();
    server.waitForFinished(5000);
    return r;
}

void CliCheck::httpsServerWithTls12OnlyPassesTheTlsStep()
{
    const CheckRun r = checkTlsOf({QStringLiteral("-tls1_2")});
    if (r.report.isEmpty())
        QSKIP("needs the openssl command");
    QCOMPARE(r.status(QStringLiteral("tls")), QStringLiteral("PASS"));
    const QString text = r.text(QStringLiteral("tls"));
    QVERIFY2(text.contains(QLatin1String("speaks TLS 1.2")), r.describeSteps().constData());
    QVERIFY2(text.contains(QLatin1String("refuses a handshake limited to TLS 1.1")),
             r.describeSteps().constData());
}

void CliCheck::httpsServerThatAcceptsTls11FailsTheTlsStep()
{
    // OpenSSL 3 refuses TLS 1.1 at its default security level; level 0 lets it speak it.
    const CheckRun r = checkTlsOf({QStringLiteral("-cipher"), QStringLiteral("DEFAULT:@SECLEVEL=0")});
    if (r.report.isEmpty())
        QSKIP("needs the openssl command");
    QCOMPARE(r.status(QStringLiteral("tls")), QStringLiteral("FAIL"));
    const QString text = r.text(QStringLiteral("tls"));
    QVERIFY2(text.contains(QLatin1String("accepts a handshake limited to TLS 1.1")),
             r.describeSteps().constData());
    QVERIFY(text.contains(QLatin1String("Serve TLS 1.2 or newer only")));
}

#include "tst_cli_check.moc"

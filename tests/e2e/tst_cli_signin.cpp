// The chartkey command line against the sandbox EHR and a real keyring: the sign-in through
// the browser (Chromium, the one test here about the browser step), then everything a
// signed-in user does, ending with logout. Each test function starts from nothing
// (startFromScratch) and, where it needs one, signs in on its own through the consent
// client (tests/support/signedin.h), so that any of them runs alone.
#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"
#include "signedin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace chartkey::test;
using namespace chartkey::test::e2e;

namespace {

const QString kProfile = QStringLiteral("Sandbox");

} // namespace

class CliSignIn final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void signInThroughTheBrowserStoresTokensInTheKeychainOnly();
    void laterProcessesReuseTheStoredTokenWithoutTokenRequests();
    void statusJsonDescribesTheSignInWithoutSecrets();
    void patientSearchFindsTheBriddlesAndPagesThroughResults();
    void noteActionsChangeStateOnceAndReportRefusals();
    void rejectedTokenIsRefreshedOnceAndTheCallRetriedOnce();
    void expiredTokenIsRefreshedAndTheRotatedRefreshTokenStored();
    void logoutRevokesAndForgetsTheSignIn();

private:
    // Signs kProfile in through the consent client (then zeroes the sandbox's counters);
    // `stored`: the tokens it keeps.
    Step signIn(QJsonObject *stored = nullptr);

    Sandbox m_sandbox;
};

void CliSignIn::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
    QVERIFY(!m_sandbox.browser.isEmpty());
    QVERIFY(!m_sandbox.consent.isEmpty());
}

void CliSignIn::init()
{
    const Step started = startWithPublicProfile(m_sandbox, kProfile);
    QVERIFY2(started, started.why());
}

Step CliSignIn::signIn(QJsonObject *stored)
{
    const Step signedIn = signInThroughConsent(m_sandbox, kProfile, stored);
    m_sandbox.resetStats();
    return signedIn;
}

// Chromium, through `chartkey login --browser`: what a person does. (Every other sign-in in
// the suite goes through the consent client; this is the one that proves the real browser
// step, together with e2e_cli_check's correctPublicRegistration... and the Xvfb window test.)
void CliSignIn::signInThroughTheBrowserStoresTokensInTheKeychainOnly()
{
    const CliRun login = runCli({QStringLiteral("login"), QStringLiteral("--browser"),
                                 m_sandbox.browser},
                                {}, 90000);
    QVERIFY2(login.exitCode == 0, describe(login).constData());
    QVERIFY2(login.out.isEmpty(), "login printed on stdout");
    const QUrl authorization = authorizationUrlIn(login.err);
    QVERIFY2(authorization.isValid() && !authorization.isEmpty(), describe(login).constData());
    QCOMPARE(authorization.host(), m_sandbox.instance.host());
    QCOMPARE(authorization.port(), m_sandbox.instance.port());
    const QUrlQuery query(authorization);
    QCOMPARE(query.queryItemValue(QStringLiteral("client_id")), m_sandbox.publicClientId);
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")),
             QStringLiteral("S256"));
    QVERIFY(redirectPortOf(authorization) > 0);
    QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("authorization_code")), 1);

    QVERIFY2(keychainListsUser(QStringLiteral("tokens:Sandbox")),
             "secret-tool search lists no item with user = tokens:Sandbox");

    const CliRun token = runCli({QStringLiteral("token")});
    QVERIFY2(token.exitCode == 0, describe(token).constData());
    const QString accessToken = QString::fromUtf8(token.out.trimmed());
    rememberSecret(accessToken);
    QVERIFY(accessToken.size() >= 16);

    const auto stored = storedTokensOf(kProfile);
    QVERIFY2(stored, "secret-tool lookup found no tokens:Sandbox item");
    const QString refreshToken = stored->value(QStringLiteral("refresh_token")).toString();
    QVERIFY2(refreshToken.size() >= 16, "the stored item has no refresh token");
    QVERIFY2(stored->value(QStringLiteral("access_token")).toString() == accessToken,
             "`chartkey token` printed another access token than the keychain holds");

    int scanned = 0;
    const QStringList leaks = filesContaining(
            userDirectories(), {accessToken.toUtf8(), refreshToken.toUtf8()}, &scanned);
    QVERIFY2(leaks.isEmpty(),
             qPrintable(QStringLiteral("token found in: ") + leaks.join(QStringLiteral(", "))));
    QVERIFY2(scanned > 0, "no file scanned: the settings file at least should exist");
}

void CliSignIn::laterProcessesReuseTheStoredTokenWithoutTokenRequests()
{
    QJsonObject stored;
    const Step signedIn = signIn(&stored);
    QVERIFY2(signedIn, signedIn.why());
    const QString accessToken = stored.value(QStringLiteral("access_token")).toString();
    QVERIFY(!accessToken.isEmpty());
    for (int i = 0; i < 3; ++i) {
        const CliRun token = runCli({QStringLiteral("token")});
        QVERIFY2(token.exitCode == 0, describe(token).constData());
        QVERIFY2(QString::fromUtf8(token.out.trimmed()) == accessToken,
                 "a later process printed another access token");
    }
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 0);
}

void CliSignIn::statusJsonDescribesTheSignInWithoutSecrets()
{
    QJsonObject stored;
    const Step signedIn = signIn(&stored);
    QVERIFY2(signedIn, signedIn.why());
    const QByteArray accessToken = stored.value(QStringLiteral("access_token")).toString().toUtf8();
    const QByteArray refreshToken = stored.value(QStringLiteral("refresh_token")).toString().toUtf8();
    QVERIFY(!accessToken.isEmpty() && !refreshToken.isEmpty());

    const CliRun status = runCli({QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY2(status.exitCode == 0, describe(status).constData());
    QVERIFY2(!status.out.contains(accessToken), "status printed the access token");
    QVERIFY2(!status.out.contains(refreshToken), "status printed the refresh token");
    QVERIFY2(!status.err.contains(accessToken) && !status.err.contains(refreshToken),
             "status printed a token on stderr");
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(status.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(o.value(QStringLiteral("profile")).toString(), kProfile);
    QCOMPARE(o.value(QStringLiteral("signedIn")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("hasRefreshToken")).toBool(), true);
    const qint64 expiresIn = qint64(o.value(QStringLiteral("expiresInSeconds")).toDouble());
    QVERIFY2(expiresIn > 35000, qPrintable(QString::number(expiresIn)));
    QVERIFY2(o.value(QStringLiteral("scope")).toString().split(QLatin1Char(' ')).contains(
                     QStringLiteral("user/Patient.read")),
             qPrintable(o.value(QStringLiteral("scope")).toString()));
}

void CliSignIn::patientSearchFindsTheBriddlesAndPagesThroughResults()
{
    const Step signedIn = signIn();
    QVERIFY2(signedIn, signedIn.why());
    const CliRun briddles = runCli({QStringLiteral("patients"), QStringLiteral("--name"),
                                    QStringLiteral("Briddle"), QStringLiteral("--json")});
    QVERIFY2(briddles.exitCode == 0, describe(briddles).constData());
    const QJsonArray list = QJsonDocument::fromJson(briddles.out).array();
    QCOMPARE(list.size(), 3);
    for (const QJsonValue &p : list) {
        QCOMPARE(p.toObject().value(QStringLiteral("family")).toString(),
                 QStringLiteral("Briddle"));
        QCOMPARE(p.toObject().value(QStringLiteral("id")).toString().size(), 32);
    }

    m_sandbox.resetStats();
    const CliRun page = runCli({QStringLiteral("patients"), QStringLiteral("--limit"),
                                QStringLiteral("25")});
    QVERIFY2(page.exitCode == 0, describe(page).constData());
    QCOMPARE(page.out.trimmed().split('\n').size(), 25);
    QVERIFY(m_sandbox.apiResponses(200) >= 1);

    // More than the server's largest page (100): chartkey follows the next links.
    m_sandbox.resetStats();
    const CliRun pages = runCli({QStringLiteral("patients"), QStringLiteral("--limit"),
                                 QStringLiteral("150")});
    QVERIFY2(pages.exitCode == 0, describe(pages).constData());
    const QList<QByteArray> rows = pages.out.trimmed().split('\n');
    QCOMPARE(rows.size(), 150);
    QSet<QByteArray> ids;
    for (const QByteArray &row : rows)
        ids.insert(row.left(row.indexOf('\t')));
    QCOMPARE(ids.size(), 150); // the second page is not the first one again
    QCOMPARE(m_sandbox.apiResponses(200), 2);
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 0);
}

void CliSignIn::noteActionsChangeStateOnceAndReportRefusals()
{
    const Step signedIn = signIn();
    QVERIFY2(signedIn, signedIn.why());
    // The only test function here that changes a note (the sandbox is this binary's own).
    const QStringList notes = noteIdsOfFamily(m_sandbox, QStringLiteral("Briddle"));
    QVERIFY(!notes.isEmpty());
    const QString note = notes.first();
    QCOMPARE(m_sandbox.noteState(note).value(QStringLiteral("state")).toString(),
             QStringLiteral("new"));

    const CliRun lockSign = runCli({QStringLiteral("note"), QStringLiteral("lock-sign"), note});
    QVERIFY2(lockSign.exitCode == 0, describe(lockSign).constData());
    QJsonObject state = m_sandbox.noteState(note);
    QCOMPARE(state.value(QStringLiteral("state")).toString(), QStringLiteral("signed"));
    QCOMPARE(state.value(QStringLiteral("actions")).toObject()
                     .value(QStringLiteral("lock_sign")).toInt(), 1);

    const CliRun signAgain = runCli({QStringLiteral("note"), QStringLiteral("sign"), note});
    QCOMPARE(signAgain.exitCode, 1);
    QVERIFY2(signAgain.err.contains("not possible"), describe(signAgain).constData());
    QVERIFY2(signAgain.err.contains(note.toUtf8()), describe(signAgain).constData());
    state = m_sandbox.noteState(note);
    QCOMPARE(state.value(QStringLiteral("state")).toString(), QStringLiteral("signed"));
    const QJsonObject actions = state.value(QStringLiteral("actions")).toObject();
    QCOMPARE(actions.value(QStringLiteral("sign")).toInt(), 1); // sent once, refused (409)
    QCOMPARE(actions.value(QStringLiteral("lock_sign")).toInt(), 1);

    const CliRun missing = runCli({QStringLiteral("note"), QStringLiteral("lock"),
                                   QStringLiteral("note-does-not-exist")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("Note not found"), describe(missing).constData());

    const CliRun standalone = runCli({QStringLiteral("note"), QStringLiteral("check-in"),
                                      QStringLiteral("note-standalone-1")});
    QCOMPARE(standalone.exitCode, 1);
    QVERIFY2(standalone.err.contains("not possible"), describe(standalone).constData());
}

// The EHR refuses the stored access token (server-side expiry): one refresh, one retry, and
// the renewed tokens (a rotated refresh token) are what the keychain holds and `token` prints.
void CliSignIn::rejectedTokenIsRefreshedOnceAndTheCallRetriedOnce()
{
    QJsonObject before;
    const Step signedIn = signIn(&before);
    QVERIFY2(signedIn, signedIn.why());
    m_sandbox.expireTokens();
    m_sandbox.resetStats();
    const CliRun patients = runCli({QStringLiteral("patients"), QStringLiteral("--limit"),
                                    QStringLiteral("1")});
    QVERIFY2(patients.exitCode == 0, describe(patients).constData());
    QCOMPARE(patients.out.trimmed().split('\n').size(), 1);
    const QJsonObject stats = m_sandbox.stats();
    QCOMPARE(tokenCount(stats, QStringLiteral("refresh_token")), 1);
    QCOMPARE(tokenCount(stats, QStringLiteral("total")), 1);
    const QJsonObject api = stats.value(QStringLiteral("api")).toObject();
    QCOMPARE(api.value(QStringLiteral("401")).toInt(), 1);
    QCOMPARE(api.value(QStringLiteral("200")).toInt(), 1);

    const auto after = storedTokensOf(kProfile);
    QVERIFY2(after, "the tokens left the keychain");
    QVERIFY2(after->value(QStringLiteral("refresh_token")).toString()
                     != before.value(QStringLiteral("refresh_token")).toString(),
             "the refresh token in the keychain was not rotated");
    QVERIFY2(after->value(QStringLiteral("access_token")).toString()
                     != before.value(QStringLiteral("access_token")).toString(),
             "the keychain still holds the rejected access token");
    const CliRun token = runCli({QStringLiteral("token")});
    QVERIFY2(token.exitCode == 0, describe(token).constData());
    QVERIFY2(QString::fromUtf8(token.out.trimmed())
                     == after->value(QStringLiteral("access_token")).toString(),
             "`chartkey token` does not print the renewed access token");
}

// chartkey finds the stored access token expired (client-side expiry): it refreshes before
// the call, and the keychain then holds the rotated refresh token and the new access token.
void CliSignIn::expiredTokenIsRefreshedAndTheRotatedRefreshTokenStored()
{
    QJsonObject before;
    const Step signedIn = signIn(&before);
    QVERIFY2(signedIn, signedIn.why());
    const Step expired = expireStoredTokens(kProfile);
    QVERIFY2(expired, expired.why());

    const CliRun token = runCli({QStringLiteral("token")});
    QVERIFY2(token.exitCode == 0, describe(token).constData());
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("refresh_token")), 1);
    const auto after = storedTokensOf(kProfile);
    QVERIFY2(after, "the tokens left the keychain");
    const QString refresh = after->value(QStringLiteral("refresh_token")).toString();
    const QString access = after->value(QStringLiteral("access_token")).toString();
    QVERIFY2(!refresh.isEmpty(), "the stored item has no refresh token");
    QVERIFY2(refresh != before.value(QStringLiteral("refresh_token")).toString(),
             "the refresh token in the keychain was not rotated");
    QVERIFY2(access != before.value(QStringLiteral("access_token")).toString(),
             "the keychain still holds the expired access token");
    QVERIFY2(QString::fromUtf8(token.out.trimmed()) == access,
             "`chartkey token` does not print the renewed access token");
    QVERIFY2(expiresAt(*after) > QDateTime::currentDateTimeUtc().addSecs(35000),
             "the renewed sign-in does not carry the new expiry");
}

void CliSignIn::logoutRevokesAndForgetsTheSignIn()
{
    QJsonObject stored;
    const Step signedIn = signIn(&stored);
    QVERIFY2(signedIn, signedIn.why());
    const QString refreshToken = stored.value(QStringLiteral("refresh_token")).toString();
    QVERIFY(!refreshToken.isEmpty());

    const CliRun logout = runCli({QStringLiteral("logout")});
    QVERIFY2(logout.exitCode == 0, describe(logout).constData());
    QVERIFY(m_sandbox.stats().value(QStringLiteral("revocation")).toInt() >= 1);
    QVERIFY2(!keychainListsUser(QStringLiteral("tokens:Sandbox")),
             "secret-tool still finds tokens:Sandbox");
    QVERIFY2(!keychainSecret(QStringLiteral("tokens:Sandbox")),
             "secret-tool lookup still finds tokens:Sandbox");

    // Revoked at the EHR, not just forgotten here.
    const HttpAnswer reuse = refreshDirectly(m_sandbox, refreshToken);
    QCOMPARE(reuse.status, 400);
    QVERIFY2(reuse.body.contains("invalid_grant"), redacted(reuse.body).constData());

    const CliRun token = runCli({QStringLiteral("token")});
    QCOMPARE(token.exitCode, 3);
    QVERIFY2(token.out.isEmpty(), "token printed something on stdout while signed out");
    QVERIFY2(token.err.contains("chartkey login"), describe(token).constData());
}

QTEST_GUILESS_MAIN(CliSignIn)
#include "tst_cli_signin.moc"

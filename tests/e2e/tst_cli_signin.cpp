// The chartkey command line against the sandbox EHR, a real keyring and Chromium: one sign-in
// through the browser, then everything a signed-in user does, ending with logout. The test
// functions run in order and share the sign-in.
#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace chartkey::test;
using namespace chartkey::test::e2e;

class CliSignIn final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInThroughTheBrowserStoresTokensInTheKeychainOnly();
    void laterProcessesReuseTheStoredTokenWithoutTokenRequests();
    void statusJsonDescribesTheSignInWithoutSecrets();
    void patientSearchFindsTheBriddlesAndPagesThroughResults();
    void noteActionsChangeStateOnceAndReportRefusals();
    void rejectedTokenIsRefreshedOnceAndTheCallRetriedOnce();
    void refreshRotatesTheStoredRefreshToken();
    void logoutRevokesAndForgetsTheSignIn();

private:
    Sandbox m_sandbox;
    QString m_accessToken;
    QString m_refreshToken;
};

void CliSignIn::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
    QVERIFY(!m_sandbox.browser.isEmpty());
    const CliRun add = runCli(addProfileArgs(m_sandbox, QStringLiteral("Sandbox")));
    QVERIFY2(add.exitCode == 0, describe(add).constData());
}

void CliSignIn::signInThroughTheBrowserStoresTokensInTheKeychainOnly()
{
    m_sandbox.resetStats();
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
    m_accessToken = QString::fromUtf8(token.out.trimmed());
    rememberSecret(m_accessToken);
    QVERIFY(m_accessToken.size() >= 16);

    const auto stored = storedTokensOf(QStringLiteral("Sandbox"));
    QVERIFY2(stored, "secret-tool lookup found no tokens:Sandbox item");
    m_refreshToken = stored->value(QStringLiteral("refresh_token")).toString();
    QVERIFY2(m_refreshToken.size() >= 16, "the stored item has no refresh token");
    QVERIFY2(stored->value(QStringLiteral("access_token")).toString() == m_accessToken,
             "`chartkey token` printed another access token than the keychain holds");

    int scanned = 0;
    const QStringList leaks = filesContaining(
            userDirectories(), {m_accessToken.toUtf8(), m_refreshToken.toUtf8()}, &scanned);
    QVERIFY2(leaks.isEmpty(),
             qPrintable(QStringLiteral("token found in: ") + leaks.join(QStringLiteral(", "))));
    QVERIFY2(scanned > 0, "no file scanned: the settings file at least should exist");
}

void CliSignIn::laterProcessesReuseTheStoredTokenWithoutTokenRequests()
{
    QVERIFY(!m_accessToken.isEmpty());
    m_sandbox.resetStats();
    for (int i = 0; i < 3; ++i) {
        const CliRun token = runCli({QStringLiteral("token")});
        QVERIFY2(token.exitCode == 0, describe(token).constData());
        QVERIFY2(QString::fromUtf8(token.out.trimmed()) == m_accessToken,
                 "a later process printed another access token");
    }
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 0);
}

void CliSignIn::statusJsonDescribesTheSignInWithoutSecrets()
{
    const CliRun status = runCli({QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY2(status.exitCode == 0, describe(status).constData());
    QVERIFY2(!status.out.contains(m_accessToken.toUtf8()), "status printed the access token");
    QVERIFY2(!status.out.contains(m_refreshToken.toUtf8()), "status printed the refresh token");
    QVERIFY2(!status.err.contains(m_accessToken.toUtf8())
                     && !status.err.contains(m_refreshToken.toUtf8()),
             "status printed a token on stderr");
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(status.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(o.value(QStringLiteral("profile")).toString(), QStringLiteral("Sandbox"));
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

void CliSignIn::rejectedTokenIsRefreshedOnceAndTheCallRetriedOnce()
{
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
}

void CliSignIn::refreshRotatesTheStoredRefreshToken()
{
    QVERIFY(!m_refreshToken.isEmpty());
    const auto stored = storedTokensOf(QStringLiteral("Sandbox"));
    QVERIFY2(stored, "the tokens left the keychain");
    const QString refresh = stored->value(QStringLiteral("refresh_token")).toString();
    const QString access = stored->value(QStringLiteral("access_token")).toString();
    QVERIFY2(!refresh.isEmpty(), "the stored item has no refresh token");
    QVERIFY2(refresh != m_refreshToken, "the refresh token in the keychain was not rotated");
    QVERIFY2(access != m_accessToken, "the keychain still holds the rejected access token");

    const CliRun token = runCli({QStringLiteral("token")});
    QVERIFY2(token.exitCode == 0, describe(token).constData());
    QVERIFY2(QString::fromUtf8(token.out.trimmed()) == access,
             "`chartkey token` does not print the renewed access token");
    m_accessToken = access;
    m_refreshToken = refresh;
}

void CliSignIn::logoutRevokesAndForgetsTheSignIn()
{
    m_sandbox.resetStats();
    const CliRun logout = runCli({QStringLiteral("logout")});
    QVERIFY2(logout.exitCode == 0, describe(logout).constData());
    QVERIFY(m_sandbox.stats().value(QStringLiteral("revocation")).toInt() >= 1);
    QVERIFY2(!keychainListsUser(QStringLiteral("tokens:Sandbox")),
             "secret-tool still finds tokens:Sandbox");
    QVERIFY2(!keychainSecret(QStringLiteral("tokens:Sandbox")),
             "secret-tool lookup still finds tokens:Sandbox");

    // Revoked at the EHR, not just forgotten here.
    const HttpAnswer reuse = refreshDirectly(m_sandbox, m_refreshToken);
    QCOMPARE(reuse.status, 400);
    QVERIFY2(reuse.body.contains("invalid_grant"), redacted(reuse.body).constData());

    const CliRun token = runCli({QStringLiteral("token")});
    QCOMPARE(token.exitCode, 3);
    QVERIFY2(token.out.isEmpty(), "token printed something on stdout while signed out");
    QVERIFY2(token.err.contains("chartkey login"), describe(token).constData());
}

QTEST_GUILESS_MAIN(CliSignIn)
#include "tst_cli_signin.moc"

// The state an end-to-end test function starts from (tests/e2e, tests/faults), made by the test
// function itself, so that any of them runs alone (`e2e_cli_signin someFunction`) or in any
// order, with nothing left over from the one before:
//
//   startFromScratch(sandbox)      no profile, no keychain item, the sandbox's modes, pending
//                                  failures and counters back to their defaults (from init());
//   addPublicProfile(sandbox, n)   profile n for the sandbox's public client (`chartkey profile add`);
//   startWithPublicProfile(s, n)   both of the above;
//   signInThroughConsent(s, n)     a real sign-in: `chartkey login` with tests/sandbox/consent as
//                                  the browser (plain HTTP, well under a second); Chromium
//                                  (Sandbox::browser) only where the browser step is what is tested;
//   storeSignIn(n, tokens)         a made-up sign-in written to the keychain with chartkey's own
//                                  code, as `chartkey login` keeps it, for tests in which the EHR
//                                  never honours the tokens (faults in front of the OAuth server);
//   expireStoredTokens(n)          the stored sign-in's expires_at moved into the past: chartkey
//                                  refreshes before its next call (client-side expiry; for the
//                                  server side, Sandbox::expireTokens(): a 401 makes it renew);
//   makeStoredTokensDue(n)         ... moved to within the refresh lead: due, not yet expired;
//   WaitingLogin                   `chartkey login --browser true`: a sign-in waiting at its
//                                  loopback listener for a browser that nobody opened; the test
//                                  sends the listener what it likes, or plays the browser.
//
// Each returns a Step that fails with what went wrong:
//   const Step signedIn = signInThroughConsent(m_sandbox, kProfile);
//   QVERIFY2(signedIn, signedIn.why());
#pragma once

#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"

#include "auth/tokenset.h"
#include "resultspy.h"
#include "storage/keychainstore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>

#include <memory>

namespace chartkey::test::e2e {

// What a fixture step did: true, or false with the reason.
struct Step
{
    bool ok = true;
    QByteArray problem;

    explicit operator bool() const { return ok; }
    const char *why() const { return problem.constData(); }
    static Step failed(const QByteArray &problem) { return {false, problem}; }
};

// The chartkey settings file, as ProfileStore opens it (XDG_CONFIG_HOME is the harness's).
inline std::unique_ptr<QSettings> chartkeySettings()
{
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                       QStringLiteral("chartkey"), QStringLiteral("chartkey"));
}

// No profile, no chartkey keychain item, the sandbox's modes, pending failure injections and
// counters at their defaults. (Without a keyring — with-peers.sh --no-keyring — there are no
// items to remove.)
inline Step startFromScratch(const Sandbox &sandbox)
{
    auto settings = chartkeySettings();
    settings->clear();
    settings->sync();
    if (settings->status() != QSettings::NoError)
        return Step::failed("could not clear the settings file " + settings->fileName().toUtf8());
    // Every item of service "chartkey" (tokens:*, client-secret:*); fails harmlessly when
    // there is no Secret Service.
    runProgram(QStringLiteral("secret-tool"),
               {QStringLiteral("clear"), QStringLiteral("server"), QStringLiteral("chartkey")});
    if (keychainListing().contains("attribute.user = "))
        return Step::failed("the keychain still holds chartkey items after secret-tool clear");
    sandbox.resetModes();
    sandbox.resetStats();
    return {};
}

// `chartkey profile add NAME` for the sandbox's public client, with `extra` options.
inline Step addPublicProfile(const Sandbox &sandbox, const QString &name,
                             const QStringList &extra = {}, const QByteArray &input = {})
{
    const CliRun add = runCli(addProfileArgs(sandbox, name, extra), input);
    if (add.exitCode != 0)
        return Step::failed("profile add " + name.toUtf8() + ": " + describe(add));
    return {};
}

// startFromScratch(), then profile `name` for the public client: where most test functions
// start.
inline Step startWithPublicProfile(const Sandbox &sandbox, const QString &name)
{
    const Step scratch = startFromScratch(sandbox);
    return scratch ? addPublicProfile(sandbox, name) : scratch;
}

// `chartkey login --profile NAME` with the consent client as the browser: a real sign-in at
// the sandbox, kept in the keychain (`stored`: what the keychain then holds).
inline Step signInThroughConsent(const Sandbox &sandbox, const QString &name,
                                 QJsonObject *stored = nullptr)
{
    if (sandbox.consent.isEmpty())
        return Step::failed("no consent client ($SANDBOX_CONSENT)");
    const CliRun login = runCli({QStringLiteral("login"), QStringLiteral("--profile"), name,
                                 QStringLiteral("--browser"), sandbox.consent,
                                 QStringLiteral("--wait"), QStringLiteral("60")},
                                {}, 90000);
    if (login.exitCode != 0)
        return Step::failed("login --profile " + name.toUtf8() + " through consent: "
                            + describe(login));
    const auto kept = storedTokensOf(name); // also remembers the tokens as secrets
    if (!kept)
        return Step::failed("login through consent stored no tokens:" + name.toUtf8());
    if (stored)
        *stored = *kept;
    return {};
}

// A made-up sign-in (never seen by the EHR) that lasts `lifetime` seconds from now.
inline TokenSet madeUpTokens(const QString &label, qint64 lifetime = 36000)
{
    TokenSet t;
    t.accessToken = QStringLiteral("AT-made-up-%1-0123456789abcdef").arg(label);
    t.refreshToken = QStringLiteral("RT-made-up-%1-0123456789abcdef").arg(label);
    t.tokenType = QStringLiteral("Bearer");
    t.scope = QStringLiteral("user/Patient.read user/Appointment.read launch offline_access");
    t.obtainedAt = QDateTime::currentDateTimeUtc();
    t.expiresAt = t.obtainedAt.addSecs(lifetime);
    return t;
}

// Writes `data` under keychain `key` with chartkey's own keychain code.
inline Step writeKeychain(const QString &key, const QByteArray &data)
{
    KeychainStore keychain;
    const SecretStore::Result written = waitFor(keychain.write(key, data), 20000);
    if (!written.isOk())
        return Step::failed("could not write " + key.toUtf8() + " to the keychain: "
                            + written.message.toUtf8());
    return {};
}

// Keeps `tokens` as the sign-in of profile `name`, where `chartkey login` keeps it.
inline Step storeSignIn(const QString &name, const TokenSet &tokens)
{
    rememberSecret(tokens.accessToken);
    rememberSecret(tokens.refreshToken);
    return writeKeychain(keychainUser(name), tokens.toJson());
}

// Rewrites the stored sign-in's obtained_at and expires_at (keeping its lifetime and every
// other field) so that it expires at `expiresAt`.
inline Step moveStoredExpiry(const QString &name, const QDateTime &expiresAt)
{
    KeychainStore keychain;
    const SecretStore::Result read = waitFor(keychain.read(keychainUser(name)), 20000);
    if (!read.isOk())
        return Step::failed("no stored sign-in of " + name.toUtf8() + ": "
                            + read.message.toUtf8());
    QJsonObject o = QJsonDocument::fromJson(read.data).object();
    const QDateTime obtained = QDateTime::fromString(
            o.value(QStringLiteral("obtained_at")).toString(), Qt::ISODateWithMs);
    const QDateTime expires = QDateTime::fromString(
            o.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
    if (!obtained.isValid() || !expires.isValid())
        return Step::failed("the stored sign-in of " + name.toUtf8() + " has no expiry");
    rememberSecret(o.value(QStringLiteral("access_token")).toString());
    rememberSecret(o.value(QStringLiteral("refresh_token")).toString());
    o.insert(QStringLiteral("obtained_at"),
             expiresAt.addSecs(-obtained.secsTo(expires)).toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("expires_at"), expiresAt.toString(Qt::ISODateWithMs));
    return writeKeychain(keychainUser(name), QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// chartkey will find the stored access token expired (a minute ago).
inline Step expireStoredTokens(const QString &name)
{
    return moveStoredExpiry(name, QDateTime::currentDateTimeUtc().addSecs(-60));
}

// chartkey will find the stored access token due for renewal but still valid: it expires in
// half of its refresh lead (TokenSet::refreshLeadSeconds(): 5 minutes, or a quarter of a short
// lifetime), 150 s from now for the sandbox's 10-hour tokens.
inline Step makeStoredTokensDue(const QString &name)
{
    const auto stored = storedTokensOf(name);
    if (!stored)
        return Step::failed("no stored sign-in of " + name.toUtf8());
    const TokenSet tokens = TokenSet::fromJson(QJsonDocument(*stored).toJson(), nullptr);
    return moveStoredExpiry(name,
                            QDateTime::currentDateTimeUtc().addSecs(tokens.refreshLeadSeconds() / 2));
}

// `chartkey login --browser true EXTRA...`: the sign-in opens no browser and waits at its
// loopback listener. The test sends the listener what it likes, plays the browser itself
// (openIn(consent)), or lets the attempt time out.
//
//   WaitingLogin login({QStringLiteral("--wait"), QStringLiteral("60")});
//   QVERIFY2(login.started(), login.said().constData());
//   ... requests to login.port() ...
//   const CliRun browser = login.openIn(m_sandbox.consent);
//   QVERIFY2(login.endsWithin(30000) && login.exitedWith(0), login.said().constData());
class WaitingLogin
{
public:
    explicit WaitingLogin(const QStringList &extra)
        : m_process(startCli(QStringList{QStringLiteral("login"), QStringLiteral("--browser"),
                                         QStringLiteral("true")}
                             + extra))
    {
        m_url = waitForAuthorizationUrl(m_process.get(), &m_err);
        m_port = redirectPortOf(m_url);
    }

    // It printed the authorization URL, whose redirect URI names the listener's port.
    bool started() const { return !m_url.isEmpty() && m_port > 0; }
    QUrl url() const { return m_url; }
    quint16 port() const { return m_port; }
    QProcess &process() { return *m_process; }
    bool isRunning() const { return m_process->state() != QProcess::NotRunning; }

    // The browser step, done by `browserCommand URL`, to its end.
    CliRun openIn(const QString &browserCommand) const
    {
        return runProgram(browserCommand, {m_url.toString(QUrl::FullyEncoded)}, 60000);
    }

    // Whether the attempt has ended within `timeoutMs` (also when it had ended before).
    bool endsWithin(int timeoutMs)
    {
        if (isRunning())
            m_process->waitForFinished(timeoutMs);
        m_err += m_process->readAllStandardError();
        return !isRunning();
    }
    bool exitedWith(int exitCode) const
    {
        return !isRunning() && m_process->exitStatus() == QProcess::NormalExit
                && m_process->exitCode() == exitCode;
    }

    // Everything it printed on stderr so far; said(): the same redacted, for messages.
    QByteArray err()
    {
        m_err += m_process->readAllStandardError();
        return m_err;
    }
    QByteArray said() { return redacted(err()); }

private:
    std::unique_ptr<QProcess> m_process;
    QByteArray m_err;
    QUrl m_url;
    quint16 m_port = 0;
};

} // namespace chartkey::test::e2e

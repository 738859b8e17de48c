// `chartkey check`: tests an OAuth app registration end to end, the way a developer would by
// hand with a browser, curl and the server's documentation, and reports every step.
//
//   discovery ─ smart-configuration ─ tls ─ redirect-uri ─ wrong-aud ─ authorization ─ pkce
//     ─ token-response ─ id-token ─ invalid-code ─ invalid-client-id ─ api ─ no-token-read
//     ─ introspection ─ wrong-secret ─ refresh ─ invalid-refresh-token ─ old-access-token
//     ─ revocation ─ old-refresh-token ─ (clean-up) ─ revoked-introspection
//   (client credentials: discovery ─ smart-configuration ─ tls ─ token-response ─ wrong-secret
//    ─ api ─ no-token-read ─ introspection ─ revocation ─ revoked-introspection; static
//    tokens: api only)
// The steps named after Inferno's SMART App Launch and (g)(10) tests are those a client can
// observe: the server's metadata, its refusals (negatives) and its token answers.
//
// It works on its own tokens, in memory, and revokes what it got at the end: the profile's
// stored sign-in is neither read nor changed. The check is an operation: it completes exactly
// once, with the report.
#pragma once

#include <QJsonObject>

#include "auth/browsersignin.h"
#include "auth/discovery.h"
#include "auth/idtokenverifier.h"
#include "auth/tokenclient.h"
#include "base/operation.h"
#include "check/checkreport.h"
#include "net/activitylog.h"
#include "net/http.h"
#include "profile/profile.h"
#include "storage/secretstore.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace chartkey {

class Clock;
class UrlOpener;

namespace check {

struct CheckSecrets
{
    QString clientSecret;   // confidential clients with a secret
    QString staticToken;    // static-token profiles
    QJsonObject signingKey; // private_key_jwt clients: the key that signs
};

struct CheckSecretsRead
{
    CheckSecrets secrets;
    Failure failure;        // what is missing or unreadable, and what to do; nothing started
};

// The secrets a check of `profile` needs, read from the keychain: the client secret of a
// confidential client, the stored token of a static-token profile. One place for both front
// ends.
Pending<CheckSecretsRead> *readCheckSecrets(SecretStore *secrets, const Profile &profile);

// The ids of the steps a check can be told to skip (`chartkey check --skip`), in the order
// they run.
QStringList stepIds();

class RegistrationCheck final : public Pending<CheckReport>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationCheck)
public:
    RegistrationCheck(const Profile &profile, const CheckSecrets &secrets,
                      QNetworkAccessManager *nam, UrlOpener *opener, const Clock *clock,
                      QObject *parent = nullptr);
    ~RegistrationCheck() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setBrowserTimeoutMs(int ms) { m_browserTimeoutMs = ms; }
    // Step ids not to run (`chartkey check --skip pkce`): reported as SKIP.
    void setSkipped(const QStringList &ids) { m_skip = ids; }
    // When the PKCE probe's refused exchange uses the code up, sign in once more for a fresh
    // code (the default), or skip the token steps (`--no-second-sign-in`).
    void setSecondSignInAllowed(bool allowed) { m_secondSignInAllowed = allowed; }
    // `--thorough`: when the EHR uses a code up after a refused exchange, each PKCE negative
    // after the first gets a code of its own from one more sign-in (three more), so all four
    // are tested. On a server that keeps the code alive it changes nothing.
    void setThorough(bool thorough) { m_thorough = thorough; }
    // Every exchange, redacted, for the window's wire view.
    ActivityLog *activity() const { return m_activity; }

    void start();
    void cancel();
    const CheckReport &report() const { return m_report; }

Q_SIGNALS:
    void stepStarted(const QString &id, const QString &title);
    void stepFinished(const chartkey::check::StepResult &step);
    // The browser is being opened with `url` (show it so it can be opened by hand).
    void authorizationUrlReady(const QUrl &url);
    // Something the person must know now, such as why a second sign-in is needed.
    void noticeReady(const QString &text);

private:
    void runNext();
    void begin(const QString &id, const QString &title);
    void end(Status status, const QString &summary, const QString &hint = {});
    void skip(const QString &id, const QString &title, const QString &why);
    // Ends the step and drops the steps that need what it did not get (clean-up still runs).
    void stopAfter(Status status, const QString &summary, const QString &hint = {});
    void finishAll();
    bool skipped(const QString &id) const;

    void stepDiscovery();
    void stepSmartConfiguration();
    void stepTls();
    void stepWrongAud();
    void stepInvalidCode();
    void stepInvalidClientId();
    void stepNoTokenRead();
    void stepIntrospection();
    void stepInvalidRefreshToken();
    // The PKCE negatives, one after the other on the same code (index into pkceNegatives()),
    // then the exchange with the right verifier that tells whether the code outlived them.
    void probePkce(int index);
    void sendPkceNegative(int index, std::function<void()> next);
    void redeemProbedCode();
    // --thorough on a server that used the code up: negative `index` on a fresh code.
    void probePkceOnFreshCode(int index);
    void recordPkceProbe(int index, const ProbeResult &probe);
    void endPkce();
    // One more browser sign-in for a fresh code (m_code, m_verifier, ...); `why` is shown
    // before the browser opens. `done` gets the failure, if any.
    void signInForFreshCode(const QString &why, std::function<void(const Failure &)> done);
    void reportExchangeFailure(const TokenResult &result);
    void stepRevokedIntrospection();
    void stepRedirectUri();
    void reviewAuthorizationAnswer(const http::Response &response);
    void stepAuthorization();
    void onSignInFinished(const SignInResult &result);
    void stepPkce();
    void stepCodeExchange();
    void exchangeCode();
    void secondSignIn();
    void stepIdToken();
    bool pkceProbed() const;
    void stepClientCredentials();
    void stepWrongSecret();
    void stepKeyAssertions();
    void stepStaticToken();
    void stepApi();
    void stepRefresh();
    void stepOldAccessToken();
    void stepRevocation();
    void revokeLmsToken(const QString &title);
    void stepOldRefreshToken();
    void stepCleanup();

    // Keeps the tokens for the next steps and ends the step with their review.
    void adoptTokens(const TokenResult &result, const QString &requestedScope,
                     bool expectRefresh);
    void apiRead(const QString &accessToken, std::function<void(const http::Response &)> done);
    const HttpExchange *lastExchange() const;
    TokenEndpoint endpoint(const QString &secret) const;

    Profile m_profile;
    CheckSecrets m_secrets;
    QNetworkAccessManager *m_nam = nullptr;
    UrlOpener *m_opener = nullptr;
    const Clock *m_clock = nullptr;
    ActivityLog *m_activity = nullptr;
    TokenClient *m_tokens = nullptr;
    QPointer<BrowserSignIn> m_signIn;
    int m_timeoutMs = http::kDefaultTimeoutMs;
    int m_browserTimeoutMs = 5 * 60 * 1000;
    QStringList m_skip;

    QList<std::function<void()>> m_queue;
    CheckReport m_report;
    StepResult m_current;
    int m_firstExchange = 0;
    QElapsedTimer m_stepClock;
    QElapsedTimer m_totalClock;
    bool m_running = false;
    bool m_done = false;
    bool m_inStep = false;
    bool m_browserStep = false;
    bool m_cancelled = false;

    // What the steps hand on to each other (in memory only; revoked at the end).
    QUrl m_authorizationUrl;
    QUrl m_preflightRedirect;
    QString m_ignoredCallback;
    QString m_code;
    QString m_verifier;
    QString m_redirectUri;
    TokenSet m_probeTokens;      // tokens the PKCE probe should not have got
    QString m_accessToken;       // newest live access token
    QString m_refreshToken;      // newest live refresh token
    QString m_extraRefreshToken; // one a reused refresh token should not have got
    QString m_firstAccessToken;
    QString m_firstRefreshToken;
    QString m_grantedScope;
    QString m_nonce;             // the ID token must carry it
    QString m_idToken;
    ServerMetadata m_metadata;   // what discovery said, when there was a document
    QJsonObject m_discoveryDocument; // the same, as JSON (fields ServerMetadata does not keep)
    QUrl m_discoveryUrl;
    int m_discoveryRow = -1;     // its exchange in the activity log
    IdTokenVerifier *m_idTokens = nullptr;
    bool m_secondRound = false;
    bool m_secondSignInAllowed = true;
    bool m_thorough = false;
    // The PKCE negatives' outcomes, in pkceNegatives() order (the step's probes).
    QList<ProbeResult> m_pkceProbes;
    bool m_codeUsedUp = false;       // a refused exchange used the code up (RFC 6749 allows it)
    std::optional<TokenResult> m_redeemed; // the right verifier's exchange after the negatives
    int m_redeemedRow = -1;          // its exchange in the activity log
    int m_extraSignIns = 0;          // sign-ins after the first (--thorough, token steps)
    // Tokens the check revoked with success, and their token_type_hint, for
    // revoked-introspection.
    QList<std::pair<QString, QString>> m_revoked;
    bool m_refreshRotated = false;
    bool m_apiWorked = false;
};

} // namespace check
} // namespace chartkey

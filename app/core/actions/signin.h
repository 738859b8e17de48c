// Signing in to a profile, written once for the desktop app and the command line.
//
//   the client secret (confidential clients), from the keychain
//   → by the profile's grant:
//       authorization code   the browser sign-in (auth/browsersignin.h): PKCE, loopback
//       client credentials   a stored token still fresh is reused; else one token request
//       static token         the token the person pasted (setStaticToken())
//   → OpenID Connect: the ID token validated (nonce, signature, claims) before anything is kept
//   → kept in the keychain (Session::adoptSignIn)
//
// The one rule for a sign-in the keychain cannot keep: it is undone. Its tokens are revoked
// at the EHR (when the profile has a revocation endpoint), nothing is held in memory, and the
// sign-in fails with the keychain's reason and what to start. There is no plaintext fallback,
// and no live grant is left that nothing on this computer holds.
//
// The sign-in is an operation: it completes once.
#pragma once

#include "auth/browsersignin.h"
#include "auth/idtoken.h"
#include "auth/tokenset.h"
#include "base/failure.h"
#include "base/operation.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QString>
#include <QUrl>

namespace chartkey {

class EhrConnection;
class UrlOpener;

struct SignInOutcome
{
    TokenSet tokens;         // kept in the keychain; empty on failure
    Failure failure;
    bool reused = false;     // client credentials: a stored token was still fresh
    IdTokenIdentity identity; // OpenID Connect: who signed in (from the validated ID token)
    bool revoked = false;    // the keychain could not keep the tokens, and the EHR revoked them
    qint64 totalMs = 0;
    qint64 browserMs = 0;    // from opening the browser to the redirect arriving
    qint64 exchangeMs = 0;   // the token request
    qint64 keychainMs = 0;   // keeping the tokens
};

class SignIn final : public Pending<SignInOutcome>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignIn)
public:
    // `opener` opens the browser for the authorization code (may be null: the address is
    // then only announced through authorizationUrlReady()); it must outlive the sign-in.
    SignIn(EhrConnection *connection, UrlOpener *opener, QObject *parent = nullptr);
    ~SignIn() override;

    // How long to wait for the browser (default 5 minutes).
    void setBrowserTimeoutMs(int ms) { m_browserTimeoutMs = ms; }
    // A static-token profile: the token to keep.
    void setStaticToken(const QString &token) { m_staticToken = token; }

    void start();
    void cancel();

    // The authorization URL, once announced.
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    bool isWaitingForBrowser() const { return bool(m_browser); }

Q_SIGNALS:
    // The browser is being opened with `url`; show it so it can be opened by hand.
    void authorizationUrlReady(const QUrl &url);
    // The browser could not be started; the URL can still be opened by hand.
    void browserFailed(const QString &message);

private:
    void withSecret(const ClientCredential &secret);
    void signInInBrowser(const ClientCredential &secret);
    void checkIdentity(const TokenSet &tokens, const QString &nonce, const ClientCredential &secret);
    void nameFromFhirUser(const TokenSet &tokens, const ClientCredential &secret);
    void fetchClientCredentials(const ClientCredential &secret);
    void keep(const TokenSet &tokens, const ClientCredential &secret);
    void undo(const TokenSet &tokens, const ClientCredential &secret, const Failure &why);
    void fail(const Failure &failure);
    void finish(SignInOutcome outcome);

    QPointer<EhrConnection> m_connection;
    UrlOpener *m_opener = nullptr;
    QPointer<BrowserSignIn> m_browser;
    QString m_staticToken;
    QUrl m_authorizationUrl;
    int m_browserTimeoutMs = 5 * 60 * 1000;
    QElapsedTimer m_total;
    QElapsedTimer m_keychainClock;
    SignInOutcome m_outcome;
};

} // namespace chartkey

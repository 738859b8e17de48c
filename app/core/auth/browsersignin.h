// One attempt to sign in through the system browser: OAuth 2.0 authorization code with
// PKCE (RFC 7636) and a loopback redirect (RFC 8252).
//
//   chartkey                       browser                      EHR (instance)
//   --------                       -------                      --------------
//   listen 127.0.0.1:<port>/callback
//   open /auth/authorize/?client_id&redirect_uri&scope&state
//        &code_challenge(S256)&launch ---->  sign in, consent ---->
//   <---- GET /callback?code&state&iss  <---- 302 to the loopback redirect
//   check state (constant time), iss; close the listener
//   POST /auth/token/ code + code_verifier + redirect_uri ---------------------->
//   <------------------------------------------- access, refresh token, scope
//
// QOAuth2AuthorizationCodeFlow builds the authorization request and
// QOAuthHttpServerReplyHandler serves the redirect; chartkey checks the callback and
// exchanges the code through TokenClient (see qtcompat.h for why). The attempt is an
// operation: it completes exactly once. A request with a missing or wrong state is answered
// and ignored.
#pragma once

#include "auth/authorizationanswer.h"
#include "auth/callbackcheck.h"
#include "auth/tokenclient.h"
#include "auth/tokenset.h"
#include "base/operation.h"
#include "profile/profile.h"
#include "base/failure.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QVariantMap>

class QNetworkAccessManager;
class QOAuth2AuthorizationCodeFlow;
class QOAuthHttpServerReplyHandler;

namespace chartkey {

class UrlOpener;

struct SignInResult
{
    TokenSet tokens;
    Failure failure;
    qint64 browserMs = 0;    // from opening the browser to the redirect arriving
    qint64 exchangeMs = 0;   // the code exchange
    // With setExchangeCode(false): the code and what its exchange needs, in memory only.
    QString code;
    QString codeVerifier;
    QString redirectUri;
    QString issuer;          // the redirect's `iss`, when it carried one
    QString nonce;           // OpenID Connect: the nonce sent, to check the ID token against
};

class BrowserSignIn final : public Pending<SignInResult>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserSignIn)
public:
    BrowserSignIn(const Profile &profile, const ClientCredential &credential, TokenClient *tokens,
                  UrlOpener *opener, QObject *parent = nullptr);
    ~BrowserSignIn() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Before the browser opens, ask the authorization endpoint once without it (the check's
    // redirect-uri request, ~20 ms): a recognised refusal (auth/authorizationanswer.h) ends the
    // sign-in at once with what to do; anything else opens the browser.
    void setPreflight(QNetworkAccessManager *nam, int timeoutMs)
    {
        m_preflightNam = nam;
        m_preflightTimeoutMs = timeoutMs;
    }
    // What the pre-flight found (CannotTell when there was none).
    const AuthorizationAnswer &preflight() const { return m_preflight; }
    // false: finished() hands over the code and verifier instead of exchanging them (for
    // `chartkey check`, which exchanges them itself).
    void setExchangeCode(bool exchange) { m_exchangeCode = exchange; }
    void start();
    void cancel();

    QUrl authorizationUrl() const { return m_authorizationUrl; }
    QString redirectUri() const { return m_redirectUri; }
    bool isListening() const;

Q_SIGNALS:
    // The browser is being opened with `url`; show it so it can be opened by hand.
    void authorizationUrlReady(const QUrl &url);
    // The browser could not be started; the URL can still be opened by hand.
    void browserFailed(const QString &message);
    // A request reached the callback path and was ignored (missing or wrong state).
    // `carriedAnswer`: it held a code or an error, so it looked like the EHR's redirect.
    void callbackIgnored(const QString &reason, bool carriedAnswer);

private:
    void openBrowser();
    static QString callbackPage(const CallbackVerdict &verdict);
    void onCallback(const QVariantMap &values);
    void exchange(const QString &code);
    void finish(SignInResult result);
    void closeListener();

    Profile m_profile;
    ClientCredential m_credential;
    QPointer<TokenClient> m_tokens;
    UrlOpener *m_opener = nullptr;
    QOAuth2AuthorizationCodeFlow *m_flow = nullptr;
    QOAuthHttpServerReplyHandler *m_handler = nullptr;
    QTimer m_timeout;
    QElapsedTimer m_browserClock;
    QByteArray m_state;
    QByteArray m_verifier;
    QByteArray m_nonce;      // OpenID Connect: fresh per attempt, in memory only
    QString m_redirectUri;
    QUrl m_authorizationUrl;
    int m_timeoutMs = 5 * 60 * 1000;
    qint64 m_browserMs = 0;
    bool m_done = false;
    bool m_exchanging = false;
    bool m_exchangeCode = true;
    QString m_issuerSeen;
    QNetworkAccessManager *m_preflightNam = nullptr;
    int m_preflightTimeoutMs = 10000;
    AuthorizationAnswer m_preflight;
};

} // namespace chartkey

Q_DECLARE_METATYPE(chartkey::SignInResult)

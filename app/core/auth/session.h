// The signed-in state of one profile, and the only way to get an access token.
//
// "Don't lose it, reuse it": a token is reused until its refresh is due (5 minutes before
// expiry, or a quarter of a short lifetime), across calls and across processes. A refresh
// is single flight: concurrent callers share it, and other chartkey processes wait on the
// profile lock and then re-read the keychain instead of spending the single-use refresh
// token again. A rotated refresh token is in the keychain before the new access token is
// handed out. A refused refresh (any 400 or 401: invalid_grant, invalid_request, an empty
// body; see TokenResponse) means the EHR ended the session: the stored tokens are removed,
// every waiting caller is told once to sign in again, and the refused refresh token is never
// sent again. 5xx and timeouts keep every token.
//
// A static-token profile (Profile::Grant::StaticToken) has no sign-in and no renewal: the
// token stored with `chartkey profile set-token` (the same keychain entry and TokenSet JSON
// as a sign-in, without expiry or refresh token) is handed out until an API refuses it; then
// the person is told to make a new one. A refused static token is kept (it may have been
// pasted into the wrong profile).
#pragma once

#include "auth/idtokenverifier.h"
#include "auth/tokenclient.h"
#include "auth/tokenset.h"
#include "base/failure.h"
#include "base/operation.h"
#include "profile/profile.h"
#include "storage/secretstore.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

namespace chartkey {

class Clock;
class ProfileLock;

struct TokenOutcome
{
    enum class Source { None, Memory, Keychain, Refreshed, ClientCredentials };
    QString accessToken;
    Source source = Source::None;
    Failure failure;
};

// One caller's request for an access token.
using TokenOperation = Pending<TokenOutcome>;

// The stored tokens (none: signed out), or why they could not be read.
struct StoredSignIn
{
    std::optional<TokenSet> tokens;
    Failure failure;
};

// The client's credential from the keychain: a secret (client_secret_*), or the signing
// key (private_key_jwt, auth/clientkeys.h); both empty for a public client.
struct ClientSecret
{
    QString secret;         // empty for a public client and a key client
    QJsonObject signingKey; // private_key_jwt: the newest key of the profile's key ring
    Failure failure;

    ClientCredential credential() const { return {secret, signingKey}; }
};

// What a sign-out did, said for the person in `message` (one wording for both front ends).
// The word "revoked" is used only for what the EHR confirmed.
struct SignOutResult
{
    enum class Revocation {
        None,               // nothing to revoke (no sign-in), or a static token
        Revoked,            // the EHR confirmed it (RFC 7009 2xx; Canvas LMS DELETE)
        NoEndpoint,         // the server offers no revocation
        PublicClientRefused, // the server lets only authenticated clients revoke
        Refused,            // refused, failed or unreachable: see `failure`
    };
    bool hadSignIn = false;  // there were tokens to remove
    bool removed = false;    // they are gone from the keychain
    Revocation revocation = Revocation::None;
    Failure failure;         // Storage: not removed; otherwise why nothing was revoked
    QDateTime accessExpiresAt; // when the access token ends by itself (invalid: unknown)
    QString message;         // what happened and what it means, for the person
    // The browser's own sign-in at the EHR outlives the tokens: where to end it
    // (endSessionPage()), and a sentence saying why (without the address, which each front end
    // shows its own way); both empty when the EHR names no such page or the profile does not
    // sign in through a browser.
    QUrl endSessionPage;
    QString endSessionAdvice;
};

// OpenID RP-initiated logout: the profile's end-session URL with its client_id (no ID token:
// nothing secret goes to the browser; the EHR asks the person to confirm). Empty when the
// profile has none or does not sign in through a browser.
QUrl endSessionPage(const Profile &profile);

class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)
public:
    Session(const Profile &profile, SecretStore *secrets, TokenClient *tokens,
            const Clock *clock, QObject *parent = nullptr);
    ~Session() override;

    const Profile &profile() const { return m_profile; }
    // Checks the ID token a refresh brings (its sub must stay that of the sign-in).
    void setIdTokenVerifier(IdTokenVerifier *verifier) { m_idTokens = verifier; }
    TokenClient *tokenClient() const { return m_tokens; }
    const Clock *clock() const { return m_clock; }

    // A usable access token. Never opens a browser: when a sign-in is needed the outcome's
    // failure has Kind::SignInRequired. `minValidSeconds` (a long script): renew first when
    // the token would expire sooner than that, as when its refresh is due; the renewed one is
    // handed out even when the EHR gives shorter lifetimes. A caller that joins a renewal
    // already under way shares its outcome.
    TokenOperation *accessToken(int minValidSeconds = 0);

    // An API refused `accessToken` (HTTP 401): the next accessToken() will not return it.
    void reportRejected(const QString &accessToken);

    // Renews now, even though the token is still valid ("Renew now" in the token inspector).
    TokenOperation *renewNow();

    bool isRenewing() const { return m_renewing; }

    // Stores the tokens of a completed sign-in (or a static token: staticTokenSet()); completes
    // with a Failure when they could not be stored (they are then not held at all: see
    // actions/signin.h for what a sign-in does about it).
    Pending<Failure> *adoptSignIn(const TokenSet &tokens);

    // Revokes the tokens at the EHR (when it has a revocation endpoint) and removes them
    // from the keychain.
    Pending<SignOutResult> *signOut();

    // The stored tokens, from the keychain, for status displays.
    Pending<StoredSignIn> *readStored();

    // The client secret of a confidential client, or its signing key (private_key_jwt), from
    // the keychain (read once per process: a key rotated elsewhere is seen by the next one).
    Pending<ClientSecret> *readClientSecret();

    // The tokens this process holds, or an empty set.
    TokenSet current() const { return m_tokensCache.value_or(TokenSet()); }

Q_SIGNALS:
    // The tokens changed (signed in, refreshed, signed out).
    void tokensChanged();
    // The EHR ended the session (invalid_grant) or the tokens were removed.
    void signedOut(const chartkey::Failure &why);
    // Tokens were obtained but could not be written to the keychain.
    void storageFailed(const chartkey::Failure &failure);
    // A token request to the EHR started or ended.
    void renewingChanged(bool renewing);

private:
    void run();
    void renewUnderLock();
    void renewLocked();
    template <typename Send>
    void beforeTokenRequest(Send send);
    void refreshWith(const TokenSet &stored);
    void endedByServer(const Failure &refusal);
    void keepRenewed(const TokenSet &stored, TokenSet renewed);
    QString describeSignOut(const SignOutResult &result) const;
    void fetchClientCredentials();
    void storeAndComplete(const TokenSet &tokens, TokenOutcome::Source source);
    void complete(const TokenOutcome &outcome);
    bool usable(const TokenSet &tokens) const;
    TokenEndpoint endpoint() const;
    Failure storageFailure(const SecretStore::Result &result) const;
    Failure signInRequired(const QString &why) const;

    Profile m_profile;
    SecretStore *m_secrets = nullptr;
    QPointer<TokenClient> m_tokens;
    QPointer<IdTokenVerifier> m_idTokens;
    const Clock *m_clock = nullptr;
    ProfileLock *m_lock = nullptr;
    std::optional<TokenSet> m_tokensCache;
    std::optional<QString> m_clientSecret;
    QJsonObject m_signingKey;
    QString m_rejected;
    QSet<QString> m_refusedRefreshTokens; // a dead refresh chain is dead once
    QList<QPointer<TokenOperation>> m_waiters;
    bool m_running = false;
    bool m_renewing = false;
    bool m_forceRenewal = false; // renewNow(): refresh even a token that looks fresh
    int m_minValidSeconds = 0;   // the most any waiter of this flight asked for
    void setRenewing(bool renewing);
    void runStatic();
    Failure staticTokenMissing() const;
    Failure staticTokenRefused() const;
};

// The TokenSet a static token is kept as (under Profile::tokensKey()): the token, type
// Bearer, obtained `now`, no expiry, no refresh token.
TokenSet staticTokenSet(const QString &accessToken, const QDateTime &now);

} // namespace chartkey

Q_DECLARE_METATYPE(chartkey::TokenOutcome)

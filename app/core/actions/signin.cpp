#include "actions/signin.h"

#include "actions/ehrconnection.h"
#include "auth/idtokenverifier.h"
#include "auth/session.h"
#include "auth/tokenclient.h"
#include "fhir/resources.h"
#include "net/http.h"
#include "base/clock.h"
#include "base/logging.h"

namespace chartkey {

SignIn::SignIn(EhrConnection *connection, UrlOpener *opener, QObject *parent)
    : Pending(parent)
    , m_connection(connection)
    , m_opener(opener)
{
}

SignIn::~SignIn() = default;

void SignIn::start()
{
    m_total.start();
    if (!m_connection) {
        fail(Failure::make(Failure::Kind::Cancelled, tr("Shutting down.")));
        return;
    }
    const Profile &profile = m_connection->profile();
    if (profile.grant == Profile::Grant::StaticToken) {
        if (m_staticToken.trimmed().isEmpty()) {
            fail(Failure::make(Failure::Kind::Configuration,
                                      tr("No access token was given for %1.").arg(profile.name)));
            return;
        }
        keep(staticTokenSet(m_staticToken.trimmed(), m_connection->session()->clock()->now()),
             ClientCredential());
        return;
    }
    m_connection->session()->readClientSecret()->then(this, [this](const ClientSecret &secret) {
        if (secret.failure) {
            fail(secret.failure);
            return;
        }
        withSecret(secret.credential());
    });
}

void SignIn::cancel()
{
    if (m_browser) {
        m_browser->cancel(); // finishes through the browser sign-in's completion
        return;
    }
    fail(Failure::make(Failure::Kind::Cancelled, tr("The sign-in was cancelled.")));
}

void SignIn::withSecret(const ClientCredential &secret)
{
    if (!m_connection) {
        fail(Failure::make(Failure::Kind::Cancelled, tr("Shutting down.")));
        return;
    }
    if (m_connection->profile().grant == Profile::Grant::ClientCredentials)
        fetchClientCredentials(secret);
    else
        signInInBrowser(secret);
}

void SignIn::signInInBrowser(const ClientCredential &secret)
{
    m_browser = new BrowserSignIn(m_connection->profile(), secret, m_connection->tokens(),
                                  m_opener, this);
    m_browser->setTimeoutMs(m_browserTimeoutMs);
    m_browser->setPreflight(m_connection->network(), std::min(m_connection->timeoutMs(), 10000));
    connect(m_browser, &BrowserSignIn::authorizationUrlReady, this, [this](const QUrl &url) {
        m_authorizationUrl = url;
        Q_EMIT authorizationUrlReady(url);
    });
    connect(m_browser, &BrowserSignIn::browserFailed, this, &SignIn::browserFailed);
    m_browser->then(this, [this, secret](const SignInResult &result) {
        m_outcome.browserMs = result.browserMs;
        m_outcome.exchangeMs = result.exchangeMs;
        m_browser = nullptr;
        if (result.failure) {
            fail(result.failure);
            return;
        }
        checkIdentity(result.tokens, result.nonce, secret);
    });
    m_browser->start();
}

void SignIn::checkIdentity(const TokenSet &tokens, const QString &nonce, const ClientCredential &secret)
{
    const Profile &profile = m_connection->profile();
    const bool openIdGranted = tokens.scope.split(QLatin1Char(' ')).contains(QLatin1String("openid"));
    if (tokens.idToken.isEmpty()) {
        if (profile.asksOpenId() && openIdGranted) {
            undo(tokens, secret,
                 Failure::make(Failure::Kind::OAuth,
                               tr("The EHR granted the openid scope but sent no ID token, so "
                                  "who signed in cannot be known.")));
            return;
        }
        keep(tokens, secret);
        return;
    }
    // OpenID Connect Core 3.1.3.7: checked before anything is kept.
    IdTokenCheck check;
    check.idToken = tokens.idToken;
    check.nonce = nonce;
    check.accessToken = tokens.accessToken;
    m_connection->idTokens()->verify(profile, check)->then(this, [this, tokens, secret](
                                                                   const IdTokenResult &verdict) {
        if (!verdict.isValid()) {
            Failure why = Failure::make(Failure::Kind::OAuth,
                                        tr("The EHR's ID token was refused: %1")
                                                .arg(verdict.message),
                                        verdict.detail);
            undo(tokens, secret, why);
            return;
        }
        m_outcome.identity = verdict.identity;
        nameFromFhirUser(tokens, secret);
    });
}

void SignIn::nameFromFhirUser(const TokenSet &tokens, const ClientCredential &secret)
{
    // The ID token names no one, but says which FHIR resource the user is: read it once.
    const IdTokenIdentity &id = m_outcome.identity;
    const QUrl base = m_connection->profile().fhirBaseUrl;
    if (!id.name.isEmpty() || id.fhirUser.isEmpty() || base.isEmpty()) {
        keep(tokens, secret);
        return;
    }
    const QUrl url = QUrl(id.fhirUser).isRelative()
            ? urlUnder(base, QLatin1Char('/') + id.fhirUser)
            : QUrl(id.fhirUser);
    if (!url.isValid() || url.host() != base.host() || url.port() != base.port()) {
        keep(tokens, secret); // the token goes to the profile's own FHIR server only
        return;
    }
    QNetworkRequest request = http::makeRequest(url, "application/fhir+json");
    request.setRawHeader("Authorization", "Bearer " + tokens.accessToken.toUtf8());
    http::send(m_connection->network(), request, "GET", {},
               std::min(m_connection->timeoutMs(), 10000))
            ->then(this, [this, tokens, secret](const http::Response &r) {
                TokenSet named = tokens;
                if (r.status == 200)
                    named.displayName = fhir::personName(r.body);
                m_outcome.identity.name = named.displayName;
                keep(named, secret);
            });
}

void SignIn::fetchClientCredentials(const ClientCredential &secret)
{
    // "Don't lose it, reuse it": a stored token that is still fresh is the sign-in.
    Session *session = m_connection->session();
    session->readStored()->then(this, [this, session, secret](const StoredSignIn &stored) {
        if (stored.failure) {
            fail(stored.failure);
            return;
        }
        if (stored.tokens && stored.tokens->isFreshAt(session->clock()->now())) {
            SignInOutcome outcome;
            outcome.tokens = *stored.tokens;
            outcome.reused = true;
            finish(outcome);
            return;
        }
        const Profile &profile = m_connection->profile();
        m_connection->tokens()
                ->clientCredentials(tokenEndpoint(profile, secret),
                                    profile.scope)
                ->then(this, [this, secret](const TokenResult &result) {
                    m_outcome.exchangeMs = result.elapsedMs;
                    if (result.failure) {
                        fail(result.failure);
                        return;
                    }
                    keep(result.tokens, secret);
                });
    });
}

void SignIn::keep(const TokenSet &tokens, const ClientCredential &secret)
{
    if (!m_connection) {
        fail(Failure::make(Failure::Kind::Cancelled, tr("Shutting down.")));
        return;
    }
    m_keychainClock.start();
    m_connection->session()->adoptSignIn(tokens)->then(this, [this, tokens, secret](const Failure &stored) {
        m_outcome.keychainMs = m_keychainClock.elapsed();
        if (stored) {
            undo(tokens, secret, stored);
            return;
        }
        SignInOutcome outcome = m_outcome;
        outcome.tokens = tokens;
        finish(outcome);
    });
}

void SignIn::undo(const TokenSet &tokens, const ClientCredential &secret, const Failure &why)
{
    const Profile &profile = m_connection->profile();
    Failure failure = why;
    auto done = [this, failure](bool revoked) mutable {
        failure.message = revoked ? tr("%1 The sign-in was not kept, and its tokens were revoked "
                                       "at the EHR.")
                                            .arg(failure.message)
                                  : tr("%1 The sign-in was not kept.").arg(failure.message);
        SignInOutcome outcome = m_outcome;
        outcome.failure = failure;
        outcome.revoked = revoked;
        finish(outcome);
    };
    if (profile.grant == Profile::Grant::StaticToken || profile.revocationUrl.isEmpty()) {
        done(false); // a static token is revoked where it was made; no endpoint: nothing to call
        return;
    }
    const bool refresh = tokens.canRefresh();
    m_connection->tokens()
            ->revoke(tokenEndpoint(profile, secret),
                     refresh ? tokens.refreshToken : tokens.accessToken,
                     refresh ? QStringLiteral("refresh_token") : QStringLiteral("access_token"))
            ->then(this, [done](const TokenResult &revoked) mutable { done(!revoked.failure); });
}

void SignIn::fail(const Failure &failure)
{
    SignInOutcome outcome = m_outcome;
    outcome.failure = failure;
    finish(outcome);
}

void SignIn::finish(SignInOutcome outcome)
{
    outcome.totalMs = m_total.isValid() ? m_total.elapsed() : 0;
    if (outcome.failure && outcome.failure.kind != Failure::Kind::Cancelled)
        qCWarning(lcAuth).noquote() << "sign-in failed:" << outcome.failure.message;
    complete(outcome);
}

} // namespace chartkey

#include "session.h"

#include "auth/clientkeys.h"
#include "auth/idtokenverifier.h"
#include "base/logging.h"
#include "profile/presets.h"
#include "storage/profilelock.h"
#include "base/clock.h"

#include <QCoreApplication>
#include <QLocale>
#include <QUrlQuery>

namespace chartkey {

namespace {

constexpr int kLockTimeoutMs = 45000;

} // namespace

TokenSet staticTokenSet(const QString &accessToken, const QDateTime &now)
{
    TokenSet t;
    t.accessToken = accessToken;
    t.tokenType = QStringLiteral("Bearer");
    t.obtainedAt = now;
    return t;
}

Session::Session(const Profile &profile, SecretStore *secrets, TokenClient *tokens,
                 const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_secrets(secrets)
    , m_tokens(tokens)
    , m_clock(clock)
    , m_lock(new ProfileLock(profile.name, this))
{
}

Session::~Session() = default;

TokenOperation *Session::accessToken(int minValidSeconds)
{
    auto *op = new TokenOperation(this);
    m_waiters.append(op);
    m_minValidSeconds = std::max(m_minValidSeconds, minValidSeconds);
    if (!m_running) {
        m_running = true;
        QMetaObject::invokeMethod(this, &Session::run, Qt::QueuedConnection);
    }
    return op;
}

void Session::reportRejected(const QString &accessToken)
{
    m_rejected = accessToken;
}

TokenOperation *Session::renewNow()
{
    m_forceRenewal = true;
    return accessToken();
}

void Session::setRenewing(bool renewing)
{
    if (m_renewing == renewing)
        return;
    m_renewing = renewing;
    Q_EMIT renewingChanged(renewing);
}

bool Session::usable(const TokenSet &tokens) const
{
    return !tokens.isEmpty() && tokens.isFreshAt(m_clock->now())
            && tokens.accessToken != m_rejected
            && (!tokens.expiresAt.isValid()
                || m_clock->now().msecsTo(tokens.expiresAt) >= qint64(m_minValidSeconds) * 1000);
}

TokenEndpoint Session::endpoint() const
{
    return tokenEndpoint(m_profile, {m_clientSecret.value_or(QString()), m_signingKey});
}

Failure Session::storageFailure(const SecretStore::Result &result) const
{
    Failure f = Failure::make(Failure::Kind::Storage, result.message,
                              QStringLiteral("keychain status %1").arg(int(result.status)));
    return f;
}

Failure Session::signInRequired(const QString &why) const
{
    return Failure::make(Failure::Kind::SignInRequired, why);
}

void Session::run()
{
    if (m_profile.grant == Profile::Grant::StaticToken) {
        runStatic();
        return;
    }
    if (m_forceRenewal) {
        renewUnderLock();
        return;
    }
    if (m_tokensCache && usable(*m_tokensCache)) {
        complete({m_tokensCache->accessToken, TokenOutcome::Source::Memory, {}});
        return;
    }
    // Fresh enough tokens may already be in the keychain (another process, an earlier run):
    // take the lock only when a token request may really be needed.
    m_secrets->read(m_profile.tokensKey())->then(this, [this](const SecretStore::Result &r) {
        if (r.isOk()) {
            bool ok = false;
            TokenSet stored = TokenSet::fromJson(r.data, &ok);
            if (ok && usable(stored)) {
                m_tokensCache = stored;
                complete({stored.accessToken, TokenOutcome::Source::Keychain, {}});
                return;
            }
        } else if (r.status != SecretStore::Status::NotFound) {
            complete({{}, TokenOutcome::Source::None, storageFailure(r)});
            return;
        } else if (m_profile.grant == Profile::Grant::AuthorizationCode) {
            m_tokensCache.reset();
            complete({{}, TokenOutcome::Source::None,
                      signInRequired(tr("You are not signed in to %1.").arg(m_profile.name))});
            return;
        }
        renewUnderLock();
    });
}

Failure Session::staticTokenMissing() const
{
    return Failure::make(Failure::Kind::Configuration,
                         tr("No access token is stored for %1. Store one with: chartkey "
                            "profile set-token %1")
                                 .arg(m_profile.name));
}

Failure Session::staticTokenRefused() const
{
    QString where = ServerPreset::of(m_profile.kind).staticTokenSource;
    if (where.isEmpty())
        where = tr("where you made this one");
    Failure f = Failure::make(
            Failure::Kind::Denied,
            tr("The EHR refused the static access token of %1 (HTTP 401): it has expired, "
               "was revoked, or belongs to another server. Create a new one %2 and store it "
               "with: chartkey profile set-token %1 (the refused token stays in the keychain "
               "until then).")
                    .arg(m_profile.name, where),
            QStringLiteral("static token refused with HTTP 401"));
    f.httpStatus = 401;
    return f;
}

void Session::runStatic()
{
    // A static token is never renewed: the stored one, or nothing. A refused one is kept.
    m_forceRenewal = false;
    if (m_tokensCache && !m_tokensCache->isEmpty() && m_tokensCache->accessToken != m_rejected) {
        complete({m_tokensCache->accessToken, TokenOutcome::Source::Memory, {}});
        return;
    }
    // Not yet read, or refused: the keychain may hold a new one (set-token in another process).
    readStored()->then(this, [this](const StoredSignIn &stored) {
        if (stored.failure) {
            complete({{}, TokenOutcome::Source::None, stored.failure});
            return;
        }
        if (!stored.tokens) {
            complete({{}, TokenOutcome::Source::None, staticTokenMissing()});
            return;
        }
        m_tokensCache = *stored.tokens;
        if (stored.tokens->accessToken == m_rejected) {
            complete({{}, TokenOutcome::Source::None, staticTokenRefused()});
            return;
        }
        complete({stored.tokens->accessToken, TokenOutcome::Source::Keychain, {}});
    });
}

void Session::renewUnderLock()
{
    m_lock->acquire(kLockTimeoutMs)->then(this, [this](bool held) {
        if (!held) {
            complete({{}, TokenOutcome::Source::None,
                      Failure::make(Failure::Kind::Timeout,
                                    tr("Another chartkey window or command has been renewing "
                                       "the sign-in of %1 for too long. Try again; if it "
                                       "repeats, close other chartkey programs.")
                                            .arg(m_profile.name))});
            return;
        }
        renewLocked();
    });
}

template <typename Send>
void Session::beforeTokenRequest(Send send)
{
    // What every token request needs: the client secret (confidential clients), and a
    // token client that still exists.
    readClientSecret()->then(this, [this, send = std::move(send)](const ClientSecret &secret) {
        if (secret.failure) {
            complete({{}, TokenOutcome::Source::None, secret.failure});
            return;
        }
        if (!m_tokens) {
            complete({{}, TokenOutcome::Source::None,
                      Failure::make(Failure::Kind::Cancelled, tr("Shutting down."))});
            return;
        }
        send();
    });
}

void Session::renewLocked()
{
    // Under the lock: re-read, because another process may have renewed meanwhile.
    m_secrets->read(m_profile.tokensKey())->then(this, [this](const SecretStore::Result &r) {
        if (r.status == SecretStore::Status::NotFound) {
            m_tokensCache.reset();
            if (m_profile.grant == Profile::Grant::ClientCredentials) {
                fetchClientCredentials();
                return;
            }
            complete({{}, TokenOutcome::Source::None,
                      signInRequired(tr("You are not signed in to %1.").arg(m_profile.name))});
            return;
        }
        if (!r.isOk()) {
            complete({{}, TokenOutcome::Source::None, storageFailure(r)});
            return;
        }
        bool ok = false;
        const TokenSet stored = TokenSet::fromJson(r.data, &ok);
        if (ok)
            m_tokensCache = stored;
        if (ok && usable(stored) && !m_forceRenewal) {
            complete({stored.accessToken, TokenOutcome::Source::Keychain, {}});
            return;
        }
        if (m_profile.grant == Profile::Grant::ClientCredentials) {
            fetchClientCredentials();
            return;
        }
        if (ok && stored.canRefresh() && m_refusedRefreshTokens.contains(stored.refreshToken)) {
            // Refused once already (the keychain could not forget it): never sent again.
            endedByServer(Failure::make(Failure::Kind::SignInRequired, QString(),
                                        QStringLiteral("refresh token refused earlier")));
            return;
        }
        if (ok && stored.canRefresh()) {
            refreshWith(stored);
            return;
        }
        if (ok && stored.isUnexpiredAt(m_clock->now()) && stored.accessToken != m_rejected) {
            complete({stored.accessToken, TokenOutcome::Source::Keychain, {}});
            return;
        }
        complete({{}, TokenOutcome::Source::None,
                  signInRequired(ok ? tr("The sign-in to %1 has expired and the EHR gave no "
                                         "refresh token (ask for the offline_access scope to "
                                         "stay signed in).")
                                              .arg(m_profile.name)
                                    : tr("The stored sign-in of %1 is unreadable.")
                                              .arg(m_profile.name))});
    });
}

void Session::refreshWith(const TokenSet &stored)
{
    beforeTokenRequest([this, stored] {
        qCInfo(lcAuth).noquote() << "refreshing the access token of profile" << m_profile.name;
        setRenewing(true);
        m_tokens->refresh(endpoint(), stored.refreshToken, stored.scope)
                ->then(this, [this, stored](const TokenResult &result) {
            setRenewing(false);
            if (result.failure.isOk()) {
                TokenSet renewed = result.tokens;
                if (renewed.refreshToken.isEmpty())
                    renewed.refreshToken = stored.refreshToken; // the server did not rotate
                if (renewed.scope.isEmpty())
                    renewed.scope = stored.scope;
                keepRenewed(stored, renewed);
                return;
            }
            if (result.failure.kind == Failure::Kind::SignInRequired) {
                // The EHR ended the session: forget it, so nobody spends it again.
                m_refusedRefreshTokens.insert(stored.refreshToken);
                endedByServer(result.failure);
                return;
            }
            // Anything else is not the end of the session: keep the tokens.
            if (stored.isUnexpiredAt(m_clock->now()) && stored.accessToken != m_rejected) {
                qCWarning(lcAuth).noquote()
                        << "refresh failed; the current access token is still valid:"
                        << result.failure.detail;
                complete({stored.accessToken, TokenOutcome::Source::Keychain, {}});
                return;
            }
            complete({{}, TokenOutcome::Source::None, result.failure});
        });
    });
}

void Session::keepRenewed(const TokenSet &stored, TokenSet renewed)
{
    renewed.displayName = stored.displayName; // same user (checked below when a new ID token came)
    if (renewed.idToken.isEmpty() || !m_idTokens) {
        if (renewed.idToken.isEmpty())
            renewed.idToken = stored.idToken; // the identity stays that of the sign-in
        storeAndComplete(renewed, TokenOutcome::Source::Refreshed);
        return;
    }
    // A new ID token is checked as at sign-in, and must name the same user.
    IdTokenCheck check;
    check.idToken = renewed.idToken;
    check.accessToken = renewed.accessToken;
    check.previousSubject = idtoken::identityOf(stored.idToken).subject;
    m_idTokens->verify(m_profile, check)
            ->then(this, [this, renewed](const IdTokenResult &verdict) {
                if (verdict.isValid()) {
                    storeAndComplete(renewed, TokenOutcome::Source::Refreshed);
                    return;
                }
                // The refresh token is spent; what came instead cannot be trusted.
                endedByServer(Failure::make(Failure::Kind::SignInRequired, verdict.message,
                                            verdict.detail));
            });
}

void Session::endedByServer(const Failure &refusal)
{
    // Said once, in plain words; what the server said stays one click away (detail).
    Failure why = Failure::make(Failure::Kind::SignInRequired,
                                tr("Your session with %1 ended: the EHR will not renew it. Sign "
                                   "in again to continue.")
                                        .arg(m_profile.name),
                                refusal.message.isEmpty()
                                        ? refusal.detail
                                        : refusal.message + QStringLiteral(" (")
                                                  + refusal.detail + QLatin1Char(')'));
    why.httpStatus = refusal.httpStatus;
    why.oauthError = refusal.oauthError;
    m_secrets->remove(m_profile.tokensKey())->then(this, [this, why](const SecretStore::Result &) {
        m_tokensCache.reset();
        Q_EMIT tokensChanged();
        Q_EMIT signedOut(why);
        complete({{}, TokenOutcome::Source::None, why});
    });
}

void Session::fetchClientCredentials()
{
    beforeTokenRequest([this] {
        setRenewing(true);
        m_tokens->clientCredentials(endpoint(), m_profile.scope)
                ->then(this, [this](const TokenResult &result) {
            setRenewing(false);
            if (result.failure) {
                complete({{}, TokenOutcome::Source::None, result.failure});
                return;
            }
            storeAndComplete(result.tokens, TokenOutcome::Source::ClientCredentials);
        });
    });
}

void Session::storeAndComplete(const TokenSet &tokens, TokenOutcome::Source source)
{
    // The rotated refresh token goes to the keychain before the access token is used.
    m_secrets->write(m_profile.tokensKey(), tokens.toJson())
            ->then(this, [this, tokens, source](const SecretStore::Result &r) {
                         m_tokensCache = tokens;
                         if (!r.isOk()) {
                             Failure f = storageFailure(r);
                             f.message = tr("The renewed sign-in could not be saved in the "
                                            "keychain (%1). It works until chartkey exits; then "
                                            "you will have to sign in again.")
                                                 .arg(r.message);
                             Q_EMIT storageFailed(f);
                         }
                         Q_EMIT tokensChanged();
                         complete({tokens.accessToken, source, {}});
                     });
}

void Session::complete(const TokenOutcome &outcome)
{
    m_lock->release();
    m_forceRenewal = false;
    m_minValidSeconds = 0;
    const auto waiters = std::exchange(m_waiters, {});
    m_running = false;
    for (const QPointer<TokenOperation> &op : waiters) {
        if (op)
            op->complete(outcome);
    }
}


Pending<Failure> *Session::adoptSignIn(const TokenSet &tokens)
{
    auto *op = new Pending<Failure>(this);
    tokens.registerSecrets();
    m_lock->acquire(kLockTimeoutMs)->then(this, [this, op, tokens](bool) {
        m_secrets->write(m_profile.tokensKey(), tokens.toJson())
                ->then(this, [this, op, tokens](const SecretStore::Result &r) {
                    if (!m_running)
                        m_lock->release();
                    if (!r.isOk()) {
                        // Not kept: nothing is held in memory either (actions/signin.h).
                        op->complete(storageFailure(r));
                        return;
                    }
                    m_tokensCache = tokens;
                    m_rejected.clear();
                    Q_EMIT tokensChanged();
                    op->complete({});
                });
    });
    return op;
}

Pending<StoredSignIn> *Session::readStored()
{
    auto *op = new Pending<StoredSignIn>(this);
    m_secrets->read(m_profile.tokensKey())->then(this, [this, op](const SecretStore::Result &r) {
        if (r.status == SecretStore::Status::NotFound) {
            op->complete({});
            return;
        }
        if (!r.isOk()) {
            op->complete({std::nullopt, storageFailure(r)});
            return;
        }
        bool ok = false;
        TokenSet t = TokenSet::fromJson(r.data, &ok);
        if (!ok) {
            op->complete({std::nullopt,
                          Failure::make(Failure::Kind::Storage,
                                        m_profile.grant == Profile::Grant::StaticToken
                                                ? tr("The stored access token of %1 is "
                                                     "unreadable. Store it again with: chartkey "
                                                     "profile set-token %1")
                                                          .arg(m_profile.name)
                                                : tr("The stored sign-in is unreadable. Sign in "
                                                     "again."))});
            return;
        }
        op->complete({t, {}});
    });
    return op;
}

Pending<ClientSecret> *Session::readClientSecret()
{
    auto *op = new Pending<ClientSecret>(this);
    if (m_profile.usesKey()) {
        if (!m_signingKey.isEmpty()) {
            op->completeLater({{}, m_signingKey, {}});
            return op;
        }
        clientkeys::read(m_secrets, m_profile, this)->then(this, [this, op](const KeyRingRead &r) {
            if (r.failure) {
                op->complete({{}, {}, r.failure});
                return;
            }
            if (!r.found) {
                op->complete({{}, {}, clientkeys::missingKey(m_profile)});
                return;
            }
            m_signingKey = r.ring.signingKey();
            op->complete({{}, m_signingKey, {}});
        });
        return op;
    }
    if (!m_profile.usesSecret() || m_clientSecret) {
        op->completeLater({m_clientSecret.value_or(QString()), {}, {}});
        return op;
    }
    m_secrets->read(m_profile.clientSecretKey())
            ->then(this, [this, op](const SecretStore::Result &r) {
                if (r.isOk()) {
                    m_clientSecret = QString::fromUtf8(r.data);
                    log::registerSecret(*m_clientSecret);
                    op->complete({*m_clientSecret, {}, {}});
                    return;
                }
                if (r.status == SecretStore::Status::NotFound) {
                    op->complete({{}, {},
                                  Failure::make(Failure::Kind::Configuration,
                                                tr("The client secret of %1 is not in the "
                                                   "keychain. Store it again with: chartkey "
                                                   "profile set-secret %1")
                                                        .arg(m_profile.name))});
                    return;
                }
                op->complete({{}, {}, storageFailure(r)});
            });
    return op;
}

Pending<SignOutResult> *Session::signOut()
{
    auto *op = new Pending<SignOutResult>(this);
    readStored()->then(this, [this, op](const StoredSignIn &stored) {
        SignOutResult result;
        result.hadSignIn = stored.tokens.has_value();
        if (stored.tokens)
            result.accessExpiresAt = stored.tokens->expiresAt;
        auto forget = [this, op, result](SignOutResult::Revocation revocation,
                                         const Failure &why) mutable {
            result.revocation = revocation;
            result.failure = why;
            m_secrets->remove(m_profile.tokensKey())
                    ->then(this, [this, op, result](const SecretStore::Result &r) mutable {
                        if (!r.isOk()) {
                            result.failure = storageFailure(r);
                            result.message = r.message;
                            op->complete(result);
                            return;
                        }
                        result.removed = true;
                        m_tokensCache.reset();
                        Q_EMIT tokensChanged();
                        Q_EMIT signedOut({});
                        result.message = describeSignOut(result);
                        result.endSessionPage = endSessionPage(m_profile);
                        if (!result.endSessionPage.isEmpty())
                            result.endSessionAdvice =
                                    tr("The web browser may still be signed in at the EHR, so "
                                       "the next sign-in on this computer could skip the "
                                       "password: end that session on the EHR's sign-out "
                                       "page.");
                        op->complete(result);
                    });
        };
        using R = SignOutResult::Revocation;
        if (stored.failure) {
            // Unreadable: nothing to revoke. A locked or missing keychain refuses the removal
            // too (and the caller says so); an entry that is not a token set goes.
            forget(R::None, stored.failure);
            return;
        }
        const ServerPreset preset = ServerPreset::of(m_profile.kind);
        const bool byDelete = preset.revocation == ServerPreset::Revocation::LmsDelete;
        if (!stored.tokens || m_profile.grant == Profile::Grant::StaticToken) {
            forget(R::None, {}); // a static token is revoked where it was made
            return;
        }
        if (!m_tokens || preset.revocation == ServerPreset::Revocation::None
            || (m_profile.revocationUrl.isEmpty() && !byDelete)) {
            forget(R::NoEndpoint, {});
            return;
        }
        const TokenSet tokens = *stored.tokens;
        if (byDelete) {
            m_tokens->revokeByDelete(endpoint(), tokens.accessToken)
                    ->then(this, [forget](const TokenResult &r) mutable {
                        forget(r.failure ? R::Refused : R::Revoked, r.failure);
                    });
            return;
        }
        readClientSecret()->then(this, [this, tokens, forget](const ClientSecret &) mutable {
            // Revoking the refresh token ends the grant; the access token is revoked too.
            const QString first = tokens.canRefresh() ? tokens.refreshToken : tokens.accessToken;
            const QString hint = tokens.canRefresh() ? QStringLiteral("refresh_token")
                                                     : QStringLiteral("access_token");
            auto judged = [](const Failure &f) {
                if (!f)
                    return R::Revoked;
                if (f.kind == Failure::Kind::Denied)
                    return R::PublicClientRefused;
                if (f.kind == Failure::Kind::Configuration && f.httpStatus == 404)
                    return R::NoEndpoint;
                return R::Refused;
            };
            m_tokens->revoke(endpoint(), first, hint)
                    ->then(this, [this, tokens, forget, judged](const TokenResult &r) mutable {
                        if (r.failure || !tokens.canRefresh()) {
                            forget(judged(r.failure), r.failure);
                            return;
                        }
                        m_tokens->revoke(endpoint(), tokens.accessToken,
                                         QStringLiteral("access_token"))
                                ->then(this, [forget](const TokenResult &) mutable {
                                    forget(R::Revoked, {}); // the grant ended with the first
                                });
                    });
        });
    });
    return op;
}

QUrl endSessionPage(const Profile &profile)
{
    if (profile.endSessionUrl.isEmpty() || profile.grant != Profile::Grant::AuthorizationCode
        || !Profile::isSafeTransport(profile.endSessionUrl))
        return {};
    QUrl page = profile.endSessionUrl;
    QUrlQuery query(page);
    query.removeAllQueryItems(QStringLiteral("client_id"));
    query.addQueryItem(QStringLiteral("client_id"), profile.clientId);
    page.setQuery(query);
    return page;
}

QString Session::describeSignOut(const SignOutResult &r) const
{
    using R = SignOutResult::Revocation;
    const QString name = m_profile.name;
    if (r.failure.kind == Failure::Kind::Storage)
        return tr("Removed the unreadable stored sign-in of %1 from this computer.").arg(name);
    if (!r.hadSignIn)
        return m_profile.grant == Profile::Grant::StaticToken
                ? tr("%1 had no stored access token; nothing to do.").arg(name)
                : tr("%1 had no stored sign-in; nothing to do.").arg(name);
    if (m_profile.grant == Profile::Grant::StaticToken)
        return tr("Removed the static access token of %1 from this computer. It was not "
                  "revoked: a static token is revoked where it was made (%2).")
                .arg(name, ServerPreset::of(m_profile.kind).staticTokenSource);
    const QString ends = r.accessExpiresAt.isValid()
            ? tr("The access token ends by itself at %1.")
                      .arg(QLocale().toString(r.accessExpiresAt.toLocalTime(),
                                              QLocale::ShortFormat))
            : tr("The EHR said nothing of when the access token ends.");
    switch (r.revocation) {
    case R::Revoked:
        return tr("Signed out of %1: the EHR revoked the tokens, and they were removed from this "
                  "computer.")
                .arg(name);
    case R::NoEndpoint:
        return tr("Signed out of %1 on this computer: the tokens were removed from it. The EHR "
                  "offers no revocation, so they were not revoked. %2")
                .arg(name, ends);
    case R::PublicClientRefused:
        return tr("Signed out of %1 on this computer: the tokens were removed from it. This "
                  "server does not let a public client revoke its tokens, so they were not "
                  "revoked. %2")
                .arg(name, ends);
    case R::Refused:
    case R::None:
        break;
    }
    return tr("Signed out of %1 on this computer: the tokens were removed from it, but they "
              "were not revoked (%2). %3 To end them now, revoke the application's access on "
              "the EHR.")
            .arg(name, r.failure.message, ends);
}

} // namespace chartkey

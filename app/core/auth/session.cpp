#include "session.h"

#include "base/logging.h"
#include "profile/presets.h"
#include "storage/profilelock.h"
#include "base/clock.h"

#include <QCoreApplication>

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

TokenOperation *Session::accessToken()
{
    auto *op = new TokenOperation(this);
    m_waiters.append(op);
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
            && tokens.accessToken != m_rejected;
}

TokenEndpoint Session::endpoint() const
{
    return {m_profile.tokenUrl, m_profile.revocationUrl, m_profile.clientId,
            m_clientSecret.value_or(QString())};
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
    m_secrets->read(m_profile.tokensKey(), this, [this](const SecretStore::Result &r) {
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
    readStored([this](const std::optional<TokenSet> &stored, const Failure &failure) {
        if (failure) {
            complete({{}, TokenOutcome::Source::None, failure});
            return;
        }
        if (!stored) {
            complete({{}, TokenOutcome::Source::None, staticTokenMissing()});
            return;
        }
        m_tokensCache = *stored;
        if (stored->accessToken == m_rejected) {
            complete({{}, TokenOutcome::Source::None, staticTokenRefused()});
            return;
        }
        complete({stored->accessToken, TokenOutcome::Source::Keychain, {}});
    });
}

void Session::renewUnderLock()
{
    m_lock->acquire(kLockTimeoutMs, [this](bool held) {
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

void Session::beforeTokenRequest(std::function<void()> send)
{
    // What every token request needs: the client secret (confidential clients), and a
    // token client that still exists.
    readClientSecret([this, send = std::move(send)](const QString &, const Failure &secretFailure) {
        if (secretFailure) {
            complete({{}, TokenOutcome::Source::None, secretFailure});
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
    m_secrets->read(m_profile.tokensKey(), this, [this](const SecretStore::Result &r) {
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
        TokenReply *reply = m_tokens->refresh(endpoint(), stored.refreshToken, stored.scope);
        connect(reply, &TokenReply::finished, this, [this, stored](const TokenResult &result) {
            setRenewing(false);
            if (result.failure.isOk()) {
                TokenSet renewed = result.tokens;
                if (renewed.refreshToken.isEmpty())
                    renewed.refreshToken = stored.refreshToken; // the server did not rotate
                if (renewed.scope.isEmpty())
                    renewed.scope = stored.scope;
                storeAndComplete(renewed, TokenOutcome::Source::Refreshed);
                return;
            }
            if (result.failure.kind == Failure::Kind::SignInRequired) {
                // The EHR ended the session: forget it, so nobody spends it again.
                Failure why = result.failure;
                why.message = tr("The EHR ended the sign-in to %1 (the refresh token was "
                                 "refused: invalid_grant). Sign in again.")
                                      .arg(m_profile.name);
                m_secrets->remove(m_profile.tokensKey(), this,
                                  [this, why](const SecretStore::Result &) {
                                      m_tokensCache.reset();
                                      Q_EMIT tokensChanged();
                                      Q_EMIT signedOut(why);
                                      complete({{}, TokenOutcome::Source::None, why});
                                  });
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

void Session::fetchClientCredentials()
{
    beforeTokenRequest([this] {
        setRenewing(true);
        TokenReply *reply = m_tokens->clientCredentials(endpoint(), m_profile.scope);
        connect(reply, &TokenReply::finished, this, [this](const TokenResult &result) {
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
    m_secrets->write(m_profile.tokensKey(), tokens.toJson(), this,
                     [this, tokens, source](const SecretStore::Result &r) {
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
    const auto waiters = std::exchange(m_waiters, {});
    m_running = false;
    for (const QPointer<TokenOperation> &op : waiters) {
        if (!op)
            continue;
        Q_EMIT op->finished(outcome);
        op->deleteLater();
    }
}

void Session::adoptSignIn(const TokenSet &tokens, std::function<void(const Failure &)> done)
{
    tokens.registerSecrets();
    m_lock->acquire(kLockTimeoutMs, [this, tokens, done = std::move(done)](bool) {
        m_secrets->write(m_profile.tokensKey(), tokens.toJson(), this,
                         [this, tokens, done](const SecretStore::Result &r) {
                             if (!m_running)
                                 m_lock->release();
                             m_tokensCache = tokens;
                             m_rejected.clear();
                             Q_EMIT tokensChanged();
                             done(r.isOk() ? Failure() : storageFailure(r));
                         });
    });
}

void Session::readStored(
        std::function<void(const std::optional<TokenSet> &, const Failure &)> done)
{
    m_secrets->read(m_profile.tokensKey(), this,
                    [this, done = std::move(done)](const SecretStore::Result &r) {
                        if (r.status == SecretStore::Status::NotFound) {
                            done(std::nullopt, {});
                            return;
                        }
                        if (!r.isOk()) {
                            done(std::nullopt, storageFailure(r));
                            return;
                        }
                        bool ok = false;
                        TokenSet t = TokenSet::fromJson(r.data, &ok);
                        if (!ok) {
                            done(std::nullopt,
                                 Failure::make(
                                         Failure::Kind::Storage,
                                         m_profile.grant == Profile::Grant::StaticToken
                                                 ? tr("The stored access token of %1 is "
                                                      "unreadable. Store it again with: "
                                                      "chartkey profile set-token %1")
                                                           .arg(m_profile.name)
                                                 : tr("The stored sign-in is unreadable. Sign "
                                                      "in again.")));
                            return;
                        }
                        done(t, {});
                    });
}

void Session::readClientSecret(std::function<void(const QString &, const Failure &)> done)
{
    if (!m_profile.isConfidential() || m_clientSecret) {
        done(m_clientSecret.value_or(QString()), {});
        return;
    }
    m_secrets->read(m_profile.clientSecretKey(), this,
                    [this, done = std::move(done)](const SecretStore::Result &r) {
                        if (r.isOk()) {
                            m_clientSecret = QString::fromUtf8(r.data);
                            log::registerSecret(*m_clientSecret);
                            done(*m_clientSecret, {});
                            return;
                        }
                        if (r.status == SecretStore::Status::NotFound) {
                            done({}, Failure::make(
                                             Failure::Kind::Configuration,
                                             tr("The client secret of %1 is not in the keychain. "
                                                "Store it again with: chartkey profile "
                                                "set-secret %1")
                                                     .arg(m_profile.name)));
                            return;
                        }
                        done({}, storageFailure(r));
                    });
}

void Session::signOut(std::function<void(bool hadSignIn, const Failure &)> done)
{
    readStored([this, done = std::move(done)](const std::optional<TokenSet> &stored,
                                              const Failure &readFailure) {
        const bool had = stored.has_value();
        auto forget = [this, done, had](const Failure &revocationFailure) {
            m_secrets->remove(m_profile.tokensKey(), this,
                              [this, done, had, revocationFailure](const SecretStore::Result &r) {
                                  if (!r.isOk()) {
                                      done(had, storageFailure(r));
                                      return;
                                  }
                                  m_tokensCache.reset();
                                  Q_EMIT tokensChanged();
                                  Q_EMIT signedOut({});
                                  done(had, revocationFailure);
                              });
        };
        const bool lms = ServerPreset::of(m_profile.kind).revocation
                == ServerPreset::Revocation::LmsDelete;
        // A static token is revoked where it was made; here it is only forgotten.
        if (readFailure || !stored || (m_profile.revocationUrl.isEmpty() && !lms) || !m_tokens
            || m_profile.grant == Profile::Grant::StaticToken) {
            forget(readFailure.kind == Failure::Kind::Storage ? readFailure : Failure());
            return;
        }
        if (lms) {
            TokenReply *reply = m_tokens->revokeByDelete(endpoint(), stored->accessToken);
            connect(reply, &TokenReply::finished, this, [forget](const TokenResult &result) {
                Failure f = result.failure;
                if (f)
                    f.message = tr("Signed out on this computer, but the LMS could not be told "
                                   "to end the token (%1). Remove it under Account → Settings "
                                   "→ Approved integrations.")
                                        .arg(result.failure.detail.isEmpty()
                                                     ? result.failure.message
                                                     : result.failure.detail);
                forget(f);
            });
            return;
        }
        readClientSecret([this, stored, forget](const QString &, const Failure &) {
            // Revoking the refresh token ends the grant; the access token is revoked too.
            const QString first = stored->canRefresh() ? stored->refreshToken
                                                       : stored->accessToken;
            const QString hint = stored->canRefresh() ? QStringLiteral("refresh_token")
                                                      : QStringLiteral("access_token");
            TokenReply *reply = m_tokens->revoke(endpoint(), first, hint);
            connect(reply, &TokenReply::finished, this,
                    [this, stored, forget](const TokenResult &result) {
                        if (result.failure || !stored->canRefresh()) {
                            Failure f = result.failure;
                            if (f)
                                f.message = tr("Signed out on this computer, but the EHR could "
                                               "not be told to revoke the tokens (%1). They "
                                               "stop working when they expire; to end them "
                                               "now, revoke the application's access on the "
                                               "EHR.")
                                                    .arg(result.failure.detail);
                            forget(f);
                            return;
                        }
                        TokenReply *second = m_tokens->revoke(endpoint(), stored->accessToken,
                                                              QStringLiteral("access_token"));
                        connect(second, &TokenReply::finished, this,
                                [forget](const TokenResult &) { forget({}); });
                    });
        });
    });
}

} // namespace chartkey

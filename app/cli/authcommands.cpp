// chartkey login|token|status|logout
#include "commandline.h"
#include "context.h"

#include "auth/browsersignin.h"
#include "auth/urlopener.h"
#include "base/clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace chartkey::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::cli", text);
}

QString describeValidity(const TokenSet &t)
{
    if (!t.expiresAt.isValid())
        return tr("the server gave no expiry");
    const qint64 seconds = Clock::system()->now().secsTo(t.expiresAt);
    if (seconds <= 0)
        return tr("access expired; renews on next use");
    return tr("access valid %1 h %2 min%3")
            .arg(seconds / 3600)
            .arg((seconds % 3600) / 60)
            .arg(t.canRefresh() ? tr(", renews automatically") : QString());
}

void reportSignedIn(Context &ctx, const Profile &profile, const TokenSet &tokens,
                    const QString &timing)
{
    ctx.err << tr("Signed in to %1 (%2). Scope: %3")
                       .arg(profile.name, describeValidity(tokens), tokens.scope)
            << Qt::endl;
    if (!timing.isEmpty())
        ctx.err << timing << Qt::endl;
}

} // namespace

int runLogin(Context &ctx, const QCommandLineParser &p)
{
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    if (profile->grant == Profile::Grant::StaticToken) {
        // Nothing to sign in to: the token was made by hand on the EHR. Exit 2, as for a
        // command that does not apply.
        ctx.err << tr("\"%1\" uses a static access token: there is no sign-in. Store a new "
                      "token (from standard input) with: chartkey profile set-token \"%1\"")
                           .arg(profile->name)
                << Qt::endl;
        return Usage;
    }
    EhrConnection *connection = ctx.connect(*profile);
    Session *session = connection->session();

    if (profile->grant == Profile::Grant::ClientCredentials) {
        TokenOperation *op = session->accessToken();
        QObject::connect(op, &TokenOperation::finished, &ctx,
                         [&ctx, session, profile](const TokenOutcome &outcome) {
                             if (outcome.failure) {
                                 ctx.fail(outcome.failure);
                                 return;
                             }
                             reportSignedIn(ctx, *profile, session->current(), QString());
                             ctx.finish(Ok);
                         });
        return kPending;
    }

    const QString command = ctx.browserCommand();
    auto *opener = new CommandUrlOpener(command);
    const int waitMs = int(p.value(QStringLiteral("wait")).toDouble() * 1000);

    session->readClientSecret([&ctx, connection, session, profile, opener, waitMs](
                                      const QString &secret, const Failure &secretFailure) {
        if (secretFailure) {
            delete opener;
            ctx.fail(secretFailure);
            return;
        }
        auto *signIn = new BrowserSignIn(*profile, secret, connection->tokens(), opener, &ctx);
        if (waitMs > 0)
            signIn->setTimeoutMs(waitMs);
        auto total = std::make_shared<QElapsedTimer>();
        total->start();
        QObject::connect(signIn, &BrowserSignIn::authorizationUrlReady, &ctx,
                         [&ctx, profile](const QUrl &url) {
                             ctx.err << tr("Opening the browser to sign in to %1. If it does not "
                                           "open, visit:")
                                                .arg(profile->name)
                                     << Qt::endl
                                     << "  " << url.toString(QUrl::FullyEncoded) << Qt::endl;
                         });
        QObject::connect(signIn, &BrowserSignIn::browserFailed, &ctx,
                         [&ctx](const QString &message) { ctx.err << message << Qt::endl; });
        QObject::connect(
                signIn, &BrowserSignIn::finished, &ctx,
                [&ctx, connection, session, profile, opener, signIn, total,
                 secret](const SignInResult &result) {
                    delete opener;
                    signIn->deleteLater();
                    if (result.failure) {
                        ctx.fail(result.failure);
                        return;
                    }
                    auto keychainClock = std::make_shared<QElapsedTimer>();
                    keychainClock->start();
                    session->adoptSignIn(result.tokens, [&ctx, connection, profile, result,
                                                         total, keychainClock,
                                                         secret](const Failure &stored) {
                        if (stored) {
                            // Leave no live grant behind that nothing on this computer holds.
                            ctx.err << stored.message << Qt::endl;
                            const TokenEndpoint endpoint{profile->tokenUrl,
                                                         profile->revocationUrl,
                                                         profile->clientId, secret};
                            const bool refresh = result.tokens.canRefresh();
                            TokenReply *revoke = connection->tokens()->revoke(
                                    endpoint,
                                    refresh ? result.tokens.refreshToken
                                            : result.tokens.accessToken,
                                    refresh ? QStringLiteral("refresh_token")
                                            : QStringLiteral("access_token"));
                            QObject::connect(revoke, &TokenReply::finished, &ctx,
                                             [&ctx](const TokenResult &revoked) {
                                                 ctx.err << (revoked.failure
                                                                     ? tr("The sign-in was not "
                                                                          "kept.")
                                                                     : tr("The sign-in was not "
                                                                          "kept, and its tokens "
                                                                          "were revoked at the "
                                                                          "EHR."))
                                                         << Qt::endl;
                                                 ctx.finish(Failed);
                                             });
                            return;
                        }
                        reportSignedIn(ctx, *profile, result.tokens,
                                       tr("Sign-in took %1 ms: browser %2 ms, code exchange %3 "
                                          "ms, keychain %4 ms.")
                                               .arg(total->elapsed())
                                               .arg(result.browserMs)
                                               .arg(result.exchangeMs)
                                               .arg(keychainClock->elapsed()));
                        ctx.finish(Ok);
                    });
                });
        signIn->start();
    });
    return kPending;
}

int runToken(Context &ctx, const QCommandLineParser &)
{
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    Session *session = ctx.connect(*profile)->session();
    TokenOperation *op = session->accessToken();
    QObject::connect(op, &TokenOperation::finished, &ctx, [&ctx](const TokenOutcome &outcome) {
        if (outcome.failure) {
            ctx.fail(outcome.failure);
            return;
        }
        ctx.out << outcome.accessToken << Qt::endl;
        ctx.finish(Ok);
    });
    QObject::connect(session, &Session::storageFailed, &ctx,
                     [&ctx](const Failure &f) { ctx.err << f.message << Qt::endl; });
    return kPending;
}

int runStatus(Context &ctx, const QCommandLineParser &)
{
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    Session *session = ctx.connect(*profile)->session();
    session->readStored([&ctx, profile](const std::optional<TokenSet> &stored,
                                        const Failure &failure) {
        if (failure) {
            ctx.fail(failure);
            return;
        }
        const QDateTime now = Clock::system()->now();
        const bool staticToken = profile->grant == Profile::Grant::StaticToken;
        if (ctx.json) {
            QJsonObject o;
            o.insert(QStringLiteral("profile"), profile->name);
            o.insert(QStringLiteral("kind"), toString(profile->kind));
            o.insert(QStringLiteral("grant"), toString(profile->grant));
            o.insert(QStringLiteral("instance"), profile->instanceUrl.toString());
            o.insert(QStringLiteral("clientId"), profile->clientId);
            o.insert(QStringLiteral("signedIn"), bool(stored));
            if (stored) {
                o.insert(QStringLiteral("tokenType"), stored->tokenType);
                o.insert(QStringLiteral("scope"), stored->scope);
                o.insert(QStringLiteral("hasRefreshToken"), stored->canRefresh());
                o.insert(QStringLiteral("obtainedAt"),
                         stored->obtainedAt.toString(Qt::ISODate));
                if (stored->expiresAt.isValid()) {
                    o.insert(QStringLiteral("expiresAt"),
                             stored->expiresAt.toString(Qt::ISODate));
                    o.insert(QStringLiteral("expiresInSeconds"), now.secsTo(stored->expiresAt));
                }
            }
            ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        } else if (staticToken && stored) {
            ctx.out << tr("%1 (%2) uses a static access token, stored in the keychain on %3. "
                          "It is used until the EHR refuses it; it is never renewed.")
                               .arg(profile->name, profile->instanceUrl.toString(),
                                    QLocale().toString(stored->obtainedAt.toLocalTime(),
                                                       QLocale::ShortFormat))
                    << Qt::endl;
        } else if (staticToken) {
            ctx.out << tr("No static access token is stored for %1 (%2). Store one (from "
                          "standard input) with: chartkey profile set-token \"%1\"")
                               .arg(profile->name, profile->instanceUrl.toString())
                    << Qt::endl;
        } else if (stored) {
            ctx.out << tr("Signed in to %1 (%2) — %3.")
                               .arg(profile->name, profile->instanceUrl.toString(),
                                    describeValidity(*stored))
                    << Qt::endl
                    << tr("Scope: %1").arg(stored->scope) << Qt::endl;
        } else {
            ctx.out << tr("Signed out of %1 (%2). Sign in with: chartkey login")
                               .arg(profile->name, profile->instanceUrl.toString())
                    << Qt::endl;
        }
        ctx.finish(stored ? Ok : SignInNeeded);
    });
    return kPending;
}

int runLogout(Context &ctx, const QCommandLineParser &)
{
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    Session *session = ctx.connect(*profile)->session();
    session->signOut([&ctx, profile](bool hadSignIn, const Failure &failure) {
        if (failure.kind == Failure::Kind::Storage) {
            ctx.fail(failure);
            return;
        }
        if (profile->grant == Profile::Grant::StaticToken) {
            ctx.err << (hadSignIn ? tr("Removed the static access token of %1 from the "
                                       "keychain. It was not revoked: a static token is "
                                       "revoked where it was made (the EHR's dashboard or "
                                       "account settings).")
                                  : tr("%1 had no stored access token; nothing to do."))
                               .arg(profile->name)
                    << Qt::endl;
            ctx.finish(Ok);
            return;
        }
        if (failure)
            ctx.err << failure.message << Qt::endl;
        else if (!hadSignIn)
            ctx.err << tr("%1 had no stored sign-in; nothing to do.").arg(profile->name)
                    << Qt::endl;
        else
            ctx.err << tr("Signed out of %1: the tokens were revoked and removed from the "
                          "keychain.")
                               .arg(profile->name)
                    << Qt::endl;
        ctx.finish(Ok);
    });
    return kPending;
}

} // namespace chartkey::cli

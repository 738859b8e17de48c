// chartkey login|token|status|logout
#include "commandline.h"
#include "context.h"

#include "actions/signin.h"
#include "auth/idtoken.h"
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

// "Dr Ada Lovelace (Practitioner/123)": who the ID token says signed in; empty without one.
QString describeIdentity(const IdTokenIdentity &identity)
{
    if (identity.isEmpty())
        return {};
    if (identity.fhirUser.isEmpty())
        return identity.displayName();
    const QString resource = identity.fhirUser.section(QLatin1Char('/'), -2);
    return tr("%1 (%2)").arg(identity.displayName(), resource);
}

void reportSignedIn(Context &ctx, const Profile &profile, const TokenSet &tokens,
                    const QString &timing)
{
    const QString who = describeIdentity(idtoken::identityOf(tokens));
    ctx.err << (who.isEmpty() ? tr("Signed in to %1 (%2). Scope: %3")
                                        .arg(profile.name, describeValidity(tokens), tokens.scope)
                              : tr("Signed in to %1 as %2 (%3). Scope: %4")
                                        .arg(profile.name, who, describeValidity(tokens),
                                             tokens.scope))
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
    auto *opener = new CommandUrlOpener(ctx.browserCommand());
    auto *signIn = new SignIn(connection, opener, &ctx);
    if (const double seconds = p.value(QStringLiteral("wait")).toDouble(); seconds > 0)
        signIn->setBrowserTimeoutMs(int(seconds * 1000));
    QObject::connect(signIn, &SignIn::authorizationUrlReady, &ctx, [&ctx, profile](const QUrl &url) {
        ctx.err << tr("Opening the browser to sign in to %1. If it does not open, visit:")
                           .arg(profile->name)
                << Qt::endl
                << "  " << url.toString(QUrl::FullyEncoded) << Qt::endl;
    });
    QObject::connect(signIn, &SignIn::browserFailed, &ctx,
                     [&ctx](const QString &message) { ctx.err << message << Qt::endl; });
    signIn->then(&ctx, [&ctx, profile, opener](const SignInOutcome &outcome) {
        delete opener;
        if (outcome.failure) {
            ctx.fail(outcome.failure);
            return;
        }
        const bool browser = profile->grant == Profile::Grant::AuthorizationCode;
        reportSignedIn(ctx, *profile, outcome.tokens,
                       browser ? tr("Sign-in took %1 ms: browser %2 ms, code exchange %3 ms, "
                                    "keychain %4 ms.")
                                         .arg(outcome.totalMs)
                                         .arg(outcome.browserMs)
                                         .arg(outcome.exchangeMs)
                                         .arg(outcome.keychainMs)
                               : QString());
        ctx.finish(Ok);
    });
    signIn->start();
    return kPending;
}

int runToken(Context &ctx, const QCommandLineParser &p)
{
    // Checked already (commandtable.cpp): bare, header or json; whole seconds.
    const QString format = ctx.json ? QStringLiteral("json") : p.value(QStringLiteral("format"));
    const int minValid = p.value(QStringLiteral("min-valid")).toInt();
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    Session *session = ctx.connect(*profile)->session();
    session->accessToken(minValid)->then(&ctx, [&ctx, session, format, minValid](
                                                       const TokenOutcome &outcome) {
        if (outcome.failure) {
            ctx.fail(outcome.failure);
            return;
        }
        // The set the token came from (expiry, scope); the session holds it now.
        const TokenSet held = session->current();
        const TokenSet tokens = held.accessToken == outcome.accessToken
                ? held
                : staticTokenSet(outcome.accessToken, Clock::system()->now());
        const qint64 left = tokens.expiresAt.isValid()
                ? Clock::system()->now().secsTo(tokens.expiresAt)
                : -1;
        if (minValid > 0 && left >= 0 && left < minValid) {
            const bool renewed = outcome.source == TokenOutcome::Source::Refreshed
                    || outcome.source == TokenOutcome::Source::ClientCredentials;
            ctx.err << (renewed ? tr("The renewed token expires in %1 s, sooner than --min-valid "
                                     "%2: the EHR gives no longer-lived tokens.")
                                : tr("The token expires in %1 s, sooner than --min-valid %2: it "
                                     "could not be renewed now."))
                               .arg(left)
                               .arg(minValid)
                    << Qt::endl;
        }
        if (format == QLatin1String("header")) {
            ctx.out << "Authorization: Bearer " << outcome.accessToken << Qt::endl;
        } else if (format == QLatin1String("json")) {
            // Never the refresh token nor the ID token: this goes to other programs.
            QJsonObject o;
            o.insert(QStringLiteral("access_token"), outcome.accessToken);
            o.insert(QStringLiteral("token_type"), QStringLiteral("Bearer"));
            o.insert(QStringLiteral("expires_at"),
                     tokens.expiresAt.isValid()
                             ? QJsonValue(tokens.expiresAt.toUTC().toString(Qt::ISODate))
                             : QJsonValue(QJsonValue::Null));
            o.insert(QStringLiteral("scope"), tokens.scope.isEmpty()
                                                      ? QJsonValue(QJsonValue::Null)
                                                      : QJsonValue(tokens.scope));
            ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        } else {
            ctx.out << outcome.accessToken << Qt::endl;
        }
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
    session->readStored()->then(&ctx, [&ctx, profile](const StoredSignIn &read) {
        if (read.failure) {
            ctx.fail(read.failure);
            return;
        }
        const std::optional<TokenSet> &stored = read.tokens;
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
                const IdTokenIdentity identity = idtoken::identityOf(*stored);
                if (!identity.isEmpty())
                    o.insert(QStringLiteral("identity"),
                             QJsonObject{{QStringLiteral("sub"), identity.subject},
                                         {QStringLiteral("name"), identity.name},
                                         {QStringLiteral("fhirUser"), identity.fhirUser},
                                         {QStringLiteral("issuer"), identity.issuer}});
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
            const QString who = describeIdentity(idtoken::identityOf(*stored));
            ctx.out << (who.isEmpty() ? tr("Signed in to %1 (%2) — %3.")
                                                .arg(profile->name,
                                                     profile->instanceUrl.toString(),
                                                     describeValidity(*stored))
                                      : tr("Signed in to %1 (%2) as %3 — %4.")
                                                .arg(profile->name,
                                                     profile->instanceUrl.toString(), who,
                                                     describeValidity(*stored)))
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

int runLogout(Context &ctx, const QCommandLineParser &p)
{
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    const bool endSession = p.isSet(QStringLiteral("end-session"));
    if (endSession && endSessionPage(*profile).isEmpty()) {
        ctx.err << (profile->grant == Profile::Grant::AuthorizationCode
                            ? tr("%1 names no sign-out page for the browser (no end-session URL: "
                                 "the EHR's discovery document has no end_session_endpoint). "
                                 "Nothing was signed out; run chartkey logout without "
                                 "--end-session.")
                            : tr("%1 does not sign in through a browser, so there is no browser "
                                 "sign-in to end. Nothing was signed out; run chartkey logout "
                                 "without --end-session."))
                           .arg(profile->name)
                << Qt::endl;
        return Failed;
    }
    Session *session = ctx.connect(*profile)->session();
    session->signOut()->then(&ctx, [&ctx, endSession, profile](const SignOutResult &result) {
        if (!result.removed) {
            ctx.fail(result.failure); // the keychain could not be read or changed: nothing was
            return;
        }
        ctx.err << result.message << Qt::endl;
        if (result.endSessionPage.isEmpty()) {
            ctx.finish(Ok);
            return;
        }
        if (!endSession) {
            ctx.err << result.endSessionAdvice << ' '
                    << tr("It is %1 (chartkey logout --end-session opens it).")
                               .arg(result.endSessionPage.toString())
                    << Qt::endl;
            ctx.finish(Ok);
            return;
        }
        CommandUrlOpener opener(ctx.browserCommand());
        QString error;
        if (!opener.open(result.endSessionPage, &error)) {
            ctx.err << tr("Could not open the browser (%1). Open the EHR's sign-out page by hand "
                          "to end the browser's sign-in there: %2")
                               .arg(error, result.endSessionPage.toString())
                    << Qt::endl;
            ctx.finish(Failed);
            return;
        }
        ctx.err << tr("Opened the EHR's sign-out page in the browser (%1): confirm there to end "
                      "the browser's sign-in at %2.")
                           .arg(result.endSessionPage.toString(), profile->name)
                << Qt::endl;
        ctx.finish(Ok);
    });
    return kPending;
}

} // namespace chartkey::cli

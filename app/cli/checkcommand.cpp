// chartkey check: test the profile's app registration end to end (check/registrationcheck.h).
#include "commandline.h"
#include "context.h"

#include "auth/urlopener.h"
#include "check/registrationcheck.h"
#include "base/clock.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <memory>

namespace chartkey::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::cli", text);
}

const QStringList kStepIds = {
        QStringLiteral("discovery"),      QStringLiteral("redirect-uri"),
        QStringLiteral("authorization"),  QStringLiteral("pkce"),
        QStringLiteral("token-response"), QStringLiteral("api"),
        QStringLiteral("wrong-secret"),   QStringLiteral("refresh"),
        QStringLiteral("old-access-token"), QStringLiteral("revocation"),
        QStringLiteral("old-refresh-token")};

void startCheck(Context &ctx, const Profile &profile, const check::CheckSecrets &secrets,
                const QStringList &skip, int waitMs, bool details)
{
    auto opener = std::make_shared<CommandUrlOpener>(ctx.browserCommand());
    auto *run = new check::RegistrationCheck(profile, secrets, &ctx.nam, opener.get(),
                                             Clock::system(), &ctx);
    run->setTimeoutMs(ctx.timeoutMs);
    run->setBrowserTimeoutMs(waitMs);
    run->setSkipped(skip);
    if (!ctx.json)
        ctx.out << tr("Checking the registration of client %1 on profile \"%2\" (%3). The "
                      "profile's stored sign-in is not used or changed.\n")
                           .arg(profile.clientId, profile.name, toString(profile.kind))
                << Qt::endl;
    QObject::connect(run, &check::RegistrationCheck::authorizationUrlReady, &ctx,
                     [&ctx](const QUrl &url) {
                         ctx.err << tr("Opening the browser: sign in and approve. If it does not "
                                       "open, visit:")
                                 << Qt::endl
                                 << "  " << url.toString(QUrl::FullyEncoded) << Qt::endl;
                     });
    QObject::connect(run, &check::RegistrationCheck::stepFinished, &ctx,
                     [&ctx, details](const check::StepResult &step) {
                         if (ctx.json)
                             return;
                         check::CheckReport one;
                         one.steps = {step};
                         ctx.out << one.stepsText(details) << Qt::flush;
                     });
    QObject::connect(run, &check::RegistrationCheck::finished, &ctx,
                     [&ctx, run, opener](const check::CheckReport &report) {
                         run->deleteLater();
                         if (ctx.json)
                             ctx.out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
                         else
                             ctx.out << Qt::endl << report.summaryText() << Qt::endl;
                         ctx.finish(report.passed() ? Ok : Failed);
                     });
    run->start();
}

} // namespace

int runCheck(Context &ctx)
{
    QCommandLineParser p;
    const QCommandLineOption wait(QStringLiteral("wait"),
                                  tr("How long to wait for the browser, in seconds (default 300)."),
                                  QStringLiteral("seconds"), QStringLiteral("300"));
    const QCommandLineOption skip(QStringLiteral("skip"),
                                  tr("Steps not to run, comma-separated: %1.")
                                          .arg(kStepIds.join(QStringLiteral(", "))),
                                  QStringLiteral("ids"));
    const QCommandLineOption details(QStringLiteral("details"),
                                     tr("Show every server answer and the requests as curl "
                                        "commands (secrets as placeholders)."));
    p.addOptions({wait, skip, details});
    if (!ctx.parse(p, tr("chartkey check [--profile NAME] [--browser CMD] [--wait SECONDS] "
                         "[--skip IDS] [--details] [--json]")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    QStringList skipped;
    for (const QString &id : p.value(skip).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!kStepIds.contains(id.trimmed())) {
            ctx.usage(tr("Unknown step \"%1\"; the steps are: %2.")
                              .arg(id, kStepIds.join(QStringLiteral(", "))));
            return Usage;
        }
        skipped << id.trimmed();
    }
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    if (const ProfileProblems problems = profile->validate(); !problems.isEmpty()) {
        for (const ProfileProblem &problem : problems)
            ctx.err << problem.message << Qt::endl;
        ctx.err << tr("Fix the profile first: chartkey profile add %1 ... --replace")
                           .arg(profile->name)
                << Qt::endl;
        return Failed;
    }
    const int waitMs = int(p.value(wait).toDouble() * 1000);
    const bool showDetails = p.isSet(details);
    Session *session = ctx.connect(*profile)->session();

    // The secrets the check needs, from the keychain: the client secret, or a static token.
    session->readClientSecret([&ctx, session, profile, skipped, waitMs, showDetails](
                                      const QString &secret, const Failure &failure) {
        if (failure) {
            ctx.fail(failure);
            return;
        }
        check::CheckSecrets secrets{secret, {}};
        if (profile->grant != Profile::Grant::StaticToken) {
            startCheck(ctx, *profile, secrets, skipped, waitMs, showDetails);
            return;
        }
        session->readStored([&ctx, profile, secrets, skipped, waitMs, showDetails](
                                    const std::optional<TokenSet> &stored,
                                    const Failure &storedFailure) mutable {
            if (storedFailure) {
                ctx.fail(storedFailure);
                return;
            }
            if (stored)
                secrets.staticToken = stored->accessToken;
            startCheck(ctx, *profile, secrets, skipped, waitMs, showDetails);
        });
    });
    return kPending;
}

} // namespace chartkey::cli

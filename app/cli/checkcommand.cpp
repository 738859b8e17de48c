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

struct CheckOptions
{
    QStringList skip;
    int waitMs = 0;
    bool details = false;
    bool secondSignIn = true;
    bool thorough = false;
};

void startCheck(Context &ctx, const Profile &profile, const check::CheckSecrets &secrets,
                const CheckOptions &options)
{
    const bool details = options.details;
    auto opener = std::make_shared<CommandUrlOpener>(ctx.browserCommand());
    auto *run = new check::RegistrationCheck(profile, secrets, &ctx.nam, opener.get(),
                                             Clock::system(), &ctx);
    run->setTimeoutMs(ctx.timeoutMs);
    run->setBrowserTimeoutMs(options.waitMs);
    run->setSkipped(options.skip);
    run->setSecondSignInAllowed(options.secondSignIn);
    run->setThorough(options.thorough);
    QObject::connect(run, &check::RegistrationCheck::noticeReady, &ctx,
                     [&ctx](const QString &text) { ctx.err << text << Qt::endl; });
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
    run->then(&ctx, [&ctx, opener](const check::CheckReport &report) {
                         if (ctx.json)
                             ctx.out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
                         else
                             ctx.out << Qt::endl << report.summaryText() << Qt::endl;
                         ctx.finish(report.passed() ? Ok : Failed);
                     });
    run->start();
}

} // namespace

int runCheck(Context &ctx, const QCommandLineParser &p)
{
    CheckOptions options;
    // Each id is one of the check's steps (commandtable.cpp checked them).
    for (const QString &id :
         p.value(QStringLiteral("skip")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        options.skip << id.trimmed();
    options.waitMs = int(p.value(QStringLiteral("wait")).toDouble() * 1000);
    options.details = p.isSet(QStringLiteral("details"));
    options.secondSignIn = !p.isSet(QStringLiteral("no-second-sign-in"));
    options.thorough = p.isSet(QStringLiteral("thorough"));
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
    check::readCheckSecrets(&ctx.secrets, *profile)
            ->then(&ctx, [&ctx, profile, options](const check::CheckSecretsRead &read) {
                if (read.failure) {
                    ctx.fail(read.failure);
                    return;
                }
                startCheck(ctx, *profile, read.secrets, options);
            });
    return kPending;
}

} // namespace chartkey::cli

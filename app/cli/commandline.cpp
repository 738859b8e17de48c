#include "commandline.h"

#include "commandparser.h"
#include "context.h"
#include "base/logging.h"
#include "base/clock.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <cstring>

namespace chartkey::cli {

namespace {

const char *const kGuiOptions[] = {"-platform", "-style", "-geometry", "-qwindowgeometry",
                                   "-reverse", "-session", "-display", "-plugin"};

} // namespace

bool wantsCommandLine(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    // `chartkey --profile NAME` alone opens the desktop app on that profile.
    if (argc == 3 && std::strcmp(argv[1], "--profile") == 0)
        return false;
    for (const char *gui : kGuiOptions) {
        if (std::strcmp(argv[1], gui) == 0)
            return false;
    }
    return true;
}

int run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Everything on the command line is checked here, before the command touches a profile,
    // the keychain, the network or a browser: a usage error acts on nothing.
    const ParsedCommandLine parsed = parseCommandLine(app.arguments().mid(1));
    switch (parsed.outcome) {
    case ParsedCommandLine::Outcome::UsageError: {
        QTextStream err(stderr);
        err << parsed.error << Qt::endl << usageText(parsed.path);
        return Usage;
    }
    case ParsedCommandLine::Outcome::Help:
        QTextStream(stdout) << helpText(parsed.path);
        return Ok;
    case ParsedCommandLine::Outcome::Version:
        QTextStream(stdout) << "chartkey " << QCoreApplication::applicationVersion() << Qt::endl;
        return Ok;
    case ParsedCommandLine::Outcome::Run:
        break;
    }

    const QCommandLineParser &p = *parsed.parser;
    Context ctx;
    ctx.commandPath = parsed.path;
    ctx.profileOption = p.value(QStringLiteral("profile"));
    ctx.browserOption = p.value(QStringLiteral("browser"));
    if (p.isSet(QStringLiteral("timeout")))
        ctx.timeoutMs = int(p.value(QStringLiteral("timeout")).toDouble() * 1000);
    ctx.verbose = p.isSet(QStringLiteral("verbose"));
    ctx.json = p.isSet(QStringLiteral("json"));
    ctx.secrets.setTimeoutMs(std::max(ctx.timeoutMs, 1000));
    // The commands say what went wrong in their own words; the log says it again only
    // when asked to (--verbose), with the technical detail.
    QLoggingCategory::setFilterRules(ctx.verbose ? QStringLiteral("chartkey.*=true")
                                                 : QStringLiteral("chartkey.*.warning=false"));

    // What is wrong in the managed configuration, once, before the command says anything.
    for (const QString &problem : ctx.profiles.managedProblems())
        ctx.err << problem << Qt::endl;

    const int code = parsed.command->run(ctx, p);
    if (code != kPending)
        return code;
    return app.exec();
}

int runHelp(Context &ctx, const QCommandLineParser &p)
{
    ctx.out << helpText(p.positionalArguments());
    return Ok;
}

Context::Context()
    : out(stdout)
    , err(stderr)
{
}

std::optional<Profile> Context::selectProfile()
{
    QString name = profileOption;
    if (name.isEmpty()) {
        const QStringList names = profiles.names();
        if (names.size() == 1) {
            name = names.first();
        } else if (names.isEmpty()) {
            err << tr("There is no profile yet. Add one: chartkey profile add NAME --instance URL "
                      "--client-id ID")
                << Qt::endl;
            return std::nullopt;
        } else {
            err << tr("There are several profiles (%1): choose one with --profile NAME.")
                            .arg(names.join(QStringLiteral(", ")))
                << Qt::endl;
            return std::nullopt;
        }
    }
    auto profile = profiles.load(name);
    if (!profile) {
        err << tr("There is no profile named \"%1\". See: chartkey profile list").arg(name)
            << Qt::endl;
        return profile;
    }
    // A profile of the person's own made before the policy, or by hand, is used only as far
    // as the policy allows it. Managed profiles are the policy's own.
    if (!profiles.isManaged(name)) {
        if (const QStringList refusals = messages(profiles.policy().problems(*profile));
            !refusals.isEmpty()) {
            for (const QString &refusal : refusals)
                err << refusal << Qt::endl;
            err << tr("\"%1\" is not used.").arg(name) << Qt::endl;
            return std::nullopt;
        }
    }
    return profile;
}

QString Context::browserCommand() const
{
    if (!browserOption.isEmpty())
        return browserOption;
    if (const QString env = qEnvironmentVariable("CHARTKEY_BROWSER"); !env.isEmpty())
        return env;
#if defined(Q_OS_WIN)
    return QStringLiteral("rundll32 url.dll,FileProtocolHandler");
#elif defined(Q_OS_MACOS)
    return QStringLiteral("open");
#else
    return QStringLiteral("xdg-open");
#endif
}

EhrConnection *Context::connect(const Profile &profile)
{
    auto *connection = new EhrConnection(profile, &secrets, &nam, Clock::system(), nullptr, this);
    connection->setTimeoutMs(timeoutMs);
    return connection;
}

void Context::finish(int code)
{
    out.flush();
    err.flush();
    // Leave the current signal emission first, then end the event loop.
    QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
}

void Context::fail(const Failure &failure)
{
    err << failure.message << Qt::endl;
    if (verbose && !failure.detail.isEmpty())
        err << "  (" << log::redact(failure.detail) << ")" << Qt::endl;
    if (failure.kind == Failure::Kind::SignInRequired) {
        err << tr("Sign in with: chartkey login%1")
                        .arg(profileOption.isEmpty() ? QString()
                                                     : QStringLiteral(" --profile \"%1\"")
                                                               .arg(profileOption))
            << Qt::endl;
        finish(SignInNeeded);
        return;
    }
    finish(Failed);
}

void Context::usage(const QString &message)
{
    err << message << Qt::endl << usageText(commandPath) << Qt::flush;
}

} // namespace chartkey::cli

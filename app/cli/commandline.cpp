#include "commandline.h"

#include "context.h"
#include "base/logging.h"
#include "base/clock.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <cstring>

namespace chartkey::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::cli", text);
}

const char *const kGuiOptions[] = {"-platform", "-style", "-geometry", "-qwindowgeometry",
                                   "-reverse", "-session", "-display", "-plugin"};

QString helpText()
{
    return tr("Usage: chartkey [COMMAND] [OPTIONS]\n"
              "\n"
              "Without a command, chartkey opens the desktop app (on the profile NAME with\n"
              "chartkey --profile NAME).\n"
              "\n"
              "Commands:\n"
              "  profile add NAME [--preset PRESET] --instance URL --client-id ID [options]\n"
              "                      add an EHR profile; PRESET: canvas (default),\n"
              "                      canvas-sandbox-token, smart (--fhir-base URL),\n"
              "                      openid (--discovery-url URL), canvas-lms\n"
              "                      (see chartkey profile add --help)\n"
              "  profile list|show NAME|remove NAME|set-secret NAME\n"
              "  profile set-token NAME   store a static access token read from standard\n"
              "                      input (canvas-sandbox-token, canvas-lms)\n"
              "  profile export NAME [--output FILE]   the profile as JSON, without secrets\n"
              "  profile import FILE|- [--name NAME] [--replace]\n"
              "  login               sign in through the browser and keep the tokens in the\n"
              "                      system keychain\n"
              "  token               print a valid access token (renewed when due); never\n"
              "                      opens a browser\n"
              "  status [--json]     the profile's sign-in state, without secrets\n"
              "  logout              revoke the tokens and remove them from the keychain\n"
              "  patients [--name TEXT] [--family F] [--given G] [--birthdate YYYY-MM-DD]\n"
              "           [--limit N] [--json]\n"
              "  appointments PATIENT_ID [--json]\n"
              "                      a patient's appointments and the note each carries\n"
              "  note ACTION NOTE_ID...   ACTION: lock sign lock-sign unlock check-in no-show\n"
              "  check [--details] [--skip IDS] [--json]\n"
              "                      test the profile's app registration end to end (discovery,\n"
              "                      redirect URI, PKCE, tokens, refresh, API, revocation)\n"
              "\n"
              "Options for every command:\n"
              "  --profile NAME      the profile to use (the default when there is only one)\n"
              "  --browser CMD       the browser command for login (else $CHARTKEY_BROWSER,\n"
              "                      else the desktop's default browser)\n"
              "  --timeout SECONDS   how long to wait for the network or the keychain\n"
              "                      (default 30)\n"
              "  --verbose           log what happens on the wire (secrets are redacted)\n"
              "  --version, --help\n"
              "\n"
              "Exit status: 0 success, 1 failure, 2 usage error, 3 sign-in needed.\n");
}

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
    Context ctx;

    QStringList rest;
    const QStringList all = app.arguments().mid(1);
    for (int i = 0; i < all.size(); ++i) {
        const QString &a = all.at(i);
        auto value = [&](const QString &name) -> std::optional<QString> {
            if (a.startsWith(name + QLatin1Char('=')))
                return a.mid(name.size() + 1);
            if (a == name) {
                if (i + 1 < all.size())
                    return all.at(++i);
                ctx.usage(tr("%1 needs a value.").arg(name));
                return QString();
            }
            return std::nullopt;
        };
        if (auto v = value(QStringLiteral("--profile")))
            ctx.profileOption = *v;
        else if (auto b = value(QStringLiteral("--browser")))
            ctx.browserOption = *b;
        else if (auto t = value(QStringLiteral("--timeout"))) {
            bool ok = false;
            const double seconds = t->toDouble(&ok);
            if (!ok || seconds <= 0) {
                ctx.usage(tr("--timeout takes a number of seconds."));
                return Usage;
            }
            ctx.timeoutMs = int(seconds * 1000);
        } else if (a == QLatin1String("--verbose") || a == QLatin1String("-v"))
            ctx.verbose = true;
        else if (a == QLatin1String("--json"))
            ctx.json = true;
        else
            rest << a;
    }
    ctx.secrets.setTimeoutMs(std::max(ctx.timeoutMs, 1000));
    // The commands say what went wrong in their own words; the log says it again only
    // when asked to (--verbose), with the technical detail.
    QLoggingCategory::setFilterRules(ctx.verbose ? QStringLiteral("chartkey.*=true")
                                                 : QStringLiteral("chartkey.*.warning=false"));

    if (rest.isEmpty() || rest.first() == QLatin1String("help")
        || rest.first() == QLatin1String("--help") || rest.first() == QLatin1String("-h")) {
        ctx.out << helpText();
        return Ok;
    }
    if (rest.first() == QLatin1String("--version")) {
        ctx.out << "chartkey " << QCoreApplication::applicationVersion() << Qt::endl;
        return Ok;
    }

    const QString command = rest.takeFirst();
    ctx.args = rest;
    int code = Usage;
    if (command == QLatin1String("profile"))
        code = runProfileCommand(ctx);
    else if (command == QLatin1String("login"))
        code = runLogin(ctx);
    else if (command == QLatin1String("token"))
        code = runToken(ctx);
    else if (command == QLatin1String("status"))
        code = runStatus(ctx);
    else if (command == QLatin1String("logout"))
        code = runLogout(ctx);
    else if (command == QLatin1String("patients"))
        code = runPatients(ctx);
    else if (command == QLatin1String("appointments"))
        code = runAppointments(ctx);
    else if (command == QLatin1String("note"))
        code = runNote(ctx);
    else if (command == QLatin1String("check"))
        code = runCheck(ctx);
    else {
        ctx.usage(tr("Unknown command \"%1\".").arg(command));
        return Usage;
    }
    if (code != kPending)
        return code;
    return app.exec();
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
    if (!profile)
        err << tr("There is no profile named \"%1\". See: chartkey profile list").arg(name)
            << Qt::endl;
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
    err << message << Qt::endl << tr("See: chartkey --help") << Qt::endl;
}

bool Context::parse(QCommandLineParser &parser, const QString &synopsis)
{
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("chartkey")} + args)) {
        usage(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << synopsis << Qt::endl << parser.helpText();
        return false;
    }
    return true;
}

} // namespace chartkey::cli

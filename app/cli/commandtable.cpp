#include "commandtable.h"

#include "context.h"

#include "auth/jose.h"
#include "check/registrationcheck.h"
#include "notes/notesclient.h"
#include "profile/presets.h"
#include "profile/profileform.h"
#include "profile/profile.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

namespace chartkey::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::cli", text);
}

// The longest wait a QTimer can hold: INT_MAX milliseconds.
constexpr double kMaxSeconds = 2147483;

QCommandLineOption flag(const QStringList &names, const QString &description)
{
    return QCommandLineOption(names, description);
}

QCommandLineOption valued(const QString &name, const QString &valueName,
                          const QString &description, const QString &defaultValue = {})
{
    return QCommandLineOption(name, description, valueName, defaultValue);
}

// ---------------------------------------------------------------- value checks

ValueCheck nonEmpty(const QString &what)
{
    return [what](const QString &value) -> QString {
        if (value.trimmed().isEmpty())
            return tr("%1 needs a value that is not empty.").arg(what);
        return {};
    };
}

ValueCheck profileName(const QString &what)
{
    return [what](const QString &value) -> QString {
        if (Profile::isValidName(value))
            return {};
        return tr("%1 takes a profile name (letters, digits, space, dot, dash and underscore; "
                  "at most 64), not \"%2\".")
                .arg(what, value);
    };
}

ValueCheck seconds(const QString &option)
{
    return [option](const QString &value) -> QString {
        bool ok = false;
        const double s = value.toDouble(&ok);
        if (ok && std::isfinite(s) && s * 1000 >= 1 && s <= kMaxSeconds)
            return {};
        return tr("%1 takes a number of seconds from 0.001 to %2, not \"%3\".")
                .arg(option)
                .arg(kMaxSeconds, 0, 'f', 0)
                .arg(value);
    };
}

// An endpoint or server address: https://, or http:// on this computer only (the rule
// Profile::validate() applies), so that no request leaves in the clear.
ValueCheck webUrl(const QString &option)
{
    return [option](const QString &value) -> QString {
        const QUrl url(value.trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || !(url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")))
            return tr("%1 takes an https:// URL, not \"%2\".").arg(option, value);
        return Profile::transportProblem(option, url);
    };
}

// A number of whole seconds, 0 or more.
ValueCheck wholeSeconds(const QString &option)
{
    return [option](const QString &value) -> QString {
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,7}$"));
        if (digits.match(value).hasMatch() && value.toDouble() <= kMaxSeconds)
            return {};
        return tr("%1 takes a whole number of seconds from 0 to %2, not \"%3\".")
                .arg(option)
                .arg(kMaxSeconds, 0, 'f', 0)
                .arg(value);
    };
}

// api's -f and -F: NAME=VALUE.
ValueCheck field(const QString &option, bool typed)
{
    return [option, typed](const QString &value) -> QString {
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return tr("%1 takes NAME=VALUE, not \"%2\".").arg(option, value);
        if (typed && value.mid(eq + 1).startsWith(QLatin1Char('@')))
            return tr("%1 %2: chartkey does not read a field from a file; send a body with "
                      "--input FILE, or give the text with -f.")
                    .arg(option, value);
        return {};
    };
}

QString checkHeader(const QString &value)
{
    if (value.indexOf(QLatin1Char(':')) > 0)
        return {};
    return tr("--header takes 'Name: value', not \"%1\".").arg(value);
}

QString checkRedirectUri(const QString &value)
{
    if (Profile::isLoopbackRedirect(QUrl(value)))
        return {};
    return tr("--redirect-uri takes a loopback URI with a path, such as "
              "http://127.0.0.1/callback (any port) or http://127.0.0.1:8765/callback (that "
              "port), not \"%1\".")
            .arg(value);
}

QString presetIds()
{
    QStringList ids;
    for (const ServerPreset &preset : ServerPreset::all())
        ids << preset.id;
    return ids.join(QStringLiteral(", "));
}

QString grantIds()
{
    QStringList ids;
    for (Profile::Grant g : {Profile::Grant::AuthorizationCode, Profile::Grant::ClientCredentials,
                             Profile::Grant::StaticToken})
        ids << toString(g);
    return ids.join(QStringLiteral(", "));
}

const QStringList &tokenFormats()
{
    static const QStringList formats{QStringLiteral("bare"), QStringLiteral("header"),
                                     QStringLiteral("json")};
    return formats;
}

QString noteActionIds()
{
    QStringList ids;
    for (NoteAction action : allNoteActions())
        ids << commandName(action);
    return ids.join(QLatin1Char(' '));
}

// The options a new profile of `kind` with `grant` cannot do without: the fields the profile
// form requires and derives from nothing (the editor asks for the same).
QStringList requiredOptions(Profile::Kind kind, std::optional<Profile::Grant> grant)
{
    Profile start;
    start.kind = kind;
    ProfileForm form(start, ProfileForm::Mode::New);
    if (grant)
        form.setGrant(*grant);
    const std::pair<ProfileField, QString> options[] = {
            {ProfileField::Instance, QStringLiteral("--instance URL")},
            {ProfileField::FhirBase, QStringLiteral("--fhir-base URL")},
            {ProfileField::Discovery, QStringLiteral("--discovery-url URL")},
            {ProfileField::ClientId, QStringLiteral("--client-id ID")}};
    QStringList needs;
    for (const auto &[field, option] : options) {
        if (form.isRequired(field) && !form.follows(field))
            needs << option;
    }
    return needs;
}

// What each preset needs on the command line, one line each, from the presets themselves.
QString presetNeeds()
{
    QString text = tr("What each preset needs:") + QLatin1Char('\n');
    for (const ServerPreset &preset : ServerPreset::all()) {
        const bool onlyStatic = preset.grants == QList<Profile::Grant>{Profile::Grant::StaticToken};
        QString line = requiredOptions(preset.kind, std::nullopt).join(QLatin1Char(' '));
        if (onlyStatic)
            line += tr("   (then: chartkey profile set-token NAME)");
        else if (preset.offers(Profile::Grant::StaticToken))
            line += tr(", or --grant static-token");
        // Not a trait of a server: `profile add` without --preset means Canvas (Profile's default).
        const QString id = preset.kind == Profile::Kind::Canvas ? tr("%1 (default)").arg(preset.id)
                                                                : preset.id;
        text += QStringLiteral("  %1 %2\n").arg(id, -22).arg(line);
    }
    return text;
}

// profile add: what the chosen preset needs and allows, across options. The values themselves
// passed their own checks already.
QString checkProfileAdd(const QCommandLineParser &p)
{
    const auto kind = kindFromString(p.value(QStringLiteral("preset")));
    if (!kind)
        return {}; // said by the --preset check
    const ServerPreset preset = ServerPreset::of(*kind);
    Profile::Grant grant = preset.grants.first();
    if (p.isSet(QStringLiteral("grant"))) {
        const auto g = grantFromString(p.value(QStringLiteral("grant")));
        if (!g)
            return {};
        if (!preset.offers(*g))
            return preset.refusal(*g);
        grant = *g;
    }
    const bool staticToken = grant == Profile::Grant::StaticToken;
    const bool secretStdin = p.isSet(QStringLiteral("client-secret-stdin"));
    QStringList missing;
    for (const QString &option : requiredOptions(*kind, grant)) {
        if (!p.isSet(option.mid(2).section(QLatin1Char(' '), 0, 0)))
            missing << option;
    }
    if (!missing.isEmpty())
        return tr("profile add --preset %1 needs %2.").arg(preset.id, missing.join(tr(" and ")));
    if (staticToken && secretStdin)
        return tr("A static-token profile has no client secret. Add the profile, then store "
                  "the token with: chartkey profile set-token NAME");
    if (p.isSet(QStringLiteral("client-auth"))) {
        const auto auth = clientAuthFromString(p.value(QStringLiteral("client-auth")));
        if (!auth)
            return {}; // said by the --client-auth check
        if (staticToken)
            return tr("A static-token profile has no client to authenticate: leave out "
                      "--client-auth.");
        if (secretStdin && *auth != Profile::ClientAuth::ClientSecretBasic
            && *auth != Profile::ClientAuth::ClientSecretPost)
            return tr("--client-secret-stdin goes with --client-auth client_secret_basic or "
                      "client_secret_post, not %1.")
                    .arg(toString(*auth));
        if (*auth == Profile::ClientAuth::None && grant == Profile::Grant::ClientCredentials)
            return tr("The client-credentials grant needs a client that authenticates: "
                      "--client-auth client_secret_basic, client_secret_post or "
                      "private_key_jwt.");
    }
    return {};
}

QString checkHelpTopic(const QCommandLineParser &p)
{
    const QStringList topic = p.positionalArguments();
    if (!topic.isEmpty() && !findCommand(topic))
        return tr("Unknown command \"%1\".").arg(topic.join(QLatin1Char(' ')));
    return {};
}

// ---------------------------------------------------------------- the table

QList<OptionSpec> makeGlobalOptions()
{
    return {
            {valued(QStringLiteral("profile"), QStringLiteral("NAME"),
                    tr("The profile to use (not needed when there is only one).")),
             profileName(QStringLiteral("--profile"))},
            {valued(QStringLiteral("browser"), QStringLiteral("CMD"),
                    tr("The browser command, for sign-ins and sign-out pages (else "
                       "$CHARTKEY_BROWSER, else the desktop's default browser).")),
             nonEmpty(QStringLiteral("--browser"))},
            {valued(QStringLiteral("timeout"), QStringLiteral("SECONDS"),
                    tr("How long to wait for the network or the keychain (default 30).")),
             seconds(QStringLiteral("--timeout"))},
            {flag({QStringLiteral("v"), QStringLiteral("verbose")},
                  tr("Log what happens on the wire (secrets are redacted).")),
             {}},
            {flag({QStringLiteral("json")}, tr("Print JSON instead of text.")), {}},
            {flag({QStringLiteral("h"), QStringLiteral("help")},
                  tr("Show this help; after a command, that command's.")),
             {}},
            {flag({QStringLiteral("version")}, tr("Print the version.")), {}},
    };
}

QList<CommandSpec> makeProfileCommands()
{
    const ArgumentSpec name{QStringLiteral("NAME"), tr("The profile's name."),
                            ArgumentSpec::Count::One, profileName(QStringLiteral("NAME"))};
    const auto url = [](const char *option, const QString &description) {
        const QString o = QString::fromLatin1(option);
        return OptionSpec{valued(o, QStringLiteral("URL"), description),
                          webUrl(QStringLiteral("--") + o)};
    };

    CommandSpec add;
    add.name = QStringLiteral("add");
    add.summary = tr("Add an EHR profile for a server preset; each preset needs options of its "
                     "own.");
    add.details = presetNeeds();
    add.arguments = {name};
    add.options = {
            {valued(QStringLiteral("preset"), QStringLiteral("PRESET"),
                    tr("The kind of server: %1 (default canvas).").arg(presetIds()),
                    QStringLiteral("canvas")),
             [](const QString &value) -> QString {
                 if (kindFromString(value))
                     return {};
                 return tr("Unknown preset \"%1\"; --preset is one of: %2.")
                         .arg(value, presetIds());
             }},
            url("instance",
                tr("The EHR instance URL, e.g. https://example.canvasmedical.com (canvas, "
                   "canvas-sandbox-token, canvas-lms).")),
            url("fhir-base",
                tr("The FHIR base URL (smart: required; canvas: derived for "
                   "*.canvasmedical.com; openid: optional).")),
            url("discovery-url",
                tr("The discovery document (openid: required, e.g. "
                   "https://login.example.com/.well-known/openid-configuration; smart: default "
                   "{fhir-base}/.well-known/smart-configuration).")),
            {valued(QStringLiteral("client-id"), QStringLiteral("ID"), tr("The OAuth client ID.")),
             nonEmpty(QStringLiteral("--client-id"))},
            {flag({QStringLiteral("client-secret-stdin")},
                  tr("Read a confidential client's secret from standard input (it goes to the "
                     "keychain).")),
             {}},
            {valued(QStringLiteral("client-auth"), QStringLiteral("METHOD"),
                    tr("How the client authenticates: %1 (default: the preset's, or "
                       "client_secret_post with a secret and none without; from the discovery "
                       "document when it says).")
                            .arg(clientAuthIds().join(QStringLiteral(", ")))),
             [](const QString &value) -> QString {
                 if (clientAuthFromString(value))
                     return {};
                 return tr("Unknown client authentication \"%1\"; --client-auth is one of: %2.")
                         .arg(value, clientAuthIds().join(QStringLiteral(", ")));
             }},
            {valued(QStringLiteral("scope"), QStringLiteral("SCOPES"), tr("Scopes to ask for.")),
             {}},
            {valued(QStringLiteral("redirect-uri"), QStringLiteral("URI"),
                    tr("Loopback redirect URI; without a port any free port is used. Default "
                       "http://127.0.0.1/callback")),
             checkRedirectUri},
            {valued(QStringLiteral("grant"), QStringLiteral("GRANT"),
                    tr("%1 (the preset's default when not given).").arg(grantIds())),
             [](const QString &value) -> QString {
                 if (grantFromString(value))
                     return {};
                 return tr("Unknown grant \"%1\"; --grant is one of: %2.").arg(value, grantIds());
             }},
            url("authorize-url",
                tr("The authorization endpoint (instead of the preset's or the discovery "
                   "document's).")),
            url("token-url",
                tr("The token endpoint (instead of the preset's or the discovery document's).")),
            url("revoke-url",
                tr("The revocation endpoint (RFC 7009), instead of the preset's or the "
                   "discovery document's.")),
            url("end-session-url",
                tr("Where the browser's sign-in at the server ends (OpenID RP-initiated "
                   "logout's end_session_endpoint), instead of the discovery document's.")),
            {valued(QStringLiteral("auth-param"), QStringLiteral("NAME=VALUE"),
                    tr("An extra authorization parameter (launch, aud, prompt); repeatable. "
                       "Canvas's launch=e30= is the default.")),
             [](const QString &value) -> QString {
                 if (value.indexOf(QLatin1Char('=')) > 0)
                     return {};
                 return tr("--auth-param takes NAME=VALUE, not \"%1\".").arg(value);
             },
             true},
            {valued(QStringLiteral("issuer"), QStringLiteral("URL"),
                    tr("The issuer expected in the redirect (RFC 9207); default the instance "
                       "URL (canvas) or the discovery document's.")),
             {}},
            {flag({QStringLiteral("replace")}, tr("Replace an existing profile of that name.")),
             {}},
    };
    add.check = checkProfileAdd;
    add.run = runProfileAdd;

    CommandSpec list;
    list.name = QStringLiteral("list");
    list.summary = tr("The profiles: name, instance, client ID, grant and preset, one per line "
                      "(and \"managed\" for a managed profile).");
    list.globals = Global::Json;
    list.run = runProfileList;

    CommandSpec show;
    show.name = QStringLiteral("show");
    show.summary = tr("A profile's settings (never a secret).");
    show.arguments = {name};
    show.globals = Global::Json;
    show.run = runProfileShow;

    CommandSpec remove;
    remove.name = QStringLiteral("remove");
    remove.summary = tr("Remove a profile and its keychain entries (run logout first to revoke "
                        "its tokens at the EHR).");
    remove.arguments = {name};
    remove.run = runProfileRemove;

    CommandSpec setSecret;
    setSecret.name = QStringLiteral("set-secret");
    setSecret.summary = tr("Store a confidential client's secret, read from standard input, in "
                           "the keychain.");
    setSecret.arguments = {name};
    setSecret.run = runProfileSetSecret;

    CommandSpec setToken;
    setToken.name = QStringLiteral("set-token");
    setToken.summary = tr("Store a static access token (canvas-sandbox-token, canvas-lms), read "
                          "from standard input, in the keychain.");
    setToken.arguments = {name};
    setToken.run = runProfileSetToken;

    CommandSpec exportCommand;
    exportCommand.name = QStringLiteral("export");
    exportCommand.summary = tr("The profile as JSON, without secrets.");
    exportCommand.arguments = {{QStringLiteral("NAME"), tr("The profile to export."),
                                ArgumentSpec::Count::One, profileName(QStringLiteral("NAME"))}};
    exportCommand.options = {{valued(QStringLiteral("output"), QStringLiteral("FILE"),
                                     tr("Write to FILE instead of standard output.")),
                              nonEmpty(QStringLiteral("--output"))}};
    exportCommand.run = runProfileExport;

    CommandSpec importCommand;
    importCommand.name = QStringLiteral("import");
    importCommand.summary = tr("Add a profile from an exported JSON file (never with a secret).");
    importCommand.arguments = {{QStringLiteral("FILE|-"),
                                tr("The exported profile (JSON); - for standard input."),
                                ArgumentSpec::Count::One, nonEmpty(QStringLiteral("FILE"))}};
    importCommand.options = {
            {valued(QStringLiteral("name"), QStringLiteral("NAME"),
                    tr("Save it under NAME instead of the name in the file.")),
             profileName(QStringLiteral("--name"))},
            {flag({QStringLiteral("replace")}, tr("Replace an existing profile of that name.")),
             {}},
    };
    importCommand.run = runProfileImport;

    return {add, list, show, remove, setSecret, setToken, exportCommand, importCommand};
}

QList<CommandSpec> makeKeyCommands()
{
    const auto algNames = [] { return jose::allowedAlgorithmNames().join(QStringLiteral(", ")); };
    const OptionSpec alg{valued(QStringLiteral("alg"), QStringLiteral("ALG"),
                                tr("The signature algorithm: %1 (default ES384; a rotation keeps "
                                   "the current key's).")
                                        .arg(algNames())),
                         [algNames](const QString &value) -> QString {
                             if (jose::algorithmFromName(value))
                                 return {};
                             return tr("Unknown algorithm \"%1\"; --alg is one of: %2.")
                                     .arg(value, algNames());
                         }};

    CommandSpec generate;
    generate.name = QStringLiteral("generate");
    generate.summary = tr("Make the profile's key pair for private_key_jwt; the private key goes "
                          "to the keychain only.");
    generate.options = {alg};
    generate.globals = Global::Profile;
    generate.run = runKeyGenerate;

    CommandSpec show;
    show.name = QStringLiteral("show");
    show.summary = tr("Print the public key to register with the server: a JWKS (every key not "
                      "retired), a PEM public key or a self-signed X.509 certificate.");
    show.options = {{valued(QStringLiteral("format"), QStringLiteral("FORMAT"),
                            tr("jwks (default), pem or x509 (pem and x509: the key that signs)."),
                            QStringLiteral("jwks")),
                     [](const QString &value) -> QString {
                         if (value == QLatin1String("jwks") || value == QLatin1String("pem")
                             || value == QLatin1String("x509"))
                             return {};
                         return tr("Unknown format \"%1\"; --format is one of: jwks, pem, x509.")
                                 .arg(value);
                     }}};
    show.globals = Global::Profile;
    show.run = runKeyShow;

    CommandSpec importKey;
    importKey.name = QStringLiteral("import");
    importKey.summary = tr("Add an existing private key, PEM on standard input (unencrypted); it "
                        "signs from then on.");
    importKey.options = {{valued(QStringLiteral("alg"), QStringLiteral("ALG"),
                              tr("For an RSA key: RS256, RS384 (default), RS512, PS256 or PS384 "
                                 "(an EC key's follows its curve).")),
                       alg.check}};
    importKey.globals = Global::Profile;
    importKey.run = runKeyImport;

    CommandSpec rotate;
    rotate.name = QStringLiteral("rotate");
    rotate.summary = tr("Add a new key that signs from now on; the old one stays in the JWKS "
                        "until retired.");
    rotate.options = {alg};
    rotate.globals = Global::Profile;
    rotate.run = runKeyRotate;

    CommandSpec retire;
    retire.name = QStringLiteral("retire");
    retire.summary = tr("Remove an older key (by its kid) from the keychain and the JWKS.");
    retire.arguments = {{QStringLiteral("KID"), tr("The key's kid, as key show prints it."),
                         ArgumentSpec::Count::One, nonEmpty(QStringLiteral("KID"))}};
    retire.globals = Global::Profile;
    retire.run = runKeyRetire;

    return {generate, show, importKey, rotate, retire};
}

QList<CommandSpec> makeCommandTable()
{
    const OptionSpec wait{valued(QStringLiteral("wait"), QStringLiteral("SECONDS"),
                                 tr("How long to wait for the browser, in seconds (default "
                                    "300)."),
                                 QStringLiteral("300")),
                          seconds(QStringLiteral("--wait"))};

    CommandSpec profile;
    profile.name = QStringLiteral("profile");
    profile.summary = tr("Add, list, show, remove, export and import EHR profiles, and store "
                         "their secrets in the keychain.");
    profile.subcommands = makeProfileCommands();

    CommandSpec key;
    key.name = QStringLiteral("key");
    key.summary = tr("Make, show, import, rotate and retire the profile's keys for "
                     "private_key_jwt (kept in the keychain).");
    key.subcommands = makeKeyCommands();

    CommandSpec login;
    login.name = QStringLiteral("login");
    login.summary = tr("Sign in through the browser and keep the tokens in the system keychain; "
                       "prints the address too, to open by hand.");
    login.options = {wait};
    login.globals = Global::Profile | Global::Browser;
    login.run = runLogin;

    CommandSpec token;
    token.name = QStringLiteral("token");
    token.summary = tr("Print a valid access token (renewed when due) and nothing else; never "
                       "opens a browser.");
    token.details = tr("For curl: curl -H \"$(chartkey token --format header)\" URL\n");
    token.options = {
            {valued(QStringLiteral("format"), QStringLiteral("FORMAT"),
                    tr("bare (default): the token alone; header: \"Authorization: Bearer "
                       "TOKEN\"; json: access_token, token_type, expires_at and scope (never the "
                       "refresh token nor the ID token). --json is --format json."),
                    QStringLiteral("bare")),
             [](const QString &value) -> QString {
                 if (tokenFormats().contains(value))
                     return {};
                 return tr("Unknown format \"%1\"; --format is one of: %2.")
                         .arg(value, tokenFormats().join(QStringLiteral(", ")));
             }},
            {valued(QStringLiteral("min-valid"), QStringLiteral("SECONDS"),
                    tr("Renew the token first when it would expire within SECONDS (for a long "
                       "script).")),
             wholeSeconds(QStringLiteral("--min-valid"))},
    };
    token.globals = Global::Profile | Global::Json;
    token.check = [](const QCommandLineParser &p) -> QString {
        const QString format = p.value(QStringLiteral("format"));
        if (p.isSet(QStringLiteral("json")) && p.isSet(QStringLiteral("format"))
            && format != QLatin1String("json"))
            return tr("--json is --format json: it does not go with --format %1.").arg(format);
        return {};
    };
    token.run = runToken;

    CommandSpec status;
    status.name = QStringLiteral("status");
    status.summary = tr("The profile's sign-in state, without secrets.");
    status.globals = Global::Profile | Global::Json;
    status.run = runStatus;

    CommandSpec logout;
    logout.name = QStringLiteral("logout");
    logout.summary = tr("Revoke the tokens at the EHR and remove them from the keychain.");
    logout.options = {
            {flag({QStringLiteral("end-session")},
                  tr("Also end the browser's sign-in at the EHR: open its sign-out page (OpenID "
                     "RP-initiated logout), where the EHR names one.")),
             {}},
    };
    logout.globals = Global::Profile | Global::Browser;
    logout.run = runLogout;

    const auto text = [](const char *option, const QString &description) {
        const QString o = QString::fromLatin1(option);
        return OptionSpec{valued(o, QStringLiteral("TEXT"), description),
                          nonEmpty(QStringLiteral("--") + o)};
    };
    CommandSpec patients;
    patients.name = QStringLiteral("patients");
    patients.summary = tr("Search patients: id, name, birth date, gender and MRN, one per line.");
    patients.options = {
            text("name", tr("Part of a name.")),
            text("family", tr("Family name.")),
            text("given", tr("Given name.")),
            {valued(QStringLiteral("birthdate"), QStringLiteral("YYYY-MM-DD"), tr("Birth date.")),
             [](const QString &value) -> QString {
                 static const QRegularExpression form(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
                 if (form.match(value).hasMatch()
                     && QDate::fromString(value, Qt::ISODate).isValid())
                     return {};
                 return tr("--birthdate takes a date as YYYY-MM-DD, not \"%1\".").arg(value);
             }},
            {valued(QStringLiteral("limit"), QStringLiteral("N"),
                    tr("At most N patients (default 50)."), QStringLiteral("50")),
             [](const QString &value) -> QString {
                 bool ok = false;
                 if (value.toInt(&ok) > 0 && ok)
                     return {};
                 return tr("--limit takes a positive number, not \"%1\".").arg(value);
             }},
    };
    patients.globals = Global::Profile | Global::Json;
    patients.run = runPatients;

    CommandSpec appointments;
    appointments.name = QStringLiteral("appointments");
    appointments.summary = tr("A patient's appointments and the note each carries.");
    appointments.arguments = {
            {QStringLiteral("PATIENT_ID"), tr("The patient's FHIR id (see chartkey patients)."),
             ArgumentSpec::Count::One, [](const QString &value) -> QString {
                 // FHIR's id type: https://hl7.org/fhir/R4/datatypes.html#id
                 static const QRegularExpression id(QStringLiteral("^[A-Za-z0-9.-]{1,64}$"));
                 if (id.match(value).hasMatch())
                     return {};
                 return tr("PATIENT_ID is a FHIR id (letters, digits, dot and dash; at most "
                           "64), not \"%1\".")
                         .arg(value);
             }}};
    appointments.globals = Global::Profile | Global::Json;
    appointments.run = runAppointments;

    CommandSpec note;
    note.name = QStringLiteral("note");
    note.summary = tr("Run a note action on one or more notes, one result line each. ACTION: %1.")
                           .arg(noteActionIds());
    note.arguments = {
            {QStringLiteral("ACTION"), noteActionIds(), ArgumentSpec::Count::One,
             [](const QString &value) -> QString {
                 if (noteActionFromName(value))
                     return {};
                 return tr("Unknown note action \"%1\"; ACTION is one of: %2.")
                         .arg(value, noteActionIds());
             }},
            {QStringLiteral("NOTE_ID"), tr("One or more note ids (see chartkey appointments)."),
             ArgumentSpec::Count::OneOrMore, [](const QString &value) -> QString {
                 static const QRegularExpression blank(QStringLiteral("^$|\\s"));
                 if (!blank.match(value).hasMatch())
                     return {};
                 return tr("\"%1\" is not a note id: NOTE_ID is not empty and has no spaces.")
                         .arg(value);
             }}};
    note.globals = Global::Profile | Global::Json;
    note.run = runNote;

    CommandSpec check;
    check.name = QStringLiteral("check");
    check.summary = tr("Test the profile's app registration end to end (discovery, redirect URI, "
                       "PKCE, tokens, refresh, API, revocation).");
    check.options = {
            wait,
            {valued(QStringLiteral("skip"), QStringLiteral("IDS"),
                    tr("Steps not to run, comma-separated: %1.")
                            .arg(check::stepIds().join(QStringLiteral(", ")))),
             [](const QString &value) -> QString {
                 for (const QString &id : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                     if (!check::stepIds().contains(id.trimmed()))
                         return tr("Unknown step \"%1\"; the steps are: %2.")
                                 .arg(id, check::stepIds().join(QStringLiteral(", ")));
                 }
                 return {};
             }},
            {flag({QStringLiteral("details")},
                  tr("Show every server answer and the requests as curl commands (secrets as "
                     "placeholders).")),
             {}},
            {flag({QStringLiteral("no-second-sign-in")},
                  tr("When the PKCE probe uses the code up, skip the token steps instead of "
                     "asking for a second sign-in.")),
             {}},
            {flag({QStringLiteral("thorough")},
                  tr("When the EHR uses a code up after a refused exchange, give each PKCE "
                     "negative a code of its own (three more sign-ins), so all four are "
                     "tested. Changes nothing on a server that keeps the code.")),
             {}},
    };
    check.globals = Global::Profile | Global::Browser | Global::Json;
    check.check = [](const QCommandLineParser &p) -> QString {
        if (p.isSet(QStringLiteral("thorough")) && p.isSet(QStringLiteral("no-second-sign-in")))
            return tr("--thorough asks for more sign-ins and --no-second-sign-in for none: give "
                      "one of them.");
        return {};
    };
    check.run = runCheck;

    CommandSpec api;
    api.name = QStringLiteral("api");
    api.summary = tr("Send one request to the EHR's API with the profile's token and print the "
                     "answer (like gh api).");
    api.details = tr(
            "PATH is relative to the profile's FHIR base (Patient?name=Briddle,\n"
            "Appointment/123) or, with --base notes, to its notes API (notes/ID/lock); or it\n"
            "is a full URL on the profile's own servers (its FHIR base, instance and notes\n"
            "API). The token goes to no other server: another URL is refused before the\n"
            "token is read or anything is sent. The token is reused and renewed when due; a\n"
            "401 renews it once and the request is sent once more.\n"
            "\n"
            "Output: the answer's body as received (pretty-printed JSON on a terminal).\n"
            "--paginate follows the Bundle's next links and prints one Bundle of every\n"
            "entry; --ndjson prints each resource on a line of its own, as pages arrive.\n"
            "Exit status: 0 for a 2xx answer; 1 for another (its body on standard output,\n"
            "what it says on standard error); 2 usage error; 3 sign-in needed.\n");
    api.arguments = {{QStringLiteral("PATH"),
                      tr("A path under the profile's API, or a full URL on its servers."),
                      ArgumentSpec::Count::One, nonEmpty(QStringLiteral("PATH"))}};
    api.options = {
            {QCommandLineOption({QStringLiteral("X"), QStringLiteral("method")},
                                tr("GET (default, or POST with --input), HEAD, POST, PUT, PATCH "
                                   "or DELETE."),
                                QStringLiteral("METHOD")),
             nonEmpty(QStringLiteral("--method"))},
            {QCommandLineOption({QStringLiteral("f"), QStringLiteral("raw-field")},
                                tr("A string field: a query parameter for GET, HEAD and DELETE "
                                   "(and with --input), a member of the JSON body for POST, PUT "
                                   "and PATCH. Repeatable."),
                                QStringLiteral("NAME=VALUE")),
             field(QStringLiteral("--raw-field"), false), true},
            {QCommandLineOption({QStringLiteral("F"), QStringLiteral("field")},
                                tr("A typed field: true, false, null and integers are sent as "
                                   "JSON values, the rest as strings. Repeatable."),
                                QStringLiteral("NAME=VALUE")),
             field(QStringLiteral("--field"), true), true},
            {QCommandLineOption({QStringLiteral("H"), QStringLiteral("header")},
                                tr("A request header; repeatable. Accept and Content-Type "
                                   "replace chartkey's; Authorization is chartkey's own."),
                                QStringLiteral("'NAME: VALUE'")),
             checkHeader, true},
            {valued(QStringLiteral("input"), QStringLiteral("FILE|-"),
                    tr("Send the body from FILE (- for standard input) as it is; content type "
                       "application/fhir+json (notes API: application/json).")),
             nonEmpty(QStringLiteral("--input"))},
            {valued(QStringLiteral("base"), QStringLiteral("fhir|notes"),
                    tr("What PATH is relative to: the FHIR base (default) or the notes API."),
                    QStringLiteral("fhir")),
             [](const QString &value) -> QString {
                 if (value == QLatin1String("fhir") || value == QLatin1String("notes"))
                     return {};
                 return tr("--base is fhir or notes, not \"%1\".").arg(value);
             }},
            {flag({QStringLiteral("paginate")},
                  tr("Follow the Bundle's next links; print one Bundle of every entry.")),
             {}},
            {flag({QStringLiteral("ndjson")},
                  tr("Print each resource of the Bundle on a line of its own (NDJSON), as the "
                     "pages arrive.")),
             {}},
            {flag({QStringLiteral("i"), QStringLiteral("include")},
                  tr("Print the answer's status line and headers before its body, and the "
                     "request's on standard error (credentials redacted).")),
             {}},
    };
    api.globals = Global::Profile;
    api.check = checkApiCall;
    api.run = runApi;

    CommandSpec help;
    help.name = QStringLiteral("help");
    help.summary = tr("This help, or a command's: chartkey help COMMAND is chartkey COMMAND "
                      "--help.");
    help.arguments = {{QStringLiteral("COMMAND"), tr("A command, e.g. logout or profile add."),
                       ArgumentSpec::Count::Any, {}}};
    help.check = checkHelpTopic;
    help.run = runHelp;

    return {profile, key, login, token, status, logout, patients,
            appointments, note, check, api, help};
}

} // namespace

const QList<OptionSpec> &globalOptions()
{
    static const QList<OptionSpec> options = makeGlobalOptions();
    return options;
}

const QList<CommandSpec> &commandTable()
{
    static const QList<CommandSpec> table = makeCommandTable();
    return table;
}

const CommandSpec *findCommand(const QStringList &path)
{
    const QList<CommandSpec> *level = &commandTable();
    const CommandSpec *found = nullptr;
    for (const QString &word : path) {
        found = nullptr;
        for (const CommandSpec &command : *level) {
            if (command.name == word) {
                found = &command;
                break;
            }
        }
        if (!found)
            return nullptr;
        level = &found->subcommands;
    }
    return found;
}

} // namespace chartkey::cli

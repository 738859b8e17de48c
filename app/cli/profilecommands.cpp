// chartkey profile add|list|show|remove|set-secret|set-token|export|import
#include "commandline.h"
#include "context.h"

#include "auth/discoveryfetch.h"
#include "profile/presets.h"
#include "profile/profilefields.h"
#include "profile/profileform.h"
#include "profile/profilejson.h"
#include "base/clock.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace chartkey::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::cli", text);
}

QByteArray readSecretFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray secret = in.readLine().trimmed();
    return secret;
}

// Saves `profile` (after storing `secret` as its client secret when given) and says what
// comes next; finishes the command.
void saveAdded(Context &ctx, const Profile &profile, const QByteArray &secret)
{
    auto saved = [&ctx](const Profile &p, bool secretStored) {
        ctx.profiles.save(p);
        QString next;
        if (p.grant == Profile::Grant::StaticToken)
            next = tr("Store its access token (from standard input) with: chartkey profile "
                      "set-token \"%1\"")
                           .arg(p.name);
        else if (p.isConfidential() && !secretStored)
            next = tr("Store its client secret (from standard input) with: chartkey profile "
                      "set-secret \"%1\"")
                           .arg(p.name);
        else if (p.grant == Profile::Grant::ClientCredentials)
            next = tr("Get a token with: chartkey login --profile \"%1\"").arg(p.name);
        else
            next = tr("Sign in with: chartkey login --profile \"%1\"").arg(p.name);
        ctx.out << (secretStored ? tr("Added profile \"%1\" (%2, %3); its client secret is in "
                                      "the keychain.")
                                 : tr("Added profile \"%1\" (%2, %3)."))
                           .arg(p.name, toString(p.kind), p.instanceUrl.toString())
                << Qt::endl
                << next << Qt::endl;
        ctx.finish(Ok);
    };
    if (secret.isEmpty()) {
        saved(profile, false);
        return;
    }
    ctx.secrets.write(profile.clientSecretKey(), secret, &ctx,
                      [&ctx, profile, saved](const SecretStore::Result &r) {
                          if (!r.isOk()) {
                              ctx.err << r.message << Qt::endl
                                      << tr("The profile was not added.") << Qt::endl;
                              ctx.finish(Failed);
                              return;
                          }
                          saved(profile, true);
                      });
}

// Checks the form (the same rules as the editor's), then saves. Returns the exit status, or
// kPending.
int validateAndSave(Context &ctx, ProfileForm &form, const QByteArray &secret)
{
    if (!form.isValid()) {
        // Every problem, but that of an endpoint derived from a wrong instance only once.
        form.touchAll();
        const ProfileProblems problems = form.shownProblems();
        for (const ProfileProblem &problem : problems)
            ctx.err << problem.message << Qt::endl;
        return Usage;
    }
    saveAdded(ctx, form.profile(), secret);
    return kPending;
}

int add(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("name"), tr("The profile's name."));
    const QCommandLineOption presetOption(
            QStringLiteral("preset"),
            tr("The kind of server: canvas (default), canvas-sandbox-token, smart, openid, "
               "canvas-lms."),
            QStringLiteral("preset"), QStringLiteral("canvas"));
    const QCommandLineOption instance(
            QStringLiteral("instance"),
            tr("The EHR instance URL, e.g. https://example.canvasmedical.com (canvas, "
               "canvas-sandbox-token, canvas-lms)."),
            QStringLiteral("url"));
    const QCommandLineOption fhir(QStringLiteral("fhir-base"),
                                  tr("The FHIR base URL (smart: required; canvas: derived for "
                                     "*.canvasmedical.com; openid: optional)."),
                                  QStringLiteral("url"));
    const QCommandLineOption discovery(
            QStringLiteral("discovery-url"),
            tr("The discovery document (openid: required, e.g. "
               "https://login.example.com/.well-known/openid-configuration; smart: default "
               "{fhir-base}/.well-known/smart-configuration)."),
            QStringLiteral("url"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), tr("The OAuth client ID."),
                                      QStringLiteral("id"));
    const QCommandLineOption secretStdin(QStringLiteral("client-secret-stdin"),
                                         tr("Read a confidential client's secret from standard "
                                            "input (it goes to the keychain)."));
    const QCommandLineOption scope(QStringLiteral("scope"), tr("Scopes to ask for."),
                                   QStringLiteral("scopes"));
    const QCommandLineOption redirect(QStringLiteral("redirect-uri"),
                                      tr("Loopback redirect URI; without a port any free port is "
                                         "used. Default http://127.0.0.1/callback"),
                                      QStringLiteral("uri"));
    const QCommandLineOption grant(
            QStringLiteral("grant"),
            tr("authorization-code, client-credentials or static-token (the preset's default "
               "when not given)."),
            QStringLiteral("grant"));
    const QCommandLineOption authorizeUrl(QStringLiteral("authorize-url"),
                                          tr("The authorization endpoint (instead of the "
                                             "preset's or the discovery document's)."),
                                          QStringLiteral("url"));
    const QCommandLineOption tokenUrl(QStringLiteral("token-url"),
                                      tr("The token endpoint (instead of the preset's or the "
                                         "discovery document's)."),
                                      QStringLiteral("url"));
    const QCommandLineOption revokeUrl(QStringLiteral("revoke-url"),
                                       tr("The revocation endpoint (RFC 7009), instead of the "
                                          "preset's or the discovery document's."),
                                       QStringLiteral("url"));
    const QCommandLineOption param(QStringLiteral("auth-param"),
                                   tr("An extra authorization parameter NAME=VALUE (launch, aud, "
                                      "prompt); repeatable. Canvas's launch=e30= is the default."),
                                   QStringLiteral("name=value"));
    const QCommandLineOption issuer(QStringLiteral("issuer"),
                                    tr("The issuer expected in the redirect (RFC 9207); default "
                                       "the instance URL (canvas) or the discovery document's."),
                                    QStringLiteral("url"));
    const QCommandLineOption replace(QStringLiteral("replace"),
                                     tr("Replace an existing profile of that name."));
    p.addOptions({presetOption, instance, fhir, discovery, clientId, secretStdin, scope, redirect,
                  grant, authorizeUrl, tokenUrl, revokeUrl, param, issuer, replace});
    if (!ctx.parse(p, tr("chartkey profile add NAME [--preset PRESET] [--instance URL] "
                         "[--fhir-base URL] [--discovery-url URL] [--client-id ID] [options]\n"
                         "  canvas (default)       --instance URL --client-id ID\n"
                         "  canvas-sandbox-token   --instance URL   (then: chartkey profile "
                         "set-token NAME)\n"
                         "  smart                  --fhir-base URL --client-id ID\n"
                         "  openid                 --discovery-url URL --client-id ID\n"
                         "  canvas-lms             --instance URL --client-id ID, or "
                         "--grant static-token")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    if (p.positionalArguments().size() != 1) {
        ctx.usage(tr("profile add needs exactly one NAME."));
        return Usage;
    }
    const auto kind = kindFromString(p.value(presetOption));
    if (!kind) {
        ctx.usage(tr("--preset is canvas, canvas-sandbox-token, smart, openid or canvas-lms."));
        return Usage;
    }
    const ServerPreset preset = ServerPreset::of(*kind);
    // The profile is filled in as the editor fills it: the same derivations and rules.
    Profile start;
    start.kind = *kind;
    auto *form = new ProfileForm(start, ProfileForm::Mode::New, &ctx);
    // The secret comes from standard input, a token later with set-token: not typed here.
    form->setStoredSecrets(true, true);
    if (p.isSet(grant)) {
        const auto g = grantFromString(p.value(grant));
        if (!g) {
            ctx.usage(tr("--grant is authorization-code, client-credentials or static-token."));
            return Usage;
        }
        if (!preset.offers(*g)) {
            ctx.err << preset.refusal(*g) << Qt::endl;
            return Usage;
        }
        form->setGrant(*g);
    }
    const bool staticToken = form->isStaticToken();

    // What this preset needs, said for this preset: the required fields nothing derives.
    const std::pair<ProfileField, const QCommandLineOption *> needs[] = {
            {ProfileField::Instance, &instance},
            {ProfileField::FhirBase, &fhir},
            {ProfileField::Discovery, &discovery},
            {ProfileField::ClientId, &clientId}};
    QStringList missing;
    for (const auto &[field, option] : needs) {
        if (form->isRequired(field) && !form->follows(field) && !p.isSet(*option))
            missing << QStringLiteral("--%1 %2").arg(option->names().constFirst(),
                                                    option->valueName().toUpper());
    }
    if (!missing.isEmpty()) {
        ctx.usage(tr("profile add --preset %1 needs %2.")
                          .arg(preset.id, missing.join(tr(" and "))));
        return Usage;
    }
    if (staticToken && p.isSet(secretStdin)) {
        ctx.usage(tr("A static-token profile has no client secret. Add the profile, then store "
                     "the token with: chartkey profile set-token NAME"));
        return Usage;
    }
    const QString name = p.positionalArguments().first();
    if (ctx.profiles.load(name) && !p.isSet(replace)) {
        ctx.err << tr("A profile named \"%1\" exists already. Remove it first, or add --replace.")
                           .arg(name)
                << Qt::endl;
        return Failed;
    }

    form->setText(ProfileField::Name, name);
    const std::pair<ProfileField, const QCommandLineOption *> texts[] = {
            {ProfileField::Instance, &instance},     {ProfileField::FhirBase, &fhir},
            {ProfileField::Discovery, &discovery},   {ProfileField::ClientId, &clientId},
            {ProfileField::Scope, &scope},           {ProfileField::Authorization, &authorizeUrl},
            {ProfileField::Token, &tokenUrl},        {ProfileField::Revocation, &revokeUrl},
            {ProfileField::Issuer, &issuer}};
    for (const auto &[field, option] : texts) {
        if (p.isSet(*option))
            form->setText(field, p.value(*option));
    }
    if (p.isSet(redirect)) {
        const bool exact = QUrl(p.value(redirect))
                != QUrl(QString::fromLatin1(Profile::kDefaultRedirectUri));
        form->setRedirectExact(exact);
        if (exact)
            form->setText(ProfileField::Redirect, p.value(redirect));
    }
    const QStringList params = p.values(param);
    for (const QString &kv : params) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            ctx.usage(tr("--auth-param takes NAME=VALUE."));
            return Usage;
        }
        form->setAuthParam(kv.left(eq), kv.mid(eq + 1));
    }
    // A secret makes the client confidential; without one, the preset's default for the grant.
    if (p.isSet(secretStdin))
        form->setClientType(Profile::ClientType::Confidential);
    const Profile profile = form->profile();
    const Profile::Grant chosenGrant = profile.grant;

    QByteArray secret;
    if (p.isSet(secretStdin)) {
        secret = readSecretFromStdin();
        if (secret.isEmpty()) {
            ctx.err << tr("--client-secret-stdin was given, but standard input held no secret.")
                    << Qt::endl;
            return Usage;
        }
    }

    const bool needsEndpoints = !staticToken
            && (profile.tokenUrl.isEmpty()
                || (chosenGrant == Profile::Grant::AuthorizationCode
                    && profile.authorizationUrl.isEmpty()));
    if (!preset.usesDiscovery || !needsEndpoints)
        return validateAndSave(ctx, *form, secret);

    if (profile.discoveryUrl.isEmpty() || !profile.discoveryUrl.isValid()) {
        ctx.usage(tr("The discovery URL is not valid: give --discovery-url URL, or the endpoints "
                     "with --authorize-url, --token-url and --revoke-url."));
        return Usage;
    }
    ctx.err << tr("Reading the endpoints from %1 …").arg(profile.discoveryUrl.toString())
            << Qt::endl;
    fetchEndpoints(&ctx.nam, profile, false, ctx.timeoutMs, &ctx,
                   [&ctx, form, secret](const EndpointFetch &fetched) {
                       if (fetched.failure) {
                           ctx.err << fetched.failure.message << Qt::endl;
                           if (ctx.verbose && !fetched.failure.detail.isEmpty())
                               ctx.err << "  (" << fetched.failure.detail << ")" << Qt::endl;
                           ctx.err << tr("Pass them with --authorize-url URL, --token-url URL "
                                         "and --revoke-url URL. The profile was not added.")
                                   << Qt::endl;
                           ctx.finish(Failed);
                           return;
                       }
                       const Profile &found = fetched.profile;
                       ctx.out << tr("Endpoints from %1:").arg(found.discoveryUrl.toString())
                               << Qt::endl;
                       const auto line = [&ctx, &fetched](const char *key, const QString &label,
                                                          const QString &value) {
                           if (value.isEmpty())
                               return;
                           ctx.out << "  " << label << ": " << value
                                   << (fetched.filled.contains(QString::fromLatin1(key))
                                               ? QString()
                                               : tr(" (as given)"))
                                   << Qt::endl;
                       };
                       line("authorization", tr("authorization"),
                            found.authorizationUrl.toString());
                       line("token", tr("token"), found.tokenUrl.toString());
                       line("revocation", tr("revocation"), found.revocationUrl.toString());
                       line("issuer", tr("issuer"), found.issuer);
                       form->setEndpoints(found);
                       const int code = validateAndSave(ctx, *form, secret);
                       if (code != kPending)
                           ctx.finish(code);
                   });
    return kPending;
}

int setToken(Context &ctx, const QString &name)
{
    auto profile = ctx.profiles.load(name);
    if (!profile) {
        ctx.err << tr("There is no profile named \"%1\".").arg(name) << Qt::endl;
        return Failed;
    }
    if (profile->grant != Profile::Grant::StaticToken) {
        ctx.err << tr("\"%1\" uses the %2 grant: its tokens come from signing in (chartkey "
                      "login --profile \"%1\"). set-token is for static-token profiles, such as "
                      "chartkey profile add NAME --preset canvas-sandbox-token --instance URL.")
                           .arg(profile->name, toString(profile->grant))
                << Qt::endl;
        return Usage;
    }
    const QByteArray token = readSecretFromStdin();
    if (token.isEmpty()) {
        ctx.usage(tr("Give the access token on standard input, e.g. chartkey profile set-token "
                     "\"%1\" < token.txt (never as an argument: it would show in the process "
                     "list and the shell history).")
                          .arg(profile->name));
        return Usage;
    }
    const TokenSet tokens = staticTokenSet(QString::fromUtf8(token), Clock::system()->now());
    tokens.registerSecrets();
    ctx.secrets.write(profile->tokensKey(), tokens.toJson(), &ctx,
                      [&ctx, profile](const SecretStore::Result &r) {
                          if (!r.isOk()) {
                              ctx.err << r.message << Qt::endl
                                      << tr("The access token was not stored.") << Qt::endl;
                              ctx.finish(Failed);
                              return;
                          }
                          ctx.out << tr("The access token of \"%1\" is in the keychain. Try it "
                                        "with: chartkey check --profile \"%1\"")
                                             .arg(profile->name)
                                  << Qt::endl;
                          ctx.finish(Ok);
                      });
    return kPending;
}

int exportProfile(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("name"), tr("The profile to export."));
    const QCommandLineOption output(QStringLiteral("output"),
                                    tr("Write to FILE instead of standard output."),
                                    QStringLiteral("file"));
    p.addOption(output);
    if (!ctx.parse(p, tr("chartkey profile export NAME [--output FILE]")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    if (p.positionalArguments().size() != 1) {
        ctx.usage(tr("profile export needs exactly one NAME."));
        return Usage;
    }
    const QString name = p.positionalArguments().first();
    const auto profile = ctx.profiles.load(name);
    if (!profile) {
        ctx.err << tr("There is no profile named \"%1\".").arg(name) << Qt::endl;
        return Failed;
    }
    const QByteArray json = profilejson::toJson(*profile);
    if (!p.isSet(output)) {
        ctx.out << QString::fromUtf8(json);
        return Ok;
    }
    QSaveFile file(p.value(output));
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        ctx.err << tr("Could not write %1: %2").arg(p.value(output), file.errorString())
                << Qt::endl;
        return Failed;
    }
    ctx.err << tr("Exported \"%1\" to %2 (without secrets).").arg(name, p.value(output))
            << Qt::endl;
    return Ok;
}

int importProfile(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("file"),
                            tr("The exported profile (JSON); - for standard input."));
    const QCommandLineOption nameOption(QStringLiteral("name"),
                                        tr("Save it under NAME instead of the name in the file."),
                                        QStringLiteral("name"));
    const QCommandLineOption replace(QStringLiteral("replace"),
                                     tr("Replace an existing profile of that name."));
    p.addOptions({nameOption, replace});
    if (!ctx.parse(p, tr("chartkey profile import FILE|- [--name NAME] [--replace]")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    if (p.positionalArguments().size() != 1) {
        ctx.usage(tr("profile import needs exactly one FILE (or - for standard input)."));
        return Usage;
    }
    const QString path = p.positionalArguments().first();
    QFile file;
    const bool opened = path == QLatin1String("-")
            ? file.open(stdin, QIODevice::ReadOnly)
            : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        ctx.err << tr("Could not read %1: %2").arg(path, file.errorString()) << Qt::endl;
        return Failed;
    }
    const QByteArray json = file.readAll();
    QString error;
    const auto profile = profilejson::fromJson(json, &error, p.value(nameOption));
    if (!profile) {
        ctx.err << error << Qt::endl << tr("Nothing was imported.") << Qt::endl;
        return Failed;
    }
    if (ctx.profiles.load(profile->name) && !p.isSet(replace)) {
        ctx.err << tr("A profile named \"%1\" exists already. Import it under another name with "
                      "--name NAME, or add --replace.")
                           .arg(profile->name)
                << Qt::endl;
        return Failed;
    }
    ctx.profiles.save(*profile);
    ctx.out << tr("Imported profile \"%1\" (%2, %3).")
                       .arg(profile->name, toString(profile->kind),
                            profile->instanceUrl.toString())
            << Qt::endl;
    if (profile->grant == Profile::Grant::StaticToken)
        ctx.out << tr("Store its access token (from standard input) with: %1")
                           .arg(profilejson::secretStillNeeded(*profile))
                << Qt::endl;
    else if (profile->isConfidential())
        ctx.out << tr("Store its client secret (from standard input) with: %1")
                           .arg(profilejson::secretStillNeeded(*profile))
                << Qt::endl;
    else
        ctx.out << tr("Sign in with: chartkey login --profile \"%1\"").arg(profile->name)
                << Qt::endl;
    return Ok;
}

int setSecret(Context &ctx, const QString &name)
{
    auto profile = ctx.profiles.load(name);
    if (!profile) {
        ctx.err << tr("There is no profile named \"%1\".").arg(name) << Qt::endl;
        return Failed;
    }
    if (profile->grant == Profile::Grant::StaticToken) {
        ctx.err << tr("\"%1\" uses a static access token and has no client secret. Store the "
                      "token with: chartkey profile set-token \"%1\"")
                           .arg(profile->name)
                << Qt::endl;
        return Usage;
    }
    const QByteArray secret = readSecretFromStdin();
    if (secret.isEmpty()) {
        ctx.usage(tr("Give the client secret on standard input."));
        return Usage;
    }
    ctx.secrets.write(profile->clientSecretKey(), secret, &ctx,
                      [&ctx, profile](const SecretStore::Result &r) {
                          if (!r.isOk()) {
                              ctx.err << r.message << Qt::endl;
                              ctx.finish(Failed);
                              return;
                          }
                          Profile updated = *profile;
                          updated.clientType = Profile::ClientType::Confidential;
                          ctx.profiles.save(updated);
                          ctx.out << tr("The client secret of \"%1\" is in the keychain.")
                                             .arg(updated.name)
                                  << Qt::endl;
                          ctx.finish(Ok);
                      });
    return kPending;
}

int remove(Context &ctx, const QString &name)
{
    auto profile = ctx.profiles.load(name);
    if (!profile) {
        ctx.err << tr("There is no profile named \"%1\".").arg(name) << Qt::endl;
        return Failed;
    }
    // Local removal: tokens and secret leave the keychain with the profile. (`logout` first
    // revokes them at the EHR.)
    ctx.secrets.remove(profile->tokensKey(), &ctx, [&ctx, profile](const SecretStore::Result &r) {
        if (r.status == SecretStore::Status::Unavailable) {
            // No keychain now: nothing of this profile can be reached in it either.
            ctx.profiles.remove(profile->name);
            ctx.err << r.message << Qt::endl
                    << tr("Removed profile \"%1\". If a keychain that is not running now holds "
                          "its tokens or secret, remove them there (service chartkey, keys "
                          "tokens:%1 and client-secret:%1).")
                               .arg(profile->name)
                    << Qt::endl;
            ctx.finish(Ok);
            return;
        }
        if (!r.isOk()) {
            ctx.err << r.message << Qt::endl << tr("The profile was kept.") << Qt::endl;
            ctx.finish(Failed);
            return;
        }
        ctx.secrets.remove(profile->clientSecretKey(), &ctx,
                           [&ctx, profile](const SecretStore::Result &r2) {
                               if (!r2.isOk()) {
                                   ctx.err << r2.message << Qt::endl
                                           << tr("The profile was kept.") << Qt::endl;
                                   ctx.finish(Failed);
                                   return;
                               }
                               ctx.profiles.remove(profile->name);
                               ctx.out << tr("Removed profile \"%1\" and its keychain entries.")
                                                  .arg(profile->name)
                                       << Qt::endl;
                               ctx.finish(Ok);
                           });
    });
    return kPending;
}

} // namespace

int runProfileCommand(Context &ctx)
{
    if (ctx.args.isEmpty()) {
        ctx.usage(tr("profile needs a subcommand: add, list, show, remove, set-secret, "
                     "set-token, export, import."));
        return Usage;
    }
    const QString sub = ctx.args.takeFirst();
    if (sub == QLatin1String("add"))
        return add(ctx);
    if (sub == QLatin1String("export"))
        return exportProfile(ctx);
    if (sub == QLatin1String("import"))
        return importProfile(ctx);
    if (sub == QLatin1String("list")) {
        const QStringList names = ctx.profiles.names();
        if (ctx.json) {
            QJsonArray list;
            for (const QString &n : names) {
                if (auto profile = ctx.profiles.load(n))
                    list.append(profilejson::toJsonObject(*profile));
            }
            ctx.out << QJsonDocument(list).toJson(QJsonDocument::Indented);
            return Ok;
        }
        if (names.isEmpty()) {
            ctx.out << tr("No profiles. Add one: chartkey profile add NAME --instance URL "
                          "--client-id ID")
                    << Qt::endl;
            return Ok;
        }
        for (const QString &n : names) {
            if (auto profile = ctx.profiles.load(n))
                ctx.out << n << '\t' << profile->instanceUrl.toString() << '\t'
                        << profile->clientId << '\t' << toString(profile->grant) << '\t'
                        << toString(profile->kind) << Qt::endl;
        }
        return Ok;
    }
    if (ctx.args.size() != 1) {
        ctx.usage(tr("profile %1 needs exactly one NAME.").arg(sub));
        return Usage;
    }
    const QString name = ctx.args.first();
    if (sub == QLatin1String("show")) {
        auto profile = ctx.profiles.load(name);
        if (!profile) {
            ctx.err << tr("There is no profile named \"%1\".").arg(name) << Qt::endl;
            return Failed;
        }
        // The JSON is the exported profile: it imports as it is.
        if (ctx.json) {
            ctx.out << QString::fromUtf8(profilejson::toJson(*profile));
            return Ok;
        }
        for (const profilefields::Entry &entry : profilefields::table())
            ctx.out << entry.key << ": " << entry.get(*profile) << Qt::endl;
        QStringList params;
        for (const auto &[key, value] : std::as_const(profile->extraAuthParams))
            params << key + QLatin1Char('=') + value;
        ctx.out << profilefields::kAuthParamsKey << ": " << params.join(QStringLiteral(" "))
                << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("remove"))
        return remove(ctx, name);
    if (sub == QLatin1String("set-secret"))
        return setSecret(ctx, name);
    if (sub == QLatin1String("set-token"))
        return setToken(ctx, name);
    ctx.usage(tr("Unknown profile subcommand \"%1\".").arg(sub));
    return Usage;
}

} // namespace chartkey::cli

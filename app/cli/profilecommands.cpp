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
        else if (p.usesKey())
            next = tr("Make its key with: chartkey key generate --profile \"%1\", then register "
                      "the JWKS that chartkey key show --profile \"%1\" prints.")
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
    ctx.secrets.write(profile.clientSecretKey(), secret)->then(&ctx, [&ctx, profile, saved](const SecretStore::Result &r) {
                          if (!r.isOk()) {
                              ctx.err << r.message << Qt::endl
                                      << tr("The profile was not added.") << Qt::endl;
                              ctx.finish(Failed);
                              return;
                          }
                          saved(profile, true);
                      });
}

// What the managed configuration says against a profile of the person's own named `name`: a
// managed one of that name, or a policy against adding any. Printed with `outcome`; true
// when refused.
bool refusedToAdd(Context &ctx, const QString &name, const QString &outcome)
{
    QString refusal = ctx.profiles.policy().addRefusal();
    if (refusal.isEmpty())
        refusal = ctx.profiles.managedRefusal(name);
    if (refusal.isEmpty())
        return false;
    ctx.err << refusal << Qt::endl << outcome << Qt::endl;
    return true;
}

// The policy's problems with `profile`, printed with `outcome`; true when there are any.
bool refusedByPolicy(Context &ctx, const Profile &profile, const QString &outcome)
{
    const QStringList refusals = messages(ctx.profiles.policy().problems(profile));
    for (const QString &refusal : refusals)
        ctx.err << refusal << Qt::endl;
    if (refusals.isEmpty())
        return false;
    ctx.err << outcome << Qt::endl;
    return true;
}

// Checks the form (the same rules as the editor's), then saves. Returns the exit status, or
// kPending.
int validateAndSave(Context &ctx, ProfileForm &form, const QByteArray &secret)
{
    if (refusedByPolicy(ctx, form.profile(), tr("The profile was not added.")))
        return Failed;
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

int add(Context &ctx, const QCommandLineParser &p)
{
    // The options as commandtable.cpp names them. Their values passed its checks: a known
    // preset and a grant it offers, what the preset needs, well-formed URLs, NAME=VALUE.
    const QString presetOption = QStringLiteral("preset");
    const QString instance = QStringLiteral("instance");
    const QString fhir = QStringLiteral("fhir-base");
    const QString discovery = QStringLiteral("discovery-url");
    const QString clientId = QStringLiteral("client-id");
    const QString secretStdin = QStringLiteral("client-secret-stdin");
    const QString scope = QStringLiteral("scope");
    const QString redirect = QStringLiteral("redirect-uri");
    const QString grant = QStringLiteral("grant");
    const QString authorizeUrl = QStringLiteral("authorize-url");
    const QString tokenUrl = QStringLiteral("token-url");
    const QString revokeUrl = QStringLiteral("revoke-url");
    const QString endSessionUrl = QStringLiteral("end-session-url");
    const QString param = QStringLiteral("auth-param");
    const QString issuer = QStringLiteral("issuer");
    const QString replace = QStringLiteral("replace");
    const auto kind = kindFromString(p.value(presetOption));
    const ServerPreset preset = ServerPreset::of(*kind);

    const QString name = p.positionalArguments().first();
    if (refusedToAdd(ctx, name, tr("The profile was not added.")))
        return Failed;
    if (ctx.profiles.load(name) && !p.isSet(replace)) {
        ctx.err << tr("A profile named \"%1\" exists already. Remove it first, or add --replace.")
                           .arg(name)
                << Qt::endl;
        return Failed;
    }

    // The profile is filled in as the editor fills it: the same derivations and rules.
    Profile start;
    start.kind = *kind;
    auto *form = new ProfileForm(start, ProfileForm::Mode::New, &ctx);
    // The secret comes from standard input, a token later with set-token: not typed here.
    form->setStoredSecrets(true, true);
    if (p.isSet(grant))
        form->setGrant(*grantFromString(p.value(grant)));
    const bool staticToken = form->isStaticToken();
    form->setText(ProfileField::Name, name);
    const std::pair<ProfileField, QString> texts[] = {
            {ProfileField::Instance, instance},     {ProfileField::FhirBase, fhir},
            {ProfileField::Discovery, discovery},   {ProfileField::ClientId, clientId},
            {ProfileField::Scope, scope},           {ProfileField::Authorization, authorizeUrl},
            {ProfileField::Token, tokenUrl},        {ProfileField::Revocation, revokeUrl},
            {ProfileField::EndSession, endSessionUrl}, {ProfileField::Issuer, issuer}};
    for (const auto &[field, option] : texts) {
        if (p.isSet(option))
            form->setText(field, p.value(option));
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
        form->setAuthParam(kv.left(eq), kv.mid(eq + 1));
    }
    // A secret makes the client confidential; without one, the preset's default for the grant.
    if (p.isSet(secretStdin))
        form->setClientType(Profile::ClientType::Confidential);
    form->setPolicy(ctx.profiles.policy());
    if (p.isSet(QStringLiteral("client-auth")))
        form->setClientAuth(*clientAuthFromString(p.value(QStringLiteral("client-auth"))));
    const Profile profile = form->profile();
    const Profile::Grant chosenGrant = profile.grant;
    // Before anything is read from the network: a server the policy does not allow is not
    // even asked for its endpoints.
    if (refusedByPolicy(ctx, profile, tr("The profile was not added.")))
        return Failed;

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
    fetchEndpoints(&ctx.nam, profile, false, ctx.timeoutMs)
            ->then(&ctx, [&ctx, form, secret](const EndpointFetch &fetched) {
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
                       line("end-session", tr("end session"), found.endSessionUrl.toString());
                       line("issuer", tr("issuer"), found.issuer);
                       for (const QString &warning : fetched.warnings)
                           ctx.err << tr("Warning: %1").arg(warning) << Qt::endl;
                       form->setEndpoints(found);
                       if (found.clientAuth != Profile::ClientAuth::Automatic
                           && form->clientAuth() == Profile::ClientAuth::Automatic)
                           form->setClientAuth(found.clientAuth);
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
    ctx.secrets.write(profile->tokensKey(), tokens.toJson())->then(&ctx, [&ctx, profile](const SecretStore::Result &r) {
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

int exportProfile(Context &ctx, const QCommandLineParser &p)
{
    const QString output = QStringLiteral("output");
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

int importProfile(Context &ctx, const QCommandLineParser &p)
{
    const QString nameOption = QStringLiteral("name"), replace = QStringLiteral("replace");
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
    if (refusedToAdd(ctx, profile->name, tr("Nothing was imported."))
        || refusedByPolicy(ctx, *profile, tr("Nothing was imported.")))
        return Failed;
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
    // A managed confidential client's secret is the person's to store; making a managed
    // public client confidential would change the profile.
    if (ctx.profiles.isManaged(profile->name) && !profile->isConfidential()) {
        ctx.err << ctx.profiles.managedRefusal(profile->name) << Qt::endl
                << tr("Its client is public and takes no client secret. Nothing was stored.")
                << Qt::endl;
        return Failed;
    }
    const QByteArray secret = readSecretFromStdin();
    if (secret.isEmpty()) {
        ctx.usage(tr("Give the client secret on standard input."));
        return Usage;
    }
    ctx.secrets.write(profile->clientSecretKey(), secret)->then(&ctx, [&ctx, profile](const SecretStore::Result &r) {
                          if (!r.isOk()) {
                              ctx.err << r.message << Qt::endl;
                              ctx.finish(Failed);
                              return;
                          }
                          Profile updated = *profile;
                          updated.clientType = Profile::ClientType::Confidential;
                          if (!ctx.profiles.isManaged(updated.name))
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
    if (ctx.profiles.isManaged(name)) {
        ctx.err << ctx.profiles.managedRefusal(name) << Qt::endl
                << tr("Nothing was removed. To forget its tokens, sign out: chartkey logout "
                      "--profile \"%1\"")
                           .arg(name)
                << Qt::endl;
        return Failed;
    }
    // Local removal: tokens and secret leave the keychain with the profile. (`logout` first
    // revokes them at the EHR.)
    ctx.secrets.remove(profile->tokensKey())->then(&ctx, [&ctx, profile](const SecretStore::Result &r) {
        if (r.status == SecretStore::Status::Unavailable) {
            // No keychain now: nothing of this profile can be reached in it either.
            ctx.profiles.remove(profile->name);
            ctx.err << r.message << Qt::endl
                    << tr("Removed profile \"%1\". If a keychain that is not running now holds "
                          "its tokens, secret or key, remove them there (service chartkey, "
                          "keys tokens:%1, client-secret:%1 and client-key:%1).")
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
        ctx.secrets.remove(profile->clientSecretKey())->then(&ctx, [&ctx, profile](const SecretStore::Result &r2) {
                               if (!r2.isOk()) {
                                   ctx.err << r2.message << Qt::endl
                                           << tr("The profile was kept.") << Qt::endl;
                                   ctx.finish(Failed);
                                   return;
                               }
                               ctx.secrets.remove(profile->clientKeyKey())->then(&ctx, [&ctx, profile](const SecretStore::Result &r3) {
                                   if (!r3.isOk()) {
                                       ctx.err << r3.message << Qt::endl
                                               << tr("The profile was kept.") << Qt::endl;
                                       ctx.finish(Failed);
                                       return;
                                   }
                                   ctx.profiles.remove(profile->name);
                                   ctx.out << tr("Removed profile \"%1\" and its keychain "
                                                 "entries.")
                                                      .arg(profile->name)
                                           << Qt::endl;
                                   ctx.finish(Ok);
                               });
                           });
    });
    return kPending;
}

} // namespace

int runProfileAdd(Context &ctx, const QCommandLineParser &p)
{
    return add(ctx, p);
}

int runProfileExport(Context &ctx, const QCommandLineParser &p)
{
    return exportProfile(ctx, p);
}

int runProfileImport(Context &ctx, const QCommandLineParser &p)
{
    return importProfile(ctx, p);
}

int runProfileList(Context &ctx, const QCommandLineParser &)
{
    const QStringList names = ctx.profiles.names();
    if (ctx.json) {
        QJsonArray list;
        for (const QString &n : names) {
            if (auto profile = ctx.profiles.load(n)) {
                QJsonObject o = profilejson::toJsonObject(*profile);
                o.insert(QStringLiteral("managed"), ctx.profiles.isManaged(n));
                list.append(o);
            }
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
                    << toString(profile->kind)
                    << (ctx.profiles.isManaged(n) ? tr("\tmanaged") : QString()) << Qt::endl;
    }
    return Ok;
}

int runProfileShow(Context &ctx, const QCommandLineParser &p)
{
    const QString name = p.positionalArguments().constFirst();
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
    if (ctx.profiles.isManaged(name))
        ctx.out << "managed: " << ctx.profiles.managedPath() << Qt::endl;
    return Ok;
}

int runProfileRemove(Context &ctx, const QCommandLineParser &p)
{
    return remove(ctx, p.positionalArguments().constFirst());
}

int runProfileSetSecret(Context &ctx, const QCommandLineParser &p)
{
    return setSecret(ctx, p.positionalArguments().constFirst());
}

int runProfileSetToken(Context &ctx, const QCommandLineParser &p)
{
    return setToken(ctx, p.positionalArguments().constFirst());
}

} // namespace chartkey::cli

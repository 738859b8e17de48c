// chartkey profile add|list|show|remove|set-secret|set-token|export|import
#include "commandline.h"
#include "context.h"

#include "auth/discoveryfetch.h"
#include "profile/presets.h"
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

QJsonObject toJson(const Profile &p)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), p.name);
    o.insert(QStringLiteral("kind"), toString(p.kind));
    o.insert(QStringLiteral("instance"), p.instanceUrl.toString());
    o.insert(QStringLiteral("fhirBase"), p.fhirBaseUrl.toString());
    o.insert(QStringLiteral("authorizationUrl"), p.authorizationUrl.toString());
    o.insert(QStringLiteral("tokenUrl"), p.tokenUrl.toString());
    o.insert(QStringLiteral("revocationUrl"), p.revocationUrl.toString());
    o.insert(QStringLiteral("notesBaseUrl"), p.notesBaseUrl.toString());
    o.insert(QStringLiteral("issuer"), p.issuer);
    o.insert(QStringLiteral("discoveryUrl"), p.discoveryUrl.toString());
    o.insert(QStringLiteral("clientId"), p.clientId);
    o.insert(QStringLiteral("clientType"), toString(p.clientType));
    o.insert(QStringLiteral("grant"), toString(p.grant));
    o.insert(QStringLiteral("scope"), p.scope);
    o.insert(QStringLiteral("redirectUri"), p.redirectUri.toString());
    QJsonObject params;
    for (const auto &[name, value] : p.extraAuthParams)
        params.insert(name, value);
    o.insert(QStringLiteral("authorizationParameters"), params);
    return o;
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

// Validates, then saves. Returns the exit status, or kPending.
int validateAndSave(Context &ctx, const Profile &profile, const QByteArray &secret)
{
    const QStringList problems = profile.validate();
    if (!problems.isEmpty()) {
        for (const QString &problem : problems)
            ctx.err << problem << Qt::endl;
        return Usage;
    }
    saveAdded(ctx, profile, secret);
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
    const QString param = QStringLiteral("auth-param");
    const QString issuer = QStringLiteral("issuer");
    const QString replace = QStringLiteral("replace");
    const auto kind = kindFromString(p.value(presetOption));
    const ServerPreset preset = ServerPreset::of(*kind);
    const Profile::Grant chosenGrant =
            p.isSet(grant) ? *grantFromString(p.value(grant)) : preset.grants.first();
    const bool staticToken = chosenGrant == Profile::Grant::StaticToken;

    const QString name = p.positionalArguments().first();
    if (ctx.profiles.load(name) && !p.isSet(replace)) {
        ctx.err << tr("A profile named \"%1\" exists already. Remove it first, or add --replace.")
                           .arg(name)
                << Qt::endl;
        return Failed;
    }

    const auto urlOf = [&p](const QString &option) {
        return QUrl(p.value(option).trimmed(), QUrl::StrictMode);
    };
    PresetInputs inputs;
    inputs.name = name;
    if (p.isSet(instance))
        inputs.instanceUrl = urlOf(instance);
    if (p.isSet(fhir))
        inputs.fhirBaseUrl = urlOf(fhir);
    if (p.isSet(discovery))
        inputs.discoveryUrl = urlOf(discovery);
    Profile profile = makeProfile(*kind, inputs);
    profile.grant = chosenGrant;
    profile.clientId = p.value(clientId);
    if (p.isSet(scope))
        profile.scope = p.value(scope);
    if (p.isSet(redirect))
        profile.redirectUri = QUrl(p.value(redirect));
    if (p.isSet(authorizeUrl))
        profile.authorizationUrl = urlOf(authorizeUrl);
    if (p.isSet(tokenUrl))
        profile.tokenUrl = urlOf(tokenUrl);
    if (p.isSet(revokeUrl))
        profile.revocationUrl = urlOf(revokeUrl);
    if (p.isSet(issuer))
        profile.issuer = p.value(issuer);
    const QStringList params = p.values(param);
    for (const QString &kv : params) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        const QString key = kv.left(eq);
        profile.extraAuthParams.removeIf([&](const auto &pair) { return pair.first == key; });
        if (eq + 1 < kv.size())
            profile.extraAuthParams.append({key, kv.mid(eq + 1)});
    }
    // The client type: a secret makes it confidential. Without one, the preset's default,
    // except that the browser sign-in of an openid server is then a public client.
    if (staticToken)
        profile.clientType = Profile::ClientType::Public; // no client at all
    else if (p.isSet(secretStdin))
        profile.clientType = Profile::ClientType::Confidential;
    else if (*kind == Profile::Kind::OpenId && chosenGrant == Profile::Grant::AuthorizationCode)
        profile.clientType = Profile::ClientType::Public;

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
        return validateAndSave(ctx, profile, secret);

    if (profile.discoveryUrl.isEmpty() || !profile.discoveryUrl.isValid()) {
        ctx.usage(tr("The discovery URL is not valid: give --discovery-url URL, or the endpoints "
                     "with --authorize-url, --token-url and --revoke-url."));
        return Usage;
    }
    ctx.err << tr("Reading the endpoints from %1 …").arg(profile.discoveryUrl.toString())
            << Qt::endl;
    fetchEndpoints(&ctx.nam, profile, false, ctx.timeoutMs)->then(&ctx, [&ctx, secret](const EndpointFetch &fetched) {
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
                       const int code = validateAndSave(ctx, found, secret);
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
    ctx.secrets.write(profile->clientSecretKey(), secret)->then(&ctx, [&ctx, profile](const SecretStore::Result &r) {
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
    ctx.secrets.remove(profile->tokensKey())->then(&ctx, [&ctx, profile](const SecretStore::Result &r) {
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
        ctx.secrets.remove(profile->clientSecretKey())->then(&ctx, [&ctx, profile](const SecretStore::Result &r2) {
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
            if (auto profile = ctx.profiles.load(n))
                list.append(toJson(*profile));
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

int runProfileShow(Context &ctx, const QCommandLineParser &p)
{
    const QString name = p.positionalArguments().constFirst();
    auto profile = ctx.profiles.load(name);
    if (!profile) {
        ctx.err << tr("There is no profile named \"%1\".").arg(name) << Qt::endl;
        return Failed;
    }
    const QJsonObject o = toJson(*profile);
    if (ctx.json) {
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Ok;
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString value = it.value().isObject()
                ? QString::fromUtf8(QJsonDocument(it.value().toObject())
                                            .toJson(QJsonDocument::Compact))
                : it.value().toString();
        ctx.out << it.key() << ": " << value << Qt::endl;
    }
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

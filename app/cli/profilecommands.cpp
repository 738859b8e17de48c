// chartkey profile add|list|show|remove|set-secret
#include "commandline.h"
#include "context.h"

#include <QCoreApplication>
#include <QFile>
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
    o.insert(QStringLiteral("instance"), p.instanceUrl.toString());
    o.insert(QStringLiteral("fhirBase"), p.fhirBaseUrl.toString());
    o.insert(QStringLiteral("authorizationUrl"), p.authorizationUrl.toString());
    o.insert(QStringLiteral("tokenUrl"), p.tokenUrl.toString());
    o.insert(QStringLiteral("revocationUrl"), p.revocationUrl.toString());
    o.insert(QStringLiteral("notesBaseUrl"), p.notesBaseUrl.toString());
    o.insert(QStringLiteral("issuer"), p.issuer);
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

int add(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("name"), tr("The profile's name."));
    const QCommandLineOption instance(QStringLiteral("instance"),
                                      tr("The EHR instance URL, e.g. https://example.canvasmedical.com"),
                                      QStringLiteral("url"));
    const QCommandLineOption fhir(QStringLiteral("fhir-base"),
                                  tr("The FHIR base URL (derived for *.canvasmedical.com)."),
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
    const QCommandLineOption grant(QStringLiteral("grant"),
                                   tr("authorization-code (default) or client-credentials"),
                                   QStringLiteral("grant"));
    const QCommandLineOption param(QStringLiteral("auth-param"),
                                   tr("An extra authorization parameter NAME=VALUE (launch, aud, "
                                      "prompt); repeatable. Canvas's launch=e30= is the default."),
                                   QStringLiteral("name=value"));
    const QCommandLineOption issuer(QStringLiteral("issuer"),
                                    tr("The issuer expected in the redirect (RFC 9207); default "
                                       "the instance URL."),
                                    QStringLiteral("url"));
    const QCommandLineOption replace(QStringLiteral("replace"),
                                     tr("Replace an existing profile of that name."));
    p.addOptions({instance, fhir, clientId, secretStdin, scope, redirect, grant, param, issuer,
                  replace});
    if (!ctx.parse(p, tr("chartkey profile add NAME --instance URL --client-id ID [options]")))
        return p.isSet(QStringLiteral("help")) ? Ok : Usage;
    if (p.positionalArguments().size() != 1 || !p.isSet(instance) || !p.isSet(clientId)) {
        ctx.usage(tr("profile add needs a NAME, --instance URL and --client-id ID."));
        return Usage;
    }
    const QString name = p.positionalArguments().first();
    if (ctx.profiles.load(name) && !p.isSet(replace)) {
        ctx.err << tr("A profile named \"%1\" exists already. Remove it first, or add --replace.")
                           .arg(name)
                << Qt::endl;
        return Failed;
    }

    Profile profile = Profile::canvas(name, QUrl(p.value(instance)));
    if (p.isSet(fhir))
        profile.fhirBaseUrl = QUrl(p.value(fhir)).adjusted(QUrl::StripTrailingSlash);
    profile.clientId = p.value(clientId);
    if (p.isSet(scope))
        profile.scope = p.value(scope);
    if (p.isSet(redirect))
        profile.redirectUri = QUrl(p.value(redirect));
    if (p.isSet(issuer))
        profile.issuer = p.value(issuer);
    if (p.isSet(grant)) {
        if (p.value(grant) == QLatin1String("client-credentials"))
            profile.grant = Profile::Grant::ClientCredentials;
        else if (p.value(grant) != QLatin1String("authorization-code")) {
            ctx.usage(tr("--grant is authorization-code or client-credentials."));
            return Usage;
        }
    }
    const QStringList params = p.values(param);
    for (const QString &kv : params) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            ctx.usage(tr("--auth-param takes NAME=VALUE."));
            return Usage;
        }
        const QString key = kv.left(eq);
        profile.extraAuthParams.removeIf([&](const auto &pair) { return pair.first == key; });
        if (eq + 1 < kv.size())
            profile.extraAuthParams.append({key, kv.mid(eq + 1)});
    }
    if (p.isSet(secretStdin))
        profile.clientType = Profile::ClientType::Confidential;

    const QStringList problems = profile.validate();
    if (!problems.isEmpty()) {
        for (const QString &problem : problems)
            ctx.err << problem << Qt::endl;
        return Usage;
    }
    if (!profile.isConfidential()) {
        ctx.profiles.save(profile);
        ctx.out << tr("Added profile \"%1\" (%2). Sign in with: chartkey login --profile \"%1\"")
                           .arg(name, profile.instanceUrl.toString())
                << Qt::endl;
        return Ok;
    }
    const QByteArray secret = readSecretFromStdin();
    if (secret.isEmpty()) {
        ctx.err << tr("--client-secret-stdin was given, but standard input held no secret.")
                << Qt::endl;
        return Usage;
    }
    ctx.secrets.write(profile.clientSecretKey(), secret, &ctx,
                      [&ctx, profile](const SecretStore::Result &r) {
                          if (!r.isOk()) {
                              ctx.err << r.message << Qt::endl
                                      << tr("The profile was not added.") << Qt::endl;
                              ctx.finish(Failed);
                              return;
                          }
                          ctx.profiles.save(profile);
                          ctx.out << tr("Added profile \"%1\"; its client secret is in the "
                                        "keychain.")
                                             .arg(profile.name)
                                  << Qt::endl;
                          ctx.finish(Ok);
                      });
    return kPending;
}

int setSecret(Context &ctx, const QString &name)
{
    auto profile = ctx.profiles.load(name);
    if (!profile) {
        ctx.err << tr("There is no profile named \"%1\".").arg(name) << Qt::endl;
        return Failed;
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
        ctx.usage(tr("profile needs a subcommand: add, list, show, remove, set-secret."));
        return Usage;
    }
    const QString sub = ctx.args.takeFirst();
    if (sub == QLatin1String("add"))
        return add(ctx);
    if (sub == QLatin1String("list")) {
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
                        << profile->clientId << '\t' << toString(profile->grant) << Qt::endl;
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
    if (sub == QLatin1String("remove"))
        return remove(ctx, name);
    if (sub == QLatin1String("set-secret"))
        return setSecret(ctx, name);
    ctx.usage(tr("Unknown profile subcommand \"%1\".").arg(sub));
    return Usage;
}

} // namespace chartkey::cli

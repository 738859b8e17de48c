#include "profilejson.h"

#include "base/secretnames.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chartkey::profilejson {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::ProfileJson", text);
}

// The first secret-looking key anywhere in `value` (object keys, and the names of
// authParams entries); empty when there is none.
QString findSecretKey(const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (secretnames::looksLikeSecret(it.key()))
                return it.key();
            // {"name": "client_secret", "value": "..."}: a secret dressed as a parameter.
            if (it.key() == QLatin1String("name") && it.value().isString()
                && o.contains(QLatin1String("value"))
                && secretnames::looksLikeSecret(it.value().toString()))
                return it.value().toString();
            if (QString found = findSecretKey(it.value()); !found.isEmpty())
                return found;
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (const QJsonValue &v : a) {
            if (QString found = findSecretKey(v); !found.isEmpty())
                return found;
        }
    }
    return {};
}

void putString(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

void putUrl(QJsonObject &o, const char *key, const QUrl &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value.toString());
}

} // namespace

QByteArray toJson(const Profile &p)
{
    QJsonObject o;
    o.insert(QLatin1String(kVersionKey), kFormatVersion);
    putString(o, "name", p.name);
    o.insert(QStringLiteral("kind"), toString(p.kind));
    putUrl(o, "instanceUrl", p.instanceUrl);
    putUrl(o, "fhirBaseUrl", p.fhirBaseUrl);
    putUrl(o, "authorizationUrl", p.authorizationUrl);
    putUrl(o, "tokenUrl", p.tokenUrl);
    putUrl(o, "revocationUrl", p.revocationUrl);
    putUrl(o, "notesBaseUrl", p.notesBaseUrl);
    putUrl(o, "discoveryUrl", p.discoveryUrl);
    putString(o, "issuer", p.issuer);
    putString(o, "clientId", p.clientId);
    o.insert(QStringLiteral("clientType"), toString(p.clientType));
    o.insert(QStringLiteral("grant"), toString(p.grant));
    putString(o, "scope", p.scope);
    putUrl(o, "redirectUri", p.redirectUri);
    if (!p.extraAuthParams.isEmpty()) {
        QJsonArray params;
        for (const auto &[name, value] : p.extraAuthParams)
            params.append(QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("value"), value}});
        o.insert(QStringLiteral("authParams"), params);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::optional<Profile> fromJson(const QByteArray &json, QString *error, const QString &name)
{
    auto failed = [error](const QString &why) -> std::optional<Profile> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return failed(tr("This is not a chartkey profile: the file is not a JSON object (%1).")
                              .arg(parseError.error != QJsonParseError::NoError
                                           ? parseError.errorString()
                                           : tr("it is another JSON value")));
    const QJsonObject o = doc.object();
    const QJsonValue version = o.value(QLatin1String(kVersionKey));
    if (version.isUndefined())
        return failed(tr("This is not a chartkey profile: it has no \"%1\" field. Export "
                         "profiles with: chartkey profile export NAME")
                              .arg(QLatin1String(kVersionKey)));
    if (!version.isDouble() || version.toDouble() != kFormatVersion)
        return failed(tr("This profile file has format version %1; this chartkey reads version "
                         "%2 only. Export it again with this chartkey's version, or update "
                         "chartkey.")
                              .arg(version.isDouble() ? QString::number(version.toDouble())
                                                      : version.toVariant().toString(),
                                   QString::number(kFormatVersion)));
    if (const QString key = findSecretKey(o); !key.isEmpty())
        return failed(tr("The file carries a secret (\"%1\"). Profiles never carry secrets; "
                         "remove it and use `chartkey profile %2 NAME`, which reads it from "
                         "standard input into the keychain.")
                              .arg(key, secretnames::isToken(key)
                                                ? QStringLiteral("set-token")
                                                : QStringLiteral("set-secret")));

    const auto text = [&o](const char *key) { return o.value(QLatin1String(key)).toString(); };
    QStringList badUrls;
    const auto url = [&](const char *key) {
        const QString t = text(key).trimmed();
        if (t.isEmpty())
            return QUrl();
        QUrl u(t, QUrl::StrictMode);
        if (!u.isValid())
            badUrls << QString::fromLatin1(key);
        return u;
    };

    Profile p;
    p.name = name.isEmpty() ? text("name") : name;
    if (o.contains(QLatin1String("kind"))) {
        const auto kind = kindFromString(text("kind"));
        if (!kind)
            return failed(tr("The profile's kind \"%1\" is unknown; chartkey knows canvas, "
                             "canvas-sandbox-token, smart, openid and canvas-lms.")
                                  .arg(text("kind")));
        p.kind = *kind;
    }
    p.instanceUrl = url("instanceUrl");
    p.fhirBaseUrl = url("fhirBaseUrl");
    p.authorizationUrl = url("authorizationUrl");
    p.tokenUrl = url("tokenUrl");
    p.revocationUrl = url("revocationUrl");
    p.notesBaseUrl = url("notesBaseUrl");
    p.discoveryUrl = url("discoveryUrl");
    p.redirectUri = url("redirectUri");
    if (!badUrls.isEmpty())
        return failed(tr("These fields do not hold valid URLs: %1.")
                              .arg(badUrls.join(QStringLiteral(", "))));
    p.issuer = text("issuer");
    p.clientId = text("clientId");
    const QString clientType = text("clientType");
    if (clientType == QLatin1String("confidential"))
        p.clientType = Profile::ClientType::Confidential;
    else if (!clientType.isEmpty() && clientType != QLatin1String("public"))
        return failed(tr("The client type \"%1\" is unknown: use public or confidential.")
                              .arg(clientType));
    if (o.contains(QLatin1String("grant"))) {
        const auto grant = grantFromString(text("grant"));
        if (!grant)
            return failed(tr("The grant \"%1\" is unknown: use authorization-code, "
                             "client-credentials or static-token.")
                                  .arg(text("grant")));
        p.grant = *grant;
    }
    p.scope = text("scope");
    const QJsonArray params = o.value(QLatin1String("authParams")).toArray();
    for (const QJsonValue &v : params) {
        const QJsonObject param = v.toObject();
        const QString key = param.value(QLatin1String("name")).toString();
        if (key.isEmpty())
            return failed(tr("An entry of authParams has no name."));
        p.extraAuthParams.append({key, param.value(QLatin1String("value")).toString()});
    }

    if (const ProfileProblems problems = p.validate(); !problems.isEmpty())
        return failed(tr("The profile in the file cannot be used: %1")
                              .arg(messages(problems).join(QLatin1Char(' '))));
    if (error)
        error->clear();
    return p;
}

QString secretStillNeeded(const Profile &profile)
{
    const QString quoted = profile.name.contains(QLatin1Char(' '))
            ? QLatin1Char('"') + profile.name + QLatin1Char('"')
            : profile.name;
    if (profile.grant == Profile::Grant::StaticToken)
        return QStringLiteral("chartkey profile set-token ") + quoted;
    if (profile.isConfidential())
        return QStringLiteral("chartkey profile set-secret ") + quoted;
    return {};
}

} // namespace chartkey::profilejson

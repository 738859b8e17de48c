#include "profilejson.h"

#include "base/secretnames.h"
#include "profile/profilefields.h"

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

} // namespace

QJsonObject toJsonObject(const Profile &p)
{
    QJsonObject o;
    o.insert(QLatin1String(kVersionKey), kFormatVersion);
    for (const profilefields::Entry &entry : profilefields::table()) {
        if (const QString value = entry.get(p); !value.isEmpty())
            o.insert(entry.key, value);
    }
    if (!p.extraAuthParams.isEmpty()) {
        QJsonArray params;
        for (const auto &[name, value] : p.extraAuthParams)
            params.append(QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("value"), value}});
        o.insert(profilefields::kAuthParamsKey, params);
    }
    return o;
}

QByteArray toJson(const Profile &p)
{
    return QJsonDocument(toJsonObject(p)).toJson(QJsonDocument::Indented);
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

    Profile p;
    QStringList badUrls;
    for (const profilefields::Entry &entry : profilefields::table()) {
        const QString text = o.value(entry.key).toString();
        if (entry.set(p, text))
            continue;
        switch (entry.type) {
        case profilefields::Entry::Type::Url:
            badUrls << QString(entry.key);
            break;
        case profilefields::Entry::Type::Kind:
            return failed(tr("The profile's kind \"%1\" is unknown; chartkey knows canvas, "
                             "canvas-sandbox-token, smart, openid and canvas-lms.")
                                  .arg(text));
        case profilefields::Entry::Type::ClientType:
            return failed(tr("The client type \"%1\" is unknown: use public or confidential.")
                                  .arg(text));
        case profilefields::Entry::Type::ClientAuth:
            return failed(tr("The client authentication \"%1\" is unknown: use %2.")
                                  .arg(text, clientAuthIds().join(QStringLiteral(", "))));
        case profilefields::Entry::Type::Grant:
            return failed(tr("The grant \"%1\" is unknown: use authorization-code, "
                             "client-credentials or static-token.")
                                  .arg(text));
        case profilefields::Entry::Type::Text:
            break;
        }
    }
    if (!badUrls.isEmpty())
        return failed(tr("These fields do not hold valid URLs: %1.")
                              .arg(badUrls.join(QStringLiteral(", "))));
    if (!name.isEmpty())
        p.name = name;
    const QJsonArray params = o.value(profilefields::kAuthParamsKey).toArray();
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
    if (profile.usesKey())
        return QStringLiteral("chartkey key generate --profile ") + quoted;
    if (profile.isConfidential())
        return QStringLiteral("chartkey profile set-secret ") + quoted;
    return {};
}

} // namespace chartkey::profilejson

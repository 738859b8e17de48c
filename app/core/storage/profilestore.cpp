#include "profilestore.h"

#include "base/logging.h"

#include <QSettings>

namespace chartkey {

namespace {

QSettings settings()
{
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("chartkey"),
                     QStringLiteral("chartkey"));
}

QString group(const QString &name)
{
    return QStringLiteral("profiles/") + name;
}

} // namespace

QStringList ProfileStore::names() const
{
    QSettings s = settings();
    s.beginGroup(QStringLiteral("profiles"));
    QStringList names = s.childGroups();
    names.sort(Qt::CaseInsensitive);
    return names;
}

std::optional<Profile> ProfileStore::load(const QString &name) const
{
    QSettings s = settings();
    if (!Profile::isValidName(name) || !s.childGroups().contains(QStringLiteral("profiles")))
        return std::nullopt;
    s.beginGroup(group(name));
    if (s.childKeys().isEmpty())
        return std::nullopt;
    Profile p;
    p.name = name;
    // Profiles saved before there were presets have no kind: they are Canvas profiles.
    const QString kind = s.value(QStringLiteral("kind")).toString();
    if (!kind.isEmpty()) {
        if (const auto k = kindFromString(kind))
            p.kind = *k;
        else
            qCWarning(lcStorage).noquote() << "profile" << name << "has an unknown kind" << kind
                                           << "(written by a newer chartkey?); read as canvas";
    }
    p.discoveryUrl = s.value(QStringLiteral("discoveryUrl")).toUrl();
    p.instanceUrl = s.value(QStringLiteral("instanceUrl")).toUrl();
    p.fhirBaseUrl = s.value(QStringLiteral("fhirBaseUrl")).toUrl();
    p.authorizationUrl = s.value(QStringLiteral("authorizationUrl")).toUrl();
    p.tokenUrl = s.value(QStringLiteral("tokenUrl")).toUrl();
    p.revocationUrl = s.value(QStringLiteral("revocationUrl")).toUrl();
    p.notesBaseUrl = s.value(QStringLiteral("notesBaseUrl")).toUrl();
    p.issuer = s.value(QStringLiteral("issuer")).toString();
    p.clientId = s.value(QStringLiteral("clientId")).toString();
    p.clientType = s.value(QStringLiteral("clientType")).toString() == QLatin1String("confidential")
            ? Profile::ClientType::Confidential
            : Profile::ClientType::Public;
    p.grant = grantFromString(s.value(QStringLiteral("grant")).toString())
                      .value_or(Profile::Grant::AuthorizationCode);
    p.scope = s.value(QStringLiteral("scope")).toString();
    p.redirectUri = s.value(QStringLiteral("redirectUri")).toUrl();
    const int n = s.beginReadArray(QStringLiteral("authParams"));
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        p.extraAuthParams.append({s.value(QStringLiteral("name")).toString(),
                                  s.value(QStringLiteral("value")).toString()});
    }
    s.endArray();
    return p;
}

void ProfileStore::save(const Profile &p)
{
    QSettings s = settings();
    s.remove(group(p.name));
    s.beginGroup(group(p.name));
    s.setValue(QStringLiteral("kind"), toString(p.kind));
    if (!p.discoveryUrl.isEmpty())
        s.setValue(QStringLiteral("discoveryUrl"), p.discoveryUrl);
    s.setValue(QStringLiteral("instanceUrl"), p.instanceUrl);
    s.setValue(QStringLiteral("fhirBaseUrl"), p.fhirBaseUrl);
    s.setValue(QStringLiteral("authorizationUrl"), p.authorizationUrl);
    s.setValue(QStringLiteral("tokenUrl"), p.tokenUrl);
    s.setValue(QStringLiteral("revocationUrl"), p.revocationUrl);
    s.setValue(QStringLiteral("notesBaseUrl"), p.notesBaseUrl);
    s.setValue(QStringLiteral("issuer"), p.issuer);
    s.setValue(QStringLiteral("clientId"), p.clientId);
    s.setValue(QStringLiteral("clientType"), toString(p.clientType));
    s.setValue(QStringLiteral("grant"), toString(p.grant));
    s.setValue(QStringLiteral("scope"), p.scope);
    s.setValue(QStringLiteral("redirectUri"), p.redirectUri);
    s.beginWriteArray(QStringLiteral("authParams"), int(p.extraAuthParams.size()));
    for (int i = 0; i < p.extraAuthParams.size(); ++i) {
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("name"), p.extraAuthParams.at(i).first);
        s.setValue(QStringLiteral("value"), p.extraAuthParams.at(i).second);
    }
    s.endArray();
    s.endGroup();
    s.sync();
}

void ProfileStore::remove(const QString &name)
{
    QSettings s = settings();
    s.remove(group(name));
    s.sync();
}

QString ProfileStore::settingsPath() const
{
    return settings().fileName();
}

} // namespace chartkey

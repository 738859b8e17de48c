#include "profilestore.h"

#include "base/logging.h"
#include "profile/profilefields.h"

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
    for (const profilefields::Entry &entry : profilefields::table()) {
        if (!entry.inSettings)
            continue;
        // Earlier versions wrote URLs as QUrl variants ("@Variant(...)"): read as text.
        const QVariant value = s.value(entry.key);
        const QString text = value.typeId() == QMetaType::QUrl
                ? value.toUrl().toString()
                : value.toString();
        if (!entry.set(p, text))
            qCWarning(lcStorage).noquote()
                    << "profile" << name << "has an unreadable" << entry.key << text
                    << "(written by a newer chartkey?); the default is used";
    }
    const int n = s.beginReadArray(profilefields::kAuthParamsKey);
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
    // Plain strings, so that a person can read (and an IT department ship) the file.
    for (const profilefields::Entry &entry : profilefields::table()) {
        if (const QString value = entry.get(p); entry.inSettings && !value.isEmpty())
            s.setValue(entry.key, value);
    }
    s.beginWriteArray(profilefields::kAuthParamsKey, int(p.extraAuthParams.size()));
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

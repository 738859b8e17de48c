#include "profilestore.h"

#include "base/logging.h"
#include "profile/profilefields.h"

#include <QCoreApplication>
#include <QSettings>

#include <algorithm>
#include <memory>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::ProfileStore", text);
}

std::unique_ptr<QSettings> open(QSettings::Scope scope)
{
    auto s = std::make_unique<QSettings>(QSettings::NativeFormat, scope,
                                         QStringLiteral("chartkey"), QStringLiteral("chartkey"));
    // The user scope alone: QSettings would otherwise read the system file under it, and
    // show managed profiles as the person's own.
    s->setFallbacksEnabled(false);
    return s;
}

// Reads the profile in `s`'s current group `name`; false with `unreadable` set to the keys
// whose values are not values of their field.
Profile readProfile(QSettings &s, const QString &name, QStringList *unreadable)
{
    Profile p;
    p.name = name;
    for (const profilefields::Entry &entry : profilefields::table()) {
        if (!entry.inSettings)
            continue;
        // Earlier versions wrote URLs as QUrl variants ("@Variant(...)"): read as text.
        const QVariant value = s.value(entry.key);
        const QString text = value.typeId() == QMetaType::QUrl ? value.toUrl().toString()
                                                               : value.toString();
        if (!entry.set(p, text))
            unreadable->append(QStringLiteral("%1=%2").arg(entry.key, text));
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

QString group(const QString &name)
{
    return QStringLiteral("profiles/") + name;
}

} // namespace

ProfileStore::ProfileStore()
{
    readManaged();
}

void ProfileStore::readManaged()
{
    const std::unique_ptr<QSettings> s = open(QSettings::SystemScope);
    m_managedPath = s->fileName();
    m_policy.source = m_managedPath;
    if (s->status() != QSettings::NoError) {
        m_problems.append(tr("%1 could not be read (%2); nothing in it is used. Tell your IT "
                             "department.")
                                  .arg(m_managedPath,
                                       s->status() == QSettings::FormatError
                                               ? tr("it is not a settings file")
                                               : tr("access denied")));
        return;
    }
    const QStringList groups = s->childGroups();
    for (const QString &g : groups) {
        if (g != QLatin1String("policy") && g != QLatin1String("profiles"))
            m_problems.append(tr("%1: [%2] is not a chartkey group (groups: policy, profiles); "
                                 "it is ignored.")
                                      .arg(m_managedPath, g));
    }
    for (const QString &key : s->childKeys())
        m_problems.append(tr("%1: %2 is outside any group; it is ignored.").arg(m_managedPath, key));

    s->beginGroup(QStringLiteral("policy"));
    QMap<QString, QVariant> values;
    for (const QString &key : s->allKeys())
        values.insert(key, s->value(key));
    s->endGroup();
    m_policy = ManagedPolicy::fromValues(values, m_managedPath, &m_problems);

    s->beginGroup(QStringLiteral("profiles"));
    const QStringList names = s->childGroups();
    for (const QString &name : names) {
        if (!Profile::isValidName(name)) {
            m_problems.append(tr("%1: [profiles/%2] is not a valid profile name; that profile "
                                 "is ignored.")
                                      .arg(m_managedPath, name));
            continue;
        }
        s->beginGroup(name);
        QStringList unreadable;
        const Profile p = readProfile(*s, name, &unreadable);
        s->endGroup();
        if (!unreadable.isEmpty()) {
            m_problems.append(tr("%1: managed profile \"%2\" has values chartkey cannot read "
                                 "(%3); that profile is ignored.")
                                      .arg(m_managedPath, name,
                                           unreadable.join(QStringLiteral(", "))));
            continue;
        }
        if (const QStringList wrong = messages(p.validate()); !wrong.isEmpty()) {
            m_problems.append(tr("%1: managed profile \"%2\" does not work (%3); that profile "
                                 "is ignored.")
                                      .arg(m_managedPath, name, wrong.join(QLatin1Char(' '))));
            continue;
        }
        m_managed.append(p);
    }
    s->endGroup();
}

QStringList ProfileStore::names() const
{
    const std::unique_ptr<QSettings> own = open(QSettings::UserScope);
    QSettings &s = *own;
    s.beginGroup(QStringLiteral("profiles"));
    QStringList names = s.childGroups();
    for (const Profile &p : m_managed) {
        if (!names.contains(p.name))
            names.append(p.name);
    }
    names.sort(Qt::CaseInsensitive);
    return names;
}

bool ProfileStore::isManaged(const QString &name) const
{
    return std::any_of(m_managed.cbegin(), m_managed.cend(),
                       [&name](const Profile &p) { return p.name == name; });
}

QString ProfileStore::managedRefusal(const QString &name) const
{
    if (!isManaged(name))
        return {};
    return tr("\"%1\" is a managed profile, set up by your IT department in %2: it cannot be "
              "changed or removed here. You can still sign in and out with it. Ask your IT "
              "department to change it.")
            .arg(name, m_managedPath);
}

std::optional<Profile> ProfileStore::load(const QString &name) const
{
    for (const Profile &p : m_managed) {
        if (p.name == name)
            return p;
    }
    const std::unique_ptr<QSettings> own = open(QSettings::UserScope);
    QSettings &s = *own;
    if (!Profile::isValidName(name) || !s.childGroups().contains(QStringLiteral("profiles")))
        return std::nullopt;
    s.beginGroup(group(name));
    if (s.childKeys().isEmpty())
        return std::nullopt;
    QStringList unreadable;
    Profile p = readProfile(s, name, &unreadable);
    for (const QString &value : std::as_const(unreadable))
        qCWarning(lcStorage).noquote()
                << "profile" << name << "has an unreadable" << value
                << "(written by a newer chartkey?); the default is used";
    return p;
}

void ProfileStore::save(const Profile &p)
{
    if (isManaged(p.name)) {
        qCWarning(lcStorage).noquote() << "not saving managed profile" << p.name;
        return;
    }
    const std::unique_ptr<QSettings> own = open(QSettings::UserScope);
    QSettings &s = *own;
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
    if (isManaged(name)) {
        qCWarning(lcStorage).noquote() << "not removing managed profile" << name;
        return;
    }
    const std::unique_ptr<QSettings> own = open(QSettings::UserScope);
    QSettings &s = *own;
    s.remove(group(name));
    s.sync();
}

QString ProfileStore::settingsPath() const
{
    return open(QSettings::UserScope)->fileName();
}

} // namespace chartkey

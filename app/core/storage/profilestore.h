// Profiles in QSettings (organization and application "chartkey"), shared by the desktop
// app and the command line. No secrets are ever written here.
//
// Two scopes. A person's own profiles are in the user scope (~/.config/chartkey/chartkey.conf).
// Managed profiles and the policy come from the system scope: chartkey/chartkey.conf in each
// directory of $XDG_CONFIG_DIRS (by default /etc/xdg/chartkey/chartkey.conf; on Windows
// HKEY_LOCAL_MACHINE\Software\chartkey\chartkey), where an IT department puts them. A managed
// profile is seen by every user and is never changed or removed from here: a profile of the
// person's own with the same name is hidden behind it. What is wrong in the managed file is
// collected in managedProblems(), each once, and that part of it (a key, a profile) is not
// used.
#pragma once

#include "profile/policy.h"
#include "profile/profile.h"

#include <QStringList>

#include <optional>

namespace chartkey {

class ProfileStore
{
public:
    // Reads the managed configuration.
    ProfileStore();

    // Every profile: the managed ones and the person's own, sorted.
    QStringList names() const;
    // The managed profile of that name, else the person's own.
    std::optional<Profile> load(const QString &name) const;
    // Saves one of the person's own profiles; a managed one is never saved (callers refuse
    // first, with managedRefusal()).
    void save(const Profile &profile);
    void remove(const QString &name);
    QString settingsPath() const;

    bool isManaged(const QString &name) const;
    // Why a managed profile cannot be changed ("edited", "removed"...): names the file and
    // whom to ask. Empty when `name` is not managed.
    QString managedRefusal(const QString &name) const;
    const ManagedPolicy &policy() const { return m_policy; }
    // What is wrong in the managed configuration, one sentence each, with what was ignored.
    const QStringList &managedProblems() const { return m_problems; }
    // The managed file as QSettings names it (the first of the system scope).
    QString managedPath() const { return m_managedPath; }

private:
    void readManaged();

    ManagedPolicy m_policy;
    QList<Profile> m_managed;
    QStringList m_problems;
    QString m_managedPath;
};

} // namespace chartkey

// Profiles in QSettings (organization and application "chartkey"), shared by the desktop
// app and the command line. No secrets are ever written here.
#pragma once

#include "profile/profile.h"

#include <QStringList>

#include <optional>

namespace chartkey {

class ProfileStore
{
public:
    ProfileStore() = default;

    QStringList names() const;
    std::optional<Profile> load(const QString &name) const;
    void save(const Profile &profile);
    void remove(const QString &name);
    QString settingsPath() const;
};

} // namespace chartkey

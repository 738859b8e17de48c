// The one table of a profile's stored fields: the key each has in chartkey.conf
// (storage/profilestore), in an exported profile and in `chartkey profile show --json`
// (profile/profilejson), and how its value is written and read as plain text. Every value is
// a string (URLs too, so that chartkey.conf stays readable); the authorization parameters are
// a list of {name, value} under kAuthParamsKey.
#pragma once

#include "profile/profile.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <functional>

namespace chartkey::profilefields {

struct Entry
{
    enum class Type { Text, Url, Kind, ClientType, ClientAuth, Grant };

    ProfileField field;
    QLatin1StringView key;
    Type type;
    // False for the name: in chartkey.conf it is the group, not a value.
    bool inSettings;
    std::function<QString(const Profile &)> get;
    // Sets the field from `text` (trimmed for URLs; empty clears it, or keeps the default of
    // a choice); false when `text` is not a value of the field's type.
    std::function<bool(Profile &, const QString &)> set;
};

// Every stored field but the authorization parameters, in the order they are written.
const QList<Entry> &table();

constexpr QLatin1StringView kAuthParamsKey("authParams");

} // namespace chartkey::profilefields

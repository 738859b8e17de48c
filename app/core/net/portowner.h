// Which program listens on a local TCP port, to tell a person what to close.
#pragma once

#include <QString>

namespace chartkey {

// "name (pid N)" of the process listening on `port`, or an empty string when unknown
// (not Linux, or the process belongs to another user).
QString describePortOwner(quint16 port);

} // namespace chartkey

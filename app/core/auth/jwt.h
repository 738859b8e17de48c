// Reads the claims of a JWT access token for display. Nothing here verifies a signature:
// chartkey never trusts these claims, it only shows them.
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace chartkey::jwt {

// The payload of a compact JWS (header.payload.signature), or nullopt when `token` is
// not one (Canvas's tokens are opaque).
std::optional<QJsonObject> claims(const QString &token);

} // namespace chartkey::jwt

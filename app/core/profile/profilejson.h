// A profile as a JSON file, to hand a configuration to a colleague or another computer
// (`chartkey profile export` / `import`, the editor's Export… and Import…). Never a secret:
// toJson() writes none, and fromJson() refuses a file that carries anything that looks like
// one. Pure functions. `chartkey profile show --json` prints the same object.
//
//   {"chartkey-profile": 1, "name": "Clinic", "kind": "canvas",
//    "instanceUrl": "...", "fhirBaseUrl": "...", "authorizationUrl": "...", "tokenUrl": "...",
//    "revocationUrl": "...", "endSessionUrl": "...", "notesBaseUrl": "...", "discoveryUrl": "...", "issuer": "...",
//    "clientId": "...", "clientType": "public|confidential",
//    "grant": "authorization-code|client-credentials|static-token", "scope": "...",
//    "redirectUri": "...", "authParams": [{"name": "launch", "value": "e30="}]}
//
// Empty fields are omitted.
#pragma once

#include "profile/profile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace chartkey::profilejson {

constexpr int kFormatVersion = 1;
constexpr const char *kVersionKey = "chartkey-profile";

// The profile as the file holds it; also what `chartkey profile show --json` prints, so that
// its output imports as it is. The fields are those of profile/profilefields.h.
QByteArray toJson(const Profile &profile);
QJsonObject toJsonObject(const Profile &profile);

// The profile in `json`, checked with Profile::validate(); `name`, when not empty, replaces
// the name in the file. On failure returns nullopt and sets `error` to what is wrong and
// what to do.
std::optional<Profile> fromJson(const QByteArray &json, QString *error,
                                const QString &name = QString());

// The secret the person must still store for `profile` ("chartkey profile set-secret NAME",
// "... set-token NAME"), or an empty string when it needs none.
QString secretStillNeeded(const Profile &profile);

} // namespace chartkey::profilejson

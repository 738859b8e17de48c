// The names under which a secret travels or could be handed to chartkey: OAuth form fields,
// JSON members, query parameters (access_token, client_secret, code_verifier, ...). One list,
// read by every place that must recognise a secret by its name: the log redactor
// (base/logging), the activity log (net/activitylog), the token client when it registers the
// values it sends (auth/tokenclient), and profile JSON when it refuses a file that carries a
// secret (profile/profilejson).
#pragma once

#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringView>

namespace chartkey::secretnames {

// Every secret name, in the spelling the protocols use (lower case, '_').
const QList<QLatin1StringView> &all();

// True when `name` is one of all(), compared without case: a form field, JSON member or
// query parameter whose value must never be shown.
bool isSecret(QStringView name);

// True when `key` names a secret however it is spelt: without case, '_' and '-'
// (clientSecret, Client-Secret, ACCESS_TOKEN).
bool looksLikeSecret(QStringView key);

// True when the secret named `name` is a token (stored with `profile set-token`) rather than
// a client credential (stored with `profile set-secret`).
bool isToken(QStringView name);

// all() as a regular-expression alternation, longest names first: "client_assertion|...".
QString alternation();

} // namespace chartkey::secretnames

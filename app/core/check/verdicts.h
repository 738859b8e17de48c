// The verdicts of `chartkey check`, as pure functions of what the server answered and what
// the profile says: the sentences a person reads (what was found, what to do), apart from
// the sequence of requests that RegistrationCheck runs. Unit-tested without a server.
#pragma once

#include "auth/authorizationanswer.h"
#include "auth/discovery.h"
#include "auth/tokenset.h"
#include "check/checkreport.h"
#include "net/activitylog.h"
#include "profile/profile.h"

#include <optional>

namespace chartkey::check {

struct Verdict
{
    Status status = Status::Skip;
    QString summary;
    QString hint;
};

// One exchange as a person reads it: request line, status, the headers that matter, the
// (already redacted) body, cut at a readable length.
QString describeExchange(const HttpExchange &exchange);
QString header(const HttpExchange &exchange, const QByteArray &name);

// A discovery document fetched from `url`: reviewMetadata's findings, plus whether the
// profile uses the endpoints and issuer it publishes.
Verdict reviewDiscovery(const ServerMetadata &metadata, const QUrl &url, const Profile &profile);

// A token response: Bearer, expires_in, granted against requested scope, a refresh token for
// offline_access, Cache-Control: no-store (nullopt: the header was not seen).
Verdict reviewTokenResponse(const TokenSet &tokens, const QString &requestedScope,
                            bool expectRefresh, const std::optional<QString> &cacheControl);

// Where the API is probed: {fhir}/Patient?_count=1, or the LMS's /api/v1/users/self; empty
// when the profile names no API.
QUrl apiProbeUrl(const Profile &profile);
// The API answered something other than 200.
Verdict reviewApiRefusal(int status, const QString &grantedScope, const Profile &profile);

} // namespace chartkey::check

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

#include <QJsonObject>

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

// A SMART configuration (`.well-known/smart-configuration`), as Inferno's SMART App Launch
// discovery tests read it: `capabilities` present and naming what this registration uses
// (launch-standalone, client-public or client-confidential-symmetric, sso-openid-connect for
// openid, permission-offline for offline_access, permission-v1/v2 for the scope syntax);
// code_challenge_methods_supported with S256 and without plain; issuer and jwks_uri with
// sso-openid-connect; token_endpoint_auth_methods_supported and grant_types_supported naming
// what the profile uses.
Verdict reviewSmartConfiguration(const QJsonObject &document, const Profile &profile);

// What the token answer looked like on the wire, beyond the parsed tokens.
struct TokenAnswerShape
{
    std::optional<QString> cacheControl;   // nullopt: the headers were not seen
    std::optional<QString> pragma;         // nullopt: the headers were not seen
    QJsonObject body;                      // the answer's JSON (tokens redacted); empty: unseen
    bool smart = false;                    // a SMART server: scope is required
};

// A token response: Bearer, expires_in (an integer), granted against requested scope, a
// refresh token for offline_access, the fields' JSON types, Cache-Control: no-store and
// Pragma: no-cache.
Verdict reviewTokenResponse(const TokenSet &tokens, const QString &requestedScope,
                            bool expectRefresh, const std::optional<QString> &cacheControl);
Verdict reviewTokenResponse(const TokenSet &tokens, const QString &requestedScope,
                            bool expectRefresh, const TokenAnswerShape &shape);

// An RFC 7662 introspection answer for a live access token: active, scope, client_id, exp,
// and sub (and fhirUser when asked) when an ID token was issued.
Verdict reviewIntrospection(const QJsonObject &answer, const QString &clientId,
                            bool expectIdentity, bool expectFhirUser);

// Where the API is probed: {fhir}/Patient?_count=1, or the LMS's /api/v1/users/self; empty
// when the profile names no API.
QUrl apiProbeUrl(const Profile &profile);
// The API answered something other than 200.
Verdict reviewApiRefusal(int status, const QString &grantedScope, const Profile &profile);

} // namespace chartkey::check

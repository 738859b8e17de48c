// The endpoints of a profile from its discovery document (storage/presets: smart, openid):
// fetched once when the profile is made or edited, and written into the profile, so that
// nothing is fetched on the way to a sign-in. The command line and the profile editor use it.
#pragma once

#include "auth/discovery.h"
#include "profile/profile.h"
#include "base/failure.h"
#include "base/operation.h"

#include <QStringList>

class QNetworkAccessManager;

namespace chartkey {

// Fills `profile`'s authorization, token and revocation endpoints and its issuer from
// `metadata`; `overwrite` false keeps what is already set. Returns the names of the fields
// filled ("authorization", "token", "revocation", "issuer").
QStringList applyMetadata(Profile &profile, const ServerMetadata &metadata, bool overwrite);

struct EndpointFetch
{
    Profile profile;        // the input with the endpoints filled in
    QStringList filled;     // as applyMetadata() says
    Failure failure;        // why the document could not be had; the profile is then unchanged
};

using EndpointFetchOperation = Pending<EndpointFetch>;

// Fetches `profile.discoveryUrl` (GET, `timeoutMs`) and fills the endpoints that are still
// empty (all of them when `overwrite`).
EndpointFetchOperation *fetchEndpoints(QNetworkAccessManager *nam, const Profile &profile,
                                       bool overwrite, int timeoutMs);

} // namespace chartkey

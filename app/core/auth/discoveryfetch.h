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
// filled ("authorization", "token", "revocation", "issuer", "client-auth"). A confidential
// client whose authentication is Automatic gets the method the server advertises
// (token_endpoint_auth_methods_supported): client_secret_post when listed (chartkey's
// default), else client_secret_basic when listed; a document that lists none leaves it.
QStringList applyMetadata(Profile &profile, const ServerMetadata &metadata, bool overwrite);

// What the document says against the profile's choices, one sentence each: a client
// authentication or grant the server does not advertise (SMART Backend Services needs
// private_key_jwt and client_credentials).
QStringList reviewClientAuth(const Profile &profile, const ServerMetadata &metadata);

struct EndpointFetch
{
    Profile profile;        // the input with the endpoints filled in
    QStringList filled;     // as applyMetadata() says
    QStringList warnings;   // as reviewClientAuth() says
    Failure failure;        // why the document could not be had; the profile is then unchanged
};

using EndpointFetchOperation = Pending<EndpointFetch>;

// Fetches `profile.discoveryUrl` (GET, `timeoutMs`) and fills the endpoints that are still
// empty (all of them when `overwrite`).
EndpointFetchOperation *fetchEndpoints(QNetworkAccessManager *nam, const Profile &profile,
                                       bool overwrite, int timeoutMs);

} // namespace chartkey

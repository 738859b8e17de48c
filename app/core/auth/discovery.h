// Server metadata: a SMART App Launch configuration ({fhir}/.well-known/smart-configuration)
// or an OAuth/OpenID discovery document (RFC 8414, OpenID Connect Discovery 1.0). Parsing and
// the review of what a client needs from it are pure functions; fetching is the caller's.
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace chartkey {

struct ServerMetadata
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint;
    QUrl jwksUri;
    QStringList codeChallengeMethods;   // code_challenge_methods_supported
    QStringList grantTypes;             // grant_types_supported
    QStringList tokenEndpointAuthMethods;
    QStringList revocationEndpointAuthMethods; // revocation_endpoint_auth_methods_supported
    bool hasRevocationAuthMethods = false;
    QUrl endSessionEndpoint;            // end_session_endpoint (OpenID RP-initiated logout)
    QStringList scopesSupported;
    QStringList capabilities;           // SMART only
    bool hasCodeChallengeMethods = false; // the field was present (Cognito omits it)

    // Parses a discovery document. On failure returns an empty object and sets `error` to a
    // sentence naming what is wrong.
    static ServerMetadata parse(const QByteArray &body, QString *error);

};

// One thing the review found: a failure stops the client from working as configured, a
// warning is a weakness or an inconsistency a developer should know about.
struct MetadataFinding
{
    enum class Severity { Warning, Failure };
    Severity severity = Severity::Warning;
    QString message;    // what was found and what to do
};

// Reviews `metadata`, fetched from `documentUrl`: issuer consistent with where the document
// was found (OpenID documents) or present (SMART), token and authorization endpoints present
// and on https:// (or loopback http://), S256 advertised and `plain` not.
// `needsAuthorization`: the profile uses the authorization-code grant.
QList<MetadataFinding> reviewMetadata(const ServerMetadata &metadata, const QUrl &documentUrl,
                                      bool needsAuthorization);

} // namespace chartkey

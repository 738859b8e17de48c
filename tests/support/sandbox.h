// The sandbox EHR started by tests/harness/with-peers.sh, read from $CHARTKEY_SANDBOX, and
// its /__admin test controls. The admin calls block (a nested event loop): test code only.
#pragma once

#include "profile/profile.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace chartkey::test {

class Sandbox
{
public:
    // False (with QSKIP-able reason) when the test does not run under the harness.
    static bool available();
    static Sandbox fromEnvironment();

    QUrl instance;
    QUrl fhirBase;
    QUrl admin;
    QString publicClientId;
    QString confidentialClientId;
    QString confidentialSecret;
    QString serviceClientId;
    QString serviceSecret;
    QString browser;           // tests/sandbox/browser: Chromium, for tests of the browser step itself
    // tests/sandbox/consent: the same command line and exit codes as `browser`, signs in and
    // consents with plain HTTP requests (a cookie jar, forms parsed from the pages) in a few
    // hundred milliseconds instead of seconds. For every other sign-in.
    QString consent;

    // The instance's OAuth endpoints and discovery documents.
    QUrl authorizationEndpoint;   // {instance}/auth/authorize/
    QUrl tokenEndpoint;           // {instance}/auth/token/
    QUrl revocationEndpoint;      // {instance}/auth/revoke_token/
    QUrl endSessionEndpoint;      // {instance}/auth/logout/ (OpenID RP-initiated logout)
    QUrl smartConfiguration;      // {fhirBase}/.well-known/smart-configuration
    QUrl openidConfiguration;     // {instance}/.well-known/openid-configuration
    QUrl jwksUri;                 // {instance}/auth/jwks/ (ID token keys; see rotateJwks())

    // The user of the login page as the instance knows them (ID token claims `name`, with scope
    // profile, and `fhirUser`, with scope fhirUser; GET {fhirBase}/{fhirUser} is a Practitioner).
    QString userLogin;             // "clinician"
    QString userPassword;          // "chartkey-sandbox"
    QString userName;              // "Dr Ada Lovelace"
    QString fhirUser;              // "Practitioner/<id>" (the claim is {fhirBase}/Practitioner/<id>)

    // Canvas LMS (Instructure), its own port: one developer key, client_secret_post.
    QUrl lmsBase;
    QUrl lmsAuthorizationEndpoint; // {lmsBase}/login/oauth2/auth
    QUrl lmsTokenEndpoint;         // {lmsBase}/login/oauth2/token (POST; DELETE revokes)
    QUrl lmsApiSelf;               // {lmsBase}/api/v1/users/self
    QString lmsClientId;           // "10000000000001"
    QString lmsClientSecret;       // "chartkey-lms-secret"

    // AWS-Cognito-shaped OpenID Provider: discovery on one port, OAuth endpoints on another.
    QUrl cognitoDiscoveryUrl;      // {cognitoBase}/us-east-1_chartkey/.well-known/openid-configuration
    QUrl cognitoIssuer;            // {cognitoBase}/us-east-1_chartkey
    QUrl cognitoAuthorizationEndpoint;
    QUrl cognitoTokenEndpoint;     // {authDomain}/oauth2/token
    QUrl cognitoRevocationEndpoint; // {authDomain}/oauth2/revoke
    QString cognitoClientId;       // "chartkey-cognito"
    QString cognitoClientSecret;   // "chartkey-cognito-secret"
    QString cognitoScope;          // "system/*.read system/*.write"

    // A Canvas-style profile for the public client.
    Profile publicProfile(const QString &name = QStringLiteral("Sandbox")) const;

    QJsonObject stats() const;
    // Every request the sandbox's servers received (instance, FHIR, Canvas LMS, Cognito), its
    // own /__admin controls aside: stats() counts only token, revocation, API and note
    // requests, this counts discovery documents and sign-in pages too. Read from the debug log
    // tests/harness/with-peers.sh keeps ($PEERS_DIR/sandbox.log); -1 when there is none.
    int requestsReceived() const;
    int tokenRequests(const QString &grantType) const;
    int apiResponses(int status) const;
    void resetStats() const;
    void expireTokens() const;
    void setAccessTtl(int seconds) const;
    // Server behaviour modes (POST /__admin/config), any subset of the fields below; an unknown
    // field or a bad value is refused (400) and changes nothing. tests/sandbox/README.md
    // ("Behaviour modes") says what each imitates.
    //   {"accessTtl": int,
    //    "pkce": "enforce"|"ignore", "rotateRefreshTokens": bool (false: a refresh answer has no
    //    refresh_token), "dropScopes": ["scope", ...], "advertisePlain": bool,
    //    // redirect URIs (instance; exactRedirectUris and redirectUris also LMS and Cognito)
    //    "exactRedirectUris": bool, "redirectUris": ["http://127.0.0.1:PORT/callback", ...] | null,
    //    "redirectRefusal": "400-page"|"403-empty"|"200-html",
    //    // authorization endpoint
    //    "loginPage401": bool (all three servers), "nonceRequired": bool,
    //    // token and revocation endpoints (instance)
    //    "emptyErrorBodies": bool, "revocationNeedsClientAuth": bool, "noRevocationEndpoint": bool,
    //    "refusedVerifier": "invalid_grant-400"|"invalid_code-403",
    //    "burnCodeOnRefusedExchange": bool, "refreshErrorCode": "invalid_grant"|"invalid_request",
    //    "tokenTypeCase": "default"|"lower",
    //    // ID tokens (instance)
    //    "idTokenAlg": "RS256"|"RS384"|"PS256"|"ES256"|"ES384",
    //    "brokenIdToken": "off"|"wrong-aud"|"wrong-nonce"|"expired"|"bad-signature"|"alg-none"|
    //                     "unknown-kid"|"wrong-iss"|"future-iat"|"bad-at_hash",
    //    "rotateJwks": bool (true: one more key, signing from now on; false: rotated keys gone),
    //    "fhirUser": "absolute"|"relative"}
    // e.g. setMode({{"exactRedirectUris", true}, {"redirectRefusal", "403-empty"}}).
    void setMode(const QJsonObject &modes) const;
    // GET /__admin/config: accessTtl and every mode's current value (rotateJwks: whether a
    // rotated key is in use).
    QJsonObject modes() const;
    // Registers these redirect URIs (instead of the port-less http://127.0.0.1/callback) for
    // the clients that use the authorization code, compared exactly when `exact`.
    void registerRedirectUris(const QStringList &uris, bool exact = true) const;
    // A new ID token signing key (of the current idTokenAlg) in the JWKS, used from now on.
    void rotateJwks() const;
    // Every mode, accessTtl and pending failure injection back to its default.
    void resetModes() const;
    // A manually generated token: kind "canvas" (FHIR + notes API) or "lms" (LMS API).
    // Never expires; empty on error.
    QString mintStaticToken(const QString &kind) const;
    void revokeStaticToken(const QString &token) const;
    // POST /__admin/key-client: a client that authenticates with private_key_jwt and `jwks`
    // (what `chartkey key show` printed); grant "client_credentials" (a backend service) or
    // "authorization_code". Registering the id again replaces its JWKS. The answer, or
    // {"error": ...}.
    QJsonObject registerKeyClient(const QString &clientId, const QJsonObject &jwks,
                                  const QString &grant = QStringLiteral("client_credentials")) const;
    // mode: "500", "503", "hang", "malformed", "html"; target: "token", "api", "revocation"
    void failNext(const QString &target, int count, const QString &mode) const;
    QJsonObject noteState(const QString &noteId) const;
    // Sets the status of the appointment that carries `noteId` ("cancelled", "booked", …: a
    // FHIR Appointment.status), as the EHR's staff would; the answer as noteState()'s, or
    // {"error": ...}.
    QJsonObject setAppointmentStatus(const QString &noteId, const QString &status) const;
    // Note ids of a patient's appointments with family name `family` (first match).
    QStringList noteIdsOf(const QString &family) const;

private:
    QJsonObject call(const QByteArray &verb, const QString &path,
                     const QJsonObject &body = {}) const;
};

} // namespace chartkey::test

// OpenID Connect ID token validation (OpenID Connect Core 1.0 section 3.1.3.7, and 12.2 for
// refresh), as one pure function: the token, the server's keys and what chartkey expects in,
// a verdict out. No network and no clock of its own; the caller fetches the JWKS and, on
// UnknownKey, may fetch it once more and call again (the server may have rotated its keys).
//
// The checks run in this order, and the first that fails is the verdict:
//   1. Malformed         a compact JWS whose payload is a JSON object
//   2. AlgorithmRefused  alg one of jose::Algorithm (never none, never HS*), fitting its key
//   3. UnknownKey        the header's kid is in the JWKS (or, without a kid, a key fits alg)
//   4. BadSignature      the signature verifies with that key
//   5. Issuer            iss equals the expected issuer, exactly
//   6. Audience          aud (a string or a list) contains the client id
//   7. AuthorizedParty   azp equals the client id when present, and is present when aud
//                        lists several audiences
//   8. Expired           exp present and now <= exp + skew
//   9. IssuedAt          iat present and iat <= now + skew
//  10. Nonce             nonce equals the one sent (constant-time), when one was sent
//  11. AccessTokenHash   at_hash, when present, is the left half of the access token's hash
//                        (the hash of alg: SHA-256/384/512), base64url
//  12. Subject           sub present; SubjectChanged: not the previous sub (refresh)
#pragma once

#include "auth/tokenset.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace chartkey {

// What the caller knows and expects.
struct IdTokenExpectations
{
    static constexpr int kDefaultClockSkewSeconds = 120;

    QString issuer;             // the discovery document's issuer, compared exactly
    QString clientId;
    QString nonce;              // the nonce sent with the authorization request; empty on refresh
    QDateTime now;              // the caller's clock (a seam for tests)
    int clockSkewSeconds = kDefaultClockSkewSeconds;
    QString accessToken;        // issued with the ID token, for at_hash
    QString previousSubject;    // on refresh, the sub of the first ID token; empty otherwise
};

// Who signed in, read from a valid ID token.
struct IdTokenIdentity
{
    QString subject;            // sub
    QString name;               // name, else preferred_username, else email
    QString fhirUser;           // SMART's fhirUser (a FHIR resource URL), when present
    QString issuer;             // iss
    QDateTime expiresAt;        // exp (UTC)
    QDateTime issuedAt;         // iat (UTC)
    QJsonObject claims;         // every claim, as sent

    bool isEmpty() const { return subject.isEmpty(); }
    // "Dr Ada Lovelace", else the sub.
    QString displayName() const { return name.isEmpty() ? subject : name; }
};

struct IdTokenResult
{
    enum class Check {
        Passed,
        Malformed,
        AlgorithmRefused,
        UnknownKey,         // fetch the JWKS again once, then validate again
        BadSignature,
        BadKeySet,          // the JWKS given is not a JWKS
        Issuer,
        Audience,
        AuthorizedParty,
        Expired,
        IssuedAt,
        Nonce,
        AccessTokenHash,
        Subject,
        SubjectChanged,
    };

    Check failed = Check::Malformed;
    QString message;            // a sentence for a person that names the claim
    QString detail;             // for the log (the signature library's reason); no token text
    IdTokenIdentity identity;   // filled when isValid()

    bool isValid() const { return failed == Check::Passed; }
    // True when fetching the server's JWKS again and validating once more may succeed.
    bool shouldRefetchKeys() const { return failed == Check::UnknownKey; }
};

namespace idtoken {

// Validates `idToken` against `jwks` (the server's {"keys": [...]}) and `expected`. The ID
// token and the access token are registered with the log redactor.
IdTokenResult validate(const QByteArray &idToken, const QJsonObject &jwks,
                       const IdTokenExpectations &expected);

// The at_hash / c_hash value of `token` for a JWS algorithm name (RS256, ES384, ...): the
// base64url of the left half of its hash. Empty for an algorithm chartkey does not accept.
QByteArray leftHalfHash(const QByteArray &token, const QString &alg);

// Who signed in, from the claims of an ID token validated when it was received (as kept with
// the tokens); nothing is checked again. Empty for an empty or unreadable token.
IdTokenIdentity identityOf(const QString &validatedIdToken);
// The same for kept tokens: the ID token's identity, named by the name read from fhirUser when
// the token carries none.
IdTokenIdentity identityOf(const TokenSet &tokens);
IdTokenIdentity identityFromClaims(const QJsonObject &claims);

} // namespace idtoken

} // namespace chartkey

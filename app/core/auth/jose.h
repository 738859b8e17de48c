// JOSE for chartkey: compact JWS parsing, verification against a server's JWKS, and the
// key handling of private_key_jwt (RFC 7523): key generation, JWK/JWKS/PEM export, RFC 7638
// thumbprints, JWT signing, PEM import. QByteArray and QJsonObject in and out; the library
// underneath stays in jose.cpp.
//
// Which library. Debian 12 has latchset jose 11 (libjose-dev) and cjose 0.6.2.1
// (libcjose-dev), both over OpenSSL 3 and jansson; both were tried with small programs. Both
// sign and verify RS256/RS384/PS256/ES256/ES384, generate EC P-256/P-384 and RSA keys, and
// refuse `alg: none` and an HS256 token made with the public key as the HMAC secret. Only
// jose parses a JWKS, computes RFC 7638 thumbprints (it gives section 3.1's
// NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs), turns any OpenSSL key (so a PEM file) into a
// JWK, generates keys from a template ({"alg":"ES384"}), refuses RSA keys under 2048 bits and
// a token whose alg is not the key's `alg`. cjose has no JWKS, no thumbprint, no PEM import,
// and Debian's 0.6.2.1 accepts an ES256 signature with a byte appended (fixed upstream in
// 0.6.2.7; jose checks the exact length). Neither is in vcpkg; Homebrew has jose (v14), and no
// current cjose formula was found. jose builds with meson on Linux and macOS (its CI), but
// uses GCC constructors and C VLAs, so MSVC needs MinGW or a port; cjose's upstream has CMake
// and Windows fixes. jose is maintained by latchset (Red Hat's clevis and tang use it).
// Decision: latchset jose, for JWKS, thumbprints and PEM import without hand-written key code,
// and its stricter verification. What it does not check, this wrapper does: the algorithm
// allow-list, key type and curve against alg (jose verifies ES256 with a P-384 key), key
// selection by kid, `crit`/`b64` headers, canonical base64url, duplicate JSON members, RSA
// key size. On Windows, another jose.cpp behind this header is the way out.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace chartkey::jose {

// The signature algorithms chartkey accepts and makes. Never `none`, never HS*: a server's
// JWKS holds public keys, and an HMAC "verified" with a public key proves nothing.
enum class Algorithm { RS256, RS384, RS512, PS256, PS384, ES256, ES384 };

QString algorithmName(Algorithm alg);
std::optional<Algorithm> algorithmFromName(const QString &name);
// Every algorithm above, by name, in the order of the enum.
QStringList allowedAlgorithmNames();
// The size in bytes of the hash the algorithm uses (32, 48 or 64), e.g. for at_hash.
int hashSize(Algorithm alg);

// A compact JWS taken apart, not trusted: nothing here says who made it.
struct ParsedJws
{
    bool ok = false;
    QString error;              // why it is not a compact JWS (a sentence), when !ok
    QJsonObject header;         // the protected header
    QByteArray payload;         // the decoded payload
    QJsonObject claims;         // the payload as a JSON object; empty when it is not one
    bool payloadIsObject = false;
    QByteArray signingInput;    // BASE64URL(header) '.' BASE64URL(payload), as received
    QByteArray signature;       // the decoded signature

    QString alg() const { return header.value(QStringLiteral("alg")).toString(); }
    QString kid() const { return header.value(QStringLiteral("kid")).toString(); }
};

// Takes a compact JWS (header.payload.signature) apart. Refuses five-part JWE, padding,
// non-canonical base64url, a header that is not a JSON object, duplicate JSON members, and
// tokens over 64 KiB.
ParsedJws parseCompact(const QByteArray &compact);

enum class VerifyStatus {
    Ok,
    Malformed,          // not a compact JWS, or a header chartkey cannot honour (crit, b64)
    AlgorithmRefused,   // alg not allowed (none, HS*, unknown), or not the key's type/curve
    UnknownKey,         // no key of the key set has the token's kid (fetch the JWKS again)
    BadSignature,       // a fitting key was found and the signature does not verify
    BadKeySet,          // the JWKS is not a JWKS
};

struct Verification
{
    VerifyStatus status = VerifyStatus::Malformed;
    QString message;    // a sentence for a person
    QString detail;     // for the log: the library's own reason, never key material
    ParsedJws jws;      // what was parsed; trusted only when status is Ok
    QJsonObject key;    // the public JWK that verified it

    bool isOk() const { return status == VerifyStatus::Ok; }
};

// Verifies a compact JWS against a JWKS ({"keys": [...]}; a lone JWK is taken as a set of
// one). The key is the one whose `kid` is the header's kid; without a kid (or when no key of
// the set names one), every key whose kty (and crv, and alg when it has one) fits the
// header's alg is tried, 16 at most. Keys marked for
// another use (`use` other than "sig", `key_ops` without "verify") and symmetric keys are
// never used. `allowed` narrows the algorithms further (names; empty: all of Algorithm).
Verification verify(const QByteArray &compact, const QJsonObject &jwks,
                    const QStringList &allowed = {});
Verification verify(const QByteArray &compact, const QByteArray &jwksJson,
                    const QStringList &allowed = {});

// --- Keys for private_key_jwt (RFC 7523) ---------------------------------------------------
// A key is a JWK as a QJsonObject. A private JWK carries secret members (d, p, q, ...): every
// such value is registered with log::registerSecret when a function here makes or reads one.

// A new private signing key: EC P-256/P-384 for ES256/ES384, RSA of `rsaBits` (at least
// 2048) for RS*/PS*. It carries alg, use "sig" and kid = its RFC 7638 thumbprint.
QJsonObject generateKey(Algorithm alg, int rsaBits = 2048, QString *error = nullptr);

// The private JWK as compact JSON bytes, for the keychain (registered as a secret).
QByteArray privateJwkBytes(const QJsonObject &privateJwk);
// Reads privateJwkBytes() back; refuses anything but a private RSA or EC signing key.
QJsonObject privateJwkFromBytes(const QByteArray &bytes, QString *error = nullptr);

// The public half (kty, crv/x/y or n/e, alg, use, kid); empty when `jwk` is not a key.
QJsonObject publicJwk(const QJsonObject &jwk);
// {"keys": [public JWK, ...]}, what a client publishes for the server.
QJsonObject publicJwks(const QList<QJsonObject> &jwks);

// The RFC 7638 thumbprint (SHA-256, base64url), used as kid; empty when `jwk` is not a key.
QByteArray thumbprint(const QJsonObject &jwk);

// Signs `claims` as a JWT with header {alg, kid, typ: "JWT"}; alg is the key's own. The
// compact JWT is registered as a secret (a client assertion is a credential while it lives).
QByteArray signJwt(const QJsonObject &claims, const QJsonObject &privateJwk,
                   QString *error = nullptr);

// A PEM private key (PKCS#8 "PRIVATE KEY", or traditional "RSA/EC PRIVATE KEY") as a private
// JWK with alg, use and kid. An EC key's alg follows its curve; an RSA key's is `alg`, or
// RS384 when not given (what SMART Backend Services asks servers to support). Encrypted PEM
// is refused (never prompts).
QJsonObject importPrivateKeyPem(const QByteArray &pem, std::optional<Algorithm> alg = {},
                                QString *error = nullptr);

// The public key as PEM ("PUBLIC KEY", SubjectPublicKeyInfo).
QByteArray publicKeyPem(const QJsonObject &jwk, QString *error = nullptr);

// A self-signed X.509 certificate (PEM) for the key, CN = commonName, valid from notBefore
// for validDays, for servers that register a client by certificate.
QByteArray selfSignedCertificatePem(const QJsonObject &privateJwk, const QString &commonName,
                                    const QDateTime &notBefore, int validDays,
                                    QString *error = nullptr);

} // namespace chartkey::jose

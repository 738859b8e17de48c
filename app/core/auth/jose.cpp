// JOSE over latchset jose (jansson + OpenSSL): see jose.h for why this library, and for what
// this wrapper checks on top of it. Keys cross into jose as jansson objects built member by
// member from an allow-list, never by re-parsing whatever a server sent.
#include "jose.h"

#include "base/logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

// jose's headers have no extern "C" of their own.
extern "C" {
#include <jose/jose.h>
#include <jose/openssl.h>
}

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <array>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>

namespace chartkey::jose {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::Jose", text);
}

constexpr qsizetype kMaxCompactSize = 64 * 1024;
constexpr int kMaxKeysTried = 16;       // without a kid, at most this many keys are tried
constexpr int kMinRsaBits = 2048;
constexpr int kMaxRsaBits = 16384;      // OpenSSL's own limit; bigger moduli only cost time
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

const QString kKty = QStringLiteral("kty");
const QString kKid = QStringLiteral("kid");
const QString kAlg = QStringLiteral("alg");
const QString kUse = QStringLiteral("use");

struct AlgorithmInfo
{
    Algorithm alg;
    const char *name;
    const char *kty;    // "RSA" or "EC"
    const char *crv;    // the curve for EC, nullptr for RSA
    int hashBytes;
};

constexpr std::array<AlgorithmInfo, 7> kAlgorithms{{
    {Algorithm::RS256, "RS256", "RSA", nullptr, 32},
    {Algorithm::RS384, "RS384", "RSA", nullptr, 48},
    {Algorithm::RS512, "RS512", "RSA", nullptr, 64},
    {Algorithm::PS256, "PS256", "RSA", nullptr, 32},
    {Algorithm::PS384, "PS384", "RSA", nullptr, 48},
    {Algorithm::ES256, "ES256", "EC", "P-256", 32},
    {Algorithm::ES384, "ES384", "EC", "P-384", 48},
}};

const AlgorithmInfo &info(Algorithm alg)
{
    for (const auto &i : kAlgorithms) {
        if (i.alg == alg)
            return i;
    }
    return kAlgorithms.front(); // unreachable: every enumerator is listed
}

// The members of a JWK that carry the key, by kty: public first, then private.
const QStringList &publicMembers(const QString &kty)
{
    static const QStringList rsa{QStringLiteral("n"), QStringLiteral("e")};
    static const QStringList ec{QStringLiteral("crv"), QStringLiteral("x"), QStringLiteral("y")};
    static const QStringList none;
    return kty == QLatin1String("RSA") ? rsa : kty == QLatin1String("EC") ? ec : none;
}

const QStringList &privateMembers(const QString &kty)
{
    static const QStringList rsa{QStringLiteral("d"),  QStringLiteral("p"),  QStringLiteral("q"),
                                 QStringLiteral("dp"), QStringLiteral("dq"), QStringLiteral("qi")};
    static const QStringList ec{QStringLiteral("d")};
    static const QStringList none;
    return kty == QLatin1String("RSA") ? rsa : kty == QLatin1String("EC") ? ec : none;
}

void registerPrivateMembers(const QJsonObject &jwk)
{
    const QString kty = jwk.value(kKty).toString(); // a named value: GCC 14 suspects a dangle
    for (const QString &member : privateMembers(kty))
        log::registerSecret(jwk.value(member).toString());
}

// --- jansson and jose plumbing ------------------------------------------------------------

struct JsonDeleter
{
    void operator()(json_t *json) const { json_decref(json); }
};
using Json = std::unique_ptr<json_t, JsonDeleter>;

struct EvpPkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
using EvpPkey = std::unique_ptr<EVP_PKEY, EvpPkeyDeleter>;

struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using Bio = std::unique_ptr<BIO, BioDeleter>;

extern "C" void captureJoseError(void *misc, const char *, int, uint64_t, const char *fmt,
                                 va_list ap);

// One jose configuration per operation: jose reports its errors through it (by default it
// prints them to stderr); the last one becomes a Verification's detail.
class JoseContext final
{
public:
    JoseContext() : m_cfg(jose_cfg())
    {
        if (m_cfg)
            jose_cfg_set_err_func(m_cfg, captureJoseError, this);
    }
    ~JoseContext() { jose_cfg_decref(m_cfg); }
    Q_DISABLE_COPY_MOVE(JoseContext)

    jose_cfg_t *cfg() const { return m_cfg; }
    const QString &lastError() const { return m_lastError; }
    void setLastError(const QString &error) { m_lastError = error; }

private:
    jose_cfg_t *m_cfg = nullptr;
    QString m_lastError;
};

extern "C" void captureJoseError(void *misc, const char *, int, uint64_t, const char *fmt,
                                 va_list ap)
{
    // jose's messages name algorithms and operations ("Signing algorithm mismatch (HS256 !=
    // RS256)"), never key material.
    std::array<char, 256> text{};
    std::vsnprintf(text.data(), text.size(), fmt, ap);
    static_cast<JoseContext *>(misc)->setLastError(QString::fromUtf8(text.data()));
}

// Serialises a jansson value, wiping jansson's buffer afterwards (it may hold a private key).
QByteArray dump(const json_t *json)
{
    char *text = json_dumps(json, JSON_COMPACT | JSON_ENCODE_ANY);
    if (!text)
        return {};
    QByteArray out(text);
    OPENSSL_cleanse(text, std::strlen(text));
    std::free(text);
    return out;
}

// A JWK as jose sees it: the key members of its kty (public ones required, private ones when
// asked for and present), as strings, plus alg. Nothing else a server put in it goes on.
Json toJoseKey(const QJsonObject &jwk, bool withPrivate, const QString &alg = {})
{
    const QString kty = jwk.value(kKty).toString();
    if (publicMembers(kty).isEmpty())
        return nullptr;
    Json out(json_object());
    auto put = [&out](const QString &member, const QString &value) {
        const QByteArray bytes = value.toUtf8();
        json_object_set_new(out.get(), member.toUtf8().constData(),
                            json_stringn(bytes.constData(), size_t(bytes.size())));
    };
    put(kKty, kty);
    for (const QString &member : publicMembers(kty)) {
        if (!jwk.value(member).isString())
            return nullptr;
        put(member, jwk.value(member).toString());
    }
    if (withPrivate) {
        for (const QString &member : privateMembers(kty)) {
            const QJsonValue value = jwk.value(member);
            if (value.isUndefined())
                continue;
            if (!value.isString())
                return nullptr;
            put(member, value.toString());
        }
    }
    const QString useAlg = alg.isEmpty() ? jwk.value(kAlg).toString() : alg;
    if (!useAlg.isEmpty())
        put(kAlg, useAlg);
    return out;
}

QJsonObject fromJoseKey(const json_t *key)
{
    QByteArray text = dump(key);
    const QJsonObject out = QJsonDocument::fromJson(text).object();
    text.fill('\0');
    return out;
}

// base64url without padding, and canonical: the text re-encodes to itself, so no two texts
// decode to the same bytes and jose's decoder cannot read a segment differently.
std::optional<QByteArray> decodeSegment(const QByteArray &text)
{
    if (text.contains('='))
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(
            text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64(kBase64Url) != text)
        return std::nullopt;
    return decoded.decoded;
}

enum class JsonShape { Object, NotAnObject, Duplicates };

// Qt keeps the last of two members with one name, as jansson does by default; a token that
// repeats a member is refused rather than read one way here and another way elsewhere.
JsonShape parseObject(const QByteArray &json, QJsonObject *out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return JsonShape::NotAnObject;
    json_error_t jerror;
    const Json strict(json_loadb(json.constData(), size_t(json.size()), JSON_REJECT_DUPLICATES,
                                 &jerror));
    if (!strict)
        return JsonShape::Duplicates;
    *out = doc.object();
    return JsonShape::Object;
}

// The size of an RSA JWK's modulus in bits; 0 when `n` is not base64url text.
int rsaModulusBits(const QJsonObject &jwk)
{
    const auto n = decodeSegment(jwk.value(QStringLiteral("n")).toString().toLatin1());
    if (!n)
        return 0;
    qsizetype start = 0;
    while (start < n->size() && n->at(start) == '\0')
        ++start;
    if (start == n->size())
        return 0;
    int bits = int(n->size() - start - 1) * 8;
    for (auto top = static_cast<unsigned char>(n->at(start)); top; top >>= 1)
        ++bits;
    return bits;
}

// Why `jwk` cannot check (or make) an `alg` signature, or nullopt when it can.
std::optional<QString> unfitReason(const QJsonObject &jwk, Algorithm alg, bool forSigning)
{
    const AlgorithmInfo &a = info(alg);
    const QString name = QString::fromLatin1(a.name);
    const QString kty = jwk.value(kKty).toString();
    const QString kid = jwk.value(kKid).toString();
    const QString which = kid.isEmpty() ? tr("The key") : tr("The key \"%1\"").arg(kid);
    if (kty == QLatin1String("oct"))
        return tr("%1 is a shared secret (kty oct); chartkey uses only public-key signatures.")
                .arg(which);
    if (kty != QLatin1String(a.kty))
        return tr("%1 is of type %2, but %3 needs an %4 key.")
                .arg(which, kty.isEmpty() ? tr("(none)") : kty, name, QLatin1String(a.kty));
    const QJsonValue use = jwk.value(kUse);
    if (!use.isUndefined() && use.toString() != QLatin1String("sig"))
        return tr("%1 is not for signatures (use is \"%2\").").arg(which, use.toString());
    const QJsonValue ops = jwk.value(QStringLiteral("key_ops"));
    if (!ops.isUndefined()
        && !ops.toArray().contains(forSigning ? QStringLiteral("sign") : QStringLiteral("verify")))
        return tr("%1 does not allow %2 (key_ops).")
                .arg(which, forSigning ? QStringLiteral("sign") : QStringLiteral("verify"));
    const QJsonValue keyAlg = jwk.value(kAlg);
    if (!keyAlg.isUndefined() && keyAlg.toString() != name)
        return tr("%1 is for %2, not %3.").arg(which, keyAlg.toString(), name);
    if (a.crv) {
        const QString crv = jwk.value(QStringLiteral("crv")).toString();
        if (crv != QLatin1String(a.crv))
            return tr("%1 is on curve %2, but %3 needs %4.")
                    .arg(which, crv.isEmpty() ? tr("(none)") : crv, name, QLatin1String(a.crv));
    } else {
        const int bits = rsaModulusBits(jwk);
        if (bits == 0)
            return tr("%1 has no RSA modulus (n) in base64url.").arg(which);
        if (bits < kMinRsaBits || bits > kMaxRsaBits)
            return tr("%1 is an RSA key of %2 bits; chartkey accepts %3 to %4.")
                    .arg(which, QString::number(bits), QString::number(kMinRsaBits),
                         QString::number(kMaxRsaBits));
    }
    for (const QString &member : publicMembers(kty)) {
        if (!jwk.value(member).isString())
            return tr("%1 lacks its member \"%2\".").arg(which, member);
    }
    if (forSigning && !jwk.value(QStringLiteral("d")).isString())
        return tr("%1 is a public key; signing needs the private key.").arg(which);
    return std::nullopt;
}

QList<QJsonObject> keysOf(const QJsonObject &jwks, bool *ok)
{
    *ok = true;
    QList<QJsonObject> keys;
    const QJsonValue set = jwks.value(QStringLiteral("keys"));
    if (set.isArray()) {
        for (const QJsonValue &key : set.toArray()) {
            if (key.isObject())
                keys.append(key.toObject());
        }
    } else if (set.isUndefined() && jwks.value(kKty).isString()) {
        keys.append(jwks);
    } else {
        *ok = false;
    }
    return keys;
}

bool joseVerify(JoseContext &ctx, const QByteArray &compact, const QJsonObject &jwk,
                Algorithm alg)
{
    const Json key = toJoseKey(jwk, false, QString::fromLatin1(info(alg).name));
    if (!key)
        return false;
    const QList<QByteArray> parts = compact.split('.');
    Json jws(json_object());
    for (int i = 0; i < 3; ++i) {
        static const char *const names[] = {"protected", "payload", "signature"};
        json_object_set_new(jws.get(), names[i],
                            json_stringn(parts.at(i).constData(), size_t(parts.at(i).size())));
    }
    return jose_jws_ver(ctx.cfg(), jws.get(), nullptr, key.get(), false);
}

QString refusedAlgorithmMessage(const QString &alg)
{
    const QString accepted = allowedAlgorithmNames().join(QStringLiteral(", "));
    if (alg.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return tr("The token is not signed (alg \"none\"); chartkey accepts only signed tokens "
                  "(%1).")
                .arg(accepted);
    if (alg.startsWith(QLatin1String("HS")))
        return tr("The token is signed with a shared secret (%1), not with one of the server's "
                  "public keys; chartkey refuses it (accepted: %2).")
                .arg(alg, accepted);
    return tr("The token's signature algorithm (%1) is not one chartkey accepts (%2).")
            .arg(alg.isEmpty() ? tr("(none)") : alg, accepted);
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// Finishes a private JWK made or read here: alg, use "sig", kid = thumbprint, secrets
// registered, no key_ops (jose's generator adds them; use says the same).
QJsonObject finishPrivateKey(QJsonObject jwk, Algorithm alg)
{
    jwk.remove(QStringLiteral("key_ops"));
    jwk.insert(kAlg, QString::fromLatin1(info(alg).name));
    jwk.insert(kUse, QStringLiteral("sig"));
    jwk.insert(kKid, QString::fromLatin1(thumbprint(jwk)));
    registerPrivateMembers(jwk);
    return jwk;
}

EvpPkey toEvpPkey(JoseContext &ctx, const QJsonObject &jwk, bool withPrivate)
{
    const Json key = toJoseKey(jwk, withPrivate);
    if (!key)
        return nullptr;
    return EvpPkey(jose_openssl_jwk_to_EVP_PKEY(ctx.cfg(), key.get()));
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, qsizetype(size)) : QByteArray();
}

} // namespace

// --- Algorithms ---------------------------------------------------------------------------

QString algorithmName(Algorithm alg)
{
    return QString::fromLatin1(info(alg).name);
}

std::optional<Algorithm> algorithmFromName(const QString &name)
{
    for (const auto &i : kAlgorithms) {
        if (name == QLatin1String(i.name))
            return i.alg;
    }
    return std::nullopt;
}

QStringList allowedAlgorithmNames()
{
    QStringList names;
    for (const auto &i : kAlgorithms)
        names.append(QString::fromLatin1(i.name));
    return names;
}

int hashSize(Algorithm alg)
{
    return info(alg).hashBytes;
}

// --- Parsing and verification -------------------------------------------------------------

ParsedJws parseCompact(const QByteArray &compact)
{
    ParsedJws out;
    auto fail = [&out](const QString &why) {
        out.error = why;
        return out;
    };
    if (compact.size() > kMaxCompactSize)
        return fail(tr("The token is larger than 64 KiB."));
    const QList<QByteArray> parts = compact.split('.');
    if (parts.size() == 5)
        return fail(tr("The token is encrypted (JWE); chartkey reads signed tokens (JWS) only."));
    if (parts.size() != 3)
        return fail(tr("The token is not a signed JWT: it does not have three parts separated "
                       "by dots."));
    const auto header = decodeSegment(parts.at(0));
    if (!header || header->isEmpty())
        return fail(tr("The token's header is not base64url text."));
    switch (parseObject(*header, &out.header)) {
    case JsonShape::Object:
        break;
    case JsonShape::NotAnObject:
        return fail(tr("The token's header is not a JSON object."));
    case JsonShape::Duplicates:
        return fail(tr("The token's header names a member twice."));
    }
    if (!out.header.value(kAlg).isString())
        return fail(tr("The token's header has no signature algorithm (alg)."));
    const QJsonValue kid = out.header.value(kKid);
    if (!kid.isUndefined() && !kid.isString())
        return fail(tr("The token's key ID (kid) is not a string."));
    const auto payload = decodeSegment(parts.at(1));
    if (!payload)
        return fail(tr("The token's payload is not base64url text."));
    out.payload = *payload;
    if (out.payload.trimmed().startsWith('{')) {
        switch (parseObject(out.payload, &out.claims)) {
        case JsonShape::Object:
            out.payloadIsObject = true;
            break;
        case JsonShape::NotAnObject:
            break; // a JWS may sign any bytes; a JWT's reader checks payloadIsObject
        case JsonShape::Duplicates:
            return fail(tr("The token's claims name a member twice."));
        }
    }
    const auto signature = decodeSegment(parts.at(2));
    if (!signature)
        return fail(tr("The token's signature is not base64url text."));
    out.signature = *signature;
    out.signingInput = parts.at(0) + '.' + parts.at(1);
    out.ok = true;
    return out;
}

Verification verify(const QByteArray &compact, const QJsonObject &jwks, const QStringList &allowed)
{
    Verification v;
    v.jws = parseCompact(compact);
    auto result = [&v](VerifyStatus status, const QString &message, const QString &detail = {}) {
        v.status = status;
        v.message = message;
        v.detail = detail;
        return v;
    };
    if (!v.jws.ok)
        return result(VerifyStatus::Malformed, v.jws.error);
    if (v.jws.header.contains(QStringLiteral("crit")))
        return result(VerifyStatus::Malformed,
                      tr("The token marks header parameters as critical (crit); chartkey "
                         "supports none."));
    if (v.jws.header.contains(QStringLiteral("b64")))
        return result(VerifyStatus::Malformed,
                      tr("The token's payload is not base64url-encoded (b64, RFC 7797); "
                         "chartkey does not support that."));

    const QString algName = v.jws.alg();
    const auto alg = algorithmFromName(algName);
    if (!alg || (!allowed.isEmpty() && !allowed.contains(algName)))
        return result(VerifyStatus::AlgorithmRefused, refusedAlgorithmMessage(algName));

    bool setOk = false;
    const QList<QJsonObject> keys = keysOf(jwks, &setOk);
    if (!setOk)
        return result(VerifyStatus::BadKeySet,
                      tr("The server's key set (JWKS) is not a JSON object with a \"keys\" "
                         "list."));

    QList<QJsonObject> candidates;
    // A set whose keys name no kid at all (a server with one key, say) is searched as for a
    // token without a kid.
    const bool setNamesKids = keys.isEmpty()
            || std::any_of(keys.cbegin(), keys.cend(),
                           [](const QJsonObject &key) { return key.contains(kKid); });
    const QString kid = setNamesKids ? v.jws.kid() : QString();
    if (!kid.isEmpty()) {
        std::optional<QString> firstUnfit;
        bool known = false;
        for (const QJsonObject &key : keys) {
            if (key.value(kKid).toString() != kid)
                continue;
            known = true;
            if (const auto why = unfitReason(key, *alg, false)) {
                if (!firstUnfit)
                    firstUnfit = why;
            } else {
                candidates.append(key);
            }
        }
        if (!known)
            return result(VerifyStatus::UnknownKey,
                          tr("No key in the server's key set (JWKS) has the ID \"%1\" that "
                             "signed this token. The server may have rotated its keys: fetch "
                             "its key set again.")
                                  .arg(kid));
        if (candidates.isEmpty())
            return result(VerifyStatus::AlgorithmRefused,
                          tr("The token says %1, which its key cannot check: %2")
                                  .arg(algName, *firstUnfit));
    } else {
        for (const QJsonObject &key : keys) {
            if (!unfitReason(key, *alg, false) && candidates.size() < kMaxKeysTried)
                candidates.append(key);
        }
        if (candidates.isEmpty())
            return result(VerifyStatus::UnknownKey,
                          tr("No key in the server's key set (JWKS) fits %1. The server may have "
                             "rotated its keys: fetch its key set again.")
                                  .arg(algName));
    }

    JoseContext ctx;
    for (const QJsonObject &key : std::as_const(candidates)) {
        if (joseVerify(ctx, compact, key, *alg)) {
            v.key = publicJwk(key);
            return result(VerifyStatus::Ok, tr("The signature is valid."));
        }
    }
    return result(VerifyStatus::BadSignature,
                  kid.isEmpty()
                          ? tr("The token's signature (%1) does not verify with any key of the "
                               "server's key set: it was altered, or another party signed it.")
                                    .arg(algName)
                          : tr("The token's signature (%1) does not verify with the server's "
                               "key \"%2\": it was altered, or another party signed it.")
                                    .arg(algName, kid),
                  ctx.lastError());
}

Verification verify(const QByteArray &compact, const QByteArray &jwksJson,
                    const QStringList &allowed)
{
    QJsonObject jwks;
    if (parseObject(jwksJson, &jwks) != JsonShape::Object) {
        Verification v;
        v.jws = parseCompact(compact);
        v.status = VerifyStatus::BadKeySet;
        v.message = tr("The server's key set (JWKS) is not a JSON object.");
        return v;
    }
    return verify(compact, jwks, allowed);
}

// --- Keys ---------------------------------------------------------------------------------

QJsonObject generateKey(Algorithm alg, int rsaBits, QString *error)
{
    const AlgorithmInfo &a = info(alg);
    const bool rsa = !a.crv;
    if (rsa && (rsaBits < kMinRsaBits || rsaBits > kMaxRsaBits)) {
        setError(error, tr("An RSA key has %1 to %2 bits, not %3.")
                                .arg(QString::number(kMinRsaBits), QString::number(kMaxRsaBits),
                                     QString::number(rsaBits)));
        return {};
    }
    JoseContext ctx;
    Json tmpl(json_object());
    json_object_set_new(tmpl.get(), "alg", json_string(a.name));
    if (rsa)
        json_object_set_new(tmpl.get(), "bits", json_integer(rsaBits));
    if (!jose_jwk_gen(ctx.cfg(), tmpl.get())) {
        setError(error, tr("Generating the %1 key failed: %2").arg(algorithmName(alg),
                                                                     ctx.lastError()));
        return {};
    }
    return finishPrivateKey(fromJoseKey(tmpl.get()), alg);
}

QByteArray privateJwkBytes(const QJsonObject &privateJwk)
{
    const QByteArray bytes = QJsonDocument(privateJwk).toJson(QJsonDocument::Compact);
    log::registerSecret(QString::fromUtf8(bytes));
    registerPrivateMembers(privateJwk);
    return bytes;
}

QJsonObject privateJwkFromBytes(const QByteArray &bytes, QString *error)
{
    log::registerSecret(QString::fromUtf8(bytes));
    QJsonObject jwk;
    if (parseObject(bytes, &jwk) != JsonShape::Object) {
        setError(error, tr("The stored key is not a JSON Web Key."));
        return {};
    }
    registerPrivateMembers(jwk);
    const auto alg = algorithmFromName(jwk.value(kAlg).toString());
    if (!alg) {
        setError(error, tr("The stored key has no signature algorithm chartkey uses (alg)."));
        return {};
    }
    if (const auto why = unfitReason(jwk, *alg, true)) {
        setError(error, *why);
        return {};
    }
    return jwk;
}

QJsonObject publicJwk(const QJsonObject &jwk)
{
    const QString kty = jwk.value(kKty).toString();
    const QStringList &members = publicMembers(kty);
    if (members.isEmpty())
        return {};
    QJsonObject out{{kKty, kty}};
    for (const QString &member : members) {
        if (!jwk.value(member).isString())
            return {};
        out.insert(member, jwk.value(member));
    }
    for (const QString &member : {kAlg, kUse, kKid}) {
        if (jwk.value(member).isString())
            out.insert(member, jwk.value(member));
    }
    return out;
}

QJsonObject publicJwks(const QList<QJsonObject> &jwks)
{
    QJsonArray keys;
    for (const QJsonObject &jwk : jwks) {
        const QJsonObject pub = publicJwk(jwk);
        if (!pub.isEmpty())
            keys.append(pub);
    }
    return QJsonObject{{QStringLiteral("keys"), keys}};
}

QByteArray thumbprint(const QJsonObject &jwk)
{
    const Json key = toJoseKey(jwk, false);
    if (!key)
        return {};
    json_object_del(key.get(), "alg"); // RFC 7638 section 3.2: only the required members count
    JoseContext ctx;
    const Json value(jose_jwk_thp(ctx.cfg(), key.get(), "S256"));
    if (!value || !json_is_string(value.get()))
        return {};
    return QByteArray(json_string_value(value.get()));
}

QByteArray signJwt(const QJsonObject &claims, const QJsonObject &privateJwk, QString *error)
{
    registerPrivateMembers(privateJwk);
    const auto alg = algorithmFromName(privateJwk.value(kAlg).toString());
    if (!alg) {
        setError(error, tr("The signing key names no signature algorithm chartkey uses (alg)."));
        return {};
    }
    if (const auto why = unfitReason(privateJwk, *alg, true)) {
        setError(error, *why);
        return {};
    }
    QByteArray kid = privateJwk.value(kKid).toString().toUtf8();
    if (kid.isEmpty())
        kid = thumbprint(privateJwk);

    const Json key = toJoseKey(privateJwk, true);
    if (!key) {
        setError(error, tr("The signing key is incomplete."));
        return {};
    }
    const QByteArray payload =
            QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(kBase64Url);
    Json jws(json_object());
    json_object_set_new(jws.get(), "payload",
                        json_stringn(payload.constData(), size_t(payload.size())));
    Json header(json_object());
    json_object_set_new(header.get(), "alg", json_string(info(*alg).name));
    json_object_set_new(header.get(), "kid", json_stringn(kid.constData(), size_t(kid.size())));
    json_object_set_new(header.get(), "typ", json_string("JWT"));
    Json sig(json_object());
    json_object_set(sig.get(), "protected", header.get());

    JoseContext ctx;
    if (!jose_jws_sig(ctx.cfg(), jws.get(), sig.get(), key.get())) {
        setError(error, tr("Signing the JWT failed: %1").arg(ctx.lastError()));
        return {};
    }
    const char *prot = json_string_value(json_object_get(jws.get(), "protected"));
    const char *signature = json_string_value(json_object_get(jws.get(), "signature"));
    if (!prot || !signature) {
        setError(error, tr("Signing the JWT failed: the library returned no signature."));
        return {};
    }
    const QByteArray compact = QByteArray(prot) + '.' + payload + '.' + QByteArray(signature);
    log::registerSecret(QString::fromLatin1(compact));
    return compact;
}

QJsonObject importPrivateKeyPem(const QByteArray &pem, std::optional<Algorithm> alg,
                                QString *error)
{
    log::registerSecret(QString::fromLatin1(pem.trimmed()));
    if (pem.contains("ENCRYPTED")) {
        setError(error, tr("The PEM key is encrypted. Decrypt it first, e.g. with "
                           "openssl pkey -in key.pem -out plain.pem."));
        return {};
    }
    const Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    // A password callback that declines: OpenSSL must never prompt on the terminal.
    auto noPassword = [](char *, int, int, void *) { return 0; };
    const EvpPkey pkey(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassword, nullptr)
                           : nullptr);
    ERR_clear_error();
    if (!pkey) {
        setError(error, tr("This is not a PEM private key (PKCS#8 \"PRIVATE KEY\", or "
                           "\"RSA PRIVATE KEY\" / \"EC PRIVATE KEY\")."));
        return {};
    }
    const int type = EVP_PKEY_get_base_id(pkey.get());
    if (type != EVP_PKEY_RSA && type != EVP_PKEY_EC) {
        setError(error, tr("The PEM key is neither an RSA nor an EC key."));
        return {};
    }
    JoseContext ctx;
    const Json joseKey(jose_openssl_jwk_from_EVP_PKEY(ctx.cfg(), pkey.get()));
    if (!joseKey) {
        setError(error, tr("The PEM key could not be read as a JSON Web Key: %1")
                                .arg(ctx.lastError()));
        return {};
    }
    QJsonObject jwk = fromJoseKey(joseKey.get());
    registerPrivateMembers(jwk);
    // Only the key members go on: whatever else jose added is dropped.
    QJsonObject key{{kKty, jwk.value(kKty)}};
    for (const QString &member : publicMembers(jwk.value(kKty).toString())
                 + privateMembers(jwk.value(kKty).toString())) {
        if (jwk.contains(member))
            key.insert(member, jwk.value(member));
    }
    if (!alg) {
        const QString crv = key.value(QStringLiteral("crv")).toString();
        if (type == EVP_PKEY_RSA)
            alg = Algorithm::RS384;
        else if (crv == QLatin1String("P-256"))
            alg = Algorithm::ES256;
        else if (crv == QLatin1String("P-384"))
            alg = Algorithm::ES384;
        else {
            setError(error, tr("The EC key is on curve %1; chartkey signs with P-256 (ES256) "
                               "or P-384 (ES384).")
                                    .arg(crv.isEmpty() ? tr("(unknown)") : crv));
            return {};
        }
    }
    if (const auto why = unfitReason(key, *alg, true)) {
        setError(error, *why);
        return {};
    }
    return finishPrivateKey(key, *alg);
}

QByteArray publicKeyPem(const QJsonObject &jwk, QString *error)
{
    JoseContext ctx;
    const EvpPkey pkey = toEvpPkey(ctx, publicJwk(jwk), false);
    const Bio bio(BIO_new(BIO_s_mem()));
    if (!pkey || !bio || PEM_write_bio_PUBKEY(bio.get(), pkey.get()) != 1) {
        ERR_clear_error();
        setError(error, tr("The key could not be written as PEM: %1").arg(ctx.lastError()));
        return {};
    }
    return bioBytes(bio.get());
}

QByteArray selfSignedCertificatePem(const QJsonObject &privateJwk, const QString &commonName,
                                    const QDateTime &notBefore, int validDays, QString *error)
{
    registerPrivateMembers(privateJwk);
    const auto alg = algorithmFromName(privateJwk.value(kAlg).toString());
    if (!alg || unfitReason(privateJwk, *alg, true)) {
        setError(error, tr("A certificate needs a private signing key of chartkey's."));
        return {};
    }
    if (validDays < 1 || !notBefore.isValid() || commonName.isEmpty()) {
        setError(error, tr("A certificate needs a name, a start date and at least one day."));
        return {};
    }
    JoseContext ctx;
    const EvpPkey pkey = toEvpPkey(ctx, privateJwk, true);
    if (!pkey) {
        setError(error, tr("The key could not be loaded: %1").arg(ctx.lastError()));
        return {};
    }
    // OpenSSL makes and signs the certificate; the JOSE library has no X.509.
    const std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    const std::unique_ptr<BIGNUM, decltype(&BN_free)> serial(BN_new(), BN_free);
    const Bio bio(BIO_new(BIO_s_mem()));
    const qint64 start = notBefore.toSecsSinceEpoch();
    const QByteArray cn = commonName.toUtf8();
    const EVP_MD *digest = hashSize(*alg) == 64 ? EVP_sha512()
                         : hashSize(*alg) == 48 ? EVP_sha384()
                                                : EVP_sha256();
    bool ok = cert && serial && bio && X509_set_version(cert.get(), 2) == 1
            && BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1
            && BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get()))
            && ASN1_TIME_set(X509_getm_notBefore(cert.get()), time_t(start))
            && ASN1_TIME_set(X509_getm_notAfter(cert.get()),
                             time_t(start + qint64(validDays) * 86400))
            && X509_set_pubkey(cert.get(), pkey.get()) == 1;
    X509_NAME *name = ok ? X509_get_subject_name(cert.get()) : nullptr;
    ok = ok && name
            && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                          reinterpret_cast<const unsigned char *>(cn.constData()),
                                          int(cn.size()), -1, 0) == 1
            && X509_set_issuer_name(cert.get(), name) == 1;
    if (ok) {
        X509V3_CTX v3;
        X509V3_set_ctx_nodb(&v3);
        X509V3_set_ctx(&v3, cert.get(), cert.get(), nullptr, nullptr, 0);
        for (const auto &[nid, value] : {std::pair{NID_basic_constraints, "critical,CA:FALSE"},
                                          std::pair{NID_key_usage, "critical,digitalSignature"},
                                          std::pair{NID_subject_key_identifier, "hash"}}) {
            X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &v3, nid, value);
            ok = ok && ext && X509_add_ext(cert.get(), ext, -1) == 1;
            X509_EXTENSION_free(ext);
        }
    }
    ok = ok && X509_sign(cert.get(), pkey.get(), digest) > 0
            && PEM_write_bio_X509(bio.get(), cert.get()) == 1;
    if (!ok) {
        ERR_clear_error();
        setError(error, tr("Making the certificate failed."));
        return {};
    }
    return bioBytes(bio.get());
}

} // namespace chartkey::jose

// jose::parseCompact and jose::verify: a compact JWS (an ID token, say) against the fixed
// JWKS below (RS256, PS256, ES256 and ES384 public keys; the seeds in corpus/jws/ were signed
// with their private keys, which are not kept), and against a JWKS the input carries.
// Input: the token; optionally a newline and a JWKS (JSON) to verify it against as well.
// Checks: a parsed token's segments re-encode to themselves and its signing input is what
// was received; a verified token used an allowed algorithm and a public key of the set, and
// fails once that key is gone; a refusal says why; every key of the input's JWKS gets a
// thumbprint and a PEM export without crashing, and keeps its thumbprint without extras.
#include "fuzzsupport.h"

#include "auth/jose.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace chartkey;

namespace {

const char kFixedJwks[] =
    R"({"keys":[{"kty":"RSA","n":"rGL-MVIVDs9NdYRRylW09yeOXhHwvYijUpJOTBK_3UZKgzILNJ8kjyyLrCkKH)"
    R"(iEFgtTmuw_M9tqdlKSvTQa_6ChI_Qw1P9xXzru34kdpEl4R4YQYNaRQq8SWQEROhDBj4dxRFtey6gPxOi_MWtbHo)"
    R"(zhAoxTvnHOhcQIh8JGL64moVhOQAUOmbxCvWKke3qDPahIh4YD_nOAqZebZPTxb2bu1GkCnocMaMAwLzG1VpFEzr)"
    R"(FUXe72YbqEcpuglnJFsYokYJ5gxX2BI5BvQsv-BXx3EhfEFKgCy1dWcKDEL5Y4C0DOY36HAA_WeBRIwjnhehaMAX)"
    R"(_NmtAMNE0pjvg65XQ","e":"AQAB","alg":"RS256","use":"sig","kid":"52ToqMdUVWfelkFL-dbMzwHsF)"
    R"(P3D3S4J1sCPd5T5ZNo"},{"kty":"RSA","n":"tBrnCqn9H3mg-w2LNLJwBj0keLS1m67XN3jkwOdzTEGZIETYm)"
    R"(z0hADoT5OSk7nDddEBfPbmwBKoexZ553qqpLDNveEvM05vTnCsp6sDYSuZMWQrz2kfEJM37fK9NQkAQf1STsOExK)"
    R"(hafHwsVkvKbMhslLgUNxZx0jL5Nzu8HDDlC7rolzBwjmwKmvBmXyGZXSuft-WM8NJ0fJ2NHkGwq-t_WZACGBNIfm)"
    R"(5hcpw-SIx1-8qMwTLGNyex8bn9TAy2QdqvLNg99cSfGRXJHY-5S6MjtN9tQxLtCeJhMK3ihFSNFgFVonELVF4_CS)"
    R"(BRHbNKKHk3t6HM4oI645gOixB1nBQ","e":"AQAB","alg":"PS256","use":"sig","kid":"yeVhQcVOxjNEH)"
    R"(2G_XExrGU9HLu8gg6qO6O67J7QAMVw"},{"kty":"EC","crv":"P-256","x":"D14q3MKH_ZCsl_v7touaEDYS)"
    R"(sWUqkHugxDnpcTT99B8","y":"d-oRtE0fvcOXi0152e-xpBWlGJkbFoWIf7l4u3sKoMY","alg":"ES256","us)"
    R"(e":"sig","kid":"Nd4Ywl2JzaajXFDbdhYRWC_ZNXd4Y6CRJ_xyfy1Co6k"},{"kty":"EC","crv":"P-384",)"
    R"("x":"eO1TlSGplwsmLdoEDmhl8UFAIiJstCNP5YiwjQYD8iwjYfS5-lgr9-HJCWoMTS97","y":"MKKXSHHlmttf)"
    R"(A2cGMxNCUN-Mw0IG5O1kX3czBNK5l6mcqu318fVVlUZ1AMvlLfs0","alg":"ES384","use":"sig","kid":"2)"
    R"(EnNDf5IYVOxHNC9088lBY7eLPPqFH1j9F7lWquEypo"}]})";

const QJsonObject &fixedJwks()
{
    static const auto *set = new QJsonObject(QJsonDocument::fromJson(kFixedJwks).object());
    return *set;
}

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

void checkVerification(const QByteArray &token, const jose::Verification &v,
                       const QJsonObject &jwks)
{
    if (!v.isOk()) {
        fuzz::check(!v.message.isEmpty(), "a refusal without a sentence");
        fuzz::check(v.key.isEmpty(), "a refusal that names a key");
        return;
    }
    fuzz::check(v.jws.ok, "verified, yet not parsed");
    fuzz::check(jose::allowedAlgorithmNames().contains(v.jws.alg()),
                "verified with an algorithm not on the list", v.jws.alg());
    fuzz::check(!v.key.isEmpty() && !v.key.contains(QStringLiteral("d")),
                "verified without a public key");
    // The token's kid chose the key, unless no key of the set names a kid.
    const QJsonArray keys = jwks.value(QStringLiteral("keys")).toArray();
    const bool setNamesKids = std::any_of(keys.begin(), keys.end(), [](const QJsonValue &key) {
        return key.toObject().contains(QStringLiteral("kid"));
    });
    if (!v.jws.kid().isEmpty() && setNamesKids)
        fuzz::check(v.key.value(QStringLiteral("kid")).toString() == v.jws.kid(),
                    "verified with a key other than the token's kid");
    // Without the key that verified it (every copy of it), the token must not verify.
    const QByteArray used = jose::thumbprint(v.key);
    fuzz::check(!used.isEmpty(), "verified with a key that has no thumbprint");
    QJsonArray others;
    for (const QJsonValue &key : keys) {
        if (jose::thumbprint(key.toObject()) != used)
            others.append(key);
    }
    const jose::Verification again =
            jose::verify(token, QJsonObject{{QStringLiteral("keys"), others}});
    fuzz::check(!again.isOk(), "verified again without its key");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = (fuzz::silenceQtMessages(), true);
    Q_UNUSED(quiet)
    const auto [token, jwksText] = fuzz::firstLine(fuzz::bytes(data, size));

    const jose::ParsedJws jws = jose::parseCompact(token);
    if (jws.ok) {
        const QList<QByteArray> parts = token.split('.');
        fuzz::check(parts.size() == 3, "parsed, yet not three parts");
        fuzz::check(jws.signingInput == parts.at(0) + '.' + parts.at(1),
                    "the signing input is not what was received");
        fuzz::check(b64(jws.payload) == parts.at(1), "the payload does not re-encode");
        fuzz::check(b64(jws.signature) == parts.at(2), "the signature does not re-encode");
        fuzz::check(!jws.alg().isEmpty() || jws.header.value(QStringLiteral("alg")).isString(),
                    "parsed without an alg");
    } else {
        fuzz::check(!jws.error.isEmpty(), "not parsed, yet no reason");
    }

    checkVerification(token, jose::verify(token, fixedJwks()), fixedJwks());

    if (jwksText.isEmpty())
        return 0;
    const jose::Verification v = jose::verify(token, jwksText);
    const QJsonObject jwks = QJsonDocument::fromJson(jwksText).object();
    checkVerification(token, v, jwks);
    for (const QJsonValue &value : jwks.value(QStringLiteral("keys")).toArray()) {
        const QJsonObject key = value.toObject();
        const QByteArray thumbprint = jose::thumbprint(key);
        (void)jose::publicKeyPem(key);
        if (!thumbprint.isEmpty())
            fuzz::check(jose::thumbprint(jose::publicJwk(key)) == thumbprint,
                        "the thumbprint changes without the key's extra members");
    }
    return 0;
}

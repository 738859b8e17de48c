// jose: compact JWS parsing, verification against a JWKS (key selection, the algorithm
// allow-list, the classic attacks), key generation, RFC 7638 thumbprints, JWT signing, PEM
// import and export. Keys are generated here with the wrapper; openssl(1), when present,
// cross-checks PEM import and export independently.
#include "auth/jose.h"

#include "base/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chartkey;
using jose::Algorithm;
using jose::VerifyStatus;

Q_DECLARE_METATYPE(jose::VerifyStatus)

namespace {

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray b64(const QJsonObject &object)
{
    return b64(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// header.payload.signature from parts given by hand (for tokens the wrapper would never make).
QByteArray assemble(const QJsonObject &header, const QJsonObject &claims,
                    const QByteArray &signature = {})
{
    return b64(header) + '.' + b64(claims) + '.' + b64(signature);
}

QByteArray withHeader(const QByteArray &token, const QJsonObject &header)
{
    const QList<QByteArray> parts = token.split('.');
    return b64(header) + '.' + parts.at(1) + '.' + parts.at(2);
}

QByteArray flipSignatureByte(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    QByteArray signature = QByteArray::fromBase64(parts.at(2), QByteArray::Base64UrlEncoding);
    signature[signature.size() / 2] = char(signature.at(signature.size() / 2) ^ 0x01);
    return parts.at(0) + '.' + parts.at(1) + '.' + b64(signature);
}

QJsonObject sampleClaims()
{
    return {{QStringLiteral("iss"), QStringLiteral("https://ehr.example")},
            {QStringLiteral("sub"), QStringLiteral("practitioner-1")},
            {QStringLiteral("aud"), QStringLiteral("chartkey-public")},
            {QStringLiteral("exp"), 1767258000},
            {QStringLiteral("iat"), 1767254400}};
}

QJsonObject jwks(const QList<QJsonObject> &keys)
{
    return jose::publicJwks(keys);
}

// Runs openssl(1) with `args`, `input` on stdin; returns stdout, or a null array when it
// failed or is not installed.
QByteArray openssl(const QStringList &args, const QByteArray &input = {})
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (program.isEmpty())
        return {};
    QProcess process;
    process.start(program, args);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return process.readAllStandardOutput();
}

} // namespace

class TestJose final : public QObject
{
    Q_OBJECT

private:
    // One private key per algorithm, generated once (RSA generation takes a while).
    QHash<QString, QJsonObject> m_keys;

    QJsonObject key(Algorithm alg) const { return m_keys.value(jose::algorithmName(alg)); }

    QByteArray signedToken(Algorithm alg, const QJsonObject &claims = sampleClaims()) const
    {
        QString error;
        const QByteArray token = jose::signJwt(claims, key(alg), &error);
        if (token.isEmpty())
            qWarning("signJwt failed: %s", qPrintable(error));
        return token;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString &name : jose::allowedAlgorithmNames()) {
            QString error;
            const QJsonObject jwk = jose::generateKey(*jose::algorithmFromName(name), 2048, &error);
            QVERIFY2(!jwk.isEmpty(), qPrintable(error));
            m_keys.insert(name, jwk);
        }
    }

    void algorithmNamesRoundTrip()
    {
        const QStringList names = jose::allowedAlgorithmNames();
        QCOMPARE(names, QStringList({"RS256", "RS384", "RS512", "PS256", "PS384", "ES256",
                                     "ES384"}));
        for (const QString &name : names)
            QCOMPARE(jose::algorithmName(*jose::algorithmFromName(name)), name);
        for (const char *refused :
             {"none", "HS256", "HS384", "HS512", "ES512", "PS512", "rs256", ""})
            QVERIFY2(!jose::algorithmFromName(QLatin1String(refused)), refused);
        QCOMPARE(jose::hashSize(Algorithm::ES384), 48);
        QCOMPARE(jose::hashSize(Algorithm::RS512), 64);
        QCOMPARE(jose::hashSize(Algorithm::PS256), 32);
    }

    // --- parsing --------------------------------------------------------------------------

    void parseCompact_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<bool>("ok");
        const QJsonObject header{{"alg", "RS256"}, {"kid", "k1"}};
        const QByteArray good = assemble(header, sampleClaims(), "sig");
        QTest::newRow("a compact JWS") << good << true;
        QTest::newRow("an unsecured JWS parses (verify refuses it)")
                << assemble({{"alg", "none"}}, sampleClaims()) << true;
        QTest::newRow("two parts") << b64(header) + '.' + b64(sampleClaims()) << false;
        QTest::newRow("five parts (JWE)")
                << QByteArray("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("padding") << good.left(good.lastIndexOf('.')) + ".c2lnAA==" << false;
        QTest::newRow("non-canonical base64url (trailing bits)")
                << good.left(good.lastIndexOf('.')) + ".c2lnAB" << false;
        QTest::newRow("a character outside base64url")
                << good.left(good.lastIndexOf('.')) + ".c2ln+A" << false;
        QTest::newRow("header is not JSON") << b64(QByteArray("alg")) + ".e30.c2ln" << false;
        QTest::newRow("header is an array")
                << b64(QByteArray("[\"RS256\"]")) + ".e30.c2ln" << false;
        QTest::newRow("header names alg twice")
                << b64(QByteArray(R"({"alg":"RS256","alg":"none"})")) + ".e30.c2ln" << false;
        QTest::newRow("claims name aud twice")
                << b64(header) + '.' + b64(QByteArray(R"({"aud":"a","aud":"b"})")) + ".c2ln"
                << false;
        QTest::newRow("no alg") << assemble({{"kid", "k1"}}, sampleClaims(), "sig") << false;
        QTest::newRow("alg is a number")
                << assemble({{"alg", 256}}, sampleClaims(), "sig") << false;
        QTest::newRow("kid is a number")
                << assemble({{"alg", "RS256"}, {"kid", 7}}, sampleClaims(), "sig") << false;
        QTest::newRow("larger than 64 KiB")
                << assemble(header, {{"pad", QString(70000, QLatin1Char('x'))}}, "sig") << false;
    }

    void parseCompact()
    {
        QFETCH(QByteArray, token);
        QFETCH(bool, ok);
        const jose::ParsedJws jws = jose::parseCompact(token);
        QCOMPARE(jws.ok, ok);
        QCOMPARE(jws.error.isEmpty(), ok);
        if (ok) {
            QCOMPARE(jws.signingInput, token.left(token.lastIndexOf('.')));
            QVERIFY(jws.payloadIsObject);
            QCOMPARE(jws.claims, sampleClaims());
        }
    }

    // --- thumbprints ----------------------------------------------------------------------

    void thumbprintMatchesRfc7638Example()
    {
        // RFC 7638 section 3.1
        const QJsonObject jwk{
            {"kty", "RSA"},
            {"n", "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhD"
                  "R1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf"
                  "0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n9"
                  "1CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF4"
                  "4-csFCur-kEgU8awapJzKnqDKgw"},
            {"e", "AQAB"},
            {"alg", "RS256"},
            {"kid", "2011-04-29"}};
        QCOMPARE(jose::thumbprint(jwk), QByteArray("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
        QVERIFY(jose::thumbprint(QJsonObject{{"kty", "oct"}, {"k", "c2VjcmV0"}}).isEmpty());
        QVERIFY(jose::thumbprint(QJsonObject{{"kty", "RSA"}}).isEmpty());
    }

    // --- generation, signing, verification --------------------------------------------------

    void generatedKeysSignVerifiableJwts_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QString>("kty");
        QTest::addColumn<QString>("crv");
        for (const QString &name : jose::allowedAlgorithmNames()) {
            const bool ec = name.startsWith(QLatin1String("ES"));
            QTest::addRow("%s accepted", qPrintable(name))
                    << name << (ec ? "EC" : "RSA")
                    << (name == QLatin1String("ES256") ? "P-256" : ec ? "P-384" : "");
        }
    }

    void generatedKeysSignVerifiableJwts()
    {
        QFETCH(QString, alg);
        QFETCH(QString, kty);
        QFETCH(QString, crv);
        const QJsonObject jwk = m_keys.value(alg);
        QCOMPARE(jwk.value("kty").toString(), kty);
        QCOMPARE(jwk.value("crv").toString(), crv);
        QCOMPARE(jwk.value("alg").toString(), alg);
        QCOMPARE(jwk.value("use").toString(), QStringLiteral("sig"));
        QCOMPARE(jwk.value("kid").toString().toLatin1(), jose::thumbprint(jwk));
        QVERIFY(jwk.value("d").isString());

        const QJsonObject pub = jose::publicJwk(jwk);
        QVERIFY(!pub.contains("d"));
        QVERIFY(!pub.contains("p"));
        QCOMPARE(jose::thumbprint(pub), jose::thumbprint(jwk));

        const QByteArray token = signedToken(*jose::algorithmFromName(alg));
        QVERIFY(!token.isEmpty());
        const jose::Verification v = jose::verify(token, jwks({jwk}));
        QVERIFY2(v.isOk(), qPrintable(v.message));
        QCOMPARE(v.jws.claims, sampleClaims());
        QCOMPARE(v.jws.header.value("typ").toString(), QStringLiteral("JWT"));
        QCOMPARE(v.jws.header.value("kid").toString(), jwk.value("kid").toString());
        QCOMPARE(v.jws.alg(), alg);
        QCOMPARE(v.key, pub);
    }

    void generatedEs384KeySignsJwtVerifiedByItsExportedJwks()
    {
        // The private_key_jwt round: the private key goes to the keychain as bytes and comes
        // back; the server gets the public JWKS as JSON text.
        QString error;
        const QJsonObject fresh = jose::generateKey(Algorithm::ES384, 2048, &error);
        QVERIFY2(!fresh.isEmpty(), qPrintable(error));
        const QByteArray stored = jose::privateJwkBytes(fresh);
        const QJsonObject restored = jose::privateJwkFromBytes(stored, &error);
        QVERIFY2(!restored.isEmpty(), qPrintable(error));
        QCOMPARE(restored, fresh);

        const QJsonObject assertion{{"iss", "chartkey-backend"}, {"sub", "chartkey-backend"},
                                    {"aud", "https://ehr.example/token"}, {"jti", "a1b2c3"},
                                    {"exp", 1767254700}};
        const QByteArray jwt = jose::signJwt(assertion, restored, &error);
        QVERIFY2(!jwt.isEmpty(), qPrintable(error));
        const QByteArray published =
                QJsonDocument(jose::publicJwks({restored})).toJson(QJsonDocument::Compact);
        QVERIFY(!published.contains("\"d\""));
        const jose::Verification v = jose::verify(jwt, published);
        QVERIFY2(v.isOk(), qPrintable(v.message));
        QCOMPARE(v.jws.claims, assertion);
        QCOMPARE(v.jws.alg(), QStringLiteral("ES384"));
    }

    void generateKeyRefusesWeakRsa()
    {
        QString error;
        QVERIFY(jose::generateKey(Algorithm::RS256, 1024, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("2048")));
    }

    void privateJwkFromBytesRefuses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not JSON") << QByteArray("not json") << "JSON Web Key";
        QTest::newRow("a symmetric key")
                << QByteArray(R"({"kty":"oct","k":"c2VjcmV0c2VjcmV0","alg":"HS256"})") << "alg";
        const QJsonObject pub = jose::publicJwk(key(Algorithm::ES256));
        QTest::newRow("a public key") << QJsonDocument(pub).toJson() << "private key";
    }

    void privateJwkFromBytesRefuses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(jose::privateJwkFromBytes(bytes, &error).isEmpty());
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void signJwtRefusesPublicOrMismatchedKeys()
    {
        QString error;
        QVERIFY(jose::signJwt(sampleClaims(), jose::publicJwk(key(Algorithm::ES256)), &error)
                        .isEmpty());
        QVERIFY(!error.isEmpty());
        QJsonObject p384AsEs256 = key(Algorithm::ES384);
        p384AsEs256.insert("alg", "ES256");
        QVERIFY(jose::signJwt(sampleClaims(), p384AsEs256, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("P-256")), qPrintable(error));
    }

    void secretsAreRegisteredWithTheRedactor()
    {
        const QJsonObject rsa = key(Algorithm::RS256);
        for (const char *member : {"d", "p", "q", "dp", "dq", "qi"}) {
            const QString value = rsa.value(QLatin1String(member)).toString();
            QVERIFY(!value.isEmpty());
            QVERIFY2(!log::redact(QStringLiteral("key: ") + value).contains(value), member);
        }
        const QByteArray token = signedToken(Algorithm::ES256);
        QVERIFY(!log::redact(QString::fromLatin1(token)).contains(QString::fromLatin1(token)));
        const QString bytes = QString::fromUtf8(jose::privateJwkBytes(key(Algorithm::ES384)));
        QVERIFY(!log::redact(bytes).contains(key(Algorithm::ES384).value("d").toString()));
    }

    // --- verification failures --------------------------------------------------------------

    void verifyRefuses_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QJsonObject>("keySet");
        QTest::addColumn<VerifyStatus>("status");
        QTest::addColumn<QString>("mentions");

        const QJsonObject rsa = key(Algorithm::RS256);
        const QJsonObject ec = key(Algorithm::ES256);
        const QJsonObject ec384 = key(Algorithm::ES384);
        const QJsonObject set = jwks({rsa, ec, ec384});
        const QString rsaKid = rsa.value("kid").toString();
        const QByteArray good = signedToken(Algorithm::RS256);

        QTest::newRow("a good RS256 token") << good << set << VerifyStatus::Ok << "valid";
        QTest::newRow("bad signature (a byte flipped)")
                << flipSignatureByte(good) << set << VerifyStatus::BadSignature << rsaKid;
        QTest::newRow("claims changed after signing")
                << good.left(good.indexOf('.')) + '.'
                           + b64(QJsonObject{{"sub", "admin"}}) + good.mid(good.lastIndexOf('.'))
                << set << VerifyStatus::BadSignature << "altered";
        QTest::newRow("signature stripped") << good.left(good.lastIndexOf('.') + 1) << set
                                            << VerifyStatus::BadSignature << rsaKid;

        // alg "none", hand-assembled, with the kid of a real key and without
        QTest::newRow("alg none (hand-assembled)")
                << assemble({{"alg", "none"}, {"kid", rsaKid}}, sampleClaims()) << set
                << VerifyStatus::AlgorithmRefused << "none";
        QTest::newRow("alg None (capitalised)")
                << assemble({{"alg", "None"}}, sampleClaims()) << set
                << VerifyStatus::AlgorithmRefused << "not signed";

        // The classic confusion: HS256 with the server's public key (as the JWK text the
        // JWKS serves, and as PEM) for the HMAC secret.
        const QByteArray hsInput = b64(QJsonObject{{"alg", "HS256"}, {"kid", rsaKid}}) + '.'
                + b64(sampleClaims());
        const QByteArray pubJwkText =
                QJsonDocument(jose::publicJwk(rsa)).toJson(QJsonDocument::Compact);
        const QByteArray pubPem = jose::publicKeyPem(rsa);
        for (const auto &[label, secret] :
             {std::pair{"JWK", pubJwkText}, std::pair{"PEM", pubPem}}) {
            const QByteArray mac = QMessageAuthenticationCode::hash(hsInput, secret,
                                                                    QCryptographicHash::Sha256);
            QTest::addRow("HS256 with the public key (%s) as secret", label)
                    << hsInput + '.' + b64(mac) << set << VerifyStatus::AlgorithmRefused
                    << "shared secret";
        }
        QTest::newRow("HS256 against a JWKS that also holds a symmetric key")
                << hsInput + '.' + b64(QByteArray(32, 'x'))
                << QJsonObject{{"keys", QJsonArray{QJsonObject{{"kty", "oct"}, {"kid", rsaKid},
                                                               {"k", "c2VjcmV0c2VjcmV0"}}}}}
                << VerifyStatus::AlgorithmRefused << "HS256";
        QTest::newRow("a symmetric key under the token's kid")
                << good
                << QJsonObject{{"keys", QJsonArray{QJsonObject{{"kty", "oct"}, {"kid", rsaKid},
                                                               {"k", "c2VjcmV0c2VjcmV0"}}}}}
                << VerifyStatus::AlgorithmRefused << "shared secret";

        // Key selection
        QTest::newRow("unknown kid")
                << good << jwks({ec, ec384}) << VerifyStatus::UnknownKey << "fetch its key set";
        QTest::newRow("empty key set") << good << QJsonObject{{"keys", QJsonArray()}}
                                       << VerifyStatus::UnknownKey << rsaKid;
        QTest::newRow("RS256 header on the kid of an EC key")
                << withHeader(good, {{"alg", "RS256"}, {"kid", ec.value("kid")}}) << set
                << VerifyStatus::AlgorithmRefused << "RSA";
        const QByteArray es384 = signedToken(Algorithm::ES384);
        QJsonObject p384NoAlg = jose::publicJwk(ec384);
        p384NoAlg.remove("alg");
        QTest::newRow("ES256 header on a P-384 key (the key names no alg)")
                << withHeader(es384, {{"alg", "ES256"}, {"kid", ec384.value("kid")}})
                << QJsonObject{{"keys", QJsonArray{p384NoAlg}}} << VerifyStatus::AlgorithmRefused
                << "P-256";
        QTest::newRow("ES256 header on an ES384 key")
                << withHeader(es384, {{"alg", "ES256"}, {"kid", ec384.value("kid")}}) << set
                << VerifyStatus::AlgorithmRefused << "ES384";
        QTest::newRow("PS256 header on an RS256 key")
                << withHeader(good, {{"alg", "PS256"}, {"kid", rsaKid}}) << set
                << VerifyStatus::AlgorithmRefused << "RS256";
        QJsonObject encKey = jose::publicJwk(rsa);
        encKey.insert("use", "enc");
        QTest::newRow("a key for encryption") << good << QJsonObject{{"keys", QJsonArray{encKey}}}
                                              << VerifyStatus::AlgorithmRefused << "enc";
        QJsonObject verifyless = jose::publicJwk(rsa);
        verifyless.remove("use");
        verifyless.insert("key_ops", QJsonArray{"encrypt"});
        QTest::newRow("key_ops without verify")
                << good << QJsonObject{{"keys", QJsonArray{verifyless}}}
                << VerifyStatus::AlgorithmRefused << "key_ops";
        const QJsonObject weak{{"kty", "RSA"}, {"kid", rsaKid}, {"e", "AQAB"},
                               {"n", QString::fromLatin1(b64(QByteArray(128, '\xc5')))}};
        QTest::newRow("a 1024-bit RSA key") << good << QJsonObject{{"keys", QJsonArray{weak}}}
                                            << VerifyStatus::AlgorithmRefused << "1024";
        QTest::newRow("no kid, no key of the right type")
                << withHeader(good, {{"alg", "RS256"}}) << jwks({ec, ec384})
                << VerifyStatus::UnknownKey << "RS256";
        QJsonObject kidless = jose::publicJwk(rsa);
        kidless.remove("kid");
        QTest::newRow("a kid, and a key set that names no kids")
                << good << QJsonObject{{"keys", QJsonArray{kidless}}} << VerifyStatus::Ok
                << "valid";
        QTest::newRow("a kid, and a key set where only another key names one")
                << good << QJsonObject{{"keys", QJsonArray{jose::publicJwk(ec), kidless}}}
                << VerifyStatus::UnknownKey << rsaKid;
        QTest::newRow("no kid, tried against every fitting key")
                << withHeader(good, {{"alg", "RS256"}}) << set << VerifyStatus::BadSignature
                << "any key";

        // Headers chartkey cannot honour, and algorithms it does not take
        QTest::newRow("crit header")
                << withHeader(good, {{"alg", "RS256"}, {"kid", rsaKid},
                                     {"crit", QJsonArray{"exp"}}, {"exp", 1}})
                << set << VerifyStatus::Malformed << "crit";
        QTest::newRow("b64 false (RFC 7797)")
                << withHeader(good, {{"alg", "RS256"}, {"kid", rsaKid}, {"b64", false}}) << set
                << VerifyStatus::Malformed << "b64";
        QTest::newRow("ES512 (not on the list)")
                << withHeader(good, {{"alg", "ES512"}, {"kid", rsaKid}}) << set
                << VerifyStatus::AlgorithmRefused << "ES512";
        QTest::newRow("JWE (five parts)") << QByteArray("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d") << set
                                          << VerifyStatus::Malformed << "JWE";
        QTest::newRow("not a key set") << good << QJsonObject{{"keys", "none"}}
                                       << VerifyStatus::BadKeySet << "JWKS";
    }

    void verifyRefuses()
    {
        QFETCH(QByteArray, token);
        QFETCH(QJsonObject, keySet);
        QFETCH(VerifyStatus, status);
        QFETCH(QString, mentions);
        const jose::Verification v = jose::verify(token, keySet);
        QVERIFY2(v.status == status, qPrintable(v.message));
        QVERIFY2(v.message.contains(mentions), qPrintable(v.message));
        QCOMPARE(v.key.isEmpty(), status != VerifyStatus::Ok);
    }

    void allowListNarrowsAlgorithms()
    {
        const QByteArray token = signedToken(Algorithm::RS256);
        const QJsonObject set = jwks({key(Algorithm::RS256)});
        QVERIFY(jose::verify(token, set, {QStringLiteral("RS256")}).isOk());
        QCOMPARE(jose::verify(token, set, {QStringLiteral("ES256")}).status,
                 VerifyStatus::AlgorithmRefused);
        // A caller cannot widen the list: HS256 stays refused.
        const QByteArray hs = assemble({{"alg", "HS256"}}, sampleClaims(), "mac");
        QCOMPARE(jose::verify(hs, set, {QStringLiteral("HS256")}).status,
                 VerifyStatus::AlgorithmRefused);
    }

    void unknownKidVerifiesOnceTheKeyIsInTheSet()
    {
        const QByteArray token = signedToken(Algorithm::PS256);
        QJsonObject set = jwks({key(Algorithm::ES256)});
        QCOMPARE(jose::verify(token, set).status, VerifyStatus::UnknownKey);
        // The server rotated its keys; chartkey fetched the JWKS again.
        set = jwks({key(Algorithm::ES256), key(Algorithm::PS256)});
        const jose::Verification v = jose::verify(token, set);
        QVERIFY2(v.isOk(), qPrintable(v.message));
    }

    void loneJwkIsASetOfOne()
    {
        const QByteArray token = signedToken(Algorithm::ES256);
        QVERIFY(jose::verify(token, jose::publicJwk(key(Algorithm::ES256))).isOk());
        QCOMPARE(jose::verify(token, QByteArray("not json")).status, VerifyStatus::BadKeySet);
    }

    // --- PEM ------------------------------------------------------------------------------

    void pemImportRoundTrip_data()
    {
        QTest::addColumn<QStringList>("generate");     // openssl arguments making the key
        QTest::addColumn<bool>("traditional");         // re-written as RSA/EC PRIVATE KEY
        QTest::addColumn<QString>("alg");              // expected alg of the JWK
        const QStringList rsa{"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"};
        const QStringList ec{"genpkey", "-algorithm", "EC", "-pkeyopt"};
        const QStringList p256 = ec + QStringList{"ec_paramgen_curve:P-256"};
        const QStringList p384 = ec + QStringList{"ec_paramgen_curve:P-384"};
        QTest::newRow("RSA, PKCS#8") << rsa << false << "RS384";
        QTest::newRow("RSA, traditional") << rsa << true << "RS384";
        QTest::newRow("EC P-256, PKCS#8") << p256 << false << "ES256";
        QTest::newRow("EC P-256, traditional") << p256 << true << "ES256";
        QTest::newRow("EC P-384, PKCS#8") << p384 << false << "ES384";
    }

    void pemImportRoundTrip()
    {
        QFETCH(QStringList, generate);
        QFETCH(bool, traditional);
        QFETCH(QString, alg);
        QByteArray pem = openssl(generate);
        if (pem.isEmpty())
            QSKIP("openssl(1) is not installed");
        if (traditional)
            pem = openssl({"pkey", "-traditional"}, pem);
        QVERIFY(pem.startsWith(traditional ? (alg.startsWith('R') ? "-----BEGIN RSA PRIVATE KEY"
                                                                  : "-----BEGIN EC PRIVATE KEY")
                                           : "-----BEGIN PRIVATE KEY"));
        QString error;
        const QJsonObject jwk = jose::importPrivateKeyPem(pem, std::nullopt, &error);
        QVERIFY2(!jwk.isEmpty(), qPrintable(error));
        QCOMPARE(jwk.value("alg").toString(), alg);
        QCOMPARE(jwk.value("kid").toString().toLatin1(), jose::thumbprint(jwk));
        QVERIFY(jwk.value("d").isString());
        QVERIFY(!log::redact(jwk.value("d").toString()).contains(jwk.value("d").toString()));

        // The public half is the key openssl derives from the same PEM.
        QCOMPARE(jose::publicKeyPem(jwk, &error), openssl({"pkey", "-pubout"}, pem));
        // And the imported key signs what its public JWK verifies.
        const QByteArray token = jose::signJwt(sampleClaims(), jwk, &error);
        QVERIFY2(!token.isEmpty(), qPrintable(error));
        QVERIFY(jose::verify(token, jwks({jwk})).isOk());
    }

    void pemImportTakesTheGivenRsaAlgorithm()
    {
        const QByteArray pem = openssl({"genpkey", "-algorithm", "RSA"});
        if (pem.isEmpty())
            QSKIP("openssl(1) is not installed");
        QString error;
        const QJsonObject ps256 = jose::importPrivateKeyPem(pem, Algorithm::PS256, &error);
        QCOMPARE(ps256.value("alg").toString(), QStringLiteral("PS256"));
        QVERIFY(jose::importPrivateKeyPem(pem, Algorithm::ES256, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("RSA")), qPrintable(error));
    }

    void pemImportRefuses_data()
    {
        QTest::addColumn<QByteArray>("pem");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not PEM") << QByteArray("hello") << "PEM private key";
        QTest::newRow("a public key")
                << jose::publicKeyPem(key(Algorithm::ES256)) << "PEM private key";
        const QByteArray encrypted = openssl({"genpkey", "-algorithm", "EC", "-pkeyopt",
                                              "ec_paramgen_curve:P-256", "-aes256", "-pass",
                                              "pass:chartkey-test"});
        if (!encrypted.isEmpty())
            QTest::newRow("encrypted PKCS#8 (never prompts)") << encrypted << "encrypted";
        const QByteArray p521 = openssl({"genpkey", "-algorithm", "EC", "-pkeyopt",
                                         "ec_paramgen_curve:P-521"});
        if (!p521.isEmpty())
            QTest::newRow("EC P-521") << p521 << "P-521";
        const QByteArray ed25519 = openssl({"genpkey", "-algorithm", "ED25519"});
        if (!ed25519.isEmpty())
            QTest::newRow("Ed25519") << ed25519 << "neither";
    }

    void pemImportRefuses()
    {
        QFETCH(QByteArray, pem);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(jose::importPrivateKeyPem(pem, std::nullopt, &error).isEmpty());
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void publicKeyPemIsSubjectPublicKeyInfo()
    {
        for (const Algorithm alg : {Algorithm::RS256, Algorithm::ES384}) {
            const QByteArray pem = jose::publicKeyPem(jose::publicJwk(key(alg)));
            QVERIFY(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
            const QByteArray parsed = openssl({"pkey", "-pubin", "-pubout"}, pem);
            if (!parsed.isEmpty())
                QCOMPARE(parsed, pem);
        }
    }

    void selfSignedCertificateCarriesTheKey()
    {
        const QDateTime start =
                QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00Z"), Qt::ISODate);
        for (const Algorithm alg : {Algorithm::ES256, Algorithm::ES384, Algorithm::RS384}) {
            QString error;
            const QByteArray pem = jose::selfSignedCertificatePem(key(alg), "chartkey test",
                                                                  start, 365, &error);
            QVERIFY2(pem.startsWith("-----BEGIN CERTIFICATE-----"), qPrintable(error));
            const QSslCertificate cert(pem, QSsl::Pem);
            if (cert.isNull())
                QSKIP("Qt has no TLS backend to read certificates with");
            QCOMPARE(cert.subjectInfo(QSslCertificate::CommonName), QStringList{"chartkey test"});
            QCOMPARE(cert.issuerInfo(QSslCertificate::CommonName), QStringList{"chartkey test"});
            QCOMPARE(cert.effectiveDate(), start);
            QCOMPARE(cert.expiryDate(), start.addDays(365));
            QCOMPARE(cert.publicKey().toPem(), jose::publicKeyPem(key(alg)));
            // Its signature is its own key's (Qt's isSelfSigned() also wants keyCertSign,
            // which a client's signing certificate does not carry).
            QTemporaryDir dir;
            const QString file = dir.filePath(QStringLiteral("cert.pem"));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly) && out.write(pem) == pem.size());
            out.close();
            if (!QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
                const QByteArray verified =
                        openssl({"verify", "-check_ss_sig", "-CAfile", file, file});
                QCOMPARE(verified.trimmed(), file.toUtf8() + ": OK");
            }
        }
        QString error;
        QVERIFY(jose::selfSignedCertificatePem(jose::publicJwk(key(Algorithm::ES256)), "x", start,
                                               1, &error)
                        .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJose)
#include "tst_jose.moc"

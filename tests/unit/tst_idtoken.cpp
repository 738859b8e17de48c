// ID token validation (OpenID Connect Core 1.0 section 3.1.3.7): each check in its order,
// with tokens signed here by keys the wrapper generates, and the attacks on the signature
// (alg none, HS256 with the public key, a flipped byte, an unknown kid).
#include "auth/idtoken.h"
#include "auth/jose.h"

#include "base/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace chartkey;
using Check = IdTokenResult::Check;

Q_DECLARE_METATYPE(IdTokenResult::Check)

namespace {

const QString kIssuer = QStringLiteral("https://ehr.example");
const QString kClient = QStringLiteral("chartkey-public");
const QString kNonce = QStringLiteral("n-0S6_WzA2Mj");
const QString kSubject = QStringLiteral("practitioner-7");
const QString kAccessToken = QStringLiteral("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y");
const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-03-01T09:00:00Z"), Qt::ISODate);

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray b64(const QJsonObject &object)
{
    return b64(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

qint64 at(qint64 secondsFromNow)
{
    return kNow.toSecsSinceEpoch() + secondsFromNow;
}

// The claims of a good ID token for kClient, signed with `alg` (at_hash follows alg).
QJsonObject goodClaims(const QString &alg)
{
    return {{"iss", kIssuer},
            {"sub", kSubject},
            {"aud", kClient},
            {"exp", at(300)},
            {"iat", at(-5)},
            {"auth_time", at(-20)},
            {"nonce", kNonce},
            {"at_hash", QString::fromLatin1(idtoken::leftHalfHash(kAccessToken.toUtf8(), alg))},
            {"name", "Dr. Ada Example"},
            {"fhirUser", "https://ehr.example/fhir/Practitioner/7"}};
}

IdTokenExpectations expectations()
{
    IdTokenExpectations e;
    e.issuer = kIssuer;
    e.clientId = kClient;
    e.nonce = kNonce;
    e.now = kNow;
    e.accessToken = kAccessToken;
    return e;
}

QByteArray flipSignatureByte(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    QByteArray signature = QByteArray::fromBase64(parts.at(2), QByteArray::Base64UrlEncoding);
    signature[0] = char(signature.at(0) ^ 0x01);
    return parts.at(0) + '.' + parts.at(1) + '.' + b64(signature);
}

} // namespace

class TestIdToken final : public QObject
{
    Q_OBJECT

private:
    QHash<QString, QJsonObject> m_keys; // private keys by alg
    QJsonObject m_jwks;                 // the server's public keys, every one of m_keys

    QByteArray sign(const QJsonObject &claims, const QString &alg = QStringLiteral("RS256"))
    {
        QString error;
        const QByteArray token = jose::signJwt(claims, m_keys.value(alg), &error);
        if (token.isEmpty())
            qWarning("signJwt: %s", qPrintable(error));
        return token;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *name : {"RS256", "RS384", "PS256", "ES256", "ES384"}) {
            QString error;
            const QJsonObject key =
                    jose::generateKey(*jose::algorithmFromName(QLatin1String(name)), 2048, &error);
            QVERIFY2(!key.isEmpty(), qPrintable(error));
            m_keys.insert(QLatin1String(name), key);
        }
        m_jwks = jose::publicJwks(m_keys.values());
    }

    void defaultClockSkewIs120Seconds()
    {
        QCOMPARE(IdTokenExpectations().clockSkewSeconds, 120);
    }

    void atHashMatchesOpenIdConnectExample()
    {
        // OpenID Connect Core 1.0, Appendix A.3: the access token and its at_hash (RS256).
        QCOMPARE(idtoken::leftHalfHash(kAccessToken.toUtf8(), QStringLiteral("RS256")),
                 QByteArray("77QmUPtjPfzWtF2AnpK9RQ"));
        QCOMPARE(idtoken::leftHalfHash(kAccessToken.toUtf8(), QStringLiteral("ES384")).size(), 32);
        QVERIFY(idtoken::leftHalfHash(kAccessToken.toUtf8(), QStringLiteral("HS256")).isEmpty());
    }

    // --- the claims checks, in their order ------------------------------------------------

    void validate_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QJsonObject>("changes");       // claims set over the good ones
        QTest::addColumn<QStringList>("removed");       // claims left out
        QTest::addColumn<QString>("nonceSent");
        QTest::addColumn<QString>("accessToken");
        QTest::addColumn<QString>("previousSubject");
        QTest::addColumn<Check>("expected");
        QTest::addColumn<QString>("mentions");          // what the sentence names

        const QStringList none;
        auto row = [&](const char *name, const QString &alg, const QJsonObject &changes,
                       const QStringList &removed, Check expected, const QString &mentions,
                       const QString &nonceSent = kNonce, const QString &accessToken = kAccessToken,
                       const QString &previousSubject = {}) {
            QTest::newRow(name) << alg << changes << removed << nonceSent << accessToken
                                << previousSubject << expected << mentions;
        };
        const QString rs = QStringLiteral("RS256");

        // Each accepted algorithm
        for (const char *alg : {"RS256", "RS384", "PS256", "ES256", "ES384"})
            QTest::addRow("%s accepted", alg)
                    << QString::fromLatin1(alg) << QJsonObject() << none << kNonce << kAccessToken
                    << QString() << Check::Passed << "valid";

        row("wrong issuer", rs, {{"iss", "https://evil.example"}}, none, Check::Issuer, "(iss)");
        row("issuer with a trailing slash", rs, {{"iss", kIssuer + '/'}}, none, Check::Issuer,
            "(iss)");
        row("no issuer", rs, {}, {"iss"}, Check::Issuer, "(iss)");

        row("wrong audience", rs, {{"aud", "another-client"}}, none, Check::Audience,
            "does not include this client (chartkey-public)");
        row("audience list without this client", rs,
            {{"aud", QJsonArray{"a", "b"}}, {"azp", kClient}}, none, Check::Audience, "(aud)");
        row("no audience", rs, {}, {"aud"}, Check::Audience, "(aud)");
        row("audience list with a number", rs, {{"aud", QJsonArray{kClient, 7}}}, none,
            Check::Audience, "(aud)");
        row("audience is a number", rs, {{"aud", 7}}, none, Check::Audience, "(aud)");

        row("multiple audiences without azp", rs, {{"aud", QJsonArray{kClient, "fhir-api"}}},
            none, Check::AuthorizedParty, "(azp)");
        row("multiple audiences, azp this client", rs,
            {{"aud", QJsonArray{kClient, "fhir-api"}}, {"azp", kClient}}, none, Check::Passed,
            "valid");
        row("azp another client", rs, {{"azp", "another-client"}}, none, Check::AuthorizedParty,
            "another-client");
        row("azp this client, one audience", rs, {{"azp", kClient}}, none, Check::Passed, "valid");
        row("audience list of one, no azp", rs, {{"aud", QJsonArray{kClient}}}, none,
            Check::Passed, "valid");

        row("expired beyond the skew", rs, {{"exp", at(-121)}}, none, Check::Expired, "(exp)");
        row("expired within the skew", rs, {{"exp", at(-119)}}, none, Check::Passed, "valid");
        row("no exp", rs, {}, {"exp"}, Check::Expired, "(exp)");
        row("exp is a string", rs, {{"exp", "tomorrow"}}, none, Check::Expired, "(exp)");
        row("exp far in the past (no overflow)", rs, {{"exp", -1e300}}, none, Check::Expired,
            "(exp)");

        row("iat in the future beyond the skew", rs, {{"iat", at(121)}}, none, Check::IssuedAt,
            "(iat)");
        row("iat in the future within the skew", rs, {{"iat", at(119)}}, none, Check::Passed,
            "valid");
        row("no iat", rs, {}, {"iat"}, Check::IssuedAt, "(iat)");
        row("iat far in the future (no overflow)", rs, {{"iat", 1e300}}, none, Check::IssuedAt,
            "(iat)");

        row("wrong nonce", rs, {{"nonce", "n-replayed"}}, none, Check::Nonce, "nonce");
        row("missing nonce when one was sent", rs, {}, {"nonce"}, Check::Nonce, "nonce");
        row("nonce a prefix of the one sent", rs, {{"nonce", kNonce.left(6)}}, none,
            Check::Nonce, "nonce");
        row("no nonce sent (refresh), none in the token", rs, {}, {"nonce"}, Check::Passed,
            "valid", QString());
        row("no nonce sent (refresh), the first one in the token", rs, {}, none, Check::Passed,
            "valid", QString());

        row("bad at_hash", rs, {{"at_hash", "AAAAAAAAAAAAAAAAAAAAAA"}}, none,
            Check::AccessTokenHash, "(at_hash)");
        row("at_hash of another access token", rs,
            {{"at_hash", QString::fromLatin1(idtoken::leftHalfHash("another", rs))}}, none,
            Check::AccessTokenHash, "(at_hash)");
        row("at_hash hashed with SHA-256 under ES384", QStringLiteral("ES384"),
            {{"at_hash", QString::fromLatin1(idtoken::leftHalfHash(kAccessToken.toUtf8(), rs))}},
            none, Check::AccessTokenHash, "(at_hash)");
        row("at_hash but no access token", rs, {}, none, Check::AccessTokenHash, "(at_hash)",
            kNonce, QString());
        row("no at_hash", rs, {}, {"at_hash"}, Check::Passed, "valid");

        row("no sub", rs, {}, {"sub"}, Check::Subject, "(sub)");
        row("empty sub", rs, {{"sub", ""}}, none, Check::Subject, "(sub)");
        row("sub changed on refresh", rs, {{"sub", "practitioner-8"}}, none,
            Check::SubjectChanged, "(sub)", QString(), kAccessToken, kSubject);
        row("sub unchanged on refresh", rs, {}, none, Check::Passed, "valid", QString(),
            kAccessToken, kSubject);

        // The order: the first failing check is the verdict.
        row("wrong issuer and audience: issuer first", rs,
            {{"iss", "https://evil.example"}, {"aud", "x"}}, none, Check::Issuer, "(iss)");
        row("expired with a wrong nonce: expiry first", rs,
            {{"exp", at(-3600)}, {"nonce", "x"}}, none, Check::Expired, "(exp)");
    }

    void validate()
    {
        QFETCH(QString, alg);
        QFETCH(QJsonObject, changes);
        QFETCH(QStringList, removed);
        QFETCH(QString, nonceSent);
        QFETCH(QString, accessToken);
        QFETCH(QString, previousSubject);
        QFETCH(Check, expected);
        QFETCH(QString, mentions);

        QJsonObject claims = goodClaims(alg);
        for (auto it = changes.begin(); it != changes.end(); ++it)
            claims.insert(it.key(), it.value());
        for (const QString &claim : removed)
            claims.remove(claim);
        const QByteArray token = sign(claims, alg);
        QVERIFY(!token.isEmpty());

        IdTokenExpectations e = expectations();
        e.nonce = nonceSent;
        e.accessToken = accessToken;
        e.previousSubject = previousSubject;
        const IdTokenResult result = idtoken::validate(token, m_jwks, e);
        QVERIFY2(result.failed == expected, qPrintable(result.message));
        QCOMPARE(result.isValid(), expected == Check::Passed);
        QVERIFY2(result.message.contains(mentions), qPrintable(result.message));
        QVERIFY(!result.shouldRefetchKeys());
        if (result.isValid()) {
            QCOMPARE(result.identity.subject, kSubject);
            QCOMPARE(result.identity.issuer, kIssuer);
            QCOMPARE(result.identity.claims, claims);
        } else {
            QVERIFY(result.identity.subject.isEmpty());
        }
    }

    // --- the signature checks -------------------------------------------------------------

    void signatureChecks_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<Check>("expected");
        QTest::addColumn<QString>("mentions");

        const QJsonObject claims = goodClaims(QStringLiteral("RS256"));
        const QJsonObject rsa = m_keys.value(QStringLiteral("RS256"));
        const QString kid = rsa.value("kid").toString();
        const QByteArray good = sign(claims);

        QTest::newRow("a good token") << good << Check::Passed << "valid";
        QTest::newRow("bad signature (a byte flipped)")
                << flipSignatureByte(good) << Check::BadSignature << "signature";
        QTest::newRow("alg none (hand-assembled)")
                << b64(QJsonObject{{"alg", "none"}}) + '.' + b64(claims) + '.'
                << Check::AlgorithmRefused << "none";
        QTest::newRow("alg none with the server's kid")
                << b64(QJsonObject{{"alg", "none"}, {"kid", kid}}) + '.' + b64(claims) + '.'
                << Check::AlgorithmRefused << "none";
        // The public key as the server serves it, used as an HMAC secret.
        const QByteArray input =
                b64(QJsonObject{{"alg", "HS256"}, {"kid", kid}}) + '.' + b64(claims);
        for (const auto &[label, secret] :
             {std::pair{"JWK", QJsonDocument(jose::publicJwk(rsa)).toJson(QJsonDocument::Compact)},
              std::pair{"PEM", jose::publicKeyPem(rsa)}}) {
            QTest::addRow("HS256 with the public key (%s) as secret", label)
                    << input + '.'
                               + b64(QMessageAuthenticationCode::hash(input, secret,
                                                                      QCryptographicHash::Sha256))
                    << Check::AlgorithmRefused << "shared secret";
        }
        QTest::newRow("unknown kid")
                << b64(QJsonObject{{"alg", "RS256"}, {"kid", "rotated-away"}, {"typ", "JWT"}})
                           + good.mid(good.indexOf('.'))
                << Check::UnknownKey << "fetch its key set again";
        QTest::newRow("encrypted ID token (JWE)")
                << QByteArray("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d")
                << Check::Malformed << "JWE";
        QTest::newRow("not a JWT") << QByteArray("opaque-token") << Check::Malformed << "JWT";
    }

    void signatureChecks()
    {
        QFETCH(QByteArray, token);
        QFETCH(Check, expected);
        QFETCH(QString, mentions);
        const IdTokenResult result = idtoken::validate(token, m_jwks, expectations());
        QVERIFY2(result.failed == expected, qPrintable(result.message));
        QVERIFY2(result.message.contains(mentions), qPrintable(result.message));
        QVERIFY2(result.message.contains(QLatin1String("ID token")), qPrintable(result.message));
        QCOMPARE(result.shouldRefetchKeys(), expected == Check::UnknownKey);
    }

    void unknownKidValidatesAfterFetchingTheKeySetAgain()
    {
        const QByteArray token = sign(goodClaims(QStringLiteral("ES384")), QStringLiteral("ES384"));
        // The key set fetched before the server rotated its keys.
        const QJsonObject before = jose::publicJwks({m_keys.value(QStringLiteral("RS256"))});
        IdTokenResult result = idtoken::validate(token, before, expectations());
        QCOMPARE(result.failed, Check::UnknownKey);
        QVERIFY(result.shouldRefetchKeys());
        // Fetched once more: now it holds the new key.
        const QJsonObject after = jose::publicJwks(
                {m_keys.value(QStringLiteral("RS256")), m_keys.value(QStringLiteral("ES384"))});
        result = idtoken::validate(token, after, expectations());
        QVERIFY2(result.isValid(), qPrintable(result.message));
    }

    void identity_data()
    {
        QTest::addColumn<QJsonObject>("changes");
        QTest::addColumn<QStringList>("removed");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("fhirUser");
        QTest::newRow("name") << QJsonObject() << QStringList() << "Dr. Ada Example"
                              << "https://ehr.example/fhir/Practitioner/7";
        QTest::newRow("preferred_username when there is no name")
                << QJsonObject{{"preferred_username", "ada"}, {"email", "ada@ehr.example"}}
                << QStringList{"name", "fhirUser"} << "ada" << "";
        QTest::newRow("email when there is neither")
                << QJsonObject{{"email", "ada@ehr.example"}} << QStringList{"name"}
                << "ada@ehr.example" << "https://ehr.example/fhir/Practitioner/7";
        QTest::newRow("nothing to show") << QJsonObject() << QStringList{"name", "fhirUser"}
                                         << "" << "";
    }

    void identity()
    {
        QFETCH(QJsonObject, changes);
        QFETCH(QStringList, removed);
        QFETCH(QString, name);
        QFETCH(QString, fhirUser);
        QJsonObject claims = goodClaims(QStringLiteral("RS256"));
        for (auto it = changes.begin(); it != changes.end(); ++it)
            claims.insert(it.key(), it.value());
        for (const QString &claim : removed)
            claims.remove(claim);
        const IdTokenResult result = idtoken::validate(sign(claims), m_jwks, expectations());
        QVERIFY2(result.isValid(), qPrintable(result.message));
        QCOMPARE(result.identity.name, name);
        QCOMPARE(result.identity.fhirUser, fhirUser);
        QCOMPARE(result.identity.subject, kSubject);
        QCOMPARE(result.identity.expiresAt, QDateTime::fromSecsSinceEpoch(at(300)).toUTC());
        QCOMPARE(result.identity.issuedAt, QDateTime::fromSecsSinceEpoch(at(-5)).toUTC());
    }

    void customSkew()
    {
        IdTokenExpectations e = expectations();
        e.clockSkewSeconds = 0;
        QJsonObject claims = goodClaims(QStringLiteral("RS256"));
        claims.insert("exp", at(-1));
        QCOMPARE(idtoken::validate(sign(claims), m_jwks, e).failed, Check::Expired);
        e.clockSkewSeconds = 5;
        QCOMPARE(idtoken::validate(sign(claims), m_jwks, e).failed, Check::Passed);
    }

    void tokensAreRegisteredWithTheRedactor()
    {
        const QByteArray token = sign(goodClaims(QStringLiteral("RS256")));
        idtoken::validate(token, m_jwks, expectations());
        const QString line = QStringLiteral("got ") + QString::fromLatin1(token);
        QVERIFY(!log::redact(line).contains(QString::fromLatin1(token)));
        QVERIFY(!log::redact(kAccessToken).contains(kAccessToken));
    }

    void messagesCarryNoTokenText()
    {
        QJsonObject claims = goodClaims(QStringLiteral("RS256"));
        claims.insert("nonce", "n-replayed-value");
        const IdTokenResult result = idtoken::validate(sign(claims), m_jwks, expectations());
        QCOMPARE(result.failed, Check::Nonce);
        QVERIFY(!result.message.contains(QLatin1String("n-replayed-value")));
        QVERIFY(!result.message.contains(kNonce));
    }
};

QTEST_GUILESS_MAIN(TestIdToken)
#include "tst_idtoken.moc"

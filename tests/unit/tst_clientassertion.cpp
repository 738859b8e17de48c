// private_key_jwt: the client assertion (RFC 7523 section 2.2, SMART asymmetric client
// authentication), the key ring in the keychain, and the token client that sends a fresh
// assertion with every client-authenticated request. Signatures are checked with the JOSE
// library against the JWKS chartkey exports, as a server would.
#include "auth/clientassertion.h"
#include "auth/clientkeys.h"
#include "auth/jose.h"
#include "auth/tokenclient.h"

#include "fakeclock.h"
#include "memorysecretstore.h"
#include "resultspy.h"
#include "scriptedserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>

using namespace chartkey;
using chartkey::test::ScriptedServer;

Q_DECLARE_METATYPE(jose::Algorithm)

namespace {

const QString kClientId = QStringLiteral("backend-service-1");

QJsonObject keyFor(jose::Algorithm alg)
{
    QString error;
    const QJsonObject key = jose::generateKey(alg, 2048, &error);
    if (key.isEmpty())
        qWarning("generateKey: %s", qPrintable(error));
    return key;
}

} // namespace

class TestClientAssertion : public QObject
{
    Q_OBJECT

private:
    test::FakeClock m_clock;
    QHash<jose::Algorithm, QJsonObject> m_keys;

    QJsonObject key(jose::Algorithm alg)
    {
        if (!m_keys.contains(alg))
            m_keys.insert(alg, keyFor(alg));
        return m_keys.value(alg);
    }

private Q_SLOTS:
    void assertionHasTheHeaderAndClaimsOfRfc7523_data()
    {
        QTest::addColumn<jose::Algorithm>("alg");
        for (auto alg : {jose::Algorithm::ES384, jose::Algorithm::RS384, jose::Algorithm::ES256,
                         jose::Algorithm::RS256, jose::Algorithm::PS256})
            QTest::newRow(qPrintable(jose::algorithmName(alg))) << alg;
    }
    void assertionHasTheHeaderAndClaimsOfRfc7523()
    {
        QFETCH(jose::Algorithm, alg);
        const QJsonObject privateKey = key(alg);
        QVERIFY(!privateKey.isEmpty());
        const QUrl tokenUrl(QStringLiteral("https://ehr.example/oauth2/token"));
        QString error;
        const QByteArray jwt =
                clientassertion::make(kClientId, tokenUrl, privateKey, m_clock.now(), &error);
        QVERIFY2(!jwt.isEmpty(), qPrintable(error));

        const jose::ParsedJws parsed = jose::parseCompact(jwt);
        QVERIFY2(parsed.ok, qPrintable(parsed.error));
        QCOMPARE(parsed.alg(), jose::algorithmName(alg));
        QCOMPARE(parsed.kid(), privateKey.value(QStringLiteral("kid")).toString());
        QCOMPARE(parsed.kid(), QString::fromLatin1(jose::thumbprint(privateKey))); // RFC 7638
        QCOMPARE(parsed.header.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));

        const QJsonObject c = parsed.claims;
        QCOMPARE(c.value(QStringLiteral("iss")).toString(), kClientId);
        QCOMPARE(c.value(QStringLiteral("sub")).toString(), kClientId);
        QCOMPARE(c.value(QStringLiteral("aud")).toString(), tokenUrl.toString());
        const qint64 now = m_clock.now().toSecsSinceEpoch();
        QCOMPARE(qint64(c.value(QStringLiteral("iat")).toDouble()), now);
        const qint64 exp = qint64(c.value(QStringLiteral("exp")).toDouble());
        QVERIFY(exp > now);
        QVERIFY2(exp - now <= 300, "SMART: exp no more than five minutes ahead");
        QVERIFY(c.value(QStringLiteral("jti")).toString().size() >= 43); // 32 random bytes
        // Nothing private in the header or the claims.
        QVERIFY(!parsed.header.contains(QStringLiteral("d")));
        QVERIFY(!jwt.contains(privateKey.value(QStringLiteral("d")).toString().toLatin1()));
    }

    void assertionVerifiesAgainstTheExportedJwks_data()
    {
        assertionHasTheHeaderAndClaimsOfRfc7523_data();
    }
    void assertionVerifiesAgainstTheExportedJwks()
    {
        QFETCH(jose::Algorithm, alg);
        KeyRing ring;
        ring.keys = {key(jose::Algorithm::ES384), key(alg)}; // the last one signs
        const QByteArray jwt = clientassertion::make(
                kClientId, QUrl(QStringLiteral("https://ehr.example/token")), ring.signingKey(),
                m_clock.now());
        const QJsonObject jwks = ring.publicJwks();
        // The JWKS is public material only.
        for (const QJsonValue &k : jwks.value(QStringLiteral("keys")).toArray()) {
            for (const QString &secret : {QStringLiteral("d"), QStringLiteral("p"),
                                          QStringLiteral("q"), QStringLiteral("dp")})
                QVERIFY(!k.toObject().contains(secret));
        }
        const jose::Verification v = jose::verify(jwt, jwks);
        QVERIFY2(v.isOk(), qPrintable(v.message));
        QCOMPARE(v.key.value(QStringLiteral("kid")), ring.signingKey().value(QStringLiteral("kid")));

        // A key that is not in the registered JWKS: refused.
        KeyRing other;
        other.keys = {keyFor(alg)};
        QCOMPARE(jose::verify(jwt, other.publicJwks()).status, jose::VerifyStatus::UnknownKey);
    }

    void everyAssertionIsFresh()
    {
        // A fresh jti each time, and no two assertions alike, even in the same second.
        const QJsonObject k = key(jose::Algorithm::ES384);
        const QUrl aud(QStringLiteral("https://ehr.example/token"));
        QSet<QString> jtis;
        QSet<QByteArray> jwts;
        for (int i = 0; i < 50; ++i) {
            const QByteArray jwt = clientassertion::make(kClientId, aud, k, m_clock.now());
            jwts.insert(jwt);
            jtis.insert(jose::parseCompact(jwt).claims.value(QStringLiteral("jti")).toString());
        }
        QCOMPARE(jtis.size(), 50);
        QCOMPARE(jwts.size(), 50);
        // iat and exp follow the clock: an assertion is made for the moment it is sent.
        m_clock.advance(3600);
        const QJsonObject later =
                jose::parseCompact(clientassertion::make(kClientId, aud, k, m_clock.now())).claims;
        QCOMPARE(qint64(later.value(QStringLiteral("iat")).toDouble()),
                 m_clock.now().toSecsSinceEpoch());
    }

    void aPublicKeyCannotSign()
    {
        QString error;
        const QByteArray jwt = clientassertion::make(
                kClientId, QUrl(QStringLiteral("https://ehr.example/token")),
                jose::publicJwk(key(jose::Algorithm::ES384)), m_clock.now(), &error);
        QVERIFY(jwt.isEmpty());
        QVERIFY(error.contains(QStringLiteral("private key")));
    }

    void keyRingIsKeptInTheSecretStore()
    {
        test::MemorySecretStore store;
        Profile profile;
        profile.name = QStringLiteral("backend");
        QObject context;

        // None yet: not an error, "no key".
        KeyRingRead none = test::waitFor(clientkeys::read(&store, profile, &context));
        QVERIFY(!none.failure);
        QVERIFY(!none.found);

        KeyRing ring;
        ring.keys = {key(jose::Algorithm::RS384), key(jose::Algorithm::ES384)};
        QVERIFY(!test::waitFor(clientkeys::write(&store, profile, ring, &context)));
        QVERIFY(store.entries.contains(QStringLiteral("client-key:backend")));
        QCOMPARE(store.entries.size(), 1); // one entry, nothing else written

        const KeyRingRead back = test::waitFor(clientkeys::read(&store, profile, &context));
        QVERIFY(!back.failure);
        QVERIFY(back.found);
        QCOMPARE(back.ring.kids(), ring.kids());
        QCOMPARE(back.ring.signingKey(), ring.signingKey());

        // Unreadable entry: a failure that says what to do.
        store.entries.insert(profile.clientKeyKey(), "not json");
        const KeyRingRead bad = test::waitFor(clientkeys::read(&store, profile, &context));
        QVERIFY(bad.failure);
        QVERIFY(bad.failure.message.contains(QStringLiteral("chartkey key generate")));

        // An empty ring removes the entry.
        QVERIFY(!test::waitFor(clientkeys::write(&store, profile, KeyRing(), &context)));
        QVERIFY(!store.entries.contains(profile.clientKeyKey()));
    }

    void tokenClientSendsAFreshAssertionForEveryRequest()
    {
        ScriptedServer server;
        server.script(ScriptedServer::kToken,
                      {ScriptedServer::tokens(QStringLiteral("access-1"),
                                              QStringLiteral("refresh-1"), 300)});
        server.script(ScriptedServer::kRevocation, {{200, {}}});
        QNetworkAccessManager nam;
        TokenClient client(&nam, &m_clock);
        KeyRing ring;
        ring.keys = {key(jose::Algorithm::ES384)};
        TokenEndpoint endpoint{server.tokenUrl(), server.revocationUrl(), kClientId, {},
                               ring.signingKey(), Profile::ClientAuth::PrivateKeyJwt, {}};

        QVERIFY(!test::waitFor(client.clientCredentials(endpoint, QStringLiteral("system/*.read")))
                         .failure);
        QVERIFY(!test::waitFor(client.refresh(endpoint, QStringLiteral("refresh-1"), {})).failure);
        QVERIFY(!test::waitFor(client.exchangeCode(endpoint, QStringLiteral("code-1"),
                                                   QStringLiteral("http://127.0.0.1/cb"),
                                                   QStringLiteral("verifier")))
                         .failure);
        QVERIFY(!test::waitFor(client.revoke(endpoint, QStringLiteral("refresh-1"),
                                             QStringLiteral("refresh_token")))
                         .failure);

        QList<ScriptedServer::Request> all = server.received(ScriptedServer::kToken);
        all += server.received(ScriptedServer::kRevocation);
        QCOMPARE(all.size(), 4);
        QSet<QString> jtis;
        for (const ScriptedServer::Request &r : std::as_const(all)) {
            QCOMPARE(r.field("client_assertion_type"),
                     QString::fromLatin1(clientassertion::kAssertionType));
            QCOMPARE(r.field("client_id"), kClientId);
            QVERIFY(r.field("client_secret").isEmpty());
            QVERIFY(r.header("Authorization").isEmpty());
            const QByteArray jwt = r.field("client_assertion").toLatin1();
            const jose::Verification v = jose::verify(jwt, ring.publicJwks());
            QVERIFY2(v.isOk(), qPrintable(v.message));
            // aud is the token endpoint, for revocation too.
            QCOMPARE(v.jws.claims.value(QStringLiteral("aud")).toString(),
                     server.tokenUrl().toString());
            jtis.insert(v.jws.claims.value(QStringLiteral("jti")).toString());
        }
        QCOMPARE(jtis.size(), 4);
    }

    void clientSecretBasicGoesInTheHeader()
    {
        ScriptedServer server;
        server.script(ScriptedServer::kToken,
                      {ScriptedServer::tokens(QStringLiteral("access-1"), {}, 300)});
        QNetworkAccessManager nam;
        TokenClient client(&nam, &m_clock);
        TokenEndpoint endpoint{server.tokenUrl(), {}, QStringLiteral("id:1"),
                               QStringLiteral("s&cret"), {}, Profile::ClientAuth::ClientSecretBasic,
                               {}};
        QVERIFY(!test::waitFor(client.clientCredentials(endpoint, {})).failure);
        const ScriptedServer::Request r = server.received(ScriptedServer::kToken).constFirst();
        // RFC 6749 section 2.3.1: each part form-encoded, then base64.
        QCOMPARE(r.header("Authorization"), QByteArray("Basic ") + QByteArray("id%3A1:s%26cret").toBase64());
        QVERIFY(r.field("client_secret").isEmpty());
    }

    void aKeyClientWithoutAKeyIsToldWhatToRun()
    {
        QNetworkAccessManager nam;
        TokenClient client(&nam, &m_clock);
        TokenEndpoint endpoint{QUrl(QStringLiteral("http://127.0.0.1:9/token")), {}, kClientId,
                               {}, {}, Profile::ClientAuth::PrivateKeyJwt, {}};
        const TokenResult r = test::waitFor(client.clientCredentials(endpoint, {}));
        QVERIFY(r.failure);
        QVERIFY(r.failure.message.contains(QStringLiteral("chartkey key generate")));
    }
};

QTEST_GUILESS_MAIN(TestClientAssertion)
#include "tst_clientassertion.moc"

// The verdicts of `chartkey check` from what a server answered: the FAIL, WARN or PASS and
// the sentences a person reads, without a server (the e2e tests run them against one).
#include "check/verdicts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace chartkey;
using namespace chartkey::check;

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-11-22T10:00:00Z"), Qt::ISODate);

TokenSet tokens(const QString &scope, bool refresh = true)
{
    TokenSet t;
    t.accessToken = QStringLiteral("a");
    t.refreshToken = refresh ? QStringLiteral("r") : QString();
    t.tokenType = QStringLiteral("Bearer");
    t.scope = scope;
    t.obtainedAt = kNow;
    t.expiresAt = kNow.addSecs(36000);
    return t;
}

Profile sandbox(const QString &redirect = QStringLiteral("http://127.0.0.1/callback"))
{
    Profile p = Profile::canvas(QStringLiteral("Sandbox"), QUrl(QStringLiteral("https://x.canvasmedical.com")));
    p.clientId = QStringLiteral("abc");
    p.redirectUri = QUrl(redirect);
    return p;
}

const QString kScope = QStringLiteral("user/Patient.read user/Appointment.read offline_access");
const QString kNoStore = QStringLiteral("no-store");

// A SMART configuration as a good server (the sandbox) publishes it.
QJsonObject smartConfiguration()
{
    return QJsonDocument::fromJson("{" "        \"issuer\": \"https://x.canvasmedical.com\"," "        \"authorization_endpoint\": \"https://x.canvasmedical.com/auth/authorize/\"," "        \"token_endpoint\": \"https://x.canvasmedical.com/auth/token/\"," "        \"jwks_uri\": \"https://x.canvasmedical.com/auth/jwks/\"," "        \"token_endpoint_auth_methods_supported\": [\"none\", \"client_secret_post\", \"client_secret_basic\"]," "        \"grant_types_supported\": [\"authorization_code\", \"refresh_token\", \"client_credentials\"]," "        \"code_challenge_methods_supported\": [\"S256\"]," "        \"capabilities\": [\"launch-standalone\", \"client-public\", \"client-confidential-symmetric\"," "                         \"permission-offline\", \"permission-v1\", \"sso-openid-connect\"]" "    }").object();
}

Profile publicSmart()
{
    Profile p = sandbox();
    p.scope = kScope;
    return p;
}

// A token answer's JSON as the wire had it (tokens redacted).
TokenAnswerShape shapeOf(const char *json, bool smart = true)
{
    TokenAnswerShape shape;
    shape.cacheControl = kNoStore;
    shape.pragma = QStringLiteral("no-cache");
    shape.body = QJsonDocument::fromJson(json).object();
    shape.smart = smart;
    return shape;
}

} // namespace

class TestVerdicts final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goodSmartConfigurationPasses()
    {
        const Verdict v = reviewSmartConfiguration(smartConfiguration(), publicSmart());
        QVERIFY2(v.status == Status::Pass, qPrintable(v.summary));
    }
    void smartConfigurationWithoutCapabilitiesFails()
    {
        QJsonObject doc = smartConfiguration();
        doc.remove(QStringLiteral("capabilities"));
        const Verdict v = reviewSmartConfiguration(doc, publicSmart());
        QCOMPARE(toString(v.status), toString(Status::Fail));
        QVERIFY(v.summary.contains(QLatin1String("no capabilities array")));
        QVERIFY(!v.hint.isEmpty());
    }
    void smartConfigurationAdvertisingPlainFails()
    {
        QJsonObject doc = smartConfiguration();
        doc.insert(QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256"), QStringLiteral("plain")});
        const Verdict v = reviewSmartConfiguration(doc, publicSmart());
        QCOMPARE(toString(v.status), toString(Status::Fail));
        QVERIFY(v.summary.contains(QLatin1String("\"plain\"")));
    }
    void smartConfigurationWithoutWhatTheRegistrationUsesWarns()
    {
        QJsonObject doc = smartConfiguration();
        doc.insert(QStringLiteral("capabilities"), QJsonArray{QStringLiteral("launch-standalone"), QStringLiteral("client-public")});
        const Verdict v = reviewSmartConfiguration(doc, publicSmart());
        QCOMPARE(toString(v.status), toString(Status::Warn));
        QVERIFY2(v.summary.contains(QLatin1String("permission-offline")), qPrintable(v.summary));
    }
    void openIdDeclaredWithoutJwksUriFails()
    {
        QJsonObject doc = smartConfiguration();
        doc.remove(QStringLiteral("jwks_uri"));
        const Verdict v = reviewSmartConfiguration(doc, publicSmart());
        QCOMPARE(toString(v.status), toString(Status::Fail));
        QVERIFY(v.summary.contains(QLatin1String("jwks_uri")));
    }
    void tokenResponseWithTheRightTypesAndHeadersPasses()
    {
        const Verdict v = reviewTokenResponse(tokens(kScope), kScope, true,
            shapeOf("{\"access_token\":\"[redacted]\",\"token_type\":\"Bearer\",\"expires_in\":36000,\"scope\":\"user/Patient.read user/Appointment.read offline_access\",\"refresh_token\":\"[redacted]\"}"));
        QVERIFY2(v.status == Status::Pass, qPrintable(v.summary));
    }
    void expiresInAsAStringFails()
    {
        const Verdict v = reviewTokenResponse(tokens(kScope), kScope, true,
            shapeOf("{\"access_token\":\"[redacted]\",\"token_type\":\"Bearer\",\"expires_in\":\"36000\",\"scope\":\"user/Patient.read user/Appointment.read offline_access\",\"refresh_token\":\"[redacted]\"}"));
        QCOMPARE(toString(v.status), toString(Status::Fail));
        QVERIFY(v.summary.contains(QLatin1String("not an integer")));
    }
    void smartTokenResponseWithoutScopeFails()
    {
        const Verdict v = reviewTokenResponse(tokens(kScope), kScope, true,
            shapeOf("{\"access_token\":\"[redacted]\",\"token_type\":\"Bearer\",\"expires_in\":36000,\"refresh_token\":\"[redacted]\"}"));
        QCOMPARE(toString(v.status), toString(Status::Fail));
        QVERIFY(v.summary.contains(QLatin1String("names no scope")));
    }
    void missingPragmaWarns()
    {
        TokenAnswerShape shape = shapeOf("{\"access_token\":\"[redacted]\",\"token_type\":\"Bearer\",\"expires_in\":36000,\"scope\":\"user/Patient.read user/Appointment.read offline_access\"}");
        shape.pragma = QString();
        const Verdict v = reviewTokenResponse(tokens(kScope), kScope, true, shape);
        QCOMPARE(toString(v.status), toString(Status::Warn));
        QVERIFY(v.summary.contains(QLatin1String("Pragma: no-cache")));
    }
    void introspectionOfALiveTokenPasses()
    {
        const Verdict v = reviewIntrospection(QJsonDocument::fromJson("{\"active\":true,\"scope\":\"user/Patient.read\",\"client_id\":\"abc\",\"exp\":1796567924,\"sub\":\"clinician\"}").object(),
                                              QStringLiteral("abc"), true, false);
        QVERIFY2(v.status == Status::Pass, qPrintable(v.summary));
    }
    void introspectionWithoutScopeClientAndExpFails()
    {
        const Verdict v = reviewIntrospection(QJsonDocument::fromJson("{\"active\":true}").object(),
                                              QStringLiteral("abc"), false, false);
        QCOMPARE(toString(v.status), toString(Status::Fail));
        QVERIFY2(v.summary.contains(QLatin1String("lacks scope, client_id, exp")), qPrintable(v.summary));
    }
    void completeTokenResponsePasses()
    {
        const Verdict v = reviewTokenResponse(tokens(kScope), kScope, true, kNoStore);
        QCOMPARE(toString(v.status), toString(Status::Pass));
        QVERIFY(v.summary.contains(QLatin1String("expires_in 36000 s (10 h)")));
    }

    void narrowedScopesWarnListingWhatWasDropped()
    {
        const Verdict v = reviewTokenResponse(tokens(QStringLiteral("user/Patient.read offline_access")),
                                              kScope, true, kNoStore);
        QCOMPARE(toString(v.status), toString(Status::Warn));
        QVERIFY(v.summary.contains(QLatin1String("dropped: user/Appointment.read")));
        QVERIFY(!v.hint.isEmpty());
    }

    void grantedOfflineAccessWithoutRefreshTokenFails()
    {
        QCOMPARE(toString(reviewTokenResponse(tokens(kScope, false), kScope, true, kNoStore).status), toString(Status::Fail));
    }

    void missingNoStoreWarns()
    {
        const Verdict v = reviewTokenResponse(tokens(kScope), kScope, true, QStringLiteral("max-age=60"));
        QCOMPARE(toString(v.status), toString(Status::Warn));
        QVERIFY(v.summary.contains(QLatin1String("Cache-Control: no-store")));
    }

    void tokenTypeOtherThanBearerFails()
    {
        TokenSet t = tokens(kScope);
        t.tokenType = QStringLiteral("mac");
        QCOMPARE(toString(reviewTokenResponse(t, kScope, true, kNoStore).status), toString(Status::Fail));
    }

    void forbiddenApiReadIsExplainedWithTheGrantedScope()
    {
        const Verdict v = reviewApiRefusal(403, QStringLiteral("user/Appointment.read"), sandbox());
        QCOMPARE(toString(v.status), toString(Status::Fail));
        QVERIFY(v.summary.contains(QLatin1String("Granted scope: user/Appointment.read")));
        QVERIFY(v.hint.contains(QLatin1String("user/Patient.read")));
    }

    void refusedStaticTokenPointsToSetToken()
    {
        Profile p = sandbox();
        p.grant = Profile::Grant::StaticToken;
        QVERIFY(reviewApiRefusal(401, {}, p).hint.contains(QLatin1String("chartkey profile set-token Sandbox")));
    }

    void apiIsProbedWhereTheKindKeepsIt()
    {
        Profile p = sandbox();
        p.fhirBaseUrl = QUrl(QStringLiteral("https://fumage-x.canvasmedical.com/"));
        QCOMPARE(apiProbeUrl(p), QUrl(QStringLiteral("https://fumage-x.canvasmedical.com/Patient?_count=1")));
        p.kind = Profile::Kind::CanvasLms;
        p.instanceUrl = QUrl(QStringLiteral("https://canvas.instructure.com"));
        QCOMPARE(apiProbeUrl(p), QUrl(QStringLiteral("https://canvas.instructure.com/api/v1/users/self")));
        p.kind = Profile::Kind::OpenId;
        p.fhirBaseUrl.clear();
        QVERIFY(apiProbeUrl(p).isEmpty());
    }

    void profileEndpointsThatDifferFromDiscoveryFail()
    {
        ServerMetadata m;
        m.issuer = QStringLiteral("https://x.canvasmedical.com");
        m.tokenEndpoint = QUrl(QStringLiteral("https://x.canvasmedical.com/oauth/token"));
        m.authorizationEndpoint = QUrl(QStringLiteral("https://x.canvasmedical.com/auth/authorize/"));
        m.revocationEndpoint = QUrl(QStringLiteral("https://x.canvasmedical.com/auth/revoke_token/"));
        m.hasCodeChallengeMethods = true;
        m.codeChallengeMethods = {QStringLiteral("S256")};
        const Verdict v = reviewDiscovery(
                m, QUrl(QStringLiteral("https://fumage-x.canvasmedical.com/.well-known/smart-configuration")),
                sandbox());
        QCOMPARE(toString(v.status), toString(Status::Fail));
        QVERIFY(v.summary.contains(QLatin1String("token URL is https://x.canvasmedical.com/auth/token/ "
                                                 "but the server publishes https://x.canvasmedical.com/oauth/token")));
    }
};

QTEST_GUILESS_MAIN(TestVerdicts)
#include "tst_verdicts.moc"

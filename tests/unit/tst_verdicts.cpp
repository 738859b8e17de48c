// The verdicts of `chartkey check` from what a server answered: the FAIL, WARN or PASS and
// the sentences a person reads, without a server (the e2e tests run them against one).
#include "check/verdicts.h"

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

} // namespace

class TestVerdicts final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
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

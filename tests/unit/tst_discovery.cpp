// Discovery documents (SMART configuration, OpenID discovery) as `chartkey check` reviews
// them, and the check report's JSON and text forms.
#include "auth/discovery.h"
#include "profile/wellknown.h"
#include "check/checkreport.h"

#include <QJsonArray>
#include <QTest>

using namespace chartkey;
using namespace chartkey::check;

namespace {

const QUrl kOpenId(QStringLiteral("https://ehr.example/.well-known/openid-configuration"));

ServerMetadata good()
{
    QString error;
    const ServerMetadata m = ServerMetadata::parse(
            "{\"issuer\":\"https://ehr.example\","
            "\"authorization_endpoint\":\"https://ehr.example/auth/authorize/\","
            "\"token_endpoint\":\"https://ehr.example/auth/token/\","
            "\"revocation_endpoint\":\"https://ehr.example/auth/revoke_token/\","
            "\"code_challenge_methods_supported\":[\"S256\"]}",
            &error);
    Q_ASSERT(error.isEmpty());
    return m;
}

QStringList messages(const QList<MetadataFinding> &findings, MetadataFinding::Severity severity)
{
    QStringList out;
    for (const MetadataFinding &f : findings) {
        if (f.severity == severity)
            out << f.message;
    }
    return out;
}

} // namespace

class TestDiscovery final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void consistentDocumentHasNoFinding()
    {
        QCOMPARE(reviewMetadata(good(), kOpenId, true).size(), 0);
    }

    void wellKnownUrlsAreBuiltUnderTheBase()
    {
        QCOMPARE(wellknown::smartConfiguration(QUrl(QStringLiteral("https://fumage-x.canvasmedical.com/"))),
                 QUrl(QStringLiteral("https://fumage-x.canvasmedical.com/.well-known/smart-configuration")));
        QCOMPARE(wellknown::openIdConfiguration(QUrl(QStringLiteral("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_x"))),
                 QUrl(QStringLiteral("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_x/.well-known/openid-configuration")));
    }

    void issuerThatDoesNotMatchTheDocumentUrlFails()
    {
        ServerMetadata m = good();
        m.issuer = QStringLiteral("https://elsewhere.example");
        const QStringList fails = messages(reviewMetadata(m, kOpenId, true), MetadataFinding::Severity::Failure);
        QCOMPARE(fails.size(), 1);
        QVERIFY(fails.first().contains(QLatin1String("does not match where the document was found")));
    }

    void missingTokenEndpointFails()
    {
        ServerMetadata m = good();
        m.tokenEndpoint = QUrl();
        QVERIFY(messages(reviewMetadata(m, kOpenId, false), MetadataFinding::Severity::Failure)
                        .join(QLatin1Char(' '))
                        .contains(QLatin1String("no token_endpoint")));
    }

    void plainHttpEndpointOffLoopbackFails()
    {
        ServerMetadata m = good();
        m.tokenEndpoint = QUrl(QStringLiteral("http://ehr.example/auth/token/"));
        QVERIFY(!messages(reviewMetadata(m, kOpenId, false), MetadataFinding::Severity::Failure).isEmpty());
        m.tokenEndpoint = QUrl(QStringLiteral("http://127.0.0.1:8000/auth/token/"));
        QVERIFY(messages(reviewMetadata(m, kOpenId, false), MetadataFinding::Severity::Failure).isEmpty());
    }

    void plainPkceIsAWarningAndMissingS256AFailure()
    {
        ServerMetadata m = good();
        m.codeChallengeMethods = {QStringLiteral("S256"), QStringLiteral("plain")};
        QVERIFY(messages(reviewMetadata(m, kOpenId, true), MetadataFinding::Severity::Warning)
                        .join(QLatin1Char(' '))
                        .contains(QLatin1String("\"plain\"")));
        m.codeChallengeMethods = {QStringLiteral("plain")};
        QVERIFY(messages(reviewMetadata(m, kOpenId, true), MetadataFinding::Severity::Failure)
                        .join(QLatin1Char(' '))
                        .contains(QLatin1String("S256")));
    }

    void cognitoStyleDocumentWithoutPkceMethodsOnlyWarns()
    {
        ServerMetadata m = good();
        m.hasCodeChallengeMethods = false;
        m.codeChallengeMethods.clear();
        const auto findings = reviewMetadata(m, kOpenId, true);
        QVERIFY(messages(findings, MetadataFinding::Severity::Failure).isEmpty());
        QCOMPARE(messages(findings, MetadataFinding::Severity::Warning).size(), 1);
        // Client credentials never need PKCE.
        QVERIFY(reviewMetadata(m, kOpenId, false).isEmpty());
    }

    void notJsonIsAnError()
    {
        QString error;
        ServerMetadata::parse("<html>not here</html>", &error);
        QVERIFY(error.contains(QLatin1String("not a JSON object")));
    }

    void reportJsonCountsAndPassedFollowTheSteps()
    {
        CheckReport report;
        report.profile = QStringLiteral("Sandbox");
        report.kind = QStringLiteral("canvas");
        report.clientId = QStringLiteral("abc");
        report.steps = {{QStringLiteral("discovery"), QStringLiteral("Discovery"), Status::Pass,
                         QStringLiteral("fine"), {}, {}, {}, 3, {}},
                        {QStringLiteral("refresh"), QStringLiteral("Refresh"), Status::Warn,
                         QStringLiteral("no rotation"), QStringLiteral("ask"), {}, {QStringLiteral("curl x")}, 4, {}}};
        QVERIFY(report.passed());
        QJsonObject json = report.toJson();
        QCOMPARE(json.value(QLatin1String("passed")).toBool(), true);
        QCOMPARE(json.value(QLatin1String("counts")).toObject().value(QLatin1String("warn")).toInt(), 1);
        QCOMPARE(json.value(QLatin1String("steps")).toArray().at(1).toObject().value(QLatin1String("hint")).toString(),
                 QStringLiteral("ask"));
        report.steps.append({QStringLiteral("api"), QStringLiteral("API read"), Status::Fail,
                             QStringLiteral("401"), QStringLiteral("scope"), {}, {}, 5, {}});
        QVERIFY(!report.passed());
        const QString text = report.toText(true);
        QVERIFY(text.contains(QLatin1String("FAIL  API read  (5 ms)")));
        QVERIFY(text.contains(QLatin1String("Hint: scope")));
        QVERIFY(text.contains(QLatin1String("$ curl x")));
        QVERIFY(text.contains(QLatin1String("1 passed, 1 warnings, 1 failed, 0 skipped")));
    }

    void modelShowsOneRowPerStepWithItsRoles()
    {
        CheckReportModel model;
        model.append({QStringLiteral("pkce"), QStringLiteral("PKCE enforced"), Status::Fail,
                      QStringLiteral("accepted a wrong verifier\nmore"), QStringLiteral("require PKCE"),
                      QStringLiteral("HTTP 200"), {QStringLiteral("curl a"), QStringLiteral("curl b")}, 7, {}});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, CheckReportModel::StatusColumn)).toString(), QStringLiteral("FAIL"));
        QCOMPARE(model.data(model.index(0, CheckReportModel::SummaryColumn)).toString(),
                 QStringLiteral("accepted a wrong verifier"));
        QCOMPARE(model.data(model.index(0, 0), CheckReportModel::CurlRole).toString(),
                 QStringLiteral("curl a\ncurl b"));
        QCOMPARE(model.data(model.index(0, 0), CheckReportModel::IdRole).toString(), QStringLiteral("pkce"));
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"

// Server presets (each kind's defaults, the grants offered and why not the others) and the
// profile JSON format (round trip, secrets refused, versions, transport checks on import).
#include "profilecompare.h"
#include "auth/discovery.h"
#include "auth/discoveryfetch.h"
#include "base/secretnames.h"
#include "profile/presets.h"
#include "profile/profilefields.h"
#include "profile/profilejson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace chartkey;
using namespace chartkey::test;

namespace {

QUrl url(const char *text)
{
    return QUrl(QString::fromLatin1(text));
}

PresetInputs inputs(const char *instance, const char *fhir = "", const char *discovery = "")
{
    PresetInputs in;
    in.name = QStringLiteral("P");
    in.instanceUrl = url(instance);
    in.fhirBaseUrl = url(fhir);
    in.discoveryUrl = url(discovery);
    return in;
}

QString joined(const ProfileProblems &problems)
{
    return messages(problems).join(QLatin1Char('\n'));
}

} // namespace

class TestPresets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindHasAPresetNamedForIt()
    {
        const QList<ServerPreset> all = ServerPreset::all();
        QCOMPARE(all.size(), 6);
        for (const ServerPreset &p : all) {
            QCOMPARE(p.id, toString(p.kind));
            QVERIFY(kindFromString(p.id) == p.kind);
            QVERIFY(!p.title.isEmpty());
            QVERIFY(!p.description.isEmpty());
            QVERIFY(!p.grants.isEmpty());
            for (Profile::Grant g : {Profile::Grant::AuthorizationCode,
                                     Profile::Grant::ClientCredentials,
                                     Profile::Grant::StaticToken})
                QCOMPARE(p.refusal(g).isEmpty(), p.offers(g));
        }
    }

    void smartBackendIsClientCredentialsWithAKey()
    {
        const Profile p = makeProfile(Profile::Kind::SmartBackend,
                                      inputs("", "https://fhir.example.org/r4"));
        QCOMPARE(toString(p.grant), toString(Profile::Grant::ClientCredentials));
        QCOMPARE(toString(p.clientType), toString(Profile::ClientType::Confidential));
        QCOMPARE(toString(p.clientAuth), QStringLiteral("private_key_jwt"));
        QVERIFY(p.usesKey());
        QVERIFY(!p.usesSecret());
        QVERIFY(p.scope.startsWith(QLatin1String("system/")));
        QCOMPARE(p.discoveryUrl,
                 url("https://fhir.example.org/r4/.well-known/smart-configuration"));
        const ServerPreset preset = ServerPreset::of(Profile::Kind::SmartBackend);
        QVERIFY(!preset.offers(Profile::Grant::AuthorizationCode));
        QVERIFY(preset.refusal(Profile::Grant::AuthorizationCode).contains(QLatin1String("smart")));
    }

    void canvasDefaultsAreProfileCanvas()
    {
        Profile p = makeProfile(Profile::Kind::Canvas, inputs("https://example.canvasmedical.com"));
        const Profile c = Profile::canvas(QStringLiteral("P"),
                                          url("https://example.canvasmedical.com"));
        QCOMPARE(toString(p.kind), toString(Profile::Kind::Canvas));
        QCOMPARE(p.authorizationUrl, c.authorizationUrl);
        QCOMPARE(p.tokenUrl, c.tokenUrl);
        QCOMPARE(p.revocationUrl, c.revocationUrl);
        QCOMPARE(p.notesBaseUrl, c.notesBaseUrl);
        QCOMPARE(p.fhirBaseUrl, url("https://fumage-example.canvasmedical.com"));
        QCOMPARE(p.issuer, c.issuer);
        QCOMPARE(p.extraAuthParams, c.extraAuthParams);
        QCOMPARE(toString(p.grant), toString(Profile::Grant::AuthorizationCode));
        QCOMPARE(toString(p.clientType), toString(Profile::ClientType::Public));
        p.clientId = QStringLiteral("c");
        QVERIFY2(p.validate().isEmpty(), qPrintable(joined(p.validate())));
        // Client credentials: scope optional.
        p.grant = Profile::Grant::ClientCredentials;
        p.clientType = Profile::ClientType::Confidential;
        p.scope.clear();
        QVERIFY2(p.validate().isEmpty(), qPrintable(joined(p.validate())));
    }

    void canvasSandboxTokenNeedsNoClient()
    {
        const Profile p = makeProfile(Profile::Kind::CanvasSandboxToken,
                                      inputs("https://example.canvasmedical.com"));
        QCOMPARE(toString(p.grant), toString(Profile::Grant::StaticToken));
        QCOMPARE(p.fhirBaseUrl, url("https://fumage-example.canvasmedical.com"));
        QCOMPARE(p.notesBaseUrl,
                 url("https://example.canvasmedical.com/plugin-io/api/note_sign_api/"));
        QVERIFY(p.clientId.isEmpty());
        QVERIFY(p.tokenUrl.isEmpty());
        QVERIFY(p.authorizationUrl.isEmpty());
        QVERIFY(p.revocationUrl.isEmpty());
        QVERIFY2(p.validate().isEmpty(), qPrintable(joined(p.validate())));
    }

    void smartDefaultsComeFromTheFhirBase()
    {
        Profile p = makeProfile(Profile::Kind::Smart,
                                inputs("", "https://fhir.example.org/r4/"));
        QCOMPARE(toString(p.kind), toString(Profile::Kind::Smart));
        QCOMPARE(p.fhirBaseUrl, url("https://fhir.example.org/r4"));
        QCOMPARE(p.discoveryUrl,
                 url("https://fhir.example.org/r4/.well-known/smart-configuration"));
        QCOMPARE(p.scope, QStringLiteral("user/Patient.read user/Appointment.read "
                                         "offline_access openid fhirUser"));
        QCOMPARE(p.extraAuthParams.size(), 1);
        QCOMPARE(p.extraAuthParams.first().first, QStringLiteral("aud"));
        QCOMPARE(p.extraAuthParams.first().second, QStringLiteral("https://fhir.example.org/r4"));
        QCOMPARE(toString(p.grant), toString(Profile::Grant::AuthorizationCode));
        p.clientId = QStringLiteral("c");
        // Endpoints come from discovery: until then, the profile says so.
        const QString problems = joined(p.validate());
        QVERIFY2(problems.contains(QLatin1String("discovery document")), qPrintable(problems));
        ServerMetadata m;
        m.authorizationEndpoint = url("https://auth.example.org/authorize");
        m.tokenEndpoint = url("https://auth.example.org/token");
        m.issuer = QStringLiteral("https://auth.example.org");
        QCOMPARE(applyMetadata(p, m, false),
                 (QStringList{QStringLiteral("authorization"), QStringLiteral("token"),
                              QStringLiteral("issuer")}));
        QVERIFY2(p.validate().isEmpty(), qPrintable(joined(p.validate())));
    }

    void openIdWithoutFhirBaseIsValid()
    {
        Profile p = makeProfile(
                Profile::Kind::OpenId,
                inputs("", "", "https://login.example.com/tenant/.well-known/openid-configuration"));
        QCOMPARE(toString(p.grant), toString(Profile::Grant::ClientCredentials));
        QCOMPARE(toString(p.clientType), toString(Profile::ClientType::Confidential));
        QCOMPARE(p.scope, QStringLiteral("system/*.read system/*.write"));
        QCOMPARE(p.instanceUrl, url("https://login.example.com/tenant"));
        QVERIFY(p.fhirBaseUrl.isEmpty());
        p.clientId = QStringLiteral("c");
        p.tokenUrl = url("https://login.example.com/tenant/token");
        QVERIFY2(p.validate().isEmpty(), qPrintable(joined(p.validate())));
    }

    void openIdNeedsADiscoveryUrl()
    {
        Profile p = makeProfile(Profile::Kind::OpenId, inputs(""));
        p.clientId = QStringLiteral("c");
        p.tokenUrl = url("https://login.example.com/token");
        const QString problems = joined(p.validate());
        QVERIFY2(problems.contains(QLatin1String("discovery URL is missing")),
                 qPrintable(problems));
    }

    void canvasLmsDefaults()
    {
        Profile p = makeProfile(Profile::Kind::CanvasLms,
                                inputs("https://canvas.instructure.com/"));
        QCOMPARE(p.authorizationUrl, url("https://canvas.instructure.com/login/oauth2/auth"));
        QCOMPARE(p.tokenUrl, url("https://canvas.instructure.com/login/oauth2/token"));
        QVERIFY(p.revocationUrl.isEmpty());
        QVERIFY(p.fhirBaseUrl.isEmpty());
        QVERIFY(p.issuer.isEmpty());
        QVERIFY(p.extraAuthParams.isEmpty());
        QVERIFY(p.scope.isEmpty());
        QCOMPARE(toString(p.grant), toString(Profile::Grant::AuthorizationCode));
        QCOMPARE(toString(p.clientType), toString(Profile::ClientType::Confidential));
        p.clientId = QStringLiteral("10000000000001");
        QVERIFY2(p.validate().isEmpty(), qPrintable(joined(p.validate())));
        p.grant = Profile::Grant::StaticToken;
        p.clientId.clear();
        QVERIFY2(p.validate().isEmpty(), qPrintable(joined(p.validate())));
    }

    void canvasLmsRefusesClientCredentialsWithTheReason()
    {
        const ServerPreset lms = ServerPreset::of(Profile::Kind::CanvasLms);
        QVERIFY(!lms.offers(Profile::Grant::ClientCredentials));
        QVERIFY(lms.refusal(Profile::Grant::ClientCredentials)
                        .contains(QLatin1String("LTI 1.3 JWT client assertion")));
        Profile p = makeProfile(Profile::Kind::CanvasLms, inputs("https://canvas.instructure.com"));
        p.clientId = QStringLiteral("1");
        p.grant = Profile::Grant::ClientCredentials;
        const ProfileProblems problems = p.validate();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().message, lms.refusal(Profile::Grant::ClientCredentials));
        QVERIFY(problems.first().field == ProfileField::Grant);
    }

    void jsonRoundTripKeepsEveryField()
    {
        Profile p = Profile::canvas(QStringLiteral("Round Trip"),
                                    url("https://example.canvasmedical.com"));
        p.clientId = QStringLiteral("client-1");
        p.clientType = Profile::ClientType::Confidential;
        p.discoveryUrl = url("https://example.canvasmedical.com/.well-known/openid-configuration");
        p.redirectUri = url("http://127.0.0.1:8765/callback");
        p.extraAuthParams.append({QStringLiteral("aud"), QStringLiteral("https://x.example?a=1")});
        const QByteArray json = profilejson::toJson(p);
        QString error;
        const auto back = profilejson::fromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        compareProfiles(*back, p);
        if (QTest::currentTestFailed())
            return;
        // The format as documented.
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        QCOMPARE(o.value(QStringLiteral("chartkey-profile")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("canvas"));
        QCOMPARE(o.value(QStringLiteral("grant")).toString(),
                 QStringLiteral("authorization-code"));
        QVERIFY(o.value(QStringLiteral("authParams")).isArray());
    }

    // Every preset's profile comes back from its JSON as it was; every field of the table
    // is written.
    void jsonRoundTripsEveryPreset()
    {
        for (const ServerPreset &preset : ServerPreset::all()) {
            Profile p = makeProfile(preset.kind,
                                    inputs("https://example.canvasmedical.com",
                                           "https://fhir.example.org/r4",
                                           "https://login.example.com/.well-known/"
                                           "openid-configuration"));
            p.name = QStringLiteral("Preset ") + preset.id;
            if (p.grant != Profile::Grant::StaticToken)
                p.clientId = QStringLiteral("client-") + preset.id;
            if (p.tokenUrl.isEmpty() && p.grant != Profile::Grant::StaticToken) {
                p.tokenUrl = url("https://login.example.com/token");
                p.authorizationUrl = url("https://login.example.com/authorize");
            }
            QString error;
            const auto back = profilejson::fromJson(profilejson::toJson(p), &error);
            QVERIFY2(back, qPrintable(preset.id + QStringLiteral(": ") + error));
            compareProfiles(*back, p);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void theFieldTableCoversEveryStoredField()
    {
        QSet<ProfileField> fields;
        QSet<QString> keys;
        for (const profilefields::Entry &entry : profilefields::table()) {
            fields.insert(entry.field);
            keys.insert(QString(entry.key));
        }
        QCOMPARE(keys.size(), profilefields::table().size());
        for (ProfileField f : {ProfileField::Name, ProfileField::Kind, ProfileField::Instance,
                               ProfileField::FhirBase, ProfileField::Discovery,
                               ProfileField::ClientId, ProfileField::ClientType,
                               ProfileField::Grant, ProfileField::Scope, ProfileField::Redirect,
                               ProfileField::Authorization, ProfileField::Token,
                               ProfileField::Revocation, ProfileField::Issuer,
                               ProfileField::Notes})
            QVERIFY2(fields.contains(f), qPrintable(fieldName(f)));
        // Secrets are never among them.
        for (const QString &key : std::as_const(keys))
            QVERIFY2(!secretnames::looksLikeSecret(key), qPrintable(key));
    }

    void jsonOmitsEmptyFieldsAndRenames()
    {
        const Profile p = makeProfile(Profile::Kind::CanvasSandboxToken,
                                      inputs("https://example.canvasmedical.com"));
        const QJsonObject o = QJsonDocument::fromJson(profilejson::toJson(p)).object();
        for (const char *absent : {"tokenUrl", "authorizationUrl", "clientId", "scope",
                                   "redirectUri", "authParams", "issuer"})
            QVERIFY2(!o.contains(QLatin1String(absent)), absent);
        QString error;
        const auto renamed = profilejson::fromJson(profilejson::toJson(p), &error,
                                                   QStringLiteral("Other"));
        QVERIFY2(renamed, qPrintable(error));
        QCOMPARE(renamed->name, QStringLiteral("Other"));
        QCOMPARE(toString(renamed->grant), toString(Profile::Grant::StaticToken));
        QCOMPARE(profilejson::secretStillNeeded(*renamed),
                 QStringLiteral("chartkey profile set-token Other"));
    }

    void importWithASecretIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("key");
        const QByteArray base = R"("chartkey-profile": 1, "name": "S", "kind": "canvas",
            "instanceUrl": "https://example.canvasmedical.com", "clientId": "c")";
        QTest::newRow("client_secret") << QByteArray("{" + base + R"(, "client_secret": "s3cr3t"})")
                                       << QStringLiteral("client_secret");
        QTest::newRow("clientSecret") << QByteArray("{" + base + R"(, "clientSecret": "s3cr3t"})")
                                      << QStringLiteral("clientSecret");
        QTest::newRow("nested access_token")
                << QByteArray("{" + base + R"(, "extra": {"deep": [{"access_token": "x"}]}})")
                << QStringLiteral("access_token");
        QTest::newRow("refresh_token") << QByteArray("{" + base + R"(, "refresh_token": "x"})")
                                       << QStringLiteral("refresh_token");
        QTest::newRow("token") << QByteArray("{" + base + R"(, "token": "x"})")
                               << QStringLiteral("token");
        QTest::newRow("password") << QByteArray("{" + base + R"(, "Password": "x"})")
                                  << QStringLiteral("Password");
        QTest::newRow("as an auth parameter")
                << QByteArray("{" + base
                              + R"(, "authParams": [{"name": "client_secret", "value": "x"}]})")
                << QStringLiteral("client_secret");
    }

    void importWithASecretIsRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, key);
        QString error;
        QVERIFY(!profilejson::fromJson(json, &error));
        QVERIFY2(error.contains(QLatin1String("never carry secrets")), qPrintable(error));
        QVERIFY2(error.contains(key), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("chartkey profile set-")), qPrintable(error));
    }

    void importOfAnUnknownVersionIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("says");
        QTest::newRow("version 2") << QByteArray(R"({"chartkey-profile": 2, "name": "A"})")
                                   << QStringLiteral("format version 2");
        QTest::newRow("version as text")
                << QByteArray(R"({"chartkey-profile": "1", "name": "A"})")
                << QStringLiteral("format version 1");
        QTest::newRow("no version") << QByteArray(R"({"name": "A"})")
                                    << QStringLiteral("not a chartkey profile");
        QTest::newRow("not an object") << QByteArray("[1]")
                                       << QStringLiteral("not a chartkey profile");
        QTest::newRow("not JSON") << QByteArray("name=A") << QStringLiteral("not a chartkey profile");
    }

    void importOfAnUnknownVersionIsRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, says);
        QString error;
        QVERIFY(!profilejson::fromJson(json, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
    }

    void importOfPlainHttpOnAnotherHostIsRefused()
    {
        Profile p = Profile::canvas(QStringLiteral("H"), url("https://example.canvasmedical.com"));
        p.clientId = QStringLiteral("c");
        p.tokenUrl = url("http://evil.example.com/token");
        QString error;
        QVERIFY(!profilejson::fromJson(profilejson::toJson(p), &error));
        QVERIFY2(error.contains(QLatin1String("http://")) && error.contains(QLatin1String("https://")),
                 qPrintable(error));
        // Loopback http is fine.
        Profile local = Profile::canvas(QStringLiteral("L"), url("http://127.0.0.1:8000"));
        local.clientId = QStringLiteral("c");
        local.fhirBaseUrl = url("http://127.0.0.1:8001");
        QVERIFY2(profilejson::fromJson(profilejson::toJson(local), &error), qPrintable(error));
    }

    void importOfAnUnknownKindOrGrantIsRefused()
    {
        QString error;
        QVERIFY(!profilejson::fromJson(
                R"({"chartkey-profile": 1, "name": "A", "kind": "epic"})", &error));
        QVERIFY2(error.contains(QLatin1String("epic")), qPrintable(error));
        QVERIFY(!profilejson::fromJson(
                R"({"chartkey-profile": 1, "name": "A", "grant": "implicit"})", &error));
        QVERIFY2(error.contains(QLatin1String("implicit")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPresets)
#include "tst_presets.moc"

// Profile: Canvas defaults, the FHIR host rule, validation, and the QSettings store.
#include "profilecompare.h"
#include "profile/profile.h"
#include "storage/profilestore.h"

#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chartkey;
using namespace chartkey::test;

namespace {

Profile valid()
{
    Profile p = Profile::canvas(QStringLiteral("Clinic"),
                                QUrl(QStringLiteral("https://example.canvasmedical.com")));
    p.clientId = QStringLiteral("client-123");
    return p;
}

QUrl url(const char *text)
{
    return QUrl(QString::fromLatin1(text));
}

} // namespace

class TestProfile final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // Before anything reads them: no test may touch the user's settings.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.path() + QStringLiteral("/config")));
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_home.path() + QStringLiteral("/config"));
        QVERIFY2(ProfileStore().settingsPath().startsWith(m_home.path()),
                 qPrintable(ProfileStore().settingsPath()));
    }

    void canvasDefaultsAreTheCanvasEndpoints_data()
    {
        QTest::addColumn<QUrl>("instance");
        QTest::newRow("no trailing slash") << url("https://example.canvasmedical.com");
        QTest::newRow("trailing slash") << url("https://example.canvasmedical.com/");
        QTest::newRow("query and fragment") << url("https://example.canvasmedical.com/?a=1#x");
    }

    void canvasDefaultsAreTheCanvasEndpoints()
    {
        QFETCH(QUrl, instance);
        const Profile p = Profile::canvas(QStringLiteral("Clinic"), instance);
        QCOMPARE(p.name, QStringLiteral("Clinic"));
        QCOMPARE(p.authorizationUrl, url("https://example.canvasmedical.com/auth/authorize/"));
        QCOMPARE(p.tokenUrl, url("https://example.canvasmedical.com/auth/token/"));
        QCOMPARE(p.revocationUrl, url("https://example.canvasmedical.com/auth/revoke_token/"));
        QCOMPARE(p.notesBaseUrl,
                 url("https://example.canvasmedical.com/plugin-io/api/note_sign_api/"));
        QCOMPARE(p.fhirBaseUrl, url("https://fumage-example.canvasmedical.com"));
        QCOMPARE(p.scope, QString::fromLatin1(Profile::kDefaultScope));
        QCOMPARE(p.redirectUri, url("http://127.0.0.1/callback"));
        QVERIFY(p.redirectUsesAnyPort());
        QCOMPARE(p.extraAuthParams.size(), 1);
        QCOMPARE(p.extraAuthParams.first().first, QStringLiteral("launch"));
        QCOMPARE(p.extraAuthParams.first().second, QStringLiteral("e30="));
        QCOMPARE(toString(p.clientType), QStringLiteral("public"));
        QCOMPARE(toString(p.grant), QStringLiteral("authorization-code"));
        QVERIFY(!p.issuer.isEmpty());
        QVERIFY(p.issuer.startsWith(QLatin1String("https://example.canvasmedical.com")));
    }

    void canvasKeepsAPathPrefix()
    {
        const Profile p = Profile::canvas(QStringLiteral("Local"), url("http://127.0.0.1:8000/ehr/"));
        QCOMPARE(p.tokenUrl, url("http://127.0.0.1:8000/ehr/auth/token/"));
        QCOMPARE(p.authorizationUrl, url("http://127.0.0.1:8000/ehr/auth/authorize/"));
        QVERIFY(p.fhirBaseUrl.isEmpty()); // not a canvasmedical.com host
    }

    void deriveFhirBase_data()
    {
        QTest::addColumn<QUrl>("instance");
        QTest::addColumn<QUrl>("fhir");
        QTest::newRow("canvas instance") << url("https://example.canvasmedical.com")
                                         << url("https://fumage-example.canvasmedical.com");
        QTest::newRow("upper case") << url("https://Example.CanvasMedical.com/")
                                    << url("https://fumage-example.canvasmedical.com");
        QTest::newRow("other host") << url("https://ehr.example.org") << QUrl();
        QTest::newRow("look-alike host") << url("https://evilcanvasmedical.com") << QUrl();
        QTest::newRow("bare domain") << url("https://canvasmedical.com") << QUrl();
        QTest::newRow("already fumage-") << url("https://fumage-example.canvasmedical.com")
                                         << QUrl();
        QTest::newRow("loopback") << url("http://127.0.0.1:8000") << QUrl();
    }

    void deriveFhirBase()
    {
        QFETCH(QUrl, instance);
        QFETCH(QUrl, fhir);
        const QUrl derived = Profile::deriveFhirBase(instance);
        QCOMPARE(derived, fhir);
        QCOMPARE(derived.isValid(), fhir.isValid());
    }

    void validate_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem"); // empty: valid

        const QString httpRefused = QStringLiteral("uses http://");
        const QString redirect = QStringLiteral("must be a loopback URI with a path");
        auto row = [](const char *name, const char *field, const char *value, QString problem) {
            QTest::newRow(name) << QString::fromLatin1(field) << QString::fromUtf8(value)
                                << problem;
        };
        row("the Canvas defaults", "", "", {});
        row("http instance", "instance", "http://example.canvasmedical.com", httpRefused);
        row("http token URL", "token", "http://example.canvasmedical.com/auth/token/", httpRefused);
        row("http FHIR", "fhir", "http://fumage-example.canvasmedical.com", httpRefused);
        row("http authorize", "authorize", "http://example.canvasmedical.com/auth/authorize/",
            httpRefused);
        row("http localhost look-alike", "token", "http://localhost.example.com/t", httpRefused);
        row("ftp token URL", "token", "ftp://example.canvasmedical.com/t",
            QStringLiteral("must use https://"));
        row("missing FHIR base", "fhir", "", QStringLiteral("FHIR base URL is missing"));
        row("http 127.0.0.1 everywhere", "loopback", "http://127.0.0.1:8000", {});
        row("http [::1] everywhere", "loopback", "http://[::1]:8000", {});
        row("http localhost everywhere", "loopback", "http://localhost:8000", {});
        row("redirect with a fixed port", "redirect", "http://127.0.0.1:8765/callback", {});
        row("redirect on localhost", "redirect", "http://localhost/callback", {});
        row("redirect on [::1]", "redirect", "http://[::1]/cb", {});
        row("https redirect", "redirect", "https://127.0.0.1/callback", redirect);
        row("redirect to another host", "redirect", "http://example.com/callback", redirect);
        row("redirect without path", "redirect", "http://127.0.0.1:8765", redirect);
        row("redirect with root path", "redirect", "http://127.0.0.1/", redirect);
        row("client credentials, public", "cc-public", "", QStringLiteral("confidential"));
        row("client credentials, confidential", "cc-confidential", "", {});
        row("no client ID", "clientId", "", QStringLiteral("client ID is missing"));
        row("empty name", "name", "", QStringLiteral("profile name"));
        row("name with a slash", "name", "a/b", QStringLiteral("profile name"));
        row("name starting with a space", "name", " a", QStringLiteral("profile name"));
        row("name of 65 characters", "name",
            "a1234567890123456789012345678901234567890123456789012345678901234",
            QStringLiteral("profile name"));
        row("name with space, dot, dash, underscore", "name", "My EHR_1.test-2", {});
    }

    void validate()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, problem);

        Profile p = valid();
        const QUrl u(value);
        if (field == QLatin1String("instance"))
            p.instanceUrl = u;
        else if (field == QLatin1String("token"))
            p.tokenUrl = u;
        else if (field == QLatin1String("fhir"))
            p.fhirBaseUrl = u;
        else if (field == QLatin1String("authorize"))
            p.authorizationUrl = u;
        else if (field == QLatin1String("redirect"))
            p.redirectUri = u;
        else if (field == QLatin1String("clientId"))
            p.clientId = value;
        else if (field == QLatin1String("name"))
            p.name = value;
        else if (field == QLatin1String("loopback")) {
            p = Profile::canvas(QStringLiteral("Local"), u);
            p.clientId = QStringLiteral("client-123");
            p.fhirBaseUrl = QUrl(value + QStringLiteral("/fhir"));
        } else if (field.startsWith(QLatin1String("cc-"))) {
            p.grant = Profile::Grant::ClientCredentials;
            p.redirectUri = QUrl(); // not used by this grant
            p.clientType = field == QLatin1String("cc-public") ? Profile::ClientType::Public
                                                               : Profile::ClientType::Confidential;
        }

        const ProfileProblems problems = p.validate();
        if (problem.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(messages(problems).join(QLatin1Char('\n'))));
        } else {
            QCOMPARE(problems.size(), 1);
            QVERIFY2(problems.first().message.contains(problem),
                     qPrintable(problems.first().message));
            // The problem names the field to fix.
            const QHash<QString, ProfileField> fields{
                    {QStringLiteral("instance"), ProfileField::Instance},
                    {QStringLiteral("token"), ProfileField::Token},
                    {QStringLiteral("fhir"), ProfileField::FhirBase},
                    {QStringLiteral("authorize"), ProfileField::Authorization},
                    {QStringLiteral("redirect"), ProfileField::Redirect},
                    {QStringLiteral("clientId"), ProfileField::ClientId},
                    {QStringLiteral("name"), ProfileField::Name},
                    {QStringLiteral("cc-public"), ProfileField::ClientType}};
            QVERIFY2(problems.first().field == fields.value(field), qPrintable(field));
        }
    }

    void redirectUsesAnyPortOnlyWithoutAPort()
    {
        Profile p = valid();
        QVERIFY(p.redirectUsesAnyPort());
        p.redirectUri = url("http://127.0.0.1:8765/callback");
        QVERIFY(!p.redirectUsesAnyPort());
    }

    void storeRoundTripKeepsEveryField()
    {
        ProfileStore store;
        Profile p = valid();
        p.name = QStringLiteral("Round Trip_1");
        p.issuer = QStringLiteral("https://issuer.example");
        p.clientType = Profile::ClientType::Confidential;
        p.grant = Profile::Grant::ClientCredentials;
        p.scope = QStringLiteral("system/Patient.read");
        p.redirectUri = url("http://127.0.0.1:8765/callback");
        p.extraAuthParams = {{QStringLiteral("launch"), QStringLiteral("e30=")},
                             {QStringLiteral("aud"),
                              QStringLiteral("https://fumage-example.canvasmedical.com?a=1&b=2")},
                             {QStringLiteral("prompt"), QStringLiteral("login consent")}};
        store.save(p);
        QVERIFY(store.names().contains(p.name));

        const std::optional<Profile> back = store.load(p.name);
        QVERIFY(back.has_value());
        compareProfiles(*back, p);
        if (QTest::currentTestFailed())
            return;

        // Saving again replaces, and does not append parameters.
        p.extraAuthParams = {{QStringLiteral("launch"), QStringLiteral("e30=")}};
        store.save(p);
        QCOMPARE(store.load(p.name)->extraAuthParams, p.extraAuthParams);

        store.remove(p.name);
        QVERIFY(!store.load(p.name).has_value());
        QVERIFY(!store.names().contains(p.name));
    }

    void storeKeepsKindDiscoveryUrlAndStaticTokenGrant()
    {
        ProfileStore store;
        Profile p = Profile::canvas(QStringLiteral("Smart One"), url("https://fhir.example.org/r4"));
        p.kind = Profile::Kind::Smart;
        p.discoveryUrl = url("https://fhir.example.org/r4/.well-known/smart-configuration");
        p.grant = Profile::Grant::StaticToken;
        store.save(p);
        const std::optional<Profile> back = store.load(p.name);
        QVERIFY(back.has_value());
        QCOMPARE(toString(back->kind), toString(Profile::Kind::Smart));
        QCOMPARE(back->discoveryUrl, p.discoveryUrl);
        QCOMPARE(toString(back->grant), toString(Profile::Grant::StaticToken));
        store.remove(p.name);
    }

    void oldProfileWithoutKindLoadsAsCanvas()
    {
        // As written before there were presets: no kind, no discoveryUrl.
        {
            QSettings s(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("chartkey"),
                        QStringLiteral("chartkey"));
            s.beginGroup(QStringLiteral("profiles/Old"));
            s.setValue(QStringLiteral("instanceUrl"), url("https://example.canvasmedical.com"));
            s.setValue(QStringLiteral("fhirBaseUrl"),
                       url("https://fumage-example.canvasmedical.com"));
            s.setValue(QStringLiteral("tokenUrl"),
                       url("https://example.canvasmedical.com/auth/token/"));
            s.setValue(QStringLiteral("authorizationUrl"),
                       url("https://example.canvasmedical.com/auth/authorize/"));
            s.setValue(QStringLiteral("clientId"), QStringLiteral("old-client"));
            s.setValue(QStringLiteral("clientType"), QStringLiteral("public"));
            s.setValue(QStringLiteral("grant"), QStringLiteral("authorization-code"));
            s.setValue(QStringLiteral("redirectUri"), url("http://127.0.0.1/callback"));
            s.endGroup();
            s.sync();
        }
        ProfileStore store;
        const std::optional<Profile> old = store.load(QStringLiteral("Old"));
        QVERIFY(old.has_value());
        QCOMPARE(toString(old->kind), toString(Profile::Kind::Canvas));
        // Its URLs were written as QVariant blobs ("@Variant(...)"): they read as URLs.
        QCOMPARE(old->tokenUrl, url("https://example.canvasmedical.com/auth/token/"));
        QCOMPARE(old->redirectUri, url("http://127.0.0.1/callback"));
        QVERIFY(old->discoveryUrl.isEmpty());
        QCOMPARE(toString(old->grant), toString(Profile::Grant::AuthorizationCode));
        QVERIFY2(old->validate().isEmpty(),
                 qPrintable(messages(old->validate()).join(QLatin1Char('\n'))));
        store.remove(QStringLiteral("Old"));
    }

    void storeLoadsNothingForUnknownOrInvalidNames()
    {
        ProfileStore store;
        store.save(valid());
        QVERIFY(store.load(QStringLiteral("Clinic")).has_value());
        QVERIFY(!store.load(QStringLiteral("Nobody")).has_value());
        QVERIFY(!store.load(QStringLiteral("../Clinic")).has_value());
        QVERIFY(!store.load(QString()).has_value());
        store.remove(QStringLiteral("Clinic"));
    }

    void settingsFileHoldsNoSecrets()
    {
        ProfileStore store;
        Profile p = valid();
        p.clientType = Profile::ClientType::Confidential;
        store.save(p);

        QFile file(store.settingsPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QLatin1String("client-123"))); // the file is the right one
        // URLs are plain text that a person can read and ship, not QVariant blobs.
        QVERIFY2(!text.contains(QLatin1String("@Variant")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("instanceUrl=https://example.canvasmedical.com")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("tokenUrl=https://example.canvasmedical.com/auth/"
                                             "token/")),
                 qPrintable(text));
        static const QRegularExpression secretLooking(
                QStringLiteral("secret|password|access_token|refresh_token|accessToken|"
                               "refreshToken|code_verifier|^\\s*token\\s*="),
                QRegularExpression::CaseInsensitiveOption
                        | QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = secretLooking.match(text);
        QVERIFY2(!m.hasMatch(), qPrintable(m.captured()));

        QSettings s(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("chartkey"),
                    QStringLiteral("chartkey"));
        s.beginGroup(QStringLiteral("profiles/Clinic"));
        const QStringList keys = s.allKeys();
        QVERIFY(keys.contains(QStringLiteral("clientId")));
        for (const QString &key : keys)
            QVERIFY2(!key.contains(QLatin1String("secret"), Qt::CaseInsensitive), qPrintable(key));
        store.remove(p.name);
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"

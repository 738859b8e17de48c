// The profile form (profile/profileform.h), the rules behind the profile editor and
// `chartkey profile add`: what each preset derives and from what, hand edits that stop a
// field from following, which fields each preset and grant show and require, and the problems
// of each field, with those shown before the person has typed.
#include "profilecompare.h"
#include "profile/profileform.h"

#include <QSignalSpy>
#include <QTest>

using namespace chartkey;
using namespace chartkey::test;

namespace {

using F = ProfileField;

// A new profile of `kind`, as File → New profile starts it.
std::unique_ptr<ProfileForm> newForm(Profile::Kind kind)
{
    Profile p;
    p.kind = kind;
    return std::make_unique<ProfileForm>(p, ProfileForm::Mode::New);
}

QString joined(const ProfileProblems &problems)
{
    return messages(problems).join(QLatin1Char('\n'));
}

QStringList fieldsOf(const ProfileProblems &problems)
{
    QStringList out;
    for (const ProfileProblem &p : problems)
        out << fieldName(p.field);
    return out;
}

} // namespace

class TestProfileForm final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aNewCanvasProfileNeedsNameInstanceAndClientId()
    {
        const auto form = newForm(Profile::Kind::Canvas);
        // Nothing relative, nothing red before anything is typed; saving says what is missing.
        QVERIFY(form->text(F::Token).isEmpty());
        QVERIFY(form->text(F::Notes).isEmpty());
        QVERIFY2(form->shownProblems().isEmpty(), qPrintable(joined(form->shownProblems())));
        QVERIFY(!form->isValid());
        QCOMPARE(form->whatStopsSaving(),
                 QStringLiteral("To save: give the profile name, the instance URL and the "
                                "client ID."));
        QCOMPARE(form->text(F::Scope), QString::fromLatin1(Profile::kDefaultScope));
        QCOMPARE(form->text(F::Launch), QStringLiteral("e30="));
        QVERIFY(!form->redirectIsExact());

        form->setText(F::Name, QStringLiteral("Clinic"));
        form->setText(F::Instance, QStringLiteral("https://example.canvasmedical.com/"));
        QCOMPARE(form->whatStopsSaving(), QStringLiteral("To save: give the client ID."));
        form->setText(F::ClientId, QStringLiteral("client-1"));
        QVERIFY2(form->isValid(), qPrintable(joined(form->problems())));
        QVERIFY(form->whatStopsSaving().isEmpty());

        Profile expected = Profile::canvas(QStringLiteral("Clinic"),
                                           QUrl(QStringLiteral("https://example.canvasmedical.com")));
        expected.clientId = QStringLiteral("client-1");
        compareProfiles(form->profile(), expected);
    }

    void whoSignsInAddsAndRemovesTheOpenIdScopes()
    {
        const auto form = newForm(Profile::Kind::Canvas);
        // Canvas registers apps without OpenID Connect: off until chosen.
        QVERIFY(!form->asksIdentity());
        form->setAsksIdentity(true);
        QVERIFY(form->asksIdentity());
        QCOMPARE(form->text(F::Scope),
                 QString::fromLatin1(Profile::kDefaultScope) + QStringLiteral(" openid fhirUser"));
        form->setAsksIdentity(false);
        QCOMPARE(form->text(F::Scope), QString::fromLatin1(Profile::kDefaultScope));
        // A SMART server is asked by default; taking it back leaves the other scopes alone.
        const auto smart = newForm(Profile::Kind::Smart);
        QVERIFY(smart->asksIdentity());
        smart->setAsksIdentity(false);
        QVERIFY(!smart->text(F::Scope).contains(QLatin1String("openid")));
        QVERIFY(!smart->text(F::Scope).contains(QLatin1String("fhirUser")));
        QVERIFY(smart->text(F::Scope).contains(QLatin1String("offline_access")));
    }

    void derivationsOfEachPreset_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("derived");
        const auto row = [](const char *name, Profile::Kind kind, F source, const char *typed,
                            F field, const char *derived) {
            QTest::newRow(name) << int(kind) << int(source) << QString::fromLatin1(typed)
                                << int(field) << QString::fromLatin1(derived);
        };
        const char *canvas = "https://example.canvasmedical.com";
        row("canvas: FHIR base", Profile::Kind::Canvas, F::Instance, canvas, F::FhirBase,
            "https://fumage-example.canvasmedical.com");
        row("canvas: token", Profile::Kind::Canvas, F::Instance, canvas, F::Token,
            "https://example.canvasmedical.com/auth/token/");
        row("canvas: authorization", Profile::Kind::Canvas, F::Instance, canvas,
            F::Authorization, "https://example.canvasmedical.com/auth/authorize/");
        row("canvas: revocation", Profile::Kind::Canvas, F::Instance, canvas, F::Revocation,
            "https://example.canvasmedical.com/auth/revoke_token/");
        row("canvas: issuer", Profile::Kind::Canvas, F::Instance, canvas, F::Issuer, canvas);
        row("canvas: notes", Profile::Kind::Canvas, F::Instance, canvas, F::Notes,
            "https://example.canvasmedical.com/plugin-io/api/note_sign_api/");
        row("sandbox token: FHIR base", Profile::Kind::CanvasSandboxToken, F::Instance, canvas,
            F::FhirBase, "https://fumage-example.canvasmedical.com");
        row("sandbox token: no token URL", Profile::Kind::CanvasSandboxToken, F::Instance,
            canvas, F::Token, "");
        row("smart: discovery", Profile::Kind::Smart, F::FhirBase, "https://fhir.example.org/r4",
            F::Discovery, "https://fhir.example.org/r4/.well-known/smart-configuration");
        row("smart: aud", Profile::Kind::Smart, F::FhirBase, "https://fhir.example.org/r4/",
            F::Aud, "https://fhir.example.org/r4");
        row("smart: instance", Profile::Kind::Smart, F::FhirBase, "https://fhir.example.org/r4",
            F::Instance, "https://fhir.example.org/r4");
        row("openid: instance", Profile::Kind::OpenId, F::Discovery,
            "https://login.example.com/t/.well-known/openid-configuration", F::Instance,
            "https://login.example.com/t");
        row("lms: token", Profile::Kind::CanvasLms, F::Instance, "https://canvas.instructure.com",
            F::Token, "https://canvas.instructure.com/login/oauth2/token");
        row("lms: no revocation URL", Profile::Kind::CanvasLms, F::Instance,
            "https://canvas.instructure.com", F::Revocation, "");
    }

    void derivationsOfEachPreset()
    {
        QFETCH(int, kind);
        QFETCH(int, source);
        QFETCH(QString, typed);
        QFETCH(int, field);
        QFETCH(QString, derived);
        const auto form = newForm(Profile::Kind(kind));
        QVERIFY(form->follows(F(field)));
        form->setText(F(source), typed);
        QCOMPARE(form->text(F(field)), derived);
    }

    void aHandEditStopsFollowingUntilCleared()
    {
        const auto form = newForm(Profile::Kind::Canvas);
        form->setText(F::Instance, QStringLiteral("https://example.canvasmedical.com"));
        form->setText(F::FhirBase, QStringLiteral("https://fhir.example.org/r4"));
        QVERIFY(!form->follows(F::FhirBase));
        form->setText(F::Instance, QStringLiteral("https://other.canvasmedical.com"));
        QCOMPARE(form->text(F::FhirBase), QStringLiteral("https://fhir.example.org/r4"));
        QCOMPARE(form->text(F::Token), QStringLiteral("https://other.canvasmedical.com/auth/token/"));
        // Cleared: it follows again, from the next change of its source on.
        form->setText(F::FhirBase, QString());
        QVERIFY(form->follows(F::FhirBase));
        form->setText(F::Instance, QStringLiteral("https://third.canvasmedical.com"));
        QCOMPARE(form->text(F::FhirBase), QStringLiteral("https://fumage-third.canvasmedical.com"));
    }

    void anEditedProfileFollowsOnlyWhereItHadTheDerivedValue()
    {
        Profile p = Profile::canvas(QStringLiteral("Clinic"),
                                    QUrl(QStringLiteral("https://example.canvasmedical.com")));
        p.clientId = QStringLiteral("c");
        p.tokenUrl = QUrl(QStringLiteral("https://proxy.example.org/token"));
        ProfileForm form(p, ProfileForm::Mode::Edit);
        compareProfiles(form.profile(), p);
        QVERIFY(form.follows(F::Authorization));
        QVERIFY(!form.follows(F::Token));
        form.setText(F::Instance, QStringLiteral("https://other.canvasmedical.com"));
        QCOMPARE(form.text(F::Authorization),
                 QStringLiteral("https://other.canvasmedical.com/auth/authorize/"));
        QCOMPARE(form.text(F::Token), QStringLiteral("https://proxy.example.org/token"));
    }

    void theGrantDecidesTheClientTypeUntilChosen()
    {
        const auto form = newForm(Profile::Kind::Canvas);
        QCOMPARE(toString(form->clientType()), toString(Profile::ClientType::Public));
        form->setGrant(Profile::Grant::ClientCredentials);
        QCOMPARE(toString(form->clientType()), toString(Profile::ClientType::Confidential));
        QVERIFY(form->isVisible(F::ClientSecret));
        QVERIFY(!form->isEnabled(F::Redirect));
        form->setClientType(Profile::ClientType::Public);
        QVERIFY(!problemsOf(form->problems(), F::ClientType).isEmpty());
        form->setGrant(Profile::Grant::AuthorizationCode);
        QCOMPARE(toString(form->clientType()), toString(Profile::ClientType::Public));

        const auto openid = newForm(Profile::Kind::OpenId);
        QCOMPARE(toString(openid->grant()), toString(Profile::Grant::ClientCredentials));
        QCOMPARE(toString(openid->clientType()), toString(Profile::ClientType::Confidential));
        openid->setGrant(Profile::Grant::AuthorizationCode);
        QCOMPARE(toString(openid->clientType()), toString(Profile::ClientType::Public));
    }

    void visibilityPerPresetAndGrant_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QList<int>>("shown");
        QTest::addColumn<QList<int>>("hidden");
        const auto ints = [](std::initializer_list<F> fields) {
            QList<int> out;
            for (F f : fields)
                out << int(f);
            return out;
        };
        QTest::newRow("canvas") << int(Profile::Kind::Canvas)
                                << ints({F::Instance, F::FhirBase, F::ClientId, F::Scope,
                                         F::Launch, F::Aud, F::Notes, F::Token})
                                << ints({F::Discovery, F::AccessToken, F::ClientSecret});
        QTest::newRow("sandbox token") << int(Profile::Kind::CanvasSandboxToken)
                                       << ints({F::Instance, F::FhirBase, F::AccessToken,
                                                F::Notes})
                                       << ints({F::ClientId, F::ClientType, F::Scope,
                                                F::Redirect, F::Token, F::Discovery});
        QTest::newRow("smart") << int(Profile::Kind::Smart)
                               << ints({F::FhirBase, F::Discovery, F::Aud, F::ClientId})
                               << ints({F::Instance, F::Launch, F::Notes, F::AccessToken});
        QTest::newRow("openid") << int(Profile::Kind::OpenId)
                                << ints({F::Discovery, F::FhirBase, F::ClientSecret})
                                << ints({F::Instance, F::Launch, F::Notes});
        QTest::newRow("canvas-lms") << int(Profile::Kind::CanvasLms)
                                    << ints({F::Instance, F::ClientId, F::ClientSecret})
                                    << ints({F::FhirBase, F::Discovery, F::Launch, F::Aud,
                                             F::Notes});
    }

    void visibilityPerPresetAndGrant()
    {
        QFETCH(int, kind);
        QFETCH(QList<int>, shown);
        QFETCH(QList<int>, hidden);
        const auto form = newForm(Profile::Kind(kind));
        for (int f : shown)
            QVERIFY2(form->isVisible(F(f)), qPrintable(fieldName(F(f))));
        for (int f : hidden)
            QVERIFY2(!form->isVisible(F(f)), qPrintable(fieldName(F(f))));
    }

    void requiredFieldsPerPreset()
    {
        auto form = newForm(Profile::Kind::Canvas);
        QVERIFY(form->isRequired(F::Instance) && form->isRequired(F::ClientId));
        QVERIFY(!form->isRequired(F::Discovery) && !form->isRequired(F::AccessToken));
        form = newForm(Profile::Kind::CanvasSandboxToken);
        QVERIFY(form->isRequired(F::Instance) && form->isRequired(F::AccessToken));
        QVERIFY(!form->isRequired(F::ClientId));
        form->setStoredSecrets(false, true);
        QVERIFY(!form->isRequired(F::AccessToken));
        form = newForm(Profile::Kind::Smart);
        QVERIFY(form->isRequired(F::FhirBase) && !form->isRequired(F::Instance));
        form = newForm(Profile::Kind::OpenId);
        QVERIFY(form->isRequired(F::Discovery) && !form->isRequired(F::FhirBase));
        QVERIFY(form->isRequired(F::ClientSecret));
        form = newForm(Profile::Kind::CanvasLms);
        QVERIFY(!form->isRequired(F::Scope)); // the LMS's scopes are optional
        QVERIFY(!form->isRequired(F::FhirBase));
    }

    void problemsNameTheirField()
    {
        const auto form = newForm(Profile::Kind::Canvas);
        form->setText(F::Name, QStringLiteral("Bad/Name"));
        form->setText(F::Instance, QStringLiteral("http://example.com"));
        form->setText(F::Scope, QStringLiteral("user/patient.read"));
        form->setText(F::ClientId, QStringLiteral("c"));
        const ProfileProblems shown = form->shownProblems();
        QCOMPARE(fieldsOf(shown),
                 (QStringList{fieldName(F::Name), fieldName(F::Instance), fieldName(F::Scope)}));
        QVERIFY(problemsOf(shown, F::Instance).first().message.contains(QLatin1String("https://")));
        // The endpoints that follow the wrong instance have its problem, said once.
        QVERIFY(problemsOf(shown, F::Token).isEmpty());
        QVERIFY(!problemsOf(form->problems(), F::Token).isEmpty());
        QCOMPARE(form->whatStopsSaving(),
                 QStringLiteral("To save: correct the profile name, the instance URL and the "
                                "scopes."));
    }

    void aDerivedFhirBaseIsAskedForWhenTheHostHasNone()
    {
        const auto form = newForm(Profile::Kind::Canvas);
        form->setText(F::Instance, QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(form->text(F::FhirBase).isEmpty());
        QVERIFY(!problemsOf(form->shownProblems(), F::FhirBase).isEmpty());
        form->setText(F::FhirBase, QStringLiteral("http://127.0.0.1:8080/fhir"));
        QVERIFY(problemsOf(form->problems(), F::FhirBase).isEmpty());
    }

    void newNamesMustBeUniqueAndSecretsTyped()
    {
        const auto form = newForm(Profile::Kind::CanvasSandboxToken);
        form->setExistingNames({QStringLiteral("clinic")});
        form->setText(F::Name, QStringLiteral("Clinic"));
        form->setText(F::Instance, QStringLiteral("https://example.canvasmedical.com"));
        QVERIFY(problemsOf(form->shownProblems(), F::Name)
                        .first()
                        .message.contains(QLatin1String("already exists")));
        QVERIFY(problemsOf(form->shownProblems(), F::AccessToken).isEmpty()); // not reached yet
        QVERIFY(form->whatStopsSaving().contains(QLatin1String("give the access token")));
        form->setText(F::Name, QStringLiteral("Clinic 2"));
        form->setText(F::AccessToken, QStringLiteral(" token-1234567890 "));
        QVERIFY2(form->isValid(), qPrintable(joined(form->problems())));
        QCOMPARE(form->accessToken(), QStringLiteral("token-1234567890"));
    }

    void smartEndpointsComeFromDiscovery()
    {
        const auto form = newForm(Profile::Kind::Smart);
        form->setText(F::Name, QStringLiteral("S"));
        form->setText(F::FhirBase, QStringLiteral("https://fhir.example.org/r4"));
        form->setText(F::ClientId, QStringLiteral("c"));
        QCOMPARE(form->whatStopsSaving(),
                 QStringLiteral("To save: fetch the endpoints from the discovery document (or "
                                "give them)."));
        Profile fetched = form->profile();
        fetched.authorizationUrl = QUrl(QStringLiteral("https://auth.example.org/authorize"));
        fetched.tokenUrl = QUrl(QStringLiteral("https://auth.example.org/token"));
        fetched.issuer = QStringLiteral("https://auth.example.org");
        form->setEndpoints(fetched);
        QVERIFY2(form->isValid(), qPrintable(joined(form->problems())));
        // Fetched endpoints stay when the FHIR base changes.
        form->setText(F::FhirBase, QStringLiteral("https://fhir.example.org/r5"));
        QCOMPARE(form->text(F::Token), QStringLiteral("https://auth.example.org/token"));
        QCOMPARE(form->text(F::Aud), QStringLiteral("https://fhir.example.org/r5"));
    }

    void changingThePresetKeepsWhatWasGiven()
    {
        const auto form = newForm(Profile::Kind::Canvas);
        form->setText(F::Name, QStringLiteral("LMS"));
        form->setText(F::Instance, QStringLiteral("https://canvas.instructure.com"));
        form->setText(F::ClientId, QStringLiteral("1000"));
        QSignalSpy changed(form.get(), &ProfileForm::changed);
        form->setKind(Profile::Kind::CanvasLms);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(form->text(F::Instance), QStringLiteral("https://canvas.instructure.com"));
        QCOMPARE(form->text(F::ClientId), QStringLiteral("1000"));
        QCOMPARE(form->text(F::Token),
                 QStringLiteral("https://canvas.instructure.com/login/oauth2/token"));
        QVERIFY(form->text(F::Launch).isEmpty());
        QVERIFY(form->text(F::Scope).isEmpty());
        QCOMPARE(toString(form->clientType()), toString(Profile::ClientType::Confidential));
        form->setText(F::ClientSecret, QStringLiteral("dev-key"));
        QVERIFY2(form->isValid(), qPrintable(joined(form->problems())));
    }

    void aLoadedProfileShowsEveryProblem()
    {
        const auto form = newForm(Profile::Kind::Canvas);
        Profile imported = Profile::canvas(QStringLiteral("I"),
                                           QUrl(QStringLiteral("https://example.canvasmedical.com")));
        imported.clientId = QStringLiteral("c");
        imported.clientType = Profile::ClientType::Confidential;
        form->load(imported);
        compareProfiles(form->profile(), imported);
        QVERIFY(!problemsOf(form->shownProblems(), F::ClientSecret).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProfileForm)
#include "tst_profileform.moc"

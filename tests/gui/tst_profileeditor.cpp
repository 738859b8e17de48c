// The profile editor: endpoints derived from the instance URL as it is typed, problems shown
// under the field they concern with OK disabled, the secret field of confidential clients,
// scope checking, the redirect choice, and an unchanged profile coming back unchanged; the
// server presets (fields and grants per kind, endpoints fetched from discovery), the static
// access token field, and export/import of the profile as JSON.
#include "profilecompare.h"
#include "ui/profileeditor.h"

#include "scriptedserver.h"
#include "profile/profilejson.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace chartkey;
using namespace chartkey::test;
using chartkey::ui::ProfileEditorDialog;

Q_DECLARE_METATYPE(chartkey::Profile)

namespace {

const QUrl kInstance(QStringLiteral("https://example.canvasmedical.com"));

Profile completeProfile()
{
    Profile p = Profile::canvas(QStringLiteral("Clinic"), kInstance);
    p.clientId = QStringLiteral("client-123");
    return p;
}

} // namespace

class TestProfileEditor final : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ProfileEditorDialog> m_dialog;

    ProfileEditorDialog &open(const Profile &initial, bool isNew, const QStringList &existing = {})
    {
        m_dialog = std::make_unique<ProfileEditorDialog>(initial, isNew, existing);
        m_dialog->show();
        if (!QTest::qWaitForWindowExposed(m_dialog.get()))
            qWarning("the dialog was not exposed");
        return *m_dialog;
    }

    template<typename T> T *field(const char *name) const
    {
        T *widget = m_dialog->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget named %s", name);
        return widget;
    }

    QLineEdit *edit(const char *name) const { return field<QLineEdit>(name); }

    // The problem shown under a field, or an empty string when none is shown.
    QString problemUnder(const char *name) const
    {
        const auto *label = field<QLabel>((QByteArray(name) + "Error").constData());
        return label->isVisibleTo(m_dialog.get()) ? label->text() : QString();
    }

    // Every problem the dialog knows of, shown or not (for failure messages).
    QString allProblems() const
    {
        QStringList all;
        const auto labels = m_dialog->findChildren<QLabel *>();
        for (const QLabel *label : labels) {
            if (label->objectName().endsWith(QLatin1String("Error")) && !label->text().isEmpty())
                all << label->objectName() + QStringLiteral(": ") + label->text();
        }
        all << messages(m_dialog->profile().validate());
        return all.join(QLatin1Char('\n'));
    }

    QPushButton *okButton() const
    {
        return m_dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    bool okEnabled() const { return okButton()->isEnabled(); }

    // The line under the buttons that says what stops saving.
    QString whatStopsSaving() const
    {
        const auto *label = field<QLabel>("whatStopsSaving");
        return label->isVisibleTo(m_dialog.get()) ? label->text() : QString();
    }

    // The new-user path: the dialog as File → New profile opens it (MainWindow::editProfile:
    // a blank profile of the default preset), shown and active, so that keys go where a
    // person's would.
    void openAsFileNewProfile()
    {
        open(Profile(), true, {QStringLiteral("Existing")});
        QApplication::setActiveWindow(m_dialog.get());
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    }

    static QWidget *focused() { return QApplication::focusWidget(); }

    // Presses Tab until the widget named `name` has the focus (a person tabbing to it).
    static bool tabTo(const char *name)
    {
        for (int i = 0; i < 30; ++i) {
            if (focused() && focused()->objectName() == QLatin1String(name))
                return true;
            QTest::keyClick(focused(), Qt::Key_Tab);
        }
        return false;
    }

    // Types `text` into the widget that has the focus.
    static void typeHere(const QString &text) { QTest::keyClicks(focused(), text); }

    // Chooses a preset as a person does with the keyboard: focus on the list, arrow down.
    void choosePresetByKeyboard(Profile::Kind kind)
    {
        auto *preset = field<QComboBox>("preset");
        preset->setFocus();
        while (preset->currentData().toInt() != int(kind)
               && preset->currentIndex() < preset->count() - 1)
            QTest::keyClick(preset, Qt::Key_Down);
        QCOMPARE(preset->currentData().toInt(), int(kind));
    }

    // Presses Enter where the focus is: the default button, OK.
    void pressEnter() { QTest::keyClick(focused(), Qt::Key_Return); }

    // Replaces the text as a person would: select all, then type.
    static void type(QLineEdit *lineEdit, const QString &text)
    {
        lineEdit->setFocus();
        lineEdit->selectAll();
        if (text.isEmpty())
            QTest::keyClick(lineEdit, Qt::Key_Delete);
        else
            QTest::keyClicks(lineEdit, text);
    }

    static void choose(QComboBox *combo, int value)
    {
        combo->setCurrentIndex(combo->findData(value));
    }

private Q_SLOTS:
    void cleanup() { m_dialog.reset(); }

    void typingACanvasInstanceDerivesTheFhirBaseAndEndpoints()
    {
        open(Profile(), true);
        type(edit("instanceUrl"), QStringLiteral("https://example.canvasmedical.com"));
        QCOMPARE(edit("fhirBaseUrl")->text(),
                 QStringLiteral("https://fumage-example.canvasmedical.com"));
        QCOMPARE(edit("authorizationUrl")->text(),
                 QStringLiteral("https://example.canvasmedical.com/auth/authorize/"));
        QCOMPARE(edit("tokenUrl")->text(),
                 QStringLiteral("https://example.canvasmedical.com/auth/token/"));
        QCOMPARE(edit("revocationUrl")->text(),
                 QStringLiteral("https://example.canvasmedical.com/auth/revoke_token/"));
        QCOMPARE(edit("issuer")->text(), QStringLiteral("https://example.canvasmedical.com"));
        QCOMPARE(m_dialog->profile().notesBaseUrl,
                 QUrl(QStringLiteral(
                         "https://example.canvasmedical.com/plugin-io/api/note_sign_api/")));
        // A new profile starts with Canvas's defaults.
        QCOMPARE(m_dialog->profile().scope, QString::fromLatin1(Profile::kDefaultScope));
        QCOMPARE(edit("launch")->text(), QStringLiteral("e30="));
        QVERIFY(field<QRadioButton>("redirectAnyPort")->isChecked());
    }

    void anEditedFhirBaseNoLongerFollowsTheInstance()
    {
        open(Profile(), true);
        type(edit("instanceUrl"), QStringLiteral("https://example.canvasmedical.com"));
        type(edit("fhirBaseUrl"), QStringLiteral("https://fhir.example.org/r4"));
        type(edit("instanceUrl"), QStringLiteral("https://other.canvasmedical.com"));
        QCOMPARE(edit("fhirBaseUrl")->text(), QStringLiteral("https://fhir.example.org/r4"));
        QCOMPARE(edit("tokenUrl")->text(),
                 QStringLiteral("https://other.canvasmedical.com/auth/token/"));
        QCOMPARE(m_dialog->profile().fhirBaseUrl,
                 QUrl(QStringLiteral("https://fhir.example.org/r4")));
    }

    void endpointsAreCollapsedUntilAskedFor()
    {
        open(completeProfile(), false);
        auto *endpoints = field<QGroupBox>("endpoints");
        QVERIFY(!endpoints->isVisibleTo(m_dialog.get()));
        field<QCheckBox>("showEndpoints")->setChecked(true);
        QVERIFY(endpoints->isVisibleTo(m_dialog.get()));
    }

    void plainHttpInstanceIsRefusedNextToTheField()
    {
        open(completeProfile(), false);
        QVERIFY(okEnabled());
        QVERIFY(problemUnder("instanceUrl").isEmpty());
        type(edit("instanceUrl"), QStringLiteral("http://example.com"));
        const QString problem = problemUnder("instanceUrl");
        QVERIFY2(problem.contains(QStringLiteral("https://")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("127.0.0.1, ::1 and localhost")),
                 qPrintable(problem));
        QVERIFY(!okEnabled());
        // The endpoints that follow it have the same problem: it is said once.
        QVERIFY(problemUnder("tokenUrl").isEmpty());
        QVERIFY(!field<QCheckBox>("showEndpoints")->isChecked());
    }

    void aWrongEndpointOpensTheEndpoints()
    {
        open(completeProfile(), false);
        QVERIFY(!field<QCheckBox>("showEndpoints")->isChecked());
        edit("tokenUrl")->setText(QStringLiteral("http://example.com/token"));
        QVERIFY(field<QCheckBox>("showEndpoints")->isChecked());
        QVERIFY(problemUnder("tokenUrl").contains(QStringLiteral("https://")));
        QVERIFY(!okEnabled());
    }

    void loopbackHttpInstanceIsAccepted()
    {
        open(completeProfile(), false);
        type(edit("instanceUrl"), QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(problemUnder("instanceUrl").isEmpty());
        // Not a *.canvasmedical.com host: the FHIR base must be given.
        QVERIFY(!problemUnder("fhirBaseUrl").isEmpty());
        QVERIFY(!okEnabled());
        type(edit("fhirBaseUrl"), QStringLiteral("http://127.0.0.1:8080/fhir"));
        QVERIFY(problemUnder("fhirBaseUrl").isEmpty());
        QVERIFY(okEnabled());
        const Profile p = m_dialog->profile();
        QCOMPARE(p.instanceUrl, QUrl(QStringLiteral("http://127.0.0.1:8080")));
        QCOMPARE(p.tokenUrl, QUrl(QStringLiteral("http://127.0.0.1:8080/auth/token/")));
        QVERIFY(p.validate().isEmpty());
    }

    void missingClientIdIsShownUnderIt()
    {
        open(completeProfile(), false);
        type(edit("clientId"), QString());
        QVERIFY(problemUnder("clientId").contains(QStringLiteral("client ID")));
        QVERIFY(!okEnabled());
    }

    void secretFieldIsShownOnlyForConfidentialClients()
    {
        open(completeProfile(), true);
        auto *secret = edit("clientSecret");
        QVERIFY(!secret->isVisibleTo(m_dialog.get()));
        QVERIFY(okEnabled());
        choose(field<QComboBox>("clientType"), int(Profile::ClientType::Confidential));
        QVERIFY(secret->isVisibleTo(m_dialog.get()));
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QVERIFY(!problemUnder("clientSecret").isEmpty());
        QVERIFY(!okEnabled());
        type(secret, QStringLiteral("s3cret"));
        QVERIFY(problemUnder("clientSecret").isEmpty());
        QVERIFY(okEnabled());
        QCOMPARE(m_dialog->clientSecret(), QStringLiteral("s3cret"));
        QVERIFY(m_dialog->profile().isConfidential());
        choose(field<QComboBox>("clientType"), int(Profile::ClientType::Public));
        QVERIFY(!secret->isVisibleTo(m_dialog.get()));
        QVERIFY(m_dialog->clientSecret().isEmpty());
    }

    void confidentialWithAKeyAsksForNoSecret()
    {
        open(completeProfile(), true);
        auto *secret = edit("clientSecret");
        choose(field<QComboBox>("clientType"), 100); // Confidential (with a key)
        QVERIFY(!secret->isVisibleTo(m_dialog.get()));
        QVERIFY(okEnabled());
        QVERIFY(m_dialog->profile().isConfidential());
        QCOMPARE(toString(m_dialog->profile().clientAuth), QStringLiteral("private_key_jwt"));
        QVERIFY(m_dialog->clientSecret().isEmpty());
        // With a secret again: the secret is asked for, the method is the default again.
        choose(field<QComboBox>("clientType"), int(Profile::ClientType::Confidential));
        QVERIFY(secret->isVisibleTo(m_dialog.get()));
        QCOMPARE(toString(m_dialog->profile().clientAuth), QString());
        choose(field<QComboBox>("clientType"), int(Profile::ClientType::Public));
        QVERIFY(!m_dialog->profile().isConfidential());
        QVERIFY(!secret->isVisibleTo(m_dialog.get()));
    }

    void editingAConfidentialClientKeepsItsStoredSecret()
    {
        Profile p = completeProfile();
        p.clientType = Profile::ClientType::Confidential;
        open(p, false);
        QVERIFY(edit("clientSecret")->isVisibleTo(m_dialog.get()));
        QVERIFY(okEnabled());
        QVERIFY(m_dialog->clientSecret().isEmpty()); // unchanged
    }

    void clientCredentialsNeedAConfidentialClient()
    {
        open(completeProfile(), false);
        choose(field<QComboBox>("grant"), int(Profile::Grant::ClientCredentials));
        // The client type follows the grant: confidential, and its secret is asked for.
        QCOMPARE(field<QComboBox>("clientType")->currentData().toInt(),
                 int(Profile::ClientType::Confidential));
        QVERIFY(edit("clientSecret")->isVisibleTo(m_dialog.get()));
        QVERIFY(!problemUnder("clientSecret").isEmpty());
        QVERIFY(!okEnabled());
        QVERIFY(!field<QRadioButton>("redirectExact")->isEnabled());
        // A public client chosen by hand cannot use the grant.
        choose(field<QComboBox>("clientType"), int(Profile::ClientType::Public));
        QVERIFY(problemUnder("clientType").contains(QStringLiteral("confidential")));
        QVERIFY(!okEnabled());
    }

    void scopesAreCheckedAsTyped_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("problem"); // empty: accepted
        QTest::newRow("lowercase resource type")
                << QStringLiteral("user/patient.read offline_access")
                << QStringLiteral("capitalised");
        QTest::newRow("v2 letters")
                << QStringLiteral("user/Patient.rs offline_access") << QString();
        QTest::newRow("v1") << QStringLiteral("user/Patient.read launch") << QString();
        QTest::newRow("letters out of order")
                << QStringLiteral("user/Patient.sr") << QStringLiteral("order");
        QTest::newRow("none") << QString() << QStringLiteral("at least one scope");
    }

    void scopesAreCheckedAsTyped()
    {
        QFETCH(QString, scope);
        QFETCH(QString, problem);
        open(completeProfile(), false);
        type(edit("scope"), scope);
        const QString shown = problemUnder("scope");
        if (problem.isEmpty()) {
            QVERIFY2(shown.isEmpty(), qPrintable(shown));
            QVERIFY(okEnabled());
            QCOMPARE(m_dialog->profile().scope, scope);
        } else {
            QVERIFY2(shown.contains(problem), qPrintable(shown));
            QVERIFY(!okEnabled());
        }
    }

    void tickingWhoSignsInAsksForOpenIdAndFhirUser()
    {
        open(completeProfile(), false);
        auto *box = field<QCheckBox>("asksIdentity");
        QVERIFY(box->isVisible());
        QVERIFY(!box->isChecked());
        QTest::mouseClick(box, Qt::LeftButton);
        QVERIFY(edit("scope")->text().endsWith(QLatin1String(" openid fhirUser")));
        QVERIFY(okEnabled());
        QVERIFY(m_dialog->profile().asksOpenId());
        // Typed away by hand: the box follows the scopes.
        type(edit("scope"), QStringLiteral("user/Patient.read offline_access"));
        QVERIFY(!box->isChecked());
    }

    void exactRedirectMustBeLoopbackWithAPath_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("loopback with port")
                << QStringLiteral("http://127.0.0.1:8765/callback") << true;
        QTest::newRow("ipv6 loopback") << QStringLiteral("http://[::1]:8765/callback") << true;
        QTest::newRow("not loopback") << QStringLiteral("http://example.com/callback") << false;
        QTest::newRow("https") << QStringLiteral("https://127.0.0.1:8765/callback") << false;
        QTest::newRow("no path") << QStringLiteral("http://127.0.0.1:8765") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void exactRedirectMustBeLoopbackWithAPath()
    {
        QFETCH(QString, uri);
        QFETCH(bool, accepted);
        open(completeProfile(), false);
        QVERIFY(!edit("redirectUri")->isEnabled());
        field<QRadioButton>("redirectExact")->setChecked(true);
        QVERIFY(edit("redirectUri")->isEnabled());
        type(edit("redirectUri"), uri);
        QCOMPARE(problemUnder("redirectUri").isEmpty(), accepted);
        QCOMPARE(okEnabled(), accepted);
        if (accepted)
            QCOMPARE(m_dialog->profile().redirectUri, QUrl(uri));
        field<QRadioButton>("redirectAnyPort")->setChecked(true);
        QVERIFY(okEnabled());
        QCOMPARE(m_dialog->profile().redirectUri,
                 QUrl(QString::fromLatin1(Profile::kDefaultRedirectUri)));
    }

    void aNewProfileMayNotReuseAName()
    {
        open(completeProfile(), true, {QStringLiteral("clinic"), QStringLiteral("Lab")});
        QVERIFY(problemUnder("name").contains(QStringLiteral("already exists")));
        QVERIFY(!okEnabled());
        type(edit("name"), QStringLiteral("Clinic 2"));
        QVERIFY(problemUnder("name").isEmpty());
        QVERIFY(okEnabled());
        type(edit("name"), QStringLiteral("Bad/Name"));
        QVERIFY(!problemUnder("name").isEmpty());
        QVERIFY(!okEnabled());
    }

    void anEditedProfileKeepsItsName()
    {
        open(completeProfile(), false, {QStringLiteral("Clinic")});
        QVERIFY(edit("name")->isReadOnly());
        QVERIFY(problemUnder("name").isEmpty());
        QVERIFY(okEnabled());
    }

    void anEmptyNewProfilePointsAtNothingYet()
    {
        open(Profile(), true);
        QVERIFY(!okEnabled());
        const auto labels = m_dialog->findChildren<QLabel *>();
        for (const QLabel *label : labels) {
            if (label->objectName().endsWith(QLatin1String("Error")))
                QVERIFY2(label->text().isEmpty(), qPrintable(label->text()));
        }
        // OK disabled says why, under the buttons.
        QCOMPARE(whatStopsSaving(),
                 QStringLiteral("To save: give the profile name, the instance URL and the "
                                "client ID."));
    }

    void anUnchangedProfileRoundTrips_data()
    {
        QTest::addColumn<Profile>("initial");
        QTest::newRow("canvas") << completeProfile();

        Profile custom = completeProfile();
        custom.name = QStringLiteral("Custom");
        custom.fhirBaseUrl = QUrl(QStringLiteral("https://fhir.example.org/r4/"));
        custom.revocationUrl = QUrl();
        custom.issuer = QStringLiteral("https://issuer.example.org");
        custom.clientType = Profile::ClientType::Confidential;
        custom.scope = QStringLiteral("openid  fhirUser user/Patient.rs");
        custom.redirectUri = QUrl(QStringLiteral("http://127.0.0.1:8765/callback"));
        custom.extraAuthParams
                = {{QStringLiteral("prompt"), QStringLiteral("login")},
                   {QStringLiteral("aud"), QStringLiteral("https://fhir.example.org/r4/")},
                   {QStringLiteral("launch"), QStringLiteral("e30=")}};
        QTest::newRow("custom") << custom;

        Profile machine = Profile::canvas(QStringLiteral("Machine"),
                                          QUrl(QStringLiteral("http://127.0.0.1:9000/")));
        machine.clientId = QStringLiteral("m2m");
        machine.fhirBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:9000/fhir"));
        machine.grant = Profile::Grant::ClientCredentials;
        machine.clientType = Profile::ClientType::Confidential;
        machine.redirectUri = QUrl();
        machine.extraAuthParams.clear();
        QTest::newRow("client credentials") << machine;
    }

    void anUnchangedProfileRoundTrips()
    {
        QFETCH(Profile, initial);
        open(initial, false);
        compareProfiles(m_dialog->profile(), initial);
        QVERIFY(m_dialog->clientSecret().isEmpty());
    }

    void editsReachTheProfile()
    {
        open(completeProfile(), false);
        type(edit("clientId"), QStringLiteral("  other-client "));
        type(edit("aud"), QStringLiteral("https://fumage-example.canvasmedical.com"));
        type(edit("launch"), QString());
        const Profile p = m_dialog->profile();
        QCOMPARE(p.clientId, QStringLiteral("other-client"));
        QCOMPARE(p.extraAuthParams,
                 (QList<std::pair<QString, QString>> {
                         {QStringLiteral("aud"),
                          QStringLiteral("https://fumage-example.canvasmedical.com")}}));
    }

    void everyFieldHasALabelWithAMnemonicAndAnAccessibleName()
    {
        open(completeProfile(), false);
        field<QCheckBox>("showEndpoints")->setChecked(true);
        const auto labels = m_dialog->findChildren<QLabel *>();
        QSet<QWidget *> labelled;
        for (const QLabel *label : labels) {
            if (!label->buddy())
                continue;
            QVERIFY2(label->text().contains(QLatin1Char('&')), qPrintable(label->text()));
            labelled.insert(label->buddy());
        }
        const auto inputs = m_dialog->findChildren<QWidget *>();
        for (QWidget *w : inputs) {
            if (!qobject_cast<QLineEdit *>(w) && !qobject_cast<QComboBox *>(w))
                continue;
            if (w->parent() && qobject_cast<QComboBox *>(w->parent()))
                continue; // a combo box's own line edit
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
            if (w->objectName() != QLatin1String("redirectUri")) // labelled by its radio button
                QVERIFY2(labelled.contains(w), qPrintable(w->objectName()));
        }
    }

    void choosingAPresetShowsOnlyTheFieldsItUses()
    {
        open(Profile(), true);
        auto *preset = field<QComboBox>("preset");
        QCOMPARE(preset->count(), 6); // canvas, canvas-sandbox-token, smart, openid, canvas-lms, smart-backend
        QCOMPARE(preset->currentData().toInt(), int(Profile::Kind::Canvas));
        const auto shown = [this](const char *name) {
            return m_dialog->findChild<QWidget *>(QString::fromLatin1(name))
                    ->isVisibleTo(m_dialog.get());
        };
        QVERIFY(shown("instanceUrl"));
        QVERIFY(!shown("discoveryUrl"));
        QVERIFY(!shown("accessToken"));
        const QString canvasText = field<QLabel>("presetDescription")->text();

        choose(preset, int(Profile::Kind::Smart));
        QVERIFY(field<QLabel>("presetDescription")->text() != canvasText);
        QVERIFY(!shown("instanceUrl"));
        QVERIFY(shown("fhirBaseUrl"));
        QVERIFY(shown("discoveryUrl"));
        QVERIFY(shown("fetchEndpoints"));
        QVERIFY(!shown("launch"));
        type(edit("fhirBaseUrl"), QStringLiteral("https://fhir.example.org/r4"));
        QCOMPARE(edit("discoveryUrl")->text(),
                 QStringLiteral("https://fhir.example.org/r4/.well-known/smart-configuration"));
        QCOMPARE(edit("aud")->text(), QStringLiteral("https://fhir.example.org/r4"));
        QCOMPARE(toString(m_dialog->profile().kind), toString(Profile::Kind::Smart));
        QCOMPARE(m_dialog->profile().scope,
                 QStringLiteral("user/Patient.read user/Appointment.read offline_access openid "
                                "fhirUser"));

        choose(preset, int(Profile::Kind::OpenId));
        QVERIFY(shown("discoveryUrl"));
        QCOMPARE(field<QComboBox>("grant")->currentData().toInt(),
                 int(Profile::Grant::ClientCredentials));
        QCOMPARE(field<QComboBox>("clientType")->currentData().toInt(),
                 int(Profile::ClientType::Confidential));

        choose(preset, int(Profile::Kind::CanvasSandboxToken));
        QVERIFY(shown("instanceUrl"));
        QVERIFY(shown("accessToken"));
        QVERIFY(!shown("clientId"));
        QVERIFY(!shown("clientType"));
        QVERIFY(!shown("scope"));
        // Of the endpoints, only the notes API is used with a static token.
        field<QCheckBox>("showEndpoints")->setChecked(true);
        QVERIFY(shown("notesBaseUrl"));
        QVERIFY(!shown("tokenUrl"));
        QCOMPARE(field<QComboBox>("grant")->count(), 1);

        choose(preset, int(Profile::Kind::Canvas));
        QVERIFY(shown("clientId"));
        QVERIFY(!shown("accessToken"));
        QCOMPARE(edit("launch")->text(), QStringLiteral("e30="));
    }

    void canvasLmsOffersNoClientCredentialsAndSaysWhy()
    {
        open(Profile(), true);
        choose(field<QComboBox>("preset"), int(Profile::Kind::CanvasLms));
        auto *grant = field<QComboBox>("grant");
        QCOMPARE(grant->count(), 2);
        QVERIFY(grant->findData(int(Profile::Grant::AuthorizationCode)) >= 0);
        QVERIFY(grant->findData(int(Profile::Grant::StaticToken)) >= 0);
        QCOMPARE(grant->findData(int(Profile::Grant::ClientCredentials)), -1);
        auto *note = field<QLabel>("grantNote");
        QVERIFY(note->isVisibleTo(m_dialog.get()));
        QVERIFY2(note->text().contains(QLatin1String("LTI 1.3")), qPrintable(note->text()));
        QVERIFY(!edit("fhirBaseUrl")->isVisibleTo(m_dialog.get()));

        type(edit("name"), QStringLiteral("LMS"));
        type(edit("instanceUrl"), QStringLiteral("https://canvas.instructure.com"));
        type(edit("clientId"), QStringLiteral("10000000000001"));
        type(edit("clientSecret"), QStringLiteral("dev-key-secret"));
        QVERIFY2(okEnabled(), qPrintable(allProblems()));
        const Profile p = m_dialog->profile();
        QCOMPARE(toString(p.kind), toString(Profile::Kind::CanvasLms));
        QCOMPARE(p.authorizationUrl,
                 QUrl(QStringLiteral("https://canvas.instructure.com/login/oauth2/auth")));
        QCOMPARE(p.tokenUrl,
                 QUrl(QStringLiteral("https://canvas.instructure.com/login/oauth2/token")));
        QVERIFY(p.revocationUrl.isEmpty());
        QVERIFY(p.fhirBaseUrl.isEmpty());
        QVERIFY(p.issuer.isEmpty());
        QVERIFY(p.extraAuthParams.isEmpty());
        QVERIFY(p.validate().isEmpty());
        QCOMPARE(m_dialog->clientSecret(), QStringLiteral("dev-key-secret"));
    }

    void staticTokenIsAskedForHiddenAndHandedOver()
    {
        open(Profile(), true);
        choose(field<QComboBox>("preset"), int(Profile::Kind::CanvasSandboxToken));
        type(edit("name"), QStringLiteral("Sandbox token"));
        type(edit("instanceUrl"), QStringLiteral("https://example.canvasmedical.com"));
        QVERIFY(!okEnabled()); // no token yet
        QCOMPARE(edit("accessToken")->echoMode(), QLineEdit::Password);
        type(edit("accessToken"), QStringLiteral("  sandbox-token-0123456789 "));
        QVERIFY2(okEnabled(), qPrintable(allProblems()));
        QCOMPARE(m_dialog->accessToken(), QStringLiteral("sandbox-token-0123456789"));
        QVERIFY(m_dialog->clientSecret().isEmpty());
        const Profile p = m_dialog->profile();
        QCOMPARE(toString(p.grant), toString(Profile::Grant::StaticToken));
        QVERIFY(p.clientId.isEmpty());
        QCOMPARE(p.fhirBaseUrl, QUrl(QStringLiteral("https://fumage-example.canvasmedical.com")));
        // The token is in no JSON the dialog writes.
        QVERIFY(!profilejson::toJson(p).contains("sandbox-token-0123456789"));
    }

    void editingAStaticTokenProfileKeepsTheStoredToken()
    {
        Profile p = Profile::canvas(QStringLiteral("Token"), kInstance);
        p.kind = Profile::Kind::CanvasSandboxToken;
        p.grant = Profile::Grant::StaticToken;
        p.tokenUrl = p.authorizationUrl = p.revocationUrl = QUrl();
        p.issuer.clear();
        p.scope.clear();
        p.redirectUri = QUrl();
        p.extraAuthParams.clear();
        open(p, false);
        QVERIFY2(okEnabled(), qPrintable(allProblems()));
        QVERIFY(edit("accessToken")->text().isEmpty());
        QVERIFY(m_dialog->accessToken().isEmpty());
        compareProfiles(m_dialog->profile(), p);
    }

    void fetchEndpointsFillsThemFromTheDiscoveryDocument()
    {
        test::ScriptedServer server;
        QVERIFY(server.isListening());
        const QString base = server.baseUrl().toString();
        const QString document = QStringLiteral("/.well-known/openid-configuration");
        server.script(document, {{200, QStringLiteral(R"({"issuer": "%1",
            "authorization_endpoint": "%1/authorize", "token_endpoint": "%1/token",
            "revocation_endpoint": "%1/revoke"})").arg(base).toUtf8()}});
        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        open(Profile(), true);
        m_dialog->setNetworkAccessManager(&nam);
        choose(field<QComboBox>("preset"), int(Profile::Kind::OpenId));
        type(edit("name"), QStringLiteral("Auth"));
        type(edit("discoveryUrl"), base + QStringLiteral("/.well-known/openid-configuration"));
        type(edit("clientId"), QStringLiteral("service"));
        type(edit("clientSecret"), QStringLiteral("service-secret"));
        QVERIFY(!okEnabled()); // no token URL yet
        QSignalSpy fetched(m_dialog.get(), &ProfileEditorDialog::endpointsFetched);
        QTest::mouseClick(field<QPushButton>("fetchEndpoints"), Qt::LeftButton);
        QTRY_COMPARE(fetched.count(), 1);
        QCOMPARE(fetched.first().first().toBool(), true);
        QCOMPARE(server.requests(), 1);
        QCOMPARE(server.requests(document), 1);
        QCOMPARE(edit("tokenUrl")->text(), base + QStringLiteral("/token"));
        QCOMPARE(edit("authorizationUrl")->text(), base + QStringLiteral("/authorize"));
        QCOMPARE(edit("revocationUrl")->text(), base + QStringLiteral("/revoke"));
        QCOMPARE(edit("issuer")->text(), base);
        QVERIFY(field<QGroupBox>("endpoints")->isVisibleTo(m_dialog.get()));
        QVERIFY2(okEnabled(), qPrintable(allProblems()));
        const Profile p = m_dialog->profile();
        QCOMPARE(p.instanceUrl, QUrl(base));
        QVERIFY(p.fhirBaseUrl.isEmpty());
    }

    void fetchEndpointsSaysWhenTheDocumentCannotBeRead()
    {
        test::ScriptedServer server;
        server.script(QStringLiteral("/.well-known/smart-configuration"),
                      {{404, QByteArray("not here")}});
        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        open(Profile(), true);
        m_dialog->setNetworkAccessManager(&nam);
        choose(field<QComboBox>("preset"), int(Profile::Kind::Smart));
        const QString fhir = server.baseUrl().toString();
        type(edit("fhirBaseUrl"), fhir);
        QSignalSpy fetched(m_dialog.get(), &ProfileEditorDialog::endpointsFetched);
        QTest::mouseClick(field<QPushButton>("fetchEndpoints"), Qt::LeftButton);
        QTRY_COMPARE(fetched.count(), 1);
        QCOMPARE(fetched.first().first().toBool(), false);
        const QString notice = field<QLabel>("notice")->text();
        QVERIFY2(notice.contains(QLatin1String("smart-configuration"))
                         && notice.contains(QLatin1String("404")),
                 qPrintable(notice));
        QVERIFY(edit("tokenUrl")->text().isEmpty());
    }

    void exportThenImportRoundTrips()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("clinic.json"));
        Profile original = completeProfile();
        original.clientType = Profile::ClientType::Confidential;
        original.redirectUri = QUrl(QStringLiteral("http://127.0.0.1:8765/callback"));
        open(original, false);
        QString error;
        QVERIFY2(m_dialog->exportTo(path, &error), qPrintable(error));
        QVERIFY(field<QPushButton>("exportProfile")->isVisibleTo(m_dialog.get()));
        QVERIFY(field<QPushButton>("importProfile")->isVisibleTo(m_dialog.get()));

        open(Profile(), true);
        QVERIFY2(m_dialog->importFrom(path, &error), qPrintable(error));
        compareProfiles(m_dialog->profile(), original);
        QCOMPARE(toString(m_dialog->profile().kind), toString(original.kind));
        // Imported, not saved: the secret is still to be entered, so OK waits for it.
        QVERIFY(!okEnabled());
        QVERIFY(!problemUnder("clientSecret").isEmpty());
    }

    void importOfAFileWithASecretIsRefusedAndChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QByteArray json = profilejson::toJson(completeProfile());
        json.replace("\"clientId\"", "\"client_secret\": \"s3cr3t\", \"clientId\"");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        open(Profile(), true);
        QString error;
        QVERIFY(!m_dialog->importFrom(path, &error));
        QVERIFY2(error.contains(QLatin1String("never carry secrets")), qPrintable(error));
        QVERIFY(edit("clientId")->text().isEmpty());
    }

    // ---- the editor as a new user finds it: File → New profile, typed with the keyboard

    void aNewUserMakesACanvasProfileFromNameInstanceAndClientId()
    {
        openAsFileNewProfile();
        QCOMPARE(focused()->objectName(), QStringLiteral("name"));
        typeHere(QStringLiteral("Clinic"));
        QVERIFY(tabTo("instanceUrl"));
        typeHere(QStringLiteral("https://example.canvasmedical.com"));
        // Nothing red yet for what has not been reached; OK says what it waits for.
        QVERIFY2(problemUnder("instanceUrl").isEmpty(), qPrintable(problemUnder("instanceUrl")));
        QVERIFY(problemUnder("clientId").isEmpty());
        QVERIFY(!okEnabled());
        QCOMPARE(whatStopsSaving(), QStringLiteral("To save: give the client ID."));
        QVERIFY(tabTo("clientId"));
        typeHere(QStringLiteral("client-123"));
        QVERIFY2(okEnabled(), qPrintable(allProblems()));
        QVERIFY(whatStopsSaving().isEmpty());
        pressEnter();
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));

        const Profile p = m_dialog->profile();
        Profile expected = Profile::canvas(QStringLiteral("Clinic"), kInstance);
        expected.clientId = QStringLiteral("client-123");
        compareProfiles(p, expected);
        QCOMPARE(p.tokenUrl, QUrl(QStringLiteral("https://example.canvasmedical.com/auth/token/")));
        QCOMPARE(p.notesBaseUrl,
                 QUrl(QStringLiteral(
                         "https://example.canvasmedical.com/plugin-io/api/note_sign_api/")));
        QVERIFY(p.validate().isEmpty());
    }

    void aNewUserMakesASandboxTokenProfileWithAPastedToken()
    {
        openAsFileNewProfile();
        choosePresetByKeyboard(Profile::Kind::CanvasSandboxToken);
        QVERIFY(tabTo("name"));
        typeHere(QStringLiteral("Sandbox"));
        QVERIFY(tabTo("instanceUrl"));
        typeHere(QStringLiteral("https://example.canvasmedical.com"));
        QCOMPARE(whatStopsSaving(), QStringLiteral("To save: give the access token."));
        QVERIFY(tabTo("accessToken"));
        QApplication::clipboard()->setText(QStringLiteral("pasted-sandbox-token-0123456789"));
        QTest::keyClick(focused(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(m_dialog->accessToken(), QStringLiteral("pasted-sandbox-token-0123456789"));
        QVERIFY2(okEnabled(), qPrintable(allProblems()));
        pressEnter();
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        const Profile p = m_dialog->profile();
        QCOMPARE(toString(p.kind), toString(Profile::Kind::CanvasSandboxToken));
        QCOMPARE(toString(p.grant), toString(Profile::Grant::StaticToken));
        QCOMPARE(p.fhirBaseUrl, QUrl(QStringLiteral("https://fumage-example.canvasmedical.com")));
        QVERIFY(p.tokenUrl.isEmpty());
        QVERIFY(p.validate().isEmpty());
        QApplication::clipboard()->clear();
    }

    void aNewUserMakesASmartProfileFromItsFhirBase()
    {
        test::ScriptedServer server;
        QVERIFY(server.isListening());
        const QString base = server.baseUrl().toString();
        server.script(QStringLiteral("/fhir/.well-known/smart-configuration"),
                      {{200, QStringLiteral(R"({"issuer": "%1",
            "authorization_endpoint": "%1/authorize", "token_endpoint": "%1/token",
            "code_challenge_methods_supported": ["S256"]})").arg(base).toUtf8()}});
        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        openAsFileNewProfile();
        m_dialog->setNetworkAccessManager(&nam);
        choosePresetByKeyboard(Profile::Kind::Smart);
        QVERIFY(tabTo("name"));
        typeHere(QStringLiteral("Smart"));
        QVERIFY(tabTo("fhirBaseUrl"));
        typeHere(base + QStringLiteral("/fhir"));
        QCOMPARE(edit("discoveryUrl")->text(),
                 base + QStringLiteral("/fhir/.well-known/smart-configuration"));
        QVERIFY(tabTo("clientId"));
        typeHere(QStringLiteral("smart-client"));
        QVERIFY2(whatStopsSaving().contains(QLatin1String("fetch the endpoints")),
                 qPrintable(whatStopsSaving()));
        QSignalSpy fetched(m_dialog.get(), &ProfileEditorDialog::endpointsFetched);
        QTest::mouseClick(field<QPushButton>("fetchEndpoints"), Qt::LeftButton);
        QTRY_COMPARE(fetched.count(), 1);
        QVERIFY2(okEnabled(), qPrintable(allProblems()));
        QVERIFY(tabTo("clientId"));
        pressEnter();
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        const Profile p = m_dialog->profile();
        QCOMPARE(p.fhirBaseUrl, QUrl(base + QStringLiteral("/fhir")));
        QCOMPARE(p.tokenUrl, QUrl(base + QStringLiteral("/token")));
        QCOMPARE(p.authorizationUrl, QUrl(base + QStringLiteral("/authorize")));
        QCOMPARE(p.instanceUrl, QUrl(base + QStringLiteral("/fhir")));
        QCOMPARE(p.extraAuthParams,
                 (QList<std::pair<QString, QString>>{
                         {QStringLiteral("aud"), base + QStringLiteral("/fhir")}}));
        QVERIFY(p.validate().isEmpty());
    }

    void aNewUserMakesAnOpenIdProfileFromItsDiscoveryUrl()
    {
        test::ScriptedServer server;
        QVERIFY(server.isListening());
        const QString base = server.baseUrl().toString();
        server.script(QStringLiteral("/.well-known/openid-configuration"),
                      {{200, QStringLiteral(R"({"issuer": "%1",
            "authorization_endpoint": "%1/authorize", "token_endpoint": "%1/token"})")
                                     .arg(base)
                                     .toUtf8()}});
        QNetworkAccessManager nam;
        nam.setProxy(QNetworkProxy::NoProxy);
        openAsFileNewProfile();
        m_dialog->setNetworkAccessManager(&nam);
        choosePresetByKeyboard(Profile::Kind::OpenId);
        QVERIFY(tabTo("name"));
        typeHere(QStringLiteral("Service"));
        QVERIFY(tabTo("discoveryUrl"));
        typeHere(base + QStringLiteral("/.well-known/openid-configuration"));
        QVERIFY(tabTo("clientId"));
        typeHere(QStringLiteral("service"));
        QVERIFY(tabTo("clientSecret"));
        typeHere(QStringLiteral("service-secret"));
        QSignalSpy fetched(m_dialog.get(), &ProfileEditorDialog::endpointsFetched);
        QTest::mouseClick(field<QPushButton>("fetchEndpoints"), Qt::LeftButton);
        QTRY_COMPARE(fetched.count(), 1);
        QVERIFY2(okEnabled(), qPrintable(allProblems()));
        QVERIFY(tabTo("clientSecret"));
        pressEnter();
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        const Profile p = m_dialog->profile();
        QCOMPARE(toString(p.grant), toString(Profile::Grant::ClientCredentials));
        QCOMPARE(p.tokenUrl, QUrl(base + QStringLiteral("/token")));
        QCOMPARE(p.instanceUrl, QUrl(base));
        QCOMPARE(m_dialog->clientSecret(), QStringLiteral("service-secret"));
        QVERIFY(p.validate().isEmpty());
    }

    void aNewUserMakesACanvasLmsProfile()
    {
        openAsFileNewProfile();
        choosePresetByKeyboard(Profile::Kind::CanvasLms);
        QVERIFY(tabTo("name"));
        typeHere(QStringLiteral("LMS"));
        QVERIFY(tabTo("instanceUrl"));
        typeHere(QStringLiteral("https://canvas.instructure.com"));
        QVERIFY(tabTo("clientId"));
        typeHere(QStringLiteral("10000000000001"));
        QCOMPARE(whatStopsSaving(), QStringLiteral("To save: give the client secret."));
        QVERIFY(tabTo("clientSecret"));
        typeHere(QStringLiteral("dev-key-secret"));
        QVERIFY2(okEnabled(), qPrintable(allProblems()));
        pressEnter();
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        const Profile p = m_dialog->profile();
        QCOMPARE(p.authorizationUrl,
                 QUrl(QStringLiteral("https://canvas.instructure.com/login/oauth2/auth")));
        QCOMPARE(p.tokenUrl,
                 QUrl(QStringLiteral("https://canvas.instructure.com/login/oauth2/token")));
        QVERIFY(p.validate().isEmpty());
    }

    void okStaysWhereItIsWhileProblemsComeAndGo()
    {
        openAsFileNewProfile();
        QVERIFY(tabTo("instanceUrl"));
        const QPoint ok = okButton()->mapToGlobal(QPoint());
        const QSize size = m_dialog->size();
        typeHere(QStringLiteral("http://example.com"));
        QVERIFY(!problemUnder("instanceUrl").isEmpty()); // a problem line came
        QCOMPARE(okButton()->mapToGlobal(QPoint()), ok);
        QCOMPARE(m_dialog->size(), size);
        edit("instanceUrl")->selectAll();
        typeHere(QStringLiteral("https://example.canvasmedical.com"));
        QVERIFY(problemUnder("instanceUrl").isEmpty()); // and went
        QCOMPARE(okButton()->mapToGlobal(QPoint()), ok);
        QCOMPARE(m_dialog->size(), size);
    }

    void thePresetDescriptionIsNotClipped()
    {
        openAsFileNewProfile();
        QCoreApplication::processEvents();
        auto *description = field<QLabel>("presetDescription");
        QVERIFY(description->height() >= description->heightForWidth(description->width()));
    }

    // Saves pictures of the dialog for a look at its layout when CHARTKEY_GRAB_DIR is set.
    void grabForReview()
    {
        const QString dir = qEnvironmentVariable("CHARTKEY_GRAB_DIR");
        if (dir.isEmpty())
            QSKIP("set CHARTKEY_GRAB_DIR to save pictures of the dialog");
        open(Profile(), true);
        type(edit("name"), QStringLiteral("Clinic"));
        type(edit("instanceUrl"), QStringLiteral("http://example.com"));
        choose(field<QComboBox>("clientType"), int(Profile::ClientType::Confidential));
        type(edit("scope"), QStringLiteral("user/patient.read offline_access"));
        QCoreApplication::processEvents();
        m_dialog->adjustSize();
        QCoreApplication::processEvents();
        QVERIFY(m_dialog->grab().save(dir + QStringLiteral("/profileeditor-problems.png")));
        m_dialog.reset();
        Profile p = completeProfile();
        open(p, false);
        m_dialog->adjustSize();
        QVERIFY(m_dialog->grab().save(dir + QStringLiteral("/profileeditor.png")));
    }
};

QTEST_MAIN(TestProfileEditor)
#include "tst_profileeditor.moc"

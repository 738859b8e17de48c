// Managed profiles and policy in the desktop app, offscreen and offline: the profile box
// marks a managed profile (a lock, why it cannot be changed); the editor shows a managed
// profile read-only with OK disabled and says whom to ask; the editor marks a host the
// policy does not allow; "New profile" is disabled when the policy forbids profiles of the
// user's own; a mistake in the managed file is shown once, in the banner; the Settings
// dialog stops at the policy's idle minimum and "never" rule and keeps the signing
// confirmation on, naming the keys; the idle cover comes at the policy's minimum, not at the
// person's shorter setting; Sign asks first when the policy says so, whatever the person set.
#include "memorysecretstore.h"

#include "auth/session.h"
#include "auth/urlopener.h"
#include "fakeclock.h"
#include "profile/policy.h"
#include "profile/profilefields.h"
#include "storage/profilestore.h"
#include "net/activitylog.h"
#include "ui/activitydock.h"
#include "ui/idlewatch.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/noteactions.h"
#include "ui/patientdetail.h"
#include "ui/profileeditor.h"
#include "ui/settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QNetworkRequest>
#include <QTableView>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chartkey;
using namespace chartkey::ui;

namespace {

class NoOpener final : public UrlOpener
{
public:
    bool open(const QUrl &, QString *) override { return true; }
};

Profile canvas(const QString &name, const char *instance)
{
    Profile p = Profile::canvas(name, QUrl(QString::fromLatin1(instance)));
    p.clientId = QStringLiteral("client-123");
    return p;
}

QByteArray group(const Profile &p)
{
    QByteArray text = "[profiles/" + p.name.toUtf8() + "]\n";
    for (const profilefields::Entry &entry : profilefields::table()) {
        if (entry.inSettings && !entry.get(p).isEmpty())
            text += QByteArray(entry.key.data(), entry.key.size()) + "=\""
                    + entry.get(p).toUtf8() + "\"\n";
    }
    return text;
}

bool anyLabelSays(const QWidget *root, const QString &text)
{
    const QList<QLabel *> labels = root->findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(),
                       [&text](const QLabel *l) { return l->text().contains(text); });
}

// The Settings dialog as File > Settings… opens it.
SettingsDialog *openSettings(MainWindow &window)
{
    auto *action = window.findChild<QAction *>(QStringLiteral("settingsAction"));
    if (!action)
        return nullptr;
    action->trigger();
    return window.findChild<SettingsDialog *>(QStringLiteral("settingsDialog"));
}

// A static-token profile of the person's own, with its token in `secrets`: the window opens
// signed in to it (the EHR's address answers nothing; no test here asks it for data).
void signedInProfile(test::MemorySecretStore *secrets, const QDateTime &now)
{
    Profile p = canvas(QStringLiteral("Own"), "https://127.0.0.1:9");
    p.grant = Profile::Grant::StaticToken;
    p.fhirBaseUrl = QUrl(QStringLiteral("https://127.0.0.1:9/fhir"));
    p.notesBaseUrl = QUrl(QStringLiteral("https://127.0.0.1:9/notes/"));
    ProfileStore().save(p);
    QSettings().setValue(QStringLiteral("ui/lastProfile"), p.name);
    secrets->entries.insert(p.tokensKey(), staticTokenSet(QStringLiteral("token-1"), now).toJson());
}

} // namespace

class TestManagedProfiles final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_user;
    QTemporaryDir m_system;
    QString managedFile() const { return m_system.filePath(QStringLiteral("chartkey/chartkey.conf")); }
    void writeManaged(const QByteArray &text)
    {
        QVERIFY(QDir().mkpath(m_system.filePath(QStringLiteral("chartkey"))));
        QFile f(managedFile());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_user.path());
        QSettings::setPath(QSettings::NativeFormat, QSettings::SystemScope, m_system.path());
    }
    void cleanup()
    {
        QFile::remove(managedFile());
        QFile::remove(m_user.filePath(QStringLiteral("chartkey/chartkey.conf")));
        QSettings().clear();
    }

    void editorShowsAManagedProfileReadOnlyAndSaysWhomToAsk()
    {
        const QString refusal = QStringLiteral("\"Clinic\" is a managed profile; ask your IT "
                                               "department.");
        ProfileEditorDialog dialog(canvas(QStringLiteral("Clinic"), "https://clinic.canvasmedical.com"),
                                   false, {});
        dialog.setManaged(refusal);
        QVERIFY(dialog.isManaged());
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("importProfile"))->isEnabled());
        QVERIFY(!dialog.findChild<QScrollArea *>()->widget()->isEnabled());
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("whatStopsSaving"))->text(), refusal);
    }

    void editorMarksAHostThePolicyDoesNotAllow()
    {
        QStringList problems;
        const ManagedPolicy policy = ManagedPolicy::fromValues(
                {{QStringLiteral("allowedHosts"), QStringLiteral("*.example.org")}},
                QStringLiteral("/etc/xdg/chartkey/chartkey.conf"), &problems);
        ProfileEditorDialog dialog(canvas(QStringLiteral("Clinic"), "https://clinic.canvasmedical.com"),
                                   false, {});
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        dialog.setPolicy(policy);
        QVERIFY(!ok->isEnabled());
        QVERIFY(anyLabelSays(&dialog, QStringLiteral("policy/allowedHosts")));
    }

    void profileBoxMarksManagedProfilesAndNewIsDisabledWhenThePolicySays()
    {
        writeManaged("[policy]\nallowUserProfiles=false\n"
                     + group(canvas(QStringLiteral("Hospital"), "https://hospital.canvasmedical.com")));
        test::MemorySecretStore secrets;
        NoOpener opener;
        MainWindow window(&secrets, &opener);
        auto *box = window.findChild<QComboBox *>();
        QVERIFY(box);
        const int i = box->findText(QStringLiteral("Hospital"));
        QVERIFY(i >= 0);
        QCOMPARE(box->itemData(i, MainWindow::kManagedRole).toBool(), true);
        QVERIFY(box->itemData(i, Qt::ToolTipRole).toString().contains(managedFile()));
        auto *add = window.findChild<QAction *>(QStringLiteral("newProfileAction"));
        QVERIFY(add);
        QVERIFY(!add->isEnabled());
        QVERIFY(add->statusTip().contains(QLatin1String("policy/allowUserProfiles")));
    }

    void activityViewHidesBodiesWhenThePolicySays()
    {
        ActivityLog log;
        ActivityDock dock(&log);
        log.record(QNetworkRequest(QUrl(QStringLiteral("https://ehr.example.org/fhir/Patient"))),
                   "POST", "{\"name\":\"Briddle\"}", 200, {}, {}, "{\"id\":\"patient-7\"}", 12);
        dock.view()->setCurrentIndex(log.index(0, 0));
        QVERIFY(dock.details().contains(QLatin1String("Briddle")));
        QVERIFY(dock.details().contains(QLatin1String("patient-7")));

        dock.setBodiesHidden(QStringLiteral("Bodies are hidden by policy/activityShowsBodies."));
        QVERIFY(!dock.details().contains(QLatin1String("Briddle")));
        QVERIFY(!dock.details().contains(QLatin1String("patient-7")));
        QVERIFY(dock.details().contains(QLatin1String("policy/activityShowsBodies")));
        QVERIFY(!dock.selectedAsCurl().contains(QLatin1String("Briddle")));
    }

    void mistakeInTheManagedFileIsShownInTheBanner()
    {
        writeManaged("[policy]\nallowStaticTokens=perhaps\n");
        test::MemorySecretStore secrets;
        NoOpener opener;
        MainWindow window(&secrets, &opener);
        window.show();
        auto *banner = window.findChild<MessageBanner *>();
        QVERIFY(banner);
        QVERIFY2(banner->text().contains(QLatin1String("policy/allowStaticTokens"))
                         && banner->text().contains(managedFile()),
                 qPrintable(banner->text()));
    }

    void settingsStopAtThePolicysMinimumAndKeepTheConfirmationOn()
    {
        writeManaged("[policy]\nminimumIdleMinutes=10\nallowIdleOff=false\n"
                     "signingNeedsConfirmation=true\n");
        QSettings().setValue(QLatin1String(SettingsDialog::kIdleMinutesKey), 2);
        QSettings().setValue(QLatin1String(NoteActionBar::kConfirmSigningKey), false);
        test::MemorySecretStore secrets;
        NoOpener opener;
        MainWindow window(&secrets, &opener);
        window.show();
        // At run time the person's 2 minutes are raised to the policy's 10.
        QCOMPARE(window.idleWatch()->timeoutMs(), qint64(10) * 60 * 1000);

        SettingsDialog *dialog = openSettings(window);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *idle = dialog->findChild<QSpinBox *>(QStringLiteral("idleMinutes"));
        QCOMPARE(idle->value(), 10);
        QCOMPARE(idle->minimum(), 10); // neither fewer minutes nor never
        QVERIFY(idle->toolTip().contains(QLatin1String("policy/minimumIdleMinutes")));
        const QString said = dialog->findChild<QLabel *>(QStringLiteral("idlePolicy"))->text();
        QVERIFY2(said.contains(QLatin1String("becomes 10 minute")) && said.contains(managedFile())
                         && said.contains(QLatin1String("IT department")),
                 qPrintable(said));
        idle->setFocus();
        QTest::keyClick(idle, Qt::Key_Down);
        QCOMPARE(idle->value(), 10);

        auto *confirm = dialog->findChild<QCheckBox *>(QStringLiteral("confirmSigning"));
        QVERIFY(confirm->isChecked());
        QVERIFY(!confirm->isEnabled());
        QVERIFY(confirm->toolTip().contains(QLatin1String("policy/signingNeedsConfirmation")));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("confirmPolicy")));

        // More minutes than the minimum are the person's to choose, and apply.
        idle->selectAll();
        QTest::keyClicks(idle, QStringLiteral("30"));
        QTest::keyClick(idle, Qt::Key_Return);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(QSettings().value(QLatin1String(SettingsDialog::kIdleMinutesKey)).toInt(), 30);
        QCOMPARE(window.idleWatch()->timeoutMs(), qint64(30) * 60 * 1000);
        // The person's own "do not ask" is kept for when the policy goes, but not used.
        QCOMPARE(QSettings().value(QLatin1String(NoteActionBar::kConfirmSigningKey)).toBool(), false);
        QVERIFY(SettingsDialog::confirmSigning());
    }

    void settingsSkipTheMinutesBelowTheMinimumButOfferNever()
    {
        writeManaged("[policy]\ndefaultIdleMinutes=5\nminimumIdleMinutes=5\n");
        SettingsDialog dialog(ProfileStore().policy());
        dialog.show();
        auto *idle = dialog.findChild<QSpinBox *>(QStringLiteral("idleMinutes"));
        QCOMPARE(idle->value(), 5); // the policy's default for who set none
        idle->setFocus();
        QTest::keyClick(idle, Qt::Key_Down);
        QCOMPARE(idle->value(), 0);
        QCOMPARE(idle->text(), QStringLiteral("never"));
        QTest::keyClick(idle, Qt::Key_Up);
        QCOMPARE(idle->value(), 5);
        QVERIFY(idle->toolTip().contains(QLatin1String("policy/minimumIdleMinutes")));
    }

    // An IT department's ceiling: Settings stops at it and offers no "never"; the person's
    // longer time is lowered to it and the dialog says so, naming the policy.
    void settingsStopAtThePolicysMaximumAndOfferNoNever()
    {
        writeManaged("[policy]\nmaximumIdleMinutes=10\n");
        QSettings().setValue(QLatin1String(SettingsDialog::kIdleMinutesKey), 60);
        SettingsDialog dialog(ProfileStore().policy());
        dialog.show();
        auto *idle = dialog.findChild<QSpinBox *>(QStringLiteral("idleMinutes"));
        QCOMPARE(idle->value(), 10);
        QCOMPARE(idle->maximum(), 10);
        QCOMPARE(idle->minimum(), 1); // no never
        idle->setFocus();
        QTest::keyClick(idle, Qt::Key_Up);
        QCOMPARE(idle->value(), 10);
        const QString said = dialog.findChild<QLabel *>(QStringLiteral("idlePolicy"))->text();
        QVERIFY2(said.contains(QLatin1String("Your setting of 60 minute"))
                         && said.contains(QLatin1String("becomes 10 minute"))
                         && said.contains(QLatin1String("at most 10 minute"))
                         && said.contains(QLatin1String("policy/maximumIdleMinutes")),
                 qPrintable(said));
    }

    void idleCoverComesAtThePolicysMinimumNotTheUsersShorterSetting()
    {
        writeManaged("[policy]\nminimumIdleMinutes=10\n");
        QSettings().setValue(QLatin1String(SettingsDialog::kIdleMinutesKey), 2);
        test::FakeClock clock;
        test::MemorySecretStore secrets;
        signedInProfile(&secrets, clock.now());
        NoOpener opener;
        MainWindow window(&secrets, &opener, nullptr, &clock);
        window.show();
        QTRY_VERIFY2(window.connectionText().startsWith(QLatin1String("Signed in")),
                     qPrintable(window.connectionText()));
        window.idleWatch()->poke();
        clock.advance(3 * 60); // past the person's 2 minutes
        QTest::qWait(200);
        QVERIFY(!window.isPatientDataHidden());
        clock.advance(7 * 60); // at the policy's 10
        QTRY_VERIFY(window.isPatientDataHidden());
        auto *text = window.findChild<QLabel *>(QStringLiteral("privacyCoverText"));
        QVERIFY2(text->text().contains(QLatin1String("10 minute")), qPrintable(text->text()));
    }

    void signingAsksFirstWhenThePolicySaysEvenIfTheUserTurnedItOff()
    {
        writeManaged("[policy]\nsigningNeedsConfirmation=true\n");
        QSettings().setValue(QLatin1String(NoteActionBar::kConfirmSigningKey), false);
        test::FakeClock clock;
        test::MemorySecretStore secrets;
        signedInProfile(&secrets, clock.now());
        NoOpener opener;
        MainWindow window(&secrets, &opener, nullptr, &clock);
        window.show();
        QTRY_VERIFY2(window.connectionText().startsWith(QLatin1String("Signed in")),
                     qPrintable(window.connectionText()));
        window.detail()->noteIdEdit()->setText(QStringLiteral("note-25-1"));
        QAction *sign = window.detail()->action(NoteAction::Sign);
        QTRY_VERIFY2(sign->isEnabled(), qPrintable(sign->toolTip()));
        sign->trigger();
        QDialog *confirm = nullptr;
        QTRY_VERIFY((confirm = window.findChild<QDialog *>(QStringLiteral("confirmNoteAction"))));
        QVERIFY(confirm->isVisible());
        auto *cancel = confirm->findChild<QPushButton *>(QStringLiteral("confirmCancel"));
        QVERIFY(cancel);
        cancel->click();
    }
};

QTEST_MAIN(TestManagedProfiles)
#include "tst_managedprofiles.moc"

// Managed profiles and policy in the desktop app, offscreen and offline: the profile box
// marks a managed profile (a lock, why it cannot be changed); the editor shows a managed
// profile read-only with OK disabled and says whom to ask; the editor marks a host the
// policy does not allow; "New profile" is disabled when the policy forbids profiles of the
// user's own; a mistake in the managed file is shown once, in the banner.
#include "memorysecretstore.h"

#include "auth/urlopener.h"
#include "profile/policy.h"
#include "profile/profilefields.h"
#include "storage/profilestore.h"
#include "net/activitylog.h"
#include "ui/activitydock.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/profileeditor.h"

#include <QAction>
#include <QApplication>
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
};

QTEST_MAIN(TestManagedProfiles)
#include "tst_managedprofiles.moc"

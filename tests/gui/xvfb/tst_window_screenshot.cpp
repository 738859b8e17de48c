// A real window on a real X server (Xvfb): sign in through the window's own Sign in
// action and the scripted browser, search, open a patient, and save screenshots of the
// main window, the profile editor and the "Test registration" window after a good check,
// under the build directory (used by the README).
//
// Chromium stays here, in signInSearchAndOpenAPatientInARealWindow: a real window's Sign in
// opening a real browser is what it tests. The check window's browser step is done by the
// consent client (tests/sandbox/consent): that test is about the window and its picture.
#include "auth/urlopener.h"
#include "check/checkreport.h"
#include "ui/checkwindow.h"
#include "ui/desktopapp.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "ui/patientdetail.h"
#include "ui/patientspanel.h"
#include "ui/profileeditor.h"
#include "sandbox.h"
#include "storage/keychainstore.h"
#include "storage/profilestore.h"
#include "base/clock.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QWindow>

using namespace chartkey;
using namespace chartkey::ui;
using chartkey::test::Sandbox;

class TestWindowScreenshot final : public QObject
{
    Q_OBJECT

private:
    QString m_dir;

    QString save(QWidget *widget, const QString &name)
    {
        // Grab from the X server: what is really on screen, decorations aside.
        QScreen *screen = widget->windowHandle()->screen();
        const QPixmap shot = screen->grabWindow(widget->winId());
        const QString path = m_dir + QLatin1Char('/') + name;
        return shot.save(path) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!Sandbox::available() || QGuiApplication::platformName() != QLatin1String("xcb"))
            QSKIP("runs under tests/harness/with-peers.sh --xvfb");
        installTranslations(); // as the app does: plurals read "3 patients", not "patient(s)"
        m_dir = qEnvironmentVariable("CHARTKEY_SCREENSHOT_DIR", QDir::currentPath());
        QDir().mkpath(m_dir);
    }

    void signInSearchAndOpenAPatientInARealWindow()
    {
        const Sandbox sandbox = Sandbox::fromEnvironment();
        ProfileStore().save(sandbox.publicProfile(QStringLiteral("Sandbox")));
        KeychainStore keychain;
        CommandUrlOpener browser(sandbox.browser);
        MainWindow w(&keychain, &browser);
        w.resize(1200, 760);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(w.connectionText().startsWith(QLatin1String("Signed out")));

        w.signIn();
        QVERIFY(w.isSigningIn());
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionText().startsWith(QLatin1String("Signed in")),
                                 60000);
        QVERIFY(!w.isSigningIn());

        w.patients()->search(QStringLiteral("name"), QStringLiteral("Briddle"));
        QTRY_COMPARE_WITH_TIMEOUT(w.patients()->model()->rowCount(), 3, 20000);
        QTableView *view = w.patients()->view();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTRY_VERIFY_WITH_TIMEOUT(w.detail()->appointmentModel()->rowCount() > 0, 20000);
        w.detail()->appointmentsView()->selectRow(0);
        QSignalSpy finished(w.detail(), &PatientDetailPanel::batchFinished);
        w.detail()->action(NoteAction::Lock)->trigger();
        QVERIFY(finished.wait(20000));
        w.banner()->dismiss();
        QTest::qWait(200);

        const QString main = save(&w, QStringLiteral("main-window.png"));
        QVERIFY(!main.isEmpty());
        QVERIFY(QImage(main).width() >= 1000);
        qInfo("screenshot: %s", qPrintable(main));

        // The day's schedule of the sandbox's clinician (the first tab).
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("tabs"));
        QVERIFY(tabs);
        tabs->setCurrentIndex(0);
        auto *owner = w.findChild<QComboBox *>(QStringLiteral("scheduleOwner"));
        QVERIFY(owner);
        QTRY_VERIFY_WITH_TIMEOUT(owner->findText(QStringLiteral("Dr Ada Lovelace")) > 0, 20000);
        owner->setCurrentIndex(owner->findText(QStringLiteral("Dr Ada Lovelace")));
        auto *schedule = w.findChild<QTableView *>(QStringLiteral("schedule"));
        QVERIFY(schedule);
        QTRY_VERIFY_WITH_TIMEOUT(schedule->model() && schedule->model()->rowCount() > 0, 20000);
        schedule->selectRow(0);
        QTest::qWait(300);
        const QString day = save(&w, QStringLiteral("schedule.png"));
        QVERIFY(!day.isEmpty());
        qInfo("screenshot: %s", qPrintable(day));

        ProfileEditorDialog editor(sandbox.publicProfile(QStringLiteral("Sandbox")), false,
                                   {QStringLiteral("Sandbox")}, &w);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QTest::qWait(200);
        const QString dialog = save(&editor, QStringLiteral("profile-editor.png"));
        QVERIFY(!dialog.isEmpty());
        qInfo("screenshot: %s", qPrintable(dialog));
    }

    void checkAGoodRegistrationInARealWindow()
    {
        const Sandbox sandbox = Sandbox::fromEnvironment();
        KeychainStore keychain;
        QNetworkAccessManager nam;
        CommandUrlOpener browser(sandbox.consent);
        CheckWindow w(sandbox.publicProfile(QStringLiteral("Sandbox")), &keychain, &nam,
                      &browser, Clock::system());
        w.resize(1100, 760);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        QSignalSpy finished(&w, &CheckWindow::checkFinished);
        w.runButton()->click();
        QVERIFY(finished.wait(120000));
        QVERIFY2(w.report().passed(), qPrintable(w.reportText()));
        // The step a developer looks at first: the token response, with its answer.
        for (int row = 0; row < w.model()->rowCount(); ++row) {
            if (w.model()->step(row).id == QLatin1String("token-response"))
                w.view()->selectRow(row);
        }
        QTest::qWait(300);

        const QString path = save(&w, QStringLiteral("check-window.png"));
        QVERIFY(!path.isEmpty());
        QVERIFY(QImage(path).width() >= 1000);
        qInfo("screenshot: %s", qPrintable(path));
    }
};

QTEST_MAIN(TestWindowScreenshot)
#include "tst_window_screenshot.moc"

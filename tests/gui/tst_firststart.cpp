// A new user's first morning, as a person does it: from an empty home directory, by keyboard
// and clicks only (widgets found by their object names, nothing called inside them), against
// the sandbox EHR with its consent client standing in for the browser. The welcome page
// offers Add a profile; the editor makes a Canvas profile; Sign in signs in; the schedule
// opens on today for the practitioner chosen in "For"; a patient is checked in, and their
// note locked and signed after the confirmation that names them.
#include "auth/urlopener.h"
#include "sandbox.h"
#include "storage/keychainstore.h"
#include "storage/profilestore.h"
#include "ui/desktopapp.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace chartkey;
using namespace chartkey::ui;
using chartkey::test::Sandbox;

namespace {

QWidget *focused()
{
    return QApplication::focusWidget();
}

// Presses Tab until the widget named `name` has the focus, as a person tabbing to it.
bool tabTo(const char *name, int most = 40)
{
    for (int i = 0; i < most; ++i) {
        if (focused() && focused()->objectName() == QLatin1String(name))
            return true;
        QTest::keyClick(focused(), Qt::Key_Tab);
    }
    return focused() && focused()->objectName() == QLatin1String(name);
}

template<typename T>
T *shown(QWidget *root, const char *name)
{
    const auto all = root->findChildren<T *>(QLatin1String(name));
    for (T *w : all) {
        if (w->isVisible())
            return w;
    }
    return nullptr;
}

QString labelText(QWidget *root, const char *name)
{
    auto *label = root->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QString();
}

} // namespace

class TestFirstStart final : public QObject
{
    Q_OBJECT

private:
    Sandbox m_sandbox;
    KeychainStore m_keychain;
    std::unique_ptr<CommandUrlOpener> m_browser;

private Q_SLOTS:
    void initTestCase()
    {
        if (!Sandbox::available())
            QSKIP("runs under tests/harness/with-peers.sh");
        m_sandbox = Sandbox::fromEnvironment();
        m_browser = std::make_unique<CommandUrlOpener>(m_sandbox.consent);
        installTranslations();
        QVERIFY2(ProfileStore().names().isEmpty(), "the home directory is not empty");
    }

    void aNewUserSignsInOpensTodaysScheduleChecksInAndSigns()
    {
        MainWindow w(&m_keychain, m_browser.get());
        w.resize(1200, 760);
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));

        // The welcome page: Add a profile has the focus; Enter opens the editor.
        auto *add = shown<QPushButton>(&w, "welcomeAdd");
        QVERIFY(add);
        QVERIFY(shown<QPushButton>(&w, "welcomeImport"));
        QVERIFY2(focused() == add, qPrintable(focused() ? focused()->objectName() + QLatin1Char(' ') + QString::fromLatin1(focused()->metaObject()->className()) : QStringLiteral("none")));
        QTest::keyClick(focused(), Qt::Key_Return);

        // The editor: name, instance, FHIR base (the sandbox's is on its own port), client ID.
        QPointer<QDialog> editor;
        QTRY_VERIFY((editor = qobject_cast<QDialog *>(QApplication::activeModalWidget())));
        QApplication::setActiveWindow(editor);
        QVERIFY(QTest::qWaitForWindowActive(editor));
        QTRY_COMPARE(focused()->objectName(), QStringLiteral("name"));
        QTest::keyClicks(focused(), QStringLiteral("Clinic"));
        QVERIFY(tabTo("instanceUrl"));
        QTest::keyClicks(focused(), m_sandbox.instance.toString());
        QVERIFY(tabTo("fhirBaseUrl"));
        QTest::keyClicks(focused(), m_sandbox.fhirBase.toString());
        QVERIFY(tabTo("clientId"));
        QTest::keyClicks(focused(), m_sandbox.publicClientId);
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_VERIFY(!editor); // accepted, saved and gone

        // Signed out: the schedule says so in place, with a Sign in button to click.
        QTRY_VERIFY(shown<QPushButton>(&w, "scheduleSignIn"));
        QVERIFY2(labelText(&w, "scheduleState").contains(QLatin1String("signed out")),
                 qPrintable(labelText(&w, "scheduleState")));
        QTest::mouseClick(shown<QPushButton>(&w, "scheduleSignIn"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(&w, "signInState").startsWith(QLatin1String("Signed in")),
                                 30000);
        QApplication::setActiveWindow(&w);
        QTRY_COMPARE(QApplication::activeWindow(), &w);

        // Today's schedule: "For" (Alt+O), then the arrow keys to the clinician.
        auto *owner = shown<QComboBox>(&w, "scheduleOwner");
        QVERIFY(owner);
        QTRY_VERIFY_WITH_TIMEOUT(owner->count() > 2, 20000); // the EHR's practitioners came
        QTest::keyClick(&w, Qt::Key_O, Qt::AltModifier);
        QCOMPARE(focused(), owner);
        for (int i = 0; i < owner->count() && !owner->currentText().contains(QLatin1String("Lovelace")); ++i)
            QTest::keyClick(owner, Qt::Key_Down);
        QVERIFY2(owner->currentText().contains(QLatin1String("Lovelace")), qPrintable(owner->currentText()));
        QTableView *schedule = nullptr;
        QTRY_VERIFY2_WITH_TIMEOUT((schedule = shown<QTableView>(&w, "schedule"))
                                          && schedule->model()->rowCount() > 0,
                                  qPrintable(labelText(&w, "scheduleState") + QLatin1String(" | ")
                                             + labelText(&w, "scheduleHeading")),
                                  20000);
        const QString heading = labelText(&w, "scheduleHeading");
        QVERIFY2(heading.contains(QLatin1String("Dr Ada Lovelace"))
                         && heading.contains(QLatin1String("appointments")),
                 qPrintable(heading));

        // Into the table with Tab; to the first booked appointment with the arrow keys.
        QAbstractItemModel *model = schedule->model();
        int booked = -1;
        for (int row = 0; row < model->rowCount() && booked < 0; ++row) {
            if (model->index(row, 5).data().toString() == QLatin1String("booked"))
                booked = row;
        }
        QVERIFY(booked >= 0);
        QVERIFY(tabTo("schedule"));
        QTest::keyClick(schedule, Qt::Key_Home, Qt::ControlModifier);
        for (int i = 0; i < booked; ++i)
            QTest::keyClick(schedule, Qt::Key_Down);
        QCOMPARE(schedule->currentIndex().row(), booked);
        const QString patient = model->index(booked, 1).data().toString();
        const QString noteId = model->index(booked, 7).data().toString();
        const QString time = model->index(booked, 0).data().toString();

        // Check in (Ctrl+Shift+I): the status is read again and says arrived.
        QTest::keyClick(schedule, Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        auto *results = shown<QListWidget>(&w, "noteActionResults");
        QVERIFY(results);
        QTRY_VERIFY2_WITH_TIMEOUT(results->count() == 1,
                                  qPrintable(QStringLiteral("%1 lines; %2; focus %3")
                                                     .arg(results->count())
                                                     .arg(labelText(&w, "noteActionSummary"),
                                                          focused() ? focused()->objectName()
                                                                    : QStringLiteral("none"))),
                                  20000);
        QVERIFY2(results->item(0)->text().contains(QLatin1String("Checked in.")),
                 qPrintable(results->item(0)->text()));
        QVERIFY(!results->item(0)->text().contains(QLatin1String("note is now")));
        QTRY_COMPARE_WITH_TIMEOUT(model->index(booked, 5).data().toString(),
                                  QStringLiteral("arrived"), 20000);
        QCOMPARE(m_sandbox.noteState(noteId).value(QStringLiteral("appointment_status")).toString(),
                 QStringLiteral("arrived"));

        // Lock & sign (Ctrl+Shift+B) asks first, naming the patient, the time and the note.
        QTest::keyClick(schedule, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
        QDialog *confirm = nullptr;
        QTRY_VERIFY((confirm = shown<QDialog>(&w, "confirmNoteAction")));
        const QString asked = labelText(confirm, "confirmText");
        QVERIFY2(asked.contains(patient) && asked.contains(time) && asked.contains(noteId),
                 qPrintable(asked));
        QCOMPARE(m_sandbox.noteState(noteId).value(QStringLiteral("state")).toString(),
                 QStringLiteral("new")); // nothing was sent before the answer
        QCOMPARE(focused()->objectName(), QStringLiteral("confirmRun"));
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(booked, 6).data().toString(),
                                  QStringLiteral("signed"), 20000);
        QCOMPARE(m_sandbox.noteState(noteId).value(QStringLiteral("state")).toString(),
                 QStringLiteral("signed"));
        auto *summary = shown<QLabel>(&w, "noteActionSummary"); // the schedule's
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(QLatin1String("done for 1 note.")),
                 qPrintable(summary->text()));
        // What cannot apply now is disabled, and says why.
        auto *sign = shown<QToolButton>(&w, "button_sign");
        QVERIFY(sign && !sign->isEnabled());
        QVERIFY2(sign->toolTip().contains(QLatin1String("signed")), qPrintable(sign->toolTip()));
        // The focus came back to the schedule: the next patient is one arrow key away.
        QTRY_VERIFY2(focused() == schedule,
                     qPrintable(focused() ? focused()->objectName() + QLatin1Char(' ')
                                                    + QString::fromLatin1(
                                                            focused()->metaObject()->className())
                                          : QStringLiteral("no focus")));
    }
};

QTEST_MAIN(TestFirstStart)
#include "tst_firststart.moc"

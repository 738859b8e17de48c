// The note action buttons as a person meets them: an action that cannot apply to the
// appointment's status or the note's known state is disabled and says why; while the EHR has not said the state (it does so only
// in its answer to an action, "—" in the tables), the actions stay enabled and say what will
// happen. No network: nothing is run here.
#include "ui/noteactions.h"
#include "fhir/notestates.h"
#include "notes/notesclient.h"

#include <QAction>
#include <QApplication>
#include <QTest>
#include <QToolButton>

using namespace chartkey;
using namespace chartkey::ui;

class TestNoteActions final : public QObject
{
    Q_OBJECT

private:
    static NoteTarget fulfilledNote()
    {
        NoteTarget t;
        t.noteId = QStringLiteral("note-25-1");
        t.appointmentId = QStringLiteral("appt-25-1");
        t.appointmentStatus = QStringLiteral("fulfilled");
        t.patientName = QStringLiteral("Briddle, Ada");
        return t;
    }

    static QToolButton *button(NoteActionBar &bar, NoteAction action)
    {
        return bar.findChild<QToolButton *>(QStringLiteral("button_") + commandName(action));
    }

private Q_SLOTS:
    // #12: Lock and Unlock were both enabled, saying nothing, on a note shown as "—".
    void onANoteOfUnknownStateTheActionsSayWhatWillHappen()
    {
        NotesClient notes(nullptr, QUrl(QStringLiteral("https://example.invalid/notes/")));
        NoteStates states;
        NoteActionBar bar;
        bar.setClients(&notes, &states);
        bar.setTargets({fulfilledNote()});
        for (NoteAction a : {NoteAction::Lock, NoteAction::Unlock, NoteAction::Sign,
                             NoteAction::LockSign}) {
            QAction *action = bar.action(a);
            QVERIFY2(action->isEnabled(), qPrintable(commandName(a)));
            QVERIFY2(action->toolTip().contains(QLatin1String("not known yet")),
                     qPrintable(action->toolTip()));
            QVERIFY(button(bar, a));
            QVERIFY2(button(bar, a)->accessibleDescription().contains(
                             QLatin1String("not known yet")),
                     qPrintable(commandName(a)));
        }
    }

    // Once the EHR said the note is locked, Lock cannot apply: disabled, with the reason in
    // the tool tip and the accessible description; Unlock and Sign are offered, plainly.
    void anActionThatCannotApplyToTheKnownStateIsDisabledWithTheReason()
    {
        NotesClient notes(nullptr, QUrl(QStringLiteral("https://example.invalid/notes/")));
        NoteStates states;
        NoteActionBar bar;
        bar.setClients(&notes, &states);
        bar.setTargets({fulfilledNote()});
        states.report(fulfilledNote().noteId, QStringLiteral("locked"));

        QAction *lock = bar.action(NoteAction::Lock);
        QVERIFY(!lock->isEnabled());
        QVERIFY2(lock->toolTip().contains(QLatin1String("Only a new note can be locked")),
                 qPrintable(lock->toolTip()));
        QCOMPARE(button(bar, NoteAction::Lock)->accessibleDescription(),
                 bar.whyNot(NoteAction::Lock));
        for (NoteAction a : {NoteAction::Unlock, NoteAction::Sign}) {
            QVERIFY(bar.action(a)->isEnabled());
            QVERIFY(!bar.action(a)->toolTip().contains(QLatin1String("not known yet")));
            QVERIFY(button(bar, a)->accessibleDescription().isEmpty());
        }

        states.report(fulfilledNote().noteId, QStringLiteral("new"));
        QVERIFY(lock->isEnabled());
        QVERIFY(!bar.action(NoteAction::Unlock)->isEnabled());
        QVERIFY(bar.action(NoteAction::Unlock)->toolTip().contains(
                QLatin1String("not locked or signed")));
    }

    // What the appointment's status allows, the note's state not known yet: check in and
    // no-show only for a booked appointment; nothing for a cancelled one or one entered in
    // error (the visit did not take place), each saying so; the note actions for any other
    // (a no-show's note is written up and signed too); everything for a note id typed by hand
    // (no status known: the EHR says why not).
    void whatEachAppointmentStatusAllows_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QStringList>("offered"); // command names
        QTest::addColumn<QString>("why");         // in the tool tip of what is not offered
        QStringList all;
        for (NoteAction a : allNoteActions())
            all << commandName(a);
        const QStringList notes{commandName(NoteAction::Lock), commandName(NoteAction::Sign),
                                commandName(NoteAction::LockSign),
                                commandName(NoteAction::Unlock)};
        QTest::newRow("booked") << QStringLiteral("booked") << all << QString();
        QTest::newRow("arrived") << QStringLiteral("arrived") << notes
                                 << QStringLiteral("Only booked appointments");
        QTest::newRow("fulfilled") << QStringLiteral("fulfilled") << notes
                                   << QStringLiteral("Only booked appointments");
        QTest::newRow("noshow") << QStringLiteral("noshow") << notes
                                << QStringLiteral("Only booked appointments");
        QTest::newRow("cancelled") << QStringLiteral("cancelled") << QStringList()
                                   << QStringLiteral("was cancelled");
        QTest::newRow("entered-in-error") << QStringLiteral("entered-in-error") << QStringList()
                                          << QStringLiteral("was entered in error");
        QTest::newRow("typed by hand") << QString() << all << QString();
    }

    void whatEachAppointmentStatusAllows()
    {
        QFETCH(QString, status);
        QFETCH(QStringList, offered);
        QFETCH(QString, why);
        NotesClient notes(nullptr, QUrl(QStringLiteral("https://example.invalid/notes/")));
        NoteStates states;
        NoteActionBar bar;
        bar.setClients(&notes, &states);
        NoteTarget t = fulfilledNote();
        t.appointmentStatus = status;
        if (status.isEmpty()) {
            t.appointmentId.clear();
            t.patientName.clear();
        }
        bar.setTargets({t});
        for (NoteAction a : allNoteActions()) {
            QAction *action = bar.action(a);
            const bool isOffered = offered.contains(commandName(a));
            QVERIFY2(action->isEnabled() == isOffered, qPrintable(commandName(a)));
            if (!isOffered) {
                QVERIFY2(action->toolTip().contains(why), qPrintable(action->toolTip()));
                QCOMPARE(action->statusTip(), bar.whyNot(a));
                QCOMPARE(button(bar, a)->accessibleDescription(), bar.whyNot(a));
            }
        }
        // A state the EHR reports does not bring back what the status rules out.
        states.report(t.noteId, QStringLiteral("new"));
        for (NoteAction a : {NoteAction::Lock, NoteAction::LockSign})
            QCOMPARE(bar.action(a)->isEnabled(), offered.contains(commandName(a)));
    }
};

QTEST_MAIN(TestNoteActions)
#include "tst_noteactions.moc"

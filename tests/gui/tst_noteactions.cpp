// The note action buttons as a person meets them: an action that cannot apply to the note's
// known state is disabled and says why; while the EHR has not said the state (it does so only
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
};

QTEST_MAIN(TestNoteActions)
#include "tst_noteactions.moc"

// The note actions — check in, no-show, lock, sign, lock & sign, unlock — over a set of notes
// (the appointments selected in a table, or note ids typed by hand), shared by the schedule
// and the patient detail.
//
// What cannot apply is disabled before anything is sent, with the reason in the button's
// tooltip and status tip: the rule is the core's (actions/noteavailability.h) — check-in and
// no-show only for booked appointments, nothing on a cancelled one, lock only for new notes,
// sign only for locked ones, as the EHR last reported them. Sign and Lock & sign ask once for
// confirmation naming the patient, the appointment and the notes (the setting
// "notes/confirmSigning" may turn that off, unless the managed policy's
// signingNeedsConfirmation requires it; the shortcut does not skip it); so does any
// action on a note that may not be the shown patient's. Each note gets a result line that
// wraps and carries the EHR's reason; a summary says how many were done.
#pragma once

#include "actions/noteavailability.h"
#include "notes/notesclient.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QProgressBar;
class QToolButton;

namespace chartkey {
class NoteBatch;
class NoteStates;
} // namespace chartkey

class QAbstractItemView;

namespace chartkey::ui {

class NoteActionBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteActionBar)
public:
    // The settings key of "ask before signing" (default true).
    static const char *const kConfirmSigningKey;

    explicit NoteActionBar(QWidget *parent = nullptr);

    void setClients(NotesClient *notes, NoteStates *states);
    void setTargets(const QList<NoteTarget> &targets);
    QList<NoteTarget> targets() const { return m_targets; }

    QAction *action(NoteAction action) const { return m_actions.value(action); }
    QList<QAction *> actions() const;
    // Why `action` cannot run on the targets now; empty when it can.
    QString whyNot(NoteAction action) const;
    // What `action` will do when the state of a target's note is not known yet (the EHR says
    // it only in its answer to an action); empty when every state is known.
    QString whenUnknown(NoteAction action) const;

    QListWidget *results() const { return m_results; }
    QString summary() const;
    void clearResults();
    bool isBusy() const;

    // Runs `action` on the targets, after confirmation where it applies.
    void run(NoteAction action);

    bool hasPending() const { return !m_pending.isEmpty(); }
    QString pendingDescription() const;
    // Runs again what could not be done because a sign-in was needed (already confirmed).
    void retryPending();
    void dropPending() { m_pending.clear(); }

Q_SIGNALS:
    void signInNeeded(const QString &message);
    // One note's action ended, done or not (owners read its appointment again: the EHR's
    // record is what is shown).
    void noteFinished(const chartkey::NoteResult &result, const chartkey::NoteTarget &target);
    // A batch ended; `done` of `total` notes were changed.
    void batchFinished(chartkey::NoteAction action, int done, int total);
    // Something a screen reader should hear (the batch's summary).
    void announcement(const QString &text);

private:
    void updateActions();
    bool needsConfirmation(NoteAction action) const;
    void confirmThenRun(NoteAction action, const QList<NoteTarget> &targets);
    void start(NoteAction action, const QList<NoteTarget> &targets);
    void addResult(const NoteResult &result, const NoteTarget &target);
    void setSummary(const QString &text);

    QPointer<NotesClient> m_notes;
    QPointer<NoteStates> m_states;
    QList<NoteTarget> m_targets;
    QHash<NoteAction, QAction *> m_actions;
    QHash<NoteAction, QToolButton *> m_buttons;
    QLabel *m_summary = nullptr;
    QLabel *m_blocked = nullptr; // beside the buttons: why none can run on the selection
    QProgressBar *m_progress = nullptr;
    QListWidget *m_results = nullptr;
    QPointer<NoteBatch> m_batch;
    NoteAction m_pendingAction = NoteAction::Lock;
    QList<NoteTarget> m_pending;
};

// A keyboard user who moves onto a row (Tab into the table, Ctrl+Home, Ctrl+arrows) means
// that row: when nothing is selected, the current row becomes the selection, so the actions
// apply to what the focus is on. Call again after each setModel().
void selectCurrentRowWhenNothingIs(QAbstractItemView *view);

} // namespace chartkey::ui

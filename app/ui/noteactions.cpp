#include "noteactions.h"

#include <algorithm>

#include <QAbstractItemView>
#include <QItemSelectionModel>

#include "fhir/notestates.h"
#include "notes/notebatch.h"
#include "settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace chartkey::ui {

const char *const NoteActionBar::kConfirmSigningKey = "notes/confirmSigning";

namespace {

QKeySequence shortcutFor(NoteAction action)
{
    switch (action) {
    case NoteAction::Lock:
        return QKeySequence(QStringLiteral("Ctrl+Shift+L"));
    case NoteAction::Sign:
        return QKeySequence(QStringLiteral("Ctrl+Shift+S"));
    case NoteAction::LockSign:
        return QKeySequence(QStringLiteral("Ctrl+Shift+B"));
    case NoteAction::Unlock:
        return QKeySequence(QStringLiteral("Ctrl+Shift+U"));
    case NoteAction::CheckIn:
        return QKeySequence(QStringLiteral("Ctrl+Shift+I"));
    case NoteAction::NoShow:
        return QKeySequence(QStringLiteral("Ctrl+Shift+N"));
    }
    return {};
}

// The order of the buttons: the appointment first (the patient arrives), then the note.
const QList<NoteAction> kOrder = {NoteAction::CheckIn, NoteAction::NoShow, NoteAction::Lock,
                                  NoteAction::Sign, NoteAction::LockSign, NoteAction::Unlock};

bool signs(NoteAction action)
{
    return action == NoteAction::Sign || action == NoteAction::LockSign;
}

} // namespace

NoteActionBar::NoteActionBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("noteActions"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    for (NoteAction a : kOrder) {
        QString text = displayName(a);
        auto *act = new QAction(text.replace(QLatin1Char('&'), QStringLiteral("&&")), this);
        act->setObjectName(QStringLiteral("action_") + commandName(a));
        act->setShortcut(shortcutFor(a));
        act->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(act);
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("button_") + commandName(a));
        button->setDefaultAction(act);
        button->setAccessibleName(displayName(a));
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setFocusPolicy(Qt::StrongFocus);
        buttons->addWidget(button);
        if (a == NoteAction::NoShow)
            buttons->addSpacing(12);
        m_actions.insert(a, act);
        m_buttons.insert(a, button);
        connect(act, &QAction::triggered, this, [this, a] { run(a); });
    }
    buttons->addStretch();
    layout->addLayout(buttons);

    // The summary and the progress share one line of fixed height: nothing below moves.
    auto *status = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("noteActionSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setAccessibleDescription(tr("Note action summary"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("noteActionProgress"));
    m_progress->setAccessibleName(tr("Note action progress"));
    m_progress->setMaximumWidth(200);
    QSizePolicy keep = m_progress->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_progress->setSizePolicy(keep);
    m_progress->setVisible(false);
    // When nothing can run on what is selected (a cancelled visit), why, in view in place of
    // the summary (a tooltip alone is found only by hovering); one line, so nothing moves.
    m_blocked = new QLabel(this);
    m_blocked->setObjectName(QStringLiteral("noteActionsBlocked"));
    m_blocked->setTextFormat(Qt::PlainText);
    m_blocked->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_blocked->setVisible(false);
    status->addWidget(m_blocked, 1);
    status->addWidget(m_summary, 1);
    status->addWidget(m_progress);
    layout->addLayout(status);

    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("noteActionResults"));
    m_results->setAccessibleName(tr("Note action results"));
    m_results->setWordWrap(true);
    m_results->setTextElideMode(Qt::ElideNone);
    m_results->setResizeMode(QListView::Adjust);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_results, 1);
    updateActions();
}

QList<QAction *> NoteActionBar::actions() const
{
    QList<QAction *> list;
    for (NoteAction a : kOrder)
        list << m_actions.value(a);
    return list;
}

void NoteActionBar::setClients(NotesClient *notes, NoteStates *states)
{
    if (m_states)
        disconnect(m_states, nullptr, this, nullptr);
    m_notes = notes;
    m_states = states;
    if (states)
        connect(states, &NoteStates::changed, this, &NoteActionBar::updateActions);
    m_pending.clear();
    updateActions();
}

void NoteActionBar::setTargets(const QList<NoteTarget> &targets)
{
    m_targets = targets;
    updateActions();
}

QString NoteActionBar::whyNot(NoteAction action) const
{
    if (m_batch)
        return tr("Wait for the running note action to finish.");
    if (!m_notes)
        return tr("Sign in first.");
    if (m_targets.isEmpty())
        return tr("Select an appointment, or type note IDs, first.");
    return NoteAvailability::whyNot(action, m_targets, m_states);
}

QString NoteActionBar::whenUnknown(NoteAction action) const
{
    if (!m_notes)
        return {};
    return NoteAvailability::whenUnknown(action, m_targets, m_states);
}

void NoteActionBar::updateActions()
{
    for (auto it = m_actions.begin(); it != m_actions.end(); ++it) {
        const QString why = whyNot(it.key());
        const QString name = QStringLiteral("%1 (%2)").arg(
                displayName(it.key()), shortcutFor(it.key()).toString(QKeySequence::NativeText));
        // Disabled: why. Enabled on a note of unknown state: what will happen.
        const QString said = why.isEmpty() ? whenUnknown(it.key()) : why;
        it.value()->setEnabled(why.isEmpty());
        it.value()->setToolTip(said.isEmpty() ? name : name + QStringLiteral(": ") + said);
        it.value()->setStatusTip(said);
        if (QToolButton *button = m_buttons.value(it.key()))
            button->setAccessibleDescription(said);
    }
    const bool noneRuns = std::none_of(m_actions.cbegin(), m_actions.cend(),
                                       [](const QAction *a) { return a->isEnabled(); });
    const QString why = noneRuns && m_notes && !m_batch && !m_targets.isEmpty()
            ? whyNot(NoteAction::Lock)
            : QString();
    m_blocked->setText(why);
    m_blocked->setToolTip(why); // whole, when the line is cut
    m_blocked->setVisible(!why.isEmpty());
    m_summary->setVisible(why.isEmpty());
}

bool NoteActionBar::needsConfirmation(NoteAction action) const
{
    for (const NoteTarget &t : m_targets) {
        if (!t.foreign.isEmpty())
            return true; // the shown patient's or not: asked whatever the action
    }
    return signs(action) && SettingsDialog::confirmSigning(); // the policy may require it
}

void NoteActionBar::run(NoteAction action)
{
    // The shortcut lands here too: what is disabled does not run, confirmed or not.
    if (!whyNot(action).isEmpty())
        return;
    if (needsConfirmation(action))
        confirmThenRun(action, m_targets);
    else
        start(action, m_targets);
}

void NoteActionBar::confirmThenRun(NoteAction action, const QList<NoteTarget> &targets)
{
    QWidget *returnFocus = QApplication::focusWidget();
    auto *dialog = new QDialog(window());
    dialog->setObjectName(QStringLiteral("confirmNoteAction"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const int n = int(targets.size());
    dialog->setWindowTitle(tr("%1 %n note(s)?", nullptr, n).arg(displayName(action)));
    auto *layout = new QVBoxLayout(dialog);
    QStringList foreign;
    QStringList lines;
    for (const NoteTarget &t : targets) {
        lines << QStringLiteral("• ") + t.describe();
        if (!t.foreign.isEmpty())
            foreign << t.foreign;
    }
    QString text;
    if (signs(action))
        text = tr("%1 %n note(s)? A signed note can be changed only after unlocking it.",
                  nullptr, n)
                       .arg(displayName(action));
    else
        text = tr("%1 %n note(s)?", nullptr, n).arg(displayName(action));
    text += QStringLiteral("\n\n") + lines.join(QLatin1Char('\n'));
    if (!foreign.isEmpty())
        text += QStringLiteral("\n\n") + foreign.join(QLatin1Char('\n'));
    auto *label = new QLabel(text, dialog);
    label->setObjectName(QStringLiteral("confirmText"));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *confirm = buttons->addButton(
            (foreign.isEmpty() ? tr("%1 %n note(s)", nullptr, n).arg(displayName(action))
                               : tr("%1 anyway").arg(displayName(action)))
                    .replace(QLatin1Char('&'), QStringLiteral("&&")),
            QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmRun"));
    confirm->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("confirmCancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    const QPointer<QWidget> focusBack = returnFocus;
    connect(dialog, &QDialog::finished, this, [this, action, targets, focusBack](int result) {
        if (focusBack) {
            // Back where the person was (without a window manager, nothing else gives the
            // window its activation back), so the next row is one arrow key away.
            focusBack->activateWindow();
            focusBack->setFocus(Qt::OtherFocusReason);
        }
        if (result == QDialog::Accepted)
            start(action, targets);
    });
    dialog->resize(std::max(460, dialog->sizeHint().width()), dialog->sizeHint().height());
    dialog->open();
    confirm->setFocus(Qt::OtherFocusReason);
}

bool NoteActionBar::isBusy() const
{
    return bool(m_batch);
}

void NoteActionBar::clearResults()
{
    m_results->clear();
    setSummary(QString());
}

void NoteActionBar::setSummary(const QString &text)
{
    m_summary->setText(text);
}

QString NoteActionBar::summary() const
{
    return m_summary->text();
}

QString NoteActionBar::pendingDescription() const
{
    return tr("%1 on %n note(s)", nullptr, int(m_pending.size()))
            .arg(displayName(m_pendingAction));
}

void NoteActionBar::retryPending()
{
    if (m_pending.isEmpty())
        return;
    start(m_pendingAction, std::exchange(m_pending, {}));
}

void NoteActionBar::addResult(const NoteResult &r, const NoteTarget &target)
{
    QString message = r.message;
    if (r.done && r.action == NoteAction::CheckIn)
        message = tr("Checked in.");
    else if (r.done && r.action == NoteAction::NoShow)
        message = tr("Marked as a no-show.");
    const QString line = tr("%1: %2").arg(target.shortName(), message);
    auto *item = new QListWidgetItem(
            style()->standardIcon(r.done ? QStyle::SP_DialogApplyButton
                                         : QStyle::SP_MessageBoxWarning),
            line, m_results);
    item->setData(Qt::UserRole, r.done);
    item->setData(Qt::UserRole + 1, r.noteId);
    // The whole of it: who, what the EHR said, and the technical detail.
    QString tip = target.describe() + QLatin1Char('\n') + message;
    if (!r.failure.detail.isEmpty() && !message.contains(r.failure.detail))
        tip += QStringLiteral("\n\n") + r.failure.detail;
    item->setToolTip(tip);
    m_results->scrollToItem(item);
}

void NoteActionBar::start(NoteAction action, const QList<NoteTarget> &targets)
{
    if (m_batch || !m_notes || targets.isEmpty())
        return;
    clearResults();
    QStringList ids;
    for (const NoteTarget &t : targets)
        ids << t.noteId;
    m_progress->setRange(0, int(ids.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    setSummary(tr("%1: %n note(s)…", nullptr, int(ids.size())).arg(displayName(action)));
    m_batch = new NoteBatch(m_notes, action, ids, this);
    connect(m_batch, &NoteBatch::noteFinished, this,
            [this, targets](const NoteResult &r, int done, int) {
                m_progress->setValue(done);
                const NoteTarget target = targets.value(done - 1);
                if (r.done && !r.state.isEmpty() && m_states
                    && r.action != NoteAction::CheckIn && r.action != NoteAction::NoShow)
                    m_states->report(r.noteId, r.state);
                addResult(r, target);
                Q_EMIT noteFinished(r, target);
            });
    m_batch->then(this, [this, action, targets](const QList<NoteResult> &rs) {
        m_batch->deleteLater();
        m_batch = nullptr;
        m_progress->setVisible(false);
        int done = 0;
        QList<NoteTarget> needSignIn;
        QString why;
        for (int i = 0; i < rs.size(); ++i) {
            const NoteResult &r = rs.at(i);
            done += r.done ? 1 : 0;
            if (!r.done && r.failure.kind == Failure::Kind::SignInRequired) {
                needSignIn << targets.value(i);
                why = r.failure.message;
            }
        }
        const int total = int(rs.size());
        const QString summary = done == total
                ? tr("%1: done for %n note(s).", nullptr, total).arg(displayName(action))
                : tr("%1: %2 of %n note(s) done; the lines below say why not for the others.",
                     nullptr, total)
                          .arg(displayName(action))
                          .arg(done);
        setSummary(summary);
        if (!needSignIn.isEmpty()) {
            m_pendingAction = action;
            m_pending = needSignIn;
            Q_EMIT signInNeeded(why);
        }
        updateActions();
        Q_EMIT announcement(summary);
        Q_EMIT batchFinished(action, done, total);
    });
    updateActions();
    m_batch->start();
}

void selectCurrentRowWhenNothingIs(QAbstractItemView *view)
{
    QItemSelectionModel *selection = view->selectionModel();
    if (!selection)
        return;
    QObject::connect(selection, &QItemSelectionModel::currentRowChanged, view,
                     [selection](const QModelIndex &current) {
                         if (current.isValid() && !selection->hasSelection())
                             selection->select(current, QItemSelectionModel::Select
                                                                | QItemSelectionModel::Rows);
                     });
}

} // namespace chartkey::ui

#include "patientdetail.h"

#include "notes/notebatch.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QRegularExpression>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace chartkey::ui {

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

} // namespace

PatientDetailPanel::PatientDetailPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_header = new QLabel(tr("Select a patient to see their appointments and notes."), this);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setAccessibleName(tr("Selected patient"));
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    layout->addWidget(m_header);

    m_appointments = new QTableView(this);
    m_appointments->setAccessibleName(tr("Appointments"));
    m_appointments->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_appointments->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_appointments->verticalHeader()->setVisible(false);
    m_appointments->horizontalHeader()->setStretchLastSection(true);
    m_appointments->setWordWrap(false);
    m_appointments->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    layout->addWidget(m_appointments, 2);
    m_appointmentsState = new QLabel(this);
    m_appointmentsState->setTextFormat(Qt::PlainText);
    m_appointmentsState->setWordWrap(true);
    layout->addWidget(m_appointmentsState);

    auto *noteRow = new QHBoxLayout;
    auto *noteLabel = new QLabel(tr("&Note IDs:"), this);
    m_noteIds = new QLineEdit(this);
    m_noteIds->setPlaceholderText(tr("Or type note IDs, separated by spaces"));
    m_noteIds->setAccessibleName(tr("Note IDs"));
    m_noteIds->setClearButtonEnabled(true);
    noteLabel->setBuddy(m_noteIds);
    noteRow->addWidget(noteLabel);
    noteRow->addWidget(m_noteIds, 1);
    layout->addLayout(noteRow);

    auto *buttons = new QHBoxLayout;
    for (NoteAction a : allNoteActions()) {
        QString text = displayName(a);
        auto *act = new QAction(text.replace(QLatin1Char('&'), QStringLiteral("&&")), this);
        act->setShortcut(shortcutFor(a));
        act->setToolTip(QStringLiteral("%1 (%2)").arg(
                displayName(a), shortcutFor(a).toString(QKeySequence::NativeText)));
        act->setObjectName(QStringLiteral("action_") + commandName(a));
        addAction(act);
        auto *button = new QToolButton(this);
        button->setDefaultAction(act);
        button->setAccessibleName(displayName(a));
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(button);
        m_actions.insert(a, act);
        connect(act, &QAction::triggered, this, [this, a] { run(a, noteIds()); });
    }
    buttons->addStretch();
    layout->addLayout(buttons);

    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Note action progress"));
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_results = new QListWidget(this);
    m_results->setAccessibleName(tr("Note action results"));
    layout->addWidget(m_results, 1);

    connect(m_noteIds, &QLineEdit::textChanged, this, &PatientDetailPanel::updateActions);
    updateActions();
}

void PatientDetailPanel::setClients(FhirClient *fhir, NotesClient *notes)
{
    m_fhir = fhir;
    m_notes = notes;
    delete m_model;
    m_model = fhir ? new AppointmentModel(fhir, this) : nullptr;
    m_appointments->setModel(m_model);
    if (m_model) {
        m_appointments->setColumnWidth(AppointmentModel::Date, 150);
        m_appointments->setColumnWidth(AppointmentModel::Type, 140);
        connect(m_appointments->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &PatientDetailPanel::updateActions);
        connect(m_model, &AppointmentModel::loaded, this, [this] {
            const Failure f = m_model->failure();
            m_appointmentsState->setText(f ? f.message
                                           : m_model->rowCount() == 0
                                                   ? tr("No appointments.")
                                                   : QString());
            if (f.kind == Failure::Kind::SignInRequired)
                Q_EMIT signInNeeded(f.message);
            updateActions();
        });
    }
    m_header->setText(tr("Select a patient to see their appointments and notes."));
    updateActions();
}

void PatientDetailPanel::showPatient(const fhir::Patient &patient)
{
    m_header->setText(tr("%1 — born %2 — MRN %3")
                              .arg(patient.displayName(),
                                   QLocale().toString(patient.birthDate, QLocale::LongFormat),
                                   patient.mrn.isEmpty() ? tr("none") : patient.mrn));
    if (m_model) {
        m_appointmentsState->setText(tr("Loading appointments…"));
        m_model->load(patient.id);
    }
    updateActions();
}

QStringList PatientDetailPanel::noteIds() const
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    const QStringList typed = m_noteIds->text().split(separators, Qt::SkipEmptyParts);
    if (!typed.isEmpty())
        return typed;
    QStringList ids;
    if (!m_model || !m_appointments->selectionModel())
        return ids;
    const auto rows = m_appointments->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        const QString id = row.data(AppointmentModel::NoteIdRole).toString();
        if (!id.isEmpty() && !ids.contains(id))
            ids << id;
    }
    return ids;
}

void PatientDetailPanel::updateActions()
{
    const QStringList ids = noteIds();
    const bool idle = !m_batch && m_notes;
    bool allBooked = !m_noteIds->text().trimmed().isEmpty(); // typed ids: the EHR decides
    if (!allBooked && m_model && m_appointments->selectionModel()) {
        const auto rows = m_appointments->selectionModel()->selectedRows();
        allBooked = !rows.isEmpty();
        for (const QModelIndex &row : rows)
            allBooked = allBooked
                    && m_model->appointment(row.row()).status == QLatin1String("booked");
    }
    for (auto it = m_actions.begin(); it != m_actions.end(); ++it) {
        const bool appointmentOnly =
                it.key() == NoteAction::CheckIn || it.key() == NoteAction::NoShow;
        it.value()->setEnabled(idle && !ids.isEmpty() && (!appointmentOnly || allBooked));
    }
}

QString PatientDetailPanel::pendingDescription() const
{
    return tr("%1 on %n note(s)", nullptr, int(m_pendingIds.size()))
            .arg(displayName(m_pendingAction));
}

void PatientDetailPanel::retryPending()
{
    if (m_pendingIds.isEmpty())
        return;
    const QStringList ids = std::exchange(m_pendingIds, {});
    run(m_pendingAction, ids);
}

void PatientDetailPanel::run(NoteAction action, const QStringList &ids)
{
    if (m_batch || !m_notes || ids.isEmpty())
        return;
    m_results->clear();
    m_progress->setRange(0, int(ids.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_batch = new NoteBatch(m_notes, action, ids, this);
    connect(m_batch, &NoteBatch::noteFinished, this,
            [this](const NoteResult &r, int done, int) {
                m_progress->setValue(done);
                auto *item = new QListWidgetItem(
                        style()->standardIcon(r.done ? QStyle::SP_DialogApplyButton
                                                     : QStyle::SP_MessageBoxWarning),
                        QStringLiteral("%1: %2").arg(r.noteId, r.message), m_results);
                item->setData(Qt::UserRole, r.done);
                item->setToolTip(r.failure.detail);
            });
    m_batch->then(this, [this, action](const QList<NoteResult> &rs) {
        m_batch->deleteLater();
        m_batch = nullptr;
        m_progress->setVisible(false);
        int done = 0;
        QStringList needSignIn;
        QString why;
        for (const NoteResult &r : rs) {
            done += r.done ? 1 : 0;
            if (!r.done && r.failure.kind == Failure::Kind::SignInRequired) {
                needSignIn << r.noteId;
                why = r.failure.message;
            }
        }
        if (!needSignIn.isEmpty()) {
            m_pendingAction = action;
            m_pendingIds = needSignIn;
            Q_EMIT signInNeeded(why);
        }
        updateActions();
        Q_EMIT batchFinished(done, int(rs.size()));
    });
    updateActions();
    m_batch->start();
}

} // namespace chartkey::ui

#include "patientdetail.h"

#include "fhir/display.h"
#include "fhir/notestates.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QTableView>
#include <QVBoxLayout>

namespace chartkey::ui {

namespace {

QString noPatientText()
{
    return PatientDetailPanel::tr("Select a patient to see their appointments and notes.");
}

} // namespace

PatientDetailPanel::PatientDetailPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("patientDetail"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_header = new QLabel(noPatientText(), this);
    m_header->setObjectName(QStringLiteral("patientBanner"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The text is what a screen reader reads; what it is goes in the description.
    m_header->setAccessibleDescription(tr("Selected patient"));
    QFont bold = m_header->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_header->setFont(bold);
    m_header->setMinimumHeight(m_header->fontMetrics().lineSpacing() * 2 + 4);
    m_header->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    layout->addWidget(m_header);

    m_appointments = new QTableView(this);
    m_appointments->setObjectName(QStringLiteral("appointments"));
    m_appointments->setAccessibleName(tr("Appointments"));
    m_appointments->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_appointments->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_appointments->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_appointments->verticalHeader()->setVisible(false);
    m_appointments->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_appointments->horizontalHeader()->setStretchLastSection(true);
    m_appointments->setWordWrap(false);
    m_appointments->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_appointments, 2);
    m_appointmentsState = new QLabel(this);
    m_appointmentsState->setObjectName(QStringLiteral("appointmentsState"));
    m_appointmentsState->setTextFormat(Qt::PlainText);
    m_appointmentsState->setWordWrap(true);
    m_appointmentsState->setAccessibleDescription(tr("Appointments state"));
    layout->addWidget(m_appointmentsState);

    auto *noteRow = new QHBoxLayout;
    auto *noteLabel = new QLabel(tr("&Note IDs:"), this);
    m_noteIds = new QLineEdit(this);
    m_noteIds->setObjectName(QStringLiteral("noteIds"));
    m_noteIds->setPlaceholderText(tr("Or type note IDs, separated by spaces"));
    m_noteIds->setAccessibleName(tr("Note IDs"));
    m_noteIds->setClearButtonEnabled(true);
    noteLabel->setBuddy(m_noteIds);
    noteRow->addWidget(noteLabel);
    noteRow->addWidget(m_noteIds, 1);
    layout->addLayout(noteRow);
    // A line kept for the warning, so that it does not move what is below.
    m_noteIdWarning = new QLabel(this);
    m_noteIdWarning->setObjectName(QStringLiteral("noteIdWarning"));
    m_noteIdWarning->setTextFormat(Qt::PlainText);
    m_noteIdWarning->setWordWrap(false);
    m_noteIdWarning->setMinimumHeight(m_noteIdWarning->fontMetrics().lineSpacing());
    m_noteIdWarning->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    layout->addWidget(m_noteIdWarning);

    m_bar = new NoteActionBar(this);
    layout->addWidget(m_bar, 1);
    // The shortcuts work wherever the focus is in the panel (the table, the field).
    addActions(m_bar->actions());

    setTabOrder(m_appointments, m_noteIds);
    connect(m_noteIds, &QLineEdit::textChanged, this, &PatientDetailPanel::updateTargets);
    connect(m_bar, &NoteActionBar::signInNeeded, this, &PatientDetailPanel::signInNeeded);
    connect(m_bar, &NoteActionBar::announcement, this, &PatientDetailPanel::announcement);
    connect(m_bar, &NoteActionBar::batchFinished, this,
            [this](NoteAction, int done, int total) { Q_EMIT batchFinished(done, total); });
    connect(m_bar, &NoteActionBar::noteFinished, this,
            [this](const NoteResult &, const NoteTarget &target) {
                // The EHR's record is what is shown: the status after a check-in, say.
                if (m_model && !target.appointmentId.isEmpty())
                    m_model->reread(target.appointmentId);
            });
    updateTargets();
}

void PatientDetailPanel::fitColumns()
{
    // Setting the mode again is what makes the header measure the rows it now has.
    QHeaderView *header = m_appointments->horizontalHeader();
    for (int c : {int(AppointmentModel::Date), int(AppointmentModel::Status),
                  int(AppointmentModel::NoteState)})
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
}

void PatientDetailPanel::setClients(FhirClient *fhir, NotesClient *notes, NoteStates *states)
{
    m_fhir = fhir;
    m_states = states;
    delete m_model;
    m_model = fhir ? new AppointmentModel(fhir, this) : nullptr;
    m_appointments->setModel(m_model);
    selectCurrentRowWhenNothingIs(m_appointments);
    m_bar->setClients(notes, states);
    if (m_model) {
        m_model->setNoteStates(states);
        fitColumns();
        m_appointments->horizontalHeader()->setSectionResizeMode(AppointmentModel::Type,
                                                                 QHeaderView::Interactive);
        m_appointments->setColumnWidth(AppointmentModel::Type, 120);
        connect(m_appointments->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &PatientDetailPanel::updateTargets);
        connect(m_model, &QAbstractItemModel::dataChanged, this,
                &PatientDetailPanel::updateTargets);
        connect(m_model, &AppointmentModel::loaded, this, [this] {
            // Rows came in after the columns were sized (to their headings): size them again,
            // so that the date and the status are read whole.
            fitColumns();
            const Failure f = m_model->failure();
            m_appointmentsState->setText(f ? f.message
                                           : m_model->rowCount() == 0
                                                   ? tr("No appointments.")
                                                   : QString());
            if (f.kind == Failure::Kind::SignInRequired)
                Q_EMIT signInNeeded(f.message);
            updateTargets();
        });
    }
    clearPatient();
}

void PatientDetailPanel::clearPatient()
{
    m_patient = {};
    if (m_model)
        m_model->clear();
    m_header->setText(noPatientText());
    m_appointmentsState->clear();
    m_noteIds->clear();
    m_bar->clearResults();
    m_bar->dropPending();
    updateTargets();
}

QString PatientDetailPanel::heading() const
{
    return m_header->text();
}

void PatientDetailPanel::showPatient(const fhir::Patient &patient)
{
    const bool other = patient.id != m_patient.id;
    m_patient = patient;
    m_header->setText(fhir::patientSummary(patient, QDate::currentDate()));
    if (other) {
        // Nothing of the previous patient stays under this one.
        m_bar->clearResults();
        m_bar->dropPending();
        m_noteIds->clear();
    }
    if (m_model) {
        m_appointmentsState->setText(tr("Loading appointments…"));
        m_model->load(patient.id);
    }
    updateTargets();
}

QStringList PatientDetailPanel::noteIds() const
{
    QStringList ids;
    for (const NoteTarget &t : targets())
        ids << t.noteId;
    return ids;
}

QList<NoteTarget> PatientDetailPanel::targets() const
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    const QStringList typed = m_noteIds->text().split(separators, Qt::SkipEmptyParts);
    const QString name = m_patient.displayName();
    auto fromRow = [this, &name](int row) {
        const fhir::Appointment a = m_model->appointment(row);
        NoteTarget t;
        t.noteId = a.noteId;
        t.appointmentId = a.id;
        t.appointmentStatus = a.status;
        t.patientName = name;
        t.start = a.start;
        return t;
    };
    QList<NoteTarget> list;
    if (!typed.isEmpty()) {
        for (const QString &id : typed) {
            if (std::any_of(list.cbegin(), list.cend(),
                            [&id](const NoteTarget &t) { return t.noteId == id; }))
                continue;
            const int row = m_model ? m_model->rowOfNote(id) : -1;
            if (row >= 0) {
                list << fromRow(row);
                continue;
            }
            NoteTarget t;
            t.noteId = id;
            if (hasPatient())
                t.foreign = tr("%1 is not one of the notes of %2's appointments: it may be "
                               "another patient's.")
                                    .arg(id, name);
            list << t;
        }
        return list;
    }
    if (!m_model || !m_appointments->selectionModel())
        return list;
    QModelIndexList rows = m_appointments->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    for (const QModelIndex &row : std::as_const(rows))
        list << fromRow(row.row());
    return list;
}

QString PatientDetailPanel::noteIdWarning() const
{
    return m_noteIdWarning->text();
}

void PatientDetailPanel::updateTargets()
{
    const QList<NoteTarget> list = targets();
    QStringList foreign;
    for (const NoteTarget &t : list) {
        if (!t.foreign.isEmpty())
            foreign << t.noteId;
    }
    m_noteIdWarning->setText(
            foreign.isEmpty()
                    ? QString()
                    : tr("⚠ Not among %1's notes: %2. chartkey asks before acting on them.")
                              .arg(m_patient.displayName(), foreign.join(QStringLiteral(", "))));
    m_noteIdWarning->setToolTip(m_noteIdWarning->text());
    m_bar->setTargets(list);
}

} // namespace chartkey::ui

#include "schedulemodel.h"

#include "fhir/display.h"
#include "fhir/notestates.h"

#include <QLocale>

namespace chartkey {

ScheduleModel::ScheduleModel(FhirClient *fhir, QObject *parent)
    : QAbstractTableModel(parent)
    , m_fhir(fhir)
{
}

void ScheduleModel::setNoteStates(NoteStates *states)
{
    if (m_noteStates)
        disconnect(m_noteStates, nullptr, this, nullptr);
    m_noteStates = states;
    if (states)
        connect(states, &NoteStates::changed, this, &ScheduleModel::noteChanged);
    if (!m_appointments.isEmpty())
        Q_EMIT dataChanged(index(0, NoteState), index(rowCount() - 1, NoteState));
}

void ScheduleModel::noteChanged(const QString &noteId)
{
    const int row = rowOfNote(noteId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, NoteState), index(row, NoteState));
}

void ScheduleModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ScheduleModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_appointments.clear();
    m_patients.clear();
    m_failure = {};
    endResetModel();
    setState(State::Idle);
}

void ScheduleModel::load(const QDate &day, const fhir::ScheduleOwner &owner)
{
    clear();
    m_day = day;
    m_owner = owner;
    if (!m_fhir || owner.isEmpty() || !day.isValid())
        return;
    setState(State::Loading);
    const quint64 generation = m_generation;
    m_fhir->schedule(day, owner)->then(this, [this, generation](const fhir::Schedule &schedule) {
        if (generation != m_generation)
            return;
        m_last = schedule;
        m_failure = schedule.failure;
        if (!schedule.appointments.isEmpty() && !schedule.failure) {
            beginInsertRows({}, 0, int(schedule.appointments.size()) - 1);
            m_appointments = schedule.appointments;
            m_patients = schedule.patients;
            endInsertRows();
        }
        setState(m_failure                  ? State::Failed
                         : m_appointments.isEmpty() ? State::Empty
                                                    : State::Loaded);
    });
}

void ScheduleModel::reload()
{
    load(m_day, m_owner);
}

void ScheduleModel::reread(const QString &appointmentId)
{
    const quint64 generation = m_generation;
    m_fhir->appointment(appointmentId)
            ->then(this, [this, generation, appointmentId](const Read<fhir::Appointment> &read) {
                if (generation != m_generation)
                    return;
                if (!read.resource) {
                    Q_EMIT appointmentReread(appointmentId, false);
                    return;
                }
                for (int row = 0; row < m_appointments.size(); ++row) {
                    if (m_appointments.at(row).id == appointmentId) {
                        m_appointments[row] = *read.resource;
                        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
                    }
                }
                Q_EMIT appointmentReread(appointmentId, true);
            });
}

fhir::Patient ScheduleModel::patient(int row) const
{
    return m_patients.value(m_appointments.value(row).patientId);
}

int ScheduleModel::rowOfNote(const QString &noteId) const
{
    for (int row = 0; row < m_appointments.size(); ++row) {
        if (!noteId.isEmpty() && m_appointments.at(row).noteId == noteId)
            return row;
    }
    return -1;
}

int ScheduleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_appointments.size());
}

int ScheduleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScheduleModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_appointments.size())
        return {};
    const fhir::Appointment &a = m_appointments.at(index.row());
    const fhir::Patient p = m_patients.value(a.patientId);
    const QString noteState = m_noteStates ? m_noteStates->state(a.noteId) : QString();
    const QDate today = QDate::currentDate();
    switch (role) {
    case NoteIdRole:
        return a.noteId;
    case AppointmentIdRole:
        return a.id;
    case PatientIdRole:
        return a.patientId;
    case StatusRole:
        return a.status;
    case NoteStateRole:
        return noteState;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Patient:
            return p.id.isEmpty() ? QVariant() : fhir::patientSummary(p, today);
        case Time:
            return tr("%1, %2–%3 %4")
                    .arg(fhir::dayWithWeekdayText(a.start.toLocalTime().date()),
                         fhir::timeText(a.start), fhir::timeText(a.end), fhir::zoneText(a.start));
        case NoteState:
            return noteState.isEmpty()
                    ? tr("Not reported yet: the EHR says a note's state when an action runs on "
                         "it.")
                    : tr("As the EHR reported it at %1.")
                              .arg(fhir::timeText(m_noteStates->reportedAt(a.noteId)));
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return fhir::timeText(a.start);
        case Patient:
            return p.id.isEmpty() ? tr("(patient %1)").arg(a.patientId) : p.displayName();
        case Age:
            return fhir::shortAgeText(p, today);
        case Sex:
            return p.id.isEmpty() ? QString() : fhir::sexText(p.gender);
        case Type:
            return a.type;
        case Status:
            return fhir::statusText(a.status);
        case NoteState:
            return a.noteId.isEmpty() ? QString() : noteStateText(noteState);
        case Note:
            return a.noteId.isEmpty() ? tr("(none)") : a.noteId;
        }
        return {};
    default:
        return {};
    }
}

QVariant ScheduleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Patient:
        return tr("Patient");
    case Age:
        return tr("Age");
    case Sex:
        return tr("Sex");
    case Type:
        return tr("Type");
    case Status:
        return tr("Status");
    case NoteState:
        return tr("Note state");
    case Note:
        return tr("Note");
    }
    return {};
}

} // namespace chartkey

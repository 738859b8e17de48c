#include "schedulemodel.h"

#include "fhir/display.h"
#include "fhir/notestates.h"

#include <QLocale>

namespace chartkey {

ScheduleModel::ScheduleModel(FhirClient *fhir, QObject *parent)
    // Time, Patient, Age and Sex are the schedule's own columns.
    : AppointmentTable(fhir,
                       {Field::Own, Field::Own, Field::Own, Field::Own, Field::Type,
                        Field::Status, Field::NoteState, Field::Note},
                       parent)
{
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
    beginResetModel();
    clearRows();
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
    if (!fhir() || owner.isEmpty() || !day.isValid())
        return;
    setState(State::Loading);
    const quint64 loading = generation();
    fhir()->schedule(day, owner)->then(this, [this, loading](const fhir::Schedule &schedule) {
        if (loading != generation())
            return;
        m_last = schedule;
        m_failure = schedule.failure;
        if (!schedule.appointments.isEmpty() && !schedule.failure) {
            beginInsertRows({}, 0, int(schedule.appointments.size()) - 1);
            setRows(schedule.appointments);
            m_patients = schedule.patients;
            endInsertRows();
        }
        setState(m_failure ? State::Failed : hasRows() ? State::Loaded : State::Empty);
    });
}

void ScheduleModel::reload()
{
    load(m_day, m_owner);
}

fhir::Patient ScheduleModel::patient(int row) const
{
    return m_patients.value(appointment(row).patientId);
}

QVariant ScheduleModel::ownData(const fhir::Appointment &a, const QModelIndex &index,
                                int role) const
{
    const fhir::Patient p = m_patients.value(a.patientId);
    const QDate today = QDate::currentDate();
    switch (role) {
    case PatientIdRole:
        return a.patientId;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Patient:
            return p.id.isEmpty() ? QVariant() : fhir::patientSummary(p, today);
        case Time:
            return tr("%1, %2–%3 %4")
                    .arg(fhir::dayWithWeekdayText(a.start.toLocalTime().date()),
                         fhir::timeText(a.start), fhir::timeText(a.end), fhir::zoneText(a.start));
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
        default:
            return {};
        }
    default:
        return {};
    }
}

QString ScheduleModel::ownHeader(int section) const
{
    switch (section) {
    case Time:
        return tr("Time");
    case Patient:
        return tr("Patient");
    case Age:
        return tr("Age");
    case Sex:
        return tr("Sex");
    default:
        return {};
    }
}

} // namespace chartkey

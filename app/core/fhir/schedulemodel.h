// A day's schedule as a table: the appointments of one local day for a practitioner or a
// location, in time order, each with its patient (name, age, sex), type, status, the note's
// state as the EHR last reported it (NoteStates) and the note id. One load is one
// FhirClient::schedule() (the appointments, then their patients in one batch); an
// appointment can be read again after an action changed it.
#pragma once

#include "base/failure.h"
#include "fhir/appointmenttable.h"
#include "fhir/fhirclient.h"
#include "fhir/resources.h"

#include <QDate>

namespace chartkey {

class ScheduleModel final : public AppointmentTable
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleModel)
public:
    enum Column { Time, Patient, Age, Sex, Type, Status, NoteState, Note, ColumnCount };
    // Besides the roles of every appointment table (NoteIdRole, AppointmentIdRole, …).
    enum ScheduleRole { PatientIdRole = FirstOwnRole };
    enum class State { Idle, Loading, Loaded, Empty, Failed };
    Q_ENUM(State)

    explicit ScheduleModel(FhirClient *fhir, QObject *parent = nullptr);

    // Loads `day` for `owner`; answers to an earlier load are ignored.
    void load(const QDate &day, const fhir::ScheduleOwner &owner);
    void reload();
    void clear();

    QDate day() const { return m_day; }
    fhir::ScheduleOwner owner() const { return m_owner; }
    State state() const { return m_state; }
    Failure failure() const { return m_failure; }
    // How the last load went (requests, milliseconds).
    const fhir::Schedule &lastLoad() const { return m_last; }
    fhir::Patient patient(int row) const;
    fhir::Patient patientById(const QString &id) const { return m_patients.value(id); }

Q_SIGNALS:
    void stateChanged(chartkey::ScheduleModel::State state);

private:
    QVariant ownData(const fhir::Appointment &a, const QModelIndex &index,
                     int role) const override;
    QString ownHeader(int section) const override;
    void setState(State state);

    QDate m_day;
    fhir::ScheduleOwner m_owner;
    QHash<QString, fhir::Patient> m_patients;
    fhir::Schedule m_last;
    Failure m_failure;
    State m_state = State::Idle;
};

} // namespace chartkey

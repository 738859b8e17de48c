// A day's schedule as a table: the appointments of one local day for a practitioner or a
// location, in time order, each with its patient (name, age, sex), type, status, the note's
// state as the EHR last reported it (NoteStates) and the note id. One load is one
// FhirClient::schedule() (the appointments, then their patients in one batch); an
// appointment can be read again after an action changed it.
#pragma once

#include "base/failure.h"
#include "fhir/fhirclient.h"
#include "fhir/resources.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QPointer>

namespace chartkey {

class NoteStates;

class ScheduleModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleModel)
public:
    enum Column { Time, Patient, Age, Sex, Type, Status, NoteState, Note, ColumnCount };
    enum Role {
        NoteIdRole = Qt::UserRole + 1,
        AppointmentIdRole,
        PatientIdRole,
        StatusRole,
        NoteStateRole,
    };
    enum class State { Idle, Loading, Loaded, Empty, Failed };
    Q_ENUM(State)

    explicit ScheduleModel(FhirClient *fhir, QObject *parent = nullptr);

    void setNoteStates(NoteStates *states);
    // Loads `day` for `owner`; answers to an earlier load are ignored.
    void load(const QDate &day, const fhir::ScheduleOwner &owner);
    void reload();
    void clear();
    void reread(const QString &appointmentId);

    QDate day() const { return m_day; }
    fhir::ScheduleOwner owner() const { return m_owner; }
    State state() const { return m_state; }
    Failure failure() const { return m_failure; }
    // How the last load went (requests, milliseconds).
    const fhir::Schedule &lastLoad() const { return m_last; }
    fhir::Appointment appointment(int row) const { return m_appointments.value(row); }
    fhir::Patient patient(int row) const;
    fhir::Patient patientById(const QString &id) const { return m_patients.value(id); }
    int rowOfNote(const QString &noteId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void stateChanged(chartkey::ScheduleModel::State state);
    void appointmentReread(const QString &appointmentId, bool ok);

private:
    void setState(State state);
    void noteChanged(const QString &noteId);

    FhirClient *m_fhir = nullptr;
    QPointer<NoteStates> m_noteStates;
    QDate m_day;
    fhir::ScheduleOwner m_owner;
    QList<fhir::Appointment> m_appointments;
    QHash<QString, fhir::Patient> m_patients;
    fhir::Schedule m_last;
    Failure m_failure;
    State m_state = State::Idle;
    quint64 m_generation = 0;
};

} // namespace chartkey

// Patients found by a FHIR search, as a table that pages through the Bundle's `next` links
// on demand (canFetchMore/fetchMore): views ask for more rows as the user scrolls.
// Loading, empty and error states are properties, for the view to show in place.
#pragma once

#include "fhir/resources.h"
#include "base/failure.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QUrlQuery>

namespace chartkey {

class FhirClient;
class NoteStates;

class PatientModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PatientModel)
public:
    enum Column { Name, BirthDate, Gender, Mrn, ColumnCount };
    enum Role { PatientIdRole = Qt::UserRole + 1, SortRole };
    enum class State { Idle, Loading, Loaded, Empty, Failed };
    Q_ENUM(State)

    explicit PatientModel(FhirClient *fhir, QObject *parent = nullptr);

    void setPageSize(int size) { m_pageSize = size; }
    // Starts a new search; earlier answers still on their way are ignored.
    void search(const QUrlQuery &query);
    void clear();

    State state() const { return m_state; }
    Failure failure() const { return m_failure; }
    int total() const { return m_total; }
    fhir::Patient patient(int row) const { return m_patients.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void stateChanged(chartkey::PatientModel::State state);
    // A page arrived (or failed); one per request.
    void pageLoaded(int rowsAdded);

private:
    void request(const QUrl &url, bool first);
    void setState(State state);

    FhirClient *m_fhir = nullptr;
    QList<fhir::Patient> m_patients;
    QUrl m_next;
    Failure m_failure;
    State m_state = State::Idle;
    int m_total = -1;
    int m_pageSize = 50;
    quint64 m_generation = 0;
    bool m_loading = false;
};

// A patient's appointments, oldest first: when (local time and zone), type, status, the
// note's state as the EHR last reported it (NoteStates), and the note id.
class AppointmentModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentModel)
public:
    enum Column { Date, Type, Status, NoteState, Note, ColumnCount };
    enum Role { NoteIdRole = Qt::UserRole + 1, AppointmentIdRole, StatusRole, NoteStateRole };

    explicit AppointmentModel(FhirClient *fhir, QObject *parent = nullptr);

    // Where note states come from (may be null: none shown).
    void setNoteStates(NoteStates *states);
    void load(const QString &patientId);
    void clear();
    // Reads one appointment again (after a check-in or no-show) and updates its row.
    void reread(const QString &appointmentId);
    QString patientId() const { return m_patientId; }
    bool isLoading() const { return m_loading; }
    Failure failure() const { return m_failure; }
    fhir::Appointment appointment(int row) const { return m_appointments.value(row); }
    // The row of the appointment that carries `noteId`; -1 when none does.
    int rowOfNote(const QString &noteId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();
    // An appointment was read again (reread()); `ok` false when the read failed.
    void appointmentReread(const QString &appointmentId, bool ok);

private:
    void noteChanged(const QString &noteId);

    FhirClient *m_fhir = nullptr;
    QPointer<NoteStates> m_noteStates;
    QList<fhir::Appointment> m_appointments;
    QString m_patientId;
    Failure m_failure;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace chartkey

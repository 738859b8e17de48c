// Patients found by a FHIR search, as a table that pages through the Bundle's `next` links
// on demand (canFetchMore/fetchMore): views ask for more rows as the user scrolls.
// Loading, empty and error states are properties, for the view to show in place.
#pragma once

#include "base/failure.h"
#include "fhir/appointmenttable.h"
#include "fhir/resources.h"

#include <QAbstractTableModel>
#include <QUrlQuery>

namespace chartkey {

class FhirClient;

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
class AppointmentModel final : public AppointmentTable
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentModel)
public:
    enum Column { Date, Type, Status, NoteState, Note, ColumnCount };

    explicit AppointmentModel(FhirClient *fhir, QObject *parent = nullptr);

    void load(const QString &patientId);
    void clear();
    QString patientId() const { return m_patientId; }
    bool isLoading() const { return m_loading; }
    Failure failure() const { return m_failure; }

Q_SIGNALS:
    void loaded();

private:
    QVariant ownData(const fhir::Appointment &a, const QModelIndex &index,
                     int role) const override;
    QString ownHeader(int section) const override;

    QString m_patientId;
    Failure m_failure;
    bool m_loading = false;
};

} // namespace chartkey

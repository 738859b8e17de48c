// A table of appointments, written once for the two tables that show them: the day's
// schedule (ScheduleModel) and a patient's appointments (AppointmentModel). It holds the rows,
// says what a row shows alike in both (the ids and status in the item roles; the type,
// status, note state and note columns), follows the notes' states (NoteStates) and reads one
// appointment again after an action changed it. Each table names what its columns show, says
// what its own columns and roles hold (ownData, ownHeader) and loads its rows.
#pragma once

#include "fhir/resources.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace chartkey {

class FhirClient;
class NoteStates;

class AppointmentTable : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentTable)
public:
    // The item roles both tables answer; a table's own roles start at FirstOwnRole.
    enum Role {
        NoteIdRole = Qt::UserRole + 1,
        AppointmentIdRole,
        StatusRole,
        NoteStateRole,
        FirstOwnRole,
    };
    // What a column shows when both tables show it alike; Own: the table's own column.
    enum class Field { Own, Type, Status, NoteState, Note };

    // Where note states come from (may be null: none shown).
    void setNoteStates(NoteStates *states);
    // Reads one appointment again (after a check-in or no-show) and updates its row.
    void reread(const QString &appointmentId);
    fhir::Appointment appointment(int row) const { return m_appointments.value(row); }
    // The row of the appointment that carries `noteId`; -1 when none does.
    int rowOfNote(const QString &noteId) const;

    int rowCount(const QModelIndex &parent = {}) const final;
    int columnCount(const QModelIndex &parent = {}) const final;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

Q_SIGNALS:
    // An appointment was read again (reread()); `ok` false when the read failed.
    void appointmentReread(const QString &appointmentId, bool ok);

protected:
    // `columns`: what each column shows.
    AppointmentTable(FhirClient *fhir, const QList<Field> &columns, QObject *parent);

    // What `a`, in the row of `index`, holds in one of the table's own columns or roles.
    virtual QVariant ownData(const fhir::Appointment &a, const QModelIndex &index,
                             int role) const = 0;
    // The header of one of the table's own columns.
    virtual QString ownHeader(int section) const = 0;

    FhirClient *fhir() const { return m_fhir; }
    // Forgets the rows (between beginResetModel and endResetModel); answers to reads asked
    // for before are ignored from now on.
    void clearRows();
    // The rows, after clearRows() (between beginInsertRows and endInsertRows).
    void setRows(const QList<fhir::Appointment> &appointments);
    bool hasRows() const { return !m_appointments.isEmpty(); }
    // Goes up with each clearRows(): a table's own reads compare it, as reread() does.
    quint64 generation() const { return m_generation; }

private:
    void noteChanged(const QString &noteId);

    FhirClient *m_fhir = nullptr;
    QList<Field> m_columns;
    int m_noteStateColumn = -1;
    QPointer<NoteStates> m_noteStates;
    QList<fhir::Appointment> m_appointments;
    quint64 m_generation = 0;
};

} // namespace chartkey

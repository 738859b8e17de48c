#include "appointmenttable.h"

#include "fhir/display.h"
#include "fhir/fhirclient.h"
#include "fhir/notestates.h"

namespace chartkey {

AppointmentTable::AppointmentTable(FhirClient *fhir, const QList<Field> &columns,
                                   QObject *parent)
    : QAbstractTableModel(parent)
    , m_fhir(fhir)
    , m_columns(columns)
    , m_noteStateColumn(int(columns.indexOf(Field::NoteState)))
{
}

void AppointmentTable::setNoteStates(NoteStates *states)
{
    if (m_noteStates)
        disconnect(m_noteStates, nullptr, this, nullptr);
    m_noteStates = states;
    if (states)
        connect(states, &NoteStates::changed, this, &AppointmentTable::noteChanged);
    if (!m_appointments.isEmpty() && m_noteStateColumn >= 0)
        Q_EMIT dataChanged(index(0, m_noteStateColumn),
                           index(rowCount() - 1, m_noteStateColumn));
}

void AppointmentTable::noteChanged(const QString &noteId)
{
    const int row = rowOfNote(noteId);
    if (row >= 0 && m_noteStateColumn >= 0)
        Q_EMIT dataChanged(index(row, m_noteStateColumn), index(row, m_noteStateColumn));
}

void AppointmentTable::clearRows()
{
    ++m_generation;
    m_appointments.clear();
}

void AppointmentTable::setRows(const QList<fhir::Appointment> &appointments)
{
    m_appointments = appointments;
}

void AppointmentTable::reread(const QString &appointmentId)
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
                        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
                    }
                }
                Q_EMIT appointmentReread(appointmentId, true);
            });
}

int AppointmentTable::rowOfNote(const QString &noteId) const
{
    for (int row = 0; row < m_appointments.size(); ++row) {
        if (!noteId.isEmpty() && m_appointments.at(row).noteId == noteId)
            return row;
    }
    return -1;
}

int AppointmentTable::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_appointments.size());
}

int AppointmentTable::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant AppointmentTable::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_appointments.size())
        return {};
    const fhir::Appointment &a = m_appointments.at(index.row());
    const Field field = m_columns.value(index.column(), Field::Own);
    const QString noteState = m_noteStates ? m_noteStates->state(a.noteId) : QString();
    switch (role) {
    case NoteIdRole:
        return a.noteId;
    case AppointmentIdRole:
        return a.id;
    case StatusRole:
        return a.status;
    case NoteStateRole:
        return noteState;
    case Qt::ToolTipRole:
        if (field == Field::NoteState)
            return noteState.isEmpty()
                    ? tr("Not reported yet: the EHR says a note's state when an action runs on "
                         "it.")
                    : tr("As the EHR reported it at %1.")
                              .arg(fhir::timeText(m_noteStates->reportedAt(a.noteId)));
        break;
    case Qt::DisplayRole:
        switch (field) {
        case Field::Own:
            break;
        case Field::Type:
            return a.type;
        case Field::Status:
            return fhir::statusText(a.status);
        case Field::NoteState:
            return a.noteId.isEmpty() ? QString() : noteStateText(noteState);
        case Field::Note:
            return a.noteId.isEmpty() ? tr("(none)") : a.noteId;
        }
        break;
    default:
        break;
    }
    return (field == Field::Own || role >= FirstOwnRole) ? ownData(a, index, role) : QVariant();
}

QVariant AppointmentTable::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (m_columns.value(section, Field::Own)) {
    case Field::Own:
        break;
    case Field::Type:
        return tr("Type");
    case Field::Status:
        return tr("Status");
    case Field::NoteState:
        return tr("Note state");
    case Field::Note:
        return tr("Note");
    }
    const QString own = ownHeader(section);
    return own.isEmpty() ? QVariant() : own;
}

} // namespace chartkey

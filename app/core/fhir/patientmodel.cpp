#include "patientmodel.h"

#include "fhir/display.h"
#include "fhir/fhirclient.h"
#include "fhir/notestates.h"

#include <QLocale>

#include <algorithm>

namespace chartkey {

PatientModel::PatientModel(FhirClient *fhir, QObject *parent)
    : QAbstractTableModel(parent)
    , m_fhir(fhir)
{
}

void PatientModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void PatientModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_patients.clear();
    m_next.clear();
    m_total = -1;
    m_failure = {};
    m_loading = false;
    endResetModel();
    setState(State::Idle);
}

void PatientModel::search(const QUrlQuery &query)
{
    clear();
    request(m_fhir->patientSearchUrl(query, m_pageSize), true);
}

void PatientModel::request(const QUrl &url, bool first)
{
    m_loading = true;
    setState(State::Loading);
    const quint64 generation = m_generation;
    m_fhir->patientPage(url)
            ->then(this, [this, generation, first](const fhir::Page<fhir::Patient> &page) {
                if (generation != m_generation)
                    return; // an answer to an earlier search
                m_loading = false;
                if (page.failure) {
                    m_failure = page.failure;
                    setState(State::Failed);
                    Q_EMIT pageLoaded(0);
                    return;
                }
                if (first)
                    m_total = page.total;
                m_next = page.next;
                if (!page.items.isEmpty()) {
                    const int start = int(m_patients.size());
                    beginInsertRows({}, start, start + int(page.items.size()) - 1);
                    m_patients.append(page.items);
                    endInsertRows();
                }
                setState(m_patients.isEmpty() ? State::Empty : State::Loaded);
                Q_EMIT pageLoaded(int(page.items.size()));
            });
}

int PatientModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_patients.size());
}

int PatientModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_patients.size())
        return {};
    const fhir::Patient &p = m_patients.at(index.row());
    if (role == PatientIdRole)
        return p.id;
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case Name:
            return p.displayName();
        case BirthDate:
            if (role == SortRole)
                return p.birthDate;
            return QLocale().toString(p.birthDate, QLocale::ShortFormat);
        case Gender:
            return p.gender;
        case Mrn:
            return p.mrn;
        }
    }
    return {};
}

QVariant PatientModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case BirthDate:
        return tr("Birth date");
    case Gender:
        return tr("Gender");
    case Mrn:
        return tr("MRN");
    }
    return {};
}

bool PatientModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && m_next.isValid() && !m_next.isEmpty()
            && m_state != State::Failed;
}

void PatientModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(m_next, false);
}

AppointmentModel::AppointmentModel(FhirClient *fhir, QObject *parent)
    : QAbstractTableModel(parent)
    , m_fhir(fhir)
{
}

void AppointmentModel::setNoteStates(NoteStates *states)
{
    if (m_noteStates)
        disconnect(m_noteStates, nullptr, this, nullptr);
    m_noteStates = states;
    if (states)
        connect(states, &NoteStates::changed, this, &AppointmentModel::noteChanged);
    if (!m_appointments.isEmpty())
        Q_EMIT dataChanged(index(0, NoteState), index(rowCount() - 1, NoteState));
}

void AppointmentModel::noteChanged(const QString &noteId)
{
    const int row = rowOfNote(noteId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, NoteState), index(row, NoteState));
}

void AppointmentModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_appointments.clear();
    m_patientId.clear();
    m_failure = {};
    m_loading = false;
    endResetModel();
}

void AppointmentModel::load(const QString &patientId)
{
    clear();
    m_patientId = patientId;
    m_loading = true;
    const quint64 generation = m_generation;
    m_fhir->appointments(patientId)
            ->then(this, [this, generation](const fhir::Page<fhir::Appointment> &page) {
                if (generation != m_generation)
                    return;
                m_loading = false;
                m_failure = page.failure;
                if (!page.items.isEmpty()) {
                    QList<fhir::Appointment> sorted = page.items;
                    std::stable_sort(sorted.begin(), sorted.end(),
                                     [](const fhir::Appointment &a, const fhir::Appointment &b) {
                                         return a.start < b.start;
                                     });
                    beginInsertRows({}, 0, int(sorted.size()) - 1);
                    m_appointments = sorted;
                    endInsertRows();
                }
                Q_EMIT loaded();
            });
}

void AppointmentModel::reread(const QString &appointmentId)
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

int AppointmentModel::rowOfNote(const QString &noteId) const
{
    for (int row = 0; row < m_appointments.size(); ++row) {
        if (!noteId.isEmpty() && m_appointments.at(row).noteId == noteId)
            return row;
    }
    return -1;
}

int AppointmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_appointments.size());
}

int AppointmentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppointmentModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_appointments.size())
        return {};
    const fhir::Appointment &a = m_appointments.at(index.row());
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
        if (index.column() == NoteState)
            return noteState.isEmpty()
                    ? tr("Not reported yet: the EHR says a note's state when an action runs on "
                         "it.")
                    : tr("As the EHR reported it at %1.")
                              .arg(fhir::timeText(m_noteStates->reportedAt(a.noteId)));
        if (index.column() == Date)
            return tr("%1, %2 %3")
                    .arg(fhir::dayWithWeekdayText(a.start.toLocalTime().date()),
                         fhir::timeText(a.start), fhir::zoneText(a.start));
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Date:
            return fhir::dateTimeText(a.start);
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

QVariant AppointmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Date:
        return tr("When");
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

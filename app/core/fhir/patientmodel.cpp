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
    // Date (when) is the table's own column.
    : AppointmentTable(fhir, {Field::Own, Field::Type, Field::Status, Field::NoteState, Field::Note},
                       parent)
{
}

void AppointmentModel::clear()
{
    beginResetModel();
    clearRows();
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
    const quint64 loading = generation();
    fhir()->appointments(patientId)
            ->then(this, [this, loading](const fhir::Page<fhir::Appointment> &page) {
                if (loading != generation())
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
                    setRows(sorted);
                    endInsertRows();
                }
                Q_EMIT loaded();
            });
}

QVariant AppointmentModel::ownData(const fhir::Appointment &a, const QModelIndex &index,
                                   int role) const
{
    if (index.column() != Date)
        return {};
    if (role == Qt::ToolTipRole)
        return tr("%1, %2 %3")
                .arg(fhir::dayWithWeekdayText(a.start.toLocalTime().date()),
                     fhir::timeText(a.start), fhir::zoneText(a.start));
    if (role == Qt::DisplayRole)
        return fhir::dateTimeText(a.start);
    return {};
}

QString AppointmentModel::ownHeader(int section) const
{
    return section == Date ? tr("When") : QString();
}

} // namespace chartkey

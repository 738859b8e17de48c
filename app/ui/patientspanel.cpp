#include "patientspanel.h"

#include "fhir/fhirclient.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace chartkey::ui {

PatientsPanel::PatientsPanel(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new QSortFilterProxyModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *searchRow = new QHBoxLayout;
    m_field = new QComboBox(this);
    m_field->addItem(tr("Name"), QStringLiteral("name"));
    m_field->addItem(tr("Family name"), QStringLiteral("family"));
    m_field->addItem(tr("Given name"), QStringLiteral("given"));
    m_field->addItem(tr("Birth date"), QStringLiteral("birthdate"));
    m_field->setAccessibleName(tr("Search by"));
    m_query = new QLineEdit(this);
    m_query->setPlaceholderText(tr("Search patients (Ctrl+F)"));
    m_query->setAccessibleName(tr("Patient search"));
    m_query->setClearButtonEnabled(true);
    m_go = new QPushButton(tr("&Search"), this);
    m_go->setAccessibleName(tr("Search patients"));
    searchRow->addWidget(m_field);
    searchRow->addWidget(m_query, 1);
    searchRow->addWidget(m_go);
    layout->addLayout(searchRow);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter the loaded results"));
    m_filter->setAccessibleName(tr("Filter results"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);

    m_stack = new QStackedWidget(this);
    m_view = new QTableView(m_stack);
    m_view->setAccessibleName(tr("Patients"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // fast with 10,000s
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_proxy->setSortRole(PatientModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_view->setModel(m_proxy);
    m_state = new QLabel(m_stack);
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setAccessibleName(tr("Patient search state"));
    m_stack->addWidget(m_state);
    m_stack->addWidget(m_view);
    layout->addWidget(m_stack, 1);
    m_footer = new QLabel(this);
    m_footer->setAccessibleName(tr("Result count"));
    layout->addWidget(m_footer);

    connect(m_go, &QPushButton::clicked, this, &PatientsPanel::runSearch);
    connect(m_query, &QLineEdit::returnPressed, this, &PatientsPanel::runSearch);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid() || !m_model)
                    return;
                Q_EMIT patientSelected(m_model->patient(m_proxy->mapToSource(current).row()));
            });
    showState();
}

void PatientsPanel::setFhirClient(FhirClient *fhir)
{
    if (m_model)
        m_model->deleteLater();
    m_model = fhir ? new PatientModel(fhir, this) : nullptr;
    m_proxy->setSourceModel(m_model);
    m_view->setColumnWidth(PatientModel::Name, 240);
    m_view->setColumnWidth(PatientModel::BirthDate, 110);
    m_searched = false;
    m_noApi.clear();
    for (QWidget *w : {static_cast<QWidget *>(m_field), static_cast<QWidget *>(m_query),
                       static_cast<QWidget *>(m_go), static_cast<QWidget *>(m_filter)})
        w->setEnabled(true);
    if (m_model) {
        connect(m_model, &PatientModel::stateChanged, this, &PatientsPanel::showState);
        connect(m_model, &PatientModel::pageLoaded, this, &PatientsPanel::showState);
    }
    showState();
}

void PatientsPanel::setNoPatientApi(const QString &sentence)
{
    setFhirClient(nullptr);
    m_noApi = sentence;
    for (QWidget *w : {static_cast<QWidget *>(m_field), static_cast<QWidget *>(m_query),
                       static_cast<QWidget *>(m_go), static_cast<QWidget *>(m_filter)})
        w->setEnabled(false);
    showState();
}

void PatientsPanel::search(const QString &field, const QString &text)
{
    const int index = m_field->findData(field);
    m_field->setCurrentIndex(index >= 0 ? index : 0);
    m_query->setText(text);
    runSearch();
}

void PatientsPanel::runSearch()
{
    if (!m_model)
        return;
    QUrlQuery query;
    const QString text = m_query->text().trimmed();
    if (!text.isEmpty())
        query.addQueryItem(m_field->currentData().toString(), text);
    m_lastQuery = query;
    m_searched = true;
    m_model->search(query);
}

void PatientsPanel::repeatSearch()
{
    if (m_model && m_searched)
        m_model->search(m_lastQuery);
}

QString PatientsPanel::searchField() const
{
    return m_field->currentData().toString();
}

QString PatientsPanel::searchText() const
{
    return m_query->text();
}

void PatientsPanel::focusSearch()
{
    m_query->setFocus();
    m_query->selectAll();
}

QString PatientsPanel::stateText() const
{
    return m_stack->currentWidget() == m_state ? m_state->text() : QString();
}

void PatientsPanel::showState()
{
    QString text;
    if (!m_noApi.isEmpty()) {
        text = m_noApi;
    } else if (!m_model) {
        text = tr("Sign in to search patients.");
    } else {
        switch (m_model->state()) {
        case PatientModel::State::Idle:
            text = tr("Search patients by name, or press Search to list them all.");
            break;
        case PatientModel::State::Loading:
            if (m_model->rowCount() == 0)
                text = tr("Searching…");
            break;
        case PatientModel::State::Empty:
            text = m_lastQuery.isEmpty() ? tr("No patients.")
                                         : tr("No patients match “%1”.").arg(m_query->text());
            break;
        case PatientModel::State::Failed:
            text = m_model->failure().message;
            if (m_model->failure().kind == Failure::Kind::SignInRequired)
                Q_EMIT signInNeeded(text);
            else
                Q_EMIT searchFailed(m_model->failure());
            break;
        case PatientModel::State::Loaded:
            break;
        }
    }
    const bool table = text.isEmpty();
    m_state->setText(text);
    m_stack->setCurrentWidget(table ? static_cast<QWidget *>(m_view) : m_state);
    if (m_model && m_model->rowCount() > 0) {
        const int total = m_model->total();
        m_footer->setText(total >= 0 ? tr("%1 of %2 patients loaded%3")
                                               .arg(m_model->rowCount())
                                               .arg(total)
                                               .arg(m_model->state() == PatientModel::State::Loading
                                                            ? tr(" — loading more…")
                                                            : QString())
                                     : tr("%1 patients loaded").arg(m_model->rowCount()));
    } else {
        m_footer->clear();
    }
}

} // namespace chartkey::ui

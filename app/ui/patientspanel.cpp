#include "patientspanel.h"

#include "accessibility.h"
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
    setObjectName(QStringLiteral("patientsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *searchRow = new QHBoxLayout;
    m_field = new QComboBox(this);
    m_field->setObjectName(QStringLiteral("searchField"));
    m_field->addItem(tr("Name"), QStringLiteral("name"));
    m_field->addItem(tr("Family name"), QStringLiteral("family"));
    m_field->addItem(tr("Given name"), QStringLiteral("given"));
    m_field->addItem(tr("Birth date"), QStringLiteral("birthdate"));
    m_field->setAccessibleName(tr("Search by"));
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("patientSearch"));
    m_query->setPlaceholderText(tr("Search patients (Ctrl+F)"));
    m_query->setAccessibleName(tr("Patient search"));
    m_query->setClearButtonEnabled(true);
    m_go = new QPushButton(tr("&Search"), this);
    m_go->setObjectName(QStringLiteral("searchButton"));
    m_go->setAccessibleName(tr("Search patients"));
    searchRow->addWidget(m_field);
    searchRow->addWidget(m_query, 1);
    searchRow->addWidget(m_go);
    layout->addLayout(searchRow);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("patientFilter"));
    m_filter->setPlaceholderText(tr("Filter the loaded results"));
    m_filter->setAccessibleName(tr("Filter results"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);

    m_stack = new QStackedWidget(this);
    m_view = new QTableView(m_stack);
    m_view->setObjectName(QStringLiteral("patients"));
    m_view->setAccessibleName(tr("Patients"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // In the server's order, with no sort indicator, until a header is clicked.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSortIndicatorShown(false);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // fast with 10,000s
    // The name takes what the short columns leave: the MRN stays in view without a
    // horizontal scroll bar in a window 1100 px wide. The short columns are measured on the
    // rows in view only (fast with 10,000s).
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setStretchLastSection(false);
    columns->setResizeContentsPrecision(0);
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(columns, &QHeaderView::sectionCountChanged, this, [columns](int, int count) {
        if (count > PatientModel::Name)
            columns->setSectionResizeMode(PatientModel::Name, QHeaderView::Stretch);
    });
    m_view->setWordWrap(false);
    m_proxy->setSortRole(PatientModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_view->setModel(m_proxy);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this,
            [this] { m_view->horizontalHeader()->setSortIndicatorShown(true); });

    m_statePage = new QWidget(m_stack);
    auto *stateLayout = new QVBoxLayout(m_statePage);
    stateLayout->addStretch();
    m_state = new QLabel(m_statePage);
    m_state->setObjectName(QStringLiteral("patientsState"));
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setAccessibleDescription(tr("Patient search state"));
    stateLayout->addWidget(m_state);
    m_signIn = new QPushButton(tr("Sign &in"), m_statePage);
    m_signIn->setObjectName(QStringLiteral("patientsSignIn"));
    stateLayout->addWidget(m_signIn, 0, Qt::AlignHCenter);
    stateLayout->addStretch();
    m_stack->addWidget(m_statePage);
    m_stack->addWidget(m_view);
    layout->addWidget(m_stack, 1);
    m_footer = new QLabel(this);
    m_footer->setObjectName(QStringLiteral("patientsCount"));
    m_footer->setAccessibleDescription(tr("Result count"));
    layout->addWidget(m_footer);

    setTabOrder(m_field, m_query);
    setTabOrder(m_query, m_go);
    setTabOrder(m_go, m_filter);
    setTabOrder(m_filter, m_view);

    connect(m_go, &QPushButton::clicked, this, &PatientsPanel::runSearch);
    connect(m_query, &QLineEdit::returnPressed, this, &PatientsPanel::runSearch);
    connect(m_query, &QLineEdit::textEdited, this, [this] { m_typed = true; });
    connect(m_signIn, &QPushButton::clicked, this, &PatientsPanel::signInRequested);
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
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSortIndicatorShown(false);
    m_view->setColumnWidth(PatientModel::Name, 220);
    m_view->setColumnWidth(PatientModel::BirthDate, 100);
    m_searched = false;
    m_pending = false;
    m_noApi.clear();
    for (QWidget *w : {static_cast<QWidget *>(m_field), static_cast<QWidget *>(m_query),
                       static_cast<QWidget *>(m_go), static_cast<QWidget *>(m_filter)})
        w->setEnabled(bool(m_model));
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
    showState();
}

void PatientsPanel::setSignedIn(bool signedIn, const QString &where)
{
    m_where = where;
    if (m_signedIn == signedIn) {
        showState();
        return;
    }
    m_signedIn = signedIn;
    if (!signedIn && m_model) {
        m_model->clear(); // no patient stays on screen
        m_filter->clear();
    }
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
    Q_EMIT searched(searchField(), m_query->text());
    if (!m_signedIn) {
        // Nothing to send without a sign-in: kept, and run once signed in.
        m_pending = true;
        showState();
        return;
    }
    m_pending = false;
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSortIndicatorShown(false);
    m_model->search(query);
}

void PatientsPanel::runPendingSearch()
{
    if (m_pending)
        runSearch();
}

void PatientsPanel::repeatSearch()
{
    if (m_model && m_searched)
        runSearch();
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
    return m_stack->currentWidget() == m_statePage ? m_state->text() : QString();
}

QString PatientsPanel::footerText() const
{
    return m_footer->text();
}

void PatientsPanel::showState()
{
    QString text;
    bool offerSignIn = false;
    if (!m_noApi.isEmpty()) {
        text = m_noApi;
    } else if (!m_model) {
        text = tr("Add a profile to search patients.");
    } else if (!m_signedIn) {
        offerSignIn = true;
        const QString where = m_where.isEmpty() ? tr("the EHR") : m_where;
        text = m_pending && !m_lastQuery.isEmpty()
                ? tr("You are signed out of %1. Sign in, and the search for “%2” runs then.")
                          .arg(where, m_query->text().trimmed())
                : m_pending ? tr("You are signed out of %1. Sign in, and the patients are "
                                 "listed then.")
                                      .arg(where)
                            : tr("You are signed out of %1. Sign in to search patients.")
                                      .arg(where);
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
            if (m_model->failure().kind == Failure::Kind::SignInRequired) {
                // The window says it (once, in the banner); here: what to do.
                text = tr("Sign in again to search patients.");
                offerSignIn = true;
                m_pending = true;
                Q_EMIT signInNeeded(m_model->failure().message);
            } else {
                text = m_model->failure().message;
                // Refused credentials: the search runs again after the next sign-in.
                m_pending = m_model->failure().httpStatus == 401
                        || m_model->failure().kind == Failure::Kind::Configuration;
                Q_EMIT searchFailed(m_model->failure());
            }
            break;
        case PatientModel::State::Loaded:
            break;
        }
    }
    const bool table = text.isEmpty();
    if (m_state->text() != text) {
        m_state->setText(text);
        textChanged(m_state);
    }
    m_signIn->setVisible(offerSignIn);
    m_stack->setCurrentWidget(table ? static_cast<QWidget *>(m_view) : m_statePage);
    QString footer;
    if (m_model && m_signedIn && m_model->rowCount() > 0) {
        const int rows = m_model->rowCount();
        const int total = m_model->total();
        const bool more = m_model->state() == PatientModel::State::Loading;
        if (total >= 0 && total != rows)
            footer = more ? tr("%1 of %n patient(s) loaded — loading more…", nullptr, total)
                                    .arg(rows)
                          : tr("%1 of %n patient(s) loaded", nullptr, total).arg(rows);
        else
            footer = tr("%n patient(s)", nullptr, rows);
    }
    if (m_footer->text() != footer) {
        m_footer->setText(footer);
        textChanged(m_footer);
    }
}

} // namespace chartkey::ui

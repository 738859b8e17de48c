// Finding patients: a search (name, or family / given / birth date), results in a table
// that pages in more as it scrolls, sortable and filterable, with the loading, empty and
// error states shown in place of the table.
#pragma once

#include "fhir/patientmodel.h"

#include <QPointer>
#include <QUrlQuery>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace chartkey::ui {

class PatientsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PatientsPanel)
public:
    explicit PatientsPanel(QWidget *parent = nullptr);

    // The FHIR client of the current profile (nullptr: signed out / no profile).
    void setFhirClient(FhirClient *fhir);
    // The profile has no patient API (Canvas LMS, no FHIR base URL): no search is possible;
    // `sentence` says why and what the profile is good for instead. Undone by setFhirClient().
    void setNoPatientApi(const QString &sentence);
    bool hasPatientApi() const { return m_noApi.isEmpty(); }
    void search(const QString &field, const QString &text);
    // Runs the last search again (after a sign-in).
    void repeatSearch();

    QString searchField() const;
    QString searchText() const;
    PatientModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString stateText() const;
    void focusSearch();

Q_SIGNALS:
    void patientSelected(const chartkey::fhir::Patient &patient);
    // A search failed because a sign-in is needed; it is kept and can be repeated.
    void signInNeeded(const QString &message);
    // A search failed for another reason (shown in place too), such as a refused static token.
    void searchFailed(const chartkey::Failure &failure);

private:
    void runSearch();
    void showState();

    QPointer<PatientModel> m_model;
    QSortFilterProxyModel *m_proxy = nullptr;
    QComboBox *m_field = nullptr;
    QLineEdit *m_query = nullptr;
    QLineEdit *m_filter = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_footer = nullptr;
    QPushButton *m_go = nullptr;
    QUrlQuery m_lastQuery;
    QString m_noApi;
    bool m_searched = false;
};

} // namespace chartkey::ui

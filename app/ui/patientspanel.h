// Finding patients: a search (name, or family / given / birth date), results in a table
// that pages in more as it scrolls, sortable and filterable, with the loading, empty,
// signed-out and error states shown in place of the table. Rows stay in the server's order
// until a column header is clicked. Tab leaves the table; the arrow keys move in it.
//
// Signed out, a search is kept and said in place with a Sign in button; it runs once signed
// in (MainWindow::afterSignIn), with the text still in the box.
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

    // The FHIR client of the current profile (nullptr: no profile).
    void setFhirClient(FhirClient *fhir);
    // The profile has no patient API (Canvas LMS, no FHIR base URL): no search is possible;
    // `sentence` says why and what the profile is good for instead. Undone by setFhirClient().
    void setNoPatientApi(const QString &sentence);
    bool hasPatientApi() const { return m_noApi.isEmpty(); }
    // Signed in or not (`where`: the EHR's host, for the signed-out sentence). Signing out
    // clears the results: no patient stays on screen.
    void setSignedIn(bool signedIn, const QString &where = {});
    bool isSignedIn() const { return m_signedIn; }
    void search(const QString &field, const QString &text);
    // Runs the last search again (after a sign-in).
    void repeatSearch();
    // A search asked for while signed out, to run once signed in.
    bool hasPendingSearch() const { return m_pending; }
    void runPendingSearch();
    // Whether the person typed in the search box since the window opened.
    bool searchWasTyped() const { return m_typed; }

    QString searchField() const;
    QString searchText() const;
    PatientModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchBox() const { return m_query; }
    QString stateText() const;
    QString footerText() const;
    void focusSearch();

Q_SIGNALS:
    void patientSelected(const chartkey::fhir::Patient &patient);
    // A search failed because a sign-in is needed; it is kept and can be repeated.
    void signInNeeded(const QString &message);
    // The Sign in button of the signed-out state.
    void signInRequested();
    // A search failed for another reason (shown in place too), such as a refused static token.
    void searchFailed(const chartkey::Failure &failure);
    // A search was run: remember it.
    void searched(const QString &field, const QString &text);

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
    QWidget *m_statePage = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_signIn = nullptr;
    QLabel *m_footer = nullptr;
    QPushButton *m_go = nullptr;
    QUrlQuery m_lastQuery;
    QString m_noApi;
    QString m_where;
    bool m_searched = false;
    bool m_signedIn = false;
    bool m_pending = false;
    bool m_typed = false;
};

} // namespace chartkey::ui

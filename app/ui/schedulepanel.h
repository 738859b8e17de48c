// A day's schedule — what a clinician opens first: the appointments of one day (today by
// default; previous and next day) for the signed-in practitioner when the EHR says who that is
// (the ID token's fhirUser), or for a practitioner or site chosen from the EHR's own list.
// Each row: time, patient (name, age, sex), type, status, the note's state and id. The note
// actions run straight from the selected rows (NoteActionBar); each appointment is read again
// after its action. Enter on a row opens the patient.
#pragma once

#include "fhir/fhirclient.h"
#include "fhir/schedulemodel.h"
#include "noteactions.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace chartkey {
class NoteStates;
class NotesClient;
} // namespace chartkey

namespace chartkey::ui {

class SchedulePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchedulePanel)
public:
    explicit SchedulePanel(QWidget *parent = nullptr);

    // The clients of the current profile (null: no profile, or no FHIR API); `profile`
    // names where the chosen practitioner or site is remembered.
    void setClients(FhirClient *fhir, NotesClient *notes, NoteStates *states,
                    const QString &profile = {});
    // Signed in or not (`where`: the EHR's host). Signing out clears the day.
    void setSignedIn(bool signedIn, const QString &where = {});
    // Who signed in, from the ID token (`id` of a Practitioner; empty: not said).
    void setSignedInPractitioner(const QString &id, const QString &name);

    void showDay(const QDate &day);
    QDate day() const { return m_day; }
    fhir::ScheduleOwner owner() const;
    // Chooses whose day is shown (added to the list when it is not in it).
    void setOwner(const fhir::ScheduleOwner &owner);
    // Nothing of the day stays on screen.
    void clear();

    ScheduleModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *ownerBox() const { return m_owner; }
    NoteActionBar *noteActions() const { return m_bar; }
    QList<NoteTarget> targets() const;
    // "Sun 6 Dec 2026 — Dr Ada Lovelace — 13 appointments"
    QString heading() const;
    // What is said in place of the table (loading, none, signed out, a failure); empty when
    // the table shows.
    QString stateText() const;

Q_SIGNALS:
    void signInNeeded(const QString &message);
    void signInRequested();
    void announcement(const QString &text);
    // Enter (or a double click) on a row.
    void patientOpened(const chartkey::fhir::Patient &patient);

private:
    void load();
    void loadOwners();
    void ownerChosen();
    void showState();
    void updateTargets();
    QString settingsKey() const;

    QPointer<FhirClient> m_fhir;
    QPointer<NoteStates> m_states;
    ScheduleModel *m_model = nullptr;
    QString m_profile;
    QString m_where;
    QString m_me;            // the signed-in practitioner's id
    QString m_meName;
    QDate m_day;
    bool m_signedIn = false;
    bool m_ownersLoaded = false;
    QPushButton *m_previous = nullptr;
    QDateEdit *m_date = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_today = nullptr;
    QComboBox *m_owner = nullptr;
    QLabel *m_heading = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_view = nullptr;
    QWidget *m_statePage = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_signIn = nullptr;
    NoteActionBar *m_bar = nullptr;
};

} // namespace chartkey::ui

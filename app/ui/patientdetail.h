// The selected patient: a banner that says who it is (name, sex, age, date of birth, MRN),
// their appointments oldest first with the note each carries and the note's state, a field
// for note ids typed by hand, and the note actions over the selected appointments or the
// typed ids (NoteActionBar). A typed id that is not one of the shown patient's notes is
// flagged before anything is sent. Results are cleared when the patient changes.
#pragma once

#include "fhir/fhirclient.h"
#include "fhir/patientmodel.h"
#include "notes/notesclient.h"
#include "noteactions.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;

namespace chartkey {
class NoteStates;
}

namespace chartkey::ui {

class PatientDetailPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PatientDetailPanel)
public:
    explicit PatientDetailPanel(QWidget *parent = nullptr);

    void setClients(FhirClient *fhir, NotesClient *notes, NoteStates *states = nullptr);
    void showPatient(const fhir::Patient &patient);
    // Nothing of the last patient stays on screen (signed out, or hidden).
    void clearPatient();
    bool hasPatient() const { return !m_patient.id.isEmpty(); }
    fhir::Patient patient() const { return m_patient; }
    // The banner's text: who the shown patient is.
    QString heading() const;

    // The notes the actions apply to: typed ids, else the selected appointments' notes.
    QStringList noteIds() const;
    QList<NoteTarget> targets() const;
    QAction *action(NoteAction action) const { return m_bar->action(action); }
    QList<QAction *> actions() const { return m_bar->actions(); }
    NoteActionBar *noteActions() const { return m_bar; }
    QTableView *appointmentsView() const { return m_appointments; }
    AppointmentModel *appointmentModel() const { return m_model; }
    QListWidget *results() const { return m_bar->results(); }
    QLineEdit *noteIdEdit() const { return m_noteIds; }
    // What is said under the typed ids (a note that may be another patient's).
    QString noteIdWarning() const;

    bool hasPending() const { return m_bar->hasPending(); }
    QString pendingDescription() const { return m_bar->pendingDescription(); }
    void retryPending() { m_bar->retryPending(); }

Q_SIGNALS:
    void signInNeeded(const QString &message);
    // A batch ended; `done` of `total` notes were changed.
    void batchFinished(int done, int total);
    void announcement(const QString &text);

private:
    void fitColumns();
    void updateTargets();

    QPointer<FhirClient> m_fhir;
    QPointer<NoteStates> m_states;
    AppointmentModel *m_model = nullptr;
    fhir::Patient m_patient;
    QLabel *m_header = nullptr;
    QTableView *m_appointments = nullptr;
    QLabel *m_appointmentsState = nullptr;
    QLineEdit *m_noteIds = nullptr;
    QLabel *m_noteIdWarning = nullptr;
    NoteActionBar *m_bar = nullptr;
};

} // namespace chartkey::ui

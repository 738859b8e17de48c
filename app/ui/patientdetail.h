// The selected patient: their appointments with the note each carries, a field for note
// ids typed by hand, and the note actions (lock, sign, lock & sign, unlock, check in,
// no-show) over the selected notes, with progress and a result per note shown in place.
#pragma once

#include "fhir/fhirclient.h"
#include "fhir/patientmodel.h"
#include "notes/notesclient.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QTableView;

namespace chartkey {
class NoteBatch;
}

namespace chartkey::ui {

class PatientDetailPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PatientDetailPanel)
public:
    explicit PatientDetailPanel(QWidget *parent = nullptr);

    void setClients(FhirClient *fhir, NotesClient *notes);
    void showPatient(const fhir::Patient &patient);

    // The notes the actions apply to: typed ids, else the selected appointments' notes.
    QStringList noteIds() const;
    QAction *action(NoteAction action) const { return m_actions.value(action); }
    QList<QAction *> actions() const { return m_actions.values(); }
    QTableView *appointmentsView() const { return m_appointments; }
    AppointmentModel *appointmentModel() const { return m_model; }
    QListWidget *results() const { return m_results; }
    QLineEdit *noteIdEdit() const { return m_noteIds; }

    bool hasPending() const { return !m_pendingIds.isEmpty(); }
    QString pendingDescription() const;
    // Runs again what could not be done because a sign-in was needed.
    void retryPending();
    void run(NoteAction action, const QStringList &noteIds);

Q_SIGNALS:
    void signInNeeded(const QString &message);
    // A batch ended; `done` of `total` notes were changed.
    void batchFinished(int done, int total);

private:
    void updateActions();

    QPointer<FhirClient> m_fhir;
    QPointer<NotesClient> m_notes;
    AppointmentModel *m_model = nullptr;
    QLabel *m_header = nullptr;
    QTableView *m_appointments = nullptr;
    QLabel *m_appointmentsState = nullptr;
    QLineEdit *m_noteIds = nullptr;
    QHash<NoteAction, QAction *> m_actions;
    QProgressBar *m_progress = nullptr;
    QListWidget *m_results = nullptr;
    QPointer<NoteBatch> m_batch;
    NoteAction m_pendingAction = NoteAction::Lock;
    QStringList m_pendingIds;
};

} // namespace chartkey::ui

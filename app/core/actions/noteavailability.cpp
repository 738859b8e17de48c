#include "noteavailability.h"

#include "fhir/display.h"
#include "fhir/notestates.h"

#include <algorithm>

namespace chartkey {

namespace {

const QLatin1String kBooked("booked");
const QLatin1String kCancelled("cancelled");
const QLatin1String kEnteredInError("entered-in-error");

bool isAppointmentAction(NoteAction action)
{
    return action == NoteAction::CheckIn || action == NoteAction::NoShow;
}

} // namespace

QString NoteTarget::describe() const
{
    QStringList parts;
    if (!patientName.isEmpty())
        parts << patientName;
    if (start.isValid())
        parts << fhir::dateTimeText(start);
    parts << noteId;
    return parts.join(QStringLiteral(" — "));
}

QString NoteTarget::shortName() const
{
    if (patientName.isEmpty())
        return noteId;
    return start.isValid() ? NoteAvailability::tr("%1, %2").arg(patientName, fhir::timeText(start))
                           : patientName;
}

bool NoteAvailability::takesNoteActions(const QString &status)
{
    return status != kCancelled && status != kEnteredInError;
}

QString NoteAvailability::whyNot(NoteAction action, const QList<NoteTarget> &targets,
                                 const NoteStates *states)
{
    for (const NoteTarget &t : targets) {
        if (t.noteId.isEmpty())
            return tr("%1 has no note.").arg(t.shortName());
        const QString status = t.appointmentStatus;
        // A visit that did not take place: nothing to check in, and no note to act on.
        if (!takesNoteActions(status)) {
            const QString what = status == kCancelled ? tr("was cancelled")
                                                      : tr("was entered in error");
            switch (action) {
            case NoteAction::CheckIn:
                return tr("The appointment of %1 %2: there is no visit to check in.")
                        .arg(t.shortName(), what);
            case NoteAction::NoShow:
                return tr("The appointment of %1 %2: there is no visit to mark as a no-show.")
                        .arg(t.shortName(), what);
            default:
                return tr("The appointment of %1 %2: its note cannot be locked, signed or "
                          "unlocked.")
                        .arg(t.shortName(), what);
            }
        }
        const QString state = states ? states->state(t.noteId) : QString();
        switch (action) {
        case NoteAction::CheckIn:
            if (!status.isEmpty() && status != kBooked)
                return tr("Only booked appointments can be checked in; %1 is %2.")
                        .arg(t.shortName(), fhir::statusText(status));
            break;
        case NoteAction::NoShow:
            if (!status.isEmpty() && status != kBooked)
                return tr("Only booked appointments can be marked as a no-show; %1 is %2.")
                        .arg(t.shortName(), fhir::statusText(status));
            break;
        case NoteAction::Lock:
            if (!state.isEmpty() && state != QLatin1String("new"))
                return tr("Only a new note can be locked; the note of %1 is %2.")
                        .arg(t.shortName(), noteStateText(state));
            break;
        case NoteAction::LockSign:
            if (!state.isEmpty() && state != QLatin1String("new"))
                return tr("Lock & sign is for new notes; the note of %1 is %2.")
                        .arg(t.shortName(), noteStateText(state));
            break;
        case NoteAction::Sign:
            if (!state.isEmpty() && state != QLatin1String("locked"))
                return state == QLatin1String("new")
                        ? tr("Only a locked note can be signed; the note of %1 is new (Lock & "
                             "sign does both).")
                                  .arg(t.shortName())
                        : tr("Only a locked note can be signed; the note of %1 is %2.")
                                  .arg(t.shortName(), noteStateText(state));
            break;
        case NoteAction::Unlock:
            if (state == QLatin1String("new"))
                return tr("The note of %1 is not locked or signed.").arg(t.shortName());
            break;
        }
    }
    return {};
}

QString NoteAvailability::whenUnknown(NoteAction action, const QList<NoteTarget> &targets,
                                      const NoteStates *states)
{
    if (isAppointmentAction(action))
        return {};
    const bool unknown = std::any_of(targets.cbegin(), targets.cend(), [states](const auto &t) {
        return !t.noteId.isEmpty() && (!states || states->state(t.noteId).isEmpty());
    });
    if (!unknown)
        return {};
    switch (action) {
    case NoteAction::Lock:
        return tr("The note's state is not known yet: the EHR locks it if it is new, and "
                  "otherwise says why not; nothing else changes.");
    case NoteAction::Unlock:
        return tr("The note's state is not known yet: the EHR unlocks it if it is locked or "
                  "signed, and otherwise says why not; nothing else changes.");
    case NoteAction::Sign:
        return tr("The note's state is not known yet: the EHR signs it if it is locked, and "
                  "otherwise says why not; nothing else changes.");
    case NoteAction::LockSign:
        return tr("The note's state is not known yet: the EHR locks and signs it if it is "
                  "new, and otherwise says why not.");
    case NoteAction::CheckIn:
    case NoteAction::NoShow:
        break;
    }
    return {};
}

} // namespace chartkey

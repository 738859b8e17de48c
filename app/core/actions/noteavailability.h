// Which note actions — check in, no-show, lock, sign, lock & sign, unlock — can run on which
// notes, decided once for every front end that knows the notes' appointments (the desktop's
// schedule and patient detail). What a front end does not know (a note id typed by hand: no
// appointment status; a note the EHR has not reported on yet: no state) is left to the EHR,
// which says why not in its answer.
//
// By the appointment's status (FHIR Appointment.status):
//   booked                       every action the note's state allows
//   cancelled, entered-in-error  none: there is no visit to check in or to mark as a no-show,
//                                and the note of a visit that did not take place is not to be
//                                locked, signed or unlocked
//   any other (arrived, checked-in, fulfilled, noshow, …)  the note actions the note's state
//                                allows (a no-show's note is written up and signed like any
//                                other); not check in or no-show, which are for booked ones
// By the note's state, as the EHR last reported it (NoteStates): lock and lock & sign only a
// new note, sign only a locked one, unlock only a locked or signed one.
#pragma once

#include "notes/notesclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace chartkey {

class NoteStates;

// One note an action may run on, with what is known about it.
struct NoteTarget
{
    QString noteId;
    QString appointmentId;      // empty for a note id typed by hand
    QString appointmentStatus;  // "booked", "arrived", …; empty when unknown
    QString patientName;        // empty when unknown
    QDateTime start;            // the appointment's start; invalid when unknown
    QString foreign;            // why it may not be the shown patient's note; empty if it is

    // "Briddle, Ada — 6 Dec 2026, 09:15 UTC — note-25-1", as much as is known.
    QString describe() const;
    // "Briddle, Ada, 09:15" or the note id: the start of a result line.
    QString shortName() const;
};

class NoteAvailability final
{
    Q_DECLARE_TR_FUNCTIONS(chartkey::NoteAvailability)
public:
    // Why `action` cannot run on `targets` as they are known (their appointments' statuses,
    // their notes' states in `states`, which may be null); empty when it can. The first
    // target it cannot run on is named.
    static QString whyNot(NoteAction action, const QList<NoteTarget> &targets,
                          const NoteStates *states);
    // What `action` will do where the state of a target's note is not known yet (the EHR
    // says it only in its answer to an action); empty when every state is known, and for
    // check in and no-show, which do not depend on it.
    static QString whenUnknown(NoteAction action, const QList<NoteTarget> &targets,
                               const NoteStates *states);
    // Whether an appointment in `status` is one whose note can take note actions at all
    // (false for cancelled and entered-in-error ones).
    static bool takesNoteActions(const QString &status);
};

} // namespace chartkey

Q_DECLARE_METATYPE(chartkey::NoteTarget)

// The FHIR resources chartkey shows, and parsers for the Bundles that carry them.
#pragma once

#include "base/failure.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

namespace chartkey::fhir {

inline constexpr const char *kNoteIdExtension =
        "http://schemas.canvasmedical.com/fhir/extensions/note-id";

struct Patient
{
    QString id;
    QString family;
    QStringList given;
    QDate birthDate;
    QString gender;
    QString mrn;        // the first identifier's value

    QString displayName() const;
};

struct Appointment
{
    QString id;
    QDateTime start;
    QString type;
    QString status;
    QString noteId;     // from the Canvas note-id extension; empty when absent
};

template<typename T>
struct Page
{
    QList<T> items;
    QUrl next;          // resolved against the request URL; empty on the last page
    int total = -1;     // Bundle.total when the server gave it
    Failure failure;
};

// Parse a searchset Bundle. `requestUrl` resolves relative `next` links.
Page<Patient> parsePatientBundle(const QByteArray &json, const QUrl &requestUrl);
Page<Appointment> parseAppointmentBundle(const QByteArray &json, const QUrl &requestUrl);

// The name a person reads for a Practitioner, Person, Patient or RelatedPerson resource:
// its official HumanName's text, else prefix, given and family names ("Dr Ada Lovelace");
// empty when it names none.
QString personName(const QByteArray &resourceJson);

} // namespace chartkey::fhir

// The FHIR resources chartkey shows, and parsers for the Bundles that carry them.
#pragma once

#include "base/failure.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

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
    // Whole years on `day`; -1 without a birth date (or one after `day`).
    int ageOn(const QDate &day) const;
};

struct Appointment
{
    QString id;
    QDateTime start;
    QDateTime end;
    QString type;
    QString status;
    QString noteId;     // from the Canvas note-id extension; empty when absent
    QString patientId;  // the Patient participant
    QStringList practitionerIds; // the Practitioner participants
    QString locationId; // the Location participant
    QString locationName; // its display, when given
};

struct Practitioner
{
    QString id;
    QString name;       // name.text, else prefix, given and family names
    QString npi;        // the US NPI identifier, when there is one
};

struct Location
{
    QString id;
    QString name;
};

template<typename T>
struct Page
{
    QList<T> items;
    QUrl next;          // resolved against the request URL; empty on the last page
    int total = -1;     // Bundle.total when the server gave it
    Failure failure;
};

// An Appointment search answer: the appointments, and the patients the server included
// with them (`_include=Appointment:patient`, entries with search.mode "include").
struct AppointmentBundle
{
    Page<Appointment> page;
    QList<Patient> includedPatients;
};

// Parse a searchset Bundle. `requestUrl` resolves relative `next` links.
Page<Patient> parsePatientBundle(const QByteArray &json, const QUrl &requestUrl);
Page<Appointment> parseAppointmentBundle(const QByteArray &json, const QUrl &requestUrl);
AppointmentBundle parseAppointmentSearch(const QByteArray &json, const QUrl &requestUrl);
Page<Practitioner> parsePractitionerBundle(const QByteArray &json, const QUrl &requestUrl);
Page<Location> parseLocationBundle(const QByteArray &json, const QUrl &requestUrl);
// One resource of `type` (a read: GET Appointment/{id}); a Failure when it is not one.
std::optional<Appointment> parseAppointment(const QByteArray &json, Failure *failure);
std::optional<Practitioner> parsePractitioner(const QByteArray &json, Failure *failure);

// The id of a reference to a resource of `type`: "Practitioner/123", a full URL
// "https://fhir.example.com/r4/Practitioner/123" or ".../Practitioner/123/_history/2" give
// "123"; empty when it names another type or nothing.
QString referenceId(const QString &reference, const QString &type);

// The name a person reads for a Practitioner, Person, Patient or RelatedPerson resource:
// its official HumanName's text, else prefix, given and family names ("Dr Ada Lovelace");
// empty when it names none.
QString personName(const QByteArray &resourceJson);

} // namespace chartkey::fhir

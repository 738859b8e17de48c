// How chartkey writes FHIR values for a person: dates without the weekday, local times
// without seconds and with their zone, ages, sexes, MRNs and appointment statuses. One place,
// for the tables and the patient banner.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace chartkey::fhir {

struct Patient;

// "14 March 1958" (the locale's long date, without the weekday).
QString dayText(const QDate &day);
// "Mon 7 Dec 2026" (the locale's short date with a short weekday), for schedule headings.
QString dayWithWeekdayText(const QDate &day);
// "09:15" (the locale's short time, local, never with seconds).
QString timeText(const QDateTime &when);
// "7 Dec 2026, 09:15 CET": local date, time and zone, no seconds.
QString dateTimeText(const QDateTime &when);
// The time zone abbreviation of local time at `when` ("CET", "UTC").
QString zoneText(const QDateTime &when);
// "female", "male", "other", "unknown" (FHIR administrative gender), translated.
QString sexText(const QString &gender);
// "68" / "8 months" for a child under two; empty when unknown. `today`: the local date.
QString ageText(const Patient &patient, const QDate &today);
// "67" (whole years), "8 mo" under two: for an Age column.
QString shortAgeText(const Patient &patient, const QDate &today);
// "MRN000025" as it is when the value already says MRN, else "MRN 12345".
QString mrnText(const QString &mrn);
// "booked", "checked in", "no-show", …: an Appointment.status for a person.
QString statusText(const QString &status);
// "Briddle, Ada — female, 68 years — born 14 March 1958 — MRN000025": the patient banner.
QString patientSummary(const Patient &patient, const QDate &today);

} // namespace chartkey::fhir

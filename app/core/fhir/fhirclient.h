// FHIR reads on the EHR's FHIR host (Canvas: the fumage- host), through ApiClient.
#pragma once

#include "base/operation.h"
#include "fhir/resources.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

namespace chartkey {

class ApiClient;

using PatientPageReply = Pending<fhir::Page<fhir::Patient>>;
using AppointmentPageReply = Pending<fhir::Page<fhir::Appointment>>;
using PractitionerPageReply = Pending<fhir::Page<fhir::Practitioner>>;
using LocationPageReply = Pending<fhir::Page<fhir::Location>>;

// One resource read (GET Type/{id}).
template<typename T>
struct Read
{
    std::optional<T> resource;
    Failure failure;
};
using AppointmentReply = Pending<Read<fhir::Appointment>>;
using PractitionerReply = Pending<Read<fhir::Practitioner>>;

namespace fhir {

// Whose day a schedule is: a practitioner's or a location's.
struct ScheduleOwner
{
    enum class Kind { Practitioner, Location };
    Kind kind = Kind::Practitioner;
    QString id;
    QString name;           // for display; not sent

    bool isEmpty() const { return id.isEmpty(); }
    bool operator==(const ScheduleOwner &o) const { return kind == o.kind && id == o.id; }
};

// The appointments of one local day for one owner, with their patients.
struct Schedule
{
    QDate day;
    ScheduleOwner owner;
    QList<Appointment> appointments;     // sorted by start
    QHash<QString, Patient> patients;    // by id: every patient the appointments name
    Failure failure;
    // How it was read, for the benchmark and the log.
    int appointmentRequests = 0;         // Appointment search pages
    int patientRequests = 0;             // Patient?_id= batches (0: all were included)
    qint64 appointmentsMs = 0;           // first request to last appointment page
    qint64 patientsMs = 0;               // the batch read(s)
    qint64 totalMs = 0;
};

} // namespace fhir

using ScheduleReply = Pending<fhir::Schedule>;

class FhirClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FhirClient)
public:
    FhirClient(ApiClient *api, const QUrl &base, QObject *parent = nullptr);

    // Patient?name=...&_count=... (search parameters as given: name, family, given, birthdate).
    PatientPageReply *searchPatients(const QUrlQuery &query, int pageSize = 50);
    QUrl patientSearchUrl(const QUrlQuery &query, int pageSize) const;
    // The page behind a Bundle's `next` link.
    PatientPageReply *patientPage(const QUrl &next);
    AppointmentPageReply *appointments(const QString &patientId);
    // GET Appointment/{id}: the appointment as it is now (after a check-in, say).
    AppointmentReply *appointment(const QString &id);

    // The appointments of a local day, with their patients:
    //   GET Appointment?date=ge{day 00:00}&date=lt{next day 00:00}&practitioner=Practitioner/{id}
    //       (or location=Location/{id})&_include=Appointment:patient&_count=100
    //   then GET Patient?_id=a,b,c&_count=… for the patients the server did not include
    //   (one request for up to 100 patients).
    // The day's bounds are local midnights, sent as UTC instants.
    ScheduleReply *schedule(const QDate &day, const fhir::ScheduleOwner &owner);
    QUrl scheduleUrl(const QDate &day, const fhir::ScheduleOwner &owner) const;
    QUrl patientBatchUrl(const QStringList &ids) const;

    // Practitioner?name=… (empty: all), and one by id; Location search.
    PractitionerPageReply *practitioners(const QString &name = {});
    PractitionerReply *practitioner(const QString &id);
    LocationPageReply *locations(const QString &name = {});

    QUrl base() const { return m_base; }
    ApiClient *api() const { return m_api; }

private:
    QUrl resourceUrl(const QString &type, const QUrlQuery &query) const;

    ApiClient *m_api = nullptr;
    QUrl m_base;
};

} // namespace chartkey

Q_DECLARE_METATYPE(chartkey::fhir::Page<chartkey::fhir::Patient>)
Q_DECLARE_METATYPE(chartkey::fhir::Page<chartkey::fhir::Appointment>)

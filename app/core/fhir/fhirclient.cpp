#include "fhirclient.h"

#include "api/apiclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <functional>
#include <memory>

namespace chartkey {

namespace {

// Why a FHIR answer is not the resource or Bundle asked for; empty when it is (HTTP 200).
Failure failureOf(const ApiResult &result, const QString &what)
{
    if (result.failure)
        return result.failure;
    const int status = result.response.status;
    if (status == 200)
        return {};
    Failure failure = Failure::make(
            status == 403 ? Failure::Kind::Denied : Failure::Kind::Http,
            status == 403
                    ? QCoreApplication::translate("chartkey::FhirClient",
                                                  "The EHR does not allow this read (HTTP 403: "
                                                  "%1). Sign in with a scope that covers it.")
                              .arg(describeApiError(result.response))
                    : QCoreApplication::translate("chartkey::FhirClient",
                                                  "The FHIR server answered HTTP %1: %2.")
                              .arg(status)
                              .arg(describeApiError(result.response)),
            QStringLiteral("GET %1 -> %2").arg(what).arg(status));
    failure.httpStatus = status;
    return failure;
}

template<typename T>
fhir::Page<T> toPage(const ApiResult &result, const QUrl &url,
                     fhir::Page<T> (*parse)(const QByteArray &, const QUrl &))
{
    if (const Failure failure = failureOf(result, url.path())) {
        fhir::Page<T> page;
        page.failure = failure;
        return page;
    }
    return parse(result.response.body, url);
}

template<typename T>
Read<T> toRead(const ApiResult &result, const QUrl &url,
               std::optional<T> (*parse)(const QByteArray &, Failure *))
{
    Read<T> read;
    read.failure = failureOf(result, url.path());
    if (!read.failure)
        read.resource = parse(result.response.body, &read.failure);
    return read;
}

// A local midnight as the UTC instant FHIR date search takes ("2025-05-13T22:00:00Z").
QString utcInstant(const QDate &day)
{
    return QDateTime(day, QTime(0, 0)).toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

constexpr int kScheduleCount = 100; // a day's appointments in one page
constexpr int kPatientBatch = 100;  // patients per Patient?_id= request

} // namespace

FhirClient::FhirClient(ApiClient *api, const QUrl &base, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_base(base)
{
}

QUrl FhirClient::resourceUrl(const QString &type, const QUrlQuery &query) const
{
    QUrl url = m_base;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + type);
    url.setQuery(query);
    return url;
}

QUrl FhirClient::patientSearchUrl(const QUrlQuery &query, int pageSize) const
{
    QUrlQuery q = query;
    q.addQueryItem(QStringLiteral("_count"), QString::number(pageSize));
    return resourceUrl(QStringLiteral("Patient"), q);
}

PatientPageReply *FhirClient::searchPatients(const QUrlQuery &query, int pageSize)
{
    return patientPage(patientSearchUrl(query, pageSize));
}

PatientPageReply *FhirClient::patientPage(const QUrl &url)
{
    auto *reply = new PatientPageReply(this);
    m_api->get(url)->then(reply, [reply, url](const ApiResult &result) {
        reply->complete(toPage<fhir::Patient>(result, url, fhir::parsePatientBundle));
    });
    return reply;
}

AppointmentPageReply *FhirClient::appointments(const QString &patientId)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("patient"), QStringLiteral("Patient/") + patientId);
    const QUrl url = resourceUrl(QStringLiteral("Appointment"), q);
    auto *reply = new AppointmentPageReply(this);
    m_api->get(url)->then(reply, [reply, url](const ApiResult &result) {
        reply->complete(toPage<fhir::Appointment>(result, url, fhir::parseAppointmentBundle));
    });
    return reply;
}

AppointmentReply *FhirClient::appointment(const QString &id)
{
    const QUrl url = resourceUrl(QStringLiteral("Appointment/") + id, {});
    auto *reply = new AppointmentReply(this);
    m_api->get(url)->then(reply, [reply, url](const ApiResult &result) {
        reply->complete(toRead<fhir::Appointment>(result, url, fhir::parseAppointment));
    });
    return reply;
}

QUrl FhirClient::scheduleUrl(const QDate &day, const fhir::ScheduleOwner &owner) const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("date"), QStringLiteral("ge") + utcInstant(day));
    q.addQueryItem(QStringLiteral("date"), QStringLiteral("lt") + utcInstant(day.addDays(1)));
    if (owner.kind == fhir::ScheduleOwner::Kind::Location)
        q.addQueryItem(QStringLiteral("location"), QStringLiteral("Location/") + owner.id);
    else
        q.addQueryItem(QStringLiteral("practitioner"), QStringLiteral("Practitioner/") + owner.id);
    q.addQueryItem(QStringLiteral("_include"), QStringLiteral("Appointment:patient"));
    q.addQueryItem(QStringLiteral("_count"), QString::number(kScheduleCount));
    return resourceUrl(QStringLiteral("Appointment"), q);
}

QUrl FhirClient::patientBatchUrl(const QStringList &ids) const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("_id"), ids.join(QLatin1Char(',')));
    q.addQueryItem(QStringLiteral("_count"), QString::number(ids.size()));
    return resourceUrl(QStringLiteral("Patient"), q);
}

ScheduleReply *FhirClient::schedule(const QDate &day, const fhir::ScheduleOwner &owner)
{
    auto *reply = new ScheduleReply(this);
    struct State
    {
        fhir::Schedule schedule;
        QElapsedTimer clock;
        int batchesLeft = 0;
    };
    auto state = std::make_shared<State>();
    state->schedule.day = day;
    state->schedule.owner = owner;
    state->clock.start();
    auto finish = [reply, state] {
        fhir::Schedule &s = state->schedule;
        s.totalMs = state->clock.elapsed();
        std::stable_sort(s.appointments.begin(), s.appointments.end(),
                         [](const fhir::Appointment &a, const fhir::Appointment &b) {
                             return a.start < b.start;
                         });
        reply->complete(s);
    };
    // The patients not included with the appointments, in batches read at the same time.
    auto readPatients = [this, reply, state, finish] {
        fhir::Schedule &s = state->schedule;
        s.appointmentsMs = state->clock.elapsed();
        QStringList missing;
        for (const fhir::Appointment &a : std::as_const(s.appointments)) {
            if (!a.patientId.isEmpty() && !s.patients.contains(a.patientId)
                && !missing.contains(a.patientId))
                missing << a.patientId;
        }
        if (missing.isEmpty()) {
            finish();
            return;
        }
        state->batchesLeft = int((missing.size() + kPatientBatch - 1) / kPatientBatch);
        for (qsizetype i = 0; i < missing.size(); i += kPatientBatch) {
            const QUrl url = patientBatchUrl(missing.mid(i, kPatientBatch));
            ++s.patientRequests;
            const qint64 started = state->clock.elapsed();
            m_api->get(url)->then(reply, [state, url, finish, started](const ApiResult &result) {
                fhir::Schedule &sc = state->schedule;
                const fhir::Page<fhir::Patient> page =
                        toPage<fhir::Patient>(result, url, fhir::parsePatientBundle);
                if (page.failure && !sc.failure)
                    sc.failure = page.failure;
                for (const fhir::Patient &p : page.items)
                    sc.patients.insert(p.id, p);
                sc.patientsMs = std::max(sc.patientsMs, state->clock.elapsed() - started);
                if (--state->batchesLeft == 0)
                    finish();
            });
        }
    };
    // The appointment pages, one after another (a day fits in one).
    auto page = std::make_shared<std::function<void(const QUrl &)>>();
    *page = [this, reply, state, readPatients, finish, page](const QUrl &url) {
        ++state->schedule.appointmentRequests;
        m_api->get(url)->then(reply, [state, url, readPatients, finish,
                                      page](const ApiResult &result) {
            fhir::Schedule &s = state->schedule;
            fhir::AppointmentBundle bundle;
            if (const Failure failure = failureOf(result, url.path()))
                bundle.page.failure = failure;
            else
                bundle = fhir::parseAppointmentSearch(result.response.body, url);
            if (bundle.page.failure) {
                s.failure = bundle.page.failure;
                finish();
                *page = nullptr; // breaks the cycle
                return;
            }
            s.appointments.append(bundle.page.items);
            for (const fhir::Patient &p : std::as_const(bundle.includedPatients))
                s.patients.insert(p.id, p);
            if (!bundle.page.next.isEmpty()) {
                (*page)(bundle.page.next);
                return;
            }
            *page = nullptr;
            readPatients();
        });
    };
    (*page)(scheduleUrl(day, owner));
    return reply;
}

PractitionerPageReply *FhirClient::practitioners(const QString &name)
{
    QUrlQuery q;
    if (!name.isEmpty())
        q.addQueryItem(QStringLiteral("name"), name);
    q.addQueryItem(QStringLiteral("_count"), QStringLiteral("100"));
    const QUrl url = resourceUrl(QStringLiteral("Practitioner"), q);
    auto *reply = new PractitionerPageReply(this);
    m_api->get(url)->then(reply, [reply, url](const ApiResult &result) {
        reply->complete(toPage<fhir::Practitioner>(result, url, fhir::parsePractitionerBundle));
    });
    return reply;
}

PractitionerReply *FhirClient::practitioner(const QString &id)
{
    const QUrl url = resourceUrl(QStringLiteral("Practitioner/") + id, {});
    auto *reply = new PractitionerReply(this);
    m_api->get(url)->then(reply, [reply, url](const ApiResult &result) {
        reply->complete(toRead<fhir::Practitioner>(result, url, fhir::parsePractitioner));
    });
    return reply;
}

LocationPageReply *FhirClient::locations(const QString &name)
{
    QUrlQuery q;
    if (!name.isEmpty())
        q.addQueryItem(QStringLiteral("name"), name);
    q.addQueryItem(QStringLiteral("_count"), QStringLiteral("100"));
    const QUrl url = resourceUrl(QStringLiteral("Location"), q);
    auto *reply = new LocationPageReply(this);
    m_api->get(url)->then(reply, [reply, url](const ApiResult &result) {
        reply->complete(toPage<fhir::Location>(result, url, fhir::parseLocationBundle));
    });
    return reply;
}

} // namespace chartkey

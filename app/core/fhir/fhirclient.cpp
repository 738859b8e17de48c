#include "fhirclient.h"

#include "api/apiclient.h"

#include <QCoreApplication>

namespace chartkey {

namespace {

template<typename T>
fhir::Page<T> toPage(const ApiResult &result, const QUrl &url,
                     fhir::Page<T> (*parse)(const QByteArray &, const QUrl &))
{
    if (result.failure) {
        fhir::Page<T> page;
        page.failure = result.failure;
        return page;
    }
    if (result.response.status != 200) {
        fhir::Page<T> page;
        const int status = result.response.status;
        page.failure = Failure::make(
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
                QStringLiteral("GET %1 -> %2").arg(url.path()).arg(status));
        page.failure.httpStatus = status;
        return page;
    }
    return parse(result.response.body, url);
}

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

} // namespace chartkey

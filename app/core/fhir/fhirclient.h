// FHIR reads on the EHR's FHIR host (Canvas: the fumage- host), through ApiClient.
#pragma once

#include "base/operation.h"
#include "fhir/resources.h"

#include <QObject>
#include <QUrl>
#include <QUrlQuery>

namespace chartkey {

class ApiClient;

using PatientPageReply = Pending<fhir::Page<fhir::Patient>>;
using AppointmentPageReply = Pending<fhir::Page<fhir::Appointment>>;

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

    QUrl base() const { return m_base; }

private:
    QUrl resourceUrl(const QString &type, const QUrlQuery &query) const;

    ApiClient *m_api = nullptr;
    QUrl m_base;
};

} // namespace chartkey

Q_DECLARE_METATYPE(chartkey::fhir::Page<chartkey::fhir::Patient>)
Q_DECLARE_METATYPE(chartkey::fhir::Page<chartkey::fhir::Appointment>)

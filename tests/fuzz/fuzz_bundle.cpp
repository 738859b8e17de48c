// fhir::parsePatientBundle / parseAppointmentBundle: a FHIR searchset Bundle from the
// FHIR server, with a relative or absolute `next` link.
// Input: the response body.
// Checks: a failure carries no items and no next link; a next link is resolved (absolute)
// whenever the request URL is.
#include "fuzzsupport.h"

#include "fhir/resources.h"

using namespace chartkey;

namespace {

template<typename T>
void checkPage(const fhir::Page<T> &page)
{
    if (page.failure) {
        fuzz::check(page.items.isEmpty(), "a failed page with items");
        fuzz::check(page.next.isEmpty(), "a failed page with a next link");
        fuzz::check(!page.failure.message.isEmpty(), "a failure without a message");
        return;
    }
    if (!page.next.isEmpty())
        fuzz::check(!page.next.isRelative(), "a next link left relative",
                    page.next.toString());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    static const QUrl patients(QStringLiteral(
            "https://fumage-example.canvasmedical.com/Patient?name=Briddle&_count=10"));
    static const QUrl appointments(QStringLiteral(
            "https://fumage-example.canvasmedical.com/Appointment?patient=Patient/"
            "736ae2490000001960c71de31540d007"));

    const auto p = fhir::parsePatientBundle(body, patients);
    checkPage(p);
    for (const fhir::Patient &patient : p.items)
        (void)patient.displayName();

    const auto a = fhir::parseAppointmentBundle(body, appointments);
    checkPage(a);
    return 0;
}

// describeApiError: the sentence for a failed API answer, from an OperationOutcome
// (issue[].diagnostics / details.text / code), {"error": ...} or {"message": ...}.
// Input: "<status>\n<body>".
// Checks: the sentence is never empty.
#include "fuzzsupport.h"

#include "api/apiclient.h"

using namespace chartkey;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto [head, body] = fuzz::firstLine(fuzz::bytes(data, size));
    http::Response response;
    response.status = head.trimmed().toInt();
    response.contentType = "application/fhir+json";
    response.body = body;
    const QString said = describeApiError(response);
    fuzz::check(!said.isEmpty() || body.contains("\"\""), "an empty description");
    return 0;
}

// scopes::problems and scopes::missing: scope strings typed by a person (profile editor) and
// granted by the token endpoint (`scope` of a token response).
// Input: "<requested>\n<granted>".
// Checks: at most one problem per scope; what is missing was requested; nothing requested
// is missing from itself.
#include "fuzzsupport.h"

#include "profile/scopes.h"

using namespace chartkey;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto [first, rest] = fuzz::firstLine(fuzz::bytes(data, size));
    const QString requested = QString::fromUtf8(first);
    const QString granted = QString::fromUtf8(rest);

    const QStringList requestedList = scopes::split(requested);
    const QStringList problems = scopes::problems(requested);
    fuzz::check(problems.size() <= requestedList.size(), "more problems than scopes");
    for (const QString &p : problems)
        fuzz::check(!p.isEmpty(), "an empty problem");
    (void)scopes::problems(granted);

    const QStringList missing = scopes::missing(requested, granted);
    for (const QString &m : missing)
        fuzz::check(requestedList.contains(m), "missing names a scope that was not requested", m);
    fuzz::check(scopes::missing(requested, requested).isEmpty(),
                "a scope string does not cover itself");
    return 0;
}

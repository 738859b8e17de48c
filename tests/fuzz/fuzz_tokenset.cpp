// TokenSet::fromJson: the tokens as kept in the keychain (another process, an older chartkey,
// or a hand-edited entry may have written them).
// Input: the keychain entry's bytes.
// Checks: ok means an access token; an accepted set writes back to the same set.
#include "fuzzsupport.h"

#include "auth/tokenset.h"

using namespace chartkey;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bool ok = false;
    const TokenSet t = TokenSet::fromJson(fuzz::bytes(data, size), &ok);
    static const QDateTime now = QDateTime::fromSecsSinceEpoch(1735689600, Qt::UTC);
    (void)t.isFreshAt(now);
    (void)t.isUnexpiredAt(now);
    (void)t.refreshLeadSeconds();
    if (!ok)
        return 0;
    fuzz::check(!t.accessToken.isEmpty(), "ok without an access token");
    bool again = false;
    const TokenSet back = TokenSet::fromJson(t.toJson(), &again);
    fuzz::check(again, "an accepted entry does not read back after writing");
    fuzz::check(back.accessToken == t.accessToken && back.refreshToken == t.refreshToken
                        && back.tokenType == t.tokenType && back.scope == t.scope
                        && back.obtainedAt == t.obtainedAt && back.expiresAt == t.expiresAt,
                "writing an accepted entry changes it");
    return 0;
}

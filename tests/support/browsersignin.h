// Signs a profile in through the scripted browser (tests/sandbox/browser) and stores the
// tokens in `secrets`, as `chartkey login` does. Test code only: it waits in a nested loop.
#pragma once

#include "auth/tokenset.h"
#include "profile/profile.h"
#include "base/failure.h"

class QNetworkAccessManager;

namespace chartkey {
class SecretStore;
}

namespace chartkey::test {

struct TestSignIn
{
    TokenSet tokens;
    Failure failure;
};

TestSignIn signInWithScriptedBrowser(const Profile &profile, SecretStore *secrets,
                                     QNetworkAccessManager *nam,
                                     const QString &browserCommand);

} // namespace chartkey::test

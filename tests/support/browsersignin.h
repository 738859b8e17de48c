// Signs a profile in inside the test process, as the desktop app does (actions/signin.h), with
// a command as the browser, and stores the tokens in `secrets`. Test code only: it waits in a
// nested loop.
//
//   signInThroughConsent(profile, &keychain, &nam, sandbox)   tests/sandbox/consent: the sign-in
//                                    and consent pages over plain HTTP, well under a second; for
//                                    every test that needs a sign-in but is not about the
//                                    browser step
//   signInWithScriptedBrowser(profile, &keychain, &nam, sandbox.browser)   Chromium, 4-6 s;
//                                    for what is about the browser step (and bench_signin)
#pragma once

#include "auth/tokenset.h"
#include "profile/profile.h"
#include "base/failure.h"

class QNetworkAccessManager;

namespace chartkey {
class SecretStore;
}

namespace chartkey::test {

class Sandbox;

struct TestSignIn
{
    TokenSet tokens;
    Failure failure;
};

// `browserCommand` is started with the authorization URL as its last argument.
TestSignIn signInWithScriptedBrowser(const Profile &profile, SecretStore *secrets,
                                     QNetworkAccessManager *nam,
                                     const QString &browserCommand);

// The same with the sandbox's consent client as the browser.
TestSignIn signInThroughConsent(const Profile &profile, SecretStore *secrets,
                                QNetworkAccessManager *nam, const Sandbox &sandbox);

} // namespace chartkey::test

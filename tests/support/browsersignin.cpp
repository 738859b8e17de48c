#include "browsersignin.h"

#include "sandbox.h"

#include "actions/ehrconnection.h"
#include "actions/signin.h"
#include "auth/urlopener.h"
#include "base/clock.h"

#include <QEventLoop>
#include <QTimer>

namespace chartkey::test {

TestSignIn signInWithScriptedBrowser(const Profile &profile, SecretStore *secrets,
                                     QNetworkAccessManager *nam, const QString &browserCommand)
{
    TestSignIn outcome;
    EhrConnection connection(profile, secrets, nam, Clock::system());
    CommandUrlOpener browser(browserCommand);
    SignIn signIn(&connection, &browser);
    signIn.setAutoDelete(false);
    QEventLoop loop;
    signIn.then(&loop, [&](const SignInOutcome &r) {
        outcome.tokens = r.tokens;
        outcome.failure = r.failure;
        loop.quit();
    });
    QTimer::singleShot(90000, &loop, &QEventLoop::quit);
    signIn.start();
    loop.exec();
    return outcome;
}

TestSignIn signInThroughConsent(const Profile &profile, SecretStore *secrets,
                                QNetworkAccessManager *nam, const Sandbox &sandbox)
{
    if (sandbox.consent.isEmpty())
        return {{}, Failure::make(Failure::Kind::Configuration,
                                  QStringLiteral("no consent client ($SANDBOX_CONSENT)"))};
    return signInWithScriptedBrowser(profile, secrets, nam, sandbox.consent);
}

} // namespace chartkey::test

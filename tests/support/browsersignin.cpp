#include "browsersignin.h"

#include "auth/browsersignin.h"
#include "auth/session.h"
#include "auth/tokenclient.h"
#include "auth/urlopener.h"
#include "base/clock.h"

#include <QEventLoop>
#include <QTimer>

namespace chartkey::test {

TestSignIn signInWithScriptedBrowser(const Profile &profile, SecretStore *secrets,
                                     QNetworkAccessManager *nam, const QString &browserCommand)
{
    TestSignIn outcome;
    TokenClient tokens(nam, Clock::system());
    CommandUrlOpener browser(browserCommand);
    BrowserSignIn signIn(profile, QString(), &tokens, &browser);
    Session session(profile, secrets, &tokens, Clock::system());
    QEventLoop loop;
    QObject::connect(&signIn, &BrowserSignIn::finished, &loop, [&](const SignInResult &r) {
        outcome.tokens = r.tokens;
        outcome.failure = r.failure;
        if (r.failure) {
            loop.quit();
            return;
        }
        session.adoptSignIn(r.tokens, [&](const Failure &f) {
            outcome.failure = f;
            loop.quit();
        });
    });
    QTimer::singleShot(90000, &loop, &QEventLoop::quit);
    signIn.start();
    loop.exec();
    return outcome;
}

} // namespace chartkey::test

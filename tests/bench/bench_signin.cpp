// Sign-in: wall time from "Sign in" to tokens stored, split into browser, code exchange and
// keychain; and chartkey's own cost at the token endpoint against curl making the same
// request (tests/bench, run on demand: packaging/dev.sh bench).
//
// What is compared at the token endpoint: the refresh grant, because every request needs a
// fresh credential and a code costs a browser run while a refresh token comes back rotated
// with each answer. chartkey's TokenClient::refresh (form body built, POSTed through
// QNetworkAccessManager, answer parsed into a TokenSet) against curl POSTing the same form
// fields (grant_type, refresh_token, scope, client_id; body on stdin) to the same token
// endpoint, one after the other along the same chain of refresh tokens, alternating which
// goes first. Tokens are parsed and never printed.
#include "auth/browsersignin.h"
#include "auth/session.h"
#include "auth/tokenclient.h"
#include "auth/urlopener.h"
#include "benchsupport.h"
#include "net/http.h"
#include "sandbox.h"
#include "storage/keychainstore.h"
#include "storage/profilestore.h"
#include "base/clock.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTimer>

using namespace chartkey;
using namespace chartkey::bench;

namespace {

constexpr int kSignIns = 3;
constexpr int kRefreshes = 20;
constexpr int kWarmUp = 2;

struct SignInTimes
{
    qint64 totalMs = -1;
    qint64 browserMs = 0;
    qint64 exchangeMs = 0;
    qint64 keychainMs = 0;
    TokenSet tokens;
    Failure failure;
};

// One sign-in as the app makes it: BrowserSignIn (scripted Chromium), then Session::adoptSignIn
// (the profile lock, then the keychain write).
SignInTimes signIn(const Profile &profile, SecretStore *keychain, QNetworkAccessManager *nam,
                   const QString &browser)
{
    SignInTimes t;
    TokenClient tokens(nam, Clock::system());
    CommandUrlOpener opener(browser);
    BrowserSignIn flow(profile, ClientCredential(), &tokens, &opener);
    flow.setAutoDelete(false);
    Session session(profile, keychain, &tokens, Clock::system());
    QEventLoop loop;
    QElapsedTimer wall, store;
    flow.then(&loop, [&](const SignInResult &r) {
        t.browserMs = r.browserMs;
        t.exchangeMs = r.exchangeMs;
        t.failure = r.failure;
        if (r.failure) {
            loop.quit();
            return;
        }
        t.tokens = r.tokens;
        store.start();
        session.adoptSignIn(r.tokens)->then(&loop, [&](const Failure &f) {
            t.keychainMs = store.elapsed();
            t.totalMs = wall.elapsed();
            t.failure = f;
            loop.quit();
        });
    });
    QTimer::singleShot(90000, &loop, &QEventLoop::quit);
    wall.start();
    flow.start();
    loop.exec();
    return t;
}

struct Refresh
{
    qint64 wallUs = -1;   // call to answer (chartkey: tokens parsed; curl: process exit)
    qint64 transferUs = -1; // chartkey: the HTTP exchange; curl: its own time_total
    QString refreshToken;
    QString error;
};

Refresh refreshWithChartkey(TokenClient *client, const TokenEndpoint &endpoint,
                            const QString &refreshToken, const QString &scope)
{
    Refresh r;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    client->refresh(endpoint, refreshToken, scope)
            ->then(&loop, [&](const TokenResult &result) {
        r.wallUs = clock.nsecsElapsed() / 1000;
        r.transferUs = result.elapsedMs * 1000;
        r.refreshToken = result.tokens.refreshToken;
        if (result.failure)
            r.error = result.failure.message;
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    return r;
}

Refresh refreshWithCurl(const TokenEndpoint &endpoint, const QString &refreshToken,
                        const QString &scope)
{
    Refresh r;
    // The same fields, in the same order, as TokenClient::refresh sends for a public client.
    const QByteArray body = http::formEncode({
            {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
            {QStringLiteral("refresh_token"), refreshToken},
            {QStringLiteral("scope"), scope},
            {QStringLiteral("client_id"), endpoint.clientId},
    });
    QProcess curl;
    QElapsedTimer clock;
    clock.start();
    curl.start(QStringLiteral("curl"),
               {QStringLiteral("-sS"), QStringLiteral("--max-time"), QStringLiteral("30"),
                QStringLiteral("-H"), QStringLiteral("Accept: application/json"),
                QStringLiteral("-H"),
                QStringLiteral("Content-Type: application/x-www-form-urlencoded"),
                QStringLiteral("--data-binary"), QStringLiteral("@-"),
                QStringLiteral("-w"), QStringLiteral("\n%{http_code} %{time_total}"),
                endpoint.tokenUrl.toString()});
    curl.write(body);
    curl.closeWriteChannel();
    if (!curl.waitForFinished(30000)) {
        r.error = QStringLiteral("curl did not finish");
        return r;
    }
    r.wallUs = clock.nsecsElapsed() / 1000;
    const QByteArray out = curl.readAllStandardOutput();
    const qsizetype lastLine = out.lastIndexOf('\n');
    const QList<QByteArray> tail = out.mid(lastLine + 1).split(' ');
    r.transferUs = qint64(tail.value(1).toDouble() * 1e6);
    const QJsonObject answer = QJsonDocument::fromJson(out.left(lastLine)).object();
    r.refreshToken = answer.value(QStringLiteral("refresh_token")).toString();
    if (tail.value(0) != "200" || r.refreshToken.isEmpty())
        r.error = QStringLiteral("curl: HTTP %1 %2")
                          .arg(QString::fromLatin1(tail.value(0)),
                               answer.value(QStringLiteral("error")).toString());
    return r;
}

QString ms(qint64 us)
{
    return QString::number(us / 1000.0, 'f', 1) + QStringLiteral(" ms");
}

QString spread(const QList<qint64> &us)
{
    return QStringLiteral("%1 (min %2, max %3)")
            .arg(ms(median(us)), ms(minimum(us)), ms(maximum(us)));
}

int driver(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!test::Sandbox::available()) {
        say(QStringLiteral("run inside tests/harness/with-peers.sh (packaging/dev.sh bench)"));
        return 2;
    }
    const test::Sandbox sandbox = test::Sandbox::fromEnvironment();
    const Profile profile = sandbox.publicProfile(QStringLiteral("Sandbox"));
    ProfileStore().save(profile);
    KeychainStore keychain;
    QNetworkAccessManager nam;

    QList<qint64> total, browser, exchange, stored;
    TokenSet last;
    for (int i = 0; i < kSignIns; ++i) {
        const SignInTimes t = signIn(profile, &keychain, &nam, sandbox.browser);
        if (t.failure || t.totalMs < 0) {
            say(QStringLiteral("sign-in failed: ") + t.failure.message);
            return 1;
        }
        total << t.totalMs;
        browser << t.browserMs;
        exchange << t.exchangeMs;
        stored << t.keychainMs;
        last = t.tokens;
    }

    const TokenEndpoint endpoint = tokenEndpoint(profile, {});
    TokenClient client(&nam, Clock::system());
    QString refreshToken = last.refreshToken;
    const QString scope = last.scope;
    QList<qint64> chartkeyWall, chartkeyHttp, curlTransfer, curlWall;
    for (int i = 0; i < kWarmUp + kRefreshes; ++i) {
        for (int k = 0; k < 2; ++k) {
            const bool chartkeyTurn = (i + k) % 2 == 0; // alternate which goes first
            const Refresh r = chartkeyTurn ? refreshWithChartkey(&client, endpoint, refreshToken, scope)
                                           : refreshWithCurl(endpoint, refreshToken, scope);
            if (!r.error.isEmpty() || r.refreshToken.isEmpty()) {
                say(QStringLiteral("refresh failed: ") + r.error);
                return 1;
            }
            refreshToken = r.refreshToken;
            if (i < kWarmUp)
                continue;
            (chartkeyTurn ? chartkeyWall : curlWall) << r.wallUs;
            (chartkeyTurn ? chartkeyHttp : curlTransfer) << r.transferUs;
        }
    }

    say(QStringLiteral("sign-in, \"Sign in\" to tokens stored (scripted Chromium, median of %1):")
                .arg(kSignIns));
    QList<qint64> rest;
    for (int i = 0; i < total.size(); ++i)
        rest << total.at(i) - browser.at(i) - exchange.at(i) - stored.at(i);
    say(QStringLiteral("  total %1 ms: browser %2 ms, code exchange %3 ms, keychain %4 ms, "
                       "the rest (listener, hand-offs) %5 ms (median of each part)")
                .arg(median(total)).arg(median(browser)).arg(median(exchange))
                .arg(median(stored)).arg(median(rest)));
    say(QStringLiteral("  each run: %1").arg([&] {
        QStringList runs;
        for (int i = 0; i < total.size(); ++i)
            runs << QStringLiteral("%1 = %2 + %3 + %4 ms")
                            .arg(total.at(i)).arg(browser.at(i)).arg(exchange.at(i))
                            .arg(stored.at(i));
        return runs.join(QStringLiteral("; "));
    }()));
    say(QStringLiteral("token endpoint, refresh_token grant, same form fields, %1 each "
                       "interleaved along one rotating chain (after %2 warm-up each), median:")
                .arg(kRefreshes).arg(kWarmUp));
    say(QStringLiteral("  chartkey TokenClient::refresh, call to TokenSet parsed  %1")
                .arg(spread(chartkeyWall)));
    say(QStringLiteral("    of which the HTTP exchange (http::send, warm connection)  %1")
                .arg(spread(chartkeyHttp)));
    say(QStringLiteral("  curl, time_total (connect to last byte)                %1")
                .arg(spread(curlTransfer)));
    say(QStringLiteral("  curl, whole process (start to exit)                    %1")
                .arg(spread(curlWall)));
    say(QStringLiteral("  chartkey's own overhead over curl's transfer: %1 (median difference)")
                .arg(ms(median(chartkeyWall) - median(curlTransfer))));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    return driver(argc, argv);
}

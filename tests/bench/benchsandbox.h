// What the benchmarks against the sandbox share: the driver's start (the sandbox the harness
// started, the profile saved and signed in), the access token a bare reference sends, and the
// bare download of patient search pages (one after another, not parsed). Benchmark code
// only: these wait in nested loops and say what went wrong on stdout or stderr.
#pragma once

#include "actions/ehrconnection.h"
#include "auth/session.h"
#include "benchsupport.h"
#include "browsersignin.h"
#include "net/http.h"
#include "sandbox.h"
#include "storage/profilestore.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

namespace chartkey::bench {

// The sandbox the harness started; nullopt after saying how to run the benchmark
// (`sandboxArgs`: what it needs of the sandbox, e.g. "--patients 100000").
inline std::optional<test::Sandbox> sandboxOrSayHow(const QString &sandboxArgs = {})
{
    if (test::Sandbox::available())
        return test::Sandbox::fromEnvironment();
    QString how;
    for (const QString &arg : sandboxArgs.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        how += QStringLiteral(" --sandbox-arg ") + arg;
    say(QStringLiteral("run inside tests/harness/with-peers.sh%1 (packaging/dev.sh bench)")
                .arg(how));
    return std::nullopt;
}

// Saves `profile` and signs it in through the sandbox's consent client (the scripted browser
// when there is none), the tokens to `secrets`; false after saying why not.
inline bool signIn(const Profile &profile, const test::Sandbox &sandbox, SecretStore *secrets,
                   QNetworkAccessManager *nam)
{
    ProfileStore().save(profile);
    const test::TestSignIn signedIn = test::signInWithScriptedBrowser(
            profile, secrets, nam, sandbox.consent.isEmpty() ? sandbox.browser : sandbox.consent);
    if (signedIn.failure)
        say(QStringLiteral("sign-in failed: ") + signedIn.failure.message);
    return !signedIn.failure;
}

// The connection's access token (from the keychain, renewed if need be), for a reference's
// bearer header; never printed. Empty after saying why on stderr.
inline QString accessToken(EhrConnection *connection)
{
    QString token;
    QEventLoop loop;
    connection->session()->accessToken()->then(&loop, [&](const TokenOutcome &outcome) {
        if (outcome.failure)
            std::fprintf(stderr, "no access token: %s\n", qPrintable(outcome.failure.message));
        token = outcome.accessToken;
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    return token;
}

// The bare download: Patient?_count=`pageSize`&_offset=… on `fhirBase`, one page after
// another with a plain QNetworkAccessManager and the bearer `token`, not parsed, until
// `wanted` patients were asked for. `onPage(body)` for each page, then `done(ok)` once, `ok`
// false at the first answer that is not a 200 (its status said on stderr).
inline void downloadPatientPages(QNetworkAccessManager *nam, QUrl fhirBase, const QString &token,
                                 int wanted, int pageSize,
                                 const std::function<void(const QByteArray &body)> &onPage,
                                 const std::function<void(bool ok)> &done)
{
    QString path = fhirBase.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    fhirBase.setPath(path + QStringLiteral("Patient"));
    const QByteArray bearer = "Bearer " + token.toUtf8();
    auto offset = std::make_shared<int>(0);
    auto next = std::make_shared<std::function<void()>>();
    // The function holds itself only while a reply is on its way.
    *next = [=, weak = std::weak_ptr<std::function<void()>>(next)] {
        if (*offset >= wanted) {
            done(true);
            return;
        }
        QUrl url = fhirBase;
        url.setQuery(QStringLiteral("_count=%1&_offset=%2").arg(pageSize).arg(*offset));
        QNetworkRequest request = http::makeRequest(url, "application/fhir+json");
        request.setRawHeader("Authorization", bearer);
        QNetworkReply *reply = nam->get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply,
                         [=, self = weak.lock()] {
                             const QByteArray body = reply->readAll();
                             const int status =
                                     reply->attribute(QNetworkRequest::HttpStatusCodeAttribute)
                                             .toInt();
                             reply->deleteLater();
                             if (status != 200) {
                                 std::fprintf(stderr, "bare download: HTTP %d\n", status);
                                 done(false);
                                 return;
                             }
                             onPage(body);
                             *offset += pageSize;
                             (*self)();
                         });
    };
    (*next)();
}

} // namespace chartkey::bench

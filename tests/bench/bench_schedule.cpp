// A day's schedule: what the desktop's Schedule view reads for a practitioner's day
// (FhirClient::schedule: the Appointment search with its patients included, then one
// Patient?_id= batch for any not included, parsed and sorted), against the bare requests: the
// same URLs fetched one after another with QNetworkAccessManager and the same bearer token,
// not parsed. Alternating, in one process, median of 50 each (tests/bench, run on demand:
// packaging/dev.sh bench).
//
// The sandbox's schedule is relative to the current date and empty at weekends: the day
// measured is the first from today on on which the signed-in practitioner has appointments.
#include "base/clock.h"
#include "benchsandbox.h"
#include "fhir/fhirclient.h"
#include "storage/keychainstore.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace chartkey;
using namespace chartkey::bench;

namespace {

const QString kProfile = QStringLiteral("Sandbox");
constexpr int kRounds = 50;

template<typename Result>
Result waitFor(Pending<Result> *pending)
{
    Result result{};
    QEventLoop loop;
    pending->then(&loop, [&](const Result &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

// GETs `urls` one after another; false when one did not answer 200.
bool bareRequests(QNetworkAccessManager *nam, const QList<QUrl> &urls, const QByteArray &bearer)
{
    for (const QUrl &url : urls) {
        QNetworkRequest request = http::makeRequest(url, "application/fhir+json");
        request.setRawHeader("Authorization", bearer);
        QNetworkReply *reply = nam->get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        (void)reply->readAll();
        reply->deleteLater();
        if (status != 200)
            return false;
    }
    return true;
}

double msSince(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::optional<test::Sandbox> found = sandboxOrSayHow();
    if (!found)
        return 2;
    const test::Sandbox &sandbox = *found;
    const Profile profile = sandbox.publicProfile(kProfile);
    KeychainStore keychain;
    QNetworkAccessManager nam;
    if (!signIn(profile, sandbox, &keychain, &nam))
        return 1;
    EhrConnection connection(profile, &keychain, &nam, Clock::system());
    const QString token = accessToken(&connection); // for the reference; never printed
    if (token.isEmpty())
        return 1;
    const QByteArray bearer = "Bearer " + token.toUtf8();
    FhirClient *fhir = connection.fhir();

    fhir::ScheduleOwner owner;
    owner.id = sandbox.fhirUser.section(QLatin1Char('/'), -1);
    QDate day = QDate::currentDate();
    fhir::Schedule first;
    for (int i = 0; i < 14; ++i, day = day.addDays(1)) {
        first = waitFor(fhir->schedule(day, owner));
        if (first.failure) {
            say(QStringLiteral("schedule failed: ") + first.failure.message);
            return 1;
        }
        if (!first.appointments.isEmpty())
            break;
    }
    if (first.appointments.isEmpty()) {
        say(QStringLiteral("no appointments in two weeks for %1").arg(sandbox.fhirUser));
        return 1;
    }
    // The bare requests: the same search, and the batch of the patients it did not include.
    QList<QUrl> urls{fhir->scheduleUrl(day, owner)};
    if (first.patientRequests > 0) {
        QStringList ids;
        for (const fhir::Appointment &a : std::as_const(first.appointments))
            if (!a.patientId.isEmpty() && !ids.contains(a.patientId))
                ids << a.patientId;
        urls << fhir->patientBatchUrl(ids);
    }
    sandbox.resetStats();

    QList<double> schedule, bare;
    for (int i = 0; i < kRounds; ++i) {
        QElapsedTimer clock;
        clock.start();
        const fhir::Schedule s = waitFor(fhir->schedule(day, owner));
        schedule << msSince(clock);
        if (s.failure || s.appointments.size() != first.appointments.size()) {
            say(QStringLiteral("a schedule read failed"));
            return 1;
        }
        clock.start();
        if (!bareRequests(&nam, urls, bearer)) {
            say(QStringLiteral("a bare request failed"));
            return 1;
        }
        bare << msSince(clock);
    }
    say(QStringLiteral("schedule: %1 appointments of %2 for %3, %4 request(s) (%5 appointment "
                       "page(s), %6 patient batch(es)); %7 rounds, alternating")
                .arg(first.appointments.size())
                .arg(day.toString(Qt::ISODate), sandbox.fhirUser)
                .arg(first.appointmentRequests + first.patientRequests)
                .arg(first.appointmentRequests)
                .arg(first.patientRequests)
                .arg(kRounds));
    const auto ms = [](double v) { return QString::number(v, 'f', 2); };
    say(QStringLiteral("  FhirClient::schedule, parsed and sorted   median %1 ms (min %2, max %3)")
                .arg(ms(median(schedule)), ms(minimum(schedule)), ms(maximum(schedule))));
    say(QStringLiteral("  reference: the same GETs, QNAM, unparsed  median %1 ms (min %2, max %3)")
                .arg(ms(median(bare)), ms(minimum(bare)), ms(maximum(bare))));
    say(QStringLiteral("  the schedule takes %1x the bare requests' time; token requests during "
                       "the runs: %2 (minimum 0)")
                .arg(median(schedule) / std::max(0.001, median(bare)), 0, 'f', 2)
                .arg(sandbox.tokenRequests(QStringLiteral("total"))));
    return 0;
}

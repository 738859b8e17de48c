// Token economy: how many token requests chartkey makes for a soak of API calls from many
// callers in several processes, over natural and forced expiries and process restarts,
// against the fewest that calls made at those times allow (tests/bench, run on demand:
// packaging/dev.sh bench).
//
//   bench_tokens                  the driver: sets the sandbox's access TTL to 5 s, signs in
//                                 once through the consent client, then runs 10 bursts of
//                                 100 calls on 4 worker processes (250 calls each slot), with
//                                 waits past the TTL, admin expire-tokens and restarts between
//                                 bursts
//   bench_tokens --child worker   one worker process: an EhrConnection on the stored sign-in;
//                                 on "burst N" from stdin, 16 concurrent callers make N calls
//                                 (ApiClient GET Patient?_count=1) and it prints what happened
//
// The minimum is computed from the times the calls asked for a token (and the times a call
// was retried after a 401): one token for the sign-in, one more each time a call finds the
// last token expired (its full TTL, no renewal lead) or killed by expire-tokens. Bursts are
// short and the waits longer than the TTL, so chartkey's renewal lead (a quarter of a short
// lifetime) costs nothing extra: the minimum is reachable exactly.
#include "actions/ehrconnection.h"
#include "api/apiclient.h"
#include "base/clock.h"
#include "benchsandbox.h"
#include "storage/keychainstore.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QSocketNotifier>
#include <QThread>

#include <unistd.h>

#include <memory>
#include <vector>

using namespace chartkey;
using namespace chartkey::bench;

namespace {

constexpr int kTtlSeconds = 5;
constexpr int kWorkers = 4;
constexpr int kCallers = 16;
constexpr int kCallsPerWorker = 250;
const QString kProfile = QStringLiteral("Sandbox");

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// ---------------------------------------------------------------------------------------
// The worker process.

class Worker final : public QObject
{
public:
    Worker(EhrConnection *connection, const QUrl &url)
        : m_connection(connection)
        , m_url(url)
    {
    }

    void burst(int calls)
    {
        m_remaining = calls;
        m_ok = m_failed = m_retried = 0;
        m_statuses.clear();
        m_needs.clear();
        m_firstFailure.clear();
        for (int i = 0; i < kCallers && m_remaining > 0; ++i)
            launch();
    }

private:
    void launch()
    {
        --m_remaining;
        ++m_inFlight;
        m_needs << nowMs();
        m_connection->api()->get(m_url)
                ->then(this, [this](const ApiResult &result) {
            --m_inFlight;
            if (result.attempts > 1) {
                ++m_retried;
                m_needs << nowMs(); // the retry needed a token too (approximately now)
            }
            ++m_statuses[result.response.status];
            if (!result.failure && result.response.status == 200) {
                ++m_ok;
            } else {
                ++m_failed;
                if (m_firstFailure.isEmpty())
                    m_firstFailure = result.failure ? result.failure.message
                                                    : QStringLiteral("HTTP %1").arg(
                                                              result.response.status);
            }
            if (m_remaining > 0)
                launch();
            else if (m_inFlight == 0)
                report();
        });
    }

    void report()
    {
        if (!m_firstFailure.isEmpty())
            std::fprintf(stderr, "bench_tokens worker: a call failed: %s\n",
                         qPrintable(m_firstFailure));
        QStringList statuses, needs;
        for (auto it = m_statuses.cbegin(); it != m_statuses.cend(); ++it)
            statuses << QStringLiteral("%1:%2").arg(it.key()).arg(it.value());
        for (qint64 t : std::as_const(m_needs))
            needs << QString::number(t);
        say(QStringLiteral("done %1 %2 %3 %4 %5")
                    .arg(m_ok)
                    .arg(m_failed)
                    .arg(m_retried)
                    .arg(statuses.join(QLatin1Char(',')), needs.join(QLatin1Char(','))));
    }

    EhrConnection *m_connection;
    QUrl m_url;
    int m_remaining = 0;
    int m_inFlight = 0;
    int m_ok = 0;
    int m_failed = 0;
    int m_retried = 0;
    QMap<int, int> m_statuses;
    QList<qint64> m_needs;
    QString m_firstFailure;
};

int childWorker(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::optional<Profile> profile = ProfileStore().load(kProfile);
    if (!profile) {
        std::fprintf(stderr, "bench_tokens worker: no profile %s\n", qPrintable(kProfile));
        return 1;
    }
    KeychainStore keychain;
    QNetworkAccessManager nam;
    EhrConnection connection(*profile, &keychain, &nam, Clock::system());
    QUrl url = profile->fhirBaseUrl;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + QStringLiteral("Patient"));
    url.setQuery(QStringLiteral("_count=1"));
    Worker worker(&connection, url);

    // Commands from the driver, one a line: "burst N", "quit".
    QByteArray pending;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            app.quit();
            return;
        }
        pending.append(buffer, n);
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QList<QByteArray> words = pending.left(end).trimmed().split(' ');
            pending.remove(0, end + 1);
            if (words.value(0) == "burst")
                worker.burst(words.value(1).toInt());
            else if (words.value(0) == "quit")
                app.quit();
        }
    });
    say(QStringLiteral("ready"));
    return app.exec();
}

// ---------------------------------------------------------------------------------------
// The driver.

struct Step
{
    bool waitForExpiry = false; // wait until the last token has expired (past its TTL)
    bool forceExpiry = false;   // admin expire-tokens
    int restart = 0;            // workers that exit and are replaced before the burst
};

// Before each of the 10 bursts.
const Step kSteps[] = {
    {},                  // 1: on the sign-in's token
    {true, false, 0},    // 2: expired
    {false, true, 0},    // 3: killed
    {false, false, 4},   // 4: all four restarted: the stored token is reused
    {true, false, 0},    // 5: expired
    {false, true, 4},    // 6: killed, then all restarted: new processes meet a killed token
    {true, false, 2},    // 7: expired, two restarted: new processes meet an expired token
    {false, true, 0},    // 8: killed
    {true, false, 0},    // 9: expired
    {false, true, 2},    // 10: killed, two restarted
};
constexpr int kBursts = int(sizeof kSteps / sizeof kSteps[0]);
static_assert(kCallsPerWorker % kBursts == 0);

struct Totals
{
    int ok = 0;
    int failed = 0;
    int retried = 0;
    QMap<int, int> statuses;
    QList<qint64> needs;
};

void addReport(const QStringList &f, Totals *totals)
{
    totals->ok += f.value(1).toInt();
    totals->failed += f.value(2).toInt();
    totals->retried += f.value(3).toInt();
    const QStringList statuses = f.value(4).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &s : statuses)
        totals->statuses[s.section(QLatin1Char(':'), 0, 0).toInt()] +=
                s.section(QLatin1Char(':'), 1, 1).toInt();
    const QStringList needs = f.value(5).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &t : needs)
        totals->needs << t.toLongLong();
}

struct Minimum
{
    int expiries = 0;
    int forced = 0;
    int total() const { return 1 + expiries + forced; }
};

// The fewest token requests that tokens living `ttlMs` allow for calls needing one at
// `needs`, with every token issued before a time in `killedAt` refused from then on: a new
// token is requested at the first need the current token cannot serve.
Minimum minimumFor(QList<qint64> needs, const QList<qint64> &killedAt, qint64 signedInAt,
                   qint64 ttlMs)
{
    std::sort(needs.begin(), needs.end());
    Minimum m;
    qint64 issued = signedInAt;
    for (qint64 t : std::as_const(needs)) {
        bool killed = false;
        for (qint64 k : killedAt)
            killed = killed || (k > issued && k <= t);
        if (killed) {
            ++m.forced;
            issued = t;
        } else if (t >= issued + ttlMs) {
            ++m.expiries;
            issued = t;
        }
    }
    return m;
}

QString statusList(const QMap<int, int> &statuses)
{
    QStringList parts;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        parts << QStringLiteral("%1: %2").arg(it.key() ? QString::number(it.key())
                                                       : QStringLiteral("no answer"))
                         .arg(it.value());
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

int driver(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::optional<test::Sandbox> found = sandboxOrSayHow();
    if (!found)
        return 2;
    const test::Sandbox &sandbox = *found;
    const Profile profile = sandbox.publicProfile(kProfile);
    KeychainStore keychain;
    QNetworkAccessManager nam;

    QElapsedTimer wall;
    wall.start();
    sandbox.setAccessTtl(kTtlSeconds); // before the sign-in: its tokens expire during the run
    sandbox.resetStats();
    if (!signIn(profile, sandbox, &keychain, &nam))
        return 1;
    const qint64 signedInAt = nowMs();

    std::vector<std::unique_ptr<Child>> workers;
    int processes = 0;
    auto startWorker = [&] {
        auto child = std::make_unique<Child>(QStringList{QStringLiteral("worker")});
        ++processes;
        if (child->expect(QStringLiteral("ready"), 60000).isEmpty())
            return std::unique_ptr<Child>();
        return child;
    };
    for (int i = 0; i < kWorkers; ++i) {
        workers.push_back(startWorker());
        if (!workers.back()) {
            say(QStringLiteral("a worker did not start"));
            return 1;
        }
    }

    Totals totals;
    QList<qint64> killedAt;
    qint64 lastBurstEnd = signedInAt;
    int waits = 0, restarts = 0, retriedAfterKill = 0, retriedOtherwise = 0;
    QList<qint64> burstMs;
    for (int b = 0; b < kBursts; ++b) {
        const Step &step = kSteps[b];
        if (step.waitForExpiry) {
            // Every token in use was issued by the end of the last burst.
            const qint64 until = lastBurstEnd + kTtlSeconds * 1000 + 300;
            while (nowMs() < until)
                QThread::msleep(quint64(std::min<qint64>(100, until - nowMs())));
            ++waits;
        }
        if (step.forceExpiry) {
            sandbox.expireTokens();
            killedAt << nowMs();
        }
        for (int i = 0; i < step.restart; ++i) {
            workers[size_t(i)]->write(QStringLiteral("quit"));
            workers[size_t(i)]->finish();
            workers[size_t(i)] = startWorker();
            if (!workers[size_t(i)]) {
                say(QStringLiteral("a restarted worker did not start"));
                return 1;
            }
        }
        if (step.restart)
            ++restarts;
        QElapsedTimer burst;
        burst.start();
        for (auto &w : workers)
            w->write(QStringLiteral("burst %1").arg(kCallsPerWorker / kBursts));
        for (auto &w : workers) {
            const QStringList f = w->expect(QStringLiteral("done"), 120000);
            if (f.isEmpty()) {
                say(QStringLiteral("a worker did not finish its burst"));
                return 1;
            }
            const int retriedBefore = totals.retried;
            addReport(f, &totals);
            (step.forceExpiry ? retriedAfterKill : retriedOtherwise) +=
                    totals.retried - retriedBefore;
        }
        burstMs << burst.elapsed();
        lastBurstEnd = nowMs();
    }
    for (auto &w : workers) {
        w->write(QStringLiteral("quit"));
        w->finish();
    }

    const QJsonObject stats = sandbox.stats();
    const QJsonObject token = stats.value(QStringLiteral("token")).toObject();
    const QJsonObject api = stats.value(QStringLiteral("api")).toObject();
    QMap<int, int> served;
    for (auto it = api.constBegin(); it != api.constEnd(); ++it)
        served[it.key().toInt()] = it.value().toInt();
    const int requests = token.value(QStringLiteral("total")).toInt();
    const Minimum minimum = minimumFor(totals.needs, killedAt, signedInAt, kTtlSeconds * 1000);
    const int calls = kWorkers * kCallsPerWorker;

    say(QStringLiteral("token economy: %1 API calls (GET Patient?_count=1 through ApiClient), "
                       "%2 worker processes at a time x %3 concurrent callers, access TTL %4 s")
                .arg(calls).arg(kWorkers).arg(kCallers).arg(kTtlSeconds));
    say(QStringLiteral("  %1 bursts of %2 calls (median %3 ms, longest %4 ms); before them: "
                       "%5 waits past the TTL, %6 forced expiries (admin expire-tokens), "
                       "%7 restarts (%8 worker processes in all); wall time %9 s")
                .arg(kBursts).arg(calls / kBursts).arg(median(burstMs)).arg(maximum(burstMs))
                .arg(waits).arg(killedAt.size()).arg(restarts).arg(processes)
                .arg(QString::number(wall.elapsed() / 1000.0, 'f', 1)));
    say(QStringLiteral("  token requests: %1 (minimum %2)   [authorization_code %3, "
                       "refresh_token %4, other %5]")
                .arg(requests).arg(minimum.total())
                .arg(token.value(QStringLiteral("authorization_code")).toInt())
                .arg(token.value(QStringLiteral("refresh_token")).toInt())
                .arg(requests - token.value(QStringLiteral("authorization_code")).toInt()
                     - token.value(QStringLiteral("refresh_token")).toInt()));
    say(QStringLiteral("  minimum = 1 sign-in + %1 expiries + %2 forced expiries, from the "
                       "times the calls asked for a token (tokens used for their full TTL)")
                .arg(minimum.expiries).arg(minimum.forced));
    say(QStringLiteral("  calls, as the callers saw them: %1 done (HTTP 200), %2 failed; "
                       "%3 renewed the token after a 401 and were sent once more")
                .arg(totals.ok).arg(totals.failed).arg(totals.retried));
    say(QStringLiteral("  API responses, as the sandbox counted them: %1")
                .arg(statusList(served)));
    say(QStringLiteral("  401s in the bursts after a forced expiry: %1 (callers already holding "
                       "the killed token; at most %2 a burst); in the other bursts: %3 "
                       "(expected 0: renewed before expiry)")
                .arg(retriedAfterKill).arg(kWorkers * kCallers).arg(retriedOtherwise));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 3 && qstrcmp(argv[1], "--child") == 0 && qstrcmp(argv[2], "worker") == 0)
        return childWorker(argc, argv);
    return driver(argc, argv);
}

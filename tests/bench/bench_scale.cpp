// Scale: search results of 10,000 and 100,000 patients paged in through the engine, against
// the bare download of the same pages and the same rows in a plain QStandardItemModel, each
// run in its own process so that peak memory is per run (tests/bench, run on demand:
// packaging/dev.sh bench; the sandbox runs with --patients 100000).
//
//   bench_scale                       the driver: signs in once, runs the children, prints
//   bench_scale --child chartkey N    PatientModel over an EhrConnection's FhirClient, page
//                                     size 100 (the sandbox's maximum), fetchMore until N rows
//   bench_scale --child http N        the same N/100 pages (Patient?_count=100&_offset=...)
//                                     downloaded one after another with QNetworkAccessManager
//                                     and the same bearer token, not parsed
//   bench_scale --child rows N        N rows of 4 short strings in a QStandardItemModel
//
// Each child gets its token (from the keychain) before the clock starts, notes its peak
// resident set (getrusage) as the baseline, then reports: time to the first row, total time,
// peak resident set at the end. Memory per patient = (end - baseline) / N.
#include "base/clock.h"
#include "benchsandbox.h"
#include "fhir/fhirclient.h"
#include "fhir/patientmodel.h"
#include "storage/keychainstore.h"

#include <QJsonObject>
#include <QStandardItemModel>
#include <QUrlQuery>

using namespace chartkey;
using namespace chartkey::bench;

namespace {

constexpr int kPageSize = 100;
const QString kProfile = QStringLiteral("Sandbox");

void report(int rows, qint64 firstMs, qint64 totalMs, long baselineKb, qint64 bytes = 0)
{
    say(QStringLiteral("done %1 %2 %3 %4 %5 %6")
                .arg(rows).arg(firstMs).arg(totalMs).arg(baselineKb).arg(peakRssKb())
                .arg(bytes));
}

int childChartkey(int argc, char **argv, int wanted)
{
    QCoreApplication app(argc, argv);
    const std::optional<Profile> profile = ProfileStore().load(kProfile);
    if (!profile)
        return 1;
    KeychainStore keychain;
    QNetworkAccessManager nam;
    EhrConnection connection(*profile, &keychain, &nam, Clock::system());
    if (accessToken(&connection).isEmpty())
        return 1;
    PatientModel model(connection.fhir());
    model.setPageSize(kPageSize);
    const long baselineKb = peakRssKb();
    QElapsedTimer clock;
    qint64 firstMs = -1;
    QObject::connect(&model, &PatientModel::pageLoaded, &app, [&](int added) {
        if (firstMs < 0 && added > 0)
            firstMs = clock.elapsed();
        if (model.state() == PatientModel::State::Failed) {
            std::fprintf(stderr, "bench_scale: a page failed: %s\n",
                         qPrintable(model.failure().message));
            app.exit(1);
            return;
        }
        if (model.rowCount() >= wanted || !model.canFetchMore({})) {
            report(model.rowCount(), firstMs, clock.elapsed(), baselineKb);
            app.quit();
            return;
        }
        model.fetchMore({});
    });
    clock.start();
    model.search(QUrlQuery());
    return app.exec();
}

int childHttp(int argc, char **argv, int wanted)
{
    QCoreApplication app(argc, argv);
    const std::optional<Profile> profile = ProfileStore().load(kProfile);
    if (!profile)
        return 1;
    KeychainStore keychain;
    QNetworkAccessManager nam;
    EhrConnection connection(*profile, &keychain, &nam, Clock::system());
    const QString token = accessToken(&connection);
    if (token.isEmpty())
        return 1;

    const long baselineKb = peakRssKb();
    QElapsedTimer clock;
    qint64 firstMs = -1, bytes = 0;
    int rows = 0;
    clock.start();
    downloadPatientPages(
            &nam, profile->fhirBaseUrl, token, wanted, kPageSize,
            [&](const QByteArray &body) {
                bytes += body.size();
                rows += kPageSize;
                if (firstMs < 0)
                    firstMs = clock.elapsed();
            },
            [&](bool ok) {
                if (ok)
                    report(rows, firstMs, clock.elapsed(), baselineKb, bytes);
                app.exit(ok ? 0 : 1);
            });
    return app.exec();
}

int childRows(int argc, char **argv, int rows)
{
    QCoreApplication app(argc, argv);
    const long baselineKb = peakRssKb();
    QElapsedTimer clock;
    clock.start();
    QStandardItemModel model(0, 4);
    for (int i = 0; i < rows; ++i) {
        model.appendRow({new QStandardItem(QStringLiteral("Family%1, Given%1").arg(i)),
                         new QStandardItem(QStringLiteral("1970-01-01")),
                         new QStandardItem(QStringLiteral("female")),
                         new QStandardItem(QStringLiteral("MRN%1").arg(i, 6, 10, QLatin1Char('0')))});
    }
    report(model.rowCount(), 0, clock.elapsed(), baselineKb);
    return 0;
}

struct Run
{
    int rows = 0;
    qint64 firstMs = -1;
    qint64 totalMs = -1;
    long baselineKb = 0;
    long peakKb = 0;
    qint64 bytes = 0;
    bool ok = false;
};

Run runChild(const QString &mode, int rows)
{
    Child child({mode, QString::number(rows)});
    const QStringList f = child.expect(QStringLiteral("done"), 600000);
    Run r;
    r.ok = !f.isEmpty() && child.finish() == 0;
    r.rows = f.value(1).toInt();
    r.firstMs = f.value(2).toLongLong();
    r.totalMs = f.value(3).toLongLong();
    r.baselineKb = f.value(4).toLong();
    r.peakKb = f.value(5).toLong();
    r.bytes = f.value(6).toLongLong();
    return r;
}

Run medianRun(QList<Run> runs)
{
    std::sort(runs.begin(), runs.end(),
              [](const Run &a, const Run &b) { return a.totalMs < b.totalMs; });
    return runs.value(runs.size() / 2);
}

QString perRow(const Run &r)
{
    if (r.rows <= 0)
        return QStringLiteral("-");
    return QString::number((r.peakKb - r.baselineKb) * 1024.0 / r.rows, 'f', 0)
            + QStringLiteral(" B");
}

QString line(const QString &what, const Run &r, bool first)
{
    return QStringLiteral("  %1 %2 %3 %4 %5 %6")
            .arg(what, -44)
            .arg(r.rows, 7)
            .arg(first ? QStringLiteral("%1 ms").arg(r.firstMs) : QStringLiteral("-"), 9)
            .arg(QStringLiteral("%1 ms").arg(r.totalMs), 10)
            .arg(mib(r.peakKb), 10)
            .arg(perRow(r), 7);
}

int driver(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::optional<test::Sandbox> found = sandboxOrSayHow(QStringLiteral("--patients 100000"));
    if (!found)
        return 2;
    const test::Sandbox &sandbox = *found;
    const Profile profile = sandbox.publicProfile(kProfile);
    KeychainStore keychain;
    QNetworkAccessManager nam;
    if (!signIn(profile, sandbox, &keychain, &nam))
        return 1;
    sandbox.resetStats();

    say(QStringLiteral("scale: all patients paged in, page size %1, one process per run "
                       "(peak RSS by getrusage; per patient = growth over the baseline after "
                       "the token was read)").arg(kPageSize));
    say(QStringLiteral("  %1 %2 %3 %4 %5 %6")
                .arg(QString(), -44).arg(QStringLiteral("rows"), 7)
                .arg(QStringLiteral("first row"), 9).arg(QStringLiteral("total"), 10)
                .arg(QStringLiteral("peak RSS"), 10).arg(QStringLiteral("per row"), 7));
    bool ok = true;
    for (const int n : {10000, 100000}) {
        // 10,000: the median run of 3 (by total time); 100,000: one run each.
        const int rounds = n <= 10000 ? 3 : 1;
        QList<Run> chartkeyRuns, downloadRuns, rowsRuns;
        for (int i = 0; i < rounds; ++i) {
            chartkeyRuns << runChild(QStringLiteral("chartkey"), n);
            downloadRuns << runChild(QStringLiteral("http"), n);
            rowsRuns << runChild(QStringLiteral("rows"), n);
        }
        const Run chartkey = medianRun(chartkeyRuns);
        const Run download = medianRun(downloadRuns);
        const Run rows = medianRun(rowsRuns);
        for (const QList<Run> *runs : {&chartkeyRuns, &downloadRuns, &rowsRuns})
            for (const Run &r : *runs)
                ok = ok && r.ok && r.rows == n;
        if (rounds > 1)
            say(QStringLiteral("  %1 patients, median run of %2 (by total time):").arg(n).arg(rounds));
        say(line(QStringLiteral("chartkey PatientModel via EhrConnection"), chartkey, true));
        say(line(QStringLiteral("reference: same pages, QNAM, not parsed"), download, true)
            + QStringLiteral("  (%1 MiB downloaded)").arg(download.bytes / 1048576.0, 0, 'f', 1));
        say(line(QStringLiteral("reference: QStandardItemModel, 4 strings"), rows, false));
        if (chartkey.totalMs > 0 && download.totalMs > 0)
            say(QStringLiteral("  %1 patients: chartkey %2 ms per page against %3 ms to download "
                               "it; %4x the bare download")
                        .arg(n)
                        .arg(double(chartkey.totalMs) / (n / kPageSize), 0, 'f', 2)
                        .arg(double(download.totalMs) / (n / kPageSize), 0, 'f', 2)
                        .arg(double(chartkey.totalMs) / double(download.totalMs), 0, 'f', 2));
    }
    const int tokenRequests = sandbox.tokenRequests(QStringLiteral("total"));
    say(QStringLiteral("  token requests during the runs: %1 (minimum 0: the stored token is "
                       "reused); API responses: 200: %2, other: %3")
                .arg(tokenRequests)
                .arg(sandbox.apiResponses(200))
                .arg([&] {
                    const QJsonObject api = sandbox.stats().value(QStringLiteral("api")).toObject();
                    int other = 0;
                    for (auto it = api.constBegin(); it != api.constEnd(); ++it)
                        if (it.key() != QLatin1String("200"))
                            other += it.value().toInt();
                    return other;
                }()));
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 4 && qstrcmp(argv[1], "--child") == 0) {
        const int rows = atoi(argv[3]);
        if (qstrcmp(argv[2], "chartkey") == 0)
            return childChartkey(argc, argv, rows);
        if (qstrcmp(argv[2], "http") == 0)
            return childHttp(argc, argv, rows);
        if (qstrcmp(argv[2], "rows") == 0)
            return childRows(argc, argv, rows);
        return 2;
    }
    return driver(argc, argv);
}

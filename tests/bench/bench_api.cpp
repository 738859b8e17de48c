// chartkey api --paginate over 100,000 patients (1,000 pages of 100), as one Bundle and as
// NDJSON, against the bare download of the same pages: with a plain QNetworkAccessManager
// (one page after another, not parsed) and with curl (one process, the same URLs). Time and
// peak memory of each, and of `chartkey api` reading one page (the process's own floor):
// `--paginate` streams, so its peak should stay near that floor however many pages there are
// (tests/bench, run on demand: packaging/dev.sh bench; the sandbox runs with --patients
// 100000).
//
//   bench_api                                the driver: signs in once, runs each case in a
//                                            process of its own, round after round
//   bench_api --child measure PROGRAM ARGS   runs PROGRAM with this process's standard input,
//                                            reads its output as it comes (as a pipe to jq
//                                            would), and reports the time, PROGRAM's peak
//                                            resident set and CPU time (getrusage
//                                            RUSAGE_CHILDREN: the only child), the bytes,
//                                            lines and entries seen
//   bench_api --child qnam N                 the reference: N/100 pages
//                                            (Patient?_count=100&_offset=...) one after
//                                            another, bearer token from standard input,
//                                            each body written to standard output unparsed
//
// The token is read from the keychain by the driver and handed to the references on their
// standard input (QNAM) or in a file only this user reads (curl -H @FILE); it is never
// printed, nor put on a command line.
#include "base/clock.h"
#include "benchsandbox.h"
#include "storage/keychainstore.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

using namespace chartkey;
using namespace chartkey::bench;

namespace {

constexpr int kPatients = 100000;
constexpr int kPageSize = 100;
constexpr int kRounds = 3;
const QString kProfile = QStringLiteral("Sandbox");

QString chartkeyBinary()
{
    return qEnvironmentVariable("CHARTKEY_BIN", QStringLiteral(CHARTKEY_BIN_PATH));
}

// ---------------------------------------------------------------- children

int childMeasure(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(3);
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setInputChannelMode(QProcess::ForwardedInputChannel);
    process.setReadChannel(QProcess::StandardOutput);
    qint64 bytes = 0, lines = 0, entries = 0;
    QByteArray tail;
    static const QByteArray kEntry = "\"fullUrl\":";
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &app, [&] {
        const QByteArray chunk = process.readAllStandardOutput();
        bytes += chunk.size();
        lines += chunk.count('\n');
        // An entry's mark may straddle two chunks: look at the end of the last one too.
        const QByteArray seen = tail + chunk;
        entries += seen.count(kEntry);
        tail = seen.right(kEntry.size() - 1);
    });
    QByteArray err;
    QObject::connect(&process, &QProcess::readyReadStandardError, &app,
                     [&] { err += process.readAllStandardError(); });
    QElapsedTimer clock;
    QObject::connect(&process, &QProcess::finished, &app, [&](int code, QProcess::ExitStatus) {
        const qint64 ms = clock.elapsed();
        const QByteArray rest = process.readAllStandardOutput();
        bytes += rest.size();
        lines += rest.count('\n');
        entries += (tail + rest).count(kEntry);
        rusage usage{};
        getrusage(RUSAGE_CHILDREN, &usage);
        if (code != 0)
            std::fprintf(stderr, "bench_api: %s exited %d: %s\n", qPrintable(args.value(0)), code,
                         err.left(400).constData());
        const qint64 cpuMs = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
                + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
        say(QStringLiteral("done %1 %2 %3 %4 %5 %6 %7")
                    .arg(ms).arg(usage.ru_maxrss).arg(bytes).arg(lines).arg(entries).arg(code)
                    .arg(cpuMs));
        app.quit();
    });
    clock.start();
    process.start(args.value(0), args.mid(1));
    return app.exec();
}

int childQnam(int argc, char **argv, int wanted)
{
    QCoreApplication app(argc, argv);
    const std::optional<Profile> profile = ProfileStore().load(kProfile);
    if (!profile)
        return 1;
    QTextStream in(stdin);
    const QString token = in.readLine().trimmed();
    QFile out;
    out.open(1, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle);
    QNetworkAccessManager nam;
    downloadPatientPages(
            &nam, profile->fhirBaseUrl, token, wanted, kPageSize,
            [&out](const QByteArray &body) { out.write(body); },
            [&app](bool ok) { app.exit(ok ? 0 : 1); });
    return app.exec();
}

// ---------------------------------------------------------------- the driver

struct Run
{
    qint64 ms = -1;
    long peakKb = 0;
    qint64 bytes = 0;
    qint64 lines = 0;
    qint64 entries = 0;
    qint64 cpuMs = 0;   // user + system time of the process
    bool ok = false;
};

Run measure(const QStringList &command, const QByteArray &input = {})
{
    Child child(QStringList{QStringLiteral("measure")} + command);
    if (!input.isEmpty())
        child.write(QString::fromUtf8(input));
    const QStringList f = child.expect(QStringLiteral("done"), 600000);
    Run r;
    r.ms = f.value(1).toLongLong();
    r.peakKb = f.value(2).toLong();
    r.bytes = f.value(3).toLongLong();
    r.lines = f.value(4).toLongLong();
    r.entries = f.value(5).toLongLong();
    r.ok = !f.isEmpty() && f.value(6) == QLatin1String("0") && child.finish() == 0;
    r.cpuMs = f.value(7).toLongLong();
    return r;
}

Run medianRun(QList<Run> runs)
{
    std::sort(runs.begin(), runs.end(), [](const Run &a, const Run &b) { return a.ms < b.ms; });
    return runs.value(runs.size() / 2);
}

QString row(const QString &what, const QList<Run> &runs)
{
    const Run m = medianRun(runs);
    QStringList times, peaks;
    for (const Run &r : runs) {
        times << QString::number(r.ms / 1000.0, 'f', 2);
        peaks << QString::number(r.peakKb / 1024.0, 'f', 1);
    }
    return QStringLiteral("  %1 %2 %3 %4 %5  (runs: %6 s; %7 MiB)")
            .arg(what, -50)
            .arg(QStringLiteral("%1 s").arg(m.ms / 1000.0, 0, 'f', 2), 8)
            .arg(QStringLiteral("%1 s").arg(m.cpuMs / 1000.0, 0, 'f', 2), 8)
            .arg(mib(m.peakKb), 10)
            .arg(QStringLiteral("%1 MiB").arg(m.bytes / 1048576.0, 0, 'f', 1), 10)
            .arg(times.join(QStringLiteral(", ")), peaks.join(QStringLiteral(", ")));
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
    EhrConnection connection(profile, &keychain, &nam, Clock::system());
    const QByteArray token = accessToken(&connection).toUtf8(); // for the references; never printed
    if (token.isEmpty()) {
        say(QStringLiteral("no access token"));
        return 1;
    }

    const QString search = QStringLiteral("Patient?_count=%1").arg(kPageSize);
    const QString ck = chartkeyBinary();
    const QStringList bundle{ck, QStringLiteral("--profile"), kProfile, QStringLiteral("api"),
                             QStringLiteral("--paginate"), search};
    const QStringList ndjson{ck, QStringLiteral("--profile"), kProfile, QStringLiteral("api"),
                             QStringLiteral("--paginate"), QStringLiteral("--ndjson"), search};
    const QStringList onePage{ck, QStringLiteral("--profile"), kProfile, QStringLiteral("api"),
                              search};
    const QStringList qnam{QCoreApplication::applicationFilePath(), QStringLiteral("--child"),
                           QStringLiteral("qnam"), QString::number(kPatients)};
    // curl reads the header from a file of this user's only (-H @FILE).
    QTemporaryDir dir;
    QFile headerFile(dir.filePath(QStringLiteral("authorization")));
    if (!dir.isValid() || !headerFile.open(QIODevice::WriteOnly)
        || !headerFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner)) {
        say(QStringLiteral("no private file for curl's header"));
        return 1;
    }
    headerFile.write("Authorization: Bearer " + token + '\n');
    headerFile.close();
    const QStringList curl{QStringLiteral("curl"), QStringLiteral("-sS"), QStringLiteral("--fail"),
                           QStringLiteral("-H"), QLatin1Char('@') + headerFile.fileName(),
                           QStringLiteral("-H"), QStringLiteral("Accept: application/fhir+json"),
                           sandbox.fhirBase.toString()
                                   + QStringLiteral("/Patient?_count=%1&_offset=[0-%2:%1]")
                                             .arg(kPageSize)
                                             .arg(kPatients - kPageSize)};
    const QByteArray bearer = token;

    sandbox.resetStats();
    QList<Run> bundleRuns, ndjsonRuns, pageRuns, qnamRuns, curlRuns;
    for (int round = 0; round < kRounds; ++round) {
        // The order turns from round to round.
        for (int k = 0; k < 5; ++k) {
            switch ((round + k) % 5) {
            case 0: bundleRuns << measure(bundle); break;
            case 1: ndjsonRuns << measure(ndjson); break;
            case 2: pageRuns << measure(onePage); break;
            case 3: qnamRuns << measure(qnam, bearer); break;
            default: curlRuns << measure(curl); break;
            }
        }
    }

    bool ok = true;
    QStringList problems;
    const auto check = [&](const QString &what, const QList<Run> &runs, qint64 entries,
                           qint64 lines = -1) {
        for (const Run &r : runs) {
            if (!r.ok || r.entries != entries || (lines >= 0 && r.lines != lines)) {
                ok = false;
                problems << QStringLiteral("%1: exit ok %2, %3 entries, %4 lines")
                                    .arg(what).arg(r.ok).arg(r.entries).arg(r.lines);
            }
        }
    };
    check(QStringLiteral("bundle"), bundleRuns, kPatients, 1);
    check(QStringLiteral("ndjson"), ndjsonRuns, 0, kPatients);
    check(QStringLiteral("one page"), pageRuns, kPageSize);
    check(QStringLiteral("qnam"), qnamRuns, kPatients);
    check(QStringLiteral("curl"), curlRuns, kPatients);

    say(QStringLiteral("api --paginate: %1 patients, %2 pages of %3, output piped to the "
                       "benchmark; median of %4 runs by time, each in a process of its own "
                       "(peak RSS by getrusage)")
                .arg(kPatients).arg(kPatients / kPageSize).arg(kPageSize).arg(kRounds));
    say(QStringLiteral("  %1 %2 %3 %4 %5").arg(QString(), -50).arg(QStringLiteral("time"), 8)
                .arg(QStringLiteral("CPU"), 8).arg(QStringLiteral("peak RSS"), 10)
                .arg(QStringLiteral("output"), 10));
    say(row(QStringLiteral("chartkey api --paginate (one Bundle)"), bundleRuns));
    say(row(QStringLiteral("chartkey api --paginate --ndjson"), ndjsonRuns));
    say(row(QStringLiteral("chartkey api, one page (the process's floor)"), pageRuns));
    say(row(QStringLiteral("reference: same pages, plain QNAM, not parsed"), qnamRuns));
    say(row(QStringLiteral("reference: curl, one process, same URLs"), curlRuns));
    const Run b = medianRun(bundleRuns), q = medianRun(qnamRuns), c = medianRun(curlRuns);
    if (q.ms > 0 && c.ms > 0)
        say(QStringLiteral("  --paginate takes %1x the QNAM download's time (%2x its CPU) and %3x "
                           "curl's; its peak is %4 above one page's")
                    .arg(double(b.ms) / double(q.ms), 0, 'f', 2)
                    .arg(double(b.cpuMs) / double(std::max<qint64>(1, q.cpuMs)), 0, 'f', 2)
                    .arg(double(b.ms) / double(c.ms), 0, 'f', 2)
                    .arg(mib(b.peakKb - medianRun(pageRuns).peakKb)));
    say(QStringLiteral("  token requests during the runs: %1 (minimum 0: the stored token is "
                       "reused)")
                .arg(sandbox.tokenRequests(QStringLiteral("total"))));
    for (const QString &p : std::as_const(problems))
        say(QStringLiteral("  PROBLEM: ") + p);
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 3 && qstrcmp(argv[1], "--child") == 0) {
        if (qstrcmp(argv[2], "measure") == 0)
            return childMeasure(argc, argv);
        if (qstrcmp(argv[2], "qnam") == 0 && argc >= 4)
            return childQnam(argc, argv, atoi(argv[3]));
        return 2;
    }
    return driver(argc, argv);
}

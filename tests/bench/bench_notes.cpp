// Note actions: 200 notes locked and signed (lock_sign) through NoteBatch, and through the
// command line, against the same 200 POSTs made one after another with a plain
// QNetworkAccessManager and the same bearer token; and whether chartkey made any token
// request on the way (tests/bench, run on demand: packaging/dev.sh bench; the sandbox runs
// with --patients 3000: every patient n has a note note-<n>-1, and each note can be
// lock_signed once, so every run takes 200 notes of its own).
//
// The token is fresh (signed in just before, access TTL 10 h): the minimum of token requests
// for every run is 0. The in-process runs share one QNetworkAccessManager and an
// EhrConnection that already holds the token; the command-line run is a new process
// (`chartkey note lock-sign ID...`, start to exit: it reads the keychain first).
#include "base/clock.h"
#include "benchsandbox.h"
#include "notes/notebatch.h"
#include "notes/notesclient.h"
#include "storage/keychainstore.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>

#include <functional>
#include <memory>

using namespace chartkey;
using namespace chartkey::bench;

namespace {

constexpr int kNotes = 200;
constexpr int kRounds = 5;
const QString kProfile = QStringLiteral("Sandbox");

struct Run
{
    qint64 ms = -1;
    int done = 0;
    int tokenRequests = 0;
};

QStringList noteIds(int first)
{
    QStringList ids;
    for (int n = first; n < first + kNotes; ++n)
        ids << QStringLiteral("note-%1-1").arg(n);
    return ids;
}

Run withNoteBatch(EhrConnection *connection, const QStringList &ids)
{
    Run run;
    NoteBatch batch(connection->notes(), NoteAction::LockSign, ids);
    batch.setAutoDelete(false);
    QEventLoop loop;
    QElapsedTimer clock;
    batch.then(&loop, [&](const QList<NoteResult> &results) {
        run.ms = clock.elapsed();
        for (const NoteResult &r : results)
            run.done += r.done ? 1 : 0;
        loop.quit();
    });
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    clock.start();
    batch.start();
    loop.exec();
    return run;
}

Run withPlainQnam(QNetworkAccessManager *nam, const QUrl &notesBase, const QString &token,
                  const QStringList &ids)
{
    Run run;
    const QByteArray bearer = "Bearer " + token.toUtf8();
    QEventLoop loop;
    QElapsedTimer clock;
    int index = 0;
    auto next = std::make_shared<std::function<void()>>();
    *next = [&, next] {
        if (index == ids.size()) {
            run.ms = clock.elapsed();
            loop.quit();
            return;
        }
        QUrl url = notesBase;
        QString path = notesBase.path();
        if (!path.endsWith(QLatin1Char('/')))
            path += QLatin1Char('/');
        url.setPath(path + QStringLiteral("notes/") + ids.at(index) + QStringLiteral("/lock_sign"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", bearer);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = nam->post(request, QByteArray("{}"));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, next] {
            reply->readAll();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                ++run.done;
            reply->deleteLater();
            ++index;
            (*next)();
        });
    };
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    clock.start();
    (*next)();
    loop.exec();
    return run;
}

Run withCommandLine(const QStringList &ids)
{
    Run run;
    QProcess cli;
    QElapsedTimer clock;
    clock.start();
    cli.start(qEnvironmentVariable("CHARTKEY_BIN", QStringLiteral(CHARTKEY_BIN_PATH)),
              QStringList{QStringLiteral("--profile"), kProfile, QStringLiteral("note"),
                          QStringLiteral("lock-sign")}
                      + ids);
    if (!cli.waitForFinished(300000)) {
        cli.kill();
        cli.waitForFinished();
        return run;
    }
    run.ms = clock.elapsed();
    // Done notes are reported on stdout, one a line; the others on stderr.
    run.done = int(cli.readAllStandardOutput().count('\n'));
    const QByteArray err = cli.readAllStandardError();
    if (cli.exitCode() != 0)
        std::fprintf(stderr, "bench_notes: chartkey note exited %d: %s\n", cli.exitCode(),
                     err.left(500).constData());
    return run;
}

int driver(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::optional<test::Sandbox> found = sandboxOrSayHow(QStringLiteral("--patients 3000"));
    if (!found)
        return 2;
    const test::Sandbox &sandbox = *found;
    const Profile profile = sandbox.publicProfile(kProfile);
    KeychainStore keychain;
    QNetworkAccessManager nam;
    if (!signIn(profile, sandbox, &keychain, &nam))
        return 1;
    EhrConnection connection(profile, &keychain, &nam, Clock::system());
    const QString token = accessToken(&connection); // the reference's bearer token, never printed
    if (token.isEmpty()) {
        say(QStringLiteral("no access token"));
        return 1;
    }

    QList<qint64> batchMs, plainMs, cliMs;
    int batchDone = 0, plainDone = 0, cliDone = 0, batchTokens = 0, cliTokens = 0;
    sandbox.resetStats();
    for (int round = 0; round < kRounds; ++round) {
        const int first = 1 + round * 3 * kNotes;
        // Rotate the order from round to round.
        for (int k = 0; k < 3; ++k) {
            const int which = (round + k) % 3;
            const QStringList ids = noteIds(first + which * kNotes);
            const int before = sandbox.tokenRequests(QStringLiteral("total"));
            Run r;
            if (which == 0)
                r = withNoteBatch(&connection, ids);
            else if (which == 1)
                r = withPlainQnam(&nam, profile.notesBaseUrl, token, ids);
            else
                r = withCommandLine(ids);
            r.tokenRequests = sandbox.tokenRequests(QStringLiteral("total")) - before;
            if (r.ms < 0) {
                say(QStringLiteral("a run did not finish"));
                return 1;
            }
            (which == 0 ? batchMs : which == 1 ? plainMs : cliMs) << r.ms;
            (which == 0 ? batchDone : which == 1 ? plainDone : cliDone) += r.done;
            if (which == 0)
                batchTokens += r.tokenRequests;
            else if (which == 2)
                cliTokens += r.tokenRequests;
        }
    }

    auto rate = [](qint64 ms) { return QString::number(kNotes * 1000.0 / double(ms), 'f', 0); };
    auto row = [&](const QString &what, const QList<qint64> &ms, int done) {
        return QStringLiteral("  %1 %2 ms  %3 notes/s   (runs %4 ms; %5 of %6 done)")
                .arg(what, -58)
                .arg(median(ms), 5)
                .arg(rate(median(ms)), 5)
                .arg([&] {
                    QStringList s;
                    for (qint64 v : ms)
                        s << QString::number(v);
                    return s.join(QStringLiteral(", "));
                }())
                .arg(done)
                .arg(kNotes * kRounds);
    };
    say(QStringLiteral("note actions: %1 notes locked and signed (lock_sign), one after another, "
                       "median of %2 runs, each run on notes of its own:")
                .arg(kNotes).arg(kRounds));
    say(row(QStringLiteral("chartkey NoteBatch via EhrConnection (in process)"), batchMs,
            batchDone));
    say(row(QStringLiteral("chartkey note lock-sign <200 ids> (new process, to exit)"), cliMs,
            cliDone));
    say(row(QStringLiteral("reference: the same POSTs, plain QNAM, same bearer token"), plainMs,
            plainDone));
    say(QStringLiteral("  token requests added: NoteBatch %1, command line %2 (minimum 0: "
                       "the token is fresh)")
                .arg(batchTokens).arg(cliTokens));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    return driver(argc, argv);
}

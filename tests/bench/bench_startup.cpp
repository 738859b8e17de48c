// Start-up and memory of the desktop app, against a bare Qt Widgets window measured the
// same way in the same run (tests/bench, run on demand: packaging/dev.sh bench).
//
//   bench_startup                 the driver: signs in once through the consent client,
//                                 then starts each child several times and prints figures
//   bench_startup --child bare    a QMainWindow with an empty QTableView; ready at its
//                                 first paint
//   bench_startup --child chartkey [--load N]
//                                 chartkey's window with a stored token; ready when the
//                                 first patients are painted; with --load, pages in N
//                                 patients and reports memory
//   bench_startup --child bare-rows N
//                                 the bare window holding N rows of 4 short strings in a
//                                 QStandardItemModel: what plain Qt needs for the same data
//
// Time is measured by the driver, from starting the process to the child's "ready" line.
// Memory is the child's peak resident set (getrusage).
#include "auth/urlopener.h"
#include "browsersignin.h"
#include "fhir/patientmodel.h"
#include "sandbox.h"
#include "storage/keychainstore.h"
#include "storage/profilestore.h"
#include "ui/mainwindow.h"
#include "ui/patientspanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace chartkey;

namespace {

QString mib(long kb)
{
    return QString::number(kb / 1024.0, 'f', 1);
}

long peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// Reports "ready" at the first paint of `viewport` for which `ready()` holds.
class FirstPaint final : public QObject
{
public:
    FirstPaint(QWidget *viewport, std::function<bool()> ready, std::function<void()> then)
        : QObject(viewport)
        , m_ready(std::move(ready))
        , m_then(std::move(then))
    {
        viewport->installEventFilter(this);
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (!m_done && event->type() == QEvent::Paint && m_ready()) {
            m_done = true;
            // After this paint has been delivered.
            QTimer::singleShot(0, this, m_then);
        }
        return false;
    }

private:
    std::function<bool()> m_ready;
    std::function<void()> m_then;
    bool m_done = false;
};

int childBare(int argc, char **argv, int rows)
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto *view = new QTableView(&window);
    auto *model = new QStandardItemModel(0, 4, view);
    for (int i = 0; i < rows; ++i) {
        model->appendRow({new QStandardItem(QStringLiteral("Family%1, Given%1").arg(i)),
                          new QStandardItem(QStringLiteral("1970-01-01")),
                          new QStandardItem(QStringLiteral("female")),
                          new QStandardItem(QStringLiteral("MRN%1").arg(i, 6, 10, QLatin1Char('0')))});
    }
    view->setModel(model);
    window.setCentralWidget(view);
    window.resize(1100, 720);
    new FirstPaint(view->viewport(), [] { return true; }, [&] {
        say(QStringLiteral("ready %1").arg(peakRssKb()));
        if (rows)
            say(QStringLiteral("loaded %1 %2").arg(rows).arg(peakRssKb()));
        app.quit();
    });
    window.show();
    return app.exec();
}

int childChartkey(int argc, char **argv, int load)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("chartkey"));
    QApplication::setApplicationName(QStringLiteral("chartkey"));
    KeychainStore keychain;
    CommandUrlOpener opener(QStringLiteral("true"));
    ui::MainWindow window(&keychain, &opener);
    ui::PatientsPanel *patients = window.patients();
    QElapsedTimer loading;
    auto loadMore = std::make_shared<std::function<void()>>();
    *loadMore = [&, loadMore] {
        PatientModel *model = patients->model();
        if (model->rowCount() >= load || !model->canFetchMore({})) {
            say(QStringLiteral("loaded %1 %2 %3")
                        .arg(model->rowCount())
                        .arg(peakRssKb())
                        .arg(loading.elapsed()));
            app.quit();
            return;
        }
        model->fetchMore({});
    };
    new FirstPaint(patients->view()->viewport(),
                   [patients] { return patients->model() && patients->model()->rowCount() > 0; },
                   [&, loadMore] {
                       say(QStringLiteral("ready %1").arg(peakRssKb()));
                       if (load <= 0) {
                           app.quit();
                           return;
                       }
                       loading.start();
                       QObject::connect(patients->model(), &PatientModel::pageLoaded, &app,
                                        [loadMore] { (*loadMore)(); });
                       (*loadMore)();
                   });
    window.show();
    return app.exec();
}

struct Run
{
    qint64 readyMs = -1;
    long readyKb = 0;
    int loaded = 0;
    long loadedKb = 0;
    qint64 loadMs = 0;
};

Run runChild(const QStringList &args)
{
    Run run;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    child.start(QCoreApplication::applicationFilePath(), QStringList{QStringLiteral("--child")} + args);
    while (child.state() != QProcess::NotRunning || child.canReadLine()) {
        if (!child.canReadLine() && !child.waitForReadyRead(120000))
            break;
        while (child.canReadLine()) {
            const QStringList f = QString::fromLatin1(child.readLine()).trimmed().split(QLatin1Char(' '));
            if (f.value(0) == QLatin1String("ready")) {
                run.readyMs = clock.elapsed();
                run.readyKb = f.value(1).toLong();
            } else if (f.value(0) == QLatin1String("loaded")) {
                run.loaded = f.value(1).toInt();
                run.loadedKb = f.value(2).toLong();
                run.loadMs = f.value(3).toLongLong();
            }
        }
    }
    child.waitForFinished(10000);
    return run;
}

qint64 median(QList<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? -1 : v.at(v.size() / 2);
}

int driver(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("chartkey"));
    QCoreApplication::setApplicationName(QStringLiteral("chartkey"));
    QTextStream out(stdout);
    if (!test::Sandbox::available() || qEnvironmentVariableIsEmpty("DISPLAY")) {
        out << "run inside tests/harness/with-peers.sh --xvfb (packaging/dev.sh bench)\n";
        return 2;
    }
    const test::Sandbox sandbox = test::Sandbox::fromEnvironment();
    const Profile profile = sandbox.publicProfile(QStringLiteral("Sandbox"));
    ProfileStore().save(profile);
    KeychainStore keychain;
    QNetworkAccessManager nam;
    const auto signedIn = test::signInThroughConsent(profile, &keychain, &nam, sandbox);
    if (signedIn.failure) {
        out << "sign-in failed: " << signedIn.failure.message << "\n";
        return 1;
    }
    const int rounds = qEnvironmentVariableIntValue("BENCH_ROUNDS") > 0
            ? qEnvironmentVariableIntValue("BENCH_ROUNDS")
            : 7;
    QList<qint64> bare, chartkeyMs;
    long bareKb = 0, chartkeyKb = 0;
    sandbox.resetStats();
    for (int i = 0; i < rounds; ++i) {
        const Run b = runChild({QStringLiteral("bare")});
        const Run c = runChild({QStringLiteral("chartkey")});
        bare << b.readyMs;
        chartkeyMs << c.readyMs;
        bareKb = std::max(bareKb, b.readyKb);
        chartkeyKb = std::max(chartkeyKb, c.readyKb);
    }
    const int tokenRequests = sandbox.tokenRequests(QStringLiteral("total"));
    const Run big = runChild({QStringLiteral("chartkey"), QStringLiteral("--load"),
                              QStringLiteral("10000")});
    const Run bareBig = runChild({QStringLiteral("bare-rows"), QStringLiteral("10000")});

    out << "start-up, process start to first paint (median of " << rounds << ", Xvfb):\n"
        << "  bare Qt Widgets window (empty table)          " << median(bare) << " ms, peak RSS "
        << mib(bareKb) << " MiB\n"
        << "  chartkey, stored token, first patients shown  " << median(chartkeyMs)
        << " ms, peak RSS " << mib(chartkeyKb) << " MiB\n"
        << "  token requests made by those " << rounds << " starts: " << tokenRequests
        << " (minimum 0: the stored token is reused)\n"
        << "memory with 10,000 patients:\n"
        << "  chartkey, " << big.loaded << " patients paged in (" << big.loadMs << " ms)   peak RSS "
        << mib(big.loadedKb) << " MiB, "
        << (big.loadedKb - big.readyKb) * 1024.0 / std::max(1, big.loaded - 50)
        << " bytes per patient after the first page\n"
        << "  bare window, 10,000 rows in a QStandardItemModel   peak RSS "
        << mib(bareBig.loadedKb) << " MiB\n";
    out.flush();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 3 && qstrcmp(argv[1], "--child") == 0) {
        if (qstrcmp(argv[2], "bare") == 0)
            return childBare(argc, argv, 0);
        if (qstrcmp(argv[2], "bare-rows") == 0)
            return childBare(argc, argv, argc > 3 ? atoi(argv[3]) : 0);
        const int load = argc > 4 && qstrcmp(argv[3], "--load") == 0 ? atoi(argv[4]) : 0;
        return childChartkey(argc, argv, load);
    }
    return driver(argc, argv);
}

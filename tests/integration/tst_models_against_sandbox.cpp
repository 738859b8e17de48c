// The data models under QAbstractItemModelTester, fed by the sandbox's FHIR server:
// PatientModel paging through Bundle next links, AppointmentModel, and the ActivityLog.
// The session uses the sandbox's client-credentials client, so no browser is involved. The
// connection (one client-credentials token) is shared; what a test function checks in the
// activity log it records on a connection of its own.
#include "auth/session.h"
#include "actions/ehrconnection.h"
#include "fhir/patientmodel.h"
#include "net/activitylog.h"
#include "resultspy.h"
#include "sandbox.h"
#include "storage/keychainstore.h"
#include "base/clock.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace chartkey;
using chartkey::test::Sandbox;

class TestModelsAgainstSandbox final : public QObject
{
    Q_OBJECT

private:
    Sandbox m_sandbox;
    KeychainStore m_keychain;
    QNetworkAccessManager m_nam;
    ActivityLog m_activity;
    Profile m_profile;
    std::unique_ptr<EhrConnection> m_connection;

    static QUrlQuery query(const QString &name, const QString &value)
    {
        QUrlQuery q;
        if (!value.isEmpty())
            q.addQueryItem(name, value);
        return q;
    }

    static void waitForPage(PatientModel &model)
    {
        QSignalSpy page(&model, &PatientModel::pageLoaded);
        QVERIFY(page.wait(20000));
    }

    // The patient searches `log` has recorded (answered or failed).
    static int patientSearchesIn(const ActivityLog &log)
    {
        int searches = 0;
        for (int row = 0; row < log.rowCount(); ++row)
            searches += log.exchange(row).url.contains(QLatin1String("/Patient")) ? 1 : 0;
        return searches;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!Sandbox::available())
            QSKIP("runs under tests/harness/with-peers.sh");
        m_sandbox = Sandbox::fromEnvironment();
        m_profile = m_sandbox.publicProfile(QStringLiteral("Service"));
        m_profile.clientId = m_sandbox.serviceClientId;
        m_profile.clientType = Profile::ClientType::Confidential;
        m_profile.grant = Profile::Grant::ClientCredentials;
        m_profile.scope = QStringLiteral("system/Patient.read system/Appointment.read");
        QVERIFY(test::waitFor(m_keychain.write(m_profile.clientSecretKey(),
                                               m_sandbox.serviceSecret.toUtf8()))
                        .isOk());
        m_connection = std::make_unique<EhrConnection>(m_profile, &m_keychain, &m_nam,
                                                       Clock::system(), &m_activity);
    }

    void init()
    {
        m_sandbox.resetModes();
        m_sandbox.resetStats();
    }

    void aSearchFillsTheModelAndTheTesterFindsNoFault()
    {
        PatientModel model(m_connection->fhir());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.search(query(QStringLiteral("family"), QStringLiteral("Briddle")));
        QCOMPARE(model.state(), PatientModel::State::Loading);
        waitForPage(model);
        QCOMPARE(model.state(), PatientModel::State::Loaded);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.total(), 3);
        QVERIFY(!model.canFetchMore({}));
        for (int row = 0; row < 3; ++row) {
            QVERIFY(model.index(row, PatientModel::Name).data().toString().startsWith(
                    QLatin1String("Briddle, ")));
            QVERIFY(!model.index(row, 0).data(PatientModel::PatientIdRole).toString().isEmpty());
        }
    }

    void fetchMoreWalksEveryPageOnceAndStops()
    {
        PatientModel model(m_connection->fhir());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(25);
        m_sandbox.resetStats();
        model.search({});
        waitForPage(model);
        QVERIFY(model.rowCount() >= 25);
        // The tester itself calls fetchMore() too: whoever asks, one page is on its way at
        // a time, and every page is requested once.
        while (model.rowCount() < model.total()) {
            if (model.canFetchMore({}))
                model.fetchMore({});
            QVERIFY(!model.canFetchMore({}));
            waitForPage(model);
        }
        QCOMPARE(model.rowCount(), model.total());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(m_sandbox.apiResponses(200), (model.total() + 24) / 25);
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(model.index(row, 0).data(PatientModel::PatientIdRole).toString());
        QCOMPARE(ids.size(), model.rowCount());
    }

    void noMatchIsTheEmptyState()
    {
        PatientModel model(m_connection->fhir());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.search(query(QStringLiteral("family"), QStringLiteral("Nobody-Has-This-Name")));
        waitForPage(model);
        QCOMPARE(model.state(), PatientModel::State::Empty);
        QCOMPARE(model.rowCount(), 0);
    }

    void aServerFailureIsTheFailedStateWithItsMessage()
    {
        PatientModel model(m_connection->fhir());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_sandbox.failNext(QStringLiteral("api"), 1, QStringLiteral("503"));
        model.search({});
        waitForPage(model);
        QCOMPARE(model.state(), PatientModel::State::Failed);
        QCOMPARE(model.failure().httpStatus, 503);
        QVERIFY(!model.failure().message.isEmpty());
        QVERIFY(!model.canFetchMore({}));
    }

    void aNewSearchIgnoresTheAnswerToTheOldOne()
    {
        PatientModel model(m_connection->fhir());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int searchesBefore = patientSearchesIn(m_activity);
        model.search({});
        model.search(query(QStringLiteral("family"), QStringLiteral("Briddle")));
        waitForPage(model);
        // The first search's answer arrives too (the log records it as it is handed on), and
        // must have been dropped.
        QTRY_COMPARE_WITH_TIMEOUT(patientSearchesIn(m_activity), searchesBefore + 2, 20000);
        QCoreApplication::processEvents();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.total(), 3);
    }

    void appointmentsCarryTheirNoteIds()
    {
        PatientModel patients(m_connection->fhir());
        patients.search(query(QStringLiteral("family"), QStringLiteral("Briddle")));
        waitForPage(patients);
        AppointmentModel model(m_connection->fhir());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &AppointmentModel::loaded);
        model.load(patients.patient(0).id);
        QVERIFY(loaded.wait(20000));
        QVERIFY(model.failure().isOk());
        QVERIFY(model.rowCount() >= 1);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row, 0)
                            .data(AppointmentModel::NoteIdRole)
                            .toString()
                            .startsWith(QLatin1String("note-")));
    }

    void theActivityLogRecordedTheExchangesRedacted()
    {
        // A connection of its own, on a profile of its own (so that no token stored by the
        // tests above is reused): a token request (client credentials) and a few pages.
        Profile profile = m_profile;
        profile.name = QStringLiteral("Activity");
        QVERIFY(test::waitFor(m_keychain.write(profile.clientSecretKey(),
                                               m_sandbox.serviceSecret.toUtf8()))
                        .isOk());
        QVERIFY(test::waitFor(m_keychain.remove(profile.tokensKey())).isOk());
        ActivityLog activity;
        EhrConnection connection(profile, &m_keychain, &m_nam, Clock::system(), &activity);
        PatientModel model(connection.fhir());
        model.setPageSize(10);
        model.search({});
        waitForPage(model);
        for (int page = 0; page < 4 && model.canFetchMore({}); ++page) {
            model.fetchMore({});
            waitForPage(model);
        }

        QAbstractItemModelTester tester(&activity, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(activity.rowCount() > 5);
        const QString token = connection.session()->current().accessToken;
        QVERIFY(!token.isEmpty());
        bool sawTokenRequest = false;
        for (int row = 0; row < activity.rowCount(); ++row) {
            const HttpExchange &e = activity.exchange(row);
            QVERIFY(!e.responseBody.contains(token.toUtf8()));
            QVERIFY(!e.requestBody.contains(m_sandbox.serviceSecret.toUtf8()));
            for (const auto &header : e.requestHeaders)
                QVERIFY(!header.second.contains(token.toUtf8()));
            if (e.url.contains(QLatin1String("/auth/token/"))) {
                sawTokenRequest = true;
                QVERIFY(e.responseBody.contains("\"access_token\":\"[redacted]\""));
            }
        }
        QVERIFY(sawTokenRequest);
    }
};

QTEST_GUILESS_MAIN(TestModelsAgainstSandbox)
#include "tst_models_against_sandbox.moc"

// The desktop window against the sandbox EHR and a real keyring, offscreen: what a
// clinician does in a day, and what they see when something goes wrong.
#include "ui/activitydock.h"
#include "auth/session.h"
#include "auth/urlopener.h"
#include "browsersignin.h"
#include "ehrconnection.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "net/activitylog.h"
#include "ui/patientdetail.h"
#include "ui/patientspanel.h"
#include "sandbox.h"
#include "storage/keychainstore.h"
#include "storage/profilestore.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace chartkey;
using namespace chartkey::ui;
using chartkey::test::Sandbox;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    Sandbox m_sandbox;
    KeychainStore m_keychain;
    QNetworkAccessManager m_nam;
    std::unique_ptr<CommandUrlOpener> m_browser;

    static void waitForPatients(MainWindow &w, int atLeast)
    {
        QTRY_VERIFY_WITH_TIMEOUT(w.patients()->model()
                                         && w.patients()->model()->rowCount() >= atLeast
                                         && w.patients()->model()->state()
                                                 != PatientModel::State::Loading,
                                 20000);
    }

    // Searches `family`, selects the first patient, waits for the appointments.
    static void openFirstPatient(MainWindow &w, const QString &family)
    {
        w.patients()->search(QStringLiteral("family"), family);
        waitForPatients(w, 1);
        QTableView *view = w.patients()->view();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTRY_VERIFY_WITH_TIMEOUT(w.detail()->appointmentModel()
                                         && w.detail()->appointmentModel()->rowCount() > 0,
                                 20000);
    }

    // Selects the first appointment with status `status` and returns its note id.
    static QString selectAppointment(MainWindow &w, const QString &status)
    {
        AppointmentModel *model = w.detail()->appointmentModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->appointment(row).status == status) {
                w.detail()->appointmentsView()->selectRow(row);
                return model->appointment(row).noteId;
            }
        }
        return {};
    }

    static QString lastResult(MainWindow &w)
    {
        QListWidget *results = w.detail()->results();
        return results->count() ? results->item(results->count() - 1)->text() : QString();
    }

    static void runAndWait(MainWindow &w, NoteAction action)
    {
        QSignalSpy finished(w.detail(), &PatientDetailPanel::batchFinished);
        QAction *a = w.detail()->action(action);
        QVERIFY2(a->isEnabled(), qPrintable(displayName(action)));
        a->trigger();
        QVERIFY(finished.wait(20000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!Sandbox::available())
            QSKIP("runs under tests/harness/with-peers.sh");
        m_sandbox = Sandbox::fromEnvironment();
        m_browser = std::make_unique<CommandUrlOpener>(m_sandbox.browser);
        ProfileStore().save(m_sandbox.publicProfile());
        const auto signedIn = test::signInWithScriptedBrowser(m_sandbox.publicProfile(),
                                                              &m_keychain, &m_nam,
                                                              m_sandbox.browser);
        QVERIFY2(signedIn.failure.isOk(), qPrintable(signedIn.failure.message));
    }

    void startingSignedInReusesTheStoredTokenAndListsPatients()
    {
        m_sandbox.resetStats();
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        waitForPatients(w, 10);
        QVERIFY2(w.connectionText().startsWith(QLatin1String("Signed in to 127.0.0.1")),
                 qPrintable(w.connectionText()));
        QVERIFY(w.connectionText().contains(QLatin1String("renews automatically")));
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("total")), 0);
        QVERIFY(m_sandbox.apiResponses(200) >= 1);
        // The activity dock saw the FHIR request, without the bearer token.
        QVERIFY(w.activityLog()->rowCount() >= 1);
        const HttpExchange &e = w.activityLog()->exchange(0);
        QVERIFY(e.url.contains(QLatin1String("/Patient")));
        for (const auto &[name, value] : e.requestHeaders) {
            if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
                QCOMPARE(value, QByteArray("Bearer [redacted]"));
        }
    }

    void scrollingPagesInMorePatients()
    {
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        w.patients()->search(QStringLiteral("name"), QString());
        waitForPatients(w, 50);
        const int firstPage = w.patients()->model()->rowCount();
        QCOMPARE(firstPage, 50);
        QVERIFY(w.patients()->model()->canFetchMore({}));
        w.patients()->view()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(w.patients()->model()->rowCount() > firstPage, 20000);
    }

    void searchSelectAndLockAndSignShowsTheResultInPlace()
    {
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        openFirstPatient(w, QStringLiteral("Briddle"));
        const QString note = selectAppointment(w, QStringLiteral("booked"));
        QVERIFY(!note.isEmpty());
        QCOMPARE(w.detail()->noteIds(), QStringList{note});
        QVERIFY(w.detail()->action(NoteAction::CheckIn)->isEnabled());
        runAndWait(w, NoteAction::LockSign);
        QVERIFY2(lastResult(w).contains(QLatin1String("done")), qPrintable(lastResult(w)));
        QCOMPARE(m_sandbox.noteState(note).value(QStringLiteral("state")).toString(),
                 QStringLiteral("signed"));
        QVERIFY(!w.banner()->isVisible());

        // Signing again is not a valid transition: said in place, the note is unchanged.
        runAndWait(w, NoteAction::Sign);
        QVERIFY2(lastResult(w).contains(QLatin1String("not possible")),
                 qPrintable(lastResult(w)));
        QCOMPARE(m_sandbox.noteState(note).value(QStringLiteral("state")).toString(),
                 QStringLiteral("signed"));
    }

    void checkInIsOfferedOnlyForBookedAppointments()
    {
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        openFirstPatient(w, QStringLiteral("Briddle"));
        if (selectAppointment(w, QStringLiteral("fulfilled")).isEmpty())
            QSKIP("this patient has no fulfilled appointment");
        QVERIFY(w.detail()->action(NoteAction::Lock)->isEnabled());
        QVERIFY(!w.detail()->action(NoteAction::CheckIn)->isEnabled());
        QVERIFY(!w.detail()->action(NoteAction::NoShow)->isEnabled());
    }

    void anUnknownNoteIdTypedByHandIsReportedAsNotFound()
    {
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        waitForPatients(w, 1);
        w.detail()->noteIdEdit()->setText(QStringLiteral("note-does-not-exist"));
        runAndWait(w, NoteAction::Lock);
        QVERIFY2(lastResult(w).contains(QLatin1String("not found")), qPrintable(lastResult(w)));
    }

    void aTokenExpiredDuringAnActionIsRenewedSilently()
    {
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        openFirstPatient(w, QStringLiteral("Briddle"));
        const QString note = selectAppointment(w, QStringLiteral("fulfilled"));
        QVERIFY(!note.isEmpty());
        m_sandbox.expireTokens();
        m_sandbox.resetStats();
        runAndWait(w, NoteAction::Lock);
        QVERIFY2(lastResult(w).contains(QLatin1String("done")), qPrintable(lastResult(w)));
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("refresh_token")), 1);
        QCOMPARE(m_sandbox.apiResponses(401), 1);
        QVERIFY(!w.banner()->isVisible());
        QVERIFY(w.connectionText().startsWith(QLatin1String("Signed in")));
    }

    void anEndedSessionAsksForSignInAndKeepsThePendingAction()
    {
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        openFirstPatient(w, QStringLiteral("Briddle"));
        const QString note = selectAppointment(w, QStringLiteral("fulfilled"));
        QVERIFY(!note.isEmpty());
        const QString before = m_sandbox.noteState(note).value(QStringLiteral("state")).toString();

        // The EHR ends the session: revoke the grant, then make the access token unusable.
        const TokenSet stored = w.connection()->session()->current();
        QVERIFY(stored.canRefresh());
        QNetworkRequest revoke(QUrl(m_sandbox.instance.toString()
                                    + QStringLiteral("/auth/revoke_token/")));
        revoke.setHeader(QNetworkRequest::ContentTypeHeader,
                         QByteArray("application/x-www-form-urlencoded"));
        QNetworkReply *reply = m_nam.post(
                revoke, "token=" + QUrl::toPercentEncoding(stored.refreshToken)
                        + "&token_type_hint=refresh_token&client_id="
                        + m_sandbox.publicClientId.toUtf8());
        QSignalSpy revoked(reply, &QNetworkReply::finished);
        QVERIFY(revoked.wait(10000));
        reply->deleteLater();
        m_sandbox.expireTokens();

        runAndWait(w, NoteAction::Unlock);
        QVERIFY(w.banner()->isVisible());
        QVERIFY2(w.banner()->text().contains(QLatin1String("Sign in again")),
                 qPrintable(w.banner()->text()));
        QCOMPARE(w.banner()->actionText(), QStringLiteral("Sign in again"));
        QVERIFY(w.detail()->hasPending());
        QTRY_VERIFY2(w.connectionText().startsWith(QLatin1String("Signed out")),
                     qPrintable(w.connectionText()));
        QCOMPARE(m_sandbox.noteState(note).value(QStringLiteral("state")).toString(), before);

        // Sign in again through the browser; the window offers the action that was kept.
        w.banner()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w.banner()->actionText() == QStringLiteral("Retry"), 60000);
        QTRY_VERIFY2(w.connectionText().startsWith(QLatin1String("Signed in")),
                     qPrintable(w.connectionText()));
        QSignalSpy finished(w.detail(), &PatientDetailPanel::batchFinished);
        w.banner()->trigger();
        QVERIFY(finished.wait(20000));
        QVERIFY2(lastResult(w).contains(QLatin1String("done")), qPrintable(lastResult(w)));
        QVERIFY(!w.detail()->hasPending());
    }

    void theActivityDockCopiesARedactedCurlCommand()
    {
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        waitForPatients(w, 1);
        QTableView *view = w.activity()->view();
        view->setCurrentIndex(view->model()->index(view->model()->rowCount() - 1, 0));
        const QString curl = w.activity()->selectedAsCurl();
        QVERIFY2(curl.startsWith(QLatin1String("curl ")), qPrintable(curl));
        QVERIFY(curl.contains(QLatin1String("Bearer $ACCESS_TOKEN")));
        const QString token = w.connection()->session()->current().accessToken;
        QVERIFY(!token.isEmpty());
        QVERIFY(!curl.contains(token));
        QVERIFY(!w.activity()->details().contains(token));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

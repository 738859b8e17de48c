// The desktop window against the sandbox EHR and a real keyring, offscreen: what a
// clinician does in a day, and what they see when something goes wrong. A test function that
// needs the sandbox's public client signed in does so itself (signInToTheSandbox(): through
// the consent client, in-process); the window's own "Sign in again" opens the consent client
// too (the real browser step is tested on Xvfb, tests/gui/xvfb). The note actions pick what
// the note's current state allows, so that no test depends on what another did to the note.
#include "ui/accessibility.h"
#include "ui/activitydock.h"
#include "auth/session.h"
#include "auth/urlopener.h"
#include "browsersignin.h"
#include "actions/ehrconnection.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "net/activitylog.h"
#include "ui/patientdetail.h"
#include "ui/patientspanel.h"
#include "resultspy.h"
#include "sandbox.h"
#include "fakeclock.h"
#include "fhir/schedulemodel.h"
#include "ui/schedulepanel.h"
#include "storage/keychainstore.h"
#include "profile/presets.h"
#include "storage/profilestore.h"
#include "ui/profileeditor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QComboBox>
#include <QDate>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QUrlQuery>
#include <QTimer>
#include <QToolBar>

#include <memory>
#include <optional>

using namespace chartkey;
using namespace chartkey::ui;
using chartkey::test::Sandbox;

namespace {

// Opens nothing; remembers what it was asked to open.
class RecordingUrlOpener final : public UrlOpener
{
public:
    bool open(const QUrl &url, QString *) override
    {
        opened << url;
        return true;
    }
    QList<QUrl> opened;
};

} // namespace

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

    // Signs the sandbox's public client ("Sandbox") in through the consent client, and makes
    // it the profile the window opens on.
    void signInToTheSandbox()
    {
        const Profile profile = m_sandbox.publicProfile();
        ProfileStore().save(profile);
        QSettings().setValue(QStringLiteral("ui/lastProfile"), profile.name);
        const auto signedIn = test::signInThroughConsent(profile, &m_keychain, &m_nam, m_sandbox);
        QVERIFY2(signedIn.failure.isOk(), qPrintable(signedIn.failure.message));
    }

    // Opens the first Briddle and selects a fulfilled appointment: its note id, and in `doable`
    // what the note's state allows (Lock when it is new, else Unlock: whatever another test did
    // to the note), in `state` that state.
    QString selectFulfilledNote(MainWindow &w, NoteAction *doable, QString *state = nullptr)
    {
        openFirstPatient(w, QStringLiteral("Briddle"));
        const QString note = selectAppointment(w, QStringLiteral("fulfilled"));
        const QString now = m_sandbox.noteState(note).value(QStringLiteral("state")).toString();
        *doable = now == QLatin1String("new") ? NoteAction::Lock : NoteAction::Unlock;
        if (state)
            *state = now;
        return note;
    }

    static QString lastResult(MainWindow &w)
    {
        QListWidget *results = w.detail()->results();
        return results->count() ? results->item(results->count() - 1)->text() : QString();
    }

    // A Canvas sandbox profile with a token made on the dashboard (kind canvas-sandbox-token).
    Profile staticTokenProfile(const QString &name) const
    {
        return makeProfile(Profile::Kind::CanvasSandboxToken,
                           {name, m_sandbox.instance, m_sandbox.fhirBase, {}});
    }

    // A static-token profile, saved, with a token the sandbox made stored as set-token does.
    // Returns the token (empty on failure).
    QString saveWithMintedToken(const Profile &profile)
    {
        const QString token = m_sandbox.mintStaticToken(QStringLiteral("canvas"));
        if (token.isEmpty())
            return {};
        ProfileStore().save(profile);
        storeStaticToken(profile.tokensKey(), token);
        return QTest::currentTestFailed() ? QString() : token;
    }

    // What the keychain holds under `key` (waits for it).
    SecretStore::Result keychainEntry(const QString &key)
    {
        return test::waitFor(m_keychain.read(key), 20000);
    }

    // The static token stored under `key`, as `chartkey profile set-token` stores it.
    void storeStaticToken(const QString &key, const QString &token)
    {
        const SecretStore::Result result = test::waitFor(
                m_keychain.write(key, staticTokenSet(token, QDateTime::currentDateTimeUtc()).toJson()),
                20000);
        QVERIFY2(result.isOk(), qPrintable(result.message));
    }

    void removeKeychainEntry(const QString &key)
    {
        QVERIFY(test::waitFor(m_keychain.remove(key), 20000).isOk());
    }

    static QString storedAccessToken(const SecretStore::Result &entry)
    {
        bool ok = false;
        const TokenSet tokens = TokenSet::fromJson(entry.data, &ok);
        return ok ? tokens.accessToken : QString();
    }

    // The window as it opens on `profile` (the last profile used).
    static std::unique_ptr<MainWindow> openOn(const QString &profile, SecretStore *secrets,
                                              UrlOpener *opener)
    {
        QSettings().setValue(QStringLiteral("ui/lastProfile"), profile);
        auto w = std::make_unique<MainWindow>(secrets, opener);
        w->show();
        return w;
    }

    // Pastes `token` into the window's token entry and stores it.
    static void pasteToken(QDialog *entry, const QString &token)
    {
        QVERIFY(entry);
        auto *edit = entry->findChild<QLineEdit *>(QStringLiteral("accessToken"));
        QVERIFY(edit);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        edit->setText(token);
        QPushButton *store =
                entry->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(store->isEnabled());
        store->click();
    }

    // Runs `action` on what is selected, confirming it when asked (Sign, Lock & sign).
    static void runAndWait(MainWindow &w, NoteAction action)
    {
        QSignalSpy finished(w.detail(), &PatientDetailPanel::batchFinished);
        QAction *a = w.detail()->action(action);
        QVERIFY2(a->isEnabled(), qPrintable(displayName(action) + QStringLiteral(": ")
                                            + a->toolTip()));
        a->trigger();
        if (auto *confirm = w.findChild<QDialog *>(QStringLiteral("confirmNoteAction"))) {
            auto *run = confirm->findChild<QPushButton *>(QStringLiteral("confirmRun"));
            QVERIFY(run);
            run->click();
        }
        QVERIFY(finished.wait(20000));
    }

    // Clicks the toolbar button of `action`, as a person does.
    static void clickToolbarButton(MainWindow &w, QAction *action)
    {
        QVERIFY(action && action->isVisible() && action->isEnabled());
        QWidget *button = nullptr;
        for (QToolBar *bar : w.findChildren<QToolBar *>()) {
            if ((button = bar->widgetForAction(action)))
                break;
        }
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
    }

private Q_SLOTS:
    void cleanup()
    {
        // The scenarios below open other profiles; the others expect the sandbox's, and a
        // window that opens on every patient (the last search is remembered).
        QSettings settings;
        settings.setValue(QStringLiteral("ui/lastProfile"), QStringLiteral("Sandbox"));
        settings.remove(QStringLiteral("ui/searchText"));
        settings.remove(QStringLiteral("ui/searchField"));
    }

    void initTestCase()
    {
        if (!Sandbox::available())
            QSKIP("runs under tests/harness/with-peers.sh");
        m_sandbox = Sandbox::fromEnvironment();
        m_browser = std::make_unique<CommandUrlOpener>(m_sandbox.consent);
    }

    void init()
    {
        m_sandbox.resetModes();
    }

    void startingSignedInReusesTheStoredTokenAndListsPatients()
    {
        signInToTheSandbox();
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
        int patientRow = -1;
        for (int row = 0; row < w.activityLog()->rowCount() && patientRow < 0; ++row) {
            if (w.activityLog()->exchange(row).url.contains(QLatin1String("/Patient")))
                patientRow = row;
        }
        QVERIFY(patientRow >= 0);
        const HttpExchange &e = w.activityLog()->exchange(patientRow);
        for (const auto &[name, value] : e.requestHeaders) {
            if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
                QCOMPARE(value, QByteArray("Bearer [redacted]"));
        }
    }

    // SMART Backend Services in the desktop app: the window makes the profile's key (File →
    // Copy public key), the JWKS from the clipboard is registered at the sandbox, and the
    // session gets a client-credentials token signed with that key.
    void aBackendServiceWithAKeyGetsTokensInTheDesktopApp()
    {
        PresetInputs in;
        in.name = QStringLiteral("Backend");
        in.fhirBaseUrl = m_sandbox.fhirBase;
        Profile p = makeProfile(Profile::Kind::SmartBackend, in);
        p.clientId = QStringLiteral("desktop-backend");
        p.scope = QStringLiteral("system/Patient.read system/Appointment.read");
        p.tokenUrl = m_sandbox.tokenEndpoint;
        p.revocationUrl = m_sandbox.revocationEndpoint;
        QVERIFY(p.validate().isEmpty());
        ProfileStore().save(p);
        QSettings().setValue(QStringLiteral("ui/lastProfile"), p.name);
        QVERIFY(test::waitFor(m_keychain.remove(p.clientKeyKey()), 20000).isOk());
        QVERIFY(test::waitFor(m_keychain.remove(p.tokensKey()), 20000).isOk());

        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        QVERIFY(w.connection());
        QCOMPARE(w.connection()->profile().name, p.name);
        QVERIFY(w.copyJwksAction()->isEnabled());
        w.copyJwksAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w.banner()->text().contains(QLatin1String("clipboard")), 20000);
        const QJsonObject jwks =
                QJsonDocument::fromJson(QApplication::clipboard()->text().toUtf8()).object();
        const QJsonArray keys = jwks.value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.size(), 1);
        QVERIFY(!keys.first().toObject().contains(QStringLiteral("d"))); // public only
        QVERIFY(m_sandbox.registerKeyClient(p.clientId, jwks).value(QStringLiteral("ok")).toBool());

        m_sandbox.resetStats();
        const TokenOutcome out =
                test::waitFor(w.connection()->session()->accessToken(), 20000);
        QVERIFY2(out.failure.isOk(), qPrintable(out.failure.message));
        QVERIFY(!out.accessToken.isEmpty());
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("client_credentials")), 1);
        QSettings().remove(QStringLiteral("ui/lastProfile"));
        ProfileStore().remove(p.name);
    }

    void scrollingPagesInMorePatients()
    {
        signInToTheSandbox();
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
        signInToTheSandbox();
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

        // Signing again cannot apply: the EHR said the note is signed, so Sign is disabled
        // and says why.
        QAction *sign = w.detail()->action(NoteAction::Sign);
        QVERIFY(!sign->isEnabled());
        QVERIFY2(sign->toolTip().contains(QLatin1String("is signed")), qPrintable(sign->toolTip()));

        // A window that has not heard it sends it, and the EHR's refusal is said in place.
        MainWindow other(&m_keychain, m_browser.get());
        other.show();
        openFirstPatient(other, QStringLiteral("Briddle"));
        other.detail()->appointmentsView()->selectRow(
                other.detail()->appointmentModel()->rowOfNote(note));
        runAndWait(other, NoteAction::Sign);
        QVERIFY2(lastResult(other).contains(QLatin1String("not possible")),
                 qPrintable(lastResult(other)));
        QCOMPARE(m_sandbox.noteState(note).value(QStringLiteral("state")).toString(),
                 QStringLiteral("signed"));
    }

    void checkInIsOfferedOnlyForBookedAppointments()
    {
        signInToTheSandbox();
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        openFirstPatient(w, QStringLiteral("Briddle"));
        if (selectAppointment(w, QStringLiteral("fulfilled")).isEmpty())
            QSKIP("this patient has no fulfilled appointment");
        QVERIFY(w.detail()->action(NoteAction::Lock)->isEnabled());
        QVERIFY(!w.detail()->action(NoteAction::CheckIn)->isEnabled());
        QVERIFY(!w.detail()->action(NoteAction::NoShow)->isEnabled());
    }

    // A clinician's report: the row of a cancelled appointment kept Check in, No-show, Lock,
    // Sign, Lock & sign and Unlock enabled. The visit did not take place: none is offered, and
    // each says why in its tool tip and status tip; nothing reaches the EHR.
    void aCancelledAppointmentOffersNoActionAndSaysWhy()
    {
        signInToTheSandbox();
        // Briddle's first appointment is booked (Check in and No-show would be offered); the
        // clinic cancels it. Set back afterwards, for the scenarios that follow.
        const QStringList notes = m_sandbox.noteIdsOf(QStringLiteral("Briddle"));
        QVERIFY(!notes.isEmpty());
        const QString note = notes.first();
        const QString was =
                m_sandbox.noteState(note).value(QStringLiteral("appointment_status")).toString();
        QCOMPARE(was, QStringLiteral("booked"));
        const auto setBack = qScopeGuard([&] { m_sandbox.setAppointmentStatus(note, was); });
        QCOMPARE(m_sandbox.setAppointmentStatus(note, QStringLiteral("cancelled"))
                         .value(QStringLiteral("appointment_status"))
                         .toString(),
                 QStringLiteral("cancelled"));

        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        openFirstPatient(w, QStringLiteral("Briddle"));
        QCOMPARE(selectAppointment(w, QStringLiteral("cancelled")), note);
        const int row = w.detail()->appointmentModel()->rowOfNote(note);
        QCOMPARE(w.detail()->appointmentModel()
                         ->index(row, AppointmentModel::Status)
                         .data()
                         .toString(),
                 QStringLiteral("cancelled"));
        m_sandbox.resetStats();
        for (NoteAction a : allNoteActions()) {
            QAction *action = w.detail()->action(a);
            QVERIFY2(!action->isEnabled(), qPrintable(displayName(a)));
            QVERIFY2(action->toolTip().contains(QLatin1String("was cancelled")),
                     qPrintable(action->toolTip()));
            QVERIFY2(action->statusTip().startsWith(QLatin1String("The appointment of Briddle")),
                     qPrintable(action->statusTip()));
            const bool visit = a == NoteAction::CheckIn || a == NoteAction::NoShow;
            QVERIFY2(action->statusTip().contains(visit ? QLatin1String("no visit")
                                                        : QLatin1String("its note cannot")),
                     qPrintable(action->statusTip()));
            action->trigger(); // and the shortcut, which runs only what is enabled
        }
        QVERIFY(!w.findChild<QDialog *>(QStringLiteral("confirmNoteAction")));
        QTest::qWait(200);
        QVERIFY(!m_sandbox.stats().value(QStringLiteral("notes")).toObject().contains(note));
        // Why, in view under the buttons: no hovering needed.
        auto *blocked = w.detail()->findChild<QLabel *>(QStringLiteral("noteActionsBlocked"));
        QVERIFY(blocked && blocked->isVisible());
        QVERIFY2(blocked->text().contains(QLatin1String("was cancelled")), qPrintable(blocked->text()));
        // A visit that took place offers its note actions, and the line is empty again.
        selectAppointment(w, QStringLiteral("fulfilled"));
        QTRY_VERIFY(blocked->text().isEmpty() && !blocked->isVisible());
    }

    // #12: Tab walked the patients table cell by cell, and each step selected another patient.
    void tabLeavesThePatientsTableWithoutPickingAnotherPatient()
    {
        signInToTheSandbox();
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        waitForPatients(w, 2);
        QTableView *view = w.patients()->view();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
        QTRY_VERIFY(!w.detail()->heading().isEmpty());
        const QString picked = w.detail()->heading();
        QTest::keyClick(view, Qt::Key_Tab);
        QVERIFY2(QApplication::focusWidget() != view,
                 "Tab stayed in the patients table");
        QCOMPARE(view->currentIndex().row(), 0);
        QCOMPARE(w.detail()->heading(), picked);
        // The arrow keys still move within it.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 1);

        // The activity table (the developer's view) lets Tab go too.
        auto *activity = w.findChild<QTableView *>(QStringLiteral("activity"));
        QVERIFY(activity);
        QVERIFY(!activity->tabKeyNavigation());
    }

    // #12: the previous patient's result lines and banner stayed under the next patient.
    void theResultsOfOnePatientDoNotStayUnderTheNext()
    {
        signInToTheSandbox();
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        waitForPatients(w, 2);
        QTableView *view = w.patients()->view();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
        QTRY_VERIFY(!w.detail()->heading().isEmpty());
        w.detail()->noteIdEdit()->setText(QStringLiteral("note-does-not-exist"));
        runAndWait(w, NoteAction::Lock);
        QVERIFY(w.detail()->results()->count() >= 1);
        const QString first = w.detail()->heading();

        QTest::keyClick(view, Qt::Key_Down);
        QTRY_VERIFY(w.detail()->heading() != first);
        QCOMPARE(w.detail()->results()->count(), 0);
        QVERIFY(w.detail()->noteIdEdit()->text().isEmpty());
        QVERIFY(!w.banner()->isVisible());
    }

    // #12: the patient header said "born Friday, 14 March 1958 — MRN MRN000025".
    void thePatientHeaderSaysSexAgeBirthDateAndTheMrnOnce()
    {
        signInToTheSandbox();
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        openFirstPatient(w, QStringLiteral("Briddle"));
        const QString header = w.detail()->heading();
        for (const char *day : {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                "Saturday", "Sunday"})
            QVERIFY2(!header.contains(QLatin1String(day)), qPrintable(header));
        QVERIFY2(header.count(QLatin1String("MRN")) == 1, qPrintable(header));
        QVERIFY2(header.contains(QLatin1String("born ")), qPrintable(header));
        QVERIFY2(header.contains(QRegularExpression(QStringLiteral("\\b\\d+ (year|month)"))),
                 qPrintable(header));
        QVERIFY2(header.contains(QRegularExpression(QStringLiteral("\\b(female|male|other|sex unknown)\\b"),
                                                    QRegularExpression::CaseInsensitiveOption)),
                 qPrintable(header));
    }

    // Walking it under Xvfb: the appointments' "When" and "Status" were cut ("12 …", "book…")
    // because the rows came after the columns were sized to their headings.
    void theAppointmentsShowTheirWholeDateAndStatus()
    {
        signInToTheSandbox();
        MainWindow w(&m_keychain, m_browser.get());
        w.resize(1100, 700);
        w.show();
        openFirstPatient(w, QStringLiteral("Briddle"));
        QTableView *table = w.detail()->appointmentsView();
        const QAbstractItemView *view = table; // the width its rows need (public here)
        for (int column : {int(AppointmentModel::Date), int(AppointmentModel::Status)}) {
            QTRY_VERIFY2(table->columnWidth(column) >= view->sizeHintForColumn(column),
                         qPrintable(QStringLiteral("column %1: %2 < %3")
                                            .arg(column)
                                            .arg(table->columnWidth(column))
                                            .arg(view->sizeHintForColumn(column))));
        }
    }

    // #12: banners pushed the whole window down ~38 px, moving the buttons under the pointer.
    void aBannerMovesNothingUnderThePointer()
    {
        signInToTheSandbox();
        MainWindow w(&m_keychain, m_browser.get());
        w.resize(1100, 700);
        w.show();
        waitForPatients(w, 1);
        w.banner()->dismiss();
        QTRY_VERIFY(!w.banner()->isVisible());
        auto *search = w.findChild<QPushButton *>(QStringLiteral("searchButton"));
        QVERIFY(search);
        const QPoint before = search->mapTo(&w, QPoint(0, 0));
        auto *signOut = w.findChild<QAction *>(QStringLiteral("signOutAction"));
        QVERIFY(signOut && signOut->isEnabled());
        signOut->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w.banner()->isVisible(), 20000);
        QCOMPARE(search->mapTo(&w, QPoint(0, 0)), before);
    }

    // #12 privacy: signing out (the toolbar's Sign out) takes the patients, the day's
    // schedule, the patient's appointments, the note action results and the activity bodies
    // off the screen. The state line says it once: the Sign in button stands beside it.
    void signingOutClearsEveryPatientFromTheScreen()
    {
        signInToTheSandbox();
        MainWindow w(&m_keychain, m_browser.get());
        w.resize(1100, 700);
        w.show();
        waitForPatients(w, 1);
        // A clinician's weekday on the schedule (today may be a Sunday).
        QComboBox *owner = w.schedule()->ownerBox();
        QTRY_VERIFY_WITH_TIMEOUT(owner->count() > 2, 20000);
        const int lovelace = owner->findText(QStringLiteral("Lovelace"), Qt::MatchContains);
        QVERIFY(lovelace > 0);
        owner->setCurrentIndex(lovelace);
        QDate weekday = QDate::currentDate();
        while (weekday.dayOfWeek() > 5)
            weekday = weekday.addDays(1);
        w.schedule()->showDay(weekday);
        QTRY_VERIFY_WITH_TIMEOUT(w.schedule()->model()
                                         && w.schedule()->model()->rowCount() > 0,
                                 20000);
        NoteAction doable = NoteAction::Lock;
        selectFulfilledNote(w, &doable);
        runAndWait(w, doable);
        QVERIFY(w.detail()->results()->count() > 0);
        const QString patient = w.detail()->heading();
        QVERIFY(patient.contains(QLatin1String("Briddle")));
        w.activity()->show();
        QVERIFY(!w.activity()->isConcealed());

        clickToolbarButton(w, w.findChild<QAction *>(QStringLiteral("signOutAction")));
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionText().startsWith(QLatin1String("Signed out")),
                                 20000);
        QCOMPARE(w.patients()->model()->rowCount(), 0);
        QCOMPARE(w.schedule()->model()->rowCount(), 0);
        QVERIFY(!w.detail()->appointmentModel() || w.detail()->appointmentModel()->rowCount() == 0);
        QCOMPARE(w.detail()->results()->count(), 0);
        QVERIFY2(!w.detail()->heading().contains(QLatin1String("Briddle")),
                 qPrintable(w.detail()->heading()));
        QVERIFY(w.activity()->isConcealed());
        // Said once: "Signed out of HOST", with the Sign in button beside it.
        QVERIFY2(!w.connectionText().contains(QLatin1String("Sign in")),
                 qPrintable(w.connectionText()));
        auto *signIn = w.findChild<QAction *>(QStringLiteral("signInAction"));
        QVERIFY(signIn && signIn->isVisible() && signIn->isEnabled());
    }

    // #12 privacy: after the idle time (a fake clock: no waiting fifteen minutes) the patient
    // data is off the screen; a key press or a click elsewhere does not bring it back, only
    // "Show patient data" does, and the patients found are there again (still signed in).
    void afterTheIdleTimePatientDataComesBackOnlyWhenAskedFor()
    {
        signInToTheSandbox();
        test::FakeClock clock(QDateTime::currentDateTimeUtc());
        MainWindow w(&m_keychain, m_browser.get(), nullptr, &clock);
        w.resize(1100, 700);
        w.show();
        waitForPatients(w, 1);
        const int rows = w.patients()->model()->rowCount();
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("tabs"));
        QVERIFY(tabs && tabs->isVisible());
        QVERIFY(!w.isPatientDataHidden());

        clock.advance(16 * 60);
        QTRY_VERIFY(w.isPatientDataHidden());
        auto *cover = w.findChild<QWidget *>(QStringLiteral("privacyCover"));
        auto *show = w.findChild<QPushButton *>(QStringLiteral("privacyCoverButton"));
        QVERIFY(cover && show);
        QVERIFY(cover->isVisible());
        QVERIFY(!tabs->isVisible());
        QVERIFY(!w.patients()->view()->isVisible());
        QVERIFY(!w.schedule()->view()->isVisible());
        QVERIFY(w.activity()->isConcealed());
        // Use of the window alone is not enough: the person says they are back.
        QTest::keyClick(&w, Qt::Key_Shift);
        QTest::mouseClick(cover, Qt::LeftButton, {}, QPoint(5, 5));
        QVERIFY(w.isPatientDataHidden());
        QVERIFY(w.connectionText().startsWith(QLatin1String("Signed in")));

        QTest::mouseClick(show, Qt::LeftButton);
        QVERIFY(!w.isPatientDataHidden());
        QVERIFY(tabs->isVisible());
        QVERIFY(!cover->isVisible());
        QCOMPARE(w.patients()->model()->rowCount(), rows);
        QVERIFY(!w.activity()->isConcealed());
    }

    // #12: File → Remove profile… asks first, then signs out (revoked at the EHR), removes the
    // profile and its sign-in, and no patient of it stays on screen.
    void removeProfileAsksThenSignsOutAndRemoves()
    {
        Profile profile = m_sandbox.publicProfile();
        profile.name = QStringLiteral("Sandbox to remove");
        ProfileStore().save(profile);
        const auto signedIn = test::signInThroughConsent(profile, &m_keychain, &m_nam, m_sandbox);
        QVERIFY2(signedIn.failure.isOk(), qPrintable(signedIn.failure.message));
        const auto w = openOn(profile.name, &m_keychain, m_browser.get());
        waitForPatients(*w, 1);
        m_sandbox.resetStats();

        auto *remove = w->findChild<QAction *>(QStringLiteral("removeProfileAction"));
        QVERIFY(remove && remove->isEnabled());
        // Cancel first: nothing happens.
        remove->trigger();
        auto *ask = w->findChild<QMessageBox *>(QStringLiteral("removeProfileDialog"));
        QVERIFY(ask);
        QTRY_VERIFY(ask->isVisible());
        QVERIFY(ask->text().contains(profile.name));
        QTest::keyClick(ask, Qt::Key_Escape);
        QTRY_VERIFY(!w->findChild<QMessageBox *>(QStringLiteral("removeProfileDialog")));
        QVERIFY(ProfileStore().load(profile.name).has_value());
        QCOMPARE(m_sandbox.stats().value(QStringLiteral("revocation")).toInt(), 0);

        remove->trigger();
        ask = w->findChild<QMessageBox *>(QStringLiteral("removeProfileDialog"));
        QVERIFY(ask);
        QTRY_VERIFY(ask->isVisible());
        auto *confirm = ask->findChild<QPushButton *>(QStringLiteral("removeProfileConfirm"));
        QVERIFY(confirm);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w->banner()->isVisible()
                                         && w->banner()->text().contains(
                                                 QLatin1String("Removed the profile")),
                                 20000);
        QVERIFY(!ProfileStore().load(profile.name).has_value());
        QCOMPARE(keychainEntry(profile.tokensKey()).status, SecretStore::Status::NotFound);
        QVERIFY(m_sandbox.stats().value(QStringLiteral("revocation")).toInt() > 0);
        QVERIFY(!w->patients()->model() || w->patients()->model()->rowCount() == 0
                || w->connection()->profile().name != profile.name);
    }

    // #12: a band of ~40 px stayed empty above the work area when there was no banner. The
    // banner floats over the foot of the work area instead: no band, and still nothing moves
    // when it comes; the search row stays uncovered.
    void noEmptyBandIsKeptForABannerThatIsNotShown()
    {
        signInToTheSandbox();
        MainWindow w(&m_keychain, m_browser.get());
        w.resize(1100, 700);
        w.show();
        waitForPatients(w, 1);
        w.banner()->dismiss();
        QTRY_VERIFY(!w.banner()->isVisible());
        auto *pages = w.findChild<QWidget *>(QStringLiteral("pages"));
        QVERIFY(pages);
        const int top = pages->mapTo(w.centralWidget(), QPoint(0, 0)).y();
        QVERIFY2(top <= w.centralWidget()->layout()->contentsMargins().top(),
                 qPrintable(QString::number(top)));
        const QRect pagesBefore = pages->geometry();

        w.findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w.banner()->isVisible(), 20000);
        QCOMPARE(pages->geometry(), pagesBefore);
        const QRect banner(w.banner()->mapTo(&w, QPoint(0, 0)), w.banner()->size());
        QVERIFY(w.centralWidget()->geometry().contains(banner));
        auto *search = w.findChild<QPushButton *>(QStringLiteral("searchButton"));
        QVERIFY(search);
        const QRect searchRect(search->mapTo(&w, QPoint(0, 0)), search->size());
        QVERIFY(!banner.intersects(searchRect));
        // Dismissed, it takes no clicks: the slot goes with it.
        w.banner()->dismiss();
        QVERIFY(!w.findChild<QWidget *>(QStringLiteral("bannerSlot"))->isVisible());
    }

    // On a shared workstation the browser stays signed in at the EHR after the tokens are
    // gone, and the next person's sign-in could skip the password: the sign-out says so and
    // opens the EHR's own sign-out page (OpenID RP-initiated logout) when asked, not before.
    void signingOutOffersToEndTheBrowsersSignInAtTheEhr()
    {
        Profile p = m_sandbox.publicProfile();
        p.endSessionUrl = m_sandbox.endSessionEndpoint;
        p.scope = QStringLiteral("openid fhirUser ") + p.scope;
        ProfileStore().save(p);
        QSettings().setValue(QStringLiteral("ui/lastProfile"), p.name);
        const auto signedIn = test::signInThroughConsent(p, &m_keychain, &m_nam, m_sandbox);
        QVERIFY2(signedIn.failure.isOk(), qPrintable(signedIn.failure.message));
        RecordingUrlOpener browser;
        MainWindow w(&m_keychain, &browser);
        w.resize(1100, 700);
        w.show();
        waitForPatients(w, 1);
        // Who signed in, by name: the ID token has none, the practitioner read from fhirUser
        // has; the practitioner's id is in the tooltip, and Sign out stays on the toolbar.
        QVERIFY2(w.connectionText().startsWith(QStringLiteral("Signed in as %1 at ")
                                                       .arg(m_sandbox.userName)),
                 qPrintable(w.connectionText()));
        auto *signOutAction = w.findChild<QAction *>(QStringLiteral("signOutAction"));
        QWidget *signOutButton = nullptr;
        for (QToolBar *bar : w.findChildren<QToolBar *>()) {
            if ((signOutButton = bar->widgetForAction(signOutAction)))
                break;
        }
        QVERIFY(signOutButton && signOutButton->isVisible());
        w.findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionText().startsWith(QLatin1String("Signed out")),
                                 20000);
        QVERIFY2(w.banner()->text().contains(QLatin1String("browser may still be signed in")),
                 qPrintable(w.banner()->text()));
        QCOMPARE(w.banner()->actionText(), QStringLiteral("Open sign-out page"));
        QVERIFY(browser.opened.isEmpty());
        w.banner()->trigger();
        QCOMPARE(browser.opened.size(), 1);
        QCOMPARE(browser.opened.first().adjusted(QUrl::RemoveQuery), m_sandbox.endSessionEndpoint);
        QCOMPARE(QUrlQuery(browser.opened.first()).queryItemValue(QStringLiteral("client_id")),
                 p.clientId);
        QVERIFY2(w.banner()->text().contains(QLatin1String("Opened the EHR's sign-out page")),
                 qPrintable(w.banner()->text()));
        ProfileStore().save(m_sandbox.publicProfile()); // as the other scenarios expect it
    }

    // #12: at 1100 px the patients' MRN column was out of view behind a horizontal scroll bar.
    void theMrnIsInViewWithoutScrollingAt1100Pixels()
    {
        signInToTheSandbox();
        MainWindow w(&m_keychain, m_browser.get());
        w.resize(1100, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("tabs"));
        QVERIFY(tabs);
        QTabBar *bar = tabs->tabBar();
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(1).center());
        QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("mainSplitter"));
        waitForPatients(w, 1);
        QTableView *view = w.patients()->view();
        QTRY_VERIFY(view->isVisible());
        const int mrn = PatientModel::Mrn;
        QTRY_VERIFY2(view->columnViewportPosition(mrn) + view->columnWidth(mrn)
                             <= view->viewport()->width(),
                     qPrintable(QStringLiteral("MRN ends at %1 of %2")
                                        .arg(view->columnViewportPosition(mrn)
                                             + view->columnWidth(mrn))
                                        .arg(view->viewport()->width())));
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
        // The MRN is not cut.
        const QString first = view->model()->index(0, mrn).data().toString();
        QVERIFY(!first.isEmpty());
        QVERIFY(view->columnWidth(mrn) > view->fontMetrics().horizontalAdvance(first));
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(0).center()); // as it was
    }

    // Walking it under Xvfb: "Lock & sign: done for 1 note." was drawn over the status tip
    // of the button under the pointer ("Wait for the running note action to finish.").
    void anAnnouncementIsNotDrawnOverAStatusTip()
    {
        signInToTheSandbox();
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        waitForPatients(w, 1);
        // The pointer rests on a button: its status tip is shown in the status bar.
        QStatusTipEvent tip(QStringLiteral("Wait for the running note action to finish."));
        QApplication::sendEvent(&w, &tip);
        QCOMPARE(w.statusBar()->currentMessage(), tip.tip());
        w.findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionText().startsWith(QLatin1String("Signed out")),
                                 20000);
        QTRY_VERIFY(w.announcer()->text().startsWith(QLatin1String("Signed out")));
        QVERIFY(w.announcer()->isVisible());
        QVERIFY2(w.statusBar()->currentMessage().isEmpty(),
                 qPrintable(w.statusBar()->currentMessage()));
    }

    // #12: after signing in, the search typed while signed out was replaced by the saved one.
    void aSearchTypedWhileSignedOutIsRunAfterSignIn()
    {
        const Profile profile = m_sandbox.publicProfile();
        ProfileStore().save(profile);
        QSettings().setValue(QStringLiteral("ui/lastProfile"), profile.name);
        removeKeychainEntry(profile.tokensKey());
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        QTRY_VERIFY(w.connectionText().startsWith(QLatin1String("Signed out")));
        auto *query = w.findChild<QLineEdit *>(QStringLiteral("patientSearch"));
        QVERIFY(query && query->isEnabled());
        query->setFocus();
        QTest::keyClicks(query, QStringLiteral("Briddle"));
        QTest::keyClick(query, Qt::Key_Return);
        QVERIFY(!w.banner()->isVisible() || !w.banner()->text().contains(QLatin1String("again")));

        w.signIn(); // the consent client stands in for the browser
        QTRY_VERIFY_WITH_TIMEOUT(w.connectionText().startsWith(QLatin1String("Signed in")), 60000);
        waitForPatients(w, 1);
        QCOMPARE(query->text(), QStringLiteral("Briddle"));
        // The rows are in the EHR's order: no sort indicator claims otherwise.
        QVERIFY(!w.patients()->view()->horizontalHeader()->isSortIndicatorShown());
        PatientModel *model = w.patients()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY2(model->index(row, 0).data().toString().contains(QLatin1String("Briddle")),
                     qPrintable(model->index(row, 0).data().toString()));
    }

    void anUnknownNoteIdTypedByHandIsReportedAsNotFound()
    {
        signInToTheSandbox();
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        waitForPatients(w, 1);
        w.detail()->noteIdEdit()->setText(QStringLiteral("note-does-not-exist"));
        runAndWait(w, NoteAction::Lock);
        QVERIFY2(lastResult(w).contains(QLatin1String("not found")), qPrintable(lastResult(w)));
    }

    void aTokenExpiredDuringAnActionIsRenewedSilently()
    {
        signInToTheSandbox();
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        NoteAction action = NoteAction::Lock;
        QVERIFY(!selectFulfilledNote(w, &action).isEmpty());
        m_sandbox.expireTokens();
        m_sandbox.resetStats();
        runAndWait(w, action);
        QVERIFY2(lastResult(w).contains(QLatin1String("done")), qPrintable(lastResult(w)));
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("refresh_token")), 1);
        QCOMPARE(m_sandbox.apiResponses(401), 1);
        QVERIFY(!w.banner()->isVisible());
        QVERIFY(w.connectionText().startsWith(QLatin1String("Signed in")));
    }

    void anEndedSessionAsksForSignInAndKeepsThePendingAction()
    {
        signInToTheSandbox();
        MainWindow w(&m_keychain, m_browser.get());
        w.show();
        NoteAction action = NoteAction::Lock;
        QString before;
        const QString note = selectFulfilledNote(w, &action, &before);
        QVERIFY(!note.isEmpty());

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

        runAndWait(w, action);
        QVERIFY(w.banner()->isVisible());
        QVERIFY2(w.banner()->text().contains(QLatin1String("Sign in again")),
                 qPrintable(w.banner()->text()));
        QCOMPARE(w.banner()->actionText(), QStringLiteral("Sign in again"));
        QVERIFY(w.detail()->hasPending());
        QTRY_VERIFY2(w.connectionText().startsWith(QLatin1String("Signed out")),
                     qPrintable(w.connectionText()));
        QCOMPARE(m_sandbox.noteState(note).value(QStringLiteral("state")).toString(), before);

        // Sign in again (the consent client as the browser); the window offers the action that
        // was kept.
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
        signInToTheSandbox();
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

    void aStaticTokenProfileListsPatientsWithoutATokenRequestOrABrowser()
    {
        const Profile profile = staticTokenProfile(QStringLiteral("SandboxToken"));
        const QString token = saveWithMintedToken(profile);
        QVERIFY(!token.isEmpty());
        m_sandbox.resetStats();

        RecordingUrlOpener browser;
        const auto w = openOn(profile.name, &m_keychain, &browser);
        waitForPatients(*w, 10);
        QVERIFY2(w->connectionText().startsWith(QLatin1String("Signed in to 127.0.0.1")),
                 qPrintable(w->connectionText()));
        QVERIFY(!w->connectionText().contains(QLatin1String("renews")));
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("total")), 0);
        QVERIFY(m_sandbox.apiResponses(200) >= 1);
        QVERIFY(browser.opened.isEmpty());
        QVERIFY(!w->banner()->isVisible());

        // Notes work on the same token.
        openFirstPatient(*w, QStringLiteral("Briddle"));
        QVERIFY(!selectAppointment(*w, QStringLiteral("fulfilled")).isEmpty());
        runAndWait(*w, NoteAction::Lock);
        // Done, or already locked by an earlier scenario: either way the API took the token.
        const QString result = lastResult(*w);
        QVERIFY2(result.contains(QLatin1String("done"))
                         || result.contains(QLatin1String("not possible")),
                 qPrintable(result));
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("total")), 0);
    }

    void signingOutOfAStaticTokenProfileForgetsTheTokenWithoutRevoking()
    {
        const Profile profile = staticTokenProfile(QStringLiteral("SandboxToken"));
        const QString token = saveWithMintedToken(profile);
        QVERIFY(!token.isEmpty());

        RecordingUrlOpener browser;
        const auto w = openOn(profile.name, &m_keychain, &browser);
        waitForPatients(*w, 1);
        m_sandbox.resetStats();
        w->signOut();
        QTRY_VERIFY2(w->connectionText().startsWith(QLatin1String("No access token stored")),
                     qPrintable(w->connectionText()));
        QCOMPARE(keychainEntry(profile.tokensKey()).status, SecretStore::Status::NotFound);
        QCOMPARE(m_sandbox.stats().value(QStringLiteral("revocation")).toInt(), 0);
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("total")), 0);
        QVERIFY(browser.opened.isEmpty());
    }

    void signInOnAStaticTokenProfileAsksForTheTokenInsteadOfOpeningABrowser()
    {
        const Profile profile = staticTokenProfile(QStringLiteral("SandboxToken"));
        ProfileStore().save(profile);
        removeKeychainEntry(profile.tokensKey());
        m_sandbox.resetStats();

        RecordingUrlOpener browser;
        const auto w = openOn(profile.name, &m_keychain, &browser);
        QTRY_VERIFY2(w->connectionText().startsWith(QLatin1String("No access token stored")),
                     qPrintable(w->connectionText()));
        w->signIn();
        QVERIFY(!w->isSigningIn());
        auto *entry = w->findChild<QDialog *>(QStringLiteral("accessTokenDialog"));
        QVERIFY(entry);
        QVERIFY(entry->isVisible());
        const QString help = entry->findChild<QLabel *>(QStringLiteral("accessTokenHelp"))->text();
        QVERIFY2(help.contains(QLatin1String("Canvas sandbox dashboard")), qPrintable(help));
        QVERIFY(browser.opened.isEmpty());

        // The pasted token goes to the keychain, and the patients come.
        const QString token = m_sandbox.mintStaticToken(QStringLiteral("canvas"));
        QVERIFY(!token.isEmpty());
        pasteToken(entry, token);
        waitForPatients(*w, 10);
        QTRY_VERIFY2(w->connectionText().startsWith(QLatin1String("Signed in to")),
                     qPrintable(w->connectionText()));
        QVERIFY(storedAccessToken(keychainEntry(profile.tokensKey())) == token);
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("total")), 0);
        QVERIFY(browser.opened.isEmpty());
    }

    void aTokenPastedInTheProfileEditorIsStoredInTheKeychain()
    {
        const Profile profile = staticTokenProfile(QStringLiteral("SandboxToken"));
        ProfileStore().save(profile);
        removeKeychainEntry(profile.tokensKey());
        const QString token = m_sandbox.mintStaticToken(QStringLiteral("canvas"));
        QVERIFY(!token.isEmpty());

        RecordingUrlOpener browser;
        const auto w = openOn(profile.name, &m_keychain, &browser);
        QTRY_VERIFY(w->connectionText().startsWith(QLatin1String("No access token stored")));
        QAction *edit = nullptr;
        for (QAction *a : w->findChildren<QAction *>()) {
            if (a->text() == QStringLiteral("&Edit profile…"))
                edit = a;
        }
        QVERIFY(edit);
        bool pasted = false;
        QTimer::singleShot(0, this, [&pasted, token] {
            auto *editor = qobject_cast<ProfileEditorDialog *>(QApplication::activeModalWidget());
            if (!editor)
                return;
            auto *field = editor->findChild<QLineEdit *>(QStringLiteral("accessToken"));
            QPushButton *ok = editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            if (!field || !ok)
                return;
            field->setText(token);
            pasted = ok->isEnabled();
            if (pasted)
                ok->click();
            else
                editor->reject();
        });
        edit->trigger();
        QTRY_VERIFY(pasted);
        waitForPatients(*w, 10);
        QVERIFY(storedAccessToken(keychainEntry(profile.tokensKey())) == token);
        QVERIFY(browser.opened.isEmpty());
    }

    void aRevokedStaticTokenIsReportedAndKeptInTheKeychain()
    {
        const Profile profile = staticTokenProfile(QStringLiteral("SandboxToken"));
        const QString token = saveWithMintedToken(profile);
        QVERIFY(!token.isEmpty());

        RecordingUrlOpener browser;
        const auto w = openOn(profile.name, &m_keychain, &browser);
        waitForPatients(*w, 1);
        m_sandbox.revokeStaticToken(token);
        m_sandbox.resetStats();
        w->patients()->search(QStringLiteral("family"), QStringLiteral("Briddle"));

        QTRY_VERIFY_WITH_TIMEOUT(w->banner()->isVisible(), 20000);
        const QString said = w->banner()->text();
        QVERIFY2(said.contains(QLatin1String("refused the static access token")), qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("Canvas sandbox dashboard")), qPrintable(said));
        QCOMPARE(w->banner()->actionText(), QStringLiteral("Paste a new token…"));
        QTRY_VERIFY2(w->connectionText().contains(QLatin1String("refused the stored access token")),
                     qPrintable(w->connectionText()));
        QCOMPARE(m_sandbox.apiResponses(401), 1); // asked once, not retried with the same token
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("total")), 0);
        QVERIFY(browser.opened.isEmpty());
        const SecretStore::Result kept = keychainEntry(profile.tokensKey());
        QVERIFY2(kept.isOk(), qPrintable(kept.message));
        QVERIFY(storedAccessToken(kept) == token);

        // The banner's action asks for a new token; with it the search is done after all.
        w->banner()->trigger();
        auto *entry = w->findChild<QDialog *>(QStringLiteral("accessTokenDialog"));
        QVERIFY(entry && entry->isVisible());
        const QString fresh = m_sandbox.mintStaticToken(QStringLiteral("canvas"));
        QVERIFY(!fresh.isEmpty());
        pasteToken(entry, fresh);
        waitForPatients(*w, 1);
        QTRY_VERIFY2(w->connectionText().startsWith(QLatin1String("Signed in to")),
                     qPrintable(w->connectionText()));
        QVERIFY(storedAccessToken(keychainEntry(profile.tokensKey())) == fresh);
        QVERIFY(browser.opened.isEmpty());
    }

    void aProfileWithoutAPatientApiSaysSoAndMakesNoFhirRequest_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("canvas-lms") << int(Profile::Kind::CanvasLms)
                                    << QStringLiteral("Canvas LMS has no FHIR API");
        QTest::newRow("openid-without-fhir-base") << int(Profile::Kind::OpenId)
                                                  << QStringLiteral("has no FHIR base URL");
    }

    void aProfileWithoutAPatientApiSaysSoAndMakesNoFhirRequest()
    {
        QFETCH(int, kind);
        QFETCH(QString, sentence);
        PresetInputs inputs;
        inputs.name = QStringLiteral("NoPatients");
        Profile profile;
        QString token;
        if (Profile::Kind(kind) == Profile::Kind::CanvasLms) {
            // A manually generated Canvas LMS token: signed in, yet nothing to search.
            inputs.instanceUrl = m_sandbox.lmsBase;
            profile = makeProfile(Profile::Kind::CanvasLms, inputs);
            profile.grant = Profile::Grant::StaticToken;
            profile.clientId.clear();
            profile.clientType = Profile::ClientType::Public;
            profile.scope.clear();
            profile.redirectUri = QUrl();
            token = m_sandbox.mintStaticToken(QStringLiteral("lms"));
        } else {
            inputs.discoveryUrl = m_sandbox.openidConfiguration;
            profile = makeProfile(Profile::Kind::OpenId, inputs);
            profile.clientId = m_sandbox.serviceClientId;
            profile.tokenUrl = m_sandbox.tokenEndpoint;
            token = m_sandbox.mintStaticToken(QStringLiteral("canvas")); // stands for a sign-in
        }
        QVERIFY(!token.isEmpty());
        QVERIFY(profile.fhirBaseUrl.isEmpty());
        ProfileStore().save(profile);
        storeStaticToken(profile.tokensKey(), token);
        m_sandbox.resetStats();

        RecordingUrlOpener browser;
        const auto w = openOn(profile.name, &m_keychain, &browser);
        // Signed in: the point where a profile with a FHIR API lists its patients.
        QTRY_VERIFY2(w->connectionText().startsWith(QLatin1String("Signed in to")),
                     qPrintable(w->connectionText()));
        const QString said = w->patients()->stateText();
        QVERIFY2(said.contains(sentence), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("File → Test registration…")), qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("chartkey token --profile NoPatients")),
                 qPrintable(said));
        QVERIFY(!w->patients()->model());
        w->patients()->search(QStringLiteral("name"), QStringLiteral("Briddle"));
        QVERIFY(!w->patients()->model()); // no model: the panel has nothing to send a search with
        // A check that nothing happens has no condition to wait for: a request would have been
        // answered and logged within this time. (With the window's QNetworkAccessManager
        // injectable, "none was sent" could be asserted at once.)
        QTest::qWait(300);
        QCOMPARE(w->activityLog()->rowCount(), 0);
        QVERIFY(m_sandbox.stats().value(QStringLiteral("api")).toObject().isEmpty());
        QVERIFY(m_sandbox.stats()
                        .value(QStringLiteral("lms"))
                        .toObject()
                        .value(QStringLiteral("api"))
                        .toObject()
                        .isEmpty());
        QVERIFY(!w->banner()->isVisible());
        QVERIFY(browser.opened.isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

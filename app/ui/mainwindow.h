// The main window: the profile and its sign-in state always in view (who is signed in, when
// the EHR says), a day's schedule and the patients (search, the selected patient's banner,
// appointments and note actions) as two tabs, the wire in the Activity dock (hidden until
// asked for), a status line that confirms and announces. Widgets hold no OAuth or HTTP logic:
// they drive an EhrConnection.
//
// A first start (no profile) shows a welcome page with Add a profile and Import a profile.
// Messages go to a banner in a slot of fixed height, so nothing moves under the pointer.
//
// Privacy on a shared workstation: signing out takes every patient off the screen (the
// tables, the banner, the activity bodies); after an idle time (Settings, default 15 min) or
// when the EHR ends the session, a cover hides them until the person is back — one click
// while the sign-in is valid, a sign-in otherwise.
//
// A static-token profile (Profile::Grant::StaticToken) has no browser sign-in: Sign in asks
// for the token to paste (enterAccessToken()), which goes to the keychain through the
// Session; a token the EHR refuses is said in the banner with the way to paste a new one.
// A profile without a patient API (Canvas LMS, no FHIR base URL) says so in place of the
// patients.
#pragma once

#include "actions/ehrconnection.h"
#include "actions/signin.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

class QAction;
class QComboBox;
class QDialog;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace chartkey {
class ActivityLog;
class Clock;
class NoteStates;
class SecretStore;
class UrlOpener;
struct Failure;
} // namespace chartkey

namespace chartkey::ui {

class ActivityDock;
class Announcer;
class CheckWindow;
class IdleWatch;
class MessageBanner;
class PatientDetailPanel;
class PatientsPanel;
class SchedulePanel;
class WelcomePanel;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    // How long the browser step may take (SignIn's own limit).
    static constexpr int kBrowserWaitMs = 5 * 60 * 1000;

    // `secrets` and `opener` outlive the window. `clock` (default: the system's) times the
    // idle privacy cover and the countdowns shown; a test passes a fake one.
    MainWindow(SecretStore *secrets, UrlOpener *opener, QWidget *parent = nullptr,
               const Clock *clock = nullptr);
    ~MainWindow() override;

    // In the profile box: true for a managed profile (storage/profilestore.h), which also
    // shows a lock and, as its tool tip, why it cannot be changed.
    static constexpr int kManagedRole = Qt::UserRole + 1;

    void selectProfile(const QString &name);
    void signIn();
    void cancelSignIn();
    void signOut();
    // Static-token profiles: opens the window-modal dialog where the token is pasted (what
    // Sign in does for them); null for other profiles.
    QDialog *enterAccessToken();
    // Opens (or raises) the "Test registration" window for the current profile; null
    // without a profile.
    CheckWindow *showRegistrationCheck();
    // Takes patient data off the screen now (as after the idle time), until uncovered.
    void hidePatientData();
    bool isPatientDataHidden() const;

    // For tests and the accessibility tree.
    QString connectionText() const;
    EhrConnection *connection() const { return m_connection; }
    PatientsPanel *patients() const { return m_patients; }
    PatientDetailPanel *detail() const { return m_detail; }
    SchedulePanel *schedule() const { return m_schedule; }
    ActivityDock *activity() const { return m_activity; }
    MessageBanner *banner() const { return m_banner; }
    Announcer *announcer() const { return m_announcer; }
    ActivityLog *activityLog() const { return m_log; }
    IdleWatch *idleWatch() const { return m_idle; }
    bool isSigningIn() const { return bool(m_signIn); }
    QAction *testRegistrationAction() const { return m_checkAction; }
    // File → Copy public key (JWKS): for a profile that authenticates with a key; makes an
    // ES384 key in the keychain first when it has none.
    QAction *copyJwksAction() const { return m_copyJwksAction; }

Q_SIGNALS:
    // The sign-in state shown changed (signed in, renewing, waiting, signed out).
    void connectionStateChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Cover { None, Idle, SessionEnded };

    void buildMenus();
    void buildCentralArea();
    void reloadProfiles(const QString &select);
    void refreshState();
    void editProfile(bool isNew);
    void openEditor(class ProfileEditorDialog *dialog, bool isNew);
    void importProfile();
    void removeProfile();
    void showSettings();
    void openEndSessionPage(const QUrl &page);
    void applySettings();
    void copyJwks();
    void showTokenInspector();
    void offerSignIn(const QString &message, const QString &detail = {});
    void startSignIn(const QString &staticToken);
    void signInFinished(const SignInOutcome &outcome);
    void afterSignIn();
    void attachPanels();
    void storeAccessToken(const QString &token);
    void onSearchFailed(const Failure &failure);
    void setPanelsSignedIn(bool signedIn);
    void setCover(Cover cover);
    void showPages();
    void placeBanner();
    void announce(const QString &text);
    void rebuildNotesMenu();
    void showTab(int index);

    SecretStore *m_secrets = nullptr;
    UrlOpener *m_opener = nullptr;
    const Clock *m_clock = nullptr;
    QNetworkAccessManager m_nam;
    ActivityLog *m_log = nullptr;
    QPointer<EhrConnection> m_connection;
    QPointer<NoteStates> m_noteStates;
    QPointer<SignIn> m_signIn;

    QComboBox *m_profileBox = nullptr;
    QLabel *m_state = nullptr;
    QWidget *m_bannerSlot = nullptr;
    bool m_bannerAllowed = true; // false while the idle cover is shown
    MessageBanner *m_banner = nullptr;
    QStackedWidget *m_pages = nullptr;
    WelcomePanel *m_welcome = nullptr;
    QTabWidget *m_tabs = nullptr;
    SchedulePanel *m_schedule = nullptr;
    PatientsPanel *m_patients = nullptr;
    PatientDetailPanel *m_detail = nullptr;
    QWidget *m_cover = nullptr;
    QLabel *m_coverText = nullptr;
    QPushButton *m_coverButton = nullptr;
    ActivityDock *m_activity = nullptr;
    Announcer *m_announcer = nullptr;
    IdleWatch *m_idle = nullptr;
    QMenu *m_notesMenu = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_copyUrlAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_tokenAction = nullptr;
    QAction *m_editProfileAction = nullptr;
    QAction *m_removeProfileAction = nullptr;
    QAction *m_checkAction = nullptr;
    QAction *m_hideAction = nullptr;
    QAction *m_copyJwksAction = nullptr;
    QPointer<CheckWindow> m_checkWindow;
    QPointer<QDialog> m_tokenEntry;
    QTimer m_countdown;
    QTimer m_waitTick;
    QElapsedTimer m_waitClock;
    QString m_stateText;
    QString m_announcedState;
    QString m_where;
    Cover m_covered = Cover::None;
    bool m_signedIn = false;
    bool m_signedInKnown = false;
    bool m_loadedOnce = false;
    bool m_bannerAboutPatient = false;
    bool m_tokenRefused = false; // the EHR refused the static token stored now
    bool m_restoringSearch = false;
    bool m_justSignedIn = false; // a sign-in just completed: run what waited for it
};

} // namespace chartkey::ui

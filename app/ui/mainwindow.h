// The main window: the profile and its sign-in state always in view, patients on the left,
// the selected patient's appointments and note actions on the right, the wire in the
// Activity dock. Widgets hold no OAuth or HTTP logic: they drive an EhrConnection.
//
// A static-token profile (Profile::Grant::StaticToken) has no browser sign-in: Sign in asks
// for the token to paste (enterAccessToken()), which goes to the keychain through the
// Session; a token the EHR refuses is said in the banner with the way to paste a new one.
// A profile without a patient API (Canvas LMS, no FHIR base URL) says so in place of the
// patients.
#pragma once

#include "actions/ehrconnection.h"
#include "actions/signin.h"

#include <QMainWindow>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

class QAction;
class QComboBox;
class QDialog;
class QLabel;

namespace chartkey {
class ActivityLog;
class SecretStore;
class UrlOpener;
struct Failure;
} // namespace chartkey

namespace chartkey::ui {

class ActivityDock;
class CheckWindow;
class MessageBanner;
class PatientDetailPanel;
class PatientsPanel;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    // `secrets` and `opener` outlive the window.
    MainWindow(SecretStore *secrets, UrlOpener *opener, QWidget *parent = nullptr);
    ~MainWindow() override;

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

    // For tests and the accessibility tree.
    QString connectionText() const;
    EhrConnection *connection() const { return m_connection; }
    PatientsPanel *patients() const { return m_patients; }
    PatientDetailPanel *detail() const { return m_detail; }
    ActivityDock *activity() const { return m_activity; }
    MessageBanner *banner() const { return m_banner; }
    ActivityLog *activityLog() const { return m_log; }
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

private:
    void buildMenus();
    void reloadProfiles(const QString &select);
    void refreshState();
    void editProfile(bool isNew);
    void copyJwks();
    void showTokenInspector();
    void offerSignIn(const QString &message);
    void startSignIn(const QString &staticToken);
    void signInFinished(const SignInOutcome &outcome);
    void afterSignIn();
    void attachPanels();
    void storeAccessToken(const QString &token);
    void onSearchFailed(const Failure &failure);

    SecretStore *m_secrets = nullptr;
    UrlOpener *m_opener = nullptr;
    QNetworkAccessManager m_nam;
    ActivityLog *m_log = nullptr;
    QPointer<EhrConnection> m_connection;
    QPointer<SignIn> m_signIn;

    QComboBox *m_profileBox = nullptr;
    QLabel *m_state = nullptr;
    MessageBanner *m_banner = nullptr;
    PatientsPanel *m_patients = nullptr;
    PatientDetailPanel *m_detail = nullptr;
    ActivityDock *m_activity = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_copyUrlAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_tokenAction = nullptr;
    QAction *m_editProfileAction = nullptr;
    QAction *m_checkAction = nullptr;
    QAction *m_copyJwksAction = nullptr;
    QPointer<CheckWindow> m_checkWindow;
    QPointer<QDialog> m_tokenEntry;
    QTimer m_countdown;
    QString m_stateText;
    bool m_signedIn = false;
    bool m_searchPending = false;
    bool m_loadedOnce = false;
    bool m_tokenRefused = false; // the EHR refused the static token stored now
};

} // namespace chartkey::ui

// The main window: the profile, its sign-in state, and signing in and out.
#pragma once

#include "auth/session.h"
#include "storage/keychainstore.h"
#include "storage/profilestore.h"
#include "ui/desktopurlopener.h"

#include <QMainWindow>
#include <QNetworkAccessManager>
#include <QPointer>

class QComboBox;
class QLabel;
class QPushButton;

namespace chartkey {
class BrowserSignIn;
class TokenClient;
} // namespace chartkey

namespace chartkey::ui {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    void selectProfile(const QString &name);
    void refreshState();
    void signIn();
    void signOut();

    ProfileStore m_profiles;
    KeychainStore m_secrets;
    QNetworkAccessManager m_nam;
    TokenClient *m_tokens = nullptr;
    DesktopUrlOpener m_opener;
    QPointer<Session> m_session;
    QPointer<BrowserSignIn> m_signIn;

    QComboBox *m_profileBox = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_signInButton = nullptr;
    QPushButton *m_signOutButton = nullptr;
};

} // namespace chartkey::ui

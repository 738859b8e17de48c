// The "Test registration" window: runs `chartkey check` (RegistrationCheck) on one profile
// and shows each step as it finishes — verdict, duration, what was found — with the selected
// step's hint, the server's answer and the request as curl. It reads the client secret (or
// the static token) from the keychain and never touches the profile's stored sign-in.
//
//   Run check ─ keychain: client secret / static token ─ RegistrationCheck::start()
//     stepStarted ─▶ status line      authorizationUrlReady ─▶ "Sign in in the browser…"
//     stepFinished ─▶ a row           finished ─▶ summary line, Copy report, Save JSON…
#pragma once

#include "check/checkreport.h"
#include "profile/profile.h"

#include <QPointer>
#include <QUrl>
#include <QWidget>

class QLabel;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace chartkey {
class Clock;
class SecretStore;
class UrlOpener;
namespace check {
class RegistrationCheck;
}
} // namespace chartkey

namespace chartkey::ui {

class MessageBanner;

class CheckWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckWindow)
public:
    // `secrets`, `nam`, `opener` and `clock` outlive the window.
    CheckWindow(const Profile &profile, SecretStore *secrets, QNetworkAccessManager *nam,
                UrlOpener *opener, const Clock *clock, QWidget *parent = nullptr);
    ~CheckWindow() override;

    const Profile &profile() const { return m_profile; }

    // Reads what the check needs from the keychain, then starts it (again). A keychain
    // failure is shown in the window and nothing is started.
    void run();
    // Cancels a running check; its finished report says what was done.
    void stop();
    bool isRunning() const;
    // Waiting for the keychain or the check.
    bool isBusy() const { return m_busy; }

    // The finished report (empty before the first check ends).
    const check::CheckReport &report() const { return m_report; }
    bool hasReport() const { return m_hasReport; }
    // The text report with answers and curl commands (CheckReport::toText(true)).
    QString reportText() const;
    void copyReport() const;
    // Writes the report as JSON; false with `error` set when it could not be written.
    bool saveJson(const QString &path, QString *error) const;

    // For tests and the accessibility tree.
    check::CheckReportModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    MessageBanner *banner() const { return m_banner; }
    QString statusText() const;
    QString summaryText() const;
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *stopButton() const { return m_stop; }

Q_SIGNALS:
    void checkStarted();
    void checkFinished(const chartkey::check::CheckReport &report);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void readSecretsAndStart();
    void start(const QString &clientSecret, const QString &staticToken);
    void stepStarted(const QString &id, const QString &title);
    void stepFinished(const check::StepResult &step);
    void showAuthorizationUrl(const QUrl &url);
    void finished(const check::CheckReport &report);
    void showKeychainFailure(const QString &message);
    void showDetails();
    void saveJsonWithDialog();
    void setStatus(const QString &html);   // HTML, every part escaped
    void updateButtons();

    Profile m_profile;
    SecretStore *m_secrets = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
    UrlOpener *m_opener = nullptr;
    const Clock *m_clock = nullptr;
    QPointer<check::RegistrationCheck> m_check;
    check::CheckReportModel *m_model = nullptr;
    check::CheckReport m_report;
    bool m_hasReport = false;
    bool m_busy = false;
    bool m_stopping = false;
    int m_attempt = 0;      // a keychain answer for an older Run is ignored
    QUrl m_authorizationUrl;
    QString m_statusText;

    MessageBanner *m_banner = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailSummary = nullptr;
    QLabel *m_detailHint = nullptr;
    QPlainTextEdit *m_answer = nullptr;
    QPlainTextEdit *m_curl = nullptr;
    QPushButton *m_copyCurl = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_copyReport = nullptr;
    QPushButton *m_saveJson = nullptr;
};

} // namespace chartkey::ui

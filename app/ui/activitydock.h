// The wire, for the developer: every HTTP exchange (time, method, URL, status, duration),
// its headers and bodies on demand, and "copy as curl" — all redacted by ActivityLog. The
// list follows the newest exchange unless the person scrolled up to read an older one; a
// failed exchange says "timed out" or "failed" in its Status column, the whole error in the
// tooltip and the details. Bodies (which name patients) are hidden while the window hides
// patient data (setConcealed()).
#pragma once

#include <QDockWidget>

class QPlainTextEdit;
class QTableView;

namespace chartkey {
class ActivityLog;
}

namespace chartkey::ui {

class ActivityDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityDock)
public:
    ActivityDock(ActivityLog *log, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QString details() const;
    // The selected exchange as a curl command (secrets as placeholders).
    QString selectedAsCurl() const;
    // Request and response bodies are not shown (nor copied with curl): `why` is shown in
    // their place. Empty: shown. (The managed policy's activityShowsBodies.)
    void setBodiesHidden(const QString &why);
    // Hides the headers and bodies of exchanges (patient data) until called with false.
    void setConcealed(bool concealed);
    bool isConcealed() const { return m_concealed; }

Q_SIGNALS:
    // Something was put on the clipboard; `message` says what.
    void copied(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showDetails();
    void followNewest();

    ActivityLog *m_log = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QString m_bodiesHidden;
    bool m_follow = true;
    bool m_concealed = false;
};

} // namespace chartkey::ui

// The wire, for the developer: every HTTP exchange (time, method, URL, status, duration),
// its headers and bodies on demand, and "copy as curl" — all redacted by ActivityLog.
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

private:
    void showDetails();

    ActivityLog *m_log = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QString m_bodiesHidden;
};

} // namespace chartkey::ui

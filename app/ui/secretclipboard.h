// A secret put on the clipboard is taken off again after a while, if it is still there (as
// KeePassXC does with passwords): a copied access token does not stay on a shared
// workstation's clipboard. Clipboard managers are asked not to keep it
// (x-kde-passwordManagerHint). One per application.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace chartkey::ui {

class SecretClipboard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretClipboard)
public:
    static constexpr int kDefaultClearAfterMs = 30000;

    static SecretClipboard *instance();

    // Copies `secret`; takes it off the clipboard after clearAfterMs() unless something else
    // was copied meanwhile.
    void copy(const QString &secret);
    int clearAfterMs() const { return m_clearAfterMs; }
    void setClearAfterMs(int ms) { m_clearAfterMs = ms; }

Q_SIGNALS:
    // The secret was taken off the clipboard.
    void cleared();

private:
    explicit SecretClipboard(QObject *parent = nullptr);
    void clearNow();

    QTimer m_timer;
    QString m_copied;
    int m_clearAfterMs = kDefaultClearAfterMs;
};

} // namespace chartkey::ui

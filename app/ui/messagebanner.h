// An inline message above the work area (as KeePassXC does) instead of a pop-up: what
// happened, up to two buttons for what to do next, and the technical detail one click away
// (Details). The window gives it a slot of fixed height, so that showing or dismissing a
// message moves nothing under the pointer; a message longer than two lines is cut there and
// shown whole under Details. Colours come from the palette (readable on a dark one too).
// For screen readers the banner is an alert: showing a message announces it. A success
// ("Signed in to Clinic.") goes by itself after a few seconds; the others stay until dismissed
// or replaced.
#pragma once

#include <QFrame>
#include <QTimer>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace chartkey::ui {

class MessageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)
public:
    enum class Kind { Information, Success, Warning, Error };
    Q_ENUM(Kind)

    explicit MessageBanner(QWidget *parent = nullptr);

    // Shows `text` (plain text) with optional actions; replaces what was shown. Showing the
    // message already shown changes nothing (and announces nothing again).
    void show(Kind kind, const QString &text, const QString &actionText = {},
              std::function<void()> action = {}, const QString &secondText = {},
              std::function<void()> second = {});
    // The technical detail of the message shown (Failure::detail): behind Details, never in
    // the text itself.
    void setDetail(const QString &detail);
    void dismiss();
    QString text() const;
    QString detail() const { return m_detail; }
    QString actionText() const;
    Kind kind() const { return m_kind; }
    void trigger(); // presses the first action (tests, keyboard)
    // Opens the details (the full message and the technical detail).
    void showDetails();
    // The height of the slot the window keeps for the banner.
    int slotHeight() const;

Q_SIGNALS:
    // A message was shown (not emitted again for the same message).
    void shown(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void applyColours();
    void layoutText();

    QLabel *m_label = nullptr;
    QToolButton *m_details = nullptr;
    QPushButton *m_action = nullptr;
    QPushButton *m_second = nullptr;
    QToolButton *m_close = nullptr;
    QString m_text;
    QString m_detail;
    Kind m_kind = Kind::Information;
    QTimer m_fade; // a success says itself once, then leaves
    std::function<void()> m_onAction;
    std::function<void()> m_onSecond;
};

} // namespace chartkey::ui

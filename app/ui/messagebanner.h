// An inline message above the work area (as KeePassXC does) instead of a pop-up: what
// happened, and up to two buttons for what to do next.
#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace chartkey::ui {

class MessageBanner final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)
public:
    enum class Kind { Information, Success, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    // Shows `text` (plain text) with optional actions; replaces what was shown.
    void show(Kind kind, const QString &text, const QString &actionText = {},
              std::function<void()> action = {}, const QString &secondText = {},
              std::function<void()> second = {});
    void dismiss();
    QString text() const;
    QString actionText() const;
    void trigger(); // presses the first action (tests, keyboard)

private:
    QLabel *m_label = nullptr;
    QPushButton *m_action = nullptr;
    QPushButton *m_second = nullptr;
    QPushButton *m_close = nullptr;
    std::function<void()> m_onAction;
    std::function<void()> m_onSecond;
};

} // namespace chartkey::ui

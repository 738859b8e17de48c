// Notices when nobody has used the application for a while: every key press, click, wheel
// turn or pointer move in any of its windows counts as use. After `timeout` without any,
// idle() is emitted once, and counting starts again at the next use. The clock and the
// checking interval are seams, so that a test does not wait fifteen minutes.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace chartkey {
class Clock;
}

namespace chartkey::ui {

class IdleWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdleWatch)
public:
    explicit IdleWatch(const Clock *clock, QObject *parent = nullptr);
    ~IdleWatch() override;

    // 0 switches the watch off.
    void setTimeoutMs(qint64 ms);
    qint64 timeoutMs() const { return m_timeoutMs; }
    void setClock(const Clock *clock);
    void setCheckIntervalMs(int ms) { m_check.setInterval(ms); }
    bool isIdle() const { return m_idle; }
    // Counts as use (also called for every input event).
    void poke();

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();

    const Clock *m_clock = nullptr;
    QTimer m_check;
    QDateTime m_lastUse;
    qint64 m_timeoutMs = 0;
    bool m_idle = false;
};

} // namespace chartkey::ui

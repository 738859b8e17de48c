#include "idlewatch.h"

#include "base/clock.h"

#include <QCoreApplication>
#include <QEvent>

namespace chartkey::ui {

IdleWatch::IdleWatch(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_check.setInterval(5000);
    connect(&m_check, &QTimer::timeout, this, &IdleWatch::check);
    m_lastUse = m_clock->now();
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatch::~IdleWatch()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatch::setTimeoutMs(qint64 ms)
{
    m_timeoutMs = std::max<qint64>(ms, 0);
    m_lastUse = m_clock->now();
    if (m_timeoutMs > 0)
        m_check.start();
    else
        m_check.stop();
}

void IdleWatch::setClock(const Clock *clock)
{
    m_clock = clock;
    m_lastUse = m_clock->now();
}

void IdleWatch::poke()
{
    m_lastUse = m_clock->now();
    m_idle = false;
}

void IdleWatch::check()
{
    if (m_idle || m_timeoutMs <= 0)
        return;
    if (m_lastUse.msecsTo(m_clock->now()) >= m_timeoutMs) {
        m_idle = true;
        Q_EMIT idle();
    }
}

bool IdleWatch::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (watched->isWidgetType() || watched->isWindowType())
            poke();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace chartkey::ui

// A clock the test moves by hand.
#pragma once

#include "base/clock.h"

namespace chartkey::test {

class FakeClock final : public Clock
{
public:
    explicit FakeClock(QDateTime start = QDateTime::fromString(
                               QStringLiteral("2026-01-01T08:00:00Z"), Qt::ISODate))
        : m_now(start)
    {
    }
    QDateTime now() const override { return m_now; }
    void set(const QDateTime &t) { m_now = t; }
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

} // namespace chartkey::test

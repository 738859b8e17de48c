// The time source, injected so that expiry arithmetic can be tested.
#pragma once

#include <QDateTime>

namespace chartkey {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    // The process-wide system clock.
    static const Clock *system();
};

} // namespace chartkey

// A lock shared by every chartkey process of this user, one per profile, so that only one
// of them at a time spends the profile's single-use refresh token. Acquiring never blocks
// the event loop: the lock file is polled. A crashed holder's lock is taken over (QLockFile
// recognises a dead owner).
#pragma once

#include "base/operation.h"

#include <QLockFile>
#include <QObject>
#include <QString>

#include <memory>

namespace chartkey {

class ProfileLock final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileLock)
public:
    explicit ProfileLock(const QString &profileName, QObject *parent = nullptr);
    ~ProfileLock() override;

    // Completes with true once the lock is held, or with false after `timeoutMs`.
    using Acquisition = Pending<bool>;
    Acquisition *acquire(int timeoutMs);
    void release();
    bool isHeld() const { return m_held; }

    static QString lockPath(const QString &profileName);

private:
    std::unique_ptr<QLockFile> m_file;
    bool m_held = false;
};

} // namespace chartkey

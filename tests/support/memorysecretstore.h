// A SecretStore in memory, for unit tests only: it can also play a keychain that is
// missing, or one that never answers. (The product has no such store: secrets live in the
// OS keychain or nowhere.)
#pragma once

#include "storage/secretstore.h"

#include <QHash>

namespace chartkey::test {

class MemorySecretStore final : public SecretStore
{
public:
    enum class Mode { Working, Unavailable, Silent };

    void setMode(Mode mode) { m_mode = mode; }
    QHash<QString, QByteArray> entries;
    int writes = 0;
    int reads = 0;

    Job *read(const QString &key) override
    {
        ++reads;
        Result r;
        if (entries.contains(key)) {
            r.status = Status::Ok;
            r.data = entries.value(key);
        } else {
            r.status = Status::NotFound;
        }
        return deliver(r);
    }
    Job *write(const QString &key, const QByteArray &data) override
    {
        ++writes;
        if (m_mode == Mode::Working)
            entries.insert(key, data);
        return deliver(Result{Status::Ok, {}, {}});
    }
    Job *remove(const QString &key) override
    {
        if (m_mode == Mode::Working)
            entries.remove(key);
        return deliver(Result{Status::Ok, {}, {}});
    }
    QString backendName() const override { return QStringLiteral("memory"); }

private:
    // Answers from the event loop, as a keychain does; a silent store never answers.
    Job *deliver(Result r)
    {
        auto *job = new Job;
        if (m_mode == Mode::Silent)
            return job;
        if (m_mode == Mode::Unavailable)
            r = Result{Status::Unavailable, {}, QStringLiteral("No keychain is available (test).")};
        job->completeLater(r);
        return job;
    }

    Mode m_mode = Mode::Working;
};

} // namespace chartkey::test

// A SecretStore in memory, for unit tests only: it can also play a keychain that is
// missing, or one that never answers, one that limits the size of an entry (as Windows
// Credential Manager does), or one whose Nth write fails. (The product has no such store:
// secrets live in the OS keychain or nowhere.) By default it has no limit and no failure.
#pragma once

#include "storage/secretstore.h"

#include <QHash>

#include <functional>

namespace chartkey::test {

class MemorySecretStore final : public SecretStore
{
public:
    enum class Mode { Working, Unavailable, Silent };

    void setMode(Mode mode) { m_mode = mode; }
    QHash<QString, QByteArray> entries;
    int writes = 0;
    int reads = 0;
    int removes = 0;
    // A write of more bytes than this fails (Failed) and stores nothing; 0 = no limit.
    qsizetype sizeLimit = 0;
    // The write that makes `writes` equal to this fails (Failed) and stores nothing; 0 = none.
    // `failAtWrite = writes + 2` fails the second write from now.
    int failAtWrite = 0;
    // Called after every write that changed `entries`, with its key: lets a test act in the
    // middle of a multi-step update (start a reader, say).
    std::function<void(const QString &key)> afterWrite;

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
        if (writes == failAtWrite)
            return deliver(Result{Status::Failed, {},
                                  QStringLiteral("Write %1 fails (test).").arg(writes)});
        if (sizeLimit > 0 && data.size() > sizeLimit)
            return deliver(Result{Status::Failed, {},
                                  QStringLiteral("Over %1 bytes (test).").arg(sizeLimit)});
        auto *job = deliver(Result{Status::Ok, {}, {}});
        if (m_mode == Mode::Working) {
            entries.insert(key, data);
            if (afterWrite)
                afterWrite(key);
        }
        return job;
    }
    Job *remove(const QString &key) override
    {
        ++removes;
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

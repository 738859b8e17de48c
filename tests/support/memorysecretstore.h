// A SecretStore in memory, for unit tests only: it can also play a keychain that is
// missing, or one that never answers. (The product has no such store: secrets live in the
// OS keychain or nowhere.)
#pragma once

#include "storage/secretstore.h"

#include <QHash>
#include <QMetaObject>
#include <QPointer>

namespace chartkey::test {

class MemorySecretStore final : public SecretStore
{
public:
    enum class Mode { Working, Unavailable, Silent };

    void setMode(Mode mode) { m_mode = mode; }
    QHash<QString, QByteArray> entries;
    int writes = 0;
    int reads = 0;

    void read(const QString &key, QObject *context, Callback done) override
    {
        ++reads;
        Result r;
        if (entries.contains(key)) {
            r.status = Status::Ok;
            r.data = entries.value(key);
        } else {
            r.status = Status::NotFound;
        }
        deliver(context, std::move(done), r);
    }
    void write(const QString &key, const QByteArray &data, QObject *context,
               Callback done) override
    {
        ++writes;
        if (m_mode == Mode::Working)
            entries.insert(key, data);
        Result r;
        r.status = Status::Ok;
        deliver(context, std::move(done), r);
    }
    void remove(const QString &key, QObject *context, Callback done) override
    {
        if (m_mode == Mode::Working)
            entries.remove(key);
        Result r;
        r.status = Status::Ok;
        deliver(context, std::move(done), r);
    }
    QString backendName() const override { return QStringLiteral("memory"); }

private:
    void deliver(QObject *context, Callback done, Result r)
    {
        if (m_mode == Mode::Silent)
            return;
        if (m_mode == Mode::Unavailable) {
            r = Result();
            r.status = Status::Unavailable;
            r.message = QStringLiteral("No keychain is available (test).");
        }
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
                context, [guard, done = std::move(done), r] {
                    if (guard)
                        done(r);
                },
                Qt::QueuedConnection);
    }

    Mode m_mode = Mode::Working;
};

} // namespace chartkey::test

// Where secrets live: the OS keychain, or nowhere.
//
// Every operation completes exactly once through its callback, also when the backend hangs
// (a keychain waiting on an invisible unlock prompt): then with Status::TimedOut. There is
// deliberately no plaintext implementation.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace chartkey {

class SecretStore
{
public:
    enum class Status {
        Ok,
        NotFound,     // no entry: for tokens this means "signed out", not an error
        Unavailable,  // no keychain service at all
        Denied,       // the user or the system refused access
        Locked,       // the keychain holds the entry but is locked
        TimedOut,     // the keychain did not answer (locked, prompt nobody can see)
        Failed,
    };

    struct Result
    {
        Status status = Status::Failed;
        QByteArray data;
        QString message;    // for the person, with the next step; empty when Ok
        bool isOk() const { return status == Status::Ok; }
    };

    using Callback = std::function<void(const Result &)>;

    virtual ~SecretStore() = default;

    // `done` is called once, unless `context` is destroyed first.
    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    virtual void write(const QString &key, const QByteArray &data, QObject *context,
                       Callback done) = 0;
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;

    // A short name of the backend for messages ("the Secret Service keyring").
    virtual QString backendName() const = 0;
};

} // namespace chartkey

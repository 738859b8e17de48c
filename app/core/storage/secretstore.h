// Where secrets live: the OS keychain, or nowhere.
//
// Every job is an operation (base/operation.h) that completes exactly once, also when the
// backend hangs (a keychain waiting on an invisible unlock prompt): then with
// Status::TimedOut. There is deliberately no plaintext implementation.
#pragma once

#include "base/operation.h"

#include <QByteArray>
#include <QString>

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

    using Job = Pending<Result>;

    virtual ~SecretStore() = default;

    virtual Job *read(const QString &key) = 0;
    virtual Job *write(const QString &key, const QByteArray &data) = 0;
    // Removing an entry that is not there is Ok: the outcome the caller wanted.
    virtual Job *remove(const QString &key) = 0;

    // A short name of the backend for messages ("the Secret Service keyring").
    virtual QString backendName() const = 0;
};

} // namespace chartkey

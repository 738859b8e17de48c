// What went wrong, for the person (message, with the next step to take) and
// for the developer (detail: HTTP status, OAuth error, error_description).
#pragma once

#include <QMetaType>
#include <QString>

namespace chartkey {

struct Failure
{
    enum class Kind {
        None,
        Network,        // no connection, DNS, TLS
        Timeout,        // the peer did not answer in time
        Server,         // 5xx or temporarily_unavailable
        Malformed,      // not the JSON the protocol promises
        OAuth,          // an OAuth error response (invalid_client, invalid_scope, ...)
        SignInRequired, // no session, or the server ended it (invalid_grant)
        Denied,         // the user or server refused (access_denied, 403)
        Storage,        // keychain missing, locked, failed
        Cancelled,
        Configuration,  // the profile cannot work as configured
        Http,           // another HTTP error status from an API
    };

    Kind kind = Kind::None;
    QString message;    // what the person reads: what happened and what to do next
    QString detail;     // technical detail for logs and the details pane; never secrets
    int httpStatus = 0;
    QString oauthError; // the server's "error" value, when there was one

    bool isOk() const { return kind == Kind::None; }
    explicit operator bool() const { return !isOk(); }

    static Failure make(Kind kind, const QString &message, const QString &detail = {})
    {
        Failure f;
        f.kind = kind;
        f.message = message;
        f.detail = detail;
        return f;
    }
};

} // namespace chartkey

Q_DECLARE_METATYPE(chartkey::Failure)

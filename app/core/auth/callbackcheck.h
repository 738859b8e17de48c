// The checks on a redirect that reaches the loopback listener, as a pure function, in a
// fixed order: state (missing or wrong: not for this attempt, ignore it and keep waiting),
// then iss (RFC 9207), then an error= answer, then the code.
#pragma once

#include "base/failure.h"

#include <QByteArray>
#include <QString>
#include <QVariantMap>

namespace chartkey {

struct CallbackContext
{
    QByteArray state;       // this attempt's state
    QString issuer;         // expected iss; empty: not checked
    QString scope;          // what was asked for, for messages
    QString redirectUri;    // the redirect URI sent, for messages
};

struct CallbackVerdict
{
    enum class Kind {
        Ignore,     // not for this attempt: answer it, log why, keep waiting
        Code,       // the authorization code: exchange it
        Failed,     // the attempt ends with `failure`
    };
    Kind kind = Kind::Ignore;
    QString code;
    Failure failure;
    QString reason;         // for the log; never holds a value from the request
};

// `values` as QOAuthHttpServerReplyHandler hands them over (query items, possibly still
// percent-encoded).
CallbackVerdict checkCallback(const QVariantMap &values, const CallbackContext &context);

// The same from a raw query string (what follows '?' in the request target).
CallbackVerdict checkCallbackQuery(const QString &query, const CallbackContext &context);

} // namespace chartkey

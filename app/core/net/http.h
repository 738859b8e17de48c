// Small pieces every HTTP exchange of chartkey shares: request defaults, a deadline,
// the log line (through the redacting logger), and the mapping of network errors to
// what a person can act on.
#pragma once

#include "base/failure.h"
#include "base/operation.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>

class QNetworkAccessManager;

namespace chartkey {
class ActivityLog;
}

namespace chartkey::http {

constexpr int kDefaultTimeoutMs = 30000;

QNetworkRequest makeRequest(const QUrl &url, const QByteArray &accept = "application/json");

// The answer to one HTTP exchange, or why there was none.
struct Response
{
    int status = 0;
    QByteArray reason;      // the status line's reason phrase ("OK"), when the server sent one
    bool http2 = false;     // answered over HTTP/2 (else HTTP/1.x)
    QByteArray contentType;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    Failure failure;   // set for network failures and timeouts only; HTTP statuses are data
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const;
};

using Exchange = Pending<Response>;

// Sends `verb` with `body`, aborts after `timeoutMs`, logs the exchange (redacted) and records
// it in `activity` when given; the exchange completes with the answer or why there was none.
Exchange *send(QNetworkAccessManager *nam, const QNetworkRequest &request,
               const QByteArray &verb, const QByteArray &body, int timeoutMs,
               ActivityLog *activity = nullptr);

// Application/x-www-form-urlencoded body (RFC 6749 appendix B) from name/value pairs.
QByteArray formEncode(const QList<std::pair<QString, QString>> &fields);

} // namespace chartkey::http

// Calls an EHR API with the session's bearer token. A 401 makes the session renew the
// token once and the request is sent once more; any other answer is handed back as is.
// A request refused with 401 was not carried out, so the retry cannot do anything twice.
// A redirect is followed only to the same origin (scheme, host and port): the token goes
// nowhere the caller did not send it.
#pragma once

#include "auth/session.h"
#include "net/http.h"
#include "base/failure.h"
#include "base/operation.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <utility>

class QNetworkAccessManager;

namespace chartkey {

class ActivityLog;

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// One request to an EHR API. ApiClient adds the bearer token.
struct ApiRequest
{
    QByteArray method = "GET";
    QUrl url;
    QByteArray body;
    QByteArray contentType;            // empty: no Content-Type header
    QByteArray accept = "application/fhir+json";
    // More headers, sent as given after Accept and Content-Type (so they may replace them).
    // An Authorization header here is not sent: the session's token is.
    HeaderList headers;
};

struct ApiResult
{
    http::Response response;   // the last answer (status, headers, body)
    Failure failure;           // no answer, or no token; HTTP statuses are in `response`
    int attempts = 0;
    bool renewedToken = false;
    // The last request as sent, for display: its method, URL and the headers chartkey set,
    // Authorization's value a placeholder (the token is never kept here). Show each header
    // through api::displayHeader().
    QByteArray method;
    QUrl url;
    HeaderList sentHeaders;
};

using ApiReply = Pending<ApiResult>;

class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)
public:
    ApiClient(Session *session, QNetworkAccessManager *nam, QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setActivityLog(ActivityLog *activity) { m_activity = activity; }
    Session *session() const { return m_session; }

    ApiReply *get(const QUrl &url, const QByteArray &accept = "application/fhir+json");
    ApiReply *post(const QUrl &url, const QByteArray &json);
    // Any method (GET, POST, PUT, PATCH, DELETE, ...), body and headers.
    ApiReply *send(const ApiRequest &request);

private:
    void attempt(ApiReply *reply, const ApiRequest &call, int attemptNo);

    QPointer<Session> m_session;
    QNetworkAccessManager *m_nam = nullptr;
    int m_timeoutMs = http::kDefaultTimeoutMs;
    ActivityLog *m_activity = nullptr;
};

// The sentence for a failed API answer: OperationOutcome diagnostics or {"error": ...}.
QString describeApiError(const http::Response &response);

namespace api {

// A request or response header as it may be shown: the credentials of Authorization,
// Proxy-Authorization, Cookie and Set-Cookie, and the value of a header named like a secret
// (X-Api-Key, Client-Secret), replaced; the rest through the log redactor (base/logging), so
// that no registered token or secret appears either. "Name: value", without a line end.
QByteArray displayHeader(const QByteArray &name, const QByteArray &value);

} // namespace api

} // namespace chartkey

Q_DECLARE_METATYPE(chartkey::ApiResult)

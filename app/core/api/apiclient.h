// Calls an EHR API with the session's bearer token. A 401 makes the session renew the
// token once and the request is sent once more; any other answer is handed back as is.
// A request refused with 401 was not carried out, so the retry cannot do anything twice.
#pragma once

#include "auth/session.h"
#include "net/http.h"
#include "base/failure.h"
#include "base/operation.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace chartkey {

class ActivityLog;

struct ApiResult
{
    http::Response response;   // the last answer (status, headers, body)
    Failure failure;           // no answer, or no token; HTTP statuses are in `response`
    int attempts = 0;
    bool renewedToken = false;
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

private:
    struct Call
    {
        QUrl url;
        QByteArray verb;
        QByteArray body;
        QByteArray accept;
    };
    ApiReply *start(const Call &call);
    void attempt(ApiReply *reply, const Call &call, int attemptNo);

    QPointer<Session> m_session;
    QNetworkAccessManager *m_nam = nullptr;
    int m_timeoutMs = http::kDefaultTimeoutMs;
    ActivityLog *m_activity = nullptr;
};

// The sentence for a failed API answer: OperationOutcome diagnostics or {"error": ...}.
QString describeApiError(const http::Response &response);

} // namespace chartkey

Q_DECLARE_METATYPE(chartkey::ApiResult)

#include "apiclient.h"

#include "auth/session.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::ApiClient", text);
}

} // namespace

ApiClient::ApiClient(Session *session, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_nam(nam)
{
}

ApiReply *ApiClient::get(const QUrl &url, const QByteArray &accept)
{
    return start({url, "GET", {}, accept});
}

ApiReply *ApiClient::post(const QUrl &url, const QByteArray &json)
{
    return start({url, "POST", json, "application/json"});
}

ApiReply *ApiClient::start(const Call &call)
{
    auto *reply = new ApiReply(this);
    attempt(reply, call, 1);
    return reply;
}

void ApiClient::attempt(ApiReply *reply, const Call &call, int attemptNo)
{
    auto fail = [reply, attemptNo](const Failure &failure, const http::Response &response = {}) {
        ApiResult result;
        result.failure = failure;
        result.response = response;
        result.attempts = attemptNo;
        result.renewedToken = attemptNo > 1;
        reply->complete(result);
    };
    if (!m_session) {
        fail(Failure::make(Failure::Kind::Cancelled, tr("Shutting down.")));
        return;
    }
    m_session->accessToken()->then(
            reply, [this, reply, call, attemptNo, fail](const TokenOutcome &token) {
                if (token.failure) {
                    fail(token.failure);
                    return;
                }
                QNetworkRequest request = http::makeRequest(call.url, call.accept);
                request.setRawHeader("Authorization", "Bearer " + token.accessToken.toUtf8());
                if (!call.body.isEmpty() || call.verb == "POST")
                    request.setHeader(QNetworkRequest::ContentTypeHeader,
                                      QByteArray("application/json"));
                const QString used = token.accessToken;
                http::send(m_nam, request, call.verb, call.body, m_timeoutMs, m_activity)
                        ->then(reply, [this, reply, call, attemptNo, used, fail](
                                              const http::Response &r) {
                               if (r.failure) {
                                   fail(r.failure, r);
                                   return;
                               }
                               if (r.status == 401 && attemptNo == 1 && m_session) {
                                   // Expired or revoked early: renew once, send once more.
                                   m_session->reportRejected(used);
                                   attempt(reply, call, 2);
                                   return;
                               }
                               ApiResult result;
                               result.response = r;
                               result.attempts = attemptNo;
                               result.renewedToken = attemptNo > 1;
                               if (r.status == 401) {
                                   result.failure = Failure::make(
                                           Failure::Kind::SignInRequired,
                                           tr("The EHR refused the renewed token too (HTTP 401: "
                                              "%1). Sign in again.")
                                                   .arg(describeApiError(r)));
                                   result.failure.httpStatus = 401;
                               }
                               reply->complete(result);
                           });
            });
}

QString describeApiError(const http::Response &response)
{
    const QJsonObject o = QJsonDocument::fromJson(response.body).object();
    if (o.value(QStringLiteral("resourceType")).toString() == QLatin1String("OperationOutcome")) {
        QStringList parts;
        const QJsonArray issues = o.value(QStringLiteral("issue")).toArray();
        for (const QJsonValue &issue : issues) {
            const QJsonObject i = issue.toObject();
            QString text = i.value(QStringLiteral("diagnostics")).toString();
            if (text.isEmpty())
                text = i.value(QStringLiteral("details")).toObject().value(
                        QStringLiteral("text")).toString();
            if (text.isEmpty())
                text = i.value(QStringLiteral("code")).toString();
            if (!text.isEmpty())
                parts << text;
        }
        if (!parts.isEmpty())
            return parts.join(QStringLiteral("; "));
    }
    // An empty "error" or "message" says nothing: fall through to the status.
    for (const char *member : {"error", "message"}) {
        const QString text = o.value(QLatin1String(member)).toString();
        if (!text.isEmpty())
            return text;
    }
    return tr("HTTP %1").arg(response.status);
}

} // namespace chartkey

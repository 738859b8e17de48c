#include "apiclient.h"

#include "auth/session.h"
#include "base/logging.h"
#include "base/secretnames.h"

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
    ApiRequest request;
    request.url = url;
    request.accept = accept;
    return send(request);
}

ApiReply *ApiClient::post(const QUrl &url, const QByteArray &json)
{
    ApiRequest request;
    request.method = "POST";
    request.url = url;
    request.body = json;
    request.contentType = "application/json";
    request.accept = "application/json";
    return send(request);
}

ApiReply *ApiClient::send(const ApiRequest &request)
{
    auto *reply = new ApiReply(this);
    attempt(reply, request, 1);
    return reply;
}

void ApiClient::attempt(ApiReply *reply, const ApiRequest &call, int attemptNo)
{
    auto fail = [reply, attemptNo, call](const Failure &failure,
                                         const http::Response &response = {}) {
        ApiResult result;
        result.failure = failure;
        result.response = response;
        result.attempts = attemptNo;
        result.renewedToken = attemptNo > 1;
        result.method = call.method;
        result.url = call.url;
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
                // The token must not follow a redirect to another server.
                request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                     QNetworkRequest::SameOriginRedirectPolicy);
                if (!call.contentType.isEmpty())
                    request.setRawHeader("Content-Type", call.contentType);
                for (const auto &[name, value] : call.headers) {
                    if (name.compare("Authorization", Qt::CaseInsensitive) != 0)
                        request.setRawHeader(name, value);
                }
                HeaderList shown;
                const QList<QByteArray> names = request.rawHeaderList();
                for (const QByteArray &name : names)
                    shown.emplaceBack(name, request.rawHeader(name));
                shown.emplaceBack(QByteArray("Authorization"), QByteArray("Bearer [redacted]"));
                request.setRawHeader("Authorization", "Bearer " + token.accessToken.toUtf8());
                const QString used = token.accessToken;
                http::send(m_nam, request, call.method, call.body, m_timeoutMs, m_activity)
                        ->then(reply, [this, reply, call, attemptNo, used, fail, shown](
                                              const http::Response &r) {
                               if (r.failure) {
                                   fail(r.failure, r);
                                   return;
                               }
                               ApiResult result;
                               result.method = call.method;
                               result.url = call.url;
                               result.sentHeaders = shown;
                               if (r.status == 401 && attemptNo == 1 && m_session) {
                                   // Expired or revoked early: renew once, send once more.
                                   m_session->reportRejected(used);
                                   attempt(reply, call, 2);
                                   return;
                               }
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

namespace api {

QByteArray displayHeader(const QByteArray &name, const QByteArray &value)
{
    static const QByteArray kRedacted = "[redacted]";
    const QString key = QString::fromLatin1(name);
    QByteArray shown = value;
    if (key.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0
        || key.compare(QLatin1String("Proxy-Authorization"), Qt::CaseInsensitive) == 0) {
        // Keep the scheme ("Bearer"): it says what kind of credential went.
        const qsizetype space = value.indexOf(' ');
        shown = space > 0 ? value.left(space + 1) + kRedacted : kRedacted;
    } else if (key.compare(QLatin1String("Cookie"), Qt::CaseInsensitive) == 0
               || key.compare(QLatin1String("Set-Cookie"), Qt::CaseInsensitive) == 0
               || secretnames::looksLikeSecret(key)) {
        shown = kRedacted;
    } else {
        for (const char *word : {"token", "secret", "password", "api-key", "apikey"}) {
            if (key.contains(QLatin1String(word), Qt::CaseInsensitive))
                shown = kRedacted;
        }
    }
    return log::redact(QString::fromLatin1(name + ": " + shown)).toUtf8();
}

} // namespace api

} // namespace chartkey

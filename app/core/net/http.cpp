#include "http.h"

#include "base/logging.h"
#include "net/activitylog.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTimer>

namespace chartkey::http {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::http", text);
}

Failure networkFailure(QNetworkReply *reply, bool timedOut, int timeoutMs)
{
    const QString host = reply->url().host();
    if (timedOut) {
        Failure f = Failure::make(Failure::Kind::Timeout,
                                  tr("%1 did not answer within %2 s. Try again later; nothing "
                                     "was changed on this computer.")
                                          .arg(host)
                                          .arg(timeoutMs / 1000.0),
                                  QStringLiteral("timeout after %1 ms").arg(timeoutMs));
        return f;
    }
    QString what;
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        what = tr("%1 refused the connection. Check the URL and that the server is running.")
                       .arg(host);
        break;
    case QNetworkReply::HostNotFoundError:
        what = tr("The host %1 was not found. Check the URL and the network connection.")
                       .arg(host);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        what = tr("The secure connection to %1 failed. Check the system's certificates and the "
                  "URL.")
                       .arg(host);
        break;
    default:
        what = tr("Could not reach %1. Check the network connection and the URL.").arg(host);
        break;
    }
    Failure f = Failure::make(Failure::Kind::Network, what,
                              QStringLiteral("network error %1: %2")
                                      .arg(int(reply->error()))
                                      .arg(reply->errorString()));
    return f;
}

} // namespace

QNetworkRequest makeRequest(const QUrl &url, const QByteArray &accept)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", accept);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray("chartkey/" CHARTKEY_VERSION));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    return request;
}

QByteArray Response::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Exchange *send(QNetworkAccessManager *nam, const QNetworkRequest &request, const QByteArray &verb,
               const QByteArray &body, int timeoutMs, ActivityLog *activity)
{
    auto *exchange = new Exchange;
    QPointer<ActivityLog> recorder(activity);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = nam->sendCustomRequest(request, verb, body);
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    auto timedOut = std::make_shared<bool>(false);
    QObject::connect(deadline, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    deadline->start(timeoutMs);

    QObject::connect(reply, &QNetworkReply::finished, exchange,
                     [exchange, reply, request, body, clock, verb, timedOut, timeoutMs, recorder] {
                         reply->deleteLater();
                         Response r;
                         r.elapsedMs = clock.elapsed();
                         r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                         r.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute)
                                            .toByteArray();
                         r.http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
                         r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
                         r.headers = reply->rawHeaderPairs();
                         if (reply->isOpen())
                             r.body = reply->readAll();
                         if (r.status == 0 || *timedOut)
                             r.failure = networkFailure(reply, *timedOut, timeoutMs);
                         // No query in the log: it carries searched names and patient
                         // ids. (The activity view shows it, redacted, on screen only.)
                         const QUrl url = reply->url();
                         qCInfo(lcHttp).noquote()
                                 << verb
                                 << log::redactUrl(url.adjusted(QUrl::RemoveQuery))
                                                + (url.hasQuery() ? QStringLiteral("?…")
                                                                  : QString())
                                 << "->"
                                 << (r.failure ? r.failure.detail : QString::number(r.status))
                                 << QStringLiteral("(%1 ms)").arg(r.elapsedMs);
                         if (recorder)
                             recorder->record(request, verb, body, r.status,
                                              r.failure ? r.failure.message : QString(),
                                              r.headers, r.body, r.elapsedMs);
                         exchange->complete(r);
                     });
    return exchange;
}

QByteArray formEncode(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

} // namespace chartkey::http

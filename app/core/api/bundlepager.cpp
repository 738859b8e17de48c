#include "bundlepager.h"

#include "api/apicall.h"
#include "api/jsontext.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace chartkey {

namespace {

size_t urlKey(const QUrl &url)
{
    return qHash(url.toString(QUrl::FullyEncoded));
}

} // namespace

BundlePager::BundlePager(ApiClient *api, const ApiRequest &first, QObject *parent)
    : Pending<PagingResult>(parent)
    , m_api(api)
    , m_request(first)
{
}

void BundlePager::start()
{
    fetch(m_request.url);
}

void BundlePager::fetch(const QUrl &url)
{
    if (!m_api) {
        finish({}, Failure::make(Failure::Kind::Cancelled, tr("Shutting down.")));
        return;
    }
    m_seen.insert(urlKey(url));
    ApiRequest request = m_request;
    request.url = url;
    m_api->send(request)->then(this, [this, url](const ApiResult &r) { received(url, r); });
}

void BundlePager::received(const QUrl &url, const ApiResult &result)
{
    const int index = m_progress.pages;
    if (result.failure) {
        finish(result, result.failure);
        return;
    }
    const int status = result.response.status;
    if (status < 200 || status > 299) {
        Failure f = Failure::make(Failure::Kind::Http,
                                  index == 0 ? tr("The EHR answered HTTP %1: %2")
                                                       .arg(status)
                                                       .arg(describeApiError(result.response))
                                             : tr("The EHR answered HTTP %1 to page %2 of the "
                                                  "search: %3")
                                                       .arg(status)
                                                       .arg(index + 1)
                                                       .arg(describeApiError(result.response)),
                                  QStringLiteral("GET %1 -> %2").arg(url.path()).arg(status));
        f.httpStatus = status;
        finish(result, f);
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(result.response.body, &error);
    const QJsonObject bundle = doc.object();
    if (error.error != QJsonParseError::NoError || !doc.isObject()
        || bundle.value(QStringLiteral("resourceType")).toString() != QLatin1String("Bundle")) {
        if (index == 0) {
            m_progress.notABundle = true;
            finish(result);
            return;
        }
        finish(result,
               Failure::make(Failure::Kind::Malformed,
                             tr("Page %1 of the search is not a FHIR Bundle; the reading "
                                "stopped there.")
                                     .arg(index + 1),
                             error.error != QJsonParseError::NoError
                                     ? error.errorString()
                                     : QStringLiteral("resourceType is not Bundle")));
        return;
    }

    if (index == 0) {
        if (bundle.value(QStringLiteral("total")).isDouble())
            m_progress.total = bundle.value(QStringLiteral("total")).toInt();
        m_type = bundle.value(QStringLiteral("type")).toString();
    }
    BundlePage page;
    page.index = index;
    page.url = url;
    page.entries = bundle.value(QStringLiteral("entry")).toArray();
    const QList<QByteArrayView> texts =
            jsontext::elements(jsontext::member(result.response.body, "entry"));
    if (texts.size() == page.entries.size()) {
        for (const QByteArrayView &text : texts)
            page.entryTexts << text.toByteArray();
    } else { // "entry" written with an escape: the parsed entries, written anew
        for (const QJsonValue &entry : std::as_const(page.entries))
            page.entryTexts << QJsonDocument(entry.toObject()).toJson(QJsonDocument::Compact);
    }
    page.type = m_type;
    page.total = m_progress.total;

    QUrl next;
    const QJsonArray links = bundle.value(QStringLiteral("link")).toArray();
    for (const QJsonValue &link : links) {
        const QJsonObject l = link.toObject();
        if (l.value(QStringLiteral("relation")).toString() == QLatin1String("next"))
            next = url.resolved(QUrl(l.value(QStringLiteral("url")).toString(),
                                     QUrl::TolerantMode));
    }
    Failure stop;
    bool more = false;
    if (m_follow && next.isValid() && !next.isEmpty()) {
        if (!api::isSameOrigin(next, m_request.url)) {
            stop = Failure::make(Failure::Kind::Configuration,
                                 tr("Page %1 of the search names its next page on another "
                                    "server (%2): the token does not go there, so the reading "
                                    "stopped after page %1.")
                                         .arg(index + 1)
                                         .arg(next.adjusted(QUrl::RemovePath | QUrl::RemoveQuery)
                                                      .toString()),
                                 QStringLiteral("next link on another origin"));
        } else if (m_seen.contains(urlKey(next))) {
            stop = Failure::make(Failure::Kind::Malformed,
                                 tr("Page %1 of the search names a page already read as its "
                                    "next one; the reading stopped there.")
                                         .arg(index + 1),
                                 QStringLiteral("next link loops"));
        } else {
            more = true;
        }
    }
    if (more)
        fetch(next); // asked for now, answered after this page is handed over
    ++m_progress.pages;
    m_progress.entries += page.entries.size();
    Q_EMIT pageArrived(page);
    if (!more)
        finish(result, stop);
}

void BundlePager::finish(const ApiResult &last, const Failure &failure)
{
    m_progress.last = last;
    m_progress.failure = failure;
    complete(m_progress);
}

} // namespace chartkey

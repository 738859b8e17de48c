// Reads a FHIR search through its Bundle `next` links with ApiClient, one page at a time,
// and hands each page's entries over as the page arrives (pageArrived), then forgets them:
// the memory held is that of a page or two, however many pages the search has. The next page
// is asked for before the entries are handed over, so the network works while the caller
// writes.
//
// A `next` link is followed only on the origin (scheme, host, port) of the first request:
// the token goes nowhere the caller did not send it. A link seen before ends the reading
// (a server that loops). The pager completes once, with how far it got and why it stopped.
#pragma once

#include "api/apiclient.h"
#include "base/failure.h"
#include "base/operation.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

namespace chartkey {

struct BundlePage
{
    int index = 0;         // 0 for the first page
    QUrl url;              // the page's own URL
    QJsonArray entries;    // Bundle.entry (none: empty)
    // The same entries as the server wrote them, members in its order and numbers as written
    // (jsontext.h), for handing them on unchanged.
    QList<QByteArray> entryTexts;
    QString type;          // Bundle.type of the first page ("searchset")
    int total = -1;        // Bundle.total of the first page, when it has one
};

struct PagingResult
{
    int pages = 0;             // pages whose entries were handed over
    qint64 entries = 0;        // entries handed over
    int total = -1;            // Bundle.total of the first page, when it has one
    // The first answer was a success but not a Bundle (a single resource, say): nothing was
    // handed over, and `last` holds it, whole.
    bool notABundle = false;
    // The answer that ended the reading: the last page, or the one that failed (its status
    // and body), or the first one when it was not a Bundle.
    ApiResult last;
    // Why the reading stopped before the last page; empty when every page came. An answer
    // that is not 2xx is Kind::Http with httpStatus (SignInRequired, as ApiClient says, for a
    // token the EHR refused twice).
    Failure failure;
};

class BundlePager final : public Pending<PagingResult>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BundlePager)
public:
    // `first` is the search (a GET); its origin is the one every next link must have.
    BundlePager(ApiClient *api, const ApiRequest &first, QObject *parent = nullptr);

    // False: only the first page is read (its entries handed over as with true).
    void setFollowNext(bool follow) { m_follow = follow; }

    void start();

Q_SIGNALS:
    // Each page, in order, before the next one is handed over.
    void pageArrived(const chartkey::BundlePage &page);

private:
    void fetch(const QUrl &url);
    void received(const QUrl &url, const ApiResult &result);
    void finish(const ApiResult &last, const Failure &failure = {});

    QPointer<ApiClient> m_api;
    ApiRequest m_request;
    bool m_follow = true;
    QSet<size_t> m_seen;       // hashes of the URLs asked for: a loop ends the reading
    PagingResult m_progress;
    QString m_type;
};

} // namespace chartkey

Q_DECLARE_METATYPE(chartkey::BundlePage)
Q_DECLARE_METATYPE(chartkey::PagingResult)

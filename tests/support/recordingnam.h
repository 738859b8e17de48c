// A QNetworkAccessManager that keeps a list of the requests it sent and knows which of them
// are still in flight: a test waits for "nothing in flight" (QTRY_COMPARE(nam.inFlight(), 0))
// instead of sleeping, and then asserts what was, or was not, sent.
#pragma once

#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QUrl>

namespace chartkey::test {

class RecordingNetworkAccessManager : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;

    // Every request sent, in order.
    const QList<QUrl> &sent() const { return m_sent; }
    // Those sent to a URL whose path is `path`.
    int sentTo(const QString &path) const
    {
        int n = 0;
        for (const QUrl &url : m_sent)
            n += url.path() == path ? 1 : 0;
        return n;
    }
    // Requests not yet answered, failed or aborted (a reply deleted unfinished counts as gone).
    int inFlight() const
    {
        int n = 0;
        for (const QPointer<QNetworkReply> &reply : m_replies)
            n += reply && !reply->isFinished() ? 1 : 0;
        return n;
    }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
        m_sent << request.url();
        m_replies << reply;
        return reply;
    }

private:
    QList<QUrl> m_sent;
    QList<QPointer<QNetworkReply>> m_replies;
};

} // namespace chartkey::test

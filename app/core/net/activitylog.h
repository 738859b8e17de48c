// Every HTTP exchange chartkey makes, for the activity view: time, method, URL without
// query secrets, status, duration, and headers and bodies with secrets redacted. Redaction
// happens here, when an exchange is recorded, so nothing unredacted is ever kept.
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QNetworkReply>
#include <QUrl>

namespace chartkey {

struct HttpExchange
{
    QDateTime time;
    QByteArray method;
    QString url;                    // redacted
    int status = 0;                 // 0: no answer
    QString error;                  // network error or timeout, when there was no answer
    qint64 durationMs = 0;
    QList<std::pair<QByteArray, QByteArray>> requestHeaders;   // redacted
    QByteArray requestBody;                                    // redacted
    QList<std::pair<QByteArray, QByteArray>> responseHeaders;  // redacted
    QByteArray responseBody;                                   // redacted

    // The exchange as a curl command, with secrets as placeholders.
    QString toCurl() const;
};

class ActivityLog final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityLog)
public:
    enum Column { Time, Method, Url, Status, Duration, ColumnCount };

    explicit ActivityLog(QObject *parent = nullptr);

    void setCapacity(int exchanges) { m_capacity = exchanges; }
    void record(const QNetworkRequest &request, const QByteArray &method,
                const QByteArray &requestBody, int status, const QString &error,
                const QList<QNetworkReply::RawHeaderPair> &responseHeaders,
                const QByteArray &responseBody, qint64 durationMs);
    const HttpExchange &exchange(int row) const { return m_exchanges.at(row); }
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Redaction rules, public for tests.
    static QByteArray redactHeader(const QByteArray &name, const QByteArray &value);
    static QByteArray redactBody(const QByteArray &body);

Q_SIGNALS:
    void recorded(int row);

private:
    QList<HttpExchange> m_exchanges;
    int m_capacity = 2000;
};

} // namespace chartkey

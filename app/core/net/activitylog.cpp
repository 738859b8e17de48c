#include "activitylog.h"

#include "base/logging.h"
#include "base/secretnames.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace chartkey {

namespace {

bool isSecretHeader(const QByteArray &name)
{
    const QByteArray n = name.toLower();
    return n == "authorization" || n == "cookie" || n == "set-cookie"
            || n == "proxy-authorization";
}

} // namespace

QString HttpExchange::toCurl() const
{
    // Secrets become shell variables named for what they hold ($CODE, $REFRESH_TOKEN, ...),
    // in double quotes so that a person who sets them can run the command as it is.
    static const QRegularExpression redacted(QStringLiteral("([A-Za-z_]+)=\\[redacted\\]"));
    const auto placeholders = [](QString text) {
        QRegularExpressionMatch m;
        qsizetype from = 0;
        while ((m = redacted.match(text, from)).hasMatch()) {
            const QString replacement = m.captured(1) + QStringLiteral("=$") + m.captured(1).toUpper();
            text.replace(m.capturedStart(), m.capturedLength(), replacement);
            from = m.capturedStart() + replacement.size();
        }
        return text.replace(QStringLiteral("[redacted]"), QStringLiteral("$SECRET"));
    };
    const auto quoted = [](const QString &text) {
        return text.contains(QLatin1Char('$')) ? QStringLiteral("\"%1\"").arg(text)
                                               : QStringLiteral("'%1'").arg(text);
    };
    QStringList parts{QStringLiteral("curl")};
    if (method != "GET")
        parts << QStringLiteral("-X") << QString::fromLatin1(method);
    for (const auto &[name, value] : requestHeaders) {
        if (name.toLower() == "user-agent")
            continue;
        QString v = QString::fromLatin1(value);
        if (name.toLower() == "authorization")
            v = v.startsWith(QLatin1String("Basic"), Qt::CaseInsensitive)
                    ? QStringLiteral("Basic $CLIENT_CREDENTIALS")
                    : QStringLiteral("Bearer $ACCESS_TOKEN");
        parts << QStringLiteral("-H")
              << quoted(QStringLiteral("%1: %2").arg(QString::fromLatin1(name), v));
    }
    if (!requestBody.isEmpty())
        parts << QStringLiteral("--data") << quoted(placeholders(QString::fromUtf8(requestBody)));
    parts << quoted(placeholders(url));
    return parts.join(QLatin1Char(' '));
}

ActivityLog::ActivityLog(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QByteArray ActivityLog::redactHeader(const QByteArray &name, const QByteArray &value)
{
    if (!isSecretHeader(name))
        return log::redact(QString::fromLatin1(value)).toLatin1();
    const qsizetype space = value.indexOf(' ');
    return (space > 0 ? value.left(space + 1) : QByteArray()) + "[redacted]";
}

QByteArray ActivityLog::redactBody(const QByteArray &body)
{
    // JSON: replace the values of secret-bearing fields; forms and anything else: the
    // shared redactor (registered secrets and secret-bearing field patterns).
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && doc.isObject()) {
        QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (secretnames::isSecret(it.key()))
                it.value() = QStringLiteral("[redacted]");
        }
        // Kept compact: a long session holds thousands of bodies; views indent on display.
        return log::redact(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)))
                .toUtf8();
    }
    return log::redact(QString::fromUtf8(body)).toUtf8();
}

void ActivityLog::record(const QNetworkRequest &request, const QByteArray &method,
                         const QByteArray &requestBody, int status, const QString &error,
                         const QList<QNetworkReply::RawHeaderPair> &responseHeaders,
                         const QByteArray &responseBody, qint64 durationMs)
{
    HttpExchange e;
    e.time = QDateTime::currentDateTime();
    e.method = method;
    e.url = log::redactUrl(request.url());
    e.status = status;
    e.error = log::redact(error);
    e.durationMs = durationMs;
    const auto names = request.rawHeaderList();
    for (const QByteArray &name : names)
        e.requestHeaders.append({name, redactHeader(name, request.rawHeader(name))});
    const QVariant contentType = request.header(QNetworkRequest::ContentTypeHeader);
    if (contentType.isValid() && !request.hasRawHeader("Content-Type"))
        e.requestHeaders.append({"Content-Type", contentType.toByteArray()});
    e.requestBody = redactBody(requestBody);
    for (const auto &[name, value] : responseHeaders)
        e.responseHeaders.append({name, redactHeader(name, value)});
    e.responseBody = redactBody(responseBody);

    if (m_exchanges.size() >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_exchanges.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_exchanges.size());
    beginInsertRows({}, row, row);
    m_exchanges.append(e);
    endInsertRows();
    Q_EMIT recorded(row);
}

void ActivityLog::clear()
{
    beginResetModel();
    m_exchanges.clear();
    endResetModel();
}

int ActivityLog::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_exchanges.size());
}

int ActivityLog::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityLog::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_exchanges.size())
        return {};
    const HttpExchange &e = m_exchanges.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return e.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case Method:
            return QString::fromLatin1(e.method);
        case Url:
            return e.url;
        case Status:
            return e.status ? QVariant(e.status) : QVariant(e.error);
        case Duration:
            return tr("%1 ms").arg(e.durationMs);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Status && !e.error.isEmpty())
        return e.error;
    if (role == Qt::TextAlignmentRole && (index.column() == Status || index.column() == Duration))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ActivityLog::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Method:
        return tr("Method");
    case Url:
        return tr("URL");
    case Status:
        return tr("Status");
    case Duration:
        return tr("Duration");
    }
    return {};
}

} // namespace chartkey

#include "logging.h"

#include "secretnames.h"

#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcAuth, "chartkey.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcHttp, "chartkey.http", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStorage, "chartkey.storage", QtWarningMsg)
Q_LOGGING_CATEGORY(lcFhir, "chartkey.fhir", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "chartkey.cli", QtWarningMsg)

namespace chartkey::log {
namespace {

// Everything the redactor uses lives until the process ends and is never destroyed: Qt
// keeps logging while it unloads plugins after main() has returned, and every such message
// still passes through redact().
const QString &redactedText()
{
    static const auto *text = new QString(QStringLiteral("[redacted]"));
    return *text;
}

struct SecretRegistry
{
    QMutex mutex;
    QSet<QString> values;
};

SecretRegistry &registry()
{
    static auto *r = new SecretRegistry;
    return *r;
}

// The secret-bearing fields of forms and JSON bodies, by the names in secretnames.h.
struct Patterns
{
    QRegularExpression authHeader{
            QStringLiteral("(Authorization:?\\s*(?:Bearer|Basic)\\s+)[^\\s\"',]+"),
            QRegularExpression::CaseInsensitiveOption};
    QRegularExpression formField{QStringLiteral("\\b((?:%1)=)[^&\\s\"']+")
                                         .arg(secretnames::alternation())};
    QRegularExpression jsonField{QStringLiteral("(\"(?:%1)\"\\s*:\\s*\")[^\"]*")
                                         .arg(secretnames::alternation())};
};

const Patterns &patterns()
{
    static const auto *p = new Patterns;
    return *p;
}

QtMessageHandler previousHandler = nullptr;

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (previousHandler)
        previousHandler(type, context, redact(message));
}

} // namespace

void registerSecret(const QString &value)
{
    // Very short values would redact ordinary words; real secrets are long.
    if (value.size() < 8)
        return;
    auto &r = registry();
    QMutexLocker lock(&r.mutex);
    r.values.insert(value);
}

QString redact(const QString &text)
{
    QString out = text;
    // Patterns first, while field names are intact (a value that was never registered: a
    // server echoing something, say); then every registered value wherever it stands.
    const Patterns &p = patterns();
    const QString kRedacted = redactedText();
    out.replace(p.authHeader, QStringLiteral("\\1") + kRedacted);
    out.replace(p.formField, QStringLiteral("\\1") + kRedacted);
    out.replace(p.jsonField, QStringLiteral("\\1") + kRedacted);
    auto &r = registry();
    QMutexLocker lock(&r.mutex);
    for (const QString &secret : std::as_const(r.values)) {
        out.replace(secret, kRedacted);
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        if (encoded != secret)
            out.replace(encoded, kRedacted);
    }
    return out;
}

QString redactUrl(const QUrl &url)
{
    QUrl copy = url;
    copy.setUserInfo(QString());
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        QUrlQuery safe;
        const auto items = query.queryItems(QUrl::FullyEncoded);
        for (const auto &[name, value] : items)
            safe.addQueryItem(name, secretnames::isSecret(name) ? redactedText() : value);
        copy.setQuery(safe);
    }
    return redact(copy.toString(QUrl::FullyEncoded));
}

void installRedactingMessageHandler()
{
    if (!previousHandler)
        previousHandler = qInstallMessageHandler(redactingHandler);
}

} // namespace chartkey::log

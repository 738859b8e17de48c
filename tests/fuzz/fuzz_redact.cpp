// log::redact, log::redactUrl, ActivityLog::redactBody and ActivityLog::redactHeader: what
// reaches the log and the activity view from a server's answer or a browser's request.
// Input: any text; the header check takes "Name: value" from its first line.
// Checks: a registered secret (mixed case, so that no host lower-casing can make it up)
// never survives in any output, neither as is nor percent-encoded.
#include "fuzzsupport.h"

#include "base/logging.h"
#include "net/activitylog.h"

#include <QUrl>

using namespace chartkey;

namespace {

const QString &secret()
{
    static const QString s = [] {
        const QString value = QStringLiteral("FzSecret-Tok3n_0123abcXYZ");
        log::registerSecret(value);
        return value;
    }();
    return s;
}

void checkClean(const QString &output, const char *where)
{
    fuzz::check(!output.contains(secret()), where, output.left(400));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = fuzz::bytes(data, size);
    const QString text = QString::fromUtf8(raw);
    secret();

    checkClean(log::redact(text), "log::redact let the secret through");
    checkClean(log::redactUrl(QUrl(text)), "log::redactUrl let the secret through");
    checkClean(log::redactUrl(QUrl::fromEncoded(raw)),
               "log::redactUrl (encoded) let the secret through");
    checkClean(QString::fromUtf8(ActivityLog::redactBody(raw)),
               "ActivityLog::redactBody let the secret through");

    const QByteArray line = fuzz::firstLine(raw).first;
    const qsizetype colon = line.indexOf(':');
    if (colon > 0) {
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        const QByteArray redacted = ActivityLog::redactHeader(name, value);
        checkClean(QString::fromLatin1(redacted), "ActivityLog::redactHeader let the secret through");
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            fuzz::check(redacted.endsWith("[redacted]"), "an Authorization header kept its value");
    }
    return 0;
}

// checkCallbackQuery / checkCallback: the query of the redirect that reaches the loopback
// listener (what follows '?' in the request target).
// Input: the raw query, e.g. "code=...&state=...&iss=https%3A%2F%2Fexample.canvasmedical.com".
// Checks: a Code verdict carries a code and this attempt's state; the map that Qt's reply
// handler builds from the same request (QUrl::fromEncoded, QUrlQuery of url.query()) gives
// the same verdict as checkCallbackQuery, which the unit tests use in its place.
#include "fuzzsupport.h"

#include "auth/callbackcheck.h"

#include <QUrl>
#include <QUrlQuery>

#include <optional>

using namespace chartkey;

namespace {

// The state the seeds carry (a pkce::randomUrlSafe(32)-shaped value).
const CallbackContext &context()
{
    static const CallbackContext c{
            QByteArrayLiteral("q2X0vG8mK3rT7yBn5cWf1LhJ9sPd4ZaE6uRk0iNoQx8"),
            QStringLiteral("https://example.canvasmedical.com"),
            QStringLiteral("user/Patient.read user/Appointment.read offline_access launch"),
            QStringLiteral("http://127.0.0.1:35171/callback")};
    return c;
}

// What QOAuthHttpServerReplyHandler (Qt 6.4) hands over for "GET /callback?<query> ...".
// Empty when Qt would refuse the request (an invalid URL).
std::optional<QVariantMap> asQtDelivers(const QByteArray &query)
{
    QVariantMap values;
    const QUrl url = QUrl::fromEncoded(QByteArrayLiteral("/callback?") + query);
    if (!url.isValid() || url.path() != QLatin1String("/callback"))
        return std::nullopt;
    const QUrlQuery q(url.query());
    const auto items = q.queryItems();
    for (const auto &[name, value] : items)
        values.insert(name, value);
    return values;
}

void checkVerdict(const CallbackVerdict &v)
{
    switch (v.kind) {
    case CallbackVerdict::Kind::Code:
        fuzz::check(!v.code.isEmpty(), "a Code verdict without a code");
        fuzz::check(!v.failure, "a Code verdict with a failure");
        break;
    case CallbackVerdict::Kind::Failed:
        fuzz::check(bool(v.failure), "a Failed verdict without a failure");
        fuzz::check(!v.failure.message.isEmpty(), "a failure without a message");
        break;
    case CallbackVerdict::Kind::Ignore:
        fuzz::check(!v.reason.isEmpty(), "an Ignore verdict without a reason");
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = fuzz::bytes(data, size);
    const CallbackVerdict direct = checkCallbackQuery(QString::fromUtf8(raw), context());
    checkVerdict(direct);

    // The request target the browser sends cannot hold spaces or '#' in the query: the
    // listener's request line ends at whitespace and QUrl splits off the fragment.
    if (raw.contains('#') || raw.contains(' ') || raw.contains('\t') || raw.contains('\r')
        || raw.contains('\n') || raw.contains('\v') || raw.contains('\f'))
        return 0;
    const auto delivered = asQtDelivers(raw);
    if (!delivered)
        return 0;
    const CallbackVerdict viaQt = checkCallback(*delivered, context());
    checkVerdict(viaQt);
    fuzz::check(viaQt.kind == direct.kind,
                "checkCallbackQuery and Qt's reply handler disagree on the verdict",
                QStringLiteral("query=%1 checkCallbackQuery=%2 qt=%3")
                        .arg(QString::fromUtf8(raw), QString::number(int(direct.kind)),
                             QString::number(int(viaQt.kind))));
    fuzz::check(viaQt.code == direct.code,
                "checkCallbackQuery and Qt's reply handler decode the code differently",
                direct.code + QStringLiteral(" vs ") + viaQt.code);
    return 0;
}

// TokenResponse::parse: the token endpoint's answer (RFC 6749 5.1/5.2).
// Input: "<status> [<content type>]\n<body>", e.g. "200 application/json\n{...}".
// Checks: an OAuth error's message quotes the server's description (or error) unchanged; a
// success carries a Bearer access token obtained now and expiring after now, and survives the
// keychain's form (toJson -> fromJson) unchanged.
#include "fuzzsupport.h"

#include "auth/tokenset.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace chartkey;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto [head, body] = fuzz::firstLine(fuzz::bytes(data, size));
    const qsizetype space = head.indexOf(' ');
    const int status = (space < 0 ? head : head.left(space)).trimmed().toInt();
    const QByteArray contentType = space < 0 ? QByteArray() : head.mid(space + 1).trimmed();
    static const QDateTime now = QDateTime::fromSecsSinceEpoch(1735689600, Qt::UTC);
    const QString requested = QStringLiteral("user/Patient.read user/Appointment.read offline_access launch");

    const TokenResponse r = TokenResponse::parse(status, contentType, body, now, requested);
    if (r.failure) {
        fuzz::check(!r.failure.message.isEmpty(), "a failure without a message");
        if (!r.failure.oauthError.isEmpty()) {
            // An OAuth error: the server's own words reach the person unchanged.
            const QJsonObject o = QJsonDocument::fromJson(body).object();
            const QString description = o.value(QStringLiteral("error_description")).toString();
            const QString said = description.isEmpty() ? r.failure.oauthError : description;
            fuzz::check(r.failure.message.contains(said),
                        "the message garbles the server's error or error_description",
                        QStringLiteral("said: ") + said + QStringLiteral("; message: ")
                                + r.failure.message);
        }
        return 0;
    }
    const TokenSet &t = r.tokens;
    fuzz::check(!t.accessToken.isEmpty(), "success without an access token");
    fuzz::check(t.tokenType == QLatin1String("Bearer"), "success with a non-Bearer type");
    fuzz::check(t.obtainedAt == now, "obtainedAt is not now");
    fuzz::check(!t.expiresAt.isValid() || t.expiresAt > now, "expires at or before now",
                t.expiresAt.toString(Qt::ISODate));
    fuzz::check(t.isUnexpiredAt(now), "a fresh token is already expired");
    (void)t.isFreshAt(now);
    (void)t.refreshLeadSeconds();

    bool ok = false;
    const TokenSet back = TokenSet::fromJson(t.toJson(), &ok);
    fuzz::check(ok, "the keychain form of a parsed token does not read back");
    fuzz::check(back.accessToken == t.accessToken && back.refreshToken == t.refreshToken
                        && back.tokenType == t.tokenType && back.scope == t.scope
                        && back.obtainedAt == t.obtainedAt,
                "the keychain form changes the tokens");
    fuzz::check(back.expiresAt == t.expiresAt, "the keychain form changes the expiry",
                QStringLiteral("expires at %1 (year %2), read back as %3")
                        .arg(QString::number(t.expiresAt.toSecsSinceEpoch()),
                             QString::number(t.expiresAt.date().year()),
                             back.expiresAt.isValid()
                                     ? QString::number(back.expiresAt.toSecsSinceEpoch())
                                     : QStringLiteral("invalid (never expires)")));
    return 0;
}

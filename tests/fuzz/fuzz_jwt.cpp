// jwt::claims: the payload of a JWT access token, decoded for the token inspector.
// Input: the token (UTF-8).
// Checks: the claims found read back the same from a token re-encoded around them.
#include "fuzzsupport.h"

#include "auth/jwt.h"

#include <QJsonDocument>

using namespace chartkey;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString token = QString::fromUtf8(fuzz::bytes(data, size));
    const auto claims = jwt::claims(token);
    if (!claims)
        return 0;
    const QByteArray payload = QJsonDocument(*claims).toJson(QJsonDocument::Compact).toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const auto again = jwt::claims(QStringLiteral("eyJhbGciOiJSUzI1NiJ9.%1.c2ln")
                                           .arg(QString::fromLatin1(payload)));
    fuzz::check(again.has_value(), "re-encoded claims are not a JWT any more");
    fuzz::check(*again == *claims, "re-encoded claims differ");
    return 0;
}

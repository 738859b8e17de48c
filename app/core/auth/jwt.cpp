#include "jwt.h"

#include <QByteArray>
#include <QJsonDocument>

namespace chartkey::jwt {

std::optional<QJsonObject> claims(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3 || parts.at(1).isEmpty())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
            parts.at(1).toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace chartkey::jwt

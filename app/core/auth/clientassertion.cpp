#include "clientassertion.h"

#include "auth/jose.h"

#include <QRandomGenerator>

#include <array>

namespace chartkey::clientassertion {

QJsonObject claims(const QString &clientId, const QUrl &audience, const QDateTime &now,
                   const QString &jti)
{
    const qint64 iat = now.toSecsSinceEpoch();
    return {
            {QStringLiteral("iss"), clientId},
            {QStringLiteral("sub"), clientId},
            {QStringLiteral("aud"), audience.toString()},
            {QStringLiteral("iat"), iat},
            {QStringLiteral("exp"), iat + kAssertionLifetimeSeconds},
            {QStringLiteral("jti"), jti},
    };
}

QString freshJti()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()),
                           qsizetype(words.size() * sizeof(quint32)));
    return QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray make(const QString &clientId, const QUrl &audience, const QJsonObject &privateJwk,
                const QDateTime &now, QString *error)
{
    return jose::signJwt(claims(clientId, audience, now, freshJti()), privateJwk, error);
}

} // namespace chartkey::clientassertion

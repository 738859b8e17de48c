#include "pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <vector>

namespace chartkey::pkce {

namespace {
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QByteArray randomUrlSafe(int bytes)
{
    std::vector<quint32> words((bytes + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QByteArray raw(reinterpret_cast<const char *>(words.data()), bytes);
    return raw.toBase64(kBase64Url);
}

QByteArray makeVerifier()
{
    return randomUrlSafe(32);
}

QByteArray challengeS256(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kBase64Url);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Length is not secret (state and verifiers have fixed lengths); contents are.
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace chartkey::pkce

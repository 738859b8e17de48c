#include "secretnames.h"

#include <QStringList>

#include <algorithm>

namespace chartkey::secretnames {

namespace {

QString loose(QStringView key)
{
    QString k = key.toString().toLower();
    k.remove(QLatin1Char('_'));
    k.remove(QLatin1Char('-'));
    return k;
}

} // namespace

const QList<QLatin1StringView> &all()
{
    // Never destroyed: the log redactor reads it while Qt logs after main() has returned.
    static const auto *names = new QList<QLatin1StringView>{
            // Tokens (RFC 6749, OpenID Connect; RFC 7009 calls the revoked one "token").
            QLatin1StringView("access_token"),
            QLatin1StringView("refresh_token"),
            QLatin1StringView("id_token"),
            QLatin1StringView("token"),
            // One sign-in attempt: the authorization code, the PKCE verifier, the CSRF state
            // and the OpenID nonce.
            QLatin1StringView("code"),
            QLatin1StringView("code_verifier"),
            QLatin1StringView("state"),
            QLatin1StringView("nonce"),
            // Client credentials: a secret, a signed assertion (RFC 7521/7523), a key.
            QLatin1StringView("client_secret"),
            QLatin1StringView("secret"),
            QLatin1StringView("client_assertion"),
            QLatin1StringView("assertion"),
            QLatin1StringView("private_key"),
            // A private_key_jwt client's keys (the keychain entry client-key:<profile>, a
            // private JWK).
            QLatin1StringView("client_key"),
            QLatin1StringView("private_jwk"),
            // Resource-owner password credentials.
            QLatin1StringView("password"),
    };
    return *names;
}

bool isSecret(QStringView name)
{
    const QList<QLatin1StringView> &names = all();
    return std::any_of(names.begin(), names.end(), [name](QLatin1StringView n) {
        return name.compare(n, Qt::CaseInsensitive) == 0;
    });
}

bool looksLikeSecret(QStringView key)
{
    const QString k = loose(key);
    const QList<QLatin1StringView> &names = all();
    return std::any_of(names.begin(), names.end(),
                       [&k](QLatin1StringView n) { return loose(QString(n)) == k; });
}

bool isToken(QStringView name)
{
    return name.contains(QLatin1StringView("token"), Qt::CaseInsensitive);
}

QString alternation()
{
    QStringList names;
    for (QLatin1StringView n : all())
        names << QString(n);
    // Longest first, so that "code_verifier" is tried before "code".
    std::stable_sort(names.begin(), names.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return names.join(QLatin1Char('|'));
}

} // namespace chartkey::secretnames

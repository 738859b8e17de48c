// The tokens of one session and the arithmetic of their expiry.
#pragma once

#include "base/failure.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace chartkey {

struct TokenSet
{
    QString accessToken;
    QString refreshToken;
    QString tokenType;
    QString scope;          // as granted by the server (or as requested when it did not say)
    QDateTime obtainedAt;   // UTC
    QDateTime expiresAt;    // UTC; invalid when the server gave no expires_in

    bool isEmpty() const { return accessToken.isEmpty(); }
    bool canRefresh() const { return !refreshToken.isEmpty(); }

    // Seconds before expiry at which a refresh is due: 5 minutes, or a quarter of the
    // lifetime for short-lived tokens.
    qint64 refreshLeadSeconds() const;

    // True when the access token can be used at `now` without refreshing first.
    bool isFreshAt(const QDateTime &now) const;

    // True when the access token has not yet expired at `now` (it may be due for refresh).
    bool isUnexpiredAt(const QDateTime &now) const;

    // The form kept in the keychain.
    QByteArray toJson() const;
    static TokenSet fromJson(const QByteArray &json, bool *ok);

    // Registers every secret of this set with the log redactor.
    void registerSecrets() const;
};

// Parses a token endpoint answer (RFC 6749 sections 5.1 and 5.2). `requestedScope` is used
// when a successful answer omits `scope` (RFC 6749: then the grant equals the request).
struct TokenResponse
{
    TokenSet tokens;
    Failure failure;

    static TokenResponse parse(int httpStatus, const QByteArray &contentType,
                               const QByteArray &body, const QDateTime &now,
                               const QString &requestedScope);
};

// The sentence a person reads for an OAuth error code from the token endpoint.
QString describeTokenError(const QString &error, const QString &description, int httpStatus);

} // namespace chartkey

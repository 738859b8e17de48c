#include "idtoken.h"

#include "auth/jwt.h"

#include "auth/jose.h"
#include "auth/pkce.h"
#include "base/logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::IdToken", text);
}

using Check = IdTokenResult::Check;

// NumericDate values (RFC 7519) far outside any real token are not turned into a QDateTime:
// a cast of such a double to an integer is undefined.
constexpr double kMaxSeconds = 1e11; // about the year 5000

QDateTime toDateTime(double seconds)
{
    if (!std::isfinite(seconds) || std::fabs(seconds) > kMaxSeconds)
        return {};
    // UTC on Qt 6.4 and 6.8 alike; the Qt::TimeSpec overloads are deprecated from Qt 6.8 on.
    return QDateTime::fromMSecsSinceEpoch(qint64(std::floor(seconds * 1000))).toUTC();
}

QString describeTime(double seconds)
{
    const QDateTime time = toDateTime(seconds);
    return time.isValid() ? time.toString(Qt::ISODate) : QString::number(seconds, 'g', 17);
}

IdTokenResult failure(Check check, const QString &message, const QString &detail = {})
{
    IdTokenResult result;
    result.failed = check;
    result.message = message;
    result.detail = detail;
    return result;
}

Check checkFor(jose::VerifyStatus status)
{
    switch (status) {
    case jose::VerifyStatus::Ok:
        return Check::Passed;
    case jose::VerifyStatus::Malformed:
        return Check::Malformed;
    case jose::VerifyStatus::AlgorithmRefused:
        return Check::AlgorithmRefused;
    case jose::VerifyStatus::UnknownKey:
        return Check::UnknownKey;
    case jose::VerifyStatus::BadSignature:
        return Check::BadSignature;
    case jose::VerifyStatus::BadKeySet:
        return Check::BadKeySet;
    }
    return Check::Malformed;
}

} // namespace

namespace idtoken {

QByteArray leftHalfHash(const QByteArray &token, const QString &alg)
{
    const auto algorithm = jose::algorithmFromName(alg);
    if (!algorithm)
        return {};
    const int size = jose::hashSize(*algorithm);
    const auto method = size == 64 ? QCryptographicHash::Sha512
                      : size == 48 ? QCryptographicHash::Sha384
                                   : QCryptographicHash::Sha256;
    return QCryptographicHash::hash(token, method)
            .left(size / 2)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

IdTokenResult validate(const QByteArray &idToken, const QJsonObject &jwks,
                       const IdTokenExpectations &expected)
{
    log::registerSecret(QString::fromLatin1(idToken));
    log::registerSecret(expected.accessToken);

    // 1-4: the JWS, its algorithm, its key, its signature.
    const jose::Verification verification = jose::verify(idToken, jwks);
    if (!verification.isOk()) {
        const Check check = checkFor(verification.status);
        QString message;
        switch (check) {
        case Check::Malformed:
            message = tr("The ID token is not a well-formed signed JWT. %1")
                              .arg(verification.message);
            break;
        case Check::UnknownKey:
            message = tr("The ID token was signed with a key chartkey does not have. %1")
                              .arg(verification.message);
            break;
        default:
            message = tr("The ID token cannot be trusted. %1").arg(verification.message);
            break;
        }
        return failure(check, message, verification.detail);
    }
    if (!verification.jws.payloadIsObject)
        return failure(Check::Malformed,
                       tr("The ID token is not a well-formed signed JWT: its payload is not a "
                          "JSON object of claims."));
    const QJsonObject &claims = verification.jws.claims;

    // 5: iss
    const QJsonValue iss = claims.value(QStringLiteral("iss"));
    if (!iss.isString() || iss.toString().isEmpty())
        return failure(Check::Issuer, tr("The ID token names no issuer (iss)."));
    if (iss.toString() != expected.issuer)
        return failure(Check::Issuer,
                       tr("The ID token's issuer (iss) is %1, but this server's issuer is %2: "
                          "the token comes from another server, or the profile's discovery "
                          "document is wrong.")
                               .arg(iss.toString(), expected.issuer));

    // 6: aud
    const QJsonValue aud = claims.value(QStringLiteral("aud"));
    QStringList audiences;
    if (aud.isString()) {
        audiences.append(aud.toString());
    } else if (aud.isArray()) {
        for (const QJsonValue &one : aud.toArray()) {
            if (!one.isString())
                return failure(Check::Audience,
                               tr("The ID token's audience (aud) lists something that is not a "
                                  "client ID."));
            audiences.append(one.toString());
        }
    } else if (aud.isUndefined()) {
        return failure(Check::Audience, tr("The ID token names no audience (aud)."));
    } else {
        return failure(Check::Audience,
                       tr("The ID token's audience (aud) is neither a string nor a list."));
    }
    if (!audiences.contains(expected.clientId))
        return failure(Check::Audience,
                       tr("The ID token's audience (aud) does not include this client (%1): it "
                          "was issued to %2.")
                               .arg(expected.clientId,
                                    audiences.isEmpty() ? tr("no one")
                                                        : audiences.join(QStringLiteral(", "))));

    // 7: azp
    const QJsonValue azp = claims.value(QStringLiteral("azp"));
    if (azp.isUndefined()) {
        if (audiences.size() > 1)
            return failure(Check::AuthorizedParty,
                           tr("The ID token names several audiences (aud: %1) but no authorized "
                              "party (azp), so it does not say it was issued to this client "
                              "(%2).")
                                   .arg(audiences.join(QStringLiteral(", ")), expected.clientId));
    } else if (!azp.isString() || azp.toString() != expected.clientId) {
        return failure(Check::AuthorizedParty,
                       tr("The ID token's authorized party (azp) is %1, not this client (%2).")
                               .arg(azp.isString() ? azp.toString() : tr("not a string"),
                                    expected.clientId));
    }

    // 8, 9: exp, iat
    if (!expected.now.isValid())
        return failure(Check::Expired,
                       tr("chartkey has no current time to check the ID token's expiry (exp) "
                          "against."));
    const double now = double(expected.now.toMSecsSinceEpoch()) / 1000;
    const int skew = std::max(0, expected.clockSkewSeconds);
    const QString nowText = expected.now.toUTC().toString(Qt::ISODate);
    const QJsonValue exp = claims.value(QStringLiteral("exp"));
    if (!exp.isDouble())
        return failure(Check::Expired, tr("The ID token has no expiry time (exp) as a number."));
    if (!(now <= exp.toDouble() + skew))
        return failure(Check::Expired,
                       tr("The ID token expired at %1 (exp), more than %2 s before this "
                          "computer's time, %3. If the token is new, check this computer's "
                          "clock.")
                               .arg(describeTime(exp.toDouble()), QString::number(skew), nowText));
    const QJsonValue iat = claims.value(QStringLiteral("iat"));
    if (!iat.isDouble())
        return failure(Check::IssuedAt, tr("The ID token has no issue time (iat) as a number."));
    if (!(iat.toDouble() <= now + skew))
        return failure(Check::IssuedAt,
                       tr("The ID token was issued at %1 (iat), more than %2 s after this "
                          "computer's time, %3. Check this computer's clock.")
                               .arg(describeTime(iat.toDouble()), QString::number(skew), nowText));

    // 10: nonce
    if (!expected.nonce.isEmpty()) {
        const QJsonValue nonce = claims.value(QStringLiteral("nonce"));
        if (!nonce.isString())
            return failure(Check::Nonce,
                           tr("The ID token carries no nonce, but chartkey sent one with this "
                              "sign-in: the token may come from another sign-in."));
        if (!pkce::constantTimeEquals(nonce.toString().toUtf8(), expected.nonce.toUtf8()))
            return failure(Check::Nonce,
                           tr("The ID token's nonce is not the one chartkey sent with this "
                              "sign-in: the token may come from another sign-in."));
    }

    // 11: at_hash
    const QJsonValue atHash = claims.value(QStringLiteral("at_hash"));
    if (!atHash.isUndefined()) {
        if (!atHash.isString())
            return failure(Check::AccessTokenHash,
                           tr("The ID token's access token hash (at_hash) is not a string."));
        if (expected.accessToken.isEmpty())
            return failure(Check::AccessTokenHash,
                           tr("The ID token carries an access token hash (at_hash), but no access "
                              "token came with it."));
        const QByteArray computed =
                leftHalfHash(expected.accessToken.toUtf8(), verification.jws.alg());
        if (!pkce::constantTimeEquals(atHash.toString().toUtf8(), computed))
            return failure(Check::AccessTokenHash,
                           tr("The ID token's access token hash (at_hash) does not match the "
                              "access token that came with it: the access token may have been "
                              "swapped."));
    }

    // 12: sub
    const QJsonValue sub = claims.value(QStringLiteral("sub"));
    if (!sub.isString() || sub.toString().isEmpty())
        return failure(Check::Subject, tr("The ID token names no subject (sub)."));
    if (!expected.previousSubject.isEmpty() && sub.toString() != expected.previousSubject)
        return failure(Check::SubjectChanged,
                       tr("The renewed ID token's subject (sub) is not the user who signed in: "
                          "the server answered for another account. Sign in again."));

    IdTokenResult result;
    result.failed = Check::Passed;
    result.message = tr("The ID token is valid.");
    result.identity = identityFromClaims(claims);
    return result;
}

IdTokenIdentity identityFromClaims(const QJsonObject &claims)
{
    IdTokenIdentity id;
    id.subject = claims.value(QStringLiteral("sub")).toString();
    for (const char *member : {"name", "preferred_username", "email"}) {
        const QString value = claims.value(QLatin1String(member)).toString();
        if (!value.isEmpty()) {
            id.name = value;
            break;
        }
    }
    id.fhirUser = claims.value(QStringLiteral("fhirUser")).toString();
    id.issuer = claims.value(QStringLiteral("iss")).toString();
    if (claims.value(QStringLiteral("exp")).isDouble())
        id.expiresAt = toDateTime(claims.value(QStringLiteral("exp")).toDouble());
    if (claims.value(QStringLiteral("iat")).isDouble())
        id.issuedAt = toDateTime(claims.value(QStringLiteral("iat")).toDouble());
    id.claims = claims;
    return id;
}

IdTokenIdentity identityOf(const QString &validatedIdToken)
{
    const std::optional<QJsonObject> claims = jwt::claims(validatedIdToken);
    return claims ? identityFromClaims(*claims) : IdTokenIdentity();
}

IdTokenIdentity identityOf(const TokenSet &tokens)
{
    IdTokenIdentity id = identityOf(tokens.idToken);
    if (id.name.isEmpty())
        id.name = tokens.displayName;
    return id;
}

} // namespace idtoken

} // namespace chartkey

// RFC 7636 proof key (S256), state values and a constant-time comparison.
// Everything random here comes from the system CSPRNG.
#pragma once

#include <QByteArray>

namespace chartkey::pkce {

// base64url (no padding) of `bytes` random bytes from QRandomGenerator::system().
QByteArray randomUrlSafe(int bytes = 32);

// A fresh code verifier: 32 random bytes, 43 base64url characters.
QByteArray makeVerifier();

// BASE64URL(SHA256(ASCII(verifier))), RFC 7636 section 4.2.
QByteArray challengeS256(const QByteArray &verifier);

// Compares without an early exit, so timing does not tell how much matched.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace chartkey::pkce

// Every piece of chartkey that depends on the Qt Network Authorization version, in one place.
//
// Qt 6.4 (Debian 12)                       | Qt 6.8 (Debian 13; Windows/macOS builds)
// -----------------------------------------+---------------------------------------------
// no PKCE API: chartkey adds S256 itself   | built-in PKCE, S256 by default, switched off
//                                          | here: chartkey exchanges the code itself and
//                                          | needs the verifier, which Qt keeps private
// reply handler binds every interface      | binds loopback; still bound explicitly here
//   unless given an address; the (address, |
//   port) constructor has an overload trap |
// callback checked with operator!=, code   | same flow; chartkey takes the callback over on
//   exchanged with silent errors           | both, so there is one tested path
// redirect_uri http://127.0.0.1:<port>/... | Qt would send http://localhost:<port>/...;
//                                          | chartkey sets its own on both (EHRs accept any
//                                          | port only for 127.0.0.1)
//
// Tested on both: Debian 12 by the whole suite, Debian 13 by the stage tests/trixie (the
// unit tests, and a real sign-in through Qt 6.8's reply handler against the sandbox EHR).
//
// Could Qt's own PKCE, nonce and refresh replace chartkey's? Not in 6.8; decided from Debian
// 13's Qt 6.8.2 headers (qoauth2authorizationcodeflow.h, qabstractoauth2.h), the symbols its
// libQt6NetworkAuth.so.6.8.2 exports, and qtnetworkauth's 6.8 sources:
//   PKCE     6.8 has setPkceMethod(S256|Plain|None, length). The verifier now comes from the
//            system CSPRNG (6.8's library imports QRandomGenerator64::system(); 6.4's only a
//            clock for an mt19937 seed), but it is private, with no getter, and is sent only
//            by Qt's own code exchange (requestAccessToken()). chartkey exchanges the code
//            with its own TokenClient (error bodies read, `iss` checked first, constant-time
//            state), so it needs the verifier itself; and 6.4 needs chartkey's anyway. Kept:
//            pkce.cpp, with Qt's switched off (disableBuiltInPkce).
//   nonce    none in 6.8 (NonceMode, nonce(), idToken() arrived in 6.9, which no Debian
//            release has). Kept: auth/idtoken.cpp.
//   refresh  6.8 has only refreshAccessToken(): one flow object in one process, sends an
//            empty `client_secret=` and no `scope`, and reports a refused refresh as
//            requestFailed(ServerError) without error_description. refreshTokens(),
//            autoRefresh and refreshLeadTime are 6.9. Even there they would refresh per
//            process: two processes refreshing a single-use (rotated) refresh token at once
//            reuse it, and the EHR revokes the whole grant. Kept: TokenClient and Session
//            (one refresh at a time across processes, the rotated token in the keychain
//            before the new access token is used, invalid_grant signs out).
#pragma once

#include <QHostAddress>
#include <QString>

class QOAuth2AuthorizationCodeFlow;
class QOAuthHttpServerReplyHandler;
class QObject;

namespace chartkey::qtcompat {

// Makes the flow send no PKCE parameters of its own (chartkey adds them).
void disableBuiltInPkce(QOAuth2AuthorizationCodeFlow *flow);

// A reply handler listening on `address` (a loopback address) and `port` (0 = any free
// port) only. Check isListening(): false when the port is taken.
QOAuthHttpServerReplyHandler *listenLoopback(const QHostAddress &address, quint16 port,
                                             QObject *parent);

// Stops the flow from handling the redirect itself (state compared with operator!=, code
// exchanged by Qt with errors that emit nothing in 6.4). Call after grant().
void takeOverCallback(QOAuth2AuthorizationCodeFlow *flow);

} // namespace chartkey::qtcompat

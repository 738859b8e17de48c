// Every piece of chartkey that depends on the Qt Network Authorization version, in one place.
//
// Qt 6.4 (Debian 12)                       | Qt 6.8+ (Windows/macOS builds)
// -----------------------------------------+---------------------------------------------
// no PKCE API: chartkey adds S256 itself   | built-in PKCE, switched off here: chartkey
//                                          | exchanges the code itself and needs the verifier
// reply handler binds every interface      | binds loopback; still bound explicitly here
//   unless given an address; the (address, |
//   port) constructor has an overload trap |
// callback checked with operator!=, code   | same flow; chartkey takes the callback over on
//   exchanged with silent errors           | both, so there is one tested path
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

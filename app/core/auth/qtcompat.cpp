#include "qtcompat.h"

#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QtGlobal>

namespace chartkey::qtcompat {

void disableBuiltInPkce(QOAuth2AuthorizationCodeFlow *flow)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    flow->setPkceMethod(QOAuth2AuthorizationCodeFlow::PkceMethod::None);
#else
    Q_UNUSED(flow); // 6.4 has no PKCE of its own
#endif
}

QOAuthHttpServerReplyHandler *listenLoopback(const QHostAddress &address, quint16 port,
                                             QObject *parent)
{
    // The default and (port) constructors start listening on every interface at once, and
    // (QHostAddress::LocalHost, port) with the enum picks the (quint16, QObject *) overload.
    // Only an explicit QHostAddress object selects the (address, port) constructor.
    Q_ASSERT(address.isLoopback());
    return new QOAuthHttpServerReplyHandler(QHostAddress(address), port, parent);
}

void takeOverCallback(QOAuth2AuthorizationCodeFlow *flow)
{
    // The flow routes the reply handler's callbackReceived() into its own
    // authorizationCallbackReceived() signal, which feeds its private handler. Cutting the
    // flow's outgoing connections of that signal leaves the redirect to chartkey alone.
    QObject::disconnect(flow, &QAbstractOAuth2::authorizationCallbackReceived, nullptr, nullptr);
}

} // namespace chartkey::qtcompat

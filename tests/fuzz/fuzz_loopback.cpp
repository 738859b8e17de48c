// The loopback listener of the browser sign-in: Qt's QOAuthHttpServerReplyHandler, made by
// qtcompat::listenLoopback as BrowserSignIn makes it, with chartkey's checkCallback on what
// it delivers. Exercises Qt's request-line and header parser, its URL and query decoding,
// and ours.
// Input: the raw bytes a browser (or any local process) sends, e.g.
// "GET /callback?code=...&state=... HTTP/1.1\r\nHost: 127.0.0.1:35171\r\n\r\n".
// One listener serves every input (renewed every kRenewEvery inputs, see below); each input
// is written over a fresh QTcpSocket, the write side is then shut, and events are processed
// until the listener has answered or closed the connection (at most kWaitMs).
#include "fuzzsupport.h"

#include "auth/callbackcheck.h"
#include "auth/qtcompat.h"

#include <QEventLoop>
#include <QOAuthHttpServerReplyHandler>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

using namespace chartkey;

namespace {

constexpr int kWaitMs = 3000;
// Qt 6.4's handler keeps the parse state of every connection that closed before its request
// line was complete, keyed by the (then dangling) socket pointer, for the life of the
// handler; renewing it bounds that growth.
constexpr int kRenewEvery = 2000;

const CallbackContext &context()
{
    static const CallbackContext c{
            QByteArrayLiteral("q2X0vG8mK3rT7yBn5cWf1LhJ9sPd4ZaE6uRk0iNoQx8"),
            QStringLiteral("https://example.canvasmedical.com"),
            QStringLiteral("user/Patient.read user/Appointment.read offline_access launch"),
            QStringLiteral("http://127.0.0.1:35171/callback")};
    return c;
}

int g_callbacks = 0;

QOAuthHttpServerReplyHandler *listener()
{
    static QOAuthHttpServerReplyHandler *handler = nullptr;
    static int uses = 0;
    if (handler && ++uses % kRenewEvery == 0) {
        delete handler;
        handler = nullptr;
    }
    if (!handler) {
        handler = qtcompat::listenLoopback(QHostAddress(QHostAddress::LocalHost), 0, nullptr);
        fuzz::check(handler->isListening(), "the loopback listener does not listen");
        handler->setCallbackPath(QStringLiteral("/callback"));
        handler->setCallbackText(QStringLiteral("chartkey has the answer from the sign-in."));
        QObject::connect(handler, &QAbstractOAuthReplyHandler::callbackReceived,
                         [](const QVariantMap &values) {
                             ++g_callbacks;
                             const CallbackVerdict v = checkCallback(values, context());
                             if (v.kind == CallbackVerdict::Kind::Code)
                                 fuzz::check(!v.code.isEmpty(), "a Code verdict without a code");
                             if (v.kind == CallbackVerdict::Kind::Failed)
                                 fuzz::check(!v.failure.message.isEmpty(),
                                             "a failure without a message");
                         });
    }
    return handler;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::application();
    fuzz::silenceQtMessages(); // "Invalid Method", "Invalid request: ..." once per input
    listener();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QOAuthHttpServerReplyHandler *handler = listener();
    g_callbacks = 0;

    QTcpSocket client;
    client.connectToHost(QHostAddress(QHostAddress::LocalHost), handler->port());
    fuzz::check(client.waitForConnected(kWaitMs), "cannot connect to the listener");
    client.write(reinterpret_cast<const char *>(data), qint64(size));
    while (client.bytesToWrite() > 0 && client.state() == QAbstractSocket::ConnectedState)
        if (!client.waitForBytesWritten(kWaitMs))
            break;
    // End of request: the listener sees EOF even when the request line never ends.
    if (client.state() == QAbstractSocket::ConnectedState)
        ::shutdown(int(client.socketDescriptor()), SHUT_WR);

    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&client, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&client, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    if (client.state() != QAbstractSocket::UnconnectedState) {
        deadline.start(kWaitMs);
        loop.exec();
    }
    fuzz::check(deadline.isActive() || client.state() == QAbstractSocket::UnconnectedState,
                "the listener neither answered nor closed the connection in time");
    fuzz::check(g_callbacks <= 1, "one request delivered more than one callback");
    client.abort();
    // The listener's side of the connection is deleted with deleteLater().
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return 0;
}

// BrowserSignIn without a browser or an EHR: the authorization URL, the loopback listener,
// the callback checks and the code exchange against the scripted OAuth server.
#include "auth/browsersignin.h"
#include "auth/pkce.h"
#include "auth/tokenclient.h"
#include "auth/urlopener.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include "fakeclock.h"
#include "recordingnam.h"
#include "scriptedserver.h"

#include <memory>

using namespace chartkey;
using test::ScriptedServer;

namespace {

class RecordingOpener final : public UrlOpener
{
public:
    QList<QUrl> urls;
    bool open(const QUrl &url, QString *) override
    {
        urls << url;
        return true;
    }
};

const QString kCode = QStringLiteral("code-0123456789abcdef");
const QString kAccess = QStringLiteral("AT-signin-0123456789abcdef");
const QString kRefresh = QStringLiteral("RT-signin-0123456789abcdef");
const QString kToken = QLatin1String(ScriptedServer::kToken);

QString param(const QUrl &url, const char *name)
{
    return QUrlQuery(url).queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

QString field(const QByteArray &formBody, const char *name)
{
    return QUrlQuery(QString::fromLatin1(formBody))
            .queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

// LISTEN sockets on `port` in /proc/net/tcp{,6}: their local addresses, in hex.
QStringList listeningAddresses(quint16 port)
{
    QStringList found;
    const QString suffix = QStringLiteral(":%1").arg(port, 4, 16, QLatin1Char('0')).toUpper();
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile f(QString::fromLatin1(table));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        f.readLine();
        while (!f.atEnd()) {
            const QStringList cols =
                    QString::fromLatin1(f.readLine()).simplified().split(QLatin1Char(' '));
            if (cols.size() > 3 && cols.at(3) == QLatin1String("0A")
                && cols.at(1).endsWith(suffix))
                found << cols.at(1).chopped(suffix.size());
        }
    }
    return found;
}

// One GET to the loopback listener, answered or not: the raw HTTP response.
QByteArray get(quint16 port, const QString &query)
{
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    QByteArray response;
    QObject::connect(&socket, &QTcpSocket::connected, &socket, [&] {
        socket.write("GET /callback?" + query.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1:"
                     + QByteArray::number(port) + "\r\nConnection: close\r\n\r\n");
    });
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                     [&] { response += socket.readAll(); });
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    const bool answered = QTest::qWaitFor([&] {
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        const qsizetype end = response.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        static const QRegularExpression length(QStringLiteral("Content-Length:\\s*(\\d+)"),
                                               QRegularExpression::CaseInsensitiveOption);
        const auto m = length.match(QString::fromLatin1(response.left(end)));
        return m.hasMatch() && response.size() >= end + 4 + m.captured(1).toLongLong();
    }, 5000);
    Q_UNUSED(answered); // callers check the response itself
    return response;
}

} // namespace

class TestBrowserSignIn final : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<test::FakeClock> m_clock;
    std::unique_ptr<test::RecordingNetworkAccessManager> m_nam;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<TokenClient> m_tokens;
    std::unique_ptr<RecordingOpener> m_opener;
    Profile m_profile;

    std::unique_ptr<BrowserSignIn> begin()
    {
        auto signIn = std::make_unique<BrowserSignIn>(m_profile, ClientCredential(), m_tokens.get(),
                                                      m_opener.get());
        signIn->setAutoDelete(false);
        signIn->start();
        return signIn;
    }

    static quint16 portOf(const BrowserSignIn &signIn)
    {
        return quint16(QUrl(signIn.redirectUri()).port());
    }

    static QString stateOf(const BrowserSignIn &signIn)
    {
        return param(signIn.authorizationUrl(), "state");
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<SignInResult>(); }

    void init()
    {
        m_clock = std::make_unique<test::FakeClock>();
        m_nam = std::make_unique<test::RecordingNetworkAccessManager>();
        m_nam->setProxy(QNetworkProxy::NoProxy);
        m_server = std::make_unique<ScriptedServer>();
        QVERIFY(m_server->isListening());
        m_tokens = std::make_unique<TokenClient>(m_nam.get(), m_clock.get());
        m_opener = std::make_unique<RecordingOpener>();
        m_profile = Profile::canvas(QStringLiteral("T"), QUrl(QStringLiteral("http://127.0.0.1:9/")));
        m_profile.clientId = QStringLiteral("signin-client");
        m_profile.tokenUrl = m_server->tokenUrl();
    }

    void cleanup()
    {
        m_opener.reset();
        m_tokens.reset();
        m_server.reset();
        m_nam.reset();
        m_clock.reset();
    }

    void authorizationUrlCarriesPkceStateAndTheExactRedirect()
    {
        const auto signIn = begin();
        QVERIFY(signIn->isListening());
        QCOMPARE(m_opener->urls.size(), 1);
        const QUrl url = m_opener->urls.first();
        QCOMPARE(url, signIn->authorizationUrl());
        QCOMPARE(url.adjusted(QUrl::RemoveQuery), m_profile.authorizationUrl);

        const quint16 port = portOf(*signIn);
        QVERIFY(port > 0);
        QVERIFY(listeningAddresses(port).contains(QStringLiteral("0100007F")));
        const QString redirect = QStringLiteral("http://127.0.0.1:%1/callback").arg(port);
        QCOMPARE(param(url, "redirect_uri"), redirect);
        QCOMPARE(signIn->redirectUri(), redirect);

        QCOMPARE(param(url, "response_type"), QStringLiteral("code"));
        QCOMPARE(param(url, "client_id"), QStringLiteral("signin-client"));
        QCOMPARE(param(url, "scope"), m_profile.scope);
        QCOMPARE(param(url, "code_challenge_method"), QStringLiteral("S256"));
        QCOMPARE(param(url, "launch"), QStringLiteral("e30="));
        static const QRegularExpression base64url43(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
        QVERIFY(base64url43.match(param(url, "state")).hasMatch());
        QVERIFY(base64url43.match(param(url, "code_challenge")).hasMatch());
        QVERIFY(!QUrlQuery(url).hasQueryItem(QStringLiteral("code_verifier")));
        QVERIFY(!QUrlQuery(url).hasQueryItem(QStringLiteral("client_secret")));
    }

    void everyAttemptHasItsOwnStateAndChallenge()
    {
        const auto first = begin();
        const auto second = begin();
        QCOMPARE(m_opener->urls.size(), 2);
        QVERIFY(stateOf(*first) != stateOf(*second));
        QVERIFY(param(first->authorizationUrl(), "code_challenge")
                != param(second->authorizationUrl(), "code_challenge"));
        QVERIFY(portOf(*first) != portOf(*second));
    }

    void listenerIsBoundToLoopbackOnly()
    {
        const auto signIn = begin();
        const QStringList addresses = listeningAddresses(portOf(*signIn));
        QCOMPARE(addresses, QStringList{QStringLiteral("0100007F")});
        QVERIFY(!addresses.contains(QStringLiteral("00000000")));
        QVERIFY(!addresses.contains(QStringLiteral("00000000000000000000000000000000")));
    }

    void callbackWithoutStateIsIgnoredAndTheAttemptGoesOn()
    {
        const auto signIn = begin();
        QSignalSpy finished(signIn.get(), &BrowserSignIn::finished);
        const QByteArray answer = get(portOf(*signIn), QStringLiteral("code=") + kCode);
        QVERIFY2(answer.contains(" 200 "), answer.left(40).constData());
        QVERIFY(signIn->isListening());
        QCOMPARE(finished.count(), 0);
        QCOMPARE(m_server->requests(), 0);

        m_server->script(kToken, {ScriptedServer::tokens(kAccess, kRefresh, 3600)});
        const QByteArray real =
                get(portOf(*signIn), QStringLiteral("code=%1&state=%2").arg(kCode, stateOf(*signIn)));
        QVERIFY2(real.contains("has the answer from the sign-in"), real.constData());
        QVERIFY(finished.wait(5000));
        QVERIFY(signIn->result().failure.isOk());
    }

    void wrongStateIsIgnoredAndTheAttemptGoesOn()
    {
        const auto signIn = begin();
        QSignalSpy finished(signIn.get(), &BrowserSignIn::finished);
        const QString wrong = QString::fromLatin1(pkce::randomUrlSafe(32));
        // The person who opened a forged link is told it was ignored, not that it went through.
        const QByteArray forged =
                get(portOf(*signIn), QStringLiteral("code=%1&state=%2").arg(kCode, wrong));
        QVERIFY2(forged.contains("ignored this answer"), forged.constData());
        QVERIFY2(!forged.contains("has the answer"), forged.constData());
        get(portOf(*signIn), QStringLiteral("error=access_denied&state=%1").arg(wrong));
        QVERIFY(signIn->isListening());
        QCOMPARE(finished.count(), 0);
        QCOMPARE(m_server->requests(), 0);

        const QByteArray denied = get(
                portOf(*signIn),
                QStringLiteral("error=access_denied&error_description=%1&state=%2")
                        .arg(encoded(QStringLiteral("<b>No</b> thanks")), stateOf(*signIn)));
        QCOMPARE(finished.count(), 1);
        // The server's error is shown, escaped.
        QVERIFY2(denied.contains("Not signed in"), denied.constData());
        QVERIFY2(denied.contains("&lt;b&gt;No&lt;/b&gt; thanks"), denied.constData());
    }

    void accessDeniedEndsTheAttemptAndClosesTheListener()
    {
        const auto signIn = begin();
        const quint16 port = portOf(*signIn);
        QSignalSpy finished(signIn.get(), &BrowserSignIn::finished);
        get(port, QStringLiteral("error=access_denied&error_description=%1&state=%2")
                          .arg(encoded(QStringLiteral("User said no")), stateOf(*signIn)));
        QTRY_COMPARE(finished.count(), 1);
        const SignInResult r = signIn->result();
        QCOMPARE(r.failure.kind, Failure::Kind::Denied);
        QCOMPARE(r.failure.oauthError, QStringLiteral("access_denied"));
        QVERIFY(r.tokens.isEmpty());
        QVERIFY(!signIn->isListening());
        QVERIFY(listeningAddresses(port).isEmpty());
        QCOMPARE(m_server->requests(), 0);
    }

    void issuerIsCheckedBeforeTheCodeIsExchanged_data()
    {
        QTest::addColumn<QString>("iss");
        QTest::addColumn<bool>("exchanged");
        QTest::newRow("another server") << QStringLiteral("https://evil.example") << false;
        QTest::newRow("another port") << QStringLiteral("http://127.0.0.1:10") << false;
        QTest::newRow("the issuer") << QStringLiteral("http://127.0.0.1:9") << true;
        QTest::newRow("the issuer, trailing slash") << QStringLiteral("http://127.0.0.1:9/") << true;
        QTest::newRow("no iss") << QString() << true;
    }

    void issuerIsCheckedBeforeTheCodeIsExchanged()
    {
        QFETCH(QString, iss);
        QFETCH(bool, exchanged);
        m_server->script(kToken, {ScriptedServer::tokens(kAccess, kRefresh, 3600)});
        const auto signIn = begin();
        QSignalSpy finished(signIn.get(), &BrowserSignIn::finished);
        QString query = QStringLiteral("code=%1&state=%2").arg(kCode, stateOf(*signIn));
        if (!iss.isEmpty())
            query += QStringLiteral("&iss=") + encoded(iss);
        get(portOf(*signIn), query);
        QTRY_COMPARE(finished.count(), 1);
        const SignInResult r = signIn->result();
        QCOMPARE(r.failure.isOk(), exchanged);
        QVERIFY(!signIn->isListening());
        if (!exchanged) {
            QCOMPARE(r.failure.kind, Failure::Kind::Denied);
            QVERIFY(r.failure.message.contains(iss));
            // An exchange would have been sent by now (a request is made when it is posted).
            QCoreApplication::processEvents();
            QCOMPARE(m_nam->sentTo(m_profile.tokenUrl.path()), 0);
        }
        QCOMPARE(m_server->requests(), exchanged ? 1 : 0);
    }

    void codeIsExchangedWithTheVerifierAndTheExactRedirect()
    {
        m_server->script(kToken, {ScriptedServer::tokens(kAccess, kRefresh, 3600)});
        const auto signIn = begin();
        const QString challenge = param(signIn->authorizationUrl(), "code_challenge");
        QSignalSpy finished(signIn.get(), &BrowserSignIn::finished);
        get(portOf(*signIn), QStringLiteral("code=%1&state=%2").arg(kCode, stateOf(*signIn)));
        QVERIFY(!signIn->isListening());
        QTRY_COMPARE(finished.count(), 1);

        const SignInResult r = signIn->result();
        QVERIFY2(r.failure.isOk(), qPrintable(r.failure.message));
        QVERIFY(r.tokens.accessToken == kAccess);
        QVERIFY(r.tokens.refreshToken == kRefresh);
        QCOMPARE(r.tokens.expiresAt, m_clock->now().addSecs(3600));

        QCOMPARE(m_server->requests(), 1);
        const QByteArray body = m_server->bodies().first();
        QCOMPARE(field(body, "grant_type"), QStringLiteral("authorization_code"));
        QVERIFY(field(body, "code") == kCode);
        QCOMPARE(field(body, "redirect_uri"), signIn->redirectUri());
        QCOMPARE(field(body, "redirect_uri"),
                 QStringLiteral("http://127.0.0.1:%1/callback").arg(portOf(*signIn)));
        QCOMPARE(field(body, "client_id"), QStringLiteral("signin-client"));
        const QByteArray verifier = field(body, "code_verifier").toLatin1();
        QCOMPARE(verifier.size(), 43);
        QVERIFY(pkce::challengeS256(verifier) == challenge.toLatin1());
        QVERIFY(!signIn->isListening());
    }

    void refusedCodeNamesTheRedirectUriToRegister()
    {
        m_server->script(kToken, {ScriptedServer::error(400, QStringLiteral("invalid_grant"),
                                                 QStringLiteral("redirect_uri mismatch"))});
        const auto signIn = begin();
        QSignalSpy finished(signIn.get(), &BrowserSignIn::finished);
        get(portOf(*signIn), QStringLiteral("code=%1&state=%2").arg(kCode, stateOf(*signIn)));
        QTRY_COMPARE(finished.count(), 1);
        const SignInResult r = signIn->result();
        QCOMPARE(r.failure.kind, Failure::Kind::OAuth);
        QCOMPARE(r.failure.oauthError, QStringLiteral("invalid_grant"));
        QVERIFY2(r.failure.message.contains(signIn->redirectUri()), qPrintable(r.failure.message));
        QVERIFY(r.tokens.isEmpty());
    }

    void takenFixedPortIsAConfigurationFailureNamingThePort()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress(QHostAddress::LocalHost), 0));
        const quint16 port = blocker.serverPort();
        m_profile.redirectUri = QUrl(QStringLiteral("http://127.0.0.1:%1/callback").arg(port));

        const auto signIn = begin();
        QSignalSpy finished(signIn.get(), &BrowserSignIn::finished);
        QVERIFY(finished.wait(5000));
        const SignInResult r = signIn->result();
        QCOMPARE(r.failure.kind, Failure::Kind::Configuration);
        QVERIFY2(r.failure.message.contains(QString::number(port)), qPrintable(r.failure.message));
        QVERIFY2(r.failure.message.contains(QLatin1String("http://127.0.0.1/callback")),
                 qPrintable(r.failure.message));
        QVERIFY(m_opener->urls.isEmpty());
        QVERIFY(!signIn->isListening());
    }

    void noRedirectWithinTheTimeoutStopsTheAttempt()
    {
        auto signIn = std::make_unique<BrowserSignIn>(m_profile, ClientCredential(), m_tokens.get(),
                                                      m_opener.get());
        signIn->setAutoDelete(false);
        signIn->setTimeoutMs(300);
        QSignalSpy finished(signIn.get(), &BrowserSignIn::finished);
        signIn->start();
        const quint16 port = portOf(*signIn);
        QVERIFY(signIn->isListening());
        QVERIFY(finished.wait(5000));
        QCOMPARE(signIn->result().failure.kind, Failure::Kind::Timeout);
        QVERIFY(!signIn->isListening());
        QVERIFY(listeningAddresses(port).isEmpty());
        QCOMPARE(finished.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBrowserSignIn)
#include "tst_browsersignin.moc"

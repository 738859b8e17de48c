#include "browsersignin.h"

#include "auth/authorizationanswer.h"
#include "auth/callbackcheck.h"
#include "auth/pkce.h"
#include "auth/qtcompat.h"
#include "auth/urlopener.h"
#include "base/logging.h"
#include "net/http.h"
#include "net/portowner.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>

namespace chartkey {

namespace {

QString describeWait(int ms)
{
    if (ms < 120000) {
        const int seconds = (ms + 999) / 1000;
        return QCoreApplication::translate("chartkey::BrowserSignIn", "%n second(s)", nullptr,
                                           seconds);
    }
    const int minutes = ms / 60000;
    return QCoreApplication::translate("chartkey::BrowserSignIn", "%n minute(s)", nullptr,
                                       minutes);
}

QHostAddress listenAddressFor(const QUrl &redirect)
{
    const QHostAddress literal(redirect.host());
    if (!literal.isNull())
        return literal;
    return QHostAddress(QHostAddress::LocalHost); // "localhost": IPv4 loopback
}

} // namespace

BrowserSignIn::BrowserSignIn(const Profile &profile, const ClientCredential &credential,
                             TokenClient *tokens, UrlOpener *opener, QObject *parent)
    : Pending(parent)
    , m_profile(profile)
    , m_credential(credential)
    , m_tokens(tokens)
    , m_opener(opener)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        SignInResult r;
        r.failure = Failure::make(Failure::Kind::Timeout,
                                  tr("No answer came back from the browser within %1, so "
                                     "the sign-in was stopped. Sign in again, and finish the "
                                     "sign-in in the browser window.")
                                          .arg(describeWait(m_timeoutMs)),
                                  QStringLiteral("no redirect within %1 ms").arg(m_timeoutMs));
        finish(r);
    });
}

BrowserSignIn::~BrowserSignIn()
{
    closeListener();
}

bool BrowserSignIn::isListening() const
{
    return m_handler && m_handler->isListening();
}

void BrowserSignIn::start()
{
    const QUrl configured = m_profile.redirectUri;
    const QHostAddress address = listenAddressFor(configured);
    if (!address.isLoopback()) {
        SignInResult r;
        r.failure = Failure::make(Failure::Kind::Configuration,
                                  tr("The redirect URI %1 is not a loopback address. Use "
                                     "http://127.0.0.1/callback and register it on the EHR.")
                                          .arg(configured.toString()));
        QMetaObject::invokeMethod(this, [this, r] { finish(r); }, Qt::QueuedConnection);
        return;
    }

    const quint16 wanted = configured.port() > 0 ? quint16(configured.port()) : 0;
    m_handler = qtcompat::listenLoopback(address, wanted, this);
    m_handler->setCallbackPath(configured.path());
    if (!m_handler->isListening()) {
        const QString owner = describePortOwner(wanted);
        SignInResult r;
        r.failure = Failure::make(
                Failure::Kind::Configuration,
                owner.isEmpty()
                        ? tr("Port %1 on %2 is already in use, so chartkey cannot receive the "
                             "sign-in. Close the program using it, or register "
                             "%3://%2%4 (any port) on the EHR and use that as the redirect URI.")
                                  .arg(wanted)
                                  .arg(configured.host(), configured.scheme(), configured.path())
                        : tr("Port %1 on %2 is already in use by %3, so chartkey cannot receive "
                             "the sign-in. Close %3, or register %4://%2%5 (any port) on the EHR "
                             "and use that as the redirect URI.")
                                  .arg(wanted)
                                  .arg(configured.host(), owner, configured.scheme(),
                                       configured.path()),
                QStringLiteral("listen(%1, %2) failed").arg(address.toString()).arg(wanted));
        QMetaObject::invokeMethod(this, [this, r] { finish(r); }, Qt::QueuedConnection);
        return;
    }

    QUrl redirect = configured;
    redirect.setPort(m_handler->port());
    m_redirectUri = redirect.toString(QUrl::FullyEncoded);
    m_state = pkce::randomUrlSafe(32);
    m_verifier = pkce::makeVerifier();
    log::registerSecret(QString::fromLatin1(m_verifier));
    if (m_profile.asksOpenId()) {
        m_nonce = pkce::randomUrlSafe(32); // 256 bits (OpenID Connect Core 15.5.2)
        log::registerSecret(QString::fromLatin1(m_nonce));
    }
    log::registerSecret(m_credential.secret);

    m_flow = new QOAuth2AuthorizationCodeFlow(this);
    m_flow->setAuthorizationUrl(m_profile.authorizationUrl);
    m_flow->setAccessTokenUrl(m_profile.tokenUrl);
    m_flow->setClientIdentifier(m_profile.clientId);
    m_flow->setScope(m_profile.scope);
    m_flow->setState(QString::fromLatin1(m_state)); // Qt's own is predictable and reused
    m_flow->setReplyHandler(m_handler);
    qtcompat::disableBuiltInPkce(m_flow);

    const QString challenge = QString::fromLatin1(pkce::challengeS256(m_verifier));
    const QString redirectUri = m_redirectUri;
    const QString nonce = QString::fromLatin1(m_nonce);
    const auto extras = m_profile.extraAuthParams;
    m_flow->setModifyParametersFunction(
            [challenge, redirectUri, nonce, extras](QAbstractOAuth::Stage stage,
                                                    QMultiMap<QString, QVariant> *parameters) {
                if (stage != QAbstractOAuth::Stage::RequestingAuthorization)
                    return;
                // Exactly the redirect URI configured (Qt would write 127.0.0.1 for any host).
                parameters->replace(QStringLiteral("redirect_uri"), redirectUri);
                parameters->replace(QStringLiteral("code_challenge"), challenge);
                parameters->replace(QStringLiteral("code_challenge_method"),
                                    QStringLiteral("S256"));
                if (!nonce.isEmpty())
                    parameters->replace(QStringLiteral("nonce"), nonce);
                for (const auto &[name, value] : extras)
                    parameters->replace(name, value);
            });
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this,
            [this](const QUrl &url) { m_authorizationUrl = url; });
    m_flow->grant();
    qtcompat::takeOverCallback(m_flow);
    connect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, this,
            &BrowserSignIn::onCallback);

    qCInfo(lcAuth).noquote() << "sign-in started for profile" << m_profile.name << "listening on"
                             << m_redirectUri;
    if (!m_preflightNam) {
        openBrowser();
        return;
    }
    // The same browserless request `chartkey check` makes: a server that refuses the client
    // or the redirect URI says so at once, and nobody waits at a browser for nothing.
    QNetworkRequest request = http::makeRequest(m_authorizationUrl, "text/html,application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    http::send(m_preflightNam, request, "GET", {}, m_preflightTimeoutMs)
            ->then(this, [this](const http::Response &r) {
                if (m_done)
                    return;
                if (!r.failure) {
                    m_preflight = classifyAuthorizationAnswer(r.status, r.contentType,
                                                              r.header("Location"), r.body,
                                                              m_authorizationUrl, m_redirectUri);
                    if (m_preflight.stopsSignIn()) {
                        const RefusalExplained why =
                                explainRefusal(m_preflight, m_profile, m_redirectUri);
                        SignInResult result;
                        result.failure = Failure::make(
                                Failure::Kind::Configuration,
                                why.summary + QLatin1Char(' ') + why.hint,
                                QStringLiteral("pre-flight: HTTP %1, %2")
                                        .arg(r.status)
                                        .arg(describeBody(r.status, r.contentType, r.body)));
                        result.failure.httpStatus = r.status;
                        result.failure.oauthError = m_preflight.error;
                        finish(result);
                        return;
                    }
                }
                // Accepted, or cannot tell (a guess never blocks a sign-in): on to the browser.
                openBrowser();
            });
}

void BrowserSignIn::openBrowser()
{
    m_timeout.start(m_timeoutMs);
    m_browserClock.start();
    Q_EMIT authorizationUrlReady(m_authorizationUrl);
    if (m_opener) {
        QString error;
        if (!m_opener->open(m_authorizationUrl, &error))
            Q_EMIT browserFailed(error + QLatin1Char(' ')
                                 + tr("Open the sign-in address in a browser by hand."));
    }
}

void BrowserSignIn::cancel()
{
    SignInResult r;
    r.failure = Failure::make(Failure::Kind::Cancelled, tr("The sign-in was cancelled."));
    finish(r);
}

QString BrowserSignIn::callbackPage(const CallbackVerdict &verdict)
{
    const auto paragraph = [](const QString &text) {
        return QStringLiteral("<p>") + text.toHtmlEscaped() + QStringLiteral("</p>");
    };
    switch (verdict.kind) {
    case CallbackVerdict::Kind::Ignore:
        return QStringLiteral("<h1>") + tr("Ignored").toHtmlEscaped() + QStringLiteral("</h1>")
                + paragraph(tr("chartkey ignored this answer: it does not belong to the sign-in "
                               "chartkey is waiting for (its state is missing or does not "
                               "match). If you opened a link you were sent, nothing happened. "
                               "To sign in, start the sign-in in chartkey."));
    case CallbackVerdict::Kind::Failed:
        return QStringLiteral("<h1>") + tr("Not signed in").toHtmlEscaped()
                + QStringLiteral("</h1>") + paragraph(verdict.failure.message)
                + paragraph(tr("You can close this tab and return to chartkey."));
    case CallbackVerdict::Kind::Code:
        break;
    }
    return QStringLiteral("<h1>") + tr("Answer received").toHtmlEscaped() + QStringLiteral("</h1>")
            + paragraph(tr("chartkey has the answer from the sign-in. You can close this tab and "
                           "return to chartkey."));
}

void BrowserSignIn::onCallback(const QVariantMap &values)
{
    if (m_done || m_exchanging)
        return;
    const CallbackVerdict verdict = checkCallback(
            values, {m_state, m_profile.issuer, m_profile.scope, m_redirectUri});
    // The page the browser shows for this answer (Qt writes it after this slot returns; it
    // puts the text into HTML as it is, so nothing from the request goes in unescaped).
    m_handler->setCallbackText(callbackPage(verdict));
    if (verdict.kind == CallbackVerdict::Kind::Ignore) {
        // Not sent by the EHR for this attempt: answered, ignored, still waiting.
        qCWarning(lcAuth).noquote() << verdict.reason << "ignored";
        Q_EMIT callbackIgnored(verdict.reason, values.contains(QStringLiteral("code"))
                                       || values.contains(QStringLiteral("error")));
        return;
    }
    m_browserMs = m_browserClock.elapsed();
    m_timeout.stop();
    closeListener();
    if (verdict.kind == CallbackVerdict::Kind::Failed) {
        SignInResult r;
        r.failure = verdict.failure;
        finish(r);
        return;
    }
    log::registerSecret(verdict.code);
    m_issuerSeen = QUrl::fromPercentEncoding(values.value(QStringLiteral("iss")).toString().toUtf8());
    if (!m_exchangeCode) {
        SignInResult r;
        r.code = verdict.code;
        r.codeVerifier = QString::fromLatin1(m_verifier);
        r.redirectUri = m_redirectUri;
        r.issuer = m_issuerSeen;
        r.nonce = QString::fromLatin1(m_nonce);
        finish(r);
        return;
    }
    exchange(verdict.code);
}

void BrowserSignIn::exchange(const QString &code)
{
    if (!m_tokens) {
        cancel();
        return;
    }
    m_exchanging = true;
    const TokenEndpoint endpoint = tokenEndpoint(m_profile, m_credential);
    m_tokens->exchangeCode(endpoint, code, m_redirectUri, QString::fromLatin1(m_verifier))
            ->then(this, [this](const TokenResult &result) {
        SignInResult r;
        r.tokens = result.tokens;
        r.failure = result.failure;
        r.exchangeMs = result.elapsedMs;
        if (r.failure.kind == Failure::Kind::OAuth
            && r.failure.oauthError != QLatin1String("invalid_client")) {
            // A fresh code refused (invalid_grant, invalid_code, a bare 4xx): a wrong verifier
            // or redirect URI, or a stale code.
            r.failure.message = tr("The EHR did not accept the sign-in code (%1). Check that the "
                                   "registration's redirect URI is exactly %2, then sign in again.")
                                        .arg(result.failure.detail, m_redirectUri);
        }
        if (r.tokens.scope.isEmpty())
            r.tokens.scope = m_profile.scope;
        r.nonce = QString::fromLatin1(m_nonce);
        finish(r);
    });
}

void BrowserSignIn::closeListener()
{
    if (m_handler && m_handler->isListening()) {
        m_handler->close();
        qCDebug(lcAuth) << "loopback listener closed";
    }
}

void BrowserSignIn::finish(SignInResult result)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    closeListener();
    if (result.browserMs == 0)
        result.browserMs = m_browserMs;
    if (result.issuer.isEmpty())
        result.issuer = m_issuerSeen;
    m_verifier.fill('\0');
    m_nonce.fill('\0');
    if (result.failure)
        qCWarning(lcAuth).noquote() << "sign-in failed:" << result.failure.message
                                    << result.failure.detail;
    else
        qCInfo(lcAuth).noquote() << "sign-in complete; granted scope:" << result.tokens.scope;
    complete(result);
}

} // namespace chartkey

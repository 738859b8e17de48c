#include "registrationcheck.h"
#include "profile/wellknown.h"

#include "auth/authorizationanswer.h"
#include "auth/browsersignin.h"
#include "auth/clientassertion.h"
#include "auth/clientkeys.h"
#include "auth/jose.h"
#include "auth/discovery.h"
#include "auth/discoveryfetch.h"
#include "auth/pkce.h"
#include "auth/tokenclient.h"
#include "auth/urlopener.h"
#include "base/logging.h"
#include "net/activitylog.h"
#include "check/verdicts.h"
#include "profile/presets.h"
#include "profile/scopes.h"
#include "base/clock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace chartkey::check {

namespace {

// For the free functions: the same translation context as the class.
QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::check::RegistrationCheck", text);
}

// One TLS handshake with `host`, the protocol limited to `protocol`: the version agreed on, or
// why there was none.
struct TlsAnswer
{
    bool connected = false;
    QString protocol;
    QString error;
};

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    default:
        return QStringLiteral("TLS older than 1.2");
    }
}

Pending<TlsAnswer> *probeTls(const QString &host, quint16 port, QSsl::SslProtocol protocol,
                             int timeoutMs, QObject *parent)
{
    auto *op = new Pending<TlsAnswer>(parent);
    auto *socket = new QSslSocket(op);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(protocol);
    // Only the protocol is probed here; whether the certificate is trusted is the other
    // steps' question (every request of theirs verifies it).
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (protocol != QSsl::TlsV1_2OrLater) {
        // An old protocol: let OpenSSL offer it with what it needs (its default security
        // level refuses TLS 1.0/1.1's signature algorithms on this side), so that a refusal
        // is the server's.
        config.setBackendConfigurationOption(QByteArrayLiteral("CipherString"),
                                             QByteArrayLiteral("DEFAULT:@SECLEVEL=0"));
        config.setBackendConfigurationOption(QByteArrayLiteral("MinProtocol"),
                                             QByteArrayLiteral("TLSv1"));
    }
    socket->setSslConfiguration(config);
    QObject::connect(socket, &QSslSocket::encrypted, op, [op, socket] {
        TlsAnswer a;
        a.connected = true;
        a.protocol = protocolName(socket->sessionProtocol());
        socket->abort();
        op->complete(a);
    });
    QObject::connect(socket, &QSslSocket::sslErrors, op, [op](const QList<QSslError> &errors) {
        op->complete({false, {}, errors.isEmpty() ? QString() : errors.first().errorString()});
    });
    QObject::connect(socket, &QSslSocket::errorOccurred, op, [op, socket](QAbstractSocket::SocketError) {
        op->complete({false, {}, socket->errorString()});
    });
    QTimer::singleShot(timeoutMs, op, [op] {
        op->complete({false, {}, tr("no answer within the time limit")});
    });
    socket->connectToHostEncrypted(host, port);
    return op;
}

// An RFC 7662 introspection request's form body (secrets encoded so '+' survives).
QByteArray introspectionBody(const QString &token, const QString &hint, const QString &clientId,
                             const QString &clientSecret)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("token"), token);
    q.addQueryItem(QStringLiteral("token_type_hint"), hint);
    q.addQueryItem(QStringLiteral("client_id"), clientId);
    if (!clientSecret.isEmpty())
        q.addQueryItem(QStringLiteral("client_secret"), clientSecret);
    return q.toString(QUrl::FullyEncoded).replace(QLatin1Char('+'), QLatin1String("%2B")).toUtf8();
}

class UrlCatcher final : public UrlOpener
{
public:
    bool open(const QUrl &url, QString *) override
    {
        caught = url;
        return true;
    }
    QUrl caught;
};

} // namespace

QStringList stepIds()
{
    return {QStringLiteral("discovery"),      QStringLiteral("smart-configuration"),
            QStringLiteral("tls"),            QStringLiteral("redirect-uri"),
            QStringLiteral("wrong-aud"),      QStringLiteral("authorization"),
            QStringLiteral("pkce"),           QStringLiteral("token-response"),
            QStringLiteral("id-token"),       QStringLiteral("invalid-code"),
            QStringLiteral("invalid-client-id"), QStringLiteral("api"),
            QStringLiteral("no-token-read"),  QStringLiteral("introspection"),
            QStringLiteral("wrong-secret"),   QStringLiteral("key-assertions"),
            QStringLiteral("refresh"),
            QStringLiteral("invalid-refresh-token"),
            QStringLiteral("old-access-token"), QStringLiteral("revocation"),
            QStringLiteral("old-refresh-token"), QStringLiteral("revoked-introspection")};
}

Pending<CheckSecretsRead> *readCheckSecrets(SecretStore *secrets, const Profile &profile)
{
    auto *op = new Pending<CheckSecretsRead>;
    const bool needToken = profile.grant == Profile::Grant::StaticToken;
    const bool needSecret = !needToken && !profile.usesKey()
            && (profile.isConfidential() || profile.grant == Profile::Grant::ClientCredentials);
    auto fail = [op](const QString &message) {
        op->complete({{}, Failure::make(Failure::Kind::Configuration, message)});
    };
    auto readToken = [op, secrets, profile, needToken, fail](const QString &clientSecret) {
        if (!needToken) {
            op->complete({{clientSecret, {}, {}}, {}});
            return;
        }
        secrets->read(profile.tokensKey())->then(op, [op, profile, fail](const SecretStore::Result &r) {
            if (r.status == SecretStore::Status::NotFound) {
                fail(tr("No token is stored in the keychain for profile “%1”. Store it first "
                        "(chartkey profile set-token %1, or Sign in in the desktop app), then "
                        "run the check again.")
                             .arg(profile.name));
                return;
            }
            if (!r.isOk()) {
                op->complete({{}, Failure::make(Failure::Kind::Storage, r.message)});
                return;
            }
            bool ok = false;
            const TokenSet tokens = TokenSet::fromJson(r.data, &ok);
            if (!ok || tokens.isEmpty()) {
                fail(tr("The token stored for profile “%1” cannot be read. Store it again "
                        "(chartkey profile set-token %1), then run the check again.")
                             .arg(profile.name));
                return;
            }
            op->complete({{{}, tokens.accessToken, {}}, {}});
        });
    };
    if (profile.usesKey() && !needToken) {
        clientkeys::read(secrets, profile, op)->then(op, [op, profile](const KeyRingRead &r) {
            if (r.failure || !r.found) {
                op->complete({{}, r.failure ? r.failure : clientkeys::missingKey(profile)});
                return;
            }
            CheckSecrets s;
            s.signingKey = r.ring.signingKey();
            op->complete({s, {}});
        });
        return op;
    }
    if (!needSecret) {
        QMetaObject::invokeMethod(op, [readToken] { readToken(QString()); }, Qt::QueuedConnection);
        return op;
    }
    secrets->read(profile.clientSecretKey())->then(op, [op, profile, readToken, fail](const SecretStore::Result &r) {
        if (r.status == SecretStore::Status::NotFound) {
            fail(tr("No client secret is stored in the keychain for profile “%1”, a "
                    "confidential client. Store it (chartkey profile set-secret %1, or File → "
                    "Edit profile in the desktop app), then run the check again.")
                         .arg(profile.name));
            return;
        }
        if (!r.isOk()) {
            op->complete({{}, Failure::make(Failure::Kind::Storage, r.message)});
            return;
        }
        const QString secret = QString::fromUtf8(r.data);
        log::registerSecret(secret);
        readToken(secret);
    });
    return op;
}

RegistrationCheck::RegistrationCheck(const Profile &profile, const CheckSecrets &secrets,
                                     QNetworkAccessManager *nam, UrlOpener *opener,
                                     const Clock *clock, QObject *parent)
    : Pending(parent)
    , m_profile(profile)
    , m_secrets(secrets)
    , m_nam(nam)
    , m_opener(opener)
    , m_clock(clock)
    , m_activity(new ActivityLog(this))
    , m_tokens(new TokenClient(nam, clock, this))
    , m_idTokens(new IdTokenVerifier(nam, clock, this))
{
    m_tokens->setActivityLog(m_activity);
    log::registerSecret(m_secrets.clientSecret);
    log::registerSecret(m_secrets.staticToken);
}

RegistrationCheck::~RegistrationCheck() = default;

bool RegistrationCheck::skipped(const QString &id) const
{
    return m_skip.contains(id);
}

// ------------------------------------------------------------------ the sequence

void RegistrationCheck::start()
{
    if (m_running || m_done)
        return;
    m_running = true;
    m_tokens->setTimeoutMs(m_timeoutMs);
    m_report = {};
    m_report.profile = m_profile.name;
    m_report.kind = toString(m_profile.kind);
    m_report.clientId = m_profile.clientId;
    m_report.thorough = m_thorough;
    m_report.started = QDateTime::currentDateTimeUtc();
    m_totalClock.start();

    m_queue.clear();
    switch (m_profile.grant) {
    case Profile::Grant::StaticToken:
        m_accessToken = m_secrets.staticToken;
        m_queue << [this] { stepStaticToken(); } << [this] { stepApi(); };
        break;
    case Profile::Grant::ClientCredentials:
        m_queue << [this] { stepDiscovery(); } << [this] { stepSmartConfiguration(); }
                << [this] { stepTls(); } << [this] { stepClientCredentials(); }
                << [this] { stepWrongSecret(); };
        if (m_profile.usesKey())
            m_queue << [this] { stepKeyAssertions(); };
        m_queue << [this] { stepApi(); } << [this] { stepNoTokenRead(); }
                << [this] { stepIntrospection(); } << [this] { stepRevocation(); }
                << [this] { stepRevokedIntrospection(); };
        break;
    case Profile::Grant::AuthorizationCode:
        m_queue << [this] { stepDiscovery(); } << [this] { stepSmartConfiguration(); }
                << [this] { stepTls(); } << [this] { stepRedirectUri(); }
                << [this] { stepWrongAud(); }
                << [this] { stepAuthorization(); } << [this] { stepPkce(); }
                << [this] { stepCodeExchange(); } << [this] { stepIdToken(); }
                << [this] { stepInvalidCode(); } << [this] { stepInvalidClientId(); }
                << [this] { stepApi(); } << [this] { stepNoTokenRead(); }
                << [this] { stepIntrospection(); }
                << [this] { stepWrongSecret(); } << [this] { stepRefresh(); }
                << [this] { stepInvalidRefreshToken(); }
                << [this] { stepOldAccessToken(); } << [this] { stepRevocation(); }
                << [this] { stepOldRefreshToken(); } << [this] { stepCleanup(); }
                << [this] { stepRevokedIntrospection(); };
        break;
    }
    QMetaObject::invokeMethod(this, &RegistrationCheck::runNext, Qt::QueuedConnection);
}

void RegistrationCheck::cancel()
{
    if (m_done || m_cancelled)
        return;
    m_cancelled = true;
    // Nothing more is tested; what the check already holds is still revoked. A request under
    // way ends by itself (each has a deadline); a wait for the browser is ended now.
    m_queue.clear();
    m_queue << [this] { stepCleanup(); };
    if (m_signIn)
        m_signIn->cancel(); // ends the current step through onSignInFinished()
}

void RegistrationCheck::runNext()
{
    if (m_done)
        return;
    if (m_queue.isEmpty()) {
        finishAll();
        return;
    }
    auto step = m_queue.takeFirst();
    step();
}

void RegistrationCheck::begin(const QString &id, const QString &title)
{
    m_current = {};
    m_current.id = id;
    m_current.title = title;
    m_firstExchange = m_activity->rowCount();
    m_inStep = true;
    m_stepClock.start();
    Q_EMIT stepStarted(id, title);
}

void RegistrationCheck::end(Status status, const QString &summary, const QString &hint)
{
    if (!m_inStep)
        return;
    m_inStep = false;
    m_current.status = status;
    m_current.summary = summary;
    m_current.hint = hint;
    m_current.durationMs = m_stepClock.elapsed();
    const int rows = m_activity->rowCount();
    for (int row = m_firstExchange; row < rows; ++row)
        m_current.curl << m_activity->exchange(row).toCurl();
    if (m_current.answer.isEmpty() && rows > m_firstExchange)
        m_current.answer = describeExchange(m_activity->exchange(rows - 1));
    m_report.steps.append(m_current);
    Q_EMIT stepFinished(m_current);
    QMetaObject::invokeMethod(this, &RegistrationCheck::runNext, Qt::QueuedConnection);
}

void RegistrationCheck::skip(const QString &id, const QString &title, const QString &why)
{
    begin(id, title);
    end(Status::Skip, why);
}

void RegistrationCheck::stopAfter(Status status, const QString &summary, const QString &hint)
{
    // What follows needs what this step did not get; say so once, in the report's steps.
    m_queue.clear();
    m_queue << [this] { stepCleanup(); };
    end(status, summary, hint);
}

void RegistrationCheck::finishAll()
{
    if (m_done)
        return;
    m_done = true;
    m_running = false;
    m_report.durationMs = m_totalClock.isValid() ? m_totalClock.elapsed() : 0;
    complete(m_report);
}

const HttpExchange *RegistrationCheck::lastExchange() const
{
    const int rows = m_activity->rowCount();
    return rows > m_firstExchange ? &m_activity->exchange(rows - 1) : nullptr;
}

TokenEndpoint RegistrationCheck::endpoint(const QString &secret) const
{
    return tokenEndpoint(m_profile, {secret, m_secrets.signingKey});
}

// ------------------------------------------------------------------ discovery

void RegistrationCheck::stepDiscovery()
{
    const QString title = tr("Discovery document");
    const ServerPreset preset = ServerPreset::of(m_profile.kind);
    QUrl url = m_profile.discoveryUrl;
    if (url.isEmpty() && preset.discovery == ServerPreset::Discovery::SmartFromFhirBase
        && !m_profile.fhirBaseUrl.isEmpty())
        url = wellknown::smartConfiguration(m_profile.fhirBaseUrl);
    if (skipped(QStringLiteral("discovery")) || url.isEmpty()) {
        skip(QStringLiteral("discovery"), title,
             !preset.withoutDiscovery.isEmpty()
                     ? preset.withoutDiscovery
                     : tr("The profile names no discovery document."));
        return;
    }
    begin(QStringLiteral("discovery"), title);
    // Required for the presets that are configured from it; optional for the others.
    const bool required = preset.usesDiscovery;
    QNetworkRequest request = http::makeRequest(url);
    http::send(m_nam, request, "GET", {}, m_timeoutMs, m_activity)
            ->then(this, [this, url, required](const http::Response &r) {
                   const Status missing = required ? Status::Fail : Status::Skip;
                   if (r.failure) {
                       end(missing, tr("%1 could not be fetched: %2").arg(url.toString(), r.failure.message),
                           required ? tr("Check the discovery URL in the profile.") : QString());
                       return;
                   }
                   if (r.status != 200) {
                       end(missing, tr("%1 answered HTTP %2.").arg(url.toString(), QString::number(r.status)),
                           required ? tr("Check the discovery URL in the profile; for SMART servers "
                                         "it is {FHIR base}/.well-known/smart-configuration.")
                                    : tr("The server does not publish it; chartkey uses the "
                                         "profile's endpoints."));
                       return;
                   }
                   QString error;
                   const ServerMetadata m = ServerMetadata::parse(r.body, &error);
                   if (!error.isEmpty()) {
                       end(Status::Fail, error, tr("The URL must serve the JSON document itself."));
                       return;
                   }
                   m_metadata = m;
                   m_discoveryDocument = QJsonDocument::fromJson(r.body).object();
                   m_discoveryUrl = url;
                   m_discoveryRow = m_activity->rowCount() - 1;
                   Verdict v = reviewDiscovery(m, url, m_profile);
                   // A key client: the advertised methods (and grant) against the profile's.
                   const QStringList auth =
                           m_profile.usesKey() ? reviewClientAuth(m_profile, m) : QStringList();
                   if (!auth.isEmpty() && v.status == Status::Pass) {
                       v.status = Status::Warn;
                       v.summary += QLatin1Char(' ') + auth.join(QLatin1Char(' '));
                   }
                   end(v.status, v.summary, v.hint);
               });
}

// ------------------------------------------------------------------ authorization

void RegistrationCheck::stepRedirectUri()
{
    // The browser step's own authorization URL (state, PKCE challenge and port included),
    // fetched first without a browser: an EHR that refuses the redirect URI or the client says
    // so on its first answer, and a person should not have to sign in to learn that.
    const QString title = tr("Redirect URI accepted");
    begin(QStringLiteral("redirect-uri"), title);
    auto *catcher = new UrlCatcher;
    m_signIn = new BrowserSignIn(m_profile, {m_secrets.clientSecret, m_secrets.signingKey}, nullptr, catcher, this);
    m_signIn->setExchangeCode(false);
    m_signIn->setTimeoutMs(m_browserTimeoutMs);
    m_signIn->then(this, [this](const SignInResult &result) { onSignInFinished(result); });
    connect(m_signIn, &BrowserSignIn::callbackIgnored, this,
            [this](const QString &reason, bool carriedAnswer) {
                if (carriedAnswer)
                    m_ignoredCallback = reason;
            });
    connect(m_signIn, &BrowserSignIn::destroyed, this, [catcher] { delete catcher; });
    m_signIn->start();
    if (!m_signIn->isListening() || catcher->caught.isEmpty())
        return; // finished() follows with the reason (port in use, not loopback)
    m_authorizationUrl = catcher->caught;

    QNetworkRequest request = http::makeRequest(m_authorizationUrl, "text/html,application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    http::send(m_nam, request, "GET", {}, m_timeoutMs, m_activity)
            ->then(this, [this](const http::Response &r) { reviewAuthorizationAnswer(r); });
}

void RegistrationCheck::reviewAuthorizationAnswer(const http::Response &r)
{
    if (!m_signIn || !m_inStep)
        return; // stopped meanwhile
    if (r.failure) {
        m_signIn->cancel();
        stopAfter(Status::Fail,
                  tr("The authorization endpoint %1 could not be reached: %2")
                          .arg(m_profile.authorizationUrl.toString(), r.failure.message),
                  tr("Check the authorization URL in the profile."));
        return;
    }
    const AuthorizationAnswer answer =
            classifyAuthorizationAnswer(r.status, r.contentType, r.header("Location"), r.body,
                                        m_authorizationUrl, m_signIn->redirectUri());
    using K = AuthorizationAnswer::Kind;
    if (answer.kind == K::CodeBack || answer.kind == K::ErrorBack) {
        // Straight back to the redirect URI: accepted, with an error= answer or (an existing
        // session and consent) a code. The browser step reads that answer.
        m_preflightRedirect = answer.location;
        end(Status::Pass, tr("The EHR accepted the redirect URI %1 and answered on it at once "
                             "(HTTP %2).").arg(m_signIn->redirectUri(), QString::number(r.status)));
        return;
    }
    if (answer.kind == K::SignInPage) {
        end(Status::Pass, tr("The EHR accepted client %1 with the redirect URI %2 and showed its "
                             "sign-in (HTTP %3).")
                                  .arg(m_profile.clientId, m_signIn->redirectUri(),
                                       QString::number(r.status)));
        return;
    }
    if (answer.kind == K::CannotTell) {
        // A guess never fails a registration: say what came, and let the browser show it.
        end(Status::Warn,
            tr("The authorization endpoint answered HTTP %1 with neither a sign-in page nor an "
               "OAuth error, so whether it accepts client %2 and the redirect URI %3 cannot be "
               "told yet; the browser step will show it.")
                    .arg(QString::number(r.status), m_profile.clientId, m_signIn->redirectUri()),
            tr("The server's answer and the request are shown with --details (or below, in the "
               "window)."));
        return;
    }
    const QString sent = m_signIn->redirectUri();
    m_signIn->cancel();
    const RefusalExplained why = explainRefusal(answer, m_profile, sent);
    stopAfter(Status::Fail, why.summary, why.hint);
}

void RegistrationCheck::stepAuthorization()
{
    const QString title = tr("Authorization in the browser");
    if (!m_signIn) {
        skip(QStringLiteral("authorization"), title, tr("Nothing to authorize."));
        return;
    }
    begin(QStringLiteral("authorization"), title);
    m_browserStep = true;
    if (!m_preflightRedirect.isEmpty()) {
        // The EHR answered on the redirect URI without a sign-in page: deliver that answer
        // to the listener as the browser would.
        QNetworkRequest request(m_preflightRedirect);
        http::send(m_nam, request, "GET", {}, m_timeoutMs);
        return;
    }
    Q_EMIT authorizationUrlReady(m_authorizationUrl);
    if (m_opener) {
        QString error;
        if (!m_opener->open(m_authorizationUrl, &error))
            qCWarning(lcAuth).noquote() << "the browser could not be opened:" << error;
    }
}

void RegistrationCheck::onSignInFinished(const SignInResult &result)
{
    if (m_signIn)
        m_signIn->deleteLater();
    m_signIn.clear();
    if (!m_browserStep) {
        // Ended before the browser step: the listener could not start, or the pre-flight
        // found a refusal and cancelled it (that step reports itself).
        if (m_inStep && m_cancelled)
            end(Status::Skip, tr("Stopped before this step finished."));
        else if (m_inStep && result.failure.kind != Failure::Kind::Cancelled)
            stopAfter(Status::Fail, result.failure.message,
                      tr("chartkey could not listen for the redirect."));
        return;
    }
    m_browserStep = false;
    if (result.failure.kind == Failure::Kind::Cancelled) {
        end(Status::Skip, tr("Stopped before the browser answered."));
        return;
    }
    if (result.failure) {
        QString hint;
        const QString error = result.failure.oauthError;
        if (!m_ignoredCallback.isEmpty())
            hint = tr("A redirect with an answer arrived but without this attempt's state (%1): "
                      "the EHR must send state back unchanged (RFC 6749 section 4.1.2).")
                           .arg(m_ignoredCallback);
        else if (error == QLatin1String("access_denied"))
            hint = tr("The sign-in was declined. Sign in as a user allowed to use the "
                      "application and approve the requested access.");
        else if (error == QLatin1String("invalid_scope"))
            hint = tr("The application is not allowed the scope \"%1\". Allow those scopes on "
                      "the application, or ask for fewer in the profile.").arg(m_profile.scope);
        else if (error == QLatin1String("unauthorized_client"))
            hint = tr("The application may not use the authorization-code grant. Set its "
                      "grant type to \"Authorization code\" on the EHR.");
        else if (result.failure.kind == Failure::Kind::Timeout)
            hint = tr("Finish the sign-in in the browser, or open the authorization URL by hand.");
        stopAfter(Status::Fail, result.failure.message, hint);
        return;
    }
    m_code = result.code;
    m_verifier = result.codeVerifier;
    m_redirectUri = result.redirectUri;
    m_nonce = result.nonce;
    m_current.answer = tr("GET %1?code=[redacted]&state=[matched]%2")
                               .arg(m_redirectUri,
                                    result.issuer.isEmpty()
                                            ? QString()
                                            : QStringLiteral("&iss=") + result.issuer);
    QStringList facts{tr("The redirect came back to %1 with a code and this attempt's state "
                         "(compared in constant time) after %2 ms in the browser.")
                              .arg(m_redirectUri, QString::number(result.browserMs))};
    if (result.issuer.isEmpty())
        facts << tr("It carried no iss (RFC 9207 is optional; Canvas does not send it).");
    else if (m_profile.issuer.isEmpty())
        facts << tr("iss was %1 (not compared: the profile names no issuer).").arg(result.issuer);
    else
        facts << tr("iss was %1, as expected.").arg(result.issuer);
    end(Status::Pass, facts.join(QLatin1Char('\n')));
}

// ------------------------------------------------------------------ code exchange

void RegistrationCheck::stepPkce()
{
    const QString title = tr("PKCE enforced");
    if (m_code.isEmpty()) {
        skip(QStringLiteral("pkce"), title, tr("No authorization code to test with."));
        return;
    }
    if (m_profile.isConfidential() || skipped(QStringLiteral("pkce"))) {
        skip(QStringLiteral("pkce"), title,
             m_profile.isConfidential()
                     ? tr("A confidential client's secret authenticates the code exchange; PKCE "
                          "enforcement is tested for public clients.")
                     : tr("Skipped as asked."));
        return;
    }
    begin(QStringLiteral("pkce"), title);
    m_pkceProbes.clear();
    probePkce(0);
}

namespace {

// Inferno's PKCE negatives: a wrong verifier (well-formed, not the one the challenge was made
// from), none, a blank one, and the challenge itself.
struct PkceNegative
{
    QString id;
    QString what;
};

QList<PkceNegative> pkceNegatives()
{
    return {{QStringLiteral("wrong-verifier"), tr("a wrong code_verifier")},
            {QStringLiteral("no-verifier"), tr("no code_verifier")},
            {QStringLiteral("blank-verifier"), tr("a blank code_verifier")},
            {QStringLiteral("challenge-as-verifier"), tr("the code_challenge sent as code_verifier")}};
}

// The code_verifier field negative `index` sends, for a code whose right verifier is `verifier`.
std::optional<QString> pkceNegativeVerifier(int index, const QString &verifier)
{
    switch (index) {
    case 0:
        return QString::fromLatin1(pkce::makeVerifier());
    case 1:
        return std::nullopt;
    case 2:
        return QString();
    default:
        return QString::fromLatin1(pkce::challengeS256(verifier.toLatin1()));
    }
}

} // namespace

void RegistrationCheck::probePkce(int index)
{
    if (index >= pkceNegatives().size()) {
        redeemProbedCode();
        return;
    }
    sendPkceNegative(index, [this, index] { probePkce(index + 1); });
}

// Sends negative `index` on m_code and records its outcome; `next` runs after a refusal. Tokens
// (PKCE not enforced) or an answer that is no refusal end the step.
void RegistrationCheck::sendPkceNegative(int index, std::function<void()> next)
{
    const PkceNegative negative = pkceNegatives().at(index);
    m_tokens->exchangeCodeWithVerifierField(endpoint(m_secrets.clientSecret), m_code,
                                            m_redirectUri,
                                            pkceNegativeVerifier(index, m_verifier))
            ->then(this, [this, index, negative, next](const TokenResult &result) {
        if (!m_inStep)
            return;
        if (!result.tokens.isEmpty()) {
            result.tokens.registerSecrets();
            m_probeTokens = result.tokens;
            // The code is redeemed: the token steps use these tokens.
            m_code.clear();
            recordPkceProbe(index, {negative.id, Status::Fail,
                                  tr("The EHR issued tokens for a code exchange with %1: it does "
                                     "not enforce PKCE. Anyone who intercepts the redirect "
                                     "(another program on this computer can listen for it) can "
                                     "redeem the code.")
                                          .arg(negative.what)});
            endPkce();
            return;
        }
        const QString error = result.failure.oauthError;
        const int status = result.failure.httpStatus;
        if (error == QLatin1String("invalid_grant") || error == QLatin1String("invalid_request")
            || error == QLatin1String("invalid_code")
            || (result.failure.kind == Failure::Kind::OAuth && status >= 400 && status < 500
                && error != QLatin1String("invalid_client"))) {
            // A refusal, in the standard words or not (invalid_code with 403 is seen).
            recordPkceProbe(index, {negative.id, Status::Pass,
                                    tr("The EHR refused %1 (%2).").arg(negative.what, result.failure.detail)});
            next();
            return;
        }
        recordPkceProbe(index, {negative.id, Status::Warn,
                                tr("The exchange with %1 failed, but not with invalid_grant: %2")
                                        .arg(negative.what, result.failure.message)});
        endPkce();
    });
}

// After the four negatives, the exchange with the right verifier on the same code: if it works,
// the code outlived every refusal and each refusal was for its verifier alone; its tokens are
// the token-response step's. If the code is gone, the EHR used it up at the first refusal
// (RFC 6749 allows that), and only that first negative met a live code.
void RegistrationCheck::redeemProbedCode()
{
    m_tokens->exchangeCode(endpoint(m_secrets.clientSecret), m_code, m_redirectUri, m_verifier)
            ->then(this, [this](const TokenResult &result) {
        if (!m_inStep)
            return;
        result.tokens.registerSecrets();
        m_redeemed = result;
        m_redeemedRow = m_activity->rowCount() - 1;
        if (result.failure.kind == Failure::Kind::OAuth
            && result.failure.oauthError != QLatin1String("invalid_client")) {
            m_codeUsedUp = true;
            m_redeemed.reset();
            m_code.clear();
            // The later negatives met a code already gone: their refusals prove nothing.
            for (int i = 1; i < m_pkceProbes.size(); ++i) {
                if (m_pkceProbes[i].status != Status::Pass)
                    continue;
                m_pkceProbes[i].status = Status::Skip;
                m_pkceProbes[i].summary =
                        tr("Not tested: %1 was sent on a code the first refusal had used up, so "
                           "its refusal proves nothing.")
                                .arg(pkceNegatives().at(i).what);
            }
            if (m_thorough && m_opener) {
                probePkceOnFreshCode(1);
                return;
            }
        }
        endPkce();
    });
}

void RegistrationCheck::probePkceOnFreshCode(int index)
{
    const QList<PkceNegative> negatives = pkceNegatives();
    if (index >= negatives.size()) {
        endPkce();
        return;
    }
    const int count = int(negatives.size()) - 1;
    const QString why =
            tr("PKCE negative %1 of %2 (%3) needs a code of its own: the EHR used the first code "
               "up when the wrong code_verifier was refused (RFC 6749 allows that), so a later "
               "negative on it proves nothing. Sign in once more in the browser (--thorough: "
               "sign-in %4 of %5 for the PKCE negatives).")
                    .arg(index + 1)
                    .arg(negatives.size())
                    .arg(negatives.at(index).what)
                    .arg(index)
                    .arg(count);
    signInForFreshCode(why, [this, index](const Failure &failure) {
        if (!m_inStep)
            return;
        if (failure) {
            // The rest stay untested, with the reason.
            for (int i = index; i < m_pkceProbes.size(); ++i) {
                if (m_pkceProbes[i].status == Status::Skip)
                    m_pkceProbes[i].summary += QLatin1Char(' ')
                            + tr("The sign-in for its own code did not give one: %1")
                                      .arg(failure.message);
            }
            endPkce();
            return;
        }
        sendPkceNegative(index, [this, index] {
            m_pkceProbes[index].summary += QLatin1Char(' ') + tr("(On a code of its own.)");
            // Refused: this code is used up too (the server's way).
            m_code.clear();
            probePkceOnFreshCode(index + 1);
        });
    });
}

void RegistrationCheck::recordPkceProbe(int index, const ProbeResult &probe)
{
    if (index < m_pkceProbes.size())
        m_pkceProbes[index] = probe;
    else
        m_pkceProbes << probe;
}

void RegistrationCheck::endPkce()
{
    Status status = Status::Pass;
    QStringList lines;
    QString hint;
    int skippedCount = 0;
    for (const ProbeResult &p : std::as_const(m_pkceProbes)) {
        lines << p.summary;
        if (p.status == Status::Fail)
            status = Status::Fail;
        else if (p.status == Status::Warn && status != Status::Fail)
            status = Status::Warn;
        else if (p.status == Status::Skip)
            ++skippedCount;
    }
    if (status == Status::Fail) {
        hint = tr("Require PKCE (S256) for public clients on the server, and refuse a token "
                  "request whose code_verifier is missing, blank or does not hash to the "
                  "challenge. The tokens it issued are used for the rest of this check and "
                  "revoked at the end.");
    } else if (status == Status::Warn) {
        hint = tr("Whether PKCE is enforced cannot be told from this answer.");
    } else if (m_codeUsedUp && skippedCount > 0) {
        lines << tr("The EHR used the code up at the first refused exchange (RFC 6749 allows "
                    "that): the exchange with the right code_verifier then failed too. PKCE is "
                    "enforced; only the first negative met a live code.");
        if (m_thorough)
            // --thorough, but a sign-in for a negative's own code gave none (each says why).
            hint = tr("Finish each sign-in in the browser (or open the address shown by hand) "
                      "and run the check with --thorough again.");
        else
            hint = skippedCount == 1
                    ? tr("Run with --thorough to test it on its own code (1 more sign-in).")
                    : tr("Run with --thorough to test each on its own code (%1 more sign-ins).")
                              .arg(skippedCount);
    } else if (m_codeUsedUp) {
        lines << tr("Each negative after the first was sent on a code of its own (--thorough): "
                    "the EHR uses a code up at a refused exchange (RFC 6749 allows that).");
    } else if (m_redeemed && !m_redeemed->failure) {
        lines << tr("All four exchanges used the same code, and it was still redeemed with the "
                    "right code_verifier afterwards: each refusal was for its verifier alone. "
                    "The token-response step's tokens come from that exchange.");
    } else if (m_redeemed) {
        status = Status::Warn;
        lines << tr("The exchange with the right code_verifier failed as well (%1), so whether "
                    "the refusals were for the verifier cannot be told.")
                         .arg(m_redeemed->failure.message);
        hint = tr("Fix what the token-response step reports, then run the check again.");
    }
    m_current.probes = m_pkceProbes;
    end(status, lines.join(QLatin1Char('\n')), hint);
}

bool RegistrationCheck::pkceProbed() const
{
    const StepResult *probe = m_report.step(QStringLiteral("pkce"));
    return probe && probe->status != Status::Skip;
}

void RegistrationCheck::stepCodeExchange()
{
    const QString title = tr("Token response");
    if (!m_probeTokens.isEmpty()) {
        // The PKCE probe already redeemed the code.
        begin(QStringLiteral("token-response"), title);
        TokenResult r;
        r.tokens = m_probeTokens;
        m_firstExchange = qMax(0, m_activity->rowCount() - 1);
        adoptTokens(r, m_profile.scope, true);
        return;
    }
    if (m_redeemed) {
        // The PKCE step's exchange with the right verifier.
        begin(QStringLiteral("token-response"), title);
        const TokenResult result = *m_redeemed;
        m_redeemed.reset();
        m_firstExchange = qMax(0, m_redeemedRow);
        if (result.failure)
            reportExchangeFailure(result);
        else
            adoptTokens(result, m_profile.scope, true);
        return;
    }
    if (m_codeUsedUp) {
        begin(QStringLiteral("token-response"), title);
        secondSignIn();
        return;
    }
    if (m_code.isEmpty()) {
        skip(QStringLiteral("token-response"), title, tr("No authorization code to exchange."));
        return;
    }
    begin(QStringLiteral("token-response"), title);
    exchangeCode();
}

void RegistrationCheck::exchangeCode()
{
    m_tokens->exchangeCode(endpoint(m_secrets.clientSecret), m_code, m_redirectUri, m_verifier)
            ->then(this, [this](const TokenResult &result) {
                if (result.failure) {
                    if (pkceProbed() && !m_secondRound
                        && result.failure.kind == Failure::Kind::OAuth
                        && result.failure.oauthError != QLatin1String("invalid_client")) {
                        // The probe's refused exchange used the code up (RFC 6749 allows it):
                        // PKCE is enforced, and the registration is not at fault.
                        m_codeUsedUp = true;
                        secondSignIn();
                        return;
                    }
                    reportExchangeFailure(result);
                    return;
                }
                adoptTokens(result, m_profile.scope, true);
            });
}

void RegistrationCheck::reportExchangeFailure(const TokenResult &result)
{
    QString hint;
    const QString error = result.failure.oauthError;
    if (error == QLatin1String("invalid_client"))
        hint = m_profile.isConfidential()
                ? tr("The client secret is wrong: copy it again from the "
                     "application and run chartkey profile set-secret %1.")
                          .arg(m_profile.name)
                : tr("The application is registered as confidential: give "
                     "chartkey its secret, or register a public client.");
    else if (error == QLatin1String("invalid_grant"))
        hint = tr("The code or redirect URI was refused. %1").arg(redirectHint(m_profile));
    stopAfter(Status::Fail, result.failure.message, hint);
}

void RegistrationCheck::signInForFreshCode(const QString &why,
                                           std::function<void(const Failure &)> done)
{
    Q_EMIT noticeReady(why);
    ++m_extraSignIns;
    m_signIn = new BrowserSignIn(m_profile, {m_secrets.clientSecret, m_secrets.signingKey}, nullptr, m_opener, this);
    m_signIn->setExchangeCode(false);
    m_signIn->setTimeoutMs(m_browserTimeoutMs);
    connect(m_signIn, &BrowserSignIn::authorizationUrlReady, this,
            &RegistrationCheck::authorizationUrlReady);
    m_signIn->then(this, [this, done](const SignInResult &result) {
        if (m_signIn)
            m_signIn->deleteLater();
        m_signIn.clear();
        if (!result.failure) {
            m_code = result.code;
            m_verifier = result.codeVerifier;
            m_redirectUri = result.redirectUri;
            m_nonce = result.nonce;
        }
        done(result.failure);
    });
    m_signIn->start();
}

void RegistrationCheck::secondSignIn()
{
    m_secondRound = true;
    const QString why = m_thorough && m_extraSignIns > 0
            ? tr("Each PKCE negative used up the code it was sent with (the EHR does that after a "
                 "refused exchange; RFC 6749 allows it).")
            : tr("The EHR used the code up when the PKCE probe's wrong code_verifier "
                 "was refused (RFC 6749 allows that; PKCE is enforced). Only that first "
                 "PKCE negative was conclusive; the later ones met a used code.");
    if (!m_secondSignInAllowed || !m_opener) {
        stopAfter(Status::Skip,
                  why + QLatin1Char(' ')
                          + tr("The token steps have no code left to run with."),
                  tr("Run the check without --no-second-sign-in: it then asks you to sign in "
                     "once more for a fresh code."));
        return;
    }
    signInForFreshCode(why + QLatin1Char(' ')
                               + tr("Sign in once more in the browser for a fresh code for the "
                                    "token steps."),
                       [this, why](const Failure &failure) {
        if (failure) {
            stopAfter(failure.kind == Failure::Kind::Cancelled ? Status::Skip : Status::Fail,
                      why + QLatin1Char(' ')
                              + tr("The second sign-in did not give a code: %1")
                                        .arg(failure.message));
            return;
        }
        exchangeCode();
    });
}

// ------------------------------------------------------------------ OpenID Connect

void RegistrationCheck::stepIdToken()
{
    const QString title = tr("ID token (OpenID Connect)");
    if (!m_profile.asksOpenId()) {
        runNext(); // not a question: the profile does not ask for openid
        return;
    }
    if (skipped(QStringLiteral("id-token")) || m_accessToken.isEmpty()) {
        skip(QStringLiteral("id-token"), title,
             m_accessToken.isEmpty() ? tr("No tokens to check.") : tr("Skipped as asked."));
        return;
    }
    begin(QStringLiteral("id-token"), title);
    if (m_idToken.isEmpty()) {
        const bool granted =
                m_grantedScope.split(QLatin1Char(' ')).contains(QLatin1String("openid"));
        end(granted ? Status::Fail : Status::Warn,
            granted ? tr("The EHR granted openid but sent no id_token with the tokens.")
                    : tr("The EHR did not grant the openid scope, and sent no ID token."),
            tr("Allow OpenID Connect (the openid scope) on the application, or remove openid "
               "from the profile's scope."));
        return;
    }
    IdTokenCheck check;
    check.idToken = m_idToken;
    check.nonce = m_nonce;
    check.accessToken = m_firstAccessToken;
    m_idTokens->verify(m_profile, check)->then(this, [this](const IdTokenResult &verdict) {
        if (!verdict.isValid()) {
            end(Status::Fail, verdict.message,
                tr("The server's ID token does not pass OpenID Connect Core section 3.1.3.7; a "
                   "client must not trust who it names. Report it to the server's operator."));
            return;
        }
        const IdTokenIdentity &id = verdict.identity;
        QStringList facts{
                tr("Signature verified with the server's keys (%1).")
                        .arg(IdTokenVerifier::metadataUrl(m_profile).toString()),
                tr("iss %1; aud holds %2; issued %3, expires %4.")
                        .arg(id.issuer, m_profile.clientId,
                             id.issuedAt.toString(Qt::ISODate), id.expiresAt.toString(Qt::ISODate)),
                tr("The nonce matched this sign-in's (compared in constant time).")};
        if (id.claims.contains(QLatin1String("at_hash")))
            facts << tr("at_hash matches the access token.");
        facts << tr("sub %1%2.").arg(id.subject,
                                      id.name.isEmpty() ? QString()
                                                        : QStringLiteral(", ") + id.name);
        if (id.fhirUser.isEmpty()) {
            end(Status::Pass, facts.join(QLatin1Char('\n')));
            return;
        }
        // Absolute (SMART), or relative to the FHIR base.
        const QUrl fhirUser = !QUrl(id.fhirUser).isRelative() || m_profile.fhirBaseUrl.isEmpty()
                ? QUrl(id.fhirUser)
                : urlUnder(m_profile.fhirBaseUrl, QLatin1Char('/') + id.fhirUser);
        QNetworkRequest request = http::makeRequest(fhirUser, "application/fhir+json");
        request.setRawHeader("Authorization", "Bearer " + m_firstAccessToken.toUtf8());
        http::send(m_nam, request, "GET", {}, m_timeoutMs, m_activity)
                ->then(this, [this, facts, fhirUser](const http::Response &r) mutable {
                    if (r.status == 200) {
                        facts << tr("fhirUser %1 is readable with the token.")
                                         .arg(fhirUser.toString());
                        end(Status::Pass, facts.join(QLatin1Char('\n')));
                        return;
                    }
                    facts << tr("fhirUser %1 could not be read with the token (%2).")
                                     .arg(fhirUser.toString(),
                                          r.status ? tr("HTTP %1").arg(r.status)
                                                   : r.failure.message);
                    end(Status::Warn, facts.join(QLatin1Char('\n')),
                        tr("Grant the user scope that reads the fhirUser resource (SMART: "
                           "fhirUser together with user/Practitioner.read, or the resource's "
                           "type)."));
                });
    });
}

// ------------------------------------------------------------------ client credentials

void RegistrationCheck::adoptTokens(const TokenResult &result, const QString &requestedScope,
                                    bool expectRefresh)
{
    const TokenSet &t = result.tokens;
    t.registerSecrets();
    // The code is spent; nothing needs it or its verifier any more.
    m_code.clear();
    m_verifier.clear();
    m_accessToken = t.accessToken;
    m_refreshToken = t.refreshToken;
    m_firstAccessToken = t.accessToken;
    m_firstRefreshToken = t.refreshToken;
    m_grantedScope = t.scope;
    m_idToken = t.idToken;
    const HttpExchange *e = lastExchange();
    TokenAnswerShape shape;
    // SMART servers are held to what Inferno checks: scope present, Pragma: no-cache.
    shape.smart = m_profile.kind == Profile::Kind::Smart || m_profile.kind == Profile::Kind::Canvas;
    if (e) {
        shape.cacheControl = header(*e, "Cache-Control");
        if (shape.smart)
            shape.pragma = header(*e, "Pragma");
        shape.body = QJsonDocument::fromJson(e->responseBody).object();
    }
    const Verdict v = reviewTokenResponse(t, requestedScope, expectRefresh, shape);
    end(v.status,
        m_secondRound
                ? (m_thorough && m_extraSignIns > 1
                           ? tr("From one more sign-in: each PKCE negative had used up the code "
                                "it was sent with (the EHR does that after a refused exchange; "
                                "RFC 6749 allows it).")
                           : tr("From a second sign-in: the PKCE probe's refused exchange had "
                                "used the first code up (RFC 6749 allows that). Only that first "
                                "PKCE negative (a wrong code_verifier) met a live code; the pkce "
                                "step says which ones that left untested."))
                        + QLatin1Char('\n') + v.summary
                : v.summary,
        v.hint);
}

void RegistrationCheck::stepClientCredentials()
{
    begin(QStringLiteral("token-response"), tr("Token response (client credentials)"));
    m_tokens->clientCredentials(endpoint(m_secrets.clientSecret), m_profile.scope)
            ->then(this, [this](const TokenResult &result) {
        if (result.failure) {
            QString hint;
            if (result.failure.oauthError == QLatin1String("invalid_client"))
                hint = tr("The client ID or secret is wrong: copy them again from the "
                          "application and run chartkey profile set-secret %1.").arg(m_profile.name);
            else if (result.failure.oauthError == QLatin1String("unauthorized_client")
                     || result.failure.oauthError == QLatin1String("unsupported_grant_type"))
                hint = tr("The application may not use the client-credentials grant: set its "
                          "grant type on the EHR.");
            else if (result.failure.oauthError == QLatin1String("invalid_scope"))
                hint = tr("The application is not allowed \"%1\".").arg(m_profile.scope);
            stopAfter(Status::Fail, result.failure.message, hint);
            return;
        }
        result.tokens.registerSecrets();
        if (m_profile.scope.trimmed().isEmpty()
            && ServerPreset::of(m_profile.kind).emptyScopeGrantsAll) {
            m_accessToken = result.tokens.accessToken;
            m_grantedScope = result.tokens.scope;
            end(Status::Warn,
                tr("Tokens issued without a requested scope: Canvas then grants full access to "
                   "every resource the application may reach."),
                tr("Ask for the scopes the integration needs (for example system/Patient.read)."));
            return;
        }
        adoptTokens(result, m_profile.scope, false);
    });
}

void RegistrationCheck::stepWrongSecret()
{
    const QString title = tr("Wrong client secret refused");
    const bool clientCredentials = m_profile.grant == Profile::Grant::ClientCredentials;
    if (!m_profile.usesSecret() || skipped(QStringLiteral("wrong-secret"))) {
        if (clientCredentials || skipped(QStringLiteral("wrong-secret")))
            skip(QStringLiteral("wrong-secret"), title,
                 m_profile.usesKey() ? tr("The client authenticates with a key, not a secret.")
                                     : tr("The profile has no client secret."));
        else
            runNext(); // not a question for public clients
        return;
    }
    if (!clientCredentials && m_refreshToken.isEmpty()) {
        skip(QStringLiteral("wrong-secret"), title, tr("No refresh token to test with."));
        return;
    }
    begin(QStringLiteral("wrong-secret"), title);
    const QString wrong = QStringLiteral("chartkey-check-wrong-secret");
    (clientCredentials ? m_tokens->clientCredentials(endpoint(wrong), m_profile.scope)
                       : m_tokens->refresh(endpoint(wrong), m_refreshToken, m_grantedScope))
            ->then(this, [this](const TokenResult &result) {
        if (!result.tokens.isEmpty()) {
            result.tokens.registerSecrets();
            if (!result.tokens.refreshToken.isEmpty())
                m_refreshToken = result.tokens.refreshToken;
            end(Status::Fail, tr("The EHR issued tokens to a request with a wrong client secret."),
                tr("The server does not authenticate this client; report it to the server's "
                   "operator."));
            return;
        }
        if (result.failure.oauthError == QLatin1String("invalid_client"))
            end(Status::Pass, tr("Refused with invalid_client (HTTP %1), as RFC 6749 section 5.2 "
                                 "says.").arg(lastExchange() ? lastExchange()->status : 0));
        else
            end(Status::Warn, tr("Refused, but with %1 rather than invalid_client: %2")
                                      .arg(result.failure.oauthError.isEmpty()
                                                   ? tr("no OAuth error")
                                                   : result.failure.oauthError,
                                           result.failure.message));
    });
}

// A private_key_jwt client (client credentials): what Inferno's SMART Backend Services tests
// ask of a server. It must refuse an assertion with a wrong aud, an expired one and one signed
// by a key it was not given; a replayed jti should be refused too, but RFC 7523 section 3
// makes replay protection optional (WARN). The token lifetime is noted against SMART's
// 300 s guidance.
void RegistrationCheck::stepKeyAssertions()
{
    const QString id = QStringLiteral("key-assertions");
    const QString title = tr("Client assertions checked by the server");
    if (skipped(id)) {
        skip(id, title, tr("Skipped (--skip)."));
        return;
    }
    const QJsonObject key = m_secrets.signingKey;
    const auto alg = jose::algorithmFromName(key.value(QStringLiteral("alg")).toString());
    if (key.isEmpty() || !alg) {
        skip(id, title, tr("No signing key."));
        return;
    }
    begin(id, title);
    const QDateTime now = m_clock->now();
    const QString clientId = m_profile.clientId;
    const QUrl tokenUrl = m_profile.tokenUrl;
    struct Probe
    {
        QString what;
        QByteArray assertion;
    };
    QList<Probe> probes;
    probes.append({tr("a wrong aud"),
                   jose::signJwt(clientassertion::claims(
                                         clientId, QUrl(QStringLiteral("https://chartkey.invalid/token")),
                                         now, clientassertion::freshJti()),
                                 key)});
    probes.append({tr("an expired assertion"),
                   jose::signJwt(clientassertion::claims(clientId, tokenUrl, now.addSecs(-600),
                                                         clientassertion::freshJti()),
                                 key)});
    const QJsonObject stranger = jose::generateKey(*alg);
    probes.append({tr("a key not in the registered JWKS"),
                   jose::signJwt(clientassertion::claims(clientId, tokenUrl, now,
                                                         clientassertion::freshJti()),
                                 stranger)});
    const QByteArray replayed = clientassertion::make(clientId, tokenUrl, key, now);

    auto accepted = std::make_shared<QStringList>();
    auto refused = std::make_shared<QStringList>();
    auto send = [this](const QByteArray &assertion) {
        TokenEndpoint e = endpoint(QString());
        e.assertion = assertion;
        return m_tokens->clientCredentials(e, m_profile.scope);
    };
    auto describe = [](const TokenResult &r) {
        return r.failure.oauthError.isEmpty()
                ? tr("HTTP %1").arg(r.failure.httpStatus)
                : tr("%1, HTTP %2").arg(r.failure.oauthError).arg(r.failure.httpStatus);
    };
    // The replay last: once with a fresh assertion (accepted), then the same one again.
    auto replay = [this, send, replayed, accepted, refused, describe] {
        send(replayed)->then(this, [this, send, replayed, accepted, refused, describe](const TokenResult &first) {
            if (first.failure) {
                end(Status::Fail,
                    tr("The server refused a valid assertion (%1), so the probes prove nothing.")
                            .arg(first.failure.message),
                    tr("Run the check again; if it repeats, check the server's clock."));
                return;
            }
            first.tokens.registerSecrets();
            const qint64 lifetime = first.tokens.expiresAt.isValid()
                    ? first.tokens.obtainedAt.secsTo(first.tokens.expiresAt)
                    : -1;
            send(replayed)->then(this, [this, accepted, refused, describe, lifetime](const TokenResult &again) {
                QString lifetimeNote;
                if (lifetime > 300)
                    lifetimeNote = tr(" Its tokens live %1 s; SMART Backend Services recommends "
                                      "no more than 300 s.")
                                           .arg(lifetime);
                else if (lifetime > 0)
                    lifetimeNote = tr(" Its tokens live %1 s.").arg(lifetime);
                if (!accepted->isEmpty()) {
                    end(Status::Fail,
                        tr("The server accepted %1; it refused %2.")
                                .arg(accepted->join(tr(", ")),
                                     refused->isEmpty() ? tr("nothing") : refused->join(tr(", ")))
                                + lifetimeNote,
                        tr("The server does not check client assertions as RFC 7523 requires; "
                           "report it to the server's operator."));
                    return;
                }
                if (!again.failure) {
                    again.tokens.registerSecrets();
                    end(Status::Warn,
                        tr("The server refused %1, but accepted a replayed assertion (the same "
                           "jti twice); RFC 7523 makes replay protection optional.")
                                .arg(refused->join(tr(", ")))
                                + lifetimeNote);
                    return;
                }
                refused->append(tr("a replayed jti (%1)").arg(describe(again)));
                end(Status::Pass, tr("The server refused %1.").arg(refused->join(tr(", ")))
                                          + lifetimeNote);
            });
        });
    };
    // The three that must be refused, one after the other.
    // The function holds itself weakly; the request under way holds it strongly.
    auto next = std::make_shared<std::function<void(int)>>();
    std::weak_ptr<std::function<void(int)>> weak = next;
    *next = [this, probes, send, accepted, refused, describe, replay, weak](int i) {
        const auto self = weak.lock();
        if (!self)
            return;
        if (i >= probes.size()) {
            replay();
            return;
        }
        const Probe probe = probes.at(i);
        if (probe.assertion.isEmpty()) {
            refused->append(tr("%1 (not made)").arg(probe.what));
            (*self)(i + 1);
            return;
        }
        send(probe.assertion)->then(this, [probe, accepted, refused, describe, self, i](const TokenResult &r) {
            if (r.failure) {
                refused->append(tr("%1 (%2)").arg(probe.what, describe(r)));
            } else {
                r.tokens.registerSecrets();
                accepted->append(probe.what);
            }
            (*self)(i + 1);
        });
    };
    (*next)(0);
}

// ------------------------------------------------------------------ API

void RegistrationCheck::apiRead(const QString &accessToken,
                                std::function<void(const http::Response &)> done)
{
    QNetworkRequest request = http::makeRequest(apiProbeUrl(m_profile), "application/fhir+json, application/json");
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    http::send(m_nam, request, "GET", {}, m_timeoutMs, m_activity)->then(this, std::move(done));
}

void RegistrationCheck::stepStaticToken()
{
    const QString title = tr("Stored token");
    begin(QStringLiteral("static-token"), title);
    if (m_accessToken.isEmpty()) {
        stopAfter(Status::Fail, tr("No token is stored for this profile."),
                  tr("Store the token from the dashboard with: chartkey profile set-token %1")
                          .arg(m_profile.name));
        return;
    }
    end(Status::Pass, tr("A static token is stored in the keychain (%1 characters); it is never "
                         "renewed.").arg(m_accessToken.size()));
}

void RegistrationCheck::stepApi()
{
    const QString title = ServerPreset::of(m_profile.kind).apiProbe
                    == ServerPreset::ApiProbe::LmsUsersSelf
            ? tr("API read (users/self)")
            : tr("API read (FHIR Patient)");
    if (m_accessToken.isEmpty() || apiProbeUrl(m_profile).isEmpty()) {
        skip(QStringLiteral("api"), title,
             m_accessToken.isEmpty() ? tr("No access token.")
                                     : tr("The profile names no FHIR base URL to read from."));
        return;
    }
    begin(QStringLiteral("api"), title);
    apiRead(m_accessToken, [this](const http::Response &r) {
        if (r.failure) {
            end(Status::Fail, r.failure.message, tr("Check the FHIR base URL in the profile."));
            return;
        }
        if (r.status == 200) {
            m_apiWorked = true;
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            QString what;
            if (o.value(QLatin1String("resourceType")).toString() == QLatin1String("Bundle"))
                what = tr("a Bundle with total %1").arg(o.value(QLatin1String("total")).toInteger());
            else if (o.contains(QLatin1String("name")))
                what = tr("the user %1").arg(o.value(QLatin1String("name")).toString());
            else
                what = tr("%1 bytes").arg(r.body.size());
            end(Status::Pass, tr("GET %1 with the token: HTTP 200, %2.")
                                      .arg(apiProbeUrl(m_profile).toString(), what));
            return;
        }
        const Verdict v = reviewApiRefusal(r.status, m_grantedScope, m_profile);
        end(v.status, v.summary, v.hint);
    });
}

// ------------------------------------------------------------------ refresh and revocation

void RegistrationCheck::stepRefresh()
{
    const QString title = tr("Refresh");
    if (m_refreshToken.isEmpty()) {
        skip(QStringLiteral("refresh"), title, tr("No refresh token was issued."));
        return;
    }
    begin(QStringLiteral("refresh"), title);
    const QString old = m_refreshToken;
    m_tokens->refresh(endpoint(m_secrets.clientSecret), old, m_grantedScope)
            ->then(this, [this, old](const TokenResult &result) {
        if (result.failure) {
            m_refreshToken.clear();
            end(Status::Fail, result.failure.message,
                tr("The refresh grant must work for a user to stay signed in; check that the "
                   "application allows the refresh_token grant."));
            return;
        }
        result.tokens.registerSecrets();
        m_accessToken = result.tokens.accessToken;
        const QString fresh = result.tokens.refreshToken;
        QStringList facts{tr("A refresh gave a new access token.")};
        if (!fresh.isEmpty() && fresh != old) {
            m_refreshRotated = true;
            m_refreshToken = fresh;
            facts << tr("The refresh token rotated (a new one came with it).");
            end(Status::Pass, facts.join(QLatin1Char('\n')));
            return;
        }
        facts << (fresh.isEmpty() ? tr("No new refresh token came: the old one stays in use.")
                                  : tr("The same refresh token came back."));
        if (const QString documented = ServerPreset::of(m_profile.kind).refreshWithoutRotation;
            !documented.isEmpty()) {
            facts << documented;
            end(Status::Pass, facts.join(QLatin1Char('\n')));
            return;
        }
        end(Status::Warn,
            facts.join(QLatin1Char('\n')) + QLatin1Char('\n')
                    + tr("Refresh tokens do not rotate: a stolen refresh token stays usable for "
                         "as long as the grant lives."),
            tr("Canvas documents single-use refresh tokens, rotated on every refresh. Ask the "
               "server's operator whether rotation is turned off."));
    });
}

void RegistrationCheck::stepOldAccessToken()
{
    const QString title = tr("Old access token after refresh");
    if (!m_apiWorked || m_firstAccessToken.isEmpty() || m_accessToken == m_firstAccessToken) {
        skip(QStringLiteral("old-access-token"), title,
             tr("Needs a working API read and a refresh."));
        return;
    }
    begin(QStringLiteral("old-access-token"), title);
    apiRead(m_firstAccessToken, [this](const http::Response &r) {
        if (r.status == 200)
            end(Status::Pass, tr("The access token from before the refresh still works; it "
                                 "ends when it expires (allowed; the EHR does not revoke it on "
                                 "refresh)."));
        else if (r.status == 401)
            end(Status::Pass, tr("The access token from before the refresh is refused (HTTP 401): "
                                 "the EHR revokes it on refresh."));
        else
            end(Status::Warn, tr("The API answered HTTP %1 for the old access token.")
                                      .arg(r.status ? QString::number(r.status) : r.failure.message));
    });
}

void RegistrationCheck::stepRevocation()
{
    const QString title = tr("Revocation");
    const bool byDelete = ServerPreset::of(m_profile.kind).revocation
            == ServerPreset::Revocation::LmsDelete;
    if (byDelete && !m_accessToken.isEmpty()
        && !skipped(QStringLiteral("revocation"))) {
        revokeLmsToken(title);
        return;
    }
    if (m_profile.revocationUrl.isEmpty() || m_accessToken.isEmpty()
        || skipped(QStringLiteral("revocation"))) {
        skip(QStringLiteral("revocation"), title,
             byDelete ? tr("Canvas LMS revokes with DELETE /login/oauth2/token, not RFC 7009; "
                           "not tested.")
             : !m_profile.revocationUrl.isEmpty() ? tr("No token to revoke.")
             : m_metadata.issuer.isEmpty()
                     ? tr("The profile has no revocation URL.")
                     : tr("The server offers no revocation endpoint (its discovery document "
                          "names none): signing out removes the tokens from this computer, and "
                          "they end when they expire."));
        return;
    }
    begin(QStringLiteral("revocation"), title);
    // The live access token: revoke it, then show the API refuses it. Without an API to ask,
    // only whether the endpoint accepts the request can be told.
    const QString token = m_accessToken;
    m_tokens->revoke(endpoint(m_secrets.clientSecret), token,
                                         QStringLiteral("access_token"))
            ->then(this, [this, token](const TokenResult &result) {
        if (result.failure.oauthError == QLatin1String("unsupported_token_type")) {
            end(Status::Warn,
                tr("The server does not revoke access tokens (unsupported_token_type, RFC 7009 "
                   "section 2.2.1): they stay valid until they expire."),
                m_profile.grant == Profile::Grant::ClientCredentials
                        ? tr("Keep client-credentials tokens short-lived on the server.")
                        : tr("Signing out revokes the refresh token, which ends the grant."));
            return;
        }
        if (result.failure.kind == Failure::Kind::Denied) {
            // A public client, refused: the server lets only clients that authenticate revoke.
            const bool advertised = m_metadata.hasRevocationAuthMethods
                    && !m_metadata.revocationEndpointAuthMethods.contains(QLatin1String("none"));
            end(Status::Warn,
                tr("This server does not let a public client revoke its tokens (%1). Signing "
                   "out removes them from this computer; they end when they expire.")
                        .arg(result.failure.detail),
                advertised ? tr("Its discovery document says so too: "
                                "revocation_endpoint_auth_methods_supported is %1.")
                                     .arg(m_metadata.revocationEndpointAuthMethods.join(
                                             QStringLiteral(", ")))
                           : tr("Keep access tokens short-lived on the server, or let public "
                                "clients revoke (RFC 7009 section 2.1 allows it)."));
            return;
        }
        if (result.failure.kind == Failure::Kind::Configuration && result.failure.httpStatus == 404) {
            end(Status::Skip,
                tr("There is no revocation endpoint at %1 (HTTP 404)%2: signing out removes the "
                   "tokens from this computer, and they end when they expire.")
                        .arg(m_profile.revocationUrl.toString(),
                             !m_metadata.issuer.isEmpty() && m_metadata.revocationEndpoint.isEmpty()
                                     ? tr(", and the discovery document names none")
                                     : QString()),
                tr("If the server has one elsewhere, set the profile's revocation URL to it."));
            return;
        }
        if (result.failure.kind == Failure::Kind::Malformed
            || result.failure.kind == Failure::Kind::Configuration) {
            end(Status::Warn, result.failure.message,
                tr("Signing out cannot be sure the tokens ended on the server; check the "
                   "revocation URL."));
            return;
        }
        if (result.failure) {
            end(Status::Fail, result.failure.message,
                tr("Signing out cannot end the session on the server; check the revocation URL."));
            return;
        }
        m_accessToken.clear();
        m_revoked.append({token, QStringLiteral("access_token")});
        if (!m_apiWorked) {
            end(Status::Pass, tr("The revocation endpoint accepted the request (HTTP 200); "
                                 "whether the token is refused afterwards was not tested (no "
                                 "working API read)."));
            return;
        }
        apiRead(token, [this, token](const http::Response &r) {
            if (r.status == 401)
                end(Status::Pass, tr("Revoked the access token (HTTP 200); the API then "
                                     "refused it (HTTP 401)."));
            else if (r.status == 200 && token.count(QLatin1Char('.')) == 2)
                end(Status::Warn, tr("The revocation endpoint answered 200, but the API still "
                                     "accepts the revoked token. It is a JWT, which an API "
                                     "checks by its signature: it stays usable until it "
                                     "expires."),
                    tr("Keep access tokens short-lived on the server; revoking the refresh "
                       "token ends the grant."));
            else if (r.status == 200)
                end(Status::Fail, tr("The revocation endpoint answered 200, but the API still "
                                     "accepts the revoked token."),
                    tr("Revocation does not reach the API: signing out leaves the token usable "
                       "until it expires. Report it to the server's operator."));
            else
                end(Status::Warn, tr("After revocation the API answered %1.")
                                          .arg(r.status ? QString::number(r.status) : r.failure.message));
        });
    });
}

void RegistrationCheck::revokeLmsToken(const QString &title)
{
    // Canvas LMS: DELETE /login/oauth2/token with the access token ends the token and its
    // refresh token (the LMS "log out"), not RFC 7009.
    begin(QStringLiteral("revocation"), title);
    const QString token = m_accessToken;
    m_tokens->revokeByDelete(endpoint(m_secrets.clientSecret), token)
            ->then(this, [this, token](const TokenResult &result) {
        if (result.failure) {
            end(Status::Fail, result.failure.message,
                tr("Signing out cannot end the session on the LMS."));
            return;
        }
        m_accessToken.clear();
        m_refreshToken.clear(); // the LMS deletes the whole token
        apiRead(token, [this](const http::Response &again) {
            if (again.status == 401)
                end(Status::Pass, tr("DELETE /login/oauth2/token ended the token; the API then "
                                     "refused it (HTTP 401)."));
            else
                end(Status::Fail,
                    tr("After DELETE /login/oauth2/token the API answered %1.")
                            .arg(again.status ? QString::number(again.status)
                                              : again.failure.message),
                    tr("Report it to the LMS's administrator."));
        });
    });
}

void RegistrationCheck::stepOldRefreshToken()
{
    const QString title = tr("Old refresh token refused");
    if (!m_refreshRotated) {
        skip(QStringLiteral("old-refresh-token"), title, tr("The refresh token did not rotate."));
        return;
    }
    begin(QStringLiteral("old-refresh-token"), title);
    m_tokens->refresh(endpoint(m_secrets.clientSecret), m_firstRefreshToken,
                                          m_grantedScope)
            ->then(this, [this](const TokenResult &result) {
        if (!result.tokens.isEmpty()) {
            result.tokens.registerSecrets();
            if (!result.tokens.refreshToken.isEmpty())
                m_extraRefreshToken = result.tokens.refreshToken;
            end(Status::Fail,
                tr("The replaced refresh token still works: the EHR rotates refresh tokens but "
                   "does not invalidate the old ones, so rotation protects nothing."),
                tr("Report it to the server's operator: a used refresh token must be refused "
                   "(invalid_grant)."));
            return;
        }
        if (result.failure.oauthError == QLatin1String("invalid_grant"))
            end(Status::Pass, tr("Reusing the replaced refresh token is refused with invalid_grant."));
        else
            end(Status::Warn, tr("Reusing the replaced refresh token failed, but with: %1")
                                      .arg(result.failure.message));
    });
}

// ------------------------------------------------------------------ what Inferno checks

void RegistrationCheck::stepSmartConfiguration()
{
    const QString title = tr("SMART configuration fields");
    const bool smartDocument =
            m_discoveryUrl.path().endsWith(QLatin1String("/.well-known/smart-configuration"));
    const bool smartServer = smartDocument
            || ServerPreset::of(m_profile.kind).discovery
                    == ServerPreset::Discovery::SmartFromFhirBase;
    if (!smartServer) {
        runNext(); // not a question: the server is not a SMART server
        return;
    }
    if (skipped(QStringLiteral("smart-configuration")) || m_discoveryDocument.isEmpty()
        || !smartDocument) {
        skip(QStringLiteral("smart-configuration"), title,
             skipped(QStringLiteral("smart-configuration"))
                     ? tr("Skipped as asked.")
                     : tr("No SMART configuration was read (see the discovery step)."));
        return;
    }
    begin(QStringLiteral("smart-configuration"), title);
    if (m_discoveryRow >= 0 && m_discoveryRow < m_activity->rowCount()) {
        const HttpExchange &e = m_activity->exchange(m_discoveryRow);
        m_current.answer = describeExchange(e);
        m_current.curl << e.toCurl();
    }
    const Verdict v = reviewSmartConfiguration(m_discoveryDocument, m_profile);
    end(v.status, v.summary, v.hint);
}

void RegistrationCheck::stepTls()
{
    const QString title = tr("TLS versions");
    QStringList hosts;
    QList<std::pair<QString, quint16>> targets;
    for (const QUrl &url : {m_profile.authorizationUrl, m_profile.tokenUrl, m_profile.fhirBaseUrl,
                            m_profile.instanceUrl}) {
        if (url.isEmpty())
            continue;
        const QString where = QStringLiteral("%1://%2:%3")
                                      .arg(url.scheme(), url.host())
                                      .arg(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
        if (hosts.contains(where))
            continue;
        hosts << where;
        if (url.scheme() == QLatin1String("https"))
            targets.append({url.host(), quint16(url.port(443))});
    }
    if (skipped(QStringLiteral("tls")) || targets.isEmpty()) {
        skip(QStringLiteral("tls"), title,
             skipped(QStringLiteral("tls"))
                     ? tr("Skipped as asked.")
                     : tr("No https endpoint: %1 (loopback http, where TLS does not apply).")
                               .arg(hosts.join(QLatin1String(", "))));
        return;
    }
    begin(QStringLiteral("tls"), title);
    auto facts = std::make_shared<QStringList>();
    auto fails = std::make_shared<QStringList>();
    // One host after the other. The function holds itself only weakly; each pending probe
    // holds it strongly, so it lives as long as a probe is under way.
    auto next = std::make_shared<std::function<void(int)>>();
    std::weak_ptr<std::function<void(int)>> weakNext = next;
    *next = [this, targets, facts, fails, weakNext](int i) {
        if (i >= targets.size()) {
            if (!fails->isEmpty())
                end(Status::Fail, (*fails + *facts).join(QLatin1Char('\n')),
                    tr("Serve TLS 1.2 or newer only (ONC (g)(10) and SMART App Launch require "
                       "it); report it to the server's operator."));
            else
                end(Status::Pass, facts->join(QLatin1Char('\n')));
            return;
        }
        const auto self = weakNext.lock();
        // Named copies, not a structured binding: lambdas capture them (C++17).
        const QString host = targets.at(i).first;
        const quint16 port = targets.at(i).second;
        const QString where = QStringLiteral("%1:%2").arg(host).arg(port);
        probeTls(host, port, QSsl::TlsV1_2OrLater, m_timeoutMs, this)
                ->then(this, [this, host, port, where, i, facts, fails, self](const TlsAnswer &modern) {
            if (!modern.connected)
                *fails << tr("%1: no TLS 1.2 or newer handshake: %2").arg(where, modern.error);
            else
                *facts << tr("%1 speaks %2.").arg(where, modern.protocol);
            QT_WARNING_PUSH
            QT_WARNING_DISABLE_DEPRECATED
            const QSsl::SslProtocol old = QSsl::TlsV1_1;
            QT_WARNING_POP
            probeTls(host, port, old, m_timeoutMs, this)
                    ->then(this, [where, i, facts, fails, self](const TlsAnswer &legacy) {
                if (legacy.connected)
                    *fails << tr("%1 accepts a handshake limited to TLS 1.1.").arg(where);
                else if (legacy.error.contains(QLatin1String("alert protocol version"),
                                               Qt::CaseInsensitive)
                         || legacy.error.contains(QLatin1String("unsupported protocol"),
                                                  Qt::CaseInsensitive))
                    // The server's own answer: a protocol_version alert, or a version above
                    // what was offered.
                    *facts << tr("%1 refuses a handshake limited to TLS 1.1 (%2).")
                                      .arg(where, legacy.error);
                else
                    // Anything else failed on this side (OpenSSL's security level refuses the
                    // old signature algorithms or protocols): nothing is learnt of the server.
                    *facts << tr("%1: whether TLS 1.0/1.1 are refused could not be told: this "
                                 "computer's TLS library did not complete such a handshake (%2). "
                                 "Test it with: openssl s_client -connect %1 -tls1_1")
                                      .arg(where, legacy.error);
                (*self)(i + 1);
            });
        });
    };
    (*next)(0);
}

void RegistrationCheck::stepWrongAud()
{
    const QString title = tr("Wrong aud refused");
    if (!m_signIn || m_authorizationUrl.isEmpty() || skipped(QStringLiteral("wrong-aud"))) {
        skip(QStringLiteral("wrong-aud"), title,
             skipped(QStringLiteral("wrong-aud")) ? tr("Skipped as asked.")
                                                  : tr("No authorization request to vary."));
        return;
    }
    QUrlQuery query(m_authorizationUrl);
    if (!query.hasQueryItem(QStringLiteral("aud"))) {
        skip(QStringLiteral("wrong-aud"), title,
             tr("The profile's authorization request carries no aud (SMART profiles send the "
                "FHIR base as aud; this one does not), so there is nothing to vary."));
        return;
    }
    begin(QStringLiteral("wrong-aud"), title);
    const QString wrong = QStringLiteral("https://chartkey-check.invalid/fhir");
    query.removeAllQueryItems(QStringLiteral("aud"));
    query.addQueryItem(QStringLiteral("aud"), wrong);
    QUrl url = m_authorizationUrl;
    url.setQuery(query);
    QNetworkRequest request = http::makeRequest(url, "text/html,application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    http::send(m_nam, request, "GET", {}, m_timeoutMs, m_activity)
            ->then(this, [this, url, wrong](const http::Response &r) {
        if (!m_inStep)
            return;
        if (r.failure) {
            end(Status::Warn, tr("The authorization endpoint could not be reached: %1")
                                      .arg(r.failure.message));
            return;
        }
        const QString redirect = m_signIn ? m_signIn->redirectUri() : m_redirectUri;
        const AuthorizationAnswer answer = classifyAuthorizationAnswer(
                r.status, r.contentType, r.header("Location"), r.body, url, redirect);
        using K = AuthorizationAnswer::Kind;
        const QString hint = tr("The EHR must compare aud with its own FHIR base URLs before "
                                "any sign-in (SMART App Launch: the EHR SHALL confirm aud); "
                                "otherwise an app can be tricked into sending its token to an "
                                "impostor's server. Report it to the server's operator.");
        switch (answer.kind) {
        case K::SignInPage:
            end(Status::Fail, tr("The EHR showed its sign-in (HTTP %1) for an authorization "
                                 "request whose aud is %2, which is not its FHIR server.")
                                      .arg(QString::number(r.status), wrong),
                hint);
            return;
        case K::CodeBack:
            end(Status::Fail, tr("The EHR answered an authorization request whose aud is %1 "
                                 "with a code.").arg(wrong),
                hint);
            return;
        case K::ErrorBack:
        case K::Refused:
            end(Status::Pass, tr("The EHR refused an authorization request whose aud is %1 "
                                 "(HTTP %2: %3).")
                                      .arg(wrong, QString::number(r.status), answer.said()));
            return;
        case K::CannotTell:
            break;
        }
        end(Status::Warn,
            tr("The authorization endpoint answered HTTP %1 to a request whose aud is %2, with "
               "neither a sign-in page nor an OAuth error: whether it refuses it cannot be told.")
                    .arg(QString::number(r.status), wrong),
            tr("Read the server's answer below (--details)."));
    });
}

void RegistrationCheck::stepInvalidCode()
{
    const QString title = tr("Invalid code refused");
    if (m_redirectUri.isEmpty() || skipped(QStringLiteral("invalid-code"))) {
        skip(QStringLiteral("invalid-code"), title,
             skipped(QStringLiteral("invalid-code")) ? tr("Skipped as asked.")
                                                     : tr("No sign-in to take the redirect URI from."));
        return;
    }
    begin(QStringLiteral("invalid-code"), title);
    const QString code = QStringLiteral("chartkey-check-") + QString::fromLatin1(pkce::randomUrlSafe(16));
    m_tokens->exchangeCode(endpoint(m_secrets.clientSecret), code, m_redirectUri,
                           QString::fromLatin1(pkce::makeVerifier()))
            ->then(this, [this](const TokenResult &result) {
        if (!result.tokens.isEmpty()) {
            result.tokens.registerSecrets();
            if (!result.tokens.refreshToken.isEmpty())
                m_extraRefreshToken = result.tokens.refreshToken;
            end(Status::Fail, tr("The EHR issued tokens for a made-up authorization code."),
                tr("The token endpoint does not look codes up: anyone can get tokens. Report it "
                   "to the server's operator at once."));
            return;
        }
        if (result.failure.oauthError == QLatin1String("invalid_grant"))
            end(Status::Pass, tr("A made-up code is refused with invalid_grant (HTTP %1).")
                                      .arg(result.failure.httpStatus));
        else
            end(Status::Warn, tr("A made-up code is refused, but not with invalid_grant (RFC 6749 "
                                 "section 5.2): %1").arg(result.failure.message),
                tr("A client cannot tell a used-up or expired code from other faults; report "
                   "the error code to the server's operator."));
    });
}

void RegistrationCheck::stepInvalidClientId()
{
    const QString title = tr("Invalid client ID refused");
    if (m_redirectUri.isEmpty() || skipped(QStringLiteral("invalid-client-id"))) {
        skip(QStringLiteral("invalid-client-id"), title,
             skipped(QStringLiteral("invalid-client-id")) ? tr("Skipped as asked.")
                                                          : tr("No sign-in to take the redirect URI from."));
        return;
    }
    begin(QStringLiteral("invalid-client-id"), title);
    TokenEndpoint unknown = endpoint(QString());
    unknown.clientId = QStringLiteral("chartkey-check-unknown-client");
    const QString code = QStringLiteral("chartkey-check-") + QString::fromLatin1(pkce::randomUrlSafe(16));
    m_tokens->exchangeCode(unknown, code, m_redirectUri, QString::fromLatin1(pkce::makeVerifier()))
            ->then(this, [this](const TokenResult &result) {
        if (!result.tokens.isEmpty()) {
            result.tokens.registerSecrets();
            end(Status::Fail, tr("The EHR issued tokens to a client ID it cannot know "
                                 "(chartkey-check-unknown-client)."),
                tr("The token endpoint does not check the client; report it to the server's "
                   "operator at once."));
            return;
        }
        if (result.failure.oauthError == QLatin1String("invalid_client"))
            end(Status::Pass, tr("An unknown client ID is refused with invalid_client (HTTP %1).")
                                      .arg(result.failure.httpStatus));
        else
            end(Status::Warn, tr("An unknown client ID is refused, but not with invalid_client "
                                 "(RFC 6749 section 5.2): %1").arg(result.failure.message),
                tr("Report the error code to the server's operator."));
    });
}

void RegistrationCheck::stepNoTokenRead()
{
    const QString title = tr("API read without a token refused");
    if (!m_apiWorked || skipped(QStringLiteral("no-token-read"))) {
        skip(QStringLiteral("no-token-read"), title,
             skipped(QStringLiteral("no-token-read"))
                     ? tr("Skipped as asked.")
                     : tr("Needs a working API read: an API that refuses every token proves "
                          "nothing by refusing none."));
        return;
    }
    begin(QStringLiteral("no-token-read"), title);
    const QUrl url = apiProbeUrl(m_profile);
    QNetworkRequest request = http::makeRequest(url, "application/fhir+json, application/json");
    http::send(m_nam, request, "GET", {}, m_timeoutMs, m_activity)
            ->then(this, [this, url](const http::Response &r) {
        if (r.failure) {
            end(Status::Warn, tr("GET %1 without a token got no answer: %2")
                                      .arg(url.toString(), r.failure.message));
            return;
        }
        if (r.status == 401) {
            const QByteArray challenge = r.header("WWW-Authenticate");
            end(Status::Pass,
                tr("GET %1 without a token: HTTP 401%2.")
                        .arg(url.toString(),
                             challenge.isEmpty() ? tr(" (no WWW-Authenticate header)")
                                                 : tr(", WWW-Authenticate: %1")
                                                           .arg(QString::fromUtf8(challenge))));
            return;
        }
        if (r.status >= 200 && r.status < 300) {
            end(Status::Fail, tr("GET %1 without a token answered HTTP %2: the API serves its "
                                 "data to anyone who can reach it.")
                                      .arg(url.toString(), QString::number(r.status)),
                tr("The API must require a bearer token and answer 401 without one (RFC 6750 "
                   "section 3.1). Report it to the server's operator at once."));
            return;
        }
        end(Status::Warn, tr("GET %1 without a token answered HTTP %2, not 401.")
                                  .arg(url.toString(), QString::number(r.status)),
            tr("RFC 6750 section 3.1 and Inferno expect 401 with WWW-Authenticate; a client "
               "then knows to sign in."));
    });
}

void RegistrationCheck::stepIntrospection()
{
    const QString title = tr("Token introspection");
    const QUrl url(m_discoveryDocument.value(QLatin1String("introspection_endpoint")).toString());
    if (skipped(QStringLiteral("introspection")) || url.isEmpty() || m_accessToken.isEmpty()) {
        skip(QStringLiteral("introspection"), title,
             skipped(QStringLiteral("introspection")) ? tr("Skipped as asked.")
             : url.isEmpty() ? tr("The server advertises no introspection endpoint "
                                  "(introspection_endpoint in its discovery document).")
                             : tr("No access token to introspect."));
        return;
    }
    begin(QStringLiteral("introspection"), title);
    const auto form = [this](const QString &token) {
        return introspectionBody(token, QStringLiteral("access_token"), m_profile.clientId,
                                 m_secrets.clientSecret);
    };
    QNetworkRequest request = http::makeRequest(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
    const bool identity = !m_idToken.isEmpty();
    const bool fhirUser = identity && scopes::split(m_grantedScope).contains(QLatin1String("fhirUser"));
    http::send(m_nam, request, "POST", form(m_accessToken), m_timeoutMs, m_activity)
            ->then(this, [this, request, form, identity, fhirUser, url](const http::Response &r) {
        if (r.failure || r.status != 200) {
            const bool refused = r.status == 401 || r.status == 403;
            end(refused ? Status::Warn : Status::Fail,
                r.failure ? tr("%1 could not be reached: %2").arg(url.toString(), r.failure.message)
                          : tr("The introspection endpoint answered HTTP %1 to this client.")
                                    .arg(r.status),
                refused ? tr("SMART lets a server keep introspection to its resource servers; if "
                             "this client should introspect, allow it on the server.")
                        : tr("Check introspection_endpoint in the discovery document."));
            return;
        }
        const Verdict live = reviewIntrospection(QJsonDocument::fromJson(r.body).object(),
                                                 m_profile.clientId, identity, fhirUser);
        const QString madeUp = QStringLiteral("chartkey-check-") + QString::fromLatin1(pkce::randomUrlSafe(24));
        http::send(m_nam, request, "POST", form(madeUp), m_timeoutMs, m_activity)
                ->then(this, [this, live](const http::Response &again) {
            const QJsonObject o = QJsonDocument::fromJson(again.body).object();
            QStringList lines{tr("The check's live access token:"), live.summary};
            if (again.status == 200 && o.value(QLatin1String("active")) == QJsonValue(false)) {
                lines << tr("A made-up token: active: false, as RFC 7662 section 2.2 says.");
                end(live.status, lines.join(QLatin1Char('\n')), live.hint);
                return;
            }
            lines << tr("A made-up token: HTTP %1, %2 (expected 200 with active: false).")
                             .arg(QString::number(again.status),
                                  o.contains(QLatin1String("active"))
                                          ? tr("active: %1").arg(o.value(QLatin1String("active")).toVariant().toString())
                                          : tr("no active field"));
            const bool saidActive = o.value(QLatin1String("active")).toBool();
            end(saidActive ? Status::Fail : (live.status == Status::Fail ? Status::Fail : Status::Warn),
                lines.join(QLatin1Char('\n')),
                saidActive ? tr("The endpoint calls any token active: a resource server that "
                                "introspects accepts anything. Report it to the server's "
                                "operator at once.")
                           : tr("RFC 7662 section 2.2: an unknown token is answered with "
                                "{\"active\": false}, HTTP 200."));
        });
    });
}

void RegistrationCheck::stepInvalidRefreshToken()
{
    const QString title = tr("Invalid refresh token refused");
    if (m_firstRefreshToken.isEmpty() || skipped(QStringLiteral("invalid-refresh-token"))) {
        skip(QStringLiteral("invalid-refresh-token"), title,
             skipped(QStringLiteral("invalid-refresh-token"))
                     ? tr("Skipped as asked.")
                     : tr("No refresh token was issued: the refresh grant is not in use."));
        return;
    }
    begin(QStringLiteral("invalid-refresh-token"), title);
    const QString madeUp = QStringLiteral("chartkey-check-") + QString::fromLatin1(pkce::randomUrlSafe(24));
    m_tokens->refresh(endpoint(m_secrets.clientSecret), madeUp, m_grantedScope)
            ->then(this, [this](const TokenResult &result) {
        if (!result.tokens.isEmpty()) {
            result.tokens.registerSecrets();
            if (!result.tokens.refreshToken.isEmpty())
                m_extraRefreshToken = result.tokens.refreshToken;
            end(Status::Fail, tr("The EHR issued tokens for a made-up refresh token."),
                tr("The token endpoint does not look refresh tokens up: anyone can get tokens. "
                   "Report it to the server's operator at once."));
            return;
        }
        if (result.failure.oauthError == QLatin1String("invalid_grant"))
            end(Status::Pass, tr("A made-up refresh token is refused with invalid_grant (HTTP %1).")
                                      .arg(result.failure.httpStatus));
        else
            end(Status::Warn, tr("A made-up refresh token is refused, but not with invalid_grant "
                                 "(RFC 6749 section 5.2): %1").arg(result.failure.message),
                tr("A client cannot tell an ended sign-in from other faults; report the error "
                   "code to the server's operator."));
    });
}

void RegistrationCheck::stepCleanup()
{
    // Leave nothing behind on the server: revoke the refresh tokens this check still holds.
    QStringList live;
    // Tokens the pkce step redeemed that no later step took over (the check was stopped).
    const QString unadopted = m_redeemed ? m_redeemed->tokens.refreshToken : QString();
    m_redeemed.reset();
    for (const QString &t : {m_refreshToken, m_extraRefreshToken, unadopted}) {
        if (!t.isEmpty() && !live.contains(t))
            live << t;
    }
    m_refreshToken.clear();
    m_extraRefreshToken.clear();
    if (live.isEmpty() || m_profile.revocationUrl.isEmpty()) {
        if (!live.isEmpty()) {
            begin(QStringLiteral("cleanup"), tr("Clean-up"));
            end(Status::Warn, tr("The check's refresh token stays valid on the server: the profile "
                                 "has no revocation URL."),
                tr("Remove the grant on the EHR if it matters."));
            return;
        }
        runNext();
        return;
    }
    begin(QStringLiteral("cleanup"), tr("Clean-up"));
    auto pending = std::make_shared<int>(int(live.size()));
    auto failed = std::make_shared<QStringList>();
    for (const QString &token : std::as_const(live)) {
        m_tokens->revoke(endpoint(m_secrets.clientSecret), token,
                                             QStringLiteral("refresh_token"))
                ->then(this, [this, pending, failed, token](const TokenResult &r) {
            if (r.failure)
                *failed << r.failure.message;
            else
                m_revoked.append({token, QStringLiteral("refresh_token")});
            if (--*pending > 0)
                return;
            if (failed->isEmpty())
                end(Status::Pass, tr("Revoked the refresh token(s) this check obtained; the "
                                     "profile's own sign-in was not touched."));
            else
                end(Status::Warn, failed->join(QLatin1Char('\n')),
                    tr("The check's refresh token may still be valid on the server."));
        });
    }
}

// RFC 7662 section 2.2: a revoked token is not active. The tokens this check revoked with
// success (the access token in the revocation step, the refresh token(s) at the clean-up) are
// introspected once more; each must be {"active": false}.
void RegistrationCheck::stepRevokedIntrospection()
{
    const QString id = QStringLiteral("revoked-introspection");
    const QString title = tr("Revoked token introspected");
    const QUrl url(m_discoveryDocument.value(QLatin1String("introspection_endpoint")).toString());
    const QList<std::pair<QString, QString>> revoked = m_revoked;
    m_revoked.clear();
    if (url.isEmpty()) {
        runNext(); // not a question: the server advertises no introspection
        return;
    }
    if (skipped(id) || skipped(QStringLiteral("introspection")) || revoked.isEmpty()) {
        skip(id, title,
             skipped(id) || skipped(QStringLiteral("introspection"))
                     ? tr("Skipped as asked.")
                     : tr("No token was revoked with success (see the revocation and clean-up "
                          "steps), so there is none to introspect."));
        return;
    }
    begin(id, title);
    struct Outcome
    {
        QStringList lines;
        bool active = false;   // a revoked token said active: true
        bool unclear = false;  // no 200 with an active field
        bool refused = false;  // 401/403: this client may not introspect
    };
    auto outcome = std::make_shared<Outcome>();
    auto next = std::make_shared<std::function<void(int)>>();
    std::weak_ptr<std::function<void(int)>> weakNext = next;
    *next = [this, url, revoked, outcome, weakNext](int i) {
        if (i >= revoked.size()) {
            const QString text = outcome->lines.join(QLatin1Char('\n'));
            if (outcome->active)
                end(Status::Fail, text,
                    tr("The EHR calls a token it revoked active: a resource server that "
                       "introspects keeps accepting it after sign-out (RFC 7662 section 2.2, RFC "
                       "7009 section 2). Report it to the server's operator."));
            else if (outcome->refused)
                end(Status::Warn, text,
                    tr("SMART lets a server keep introspection to its resource servers; if this "
                       "client should introspect, allow it on the server."));
            else if (outcome->unclear)
                end(Status::Warn, text,
                    tr("RFC 7662 section 2.2: a revoked token is answered with "
                       "{\"active\": false}, HTTP 200. Read the answer below (--details)."));
            else
                end(Status::Pass, text);
            return;
        }
        const auto self = weakNext.lock();
        const QString token = revoked.at(i).first;
        const QString hint = revoked.at(i).second;
        const QString what = hint == QLatin1String("refresh_token")
                ? tr("The refresh token revoked at the clean-up")
                : tr("The access token revoked in the revocation step");
        QNetworkRequest request = http::makeRequest(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/x-www-form-urlencoded"));
        http::send(m_nam, request, "POST",
                   introspectionBody(token, hint, m_profile.clientId, m_secrets.clientSecret),
                   m_timeoutMs, m_activity)
                ->then(this, [outcome, what, i, self](const http::Response &r) {
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            if (r.failure) {
                outcome->unclear = true;
                outcome->lines << tr("%1: no answer: %2").arg(what, r.failure.message);
            } else if (r.status == 401 || r.status == 403) {
                outcome->refused = true;
                outcome->lines << tr("%1: HTTP %2, introspection refused to this client.")
                                          .arg(what, QString::number(r.status));
            } else if (r.status == 200 && o.value(QLatin1String("active")) == QJsonValue(false)) {
                outcome->lines << tr("%1: active: false, as RFC 7662 section 2.2 says.").arg(what);
            } else if (r.status == 200 && o.value(QLatin1String("active")) == QJsonValue(true)) {
                outcome->active = true;
                outcome->lines << tr("%1: active: true, after the revocation endpoint accepted "
                                     "its revocation.").arg(what);
            } else {
                outcome->unclear = true;
                outcome->lines << tr("%1: HTTP %2, %3 (expected 200 with active: false).")
                                          .arg(what, QString::number(r.status),
                                               o.contains(QLatin1String("active"))
                                                       ? tr("active: %1").arg(o.value(QLatin1String("active")).toVariant().toString())
                                                       : tr("no active field"));
            }
            (*self)(i + 1);
        });
    };
    (*next)(0);
}

} // namespace chartkey::check

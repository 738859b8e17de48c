// Header-only helpers for the end-to-end tests of the chartkey command line (tests/e2e):
// other programs (secret-tool, the scripted browser), the keychain item chartkey keeps,
// scanning the private home for leaked secrets, the loopback listener, and printing
// process output without ever showing a token.
#pragma once

#include "cli.h"
#include "sandbox.h"

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <optional>
#include <utility>

namespace chartkey::test::e2e {

// ---------------------------------------------------------------- never show a secret

// Every secret value the test has seen; whatever the test prints goes through redacted().
inline QList<QByteArray> &knownSecrets()
{
    static QList<QByteArray> secrets;
    return secrets;
}

inline void rememberSecret(const QByteArray &secret)
{
    if (secret.size() >= 8 && !knownSecrets().contains(secret))
        knownSecrets().append(secret);
}

inline void rememberSecret(const QString &secret)
{
    rememberSecret(secret.toUtf8());
}

inline QByteArray redacted(QByteArray text)
{
    for (const QByteArray &secret : std::as_const(knownSecrets()))
        text.replace(secret, "<secret>");
    // Anything that looks like a bearer token or a keychain payload.
    static const QRegularExpression longWord(QStringLiteral("[A-Za-z0-9_\\-+/=]{40,}"));
    QString s = QString::fromUtf8(text);
    s.replace(longWord, QStringLiteral("<long value>"));
    return s.toUtf8();
}

// "exit 1; stderr: ..." for failure messages: never stdout (it may hold a token).
inline QByteArray describe(const CliRun &run)
{
    QByteArray err = redacted(run.err.trimmed());
    if (err.size() > 1500)
        err = err.left(1500) + "...";
    return "exit " + QByteArray::number(run.exitCode) + (run.timedOut ? " (timed out)" : "")
            + "; stderr: " + err;
}

// ---------------------------------------------------------------- other programs

inline CliRun runProgram(const QString &program, const QStringList &args, int timeoutMs = 30000,
                         const QByteArray &input = {})
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(args);
    return runProcess(process, input, timeoutMs);
}

// The `chartkey` arguments that add the sandbox's public client as profile `name`.
inline QStringList addProfileArgs(const Sandbox &sandbox, const QString &name,
                                  const QStringList &extra = {})
{
    return QStringList{QStringLiteral("profile"),
                       QStringLiteral("add"),
                       name,
                       QStringLiteral("--instance"),
                       sandbox.instance.toString(),
                       QStringLiteral("--fhir-base"),
                       sandbox.fhirBase.toString(),
                       QStringLiteral("--client-id"),
                       sandbox.publicClientId}
            + extra;
}

// ---------------------------------------------------------------- the keychain

inline QString keychainUser(const QString &profile)
{
    return QStringLiteral("tokens:") + profile;
}

// What `secret-tool lookup server chartkey user USER` prints (the secret as QtKeychain
// stored it), or nullopt when there is no such item.
inline std::optional<QByteArray> keychainSecret(const QString &user)
{
    const CliRun run = runProgram(QStringLiteral("secret-tool"),
                                  {QStringLiteral("lookup"), QStringLiteral("server"),
                                   QStringLiteral("chartkey"), QStringLiteral("user"), user});
    if (run.exitCode != 0 || run.out.isEmpty())
        return std::nullopt;
    rememberSecret(run.out);
    rememberSecret(run.out.trimmed());
    return run.out;
}

// The token JSON chartkey stored: QtKeychain keeps binary data base64-encoded.
inline QJsonObject storedTokens(const QByteArray &secret)
{
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(secret, &error);
    if (!doc.isObject()) {
        const auto decoded = QByteArray::fromBase64Encoding(secret.trimmed(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (decoded)
            doc = QJsonDocument::fromJson(*decoded, &error);
    }
    const QJsonObject o = doc.object();
    rememberSecret(o.value(QStringLiteral("access_token")).toString());
    rememberSecret(o.value(QStringLiteral("refresh_token")).toString());
    return o;
}

inline std::optional<QJsonObject> storedTokensOf(const QString &profile)
{
    const auto secret = keychainSecret(keychainUser(profile));
    if (!secret)
        return std::nullopt;
    return storedTokens(*secret);
}

// `secret-tool search --all server chartkey`, both streams (attributes may go to either).
// Holds secrets: never print it.
inline QByteArray keychainListing()
{
    const CliRun run = runProgram(QStringLiteral("secret-tool"),
                                  {QStringLiteral("search"), QStringLiteral("--all"),
                                   QStringLiteral("server"), QStringLiteral("chartkey")});
    return run.out + '\n' + run.err;
}

inline bool keychainListsUser(const QString &user)
{
    static const QRegularExpression lineEnd(QStringLiteral("\\s*\\n"));
    const QStringList lines = QString::fromUtf8(keychainListing()).split(lineEnd);
    return lines.contains(QStringLiteral("attribute.user = ") + user);
}

// ---------------------------------------------------------------- files

inline QStringList userDirectories()
{
    QStringList dirs;
    for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
        const QString dir = qEnvironmentVariable(name);
        if (!dir.isEmpty() && !dirs.contains(dir))
            dirs << dir;
    }
    return dirs;
}

// Regular files under `roots` (recursively, hidden ones too) that contain any of `needles`.
inline QStringList filesContaining(const QStringList &roots, const QList<QByteArray> &needles,
                                   int *scanned = nullptr)
{
    QStringList hits;
    int count = 0;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!it.fileInfo().isFile() || hits.contains(path))
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++count;
            const QByteArray content = file.readAll();
            for (const QByteArray &needle : needles) {
                if (!needle.isEmpty() && content.contains(needle)) {
                    hits << path;
                    break;
                }
            }
        }
    }
    if (scanned)
        *scanned = count;
    return hits;
}

// ---------------------------------------------------------------- sign-in

// The authorization URL chartkey printed on stderr (the line under "visit:").
inline QUrl authorizationUrlIn(const QByteArray &stderrText)
{
    static const QRegularExpression url(QStringLiteral("(https?://\\S+/auth/authorize/\\S*)"));
    const auto match = url.match(QString::fromUtf8(stderrText));
    if (!match.hasMatch())
        return {};
    return QUrl(match.captured(1), QUrl::StrictMode);
}

// The loopback port named by the authorization URL's redirect_uri; 0 when there is none.
inline quint16 redirectPortOf(const QUrl &authorizationUrl)
{
    const QUrlQuery query(authorizationUrl);
    const QUrl redirect(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    return redirect.port() > 0 ? quint16(redirect.port()) : 0;
}

inline bool canConnect(quint16 port, int timeoutMs = 2000)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    const bool connected = socket.waitForConnected(timeoutMs);
    socket.abort();
    return connected;
}

// Reads `process`'s stderr (keeping what was read in `stderrSoFar`) until it shows the
// authorization URL; an empty URL when none came within `timeoutMs`.
inline QUrl waitForAuthorizationUrl(QProcess *process, QByteArray *stderrSoFar,
                                    int timeoutMs = 15000)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < timeoutMs) {
        *stderrSoFar += process->readAllStandardError();
        const QUrl url = authorizationUrlIn(*stderrSoFar);
        // The line is complete once it ends with a newline.
        if (url.isValid() && !url.isEmpty()
            && stderrSoFar->indexOf('\n', stderrSoFar->indexOf("/auth/authorize/")) >= 0)
            return url;
        if (process->state() == QProcess::NotRunning)
            break;
        QTest::qWait(25);
    }
    return {};
}

// ---------------------------------------------------------------- expiry and HTTP
// (No waiting for a token to expire: signedin.h rewrites the stored expiry instead.)

// The moment a stored token set becomes due for renewal: a quarter of its lifetime (at most
// five minutes) before it expires, as TokenSet::refreshLeadSeconds says.
inline QDateTime dueAt(const QJsonObject &stored)
{
    const QDateTime obtained = QDateTime::fromString(
            stored.value(QStringLiteral("obtained_at")).toString(), Qt::ISODateWithMs);
    const QDateTime expires = QDateTime::fromString(
            stored.value(QStringLiteral("expires_at")).toString(), Qt::ISODateWithMs);
    if (!obtained.isValid() || !expires.isValid())
        return {};
    const qint64 lifetime = obtained.secsTo(expires);
    return expires.addSecs(-std::min<qint64>(300, std::max<qint64>(0, lifetime / 4)));
}

inline QDateTime expiresAt(const QJsonObject &stored)
{
    return QDateTime::fromString(stored.value(QStringLiteral("expires_at")).toString(),
                                 Qt::ISODateWithMs);
}

struct HttpAnswer
{
    int status = 0;  // 0: no answer
    QByteArray body;
};

inline HttpAnswer httpRequest(const QUrl &url, const QByteArray &verb = "GET",
                              const QByteArray &formBody = {}, int timeoutMs = 10000)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    if (!formBody.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/x-www-form-urlencoded"));
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, formBody);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    HttpAnswer answer;
    if (reply->isFinished()) {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
    } else {
        reply->abort();
    }
    reply->deleteLater();
    return answer;
}

// What the sandbox's token route received in the last authorization_code request
// (GET /__admin/last-secrets): code, code_verifier, client_secret; empty when absent.
struct CodeExchangeSecrets
{
    QString clientId;
    QString code;
    QString codeVerifier;
    QString clientSecret;
};

inline CodeExchangeSecrets lastCodeExchange(const Sandbox &sandbox)
{
    QUrl url = sandbox.admin;
    url.setPath(sandbox.admin.path() + QStringLiteral("/last-secrets"));
    const HttpAnswer answer = httpRequest(url);
    const QJsonObject o = QJsonDocument::fromJson(answer.body).object();
    CodeExchangeSecrets s;
    s.clientId = o.value(QStringLiteral("client_id")).toString();
    s.code = o.value(QStringLiteral("code")).toString();
    s.codeVerifier = o.value(QStringLiteral("code_verifier")).toString();
    s.clientSecret = o.value(QStringLiteral("client_secret")).toString();
    rememberSecret(s.code);
    rememberSecret(s.codeVerifier);
    rememberSecret(s.clientSecret);
    return s;
}

// A refresh_token grant sent straight to the token endpoint, as the public client.
inline HttpAnswer refreshDirectly(const Sandbox &sandbox, const QString &refreshToken)
{
    QUrl url = sandbox.instance;
    url.setPath(QStringLiteral("/auth/token/"));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"),
                      QString::fromLatin1(QUrl::toPercentEncoding(refreshToken)));
    form.addQueryItem(QStringLiteral("client_id"), sandbox.publicClientId);
    HttpAnswer answer = httpRequest(url, "POST", form.query(QUrl::FullyEncoded).toUtf8());
    const QJsonObject o = QJsonDocument::fromJson(answer.body).object();
    rememberSecret(o.value(QStringLiteral("access_token")).toString());
    rememberSecret(o.value(QStringLiteral("refresh_token")).toString());
    return answer;
}

// Note ids of the appointments of patients with family name `family`, from
// GET /__admin/patients?family=... (Sandbox::noteIdsOf puts the query into the path).
inline QStringList noteIdsOfFamily(const Sandbox &sandbox, const QString &family)
{
    QUrl url = sandbox.admin;
    url.setPath(sandbox.admin.path() + QStringLiteral("/patients"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("family"), family);
    url.setQuery(query);
    const HttpAnswer answer = httpRequest(url);
    QStringList ids;
    const QJsonArray patients =
            QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("patients")).toArray();
    for (const QJsonValue &p : patients) {
        const QJsonArray notes = p.toObject().value(QStringLiteral("notes")).toArray();
        for (const QJsonValue &n : notes)
            ids << n.toString();
    }
    return ids;
}

inline int tokenCount(const QJsonObject &stats, const QString &key)
{
    return stats.value(QStringLiteral("token")).toObject().value(key).toInt();
}

} // namespace chartkey::test::e2e

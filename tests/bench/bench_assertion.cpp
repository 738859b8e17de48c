// private_key_jwt: what signing a client assertion costs per token request, against
// references measured in the same run (tests/bench, run on demand: packaging/dev.sh bench).
//
//   1. Signing alone: clientassertion::make() per algorithm (ES384, RS384, ES256, RS256,
//      PS256), against an HMAC-SHA256 over the same number of bytes (what a shared-secret
//      JWT would cost), median of kSigns each.
//   2. A whole client-credentials request over loopback to a scripted token endpoint: with
//      an assertion (ES384, RS384), against the same request with client_secret_post;
//      interleaved, median of kRequests each. The difference is the assertion's share of a
//      request; a real EHR's token endpoint adds tens of milliseconds to both.
#include "benchsupport.h"
#include "auth/clientassertion.h"
#include "auth/jose.h"
#include "auth/tokenclient.h"
#include "base/clock.h"
#include "resultspy.h"
#include "scriptedserver.h"

#include <QElapsedTimer>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>

using namespace chartkey;
using namespace chartkey::bench;
using chartkey::test::ScriptedServer;

namespace {

constexpr int kSigns = 300;
constexpr int kRequests = 150;
const QString kClientId = QStringLiteral("bench-backend");

double micros(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1000.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QUrl aud(QStringLiteral("https://ehr.example/oauth2/token"));
    const QList<jose::Algorithm> algs{jose::Algorithm::ES384, jose::Algorithm::RS384,
                                      jose::Algorithm::ES256, jose::Algorithm::RS256,
                                      jose::Algorithm::PS256};
    QHash<jose::Algorithm, QJsonObject> keys;
    for (jose::Algorithm alg : algs)
        keys.insert(alg, jose::generateKey(alg));

    say(QStringLiteral("== signing one client assertion (median of %1)").arg(kSigns));
    const QByteArray sample = clientassertion::make(kClientId, aud, keys.value(algs.first()),
                                                    Clock::system()->now());
    const QByteArray input = sample.left(sample.lastIndexOf('.'));
    QList<double> hmac;
    for (int i = 0; i < kSigns; ++i) {
        QElapsedTimer t;
        t.start();
        const QByteArray mac = QMessageAuthenticationCode::hash(
                input, QByteArray("bench-shared-secret-0123456789abcdef"),
                QCryptographicHash::Sha256);
        hmac << micros(t);
        Q_UNUSED(mac);
    }
    say(QStringLiteral("  reference HMAC-SHA256 over %1 bytes: %2 us")
                .arg(input.size())
                .arg(median(hmac), 0, 'f', 1));
    for (jose::Algorithm alg : algs) {
        QList<double> times;
        for (int i = 0; i < kSigns; ++i) {
            QElapsedTimer t;
            t.start();
            const QByteArray jwt = clientassertion::make(kClientId, aud, keys.value(alg),
                                                         Clock::system()->now());
            times << micros(t);
            if (jwt.isEmpty()) {
                say(QStringLiteral("  %1: signing failed").arg(jose::algorithmName(alg)));
                return 1;
            }
        }
        say(QStringLiteral("  %1 assertion: %2 us (min %3, max %4)")
                    .arg(jose::algorithmName(alg))
                    .arg(median(times), 0, 'f', 1)
                    .arg(minimum(times), 0, 'f', 1)
                    .arg(maximum(times), 0, 'f', 1));
    }

    say(QStringLiteral("== a client-credentials request over loopback (median of %1)")
                .arg(kRequests));
    ScriptedServer server;
    server.script(ScriptedServer::kToken,
                  {ScriptedServer::tokens(QStringLiteral("bench-access"), {}, 300,
                                          QStringLiteral("system/*.read"))});
    QNetworkAccessManager nam;
    TokenClient client(&nam, Clock::system());
    const TokenEndpoint secret{server.tokenUrl(), {}, kClientId,
                               QStringLiteral("bench-secret-0123456789"), {},
                               Profile::ClientAuth::ClientSecretPost, {}};
    QList<std::pair<QString, TokenEndpoint>> variants{{QStringLiteral("client_secret_post"),
                                                       secret}};
    for (jose::Algorithm alg : {jose::Algorithm::ES384, jose::Algorithm::RS384})
        variants.append({QStringLiteral("private_key_jwt %1").arg(jose::algorithmName(alg)),
                         TokenEndpoint{server.tokenUrl(), {}, kClientId, {}, keys.value(alg),
                                       Profile::ClientAuth::PrivateKeyJwt, {}}});
    QList<QList<double>> times(variants.size());
    for (int i = 0; i < kRequests; ++i) {
        for (qsizetype v = 0; v < variants.size(); ++v) {
            QElapsedTimer t;
            t.start();
            const TokenResult r = test::waitFor(
                    client.clientCredentials(variants.at(v).second, QStringLiteral("system/*.read")));
            times[v] << double(t.nsecsElapsed()) / 1e6;
            if (r.failure) {
                say(QStringLiteral("  %1: %2").arg(variants.at(v).first, r.failure.message));
                return 1;
            }
        }
    }
    const double reference = median(times.first());
    for (qsizetype v = 0; v < variants.size(); ++v)
        say(QStringLiteral("  %1: %2 ms per request (%3 ms more than client_secret_post)")
                    .arg(variants.at(v).first, -26)
                    .arg(median(times.at(v)), 0, 'f', 2)
                    .arg(median(times.at(v)) - reference, 0, 'f', 2));
    return 0;
}

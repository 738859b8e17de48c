// ServerMetadata::parse and reviewMetadata: a SMART configuration or OpenID discovery
// document as a server sends it. Input: the document.
// Checks: a document without a usable token endpoint, or one advertising `plain`, is never
// reviewed as clean; a document that parsed reads the same after a JSON round trip.
#include "fuzzsupport.h"

#include "auth/discovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace chartkey;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    QString error;
    const ServerMetadata m = ServerMetadata::parse(body, &error);
    if (!error.isEmpty())
        return 0;
    const QUrl where(QStringLiteral("https://ehr.example/.well-known/openid-configuration"));
    for (bool code : {false, true}) {
        const QList<MetadataFinding> findings = reviewMetadata(m, where, code);
        bool failed = false;
        for (const MetadataFinding &f : findings) {
            fuzz::check(!f.message.isEmpty(), "a finding without a message");
            failed = failed || f.severity == MetadataFinding::Severity::Failure;
        }
        const bool tokenUsable = m.tokenEndpoint.isValid() && !m.tokenEndpoint.isEmpty();
        if (!tokenUsable)
            fuzz::check(failed, "no token endpoint, yet no failure");
        if (m.codeChallengeMethods.contains(QLatin1String("plain")))
            fuzz::check(!findings.isEmpty(), "plain advertised, yet nothing found");
    }
    QJsonObject o;
    o.insert(QStringLiteral("issuer"), m.issuer);
    o.insert(QStringLiteral("token_endpoint"), m.tokenEndpoint.toString());
    o.insert(QStringLiteral("code_challenge_methods_supported"),
             QJsonArray::fromStringList(m.codeChallengeMethods));
    const ServerMetadata again = ServerMetadata::parse(QJsonDocument(o).toJson(), &error);
    fuzz::check(error.isEmpty(), "a re-encoded document does not parse");
    fuzz::check(again.issuer == m.issuer, "issuer changed in a round trip");
    fuzz::check(again.codeChallengeMethods == m.codeChallengeMethods, "methods changed");
    return 0;
}

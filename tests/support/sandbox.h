// The sandbox EHR started by tests/harness/with-peers.sh, read from $CHARTKEY_SANDBOX, and
// its /__admin test controls. The admin calls block (a nested event loop): test code only.
#pragma once

#include "storage/profile.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace chartkey::test {

class Sandbox
{
public:
    // False (with QSKIP-able reason) when the test does not run under the harness.
    static bool available();
    static Sandbox fromEnvironment();

    QUrl instance;
    QUrl fhirBase;
    QUrl admin;
    QString publicClientId;
    QString confidentialClientId;
    QString confidentialSecret;
    QString serviceClientId;
    QString serviceSecret;
    QString browser;           // tests/sandbox/browser

    // A Canvas-style profile for the public client.
    Profile publicProfile(const QString &name = QStringLiteral("Sandbox")) const;

    QJsonObject stats() const;
    int tokenRequests(const QString &grantType) const;
    int apiResponses(int status) const;
    void resetStats() const;
    void expireTokens() const;
    void setAccessTtl(int seconds) const;
    // mode: "500", "503", "hang", "malformed", "html"; target: "token", "api", "revocation"
    void failNext(const QString &target, int count, const QString &mode) const;
    QJsonObject noteState(const QString &noteId) const;
    // Note ids of a patient's appointments with family name `family` (first match).
    QStringList noteIdsOf(const QString &family) const;

private:
    QJsonObject call(const QByteArray &verb, const QString &path,
                     const QJsonObject &body = {}) const;
};

} // namespace chartkey::test

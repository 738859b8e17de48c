// Everything chartkey needs to talk to one profile's EHR, assembled once: the session
// (tokens), the token endpoint client, the API client, and the FHIR and notes clients on
// top of it. The desktop app and the command line build one per profile.
#pragma once

#include "profile/profile.h"

#include <QObject>

class QNetworkAccessManager;

namespace chartkey {

class ActivityLog;
class ApiClient;
class Clock;
class FhirClient;
class IdTokenVerifier;
class NotesClient;
class SecretStore;
class Session;
class TokenClient;

class EhrConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EhrConnection)
public:
    EhrConnection(const Profile &profile, SecretStore *secrets, QNetworkAccessManager *nam,
                  const Clock *clock, ActivityLog *activity = nullptr, QObject *parent = nullptr);
    ~EhrConnection() override;

    const Profile &profile() const;
    Session *session() const { return m_session; }
    TokenClient *tokens() const { return m_tokens; }
    IdTokenVerifier *idTokens() const { return m_idTokens; }
    QNetworkAccessManager *network() const { return m_nam; }
    int timeoutMs() const { return m_timeoutMs; }
    ApiClient *api() const { return m_api; }
    FhirClient *fhir() const { return m_fhir; }
    NotesClient *notes() const { return m_notes; }

    void setTimeoutMs(int ms);

private:
    TokenClient *m_tokens = nullptr;
    IdTokenVerifier *m_idTokens = nullptr;
    Session *m_session = nullptr;
    ApiClient *m_api = nullptr;
    FhirClient *m_fhir = nullptr;
    NotesClient *m_notes = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
    int m_timeoutMs = 30000;
};

} // namespace chartkey

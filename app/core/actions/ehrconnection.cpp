#include "actions/ehrconnection.h"

#include "auth/idtokenverifier.h"
#include "auth/session.h"
#include "auth/tokenclient.h"
#include "fhir/fhirclient.h"
#include "api/apiclient.h"
#include "notes/notesclient.h"

namespace chartkey {

EhrConnection::EhrConnection(const Profile &profile, SecretStore *secrets,
                             QNetworkAccessManager *nam, const Clock *clock,
                             ActivityLog *activity, QObject *parent)
    : QObject(parent)
    , m_tokens(new TokenClient(nam, clock, this))
    , m_idTokens(new IdTokenVerifier(nam, clock, this))
    , m_session(new Session(profile, secrets, m_tokens, clock, this))
    , m_api(new ApiClient(m_session, nam, this))
    , m_fhir(new FhirClient(m_api, profile.fhirBaseUrl, this))
    , m_notes(new NotesClient(m_api, profile.notesBaseUrl, this))
    , m_nam(nam)
{
    m_session->setIdTokenVerifier(m_idTokens);
    m_tokens->setActivityLog(activity);
    m_api->setActivityLog(activity);
}

EhrConnection::~EhrConnection() = default;

const Profile &EhrConnection::profile() const
{
    return m_session->profile();
}

void EhrConnection::setTimeoutMs(int ms)
{
    m_timeoutMs = ms;
    m_tokens->setTimeoutMs(ms);
    m_idTokens->setTimeoutMs(ms);
    m_api->setTimeoutMs(ms);
}

} // namespace chartkey

#include "appsecretstore.h"

namespace chartkey {

AppSecretStore::AppSecretStore(const QString &service, qsizetype entryLimit)
    : m_entryLimit(entryLimit)
    , m_keychain(service)
    , m_chunked(&m_keychain, entryLimit)
{
}

} // namespace chartkey

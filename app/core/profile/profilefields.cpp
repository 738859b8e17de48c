#include "profilefields.h"

#include <QUrl>

#include <optional>

namespace chartkey::profilefields {

namespace {

using T = Entry::Type;
using F = ProfileField;

Entry textEntry(F field, const char *key, QString Profile::*member, bool inSettings = true)
{
    return {field, QLatin1StringView(key), T::Text, inSettings,
            [member](const Profile &p) { return p.*member; },
            [member](Profile &p, const QString &text) {
                p.*member = text;
                return true;
            }};
}

Entry urlEntry(F field, const char *key, QUrl Profile::*member)
{
    return {field, QLatin1StringView(key), T::Url, true,
            [member](const Profile &p) { return (p.*member).toString(); },
            [member](Profile &p, const QString &text) {
                const QString t = text.trimmed();
                p.*member = t.isEmpty() ? QUrl() : QUrl(t, QUrl::StrictMode);
                return (p.*member).isEmpty() || (p.*member).isValid();
            }};
}

// A choice stored by its id (toString()); an empty text keeps the profile's default.
template<typename Enum>
Entry choiceEntry(F field, const char *key, T type, Enum Profile::*member,
                  std::optional<Enum> (*fromString)(const QString &))
{
    return {field, QLatin1StringView(key), type, true,
            [member](const Profile &p) { return toString(p.*member); },
            [member, fromString](Profile &p, const QString &text) {
                if (text.isEmpty())
                    return true;
                const std::optional<Enum> value = fromString(text);
                if (value)
                    p.*member = *value;
                return value.has_value();
            }};
}

std::optional<Profile::ClientType> clientTypeFromString(const QString &id)
{
    for (auto type : {Profile::ClientType::Public, Profile::ClientType::Confidential}) {
        if (toString(type) == id)
            return type;
    }
    return std::nullopt;
}

} // namespace

const QList<Entry> &table()
{
    static const QList<Entry> entries{
            textEntry(F::Name, "name", &Profile::name, false),
            choiceEntry(F::Kind, "kind", T::Kind, &Profile::kind, &kindFromString),
            urlEntry(F::Instance, "instanceUrl", &Profile::instanceUrl),
            urlEntry(F::FhirBase, "fhirBaseUrl", &Profile::fhirBaseUrl),
            urlEntry(F::Authorization, "authorizationUrl", &Profile::authorizationUrl),
            urlEntry(F::Token, "tokenUrl", &Profile::tokenUrl),
            urlEntry(F::Revocation, "revocationUrl", &Profile::revocationUrl),
            urlEntry(F::EndSession, "endSessionUrl", &Profile::endSessionUrl),
            urlEntry(F::Notes, "notesBaseUrl", &Profile::notesBaseUrl),
            urlEntry(F::Discovery, "discoveryUrl", &Profile::discoveryUrl),
            textEntry(F::Issuer, "issuer", &Profile::issuer),
            textEntry(F::ClientId, "clientId", &Profile::clientId),
            choiceEntry(F::ClientType, "clientType", T::ClientType, &Profile::clientType,
                        &clientTypeFromString),
            choiceEntry(F::ClientAuth, "clientAuth", T::ClientAuth, &Profile::clientAuth,
                        &clientAuthFromString),
            choiceEntry(F::Grant, "grant", T::Grant, &Profile::grant, &grantFromString),
            textEntry(F::Scope, "scope", &Profile::scope),
            urlEntry(F::Redirect, "redirectUri", &Profile::redirectUri),
    };
    return entries;
}

} // namespace chartkey::profilefields

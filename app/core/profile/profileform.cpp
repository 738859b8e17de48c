#include "profileform.h"

#include "profile/scopes.h"

#include <QCoreApplication>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::ProfileForm", text);
}

const QString kLaunch = QStringLiteral("launch");
const QString kAud = QStringLiteral("aud");

// Every field, in the order the editor shows them (and problems are said).
constexpr ProfileField kFields[] = {
        ProfileField::Kind,          ProfileField::Name,       ProfileField::Instance,
        ProfileField::FhirBase,      ProfileField::Discovery,  ProfileField::ClientId,
        ProfileField::ClientType,    ProfileField::ClientSecret, ProfileField::Grant,
        ProfileField::AccessToken,   ProfileField::Scope,      ProfileField::Redirect,
        ProfileField::Launch,        ProfileField::Aud,        ProfileField::Authorization,
        ProfileField::Token,         ProfileField::Revocation, ProfileField::EndSession,
        ProfileField::Issuer,        ProfileField::Notes,
};

QUrl defaultRedirect()
{
    return QUrl(QString::fromLatin1(Profile::kDefaultRedirectUri));
}

QString paramValue(const QList<std::pair<QString, QString>> &params, const QString &name)
{
    for (const auto &[key, value] : params) {
        if (key == name)
            return value;
    }
    return {};
}

// Sets the first parameter `name` to `value` (removes it when `value` is empty), or appends it.
void setParam(QList<std::pair<QString, QString>> &params, const QString &name,
              const QString &value)
{
    for (qsizetype i = 0; i < params.size(); ++i) {
        if (params.at(i).first != name)
            continue;
        if (value.isEmpty())
            params.removeAt(i);
        else
            params[i].second = value;
        return;
    }
    if (!value.isEmpty())
        params.append({name, value});
}

// The text of `field` in `p` (the redirect: the URI, whatever its kind).
QString textOf(const Profile &p, ProfileField field)
{
    switch (field) {
    case ProfileField::Name:
        return p.name;
    case ProfileField::Kind:
        return toString(p.kind);
    case ProfileField::Instance:
        return p.instanceUrl.toString();
    case ProfileField::FhirBase:
        return p.fhirBaseUrl.toString();
    case ProfileField::Discovery:
        return p.discoveryUrl.toString();
    case ProfileField::ClientId:
        return p.clientId;
    case ProfileField::ClientType:
        return toString(p.clientType);
    case ProfileField::ClientAuth:
        return toString(p.clientAuth);
    case ProfileField::Grant:
        return toString(p.grant);
    case ProfileField::Scope:
        return p.scope;
    case ProfileField::Redirect:
        return p.redirectUri.toString();
    case ProfileField::Launch:
        return paramValue(p.extraAuthParams, kLaunch);
    case ProfileField::Aud:
        return paramValue(p.extraAuthParams, kAud);
    case ProfileField::Authorization:
        return p.authorizationUrl.toString();
    case ProfileField::Token:
        return p.tokenUrl.toString();
    case ProfileField::Revocation:
        return p.revocationUrl.toString();
    case ProfileField::EndSession:
        return p.endSessionUrl.toString();
    case ProfileField::Issuer:
        return p.issuer;
    case ProfileField::Notes:
        return p.notesBaseUrl.toString();
    case ProfileField::ClientSecret:
    case ProfileField::AccessToken:
        break; // never in a profile
    }
    return {};
}

QUrl cleaned(const QUrl &url)
{
    QUrl u = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (u.path() == QLatin1String("/"))
        u.setPath(QString());
    return u;
}

// "a", "a and b", "a, b and c"
QString joinAnd(const QStringList &items)
{
    if (items.size() < 2)
        return items.join(QString());
    return tr("%1 and %2").arg(items.mid(0, items.size() - 1).join(QStringLiteral(", ")),
                               items.last());
}

} // namespace

ProfileForm::ProfileForm(const Profile &initial, Mode mode, QObject *parent)
    : QObject(parent)
    , m_initial(initial)
    , m_mode(mode)
    , m_kind(initial.kind)
{
    fillFrom(initial);
    resetEdited();
    if (m_mode == Mode::New)
        rederive(); // the preset's defaults in every field left empty
}

ProfileForm::~ProfileForm() = default;

QString ProfileForm::text(ProfileField field) const
{
    switch (field) {
    case ProfileField::Kind:
        return toString(m_kind);
    case ProfileField::Grant:
        return toString(m_grant);
    case ProfileField::ClientType:
        return toString(m_clientType);
    default:
        return m_text.value(field);
    }
}

bool ProfileForm::isDerivable(ProfileField field) const
{
    const ServerPreset p = preset();
    switch (field) {
    case ProfileField::Instance:
        return p.usesDiscovery; // else the instance is what the person gives
    case ProfileField::FhirBase:
        return p.fhirBase == ServerPreset::FhirBase::Derived
                || p.fhirBase == ServerPreset::FhirBase::None;
    case ProfileField::Discovery:
        return p.usesDiscovery && p.discovery == ServerPreset::Discovery::SmartFromFhirBase;
    case ProfileField::Grant:
    case ProfileField::ClientType:
    case ProfileField::ClientAuth:
    case ProfileField::Scope:
    case ProfileField::Redirect:
    case ProfileField::Launch:
    case ProfileField::Aud:
    case ProfileField::Authorization:
    case ProfileField::Token:
    case ProfileField::Revocation:
    case ProfileField::EndSession:
    case ProfileField::Issuer:
    case ProfileField::Notes:
        return true;
    case ProfileField::Name:
    case ProfileField::Kind:
    case ProfileField::ClientId:
    case ProfileField::ClientSecret:
    case ProfileField::AccessToken:
        return false;
    }
    return false;
}

std::optional<ProfileField> ProfileForm::sourceOf(ProfileField field) const
{
    const ServerPreset p = preset();
    if (field == ProfileField::ClientType)
        return ProfileField::Grant;
    if (p.usesDiscovery && p.discovery == ServerPreset::Discovery::SmartFromFhirBase) {
        if (field == ProfileField::Instance || field == ProfileField::Discovery
            || field == ProfileField::Aud)
            return ProfileField::FhirBase;
        return std::nullopt;
    }
    if (p.usesDiscovery)
        return field == ProfileField::Instance ? std::optional(ProfileField::Discovery)
                                               : std::nullopt;
    switch (field) {
    case ProfileField::FhirBase:
    case ProfileField::Authorization:
    case ProfileField::Token:
    case ProfileField::Revocation:
    case ProfileField::EndSession:
    case ProfileField::Issuer:
    case ProfileField::Notes:
        return ProfileField::Instance;
    default:
        return std::nullopt;
    }
}

bool ProfileForm::follows(ProfileField field) const
{
    return isDerivable(field) && !m_edited.contains(field);
}

QUrl ProfileForm::url(ProfileField field, const QUrl &initial) const
{
    const QString t = m_text.value(field);
    if (t == initial.toString())
        return initial; // unchanged: exactly as given
    if (t.trimmed().isEmpty())
        return {};
    return QUrl(t.trimmed(), QUrl::StrictMode);
}

Profile ProfileForm::derived() const
{
    // What the preset makes of the fields the person gave.
    const auto given = [this](ProfileField field) {
        return follows(field) ? QUrl() : QUrl(m_text.value(field).trimmed(), QUrl::StrictMode);
    };
    PresetInputs in;
    in.name = m_text.value(ProfileField::Name);
    in.instanceUrl = given(ProfileField::Instance);
    in.fhirBaseUrl = given(ProfileField::FhirBase);
    in.discoveryUrl = given(ProfileField::Discovery);
    return makeProfile(m_kind, in);
}

void ProfileForm::rederive()
{
    const Profile d = derived();
    if (follows(ProfileField::Grant))
        m_grant = d.grant; // first: the client type follows it
    for (ProfileField field : kFields) {
        if (!follows(field))
            continue;
        switch (field) {
        case ProfileField::Grant:
            break;
        case ProfileField::ClientType:
            m_clientType = preset().clientTypeFor(m_grant);
            // The preset's client authentication comes with it (smart-backend: a key).
            if (m_clientAuth == Profile::ClientAuth::Automatic
                || m_clientAuth == ServerPreset::of(m_initial.kind).clientAuth)
                m_clientAuth = preset().clientAuth;
            break;
        case ProfileField::Redirect:
            m_redirectExact = false;
            m_redirectAnyPort = d.redirectUri;
            m_text[field].clear();
            break;
        default:
            m_text[field] = textOf(d, field);
            break;
        }
    }
}

void ProfileForm::fillFrom(const Profile &p)
{
    m_kind = p.kind;
    m_grant = p.grant;
    m_clientType = p.clientType;
    m_clientAuth = p.clientAuth;
    for (ProfileField field : kFields)
        m_text[field] = textOf(p, field);
    m_text[ProfileField::ClientSecret].clear();
    m_text[ProfileField::AccessToken].clear();
    m_redirectExact = !p.redirectUri.isEmpty() && p.redirectUri != defaultRedirect();
    m_redirectAnyPort = m_redirectExact ? defaultRedirect() : p.redirectUri;
    if (!m_redirectExact)
        m_text[ProfileField::Redirect].clear();
    m_params = p.extraAuthParams;
}

void ProfileForm::resetEdited()
{
    // A field of the given profile follows while it is empty or what its source gives.
    m_edited.clear();
    PresetInputs in;
    in.name = m_initial.name;
    if (!isDerivable(ProfileField::Instance))
        in.instanceUrl = m_initial.instanceUrl;
    if (!isDerivable(ProfileField::FhirBase))
        in.fhirBaseUrl = m_initial.fhirBaseUrl;
    if (!isDerivable(ProfileField::Discovery))
        in.discoveryUrl = m_initial.discoveryUrl;
    const Profile d = makeProfile(m_kind, in);
    for (ProfileField field : kFields) {
        switch (field) {
        // A new profile takes the preset's grant and client type (the person chooses
        // another in the form); a stored one keeps its own.
        case ProfileField::Grant:
            if (m_mode == Mode::Edit && m_initial.grant != d.grant)
                m_edited.insert(field);
            break;
        case ProfileField::ClientType:
            if (m_mode == Mode::Edit
                && m_initial.clientType != preset().clientTypeFor(m_initial.grant))
                m_edited.insert(field);
            break;
        default: {
            const QString given = textOf(m_initial, field);
            if (!given.isEmpty() && (!isDerivable(field) || given != textOf(d, field)))
                m_edited.insert(field);
            break;
        }
        }
    }
}

void ProfileForm::setText(ProfileField field, const QString &text)
{
    if (m_text.value(field) == text)
        return;
    m_text[field] = text;
    m_touched.insert(field);
    // Cleared: it follows its source again (from the next change of the source on, so that
    // what the person types next is not mixed with a derived value).
    if (text.trimmed().isEmpty() && field != ProfileField::Redirect)
        m_edited.remove(field);
    else
        m_edited.insert(field);
    if (field == ProfileField::Instance || field == ProfileField::FhirBase
        || field == ProfileField::Discovery)
        rederive();
    Q_EMIT changed();
}

bool ProfileForm::asksIdentity() const
{
    return scopes::split(m_text.value(ProfileField::Scope)).contains(QLatin1String("openid"));
}

void ProfileForm::setAsksIdentity(bool ask)
{
    QStringList list = scopes::split(m_text.value(ProfileField::Scope));
    for (const QLatin1String scope : {QLatin1String("openid"), QLatin1String("fhirUser")}) {
        list.removeAll(scope);
        if (ask)
            list.append(scope);
    }
    setText(ProfileField::Scope, list.join(QLatin1Char(' ')));
}

void ProfileForm::setKind(Profile::Kind kind)
{
    if (kind == m_kind)
        return;
    const bool instanceWasGiven = !follows(ProfileField::Instance);
    m_kind = kind;
    m_touched.insert(ProfileField::Kind);
    // What the person gave about the server and the client stays; everything the old preset
    // derived or defaulted is the new preset's.
    const QSet<ProfileField> kept{ProfileField::Name,     ProfileField::Instance,
                                  ProfileField::FhirBase, ProfileField::Discovery,
                                  ProfileField::ClientId, ProfileField::ClientSecret,
                                  ProfileField::AccessToken};
    for (auto it = m_edited.begin(); it != m_edited.end();) {
        if (kept.contains(*it))
            ++it;
        else
            it = m_edited.erase(it);
    }
    if (isDerivable(ProfileField::Instance))
        m_edited.remove(ProfileField::Instance); // named by the FHIR base or the issuer now
    else if (!instanceWasGiven)
        m_text[ProfileField::Instance].clear(); // it followed the old preset's source
    m_params.removeIf([](const auto &param) {
        return param.first == kLaunch || param.first == kAud;
    });
    rederive();
    Q_EMIT changed();
}

void ProfileForm::setGrant(Profile::Grant grant)
{
    if (grant == m_grant)
        return;
    m_grant = grant;
    m_edited.insert(ProfileField::Grant);
    m_touched.insert(ProfileField::Grant);
    if (follows(ProfileField::ClientType))
        m_clientType = preset().clientTypeFor(grant);
    Q_EMIT changed();
}

void ProfileForm::setClientType(Profile::ClientType type)
{
    if (type == m_clientType)
        return;
    m_clientType = type;
    m_edited.insert(ProfileField::ClientType);
    m_touched.insert(ProfileField::ClientType);
    Q_EMIT changed();
}

void ProfileForm::setClientAuth(Profile::ClientAuth auth)
{
    if (auth == m_clientAuth)
        return;
    m_clientAuth = auth;
    if (auth != Profile::ClientAuth::Automatic)
        setClientType(auth == Profile::ClientAuth::None ? Profile::ClientType::Public
                                                        : Profile::ClientType::Confidential);
    Q_EMIT changed();
}

void ProfileForm::setRedirectExact(bool exact)
{
    m_edited.insert(ProfileField::Redirect);
    m_touched.insert(ProfileField::Redirect);
    if (exact == m_redirectExact && (exact || m_redirectAnyPort == defaultRedirect()))
        return;
    m_redirectExact = exact;
    if (!exact)
        m_redirectAnyPort = defaultRedirect();
    Q_EMIT changed();
}

void ProfileForm::setAuthParam(const QString &name, const QString &value)
{
    if (name == kLaunch) {
        setText(ProfileField::Launch, value);
    } else if (name == kAud) {
        setText(ProfileField::Aud, value);
    } else {
        setParam(m_params, name, value);
        Q_EMIT changed();
    }
}

void ProfileForm::setEndpoints(const Profile &fetched)
{
    const std::pair<ProfileField, QString> endpoints[] = {
            {ProfileField::Authorization, fetched.authorizationUrl.toString()},
            {ProfileField::Token, fetched.tokenUrl.toString()},
            {ProfileField::Revocation, fetched.revocationUrl.toString()},
            {ProfileField::EndSession, fetched.endSessionUrl.toString()},
            {ProfileField::Issuer, fetched.issuer},
    };
    for (const auto &[field, value] : endpoints) {
        m_text[field] = value;
        m_edited.insert(field); // fetched, not derived
        m_touched.insert(field);
    }
    Q_EMIT changed();
}

void ProfileForm::load(const Profile &profile)
{
    m_initial = profile;
    fillFrom(profile);
    resetEdited();
    m_allTouched = true;
    Q_EMIT changed();
}

void ProfileForm::touchAll()
{
    if (m_allTouched)
        return;
    m_allTouched = true;
    Q_EMIT changed();
}

void ProfileForm::setExistingNames(const QStringList &names)
{
    m_existingNames = names;
    Q_EMIT changed();
}

void ProfileForm::setStoredSecrets(bool clientSecret, bool accessToken)
{
    m_storedSecret = clientSecret;
    m_storedToken = accessToken;
    Q_EMIT changed();
}

Profile ProfileForm::profile() const
{
    Profile p = m_initial;
    p.kind = m_kind;
    p.grant = m_grant;
    p.clientType = m_clientType;
    p.clientAuth = m_clientAuth;
    const auto textOr = [this](ProfileField field, const QString &initial) {
        const QString t = m_text.value(field);
        return t == initial ? initial : t.trimmed();
    };
    p.name = textOr(ProfileField::Name, m_initial.name);
    p.instanceUrl = url(ProfileField::Instance, m_initial.instanceUrl);
    if (p.instanceUrl != m_initial.instanceUrl)
        p.instanceUrl = cleaned(p.instanceUrl); // no trailing slash, query or fragment
    p.fhirBaseUrl = url(ProfileField::FhirBase, m_initial.fhirBaseUrl);
    p.discoveryUrl = url(ProfileField::Discovery, m_initial.discoveryUrl);
    p.authorizationUrl = url(ProfileField::Authorization, m_initial.authorizationUrl);
    p.tokenUrl = url(ProfileField::Token, m_initial.tokenUrl);
    p.revocationUrl = url(ProfileField::Revocation, m_initial.revocationUrl);
    p.endSessionUrl = url(ProfileField::EndSession, m_initial.endSessionUrl);
    p.notesBaseUrl = url(ProfileField::Notes, m_initial.notesBaseUrl);
    p.issuer = textOr(ProfileField::Issuer, m_initial.issuer);
    p.clientId = textOr(ProfileField::ClientId, m_initial.clientId);
    const QString scope = m_text.value(ProfileField::Scope);
    p.scope = scope == m_initial.scope ? m_initial.scope
                                       : scopes::split(scope).join(QLatin1Char(' '));
    p.redirectUri = m_redirectExact ? url(ProfileField::Redirect, m_initial.redirectUri)
                                    : m_redirectAnyPort;
    p.extraAuthParams = m_params;
    setParam(p.extraAuthParams, kLaunch, m_text.value(ProfileField::Launch).trimmed());
    setParam(p.extraAuthParams, kAud, m_text.value(ProfileField::Aud).trimmed());
    if (p.grant == Profile::Grant::StaticToken) {
        // Nothing of a sign-in: no client, no scopes, no redirect.
        p.clientId.clear();
        p.clientType = Profile::ClientType::Public;
        p.clientAuth = Profile::ClientAuth::Automatic;
        p.scope.clear();
        p.redirectUri = QUrl();
        p.extraAuthParams.clear();
    }
    return p;
}

QString ProfileForm::clientSecret() const
{
    return !isStaticToken() && m_clientType == Profile::ClientType::Confidential
            ? m_text.value(ProfileField::ClientSecret).trimmed()
            : QString();
}

QString ProfileForm::accessToken() const
{
    return isStaticToken() ? m_text.value(ProfileField::AccessToken).trimmed() : QString();
}

bool ProfileForm::isVisible(ProfileField field) const
{
    const ServerPreset p = preset();
    const bool signIn = !isStaticToken();
    switch (field) {
    case ProfileField::Kind:
    case ProfileField::Name:
    case ProfileField::Grant:
        return true;
    case ProfileField::Instance:
        return !p.usesDiscovery;
    case ProfileField::FhirBase:
        return p.fhirBase != ServerPreset::FhirBase::None;
    case ProfileField::Discovery:
        return p.usesDiscovery;
    case ProfileField::ClientId:
    case ProfileField::ClientType:
    case ProfileField::Scope:
    case ProfileField::Redirect:
    case ProfileField::Authorization:
    case ProfileField::Token:
    case ProfileField::Revocation:
    case ProfileField::EndSession:
    case ProfileField::Issuer:
        return signIn;
    case ProfileField::ClientSecret:
        return signIn && m_clientType == Profile::ClientType::Confidential
                && m_clientAuth != Profile::ClientAuth::PrivateKeyJwt;
    case ProfileField::ClientAuth:
        return false; // not in the editor yet: `profile add --client-auth`, or the preset's
    case ProfileField::AccessToken:
        return !signIn;
    case ProfileField::Launch:
        return signIn && p.showsLaunch;
    case ProfileField::Aud:
        return signIn && p.showsAud;
    case ProfileField::Notes:
        return p.hasNotesApi;
    }
    return false;
}

bool ProfileForm::isEnabled(ProfileField field) const
{
    switch (field) {
    case ProfileField::Redirect:
    case ProfileField::Launch:
    case ProfileField::Aud:
    case ProfileField::Authorization:
        // Only the browser sign-in uses them.
        return m_grant == Profile::Grant::AuthorizationCode;
    default:
        return true;
    }
}

bool ProfileForm::isRequired(ProfileField field) const
{
    const ServerPreset p = preset();
    const bool signIn = !isStaticToken();
    const bool browser = m_grant == Profile::Grant::AuthorizationCode;
    switch (field) {
    case ProfileField::Name:
        return true;
    case ProfileField::Instance:
        return p.needsInstance;
    case ProfileField::FhirBase:
        return p.fhirBase == ServerPreset::FhirBase::Required
                || p.fhirBase == ServerPreset::FhirBase::Derived;
    case ProfileField::Discovery:
        return p.needsDiscoveryUrl();
    case ProfileField::ClientId:
    case ProfileField::Token:
        return signIn;
    case ProfileField::ClientSecret:
        return signIn && m_clientType == Profile::ClientType::Confidential && !m_storedSecret
                && m_clientAuth != Profile::ClientAuth::PrivateKeyJwt;
    case ProfileField::AccessToken:
        return !signIn && !m_storedToken;
    case ProfileField::Scope:
        return signIn && browser && p.smartScopes;
    case ProfileField::Redirect:
    case ProfileField::Authorization:
        return signIn && browser;
    default:
        return false;
    }
}

QString ProfileForm::placeholder(ProfileField field) const
{
    const ServerPreset p = preset();
    if (QString text = p.placeholder(field); !text.isEmpty())
        return text;
    const QString kept = tr("unchanged (kept in the keychain)");
    switch (field) {
    case ProfileField::Name:
        return tr("a name for this profile, such as Clinic");
    case ProfileField::ClientId:
        return tr("from the application registered on the EHR");
    case ProfileField::ClientSecret:
        return m_storedSecret ? kept : tr("the application's secret; it goes to the keychain");
    case ProfileField::AccessToken:
        return m_storedToken ? kept : tr("paste the token; it goes to the keychain");
    case ProfileField::Scope:
        return p.defaultScope.isEmpty() ? tr("optional") : p.defaultScope;
    case ProfileField::Redirect:
        return QStringLiteral("http://127.0.0.1:8765/callback");
    case ProfileField::Launch:
    case ProfileField::Aud:
        return tr("optional");
    case ProfileField::Revocation:
        return tr("none: sign-out only forgets the tokens");
    case ProfileField::EndSession:
        return tr("none: the browser's sign-in at the server is left as it is");
    case ProfileField::Issuer:
        return tr("none: the iss of the redirect is not checked");
    case ProfileField::Notes:
        return tr("none: no note actions");
    default:
        return {};
    }
}

void ProfileForm::setPolicy(const ManagedPolicy &policy)
{
    m_policy = policy;
    Q_EMIT changed();
}

ProfileProblems ProfileForm::problems() const
{
    const Profile p = profile();
    const ServerPreset preset = this->preset();
    ProfileProblems problems = p.validate();
    problems.append(m_policy.problems(p));
    const bool renamed = m_mode == Mode::New || p.name != m_initial.name;
    if (renamed && m_existingNames.contains(p.name, Qt::CaseInsensitive))
        problems.append({ProfileField::Name,
                         tr("A profile named %1 already exists; choose another name.")
                                 .arg(p.name)});
    const bool staticToken = isStaticToken();
    if (!staticToken && preset.smartScopes && preset.offers(m_grant)) {
        if (m_grant == Profile::Grant::AuthorizationCode && scopes::split(p.scope).isEmpty())
            problems.append({ProfileField::Scope,
                             tr("Give at least one scope, such as %1.")
                                     .arg(preset.defaultScope.isEmpty()
                                                  ? QString::fromLatin1(Profile::kDefaultScope)
                                                  : preset.defaultScope)});
        const QStringList scopeProblems = scopes::problems(p.scope);
        for (const QString &problem : scopeProblems)
            problems.append({ProfileField::Scope, problem});
    }
    // A new confidential client, or one that was public, has no secret in the keychain yet.
    if (isRequired(ProfileField::ClientSecret) && clientSecret().isEmpty())
        problems.append({ProfileField::ClientSecret,
                         tr("Enter the client secret of this confidential client, as shown by "
                            "the application registered on the EHR.")});
    if (isRequired(ProfileField::AccessToken) && accessToken().isEmpty())
        problems.append({ProfileField::AccessToken,
                         preset.staticTokenSource.isEmpty()
                                 ? tr("Paste the access token.")
                                 : tr("Paste the access token made %1.")
                                           .arg(preset.staticTokenSource)});
    return problems;
}

ProfileProblems ProfileForm::shownProblems() const
{
    const ProfileProblems all = problems();
    QSet<ProfileField> withProblems;
    for (const ProfileProblem &problem : all)
        withProblems.insert(problem.field);
    ProfileProblems shown;
    for (const ProfileProblem &problem : all) {
        const ProfileField field = problem.field;
        const std::optional<ProfileField> source = sourceOf(field);
        const bool following = source && follows(field);
        // A field that follows a wrong source is wrong for the same reason: said once, under
        // the source.
        if (following && withProblems.contains(*source))
            continue;
        // An untouched field of a new profile is not yet an error to point at (the line under
        // the buttons says what stops saving); one that holds a value is.
        const bool show = m_mode == Mode::Edit || m_allTouched || m_touched.contains(field)
                || (following && m_touched.contains(*source))
                || (!follows(field) && !m_text.value(field).trimmed().isEmpty())
                || (field == ProfileField::ClientSecret
                    && (m_touched.contains(ProfileField::ClientType)
                        || m_touched.contains(ProfileField::Grant)));
        if (show)
            shown.append(problem);
    }
    return shown;
}

QString ProfileForm::whatStopsSaving() const
{
    const ProfileProblems all = problems();
    if (all.isEmpty())
        return {};
    const bool discovery = preset().usesDiscovery;
    QStringList give;
    QStringList correct;
    bool fetch = false;
    for (ProfileField field : kFields) {
        if (problemsOf(all, field).isEmpty())
            continue;
        // A field that follows a wrong source is corrected with it.
        if (const auto source = sourceOf(field);
            source && follows(field) && !problemsOf(all, *source).isEmpty())
            continue;
        const QString value = field == ProfileField::ClientSecret ? clientSecret()
                : field == ProfileField::AccessToken              ? accessToken()
                                                                  : text(field).trimmed();
        const bool empty = value.isEmpty()
                && (field != ProfileField::Redirect || m_redirectExact);
        if (empty && discovery
            && (field == ProfileField::Authorization || field == ProfileField::Token))
            fetch = true;
        else if (empty)
            give << fieldName(field);
        else
            correct << fieldName(field);
    }
    QStringList parts;
    if (!give.isEmpty())
        parts << tr("give %1").arg(joinAnd(give));
    if (fetch)
        parts << tr("fetch the endpoints from the discovery document (or give them)");
    if (!correct.isEmpty())
        parts << tr("correct %1").arg(joinAnd(correct));
    return tr("To save: %1.").arg(parts.join(QStringLiteral("; ")));
}

} // namespace chartkey

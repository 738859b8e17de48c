#include "policy.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace chartkey {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("chartkey::ManagedPolicy", text, disambiguation, n);
}

const QString kAllowUserProfiles = QStringLiteral("allowUserProfiles");
const QString kAllowedHosts = QStringLiteral("allowedHosts");
const QString kAllowedGrants = QStringLiteral("allowedGrants");
const QString kAllowedClientTypes = QStringLiteral("allowedClientTypes");
const QString kAllowStaticTokens = QStringLiteral("allowStaticTokens");
const QString kActivityShowsBodies = QStringLiteral("activityShowsBodies");
const QString kDefaultIdleMinutesKey = QStringLiteral("defaultIdleMinutes");
const QString kMinimumIdleMinutesKey = QStringLiteral("minimumIdleMinutes");
const QString kMaximumIdleMinutesKey = QStringLiteral("maximumIdleMinutes");
const QString kAllowIdleOff = QStringLiteral("allowIdleOff");
const QString kSigningNeedsConfirmation = QStringLiteral("signingNeedsConfirmation");

// A list as QSettings reads it: "a, b" unquoted is a QStringList, "a" alone a QString.
QStringList listOf(const QVariant &value)
{
    QStringList items;
    const QStringList raw = value.typeId() == QMetaType::QStringList
            ? value.toStringList()
            : value.toString().split(QLatin1Char(','));
    for (const QString &item : raw) {
        if (const QString t = item.trimmed(); !t.isEmpty())
            items.append(t);
    }
    return items;
}

std::optional<bool> boolOf(const QVariant &value)
{
    const QString t = value.toString().trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("1"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("0"))
        return false;
    return std::nullopt;
}

// Whole minutes from `lowest` to ManagedPolicy::kMaxIdleMinutes, written in digits.
std::optional<int> minutesOf(const QVariant &value, int lowest)
{
    bool ok = false;
    const int minutes = value.toString().trimmed().toInt(&ok);
    if (!ok || minutes < lowest || minutes > ManagedPolicy::kMaxIdleMinutes)
        return std::nullopt;
    return minutes;
}

bool isHostPattern(const QString &pattern)
{
    static const QRegularExpression re(
            QStringLiteral("^(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$"));
    return re.match(pattern).hasMatch();
}

std::optional<Profile::ClientType> clientTypeOf(const QString &id)
{
    for (auto type : {Profile::ClientType::Public, Profile::ClientType::Confidential}) {
        if (toString(type) == id)
            return type;
    }
    return std::nullopt;
}

} // namespace

QStringList ManagedPolicy::keys()
{
    return {kAllowUserProfiles, kAllowedHosts,         kAllowedGrants,
            kAllowedClientTypes, kAllowStaticTokens,   kActivityShowsBodies,
            kDefaultIdleMinutesKey, kMinimumIdleMinutesKey, kMaximumIdleMinutesKey,
            kAllowIdleOff,       kSigningNeedsConfirmation};
}

ManagedPolicy ManagedPolicy::fromValues(const QMap<QString, QVariant> &values,
                                        const QString &source, QStringList *problems)
{
    ManagedPolicy policy;
    policy.source = source;
    const auto bad = [&](const QString &key, const QString &why) {
        problems->append(tr("%1: policy/%2 %3; this key is ignored.").arg(source, key, why));
    };
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QString &key = it.key();
        if (key == kAllowUserProfiles || key == kAllowStaticTokens
            || key == kActivityShowsBodies || key == kAllowIdleOff
            || key == kSigningNeedsConfirmation) {
            const std::optional<bool> b = boolOf(it.value());
            if (!b) {
                bad(key, tr("is \"%1\", not true or false").arg(it.value().toString()));
                continue;
            }
            (key == kAllowUserProfiles    ? policy.userProfilesAllowed
             : key == kAllowStaticTokens ? policy.staticTokensAllowed
             : key == kAllowIdleOff      ? policy.idleOffAllowed
             : key == kActivityShowsBodies
                     ? policy.activityShowsBodies
                     : policy.signingNeedsConfirmation) = *b;
        } else if (key == kDefaultIdleMinutesKey || key == kMinimumIdleMinutesKey
                   || key == kMaximumIdleMinutesKey) {
            const int lowest = key == kDefaultIdleMinutesKey ? 0 : 1;
            const std::optional<int> minutes = minutesOf(it.value(), lowest);
            if (!minutes) {
                bad(key, tr("is \"%1\", not a whole number of minutes from %2 to %3")
                                 .arg(it.value().toString())
                                 .arg(lowest)
                                 .arg(kMaxIdleMinutes));
                continue;
            }
            if (key == kDefaultIdleMinutesKey)
                policy.defaultIdleMinutes = *minutes;
            else if (key == kMinimumIdleMinutesKey)
                policy.minimumIdleMinutes = *minutes;
            else
                policy.maximumIdleMinutes = *minutes;
        } else if (key == kAllowedHosts) {
            QStringList hosts;
            QStringList wrong;
            for (const QString &item : listOf(it.value())) {
                const QString host = item.toLower();
                (isHostPattern(host) ? hosts : wrong).append(item);
            }
            if (!wrong.isEmpty() || hosts.isEmpty()) {
                bad(key, wrong.isEmpty()
                                 ? tr("names no host")
                                 : tr("holds \"%1\", which is not a host name or *.domain")
                                           .arg(wrong.join(QStringLiteral("\", \""))));
                continue;
            }
            policy.allowedHosts = hosts;
        } else if (key == kAllowedGrants || key == kAllowedClientTypes) {
            QList<Profile::Grant> grants;
            QList<Profile::ClientType> types;
            QStringList wrong;
            const QStringList items = listOf(it.value());
            for (const QString &item : items) {
                if (key == kAllowedGrants) {
                    if (const auto g = grantFromString(item))
                        grants.append(*g);
                    else
                        wrong.append(item);
                } else if (const auto t = clientTypeOf(item)) {
                    types.append(*t);
                } else {
                    wrong.append(item);
                }
            }
            if (!wrong.isEmpty() || items.isEmpty()) {
                const QString valid = key == kAllowedGrants
                        ? QStringLiteral("authorization-code, client-credentials, static-token")
                        : QStringLiteral("public, confidential");
                bad(key, wrong.isEmpty()
                                 ? tr("is empty (values: %1)").arg(valid)
                                 : tr("holds \"%1\" (values: %2)")
                                           .arg(wrong.join(QStringLiteral("\", \"")), valid));
                continue;
            }
            if (key == kAllowedGrants)
                policy.allowedGrants = grants;
            else
                policy.allowedClientTypes = types;
        } else {
            problems->append(tr("%1: policy/%2 is not a chartkey policy key (keys: %3); it is "
                                "ignored.")
                                     .arg(source, key, keys().join(QStringLiteral(", "))));
        }
    }
    if (policy.maximumIdleMinutes > 0 && policy.minimumIdleMinutes > policy.maximumIdleMinutes) {
        bad(kMaximumIdleMinutesKey,
            tr("is %1, below policy/%2 (%3): no idle time is left between them")
                    .arg(policy.maximumIdleMinutes)
                    .arg(kMinimumIdleMinutesKey)
                    .arg(policy.minimumIdleMinutes));
        policy.maximumIdleMinutes = 0;
    }
    return policy;
}

bool ManagedPolicy::isHostAllowed(const QString &host) const
{
    if (allowedHosts.isEmpty())
        return true;
    const QString h = host.toLower();
    for (const QString &pattern : allowedHosts) {
        if (pattern.startsWith(QLatin1String("*.")) ? h.endsWith(pattern.mid(1)) : h == pattern)
            return true;
    }
    return false;
}

QString ManagedPolicy::whoToAsk(const QString &key) const
{
    return tr("(policy/%1 in %2, set by your IT department: ask them if you need this.)")
            .arg(key, source);
}

ProfileProblems ManagedPolicy::problems(const Profile &p) const
{
    ProfileProblems problems;
    const std::pair<ProfileField, const QUrl *> urls[] = {
            {ProfileField::Instance, &p.instanceUrl},
            {ProfileField::FhirBase, &p.fhirBaseUrl},
            {ProfileField::Discovery, &p.discoveryUrl},
            {ProfileField::Authorization, &p.authorizationUrl},
            {ProfileField::Token, &p.tokenUrl},
            {ProfileField::Revocation, &p.revocationUrl},
            {ProfileField::EndSession, &p.endSessionUrl},
            {ProfileField::Notes, &p.notesBaseUrl}};
    QStringList refusedHosts; // each once, on the first field that names it
    for (const auto &[field, url] : urls) {
        if (url->isEmpty() || url->host().isEmpty() || isHostAllowed(url->host())
            || refusedHosts.contains(url->host().toLower()))
            continue;
        refusedHosts.append(url->host().toLower());
        problems.append({field, tr("Your organisation allows profiles only for %1, not for %2. %3")
                                        .arg(allowedHosts.join(QStringLiteral(", ")),
                                             url->host(), whoToAsk(kAllowedHosts))});
    }
    if (!allowedGrants.isEmpty() && !allowedGrants.contains(p.grant)) {
        QStringList names;
        for (Profile::Grant g : allowedGrants)
            names.append(toString(g));
        problems.append({ProfileField::Grant,
                         tr("Your organisation allows only the %1 grant, not %2. %3")
                                 .arg(names.join(QStringLiteral(", ")), toString(p.grant),
                                      whoToAsk(kAllowedGrants))});
    }
    if (!staticTokensAllowed && p.grant == Profile::Grant::StaticToken)
        problems.append({ProfileField::Grant,
                         tr("Your organisation does not allow static access tokens. %1")
                                 .arg(whoToAsk(kAllowStaticTokens))});
    if (!allowedClientTypes.isEmpty() && p.grant != Profile::Grant::StaticToken
        && !allowedClientTypes.contains(p.clientType)) {
        QStringList names;
        for (Profile::ClientType t : allowedClientTypes)
            names.append(toString(t));
        problems.append({ProfileField::ClientType,
                         tr("Your organisation allows only %1 clients, not %2. %3")
                                 .arg(names.join(QStringLiteral(", ")), toString(p.clientType),
                                      whoToAsk(kAllowedClientTypes))});
    }
    return problems;
}

QString ManagedPolicy::bodiesHidden() const
{
    if (activityShowsBodies)
        return {};
    return tr("Bodies are hidden by your organisation. %1").arg(whoToAsk(kActivityShowsBodies));
}

int ManagedPolicy::idleMinutes(std::optional<int> own) const
{
    const auto limited = [this](int minutes) {
        minutes = std::clamp(minutes, 0, kMaxIdleMinutes);
        return minutes == 0 ? 0 : std::clamp(minutes, lowestIdleMinutes(), highestIdleMinutes());
    };
    int fallback = limited(defaultIdleMinutes.value_or(kDefaultIdleMinutes));
    if (fallback == 0 && !idleOffPermitted())
        fallback = limited(kDefaultIdleMinutes);
    if (!own)
        return fallback;
    const int minutes = limited(*own);
    return minutes == 0 && !idleOffPermitted() ? fallback : minutes;
}

QString ManagedPolicy::idleLimit() const
{
    if (maximumIdleMinutes > 0) {
        const QString keys = minimumIdleMinutes > 0
                ? kMinimumIdleMinutesKey + QStringLiteral(", policy/") + kMaximumIdleMinutesKey
                : kMaximumIdleMinutesKey;
        return (minimumIdleMinutes > 0
                        ? tr("Your organisation sets the idle time to between %1 and %n "
                             "minute(s): patient data is always hidden by then.",
                             nullptr, maximumIdleMinutes)
                                  .arg(minimumIdleMinutes)
                        : tr("Your organisation sets the idle time to at most %n minute(s): "
                             "patient data is always hidden by then.",
                             nullptr, maximumIdleMinutes))
                + QLatin1Char(' ') + whoToAsk(keys);
    }
    if (minimumIdleMinutes > 0 && !idleOffAllowed)
        return tr("Your organisation sets the idle time to at least %n minute(s) and does not "
                  "allow Never. %1",
                  nullptr, minimumIdleMinutes)
                .arg(whoToAsk(kMinimumIdleMinutesKey + QStringLiteral(", policy/") + kAllowIdleOff));
    if (minimumIdleMinutes > 0)
        return tr("Your organisation sets the idle time to at least %n minute(s), or Never. %1",
                  nullptr, minimumIdleMinutes)
                .arg(whoToAsk(kMinimumIdleMinutesKey));
    if (!idleOffAllowed)
        return tr("Your organisation does not allow Never: patient data is always hidden "
                  "after some idle time. %1")
                .arg(whoToAsk(kAllowIdleOff));
    return {};
}

QString ManagedPolicy::confirmationRequired() const
{
    if (!signingNeedsConfirmation)
        return {};
    return tr("Your organisation requires a confirmation before notes are signed. %1")
            .arg(whoToAsk(kSigningNeedsConfirmation));
}

QString ManagedPolicy::addRefusal() const
{
    if (userProfilesAllowed)
        return {};
    return tr("Your organisation does not allow adding profiles: use the profiles it "
              "provides (chartkey profile list). %1")
            .arg(whoToAsk(kAllowUserProfiles));
}

} // namespace chartkey

// What an IT department allows, read from the managed (system-wide) configuration: the
// [policy] group of /etc/xdg/chartkey/chartkey.conf (storage/profilestore reads it; README
// "For IT departments" lists the keys). Absent keys allow what chartkey allows anyway; a key
// with a value that is not one of its values is reported and ignored, and the rest applies.
//
// The policy is checked wherever a profile is made or used: `profile add` and `import`, the
// profile editor, and before any command or sign-in uses a profile. Every refusal names the
// key, the file it is set in, and says to ask the IT department.
#pragma once

#include "profile/profile.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace chartkey {

struct ManagedPolicy
{
    // The file the policy was read from, for messages; empty when there is none.
    QString source;

    bool userProfilesAllowed = true;   // allowUserProfiles
    QStringList allowedHosts;          // allowedHosts; empty: any. "host" or "*.domain"
    QList<Profile::Grant> allowedGrants; // allowedGrants; empty: any
    QList<Profile::ClientType> allowedClientTypes; // allowedClientTypes; empty: any
    bool staticTokensAllowed = true;   // allowStaticTokens
    bool activityShowsBodies = true;   // activityShowsBodies: the activity view's bodies

    // The desktop's idle privacy cover (privacy/idleMinutes in a person's own settings):
    // minutes without use before patient data is hidden, 0 for never.
    static constexpr int kDefaultIdleMinutes = 15; // when neither the person nor IT set one
    static constexpr int kMaxIdleMinutes = 480;
    std::optional<int> defaultIdleMinutes; // defaultIdleMinutes: 0..480, for who set none
    int minimumIdleMinutes = 0;            // minimumIdleMinutes: 1..480; 0 when not set
    // maximumIdleMinutes: 1..480; 0 when not set. A ceiling: patient data is hidden within
    // that time whatever the person chose (so "never" is not theirs to choose either).
    int maximumIdleMinutes = 0;
    bool idleOffAllowed = true;            // allowIdleOff: a person may choose "never"
    bool signingNeedsConfirmation = false; // signingNeedsConfirmation: Sign always asks first

    // The keys of the [policy] group, as the file spells them.
    static QStringList keys();

    // Reads the [policy] group's `values` (keys without the group). A value that is not one
    // of its key's values, and a key that is not a policy key, add a sentence to `problems`
    // and are ignored.
    static ManagedPolicy fromValues(const QMap<QString, QVariant> &values, const QString &source,
                                    QStringList *problems);

    bool isHostAllowed(const QString &host) const;
    // Why the policy does not allow `profile` (every URL's host, its grant, its client type),
    // each problem on the field to change; empty when it does.
    ProfileProblems problems(const Profile &profile) const;
    // Why the activity view shows no bodies; empty when it does.
    QString bodiesHidden() const;
    // The idle minutes that apply when the person's own setting is `own` (nullopt: never
    // set): their value, else the policy's default, else kDefaultIdleMinutes; raised to
    // minimumIdleMinutes, lowered to maximumIdleMinutes, and "never" (0) replaced by the
    // default (itself kept within those) when "never" is not allowed. A value within the
    // limits is kept as it is.
    int idleMinutes(std::optional<int> own) const;
    // The lowest idle minutes a person may choose other than 0 (1 when no minimum is set).
    int lowestIdleMinutes() const { return std::max(minimumIdleMinutes, 1); }
    // The highest idle minutes a person may choose (kMaxIdleMinutes when no maximum is set).
    int highestIdleMinutes() const
    {
        return maximumIdleMinutes > 0 ? maximumIdleMinutes : kMaxIdleMinutes;
    }
    // Whether a person may choose "never": allowIdleOff, and no maximum set.
    bool idleOffPermitted() const { return idleOffAllowed && maximumIdleMinutes == 0; }
    // Why a person may not choose fewer idle minutes, or never; empty when the policy sets
    // neither limit.
    QString idleLimit() const;
    // Why a person may not sign without the confirmation; empty when they may.
    QString confirmationRequired() const;
    // Why a person may not add a profile of their own; empty when they may.
    QString addRefusal() const;
    // The sentence that ends every refusal: where the policy is set, and whom to ask.
    QString whoToAsk(const QString &key) const;
};

} // namespace chartkey

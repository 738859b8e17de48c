// The profile being added or edited, as a form: the text of each field, which fields the
// preset and grant show and require, which fields still follow their source (derived from the
// instance URL, the FHIR base or the discovery URL until edited by hand), and the problems of
// each field, with those a person should see now. No Widgets: the profile editor's sections
// bind to it, and `chartkey profile add` fills it from its options.
//
//   instance URL ──► FHIR base, endpoints, issuer, notes API      (canvas, sandbox, LMS)
//   FHIR base    ──► discovery URL, aud, instance                 (smart)
//   discovery    ──► instance (the issuer)                        (openid)
//   grant        ──► client type
//
// A field follows while the person has not typed in it (or has cleared it); the preset's
// defaults (makeProfile()) say what it follows.
#pragma once

#include "profile/policy.h"
#include "profile/presets.h"
#include "profile/profile.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <optional>
#include <utility>

namespace chartkey {

class ProfileForm final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileForm)
public:
    enum class Mode {
        New,  // starts from the preset's defaults; problems shown once a field is typed in
        Edit, // starts from the stored profile as it is; every problem shown
    };

    // A new profile starts from the defaults of `initial`'s kind for the fields it leaves
    // empty; an edited one from `initial` exactly.
    explicit ProfileForm(const Profile &initial, Mode mode, QObject *parent = nullptr);
    ~ProfileForm() override;

    Mode mode() const { return m_mode; }
    Profile::Kind kind() const { return m_kind; }
    ServerPreset preset() const { return ServerPreset::of(m_kind); }
    Profile::Grant grant() const { return m_grant; }
    Profile::ClientType clientType() const { return m_clientType; }
    Profile::ClientAuth clientAuth() const { return m_clientAuth; }
    bool isStaticToken() const { return m_grant == Profile::Grant::StaticToken; }
    // The redirect choice: any free port on the default URI, or exactly text(Redirect).
    bool redirectIsExact() const { return m_redirectExact; }

    // What a field holds as text (URLs as typed; Kind, ClientType, Grant as their ids).
    QString text(ProfileField field) const;

    // What the person does. Each emits changed() when something changed.
    void setText(ProfileField field, const QString &text);
    void setKind(Profile::Kind kind);
    void setGrant(Profile::Grant grant);
    void setClientType(Profile::ClientType type);
    // The client authentication; it decides the client type (none: public; a secret or a
    // key: confidential).
    void setClientAuth(Profile::ClientAuth auth);
    void setRedirectExact(bool exact);
    // OpenID Connect: whether the scopes ask the EHR who signs in (openid, with SMART's
    // fhirUser), and the choice that adds or removes both.
    bool asksIdentity() const;
    void setAsksIdentity(bool ask);
    // Sets an authorization parameter: launch and aud are fields, others are kept as given.
    void setAuthParam(const QString &name, const QString &value);
    // Endpoints read from a discovery document (authorization, token, revocation, issuer):
    // they no longer follow anything.
    void setEndpoints(const Profile &fetched);
    // Replaces everything with `profile` (an import); every problem is shown from now on.
    void load(const Profile &profile);
    // Shows every problem from now on (an import, or an attempt to save).
    void touchAll();

    // The names of the stored profiles (a new profile may not reuse one).
    void setExistingNames(const QStringList &names);
    // What the keychain holds already: the client secret and the static token need not be
    // typed again. The command line sets both: it stores them in a step of its own.
    void setStoredSecrets(bool clientSecret, bool accessToken);

    // What the organisation allows (profile/policy.h): a profile it does not allow has
    // problems that name the policy. By default everything is allowed.
    void setPolicy(const ManagedPolicy &policy);

    // The profile as the form says; fields not touched are exactly as given.
    Profile profile() const;
    // The client secret typed for a confidential client, the access token typed for a
    // static-token profile; empty when not typed (unchanged).
    QString clientSecret() const;
    QString accessToken() const;

    bool isVisible(ProfileField field) const;
    // Shown, but not used by the grant (the redirect and launch of client credentials).
    bool isEnabled(ProfileField field) const;
    // Must not be empty for the profile to be saved.
    bool isRequired(ProfileField field) const;
    // Still derived from its source; false once typed in.
    bool follows(ProfileField field) const;
    QString placeholder(ProfileField field) const;

    // Everything that stops the profile from being saved (Profile::validate() and the form's
    // own rules: unique names, SMART scopes, secrets to type).
    ProfileProblems problems() const;
    // The problems to point at now: not those of fields the person has not reached yet, and
    // a problem of a field that follows another only under that other.
    ProfileProblems shownProblems() const;
    bool isValid() const { return problems().isEmpty(); }
    // One sentence saying what stops saving, for a line under the buttons: "To save: give
    // the client ID." Empty when the profile can be saved.
    QString whatStopsSaving() const;

Q_SIGNALS:
    void changed();

private:
    bool isDerivable(ProfileField field) const;
    std::optional<ProfileField> sourceOf(ProfileField field) const;
    Profile derived() const;
    void rederive();
    void resetEdited();
    void fillFrom(const Profile &profile);
    QUrl url(ProfileField field, const QUrl &initial) const;

    Profile m_initial;
    Mode m_mode = Mode::New;
    Profile::Kind m_kind{};
    Profile::Grant m_grant = Profile::Grant::AuthorizationCode;
    Profile::ClientType m_clientType = Profile::ClientType::Public;
    Profile::ClientAuth m_clientAuth = Profile::ClientAuth::Automatic;
    bool m_redirectExact = false;
    QUrl m_redirectAnyPort; // the redirect URI while "any free port" is chosen (may be empty)
    QHash<ProfileField, QString> m_text;
    QList<std::pair<QString, QString>> m_params; // in order; launch and aud set from m_text
    QSet<ProfileField> m_edited;  // typed in by the person: no longer follows
    QSet<ProfileField> m_touched; // reached by the person: its problems are shown
    bool m_allTouched = false;
    QStringList m_existingNames;
    bool m_storedSecret = false;
    bool m_storedToken = false;
    ManagedPolicy m_policy;
};

} // namespace chartkey

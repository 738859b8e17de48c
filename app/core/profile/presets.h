// Server presets: the kinds of EHR server chartkey knows (Profile::Kind), and everything that
// differs between them, as data. Code outside this table reads a preset's traits
// (ServerPreset::of(profile.kind).revocation == ...) and never compares kinds.
//
//   canvas                 Canvas Medical, OAuth application: endpoints under the instance
//   canvas-sandbox-token   Canvas Medical, a token made on the sandbox dashboard
//   smart                  any SMART App Launch server: endpoints from smart-configuration
//   openid                 any OAuth/OpenID server: endpoints from openid-configuration
//   canvas-lms             Canvas LMS (Instructure): /login/oauth2/*, or a manual token
//   smart-backend          SMART Backend Services: client credentials with a key
//                          (private_key_jwt), system/ scopes, smart-configuration
//
// For smart and openid the endpoints come from the discovery document: fetchEndpoints()
// (auth/discoveryfetch.h) fetches it and fills them in.
#pragma once

#include "profile/profile.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

namespace chartkey {

struct ServerPreset
{
    // How a token is ended at the server (sign-out, the check's revocation step).
    enum class Revocation {
        Rfc7009,   // POST token=... to the profile's revocation URL, when it names one
        LmsDelete, // Canvas LMS: DELETE on the token URL, the token as bearer
        None,      // nothing to revoke here: the token is ended where it was made
    };
    // The server's discovery document.
    enum class Discovery {
        None,              // none published: the endpoints are fixed
        SmartFromFhirBase, // {FHIR base}/.well-known/smart-configuration
        Explicit,          // an address the person gives (openid-configuration)
    };
    // The FHIR API and its base URL.
    enum class FhirBase {
        Derived,  // derived from the instance (*.canvasmedical.com), else given; required
        Required, // given by the person: it names the server
        Optional, // without it chartkey only gets tokens
        None,     // the server has no FHIR API
    };
    // The API read that shows a token works (the check's "api" step).
    enum class ApiProbe {
        FhirPatient,  // GET {FHIR base}/Patient?_count=1
        LmsUsersSelf, // GET {instance}/api/v1/users/self
    };

    Profile::Kind kind = Profile::Kind::Canvas;
    QString id;             // toString(kind): what --preset takes
    QString title;          // for the editor's combo box
    QString description;    // one paragraph for the editor
    QList<Profile::Grant> grants; // offered, the default first
    // Why a grant is not offered, where there is more to say than "not offered".
    QList<std::pair<Profile::Grant, QString>> refusals;
    // The grant whose refusal the editor shows under the grant list (a person would look
    // for it there); none when the missing grants need no word.
    std::optional<Profile::Grant> notedRefusal;

    // What the preset needs from the person.
    bool needsInstance = false;
    FhirBase fhirBase = FhirBase::Derived;
    QString fhirBaseMissing;        // the sentence when a required FHIR base is missing
    QString withoutFhirApi;         // FhirBase::None: "Canvas LMS has no FHIR API"
    Discovery discovery = Discovery::None;
    QString withoutDiscovery;       // Discovery::None: why there is none, when worth saying
    bool usesDiscovery = false;     // endpoints come from the discovery document
    bool hasNotesApi = false;       // Canvas's note plugin under the instance

    // Signing in.
    Profile::ClientType browserClientType = Profile::ClientType::Public; // authorization code
    // How a new profile's client authenticates (Automatic: by its client type).
    Profile::ClientAuth clientAuth = Profile::ClientAuth::Automatic;
    QString defaultScope;
    bool smartScopes = true;        // SMART scopes: checked as typed, required to sign in
    bool showsLaunch = false;       // the editor shows the launch parameter
    bool showsAud = false;          // the editor shows the aud parameter
    bool audFollowsFhirBase = false; // aud = the FHIR base until edited
    QList<std::pair<QString, QString>> defaultAuthParams;

    // The server's token behaviour.
    Revocation revocation = Revocation::Rfc7009;
    ApiProbe apiProbe = ApiProbe::FhirPatient;
    // Set when the server documents that its refresh tokens do not rotate: the check says
    // this instead of a warning.
    QString refreshWithoutRotation;
    bool emptyScopeGrantsAll = false;  // client credentials without scope: full access
    QString staticTokenSource;         // where a static token is made: "on the ... dashboard"

    // Placeholder texts of the editor's fields, where the preset has something to say.
    QHash<ProfileField, QString> placeholders;

    bool offers(Profile::Grant grant) const { return grants.contains(grant); }
    // Why `grant` is not offered; empty when it is.
    QString refusal(Profile::Grant grant) const;
    // The client type a profile of this preset has for `grant` until the person chooses one.
    Profile::ClientType clientTypeFor(Profile::Grant grant) const;
    bool needsFhirBase() const { return fhirBase == FhirBase::Required; }
    bool needsDiscoveryUrl() const { return discovery == Discovery::Explicit; }
    QString placeholder(ProfileField field) const { return placeholders.value(field); }

    static ServerPreset of(Profile::Kind kind);
    static QList<ServerPreset> all();
    // The preset a new profile starts from.
    static ServerPreset defaultPreset();
};

// What the person gives when a profile is made from a preset; the rest are defaults.
struct PresetInputs
{
    QString name;
    QUrl instanceUrl;    // canvas, canvas-sandbox-token, canvas-lms
    QUrl fhirBaseUrl;    // smart (required); canvas (derived when empty); openid (optional)
    QUrl discoveryUrl;   // openid (required); smart (derived from the FHIR base when empty)
};

// A profile of `kind` with that kind's defaults. Endpoints of smart and openid stay empty
// until fetchEndpoints() (auth/discoveryfetch.h) or the person fills them.
Profile makeProfile(Profile::Kind kind, const PresetInputs &inputs);

} // namespace chartkey

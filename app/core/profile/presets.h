// Server presets: the kinds of EHR server chartkey knows (Profile::Kind), what each one is
// for, which grants it offers (and why not the others), and the profile it starts from.
//
//   canvas                 Canvas Medical, OAuth application: endpoints under the instance
//   canvas-sandbox-token   Canvas Medical, a token made on the sandbox dashboard
//   smart                  any SMART App Launch server: endpoints from smart-configuration
//   openid                 any OAuth/OpenID server: endpoints from openid-configuration
//   canvas-lms             Canvas LMS (Instructure): /login/oauth2/*, or a manual token
//
// For smart and openid the endpoints come from the discovery document: fetchEndpoints()
// (auth/discoveryfetch.h) fetches it and fills them in.
#pragma once

#include "profile/profile.h"

#include <QList>
#include <QString>
#include <QUrl>


namespace chartkey {

struct ServerPreset
{
    Profile::Kind kind = Profile::Kind::Canvas;
    QString id;             // toString(kind): what --preset takes
    QString title;          // for the editor's combo box
    QString description;    // one paragraph for the editor
    QList<Profile::Grant> grants; // offered, the default first

    // What the preset needs from the person.
    bool needsInstance = false;
    bool needsFhirBase = false;      // required (else optional, or derived)
    bool needsDiscoveryUrl = false;  // required
    bool usesDiscovery = false;      // endpoints come from a discovery document

    // How tokens are ended at the server: RFC 7009 at the profile's revocation URL, or
    // Canvas LMS's DELETE on the token URL (its "log out").
    enum class Revocation { Rfc7009, DeleteTokenUrl };
    Revocation revocation = Revocation::Rfc7009;
    // Where a static token of this kind is made (and revoked), for messages.
    QString staticTokenOrigin;

    bool offers(Profile::Grant grant) const { return grants.contains(grant); }
    // Why `grant` is not offered; empty when it is.
    QString refusal(Profile::Grant grant) const;

    static ServerPreset of(Profile::Kind kind);
    static QList<ServerPreset> all();
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

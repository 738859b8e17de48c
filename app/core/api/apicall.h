// A request to an EHR's own API made from what a person typed (`chartkey api`; a request
// console in the desktop app would take the same pieces), and the rule that keeps the bearer
// token at home: it goes only to the profile's own origins, those of its FHIR base, its
// instance and its notes base (scheme, host and port), never elsewhere, whatever the URL.
// Everything here is pure: nothing is read or sent.
#pragma once

#include "api/apiclient.h"
#include "profile/profile.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace chartkey::api {

// What a relative path is relative to.
enum class Base { Fhir, Notes };

// One NAME=VALUE of the request: a query parameter, or a member of the JSON body.
struct Field
{
    QString name;
    QJsonValue value;  // a string, or (typed fields) a boolean, null or an integer
};

struct Call
{
    QByteArray method;     // GET, HEAD, POST, PUT, PATCH or DELETE, any case; empty: GET, or
                           // POST when there is a body
    QString target;        // relative to the base ("Patient?name=Briddle"), or a full URL
    Base base = Base::Fhir;
    // For GET, HEAD and DELETE, and with a body: query parameters, in order (a name may
    // repeat). For POST, PUT and PATCH without a body: the members of a JSON object.
    QList<Field> fields;
    HeaderList headers;
    std::optional<QByteArray> body; // sent as it is
};

// The method the call uses, upper case.
QByteArray methodOf(const Call &call);
// True for a target that is a URL of its own ("https://…"); false for a path.
bool isFullUrl(const QString &target);

// What is wrong with the call whatever the profile (an unknown method, a body with GET,
// a nested field name, an Authorization header, a URL that is not https:// or local http://),
// as a sentence; empty when nothing is. For the command line's checks: it reads nothing.
QString problemOf(const Call &call);

// The origins the profile's token may be sent to: those of its FHIR base, instance and notes
// base, each once.
QList<QUrl> tokenOrigins(const Profile &profile);
// Same scheme, host and port (the default port of the scheme when none is given).
bool isSameOrigin(const QUrl &a, const QUrl &b);
// Why the profile's token may not go to `url` (a sentence that names the profile's origins);
// empty when it may.
QString originProblem(const Profile &profile, const QUrl &url);

// The profile's base URL for `base`; empty when the profile has none.
QUrl baseUrl(const Profile &profile, Base base);

// The request for `call` on `profile`: the target resolved under the base, the fields as
// query or JSON body, Accept and Content-Type for the API (FHIR: application/fhir+json;
// notes: application/json; -H may replace them). Nullopt, with the reason in `problem`,
// when the call is wrong (problemOf()) or its URL is not one of the profile's origins.
std::optional<ApiRequest> buildRequest(const Profile &profile, const Call &call,
                                       QString *problem);

} // namespace chartkey::api

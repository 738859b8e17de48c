// A profile: one EHR instance and one OAuth client registration on it. Kept in QSettings;
// never holds a secret (the client secret and tokens live in the keychain).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

#include <utility>

namespace chartkey {

// The fields of a profile, as the editor shows them and as problems name them. ClientSecret
// and AccessToken are not in the profile (they go to the keychain) but are asked for with it.
enum class ProfileField {
    Name,
    Kind,
    Instance,
    FhirBase,
    Discovery,
    ClientId,
    ClientType,
    ClientAuth,
    ClientSecret,
    Grant,
    AccessToken,
    Scope,
    Redirect,
    Launch,
    Aud,
    Authorization,
    Token,
    Revocation,
    EndSession,
    Issuer,
    Notes,
};

// One problem that stops a profile from working: the field to fix, and a sentence saying
// what is wrong and what would be right.
struct ProfileProblem
{
    ProfileField field = ProfileField::Name;
    QString message;

    friend bool operator==(const ProfileProblem &a, const ProfileProblem &b)
    {
        return a.field == b.field && a.message == b.message;
    }
};
using ProfileProblems = QList<ProfileProblem>;

// The messages of `problems`, in order (for the command line, which has no fields to point at).
QStringList messages(const ProfileProblems &problems);
// The problems of `problems` that concern `field`.
ProfileProblems problemsOf(const ProfileProblems &problems, ProfileField field);
// The field as a sentence names it, in lower case: "the client ID", "the FHIR base URL".
QString fieldName(ProfileField field);

struct Profile
{
    enum class ClientType { Public, Confidential };
    // StaticToken: a bearer token made by hand (a Canvas sandbox dashboard token, a Canvas
    // LMS "manually generated access token"), kept in the keychain, never renewed.
    enum class Grant { AuthorizationCode, ClientCredentials, StaticToken };
    // The kind of server, from the presets (profile/presets.h). Everything that differs
    // between kinds is a trait of its preset: read ServerPreset::of(kind), never the kind.
    enum class Kind { Canvas, CanvasSandboxToken, Smart, OpenId, CanvasLms, SmartBackend };
    // How the client proves itself at the token and revocation endpoints (RFC 7591's
    // token_endpoint_auth_method names). Automatic: none for a public client,
    // client_secret_post for a confidential one (what chartkey did before there was a choice;
    // profiles written then keep working). PrivateKeyJwt: a JWT assertion signed with the
    // profile's key (RFC 7523, SMART asymmetric); the key is in the keychain
    // (clientKeyKey()), made with `chartkey key generate`.
    enum class ClientAuth { Automatic, None, ClientSecretBasic, ClientSecretPost, PrivateKeyJwt };

    QString name;
    // Not a trait: the default of the member. Profiles written before there were presets
    // have no kind and are Canvas profiles.
    Kind kind = Kind::Canvas;
    QUrl instanceUrl;
    QUrl fhirBaseUrl;
    QUrl authorizationUrl;
    QUrl tokenUrl;
    QUrl revocationUrl;
    // OpenID RP-initiated logout (end_session_endpoint): where the browser's own sign-in at
    // the server can be ended after a sign-out. Empty: none known.
    QUrl endSessionUrl;
    QUrl notesBaseUrl;
    QString issuer;          // expected `iss` (RFC 9207); empty: not checked
    // Where the server publishes its endpoints: SMART's {fhir}/.well-known/smart-configuration,
    // an OpenID Provider's .well-known/openid-configuration. Empty: none known.
    QUrl discoveryUrl;
    QString clientId;
    ClientType clientType = ClientType::Public;
    ClientAuth clientAuth = ClientAuth::Automatic;
    Grant grant = Grant::AuthorizationCode;
    QString scope;
    QUrl redirectUri;        // loopback; without a port, any free port is used
    QList<std::pair<QString, QString>> extraAuthParams; // launch, aud, prompt, ...

    static constexpr const char *kDefaultScope =
            "user/Patient.read user/Appointment.read offline_access launch";
    static constexpr const char *kDefaultRedirectUri = "http://127.0.0.1/callback";
    static constexpr const char *kDefaultLaunch = "e30="; // base64 of "{}"

    // A Canvas Medical profile (makeProfile() of the canvas preset): endpoints under the
    // instance, FHIR on the fumage- host, the note plugin's base, a launch parameter; no
    // endpoints while `instance` is not a URL with a host.
    static Profile canvas(const QString &name, const QUrl &instance);

    // FHIR base for a *.canvasmedical.com instance (https://fumage-<name>.canvasmedical.com);
    // an invalid URL for other hosts.
    static QUrl deriveFhirBase(const QUrl &instance);

    // Problems that stop the profile from working, each with its field and a sentence saying
    // what to fix; empty when the profile works.
    ProfileProblems validate() const;

    bool isConfidential() const { return clientType == ClientType::Confidential; }
    // The method actually used: clientAuth, with Automatic resolved by the client type.
    ClientAuth effectiveClientAuth() const
    {
        if (clientAuth != ClientAuth::Automatic)
            return clientAuth;
        return isConfidential() ? ClientAuth::ClientSecretPost : ClientAuth::None;
    }
    // A confidential client that authenticates with a key (no secret in the keychain).
    bool usesKey() const { return effectiveClientAuth() == ClientAuth::PrivateKeyJwt; }
    // A confidential client that authenticates with a secret kept in the keychain.
    bool usesSecret() const
    {
        const ClientAuth a = effectiveClientAuth();
        return a == ClientAuth::ClientSecretBasic || a == ClientAuth::ClientSecretPost;
    }
    // The scope asks for OpenID Connect (`openid`): a nonce is sent and an ID token expected.
    bool asksOpenId() const
    {
        return scope.split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(QLatin1String("openid"));
    }
    // True when the redirect URI names no port: any free loopback port may be used.
    bool redirectUsesAnyPort() const { return redirectUri.port() == -1; }

    QString clientSecretKey() const { return QStringLiteral("client-secret:") + name; }
    QString tokensKey() const { return QStringLiteral("tokens:") + name; }
    // The client's private keys for private_key_jwt (auth/clientkeys.h): never a file.
    QString clientKeyKey() const { return QStringLiteral("client-key:") + name; }

    static bool isValidName(const QString &name);
    static bool isLoopbackHost(const QString &host);
    // The transport rule for every URL of a profile: https://, or http:// on this computer
    // only, so that no request leaves in the clear.
    static bool isSafeTransport(const QUrl &url);
    // What is wrong with `url` under that rule, said of `what` ("The token URL"); empty when
    // nothing is.
    static QString transportProblem(const QString &what, const QUrl &url);
    // A redirect URI chartkey can listen on: http:// on a loopback host, with a path.
    static bool isLoopbackRedirect(const QUrl &url);
};

// `path` under `base` (its path without a trailing slash), without query or fragment.
QUrl urlUnder(const QUrl &base, const QString &path);

QString toString(Profile::ClientType type);
QString toString(Profile::Grant grant);
QString toString(Profile::Kind kind);   // the preset id: canvas, canvas-sandbox-token, ...
std::optional<Profile::Kind> kindFromString(const QString &id);
std::optional<Profile::Grant> grantFromString(const QString &id);
// none, client_secret_basic, client_secret_post, private_key_jwt; Automatic is "" (not stored).
QString toString(Profile::ClientAuth auth);
std::optional<Profile::ClientAuth> clientAuthFromString(const QString &id);
// The ids --client-auth takes, in order.
QStringList clientAuthIds();

} // namespace chartkey

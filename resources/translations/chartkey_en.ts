<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>chartkey</name>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="90"/>
        <source>The server no longer accepts this sign-in (invalid_grant: %1). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="93"/>
        <source>The server did not accept the client (invalid_client: %1). Check the client ID and secret against the application registered on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="97"/>
        <source>The server refused the requested scopes (invalid_scope: %1). Ask only for scopes the application is registered for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="101"/>
        <source>This client may not use this grant type (unauthorized_client: %1). Check the grant type of the application&apos;s registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="105"/>
        <source>The server rejected the request (invalid_request: %1). Check the profile&apos;s client ID and redirect URI against the registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="110"/>
        <source>The token server is not available right now (%1, HTTP %2). Try again in a minute; your sign-in is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="113"/>
        <source>The token server refused the request (%1, HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/apiclient.cpp" line="130"/>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="148"/>
        <source>The keychain did not answer within %1 s. It may be locked and waiting for a password: unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="21"/>
        <source>%1 &quot;%2&quot; is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="27"/>
        <source>%1 %2 uses http:// on a host that is not this computer. Use https:// (http:// is allowed only for 127.0.0.1, ::1 and localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="30"/>
        <source>%1 %2 must use https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/callbackcheck.cpp" line="63"/>
        <source>The answer came from %1, not from %2 (RFC 9207 issuer check), so it was not used. Check the profile&apos;s instance URL, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/callbackcheck.cpp" line="77"/>
        <source>The EHR refused the sign-in (access_denied: %1). If you did not press Deny: staff users need a launch parameter, and the account must be allowed to use this application. Then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/callbackcheck.cpp" line="84"/>
        <source>The EHR refused the scopes &quot;%1&quot; (%2). Ask only for scopes the application is registered for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/callbackcheck.cpp" line="89"/>
        <source>The application may not use the authorization-code grant (%1). Check the grant type of the registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/callbackcheck.cpp" line="94"/>
        <source>The EHR ended the sign-in with an error (%1: %2). Check that the registration&apos;s redirect URI is exactly %3, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/callbackcheck.cpp" line="107"/>
        <source>The EHR&apos;s answer had neither a code nor an error. Sign in again; if it repeats, the server is misbehaving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="103"/>
        <source>The document has no issuer; OpenID discovery requires one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="110"/>
        <source>The issuer %1 does not match where the document was found (%2 would be expected): a client must not trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="116"/>
        <source>The document names no token_endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="118"/>
        <source>The token endpoint %1 is not https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="122"/>
        <source>The document names no authorization_endpoint, which the authorization-code grant needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="125"/>
        <source>The authorization endpoint %1 is not https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="129"/>
        <source>The document does not say which PKCE methods the server supports (no code_challenge_methods_supported); chartkey sends S256 anyway. Whether it is enforced is checked below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="133"/>
        <source>The server does not advertise PKCE S256 (code_challenge_methods_supported: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="139"/>
        <source>The server advertises the PKCE method &quot;plain&quot;, which protects nothing if the authorization request is seen. Ask for it to be turned off; chartkey always uses S256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="143"/>
        <source>The document names no revocation_endpoint: signing out cannot end the grant on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="92"/>
        <source>%1 may or may not have been done: %2 Check the note&apos;s state before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="97"/>
        <source>%1 was not done: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="103"/>
        <source>%1 was not done: the EHR is busy or unavailable (HTTP %2). Try again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="107"/>
        <source>%1 was not done: the EHR is busy or unavailable (HTTP %2). Try again in %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="115"/>
        <source>%1: done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="116"/>
        <source>%1: done; the note is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="120"/>
        <source>Note %1 was not found (%2). Check the note ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="124"/>
        <source>%1 is not possible for note %2 now: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="128"/>
        <source>Not authorized to %1 note %2 (%3). Sign in as a user allowed to, with a scope that covers notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="133"/>
        <source>The EHR answered HTTP %1 (%2); %3 may not have been done. Check the note&apos;s state before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discoveryfetch.cpp" line="45"/>
        <source>Could not read the discovery document at %1: %2 Check the URL, or give the endpoints explicitly (authorization, token and revocation URLs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discoveryfetch.cpp" line="56"/>
        <source>it is not an https:// URL (http:// only for this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discoveryfetch.cpp" line="74"/>
        <source>the server answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discoveryfetch.cpp" line="82"/>
        <source>it names no token endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ActivityLog</name>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="163"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="179"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="181"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="183"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="185"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="187"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ApiClient</name>
    <message>
        <location filename="../../app/core/net/apiclient.cpp" line="57"/>
        <source>Shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/apiclient.cpp" line="92"/>
        <source>The EHR refused the renewed token too (HTTP 401: %1). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::AppointmentModel</name>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="200"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="211"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="213"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="215"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="217"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::BrowserSignIn</name>
    <message numerus="yes">
        <location filename="../../app/core/auth/browsersignin.cpp" line="23"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/core/auth/browsersignin.cpp" line="27"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="53"/>
        <source>No answer came back from the browser within %1, so the sign-in was stopped. Sign in again, and finish the sign-in in the browser window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="79"/>
        <source>The redirect URI %1 is not a loopback address. Use http://127.0.0.1/callback and register it on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="89"/>
        <source>chartkey has the answer from the sign-in. You can close this tab and return to chartkey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="97"/>
        <source>Port %1 on %2 is already in use, so chartkey cannot receive the sign-in. Close the program using it, or register %3://%2%4 (any port) on the EHR and use that as the redirect URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="102"/>
        <source>Port %1 on %2 is already in use by %3, so chartkey cannot receive the sign-in. Close %3, or register %4://%2%5 (any port) on the EHR and use that as the redirect URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="162"/>
        <source>Open the sign-in address in a browser by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="169"/>
        <source>The sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="228"/>
        <source>The EHR did not accept the sign-in code (%1). Check that the registration&apos;s redirect URI is exactly %2, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::FhirClient</name>
    <message>
        <location filename="../../app/core/fhir/fhirclient.cpp" line="26"/>
        <source>The EHR does not allow this read (HTTP 403: %1). Sign in with a scope that covers it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/fhirclient.cpp" line="30"/>
        <source>The FHIR server answered HTTP %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::KeychainStore</name>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="217"/>
        <source>Windows Credential Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="219"/>
        <source>macOS Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="221"/>
        <source>Secret Service keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::NoteBatch</name>
    <message>
        <location filename="../../app/core/notes/notebatch.cpp" line="38"/>
        <source>Not done: cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::NotesClient</name>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="27"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="28"/>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="30"/>
        <source>Lock &amp; sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="31"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="33"/>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="35"/>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::PatientModel</name>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="113"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="115"/>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="117"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="119"/>
        <source>MRN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::Profile</name>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="99"/>
        <source>The profile name &quot;%1&quot; may use letters, digits, space, dot, dash and underscore (at most 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="107"/>
        <source>The client ID is missing: copy it from the application registered on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="110"/>
        <source>The instance URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="114"/>
        <source>The discovery URL is missing: give the address of the server&apos;s .well-known/openid-configuration document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="117"/>
        <source>The discovery URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="122"/>
        <source>The token URL is missing: fetch the endpoints from the discovery document, or give them explicitly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="124"/>
        <source>The token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="132"/>
        <source>The FHIR base URL is missing: a SMART server is named by its FHIR base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="134"/>
        <source>The FHIR base URL is missing. chartkey derives it only for *.canvasmedical.com instances; give it explicitly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="137"/>
        <source>The FHIR base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="140"/>
        <source>The revocation URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="141"/>
        <source>The notes API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="149"/>
        <source>The authorization URL is missing: fetch the endpoints from the discovery document, or give them explicitly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="151"/>
        <source>The authorization URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="156"/>
        <source>The redirect URI %1 must be a loopback URI with a path, such as http://127.0.0.1/callback (any port) or http://127.0.0.1:8765/callback (that port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="161"/>
        <source>The client-credentials grant needs a confidential client with a secret.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::SecretStore</name>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="45"/>
        <source>Access to the keychain was refused (%1). Allow chartkey to use the keychain and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="53"/>
        <source>No keychain is available (%1). chartkey keeps tokens only in the system keychain: start and unlock a Secret Service keyring (GNOME Keyring or KWallet), then try again. Nothing was stored elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="60"/>
        <source>The keychain failed (%1). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="69"/>
        <source>The keychain is locked, so chartkey cannot reach its sign-in. Unlock the keyring (signing in to the desktop session usually does), then try again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ServerMetadata</name>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="60"/>
        <source>The discovery document is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ServerPreset</name>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="34"/>
        <source>Canvas LMS rejects the client-credentials grant for developer keys (it allows it only with an LTI 1.3 JWT client assertion). Use the authorization code, or a manually generated access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="39"/>
        <source>The canvas-sandbox-token preset uses a token made on the sandbox dashboard. To sign in with an OAuth application, use the canvas preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="46"/>
        <source>A static access token for Canvas is a profile of its own: use the canvas-sandbox-token preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="48"/>
        <source>This preset signs in through OAuth; it takes no static access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="52"/>
        <source>The %1 preset does not offer the %2 grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="63"/>
        <source>Canvas Medical (OAuth application)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="64"/>
        <source>A Canvas Medical instance with an application registered under Settings → Integrations → OAuth Applications. chartkey derives the endpoints, the FHIR base on the fumage- host and the note plugin from the instance URL. Sign in through the browser (public client with PKCE, or confidential), or use the client-credentials grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="73"/>
        <source>Canvas Medical (sandbox access token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="74"/>
        <source>A Canvas Medical sandbox with an access token made on its dashboard. No OAuth application and no sign-in: the token is kept in the keychain and used until the EHR refuses it; then make a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="82"/>
        <source>SMART on FHIR server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="83"/>
        <source>Any SMART App Launch server. Give the FHIR base URL: the endpoints come from its .well-known/smart-configuration, and the aud parameter names the FHIR server. SMART v1 scopes by default; v2 scopes (patient/Patient.rs) work too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="92"/>
        <source>OAuth 2.0 / OpenID Connect server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="93"/>
        <source>Any OAuth 2.0 or OpenID Connect authorization server that publishes a discovery document (.well-known/openid-configuration). By default a confidential client with the client-credentials grant (machine to machine); the authorization code works too. The FHIR base URL is optional: without it chartkey only gets tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="103"/>
        <source>Canvas LMS (Instructure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/presets.cpp" line="104"/>
        <source>A Canvas LMS instance, such as https://canvas.instructure.com. Either a developer key (a confidential client: sign in through the browser at /login/oauth2/auth) or a manually generated access token (Account → Settings → New access token). Canvas LMS has no FHIR API.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::Session</name>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="124"/>
        <location filename="../../app/core/auth/session.cpp" line="232"/>
        <source>You are not signed in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="193"/>
        <source>Another chartkey window or command has been renewing the sign-in of %1 for too long. Try again; if it repeats, close other chartkey programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="260"/>
        <source>The sign-in to %1 has expired and the EHR gave no refresh token (ask for the offline_access scope to stay signed in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="264"/>
        <source>The stored sign-in of %1 is unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="214"/>
        <source>Shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="134"/>
        <source>No access token is stored for %1. Store one with: chartkey profile set-token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="143"/>
        <source>in Canvas LMS under Account → Settings → New access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="145"/>
        <source>on the Canvas sandbox dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="147"/>
        <source>where you made this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="150"/>
        <source>The EHR refused the static access token of %1 (HTTP 401): it has expired, was revoked, or belongs to another server. Create a new one %2 and store it with: chartkey profile set-token %1 (the refused token stays in the keychain until then).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="399"/>
        <source>The stored access token of %1 is unreadable. Store it again with: chartkey profile set-token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="289"/>
        <source>The EHR ended the sign-in to %1 (the refresh token was refused: invalid_grant). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="338"/>
        <source>The renewed sign-in could not be saved in the keychain (%1). It works until chartkey exits; then you will have to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="403"/>
        <source>The stored sign-in is unreadable. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="428"/>
        <source>The client secret of %1 is not in the keychain. Store it again with: chartkey profile set-secret %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="468"/>
        <source>Signed out on this computer, but the LMS could not be told to end the token (%1). Remove it under Account → Settings → Approved integrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="490"/>
        <source>Signed out on this computer, but the EHR could not be told to revoke the tokens (%1). They stop working when they expire; to end them now, revoke the application&apos;s access on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::TokenClient</name>
    <message>
        <location filename="../../app/core/auth/tokenclient.cpp" line="80"/>
        <source>The LMS answered HTTP %1 to the request to end the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenclient.cpp" line="114"/>
        <source>The profile has no %1 URL. Edit the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenclient.cpp" line="159"/>
        <source>The revocation endpoint answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::TokenResponse</name>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="159"/>
        <source>The token server failed (HTTP %1). Try again in a minute; your sign-in is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="168"/>
        <source>The token endpoint answered with a web page instead of JSON (HTTP %1). Check the token URL of the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="171"/>
        <source>The token endpoint sent a response that is not valid JSON (HTTP %1). Try again; if it persists, the server is misbehaving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="181"/>
        <source>The token endpoint refused the request (HTTP %1) without an OAuth error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="191"/>
        <source>The token endpoint&apos;s answer is missing or mistypes a required field (%1). The server does not follow RFC 6749.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="201"/>
        <source>The server issued a &quot;%1&quot; token; chartkey supports Bearer tokens only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::UrlOpener</name>
    <message>
        <location filename="../../app/core/auth/urlopener.cpp" line="17"/>
        <source>The browser command is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/urlopener.cpp" line="27"/>
        <source>Could not start the browser command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::check</name>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="60"/>
        <source>
… (%1 characters in all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="22"/>
        <source>%1 s (%2 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="23"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="89"/>
        <source>The profile&apos;s %1 is %2 but the server publishes %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="92"/>
        <source>token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="94"/>
        <source>authorization URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="98"/>
        <source>The profile expects the issuer %1 but the document says %2; the redirect&apos;s iss is compared with the profile&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="103"/>
        <source>Fetched %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="105"/>
        <source>Issuer %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="106"/>
        <source>Token endpoint %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="108"/>
        <source>Authorization endpoint %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="110"/>
        <source>PKCE methods: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="113"/>
        <source>Correct the profile&apos;s endpoints (chartkey profile add --preset ... fills them from discovery), or ask the server&apos;s operator to fix the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="132"/>
        <source>The EHR refused the redirect URI %1 (HTTP %2: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="137"/>
        <source>The EHR does not accept the client ID %1 (HTTP %2: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="139"/>
        <source>Copy the client ID from the application&apos;s page on the EHR (Canvas: Settings → Authentication → Applications).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="142"/>
        <source>The authorization endpoint answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="143"/>
        <source>Read the server&apos;s answer below; the request is shown as curl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="149"/>
        <source>(with port %1, as the profile says).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="150"/>
        <source>(without a port: a loopback redirect on 127.0.0.1 may use any port, and chartkey picks a free one each time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="159"/>
        <source>EHRs accept any port only for 127.0.0.1 (RFC 8252), not for %1: set the profile&apos;s redirect URI to %2 and register exactly that on the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="163"/>
        <source>Register exactly this redirect URI on the application: %1 %2 Or set the profile&apos;s redirect URI to the one registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="176"/>
        <source>token_type is &quot;%1&quot;, not Bearer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="178"/>
        <source>token_type Bearer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="180"/>
        <source>No expires_in: chartkey cannot know when the token ends and renews it only after the API refuses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="183"/>
        <source>expires_in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="187"/>
        <source>The EHR granted fewer scopes than requested; dropped: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="190"/>
        <source>Granted every requested scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="192"/>
        <source>Granted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="198"/>
        <source>A refresh token came with it (offline_access).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="200"/>
        <source>offline_access was granted but no refresh token came: the user will have to sign in again every time the access token ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="203"/>
        <source>No refresh token: offline_access was not granted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="209"/>
        <source>The token response has no &quot;Cache-Control: no-store&quot; (RFC 6749 section 5.1 requires it): a proxy or cache may keep the tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="212"/>
        <source>Cache-Control: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="217"/>
        <source>Allow the dropped scopes on the application (Canvas: the application&apos;s scopes), or stop asking for them in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="239"/>
        <source>(no scope stated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="241"/>
        <source>The API refused the token (HTTP 401). Granted scope: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="243"/>
        <source>The token is expired or revoked: create a new one and store it with chartkey profile set-token %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="245"/>
        <source>The API does not accept tokens from this token endpoint: check that the FHIR base URL belongs to the same EHR instance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="249"/>
        <source>The API refused to read with this token (HTTP 403). Granted scope: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="252"/>
        <source>Allow the developer key the scopes it needs, or turn scope enforcement off on the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="254"/>
        <source>Ask for a scope that allows reading patients (user/Patient.read, system/Patient.read or patient/Patient.read) and allow it on the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="257"/>
        <source>The API answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="258"/>
        <source>Read the server&apos;s answer below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::check::CheckReport</name>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="94"/>
        <source>Checking the registration of client %1 on profile &quot;%2&quot; (%3)

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="109"/>
        <source>Hint: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="111"/>
        <source>Server answered:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="123"/>
        <source>%1 passed, %2 warnings, %3 failed, %4 skipped in %5 ms. %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="129"/>
        <source>The registration works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="130"/>
        <source>The registration does not work as configured; see the hints above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::check::CheckReportModel</name>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="177"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="208"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="210"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="212"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="214"/>
        <source>What was found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::check::RegistrationCheck</name>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="335"/>
        <source>Stopped before this step finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="190"/>
        <source>Discovery document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="197"/>
        <source>Canvas LMS publishes no discovery document; its endpoints are fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="198"/>
        <source>The profile names no discovery document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="210"/>
        <source>%1 could not be fetched: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="211"/>
        <source>Check the discovery URL in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="215"/>
        <source>%1 answered HTTP %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="216"/>
        <source>Check the discovery URL in the profile; for SMART servers it is {FHIR base}/.well-known/smart-configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="218"/>
        <source>The server does not publish it; chartkey uses the profile&apos;s endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="225"/>
        <source>The URL must serve the JSON document itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="241"/>
        <source>Redirect URI accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="272"/>
        <source>The authorization endpoint %1 could not be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="274"/>
        <source>Check the authorization URL in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="285"/>
        <source>The EHR accepted the redirect URI %1 and answered on it at once (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="290"/>
        <source>The EHR accepted client %1 with the redirect URI %2 and showed its sign-in (HTTP %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="304"/>
        <source>Authorization in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="306"/>
        <source>Nothing to authorize.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="338"/>
        <source>chartkey could not listen for the redirect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="343"/>
        <source>Stopped before the browser answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="350"/>
        <source>A redirect with an answer arrived but without this attempt&apos;s state (%1): the EHR must send state back unchanged (RFC 6749 section 4.1.2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="354"/>
        <source>The sign-in was declined. Sign in as a user allowed to use the application and approve the requested access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="357"/>
        <source>The application is not allowed the scope &quot;%1&quot;. Allow those scopes on the application, or ask for fewer in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="360"/>
        <source>The application may not use the authorization-code grant. Set its grant type to &quot;Authorization code&quot; on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="363"/>
        <source>Finish the sign-in in the browser, or open the authorization URL by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="370"/>
        <source>GET %1?code=[redacted]&amp;state=[matched]%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="375"/>
        <source>The redirect came back to %1 with a code and this attempt&apos;s state (compared in constant time) after %2 ms in the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="379"/>
        <source>It carried no iss (RFC 9207 is optional; Canvas does not send it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="381"/>
        <source>iss was %1 (not compared: the profile names no issuer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="383"/>
        <source>iss was %1, as expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="391"/>
        <source>PKCE enforced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="393"/>
        <source>No authorization code to test with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="399"/>
        <source>A confidential client&apos;s secret authenticates the code exchange; PKCE enforcement is tested for public clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="401"/>
        <source>Skipped as asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="414"/>
        <source>The EHR issued tokens for a code exchange with a wrong code_verifier: it does not enforce PKCE. Anyone who intercepts the redirect (another program on this computer can listen for it) can redeem the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="417"/>
        <source>Require PKCE (S256) for public clients on the server. The tokens it issued are used for the rest of this check and revoked at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="423"/>
        <source>The EHR refused a wrong code_verifier (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="428"/>
        <source>The exchange with a wrong code_verifier failed, but not with invalid_grant: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="430"/>
        <source>Whether PKCE is enforced cannot be told from this answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="442"/>
        <source>Token response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="453"/>
        <source>No authorization code to exchange.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="465"/>
        <source>The client secret is wrong: copy it again from the application and run chartkey profile set-secret %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="467"/>
        <source>The application is registered as confidential: give chartkey its secret, or register a public client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="470"/>
        <source>The server may have invalidated the code when the wrong verifier was tried (allowed by RFC 6749). Run the check again with --skip pkce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="473"/>
        <source>The code or redirect URI was refused. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="505"/>
        <source>Token response (client credentials)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="511"/>
        <source>The client ID or secret is wrong: copy them again from the application and run chartkey profile set-secret %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="515"/>
        <source>The application may not use the client-credentials grant: set its grant type on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="518"/>
        <source>The application is not allowed &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="527"/>
        <source>Tokens issued without a requested scope: Canvas then grants full access to every resource the application may reach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="529"/>
        <source>Ask for the scopes the integration needs (for example system/Patient.read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="538"/>
        <source>Wrong client secret refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="543"/>
        <source>The profile has no client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="549"/>
        <source>No refresh token to test with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="562"/>
        <source>The EHR issued tokens to a request with a wrong client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="563"/>
        <source>The server does not authenticate this client; report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="568"/>
        <source>Refused with invalid_client (HTTP %1), as RFC 6749 section 5.2 says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="571"/>
        <source>Refused, but with %1 rather than invalid_client: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="573"/>
        <source>no OAuth error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="591"/>
        <source>Stored token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="594"/>
        <source>No token is stored for this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="595"/>
        <source>Store the token from the dashboard with: chartkey profile set-token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="599"/>
        <source>A static token is stored in the keychain (%1 characters); it is never renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="605"/>
        <source>API read (users/self)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="606"/>
        <source>API read (FHIR Patient)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="609"/>
        <source>No access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="610"/>
        <source>The profile names no FHIR base URL to read from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="616"/>
        <source>Check the FHIR base URL in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="624"/>
        <source>a Bundle with total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="626"/>
        <source>the user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="628"/>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="629"/>
        <source>GET %1 with the token: HTTP 200, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="642"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="644"/>
        <source>No refresh token was issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="654"/>
        <source>The refresh grant must work for a user to stay signed in; check that the application allows the refresh_token grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="661"/>
        <source>A refresh gave a new access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="665"/>
        <source>The refresh token rotated (a new one came with it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="669"/>
        <source>No new refresh token came: the old one stays in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="670"/>
        <source>The same refresh token came back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="672"/>
        <source>Canvas LMS documents this: its refresh tokens do not rotate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="678"/>
        <source>Refresh tokens do not rotate: a stolen refresh token stays usable for as long as the grant lives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="680"/>
        <source>Canvas documents single-use refresh tokens, rotated on every refresh. Ask the server&apos;s operator whether rotation is turned off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="687"/>
        <source>Old access token after refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="690"/>
        <source>Needs a working API read and a refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="696"/>
        <source>The access token from before the refresh still works; it ends when it expires (allowed; the EHR does not revoke it on refresh).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="700"/>
        <source>The access token from before the refresh is refused (HTTP 401): the EHR revokes it on refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="703"/>
        <source>The API answered HTTP %1 for the old access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="710"/>
        <source>Revocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="720"/>
        <source>Canvas LMS revokes with DELETE /login/oauth2/token, not RFC 7009; not tested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="722"/>
        <source>The profile has no revocation URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="723"/>
        <source>No token to revoke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="735"/>
        <source>The server does not revoke access tokens (unsupported_token_type, RFC 7009 section 2.2.1): they stay valid until they expire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="738"/>
        <source>Keep client-credentials tokens short-lived on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="739"/>
        <source>Signing out revokes the refresh token, which ends the grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="744"/>
        <source>Signing out cannot end the session on the server; check the revocation URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="749"/>
        <source>The revocation endpoint accepted the request (HTTP 200); whether the token is refused afterwards was not tested (no working API read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="756"/>
        <source>Revoked the access token (HTTP 200); the API then refused it (HTTP 401).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="759"/>
        <source>The revocation endpoint answered 200, but the API still accepts the revoked token. It is a JWT, which an API checks by its signature: it stays usable until it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="763"/>
        <source>Keep access tokens short-lived on the server; revoking the refresh token ends the grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="766"/>
        <source>The revocation endpoint answered 200, but the API still accepts the revoked token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="768"/>
        <source>Revocation does not reach the API: signing out leaves the token usable until it expires. Report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="771"/>
        <source>After revocation the API answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="787"/>
        <source>Signing out cannot end the session on the LMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="794"/>
        <source>DELETE /login/oauth2/token ended the token; the API then refused it (HTTP 401).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="798"/>
        <source>After DELETE /login/oauth2/token the API answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="801"/>
        <source>Report it to the LMS&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="808"/>
        <source>Old refresh token refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="810"/>
        <source>The refresh token did not rotate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="822"/>
        <source>The replaced refresh token still works: the EHR rotates refresh tokens but does not invalidate the old ones, so rotation protects nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="824"/>
        <source>Report it to the server&apos;s operator: a used refresh token must be refused (invalid_grant).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="829"/>
        <source>Reusing the replaced refresh token is refused with invalid_grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="831"/>
        <source>Reusing the replaced refresh token failed, but with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="848"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="857"/>
        <source>Clean-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="849"/>
        <source>The check&apos;s refresh token stays valid on the server: the profile has no revocation URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="851"/>
        <source>Remove the grant on the EHR if it matters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="869"/>
        <source>Revoked the refresh token(s) this check obtained; the profile&apos;s own sign-in was not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="873"/>
        <source>The check&apos;s refresh token may still be valid on the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::cli</name>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="27"/>
        <source>the server gave no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="30"/>
        <source>access expired; renews on next use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="31"/>
        <source>access valid %1 h %2 min%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="34"/>
        <source>, renews automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="40"/>
        <source>Signed in to %1 (%2). Scope: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="53"/>
        <location filename="../../app/cli/checkcommand.cpp" line="78"/>
        <source>How long to wait for the browser, in seconds (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="56"/>
        <source>chartkey login [--profile NAME] [--browser CMD] [--wait SECONDS]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="64"/>
        <source>&quot;%1&quot; uses a static access token: there is no sign-in. Store a new token (from standard input) with: chartkey profile set-token &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="105"/>
        <source>Opening the browser to sign in to %1. If it does not open, visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="144"/>
        <source>The sign-in was not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="146"/>
        <source>The sign-in was not kept, and its tokens were revoked at the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="156"/>
        <source>Sign-in took %1 ms: browser %2 ms, code exchange %3 ms, keychain %4 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="173"/>
        <source>chartkey token [--profile NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="196"/>
        <source>chartkey status [--profile NAME] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="232"/>
        <source>%1 (%2) uses a static access token, stored in the keychain on %3. It is used until the EHR refuses it; it is never renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="239"/>
        <source>No static access token is stored for %1 (%2). Store one (from standard input) with: chartkey profile set-token &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="244"/>
        <source>Signed in to %1 (%2) — %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="248"/>
        <source>Scope: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="250"/>
        <source>Signed out of %1 (%2). Sign in with: chartkey login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="262"/>
        <source>chartkey logout [--profile NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="274"/>
        <source>Removed the static access token of %1 from the keychain. It was not revoked: a static token is revoked where it was made (the EHR&apos;s dashboard or account settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="278"/>
        <source>%1 had no stored access token; nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="287"/>
        <source>%1 had no stored sign-in; nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="290"/>
        <source>Signed out of %1: the tokens were revoked and removed from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="27"/>
        <source>Usage: chartkey [COMMAND] [OPTIONS]

Without a command, chartkey opens the desktop app (on the profile NAME with
chartkey --profile NAME).

Commands:
  profile add NAME [--preset PRESET] --instance URL --client-id ID [options]
                      add an EHR profile; PRESET: canvas (default),
                      canvas-sandbox-token, smart (--fhir-base URL),
                      openid (--discovery-url URL), canvas-lms
                      (see chartkey profile add --help)
  profile list|show NAME|remove NAME|set-secret NAME
  profile set-token NAME   store a static access token read from standard
                      input (canvas-sandbox-token, canvas-lms)
  profile export NAME [--output FILE]   the profile as JSON, without secrets
  profile import FILE|- [--name NAME] [--replace]
  login               sign in through the browser and keep the tokens in the
                      system keychain
  token               print a valid access token (renewed when due); never
                      opens a browser
  status [--json]     the profile&apos;s sign-in state, without secrets
  logout              revoke the tokens and remove them from the keychain
  patients [--name TEXT] [--family F] [--given G] [--birthdate YYYY-MM-DD]
           [--limit N] [--json]
  appointments PATIENT_ID [--json]
                      a patient&apos;s appointments and the note each carries
  note ACTION NOTE_ID...   ACTION: lock sign lock-sign unlock check-in no-show
  check [--details] [--skip IDS] [--json]
                      test the profile&apos;s app registration end to end (discovery,
                      redirect URI, PKCE, tokens, refresh, API, revocation)

Options for every command:
  --profile NAME      the profile to use (the default when there is only one)
  --browser CMD       the browser command for login (else $CHARTKEY_BROWSER,
                      else the desktop&apos;s default browser)
  --timeout SECONDS   how long to wait for the network or the keychain
                      (default 30)
  --verbose           log what happens on the wire (secrets are redacted)
  --version, --help

Exit status: 0 success, 1 failure, 2 usage error, 3 sign-in needed.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="101"/>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="114"/>
        <source>--timeout takes a number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="163"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="72"/>
        <source>%1 patient(s) shown%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="75"/>
        <source> of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="88"/>
        <source>Part of a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="90"/>
        <source>Family name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="92"/>
        <source>Given name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="94"/>
        <source>Birth date YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="96"/>
        <source>At most N patients (default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="99"/>
        <source>chartkey patients [--name TEXT] [--limit N] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="104"/>
        <source>--limit takes a positive number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="126"/>
        <source>The patient&apos;s FHIR id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="127"/>
        <source>chartkey appointments PATIENT_ID [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="130"/>
        <source>appointments needs one PATIENT_ID (see chartkey patients).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="170"/>
        <source>lock, sign, lock-sign, unlock, check-in or no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="171"/>
        <source>One or more note IDs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="172"/>
        <source>chartkey note ACTION NOTE_ID...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="176"/>
        <source>note needs an ACTION and at least one NOTE_ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/ehrcommands.cpp" line="181"/>
        <source>ACTION is one of: lock sign lock-sign unlock check-in no-show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="121"/>
        <source>The profile&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="142"/>
        <source>The OAuth client ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="145"/>
        <source>Read a confidential client&apos;s secret from standard input (it goes to the keychain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="147"/>
        <source>Scopes to ask for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="150"/>
        <source>Loopback redirect URI; without a port any free port is used. Default http://127.0.0.1/callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="171"/>
        <source>An extra authorization parameter NAME=VALUE (launch, aud, prompt); repeatable. Canvas&apos;s launch=e30= is the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="179"/>
        <location filename="../../app/cli/profilecommands.cpp" line="440"/>
        <source>Replace an existing profile of that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="239"/>
        <source>A profile named &quot;%1&quot; exists already. Remove it first, or add --replace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="275"/>
        <source>--auth-param takes NAME=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="296"/>
        <source>--client-secret-stdin was given, but standard input held no secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="97"/>
        <source>The profile was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="70"/>
        <source>Store its access token (from standard input) with: chartkey profile set-token &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="74"/>
        <source>Store its client secret (from standard input) with: chartkey profile set-secret &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="78"/>
        <source>Get a token with: chartkey login --profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="80"/>
        <location filename="../../app/cli/profilecommands.cpp" line="485"/>
        <source>Sign in with: chartkey login --profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="81"/>
        <source>Added profile &quot;%1&quot; (%2, %3); its client secret is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="83"/>
        <source>Added profile &quot;%1&quot; (%2, %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="124"/>
        <source>The kind of server: canvas (default), canvas-sandbox-token, smart, openid, canvas-lms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="129"/>
        <source>The EHR instance URL, e.g. https://example.canvasmedical.com (canvas, canvas-sandbox-token, canvas-lms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="133"/>
        <source>The FHIR base URL (smart: required; canvas: derived for *.canvasmedical.com; openid: optional).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="138"/>
        <source>The discovery document (openid: required, e.g. https://login.example.com/.well-known/openid-configuration; smart: default {fhir-base}/.well-known/smart-configuration).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="155"/>
        <source>authorization-code, client-credentials or static-token (the preset&apos;s default when not given).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="159"/>
        <source>The authorization endpoint (instead of the preset&apos;s or the discovery document&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="163"/>
        <source>The token endpoint (instead of the preset&apos;s or the discovery document&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="167"/>
        <source>The revocation endpoint (RFC 7009), instead of the preset&apos;s or the discovery document&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="175"/>
        <source>The issuer expected in the redirect (RFC 9207); default the instance URL (canvas) or the discovery document&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="182"/>
        <source>chartkey profile add NAME [--preset PRESET] [--instance URL] [--fhir-base URL] [--discovery-url URL] [--client-id ID] [options]
  canvas (default)       --instance URL --client-id ID
  canvas-sandbox-token   --instance URL   (then: chartkey profile set-token NAME)
  smart                  --fhir-base URL --client-id ID
  openid                 --discovery-url URL --client-id ID
  canvas-lms             --instance URL --client-id ID, or --grant static-token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="193"/>
        <source>profile add needs exactly one NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="198"/>
        <source>--preset is canvas, canvas-sandbox-token, smart, openid or canvas-lms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="206"/>
        <source>--grant is authorization-code, client-credentials or static-token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="228"/>
        <source>profile add --preset %1 needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="229"/>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="233"/>
        <source>A static-token profile has no client secret. Add the profile, then store the token with: chartkey profile set-token NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="310"/>
        <source>The discovery URL is not valid: give --discovery-url URL, or the endpoints with --authorize-url, --token-url and --revoke-url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="314"/>
        <source>Reading the endpoints from %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="322"/>
        <source>Pass them with --authorize-url URL, --token-url URL and --revoke-url URL. The profile was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="329"/>
        <source>Endpoints from %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="338"/>
        <source> (as given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="341"/>
        <source>authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="343"/>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="344"/>
        <source>revocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="345"/>
        <source>issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="357"/>
        <location filename="../../app/cli/profilecommands.cpp" line="412"/>
        <location filename="../../app/cli/profilecommands.cpp" line="494"/>
        <location filename="../../app/cli/profilecommands.cpp" line="531"/>
        <location filename="../../app/cli/profilecommands.cpp" line="621"/>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="361"/>
        <source>&quot;%1&quot; uses the %2 grant: its tokens come from signing in (chartkey login --profile &quot;%1&quot;). set-token is for static-token profiles, such as chartkey profile add NAME --preset canvas-sandbox-token --instance URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="370"/>
        <source>Give the access token on standard input, e.g. chartkey profile set-token &quot;%1&quot; &lt; token.txt (never as an argument: it would show in the process list and the shell history).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="382"/>
        <source>The access token was not stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="386"/>
        <source>The access token of &quot;%1&quot; is in the keychain. Try it with: chartkey check --profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="398"/>
        <source>The profile to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="400"/>
        <source>Write to FILE instead of standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="403"/>
        <source>chartkey profile export NAME [--output FILE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="406"/>
        <source>profile export needs exactly one NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="422"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="426"/>
        <source>Exported &quot;%1&quot; to %2 (without secrets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="435"/>
        <source>The exported profile (JSON); - for standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="437"/>
        <source>Save it under NAME instead of the name in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="442"/>
        <source>chartkey profile import FILE|- [--name NAME] [--replace]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="445"/>
        <source>profile import needs exactly one FILE (or - for standard input).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="454"/>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="461"/>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="465"/>
        <source>A profile named &quot;%1&quot; exists already. Import it under another name with --name NAME, or add --replace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="472"/>
        <source>Imported profile &quot;%1&quot; (%2, %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="477"/>
        <source>Store its access token (from standard input) with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="481"/>
        <source>Store its client secret (from standard input) with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="498"/>
        <source>&quot;%1&quot; uses a static access token and has no client secret. Store the token with: chartkey profile set-token &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="506"/>
        <source>Give the client secret on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="519"/>
        <source>The client secret of &quot;%1&quot; is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="541"/>
        <source>Removed profile &quot;%1&quot;. If a keychain that is not running now holds its tokens or secret, remove them there (service chartkey, keys tokens:%1 and client-secret:%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="550"/>
        <location filename="../../app/cli/profilecommands.cpp" line="558"/>
        <source>The profile was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="563"/>
        <source>Removed profile &quot;%1&quot; and its keychain entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="577"/>
        <source>profile needs a subcommand: add, list, show, remove, set-secret, set-token, export, import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="600"/>
        <source>No profiles. Add one: chartkey profile add NAME --instance URL --client-id ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="614"/>
        <source>profile %1 needs exactly one NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="644"/>
        <source>Unknown profile subcommand &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/checkcommand.cpp" line="41"/>
        <source>Checking the registration of client %1 on profile &quot;%2&quot; (%3). The profile&apos;s stored sign-in is not used or changed.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/checkcommand.cpp" line="47"/>
        <source>Opening the browser: sign in and approve. If it does not open, visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/checkcommand.cpp" line="81"/>
        <source>Steps not to run, comma-separated: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/checkcommand.cpp" line="85"/>
        <source>Show every server answer and the requests as curl commands (secrets as placeholders).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/checkcommand.cpp" line="88"/>
        <source>chartkey check [--profile NAME] [--browser CMD] [--wait SECONDS] [--skip IDS] [--details] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/checkcommand.cpp" line="94"/>
        <source>Unknown step &quot;%1&quot;; the steps are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/checkcommand.cpp" line="106"/>
        <source>Fix the profile first: chartkey profile add %1 ... --replace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::cli::Context</name>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="185"/>
        <source>There is no profile yet. Add one: chartkey profile add NAME --instance URL --client-id ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="190"/>
        <source>There are several profiles (%1): choose one with --profile NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="198"/>
        <source>There is no profile named &quot;%1&quot;. See: chartkey profile list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="239"/>
        <source>Sign in with: chartkey login%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="252"/>
        <source>See: chartkey --help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::fhir</name>
    <message numerus="yes">
        <location filename="../../app/core/fhir/display.cpp"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/core/fhir/display.cpp"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/resources.cpp" line="28"/>
        <source>The FHIR server sent something that is not a Bundle. Check the FHIR base URL of the profile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::http</name>
    <message>
        <location filename="../../app/core/net/http.cpp" line="24"/>
        <source>%1 did not answer within %2 s. Try again later; nothing was changed on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/http.cpp" line="34"/>
        <source>%1 refused the connection. Check the URL and that the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/http.cpp" line="38"/>
        <source>The host %1 was not found. Check the URL and the network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/http.cpp" line="42"/>
        <source>The secure connection to %1 failed. Check the system&apos;s certificates and the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/http.cpp" line="47"/>
        <source>Could not reach %1. Check the network connection and the URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::profilejson</name>
    <message>
        <location filename="../../app/core/storage/profilejson.cpp" line="116"/>
        <source>This is not a chartkey profile: the file is not a JSON object (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilejson.cpp" line="119"/>
        <source>it is another JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilejson.cpp" line="123"/>
        <source>This is not a chartkey profile: it has no &quot;%1&quot; field. Export profiles with: chartkey profile export NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilejson.cpp" line="127"/>
        <source>This profile file has format version %1; this chartkey reads version %2 only. Export it again with this chartkey&apos;s version, or update chartkey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilejson.cpp" line="134"/>
        <source>The file carries a secret (&quot;%1&quot;). Profiles never carry secrets; remove it and use `chartkey profile %2 NAME`, which reads it from standard input into the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilejson.cpp" line="157"/>
        <source>The profile&apos;s kind &quot;%1&quot; is unknown; chartkey knows canvas, canvas-sandbox-token, smart, openid and canvas-lms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilejson.cpp" line="171"/>
        <source>These fields do not hold valid URLs: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilejson.cpp" line="179"/>
        <source>The client type &quot;%1&quot; is unknown: use public or confidential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilejson.cpp" line="184"/>
        <source>The grant &quot;%1&quot; is unknown: use authorization-code, client-credentials or static-token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilejson.cpp" line="195"/>
        <source>An entry of authParams has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilejson.cpp" line="201"/>
        <source>The profile in the file cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::scopes</name>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="179"/>
        <source>%1 is not a SMART scope; write it exactly as %2 (scopes are case-sensitive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="182"/>
        <source>%1 is not a SMART scope; write it exactly as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="192"/>
        <source>%1: separate scopes with spaces, not commas: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="200"/>
        <source>%1 is not a SMART scope; use openid, fhirUser, offline_access, launch, or a resource scope such as user/Patient.rs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="208"/>
        <source>%1 is not a SMART scope; the launch scopes are launch, launch/patient and launch/encounter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="214"/>
        <source>%1: the context must be lowercase, as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="216"/>
        <source>%1 starts with %2; a resource scope starts with user/, patient/ or system/, as in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="221"/>
        <source>%1 has no permission; add one after a dot, as in %2 (SMART v2) or %3.read (SMART v1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="227"/>
        <source>%1 has no resource type; put a FHIR resource type such as Patient, or * for all, between the / and the dot: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="233"/>
        <source>%1: the resource type must be capitalised, as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="235"/>
        <source>%1: %2 is not a resource type; use a FHIR resource type such as Patient, or * for all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="242"/>
        <source>%1: search parameters (?…) need a SMART v2 permission such as rs, as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="250"/>
        <source>%1 has an empty permission; use read or write (SMART v1) or letters of cruds such as rs (SMART v2), as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="254"/>
        <source>%1: the permission letters go once each in the order c, r, u, d, s, as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="258"/>
        <source>%1: permissions are lowercase, as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="260"/>
        <source>%1: %2 is not a permission; use read, write or * (SMART v1), or letters of c, r, u, d, s in that order such as rs (SMART v2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/scopes.cpp" line="265"/>
        <source>%1: what follows the ? must be name=value search parameters joined by &amp;, as in patient/Observation.rs?category=laboratory.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui</name>
    <message>
        <location filename="../../app/ui/desktopurlopener.cpp" line="15"/>
        <source>The desktop&apos;s browser could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::ActivityDock</name>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="20"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="30"/>
        <source>HTTP exchanges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="40"/>
        <source>Exchange details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="41"/>
        <source>Select an exchange to see its headers and bodies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="49"/>
        <source>Copy as &amp;curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="50"/>
        <source>Copy the selected exchange as a curl command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="51"/>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="52"/>
        <source>Clear the activity list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::CheckWindow</name>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="63"/>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="65"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="67"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="71"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="159"/>
        <source>authorization code, confidential client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="160"/>
        <source>authorization code + PKCE, public client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="162"/>
        <source>client credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="164"/>
        <source>static token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="194"/>
        <source>1 warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="194"/>
        <source>%1 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="210"/>
        <source>Test registration — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="218"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="222"/>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="223"/>
        <source>Client ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="223"/>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="224"/>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="226"/>
        <source>%1 at %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="230"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="232"/>
        <source>&amp;Run check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="234"/>
        <source>Test the registration end to end; the profile&apos;s sign-in is not used or changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="236"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="244"/>
        <source>Check status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="265"/>
        <source>Check steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="283"/>
        <location filename="../../app/ui/checkwindow.cpp" line="604"/>
        <source>Select a step to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="284"/>
        <source>Selected step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="287"/>
        <source>What was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="290"/>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="298"/>
        <source>The server&apos;s answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="299"/>
        <source>The server&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="300"/>
        <source>No answer from the server for this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="306"/>
        <source>The request as curl (secrets as placeholders):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="309"/>
        <source>Copy c&amp;url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="313"/>
        <source>The request as curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="314"/>
        <source>No request was made in this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="327"/>
        <source>Check summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="333"/>
        <source>&amp;Copy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="334"/>
        <source>The text report with the server&apos;s answers and curl commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="335"/>
        <source>Save &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="336"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="353"/>
        <source>Ready. The check signs in through the browser with its own tokens, revokes them at the end, and leaves the profile&apos;s sign-in alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="382"/>
        <source>Reading the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="407"/>
        <source>No token is stored in the keychain for profile “%1”. Store the token first, then run the check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="421"/>
        <source>The token stored for profile “%1” cannot be read. Store it again, then run the check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="440"/>
        <source>No client secret is stored in the keychain for profile “%1”, a confidential client. Enter it with File → Edit profile (or `chartkey profile set-secret %1`), then run the check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="459"/>
        <source>The keychain (%1) could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="462"/>
        <source>The check was not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="462"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="464"/>
        <source>Not started: the keychain could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="489"/>
        <source>Starting the check…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="501"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="508"/>
        <source>Stopped before the check started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="516"/>
        <source>Running: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="523"/>
        <source>Sign in in the browser window that opened. If none opened, open this address by hand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="539"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="561"/>
        <source>%1 passed, %2, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="563"/>
        <source>, %1 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="566"/>
        <source>Stopped: %1 before the check was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="568"/>
        <source>%1 — the registration does not work as configured; select the failed step for what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="572"/>
        <source>%1 — nothing could be tested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="574"/>
        <source>%1 — the registration works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="581"/>
        <source>Stopped after %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="581"/>
        <source>Finished in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="614"/>
        <source>%1 — %2, %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="618"/>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="656"/>
        <source>There is no report yet: run the check first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="662"/>
        <location filename="../../app/ui/checkwindow.cpp" line="669"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="681"/>
        <source>Save the check report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="682"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="688"/>
        <source>Saved the report to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/ui/mainwindow.cpp"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/mainwindow.cpp"/>
        <source>Patient data is hidden: chartkey was not used for %n minute(s). You are still signed in to %1.</source>
        <translation>
            <numerusform>Patient data is hidden: chartkey was not used for %n minute. You are still signed in to %1.</numerusform>
            <numerusform>Patient data is hidden: chartkey was not used for %n minutes. You are still signed in to %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="48"/>
        <source>in Canvas LMS under Account → Settings → New access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="50"/>
        <source>on the Canvas sandbox dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="52"/>
        <source>where the server issues access tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="68"/>
        <source>Canvas LMS has no FHIR API, so %1 has no patients to list. File → Test registration… tests its registration, and “%2” prints an access token for scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="73"/>
        <source>%1 has no FHIR base URL, so there are no patients to list (add one with File → Edit profile…). File → Test registration… tests its registration, and “%2” prints an access token for scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="88"/>
        <source>chartkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="91"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="94"/>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="96"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="101"/>
        <source>Sign-in state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="106"/>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="108"/>
        <source>&amp;Cancel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="109"/>
        <source>Copy sign-in &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="110"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="111"/>
        <source>&amp;Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="157"/>
        <source>%1 of %2 note actions were done; see the results for the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="182"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="183"/>
        <source>&amp;New profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="185"/>
        <source>&amp;Edit profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="188"/>
        <source>&amp;Test registration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="191"/>
        <source>Check the profile&apos;s OAuth registration end to end and show what to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="194"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="197"/>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="205"/>
        <source>&amp;Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="206"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="211"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="216"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="217"/>
        <source>&amp;About chartkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="218"/>
        <source>About chartkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="219"/>
        <source>&lt;h3&gt;chartkey %1&lt;/h3&gt;&lt;p&gt;A desktop OAuth client for EHR APIs.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="311"/>
        <source>No profile — add one with File → New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="315"/>
        <source>Waiting for the browser… finish signing in there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="320"/>
        <source>Renewing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="332"/>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="338"/>
        <source>No access token stored for %1 — Sign in to paste one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="340"/>
        <source>Signed out of %1 — Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="346"/>
        <source>, renews automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="348"/>
        <source>%1 refused the stored access token — Sign in to paste a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="351"/>
        <source>Signed in to %1 with a stored access token (not renewed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="353"/>
        <source>Signed in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="355"/>
        <source>Signed in to %1 — access valid %2 h %3 min%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="361"/>
        <source>Signed in to %1 — access expired%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="376"/>
        <source>Paste a new token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="377"/>
        <source>Edit profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="380"/>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="433"/>
        <source>Copy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="442"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="470"/>
        <source>Access token for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="473"/>
        <source>%1 uses an access token made by hand instead of a sign-in through the browser. Make one %2 and paste it here. chartkey keeps it in the keychain and uses it until the server refuses it; then make a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="482"/>
        <source>Access &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="485"/>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="487"/>
        <source>paste the token; it goes to the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="493"/>
        <source>&amp;Store token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="529"/>
        <source>%1 The token is used until chartkey exits; then paste it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="545"/>
        <source>Signed in. %1 was not done before; do it now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="547"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="552"/>
        <source>The access token of %1 is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="553"/>
        <source>Signed in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="612"/>
        <source>The access token of %1 was not stored: %2 The other changes to the profile were saved; paste the token again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="616"/>
        <source>Paste the token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="631"/>
        <source>The profile was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::MessageBanner</name>
    <message>
        <location filename="../../app/ui/messagebanner.cpp" line="23"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/messagebanner.cpp" line="29"/>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/messagebanner.cpp" line="30"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::PatientDetailPanel</name>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="49"/>
        <location filename="../../app/ui/patientdetail.cpp" line="138"/>
        <source>Select a patient to see their appointments and notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="52"/>
        <source>Selected patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="59"/>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="73"/>
        <source>&amp;Note IDs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="75"/>
        <source>Or type note IDs, separated by spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="76"/>
        <source>Note IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="104"/>
        <source>Note action progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="108"/>
        <source>Note action results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="131"/>
        <source>No appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="144"/>
        <source>%1 — born %2 — MRN %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="147"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="149"/>
        <source>Loading appointments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/patientdetail.cpp" line="194"/>
        <source>%1 on %n note(s)</source>
        <translation>
            <numerusform>%1 on %n note</numerusform>
            <numerusform>%1 on %n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chartkey::ui::PatientsPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/patientspanel.cpp"/>
        <source>%1 of %n patient(s) loaded — loading more…</source>
        <translation>
            <numerusform>%1 of %n patient loaded — loading more…</numerusform>
            <numerusform>%1 of %n patients loaded — loading more…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/patientspanel.cpp"/>
        <source>%1 of %n patient(s) loaded</source>
        <translation>
            <numerusform>%1 of %n patient loaded</numerusform>
            <numerusform>%1 of %n patients loaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/patientspanel.cpp"/>
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="27"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="28"/>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="29"/>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="30"/>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="31"/>
        <source>Search by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="33"/>
        <source>Search patients (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="34"/>
        <source>Patient search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="36"/>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="37"/>
        <source>Search patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="44"/>
        <source>Filter the loaded results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="45"/>
        <source>Filter results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="51"/>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="68"/>
        <source>Patient search state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="73"/>
        <source>Result count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="172"/>
        <source>Sign in to search patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="176"/>
        <source>Search patients by name, or press Search to list them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="180"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="183"/>
        <source>No patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="184"/>
        <source>No patients match “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="202"/>
        <source>%1 of %2 patients loaded%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="206"/>
        <source> — loading more…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="208"/>
        <source>%1 patients loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::ProfileEditorDialog</name>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="144"/>
        <source>Add profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="144"/>
        <source>Edit profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="169"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="169"/>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="173"/>
        <source>A profile keeps its name; add a new profile to use another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="175"/>
        <source>&amp;EHR instance URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="175"/>
        <source>EHR instance URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="178"/>
        <source>&amp;FHIR base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="178"/>
        <source>FHIR base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="540"/>
        <source>derived for *.canvasmedical.com; give it for other hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="196"/>
        <source>Client &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="196"/>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="201"/>
        <source>Client type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="202"/>
        <source>Public (PKCE, no secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="203"/>
        <source>Confidential (with a client secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="205"/>
        <source>Client &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="211"/>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="213"/>
        <source>Client &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="220"/>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="695"/>
        <source>Paste the access token made in Canvas LMS under Account → Settings → New access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="697"/>
        <source>Paste the access token made on the Canvas sandbox dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="810"/>
        <source>Authorization code (sign in through the browser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="813"/>
        <source>Client credentials (machine to machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="221"/>
        <source>&amp;Grant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="152"/>
        <source>Server preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="156"/>
        <source>&amp;Connects to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="180"/>
        <source>Disc&amp;overy URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="180"/>
        <source>Discovery URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="184"/>
        <source>Fetc&amp;h endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="186"/>
        <source>Read the authorization, token and revocation endpoints and the issuer from the discovery document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="236"/>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="238"/>
        <source>Kept in the keychain, never shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="239"/>
        <source>Access to&amp;ken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="243"/>
        <source>Sco&amp;pes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="243"/>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="251"/>
        <source>An&amp;y free port (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="254"/>
        <source>Redirect to any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="255"/>
        <source>E&amp;xactly this URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="257"/>
        <source>Redirect to exactly this URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="260"/>
        <source>Redirect URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="267"/>
        <source>&amp;Redirect URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="273"/>
        <source>launch parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="274"/>
        <source>none (Canvas refuses staff users without it: e30=)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="275"/>
        <source>&amp;launch parameter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="280"/>
        <source>aud parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="281"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="282"/>
        <source>&amp;aud parameter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="286"/>
        <source>Show en&amp;dpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="289"/>
        <location filename="../../app/ui/profileeditor.cpp" line="829"/>
        <source>Endpoints (derived from the instance URL until edited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="294"/>
        <source>Authori&amp;zation URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="294"/>
        <source>Authorization URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="296"/>
        <source>To&amp;ken URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="296"/>
        <source>Token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="298"/>
        <source>Re&amp;vocation URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="298"/>
        <source>Revocation URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="300"/>
        <source>none: sign-out only forgets the tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="301"/>
        <source>Iss&amp;uer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="301"/>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="303"/>
        <source>none: the iss of the redirect is not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="309"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="323"/>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="325"/>
        <source>Save this profile as a JSON file, without secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="326"/>
        <source>I&amp;mport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="328"/>
        <source>Fill the form from an exported profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="369"/>
        <source>Problem with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="385"/>
        <location filename="../../app/ui/profileeditor.cpp" line="389"/>
        <source>unchanged (kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="390"/>
        <source>paste the token; it goes to the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="538"/>
        <source>required: the FHIR server&apos;s base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="539"/>
        <source>optional: without it chartkey only gets tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="677"/>
        <source>A profile named %1 already exists; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="683"/>
        <source>Give at least one scope, such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="689"/>
        <source>Enter the client secret of this confidential client, as shown by the application registered on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="816"/>
        <source>Access token made by hand (kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="828"/>
        <source>Endpoints (from the discovery document, or typed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="877"/>
        <source>Give the discovery URL first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="882"/>
        <source>Reading %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="905"/>
        <source>Endpoints read from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="917"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="928"/>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="958"/>
        <source>Export profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="959"/>
        <location filename="../../app/ui/profileeditor.cpp" line="972"/>
        <source>chartkey profiles (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="964"/>
        <source>Exported to %1 (without secrets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="971"/>
        <source>Import profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="981"/>
        <source>Imported %1. Check it, then press OK to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="982"/>
        <source>Imported %1. Enter its %2, check it, then press OK to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="985"/>
        <source>access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="986"/>
        <source>client secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::TokenInspectorDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/tokeninspector.cpp"/>
        <source>The access token is on the clipboard for %n second(s); then chartkey takes it off.</source>
        <translation>
            <numerusform>The access token is on the clipboard for %n second; then chartkey takes it off.</numerusform>
            <numerusform>The access token is on the clipboard for %n seconds; then chartkey takes it off.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="53"/>
        <source>Token inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="59"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="60"/>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="61"/>
        <source>Token type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="62"/>
        <source>Token type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="63"/>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="65"/>
        <source>Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="66"/>
        <source>Obtained at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="67"/>
        <source>Obtained at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="68"/>
        <source>Expires at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="69"/>
        <source>Expires at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="70"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="71"/>
        <source>Time left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="72"/>
        <source>Refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="73"/>
        <source>Refresh token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="75"/>
        <location filename="../../app/ui/tokeninspector.cpp" line="81"/>
        <source>Access token claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="77"/>
        <source>Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="83"/>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="83"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="92"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="97"/>
        <source>&amp;Renew now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="99"/>
        <source>&amp;Copy access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="117"/>
        <source>There is no profile to inspect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="127"/>
        <location filename="../../app/ui/tokeninspector.cpp" line="308"/>
        <source>Renewing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="154"/>
        <source>Not signed in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="161"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="180"/>
        <source>(not given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="188"/>
        <source>none granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="190"/>
        <source>Every requested scope was granted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="198"/>
        <source>Requested but not granted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="205"/>
        <source>unknown (the EHR gave no expiry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="206"/>
        <source>yes (renews without signing in again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="207"/>
        <source>no (sign in again when it expires)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="218"/>
        <source>Opaque token (not a JWT): only the EHR knows what it holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="256"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="282"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="289"/>
        <source>expired; renews on next use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="290"/>
        <source>expired; sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="297"/>
        <source>%1 h %2 min %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="299"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="301"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="318"/>
        <source>Not renewed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="324"/>
        <source>Renewed at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="330"/>
        <source>Not renewed: the current token is still in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="342"/>
        <source>an unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="344"/>
        <source>Copy access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="345"/>
        <source>Anyone with this token can act as you at %1 until it expires (%2). Paste it only where you mean to use it, and never into a chat, ticket or e-mail.

Copy the access token to the clipboard?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="357"/>
        <source>The access token is on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::NoteActionBar</name>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp"/>
        <source>%1 %n note(s)?</source>
        <translation>
            <numerusform>%1 %n note?</numerusform>
            <numerusform>%1 %n notes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp"/>
        <source>%1 %n note(s)? A signed note cannot be changed without unlocking it, and unlocking is recorded.</source>
        <translation>
            <numerusform>%1 %n note? A signed note cannot be changed without unlocking it, and unlocking is recorded.</numerusform>
            <numerusform>%1 %n notes? A signed note cannot be changed without unlocking it, and unlocking is recorded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp"/>
        <source>%1 %n note(s)</source>
        <translation>
            <numerusform>%1 %n note</numerusform>
            <numerusform>%1 %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp"/>
        <source>%1 on %n note(s)</source>
        <translation>
            <numerusform>%1 on %n note</numerusform>
            <numerusform>%1 on %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp"/>
        <source>%1: %n note(s)…</source>
        <translation>
            <numerusform>%1: %n note…</numerusform>
            <numerusform>%1: %n notes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp"/>
        <source>%1: done for %n note(s).</source>
        <translation>
            <numerusform>%1: done for %n note.</numerusform>
            <numerusform>%1: done for %n notes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp"/>
        <source>%1: %2 of %n note(s) done; the lines below say why not for the others.</source>
        <translation>
            <numerusform>%1: %2 of %n note done; the lines below say why not for the others.</numerusform>
            <numerusform>%1: %2 of %n notes done; the lines below say why not for the others.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chartkey::ui::SchedulePanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/schedulepanel.cpp"/>
        <source>%1 — %n appointment(s)</source>
        <translation>
            <numerusform>%1 — %n appointment</numerusform>
            <numerusform>%1 — %n appointments</numerusform>
        </translation>
    </message>
</context>
</TS>

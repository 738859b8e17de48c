<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>chartkey</name>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="97"/>
        <source>The server no longer accepts this sign-in (invalid_grant: %1). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="100"/>
        <source>The server did not accept the client (invalid_client: %1). Check the client ID and secret against the application registered on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="104"/>
        <source>The server refused the requested scopes (invalid_scope: %1). Ask only for scopes the application is registered for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="108"/>
        <source>This client may not use this grant type (unauthorized_client: %1). Check the grant type of the application&apos;s registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="112"/>
        <source>The server rejected the request (invalid_request: %1). Check the profile&apos;s client ID and redirect URI against the registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="117"/>
        <source>The token server is not available right now (%1, HTTP %2). Try again in a minute; your sign-in is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="120"/>
        <source>The token server refused the request (%1, HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="149"/>
        <source>an empty answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="150"/>
        <source>a web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="150"/>
        <source>an answer that is not OAuth JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="156"/>
        <source>The token server failed (HTTP %1). Try again in a minute; your sign-in is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="163"/>
        <source>The EHR refused the refresh token (HTTP %1, %2). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="170"/>
        <source>The EHR refused the client&apos;s credentials (HTTP %1, %2). Check the client ID and the client secret (or key) against the application registered on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="178"/>
        <source>The EHR refused the sign-in code (HTTP %1, %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="185"/>
        <source>The token endpoint answered with a web page instead of tokens (HTTP %1). Check the token URL of the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="188"/>
        <source>The token endpoint&apos;s answer holds no tokens (HTTP %1, %2). The server does not follow RFC 6749; try again, and if it persists, tell its operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="195"/>
        <source>The token endpoint answered HTTP %1 with a web page instead of an OAuth answer. Check the token URL of the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="198"/>
        <source>The token endpoint refused the request (HTTP %1, %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="233"/>
        <source>The EHR refused the refresh token (%1: %2). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="240"/>
        <source>The EHR refused the sign-in code (%1: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="270"/>
        <source>The revocation endpoint answered with a web page (HTTP %1), not a revocation response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="275"/>
        <source>The revocation endpoint failed (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="278"/>
        <source>There is no revocation endpoint at the profile&apos;s revocation URL (HTTP 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="284"/>
        <source>The revocation endpoint refused the client&apos;s credentials (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="288"/>
        <source>This server does not let a public client revoke its tokens (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="295"/>
        <source>The revocation endpoint refused the request (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="296"/>
        <source>The revocation endpoint refused the request (HTTP %1, %2: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apiclient.cpp" line="155"/>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="137"/>
        <source>The keychain did not answer within %1 s. It may be locked and waiting for a password: unlock it and try again.</source>
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
        <location filename="../../app/core/auth/discovery.cpp" line="85"/>
        <source>The document has no issuer; OpenID discovery requires one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="92"/>
        <source>The issuer %1 does not match where the document was found (%2 would be expected): a client must not trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="98"/>
        <source>The document names no token_endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="100"/>
        <source>The token endpoint %1 is not https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="104"/>
        <source>The document names no authorization_endpoint, which the authorization-code grant needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="107"/>
        <source>The authorization endpoint %1 is not https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="111"/>
        <source>The document does not say which PKCE methods the server supports (no code_challenge_methods_supported); chartkey sends S256 anyway. Whether it is enforced is checked below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="115"/>
        <source>The server does not advertise PKCE S256 (code_challenge_methods_supported: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="121"/>
        <source>The server advertises the PKCE method &quot;plain&quot;, which protects nothing if the authorization request is seen. Ask for it to be turned off; chartkey always uses S256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="125"/>
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
        <location filename="../../app/core/auth/discoveryfetch.cpp" line="51"/>
        <source>The server does not advertise %1 (token_endpoint_auth_methods_supported: %2); it may refuse this client&apos;s authentication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discoveryfetch.cpp" line="56"/>
        <source>The server does not advertise the client_credentials grant (grant_types_supported: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discoveryfetch.cpp" line="70"/>
        <source>Could not read the discovery document at %1: %2 Check the URL, or give the endpoints explicitly (authorization, token and revocation URLs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discoveryfetch.cpp" line="78"/>
        <source>it is not an https:// URL (http:// only for this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discoveryfetch.cpp" line="90"/>
        <source>the server answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/discoveryfetch.cpp" line="98"/>
        <source>it names no token endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="152"/>
        <source>(with port %1, as the profile says).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="153"/>
        <source>(without a port: a loopback redirect on 127.0.0.1 may use any port, and chartkey picks a free one each time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="162"/>
        <source>EHRs accept any port only for 127.0.0.1 (RFC 8252), not for %1: set the profile&apos;s redirect URI to %2 and register exactly that on the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="166"/>
        <source>Register exactly this redirect URI on the application: %1 %2 Or set the profile&apos;s redirect URI to the one registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="175"/>
        <source>no explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="179"/>
        <source>Ask only for scopes the application is registered for (the profile&apos;s scope: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="183"/>
        <source>The registration does not allow this client to sign in with the authorization code: check its grant type on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="186"/>
        <source>The EHR accepted the client and the redirect URI; read its reason, and check the profile&apos;s scope and authorization parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="188"/>
        <source>The EHR refused the sign-in request before any sign-in page: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="192"/>
        <source>The EHR does not accept the client ID %1 (HTTP %2: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="194"/>
        <source>Copy the client ID from the application&apos;s page on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="199"/>
        <source>HTTP %1, with no explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="200"/>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="202"/>
        <source>register a fixed port on the application, such as %1, and give chartkey the same redirect URI (chartkey profile add %2 … --redirect-uri %1 --replace, or Edit profile → Redirect in the desktop app)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="207"/>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="219"/>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="223"/>
        <source>The EHR refused the redirect URI %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="212"/>
        <source>The EHR refused the sign-in request before showing a sign-in page (%1). It seems to compare redirect URIs exactly, so %2, with the free port chartkey picked for this sign-in, is not registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="216"/>
        <source>To sign in, %1. If the redirect URI is right, check the client ID (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="220"/>
        <source>%1 If it is registered exactly so, the EHR compares redirect URIs exactly: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/authorizationanswer.cpp" line="224"/>
        <source>Register exactly %1 on the application, or check the client ID (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/notestates.cpp" line="42"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/notestates.cpp" line="44"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/notestates.cpp" line="46"/>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/notestates.cpp" line="48"/>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="209"/>
        <source>the profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="211"/>
        <source>the server preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="213"/>
        <source>the instance URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="215"/>
        <source>the FHIR base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="217"/>
        <source>the discovery URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="219"/>
        <source>the client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="221"/>
        <source>the client type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="223"/>
        <source>the client authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="225"/>
        <source>the client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="227"/>
        <source>the grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="229"/>
        <source>the access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="231"/>
        <source>the scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="233"/>
        <source>the redirect URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="235"/>
        <source>the launch parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="237"/>
        <source>the aud parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="239"/>
        <source>the authorization URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="241"/>
        <source>the token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="243"/>
        <source>the revocation URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="245"/>
        <source>the browser sign-out URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="247"/>
        <source>the issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="249"/>
        <source>the notes API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="123"/>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/chunkedsecretstore.cpp" line="119"/>
        <source>The keychain entry %1 is damaged (a part of it is missing or altered), so chartkey cannot read it. Sign in again, or set the secret again, to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ActivityLog</name>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="162"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="178"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="180"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="182"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="184"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="186"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ApiClient</name>
    <message>
        <location filename="../../app/core/api/apiclient.cpp" line="70"/>
        <source>Shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apiclient.cpp" line="119"/>
        <source>The EHR refused the renewed token too (HTTP 401: %1). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::AppointmentModel</name>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="188"/>
        <source>%1, %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="198"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::AppointmentTable</name>
    <message>
        <location filename="../../app/core/fhir/appointmenttable.cpp" line="107"/>
        <source>Not reported yet: the EHR says a note&apos;s state when an action runs on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/appointmenttable.cpp" line="109"/>
        <source>As the EHR reported it at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/appointmenttable.cpp" line="123"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/appointmenttable.cpp" line="140"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/appointmenttable.cpp" line="142"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/appointmenttable.cpp" line="144"/>
        <source>Note state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/appointmenttable.cpp" line="146"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::BrowserSignIn</name>
    <message numerus="yes">
        <location filename="../../app/core/auth/browsersignin.cpp" line="25"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/core/auth/browsersignin.cpp" line="29"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="55"/>
        <source>No answer came back from the browser within %1, so the sign-in was stopped. Sign in again, and finish the sign-in in the browser window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="81"/>
        <source>The redirect URI %1 is not a loopback address. Use http://127.0.0.1/callback and register it on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="227"/>
        <source>Ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="228"/>
        <source>chartkey ignored this answer: it does not belong to the sign-in chartkey is waiting for (its state is missing or does not match). If you opened a link you were sent, nothing happened. To sign in, start the sign-in in chartkey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="233"/>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="235"/>
        <source>You can close this tab and return to chartkey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="239"/>
        <source>Answer received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="240"/>
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
        <location filename="../../app/core/auth/browsersignin.cpp" line="209"/>
        <source>Open the sign-in address in a browser by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="216"/>
        <source>The sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="302"/>
        <source>The EHR did not accept the sign-in code (%1). Check that the registration&apos;s redirect URI is exactly %2, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::BundlePager</name>
    <message>
        <location filename="../../app/core/api/bundlepager.cpp" line="35"/>
        <source>Shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/bundlepager.cpp" line="54"/>
        <source>The EHR answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/bundlepager.cpp" line="57"/>
        <source>The EHR answered HTTP %1 to page %2 of the search: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/bundlepager.cpp" line="79"/>
        <source>Page %1 of the search is not a FHIR Bundle; the reading stopped there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/bundlepager.cpp" line="122"/>
        <source>Page %1 of the search names its next page on another server (%2): the token does not go there, so the reading stopped after page %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/bundlepager.cpp" line="131"/>
        <source>Page %1 of the search names a page already read as its next one; the reading stopped there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ChunkedSecretStore</name>
    <message>
        <location filename="../../app/core/storage/chunkedsecretstore.cpp" line="294"/>
        <source>The secret for %1 is too large for the keychain (%2 bytes). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::FhirClient</name>
    <message>
        <location filename="../../app/core/fhir/fhirclient.cpp" line="27"/>
        <source>The EHR does not allow this read (HTTP 403: %1). Sign in with a scope that covers it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/fhirclient.cpp" line="31"/>
        <source>The FHIR server answered HTTP %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::IdTokenVerifier</name>
    <message>
        <location filename="../../app/core/auth/idtokenverifier.cpp" line="103"/>
        <source>The ID token cannot be checked: the profile names no discovery document, issuer or FHIR base to read the server&apos;s keys from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtokenverifier.cpp" line="112"/>
        <source>The ID token cannot be checked: the server&apos;s metadata (%1) names no jwks_uri, so its signing keys are unknown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::KeyRing</name>
    <message>
        <location filename="../../app/core/auth/clientkeys.cpp" line="59"/>
        <source>The stored key entry is not a key ring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/clientkeys.cpp" line="68"/>
        <source>A stored key is unreadable: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::KeychainStore</name>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="206"/>
        <source>Windows Credential Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="208"/>
        <source>macOS Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="210"/>
        <source>Secret Service keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ManagedPolicy</name>
    <message numerus="yes">
        <location filename="../../app/core/profile/policy.cpp" line="298"/>
        <source>Your organisation sets the idle time to at least %n minute(s) and does not allow Never. %1</source>
        <translation>
            <numerusform>Your organisation sets the idle time to at least %n minute and does not allow Never. %1</numerusform>
            <numerusform>Your organisation sets the idle time to at least %n minutes and does not allow Never. %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/core/profile/policy.cpp" line="303"/>
        <source>Your organisation sets the idle time to at least %n minute(s), or Never. %1</source>
        <translation>
            <numerusform>Your organisation sets the idle time to at least %n minute, or Never. %1</numerusform>
            <numerusform>Your organisation sets the idle time to at least %n minutes, or Never. %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="95"/>
        <source>%1: policy/%2 %3; this key is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="104"/>
        <source>is &quot;%1&quot;, not true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="118"/>
        <source>is &quot;%1&quot;, not a whole number of minutes from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="139"/>
        <source>names no host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="140"/>
        <source>holds &quot;%1&quot;, which is not a host name or *.domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="167"/>
        <source>is empty (values: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="168"/>
        <source>holds &quot;%1&quot; (values: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="177"/>
        <source>%1: policy/%2 is not a chartkey policy key (keys: %3); it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="184"/>
        <source>is %1, below policy/%2 (%3): no idle time is left between them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="207"/>
        <source>(policy/%1 in %2, set by your IT department: ask them if you need this.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="229"/>
        <source>Your organisation allows profiles only for %1, not for %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="238"/>
        <source>Your organisation allows only the %1 grant, not %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="244"/>
        <source>Your organisation does not allow static access tokens. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="252"/>
        <source>Your organisation allows only %1 clients, not %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="263"/>
        <source>Bodies are hidden by your organisation. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/core/profile/policy.cpp" line="288"/>
        <source>Your organisation sets the idle time to between %1 and %n minute(s): patient data is always hidden by then.</source>
        <translation>
            <numerusform>Your organisation sets the idle time to between %1 and %n minute: patient data is always hidden by then.</numerusform>
            <numerusform>Your organisation sets the idle time to between %1 and %n minutes: patient data is always hidden by then.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/core/profile/policy.cpp" line="292"/>
        <source>Your organisation sets the idle time to at most %n minute(s): patient data is always hidden by then.</source>
        <translation>
            <numerusform>Your organisation sets the idle time to at most %n minute: patient data is always hidden by then.</numerusform>
            <numerusform>Your organisation sets the idle time to at most %n minutes: patient data is always hidden by then.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="307"/>
        <source>Your organisation does not allow Never: patient data is always hidden after some idle time. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="317"/>
        <source>Your organisation requires a confirmation before notes are signed. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/policy.cpp" line="325"/>
        <source>Your organisation does not allow adding profiles: use the profiles it provides (chartkey profile list). %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::NoteAvailability</name>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="38"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="52"/>
        <source>%1 has no note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="56"/>
        <source>was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="57"/>
        <source>was entered in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="60"/>
        <source>The appointment of %1 %2: there is no visit to check in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="63"/>
        <source>The appointment of %1 %2: there is no visit to mark as a no-show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="66"/>
        <source>The appointment of %1 %2: its note cannot be locked, signed or unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="75"/>
        <source>Only booked appointments can be checked in; %1 is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="80"/>
        <source>Only booked appointments can be marked as a no-show; %1 is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="85"/>
        <source>Only a new note can be locked; the note of %1 is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="90"/>
        <source>Lock &amp; sign is for new notes; the note of %1 is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="96"/>
        <source>Only a locked note can be signed; the note of %1 is new (Lock &amp; sign does both).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="99"/>
        <source>Only a locked note can be signed; the note of %1 is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="104"/>
        <source>The note of %1 is not locked or signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="123"/>
        <source>The note&apos;s state is not known yet: the EHR locks it if it is new, and otherwise says why not; nothing else changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="126"/>
        <source>The note&apos;s state is not known yet: the EHR unlocks it if it is locked or signed, and otherwise says why not; nothing else changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="129"/>
        <source>The note&apos;s state is not known yet: the EHR signs it if it is locked, and otherwise says why not; nothing else changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/noteavailability.cpp" line="132"/>
        <source>The note&apos;s state is not known yet: the EHR locks and signs it if it is new, and otherwise says why not.</source>
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
        <location filename="../../app/core/fhir/patientmodel.cpp" line="116"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="118"/>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="120"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/patientmodel.cpp" line="122"/>
        <source>MRN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::Profile</name>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="36"/>
        <source>%1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="38"/>
        <source>%1 &quot;%2&quot; is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="44"/>
        <source>%1 %2 uses http:// on a host that is not this computer. Use https:// (http:// is allowed only for 127.0.0.1, ::1 and localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="47"/>
        <source>%1 %2 must use https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="105"/>
        <source>The profile name &quot;%1&quot; may use letters, digits, space, dot, dash and underscore (at most 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="114"/>
        <source>The client ID is missing: copy it from the application registered on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="116"/>
        <source>The instance URL is missing: give the address of the EHR, such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="123"/>
        <source>The discovery URL is missing: give the address of the server&apos;s .well-known/openid-configuration document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="129"/>
        <source>The token URL is missing: fetch the endpoints from the discovery document, or give them explicitly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="142"/>
        <source>The FHIR base URL is missing. chartkey derives it only for *.canvasmedical.com instances; give it explicitly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="157"/>
        <source>The authorization URL is missing: fetch the endpoints from the discovery document, or give them explicitly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="163"/>
        <source>The redirect URI %1 must be a loopback URI with a path, such as http://127.0.0.1/callback (any port) or http://127.0.0.1:8765/callback (that port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="169"/>
        <source>The client-credentials grant needs a confidential client with a secret or a key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="176"/>
        <source>A confidential client authenticates: choose client_secret_basic, client_secret_post or private_key_jwt as the client authentication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profile.cpp" line="180"/>
        <source>A public client does not authenticate (client authentication none); make the client confidential to use %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ProfileForm</name>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="650"/>
        <source>unchanged (kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="653"/>
        <source>a name for this profile, such as Clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="655"/>
        <source>from the application registered on the EHR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="657"/>
        <source>the application&apos;s secret; it goes to the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="659"/>
        <source>paste the token; it goes to the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="661"/>
        <location filename="../../app/core/profile/profileform.cpp" line="666"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="668"/>
        <source>none: sign-out only forgets the tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="670"/>
        <source>none: the browser&apos;s sign-in at the server is left as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="672"/>
        <source>none: the iss of the redirect is not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="674"/>
        <source>none: no note actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="695"/>
        <source>A profile named %1 already exists; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="701"/>
        <source>Give at least one scope, such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="712"/>
        <source>Enter the client secret of this confidential client, as shown by the application registered on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="717"/>
        <source>Paste the access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="718"/>
        <source>Paste the access token made %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="783"/>
        <source>give %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="785"/>
        <source>fetch the endpoints from the discovery document (or give them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="787"/>
        <source>correct %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profileform.cpp" line="788"/>
        <source>To save: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ProfileStore</name>
    <message>
        <location filename="../../app/core/storage/profilestore.cpp" line="75"/>
        <source>%1 could not be read (%2); nothing in it is used. Tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilestore.cpp" line="79"/>
        <source>it is not a settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilestore.cpp" line="80"/>
        <source>access denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilestore.cpp" line="86"/>
        <source>%1: [%2] is not a chartkey group (groups: policy, profiles); it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilestore.cpp" line="91"/>
        <source>%1: %2 is outside any group; it is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilestore.cpp" line="104"/>
        <source>%1: [profiles/%2] is not a valid profile name; that profile is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilestore.cpp" line="114"/>
        <source>%1: managed profile &quot;%2&quot; has values chartkey cannot read (%3); that profile is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilestore.cpp" line="121"/>
        <source>%1: managed profile &quot;%2&quot; does not work (%3); that profile is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profilestore.cpp" line="155"/>
        <source>&quot;%1&quot; is a managed profile, set up by your IT department in %2: it cannot be changed or removed here. You can still sign in and out with it. Ask your IT department to change it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ScheduleModel</name>
    <message>
        <location filename="../../app/core/fhir/schedulemodel.cpp" line="84"/>
        <source>%1, %2–%3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/schedulemodel.cpp" line="95"/>
        <source>(patient %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/schedulemodel.cpp" line="112"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/schedulemodel.cpp" line="114"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/schedulemodel.cpp" line="116"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/schedulemodel.cpp" line="118"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::SecretStore</name>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="44"/>
        <source>Access to the keychain was refused (%1). Allow chartkey to use the keychain and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="52"/>
        <source>No keychain is available (%1). chartkey keeps tokens only in the system keychain: start and unlock a Secret Service keyring (GNOME Keyring or KWallet), then try again. Nothing was stored elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="59"/>
        <source>The keychain failed (%1). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="68"/>
        <source>The keychain is locked, so chartkey cannot reach its sign-in. Unlock the keyring (signing in to the desktop session usually does), then try again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ServerMetadata</name>
    <message>
        <location filename="../../app/core/auth/discovery.cpp" line="47"/>
        <source>The discovery document is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ServerPreset</name>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="162"/>
        <source>Canvas LMS rejects the client-credentials grant for developer keys (it allows it only with an LTI 1.3 JWT client assertion). Use the authorization code, or a manually generated access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="102"/>
        <source>The canvas-sandbox-token preset uses a token made on the sandbox dashboard. To sign in with an OAuth application, use the canvas preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="78"/>
        <source>A static access token for Canvas is a profile of its own: use the canvas-sandbox-token preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="67"/>
        <source>This preset signs in through OAuth; it takes no static access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="42"/>
        <source>The %1 preset does not offer the %2 grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="66"/>
        <source>derived for *.canvasmedical.com; give it for other hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="71"/>
        <source>Canvas Medical (OAuth application)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="72"/>
        <source>A Canvas Medical instance with an application registered under Settings → Integrations → OAuth Applications. chartkey derives the endpoints, the FHIR base on the fumage- host and the note plugin from the instance URL. Sign in through the browser (public client with PKCE, or confidential), or use the client-credentials grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="93"/>
        <source>none (Canvas refuses staff users without it: e30=)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="96"/>
        <source>Canvas Medical (sandbox access token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="97"/>
        <source>A Canvas Medical sandbox with an access token made on its dashboard. No OAuth application and no sign-in: the token is kept in the keychain and used until the EHR refuses it; then make a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="111"/>
        <source>on the Canvas sandbox dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="116"/>
        <source>SMART on FHIR server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="117"/>
        <source>Any SMART App Launch server. Give the FHIR base URL: the endpoints come from its .well-known/smart-configuration, and the aud parameter names the FHIR server. SMART v1 scopes by default; v2 scopes (patient/Patient.rs) work too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="124"/>
        <location filename="../../app/core/profile/presets.cpp" line="200"/>
        <source>The FHIR base URL is missing: a SMART server is named by its FHIR base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="131"/>
        <location filename="../../app/core/profile/presets.cpp" line="206"/>
        <source>required: the FHIR server&apos;s base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="132"/>
        <location filename="../../app/core/profile/presets.cpp" line="207"/>
        <source>{FHIR base}/.well-known/smart-configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="135"/>
        <source>OAuth 2.0 / OpenID Connect server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="136"/>
        <source>Any OAuth 2.0 or OpenID Connect authorization server that publishes a discovery document (.well-known/openid-configuration). By default a confidential client with the client-credentials grant (machine to machine); the authorization code works too. The FHIR base URL is optional: without it chartkey only gets tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="149"/>
        <source>optional: without it chartkey only gets tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="154"/>
        <source>Canvas LMS (Instructure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="155"/>
        <source>A Canvas LMS instance, such as https://canvas.instructure.com. Either a developer key (a confidential client: sign in through the browser at /login/oauth2/auth) or a manually generated access token (Account → Settings → New access token). Canvas LMS has no FHIR API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="168"/>
        <source>Canvas LMS has no FHIR API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="170"/>
        <source>Canvas LMS publishes no discovery document; its endpoints are fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="177"/>
        <source>Canvas LMS documents this: its refresh tokens do not rotate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="179"/>
        <source>in Canvas LMS under Account → Settings → New access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="182"/>
        <source>not used: Canvas LMS ends a token with DELETE on the token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="186"/>
        <source>SMART Backend Services (key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="187"/>
        <source>A SMART on FHIR server&apos;s Backend Services: a system that gets tokens with the client-credentials grant and authenticates with a private key (private_key_jwt) instead of a secret. Give the FHIR base URL: the endpoints come from its .well-known/smart-configuration. Then make a key (chartkey key generate) and register the JWKS chartkey key show prints. system/ scopes, v1 (system/*.read) or v2 (system/*.rs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/presets.cpp" line="196"/>
        <source>SMART Backend Services has no user and no browser sign-in: use the smart preset for the authorization code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::Session</name>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="131"/>
        <location filename="../../app/core/auth/session.cpp" line="236"/>
        <source>You are not signed in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="196"/>
        <source>Another chartkey window or command has been renewing the sign-in of %1 for too long. Try again; if it repeats, close other chartkey programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="270"/>
        <source>The sign-in to %1 has expired and the EHR gave no refresh token (ask for the offline_access scope to stay signed in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="274"/>
        <source>The stored sign-in of %1 is unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="541"/>
        <source>The web browser may still be signed in at the EHR, so the next sign-in on this computer could skip the password: end that session on the EHR&apos;s sign-out page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="623"/>
        <source>Removed the unreadable stored sign-in of %1 from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="626"/>
        <source>%1 had no stored access token; nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="627"/>
        <source>%1 had no stored sign-in; nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="629"/>
        <source>Removed the static access token of %1 from this computer. It was not revoked: a static token is revoked where it was made (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="633"/>
        <source>The access token ends by itself at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="636"/>
        <source>The EHR said nothing of when the access token ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="639"/>
        <source>Signed out of %1: the EHR revoked the tokens, and they were removed from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="643"/>
        <source>Signed out of %1 on this computer: the tokens were removed from it. The EHR offers no revocation, so they were not revoked. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="647"/>
        <source>Signed out of %1 on this computer: the tokens were removed from it. This server does not let a public client revoke its tokens, so they were not revoked. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="655"/>
        <source>Signed out of %1 on this computer: the tokens were removed from it, but they were not revoked (%2). %3 To end them now, revoke the application&apos;s access on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="218"/>
        <source>Shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="141"/>
        <source>No access token is stored for %1. Store one with: chartkey profile set-token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="150"/>
        <source>where you made this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="153"/>
        <source>The EHR refused the static access token of %1 (HTTP 401): it has expired, was revoked, or belongs to another server. Create a new one %2 and store it with: chartkey profile set-token %1 (the refused token stays in the keychain until then).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="345"/>
        <source>Your session with %1 ended: the EHR will not renew it. Sign in again to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="452"/>
        <source>The stored access token of %1 is unreadable. Store it again with: chartkey profile set-token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="386"/>
        <source>The renewed sign-in could not be saved in the keychain (%1). It works until chartkey exits; then you will have to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="456"/>
        <source>The stored sign-in is unreadable. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="502"/>
        <source>The client secret of %1 is not in the keychain. Store it again with: chartkey profile set-secret %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::SignIn</name>
    <message>
        <location filename="../../app/core/actions/signin.cpp" line="27"/>
        <location filename="../../app/core/actions/signin.cpp" line="62"/>
        <location filename="../../app/core/actions/signin.cpp" line="193"/>
        <source>Shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/signin.cpp" line="34"/>
        <source>No access token was given for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/signin.cpp" line="56"/>
        <source>The sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/signin.cpp" line="103"/>
        <source>The EHR granted the openid scope but sent no ID token, so who signed in cannot be known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/signin.cpp" line="119"/>
        <source>The EHR&apos;s ID token was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/signin.cpp" line="214"/>
        <source>%1 The sign-in was not kept, and its tokens were revoked at the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/actions/signin.cpp" line="217"/>
        <source>%1 The sign-in was not kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::TokenClient</name>
    <message>
        <location filename="../../app/core/auth/tokenclient.cpp" line="120"/>
        <source>The LMS answered HTTP %1 to the request to end the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenclient.cpp" line="169"/>
        <source>The client authenticates with a key, but none was given. Make one with: chartkey key generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenclient.cpp" line="182"/>
        <source>The client assertion could not be signed: %1 Make a new key with: chartkey key rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenclient.cpp" line="217"/>
        <source>The profile has no %1 URL. Edit the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenclient.cpp" line="255"/>
        <source>The EHR refused the client&apos;s signed assertion (%1). Check the client ID, and that the EHR has the JWKS that chartkey key show prints (register it again after key rotate or key retire).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::TokenResponse</name>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="343"/>
        <source>The token endpoint&apos;s answer is missing or mistypes a required field (%1). The server does not follow RFC 6749.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="353"/>
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
    <name>chartkey::api</name>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="110"/>
        <source>Unknown method &quot;%1&quot;; the method is one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="114"/>
        <source>A %1 request has no body: send one with POST, PUT or PATCH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="119"/>
        <source>The request needs a path (Patient?name=Briddle) or a URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="124"/>
        <source>%1 is neither a path under the profile&apos;s API (Patient?name=Briddle) nor an https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="127"/>
        <location filename="../../app/core/api/apicall.cpp" line="192"/>
        <source>The URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="135"/>
        <source>A field needs a name: NAME=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="137"/>
        <source>&quot;%1&quot;: nested fields (NAME[KEY]) are not supported; give the whole body as JSON instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="141"/>
        <source>The field &quot;%1&quot; is given twice; a JSON body has one member of each name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="148"/>
        <source>&quot;%1&quot; is not a header name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="150"/>
        <source>The value of header %1 has a line break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="152"/>
        <source>The Authorization header is chartkey&apos;s: it sends the profile&apos;s token there, and no other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="156"/>
        <source>The %1 header is set from the request itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="198"/>
        <source>The token of %1 goes only to the profile&apos;s own servers (%2); %3 is not one of them. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="230"/>
        <source>The profile %1 has no notes API; give a full URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/api/apicall.cpp" line="232"/>
        <source>The profile %1 has no FHIR base URL; give a full URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::check</name>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="54"/>
        <source>
… (%1 characters in all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="24"/>
        <source>%1 s (%2 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="25"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="83"/>
        <source>The profile&apos;s %1 is %2 but the server publishes %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="86"/>
        <source>token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="88"/>
        <source>authorization URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="92"/>
        <source>The profile expects the issuer %1 but the document says %2; the redirect&apos;s iss is compared with the profile&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="97"/>
        <source>Fetched %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="99"/>
        <source>Issuer %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="100"/>
        <source>Token endpoint %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="102"/>
        <source>Authorization endpoint %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="104"/>
        <location filename="../../app/core/check/verdicts.cpp" line="307"/>
        <source>PKCE methods: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="107"/>
        <source>Correct the profile&apos;s endpoints (chartkey profile add --preset ... fills them from discovery), or ask the server&apos;s operator to fix the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="131"/>
        <source>token_type is &quot;%1&quot;, not Bearer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="133"/>
        <source>token_type Bearer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="135"/>
        <source>No expires_in: chartkey cannot know when the token ends and renews it only after the API refuses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="138"/>
        <source>expires_in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="142"/>
        <source>The EHR granted fewer scopes than requested; dropped: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="145"/>
        <source>Granted every requested scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="147"/>
        <source>Granted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="153"/>
        <source>A refresh token came with it (offline_access).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="155"/>
        <source>offline_access was granted but no refresh token came: the user will have to sign in again every time the access token ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="158"/>
        <source>No refresh token: offline_access was not granted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="164"/>
        <source>The token response has no &quot;Cache-Control: no-store&quot; (RFC 6749 section 5.1 requires it): a proxy or cache may keep the tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="167"/>
        <source>Cache-Control: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="171"/>
        <source>The token response has no &quot;Pragma: no-cache&quot; (RFC 6749 section 5.1; Inferno checks it): an HTTP/1.0 cache may keep the tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="174"/>
        <source>Pragma: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="185"/>
        <source>%1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="189"/>
        <source>%1 is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="199"/>
        <source>expires_in is %1, not an integer number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="206"/>
        <source>The token response&apos;s fields do not have the types RFC 6749 section 5.1 gives them: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="211"/>
        <source>The token response names no scope: SMART App Launch requires it, and without it a client cannot tell what it was granted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="217"/>
        <source>Allow the dropped scopes on the application (Canvas: the application&apos;s scopes), or stop asking for them in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="220"/>
        <source>The token endpoint&apos;s answer is the server&apos;s to fix: report what is listed here to its operator (RFC 6749 section 5.1, SMART App Launch &quot;Obtain access token&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="254"/>
        <source>The SMART configuration has no capabilities array (SMART App Launch requires one): a client cannot learn which launches, client types and permissions the server supports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="258"/>
        <source>Capabilities: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="289"/>
        <source>The capabilities do not name what this registration uses: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="297"/>
        <source>code_challenge_methods_supported is missing: SMART App Launch 2.0 requires it, with S256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="300"/>
        <source>code_challenge_methods_supported (%1) does not include S256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="303"/>
        <source>code_challenge_methods_supported includes &quot;plain&quot;: SMART App Launch forbids it (the challenge then is the verifier, and intercepting the authorization request is enough to redeem the code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="317"/>
        <source>sso-openid-connect is declared but %1 missing: a client cannot verify ID tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="320"/>
        <source> are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="320"/>
        <source> is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="322"/>
        <source>issuer and jwks_uri are given (sso-openid-connect).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="329"/>
        <source>token_endpoint_auth_methods_supported is missing (SMART App Launch 2.0 lists it): a client cannot learn how to authenticate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="336"/>
        <source>token_endpoint_auth_methods_supported (%1) names neither client_secret_basic nor client_secret_post, which this client uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="340"/>
        <source>Token endpoint authentication: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="345"/>
        <source>grant_types_supported is missing (SMART App Launch 2.0 requires it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="360"/>
        <source>grant_types_supported (%1) does not name %2, which this registration uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="363"/>
        <source>Grant types: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="365"/>
        <source>The endpoints the profile uses were compared with these in the discovery step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="370"/>
        <source>The server&apos;s SMART configuration is the server&apos;s to fix: report what is listed here to its operator (SMART App Launch, &quot;Conformance&quot;). chartkey keeps working with the profile&apos;s own settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="375"/>
        <source>Ask the server&apos;s operator whether the registration&apos;s features are supported and, if so, to list them in the SMART configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="385"/>
        <source>The introspection answer has no boolean &quot;active&quot; (RFC 7662 section 2.2 requires it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="387"/>
        <source>Report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="389"/>
        <source>The introspection endpoint says the check&apos;s live access token is not active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="391"/>
        <source>A resource server that introspects would refuse this token; report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="394"/>
        <source>active: true.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="414"/>
        <source>client_id is %1, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="418"/>
        <source>The introspection answer for an active token lacks %1 (SMART App Launch &quot;Token Introspection&quot; requires them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="425"/>
        <source>A resource server that introspects cannot tell what the token allows or when it ends; report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="443"/>
        <source>(no scope stated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="445"/>
        <source>The API refused the token (HTTP 401). Granted scope: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="447"/>
        <source>The token is expired or revoked: create a new one and store it with chartkey profile set-token %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="449"/>
        <source>The API does not accept tokens from this token endpoint: check that the FHIR base URL belongs to the same EHR instance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="453"/>
        <source>The API refused to read with this token (HTTP 403). Granted scope: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="456"/>
        <source>Allow the developer key the scopes it needs, or turn scope enforcement off on the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="458"/>
        <source>Ask for a scope that allows reading patients (user/Patient.read, system/Patient.read or patient/Patient.read) and allow it on the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="461"/>
        <source>The API answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/verdicts.cpp" line="462"/>
        <source>Read the server&apos;s answer below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="98"/>
        <source>no answer within the time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="162"/>
        <source>No token is stored in the keychain for profile “%1”. Store it first (chartkey profile set-token %1, or Sign in in the desktop app), then run the check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="175"/>
        <source>The token stored for profile “%1” cannot be read. Store it again (chartkey profile set-token %1), then run the check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="201"/>
        <source>No client secret is stored in the keychain for profile “%1”, a confidential client. Store it (chartkey profile set-secret %1, or File → Edit profile in the desktop app), then run the check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="642"/>
        <source>a wrong code_verifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="643"/>
        <source>no code_verifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="644"/>
        <source>a blank code_verifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="645"/>
        <source>the code_challenge sent as code_verifier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::check::CheckReport</name>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="104"/>
        <source>Checking the registration of client %1 on profile &quot;%2&quot; (%3)

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="119"/>
        <source>Hint: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="121"/>
        <source>Server answered:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="133"/>
        <source>%1 passed, %2 warnings, %3 failed, %4 skipped in %5 ms. %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="139"/>
        <source>The registration works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="140"/>
        <source>The registration does not work as configured; see the hints above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::check::CheckReportModel</name>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="187"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="218"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="220"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="222"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/checkreport.cpp" line="224"/>
        <source>What was found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::check::RegistrationCheck</name>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="555"/>
        <source>Stopped before this step finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="388"/>
        <source>Discovery document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="398"/>
        <source>The profile names no discovery document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="409"/>
        <source>%1 could not be fetched: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="410"/>
        <source>Check the discovery URL in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="414"/>
        <source>%1 answered HTTP %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="415"/>
        <source>Check the discovery URL in the profile; for SMART servers it is {FHIR base}/.well-known/smart-configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="417"/>
        <source>The server does not publish it; chartkey uses the profile&apos;s endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="424"/>
        <source>The URL must serve the JSON document itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="450"/>
        <source>Redirect URI accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="481"/>
        <source>The authorization endpoint %1 could not be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="483"/>
        <source>Check the authorization URL in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="494"/>
        <source>The EHR accepted the redirect URI %1 and answered on it at once (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="499"/>
        <source>The EHR accepted client %1 with the redirect URI %2 and showed its sign-in (HTTP %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="508"/>
        <source>The authorization endpoint answered HTTP %1 with neither a sign-in page nor an OAuth error, so whether it accepts client %2 and the redirect URI %3 cannot be told yet; the browser step will show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="512"/>
        <source>The server&apos;s answer and the request are shown with --details (or below, in the window).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="524"/>
        <source>Authorization in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="526"/>
        <source>Nothing to authorize.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="558"/>
        <source>chartkey could not listen for the redirect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="563"/>
        <source>Stopped before the browser answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="570"/>
        <source>A redirect with an answer arrived but without this attempt&apos;s state (%1): the EHR must send state back unchanged (RFC 6749 section 4.1.2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="574"/>
        <source>The sign-in was declined. Sign in as a user allowed to use the application and approve the requested access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="577"/>
        <source>The application is not allowed the scope &quot;%1&quot;. Allow those scopes on the application, or ask for fewer in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="580"/>
        <source>The application may not use the authorization-code grant. Set its grant type to &quot;Authorization code&quot; on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="583"/>
        <source>Finish the sign-in in the browser, or open the authorization URL by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="591"/>
        <source>GET %1?code=[redacted]&amp;state=[matched]%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="596"/>
        <source>The redirect came back to %1 with a code and this attempt&apos;s state (compared in constant time) after %2 ms in the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="600"/>
        <source>It carried no iss (RFC 9207 is optional; Canvas does not send it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="602"/>
        <source>iss was %1 (not compared: the profile names no issuer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="604"/>
        <source>iss was %1, as expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="612"/>
        <source>PKCE enforced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="614"/>
        <source>No authorization code to test with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="620"/>
        <source>A confidential client&apos;s secret authenticates the code exchange; PKCE enforcement is tested for public clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="622"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1005"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1645"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1680"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1748"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1819"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1853"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1887"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1933"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1996"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2088"/>
        <source>Skipped as asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="742"/>
        <source>Not tested: %1 was sent on a code the first refusal had used up, so its refusal proves nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="764"/>
        <source>PKCE negative %1 of %2 (%3) needs a code of its own: the EHR used the first code up when the wrong code_verifier was refused (RFC 6749 allows that), so a later negative on it proves nothing. Sign in once more in the browser (--thorough: sign-in %4 of %5 for the PKCE negatives).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="781"/>
        <source>The sign-in for its own code did not give one: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="788"/>
        <source>(On a code of its own.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="825"/>
        <source>Whether PKCE is enforced cannot be told from this answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="827"/>
        <source>The EHR used the code up at the first refused exchange (RFC 6749 allows that): the exchange with the right code_verifier then failed too. PKCE is enforced; only the first negative met a live code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="832"/>
        <source>Finish each sign-in in the browser (or open the address shown by hand) and run the check with --thorough again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="836"/>
        <source>Run with --thorough to test it on its own code (1 more sign-in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="837"/>
        <source>Run with --thorough to test each on its own code (%1 more sign-ins).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="840"/>
        <source>Each negative after the first was sent on a code of its own (--thorough): the EHR uses a code up at a refused exchange (RFC 6749 allows that).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="843"/>
        <source>All four exchanges used the same code, and it was still redeemed with the right code_verifier afterwards: each refusal was for its verifier alone. The token-response step&apos;s tokens come from that exchange.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="848"/>
        <source>The exchange with the right code_verifier failed as well (%1), so whether the refusals were for the verifier cannot be told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="851"/>
        <source>Fix what the token-response step reports, then run the check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="865"/>
        <source>Token response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="893"/>
        <source>No authorization code to exchange.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="927"/>
        <source>The client secret is wrong: copy it again from the application and run chartkey profile set-secret %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="930"/>
        <source>The application is registered as confidential: give chartkey its secret, or register a public client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="933"/>
        <source>The code or redirect URI was refused. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="966"/>
        <source>Each PKCE negative used up the code it was sent with (the EHR does that after a refused exchange; RFC 6749 allows it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="974"/>
        <source>The token steps have no code left to run with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="975"/>
        <source>Run the check without --no-second-sign-in: it then asks you to sign in once more for a fresh code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="986"/>
        <source>The second sign-in did not give a code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="998"/>
        <source>ID token (OpenID Connect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1005"/>
        <source>No tokens to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1013"/>
        <source>The EHR granted openid but sent no id_token with the tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1014"/>
        <source>The EHR did not grant the openid scope, and sent no ID token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1015"/>
        <source>Allow OpenID Connect (the openid scope) on the application, or remove openid from the profile&apos;s scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1026"/>
        <source>The server&apos;s ID token does not pass OpenID Connect Core section 3.1.3.7; a client must not trust who it names. Report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1032"/>
        <source>Signature verified with the server&apos;s keys (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1034"/>
        <source>iss %1; aud holds %2; issued %3, expires %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1037"/>
        <source>The nonce matched this sign-in&apos;s (compared in constant time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1039"/>
        <source>at_hash matches the access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1040"/>
        <source>sub %1%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1056"/>
        <source>fhirUser %1 is readable with the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1061"/>
        <source>fhirUser %1 could not be read with the token (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1063"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1246"/>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1066"/>
        <source>Grant the user scope that reads the fhirUser resource (SMART: fhirUser together with user/Practitioner.read, or the resource&apos;s type).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1117"/>
        <source>Token response (client credentials)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1123"/>
        <source>The client ID or secret is wrong: copy them again from the application and run chartkey profile set-secret %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1127"/>
        <source>The application may not use the client-credentials grant: set its grant type on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1130"/>
        <source>The application is not allowed &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1140"/>
        <source>Tokens issued without a requested scope: Canvas then grants full access to every resource the application may reach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1142"/>
        <source>Ask for the scopes the integration needs (for example system/Patient.read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1151"/>
        <source>Wrong client secret refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1157"/>
        <source>The profile has no client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1163"/>
        <source>No refresh token to test with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1175"/>
        <source>The EHR issued tokens to a request with a wrong client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1176"/>
        <source>The server does not authenticate this client; report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1181"/>
        <source>Refused with invalid_client (HTTP %1), as RFC 6749 section 5.2 says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1184"/>
        <source>Refused, but with %1 rather than invalid_client: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1186"/>
        <source>no OAuth error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1339"/>
        <source>Stored token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1342"/>
        <source>No token is stored for this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1343"/>
        <source>Store the token from the dashboard with: chartkey profile set-token %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1347"/>
        <source>A static token is stored in the keychain (%1 characters); it is never renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1355"/>
        <source>API read (users/self)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1356"/>
        <source>API read (FHIR Patient)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1359"/>
        <source>No access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1360"/>
        <source>The profile names no FHIR base URL to read from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1366"/>
        <source>Check the FHIR base URL in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1374"/>
        <source>a Bundle with total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1376"/>
        <source>the user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1378"/>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1379"/>
        <source>GET %1 with the token: HTTP 200, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1392"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1394"/>
        <source>No refresh token was issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1404"/>
        <source>The refresh grant must work for a user to stay signed in; check that the application allows the refresh_token grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1411"/>
        <source>A refresh gave a new access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1415"/>
        <source>The refresh token rotated (a new one came with it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1419"/>
        <source>No new refresh token came: the old one stays in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1420"/>
        <source>The same refresh token came back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1429"/>
        <source>Refresh tokens do not rotate: a stolen refresh token stays usable for as long as the grant lives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1431"/>
        <source>Canvas documents single-use refresh tokens, rotated on every refresh. Ask the server&apos;s operator whether rotation is turned off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1438"/>
        <source>Old access token after refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1441"/>
        <source>Needs a working API read and a refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1447"/>
        <source>The access token from before the refresh still works; it ends when it expires (allowed; the EHR does not revoke it on refresh).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1451"/>
        <source>The access token from before the refresh is refused (HTTP 401): the EHR revokes it on refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1454"/>
        <source>The API answered HTTP %1 for the old access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1461"/>
        <source>Revocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1472"/>
        <source>Canvas LMS revokes with DELETE /login/oauth2/token, not RFC 7009; not tested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1476"/>
        <source>The profile has no revocation URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1474"/>
        <source>No token to revoke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="691"/>
        <source>The EHR issued tokens for a code exchange with %1: it does not enforce PKCE. Anyone who intercepts the redirect (another program on this computer can listen for it) can redeem the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="820"/>
        <source>Require PKCE (S256) for public clients on the server, and refuse a token request whose code_verifier is missing, blank or does not hash to the challenge. The tokens it issued are used for the rest of this check and revoked at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="707"/>
        <source>The EHR refused %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="712"/>
        <source>The exchange with %1 failed, but not with invalid_grant: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="968"/>
        <source>The EHR used the code up when the PKCE probe&apos;s wrong code_verifier was refused (RFC 6749 allows that; PKCE is enforced). Only that first PKCE negative was conclusive; the later ones met a used code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="980"/>
        <source>Sign in once more in the browser for a fresh code for the token steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1103"/>
        <source>From one more sign-in: each PKCE negative had used up the code it was sent with (the EHR does that after a refused exchange; RFC 6749 allows it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1106"/>
        <source>From a second sign-in: the PKCE probe&apos;s refused exchange had used the first code up (RFC 6749 allows that). Only that first PKCE negative (a wrong code_verifier) met a live code; the pkce step says which ones that left untested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1156"/>
        <source>The client authenticates with a key, not a secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1200"/>
        <source>Client assertions checked by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1202"/>
        <source>Skipped (--skip).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1208"/>
        <source>No signing key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1221"/>
        <source>a wrong aud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1226"/>
        <source>an expired assertion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1231"/>
        <source>a key not in the registered JWKS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1247"/>
        <source>%1, HTTP %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1254"/>
        <source>The server refused a valid assertion (%1), so the probes prove nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1256"/>
        <source>Run the check again; if it repeats, check the server&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1266"/>
        <source> Its tokens live %1 s; SMART Backend Services recommends no more than 300 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1270"/>
        <source> Its tokens live %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1273"/>
        <source>The server accepted %1; it refused %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1274"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1275"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1286"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1291"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1275"/>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1277"/>
        <source>The server does not check client assertions as RFC 7523 requires; report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1284"/>
        <source>The server refused %1, but accepted a replayed assertion (the same jti twice); RFC 7523 makes replay protection optional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1290"/>
        <source>a replayed jti (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1291"/>
        <source>The server refused %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1310"/>
        <source>%1 (not made)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1316"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1477"/>
        <source>The server offers no revocation endpoint (its discovery document names none): signing out removes the tokens from this computer, and they end when they expire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1491"/>
        <source>The server does not revoke access tokens (unsupported_token_type, RFC 7009 section 2.2.1): they stay valid until they expire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1494"/>
        <source>Keep client-credentials tokens short-lived on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1495"/>
        <source>Signing out revokes the refresh token, which ends the grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1503"/>
        <source>This server does not let a public client revoke its tokens (%1). Signing out removes them from this computer; they end when they expire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1506"/>
        <source>Its discovery document says so too: revocation_endpoint_auth_methods_supported is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1510"/>
        <source>Keep access tokens short-lived on the server, or let public clients revoke (RFC 7009 section 2.1 allows it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1516"/>
        <source>There is no revocation endpoint at %1 (HTTP 404)%2: signing out removes the tokens from this computer, and they end when they expire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1520"/>
        <source>, and the discovery document names none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1522"/>
        <source>If the server has one elsewhere, set the profile&apos;s revocation URL to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1528"/>
        <source>Signing out cannot be sure the tokens ended on the server; check the revocation URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1534"/>
        <source>Signing out cannot end the session on the server; check the revocation URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1540"/>
        <source>The revocation endpoint accepted the request (HTTP 200); whether the token is refused afterwards was not tested (no working API read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1547"/>
        <source>Revoked the access token (HTTP 200); the API then refused it (HTTP 401).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1550"/>
        <source>The revocation endpoint answered 200, but the API still accepts the revoked token. It is a JWT, which an API checks by its signature: it stays usable until it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1554"/>
        <source>Keep access tokens short-lived on the server; revoking the refresh token ends the grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1557"/>
        <source>The revocation endpoint answered 200, but the API still accepts the revoked token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1559"/>
        <source>Revocation does not reach the API: signing out leaves the token usable until it expires. Report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1562"/>
        <source>After revocation the API answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1578"/>
        <source>Signing out cannot end the session on the LMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1585"/>
        <source>DELETE /login/oauth2/token ended the token; the API then refused it (HTTP 401).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1589"/>
        <source>After DELETE /login/oauth2/token the API answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1592"/>
        <source>Report it to the LMS&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1599"/>
        <source>Old refresh token refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1601"/>
        <source>The refresh token did not rotate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1613"/>
        <source>The replaced refresh token still works: the EHR rotates refresh tokens but does not invalidate the old ones, so rotation protects nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1615"/>
        <source>Report it to the server&apos;s operator: a used refresh token must be refused (invalid_grant).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1620"/>
        <source>Reusing the replaced refresh token is refused with invalid_grant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1622"/>
        <source>Reusing the replaced refresh token failed, but with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1631"/>
        <source>SMART configuration fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1646"/>
        <source>No SMART configuration was read (see the discovery step).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1661"/>
        <source>TLS versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1681"/>
        <source>No https endpoint: %1 (loopback http, where TLS does not apply).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1696"/>
        <source>Serve TLS 1.2 or newer only (ONC (g)(10) and SMART App Launch require it); report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1710"/>
        <source>%1: no TLS 1.2 or newer handshake: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1712"/>
        <source>%1 speaks %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1720"/>
        <source>%1 accepts a handshake limited to TLS 1.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1727"/>
        <source>%1 refuses a handshake limited to TLS 1.1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1732"/>
        <source>%1: whether TLS 1.0/1.1 are refused could not be told: this computer&apos;s TLS library did not complete such a handshake (%2). Test it with: openssl s_client -connect %1 -tls1_1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1745"/>
        <source>Wrong aud refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1749"/>
        <source>No authorization request to vary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1755"/>
        <source>The profile&apos;s authorization request carries no aud (SMART profiles send the FHIR base as aud; this one does not), so there is nothing to vary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1773"/>
        <source>The authorization endpoint could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1781"/>
        <source>The EHR must compare aud with its own FHIR base URLs before any sign-in (SMART App Launch: the EHR SHALL confirm aud); otherwise an app can be tricked into sending its token to an impostor&apos;s server. Report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1787"/>
        <source>The EHR showed its sign-in (HTTP %1) for an authorization request whose aud is %2, which is not its FHIR server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1793"/>
        <source>The EHR answered an authorization request whose aud is %1 with a code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1799"/>
        <source>The EHR refused an authorization request whose aud is %1 (HTTP %2: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1807"/>
        <source>The authorization endpoint answered HTTP %1 to a request whose aud is %2, with neither a sign-in page nor an OAuth error: whether it refuses it cannot be told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1810"/>
        <source>Read the server&apos;s answer below (--details).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1816"/>
        <source>Invalid code refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1820"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1854"/>
        <source>No sign-in to take the redirect URI from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1832"/>
        <source>The EHR issued tokens for a made-up authorization code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1833"/>
        <source>The token endpoint does not look codes up: anyone can get tokens. Report it to the server&apos;s operator at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1838"/>
        <source>A made-up code is refused with invalid_grant (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1841"/>
        <source>A made-up code is refused, but not with invalid_grant (RFC 6749 section 5.2): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1843"/>
        <source>A client cannot tell a used-up or expired code from other faults; report the error code to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1850"/>
        <source>Invalid client ID refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1865"/>
        <source>The EHR issued tokens to a client ID it cannot know (chartkey-check-unknown-client).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1867"/>
        <source>The token endpoint does not check the client; report it to the server&apos;s operator at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1872"/>
        <source>An unknown client ID is refused with invalid_client (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1875"/>
        <source>An unknown client ID is refused, but not with invalid_client (RFC 6749 section 5.2): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1877"/>
        <source>Report the error code to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1883"/>
        <source>API read without a token refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1888"/>
        <source>Needs a working API read: an API that refuses every token proves nothing by refusing none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1898"/>
        <source>GET %1 without a token got no answer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1905"/>
        <source>GET %1 without a token: HTTP 401%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1907"/>
        <source> (no WWW-Authenticate header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1908"/>
        <source>, WWW-Authenticate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1913"/>
        <source>GET %1 without a token answered HTTP %2: the API serves its data to anyone who can reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1916"/>
        <source>The API must require a bearer token and answer 401 without one (RFC 6750 section 3.1). Report it to the server&apos;s operator at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1920"/>
        <source>GET %1 without a token answered HTTP %2, not 401.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1922"/>
        <source>RFC 6750 section 3.1 and Inferno expect 401 with WWW-Authenticate; a client then knows to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1929"/>
        <source>Token introspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1934"/>
        <source>The server advertises no introspection endpoint (introspection_endpoint in its discovery document).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1936"/>
        <source>No access token to introspect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1953"/>
        <source>%1 could not be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1954"/>
        <source>The introspection endpoint answered HTTP %1 to this client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1956"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2114"/>
        <source>SMART lets a server keep introspection to its resource servers; if this client should introspect, allow it on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1958"/>
        <source>Check introspection_endpoint in the discovery document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1967"/>
        <source>The check&apos;s live access token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1969"/>
        <source>A made-up token: active: false, as RFC 7662 section 2.2 says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1973"/>
        <source>A made-up token: HTTP %1, %2 (expected 200 with active: false).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1976"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2156"/>
        <source>active: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1977"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2157"/>
        <source>no active field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1981"/>
        <source>The endpoint calls any token active: a resource server that introspects accepts anything. Report it to the server&apos;s operator at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1984"/>
        <source>RFC 7662 section 2.2: an unknown token is answered with {&quot;active&quot;: false}, HTTP 200.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1992"/>
        <source>Invalid refresh token refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="1997"/>
        <source>No refresh token was issued: the refresh grant is not in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2008"/>
        <source>The EHR issued tokens for a made-up refresh token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2009"/>
        <source>The token endpoint does not look refresh tokens up: anyone can get tokens. Report it to the server&apos;s operator at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2014"/>
        <source>A made-up refresh token is refused with invalid_grant (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2017"/>
        <source>A made-up refresh token is refused, but not with invalid_grant (RFC 6749 section 5.2): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2019"/>
        <source>A client cannot tell an ended sign-in from other faults; report the error code to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2039"/>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2048"/>
        <source>Clean-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2040"/>
        <source>The check&apos;s refresh token stays valid on the server: the profile has no revocation URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2042"/>
        <source>Remove the grant on the EHR if it matters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2062"/>
        <source>Revoked the refresh token(s) this check obtained; the profile&apos;s own sign-in was not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2066"/>
        <source>The check&apos;s refresh token may still be valid on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2077"/>
        <source>Revoked token introspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2089"/>
        <source>No token was revoked with success (see the revocation and clean-up steps), so there is none to introspect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2109"/>
        <source>The EHR calls a token it revoked active: a resource server that introspects keeps accepting it after sign-out (RFC 7662 section 2.2, RFC 7009 section 2). Report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2118"/>
        <source>RFC 7662 section 2.2: a revoked token is answered with {&quot;active&quot;: false}, HTTP 200. Read the answer below (--details).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2128"/>
        <source>The refresh token revoked at the clean-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2129"/>
        <source>The access token revoked in the revocation step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2140"/>
        <source>%1: no answer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2143"/>
        <source>%1: HTTP %2, introspection refused to this client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2146"/>
        <source>%1: active: false, as RFC 7662 section 2.2 says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2149"/>
        <source>%1: active: true, after the revocation endpoint accepted its revocation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/check/registrationcheck.cpp" line="2153"/>
        <source>%1: HTTP %2, %3 (expected 200 with active: false).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::cli</name>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="28"/>
        <source>the server gave no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="31"/>
        <source>access expired; renews on next use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="32"/>
        <source>access valid %1 h %2 min%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="35"/>
        <source>, renews automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="46"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="53"/>
        <source>Signed in to %1 (%2). Scope: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="55"/>
        <source>Signed in to %1 as %2 (%3). Scope: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="139"/>
        <source>The renewed token expires in %1 s, sooner than --min-valid %2: the EHR gives no longer-lived tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="141"/>
        <source>The token expires in %1 s, sooner than --min-valid %2: it could not be renewed now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="256"/>
        <source>%1 names no sign-out page for the browser (no end-session URL: the EHR&apos;s discovery document has no end_session_endpoint). Nothing was signed out; run chartkey logout without --end-session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="260"/>
        <source>%1 does not sign in through a browser, so there is no browser sign-in to end. Nothing was signed out; run chartkey logout without --end-session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="280"/>
        <source>It is %1 (chartkey logout --end-session opens it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="289"/>
        <source>Could not open the browser (%1). Open the EHR&apos;s sign-out page by hand to end the browser&apos;s sign-in there: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="296"/>
        <source>Opened the EHR&apos;s sign-out page in the browser (%1): confirm there to end the browser&apos;s sign-in at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="524"/>
        <source>How long to wait for the browser, in seconds (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="73"/>
        <source>&quot;%1&quot; uses a static access token: there is no sign-in. Store a new token (from standard input) with: chartkey profile set-token &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="85"/>
        <source>Opening the browser to sign in to %1. If it does not open, visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="100"/>
        <source>Sign-in took %1 ms: browser %2 ms, code exchange %3 ms, keychain %4 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="215"/>
        <source>%1 (%2) uses a static access token, stored in the keychain on %3. It is used until the EHR refuses it; it is never renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="222"/>
        <source>No static access token is stored for %1 (%2). Store one (from standard input) with: chartkey profile set-token &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="228"/>
        <source>Signed in to %1 (%2) — %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="232"/>
        <source>Signed in to %1 (%2) as %3 — %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="237"/>
        <source>Scope: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="239"/>
        <source>Signed out of %1 (%2). Sign in with: chartkey login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="267"/>
        <location filename="../../app/cli/commandparser.cpp" line="298"/>
        <location filename="../../app/cli/commandparser.cpp" line="500"/>
        <source>Usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="269"/>
        <source>Without a command, chartkey opens the desktop app (on the profile NAME with chartkey --profile NAME).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="272"/>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="281"/>
        <source>Options for every command, before or after it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="288"/>
        <source>Exit status: 0 success, 1 failure, 2 usage error, 3 sign-in needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="305"/>
        <source>Subcommands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="309"/>
        <source>Each one&apos;s options: chartkey %1 SUBCOMMAND --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="315"/>
        <source>Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="324"/>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="326"/>
        <source>Every command also takes --timeout SECONDS and --verbose (see chartkey --help).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="371"/>
        <source>at least one %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="373"/>
        <source>%1 needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="384"/>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="414"/>
        <source>An argument that begins with - goes after --: chartkey %1 -- %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="431"/>
        <source>No command given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="436"/>
        <source>%1 needs a subcommand: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="466"/>
        <location filename="../../app/cli/commandtable.cpp" line="263"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="478"/>
        <source>Unknown %1 subcommand &quot;%2&quot;; the subcommands are: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="501"/>
        <source>See: %1</source>
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
        <location filename="../../app/cli/commandtable.cpp" line="608"/>
        <source>Part of a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="609"/>
        <source>Family name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="610"/>
        <source>Given name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="620"/>
        <source>At most N patients (default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="48"/>
        <source>%1 needs a value that is not empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="58"/>
        <source>%1 takes a profile name (letters, digits, space, dot, dash and underscore; at most 64), not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="71"/>
        <source>%1 takes a number of seconds from 0.001 to %2, not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="86"/>
        <source>%1 takes an https:// URL, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="98"/>
        <source>%1 takes a whole number of seconds from 0 to %2, not &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="111"/>
        <source>%1 takes NAME=VALUE, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="113"/>
        <source>%1 %2: chartkey does not read a field from a file; send a body with --input FILE, or give the text with -f.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="124"/>
        <source>--header takes &apos;Name: value&apos;, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="131"/>
        <source>--redirect-uri takes a loopback URI with a path, such as http://127.0.0.1/callback (any port) or http://127.0.0.1:8765/callback (that port), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="194"/>
        <source>What each preset needs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="199"/>
        <source>   (then: chartkey profile set-token NAME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="201"/>
        <source>, or --grant static-token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="203"/>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="244"/>
        <source>A static-token profile has no client to authenticate: leave out --client-auth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="248"/>
        <source>--client-secret-stdin goes with --client-auth client_secret_basic or client_secret_post, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="252"/>
        <source>The client-credentials grant needs a client that authenticates: --client-auth client_secret_basic, client_secret_post or private_key_jwt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="273"/>
        <source>The profile to use (not needed when there is only one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="276"/>
        <source>The browser command, for sign-ins and sign-out pages (else $CHARTKEY_BROWSER, else the desktop&apos;s default browser).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="280"/>
        <source>How long to wait for the network or the keychain (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="283"/>
        <source>Log what happens on the wire (secrets are redacted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="285"/>
        <source>Print JSON instead of text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="287"/>
        <source>Show this help; after a command, that command&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="289"/>
        <source>Print the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="295"/>
        <source>The profile&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="305"/>
        <source>Add an EHR profile for a server preset; each preset needs options of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="311"/>
        <source>The kind of server: %1 (default canvas).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="316"/>
        <source>Unknown preset &quot;%1&quot;; --preset is one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="329"/>
        <source>The OAuth client ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="332"/>
        <source>Read a confidential client&apos;s secret from standard input (it goes to the keychain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="336"/>
        <source>How the client authenticates: %1 (default: the preset&apos;s, or client_secret_post with a secret and none without; from the discovery document when it says).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="343"/>
        <source>Unknown client authentication &quot;%1&quot;; --client-auth is one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="346"/>
        <source>Scopes to ask for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="349"/>
        <source>Loopback redirect URI; without a port any free port is used. Default http://127.0.0.1/callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="353"/>
        <source>%1 (the preset&apos;s default when not given).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="357"/>
        <source>Unknown grant &quot;%1&quot;; --grant is one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="368"/>
        <source>Where the browser&apos;s sign-in at the server ends (OpenID RP-initiated logout&apos;s end_session_endpoint), instead of the discovery document&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="391"/>
        <source>The profiles: name, instance, client ID, grant and preset, one per line (and &quot;managed&quot; for a managed profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="398"/>
        <source>A profile&apos;s settings (never a secret).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="405"/>
        <source>Remove a profile and its keychain entries (run logout first to revoke its tokens at the EHR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="412"/>
        <source>Store a confidential client&apos;s secret, read from standard input, in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="419"/>
        <source>Store a static access token (canvas-sandbox-token, canvas-lms), read from standard input, in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="426"/>
        <source>The profile as JSON, without secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="436"/>
        <source>Add a profile from an exported JSON file (never with a secret).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="456"/>
        <source>The signature algorithm: %1 (default ES384; a rotation keeps the current key&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="462"/>
        <source>Unknown algorithm &quot;%1&quot;; --alg is one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="468"/>
        <source>Make the profile&apos;s key pair for private_key_jwt; the private key goes to the keychain only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="476"/>
        <source>Print the public key to register with the server: a JWKS (every key not retired), a PEM public key or a self-signed X.509 certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="479"/>
        <source>jwks (default), pem or x509 (pem and x509: the key that signs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="485"/>
        <source>Unknown format &quot;%1&quot;; --format is one of: jwks, pem, x509.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="493"/>
        <source>Add an existing private key, PEM on standard input (unencrypted); it signs from then on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="496"/>
        <source>For an RSA key: RS256, RS384 (default), RS512, PS256 or PS384 (an EC key&apos;s follows its curve).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="504"/>
        <source>Add a new key that signs from now on; the old one stays in the JWKS until retired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="512"/>
        <source>Remove an older key (by its kid) from the keychain and the JWKS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="513"/>
        <source>The key&apos;s kid, as key show prints it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="531"/>
        <source>Add, list, show, remove, export and import EHR profiles, and store their secrets in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="537"/>
        <source>Make, show, import, rotate and retire the profile&apos;s keys for private_key_jwt (kept in the keychain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="543"/>
        <source>Sign in through the browser and keep the tokens in the system keychain; prints the address too, to open by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="551"/>
        <source>Print a valid access token (renewed when due) and nothing else; never opens a browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="553"/>
        <source>For curl: curl -H &quot;$(chartkey token --format header)&quot; URL
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="556"/>
        <source>bare (default): the token alone; header: &quot;Authorization: Bearer TOKEN&quot;; json: access_token, token_type, expires_at and scope (never the refresh token nor the ID token). --json is --format json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="563"/>
        <source>Unknown format &quot;%1&quot;; --format is one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="567"/>
        <source>Renew the token first when it would expire within SECONDS (for a long script).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="576"/>
        <source>--json is --format json: it does not go with --format %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="583"/>
        <source>The profile&apos;s sign-in state, without secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="589"/>
        <source>Revoke the tokens at the EHR and remove them from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="592"/>
        <source>Also end the browser&apos;s sign-in at the EHR: open its sign-out page (OpenID RP-initiated logout), where the EHR names one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="606"/>
        <source>Search patients: id, name, birth date, gender and MRN, one per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="611"/>
        <source>Birth date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="617"/>
        <source>--birthdate takes a date as YYYY-MM-DD, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="625"/>
        <source>--limit takes a positive number, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="633"/>
        <source>A patient&apos;s appointments and the note each carries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="635"/>
        <source>The patient&apos;s FHIR id (see chartkey patients).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="641"/>
        <source>PATIENT_ID is a FHIR id (letters, digits, dot and dash; at most 64), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="650"/>
        <source>Run a note action on one or more notes, one result line each. ACTION: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="657"/>
        <source>Unknown note action &quot;%1&quot;; ACTION is one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="660"/>
        <source>One or more note ids (see chartkey appointments).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="665"/>
        <source>&quot;%1&quot; is not a note id: NOTE_ID is not empty and has no spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="673"/>
        <source>Test the profile&apos;s app registration end to end (discovery, redirect URI, PKCE, tokens, refresh, API, revocation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="693"/>
        <source>When the PKCE probe uses the code up, skip the token steps instead of asking for a second sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="697"/>
        <source>When the EHR uses a code up after a refused exchange, give each PKCE negative a code of its own (three more sign-ins), so all four are tested. Changes nothing on a server that keeps the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="705"/>
        <source>--thorough asks for more sign-ins and --no-second-sign-in for none: give one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="713"/>
        <source>Send one request to the EHR&apos;s API with the profile&apos;s token and print the answer (like gh api).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="715"/>
        <source>PATH is relative to the profile&apos;s FHIR base (Patient?name=Briddle,
Appointment/123) or, with --base notes, to its notes API (notes/ID/lock); or it
is a full URL on the profile&apos;s own servers (its FHIR base, instance and notes
API). The token goes to no other server: another URL is refused before the
token is read or anything is sent. The token is reused and renewed when due; a
401 renews it once and the request is sent once more.

Output: the answer&apos;s body as received (pretty-printed JSON on a terminal).
--paginate follows the Bundle&apos;s next links and prints one Bundle of every
entry; --ndjson prints each resource on a line of its own, as pages arrive.
Exit status: 0 for a 2xx answer; 1 for another (its body on standard output,
what it says on standard error); 2 usage error; 3 sign-in needed.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="729"/>
        <source>A path under the profile&apos;s API, or a full URL on its servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="733"/>
        <source>GET (default, or POST with --input), HEAD, POST, PUT, PATCH or DELETE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="738"/>
        <source>A string field: a query parameter for GET, HEAD and DELETE (and with --input), a member of the JSON body for POST, PUT and PATCH. Repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="744"/>
        <source>A typed field: true, false, null and integers are sent as JSON values, the rest as strings. Repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="749"/>
        <source>A request header; repeatable. Accept and Content-Type replace chartkey&apos;s; Authorization is chartkey&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="754"/>
        <source>Send the body from FILE (- for standard input) as it is; content type application/fhir+json (notes API: application/json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="758"/>
        <source>What PATH is relative to: the FHIR base (default) or the notes API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="763"/>
        <source>--base is fhir or notes, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="766"/>
        <source>Follow the Bundle&apos;s next links; print one Bundle of every entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="769"/>
        <source>Print each resource of the Bundle on a line of its own (NDJSON), as the pages arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="773"/>
        <source>Print the answer&apos;s status line and headers before its body, and the request&apos;s on standard error (credentials redacted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="783"/>
        <source>This help, or a command&apos;s: chartkey help COMMAND is chartkey COMMAND --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="785"/>
        <source>A command, e.g. logout or profile add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="383"/>
        <location filename="../../app/cli/commandtable.cpp" line="444"/>
        <source>Replace an existing profile of that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="156"/>
        <source>A profile named &quot;%1&quot; exists already. Remove it first, or add --replace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="211"/>
        <source>--client-secret-stdin was given, but standard input held no secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="77"/>
        <location filename="../../app/cli/profilecommands.cpp" line="115"/>
        <location filename="../../app/cli/profilecommands.cpp" line="153"/>
        <location filename="../../app/cli/profilecommands.cpp" line="204"/>
        <source>The profile was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="47"/>
        <source>Store its access token (from standard input) with: chartkey profile set-token &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="51"/>
        <source>Make its key with: chartkey key generate --profile &quot;%1&quot;, then register the JWKS that chartkey key show --profile &quot;%1&quot; prints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="55"/>
        <source>Store its client secret (from standard input) with: chartkey profile set-secret &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="59"/>
        <source>Get a token with: chartkey login --profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="61"/>
        <location filename="../../app/cli/profilecommands.cpp" line="384"/>
        <source>Sign in with: chartkey login --profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="62"/>
        <source>Added profile &quot;%1&quot; (%2, %3); its client secret is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="64"/>
        <source>Added profile &quot;%1&quot; (%2, %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="320"/>
        <source>The EHR instance URL, e.g. https://example.canvasmedical.com (canvas, canvas-sandbox-token, canvas-lms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="323"/>
        <source>The FHIR base URL (smart: required; canvas: derived for *.canvasmedical.com; openid: optional).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="326"/>
        <source>The discovery document (openid: required, e.g. https://login.example.com/.well-known/openid-configuration; smart: default {fhir-base}/.well-known/smart-configuration).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="360"/>
        <source>The authorization endpoint (instead of the preset&apos;s or the discovery document&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="363"/>
        <source>The token endpoint (instead of the preset&apos;s or the discovery document&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="365"/>
        <source>The revocation endpoint (RFC 7009), instead of the preset&apos;s or the discovery document&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="371"/>
        <source>An extra authorization parameter (launch, aud, prompt); repeatable. Canvas&apos;s launch=e30= is the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="376"/>
        <source>--auth-param takes NAME=VALUE, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="380"/>
        <source>The issuer expected in the redirect (RFC 9207); default the instance URL (canvas) or the discovery document&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="235"/>
        <source>profile add --preset %1 needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="373"/>
        <location filename="../../app/cli/commandtable.cpp" line="235"/>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="237"/>
        <source>A static-token profile has no client secret. Add the profile, then store the token with: chartkey profile set-token NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="225"/>
        <source>The discovery URL is not valid: give --discovery-url URL, or the endpoints with --authorize-url, --token-url and --revoke-url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="229"/>
        <source>Reading the endpoints from %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="237"/>
        <source>Pass them with --authorize-url URL, --token-url URL and --revoke-url URL. The profile was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="244"/>
        <source>Endpoints from %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="253"/>
        <source> (as given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="256"/>
        <source>authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="258"/>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="259"/>
        <source>revocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="260"/>
        <source>end session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="261"/>
        <source>issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="263"/>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="279"/>
        <location filename="../../app/cli/profilecommands.cpp" line="322"/>
        <location filename="../../app/cli/profilecommands.cpp" line="393"/>
        <location filename="../../app/cli/profilecommands.cpp" line="438"/>
        <location filename="../../app/cli/profilecommands.cpp" line="548"/>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="283"/>
        <source>&quot;%1&quot; uses the %2 grant: its tokens come from signing in (chartkey login --profile &quot;%1&quot;). set-token is for static-token profiles, such as chartkey profile add NAME --preset canvas-sandbox-token --instance URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="292"/>
        <source>Give the access token on standard input, e.g. chartkey profile set-token &quot;%1&quot; &lt; token.txt (never as an argument: it would show in the process list and the shell history).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="303"/>
        <source>The access token was not stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="307"/>
        <source>The access token of &quot;%1&quot; is in the keychain. Try it with: chartkey check --profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="443"/>
        <source>Nothing was removed. To forget its tokens, sign out: chartkey logout --profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="456"/>
        <source>Removed profile &quot;%1&quot;. If a keychain that is not running now holds its tokens, secret or key, remove them there (service chartkey, keys tokens:%1, client-secret:%1 and client-key:%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="538"/>
        <source>	managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="427"/>
        <source>The profile to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="430"/>
        <source>Write to FILE instead of standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="332"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="336"/>
        <source>Exported &quot;%1&quot; to %2 (without secrets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="438"/>
        <source>The exported profile (JSON); - for standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="442"/>
        <source>Save it under NAME instead of the name in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="350"/>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="357"/>
        <location filename="../../app/cli/profilecommands.cpp" line="360"/>
        <location filename="../../app/cli/profilecommands.cpp" line="361"/>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="364"/>
        <source>A profile named &quot;%1&quot; exists already. Import it under another name with --name NAME, or add --replace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="371"/>
        <source>Imported profile &quot;%1&quot; (%2, %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="376"/>
        <source>Store its access token (from standard input) with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="380"/>
        <source>Store its client secret (from standard input) with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="397"/>
        <source>&quot;%1&quot; uses a static access token and has no client secret. Store the token with: chartkey profile set-token &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="407"/>
        <source>Its client is public and takes no client secret. Nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="413"/>
        <source>Give the client secret on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="426"/>
        <source>The client secret of &quot;%1&quot; is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="465"/>
        <location filename="../../app/cli/profilecommands.cpp" line="472"/>
        <location filename="../../app/cli/profilecommands.cpp" line="479"/>
        <source>The profile was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="484"/>
        <source>Removed profile &quot;%1&quot; and its keychain entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="528"/>
        <source>No profiles. Add one: chartkey profile add NAME --instance URL --client-id ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/checkcommand.cpp" line="47"/>
        <source>Checking the registration of client %1 on profile &quot;%2&quot; (%3). The profile&apos;s stored sign-in is not used or changed.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/checkcommand.cpp" line="53"/>
        <source>Opening the browser: sign in and approve. If it does not open, visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="678"/>
        <source>Steps not to run, comma-separated: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="689"/>
        <source>Show every server answer and the requests as curl commands (secrets as placeholders).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandtable.cpp" line="683"/>
        <source>Unknown step &quot;%1&quot;; the steps are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/checkcommand.cpp" line="95"/>
        <source>Fix the profile first: chartkey profile add %1 ... --replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/apicommand.cpp" line="99"/>
        <source>The EHR answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/apicommand.cpp" line="100"/>
        <source>The EHR answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/apicommand.cpp" line="160"/>
        <source>&gt; (sent again with a renewed token after HTTP 401)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/apicommand.cpp" line="325"/>
        <source>%1 entries of %2 page(s) were written before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/apicommand.cpp" line="377"/>
        <source>--paginate and --ndjson read a search: they go with GET, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/apicommand.cpp" line="380"/>
        <source>--include shows one answer&apos;s status and headers: it does not go with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/apicommand.cpp" line="410"/>
        <source>Could not read %1: %2. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="51"/>
        <source>Another chartkey program holds the profile &quot;%1&quot;; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="102"/>
        <source>Register the public key with the server: chartkey key show --profile &quot;%1&quot; prints the JWKS (--format pem or x509 for the other forms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="118"/>
        <source>Profile &quot;%1&quot; has a key already (%2). To replace it, add a new one with: chartkey key rotate --profile &quot;%1&quot;, register the JWKS again, then retire the old one with: chartkey key retire KID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="128"/>
        <source>No key could be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="135"/>
        <source>Added key %1 (%2) to profile &quot;%3&quot;; it signs from now on. The JWKS lists the old keys too until you retire them (chartkey key retire KID) once the server has the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="138"/>
        <source>Made key %1 (%2) for profile &quot;%3&quot;; the private key is in the keychain only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="164"/>
        <source>Give the private key as PEM on standard input (-----BEGIN PRIVATE KEY----- ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="175"/>
        <source>The key on standard input cannot be used: %1 Give an unencrypted PEM private key (RSA of 2048 bits or more, or EC P-256/P-384).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="185"/>
        <source>Profile &quot;%1&quot; has this key already (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="190"/>
        <source>Imported key %1 (%2) into the keychain for profile &quot;%3&quot;; it signs from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="208"/>
        <source>Profile &quot;%1&quot; has no key %2; its keys: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="210"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="215"/>
        <source>Key %1 is the one that signs. Add a new one first (chartkey key rotate --profile &quot;%2&quot;), register the JWKS again, then retire this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="223"/>
        <source>Retired key %1 of profile &quot;%2&quot;: it is gone from the keychain and from the JWKS. Register the JWKS again (chartkey key show) so that the server refuses it too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="243"/>
        <source>Profile &quot;%1&quot; has no key. Make one with: chartkey key generate --profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/keycommands.cpp" line="263"/>
        <source>The public key could not be written as %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::cli::Context</name>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="104"/>
        <source>There is no profile yet. Add one: chartkey profile add NAME --instance URL --client-id ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="109"/>
        <source>There are several profiles (%1): choose one with --profile NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="117"/>
        <source>There is no profile named &quot;%1&quot;. See: chartkey profile list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="128"/>
        <source>&quot;%1&quot; is not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="171"/>
        <source>Sign in with: chartkey login%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::clientkeys</name>
    <message>
        <location filename="../../app/core/auth/clientkeys.cpp" line="99"/>
        <source>%1 Make a new key with: chartkey key generate --profile &quot;%2&quot; (then register its JWKS again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/clientkeys.cpp" line="132"/>
        <source>Profile %1 authenticates with a key (private_key_jwt), but no key is in the keychain. Make one with: chartkey key generate --profile &quot;%1&quot;, and register the JWKS that chartkey key show prints.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::fhir</name>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="82"/>
        <source>%1, %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="88"/>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="90"/>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="92"/>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="94"/>
        <source>sex unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/core/fhir/display.cpp" line="104"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="124"/>
        <source>%1 mo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="130"/>
        <source>no MRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="133"/>
        <source>MRN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="139"/>
        <source>booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="141"/>
        <source>arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="143"/>
        <source>checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="145"/>
        <source>fulfilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="147"/>
        <source>no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="149"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="151"/>
        <source>entered in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="153"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/display.cpp" line="165"/>
        <source>born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/resources.cpp" line="36"/>
        <source>The FHIR server sent something that is not a Bundle. Check the FHIR base URL of the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/fhir/resources.cpp" line="200"/>
        <source>The FHIR server sent something that is not a %1.</source>
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
    <name>chartkey::idtoken</name>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="106"/>
        <source>The ID token is not a well-formed signed JWT. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="110"/>
        <source>The ID token was signed with a key chartkey does not have. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="114"/>
        <source>The ID token cannot be trusted. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="121"/>
        <source>The ID token is not a well-formed signed JWT: its payload is not a JSON object of claims.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="128"/>
        <source>The ID token names no issuer (iss).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="131"/>
        <source>The ID token&apos;s issuer (iss) is %1, but this server&apos;s issuer is %2: the token comes from another server, or the profile&apos;s discovery document is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="145"/>
        <source>The ID token&apos;s audience (aud) lists something that is not a client ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="150"/>
        <source>The ID token names no audience (aud).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="153"/>
        <source>The ID token&apos;s audience (aud) is neither a string nor a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="157"/>
        <source>The ID token&apos;s audience (aud) does not include this client (%1): it was issued to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="160"/>
        <source>no one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="168"/>
        <source>The ID token names several audiences (aud: %1) but no authorized party (azp), so it does not say it was issued to this client (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="174"/>
        <source>The ID token&apos;s authorized party (azp) is %1, not this client (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="175"/>
        <source>not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="182"/>
        <source>chartkey has no current time to check the ID token&apos;s expiry (exp) against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="189"/>
        <source>The ID token has no expiry time (exp) as a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="192"/>
        <source>The ID token expired at %1 (exp), more than %2 s before this computer&apos;s time, %3. If the token is new, check this computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="198"/>
        <source>The ID token has no issue time (iat) as a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="201"/>
        <source>The ID token was issued at %1 (iat), more than %2 s after this computer&apos;s time, %3. Check this computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="210"/>
        <source>The ID token carries no nonce, but chartkey sent one with this sign-in: the token may come from another sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="214"/>
        <source>The ID token&apos;s nonce is not the one chartkey sent with this sign-in: the token may come from another sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="223"/>
        <source>The ID token&apos;s access token hash (at_hash) is not a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="226"/>
        <source>The ID token carries an access token hash (at_hash), but no access token came with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="232"/>
        <source>The ID token&apos;s access token hash (at_hash) does not match the access token that came with it: the access token may have been swapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="240"/>
        <source>The ID token names no subject (sub).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="243"/>
        <source>The renewed ID token&apos;s subject (sub) is not the user who signed in: the server answered for another account. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/idtoken.cpp" line="248"/>
        <source>The ID token is valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::jose</name>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="274"/>
        <source>The key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="274"/>
        <source>The key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="276"/>
        <source>%1 is a shared secret (kty oct); chartkey uses only public-key signatures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="279"/>
        <source>%1 is of type %2, but %3 needs an %4 key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="280"/>
        <location filename="../../app/core/auth/jose.cpp" line="296"/>
        <location filename="../../app/core/auth/jose.cpp" line="361"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="283"/>
        <source>%1 is not for signatures (use is &quot;%2&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="287"/>
        <source>%1 does not allow %2 (key_ops).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="291"/>
        <source>%1 is for %2, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="295"/>
        <source>%1 is on curve %2, but %3 needs %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="300"/>
        <source>%1 has no RSA modulus (n) in base64url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="302"/>
        <source>%1 is an RSA key of %2 bits; chartkey accepts %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="308"/>
        <source>%1 lacks its member &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="311"/>
        <source>%1 is a public key; signing needs the private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="353"/>
        <source>The token is not signed (alg &quot;none&quot;); chartkey accepts only signed tokens (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="357"/>
        <source>The token is signed with a shared secret (%1), not with one of the server&apos;s public keys; chartkey refuses it (accepted: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="360"/>
        <source>The token&apos;s signature algorithm (%1) is not one chartkey accepts (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="438"/>
        <source>The token is larger than 64 KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="441"/>
        <source>The token is encrypted (JWE); chartkey reads signed tokens (JWS) only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="443"/>
        <source>The token is not a signed JWT: it does not have three parts separated by dots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="447"/>
        <source>The token&apos;s header is not base64url text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="452"/>
        <source>The token&apos;s header is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="454"/>
        <source>The token&apos;s header names a member twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="457"/>
        <source>The token&apos;s header has no signature algorithm (alg).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="460"/>
        <source>The token&apos;s key ID (kid) is not a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="463"/>
        <source>The token&apos;s payload is not base64url text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="473"/>
        <source>The token&apos;s claims name a member twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="478"/>
        <source>The token&apos;s signature is not base64url text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="499"/>
        <source>The token marks header parameters as critical (crit); chartkey supports none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="503"/>
        <source>The token&apos;s payload is not base64url-encoded (b64, RFC 7797); chartkey does not support that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="515"/>
        <source>The server&apos;s key set (JWKS) is not a JSON object with a &quot;keys&quot; list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="541"/>
        <source>No key in the server&apos;s key set (JWKS) has the ID &quot;%1&quot; that signed this token. The server may have rotated its keys: fetch its key set again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="547"/>
        <source>The token says %1, which its key cannot check: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="556"/>
        <source>No key in the server&apos;s key set (JWKS) fits %1. The server may have rotated its keys: fetch its key set again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="565"/>
        <source>The signature is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="570"/>
        <source>The token&apos;s signature (%1) does not verify with any key of the server&apos;s key set: it was altered, or another party signed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="573"/>
        <source>The token&apos;s signature (%1) does not verify with the server&apos;s key &quot;%2&quot;: it was altered, or another party signed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="587"/>
        <source>The server&apos;s key set (JWKS) is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="600"/>
        <source>An RSA key has %1 to %2 bits, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="611"/>
        <source>Generating the %1 key failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="631"/>
        <source>The stored key is not a JSON Web Key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="637"/>
        <source>The stored key has no signature algorithm chartkey uses (alg).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="695"/>
        <source>The signing key names no signature algorithm chartkey uses (alg).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="708"/>
        <source>The signing key is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="725"/>
        <source>Signing the JWT failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="731"/>
        <source>Signing the JWT failed: the library returned no signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="744"/>
        <source>The PEM key is encrypted. Decrypt it first, e.g. with openssl pkey -in key.pem -out plain.pem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="755"/>
        <source>This is not a PEM private key (PKCS#8 &quot;PRIVATE KEY&quot;, or &quot;RSA PRIVATE KEY&quot; / &quot;EC PRIVATE KEY&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="761"/>
        <source>The PEM key is neither an RSA nor an EC key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="767"/>
        <source>The PEM key could not be read as a JSON Web Key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="789"/>
        <source>The EC key is on curve %1; chartkey signs with P-256 (ES256) or P-384 (ES384).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="791"/>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="809"/>
        <source>The key could not be written as PEM: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="821"/>
        <source>A certificate needs a private signing key of chartkey&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="825"/>
        <source>A certificate needs a name, a start date and at least one day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="831"/>
        <source>The key could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/jose.cpp" line="872"/>
        <source>Making the certificate failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::profilejson</name>
    <message>
        <location filename="../../app/core/profile/profilejson.cpp" line="82"/>
        <source>This is not a chartkey profile: the file is not a JSON object (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profilejson.cpp" line="85"/>
        <source>it is another JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profilejson.cpp" line="89"/>
        <source>This is not a chartkey profile: it has no &quot;%1&quot; field. Export profiles with: chartkey profile export NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profilejson.cpp" line="93"/>
        <source>This profile file has format version %1; this chartkey reads version %2 only. Export it again with this chartkey&apos;s version, or update chartkey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profilejson.cpp" line="100"/>
        <source>The file carries a secret (&quot;%1&quot;). Profiles never carry secrets; remove it and use `chartkey profile %2 NAME`, which reads it from standard input into the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profilejson.cpp" line="118"/>
        <source>The profile&apos;s kind &quot;%1&quot; is unknown; chartkey knows canvas, canvas-sandbox-token, smart, openid and canvas-lms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profilejson.cpp" line="125"/>
        <source>The client authentication &quot;%1&quot; is unknown: use %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profilejson.cpp" line="136"/>
        <source>These fields do not hold valid URLs: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profilejson.cpp" line="122"/>
        <source>The client type &quot;%1&quot; is unknown: use public or confidential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profilejson.cpp" line="128"/>
        <source>The grant &quot;%1&quot; is unknown: use authorization-code, client-credentials or static-token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profilejson.cpp" line="145"/>
        <source>An entry of authParams has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/profilejson.cpp" line="150"/>
        <source>The profile in the file cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::scopes</name>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="179"/>
        <source>%1 is not a SMART scope; write it exactly as %2 (scopes are case-sensitive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="182"/>
        <source>%1 is not a SMART scope; write it exactly as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="192"/>
        <source>%1: separate scopes with spaces, not commas: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="200"/>
        <source>%1 is not a SMART scope; use openid, fhirUser, offline_access, launch, or a resource scope such as user/Patient.rs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="208"/>
        <source>%1 is not a SMART scope; the launch scopes are launch, launch/patient and launch/encounter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="214"/>
        <source>%1: the context must be lowercase, as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="216"/>
        <source>%1 starts with %2; a resource scope starts with user/, patient/ or system/, as in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="221"/>
        <source>%1 has no permission; add one after a dot, as in %2 (SMART v2) or %3.read (SMART v1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="227"/>
        <source>%1 has no resource type; put a FHIR resource type such as Patient, or * for all, between the / and the dot: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="233"/>
        <source>%1: the resource type must be capitalised, as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="235"/>
        <source>%1: %2 is not a resource type; use a FHIR resource type such as Patient, or * for all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="242"/>
        <source>%1: search parameters (?…) need a SMART v2 permission such as rs, as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="250"/>
        <source>%1 has an empty permission; use read or write (SMART v1) or letters of cruds such as rs (SMART v2), as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="254"/>
        <source>%1: the permission letters go once each in the order c, r, u, d, s, as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="258"/>
        <source>%1: permissions are lowercase, as in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="260"/>
        <source>%1: %2 is not a permission; use read, write or * (SMART v1), or letters of c, r, u, d, s in that order such as rs (SMART v2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/profile/scopes.cpp" line="265"/>
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
        <location filename="../../app/ui/activitydock.cpp" line="45"/>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="46"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="61"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="72"/>
        <source>HTTP exchanges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="87"/>
        <source>Exchange details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="88"/>
        <location filename="../../app/ui/activitydock.cpp" line="175"/>
        <source>Select an exchange to see its headers and bodies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="96"/>
        <source>Copy as &amp;curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="98"/>
        <source>Copy the selected exchange as a curl command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="99"/>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="101"/>
        <source>Clear the activity list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="113"/>
        <source>Select an exchange first; nothing was copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="117"/>
        <source>Copied the exchange as a curl command (the token as $ACCESS_TOKEN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="174"/>
        <source>Hidden while patient data is off the screen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::Announcer</name>
    <message>
        <location filename="../../app/ui/accessibility.cpp" line="68"/>
        <source>Status</source>
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
        <location filename="../../app/ui/checkwindow.cpp" line="554"/>
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
        <location filename="../../app/ui/checkwindow.cpp" line="406"/>
        <source>The keychain (%1) could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="409"/>
        <source>The check was not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="409"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="411"/>
        <source>Not started: the keychain could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="439"/>
        <source>Starting the check…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="451"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="458"/>
        <source>Stopped before the check started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="466"/>
        <source>Running: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="473"/>
        <source>Sign in in the browser window that opened. If none opened, open this address by hand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="489"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="511"/>
        <source>%1 passed, %2, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="513"/>
        <source>, %1 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="516"/>
        <source>Stopped: %1 before the check was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="518"/>
        <source>%1 — the registration does not work as configured; select the failed step for what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="522"/>
        <source>%1 — nothing could be tested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="524"/>
        <source>%1 — the registration works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="531"/>
        <source>Stopped after %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="531"/>
        <source>Finished in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="564"/>
        <source>%1 — %2, %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="568"/>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="606"/>
        <source>There is no report yet: run the check first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="612"/>
        <location filename="../../app/ui/checkwindow.cpp" line="619"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="631"/>
        <source>Save the check report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="632"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkwindow.cpp" line="638"/>
        <source>Saved the report to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::ClientSection</name>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="33"/>
        <source>Authorization code (sign in through the browser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="35"/>
        <source>Client credentials (machine to machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="37"/>
        <source>Access token made by hand (kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="118"/>
        <source>Client registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="120"/>
        <source>Client &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="120"/>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="125"/>
        <source>Client type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="126"/>
        <source>Public (PKCE, no secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="127"/>
        <source>Confidential (with a client secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="130"/>
        <source>Confidential (with a key: private_key_jwt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="131"/>
        <source>Client &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="146"/>
        <source>Client &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="147"/>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="152"/>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="162"/>
        <source>&amp;Grant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="167"/>
        <source>Access to&amp;ken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="168"/>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="170"/>
        <source>Kept in the keychain, never shown again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::EndpointsSection</name>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="284"/>
        <source>Authori&amp;zation URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="284"/>
        <source>Authorization URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="286"/>
        <source>To&amp;ken URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="286"/>
        <source>Token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="288"/>
        <source>Re&amp;vocation URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="288"/>
        <source>Revocation URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="290"/>
        <source>&amp;Browser sign-out URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="291"/>
        <source>Browser sign-out URL (end_session_endpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="293"/>
        <source>Iss&amp;uer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="293"/>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="294"/>
        <source>Notes AP&amp;I URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="294"/>
        <source>Notes API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="306"/>
        <source>Endpoints (from the discovery document, or typed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="307"/>
        <source>Endpoints (derived from the instance URL until edited)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/ui/mainwindow.cpp" line="103"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/mainwindow.cpp" line="611"/>
        <source>Patient data is hidden: chartkey was not used for %n minute(s). You are still signed in to %1.</source>
        <translation>
            <numerusform>Patient data is hidden: chartkey was not used for %n minute. You are still signed in to %1.</numerusform>
            <numerusform>Patient data is hidden: chartkey was not used for %n minutes. You are still signed in to %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="67"/>
        <source>where the server issues access tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="88"/>
        <source>%1 has no FHIR base URL, so there are no patients to list (add one with File → Edit profile…). File → Test registration… tests its registration, and “%2” prints an access token for scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="126"/>
        <source>chartkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="129"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="136"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="144"/>
        <source>Sign-in state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="149"/>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="152"/>
        <source>&amp;Cancel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="154"/>
        <source>Copy sign-in &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="156"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="158"/>
        <source>&amp;Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="326"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="327"/>
        <source>&amp;New profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="337"/>
        <source>&amp;Edit profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="345"/>
        <source>&amp;Test registration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="348"/>
        <source>Check the profile&apos;s OAuth registration end to end and show what to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="357"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="360"/>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="376"/>
        <source>&amp;Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="373"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="392"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="393"/>
        <source>&amp;About chartkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="394"/>
        <source>About chartkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="395"/>
        <source>&lt;h3&gt;chartkey %1&lt;/h3&gt;&lt;p&gt;A desktop OAuth client for EHR APIs.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="700"/>
        <source>Renewing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="715"/>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="749"/>
        <source>, renews automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="744"/>
        <source>Signed in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="83"/>
        <source>%1, so %2 has no patients to list. File → Test registration… tests its registration, and “%3” prints an access token for scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="100"/>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="104"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="132"/>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="192"/>
        <source>Sign-in address copied: paste it into a browser to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="247"/>
        <source>Sc&amp;hedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="258"/>
        <source>P&amp;atients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="335"/>
        <source>&amp;Import profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="340"/>
        <source>&amp;Remove profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="350"/>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="352"/>
        <source>Copy public &amp;key (JWKS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="354"/>
        <source>Copy the JWKS to register with the EHR (the private key stays in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="369"/>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="374"/>
        <source>&amp;Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="378"/>
        <source>&amp;Find patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="384"/>
        <source>&amp;Hide patient data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="487"/>
        <source>&quot;%1&quot; is not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="615"/>
        <source>&amp;Show patient data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="620"/>
        <source>Patient data is hidden until you sign in to %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="622"/>
        <source>Sign &amp;in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="682"/>
        <source>No profile — add one to begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="688"/>
        <source>Waiting for the browser — finish signing in there (%1 left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="690"/>
        <source>Waiting for the browser: finish signing in there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="693"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="725"/>
        <source>No access token stored for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="726"/>
        <source>Signed out of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="738"/>
        <source>Signed in as %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="739"/>
        <source>Signed in as %1 (Practitioner/%2) at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="742"/>
        <source>Practitioner/%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="751"/>
        <source>%1 refused the stored access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="753"/>
        <source>%1 with a stored access token (not renewed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="757"/>
        <source>%1 — access valid %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="759"/>
        <source>%1 — access expired%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="794"/>
        <source>Paste a new token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="795"/>
        <source>Edit profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="798"/>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="846"/>
        <source>%1 Copy the sign-in address into a browser to sign in; chartkey waits %2 for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="849"/>
        <source>Copy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="850"/>
        <source>Cancel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="869"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="894"/>
        <source>Access token for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="897"/>
        <source>%1 uses an access token made by hand instead of a sign-in through the browser. Make one %2 and paste it here. chartkey keeps it in the keychain and uses it until the server refuses it; then make a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="906"/>
        <source>Access &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="909"/>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="911"/>
        <source>paste the token; it goes to the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="917"/>
        <source>&amp;Store token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="981"/>
        <source>Opened the EHR&apos;s sign-out page in the browser: confirm there to end the browser&apos;s sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="986"/>
        <source>Could not open the browser (%1). Open the EHR&apos;s sign-out page by hand: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1008"/>
        <source>Open sign-out page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1009"/>
        <source>The EHR&apos;s sign-out page: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1134"/>
        <source>Remove profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1135"/>
        <source>Remove the profile “%1”?

chartkey signs out of %2 first (asking the EHR to revoke the sign-in), then removes the profile, its sign-in and its client secret from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1143"/>
        <source>&amp;Remove profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1156"/>
        <source>%1 The profile “%2” was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1163"/>
        <source>There was no sign-in to revoke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1168"/>
        <source>Removed the profile “%1”. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1196"/>
        <source>Made key %1; the private key is in the keychain only. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1199"/>
        <source>The public key (JWKS) is on the clipboard: register it with the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1214"/>
        <source>No key could be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="957"/>
        <source>Signed in. %1 was not done before; do it now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="959"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="965"/>
        <source>The access token of %1 is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="966"/>
        <source>Signed in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="866"/>
        <source>Paste the token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1047"/>
        <source>Import a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1048"/>
        <source>Profiles (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="1108"/>
        <source>The profile was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::MessageBanner</name>
    <message>
        <location filename="../../app/ui/messagebanner.cpp" line="101"/>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/messagebanner.cpp" line="102"/>
        <source>The whole message and its technical detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/messagebanner.cpp" line="112"/>
        <source>Dismiss the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/messagebanner.cpp" line="113"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/messagebanner.cpp" line="253"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/messagebanner.cpp" line="265"/>
        <source>Technical detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/messagebanner.cpp" line="270"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::NoteActionBar</name>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp" line="224"/>
        <location filename="../../app/ui/noteactions.cpp" line="239"/>
        <source>%1 %n note(s)?</source>
        <translation>
            <numerusform>%1 %n note?</numerusform>
            <numerusform>%1 %n notes?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/noteactions.cpp" line="96"/>
        <source>Note action summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/noteactions.cpp" line="99"/>
        <source>Note action progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/noteactions.cpp" line="119"/>
        <source>Note action results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/noteactions.cpp" line="157"/>
        <source>Wait for the running note action to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/noteactions.cpp" line="159"/>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/noteactions.cpp" line="161"/>
        <source>Select an appointment, or type note IDs, first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp" line="235"/>
        <source>%1 %n note(s)? A signed note can be changed only after unlocking it.</source>
        <translation>
            <numerusform>%1 %n note? A signed note can be changed only after unlocking it.</numerusform>
            <numerusform>%1 %n notes? A signed note can be changed only after unlocking it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp" line="251"/>
        <source>%1 %n note(s)</source>
        <translation>
            <numerusform>%1 %n note</numerusform>
            <numerusform>%1 %n notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/noteactions.cpp" line="252"/>
        <source>%1 anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp" line="300"/>
        <source>%1 on %n note(s)</source>
        <translation>
            <numerusform>%1 on %n note</numerusform>
            <numerusform>%1 on %n notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/noteactions.cpp" line="315"/>
        <source>Checked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/noteactions.cpp" line="317"/>
        <source>Marked as a no-show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/noteactions.cpp" line="318"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp" line="344"/>
        <source>%1: %n note(s)…</source>
        <translation>
            <numerusform>%1: %n note…</numerusform>
            <numerusform>%1: %n notes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp" line="373"/>
        <source>%1: done for %n note(s).</source>
        <translation>
            <numerusform>%1: done for %n note.</numerusform>
            <numerusform>%1: done for %n notes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/noteactions.cpp" line="374"/>
        <source>%1: %2 of %n note(s) done; the lines below say why not for the others.</source>
        <translation>
            <numerusform>%1: %2 of %n note done; the lines below say why not for the others.</numerusform>
            <numerusform>%1: %2 of %n notes done; the lines below say why not for the others.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chartkey::ui::PatientDetailPanel</name>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="22"/>
        <source>Select a patient to see their appointments and notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="39"/>
        <source>Selected patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="50"/>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="64"/>
        <source>Appointments state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="68"/>
        <source>&amp;Note IDs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="71"/>
        <source>Or type note IDs, separated by spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="72"/>
        <source>Note IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="225"/>
        <source>%1 is not one of the notes of %2&apos;s appointments: it may be another patient&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="257"/>
        <source>⚠ Not among %1&apos;s notes: %2. chartkey asks before acting on them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="142"/>
        <source>No appointments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientdetail.cpp" line="182"/>
        <source>Loading appointments…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::PatientsPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/patientspanel.cpp" line="308"/>
        <source>%1 of %n patient(s) loaded — loading more…</source>
        <translation>
            <numerusform>%1 of %n patient loaded — loading more…</numerusform>
            <numerusform>%1 of %n patients loaded — loading more…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/patientspanel.cpp" line="310"/>
        <source>%1 of %n patient(s) loaded</source>
        <translation>
            <numerusform>%1 of %n patient loaded</numerusform>
            <numerusform>%1 of %n patients loaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/patientspanel.cpp" line="312"/>
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="30"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="31"/>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="32"/>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="33"/>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="34"/>
        <source>Search by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="37"/>
        <source>Search patients (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="38"/>
        <source>Patient search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="40"/>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="42"/>
        <source>Search patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="50"/>
        <source>Filter the loaded results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="51"/>
        <source>Filter results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="58"/>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="97"/>
        <source>Patient search state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="99"/>
        <source>Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="108"/>
        <source>Result count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="251"/>
        <source>Add a profile to search patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="254"/>
        <source>the EHR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="256"/>
        <source>You are signed out of %1. Sign in, and the search for “%2” runs then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="258"/>
        <source>You are signed out of %1. Sign in, and the patients are listed then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="261"/>
        <source>You are signed out of %1. Sign in to search patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="279"/>
        <source>Sign in again to search patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="266"/>
        <source>Search patients by name, or press Search to list them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="270"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="273"/>
        <source>No patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="274"/>
        <source>No patients match “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::ProfileEditorDialog</name>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="57"/>
        <source>Add profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="57"/>
        <source>Edit profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="65"/>
        <source>Show en&amp;dpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="77"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="95"/>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="97"/>
        <source>Save this profile as a JSON file, without secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="98"/>
        <source>I&amp;mport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="100"/>
        <source>Fill the form from an exported profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="141"/>
        <source>Managed profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="251"/>
        <source>Give the discovery URL first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="256"/>
        <source>Reading %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="267"/>
        <source>Endpoints read from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="280"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="291"/>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="310"/>
        <source>Export profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="311"/>
        <location filename="../../app/ui/profileeditor.cpp" line="324"/>
        <source>chartkey profiles (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="316"/>
        <source>Exported to %1 (without secrets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="323"/>
        <source>Import profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="334"/>
        <source>Imported %1. Check it, then press OK to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="335"/>
        <source>Imported %1. Enter its %2, check it, then press OK to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="338"/>
        <source>access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="339"/>
        <source>client secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::ProfileSection</name>
    <message>
        <location filename="../../app/ui/profilesection.cpp" line="80"/>
        <source>Problem with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::SchedulePanel</name>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="74"/>
        <source>◀ &amp;Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="76"/>
        <source>Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="79"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="82"/>
        <source>Ne&amp;xt day ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="84"/>
        <source>Next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="85"/>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="87"/>
        <source>F&amp;or:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="90"/>
        <source>Whose schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="106"/>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="116"/>
        <source>Appointments of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="134"/>
        <source>Schedule state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="136"/>
        <source>Sign &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="197"/>
        <source>Choose a practitioner or site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="244"/>
        <source>Me (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="244"/>
        <location filename="../../app/ui/schedulepanel.cpp" line="272"/>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="287"/>
        <source>%1 (site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="396"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="404"/>
        <source>Add a profile with a FHIR API to see a day&apos;s schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="407"/>
        <source>the EHR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="408"/>
        <source>You are signed out of %1. Sign in to see the day&apos;s schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="412"/>
        <source>Choose whose schedule to show: a practitioner or a site, in “For” above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="417"/>
        <source>Loading the schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="420"/>
        <source>No appointments on %1 for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedulepanel.cpp" line="424"/>
        <source>Sign in again to see the schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/schedulepanel.cpp" line="432"/>
        <source>%1 — %n appointment(s)</source>
        <translation>
            <numerusform>%1 — %n appointment</numerusform>
            <numerusform>%1 — %n appointments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chartkey::ui::ServerSection</name>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="47"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="51"/>
        <source>Server preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="60"/>
        <source>&amp;Connects to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="67"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="67"/>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="71"/>
        <source>A profile keeps its name; add a new profile to use another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="73"/>
        <source>&amp;EHR instance URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="73"/>
        <source>EHR instance URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="75"/>
        <source>&amp;FHIR base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="75"/>
        <source>FHIR base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="77"/>
        <source>Fetc&amp;h endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="79"/>
        <source>Read the authorization, token and revocation endpoints and the issuer from the discovery document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="81"/>
        <source>Disc&amp;overy URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="81"/>
        <source>Discovery URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::SettingsDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/settingsdialog.cpp" line="86"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/settingsdialog.cpp" line="50"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settingsdialog.cpp" line="57"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settingsdialog.cpp" line="60"/>
        <location filename="../../app/ui/settingsdialog.cpp" line="86"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settingsdialog.cpp" line="65"/>
        <source>Hide patient data after this many idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settingsdialog.cpp" line="67"/>
        <source>&amp;Hide patient data after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settingsdialog.cpp" line="71"/>
        <source>On a shared workstation: after this long without a key press or click, patients, the schedule and the activity bodies leave the screen until you are back. 0 never hides them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settingsdialog.cpp" line="75"/>
        <source>On a shared workstation: after this long without a key press or click, patients, the schedule and the activity bodies leave the screen until you are back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/settingsdialog.cpp" line="85"/>
        <source>Your setting of %1 becomes %n minute(s).</source>
        <translation>
            <numerusform>Your setting of %1 becomes %n minute.</numerusform>
            <numerusform>Your setting of %1 becomes %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/settingsdialog.cpp" line="95"/>
        <source>&amp;Ask before signing notes (Sign, Lock &amp;&amp; sign)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::SignInSection</name>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="200"/>
        <source>Scopes and redirect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="202"/>
        <source>&amp;Who signs in (OpenID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="204"/>
        <source>Adds openid and fhirUser to the scopes: the EHR then sends an ID token that names who signed in, and chartkey checks it before keeping anything. Leave it off for an EHR that offers no OpenID Connect (Canvas registers apps without it by default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="208"/>
        <source>Sco&amp;pes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="208"/>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="219"/>
        <source>An&amp;y free port (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="222"/>
        <source>Redirect to any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="223"/>
        <source>E&amp;xactly this URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="225"/>
        <source>Redirect to exactly this URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="228"/>
        <source>Redirect URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="234"/>
        <source>&amp;Redirect URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="244"/>
        <source>&amp;launch parameter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="244"/>
        <source>launch parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="246"/>
        <source>&amp;aud parameter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profilesections.cpp" line="246"/>
        <source>aud parameter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::TokenInspectorDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/tokeninspector.cpp" line="421"/>
        <source>The access token is on the clipboard for %n second(s); then chartkey takes it off.</source>
        <translation>
            <numerusform>The access token is on the clipboard for %n second; then chartkey takes it off.</numerusform>
            <numerusform>The access token is on the clipboard for %n seconds; then chartkey takes it off.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="54"/>
        <source>Token inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="60"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="61"/>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="62"/>
        <source>Token type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="63"/>
        <source>Token type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="64"/>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="66"/>
        <source>Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="67"/>
        <source>Obtained at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="68"/>
        <source>Obtained at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="69"/>
        <source>Expires at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="70"/>
        <source>Expires at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="71"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="72"/>
        <source>Time left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="73"/>
        <source>Refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="74"/>
        <source>Refresh token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="77"/>
        <source>Signed in as (ID token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="80"/>
        <source>ID token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="86"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="87"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="88"/>
        <source>Subject (sub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="89"/>
        <source>Subject (sub):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="90"/>
        <source>FHIR user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="91"/>
        <source>FHIR user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="92"/>
        <source>Issuer (iss)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="93"/>
        <source>Issuer (iss):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="94"/>
        <source>Audience (aud)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="95"/>
        <source>Audience (aud):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="96"/>
        <source>Expires (exp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="97"/>
        <source>Expires (exp):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="102"/>
        <location filename="../../app/ui/tokeninspector.cpp" line="108"/>
        <source>Access token claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="104"/>
        <source>Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="110"/>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="110"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="119"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="124"/>
        <source>&amp;Renew now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="126"/>
        <source>&amp;Copy access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="144"/>
        <source>There is no profile to inspect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="154"/>
        <location filename="../../app/ui/tokeninspector.cpp" line="374"/>
        <source>Renewing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="180"/>
        <source>Not signed in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="187"/>
        <location filename="../../app/ui/tokeninspector.cpp" line="242"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="207"/>
        <location filename="../../app/ui/tokeninspector.cpp" line="261"/>
        <location filename="../../app/ui/tokeninspector.cpp" line="263"/>
        <location filename="../../app/ui/tokeninspector.cpp" line="264"/>
        <location filename="../../app/ui/tokeninspector.cpp" line="273"/>
        <location filename="../../app/ui/tokeninspector.cpp" line="275"/>
        <source>(not given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="215"/>
        <source>none granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="217"/>
        <source>Every requested scope was granted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="225"/>
        <source>Requested but not granted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="232"/>
        <source>unknown (the EHR gave no expiry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="233"/>
        <source>yes (renews without signing in again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="234"/>
        <source>no (sign in again when it expires)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="253"/>
        <source>No ID token: the EHR did not say who signed in (ask for the openid scope to learn it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="255"/>
        <source>The ID token could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="284"/>
        <source>Opaque token (not a JWT): only the EHR knows what it holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="322"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="348"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="355"/>
        <source>expired; renews on next use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="356"/>
        <source>expired; sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="363"/>
        <source>%1 h %2 min %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="365"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="367"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="384"/>
        <source>Not renewed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="390"/>
        <source>Renewed at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="396"/>
        <source>Not renewed: the current token is still in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="408"/>
        <source>an unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="410"/>
        <source>Copy access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tokeninspector.cpp" line="411"/>
        <source>Anyone with this token can act as you at %1 until it expires (%2). Paste it only where you mean to use it, and never into a chat, ticket or e-mail.

Copy the access token to the clipboard?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::WelcomePanel</name>
    <message>
        <location filename="../../app/ui/welcomepanel.cpp" line="21"/>
        <source>Welcome to chartkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/welcomepanel.cpp" line="29"/>
        <source>chartkey signs you in to your EHR and opens your day&apos;s schedule. First it needs a profile: where your EHR is, and the app registration to sign in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/welcomepanel.cpp" line="42"/>
        <source>&amp;Add a profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/welcomepanel.cpp" line="45"/>
        <source>Type your EHR&apos;s address and the client ID of its app registration; chartkey fills in the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/welcomepanel.cpp" line="50"/>
        <source>&amp;Import a profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/welcomepanel.cpp" line="52"/>
        <source>Open a profile file (.json) your administrator or a colleague shared; it holds no secrets.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

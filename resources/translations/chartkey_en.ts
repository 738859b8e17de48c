<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>chartkey</name>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="88"/>
        <source>The server no longer accepts this sign-in (invalid_grant: %1). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="91"/>
        <source>The server did not accept the client (invalid_client: %1). Check the client ID and secret against the application registered on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="95"/>
        <source>The server refused the requested scopes (invalid_scope: %1). Ask only for scopes the application is registered for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="99"/>
        <source>This client may not use this grant type (unauthorized_client: %1). Check the grant type of the application&apos;s registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="103"/>
        <source>The server rejected the request (invalid_request: %1). Check the profile&apos;s client ID and redirect URI against the registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="108"/>
        <source>The token server is not available right now (%1, HTTP %2). Try again in a minute; your sign-in is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="112"/>
        <source>The token server refused the request (%1, HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/apiclient.cpp" line="128"/>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="76"/>
        <source>The keychain did not answer within %1 s. It may be locked and waiting for a password: unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="31"/>
        <source>%1 &quot;%2&quot; is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="37"/>
        <source>%1 %2 uses http:// on a host that is not this computer. Use https:// (http:// is allowed only for 127.0.0.1, ::1 and localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="40"/>
        <source>%1 %2 must use https://.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ActivityLog</name>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="146"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="162"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="164"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="166"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="168"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/net/activitylog.cpp" line="170"/>
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
        <location filename="../../app/core/auth/browsersignin.cpp" line="30"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/core/auth/browsersignin.cpp" line="34"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="67"/>
        <source>No answer came back from the browser within %1, so the sign-in was stopped. Sign in again, and finish the sign-in in the browser window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="93"/>
        <source>The redirect URI %1 is not a loopback address. Use http://127.0.0.1/callback and register it on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="103"/>
        <source>chartkey has the answer from the sign-in. You can close this tab and return to chartkey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="111"/>
        <source>Port %1 on %2 is already in use, so chartkey cannot receive the sign-in. Close the program using it, or register %3://%2%4 (any port) on the EHR and use that as the redirect URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="116"/>
        <source>Port %1 on %2 is already in use by %3, so chartkey cannot receive the sign-in. Close %3, or register %4://%2%5 (any port) on the EHR and use that as the redirect URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="176"/>
        <source>Open the sign-in address in a browser by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="183"/>
        <source>The sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="212"/>
        <source>The answer came from %1, not from %2 (RFC 9207 issuer check), so it was not used. Check the profile&apos;s instance URL, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="228"/>
        <source>The EHR refused the sign-in (access_denied: %1). If you did not press Deny: staff users need a launch parameter, and the account must be allowed to use this application. Then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="235"/>
        <source>The EHR refused the scopes &quot;%1&quot; (%2). Ask only for scopes the application is registered for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="240"/>
        <source>The application may not use the authorization-code grant (%1). Check the grant type of the registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="245"/>
        <source>The EHR ended the sign-in with an error (%1: %2). Check that the registration&apos;s redirect URI is exactly %3, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="260"/>
        <source>The EHR&apos;s answer had neither a code nor an error. Sign in again; if it repeats, the server is misbehaving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/browsersignin.cpp" line="289"/>
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
        <location filename="../../app/core/storage/keychainstore.cpp" line="145"/>
        <source>Windows Credential Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="147"/>
        <source>macOS Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="149"/>
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
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="108"/>
        <source>%1 was not done: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="112"/>
        <source>%1: done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="113"/>
        <source>%1: done; the note is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="117"/>
        <source>Note %1 was not found (%2). Check the note ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="121"/>
        <source>%1 is not possible for note %2 now: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="125"/>
        <source>Not authorized to %1 note %2 (%3). Sign in as a user allowed to, with a scope that covers notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/notes/notesclient.cpp" line="130"/>
        <source>The EHR answered HTTP %1 (%2); %3 may not have been done. Check the note&apos;s state before trying again.</source>
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
        <location filename="../../app/core/storage/profile.cpp" line="94"/>
        <source>The profile name &quot;%1&quot; may use letters, digits, space, dot, dash and underscore (at most 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="98"/>
        <source>The client ID is missing: copy it from the application registered on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="100"/>
        <source>The instance URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="101"/>
        <source>The token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="106"/>
        <source>The FHIR base URL is missing. chartkey derives it only for *.canvasmedical.com instances; give it explicitly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="108"/>
        <source>The FHIR base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="110"/>
        <source>The revocation URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="111"/>
        <source>The notes API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="118"/>
        <source>The authorization URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="123"/>
        <source>The redirect URI %1 must be a loopback URI with a path, such as http://127.0.0.1/callback (any port) or http://127.0.0.1:8765/callback (that port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/profile.cpp" line="128"/>
        <source>The client-credentials grant needs a confidential client with a secret.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::SecretStore</name>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="36"/>
        <source>Access to the keychain was refused (%1). Allow chartkey to use the keychain and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="44"/>
        <source>No keychain is available (%1). chartkey keeps tokens only in the system keychain: start and unlock a Secret Service keyring (GNOME Keyring or KWallet), then try again. Nothing was stored elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/storage/keychainstore.cpp" line="51"/>
        <source>The keychain failed (%1). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::Session</name>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="91"/>
        <source>Another chartkey program is renewing the sign-in of %1. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="121"/>
        <location filename="../../app/core/auth/session.cpp" line="150"/>
        <source>You are not signed in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="128"/>
        <source>Another chartkey window or command has been renewing the sign-in of %1 for too long. Try again; if it repeats, close other chartkey programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="178"/>
        <source>The sign-in to %1 has expired and the EHR gave no refresh token (ask for the offline_access scope to stay signed in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="182"/>
        <source>The stored sign-in of %1 is unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="196"/>
        <location filename="../../app/core/auth/session.cpp" line="250"/>
        <source>Shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="216"/>
        <source>The EHR ended the sign-in to %1 (the refresh token was refused: invalid_grant). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="274"/>
        <source>The renewed sign-in could not be saved in the keychain (%1). It works until chartkey exits; then you will have to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="333"/>
        <source>The stored sign-in is unreadable. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="358"/>
        <source>The client secret of %1 is not in the keychain. Store it again with: chartkey profile set-secret %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/session.cpp" line="402"/>
        <source>Signed out on this computer, but the EHR could not be told to revoke the tokens (%1). They stop working when they expire; to end them now, revoke the application&apos;s access on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::TokenClient</name>
    <message>
        <location filename="../../app/core/auth/tokenclient.cpp" line="84"/>
        <source>The profile has no %1 URL. Edit the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenclient.cpp" line="129"/>
        <source>The revocation endpoint answered HTTP %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::TokenResponse</name>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="157"/>
        <source>The token server failed (HTTP %1). Try again in a minute; your sign-in is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="166"/>
        <source>The token endpoint answered with a web page instead of JSON (HTTP %1). Check the token URL of the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="169"/>
        <source>The token endpoint sent a response that is not valid JSON (HTTP %1). Try again; if it persists, the server is misbehaving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="179"/>
        <source>The token endpoint refused the request (HTTP %1) without an OAuth error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="189"/>
        <source>The token endpoint&apos;s answer is missing or mistypes a required field (%1). The server does not follow RFC 6749.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/core/auth/tokenset.cpp" line="199"/>
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
    <name>chartkey::cli</name>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="38"/>
        <source>the server gave no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="41"/>
        <source>access expired; renews on next use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="42"/>
        <source>access valid %1 h %2 min%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="45"/>
        <source>, renews automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="51"/>
        <source>Signed in to %1 (%2). Scope: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="64"/>
        <source>How long to wait for the browser, in seconds (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="67"/>
        <source>chartkey login [--profile NAME] [--browser CMD] [--wait SECONDS]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="111"/>
        <source>Opening the browser to sign in to %1. If it does not open, visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="150"/>
        <source>The sign-in was not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="152"/>
        <source>The sign-in was not kept, and its tokens were revoked at the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="162"/>
        <source>Sign-in took %1 ms: browser %2 ms, code exchange %3 ms, keychain %4 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="179"/>
        <source>chartkey token [--profile NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="202"/>
        <source>chartkey status [--profile NAME] [--json]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="235"/>
        <source>Signed in to %1 (%2) — %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="239"/>
        <source>Scope: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="241"/>
        <source>Signed out of %1 (%2). Sign in with: chartkey login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="253"/>
        <source>chartkey logout [--profile NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="267"/>
        <source>%1 had no stored sign-in; nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/authcommands.cpp" line="270"/>
        <source>Signed out of %1: the tokens were revoked and removed from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="27"/>
        <source>Usage: chartkey [COMMAND] [OPTIONS]

Without a command, chartkey opens the desktop app.

Commands:
  profile add NAME --instance URL --client-id ID [options]
                      add an EHR profile (see chartkey profile add --help)
  profile list|show NAME|remove NAME|set-secret NAME
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

Options for every command:
  --profile NAME      the profile to use (the default when there is only one)
  --browser CMD       the browser command for login (else $CHARTKEY_BROWSER,
                      else the desktop&apos;s default browser)
  --timeout SECONDS   network timeout (default 30)
  --verbose           log what happens on the wire (secrets are redacted)
  --version, --help

Exit status: 0 success, 1 failure, 2 usage error, 3 sign-in needed.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="86"/>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="99"/>
        <source>--timeout takes a number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="145"/>
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
        <location filename="../../app/cli/profilecommands.cpp" line="57"/>
        <source>The profile&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="59"/>
        <source>The EHR instance URL, e.g. https://example.canvasmedical.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="62"/>
        <source>The FHIR base URL (derived for *.canvasmedical.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="64"/>
        <source>The OAuth client ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="67"/>
        <source>Read a confidential client&apos;s secret from standard input (it goes to the keychain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="69"/>
        <source>Scopes to ask for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="72"/>
        <source>Loopback redirect URI; without a port any free port is used. Default http://127.0.0.1/callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="76"/>
        <source>authorization-code (default) or client-credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="79"/>
        <source>An extra authorization parameter NAME=VALUE (launch, aud, prompt); repeatable. Canvas&apos;s launch=e30= is the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="83"/>
        <source>The issuer expected in the redirect (RFC 9207); default the instance URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="87"/>
        <source>Replace an existing profile of that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="90"/>
        <source>chartkey profile add NAME --instance URL --client-id ID [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="93"/>
        <source>profile add needs a NAME, --instance URL and --client-id ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="98"/>
        <source>A profile named &quot;%1&quot; exists already. Remove it first, or add --replace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="118"/>
        <source>--grant is authorization-code or client-credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="126"/>
        <source>--auth-param takes NAME=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="145"/>
        <source>Added profile &quot;%1&quot; (%2). Sign in with: chartkey login --profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="152"/>
        <source>--client-secret-stdin was given, but standard input held no secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="160"/>
        <source>The profile was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="165"/>
        <source>Added profile &quot;%1&quot;; its client secret is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="178"/>
        <location filename="../../app/cli/profilecommands.cpp" line="208"/>
        <location filename="../../app/cli/profilecommands.cpp" line="292"/>
        <source>There is no profile named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="183"/>
        <source>Give the client secret on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="196"/>
        <source>The client secret of &quot;%1&quot; is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="218"/>
        <source>Removed profile &quot;%1&quot;. If a keychain that is not running now holds its tokens or secret, remove them there (service chartkey, keys tokens:%1 and client-secret:%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="227"/>
        <location filename="../../app/cli/profilecommands.cpp" line="235"/>
        <source>The profile was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="240"/>
        <source>Removed profile &quot;%1&quot; and its keychain entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="254"/>
        <source>profile needs a subcommand: add, list, show, remove, set-secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="272"/>
        <source>No profiles. Add one: chartkey profile add NAME --instance URL --client-id ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="285"/>
        <source>profile %1 needs exactly one NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/profilecommands.cpp" line="313"/>
        <source>Unknown profile subcommand &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::cli::Context</name>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="167"/>
        <source>There is no profile yet. Add one: chartkey profile add NAME --instance URL --client-id ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="172"/>
        <source>There are several profiles (%1): choose one with --profile NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="180"/>
        <source>There is no profile named &quot;%1&quot;. See: chartkey profile list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="206"/>
        <source>Sign in with: chartkey login%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="219"/>
        <source>See: chartkey --help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::fhir</name>
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
        <location filename="../../app/ui/activitydock.cpp" line="18"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="28"/>
        <source>HTTP exchanges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="38"/>
        <source>Exchange details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="39"/>
        <source>Select an exchange to see its headers and bodies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="47"/>
        <source>Copy as &amp;curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="48"/>
        <source>Copy the selected exchange as a curl command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="49"/>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/activitydock.cpp" line="50"/>
        <source>Clear the activity list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::MainWindow</name>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="37"/>
        <source>chartkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="40"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="43"/>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="45"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="50"/>
        <source>Sign-in state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="55"/>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="57"/>
        <source>&amp;Cancel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="58"/>
        <source>Copy sign-in &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="59"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="60"/>
        <source>&amp;Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="105"/>
        <source>%1 of %2 note actions were done; see the results for the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="126"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="127"/>
        <source>&amp;New profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="129"/>
        <source>&amp;Edit profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="132"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="135"/>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="143"/>
        <source>&amp;Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="144"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="149"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="154"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="155"/>
        <source>&amp;About chartkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="156"/>
        <source>About chartkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="157"/>
        <source>&lt;h3&gt;chartkey %1&lt;/h3&gt;&lt;p&gt;A desktop OAuth client for EHR APIs.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="228"/>
        <source>No profile — add one with File → New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="232"/>
        <source>Waiting for the browser… finish signing in there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="237"/>
        <source>Renewing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="249"/>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="254"/>
        <source>Signed out of %1 — Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="260"/>
        <source>, renews automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="262"/>
        <source>Signed in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="264"/>
        <source>Signed in to %1 — access valid %2 h %3 min%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="270"/>
        <source>Signed in to %1 — access expired%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="284"/>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="316"/>
        <source>Copy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="325"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="349"/>
        <source>Signed in. %1 was not done before; do it now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="351"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="354"/>
        <source>Signed in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="404"/>
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
        <location filename="../../app/ui/patientspanel.cpp" line="156"/>
        <source>Sign in to search patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="160"/>
        <source>Search patients by name, or press Search to list them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="164"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="167"/>
        <source>No patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="168"/>
        <source>No patients match “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="184"/>
        <source>%1 of %2 patients loaded%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="188"/>
        <source> — loading more…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/patientspanel.cpp" line="190"/>
        <source>%1 patients loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::ProfileEditorDialog</name>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="132"/>
        <source>Add profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="132"/>
        <source>Edit profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="138"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="138"/>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="142"/>
        <source>A profile keeps its name; add a new profile to use another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="144"/>
        <source>&amp;EHR instance URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="144"/>
        <source>EHR instance URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="147"/>
        <source>&amp;FHIR base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="147"/>
        <source>FHIR base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="149"/>
        <source>derived for *.canvasmedical.com; give it for other hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="150"/>
        <source>Client &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="150"/>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="155"/>
        <source>Client type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="156"/>
        <source>Public (PKCE, no secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="157"/>
        <source>Confidential (with a client secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="159"/>
        <source>Client &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="165"/>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="167"/>
        <source>Client &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="174"/>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="175"/>
        <source>Authorization code (sign in through the browser)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="177"/>
        <source>Client credentials (machine to machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="179"/>
        <source>&amp;Grant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="183"/>
        <source>Sco&amp;pes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="183"/>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="191"/>
        <source>An&amp;y free port (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="194"/>
        <source>Redirect to any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="195"/>
        <source>E&amp;xactly this URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="197"/>
        <source>Redirect to exactly this URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="200"/>
        <source>Redirect URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="207"/>
        <source>&amp;Redirect URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="213"/>
        <source>launch parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="214"/>
        <source>none (Canvas refuses staff users without it: e30=)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="215"/>
        <source>&amp;launch parameter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="220"/>
        <source>aud parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="221"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="222"/>
        <source>&amp;aud parameter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="226"/>
        <source>Show en&amp;dpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="229"/>
        <source>Endpoints (derived from the instance URL until edited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="234"/>
        <source>Authori&amp;zation URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="234"/>
        <source>Authorization URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="236"/>
        <source>To&amp;ken URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="236"/>
        <source>Token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="238"/>
        <source>Re&amp;vocation URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="238"/>
        <source>Revocation URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="240"/>
        <source>none: sign-out only forgets the tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="241"/>
        <source>Iss&amp;uer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="241"/>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="243"/>
        <source>none: the iss of the redirect is not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="249"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="291"/>
        <source>Problem with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="306"/>
        <source>unchanged (kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="498"/>
        <source>A profile named %1 already exists; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="501"/>
        <source>Give at least one scope, such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/profileeditor.cpp" line="506"/>
        <source>Enter the client secret of this confidential client, as shown by the application registered on the EHR.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chartkey::ui::TokenInspectorDialog</name>
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
</TS>

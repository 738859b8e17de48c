// What the authorization endpoint's first answer to a browserless request says, judged by
// what the answer is, not by its status. The check's redirect-uri step and the pre-flight of
// every sign-in (before the browser opens) ask it.
//
//   a sign-in page         an HTML form asking for a user or a password, or a redirect to
//                          the server's own pages: client and redirect URI accepted, whatever
//                          the status (200, 302, 303, 401)
//   back on the redirect   a redirect to the redirect URI: with a code (accepted), or with
//                          error= (the request was refused, in the server's words)
//   refused                an OAuth error (JSON with "error", an error page naming the
//                          redirect URI or the client), or a bare 400/403/404
//   cannot tell            anything else: 5xx, a 401 or 200 page that is no sign-in page, ...
//
// A sign-in is never blocked on a guess: only Refused and an error= redirect stop it.
#pragma once

#include "profile/profile.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace chartkey {

struct AuthorizationAnswer
{
    enum class Kind { SignInPage, CodeBack, ErrorBack, Refused, CannotTell };
    Kind kind = Kind::CannotTell;
    int status = 0;
    QString error;            // the OAuth error code, when the server gave one
    QString description;      // error_description, or the page's words
    bool namesRedirectUri = false;
    bool namesClient = false;
    QUrl location;            // a redirect's target, resolved

    bool stopsSignIn() const { return kind == Kind::Refused || kind == Kind::ErrorBack; }
    // The server's words: "invalid_request: Mismatching redirect URI.", or the page text.
    QString said() const;
};

// `location` is the Location header (empty when none); `requestUrl` resolves a relative one.
AuthorizationAnswer classifyAuthorizationAnswer(int status, const QByteArray &contentType,
                                                const QByteArray &location,
                                                const QByteArray &body, const QUrl &requestUrl,
                                                const QString &redirectUri);

// What a refusal (stopsSignIn()) means for `profile`, whose redirect URI sent was
// `sentRedirectUri`: a sentence naming the cause, and the next step.
struct RefusalExplained
{
    QString summary;
    QString hint;
};
// What to register for `profile`'s redirect URI, and the note on its port.
QString redirectHint(const Profile &profile);
QString redirectPortNote(const Profile &profile);

RefusalExplained explainRefusal(const AuthorizationAnswer &answer, const Profile &profile,
                                const QString &sentRedirectUri);

} // namespace chartkey

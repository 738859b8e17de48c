// Shows what the current sign-in of a profile holds, without ever showing a token: type,
// granted against requested scopes, when it was obtained and when it expires (counting
// down), whether it can be renewed, and the claims of a JWT access token. "Renew now" and a
// confirmed "Copy access token" act on the session.
#pragma once

#include "auth/tokenset.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace chartkey {
class Session;
struct TokenOutcome;
} // namespace chartkey

namespace chartkey::ui {

class TokenInspectorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenInspectorDialog)
public:
    explicit TokenInspectorDialog(Session *session, QWidget *parent = nullptr);
    ~TokenInspectorDialog() override;

private:
    void reload();
    void display(const TokenSet &tokens, const QString &problem);
    void showClaims(const QString &accessToken);
    void showIdentity(const TokenSet &tokens);
    void tick();
    void renew();
    void renewed(const TokenOutcome &outcome);
    void copyAccessToken();
    void setStatus(const QString &text, bool isError);
    QString localTime(const QDateTime &utc) const;

    QPointer<Session> m_session;
    TokenSet m_tokens;
    QTimer m_timer;
    bool m_problemShown = false; // the status line says why nothing is shown

    QLabel *m_profileName = nullptr;
    QLabel *m_tokenType = nullptr;
    QLabel *m_scopes = nullptr;
    QLabel *m_obtainedAt = nullptr;
    QLabel *m_expiresAt = nullptr;
    QLabel *m_timeLeft = nullptr;
    QLabel *m_refresh = nullptr;
    QLabel *m_claimsNote = nullptr;
    // Who signed in, from the ID token's claims (the token itself is never shown).
    QLabel *m_idNote = nullptr;
    QWidget *m_idForm = nullptr;
    QLabel *m_idName = nullptr;
    QLabel *m_idSubject = nullptr;
    QLabel *m_idFhirUser = nullptr;
    QLabel *m_idIssuer = nullptr;
    QLabel *m_idAudience = nullptr;
    QLabel *m_idExpires = nullptr;
    QTreeWidget *m_claims = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_renew = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace chartkey::ui

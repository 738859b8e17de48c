// The sections of the profile editor, in the order it shows them (as KeePassXC's
// EditEntryWidget splits an entry into pages): each lays out the rows of a part of the
// profile and binds them to the ProfileForm; the rules are the form's.
//
//   ServerSection     the preset, the name, the instance, the FHIR base, the discovery URL
//   ClientSection     the client ID, its type and secret, the grant, a static access token
//   SignInSection     the scopes, the redirect URI, the launch and aud parameters
//   EndpointsSection  authorization, token, revocation, issuer, the notes API
#pragma once

#include "profilesection.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace chartkey::ui {

class ServerSection final : public ProfileSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerSection)
public:
    explicit ServerSection(ProfileForm *form, QWidget *parent = nullptr);
    ~ServerSection() override;
    void refresh() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

    QLineEdit *nameEdit() const { return m_name; }
    // "Fetch endpoints", next to the discovery URL; the dialog does the fetching.
    QPushButton *fetchButton() const { return m_fetch; }

private:
    // A word-wrapped label in a form layout gets the height of its first width: keep it as
    // tall as its text needs at its width.
    void fitDescription();

    QComboBox *m_preset = nullptr;
    QLabel *m_description = nullptr;
    QLineEdit *m_name = nullptr;
    QPushButton *m_fetch = nullptr;
};

class ClientSection final : public ProfileSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientSection)
public:
    explicit ClientSection(ProfileForm *form, QWidget *parent = nullptr);
    ~ClientSection() override;
    void refresh() override;

private:
    QComboBox *m_clientType = nullptr;
    QComboBox *m_grant = nullptr;
    QLabel *m_grantNote = nullptr;
    Profile::Kind m_grantsOf{}; // the preset whose grants m_grant lists
    bool m_grantsListed = false;
};

class SignInSection final : public ProfileSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInSection)
public:
    explicit SignInSection(ProfileForm *form, QWidget *parent = nullptr);
    ~SignInSection() override;
    void refresh() override;

private:
    QCheckBox *m_identity = nullptr;
    QRadioButton *m_any = nullptr;
    QRadioButton *m_exact = nullptr;
    QLineEdit *m_redirectUri = nullptr;
};

class EndpointsSection final : public ProfileSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointsSection)
public:
    explicit EndpointsSection(ProfileForm *form, QWidget *parent = nullptr);
    ~EndpointsSection() override;
    void refresh() override;
};

} // namespace chartkey::ui

#include "profilesections.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace chartkey::ui {

namespace {

// The client type list's third entry: confidential, authenticating with a key.
constexpr int kConfidentialWithKey = 100;

// Shows `value` in `combo` without it counting as the person's choice.
void select(QComboBox *combo, int value)
{
    const QSignalBlocker block(combo);
    combo->setCurrentIndex(combo->findData(value));
}

QString grantTitle(Profile::Grant grant)
{
    switch (grant) {
    case Profile::Grant::AuthorizationCode:
        return ClientSection::tr("Authorization code (sign in through the browser)");
    case Profile::Grant::ClientCredentials:
        return ClientSection::tr("Client credentials (machine to machine)");
    case Profile::Grant::StaticToken:
        return ClientSection::tr("Access token made by hand (kept in the keychain)");
    }
    return {};
}

} // namespace

// ------------------------------------------------------------------ server

ServerSection::ServerSection(ProfileForm *form, QWidget *parent)
    : ProfileSection(form, tr("Server"), parent)
{
    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("preset"));
    m_preset->setAccessibleName(tr("Server preset"));
    const QList<ServerPreset> presets = ServerPreset::all();
    for (const ServerPreset &preset : presets)
        m_preset->addItem(preset.title, int(preset.kind));
    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("presetDescription"));
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    m_description->installEventFilter(this);
    addRow(ProfileField::Kind, tr("&Connects to:"), m_preset);
    // Across the whole width, under the list: a paragraph on what the preset is for.
    rows()->insertRow(1, m_description);
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        this->form()->setKind(Profile::Kind(m_preset->currentData().toInt()));
    });

    m_name = addLineEdit(ProfileField::Name, tr("&Name:"), tr("Profile name"),
                         QStringLiteral("name"));
    if (form->mode() == ProfileForm::Mode::Edit) {
        m_name->setReadOnly(true);
        m_name->setToolTip(tr("A profile keeps its name; add a new profile to use another."));
    }
    addLineEdit(ProfileField::Instance, tr("&EHR instance URL:"), tr("EHR instance URL"),
                QStringLiteral("instanceUrl"));
    addLineEdit(ProfileField::FhirBase, tr("&FHIR base URL:"), tr("FHIR base URL"),
                QStringLiteral("fhirBaseUrl"));
    m_fetch = new QPushButton(tr("Fetc&h endpoints"), this);
    m_fetch->setObjectName(QStringLiteral("fetchEndpoints"));
    m_fetch->setToolTip(tr("Read the authorization, token and revocation endpoints and the "
                           "issuer from the discovery document."));
    addLineEdit(ProfileField::Discovery, tr("Disc&overy URL:"), tr("Discovery URL"),
                QStringLiteral("discoveryUrl"), m_fetch);
}

ServerSection::~ServerSection() = default;

void ServerSection::refresh()
{
    ProfileSection::refresh();
    select(m_preset, int(form()->kind()));
    const QString description = form()->preset().description;
    if (m_description->text() != description) {
        m_description->setText(description);
        fitDescription();
    }
}

bool ServerSection::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_description && event->type() == QEvent::Resize)
        fitDescription();
    return ProfileSection::eventFilter(watched, event);
}

void ServerSection::fitDescription()
{
    // Only at a width it can be shown at: a label not laid out yet is a few pixels wide.
    if (m_description->width() < 200)
        return;
    const int needed = m_description->heightForWidth(m_description->width());
    if (needed > 0 && m_description->minimumHeight() != needed)
        m_description->setMinimumHeight(needed);
}

// ------------------------------------------------------------------ client

ClientSection::ClientSection(ProfileForm *form, QWidget *parent)
    : ProfileSection(form, tr("Client registration"), parent)
{
    addLineEdit(ProfileField::ClientId, tr("Client &ID:"), tr("Client ID"),
                QStringLiteral("clientId"));

    m_clientType = new QComboBox(this);
    m_clientType->setObjectName(QStringLiteral("clientType"));
    m_clientType->setAccessibleName(tr("Client type"));
    m_clientType->addItem(tr("Public (PKCE, no secret)"), int(Profile::ClientType::Public));
    m_clientType->addItem(tr("Confidential (with a client secret)"),
                          int(Profile::ClientType::Confidential));
    // private_key_jwt: the key is made with `chartkey key generate` and stays in the keychain.
    m_clientType->addItem(tr("Confidential (with a key: private_key_jwt)"), kConfidentialWithKey);
    addRow(ProfileField::ClientType, tr("Client &type:"), m_clientType);
    connect(m_clientType, &QComboBox::currentIndexChanged, this, [this] {
        const int chosen = m_clientType->currentData().toInt();
        ProfileForm *f = this->form();
        if (chosen == kConfidentialWithKey) {
            f->setClientAuth(Profile::ClientAuth::PrivateKeyJwt);
            return;
        }
        if (f->clientAuth() == Profile::ClientAuth::PrivateKeyJwt
            || (chosen == int(Profile::ClientType::Public)
                && f->clientAuth() != Profile::ClientAuth::Automatic))
            f->setClientAuth(Profile::ClientAuth::Automatic);
        f->setClientType(Profile::ClientType(chosen));
    });

    QLineEdit *secret = addLineEdit(ProfileField::ClientSecret, tr("Client &secret:"),
                                    tr("Client secret"), QStringLiteral("clientSecret"));
    secret->setEchoMode(QLineEdit::Password);

    m_grant = new QComboBox(this);
    m_grant->setObjectName(QStringLiteral("grant"));
    m_grant->setAccessibleName(tr("Grant"));
    m_grantNote = new QLabel(this);
    m_grantNote->setObjectName(QStringLiteral("grantNote"));
    m_grantNote->setWordWrap(true);
    m_grantNote->setTextFormat(Qt::PlainText);
    auto *grantBox = new QWidget(this);
    auto *grantLayout = new QVBoxLayout(grantBox);
    grantLayout->setContentsMargins(0, 0, 0, 0);
    grantLayout->addWidget(m_grant);
    grantLayout->addWidget(m_grantNote);
    addRow(ProfileField::Grant, tr("&Grant:"), m_grant, grantBox);
    connect(m_grant, &QComboBox::currentIndexChanged, this, [this] {
        this->form()->setGrant(Profile::Grant(m_grant->currentData().toInt()));
    });

    QLineEdit *token = addLineEdit(ProfileField::AccessToken, tr("Access to&ken:"),
                                   tr("Access token"), QStringLiteral("accessToken"));
    token->setEchoMode(QLineEdit::Password);
    token->setToolTip(tr("Kept in the keychain, never shown again."));
}

ClientSection::~ClientSection() = default;

void ClientSection::refresh()
{
    ProfileSection::refresh();
    const ServerPreset preset = form()->preset();
    if (!m_grantsListed || m_grantsOf != preset.kind) {
        const QSignalBlocker block(m_grant);
        m_grant->clear();
        for (Profile::Grant g : preset.grants)
            m_grant->addItem(grantTitle(g), int(g));
        m_grantsOf = preset.kind;
        m_grantsListed = true;
    }
    select(m_grant, int(form()->grant()));
    select(m_clientType, form()->clientAuth() == Profile::ClientAuth::PrivateKeyJwt
                                 ? kConfidentialWithKey
                                 : int(form()->clientType()));
    // Why a sign-in grant is missing from the list, when the reason is worth knowing.
    const QString note = preset.notedRefusal ? preset.refusal(*preset.notedRefusal) : QString();
    m_grantNote->setText(note);
    m_grantNote->setVisible(!note.isEmpty());
}

// ------------------------------------------------------------------ sign-in

SignInSection::SignInSection(ProfileForm *form, QWidget *parent)
    : ProfileSection(form, tr("Scopes and redirect"), parent)
{
    m_identity = new QCheckBox(tr("&Who signs in (OpenID)"), this);
    m_identity->setObjectName(QStringLiteral("asksIdentity"));
    m_identity->setToolTip(tr("Adds openid and fhirUser to the scopes: the EHR then sends an ID "
                              "token that names who signed in, and chartkey checks it before "
                              "keeping anything. Leave it off for an EHR that offers no OpenID "
                              "Connect (Canvas registers apps without it by default)."));
    addLineEdit(ProfileField::Scope, tr("Sco&pes:"), tr("Scopes"), QStringLiteral("scope"),
                m_identity);
    connect(m_identity, &QCheckBox::toggled, this, [this](bool ask) {
        if (!isRefreshing())
            this->form()->setAsksIdentity(ask);
    });

    auto *redirect = new QWidget(this);
    auto *redirectLayout = new QVBoxLayout(redirect);
    redirectLayout->setContentsMargins(0, 0, 0, 0);
    m_any = new QRadioButton(
            tr("An&y free port (%1)").arg(QString::fromLatin1(Profile::kDefaultRedirectUri)),
            redirect);
    m_any->setObjectName(QStringLiteral("redirectAnyPort"));
    m_any->setAccessibleName(tr("Redirect to any free port"));
    m_exact = new QRadioButton(tr("E&xactly this URI:"), redirect);
    m_exact->setObjectName(QStringLiteral("redirectExact"));
    m_exact->setAccessibleName(tr("Redirect to exactly this URI"));
    m_redirectUri = new QLineEdit(redirect);
    m_redirectUri->setObjectName(QStringLiteral("redirectUri"));
    m_redirectUri->setAccessibleName(tr("Redirect URI"));
    auto *exactRow = new QHBoxLayout;
    exactRow->addWidget(m_exact);
    exactRow->addWidget(m_redirectUri, 1);
    redirectLayout->addWidget(m_any);
    redirectLayout->addLayout(exactRow);
    addRow(ProfileField::Redirect, tr("&Redirect URI:"), m_redirectUri, redirect, m_any);
    connect(m_exact, &QRadioButton::toggled, this, [this](bool exact) {
        if (!isRefreshing())
            this->form()->setRedirectExact(exact);
    });
    connect(m_redirectUri, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!isRefreshing())
            this->form()->setText(ProfileField::Redirect, text);
    });

    addLineEdit(ProfileField::Launch, tr("&launch parameter:"), tr("launch parameter"),
                QStringLiteral("launch"));
    addLineEdit(ProfileField::Aud, tr("&aud parameter:"), tr("aud parameter"),
                QStringLiteral("aud"));
}

SignInSection::~SignInSection() = default;

void SignInSection::refresh()
{
    ProfileSection::refresh();
    {
        const QSignalBlocker block(m_identity);
        m_identity->setChecked(form()->asksIdentity());
    }
    m_identity->setEnabled(form()->isEnabled(ProfileField::Scope));
    const bool exact = form()->redirectIsExact();
    {
        const QSignalBlocker blockAny(m_any);
        const QSignalBlocker blockExact(m_exact);
        m_any->setChecked(!exact);
        m_exact->setChecked(exact);
    }
    const bool enabled = form()->isEnabled(ProfileField::Redirect);
    m_any->setEnabled(enabled);
    m_exact->setEnabled(enabled);
    m_redirectUri->setEnabled(enabled && exact);
    m_redirectUri->setPlaceholderText(form()->placeholder(ProfileField::Redirect));
    if (m_redirectUri->text() != form()->text(ProfileField::Redirect)) {
        const QSignalBlocker block(m_redirectUri);
        m_redirectUri->setText(form()->text(ProfileField::Redirect));
    }
}

// ------------------------------------------------------------------ endpoints

EndpointsSection::EndpointsSection(ProfileForm *form, QWidget *parent)
    : ProfileSection(form, QString(), parent)
{
    setObjectName(QStringLiteral("endpoints"));
    addLineEdit(ProfileField::Authorization, tr("Authori&zation URL:"), tr("Authorization URL"),
                QStringLiteral("authorizationUrl"));
    addLineEdit(ProfileField::Token, tr("To&ken URL:"), tr("Token URL"),
                QStringLiteral("tokenUrl"));
    addLineEdit(ProfileField::Revocation, tr("Re&vocation URL:"), tr("Revocation URL"),
                QStringLiteral("revocationUrl"));
    addLineEdit(ProfileField::EndSession, tr("&Browser sign-out URL:"),
                tr("Browser sign-out URL (end_session_endpoint)"),
                QStringLiteral("endSessionUrl"));
    addLineEdit(ProfileField::Issuer, tr("Iss&uer:"), tr("Issuer"), QStringLiteral("issuer"));
    addLineEdit(ProfileField::Notes, tr("Notes AP&I URL:"), tr("Notes API URL"),
                QStringLiteral("notesBaseUrl"));
}

EndpointsSection::~EndpointsSection() = default;

void EndpointsSection::refresh()
{
    const bool wasVisible = isVisibleTo(parentWidget());
    ProfileSection::refresh();
    setVisible(wasVisible && hasVisibleRows()); // the dialog's "Show endpoints" decides
    setTitle(form()->preset().usesDiscovery
                     ? tr("Endpoints (from the discovery document, or typed)")
                     : tr("Endpoints (derived from the instance URL until edited)"));
}

} // namespace chartkey::ui

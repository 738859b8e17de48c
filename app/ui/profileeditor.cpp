#include "profileeditor.h"
#include "profile/wellknown.h"

#include "auth/discovery.h"
#include "profile/scopes.h"
#include "net/http.h"
#include "auth/discoveryfetch.h"
#include "profile/presets.h"
#include "profile/profilejson.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSaveFile>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <functional>
#include <utility>

namespace chartkey::ui {

namespace {

const QString kLaunch = QStringLiteral("launch");
const QString kAud = QStringLiteral("aud");

// The URL typed in `text`; `initial` itself while the text still shows it (so that an
// unchanged field round-trips exactly).
QUrl urlFrom(const QString &text, const QUrl &initial)
{
    const QString t = text.trimmed();
    if (t == initial.toString())
        return initial;
    if (t.isEmpty())
        return {};
    return QUrl(t, QUrl::StrictMode);
}

// The text typed in `text`, trimmed; `initial` while it still shows it.
QString textFrom(const QString &text, const QString &initial)
{
    return text == initial ? initial : text.trimmed();
}

// What the preset of `kind` derives from `instance`; empty while it is not a URL with a host,
// and for the kinds whose endpoints come from a discovery document.
Profile derivedFrom(Profile::Kind kind, const QUrl &instance)
{
    if (!instance.isValid() || instance.host().isEmpty() || ServerPreset::of(kind).usesDiscovery)
        return {};
    PresetInputs inputs;
    inputs.instanceUrl = instance;
    return makeProfile(kind, inputs);
}

bool isStatic(int grant)
{
    return grant == int(Profile::Grant::StaticToken);
}

QString paramValue(const Profile &profile, const QString &name)
{
    for (const auto &[key, value] : profile.extraAuthParams) {
        if (key == name)
            return value;
    }
    return {};
}

// Sets the first parameter `name` to `value` (removes it when `value` is empty), or appends it.
void setParam(QList<std::pair<QString, QString>> &params, const QString &name, const QString &value)
{
    for (qsizetype i = 0; i < params.size(); ++i) {
        if (params.at(i).first != name)
            continue;
        if (value.isEmpty())
            params.removeAt(i);
        else
            params[i].second = value;
        return;
    }
    if (!value.isEmpty())
        params.append({name, value});
}

QLabel *makeErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // the sentences quote what the person typed
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::WindowText,
                     dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    label->setPalette(palette);
    label->hide();
    return label;
}

} // namespace

ProfileEditorDialog::ProfileEditorDialog(const Profile &initial, bool isNew,
                                         const QStringList &existingNames, QWidget *parent)
    : QDialog(parent)
    , m_initial(initial)
    , m_kind(initial.kind)
    , m_isNew(isNew)
    , m_storedSecret(!isNew && initial.isConfidential())
    , m_storedToken(!isNew && initial.grant == Profile::Grant::StaticToken)
    , m_existingNames(existingNames)
{
    if (m_isNew && m_initial.scope.isEmpty() && m_initial.redirectUri.isEmpty()
        && m_initial.extraAuthParams.isEmpty()) {
        // A blank new profile: the preset's defaults.
        const Profile d = makeProfile(m_kind, {initial.name, initial.instanceUrl,
                                               initial.fhirBaseUrl, initial.discoveryUrl});
        m_initial = d;
        m_initial.clientId = initial.clientId;
    }
    resetFollows();

    setWindowTitle(m_isNew ? tr("Add profile") : tr("Edit profile %1").arg(m_initial.name));
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_form);

    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("preset"));
    m_preset->setAccessibleName(tr("Server preset"));
    const QList<ServerPreset> presets = ServerPreset::all();
    for (const ServerPreset &preset : presets)
        m_preset->addItem(preset.title, int(preset.kind));
    auto *presetLabel = new QLabel(tr("&Connects to:"), this);
    presetLabel->setBuddy(m_preset);
    m_presetDescription = new QLabel(this);
    m_presetDescription->setObjectName(QStringLiteral("presetDescription"));
    m_presetDescription->setWordWrap(true);
    m_presetDescription->setTextFormat(Qt::PlainText);
    auto *presetBox = new QWidget(this);
    auto *presetLayout = new QVBoxLayout(presetBox);
    presetLayout->setContentsMargins(0, 0, 0, 0);
    presetLayout->addWidget(m_preset);
    presetLayout->addWidget(m_presetDescription);
    m_form->addRow(presetLabel, presetBox);

    m_name = addLineEdit(m_form, tr("&Name:"), tr("Profile name"), QStringLiteral("name"),
                         Field::Name);
    if (!m_isNew) {
        m_name->setReadOnly(true);
        m_name->setToolTip(tr("A profile keeps its name; add a new profile to use another."));
    }
    m_instance = addLineEdit(m_form, tr("&EHR instance URL:"), tr("EHR instance URL"),
                             QStringLiteral("instanceUrl"), Field::Instance);
    m_instance->setPlaceholderText(QStringLiteral("https://example.canvasmedical.com"));
    m_fhirBase = addLineEdit(m_form, tr("&FHIR base URL:"), tr("FHIR base URL"),
                             QStringLiteral("fhirBaseUrl"), Field::FhirBase);
    m_discoveryUrl = addLineEdit(m_form, tr("Disc&overy URL:"), tr("Discovery URL"),
                                 QStringLiteral("discoveryUrl"), Field::Discovery);
    m_discoveryUrl->setPlaceholderText(
            QStringLiteral("https://login.example.com/.well-known/openid-configuration"));
    m_fetch = new QPushButton(tr("Fetc&h endpoints"), this);
    m_fetch->setObjectName(QStringLiteral("fetchEndpoints"));
    m_fetch->setToolTip(tr("Read the authorization, token and revocation endpoints and the "
                           "issuer from the discovery document."));
    // The button sits next to the discovery URL, above its problem line.
    if (auto *box = qobject_cast<QVBoxLayout *>(m_rows.value(Field::Discovery)->layout())) {
        auto *row = new QHBoxLayout;
        box->removeWidget(m_discoveryUrl);
        row->addWidget(m_discoveryUrl, 1);
        row->addWidget(m_fetch);
        box->insertLayout(0, row);
    }
    m_clientId = addLineEdit(m_form, tr("Client &ID:"), tr("Client ID"), QStringLiteral("clientId"),
                             Field::ClientId);

    m_clientType = new QComboBox(this);
    m_clientType->setObjectName(QStringLiteral("clientType"));
    m_clientType->setAccessibleName(tr("Client type"));
    m_clientType->addItem(tr("Public (PKCE, no secret)"), int(Profile::ClientType::Public));
    m_clientType->addItem(tr("Confidential (with a client secret)"),
                          int(Profile::ClientType::Confidential));
    auto *clientTypeLabel = new QLabel(tr("Client &type:"), this);
    clientTypeLabel->setBuddy(m_clientType);
    m_form->addRow(clientTypeLabel, withError(m_clientType, Field::ClientType));

    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("clientSecret"));
    m_secret->setAccessibleName(tr("Client secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    auto *secretLabel = new QLabel(tr("Client &secret:"), this);
    secretLabel->setBuddy(m_secret);
    m_secretRow = withError(m_secret, Field::ClientSecret);
    m_form->addRow(secretLabel, m_secretRow);

    m_grant = new QComboBox(this);
    m_grant->setObjectName(QStringLiteral("grant"));
    m_grant->setAccessibleName(tr("Grant"));
    auto *grantLabel = new QLabel(tr("&Grant:"), this);
    grantLabel->setBuddy(m_grant);
    m_grantNote = new QLabel(this);
    m_grantNote->setObjectName(QStringLiteral("grantNote"));
    m_grantNote->setWordWrap(true);
    m_grantNote->setTextFormat(Qt::PlainText);
    auto *grantBox = new QWidget(this);
    auto *grantLayout = new QVBoxLayout(grantBox);
    grantLayout->setContentsMargins(0, 0, 0, 0);
    grantLayout->addWidget(m_grant);
    grantLayout->addWidget(m_grantNote);
    m_form->addRow(grantLabel, withError(m_grant, Field::Grant, grantBox));

    m_accessToken = new QLineEdit(this);
    m_accessToken->setObjectName(QStringLiteral("accessToken"));
    m_accessToken->setAccessibleName(tr("Access token"));
    m_accessToken->setEchoMode(QLineEdit::Password);
    m_accessToken->setToolTip(tr("Kept in the keychain, never shown again."));
    auto *tokenLabel = new QLabel(tr("Access to&ken:"), this);
    tokenLabel->setBuddy(m_accessToken);
    m_form->addRow(tokenLabel, withError(m_accessToken, Field::AccessToken));

    m_scope = addLineEdit(m_form, tr("Sco&pes:"), tr("Scopes"), QStringLiteral("scope"),
                          Field::Scope);
    m_scope->setPlaceholderText(QString::fromLatin1(Profile::kDefaultScope));

    auto *redirect = new QWidget(this);
    auto *redirectLayout = new QVBoxLayout(redirect);
    redirectLayout->setContentsMargins(0, 0, 0, 0);
    m_redirectAny = new QRadioButton(
            tr("An&y free port (%1)").arg(QString::fromLatin1(Profile::kDefaultRedirectUri)),
            redirect);
    m_redirectAny->setObjectName(QStringLiteral("redirectAnyPort"));
    m_redirectAny->setAccessibleName(tr("Redirect to any free port"));
    m_redirectExact = new QRadioButton(tr("E&xactly this URI:"), redirect);
    m_redirectExact->setObjectName(QStringLiteral("redirectExact"));
    m_redirectExact->setAccessibleName(tr("Redirect to exactly this URI"));
    m_redirectUri = new QLineEdit(redirect);
    m_redirectUri->setObjectName(QStringLiteral("redirectUri"));
    m_redirectUri->setAccessibleName(tr("Redirect URI"));
    m_redirectUri->setPlaceholderText(QStringLiteral("http://127.0.0.1:8765/callback"));
    auto *exactRow = new QHBoxLayout;
    exactRow->addWidget(m_redirectExact);
    exactRow->addWidget(m_redirectUri, 1);
    redirectLayout->addWidget(m_redirectAny);
    redirectLayout->addLayout(exactRow);
    auto *redirectLabel = new QLabel(tr("&Redirect URI:"), this);
    redirectLabel->setBuddy(m_redirectAny);
    m_form->addRow(redirectLabel, withError(m_redirectUri, Field::Redirect, redirect));

    m_launch = new QLineEdit(this);
    m_launch->setObjectName(QStringLiteral("launch"));
    m_launch->setAccessibleName(tr("launch parameter"));
    m_launch->setPlaceholderText(tr("none (Canvas refuses staff users without it: e30=)"));
    auto *launchLabel = new QLabel(tr("&launch parameter:"), this);
    launchLabel->setBuddy(m_launch);
    m_form->addRow(launchLabel, m_launch);
    m_aud = new QLineEdit(this);
    m_aud->setObjectName(QStringLiteral("aud"));
    m_aud->setAccessibleName(tr("aud parameter"));
    m_aud->setPlaceholderText(tr("optional"));
    auto *audLabel = new QLabel(tr("&aud parameter:"), this);
    audLabel->setBuddy(m_aud);
    m_form->addRow(audLabel, m_aud);

    m_showEndpoints = new QCheckBox(tr("Show en&dpoints"), this);
    m_showEndpoints->setObjectName(QStringLiteral("showEndpoints"));
    layout->addWidget(m_showEndpoints);
    m_endpoints = new QGroupBox(tr("Endpoints (derived from the instance URL until edited)"), this);
    m_endpoints->setObjectName(QStringLiteral("endpoints"));
    auto *endpointForm = new QFormLayout(m_endpoints);
    endpointForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_authorizationUrl
            = addLineEdit(endpointForm, tr("Authori&zation URL:"), tr("Authorization URL"),
                          QStringLiteral("authorizationUrl"), Field::Authorization);
    m_tokenUrl = addLineEdit(endpointForm, tr("To&ken URL:"), tr("Token URL"),
                             QStringLiteral("tokenUrl"), Field::Token);
    m_revocationUrl = addLineEdit(endpointForm, tr("Re&vocation URL:"), tr("Revocation URL"),
                                  QStringLiteral("revocationUrl"), Field::Revocation);
    m_revocationUrl->setPlaceholderText(tr("none: sign-out only forgets the tokens"));
    m_issuer = addLineEdit(endpointForm, tr("Iss&uer:"), tr("Issuer"), QStringLiteral("issuer"),
                           Field::Issuer);
    m_issuer->setPlaceholderText(tr("none: the iss of the redirect is not checked"));
    m_endpoints->hide();
    layout->addWidget(m_endpoints);

    m_otherProblems = makeErrorLabel(this);
    m_otherProblems->setObjectName(QStringLiteral("otherProblems"));
    m_otherProblems->setAccessibleName(tr("Problems"));
    m_errors.insert(Field::Other, m_otherProblems);
    layout->addWidget(m_otherProblems);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    layout->addWidget(m_notice);

    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *exportButton = m_buttons->addButton(tr("E&xport…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("exportProfile"));
    exportButton->setToolTip(tr("Save this profile as a JSON file, without secrets."));
    QPushButton *importButton = m_buttons->addButton(tr("I&mport…"), QDialogButtonBox::ActionRole);
    importButton->setObjectName(QStringLiteral("importProfile"));
    importButton->setToolTip(tr("Fill the form from an exported profile."));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, &ProfileEditorDialog::exportToFile);
    connect(importButton, &QPushButton::clicked, this, &ProfileEditorDialog::importFromFile);
    connect(m_fetch, &QPushButton::clicked, this, &ProfileEditorDialog::fetchEndpoints);

    setKind(m_kind);
    fillFrom(m_initial);
    connectFields();
    updateVisibility();
    revalidate();
    setMinimumWidth(600);
}

ProfileEditorDialog::~ProfileEditorDialog() = default;

QLineEdit *ProfileEditorDialog::addLineEdit(QFormLayout *form, const QString &label,
                                            const QString &accessibleName,
                                            const QString &objectName, Field field)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    auto *buddy = new QLabel(label, this);
    buddy->setBuddy(edit);
    form->addRow(buddy, withError(edit, field));
    return edit;
}

// `input` (or `row`, which contains it) with a problem label under it.
QWidget *ProfileEditorDialog::withError(QWidget *input, Field field, QWidget *row)
{
    auto *container = new QWidget(this);
    auto *layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(row ? row : input);
    QLabel *error = makeErrorLabel(container);
    error->setObjectName(input->objectName() + QStringLiteral("Error"));
    error->setAccessibleName(tr("Problem with %1").arg(input->accessibleName()));
    layout->addWidget(error);
    m_errors.insert(field, error);
    m_inputs.insert(field, input);
    m_rows.insert(field, container);
    return container;
}

void ProfileEditorDialog::fillFrom(const Profile &profile)
{
    m_name->setText(profile.name);
    m_instance->setText(profile.instanceUrl.toString());
    m_fhirBase->setText(profile.fhirBaseUrl.toString());
    m_discoveryUrl->setText(profile.discoveryUrl.toString());
    m_clientId->setText(profile.clientId);
    m_clientType->setCurrentIndex(m_clientType->findData(int(profile.clientType)));
    m_secret->setPlaceholderText(m_storedSecret ? tr("unchanged (kept in the keychain)")
                                                : QString());
    m_accessToken->clear();
    m_accessToken->setPlaceholderText(
            m_storedToken ? tr("unchanged (kept in the keychain)")
                          : tr("paste the token; it goes to the keychain"));
    const int grantIndex = m_grant->findData(int(profile.grant));
    m_grant->setCurrentIndex(grantIndex >= 0 ? grantIndex : 0);
    m_scope->setText(profile.scope);
    const bool anyPort = profile.redirectUri.isEmpty()
            || profile.redirectUri == QUrl(QString::fromLatin1(Profile::kDefaultRedirectUri));
    m_redirectAny->setChecked(anyPort);
    m_redirectExact->setChecked(!anyPort);
    m_redirectUri->setText(anyPort ? QString() : profile.redirectUri.toString());
    m_launch->setText(paramValue(profile, kLaunch));
    m_aud->setText(paramValue(profile, kAud));
    m_authorizationUrl->setText(profile.authorizationUrl.toString());
    m_tokenUrl->setText(profile.tokenUrl.toString());
    m_revocationUrl->setText(profile.revocationUrl.toString());
    m_issuer->setText(profile.issuer);
}

void ProfileEditorDialog::connectFields()
{
    // textEdited: typed by the person (marks the field as theirs); textChanged: any change.
    const auto edited = [this](QLineEdit *edit, Field field, bool *follows) {
        connect(edit, &QLineEdit::textEdited, this, [this, field, follows](const QString &text) {
            if (follows)
                *follows = text.trimmed().isEmpty(); // cleared: derived again from now on
            touch(field);
        });
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditorDialog::revalidate);
    };
    edited(m_name, Field::Name, nullptr);
    edited(m_fhirBase, Field::FhirBase, &m_fhirFollows);
    edited(m_clientId, Field::ClientId, nullptr);
    edited(m_secret, Field::ClientSecret, nullptr);
    edited(m_scope, Field::Scope, nullptr);
    edited(m_authorizationUrl, Field::Authorization, &m_authorizationFollows);
    edited(m_tokenUrl, Field::Token, &m_tokenFollows);
    edited(m_revocationUrl, Field::Revocation, &m_revocationFollows);
    edited(m_issuer, Field::Issuer, &m_issuerFollows);
    edited(m_launch, Field::Other, nullptr);
    edited(m_aud, Field::Other, &m_audFollows);
    edited(m_accessToken, Field::AccessToken, nullptr);
    edited(m_discoveryUrl, Field::Discovery, &m_discoveryFollows);
    connect(m_fhirBase, &QLineEdit::textEdited, this, &ProfileEditorDialog::deriveFromFhirBase);
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        const auto kind = Profile::Kind(m_preset->currentData().toInt());
        if (kind != m_kind)
            applyPreset(kind);
    });
    connect(m_instance, &QLineEdit::textEdited, this, [this] {
        touch(Field::Instance);
        deriveFromInstance();
    });
    connect(m_instance, &QLineEdit::textChanged, this, &ProfileEditorDialog::revalidate);
    const auto redirectEdited = [this] {
        m_redirectTouched = true;
        touch(Field::Redirect);
        updateVisibility();
        revalidate();
    };
    connect(m_redirectAny, &QRadioButton::toggled, this, redirectEdited);
    connect(m_redirectUri, &QLineEdit::textEdited, this, redirectEdited);
    for (auto [combo, field] :
         {std::pair {m_clientType, Field::ClientType}, std::pair {m_grant, Field::Grant}}) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this, field = field] {
            touch(field);
            updateVisibility();
            revalidate();
        });
    }
    connect(m_showEndpoints, &QCheckBox::toggled, this, [this](bool on) {
        m_endpoints->setVisible(on);
        if (!on)
            adjustSize();
    });
}

void ProfileEditorDialog::deriveFromInstance()
{
    if (ServerPreset::of(m_kind).usesDiscovery)
        return; // the endpoints come from the discovery document
    const Profile d = derivedFrom(m_kind, urlFrom(m_instance->text(), QUrl()));
    if (m_fhirFollows)
        m_fhirBase->setText(d.fhirBaseUrl.toString());
    if (m_authorizationFollows)
        m_authorizationUrl->setText(d.authorizationUrl.toString());
    if (m_tokenFollows)
        m_tokenUrl->setText(d.tokenUrl.toString());
    if (m_revocationFollows)
        m_revocationUrl->setText(d.revocationUrl.toString());
    if (m_issuerFollows)
        m_issuer->setText(d.issuer);
}

void ProfileEditorDialog::deriveFromFhirBase()
{
    // A SMART server is found through its FHIR base: the discovery document and the aud
    // parameter follow it.
    if (!ServerPreset::of(m_kind).audFollowsFhirBase)
        return;
    const QUrl fhir = urlFrom(m_fhirBase->text(), QUrl()).adjusted(QUrl::StripTrailingSlash);
    if (m_discoveryFollows)
        m_discoveryUrl->setText(fhir.isValid() && !fhir.host().isEmpty()
                                        ? wellknown::smartConfiguration(fhir).toString()
                                        : QString());
    if (m_audFollows)
        m_aud->setText(fhir.toString());
}

void ProfileEditorDialog::setFieldVisible(Field field, bool visible)
{
    QWidget *row = m_rows.value(field);
    if (!row)
        return;
    for (QFormLayout *form : {m_form, qobject_cast<QFormLayout *>(m_endpoints->layout())}) {
        int index = -1;
        QFormLayout::ItemRole role;
        form->getWidgetPosition(row, &index, &role);
        if (index >= 0) {
            form->setRowVisible(index, visible);
            return;
        }
    }
}

void ProfileEditorDialog::updateVisibility()
{
    const ServerPreset preset = ServerPreset::of(m_kind);
    const bool staticToken = isStatic(m_grant->currentData().toInt());
    const bool confidential
            = m_clientType->currentData().toInt() == int(Profile::ClientType::Confidential);
    // Only the fields this kind of server and this grant use.
    setFieldVisible(Field::Instance, !preset.usesDiscovery);
    setFieldVisible(Field::FhirBase, preset.fhirBase != ServerPreset::FhirBase::None);
    setFieldVisible(Field::Discovery, preset.usesDiscovery);
    setFieldVisible(Field::ClientId, !staticToken);
    setFieldVisible(Field::ClientType, !staticToken);
    setFieldVisible(Field::ClientSecret, !staticToken && confidential);
    setFieldVisible(Field::AccessToken, staticToken);
    setFieldVisible(Field::Scope, !staticToken);
    setFieldVisible(Field::Redirect, !staticToken);
    m_form->setRowVisible(m_launch, !staticToken && preset.showsLaunch);
    m_form->setRowVisible(m_aud, !staticToken && preset.showsAud);
    m_showEndpoints->setVisible(!staticToken);
    if (staticToken)
        m_endpoints->hide();
    else
        m_endpoints->setVisible(m_showEndpoints->isChecked());
    m_fhirBase->setPlaceholderText(preset.placeholder(ProfileField::FhirBase));
    m_instance->setPlaceholderText(preset.placeholder(ProfileField::Instance));
    const bool code = m_grant->currentData().toInt() == int(Profile::Grant::AuthorizationCode);
    // Only the browser sign-in uses the redirect, the extra parameters and the authorization URL.
    for (QWidget *w : {static_cast<QWidget *>(m_redirectAny),
                       static_cast<QWidget *>(m_redirectExact), static_cast<QWidget *>(m_launch),
                       static_cast<QWidget *>(m_aud), static_cast<QWidget *>(m_authorizationUrl)})
        w->setEnabled(code);
    m_redirectUri->setEnabled(code && m_redirectExact->isChecked());
}

void ProfileEditorDialog::touch(Field field)
{
    m_touched.insert(field);
}

Profile ProfileEditorDialog::profile() const
{
    Profile p = m_initial;
    p.kind = m_kind;
    p.name = textFrom(m_name->text(), m_initial.name);
    p.instanceUrl = urlFrom(m_instance->text(), m_initial.instanceUrl);
    if (p.instanceUrl != m_initial.instanceUrl) {
        const Profile d = derivedFrom(m_kind, p.instanceUrl);
        if (!d.instanceUrl.isEmpty())
            p.instanceUrl = d.instanceUrl; // without a trailing slash, query or fragment
        if (m_notesFollows)
            p.notesBaseUrl = d.notesBaseUrl;
    }
    p.fhirBaseUrl = urlFrom(m_fhirBase->text(), m_initial.fhirBaseUrl);
    p.clientId = textFrom(m_clientId->text(), m_initial.clientId);
    p.clientType = Profile::ClientType(m_clientType->currentData().toInt());
    p.grant = Profile::Grant(m_grant->currentData().toInt());
    p.scope = m_scope->text() == m_initial.scope
            ? m_initial.scope
            : scopes::split(m_scope->text()).join(QLatin1Char(' '));
    if (m_redirectTouched) {
        p.redirectUri = m_redirectAny->isChecked()
                ? QUrl(QString::fromLatin1(Profile::kDefaultRedirectUri))
                : urlFrom(m_redirectUri->text(), m_initial.redirectUri);
    }
    setParam(p.extraAuthParams, kLaunch, m_launch->text().trimmed());
    setParam(p.extraAuthParams, kAud, m_aud->text().trimmed());
    p.authorizationUrl = urlFrom(m_authorizationUrl->text(), m_initial.authorizationUrl);
    p.tokenUrl = urlFrom(m_tokenUrl->text(), m_initial.tokenUrl);
    p.revocationUrl = urlFrom(m_revocationUrl->text(), m_initial.revocationUrl);
    p.issuer = textFrom(m_issuer->text(), m_initial.issuer);
    p.discoveryUrl = urlFrom(m_discoveryUrl->text(), m_initial.discoveryUrl);
    if (ServerPreset::of(m_kind).usesDiscovery) {
        // No instance field: the server is named by its FHIR base (smart) or its issuer.
        const bool unchanged = p.fhirBaseUrl == m_initial.fhirBaseUrl
                && p.discoveryUrl == m_initial.discoveryUrl && !m_initial.instanceUrl.isEmpty();
        if (!unchanged)
            p.instanceUrl = ServerPreset::of(m_kind).discovery
                            == ServerPreset::Discovery::SmartFromFhirBase
                    ? p.fhirBaseUrl.adjusted(QUrl::StripTrailingSlash)
                    : wellknown::issuerOf(p.discoveryUrl);
    }
    if (p.grant == Profile::Grant::StaticToken) {
        // Nothing of a sign-in: no client, no scopes, no redirect.
        p.clientId.clear();
        p.clientType = Profile::ClientType::Public;
        p.scope.clear();
        p.redirectUri = QUrl();
        p.extraAuthParams.clear();
    }
    return p;
}

QString ProfileEditorDialog::accessToken() const
{
    return isStatic(m_grant->currentData().toInt()) ? m_accessToken->text().trimmed()
                                                    : QString();
}

QString ProfileEditorDialog::clientSecret() const
{
    return !isStatic(m_grant->currentData().toInt())
            && m_clientType->currentData().toInt() == int(Profile::ClientType::Confidential)
            ? m_secret->text().trimmed()
            : QString();
}

QHash<ProfileEditorDialog::Field, QStringList>
ProfileEditorDialog::problemsByField(const Profile &p) const
{
    QHash<Field, QStringList> byField;

    // Profile::validate() has the rules, each problem with its field.
    const ProfileProblems all = p.validate();
    for (const ProfileProblem &problem : all) {
        Field to = Field::Other;
        switch (problem.field) {
        case ProfileField::Name: to = Field::Name; break;
        case ProfileField::Instance: to = Field::Instance; break;
        case ProfileField::FhirBase: to = Field::FhirBase; break;
        case ProfileField::Discovery: to = Field::Discovery; break;
        case ProfileField::ClientId: to = Field::ClientId; break;
        case ProfileField::ClientType: to = Field::Grant; break;
        case ProfileField::ClientSecret: to = Field::ClientSecret; break;
        case ProfileField::Grant: to = Field::Grant; break;
        case ProfileField::AccessToken: to = Field::AccessToken; break;
        case ProfileField::Scope: to = Field::Scope; break;
        case ProfileField::Redirect: to = Field::Redirect; break;
        case ProfileField::Authorization: to = Field::Authorization; break;
        case ProfileField::Token: to = Field::Token; break;
        case ProfileField::Revocation: to = Field::Revocation; break;
        case ProfileField::Issuer: to = Field::Issuer; break;
        case ProfileField::Kind:
        case ProfileField::Launch:
        case ProfileField::Aud:
        case ProfileField::Notes: to = Field::Other; break;
        }
        byField[to] << problem.message;
    }

    // The dialog's own rules.
    const bool renamed = m_isNew || p.name != m_initial.name;
    if (renamed && m_existingNames.contains(p.name, Qt::CaseInsensitive))
        byField[Field::Name]
                << tr("A profile named %1 already exists; choose another name.").arg(p.name);
    const bool staticToken = p.grant == Profile::Grant::StaticToken;
    // Canvas LMS scopes are its own (url:GET|/api/v1/...), and optional; a static token has none.
    if (!staticToken && ServerPreset::of(m_kind).smartScopes) {
        const QStringList scopeProblems = scopes::problems(p.scope);
        if (scopes::split(p.scope).isEmpty())
            byField[Field::Scope] << tr("Give at least one scope, such as %1.")
                                             .arg(QString::fromLatin1(Profile::kDefaultScope));
        byField[Field::Scope] << scopeProblems;
    }
    // A new confidential client, or one that was public, has no secret in the keychain yet.
    if (!staticToken && p.isConfidential() && clientSecret().isEmpty() && !m_storedSecret)
        byField[Field::ClientSecret] << tr("Enter the client secret of this confidential "
                                           "client, as shown by the application registered on "
                                           "the EHR.");
    if (staticToken && accessToken().isEmpty() && !m_storedToken)
        byField[Field::AccessToken]
                << tr("Paste the access token made %1.")
                           .arg(ServerPreset::of(m_kind).staticTokenSource);
    return byField;
}

bool ProfileEditorDialog::isShown(Field field, bool instanceHasProblems) const
{
    // A field that follows a wrong instance URL is wrong for the same reason: the problem
    // is said once, under the instance URL.
    const bool follows = (field == Field::FhirBase && m_fhirFollows)
            || (field == Field::Authorization && m_authorizationFollows)
            || (field == Field::Token && m_tokenFollows)
            || (field == Field::Revocation && m_revocationFollows)
            || (field == Field::Issuer && m_issuerFollows);
    if (follows && instanceHasProblems)
        return false;
    // An untouched, empty field of a new profile is not yet an error to point at; OK is
    // disabled all the same.
    if (!m_isNew || field == Field::Other || m_touched.contains(field))
        return true;
    switch (field) {
    case Field::FhirBase:
    case Field::Authorization:
    case Field::Token:
    case Field::Revocation:
    case Field::Issuer:
        if (m_touched.contains(Field::Instance))
            return true;
        break;
    case Field::Grant:
        if (m_touched.contains(Field::ClientType))
            return true;
        break;
    case Field::ClientSecret:
        return m_touched.contains(Field::ClientType);
    case Field::Discovery:
        if (m_touched.contains(Field::FhirBase))
            return true;
        break;
    default:
        break;
    }
    const auto *edit = qobject_cast<const QLineEdit *>(m_inputs.value(field));
    return edit && !edit->text().isEmpty();
}

void ProfileEditorDialog::revalidate()
{
    const QHash<Field, QStringList> byField = problemsByField(profile());
    const bool instanceHasProblems = !byField.value(Field::Instance).isEmpty();
    bool valid = true;
    bool endpointShown = false;
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        const QStringList problems = byField.value(it.key());
        valid = valid && problems.isEmpty();
        const bool show = !problems.isEmpty() && isShown(it.key(), instanceHasProblems);
        const QString text = show ? problems.join(QLatin1Char('\n')) : QString();
        QLabel *label = it.value();
        if (label->text() != text)
            label->setText(text);
        label->setVisible(show);
        if (QWidget *input = m_inputs.value(it.key()))
            input->setAccessibleDescription(text);
        if (show && m_endpoints->isAncestorOf(label))
            endpointShown = true;
    }
    if (endpointShown && !m_showEndpoints->isChecked())
        m_showEndpoints->setChecked(true);
    // Problem lines wrap: grow so that none is cut off (a top-level layout does not).
    if (isVisible()) {
        layout()->activate();
        if (const int needed = heightForWidth(width()); needed > height())
            resize(width(), needed);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

void ProfileEditorDialog::resetFollows()
{
    // A derived field follows the instance while it is empty or still what was derived.
    const Profile derived = derivedFrom(m_kind, m_initial.instanceUrl);
    m_fhirFollows = m_initial.fhirBaseUrl.isEmpty() || m_initial.fhirBaseUrl == derived.fhirBaseUrl;
    m_authorizationFollows = m_initial.authorizationUrl.isEmpty()
            || m_initial.authorizationUrl == derived.authorizationUrl;
    m_tokenFollows = m_initial.tokenUrl.isEmpty() || m_initial.tokenUrl == derived.tokenUrl;
    m_revocationFollows
            = m_initial.revocationUrl.isEmpty() || m_initial.revocationUrl == derived.revocationUrl;
    m_issuerFollows = m_initial.issuer.isEmpty() || m_initial.issuer == derived.issuer;
    m_notesFollows
            = m_initial.notesBaseUrl.isEmpty() || m_initial.notesBaseUrl == derived.notesBaseUrl;
    m_discoveryFollows = m_initial.discoveryUrl.isEmpty()
            || (ServerPreset::of(m_kind).audFollowsFhirBase
                && m_initial.discoveryUrl
                        == wellknown::smartConfiguration(m_initial.fhirBaseUrl));
    const QString aud = paramValue(m_initial, kAud);
    m_audFollows = aud.isEmpty() || aud == m_initial.fhirBaseUrl.toString();
}

void ProfileEditorDialog::setKind(Profile::Kind kind)
{
    m_kind = kind;
    const ServerPreset preset = ServerPreset::of(kind);
    {
        const QSignalBlocker blockPreset(m_preset);
        m_preset->setCurrentIndex(m_preset->findData(int(kind)));
    }
    m_presetDescription->setText(preset.description);
    {
        const QSignalBlocker blockGrant(m_grant);
        m_grant->clear();
        for (Profile::Grant g : preset.grants) {
            switch (g) {
            case Profile::Grant::AuthorizationCode:
                m_grant->addItem(tr("Authorization code (sign in through the browser)"), int(g));
                break;
            case Profile::Grant::ClientCredentials:
                m_grant->addItem(tr("Client credentials (machine to machine)"), int(g));
                break;
            case Profile::Grant::StaticToken:
                m_grant->addItem(tr("Access token made by hand (kept in the keychain)"), int(g));
                break;
            }
        }
    }
    // Why a sign-in grant is missing from the list, when the reason is worth knowing.
    const QString note = preset.notedRefusal ? preset.refusal(*preset.notedRefusal) : QString();
    m_grantNote->setText(note);
    m_grantNote->setVisible(!note.isEmpty());
    m_endpoints->setTitle(preset.usesDiscovery
                                  ? tr("Endpoints (from the discovery document, or typed)")
                                  : tr("Endpoints (derived from the instance URL until edited)"));
}

void ProfileEditorDialog::applyPreset(Profile::Kind kind)
{
    // The preset's defaults, from what is typed so far.
    PresetInputs inputs;
    inputs.name = m_name->text().trimmed();
    inputs.instanceUrl = urlFrom(m_instance->text(), QUrl());
    if (!m_fhirFollows || ServerPreset::of(kind).needsFhirBase())
        inputs.fhirBaseUrl = urlFrom(m_fhirBase->text(), QUrl());
    if (!m_discoveryFollows)
        inputs.discoveryUrl = urlFrom(m_discoveryUrl->text(), QUrl());
    Profile base = makeProfile(kind, inputs);
    base.name = m_isNew ? m_name->text() : m_initial.name;
    if (base.grant != Profile::Grant::StaticToken)
        base.clientId = m_clientId->text().trimmed();
    m_initial = base;
    m_redirectTouched = false;
    setKind(kind);
    resetFollows();
    fillFrom(m_initial);
    updateVisibility();
    revalidate();
}

void ProfileEditorDialog::setNetworkAccessManager(QNetworkAccessManager *nam)
{
    m_nam = nam;
}

void ProfileEditorDialog::showNotice(const QString &text, bool problem)
{
    QPalette palette = m_notice->palette();
    palette.setColor(QPalette::WindowText,
                     problem ? m_errors.value(Field::Other)->palette().color(QPalette::WindowText)
                             : this->palette().color(QPalette::WindowText));
    m_notice->setPalette(palette);
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ProfileEditorDialog::fetchEndpoints()
{
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    const Profile current = profile();
    if (current.discoveryUrl.isEmpty()) {
        showNotice(tr("Give the discovery URL first."), true);
        Q_EMIT endpointsFetched(false);
        return;
    }
    m_fetch->setEnabled(false);
    showNotice(tr("Reading %1 …").arg(current.discoveryUrl.toString()), false);
    chartkey::fetchEndpoints(
            m_nam, current, true, http::kDefaultTimeoutMs, this,
            [this](const EndpointFetch &fetched) {
                m_fetch->setEnabled(true);
                if (fetched.failure) {
                    showNotice(fetched.failure.message, true);
                    Q_EMIT endpointsFetched(false);
                    return;
                }
                const Profile &p = fetched.profile;
                const std::pair<QLineEdit *, QString> fields[] = {
                        {m_authorizationUrl, p.authorizationUrl.toString()},
                        {m_tokenUrl, p.tokenUrl.toString()},
                        {m_revocationUrl, p.revocationUrl.toString()},
                        {m_issuer, p.issuer},
                };
                for (const auto &[edit, value] : fields)
                    edit->setText(value);
                // Fetched, not derived: they no longer follow the instance URL.
                m_authorizationFollows = m_tokenFollows = m_revocationFollows = m_issuerFollows
                        = false;
                m_showEndpoints->setChecked(true);
                showNotice(tr("Endpoints read from %1.").arg(p.discoveryUrl.toString()), false);
                revalidate();
                Q_EMIT endpointsFetched(true);
            });
}

bool ProfileEditorDialog::exportTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    const QByteArray json = profilejson::toJson(profile());
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool ProfileEditorDialog::importFrom(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Could not read %1: %2").arg(path, file.errorString());
        return false;
    }
    QString why;
    const auto imported = profilejson::fromJson(file.readAll(), &why,
                                                m_isNew ? QString() : m_initial.name);
    if (!imported) {
        if (error)
            *error = why;
        return false;
    }
    m_initial = *imported;
    m_redirectTouched = false;
    setKind(imported->kind);
    resetFollows();
    fillFrom(m_initial);
    // Everything came from the file: say every problem at once.
    for (Field f : {Field::Name, Field::Instance, Field::FhirBase, Field::ClientId,
                    Field::ClientType, Field::ClientSecret, Field::Grant, Field::Scope,
                    Field::Redirect, Field::Authorization, Field::Token, Field::Revocation,
                    Field::Issuer, Field::Discovery, Field::AccessToken})
        touch(f);
    updateVisibility();
    revalidate();
    return true;
}

void ProfileEditorDialog::exportToFile()
{
    const QString path = QFileDialog::getSaveFileName(
            this, tr("Export profile"), profile().name + QStringLiteral(".json"),
            tr("chartkey profiles (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportTo(path, &error))
        showNotice(tr("Exported to %1 (without secrets).").arg(path), false);
    else
        showNotice(error, true);
}

void ProfileEditorDialog::importFromFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import profile"), QString(),
                                                      tr("chartkey profiles (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!importFrom(path, &error)) {
        showNotice(error, true);
        return;
    }
    const QString next = profilejson::secretStillNeeded(profile());
    showNotice(next.isEmpty() ? tr("Imported %1. Check it, then press OK to save it.").arg(path)
                              : tr("Imported %1. Enter its %2, check it, then press OK to save "
                                   "it.")
                                        .arg(path, profile().grant == Profile::Grant::StaticToken
                                                           ? tr("access token")
                                                           : tr("client secret")),
               false);
}

} // namespace chartkey::ui

#include "profileeditor.h"

#include "auth/scopes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
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

// What Profile::canvas() derives from `instance`; empty while it is not a URL with a host.
Profile derivedFrom(const QUrl &instance)
{
    if (!instance.isValid() || instance.host().isEmpty())
        return {};
    return Profile::canvas(QString(), instance);
}

QString paramValue(const Profile &profile, const QString &name)
{
    for (const auto &[key, value] : profile.extraAuthParams) {
        if (key == name)
            return value;
    }
    return {};
}

bool hasParam(const Profile &profile, const QString &name)
{
    for (const auto &param : profile.extraAuthParams) {
        if (param.first == name)
            return true;
    }
    return false;
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
    , m_isNew(isNew)
    , m_existingNames(existingNames)
{
    if (m_isNew) {
        if (m_initial.scope.isEmpty())
            m_initial.scope = QString::fromLatin1(Profile::kDefaultScope);
        if (m_initial.redirectUri.isEmpty())
            m_initial.redirectUri = QUrl(QString::fromLatin1(Profile::kDefaultRedirectUri));
        if (!hasParam(m_initial, kLaunch))
            m_initial.extraAuthParams.append(
                    {kLaunch, QString::fromLatin1(Profile::kDefaultLaunch)});
    }
    // A derived field follows the instance while it is empty or still what was derived.
    const Profile derived = derivedFrom(m_initial.instanceUrl);
    m_fhirFollows = m_initial.fhirBaseUrl.isEmpty() || m_initial.fhirBaseUrl == derived.fhirBaseUrl;
    m_authorizationFollows = m_initial.authorizationUrl.isEmpty()
            || m_initial.authorizationUrl == derived.authorizationUrl;
    m_tokenFollows = m_initial.tokenUrl.isEmpty() || m_initial.tokenUrl == derived.tokenUrl;
    m_revocationFollows
            = m_initial.revocationUrl.isEmpty() || m_initial.revocationUrl == derived.revocationUrl;
    m_issuerFollows = m_initial.issuer.isEmpty() || m_initial.issuer == derived.issuer;
    m_notesFollows
            = m_initial.notesBaseUrl.isEmpty() || m_initial.notesBaseUrl == derived.notesBaseUrl;

    setWindowTitle(m_isNew ? tr("Add profile") : tr("Edit profile %1").arg(m_initial.name));
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_form);

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
    m_fhirBase->setPlaceholderText(tr("derived for *.canvasmedical.com; give it for other hosts"));
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
    m_grant->addItem(tr("Authorization code (sign in through the browser)"),
                     int(Profile::Grant::AuthorizationCode));
    m_grant->addItem(tr("Client credentials (machine to machine)"),
                     int(Profile::Grant::ClientCredentials));
    auto *grantLabel = new QLabel(tr("&Grant:"), this);
    grantLabel->setBuddy(m_grant);
    m_form->addRow(grantLabel, withError(m_grant, Field::Grant));

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

    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

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
    return container;
}

void ProfileEditorDialog::fillFrom(const Profile &profile)
{
    m_name->setText(profile.name);
    m_instance->setText(profile.instanceUrl.toString());
    m_fhirBase->setText(profile.fhirBaseUrl.toString());
    m_clientId->setText(profile.clientId);
    m_clientType->setCurrentIndex(m_clientType->findData(int(profile.clientType)));
    if (!m_isNew && profile.isConfidential())
        m_secret->setPlaceholderText(tr("unchanged (kept in the keychain)"));
    m_grant->setCurrentIndex(m_grant->findData(int(profile.grant)));
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
    edited(m_aud, Field::Other, nullptr);
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
    const Profile d = derivedFrom(urlFrom(m_instance->text(), QUrl()));
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

void ProfileEditorDialog::updateVisibility()
{
    const bool confidential
            = m_clientType->currentData().toInt() == int(Profile::ClientType::Confidential);
    m_form->setRowVisible(m_secretRow, confidential);
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
    p.name = textFrom(m_name->text(), m_initial.name);
    p.instanceUrl = urlFrom(m_instance->text(), m_initial.instanceUrl);
    if (p.instanceUrl != m_initial.instanceUrl) {
        const Profile d = derivedFrom(p.instanceUrl);
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
    return p;
}

QString ProfileEditorDialog::clientSecret() const
{
    return m_clientType->currentData().toInt() == int(Profile::ClientType::Confidential)
            ? m_secret->text().trimmed()
            : QString();
}

QHash<ProfileEditorDialog::Field, QStringList>
ProfileEditorDialog::problemsByField(const Profile &p) const
{
    QHash<Field, QStringList> byField;

    // Profile::validate() has the rules; a sentence belongs to the field whose repair makes
    // it go away.
    const QStringList all = p.validate();
    if (!all.isEmpty()) {
        const QUrl good(QStringLiteral("https://probe.invalid/path"));
        const std::pair<Field, std::function<void(Profile &)>> repairs[] = {
                {Field::Name, [](Profile &q) { q.name = QStringLiteral("Probe"); }},
                {Field::ClientId, [](Profile &q) { q.clientId = QStringLiteral("probe"); }},
                {Field::Instance, [&good](Profile &q) { q.instanceUrl = good; }},
                {Field::FhirBase, [&good](Profile &q) { q.fhirBaseUrl = good; }},
                {Field::Token, [&good](Profile &q) { q.tokenUrl = good; }},
                {Field::Authorization, [&good](Profile &q) { q.authorizationUrl = good; }},
                {Field::Revocation, [](Profile &q) { q.revocationUrl = QUrl(); }},
                {Field::Redirect,
                 [](Profile &q) {
                     q.redirectUri = QUrl(QString::fromLatin1(Profile::kDefaultRedirectUri));
                 }},
                {Field::Grant,
                 [](Profile &q) { q.clientType = Profile::ClientType::Confidential; }},
                // The notes API URL has no field of its own: it follows the instance URL, and
                // is said only when the instance URL itself is right.
                {Field::Other, [](Profile &q) { q.notesBaseUrl = QUrl(); }},
        };
        QStringList placed;
        for (const auto &[field, repair] : repairs) {
            Profile repaired = p;
            repair(repaired);
            const QStringList left = repaired.validate();
            const Field to = field == Field::Other ? Field::Instance : field;
            for (const QString &sentence : all) {
                if (!left.contains(sentence) && !placed.contains(sentence)) {
                    if (field != Field::Other || byField.value(Field::Instance).isEmpty())
                        byField[to] << sentence;
                    placed << sentence;
                }
            }
        }
        for (const QString &sentence : all) {
            if (!placed.contains(sentence))
                byField[Field::Other] << sentence;
        }
    }

    // The dialog's own rules.
    const bool renamed = m_isNew || p.name != m_initial.name;
    if (renamed && m_existingNames.contains(p.name, Qt::CaseInsensitive))
        byField[Field::Name]
                << tr("A profile named %1 already exists; choose another name.").arg(p.name);
    const QStringList scopeProblems = scopes::problems(p.scope);
    if (scopes::split(p.scope).isEmpty())
        byField[Field::Scope] << tr("Give at least one scope, such as %1.")
                                         .arg(QString::fromLatin1(Profile::kDefaultScope));
    byField[Field::Scope] << scopeProblems;
    // A new confidential client, or one that was public, has no secret in the keychain yet.
    if (p.isConfidential() && clientSecret().isEmpty() && (m_isNew || !m_initial.isConfidential()))
        byField[Field::ClientSecret] << tr("Enter the client secret of this confidential "
                                           "client, as shown by the application registered on "
                                           "the EHR.");
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

} // namespace chartkey::ui

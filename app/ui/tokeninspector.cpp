#include "tokeninspector.h"

#include "auth/idtoken.h"
#include "auth/jwt.h"
#include "secretclipboard.h"
#include "profile/scopes.h"
#include "auth/session.h"
#include "base/clock.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>
#include <utility>

namespace chartkey::ui {

namespace {

QLabel *makeValueLabel(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

// The claims that hold a time (seconds since the epoch).
bool isTimeClaim(const QString &name)
{
    return name == QLatin1String("exp") || name == QLatin1String("iat")
            || name == QLatin1String("nbf") || name == QLatin1String("auth_time");
}

} // namespace

TokenInspectorDialog::TokenInspectorDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Token inspector"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);

    m_profileName = makeValueLabel(this, QStringLiteral("profileName"), tr("Profile"));
    form->addRow(tr("Profile:"), m_profileName);
    m_tokenType = makeValueLabel(this, QStringLiteral("tokenType"), tr("Token type"));
    form->addRow(tr("Token type:"), m_tokenType);
    m_scopes = makeValueLabel(this, QStringLiteral("scopes"), tr("Scopes"));
    m_scopes->setTextFormat(Qt::RichText); // every scope is HTML-escaped
    form->addRow(tr("Scopes:"), m_scopes);
    m_obtainedAt = makeValueLabel(this, QStringLiteral("obtainedAt"), tr("Obtained at"));
    form->addRow(tr("Obtained at:"), m_obtainedAt);
    m_expiresAt = makeValueLabel(this, QStringLiteral("expiresAt"), tr("Expires at"));
    form->addRow(tr("Expires at:"), m_expiresAt);
    m_timeLeft = makeValueLabel(this, QStringLiteral("timeLeft"), tr("Time left"));
    form->addRow(tr("Time left:"), m_timeLeft);
    m_refresh = makeValueLabel(this, QStringLiteral("refreshToken"), tr("Refresh token"));
    form->addRow(tr("Refresh token:"), m_refresh);

    // Who signed in: the ID token's claims that name them (values of secrets never shown).
    auto *idBox = new QGroupBox(tr("Signed in as (ID token)"), this);
    idBox->setObjectName(QStringLiteral("idTokenBox"));
    auto *idLayout = new QVBoxLayout(idBox);
    m_idNote = makeValueLabel(idBox, QStringLiteral("idTokenNote"), tr("ID token"));
    idLayout->addWidget(m_idNote);
    m_idForm = new QWidget(idBox);
    auto *idForm = new QFormLayout(m_idForm);
    idForm->setContentsMargins(0, 0, 0, 0);
    idForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_idName = makeValueLabel(m_idForm, QStringLiteral("idName"), tr("Name"));
    idForm->addRow(tr("Name:"), m_idName);
    m_idSubject = makeValueLabel(m_idForm, QStringLiteral("idSubject"), tr("Subject (sub)"));
    idForm->addRow(tr("Subject (sub):"), m_idSubject);
    m_idFhirUser = makeValueLabel(m_idForm, QStringLiteral("idFhirUser"), tr("FHIR user"));
    idForm->addRow(tr("FHIR user:"), m_idFhirUser);
    m_idIssuer = makeValueLabel(m_idForm, QStringLiteral("idIssuer"), tr("Issuer (iss)"));
    idForm->addRow(tr("Issuer (iss):"), m_idIssuer);
    m_idAudience = makeValueLabel(m_idForm, QStringLiteral("idAudience"), tr("Audience (aud)"));
    idForm->addRow(tr("Audience (aud):"), m_idAudience);
    m_idExpires = makeValueLabel(m_idForm, QStringLiteral("idExpires"), tr("Expires (exp)"));
    idForm->addRow(tr("Expires (exp):"), m_idExpires);
    idLayout->addWidget(m_idForm);
    m_idForm->hide();
    layout->addWidget(idBox);

    auto *claimsBox = new QGroupBox(tr("Access token claims"), this);
    auto *claimsLayout = new QVBoxLayout(claimsBox);
    m_claimsNote = makeValueLabel(claimsBox, QStringLiteral("claimsNote"), tr("Claims"));
    claimsLayout->addWidget(m_claimsNote);
    m_claims = new QTreeWidget(claimsBox);
    m_claims->setObjectName(QStringLiteral("claims"));
    m_claims->setAccessibleName(tr("Access token claims"));
    m_claims->setColumnCount(2);
    m_claims->setHeaderLabels({tr("Claim"), tr("Value")});
    m_claims->setRootIsDecorated(false);
    m_claims->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_claims->setSelectionMode(QAbstractItemView::SingleSelection);
    m_claims->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_claims->hide();
    claimsLayout->addWidget(m_claims);
    layout->addWidget(claimsBox, 1);

    m_status = makeValueLabel(this, QStringLiteral("status"), tr("Status"));
    m_status->hide();
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_renew = buttons->addButton(tr("&Renew now"), QDialogButtonBox::ActionRole);
    m_renew->setObjectName(QStringLiteral("renew"));
    m_copy = buttons->addButton(tr("&Copy access token"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("copyAccessToken"));
    m_copy->setEnabled(false);
    layout->addWidget(buttons);
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setDefault(true);
    close->setFocus();
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_renew, &QPushButton::clicked, this, &TokenInspectorDialog::renew);
    connect(m_copy, &QPushButton::clicked, this, &TokenInspectorDialog::copyAccessToken);

    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &TokenInspectorDialog::tick);
    m_timer.start();

    resize(640, 600); // room for the ID token and the claims

    if (!m_session) {
        display({}, tr("There is no profile to inspect."));
        m_renew->setEnabled(false);
        return;
    }
    m_profileName->setText(m_session->profile().name);
    connect(m_session, &QObject::destroyed, this, &QDialog::reject); // the profile was closed
    connect(m_session, &Session::tokensChanged, this, &TokenInspectorDialog::reload);
    connect(m_session, &Session::renewingChanged, this, [this](bool renewing) {
        m_renew->setEnabled(!renewing);
        if (renewing)
            setStatus(tr("Renewing\u2026"), false);
    });
    m_renew->setEnabled(!m_session->isRenewing());
    display({}, QString());
    reload();
}

TokenInspectorDialog::~TokenInspectorDialog() = default;

void TokenInspectorDialog::reload()
{
    if (!m_session)
        return;
    // The keychain holds what every chartkey process uses; this process's own copy stands
    // in when the keychain could not store it.
    m_session->readStored()->then(this, [this](const StoredSignIn &stored) {
        if (!m_session)
            return;
        const TokenSet inMemory = m_session->current();
        if (stored.tokens)
            display(*stored.tokens, QString());
        else if (!inMemory.isEmpty())
            display(inMemory, QString());
        else if (stored.failure)
            display({}, stored.failure.message);
        else
            display({}, tr("Not signed in to %1.").arg(m_session->profile().name));
    });
}

void TokenInspectorDialog::display(const TokenSet &tokens, const QString &problem)
{
    m_tokens = tokens;
    const QString none = tr("\u2014");
    if (tokens.isEmpty()) {
        for (QLabel *label :
             {m_tokenType, m_scopes, m_obtainedAt, m_expiresAt, m_timeLeft, m_refresh})
            label->setText(none);
        m_claims->clear();
        m_claims->hide();
        m_claimsNote->setText(none);
        m_claimsNote->show();
        showIdentity(tokens);
        m_copy->setEnabled(false);
        if (!problem.isEmpty()) {
            setStatus(problem, true);
            m_problemShown = true;
        }
        return;
    }
    if (std::exchange(m_problemShown, false))
        setStatus(QString(), false);

    m_tokenType->setText(tokens.tokenType.isEmpty() ? tr("(not given)") : tokens.tokenType);

    const QString requested = m_session ? m_session->profile().scope : QString();
    const QStringList granted = scopes::split(tokens.scope);
    const QStringList missing = scopes::missing(requested, tokens.scope);
    QStringList grantedHtml;
    for (const QString &s : granted)
        grantedHtml << s.toHtmlEscaped();
    QString html = granted.isEmpty() ? tr("none granted") : grantedHtml.join(QLatin1Char(' '));
    if (missing.isEmpty()) {
        html += QStringLiteral("<br>") + tr("Every requested scope was granted.").toHtmlEscaped();
    } else {
        QStringList missingHtml;
        for (const QString &s : missing)
            missingHtml << s.toHtmlEscaped();
        const bool dark = palette().color(QPalette::Window).lightness() < 128;
        html += QStringLiteral("<br><span style=\"color:%1; font-weight:bold\">%2</span>")
                        .arg(dark ? QStringLiteral("#ff8a80") : QStringLiteral("#b00020"),
                             tr("Requested but not granted: %1")
                                     .arg(missingHtml.join(QLatin1Char(' '))));
    }
    m_scopes->setText(html);

    m_obtainedAt->setText(tokens.obtainedAt.isValid() ? localTime(tokens.obtainedAt) : none);
    m_expiresAt->setText(tokens.expiresAt.isValid() ? localTime(tokens.expiresAt)
                                                    : tr("unknown (the EHR gave no expiry)"));
    m_refresh->setText(tokens.canRefresh() ? tr("yes (renews without signing in again)")
                                           : tr("no (sign in again when it expires)"));
    showClaims(tokens.accessToken);
    showIdentity(tokens);
    tick();
}

void TokenInspectorDialog::showIdentity(const TokenSet &tokens)
{
    const QString none = tr("\u2014");
    if (tokens.isEmpty()) {
        m_idForm->hide();
        m_idNote->setText(none);
        m_idNote->show();
        return;
    }
    const IdTokenIdentity who = idtoken::identityOf(tokens);
    if (who.isEmpty()) {
        m_idForm->hide();
        m_idNote->setText(tokens.idToken.isEmpty()
                                  ? tr("No ID token: the EHR did not say who signed in (ask "
                                       "for the openid scope to learn it).")
                                  : tr("The ID token could not be read."));
        m_idNote->show();
        return;
    }
    m_idNote->hide();
    m_idForm->show();
    m_idName->setText(who.name.isEmpty() ? tr("(not given)") : who.name);
    m_idSubject->setText(who.subject);
    m_idFhirUser->setText(who.fhirUser.isEmpty() ? tr("(not given)") : who.fhirUser);
    m_idIssuer->setText(who.issuer.isEmpty() ? tr("(not given)") : who.issuer);
    const QJsonValue aud = who.claims.value(QLatin1String("aud"));
    QStringList audiences;
    if (aud.isArray()) {
        for (const QJsonValue &v : aud.toArray())
            audiences << v.toString();
    } else if (aud.isString()) {
        audiences << aud.toString();
    }
    m_idAudience->setText(audiences.isEmpty() ? tr("(not given)")
                                              : audiences.join(QStringLiteral(", ")));
    m_idExpires->setText(who.expiresAt.isValid() ? localTime(who.expiresAt) : tr("(not given)"));
}

void TokenInspectorDialog::showClaims(const QString &accessToken)
{
    m_claims->clear();
    const std::optional<QJsonObject> claims = jwt::claims(accessToken);
    if (!claims) {
        m_claims->hide();
        m_claimsNote->setText(tr("Opaque token (not a JWT): only the EHR knows what it holds."));
        m_claimsNote->show();
        return;
    }
    m_claimsNote->hide();
    m_claims->show();
    // Claims are shown, never trusted: nothing here checks the signature.
    std::function<void(QTreeWidgetItem *, const QString &, const QJsonValue &)> add =
            [&](QTreeWidgetItem *parentItem, const QString &name, const QJsonValue &value) {
                auto *item = parentItem ? new QTreeWidgetItem(parentItem)
                                        : new QTreeWidgetItem(m_claims);
                item->setText(0, name);
                if (value.isObject()) {
                    const QJsonObject object = value.toObject();
                    for (auto it = object.begin(); it != object.end(); ++it)
                        add(item, it.key(), it.value());
                    m_claims->setRootIsDecorated(true);
                } else if (value.isArray()) {
                    const QJsonArray array = value.toArray();
                    bool flat = true;
                    QStringList texts;
                    for (const QJsonValue &element : array) {
                        flat = flat && (element.isString() || element.isDouble());
                        texts << (element.isString()
                                          ? element.toString()
                                          : QString::number(element.toDouble(), 'g', 16));
                    }
                    if (flat) {
                        item->setText(1, texts.join(QStringLiteral(", ")));
                    } else {
                        for (qsizetype i = 0; i < array.size(); ++i)
                            add(item, QStringLiteral("[%1]").arg(i), array.at(i));
                        m_claims->setRootIsDecorated(true);
                    }
                } else if (value.isDouble()) {
                    const double number = value.toDouble();
                    QString text = QString::number(number, 'g', 16);
                    if (!parentItem && isTimeClaim(name))
                        text = tr("%1 (%2)").arg(
                                text,
                                localTime(QDateTime::fromSecsSinceEpoch(qint64(number))));
                    item->setText(1, text);
                } else if (value.isBool()) {
                    item->setText(
                            1, value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
                } else if (value.isNull()) {
                    item->setText(1, QStringLiteral("null"));
                } else {
                    item->setText(1, value.toString());
                }
            };
    m_claims->setRootIsDecorated(false);
    for (auto it = claims->begin(); it != claims->end(); ++it)
        add(nullptr, it.key(), it.value());
    m_claims->expandAll();
}

void TokenInspectorDialog::tick()
{
    if (m_tokens.isEmpty() || !m_session) {
        m_copy->setEnabled(false);
        return;
    }
    if (!m_tokens.expiresAt.isValid()) {
        m_timeLeft->setText(tr("unknown"));
        m_copy->setEnabled(true);
        return;
    }
    const qint64 left = m_session->clock()->now().secsTo(m_tokens.expiresAt);
    m_copy->setEnabled(left > 0);
    if (left <= 0) {
        m_timeLeft->setText(m_tokens.canRefresh() ? tr("expired; renews on next use")
                                                  : tr("expired; sign in again"));
        return;
    }
    const qint64 h = left / 3600;
    const qint64 min = (left % 3600) / 60;
    const qint64 s = left % 60;
    if (h > 0)
        m_timeLeft->setText(tr("%1 h %2 min %3 s").arg(h).arg(min).arg(s));
    else if (min > 0)
        m_timeLeft->setText(tr("%1 min %2 s").arg(min).arg(s));
    else
        m_timeLeft->setText(tr("%1 s").arg(s));
}

void TokenInspectorDialog::renew()
{
    if (!m_session)
        return;
    setStatus(tr("Renewing\u2026"), false);
    m_renew->setEnabled(false);
    m_session->renewNow()
            ->then(this, &TokenInspectorDialog::renewed);
}

void TokenInspectorDialog::renewed(const TokenOutcome &outcome)
{
    m_renew->setEnabled(!m_session || !m_session->isRenewing());
    if (outcome.failure) {
        setStatus(tr("Not renewed: %1").arg(outcome.failure.message), true);
        return;
    }
    switch (outcome.source) {
    case TokenOutcome::Source::Refreshed:
    case TokenOutcome::Source::ClientCredentials:
        setStatus(tr("Renewed at %1.")
                          .arg(localTime(m_session ? m_session->clock()->now()
                                                   : QDateTime::currentDateTimeUtc())),
                  false);
        break;
    default:
        setStatus(tr("Not renewed: the current token is still in use."), true);
        break;
    }
    reload();
}

void TokenInspectorDialog::copyAccessToken()
{
    if (m_tokens.isEmpty() || !m_session)
        return;
    const QString instance = m_session->profile().instanceUrl.toString();
    const QString until
            = m_tokens.expiresAt.isValid() ? localTime(m_tokens.expiresAt) : tr("an unknown time");
    const auto answer = QMessageBox::warning(
            this, tr("Copy access token"),
            tr("Anyone with this token can act as you at %1 until it expires (%2). Paste it "
               "only where you mean to use it, and never into a chat, ticket or e-mail.\n\n"
               "Copy the access token to the clipboard?")
                    .arg(instance, until),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes || m_tokens.isEmpty())
        return;
    // Taken off the clipboard again after a while, as a password manager does.
    SecretClipboard *clipboard = SecretClipboard::instance();
    clipboard->copy(m_tokens.accessToken);
    setStatus(tr("The access token is on the clipboard for %n second(s); then chartkey takes "
                 "it off.",
                 nullptr, clipboard->clearAfterMs() / 1000),
              false);
}

void TokenInspectorDialog::setStatus(const QString &text, bool isError)
{
    QPalette palette = this->palette();
    if (isError) {
        const bool dark = palette.color(QPalette::Window).lightness() < 128;
        palette.setColor(QPalette::WindowText,
                         dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    }
    m_status->setPalette(palette);
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QString TokenInspectorDialog::localTime(const QDateTime &utc) const
{
    return QLocale().toString(utc.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

} // namespace chartkey::ui

#include "settingsdialog.h"

#include "noteactions.h"
#include "storage/profilestore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace chartkey::ui {

namespace {

std::optional<int> ownIdleMinutes()
{
    const QVariant stored = QSettings().value(QLatin1String(SettingsDialog::kIdleMinutesKey));
    bool ok = false;
    const int minutes = stored.toInt(&ok);
    return stored.isValid() && ok ? std::optional<int>(minutes) : std::nullopt;
}

bool ownConfirmSigning()
{
    return QSettings().value(QLatin1String(NoteActionBar::kConfirmSigningKey), true).toBool();
}

} // namespace

const char *const SettingsDialog::kIdleMinutesKey = "privacy/idleMinutes";

int SettingsDialog::idleMinutes()
{
    return ProfileStore().policy().idleMinutes(ownIdleMinutes());
}

bool SettingsDialog::confirmSigning()
{
    return ProfileStore().policy().signingNeedsConfirmation || ownConfirmSigning();
}

SettingsDialog::SettingsDialog(const ManagedPolicy &policy, QWidget *parent)
    : QDialog(parent)
    , m_policy(policy)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_idle = new QSpinBox(this);
    m_idle->setObjectName(QStringLiteral("idleMinutes"));
    m_idle->setRange(m_policy.idleOffPermitted() ? 0 : m_policy.lowestIdleMinutes(),
                     m_policy.highestIdleMinutes());
    m_idle->setSuffix(tr(" min"));
    m_idle->setKeyboardTracking(false); // "3" on the way to "30" is not skipped to a minimum
    if (m_policy.idleOffPermitted())
        m_idle->setSpecialValueText(tr("never"));
    const std::optional<int> own = ownIdleMinutes();
    m_shownIdle = m_policy.idleMinutes(own);
    m_lastIdle = m_shownIdle;
    m_idle->setValue(m_shownIdle);
    m_idle->setAccessibleName(tr("Hide patient data after this many idle minutes"));
    connect(m_idle, &QSpinBox::valueChanged, this, &SettingsDialog::keepIdleAllowed);
    auto *idleLabel = new QLabel(tr("&Hide patient data after:"), this);
    idleLabel->setBuddy(m_idle);
    form->addRow(idleLabel, m_idle);
    auto *idleHelp = new QLabel(m_policy.idleOffPermitted()
                                        ? tr("On a shared workstation: after this long without "
                                             "a key press or click, patients, the schedule and "
                                             "the activity bodies leave the screen until you "
                                             "are back. 0 never hides them.")
                                        : tr("On a shared workstation: after this long without "
                                             "a key press or click, patients, the schedule and "
                                             "the activity bodies leave the screen until you "
                                             "are back."),
                                this);
    idleHelp->setWordWrap(true);
    form->addRow(QString(), idleHelp);
    if (const QString limit = m_policy.idleLimit(); !limit.isEmpty()) {
        QString text = limit;
        if (own && *own != m_shownIdle)
            text = tr("Your setting of %1 becomes %n minute(s).", nullptr, m_shownIdle)
                           .arg(*own == 0 ? tr("never") : tr("%n minute(s)", nullptr, *own))
                   + QLatin1Char(' ') + limit;
        auto *idlePolicy = new QLabel(text, this);
        idlePolicy->setObjectName(QStringLiteral("idlePolicy"));
        idlePolicy->setWordWrap(true);
        form->addRow(QString(), idlePolicy);
        m_idle->setToolTip(limit);
        m_idle->setAccessibleDescription(text);
    }
    m_confirm = new QCheckBox(tr("&Ask before signing notes (Sign, Lock && sign)"), this);
    m_confirm->setObjectName(QStringLiteral("confirmSigning"));
    m_confirm->setChecked(m_policy.signingNeedsConfirmation || ownConfirmSigning());
    form->addRow(QString(), m_confirm);
    if (const QString required = m_policy.confirmationRequired(); !required.isEmpty()) {
        m_confirm->setEnabled(false);
        m_confirm->setToolTip(required);
        m_confirm->setAccessibleDescription(required);
        auto *confirmPolicy = new QLabel(required, this);
        confirmPolicy->setObjectName(QStringLiteral("confirmPolicy"));
        confirmPolicy->setWordWrap(true);
        form->addRow(QString(), confirmPolicy);
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

// With a minimum and "never" both allowed, the minutes below the minimum are skipped: a
// step down from the minimum goes to never, a step up from never to the minimum.
void SettingsDialog::keepIdleAllowed(int minutes)
{
    const int lowest = m_policy.lowestIdleMinutes();
    if (minutes > 0 && minutes < lowest) {
        m_idle->setValue(m_lastIdle > minutes ? 0 : lowest);
        return; // setValue() came back here with the allowed value
    }
    m_lastIdle = minutes;
}

void SettingsDialog::accept()
{
    QSettings settings;
    // What was shown and left alone is not stored: a setting the policy raised stays the
    // person's own, for when the policy changes.
    if (m_idle->value() != m_shownIdle)
        settings.setValue(QLatin1String(kIdleMinutesKey), m_idle->value());
    if (m_confirm->isEnabled())
        settings.setValue(QLatin1String(NoteActionBar::kConfirmSigningKey), m_confirm->isChecked());
    QDialog::accept();
}

} // namespace chartkey::ui

#include "settingsdialog.h"

#include "noteactions.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace chartkey::ui {

const char *const SettingsDialog::kIdleMinutesKey = "privacy/idleMinutes";

int SettingsDialog::idleMinutes()
{
    return QSettings().value(QLatin1String(kIdleMinutesKey), kDefaultIdleMinutes).toInt();
}

bool SettingsDialog::confirmSigning()
{
    return QSettings().value(QLatin1String(NoteActionBar::kConfirmSigningKey), true).toBool();
}

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_idle = new QSpinBox(this);
    m_idle->setObjectName(QStringLiteral("idleMinutes"));
    m_idle->setRange(0, 480);
    m_idle->setSuffix(tr(" min"));
    m_idle->setSpecialValueText(tr("never"));
    m_idle->setValue(idleMinutes());
    m_idle->setAccessibleName(tr("Hide patient data after this many idle minutes"));
    auto *idleLabel = new QLabel(tr("&Hide patient data after:"), this);
    idleLabel->setBuddy(m_idle);
    form->addRow(idleLabel, m_idle);
    auto *idleHelp = new QLabel(tr("On a shared workstation: after this long without a key "
                                   "press or click, patients, the schedule and the activity "
                                   "bodies leave the screen until you are back. 0 never hides "
                                   "them."),
                                this);
    idleHelp->setWordWrap(true);
    form->addRow(QString(), idleHelp);
    m_confirm = new QCheckBox(tr("&Ask before signing notes (Sign, Lock && sign)"), this);
    m_confirm->setObjectName(QStringLiteral("confirmSigning"));
    m_confirm->setChecked(confirmSigning());
    form->addRow(QString(), m_confirm);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

void SettingsDialog::accept()
{
    QSettings settings;
    settings.setValue(QLatin1String(kIdleMinutesKey), m_idle->value());
    settings.setValue(QLatin1String(NoteActionBar::kConfirmSigningKey), m_confirm->isChecked());
    QDialog::accept();
}

} // namespace chartkey::ui

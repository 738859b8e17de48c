// The desktop's own settings (not a profile's): how long the window may stay idle before it
// hides patient data (minutes, 0 = never), and whether Sign and Lock & sign ask first. Kept
// in QSettings under privacy/idleMinutes and notes/confirmSigning. The managed policy
// (profile/policy.h) may set the idle default, a minimum, forbid "never", and require the
// confirmation: the controls then stop at what it allows and say which key set it.
#pragma once

#include "profile/policy.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QSpinBox;

namespace chartkey::ui {

class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    static constexpr int kDefaultIdleMinutes = ManagedPolicy::kDefaultIdleMinutes;
    static const char *const kIdleMinutesKey;

    // `policy`: the managed policy (ProfileStore().policy()).
    explicit SettingsDialog(const ManagedPolicy &policy, QWidget *parent = nullptr);

    // The values that apply: the person's stored ones (defaults when never set) under the
    // managed policy, which may raise the idle minutes and require the confirmation.
    static int idleMinutes();
    static bool confirmSigning();

    void accept() override;

private:
    void keepIdleAllowed(int minutes);

    ManagedPolicy m_policy;
    QSpinBox *m_idle = nullptr;
    QCheckBox *m_confirm = nullptr;
    int m_shownIdle = 0;   // the value shown when the dialog opened
    int m_lastIdle = 0;    // the value before the latest change
};

} // namespace chartkey::ui

// The desktop's own settings (not a profile's): how long the window may stay idle before it
// hides patient data (minutes, 0 = never), and whether Sign and Lock & sign ask first. Kept
// in QSettings under privacy/idleMinutes and notes/confirmSigning.
#pragma once

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace chartkey::ui {

class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    static constexpr int kDefaultIdleMinutes = 15;
    static const char *const kIdleMinutesKey;

    explicit SettingsDialog(QWidget *parent = nullptr);

    // The values as stored (defaults when never set).
    static int idleMinutes();
    static bool confirmSigning();

    void accept() override;

private:
    QSpinBox *m_idle = nullptr;
    QCheckBox *m_confirm = nullptr;
};

} // namespace chartkey::ui

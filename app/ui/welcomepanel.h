// What a first start shows in place of the work area: chartkey has no profile yet, so the
// two ways to make one — add it (the profile editor) or import a file someone shared — each
// with one sentence on what it does.
#pragma once

#include <QWidget>

class QPushButton;

namespace chartkey::ui {

class WelcomePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePanel)
public:
    explicit WelcomePanel(QWidget *parent = nullptr);

    QPushButton *addButton() const { return m_add; }
    QPushButton *importButton() const { return m_import; }

Q_SIGNALS:
    void addRequested();
    void importRequested();

private:
    QPushButton *m_add = nullptr;
    QPushButton *m_import = nullptr;
};

} // namespace chartkey::ui

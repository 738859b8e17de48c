// A section of the profile editor (server, client registration, sign-in, endpoints): a group
// of form rows, each bound to a field of the ProfileForm (profile/profileform.h). What is typed
// goes to the form; refresh() brings every row up to date with it: text, placeholder, whether
// it is shown and enabled, and the problem under it. Each row keeps one line for its problem
// even while it has none, so that nothing moves under the pointer as problems come and go.
// The rules are the form's; a section only lays out and binds.
#pragma once

#include "profile/profileform.h"

#include <QGroupBox>
#include <QList>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace chartkey::ui {

class ProfileSection : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileSection)
public:
    ~ProfileSection() override;

    // Brings the widgets up to date with the form.
    virtual void refresh();
    // The problem shown under `field`'s row, or an empty string; null when the section has no
    // row for `field`.
    QLabel *problemLabel(ProfileField field) const;
    // True when a problem is shown in this section.
    bool showsProblem() const;
    // True when any of its rows is shown.
    bool hasVisibleRows() const;

protected:
    ProfileSection(ProfileForm *form, const QString &title, QWidget *parent);

    // A line edit for `field`, in a row labelled `label` (with a mnemonic); `beside`, when
    // given, sits to its right.
    QLineEdit *addLineEdit(ProfileField field, const QString &label, const QString &accessibleName,
                           const QString &objectName, QWidget *beside = nullptr);
    // A row for `field`: `input` (or `row`, which holds it and more) with a problem line under
    // it, labelled `label` whose buddy is `buddy` (else `input`).
    void addRow(ProfileField field, const QString &label, QWidget *input, QWidget *row = nullptr,
                QWidget *buddy = nullptr);
    ProfileForm *form() const { return m_form; }
    QFormLayout *rows() const { return m_layout; }
    // True while refresh() sets the widgets: their signals are not the person's.
    bool isRefreshing() const { return m_refreshing; }

private:
    struct Row
    {
        ProfileField field;
        QWidget *input = nullptr;
        QWidget *container = nullptr;
        QLabel *problem = nullptr;
        QLineEdit *edit = nullptr; // when the input is a line edit bound by the section
    };

    ProfileForm *m_form = nullptr;
    QFormLayout *m_layout = nullptr;
    QList<Row> m_rows;
    bool m_refreshing = false;
};

} // namespace chartkey::ui

#include "profilesection.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QVBoxLayout>

namespace chartkey::ui {

namespace {

QLabel *makeProblemLabel(QWidget *parent)
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
    // One line kept for it, problem or not.
    label->setMinimumHeight(label->fontMetrics().lineSpacing());
    return label;
}

} // namespace

ProfileSection::ProfileSection(ProfileForm *form, const QString &title, QWidget *parent)
    : QGroupBox(title, parent)
    , m_form(form)
    , m_layout(new QFormLayout(this))
{
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setVerticalSpacing(2);
}

ProfileSection::~ProfileSection() = default;

QLineEdit *ProfileSection::addLineEdit(ProfileField field, const QString &label,
                                       const QString &accessibleName, const QString &objectName,
                                       QWidget *beside)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    QWidget *row = nullptr;
    if (beside) {
        row = new QWidget(this);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(edit, 1);
        layout->addWidget(beside);
    }
    addRow(field, label, edit, row);
    m_rows.last().edit = edit;
    // Any change not made by refresh() is the person's (typed, pasted, or set by a test).
    connect(edit, &QLineEdit::textChanged, this, [this, field](const QString &text) {
        if (!m_refreshing)
            m_form->setText(field, text);
    });
    return edit;
}

void ProfileSection::addRow(ProfileField field, const QString &label, QWidget *input,
                            QWidget *row, QWidget *buddy)
{
    auto *container = new QWidget(this);
    auto *layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(row ? row : input);
    QLabel *problem = makeProblemLabel(container);
    if (field == ProfileField::Kind)
        problem->setMinimumHeight(0); // a choice from the list: never a problem to keep room for
    problem->setObjectName(input->objectName() + QStringLiteral("Error"));
    problem->setAccessibleName(tr("Problem with %1").arg(input->accessibleName()));
    layout->addWidget(problem);
    auto *labelWidget = new QLabel(label, this);
    labelWidget->setBuddy(buddy ? buddy : input);
    m_layout->addRow(labelWidget, container);
    m_rows.append({field, input, container, problem, nullptr});
}

void ProfileSection::refresh()
{
    const QScopedValueRollback<bool> refreshing(m_refreshing, true);
    const ProfileProblems shown = m_form->shownProblems();
    for (const Row &row : std::as_const(m_rows)) {
        if (row.edit) {
            if (row.edit->text() != m_form->text(row.field)) {
                row.edit->setText(m_form->text(row.field));
                if (!row.edit->hasFocus())
                    row.edit->setCursorPosition(0); // derived: show where the URL starts
            }
            row.edit->setPlaceholderText(m_form->placeholder(row.field));
        }
        const bool visible = m_form->isVisible(row.field);
        m_layout->setRowVisible(row.container, visible);
        row.input->setEnabled(m_form->isEnabled(row.field));
        const QString problem
                = visible ? messages(problemsOf(shown, row.field)).join(QLatin1Char('\n'))
                          : QString();
        if (row.problem->text() != problem)
            row.problem->setText(problem);
        row.input->setAccessibleDescription(problem);
    }
    setVisible(hasVisibleRows());
}

QLabel *ProfileSection::problemLabel(ProfileField field) const
{
    for (const Row &row : m_rows) {
        if (row.field == field)
            return row.problem;
    }
    return nullptr;
}

bool ProfileSection::showsProblem() const
{
    for (const Row &row : m_rows) {
        if (!row.problem->text().isEmpty())
            return true;
    }
    return false;
}

bool ProfileSection::hasVisibleRows() const
{
    for (const Row &row : m_rows) {
        if (m_form->isVisible(row.field))
            return true;
    }
    return false;
}

} // namespace chartkey::ui

#include "messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace chartkey::ui {

MessageBanner::MessageBanner(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_second(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setAccessibleName(tr("Message"));
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_second);
    m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_close->setFlat(true);
    m_close->setAccessibleName(tr("Dismiss message"));
    m_close->setToolTip(tr("Dismiss"));
    layout->addWidget(m_close);
    connect(m_action, &QPushButton::clicked, this, &MessageBanner::trigger);
    connect(m_second, &QPushButton::clicked, this, [this] {
        auto second = m_onSecond;
        dismiss();
        if (second)
            second();
    });
    connect(m_close, &QPushButton::clicked, this, &MessageBanner::dismiss);
    setVisible(false);
}

void MessageBanner::show(Kind kind, const QString &text, const QString &actionText,
                         std::function<void()> action, const QString &secondText,
                         std::function<void()> second)
{
    QPalette p = palette();
    const QColor background = kind == Kind::Error ? QColor(0xfd, 0xe2, 0xe1)
            : kind == Kind::Warning               ? QColor(0xff, 0xf4, 0xce)
            : kind == Kind::Success               ? QColor(0xdf, 0xf6, 0xdd)
                                                  : QColor(0xde, 0xec, 0xf9);
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(p);
    m_label->setText(text);
    m_onAction = std::move(action);
    m_onSecond = std::move(second);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    m_second->setText(secondText);
    m_second->setVisible(!secondText.isEmpty());
    setVisible(true);
}

void MessageBanner::dismiss()
{
    m_onAction = {};
    m_onSecond = {};
    setVisible(false);
}

QString MessageBanner::text() const
{
    return isVisible() ? m_label->text() : QString();
}

QString MessageBanner::actionText() const
{
    return m_action->isVisible() ? m_action->text() : QString();
}

void MessageBanner::trigger()
{
    auto action = m_onAction;
    dismiss();
    if (action)
        action();
}

} // namespace chartkey::ui

#include "messagebanner.h"

#include "accessibility.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTextLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace chartkey::ui {

namespace {

constexpr int kLines = 2;

QColor accentOf(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Error:
        return {0xd3, 0x2f, 0x2f};
    case MessageBanner::Kind::Warning:
        return {0xf9, 0xa8, 0x25};
    case MessageBanner::Kind::Success:
        return {0x2e, 0x7d, 0x32};
    case MessageBanner::Kind::Information:
        break;
    }
    return {0x19, 0x76, 0xd2};
}

QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                            float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

// `text` cut to `lines` lines of `width` pixels, the last ending in "…" when cut.
QString elided(const QString &text, const QFont &font, int width, int lines, bool *cut)
{
    *cut = false;
    if (width <= 0)
        return text;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    QStringList out;
    int consumed = 0;
    for (int i = 0; i < lines; ++i) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        consumed = line.textStart() + line.textLength();
        if (i == lines - 1 && consumed < text.size()) {
            const QString rest = text.mid(line.textStart());
            out << QFontMetrics(font).elidedText(rest, Qt::ElideRight, width);
            *cut = true;
        } else {
            out << text.mid(line.textStart(), line.textLength()).trimmed();
        }
    }
    layout.endLayout();
    return out.join(QLatin1Char('\n'));
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_details(new QToolButton(this))
    , m_action(new QPushButton(this))
    , m_second(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::NoFrame);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 3, 4, 3);
    m_label->setObjectName(QStringLiteral("bannerText"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(false);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_label, 1);
    m_details->setObjectName(QStringLiteral("bannerDetails"));
    m_details->setText(tr("&Details"));
    m_details->setToolTip(tr("The whole message and its technical detail"));
    m_details->setAutoRaise(true);
    layout->addWidget(m_details);
    m_action->setObjectName(QStringLiteral("bannerAction"));
    m_second->setObjectName(QStringLiteral("bannerSecondAction"));
    layout->addWidget(m_action);
    layout->addWidget(m_second);
    m_close->setObjectName(QStringLiteral("bannerDismiss"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_close->setAutoRaise(true);
    m_close->setAccessibleName(tr("Dismiss the message"));
    m_close->setToolTip(tr("Dismiss"));
    layout->addWidget(m_close);
    setFixedHeight(slotHeight());
    m_fade.setSingleShot(true);
    m_fade.setInterval(8000);
    connect(&m_fade, &QTimer::timeout, this, &MessageBanner::dismiss);
    connect(m_action, &QPushButton::clicked, this, &MessageBanner::trigger);
    connect(m_second, &QPushButton::clicked, this, [this] {
        auto second = m_onSecond;
        dismiss();
        if (second)
            second();
    });
    connect(m_details, &QToolButton::clicked, this, &MessageBanner::showDetails);
    connect(m_close, &QToolButton::clicked, this, &MessageBanner::dismiss);
    setVisible(false);
}

int MessageBanner::slotHeight() const
{
    const int text = kLines * fontMetrics().lineSpacing() + 6;
    const int buttons = m_action->sizeHint().height() + 6;
    return std::max(text, buttons);
}

void MessageBanner::applyColours()
{
    // From the palette of the window, tinted by the kind: readable on light and dark ones.
    const QPalette base = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    const QColor window = base.color(QPalette::Window);
    const bool dark = window.lightness() < 128;
    QPalette p = base;
    p.setColor(QPalette::Window, blend(window, accentOf(m_kind), dark ? 0.28 : 0.16));
    p.setColor(QPalette::WindowText, base.color(QPalette::WindowText));
    setPalette(p);
}

void MessageBanner::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.fillRect(QRect(0, 0, 4, height()), accentOf(m_kind));
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::ParentChange || event->type() == QEvent::StyleChange)
        applyColours();
    if (event->type() == QEvent::FontChange)
        setFixedHeight(slotHeight());
}

void MessageBanner::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    layoutText();
}

void MessageBanner::layoutText()
{
    bool cut = false;
    const QString shown = elided(m_text, m_label->font(), m_label->width(), kLines, &cut);
    m_label->setText(shown);
    // A screen reader reads the whole message, not the cut one.
    m_label->setAccessibleName(cut ? m_text : QString());
    m_details->setVisible(cut || !m_detail.isEmpty());
}

void MessageBanner::show(Kind kind, const QString &text, const QString &actionText,
                         std::function<void()> action, const QString &secondText,
                         std::function<void()> second)
{
    const bool same = isVisible() && kind == m_kind && text == m_text
            && actionText == m_action->text() && m_action->isVisible() == !actionText.isEmpty();
    m_onAction = std::move(action);
    m_onSecond = std::move(second);
    if (same)
        return;
    m_kind = kind;
    m_text = text;
    m_detail.clear();
    applyColours();
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    m_second->setText(secondText);
    m_second->setVisible(!secondText.isEmpty());
    layoutText();
    // Shown again, even when it was: a screen reader announces an alert as it appears.
    if (isVisible())
        setVisible(false);
    setVisible(true);
    layoutText();
    if (kind == Kind::Success && actionText.isEmpty())
        m_fade.start();
    else
        m_fade.stop();
    Q_EMIT shown(text);
}

void MessageBanner::setDetail(const QString &detail)
{
    // Said once: a detail that the message already holds is not repeated.
    m_detail = m_text.contains(detail) ? QString() : detail;
    layoutText();
}

void MessageBanner::dismiss()
{
    m_fade.stop();
    m_onAction = {};
    m_onSecond = {};
    m_text.clear();
    m_detail.clear();
    setVisible(false);
}

QString MessageBanner::text() const
{
    return isVisible() ? m_text : QString();
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

void MessageBanner::showDetails()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("bannerDetailsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Details"));
    auto *layout = new QVBoxLayout(dialog);
    auto *message = new QLabel(m_text, dialog);
    message->setObjectName(QStringLiteral("detailsMessage"));
    message->setTextFormat(Qt::PlainText);
    message->setWordWrap(true);
    message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(message);
    if (!m_detail.isEmpty()) {
        auto *detail = new QPlainTextEdit(m_detail, dialog);
        detail->setObjectName(QStringLiteral("detailsTechnical"));
        detail->setReadOnly(true);
        detail->setAccessibleName(tr("Technical detail"));
        detail->setMaximumHeight(fontMetrics().lineSpacing() * 8);
        layout->addWidget(detail);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    const QString all = m_detail.isEmpty() ? m_text : m_text + QLatin1Char('\n') + m_detail;
    connect(copy, &QPushButton::clicked, dialog, [all] { QApplication::clipboard()->setText(all); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(520, dialog->sizeHint().height());
    dialog->open();
}

} // namespace chartkey::ui

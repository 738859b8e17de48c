#include "accessibility.h"

#include <QStatusBar>

#include "messagebanner.h"

#include <QAccessible>
#include <QAccessibleWidget>

namespace chartkey::ui {

namespace {

// An alert: role AlertMessage, named by the message it shows.
class AlertAccessible final : public QAccessibleWidget
{
public:
    explicit AlertAccessible(QWidget *widget)
        : QAccessibleWidget(widget, QAccessible::AlertMessage)
    {
    }

    QString text(QAccessible::Text t) const override
    {
        if (t == QAccessible::Name) {
            if (const auto *banner = qobject_cast<const MessageBanner *>(widget()))
                return banner->text();
            if (const auto *label = qobject_cast<const QLabel *>(widget()))
                return label->text();
        }
        return QAccessibleWidget::text(t);
    }
};

QAccessibleInterface *alerts(const QString &className, QObject *object)
{
    if (!object || !object->isWidgetType())
        return nullptr;
    if (className == QLatin1String("chartkey::ui::MessageBanner")
        || className == QLatin1String("chartkey::ui::Announcer"))
        return new AlertAccessible(static_cast<QWidget *>(object));
    return nullptr;
}

} // namespace

void installAccessibility()
{
    static bool installed = false;
    if (std::exchange(installed, true))
        return;
    QAccessible::installFactory(alerts);
}

void textChanged(QWidget *widget)
{
    if (!widget)
        return;
    QAccessibleEvent event(widget, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

Announcer::Announcer(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("announcer"));
    setTextFormat(Qt::PlainText);
    setAccessibleDescription(tr("Status"));
    m_clear.setSingleShot(true);
    connect(&m_clear, &QTimer::timeout, this, [this] { setText(QString()); });
}

void Announcer::announce(const QString &text, int timeoutMs)
{
    m_last = text;
    // A status tip shown in the same status bar (a button under the pointer) would be drawn
    // over the announcement: the announcement is newer, so it goes.
    if (auto *bar = qobject_cast<QStatusBar *>(parentWidget()))
        bar->clearMessage();
    setText(text);
    // Appearing again is what makes a screen reader speak an alert.
    setVisible(false);
    setVisible(true);
    textChanged(this);
    if (timeoutMs > 0)
        m_clear.start(timeoutMs);
    else
        m_clear.stop();
    Q_EMIT announced(text);
}

} // namespace chartkey::ui

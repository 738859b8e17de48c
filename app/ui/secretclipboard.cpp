#include "secretclipboard.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMimeData>

namespace chartkey::ui {

SecretClipboard *SecretClipboard::instance()
{
    static SecretClipboard *one = new SecretClipboard(QCoreApplication::instance());
    return one;
}

SecretClipboard::SecretClipboard(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SecretClipboard::clearNow);
}

void SecretClipboard::copy(const QString &secret)
{
    auto *mime = new QMimeData;
    mime->setText(secret);
    // Asks clipboard managers (KDE Klipper and others) not to keep it in their history.
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(mime);
    m_copied = secret;
    m_timer.start(m_clearAfterMs);
}

void SecretClipboard::clearNow()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    // Only what was copied here: something the person copied since stays.
    if (!m_copied.isEmpty() && clipboard->text() == m_copied) {
        clipboard->clear();
        Q_EMIT cleared();
    }
    m_copied.clear();
}

} // namespace chartkey::ui

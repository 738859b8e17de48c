// What chartkey tells assistive technology beyond what Qt's widgets say by themselves.
//
// Labels that carry state (the sign-in state, the selected patient, a result count) keep no
// fixed accessible name: Qt's QAccessibleDisplay would then give the name instead of the
// text, and a screen reader would hear "Sign-in state" and never the state. What they are
// goes into the accessible description instead.
//
// Changes that matter are announced: the message banner and the status line (Announcer) are
// alerts (QAccessible::AlertMessage, ATSPI_ROLE_ALERT); a screen reader speaks an alert when it
// appears, and both re-appear for each new message. Qt 6.4 has no announcement event (6.8
// does); on AT-SPI an alert that becomes "showing" is what Orca reads.
#pragma once

#include <QLabel>
#include <QTimer>

namespace chartkey::ui {

// Registers chartkey's accessible interfaces (the alerts above). Idempotent.
void installAccessibility();

// Tells assistive technology that the text of `label` changed (a NameChanged event).
void textChanged(QWidget *widget);

// The status line: short confirmations ("Sign-in address copied") and announcements (sign-in
// state, note action results) for everyone, and for screen readers as an alert.
class Announcer final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Announcer)
public:
    explicit Announcer(QWidget *parent = nullptr);

    // Shows `text` for `timeoutMs` (0: until the next one) and announces it.
    void announce(const QString &text, int timeoutMs = 10000);
    QString lastAnnouncement() const { return m_last; }

Q_SIGNALS:
    void announced(const QString &text);

private:
    QTimer m_clear;
    QString m_last;
};

} // namespace chartkey::ui

#include "notestates.h"

#include <QCoreApplication>

namespace chartkey {

NoteStates::NoteStates(QObject *parent)
    : QObject(parent)
{
}

void NoteStates::report(const QString &noteId, const QString &state)
{
    if (noteId.isEmpty() || state.isEmpty())
        return;
    m_states.insert(noteId, {state, QDateTime::currentDateTimeUtc()});
    Q_EMIT changed(noteId);
}

QString NoteStates::state(const QString &noteId) const
{
    return m_states.value(noteId).state;
}

QDateTime NoteStates::reportedAt(const QString &noteId) const
{
    return m_states.value(noteId).at;
}

void NoteStates::clear()
{
    const QList<QString> ids = m_states.keys();
    m_states.clear();
    for (const QString &id : ids)
        Q_EMIT changed(id);
}

QString noteStateText(const QString &state)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("chartkey::NoteStates", text); };
    if (state.isEmpty())
        return tr("—");
    if (state == QLatin1String("new"))
        return tr("new");
    if (state == QLatin1String("locked"))
        return tr("locked");
    if (state == QLatin1String("signed"))
        return tr("signed");
    return state;
}

} // namespace chartkey

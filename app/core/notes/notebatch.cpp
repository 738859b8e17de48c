#include "notebatch.h"

#include <QCoreApplication>

namespace chartkey {

NoteBatch::NoteBatch(NotesClient *notes, NoteAction action, const QStringList &noteIds,
                     QObject *parent)
    : Pending(parent)
    , m_notes(notes)
    , m_action(action)
    , m_noteIds(noteIds)
{
}

void NoteBatch::start()
{
    next();
}

void NoteBatch::cancel()
{
    m_cancelled = true;
}

void NoteBatch::next()
{
    const int index = int(m_results.size());
    if (index == m_noteIds.size()) {
        complete(m_results);
        return;
    }
    if (m_cancelled || !m_notes) {
        NoteResult r;
        r.action = m_action;
        r.noteId = m_noteIds.at(index);
        r.failure = Failure::make(Failure::Kind::Cancelled,
                                  QCoreApplication::translate("chartkey::NoteBatch",
                                                              "Not done: cancelled."));
        r.message = r.failure.message;
        m_results << r;
        Q_EMIT noteFinished(r, int(m_results.size()), total());
        next();
        return;
    }
    m_notes->run(m_action, m_noteIds.at(index))->then(this, [this](const NoteResult &r) {
        m_results << r;
        Q_EMIT noteFinished(r, int(m_results.size()), total());
        next();
    });
}

} // namespace chartkey

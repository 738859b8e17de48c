// One note action over several notes, one after another: each note's action is sent once,
// and each result (done, or why not) is reported as it comes. The batch completes once, with
// every note's result; a cancelled batch reports the notes it did not reach as not done.
#pragma once

#include "notes/notesclient.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace chartkey {

class NoteBatch final : public Pending<QList<NoteResult>>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteBatch)
public:
    NoteBatch(NotesClient *notes, NoteAction action, const QStringList &noteIds,
              QObject *parent = nullptr);

    void start();
    void cancel();
    int total() const { return int(m_noteIds.size()); }
    NoteAction action() const { return m_action; }

Q_SIGNALS:
    void noteFinished(const chartkey::NoteResult &result, int done, int total);

private:
    void next();

    QPointer<NotesClient> m_notes;
    NoteAction m_action;
    QStringList m_noteIds;
    QList<NoteResult> m_results;
    bool m_cancelled = false;
};

} // namespace chartkey

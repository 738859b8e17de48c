// The state of each note (new, locked, signed) as the EHR last reported it. FHIR's
// Appointment carries only the note's id; the note plugin says the state in its answer to
// each action. One book per connection, read by the tables that show notes.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>

namespace chartkey {

class NoteStates final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteStates)
public:
    explicit NoteStates(QObject *parent = nullptr);

    // The EHR said `noteId` is now in `state` ("new", "locked", "signed").
    void report(const QString &noteId, const QString &state);
    // Empty when the EHR has not said.
    QString state(const QString &noteId) const;
    QDateTime reportedAt(const QString &noteId) const;
    void clear();

Q_SIGNALS:
    void changed(const QString &noteId);

private:
    struct Entry
    {
        QString state;
        QDateTime at;
    };
    QHash<QString, Entry> m_states;
};

// "new", "locked", "signed" for a person; "—" when not reported.
QString noteStateText(const QString &state);

} // namespace chartkey

// Canvas note actions through the note_sign_api plugin:
//   POST {instance}/plugin-io/api/note_sign_api/notes/{note_id}/{action}
// Each action is sent once. A 401 is renewed and retried by ApiClient (the server did not
// act on it); any other failure is reported as "not done" with the server's reason.
#pragma once

#include "base/failure.h"
#include "base/operation.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace chartkey {

class ApiClient;

enum class NoteAction { Lock, Sign, LockSign, Unlock, CheckIn, NoShow };

// "lock-sign" (command line) <-> NoteAction <-> "lock_sign" (URL path)
std::optional<NoteAction> noteActionFromName(const QString &name);
QString commandName(NoteAction action);
QString pathName(NoteAction action);
QString displayName(NoteAction action);
QList<NoteAction> allNoteActions();

struct NoteResult
{
    NoteAction action = NoteAction::Lock;
    QString noteId;
    bool done = false;         // the EHR carried the action out
    QString state;             // the note's state afterwards, when the EHR said
    QString message;           // for the person: success or why not
    Failure failure;
};

struct ApiResult;

// What the EHR's answer to a note action means: done (and the note's new state), or why
// not. Pure, for the client and for fuzzing.
NoteResult noteResultFrom(NoteAction action, const QString &noteId, const ApiResult &result);

using NoteReply = Pending<NoteResult>;

class NotesClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotesClient)
public:
    NotesClient(ApiClient *api, const QUrl &pluginBase, QObject *parent = nullptr);
    NoteReply *run(NoteAction action, const QString &noteId);

private:
    ApiClient *m_api = nullptr;
    QUrl m_base;
};

} // namespace chartkey

Q_DECLARE_METATYPE(chartkey::NoteResult)

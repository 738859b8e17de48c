#include "notesclient.h"

#include "api/apiclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::NotesClient", text);
}

struct ActionNames
{
    NoteAction action;
    const char *command;
    const char *path;
    const char *display;
};

constexpr ActionNames kActions[] = {
    {NoteAction::Lock, "lock", "lock", QT_TRANSLATE_NOOP("chartkey::NotesClient", "Lock")},
    {NoteAction::Sign, "sign", "sign", QT_TRANSLATE_NOOP("chartkey::NotesClient", "Sign")},
    {NoteAction::LockSign, "lock-sign", "lock_sign",
     QT_TRANSLATE_NOOP("chartkey::NotesClient", "Lock & sign")},
    {NoteAction::Unlock, "unlock", "unlock", QT_TRANSLATE_NOOP("chartkey::NotesClient", "Unlock")},
    {NoteAction::CheckIn, "check-in", "checkin",
     QT_TRANSLATE_NOOP("chartkey::NotesClient", "Check in")},
    {NoteAction::NoShow, "no-show", "noshow",
     QT_TRANSLATE_NOOP("chartkey::NotesClient", "No-show")},
};

const ActionNames &names(NoteAction action)
{
    for (const auto &a : kActions) {
        if (a.action == action)
            return a;
    }
    return kActions[0];
}

} // namespace

std::optional<NoteAction> noteActionFromName(const QString &name)
{
    for (const auto &a : kActions) {
        if (name == QLatin1String(a.command) || name == QLatin1String(a.path))
            return a.action;
    }
    return std::nullopt;
}

QString commandName(NoteAction action)
{
    return QString::fromLatin1(names(action).command);
}

QString pathName(NoteAction action)
{
    return QString::fromLatin1(names(action).path);
}

QString displayName(NoteAction action)
{
    return tr(names(action).display);
}

QList<NoteAction> allNoteActions()
{
    QList<NoteAction> all;
    for (const auto &a : kActions)
        all << a.action;
    return all;
}

NoteResult noteResultFrom(NoteAction action, const QString &noteId, const ApiResult &result)
{
    NoteResult r;
    r.action = action;
    r.noteId = noteId;
    const int status = result.response.status;
    const QJsonObject body = QJsonDocument::fromJson(result.response.body).object();
    const QString said = describeApiError(result.response);
    if (result.failure.kind == Failure::Kind::Timeout) {
        // The request went out and no answer came: the EHR may have acted on it.
        r.failure = result.failure;
        r.message = tr("%1 may or may not have been done: %2 Check the note's state before "
                       "trying again.")
                            .arg(displayName(action), result.failure.message);
    } else if (result.failure) {
        r.failure = result.failure;
        r.message = tr("%1 was not done: %2").arg(displayName(action), result.failure.message);
    } else if (status == 429 || status == 503) {
        // Refused before processing: busy or down.
        const QByteArray retryAfter = result.response.header("Retry-After");
        r.failure = Failure::make(Failure::Kind::Server,
                                  retryAfter.isEmpty()
                                          ? tr("%1 was not done: the EHR is busy or unavailable "
                                               "(HTTP %2). Try again in a minute.")
                                                    .arg(displayName(action))
                                                    .arg(status)
                                          : tr("%1 was not done: the EHR is busy or unavailable "
                                               "(HTTP %2). Try again in %3 s.")
                                                    .arg(displayName(action))
                                                    .arg(status)
                                                    .arg(QString::fromLatin1(retryAfter)));
    } else if (status >= 200 && status < 300) {
        r.done = true;
        r.state = body.value(QStringLiteral("state")).toString();
        r.message = r.state.isEmpty() ? tr("%1: done.").arg(displayName(action))
                                      : tr("%1: done; the note is now %2.")
                                                .arg(displayName(action), r.state);
    } else if (status == 404) {
        r.failure = Failure::make(Failure::Kind::Http,
                                  tr("Note %1 was not found (%2). Check the note ID.")
                                          .arg(noteId, said));
    } else if (status == 409 || status == 400 || status == 422) {
        r.failure = Failure::make(Failure::Kind::Http,
                                  tr("%1 is not possible for note %2 now: %3")
                                          .arg(displayName(action), noteId, said));
    } else if (status == 403) {
        r.failure = Failure::make(Failure::Kind::Denied,
                                  tr("Not authorized to %1 note %2 (%3). Sign in as a user "
                                     "allowed to, with a scope that covers notes.")
                                          .arg(displayName(action).toLower(), noteId, said));
    } else {
        r.failure = Failure::make(Failure::Kind::Server,
                                  tr("The EHR answered HTTP %1 (%2); %3 may not have been "
                                     "done. Check the note's state before trying again.")
                                          .arg(status)
                                          .arg(said, displayName(action).toLower()));
    }
    if (r.failure) {
        r.failure.httpStatus = status;
        r.failure.detail = QStringLiteral("POST notes/%1/%2 -> %3")
                                   .arg(noteId, pathName(action), QString::number(status));
        if (r.message.isEmpty())
            r.message = r.failure.message;
    }
    return r;
}

NotesClient::NotesClient(ApiClient *api, const QUrl &pluginBase, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_base(pluginBase)
{
}

NoteReply *NotesClient::run(NoteAction action, const QString &noteId)
{
    auto *reply = new NoteReply(this);
    QUrl url = m_base;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + QStringLiteral("notes/")
                + QString::fromLatin1(QUrl::toPercentEncoding(noteId)) + QLatin1Char('/')
                + pathName(action));
    m_api->post(url, QByteArray("{}"))->then(reply, [reply, action, noteId](const ApiResult &result) {
        reply->complete(noteResultFrom(action, noteId, result));
    });
    return reply;
}

} // namespace chartkey

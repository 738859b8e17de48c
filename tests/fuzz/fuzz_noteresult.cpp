// noteResultFrom: what the note_sign_api plugin's answer to a note action means.
// Input: "<status>[ <Retry-After>]\n<body>", e.g. "404\n{\"error\": \"Note not found.\"}".
// Checks, for every action: done exactly for 2xx, with no failure; otherwise a failure with
// the HTTP status, and always a message.
#include "fuzzsupport.h"

#include "api/apiclient.h"
#include "notes/notesclient.h"

using namespace chartkey;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto [head, body] = fuzz::firstLine(fuzz::bytes(data, size));
    const qsizetype space = head.indexOf(' ');
    ApiResult result;
    result.attempts = 1;
    result.response.status = (space < 0 ? head : head.left(space)).trimmed().toInt();
    result.response.contentType = "application/json";
    result.response.body = body;
    if (space >= 0)
        result.response.headers.append({"Retry-After", head.mid(space + 1).trimmed()});

    const int status = result.response.status;
    const QString noteId = QStringLiteral("note-25-1");
    for (const NoteAction action : allNoteActions()) {
        const NoteResult r = noteResultFrom(action, noteId, result);
        fuzz::check(r.action == action && r.noteId == noteId, "the result names another note");
        fuzz::check(!r.message.isEmpty(), "a result without a message");
        const bool success = status >= 200 && status < 300;
        fuzz::check(r.done == success, "done does not follow the HTTP status");
        fuzz::check(r.done != bool(r.failure), "done and a failure together, or neither");
        if (r.failure)
            fuzz::check(r.failure.httpStatus == status, "the failure lost the HTTP status");
    }
    return 0;
}

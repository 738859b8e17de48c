// A SecretStore that fits entries of any size into a keychain that limits the size of one
// entry (Windows Credential Manager: 2,560 bytes; a token set with a JWT access token, an ID
// token and a refresh token is larger). It decorates another store.
//
// An entry that fits is written as it is, under its own key, as it always was: nothing
// changes for the keychains without a limit or for small values, and an entry written before
// this store existed reads back unchanged. A larger entry is split into numbered parts under
// a fresh generation, and the entry's own key then holds a small index naming them:
//
//   tokens:Clinic                 chartkey-chunked/1 gen=9f0c… parts=3 size=6012 sha256=…
//   tokens:Clinic#9f0c….0         bytes 0..2559
//   tokens:Clinic#9f0c….1         bytes 2560..5119
//   tokens:Clinic#9f0c….2         bytes 5120..6011
//
// Why it is atomic from the caller's view: the index is one entry, and writing it is the
// moment the value changes.
//   write   read the current index (to know the old generation); write the new parts; write
//           the index (or the small value itself) over the key; then remove the old parts.
//           A failure before the index write removes the new parts and leaves the previous
//           value readable; a failure after it only leaves old parts behind (logged).
//   read    read the key; a plain value is the value; an index is followed, its parts
//           joined and checked against its size and SHA-256. A part that has gone (another
//           writer replaced the value meanwhile) makes the read start again from the key: it
//           then sees the new value, never half of each.
//   remove  remove the key first (the value is gone at once), then the parts.
// Two writers at once (two processes) each leave a complete value; the last index written
// wins, and the loser's parts may stay behind, unread. Session already makes one refresh at
// a time, across processes, so that is the rare case.
//
// A small value that happens to start like an index is stored as one part and an index, so
// that a read can never mistake it for one.
#pragma once

#include "storage/secretstore.h"

#include <QString>

namespace chartkey {

class ChunkedSecretStore final : public SecretStore
{
public:
    // `backend` is used, not owned, and must outlive this store. `entryLimit` is the most
    // bytes one entry of the backend holds (KeychainStore::entryLimit()); 0 = no limit, and
    // then every value is written as it is. A limit below minimumEntryLimit is raised to it.
    ChunkedSecretStore(SecretStore *backend, qsizetype entryLimit);

    Job *read(const QString &key) override;
    Job *write(const QString &key, const QByteArray &data) override;
    Job *remove(const QString &key) override;
    QString backendName() const override;

    qsizetype entryLimit() const { return m_limit; }

    // Room for an index entry (about 130 bytes) with a margin.
    static constexpr qsizetype minimumEntryLimit = 256;
    // A value needing more parts than this is refused (2.5 MB at Windows' limit).
    static constexpr int maximumParts = 1024;

    // The key of part `index` of generation `generation` of entry `key`.
    static QString partKey(const QString &key, const QString &generation, int index);

private:
    SecretStore *m_backend;
    qsizetype m_limit;
};

} // namespace chartkey

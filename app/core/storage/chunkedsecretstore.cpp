#include "chunkedsecretstore.h"

#include "base/logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QList>
#include <QRandomGenerator>

#include <functional>
#include <memory>
#include <optional>

namespace chartkey {

namespace {

using Status = SecretStore::Status;
using Result = SecretStore::Result;

// What an index entry starts with. Readable on purpose: `secret-tool search` and the
// Credential Manager show what the entry is.
constexpr char indexMagic[] = "chartkey-chunked/1 ";
// A read that finds a part gone starts again from the key at most this often.
constexpr int readAttempts = 3;

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::ChunkedSecretStore", text);
}

struct Index
{
    QString generation; // 16 hex digits, fresh for every chunked write
    int parts = 0;
    qsizetype size = 0;
    QByteArray sha256; // hex, of the joined value
};

bool looksLikeIndex(const QByteArray &value)
{
    return value.startsWith(indexMagic);
}

QByteArray digest(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QString newGeneration()
{
    return QStringLiteral("%1").arg(QRandomGenerator::system()->generate64(), 16, 16,
                                    QLatin1Char('0'));
}

QByteArray formatIndex(const Index &index)
{
    return QByteArray(indexMagic) + "gen=" + index.generation.toLatin1()
            + " parts=" + QByteArray::number(index.parts)
            + " size=" + QByteArray::number(index.size) + " sha256=" + index.sha256;
}

bool isHex(const QByteArray &text, qsizetype length)
{
    if (text.size() != length)
        return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

// The index `value` holds; nullopt for a plain value or an index that does not parse.
std::optional<Index> parseIndex(const QByteArray &value)
{
    if (!looksLikeIndex(value))
        return std::nullopt;
    Index index;
    bool hasGeneration = false, hasParts = false, hasSize = false, hasDigest = false;
    const QList<QByteArray> fields = value.mid(qsizetype(sizeof(indexMagic)) - 1).split(' ');
    for (const QByteArray &field : fields) {
        const qsizetype eq = field.indexOf('=');
        if (eq <= 0)
            return std::nullopt;
        const QByteArray name = field.left(eq);
        const QByteArray text = field.mid(eq + 1);
        bool ok = false;
        if (name == "gen" && isHex(text, 16)) {
            index.generation = QString::fromLatin1(text);
            hasGeneration = true;
        } else if (name == "parts") {
            index.parts = text.toInt(&ok);
            hasParts = ok && index.parts >= 1 && index.parts <= ChunkedSecretStore::maximumParts;
        } else if (name == "size") {
            index.size = text.toLongLong(&ok);
            hasSize = ok && index.size >= 0;
        } else if (name == "sha256" && isHex(text, 64)) {
            index.sha256 = text;
            hasDigest = true;
        } else {
            return std::nullopt;
        }
    }
    if (!hasGeneration || !hasParts || !hasSize || !hasDigest)
        return std::nullopt;
    return index;
}

Result okResult(const QByteArray &data = {})
{
    return Result{Status::Ok, data, {}};
}

Result damaged(const QString &key)
{
    Result r;
    r.status = Status::Failed;
    r.message = tr("The keychain entry %1 is damaged (a part of it is missing or altered), so "
                   "chartkey cannot read it. Sign in again, or set the secret again, to "
                   "replace it.")
                        .arg(key);
    return r;
}

// Removes parts [0, count) of `generation`, one job after the other (the keychain runs one
// at a time anyway), then calls `done`. A part that cannot be removed holds a value no index
// names any more: it is logged and left.
void removeParts(SecretStore *backend, const QString &key, const QString &generation, int count,
                 SecretStore::Job *op, std::function<void()> done, int next = 0, int failed = 0)
{
    if (next >= count) {
        if (failed > 0)
            qCWarning(lcStorage).noquote()
                    << "could not remove" << failed << "of" << count
                    << "superseded parts of the keychain entry" << key << "(left, unread)";
        done();
        return;
    }
    backend->remove(ChunkedSecretStore::partKey(key, generation, next))
            ->then(op, [=, done = std::move(done)](const Result &r) mutable {
                removeParts(backend, key, generation, count, op, std::move(done), next + 1,
                            failed + (r.isOk() ? 0 : 1));
            });
}

void removeIndexed(SecretStore *backend, const QString &key, const std::optional<Index> &index,
                   SecretStore::Job *op, std::function<void()> done)
{
    if (!index) {
        done();
        return;
    }
    removeParts(backend, key, index->generation, index->parts, op, std::move(done));
}

// Writes parts [next, index.parts) of `data`; `done(result, written)` gets Ok once all are
// written, or the first failure and how many parts were written before it.
void writeParts(SecretStore *backend, const QString &key, const Index &index,
                const QByteArray &data, qsizetype partSize, SecretStore::Job *op,
                std::function<void(const Result &, int)> done, int next = 0)
{
    if (next >= index.parts) {
        done(okResult(), next);
        return;
    }
    backend->write(ChunkedSecretStore::partKey(key, index.generation, next),
                   data.mid(next * partSize, partSize))
            ->then(op, [=, done = std::move(done)](const Result &r) mutable {
                if (!r.isOk()) {
                    done(r, next);
                    return;
                }
                writeParts(backend, key, index, data, partSize, op, std::move(done), next + 1);
            });
}

void readEntry(SecretStore *backend, const QString &key, int attemptsLeft,
               const QString &vanishedGeneration, SecretStore::Job *op);

// Reads parts [next, index.parts) into `joined`; completes `op` with the value once all are
// in and it matches the index, or calls `restart` when a part is gone or the value does not
// match (a writer replaced the entry meanwhile).
void readParts(SecretStore *backend, const QString &key, const Index &index,
               std::shared_ptr<QByteArray> joined, SecretStore::Job *op,
               std::function<void()> restart, int next = 0)
{
    if (next >= index.parts) {
        if (joined->size() != index.size || digest(*joined) != index.sha256) {
            restart();
            return;
        }
        op->complete(okResult(*joined));
        return;
    }
    backend->read(ChunkedSecretStore::partKey(key, index.generation, next))
            ->then(op, [=, restart = std::move(restart)](const Result &r) mutable {
                if (r.status == Status::NotFound) {
                    restart();
                    return;
                }
                if (!r.isOk()) {
                    op->complete(r);
                    return;
                }
                joined->append(r.data);
                readParts(backend, key, index, joined, op, std::move(restart), next + 1);
            });
}

void readEntry(SecretStore *backend, const QString &key, int attemptsLeft,
               const QString &vanishedGeneration, SecretStore::Job *op)
{
    backend->read(key)->then(op, [=](const Result &r) {
        // Not found, a keychain failure, or a plain value: that is the answer.
        if (!r.isOk() || !looksLikeIndex(r.data)) {
            op->complete(r);
            return;
        }
        const std::optional<Index> index = parseIndex(r.data);
        // An index whose parts were found gone names them still: they are not coming back.
        if (!index || index->generation == vanishedGeneration || attemptsLeft <= 1) {
            if (index)
                qCWarning(lcStorage).noquote()
                        << "the keychain entry" << key << "names parts that are missing or"
                        << "do not match it";
            else
                qCWarning(lcStorage).noquote() << "the keychain entry" << key
                                               << "holds an index that does not parse";
            op->complete(damaged(key));
            return;
        }
        auto joined = std::make_shared<QByteArray>();
        joined->reserve(index->size);
        const QString generation = index->generation;
        readParts(backend, key, *index, joined, op, [=] {
            readEntry(backend, key, attemptsLeft - 1, generation, op);
        });
    });
}

} // namespace

ChunkedSecretStore::ChunkedSecretStore(SecretStore *backend, qsizetype entryLimit)
    : m_backend(backend)
    , m_limit(entryLimit <= 0 ? 0 : std::max(entryLimit, minimumEntryLimit))
{
    Q_ASSERT(backend);
}

QString ChunkedSecretStore::partKey(const QString &key, const QString &generation, int index)
{
    return key + QLatin1Char('#') + generation + QLatin1Char('.') + QString::number(index);
}

SecretStore::Job *ChunkedSecretStore::read(const QString &key)
{
    auto *op = new Job;
    readEntry(m_backend, key, readAttempts, QString(), op);
    return op;
}

SecretStore::Job *ChunkedSecretStore::write(const QString &key, const QByteArray &data)
{
    auto *op = new Job;
    SecretStore *backend = m_backend;
    const qsizetype limit = m_limit;
    // The current entry first: an index names the parts to remove once the new value is in.
    backend->read(key)->then(op, [=](const Result &current) {
        if (!current.isOk() && current.status != Status::NotFound) {
            op->complete(current); // the keychain cannot be used now; nothing was changed
            return;
        }
        const std::optional<Index> old =
                current.isOk() ? parseIndex(current.data) : std::optional<Index>();

        // Fits: written as it is, over the key (replacing an index at once).
        if ((limit == 0 || data.size() <= limit) && !looksLikeIndex(data)) {
            backend->write(key, data)->then(op, [=](const Result &written) {
                if (!written.isOk()) {
                    op->complete(written);
                    return;
                }
                removeIndexed(backend, key, old, op, [op] { op->complete(okResult()); });
            });
            return;
        }

        const qsizetype partSize = limit > 0 ? limit : std::max<qsizetype>(data.size(), 1);
        const qsizetype parts = std::max<qsizetype>((data.size() + partSize - 1) / partSize, 1);
        if (parts > maximumParts) {
            Result r;
            r.status = Status::Failed;
            r.message = tr("The secret for %1 is too large for the keychain (%2 bytes). "
                           "Nothing was changed.")
                                .arg(key)
                                .arg(data.size());
            op->complete(r);
            return;
        }
        const Index index{newGeneration(), int(parts), data.size(), digest(data)};
        writeParts(backend, key, index, data, partSize, op,
                   [=](const Result &partsWritten, int written) {
            if (!partsWritten.isOk()) {
                // The key still holds the previous value; take the new parts away again.
                removeParts(backend, key, index.generation, written + 1, op,
                            [op, partsWritten] { op->complete(partsWritten); });
                return;
            }
            backend->write(key, formatIndex(index))->then(op, [=](const Result &flipped) {
                if (flipped.isOk()) {
                    removeIndexed(backend, key, old, op, [op] { op->complete(okResult()); });
                    return;
                }
                // A job that timed out may still land in the keychain: keep the parts the
                // index would name. Any other failure left the previous index in place.
                if (flipped.status == Status::TimedOut) {
                    op->complete(flipped);
                    return;
                }
                removeParts(backend, key, index.generation, index.parts, op,
                            [op, flipped] { op->complete(flipped); });
            });
        });
    });
    return op;
}

SecretStore::Job *ChunkedSecretStore::remove(const QString &key)
{
    auto *op = new Job;
    SecretStore *backend = m_backend;
    backend->read(key)->then(op, [=](const Result &current) {
        if (current.status == Status::NotFound) {
            op->complete(okResult()); // removing what is not there is what the caller wanted
            return;
        }
        if (!current.isOk()) {
            op->complete(current);
            return;
        }
        const std::optional<Index> index = parseIndex(current.data);
        // The key first: from then on a reader finds nothing, not a half-removed value.
        backend->remove(key)->then(op, [=](const Result &removed) {
            if (!removed.isOk()) {
                op->complete(removed);
                return;
            }
            removeIndexed(backend, key, index, op, [op] { op->complete(okResult()); });
        });
    });
    return op;
}

QString ChunkedSecretStore::backendName() const
{
    return m_backend->backendName();
}

} // namespace chartkey

// ChunkedSecretStore over an in-memory keychain that limits an entry's size, as Windows
// Credential Manager does: values of every size round-trip, overwrites in both directions
// leave no stale part, a write that fails part-way leaves the previous value readable, a
// reader running during a write sees the old value or the new one and never a mix, removal
// takes every part, and an entry stored before chunking existed reads back as it was.
#include "memorysecretstore.h"
#include "resultspy.h"
#include "storage/chunkedsecretstore.h"

#include <QList>
#include <QRegularExpression>
#include <QTest>

#include <functional>
#include <memory>
#include <utility>

using namespace chartkey;
using chartkey::test::MemorySecretStore;
using chartkey::test::waitFor;

namespace {

constexpr qsizetype limit = 300; // small, so that tests need many parts

// Distinct, recognisable content of `size` bytes: a mixed-up part would not compare equal.
QByteArray value(qsizetype size, char tag)
{
    QByteArray v;
    v.reserve(size);
    for (qsizetype i = 0; i < size; ++i)
        v.append(char(tag + (i / 7) % 13));
    return v;
}

// Keys in the backend that belong to `key` (the key itself and its parts).
QStringList keysOf(const MemorySecretStore &backend, const QString &key)
{
    QStringList keys;
    for (auto it = backend.entries.cbegin(); it != backend.entries.cend(); ++it) {
        if (it.key() == key || it.key().startsWith(key + QLatin1Char('#')))
            keys.append(it.key());
    }
    keys.sort();
    return keys;
}

// Another process's view of the keychain, paused part-way: the first `passing` reads reach
// the backend at once; later ones wait for release() and only then reach it, so they see
// the keychain as it is after whatever happened meanwhile.
class PausedReader final : public SecretStore
{
public:
    PausedReader(SecretStore *backend, int passing)
        : m_backend(backend)
        , m_passing(passing)
    {
    }

    Job *read(const QString &key) override
    {
        if (m_released || m_passing > 0) {
            --m_passing;
            return m_backend->read(key);
        }
        auto *job = new Job;
        m_held.append([this, key, job] {
            m_backend->read(key)->then(job, [job](const Result &r) { job->complete(r); });
        });
        return job;
    }
    Job *write(const QString &key, const QByteArray &data) override
    {
        return m_backend->write(key, data);
    }
    Job *remove(const QString &key) override { return m_backend->remove(key); }
    QString backendName() const override { return m_backend->backendName(); }

    int held() const { return int(m_held.size()); }
    void release()
    {
        m_released = true;
        const auto held = std::exchange(m_held, {});
        for (const auto &run : held)
            run();
    }

private:
    SecretStore *m_backend;
    int m_passing;
    bool m_released = false;
    QList<std::function<void()>> m_held;
};

} // namespace

class TestChunkedSecretStore final : public QObject
{
    Q_OBJECT

    std::unique_ptr<MemorySecretStore> m_backend;
    std::unique_ptr<ChunkedSecretStore> m_store;
    const QString m_key = QStringLiteral("tokens:Clinic");

    SecretStore::Result read(SecretStore &store) { return waitFor(store.read(m_key)); }
    SecretStore::Result read() { return read(*m_store); }
    SecretStore::Result write(const QByteArray &data)
    {
        return waitFor(m_store->write(m_key, data));
    }

    // The backend holds `data` for the key in as few entries as the limit allows, none
    // larger than the limit, and nothing else under the key.
    void verifyStored(const QByteArray &data)
    {
        const qsizetype parts = (data.size() + limit - 1) / limit;
        const QStringList keys = keysOf(*m_backend, m_key);
        if (data.size() <= limit) {
            QCOMPARE(keys, QStringList{m_key});
            QCOMPARE(m_backend->entries.value(m_key), data);
        } else {
            QCOMPARE(keys.size(), parts + 1);
            QVERIFY(m_backend->entries.value(m_key).startsWith("chartkey-chunked/1 "));
        }
        for (const QString &k : keys)
            QVERIFY2(m_backend->entries.value(k).size() <= limit, qPrintable(k));
        const SecretStore::Result r = read();
        QCOMPARE(r.status, SecretStore::Status::Ok);
        QCOMPARE(r.data, data);
    }

private Q_SLOTS:
    void init()
    {
        m_backend = std::make_unique<MemorySecretStore>();
        m_backend->sizeLimit = limit; // the backend refuses what does not fit
        m_store = std::make_unique<ChunkedSecretStore>(m_backend.get(), limit);
    }

    void valuesOfEverySizeRoundTrip_data()
    {
        QTest::addColumn<qsizetype>("size");
        QTest::newRow("empty") << qsizetype(0);
        QTest::newRow("small") << qsizetype(40);
        QTest::newRow("exactly the limit: one plain entry") << limit;
        QTest::newRow("one byte over: two parts") << limit + 1;
        QTest::newRow("exactly two parts") << 2 * limit;
        QTest::newRow("a token set with JWTs at Windows' ratio") << qsizetype(2.4 * limit);
        QTest::newRow("many parts") << 40 * limit + 7;
    }
    void valuesOfEverySizeRoundTrip()
    {
        QFETCH(qsizetype, size);
        const QByteArray data = value(size, 'a');
        const SecretStore::Result w = write(data);
        QVERIFY2(w.isOk(), qPrintable(w.message));
        verifyStored(data);
    }

    void overwriteInBothDirectionsLeavesNoStalePart_data()
    {
        QTest::addColumn<qsizetype>("before");
        QTest::addColumn<qsizetype>("after");
        QTest::newRow("large -> small") << 5 * limit << qsizetype(20);
        QTest::newRow("small -> large") << qsizetype(20) << 5 * limit;
        QTest::newRow("large -> larger") << 3 * limit << 7 * limit + 1;
        QTest::newRow("large -> smaller large") << 7 * limit << 2 * limit;
        QTest::newRow("large -> same size") << 4 * limit << 4 * limit;
    }
    void overwriteInBothDirectionsLeavesNoStalePart()
    {
        QFETCH(qsizetype, before);
        QFETCH(qsizetype, after);
        QVERIFY(write(value(before, 'a')).isOk());
        QVERIFY(write(value(after, 'n')).isOk());
        verifyStored(value(after, 'n'));
    }

    // Every write of a large update in turn fails (a part, or the index): the previous value
    // still reads back whole, and the failed attempt leaves no part behind.
    void failedWriteKeepsThePreviousValue_data()
    {
        QTest::addColumn<qsizetype>("before");
        QTest::addColumn<int>("failingWrite");
        const qsizetype newParts = 4;
        for (const qsizetype before : {qsizetype(25), 3 * limit}) {
            for (int n = 1; n <= newParts + 1; ++n) {
                const QString what = n <= newParts ? QStringLiteral("part %1").arg(n)
                                                   : QStringLiteral("the index");
                QTest::addRow("%s before, %s fails", before > limit ? "large" : "small",
                              qPrintable(what))
                        << before << n;
            }
        }
    }
    void failedWriteKeepsThePreviousValue()
    {
        QFETCH(qsizetype, before);
        QFETCH(int, failingWrite);
        const QByteArray old = value(before, 'a');
        QVERIFY(write(old).isOk());
        const QStringList oldKeys = keysOf(*m_backend, m_key);

        m_backend->failAtWrite = m_backend->writes + failingWrite;
        const SecretStore::Result w = write(value(4 * limit, 'n'));
        QCOMPARE(w.status, SecretStore::Status::Failed);
        QVERIFY(!w.message.isEmpty());

        QCOMPARE(keysOf(*m_backend, m_key), oldKeys);
        verifyStored(old);
    }

    // A small value that fails to be written changes nothing either.
    void failedSmallWriteKeepsThePreviousValue()
    {
        const QByteArray old = value(3 * limit, 'a');
        QVERIFY(write(old).isOk());
        m_backend->failAtWrite = m_backend->writes + 1;
        QCOMPARE(write("small").status, SecretStore::Status::Failed);
        verifyStored(old);
    }

    // The keychain as it is after each write of an update (each moment a reader in another
    // process could read it all at once) holds the old value or the new one, whole.
    void everyStateDuringAnUpdateHoldsOldOrNew_data()
    {
        QTest::addColumn<qsizetype>("before");
        QTest::addColumn<qsizetype>("after");
        QTest::newRow("large -> large") << 3 * limit + 5 << 4 * limit;
        QTest::newRow("small -> large") << qsizetype(30) << 4 * limit;
        QTest::newRow("large -> small") << 4 * limit << qsizetype(30);
        QTest::newRow("nothing -> large") << qsizetype(-1) << 4 * limit;
    }
    void everyStateDuringAnUpdateHoldsOldOrNew()
    {
        QFETCH(qsizetype, before);
        QFETCH(qsizetype, after);
        const QByteArray old = before >= 0 ? value(before, 'a') : QByteArray();
        const QByteArray fresh = value(after, 'n');
        if (before >= 0)
            QVERIFY(write(old).isOk());
        QList<QHash<QString, QByteArray>> states;
        m_backend->afterWrite = [&](const QString &) { states.append(m_backend->entries); };
        QVERIFY(write(fresh).isOk());
        m_backend->afterWrite = nullptr;
        states.append(m_backend->entries); // after the clean-up
        QVERIFY(!states.isEmpty());
        for (qsizetype i = 0; i < states.size(); ++i) {
            MemorySecretStore snapshot;
            snapshot.entries = states.at(i);
            ChunkedSecretStore reader(&snapshot, limit);
            const SecretStore::Result r = waitFor(reader.read(m_key));
            const QByteArray what = "state " + QByteArray::number(i + 1) + " of "
                    + QByteArray::number(states.size());
            if (before < 0 && r.status == SecretStore::Status::NotFound)
                continue;
            QVERIFY2(r.status == SecretStore::Status::Ok, what.constData());
            QVERIFY2(r.data == old || r.data == fresh, what.constData());
        }
    }

    // A second store on the same keychain (another process) reads while the first one
    // replaces a large value, starting at each write of the update in turn: it reads the
    // old value or the new one, whole.
    void readerDuringAWriteSeesOldOrNew_data()
    {
        QTest::addColumn<qsizetype>("before");
        QTest::addColumn<qsizetype>("after");
        QTest::addColumn<int>("startAtWrite");
        struct Case
        {
            const char *name;
            qsizetype before, after;
        };
        const Case cases[] = {{"large -> large", 3 * limit + 5, 4 * limit},
                              {"small -> large", 30, 4 * limit},
                              {"large -> small", 4 * limit, 30}};
        for (const Case &c : cases) {
            const int writes = c.after > limit ? int((c.after + limit - 1) / limit) + 1 : 1;
            for (int n = 1; n <= writes; ++n)
                QTest::addRow("%s, reader starts after write %d", c.name, n)
                        << c.before << c.after << n;
        }
    }
    void readerDuringAWriteSeesOldOrNew()
    {
        QFETCH(qsizetype, before);
        QFETCH(qsizetype, after);
        QFETCH(int, startAtWrite);
        const QByteArray old = value(before, 'a');
        const QByteArray fresh = value(after, 'n');
        QVERIFY(write(old).isOk());

        ChunkedSecretStore otherProcess(m_backend.get(), limit);
        std::unique_ptr<test::ResultSpy<SecretStore::Result>> reader;
        const int start = m_backend->writes + startAtWrite;
        m_backend->afterWrite = [&](const QString &) {
            if (m_backend->writes == start && !reader)
                reader = std::make_unique<test::ResultSpy<SecretStore::Result>>(
                        otherProcess.read(m_key));
        };
        auto *writer = m_store->write(m_key, fresh);
        test::ResultSpy<SecretStore::Result> written(writer);
        QVERIFY(written.wait());
        QVERIFY(written.result().isOk());
        QVERIFY2(reader, "the reader never started");
        QVERIFY(reader->wait());
        const SecretStore::Result r = reader->result();
        QCOMPARE(r.status, SecretStore::Status::Ok);
        QVERIFY2(r.data == old || r.data == fresh, "the reader saw neither value whole");
        m_backend->afterWrite = nullptr;
        verifyStored(fresh);
    }

    // A reader that has read the index and is paused before the parts, while another store
    // replaces or removes the value and takes the old parts away: it starts again from the
    // key, and gets what is there now.
    void pausedReaderStartsAgainFromTheKey_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("replaced by a large value") << QStringLiteral("large");
        QTest::newRow("replaced by a small value") << QStringLiteral("small");
        QTest::newRow("removed") << QStringLiteral("remove");
    }
    void pausedReaderStartsAgainFromTheKey()
    {
        QFETCH(QString, change);
        QVERIFY(write(value(6 * limit, 'a')).isOk());
        PausedReader paused(m_backend.get(), 1); // the index read goes through, then it waits
        ChunkedSecretStore otherProcess(&paused, limit);
        test::ResultSpy<SecretStore::Result> reader(otherProcess.read(m_key));
        QTRY_COMPARE(paused.held(), 1);

        QByteArray now;
        if (change == QStringLiteral("remove")) {
            QVERIFY(waitFor(m_store->remove(m_key)).isOk());
        } else {
            now = value(change == QStringLiteral("large") ? 5 * limit : 20, 'n');
            QVERIFY(write(now).isOk());
        }
        const int readsBefore = m_backend->reads;
        paused.release();
        QVERIFY(reader.wait());
        QVERIFY2(m_backend->reads > readsBefore + 1, "the reader did not start again");
        if (now.isNull()) {
            QCOMPARE(reader.result().status, SecretStore::Status::NotFound);
        } else {
            QCOMPARE(reader.result().status, SecretStore::Status::Ok);
            QCOMPARE(reader.result().data, now);
        }
    }

    void removalTakesEveryPart_data()
    {
        QTest::addColumn<qsizetype>("size");
        QTest::newRow("plain") << qsizetype(10);
        QTest::newRow("chunked") << 9 * limit + 1;
    }
    void removalTakesEveryPart()
    {
        QFETCH(qsizetype, size);
        const QString neighbour = QStringLiteral("tokens:Clinic 2");
        m_backend->entries.insert(neighbour, "another profile's tokens");
        QVERIFY(write(value(size, 'a')).isOk());
        QVERIFY(waitFor(m_store->remove(m_key)).isOk());
        QVERIFY(keysOf(*m_backend, m_key).isEmpty());
        QCOMPARE(read().status, SecretStore::Status::NotFound);
        QCOMPARE(m_backend->entries.keys(), QList<QString>{neighbour});
        // Removing what is not there is what the caller wanted.
        QVERIFY(waitFor(m_store->remove(m_key)).isOk());
    }

    // What KeychainStore wrote before chunking existed: read as it is, replaced cleanly.
    void plainEntryFromBeforeReadsThrough()
    {
        const QByteArray stored = "{\"access_token\":\"a\",\"refresh_token\":\"r\"}";
        m_backend->entries.insert(m_key, stored);
        QCOMPARE(read().data, stored);
        QVERIFY(write(value(3 * limit, 'n')).isOk());
        verifyStored(value(3 * limit, 'n'));
    }

    // A value that looks like an index is stored chunked, so it cannot be taken for one.
    void valueThatLooksLikeAnIndexRoundTrips()
    {
        const QByteArray lookalike = "chartkey-chunked/1 gen=0000000000000000 parts=1 size=0"
                                     " sha256="
                + QByteArray(64, '0');
        QVERIFY(write(lookalike).isOk());
        QCOMPARE(keysOf(*m_backend, m_key).size(), 2);
        QCOMPARE(read().data, lookalike);
    }

    // An index whose parts are gone for good (removed by hand) is reported damaged, with the
    // next step, after the read has started again and found the same index.
    void missingPartIsReportedDamaged()
    {
        QVERIFY(write(value(3 * limit, 'a')).isOk());
        const QStringList keys = keysOf(*m_backend, m_key);
        m_backend->entries.remove(keys.at(1));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("names parts that")));
        const SecretStore::Result r = read();
        QCOMPARE(r.status, SecretStore::Status::Failed);
        QVERIFY2(r.message.contains(m_key), qPrintable(r.message));
        QVERIFY(r.message.contains(QStringLiteral("Sign in again")));
        // Writing a new value repairs it.
        QVERIFY(write(value(2 * limit, 'n')).isOk());
        verifyStored(value(2 * limit, 'n'));
    }

    void alteredPartIsReportedDamaged()
    {
        QVERIFY(write(value(3 * limit, 'a')).isOk());
        const QString part = keysOf(*m_backend, m_key).at(2);
        m_backend->entries[part][0] = 'X';
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("names parts that")));
        QCOMPARE(read().status, SecretStore::Status::Failed);
    }

    void unparsableIndexIsReportedDamaged()
    {
        m_backend->entries.insert(m_key, "chartkey-chunked/1 gen=zz parts=-1");
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("does not parse")));
        QCOMPARE(read().status, SecretStore::Status::Failed);
    }

    // The keychain's own failures come through unchanged, and nothing is written.
    void unavailableKeychainIsReportedAsSuch()
    {
        m_backend->setMode(MemorySecretStore::Mode::Unavailable);
        QCOMPARE(read().status, SecretStore::Status::Unavailable);
        QCOMPARE(write(value(3 * limit, 'a')).status, SecretStore::Status::Unavailable);
        QCOMPARE(waitFor(m_store->remove(m_key)).status, SecretStore::Status::Unavailable);
        QCOMPARE(m_backend->writes, 0);
    }

    // Without a limit (Secret Service, macOS) every value stays one plain entry.
    void withoutALimitEverythingIsPlain()
    {
        m_backend->sizeLimit = 0;
        ChunkedSecretStore unlimited(m_backend.get(), 0);
        const QByteArray big = value(100 * limit, 'a');
        QVERIFY(waitFor(unlimited.write(m_key, big)).isOk());
        QCOMPARE(keysOf(*m_backend, m_key), QStringList{m_key});
        QCOMPARE(waitFor(unlimited.read(m_key)).data, big);
    }

    void tooSmallALimitIsRaised()
    {
        ChunkedSecretStore tiny(m_backend.get(), 10);
        QCOMPARE(tiny.entryLimit(), ChunkedSecretStore::minimumEntryLimit);
    }

    void windowsLimitFitsARealisticTokenSet()
    {
        // Three JWTs and the rest of a token set: about 5 KB, twice Windows' entry size.
        const qsizetype windows = 2560;
        m_backend->sizeLimit = windows;
        ChunkedSecretStore store(m_backend.get(), windows);
        // (No raw string literals here: Qt 6.4's moc loses the class after one.)
        const QByteArray tokens = "{\"access_token\":\"" + value(1900, 'A')
                + "\",\"id_token\":\"" + value(1700, 'I') + "\",\"refresh_token\":\""
                + value(1200, 'R')
                + "\",\"expires_at\":\"2026-12-06T12:00:00Z\",\"scope\":\"launch\"}";
        QVERIFY(waitFor(store.write(m_key, tokens)).isOk());
        QCOMPARE(keysOf(*m_backend, m_key).size(), 3);
        QCOMPARE(waitFor(store.read(m_key)).data, tokens);
    }
};

QTEST_GUILESS_MAIN(TestChunkedSecretStore)
#include "tst_chunkedsecretstore.moc"

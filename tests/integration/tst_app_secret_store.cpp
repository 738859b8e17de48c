// The secret store both front ends build (AppSecretStore: the keychain behind a
// ChunkedSecretStore) against a real Secret Service keyring: with Windows Credential
// Manager's 2,560-byte limit imposed, a token set with a JWT access token, an ID token and a
// refresh token is kept in parts no larger than the limit and reads back whole, an update
// replaces it, and removal takes every part; with Linux's own limit (none) it is one entry,
// exactly as before. Nothing here prints a token.
#include "resultspy.h"

#include "auth/tokenset.h"
#include "profile/profile.h"
#include "storage/appsecretstore.h"
#include "storage/chunkedsecretstore.h"
#include "storage/keychainstore.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace chartkey;
using chartkey::test::waitFor;

namespace {

constexpr qsizetype windowsLimit = 2560;

// A base64url text of `size` characters that looks like a JWT segment.
QString jwtLike(qsizetype size, char seed)
{
    QByteArray raw;
    for (qsizetype i = 0; raw.size() < size; ++i)
        raw.append(char(seed + i % 23));
    return QString::fromLatin1(
            raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                    .left(size));
}

TokenSet largeTokenSet(char seed)
{
    TokenSet t;
    t.accessToken = jwtLike(3000, seed) + QLatin1Char('.') + jwtLike(1200, seed + 1);
    t.idToken = jwtLike(1800, seed + 2) + QLatin1Char('.') + jwtLike(400, seed + 3);
    t.refreshToken = jwtLike(900, seed + 4);
    return t;
}

struct Index
{
    QString generation;
    int parts = 0;
};

// The index ChunkedSecretStore writes over the entry's key, read straight from the keychain.
Index readIndex(KeychainStore &raw, const QString &key)
{
    const SecretStore::Result r = waitFor(raw.read(key), 20000);
    if (!r.isOk())
        return {};
    static const QRegularExpression re(
            QStringLiteral("^chartkey-chunked/1 gen=(\\S+) parts=(\\d+) "));
    const QRegularExpressionMatch m = re.match(QString::fromLatin1(r.data));
    if (!m.hasMatch())
        return {};
    return {m.captured(1), m.captured(2).toInt()};
}

} // namespace

class AppSecretStoreAgainstKeyring final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void onLinuxTheAppStoreHasNoLimit();
    void largeTokenSetIsKeptInPartsWithinTheLimitAndReadsBackWhole();
    void updateReplacesTheValueAndLeavesNoOldPart();
    void removeTakesEveryPart();
    void withoutALimitTheTokenSetIsOneEntryAsBefore();

private:
    QString m_service;
    static QString key()
    {
        Profile clinic;
        clinic.name = QStringLiteral("Clinic");
        return clinic.tokensKey();
    }
};

void AppSecretStoreAgainstKeyring::init()
{
    // A service of its own per test, so that no test sees another's entries.
    m_service = QStringLiteral("chartkey-test-%1")
                        .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
}

void AppSecretStoreAgainstKeyring::onLinuxTheAppStoreHasNoLimit()
{
    QCOMPARE(AppSecretStore().entryLimit(), KeychainStore::entryLimit());
#if defined(Q_OS_LINUX)
    QCOMPARE(KeychainStore::entryLimit(), qsizetype(0));
#endif
}

void AppSecretStoreAgainstKeyring::largeTokenSetIsKeptInPartsWithinTheLimitAndReadsBackWhole()
{
    AppSecretStore store(m_service, windowsLimit);
    const QByteArray json = largeTokenSet('A').toJson();
    QVERIFY(json.size() > 2 * windowsLimit);

    const SecretStore::Result written = waitFor(store.write(key(), json), 30000);
    QVERIFY2(written.isOk(), qPrintable(written.message));

    KeychainStore raw(m_service);
    const Index index = readIndex(raw, key());
    QVERIFY2(index.parts >= 3, "the token set was not split into parts behind an index");
    for (int i = 0; i < index.parts; ++i) {
        const SecretStore::Result part =
                waitFor(raw.read(ChunkedSecretStore::partKey(key(), index.generation, i)), 20000);
        QVERIFY2(part.isOk(), qPrintable(QStringLiteral("part %1 is missing").arg(i)));
        QVERIFY(part.data.size() <= windowsLimit);
    }

    const SecretStore::Result read = waitFor(AppSecretStore(m_service, windowsLimit).read(key()),
                                             30000);
    QVERIFY2(read.isOk(), qPrintable(read.message));
    QVERIFY2(read.data == json, "the token set read back differs from the one written");
    bool ok = false;
    const TokenSet back = TokenSet::fromJson(read.data, &ok);
    QVERIFY(ok);
    QVERIFY(back.idToken == largeTokenSet('A').idToken);
}

void AppSecretStoreAgainstKeyring::updateReplacesTheValueAndLeavesNoOldPart()
{
    AppSecretStore store(m_service, windowsLimit);
    QVERIFY(waitFor(store.write(key(), largeTokenSet('A').toJson()), 30000).isOk());
    KeychainStore raw(m_service);
    const Index before = readIndex(raw, key());
    QVERIFY(before.parts > 0);

    const QByteArray newer = largeTokenSet('K').toJson();
    QVERIFY(waitFor(store.write(key(), newer), 30000).isOk());
    QVERIFY(waitFor(store.read(key()), 30000).data == newer);
    for (int i = 0; i < before.parts; ++i) {
        const QString old = ChunkedSecretStore::partKey(key(), before.generation, i);
        QCOMPARE(waitFor(raw.read(old), 20000).status, SecretStore::Status::NotFound);
    }
}

void AppSecretStoreAgainstKeyring::removeTakesEveryPart()
{
    AppSecretStore store(m_service, windowsLimit);
    QVERIFY(waitFor(store.write(key(), largeTokenSet('A').toJson()), 30000).isOk());
    KeychainStore raw(m_service);
    const Index index = readIndex(raw, key());
    QVERIFY(index.parts > 0);

    QVERIFY(waitFor(store.remove(key()), 30000).isOk());
    QCOMPARE(waitFor(store.read(key()), 20000).status, SecretStore::Status::NotFound);
    for (int i = 0; i < index.parts; ++i) {
        const QString part = ChunkedSecretStore::partKey(key(), index.generation, i);
        QCOMPARE(waitFor(raw.read(part), 20000).status, SecretStore::Status::NotFound);
    }
}

void AppSecretStoreAgainstKeyring::withoutALimitTheTokenSetIsOneEntryAsBefore()
{
    AppSecretStore store(m_service, 0);
    const QByteArray json = largeTokenSet('A').toJson();
    QVERIFY(waitFor(store.write(key(), json), 30000).isOk());
    KeychainStore raw(m_service);
    const SecretStore::Result r = waitFor(raw.read(key()), 20000);
    QVERIFY(r.isOk());
    QVERIFY2(r.data == json, "without a limit the entry was not written whole");
    QVERIFY(waitFor(store.remove(key()), 20000).isOk());
}

QTEST_GUILESS_MAIN(AppSecretStoreAgainstKeyring)
#include "tst_app_secret_store.moc"

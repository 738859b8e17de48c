// The keychain locked (tests/harness/with-peers.sh --locked-keyring): gnome-keyring's login
// collection is locked, so every read or write of chartkey's items needs an unlock prompt.
// Built twice (tests/faults/CMakeLists.txt):
//   faults_keychain_locked             no display: the prompt cannot be shown, libsecret
//                                      gives up at once;
//   faults_keychain_unanswered_prompt  --xvfb: the prompt is shown on a private X server where
//                                      nobody answers it: a keychain that never answers (the
//                                      "slow" keychain, slower than any --timeout).
// Either way every command must end within --timeout, say that the keychain is (or may be)
// locked, exit 1 (not 3: signing in again cannot help), and change nothing: the stored
// sign-in and the client secret are there, unchanged, once the keyring is unlocked again.
//
// The test locks and unlocks the collection itself over D-Bus (Service.Lock, and gnome-
// keyring's UnlockWithMasterPassword with $PEERS_KEYRING_PASSWORD), so that it can store a
// sign-in first. The stored sign-in is made up (no browser needed): a fresh access token is
// handed out from the keychain without any request to the EHR. What the rows need — both
// profiles, the sign-in and the secret stored, the keyring locked — is made by
// ensureStoredThenLocked() (storing only when they are not there as recorded), so that every
// test function, every row too, runs alone; the public login row signs in through the consent
// client (the browser step is not what is tested).
#include "cli.h"
#include "clie2e.h"
#include "faults.h"
#include "sandbox.h"

#include "auth/tokenset.h"
#include "storage/keychainstore.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QElapsedTimer>
#include <QTest>

using namespace chartkey;
using namespace chartkey::test;
using namespace chartkey::test::e2e;
using namespace chartkey::test::faults;

namespace {

const QString kPublic = QStringLiteral("Kept");  // no "locked" in names: the test looks for it
const QString kConfidential = QStringLiteral("KeptConf");
const QString kNewConfidential = QStringLiteral("Fresh"); // added while locked: never stored
const QString kAccess = QStringLiteral("AT-locked-keyring-0123456789abcdef");
const QString kRefresh = QStringLiteral("RT-locked-keyring-0123456789abcdef");
const QByteArray kSecret = "client-secret-of-the-locked-keyring-test";
constexpr int kTimeoutSeconds = 2;

const QString kSecretsService = QStringLiteral("org.freedesktop.secrets");
const QString kSecretsPath = QStringLiteral("/org/freedesktop/secrets");
const QString kLoginCollection = QStringLiteral("/org/freedesktop/secrets/collection/login");

// org.freedesktop.Secret.Secret: (oayays)
struct DBusSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};

QDBusArgument &operator<<(QDBusArgument &argument, const DBusSecret &secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, DBusSecret &secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

} // namespace

Q_DECLARE_METATYPE(DBusSecret)

namespace {

QDBusMessage secretsCall(const QString &path, const QString &interface, const QString &method,
                         const QVariantList &arguments)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kSecretsService, path, interface, method);
    call.setArguments(arguments);
    return QDBusConnection::sessionBus().call(call, QDBus::Block, 10000);
}

std::optional<bool> loginCollectionLocked()
{
    const QDBusMessage reply = secretsCall(
            kLoginCollection, QStringLiteral("org.freedesktop.DBus.Properties"),
            QStringLiteral("Get"),
            {QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked")});
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return std::nullopt;
    return qvariant_cast<QDBusVariant>(reply.arguments().first()).variant().toBool();
}

bool lockKeyring()
{
    const QDBusMessage reply = secretsCall(
            kSecretsPath, QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"),
            {QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(kLoginCollection)})});
    return reply.type() == QDBusMessage::ReplyMessage && loginCollectionLocked() == true;
}

// gnome-keyring's own unlock, without a prompt. The session must belong to this connection.
bool unlockKeyring()
{
    const QDBusMessage session = secretsCall(
            kSecretsPath, QStringLiteral("org.freedesktop.Secret.Service"),
            QStringLiteral("OpenSession"),
            {QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString()))});
    if (session.type() != QDBusMessage::ReplyMessage || session.arguments().size() < 2)
        return false;
    DBusSecret password;
    password.session = qvariant_cast<QDBusObjectPath>(session.arguments().at(1));
    password.value = qgetenv("PEERS_KEYRING_PASSWORD");
    password.contentType = QStringLiteral("text/plain");
    const QDBusMessage reply = secretsCall(
            kSecretsPath, QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
            QStringLiteral("UnlockWithMasterPassword"),
            {QVariant::fromValue(QDBusObjectPath(kLoginCollection)),
             QVariant::fromValue(password)});
    return reply.type() == QDBusMessage::ReplyMessage && loginCollectionLocked() == false;
}

// Writes `data` under `key` with chartkey's own keychain code; the job's result.
SecretStore::Result writeToKeychain(const QString &key, const QByteArray &data)
{
    KeychainStore store;
    QObject context;
    std::optional<SecretStore::Result> result;
    store.write(key, data)->then(&context, [&](const SecretStore::Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return {};
    return result.value_or(SecretStore::Result());
}

// Both streams (nothing here prints a token, and the redaction hides it if it did).
QByteArray describeBoth(const CliRun &run)
{
    return describe(run) + "; stdout: " + redacted(run.out.trimmed());
}

bool saysLocked(const QByteArray &text)
{
    return text.toLower().contains("locked");
}

} // namespace

class KeychainFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void secretOfANewProfileIsNotStoredWhileLocked();
    void signInAndSecretAreStoredWhileUnlocked();
    void commandOnTheLockedKeychainSaysSoAndChangesNothing_data();
    void commandOnTheLockedKeychainSaysSoAndChangesNothing();
    void unlockedAgainTheSignInAndSecretAreIntact();

private:
    // Both profiles, the sign-in and the client secret stored as recorded, the keyring locked.
    void ensureStoredThenLocked();

    Sandbox m_sandbox;
    QByteArray m_tokensItem;   // metadata of the items once stored (no secrets)
    QByteArray m_secretItem;
};

void KeychainFaults::initTestCase()
{
    if (!Sandbox::available() || qEnvironmentVariableIsEmpty("PEERS_KEYRING_PASSWORD"))
        QSKIP("runs under tests/harness/with-peers.sh --locked-keyring");
    qDBusRegisterMetaType<DBusSecret>();
    m_sandbox = Sandbox::fromEnvironment();
    rememberSecret(kAccess);
    rememberSecret(kRefresh);
    rememberSecret(kSecret);
    QCOMPARE(loginCollectionLocked(), std::optional<bool>(true));
}

void KeychainFaults::ensureStoredThenLocked()
{
    const CliRun list = runCli({QStringLiteral("profile"), QStringLiteral("list")});
    const bool asRecorded = !m_tokensItem.isEmpty()
            && keychainItemMetadata(QStringLiteral("tokens:") + kPublic) == m_tokensItem
            && keychainItemMetadata(QStringLiteral("client-secret:") + kConfidential) == m_secretItem
            && list.out.contains(kPublic.toUtf8() + '\t')
            && list.out.contains(kConfidential.toUtf8() + '\t');
    if (!asRecorded) {
        signInAndSecretAreStoredWhileUnlocked();
        if (QTest::currentTestFailed())
            return;
    }
    if (loginCollectionLocked() != std::optional<bool>(true))
        QVERIFY2(lockKeyring(), "could not lock the keyring");
}

// The keyring locked: a new confidential profile, whose secret must go to the keychain, is
// not added, and the secret is written nowhere else.
void KeychainFaults::secretOfANewProfileIsNotStoredWhileLocked()
{
    if (loginCollectionLocked() != std::optional<bool>(true))
        QVERIFY2(lockKeyring(), "could not lock the keyring");
    QElapsedTimer clock;
    clock.start();
    const CliRun add = runCli(addProfileArgs(m_sandbox, kNewConfidential,
                                             {QStringLiteral("--client-secret-stdin"),
                                              QStringLiteral("--timeout"),
                                              QString::number(kTimeoutSeconds)}),
                              kSecret + '\n', 30000);
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(!add.timedOut, "profile add hung");
    QVERIFY2(elapsed < (kTimeoutSeconds + 5) * 1000,
             qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    QCOMPARE(add.exitCode, 1);
    QVERIFY2(saysLocked(add.err), describe(add).constData());
    QVERIFY2(add.err.contains("not added"), describe(add).constData());
    const CliRun list = runCli({QStringLiteral("profile"), QStringLiteral("list")});
    QVERIFY2(!list.out.contains(kNewConfidential.toUtf8()), list.out.constData());
    QVERIFY2(filesContaining(userDirectories(), {kSecret}).isEmpty(),
             "the client secret was written to a file");
}

void KeychainFaults::signInAndSecretAreStoredWhileUnlocked()
{
    QVERIFY2(unlockKeyring(), "could not unlock the keyring over D-Bus");
    CliRun add = runCli(addProfileArgs(m_sandbox, kPublic, {QStringLiteral("--replace")}));
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    add = runCli(addProfileArgs(m_sandbox, kConfidential,
                                {QStringLiteral("--client-secret-stdin"), QStringLiteral("--replace")}),
                 kSecret + '\n');
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    // Make the confidential one use the confidential client, so its login reads the secret.
    auto settings = chartkeySettings();
    settings->setValue(QStringLiteral("profiles/") + kConfidential + QStringLiteral("/clientId"),
                       m_sandbox.confidentialClientId);
    settings->sync();

    TokenSet tokens;
    tokens.accessToken = kAccess;
    tokens.refreshToken = kRefresh;
    tokens.tokenType = QStringLiteral("Bearer");
    tokens.scope = QStringLiteral("user/Patient.read user/Appointment.read launch offline_access");
    tokens.obtainedAt = QDateTime::currentDateTimeUtc();
    tokens.expiresAt = tokens.obtainedAt.addSecs(36000);
    const SecretStore::Result written =
            writeToKeychain(QStringLiteral("tokens:") + kPublic, tokens.toJson());
    QVERIFY2(written.isOk(), qPrintable(written.message));

    const CliRun token = runCli({QStringLiteral("token"), QStringLiteral("--profile"), kPublic});
    QVERIFY2(token.exitCode == 0 && token.out.trimmed() == kAccess.toUtf8(),
             describe(token).constData());

    m_tokensItem = keychainItemMetadata(QStringLiteral("tokens:") + kPublic);
    m_secretItem = keychainItemMetadata(QStringLiteral("client-secret:") + kConfidential);
    QVERIFY2(m_tokensItem.contains("attribute.user = tokens:"), m_tokensItem.constData());
    QVERIFY2(m_secretItem.contains("attribute.user = client-secret:"), m_secretItem.constData());
    QVERIFY2(lockKeyring(), "could not lock the keyring again");
}

void KeychainFaults::commandOnTheLockedKeychainSaysSoAndChangesNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("maxSeconds");

    const QStringList timeout{QStringLiteral("--timeout"), QString::number(kTimeoutSeconds)};
    const QStringList pub{QStringLiteral("--profile"), kPublic};
    QTest::newRow("token") << QStringList{QStringLiteral("token")} + pub + timeout
                           << kTimeoutSeconds + 5;
    QTest::newRow("status") << QStringList{QStringLiteral("status")} + pub + timeout
                            << kTimeoutSeconds + 5;
    QTest::newRow("patients")
            << QStringList{QStringLiteral("patients"), QStringLiteral("--name"),
                           QStringLiteral("Briddle")} + pub + timeout
            << kTimeoutSeconds + 5;
    QTest::newRow("note lock")
            << QStringList{QStringLiteral("note"), QStringLiteral("lock"),
                           QStringLiteral("note-1-1")} + pub + timeout
            << kTimeoutSeconds + 5;
    // Logout must not report "nothing to do" and leave a live, stored sign-in behind.
    QTest::newRow("logout") << QStringList{QStringLiteral("logout")} + pub + timeout
                            << kTimeoutSeconds + 5;
    // A confidential client's login reads its secret first: "locked", not "not in the
    // keychain, store it again".
    QTest::newRow("login, confidential (reads the secret)")
            << QStringList{QStringLiteral("login"), QStringLiteral("--profile"), kConfidential,
                           QStringLiteral("--browser"), QStringLiteral("true"),
                           QStringLiteral("--wait"), QStringLiteral("20")} + timeout
            << kTimeoutSeconds + 5;
    // The browser step works; keeping the new tokens does not. The stored sign-in stays.
    QTest::newRow("login, public (writes the tokens)")
            << QStringList{QStringLiteral("login"), QStringLiteral("--browser"),
                           m_sandbox.consent, QStringLiteral("--wait"), QStringLiteral("60")}
                    + pub + timeout
            << kTimeoutSeconds + 40;
    // Removing a profile must not claim its keychain items are gone when they are not.
    QTest::newRow("profile remove")
            << QStringList{QStringLiteral("profile"), QStringLiteral("remove"), kPublic} + timeout
            << kTimeoutSeconds + 5;
}

void KeychainFaults::commandOnTheLockedKeychainSaysSoAndChangesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(int, maxSeconds);
    ensureStoredThenLocked();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(loginCollectionLocked(), std::optional<bool>(true));

    m_sandbox.resetStats();
    QElapsedTimer clock;
    clock.start();
    const CliRun run = runCli(args, {}, (maxSeconds + 30) * 1000);
    const qint64 elapsed = clock.elapsed();
    const QByteArray said = run.out + run.err;

    QVERIFY2(!run.timedOut, "the command hung on the locked keychain");
    QVERIFY2(elapsed < maxSeconds * 1000,
             qPrintable(QStringLiteral("took %1 ms, --timeout was %2 s")
                                .arg(elapsed)
                                .arg(kTimeoutSeconds)));
    QVERIFY2(saysLocked(said),
             ("does not say the keychain is locked: " + describeBoth(run)).constData());
    for (const char *wrong : {"not signed in", "Signed out", "nothing to do",
                              "not in the keychain", "Removed profile"})
        QVERIFY2(!said.contains(wrong), ("says \"" + QByteArray(wrong) + "\": "
                                         + describeBoth(run)).constData());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!said.contains(kAccess.toUtf8()), "the access token was printed");

    // Nothing changed: the items are there as they were, the profiles too, the note untouched,
    // and no token was spent or revoked at the EHR except what a failed login gives back.
    QCOMPARE(keychainItemMetadata(QStringLiteral("tokens:") + kPublic), m_tokensItem);
    QCOMPARE(keychainItemMetadata(QStringLiteral("client-secret:") + kConfidential), m_secretItem);
    const CliRun list = runCli({QStringLiteral("profile"), QStringLiteral("list")});
    QVERIFY2(list.out.contains(kPublic.toUtf8() + '\t') && list.out.contains(kConfidential.toUtf8()),
             "a profile is gone");
    QCOMPARE(m_sandbox.noteState(QStringLiteral("note-1-1")).value(QStringLiteral("state"))
                     .toString(),
             QStringLiteral("new"));
    const QJsonObject stats = m_sandbox.stats();
    QCOMPARE(tokenCount(stats, QStringLiteral("refresh_token")), 0);
    if (!args.contains(m_sandbox.consent))
        QCOMPARE(stats.value(QStringLiteral("revocation")).toInt(), 0);
}

void KeychainFaults::unlockedAgainTheSignInAndSecretAreIntact()
{
    if (m_tokensItem.isEmpty()) { // run alone: store them (and lock) first
        ensureStoredThenLocked();
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY2(unlockKeyring(), "could not unlock the keyring over D-Bus");
    // (If `profile remove` above wrongly went ahead, its row failed; the item is checked here
    // all the same, through a profile of the same name.)
    const CliRun list = runCli({QStringLiteral("profile"), QStringLiteral("list")});
    if (!list.out.contains(kPublic.toUtf8() + '\t')) {
        const CliRun add = runCli(addProfileArgs(m_sandbox, kPublic));
        QVERIFY2(add.exitCode == 0, describe(add).constData());
    }
    const CliRun token = runCli({QStringLiteral("token"), QStringLiteral("--profile"), kPublic});
    QVERIFY2(token.exitCode == 0, describe(token).constData());
    QVERIFY2(token.out.trimmed() == kAccess.toUtf8(), "the stored sign-in changed");
    const auto secret = keychainSecret(QStringLiteral("client-secret:") + kConfidential);
    QVERIFY2(secret, "the client secret is gone");
    QVERIFY2(secret->trimmed() == kSecret
                     || QByteArray::fromBase64(secret->trimmed()) == kSecret,
             "the client secret changed");
    QVERIFY2(filesContaining(userDirectories(), {kSecret, kAccess.toUtf8(), kRefresh.toUtf8()})
                     .isEmpty(),
             "a secret was written to a file");
}

QTEST_GUILESS_MAIN(KeychainFaults)
#include "tst_keychain_faults.moc"

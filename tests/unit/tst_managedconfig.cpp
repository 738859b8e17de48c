// Managed configuration: the [policy] keys an IT department sets (read, checked, a bad value
// reported and ignored key by key), what the policy allows of a profile (hosts, grants,
// client types, static tokens; each refusal naming the key, the file and whom to ask), the
// desktop's idle minutes under the policy's default, minimum and "never" rule, and
// how the profile store merges the system scope with the person's own: managed profiles seen
// by everyone, never overridden, saved over or removed by the person; a managed profile that
// cannot be read or does not work is reported and not used, the others are.
#include "profile/policy.h"
#include "profile/profilefields.h"
#include "profile/profileform.h"
#include "storage/profilestore.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace chartkey;

namespace {

const QString kSource = QStringLiteral("/etc/xdg/chartkey/chartkey.conf");

ManagedPolicy policyOf(const QMap<QString, QVariant> &values, QStringList *problems)
{
    return ManagedPolicy::fromValues(values, kSource, problems);
}

// The idle keys as a file gives them: `defaultMinutes` empty and `minimum`, `maximum` 0 when
// not set.
QMap<QString, QVariant> idleValues(const QString &defaultMinutes, int minimum, int maximum,
                                   bool offAllowed)
{
    QMap<QString, QVariant> values{
            {QStringLiteral("allowIdleOff"), QString::fromLatin1(offAllowed ? "true" : "false")}};
    if (!defaultMinutes.isEmpty())
        values.insert(QStringLiteral("defaultIdleMinutes"), defaultMinutes);
    if (minimum > 0)
        values.insert(QStringLiteral("minimumIdleMinutes"), QString::number(minimum));
    if (maximum > 0)
        values.insert(QStringLiteral("maximumIdleMinutes"), QString::number(maximum));
    return values;
}

Profile clinic(const char *instance = "https://ehr.example.org")
{
    Profile p = Profile::canvas(QStringLiteral("Clinic"), QUrl(QString::fromLatin1(instance)));
    p.clientId = QStringLiteral("client-123");
    return p;
}

// The [profiles/NAME] group of a profile, as `chartkey profile add` writes it to the
// person's file and as an IT department copies it into the managed one; `extra` lines
// replace or add keys.
QByteArray group(const QString &name, const char *instance, const char *clientId,
                 const QByteArray &extra = {})
{
    Profile p = Profile::canvas(name, QUrl(QString::fromLatin1(instance)));
    p.clientId = QString::fromLatin1(clientId);
    QByteArray text = "[profiles/" + name.toUtf8() + "]\n" + extra;
    for (const profilefields::Entry &entry : profilefields::table()) {
        const QByteArray key = QByteArray(entry.key.data(), entry.key.size());
        if (entry.inSettings && !entry.get(p).isEmpty() && !extra.contains(key + '='))
            text += key + '=' + entry.get(p).toUtf8() + '\n';
    }
    return text;
}

} // namespace

class TestManagedConfig final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_user;
    QTemporaryDir m_system;
    void writeSystem(const QByteArray &text);
    QString systemFile() const { return m_system.filePath(QStringLiteral("chartkey/chartkey.conf")); }

private Q_SLOTS:
    void initTestCase();
    void init();

    // The policy's keys.
    void withoutAPolicyEverythingIsAllowed();
    void policyKeysAreRead();
    void badPolicyValueIsReportedAndOnlyThatKeyIgnored_data();
    void badPolicyValueIsReportedAndOnlyThatKeyIgnored();
    void idleAndSigningKeysAreRead();
    void idleMinutesFollowThePolicy_data();
    void idleMinutesFollowThePolicy();
    void aMaximumHidesPatientDataWithinItWhateverThePersonChose_data();
    void aMaximumHidesPatientDataWithinItWhateverThePersonChose();
    void aMaximumBelowTheMinimumIsIgnoredAndSaidSo();
    void hostPatternsMatchTheHostOrASubdomainOnly_data();
    void hostPatternsMatchTheHostOrASubdomainOnly();
    void profileForAnotherServerIsRefusedNamingThePolicy();
    void grantClientTypeAndStaticTokenRulesNameTheirKeys();
    void addingIsRefusedWhenUserProfilesAreNotAllowed();
    void theFormShowsPolicyProblemsOnTheirFields();

    // The store's merge of the two scopes.
    void managedProfilesAppearBesideTheUsersOwn();
    void usersOwnProfileNeverOverridesAManagedOne();
    void managedProfileIsNeverSavedOverOrRemoved();
    void managedProfilesDoNotLeakIntoTheUsersFile();
    void unreadableManagedProfileIsReportedAndIgnoredAndOthersStillWork();
    void managedProfileThatDoesNotWorkIsReportedAndIgnored();
    void unknownGroupsAndKeysAreReported();
    void badIdleMinutesInTheFileAreReportedOnceAndIgnored();
    void refusalNamesTheFileAndWhomToAsk();
};

void TestManagedConfig::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_user.path());
    QSettings::setPath(QSettings::NativeFormat, QSettings::SystemScope, m_system.path());
}

void TestManagedConfig::init()
{
    QFile::remove(systemFile());
    QFile::remove(m_user.filePath(QStringLiteral("chartkey/chartkey.conf")));
}

void TestManagedConfig::writeSystem(const QByteArray &text)
{
    QVERIFY(QDir().mkpath(m_system.filePath(QStringLiteral("chartkey"))));
    QFile f(systemFile());
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

void TestManagedConfig::withoutAPolicyEverythingIsAllowed()
{
    QStringList problems;
    const ManagedPolicy policy = policyOf({}, &problems);
    QVERIFY(problems.isEmpty());
    QVERIFY(policy.userProfilesAllowed);
    QVERIFY(policy.addRefusal().isEmpty());
    Profile token = clinic("https://anywhere.example.net");
    token.grant = Profile::Grant::StaticToken;
    QVERIFY(policy.problems(clinic("https://anywhere.example.net")).isEmpty());
    QVERIFY(policy.problems(token).isEmpty());
}

void TestManagedConfig::policyKeysAreRead()
{
    QStringList problems;
    const ManagedPolicy policy = policyOf(
            {{QStringLiteral("allowUserProfiles"), QStringLiteral("false")},
             {QStringLiteral("allowedHosts"),
              QStringList{QStringLiteral("ehr.example.org"), QStringLiteral("*.example.com")}},
             {QStringLiteral("allowedGrants"), QStringLiteral("authorization-code")},
             {QStringLiteral("allowedClientTypes"), QStringLiteral("public")},
             {QStringLiteral("allowStaticTokens"), QStringLiteral("no")},
             {QStringLiteral("activityShowsBodies"), QStringLiteral("false")}},
            &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(!policy.userProfilesAllowed);
    QCOMPARE(policy.allowedHosts,
             QStringList({QStringLiteral("ehr.example.org"), QStringLiteral("*.example.com")}));
    QVERIFY(policy.allowedGrants == QList<Profile::Grant>{Profile::Grant::AuthorizationCode});
    QVERIFY(policy.allowedClientTypes
            == QList<Profile::ClientType>{Profile::ClientType::Public});
    QVERIFY(!policy.staticTokensAllowed);
    QVERIFY(!policy.activityShowsBodies);
    QVERIFY(policy.bodiesHidden().contains(QLatin1String("policy/activityShowsBodies")));
}

void TestManagedConfig::badPolicyValueIsReportedAndOnlyThatKeyIgnored_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("a boolean that is not one") << "allowUserProfiles" << QVariant(QStringLiteral("maybe"));
    QTest::newRow("a host with a path") << "allowedHosts" << QVariant(QStringLiteral("https://ehr.example.org/"));
    QTest::newRow("no host at all") << "allowedHosts" << QVariant(QStringLiteral(" , "));
    QTest::newRow("an unknown grant") << "allowedGrants" << QVariant(QStringLiteral("implicit"));
    QTest::newRow("an unknown client type") << "allowedClientTypes" << QVariant(QStringLiteral("private_key_jwt"));
    QTest::newRow("a key that does not exist") << "allowEverything" << QVariant(QStringLiteral("true"));
    QTest::newRow("idle minutes that are not a number") << "defaultIdleMinutes" << QVariant(QStringLiteral("ten"));
    QTest::newRow("idle minutes with a unit") << "minimumIdleMinutes" << QVariant(QStringLiteral("5 min"));
    QTest::newRow("a minimum of no minutes") << "minimumIdleMinutes" << QVariant(QStringLiteral("0"));
    QTest::newRow("negative idle minutes") << "defaultIdleMinutes" << QVariant(QStringLiteral("-5"));
    QTest::newRow("idle minutes past the longest") << "defaultIdleMinutes" << QVariant(QStringLiteral("481"));
    QTest::newRow("switching off that is not a boolean") << "allowIdleOff" << QVariant(QStringLiteral("sometimes"));
    QTest::newRow("a confirmation that is not a boolean") << "signingNeedsConfirmation" << QVariant(QStringLiteral("always"));
}

void TestManagedConfig::badPolicyValueIsReportedAndOnlyThatKeyIgnored()
{
    QFETCH(QString, key);
    QFETCH(QVariant, value);
    QStringList problems;
    const ManagedPolicy policy = policyOf(
            {{key, value}, {QStringLiteral("allowStaticTokens"), QStringLiteral("false")}},
            &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(kSource) && problems.first().contains(key)
                     && problems.first().contains(QLatin1String("ignored")),
             qPrintable(problems.first()));
    // The bad key is as if absent; the good one applies.
    QVERIFY(policy.userProfilesAllowed);
    QVERIFY(policy.allowedHosts.isEmpty());
    QVERIFY(policy.allowedGrants.isEmpty());
    QVERIFY(policy.allowedClientTypes.isEmpty());
    QVERIFY(!policy.staticTokensAllowed);
    QVERIFY(!policy.defaultIdleMinutes);
    QCOMPARE(policy.minimumIdleMinutes, 0);
    QVERIFY(policy.idleOffAllowed);
    QVERIFY(!policy.signingNeedsConfirmation);
}

void TestManagedConfig::idleAndSigningKeysAreRead()
{
    QStringList problems;
    const ManagedPolicy none = policyOf({}, &problems);
    QVERIFY(none.idleLimit().isEmpty());
    QVERIFY(none.confirmationRequired().isEmpty());
    const ManagedPolicy policy = policyOf(
            {{QStringLiteral("defaultIdleMinutes"), QStringLiteral("10")},
             {QStringLiteral("minimumIdleMinutes"), QStringLiteral(" 5 ")},
             {QStringLiteral("allowIdleOff"), QStringLiteral("false")},
             {QStringLiteral("signingNeedsConfirmation"), QStringLiteral("yes")}},
            &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(policy.defaultIdleMinutes, std::optional<int>(10));
    QCOMPARE(policy.minimumIdleMinutes, 5);
    QCOMPARE(policy.lowestIdleMinutes(), 5);
    QVERIFY(!policy.idleOffAllowed);
    QVERIFY(policy.signingNeedsConfirmation);
    for (const char *key : {"policy/minimumIdleMinutes", "policy/allowIdleOff", "IT department"})
        QVERIFY2(policy.idleLimit().contains(QLatin1String(key)), qPrintable(policy.idleLimit()));
    QVERIFY(policy.confirmationRequired().contains(QLatin1String("policy/signingNeedsConfirmation")));
    QVERIFY(policy.confirmationRequired().contains(kSource));
}

void TestManagedConfig::idleMinutesFollowThePolicy_data()
{
    QTest::addColumn<QString>("defaultMinutes"); // the policy's; empty: not set
    QTest::addColumn<int>("minimum");             // 0: not set
    QTest::addColumn<bool>("offAllowed");
    QTest::addColumn<int>("own");                 // the person's; -1: never set
    QTest::addColumn<int>("expected");
    QTest::newRow("no policy, never set: fifteen") << "" << 0 << true << -1 << 15;
    QTest::newRow("no policy: the person's value") << "" << 0 << true << 3 << 3;
    QTest::newRow("no policy: the person may choose never") << "" << 0 << true << 0 << 0;
    QTest::newRow("the policy's default for who set none") << "10" << 0 << true << -1 << 10;
    QTest::newRow("the person's value over the policy's default") << "10" << 0 << true << 30 << 30;
    QTest::newRow("the policy's default may be never") << "0" << 0 << true << -1 << 0;
    QTest::newRow("a value below the minimum is raised") << "" << 5 << true << 2 << 5;
    QTest::newRow("a value above the minimum is kept") << "" << 5 << true << 60 << 60;
    QTest::newRow("never stays never when allowed") << "" << 5 << true << 0 << 0;
    QTest::newRow("a default below the minimum is raised") << "3" << 5 << true << -1 << 5;
    QTest::newRow("never not allowed: the default instead") << "10" << 0 << false << 0 << 10;
    QTest::newRow("never not allowed: fifteen without a default") << "" << 0 << false << 0 << 15;
    QTest::newRow("a default of never not allowed: fifteen") << "0" << 0 << false << -1 << 15;
    QTest::newRow("never not allowed, raised to the minimum") << "" << 30 << false << 0 << 30;
    QTest::newRow("a stored value past the longest is cut") << "" << 0 << true << 9999 << 480;
}

void TestManagedConfig::idleMinutesFollowThePolicy()
{
    QFETCH(QString, defaultMinutes);
    QFETCH(int, minimum);
    QFETCH(bool, offAllowed);
    QFETCH(int, own);
    QFETCH(int, expected);
    QStringList problems;
    const ManagedPolicy policy = policyOf(idleValues(defaultMinutes, minimum, 0, offAllowed), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(policy.idleMinutes(own < 0 ? std::nullopt : std::optional<int>(own)), expected);
}

// A ceiling (an IT department's "hidden within N minutes", as an automatic log-off rule asks):
// no longer time, and no "never", whatever the person or the default says.
void TestManagedConfig::aMaximumHidesPatientDataWithinItWhateverThePersonChose_data()
{
    QTest::addColumn<QString>("defaultMinutes"); // the policy's; empty: not set
    QTest::addColumn<int>("minimum");             // 0: not set
    QTest::addColumn<int>("own");                 // the person's; -1: never set
    QTest::addColumn<int>("expected");
    QTest::newRow("never set: fifteen lowered to the maximum") << "" << 0 << -1 << 10;
    QTest::newRow("a longer time is lowered") << "" << 0 << 60 << 10;
    QTest::newRow("a shorter time is kept") << "" << 0 << 5 << 5;
    QTest::newRow("never is not allowed: the maximum") << "" << 0 << 0 << 10;
    QTest::newRow("a default of never is not kept") << "0" << 0 << -1 << 10;
    QTest::newRow("the policy's default within it") << "7" << 0 << -1 << 7;
    QTest::newRow("with a minimum: raised to it") << "" << 5 << 2 << 5;
    QTest::newRow("with a minimum: a longer one lowered") << "" << 5 << 30 << 10;
}

void TestManagedConfig::aMaximumHidesPatientDataWithinItWhateverThePersonChose()
{
    QFETCH(QString, defaultMinutes);
    QFETCH(int, minimum);
    QFETCH(int, own);
    QFETCH(int, expected);
    QStringList problems;
    const ManagedPolicy policy = policyOf(idleValues(defaultMinutes, minimum, 10, true), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(policy.highestIdleMinutes(), 10);
    QVERIFY(!policy.idleOffPermitted());
    QCOMPARE(policy.idleMinutes(own < 0 ? std::nullopt : std::optional<int>(own)), expected);
    QVERIFY2(policy.idleLimit().contains(QLatin1String("policy/maximumIdleMinutes"))
                     && policy.idleLimit().contains(QLatin1String("10 minute")),
             qPrintable(policy.idleLimit()));
}

void TestManagedConfig::aMaximumBelowTheMinimumIsIgnoredAndSaidSo()
{
    QStringList problems;
    const ManagedPolicy policy = policyOf({{QStringLiteral("minimumIdleMinutes"), QStringLiteral("20")},
                                           {QStringLiteral("maximumIdleMinutes"), QStringLiteral("10")}},
                                          &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QLatin1String("policy/maximumIdleMinutes"))
                     && problems.first().contains(QLatin1String("ignored")),
             qPrintable(problems.first()));
    QCOMPARE(policy.maximumIdleMinutes, 0);
    QCOMPARE(policy.idleMinutes(60), 60);
}

void TestManagedConfig::hostPatternsMatchTheHostOrASubdomainOnly_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("the host") << "ehr.example.org" << true;
    QTest::newRow("the host in capitals") << "EHR.Example.ORG" << true;
    QTest::newRow("a subdomain of the wildcard") << "fumage-a.canvasmedical.com" << true;
    QTest::newRow("the wildcard's domain itself") << "canvasmedical.com" << false;
    QTest::newRow("a name ending like the domain") << "evilcanvasmedical.com" << false;
    QTest::newRow("a subdomain of the exact host") << "x.ehr.example.org" << false;
    QTest::newRow("another host") << "ehr.example.net" << false;
}

void TestManagedConfig::hostPatternsMatchTheHostOrASubdomainOnly()
{
    QFETCH(QString, host);
    QFETCH(bool, allowed);
    QStringList problems;
    const ManagedPolicy policy = policyOf(
            {{QStringLiteral("allowedHosts"), QStringLiteral("ehr.example.org, *.canvasmedical.com")}},
            &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(policy.isHostAllowed(host), allowed);
}

void TestManagedConfig::profileForAnotherServerIsRefusedNamingThePolicy()
{
    QStringList problems;
    const ManagedPolicy policy = policyOf(
            {{QStringLiteral("allowedHosts"), QStringLiteral("ehr.example.org")}}, &problems);
    Profile own = clinic();
    own.fhirBaseUrl = QUrl(QStringLiteral("https://ehr.example.org/fhir"));
    own.authorizationUrl = QUrl(QStringLiteral("https://ehr.example.org/auth"));
    own.tokenUrl = QUrl(QStringLiteral("https://ehr.example.org/token"));
    own.revocationUrl = QUrl(QStringLiteral("https://ehr.example.org/revoke"));
    own.notesBaseUrl = QUrl(QStringLiteral("https://ehr.example.org/notes"));
    QVERIFY(policy.problems(own).isEmpty());

    own.tokenUrl = QUrl(QStringLiteral("https://collector.example.net/token"));
    const ProfileProblems refused = policy.problems(own);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().field, ProfileField::Token);
    QVERIFY(refused.first().message.contains(QLatin1String("collector.example.net")));
    QVERIFY(refused.first().message.contains(QLatin1String("policy/allowedHosts")));
    QVERIFY(refused.first().message.contains(kSource));
}

void TestManagedConfig::grantClientTypeAndStaticTokenRulesNameTheirKeys()
{
    QStringList problems;
    const ManagedPolicy policy = policyOf(
            {{QStringLiteral("allowedGrants"), QStringList{QStringLiteral("authorization-code"),
                                                           QStringLiteral("static-token")}},
             {QStringLiteral("allowedClientTypes"), QStringLiteral("public")},
             {QStringLiteral("allowStaticTokens"), QStringLiteral("false")}},
            &problems);
    QVERIFY(problems.isEmpty());
    QVERIFY(policy.problems(clinic()).isEmpty());

    Profile service = clinic();
    service.grant = Profile::Grant::ClientCredentials;
    service.clientType = Profile::ClientType::Confidential;
    const QStringList both = messages(policy.problems(service));
    QCOMPARE(both.size(), 2);
    QVERIFY(both.at(0).contains(QLatin1String("policy/allowedGrants")));
    QVERIFY(both.at(1).contains(QLatin1String("policy/allowedClientTypes")));

    Profile token = clinic();
    token.grant = Profile::Grant::StaticToken;
    const QStringList refused = messages(policy.problems(token));
    QCOMPARE(refused.size(), 1); // allowed as a grant, refused as a static token
    QVERIFY(refused.first().contains(QLatin1String("policy/allowStaticTokens")));
}

void TestManagedConfig::addingIsRefusedWhenUserProfilesAreNotAllowed()
{
    QStringList problems;
    const ManagedPolicy policy = policyOf(
            {{QStringLiteral("allowUserProfiles"), QStringLiteral("false")}}, &problems);
    QVERIFY(policy.addRefusal().contains(QLatin1String("policy/allowUserProfiles")));
    QVERIFY(policy.addRefusal().contains(QLatin1String("IT department")));
}

void TestManagedConfig::theFormShowsPolicyProblemsOnTheirFields()
{
    QStringList problems;
    ProfileForm form(clinic("https://ehr.canvasmedical.com"), ProfileForm::Mode::Edit);
    QVERIFY2(form.isValid(), qPrintable(messages(form.problems()).join(QLatin1Char(' '))));
    form.setPolicy(policyOf({{QStringLiteral("allowedHosts"), QStringLiteral("*.example.org")}},
                            &problems));
    QVERIFY(!form.isValid());
    const ProfileProblems onInstance = problemsOf(form.problems(), ProfileField::Instance);
    QCOMPARE(onInstance.size(), 1);
    QVERIFY(onInstance.first().message.contains(QLatin1String("policy/allowedHosts")));
}

void TestManagedConfig::managedProfilesAppearBesideTheUsersOwn()
{
    writeSystem(group(QStringLiteral("Hospital"), "https://hospital.canvasmedical.com",
                      "managed-client"));
    ProfileStore store;
    QVERIFY2(store.managedProblems().isEmpty(),
             qPrintable(store.managedProblems().join(QLatin1Char('\n'))));
    store.save(clinic());
    QCOMPARE(store.names(), QStringList({QStringLiteral("Clinic"), QStringLiteral("Hospital")}));
    QVERIFY(store.isManaged(QStringLiteral("Hospital")));
    QVERIFY(!store.isManaged(QStringLiteral("Clinic")));
    const auto hospital = store.load(QStringLiteral("Hospital"));
    QVERIFY(hospital);
    QCOMPARE(hospital->clientId, QStringLiteral("managed-client"));
}

void TestManagedConfig::usersOwnProfileNeverOverridesAManagedOne()
{
    // The person's file names a profile as the managed one is named (written before the
    // managed one existed, or by hand): the managed one is what every command sees.
    {
        QSettings own(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("chartkey"),
                      QStringLiteral("chartkey"));
        own.setValue(QStringLiteral("profiles/Clinic/instance"),
                     QStringLiteral("https://elsewhere.canvasmedical.com"));
        own.setValue(QStringLiteral("profiles/Clinic/clientId"), QStringLiteral("own-client"));
    }
    writeSystem(group(QStringLiteral("Clinic"), "https://clinic.canvasmedical.com", "managed-client"));
    ProfileStore store;
    QCOMPARE(store.names(), QStringList{QStringLiteral("Clinic")});
    QCOMPARE(store.load(QStringLiteral("Clinic"))->clientId, QStringLiteral("managed-client"));
    QCOMPARE(store.load(QStringLiteral("Clinic"))->instanceUrl.host(),
             QStringLiteral("clinic.canvasmedical.com"));
}

void TestManagedConfig::managedProfileIsNeverSavedOverOrRemoved()
{
    writeSystem(group(QStringLiteral("Clinic"), "https://clinic.canvasmedical.com", "managed-client"));
    ProfileStore store;
    Profile changed = *store.load(QStringLiteral("Clinic"));
    changed.clientId = QStringLiteral("changed");
    store.save(changed);
    store.remove(QStringLiteral("Clinic"));
    const ProfileStore again;
    QCOMPARE(again.load(QStringLiteral("Clinic"))->clientId, QStringLiteral("managed-client"));
    QVERIFY(!QFile::exists(m_user.filePath(QStringLiteral("chartkey/chartkey.conf")))
            || !QSettings(m_user.filePath(QStringLiteral("chartkey/chartkey.conf")),
                          QSettings::IniFormat)
                        .childGroups()
                        .contains(QStringLiteral("profiles")));
}

void TestManagedConfig::managedProfilesDoNotLeakIntoTheUsersFile()
{
    writeSystem(group(QStringLiteral("Hospital"), "https://hospital.canvasmedical.com", "managed-client"));
    ProfileStore store;
    store.save(clinic());
    QSettings own(m_user.filePath(QStringLiteral("chartkey/chartkey.conf")), QSettings::IniFormat);
    own.beginGroup(QStringLiteral("profiles"));
    QCOMPARE(own.childGroups(), QStringList{QStringLiteral("Clinic")});
}

void TestManagedConfig::unreadableManagedProfileIsReportedAndIgnoredAndOthersStillWork()
{
    writeSystem("[policy]\n"
                "allowStaticTokens=false\n"
                + group(QStringLiteral("Broken"), "https://broken.canvasmedical.com", "x",
                        "grant=telepathy\n")
                + group(QStringLiteral("Hospital"), "https://hospital.canvasmedical.com",
                        "managed-client"));
    ProfileStore store;
    QCOMPARE(store.managedProblems().size(), 1);
    const QString problem = store.managedProblems().first();
    QVERIFY2(problem.contains(QLatin1String("Broken")) && problem.contains(QLatin1String("grant"))
                     && problem.contains(systemFile()) && problem.contains(QLatin1String("ignored")),
             qPrintable(problem));
    QCOMPARE(store.names(), QStringList{QStringLiteral("Hospital")});
    QVERIFY(!store.load(QStringLiteral("Broken")));
    QVERIFY(!store.policy().staticTokensAllowed);
}

void TestManagedConfig::managedProfileThatDoesNotWorkIsReportedAndIgnored()
{
    // Endpoints in the clear: refused.
    writeSystem(group(QStringLiteral("Plain"), "https://plain.canvasmedical.com", "x",
                      "tokenUrl=http://plain.canvasmedical.com/token\n"));
    ProfileStore store;
    QCOMPARE(store.managedProblems().size(), 1);
    QVERIFY(store.managedProblems().first().contains(QLatin1String("Plain")));
    QVERIFY(store.names().isEmpty());
}

void TestManagedConfig::unknownGroupsAndKeysAreReported()
{
    writeSystem("stray=1\n"
                "[polcy]\n"
                "allowUserProfiles=false\n");
    ProfileStore store;
    QCOMPARE(store.managedProblems().size(), 2);
    QVERIFY(store.managedProblems().join(QLatin1Char(' ')).contains(QLatin1String("[polcy]")));
    // A misspelt group is not the policy.
    QVERIFY(store.policy().userProfilesAllowed);
}

void TestManagedConfig::badIdleMinutesInTheFileAreReportedOnceAndIgnored()
{
    writeSystem("[policy]\n"
                "minimumIdleMinutes=soon\n"
                "allowIdleOff=false\n"
                "signingNeedsConfirmation=true\n");
    const ProfileStore store;
    QCOMPARE(store.managedProblems().size(), 1);
    QVERIFY(store.managedProblems().first().contains(QLatin1String("policy/minimumIdleMinutes")));
    QCOMPARE(store.policy().minimumIdleMinutes, 0);
    QVERIFY(!store.policy().idleOffAllowed);
    QVERIFY(store.policy().signingNeedsConfirmation);
}

void TestManagedConfig::refusalNamesTheFileAndWhomToAsk()
{
    writeSystem(group(QStringLiteral("Clinic"), "https://clinic.canvasmedical.com", "managed-client"));
    const ProfileStore store;
    QVERIFY(store.managedRefusal(QStringLiteral("Other")).isEmpty());
    const QString refusal = store.managedRefusal(QStringLiteral("Clinic"));
    QVERIFY(refusal.contains(systemFile()));
    QVERIFY(refusal.contains(QLatin1String("IT department")));
    QCOMPARE(store.managedPath(), systemFile());
}

QTEST_GUILESS_MAIN(TestManagedConfig)
#include "tst_managedconfig.moc"

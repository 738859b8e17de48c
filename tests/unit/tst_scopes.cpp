// SMART scope checking (v1 and v2), the sentences for invalid scopes, and which requested
// scopes a grant leaves out.
#include "profile/scopes.h"

#include <QTest>

using namespace chartkey;

class TestScopes final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validScopeHasNoProblem_data()
    {
        QTest::addColumn<QString>("scope");
        const char *valid[] = {
            "openid", "profile", "fhirUser", "offline_access", "online_access", "launch",
            "launch/patient", "launch/encounter",
            // SMART v1
            "user/Patient.read", "patient/Observation.write", "system/*.read", "user/*.*",
            "patient/MedicationRequest.*",
            // SMART v2
            "user/Patient.rs", "user/Patient.cruds", "patient/Observation.r", "system/*.s",
            "user/Appointment.cud", "patient/Encounter.crd",
            "patient/Observation.rs?category=laboratory",
            "patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/"
            "observation-category|vital-signs",
            "user/Condition.rs?category=problem-list-item&clinical-status=active",
            "user/Observation.rs?code:in=http://example.org/ValueSet/labs",
        };
        for (const char *s : valid)
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void validScopeHasNoProblem()
    {
        QFETCH(QString, scope);
        const QStringList problems = scopes::problems(scope);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char(' '))));
    }

    void invalidScopeIsExplained_data()
    {
        QTest::addColumn<QString>("scope");
        // Words the one sentence must contain: what is wrong and what would be right.
        QTest::addColumn<QStringList>("mentions");
        auto row = [](const char *name, const char *scope, QStringList mentions) {
            QTest::newRow(name) << QString::fromLatin1(scope) << mentions;
        };
        row("lowercase type", "user/patient.read",
            {QStringLiteral("capitalised"), QStringLiteral("user/Patient.read")});
        row("capitalised context", "User/Patient.read",
            {QStringLiteral("lowercase"), QStringLiteral("user/Patient.read")});
        row("unknown context", "practitioner/Patient.read",
            {QStringLiteral("user/, patient/ or system/")});
        row("no permission", "user/Patient",
            {QStringLiteral("no permission"), QStringLiteral("user/Patient.rs")});
        row("empty permission", "user/Patient.", {QStringLiteral("empty permission")});
        row("no type", "user/.read",
            {QStringLiteral("no resource type"), QStringLiteral("user/Patient.read")});
        row("type not an identifier", "user/Pa-tient.read",
            {QStringLiteral("not a resource type")});
        row("v2 letters out of order", "user/Patient.sr",
            {QStringLiteral("order c, r, u, d, s"), QStringLiteral("user/Patient.rs")});
        row("v2 letter repeated", "user/Patient.rrs",
            {QStringLiteral("once each"), QStringLiteral("user/Patient.rs")});
        row("v2 unknown letter", "user/Patient.rx", {QStringLiteral("not a permission")});
        row("uppercase permission", "user/Patient.READ",
            {QStringLiteral("lowercase"), QStringLiteral("user/Patient.read")});
        row("uppercase v2 letters", "user/Patient.RS",
            {QStringLiteral("lowercase"), QStringLiteral("user/Patient.rs")});
        row("v1 with search parameters", "patient/Observation.read?category=laboratory",
            {QStringLiteral("SMART v2"),
             QStringLiteral("patient/Observation.rs?category=laboratory")});
        row("query without value", "patient/Observation.rs?category",
            {QStringLiteral("name=value")});
        row("empty query", "patient/Observation.rs?", {QStringLiteral("name=value")});
        row("query with empty pair", "patient/Observation.rs?a=b&", {QStringLiteral("name=value")});
        row("fixed scope wrong case", "fhiruser",
            {QStringLiteral("fhirUser"), QStringLiteral("case-sensitive")});
        row("offline access with dash", "offline-access", {QStringLiteral("offline_access")});
        row("unknown launch context", "launch/practitioner",
            {QStringLiteral("launch/patient and launch/encounter")});
        row("launch wrong case", "launch/Patient", {QStringLiteral("launch/patient")});
        row("unknown word", "everything", {QStringLiteral("not a SMART scope")});
        row("comma separated", "user/Patient.read,offline_access",
            {QStringLiteral("spaces, not commas"),
             QStringLiteral("user/Patient.read offline_access")});
    }

    void invalidScopeIsExplained()
    {
        QFETCH(QString, scope);
        QFETCH(QStringList, mentions);
        const QStringList problems = scopes::problems(scope);
        QCOMPARE(problems.size(), 1);
        const QString sentence = problems.first();
        QVERIFY2(sentence.contains(scope), qPrintable(sentence));
        for (const QString &m : std::as_const(mentions))
            QVERIFY2(sentence.contains(m), qPrintable(QStringLiteral("%1 | wanted: %2")
                                                             .arg(sentence, m)));
    }

    void oneSentencePerInvalidScope()
    {
        const QStringList problems = scopes::problems(
                QStringLiteral("openid user/patient.read  offline_access\tUser/Patient.rs foo"));
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems.at(0).contains(QStringLiteral("user/patient.read")));
        QVERIFY(problems.at(1).contains(QStringLiteral("User/Patient.rs")));
        QVERIFY(problems.at(2).contains(QStringLiteral("foo")));
        QVERIFY(scopes::problems(QString()).isEmpty());
        QVERIFY(scopes::problems(QStringLiteral("   ")).isEmpty());
    }

    void splitIgnoresExtraWhitespace()
    {
        QCOMPARE(scopes::split(QStringLiteral("  openid\t launch\n user/Patient.rs ")),
                 (QStringList{QStringLiteral("openid"), QStringLiteral("launch"),
                              QStringLiteral("user/Patient.rs")}));
        QVERIFY(scopes::split(QString()).isEmpty());
    }

    void missing_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("granted");
        QTest::addColumn<QStringList>("expected");
        const QString canvas = QStringLiteral(
                "user/Patient.read user/Appointment.read offline_access launch");
        QTest::newRow("all granted")
                << canvas << QStringLiteral("launch offline_access user/Appointment.read "
                                            "user/Patient.read")
                << QStringList();
        QTest::newRow("refresh not granted")
                << canvas << QStringLiteral("user/Patient.read user/Appointment.read launch")
                << QStringList{QStringLiteral("offline_access")};
        QTest::newRow("two missing, in requested order")
                << canvas << QStringLiteral("user/Patient.read")
                << QStringList{QStringLiteral("user/Appointment.read"),
                               QStringLiteral("offline_access"), QStringLiteral("launch")};
        QTest::newRow("nothing granted")
                << QStringLiteral("openid fhirUser") << QString()
                << QStringList{QStringLiteral("openid"), QStringLiteral("fhirUser")};
        QTest::newRow("v1 read granted as v2 rs")
                << QStringLiteral("user/Patient.read") << QStringLiteral("user/Patient.rs")
                << QStringList();
        QTest::newRow("v2 rs granted as v1 read")
                << QStringLiteral("user/Patient.rs") << QStringLiteral("user/Patient.read")
                << QStringList();
        QTest::newRow("write is not read")
                << QStringLiteral("user/Patient.read") << QStringLiteral("user/Patient.write")
                << QStringList{QStringLiteral("user/Patient.read")};
        QTest::newRow("narrower grant")
                << QStringLiteral("user/Patient.cruds") << QStringLiteral("user/Patient.rs")
                << QStringList{QStringLiteral("user/Patient.cruds")};
        QTest::newRow("wildcard type covers")
                << QStringLiteral("user/Patient.rs user/Observation.r")
                << QStringLiteral("user/*.read") << QStringList();
        QTest::newRow("other context does not cover")
                << QStringLiteral("user/Patient.read") << QStringLiteral("patient/Patient.read")
                << QStringList{QStringLiteral("user/Patient.read")};
        QTest::newRow("grant without parameters covers a narrower request")
                << QStringLiteral("patient/Observation.rs?category=laboratory")
                << QStringLiteral("patient/Observation.rs") << QStringList();
        QTest::newRow("grant with parameters does not cover the whole type")
                << QStringLiteral("patient/Observation.rs")
                << QStringLiteral("patient/Observation.rs?category=laboratory")
                << QStringList{QStringLiteral("patient/Observation.rs")};
        QTest::newRow("case matters")
                << QStringLiteral("fhirUser") << QStringLiteral("fhiruser")
                << QStringList{QStringLiteral("fhirUser")};
        QTest::newRow("duplicate request listed once")
                << QStringLiteral("launch launch") << QString()
                << QStringList{QStringLiteral("launch")};
    }

    void missing()
    {
        QFETCH(QString, requested);
        QFETCH(QString, granted);
        QFETCH(QStringList, expected);
        QCOMPARE(scopes::missing(requested, granted), expected);
    }
};

QTEST_GUILESS_MAIN(TestScopes)
#include "tst_scopes.moc"

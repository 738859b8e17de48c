// A day's schedule as the FHIR layer reads it: an Appointment search with included patients,
// references in their three forms, practitioners, and how dates, times, ages, sexes and MRNs
// are written for a person.
#include "fhir/display.h"
#include "fhir/fhirclient.h"
#include "fhir/resources.h"

#include <QLocale>
#include <QTest>
#include <QUrlQuery>

using namespace chartkey;

namespace {

const QUrl kSearch(QStringLiteral("https://fhir.example.com/r4/Appointment?date=ge2025-05-14"));

// Two appointments (out of order) for a practitioner; the first patient included by the
// server, the second not.
const QByteArray kSchedule =
        R"({"resourceType": "Bundle", "type": "searchset", "total": 2, "entry": [)"
        R"( {"resource": {"resourceType": "Appointment", "id": "a2", "status": "booked",)"
        R"(   "start": "2025-05-14T10:30:00+02:00", "end": "2025-05-14T10:45:00+02:00",)"
        R"(   "description": "Follow-up Visit",)"
        R"(   "extension": [{"url": "http://schemas.canvasmedical.com/fhir/extensions/note-id",)"
        R"(                  "valueId": "n2"}],)"
        R"(   "participant": [{"actor": {"reference": "Patient/p2"}},)"
        R"(     {"actor": {"reference": "https://fhir.example.com/r4/Practitioner/dr1/_history/3"}},)"
        R"(     {"actor": {"reference": "Location/l1", "display": "Main Street Clinic"}}]},)"
        R"(  "search": {"mode": "match"}},)"
        R"( {"resource": {"resourceType": "Appointment", "id": "a1", "status": "arrived",)"
        R"(   "start": "2025-05-14T09:00:00+02:00",)"
        R"(   "appointmentType": {"coding": [{"display": "Office Visit"}]},)"
        R"(   "participant": [{"actor": {"reference": "Patient/p1"}},)"
        R"(                   {"actor": {"reference": "Practitioner/dr1"}}]},)"
        R"(  "search": {"mode": "match"}},)"
        R"( {"resource": {"resourceType": "Patient", "id": "p1", "gender": "female",)"
        R"(   "birthDate": "1958-03-14", "name": [{"family": "Briddle", "given": ["Ada"]}]},)"
        R"(  "search": {"mode": "include"}}]})";

} // namespace

class TestSchedule final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void anAppointmentSearchGivesTheMatchesAndTheIncludedPatientsApart()
    {
        const fhir::AppointmentBundle bundle = fhir::parseAppointmentSearch(kSchedule, kSearch);
        QVERIFY(bundle.page.failure.isOk());
        QCOMPARE(bundle.page.items.size(), 2); // the included Patient is not a match
        const fhir::Appointment &second = bundle.page.items.at(0);
        QCOMPARE(second.id, QStringLiteral("a2"));
        QCOMPARE(second.patientId, QStringLiteral("p2"));
        QCOMPARE(second.practitionerIds, QStringList{QStringLiteral("dr1")});
        QCOMPARE(second.locationId, QStringLiteral("l1"));
        QCOMPARE(second.locationName, QStringLiteral("Main Street Clinic"));
        QCOMPARE(second.noteId, QStringLiteral("n2"));
        QCOMPARE(second.type, QStringLiteral("Follow-up Visit")); // from the description
        QCOMPARE(second.end.toUTC(),
                 QDateTime::fromString(QStringLiteral("2025-05-14T08:45:00Z"), Qt::ISODate));
        QCOMPARE(bundle.page.items.at(1).type, QStringLiteral("Office Visit"));
        QCOMPARE(bundle.includedPatients.size(), 1);
        QCOMPARE(bundle.includedPatients.at(0).id, QStringLiteral("p1"));
        // The plain appointment parser ignores included resources too.
        QCOMPARE(fhir::parseAppointmentBundle(kSchedule, kSearch).items.size(), 2);
    }

    void referencesAreReadInTheirThreeForms_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("id");
        QTest::newRow("relative") << "Practitioner/123" << "Practitioner" << "123";
        QTest::newRow("absolute") << "https://fumage-x.canvasmedical.com/Practitioner/4150cd20"
                                  << "Practitioner" << "4150cd20";
        QTest::newRow("versioned") << "Practitioner/123/_history/7" << "Practitioner" << "123";
        QTest::newRow("another type") << "Patient/123" << "Practitioner" << "";
        QTest::newRow("bare id") << "123" << "Practitioner" << "";
        QTest::newRow("empty") << "" << "Practitioner" << "";
    }

    void referencesAreReadInTheirThreeForms()
    {
        QFETCH(QString, reference);
        QFETCH(QString, type);
        QFETCH(QString, id);
        QCOMPARE(fhir::referenceId(reference, type), id);
    }

    void aPractitionerIsNamedByItsTextElseItsParts()
    {
        Failure failure;
        const auto dr = fhir::parsePractitioner(
                R"({"resourceType": "Practitioner", "id": "dr1",)"
                R"( "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234"}],)"
                R"( "name": [{"use": "official", "prefix": ["Dr"], "given": ["Grace"],)"
                R"(           "family": "Hopper"}]})",
                &failure);
        QVERIFY(dr);
        QCOMPARE(dr->name, QStringLiteral("Dr Grace Hopper"));
        QCOMPARE(dr->npi, QStringLiteral("1234"));
        QVERIFY(!fhir::parsePractitioner(R"({"resourceType": "Patient"})", &failure));
        QCOMPARE(failure.kind, Failure::Kind::Malformed);
    }

    void theScheduleUrlAsksForOneLocalDayAndItsPatients()
    {
        FhirClient fhir(nullptr, QUrl(QStringLiteral("https://fhir.example.com/r4")));
        const QDate day(2025, 5, 14);
        const QUrl url = fhir.scheduleUrl(day, {fhir::ScheduleOwner::Kind::Practitioner,
                                                QStringLiteral("dr1"), {}});
        QCOMPARE(url.path(), QStringLiteral("/r4/Appointment"));
        const QUrlQuery q(url);
        const QString from = QDateTime(day, QTime(0, 0)).toUTC().toString(Qt::ISODate);
        const QString to = QDateTime(day.addDays(1), QTime(0, 0)).toUTC().toString(Qt::ISODate);
        QCOMPARE(q.allQueryItemValues(QStringLiteral("date")),
                 QStringList({QStringLiteral("ge") + from, QStringLiteral("lt") + to}));
        QVERIFY(!url.toString(QUrl::FullyEncoded).contains(QLatin1Char('+'))); // no '+' to be read as a space
        QCOMPARE(q.queryItemValue(QStringLiteral("practitioner")), QStringLiteral("Practitioner/dr1"));
        QCOMPARE(q.queryItemValue(QStringLiteral("_include")), QStringLiteral("Appointment:patient"));
        const QUrl byLocation = fhir.scheduleUrl(day, {fhir::ScheduleOwner::Kind::Location,
                                                       QStringLiteral("l1"), {}});
        QCOMPARE(QUrlQuery(byLocation).queryItemValue(QStringLiteral("location")),
                 QStringLiteral("Location/l1"));
        const QUrl batch = fhir.patientBatchUrl({QStringLiteral("p1"), QStringLiteral("p2")});
        QCOMPARE(QUrlQuery(batch).queryItemValue(QStringLiteral("_id")), QStringLiteral("p1,p2"));
        QCOMPARE(QUrlQuery(batch).queryItemValue(QStringLiteral("_count")), QStringLiteral("2"));
    }

    void agesCountWholeYearsAndMonthsForSmallChildren()
    {
        fhir::Patient p;
        p.birthDate = QDate(1958, 3, 14);
        QCOMPARE(p.ageOn(QDate(2025, 3, 13)), 66);
        QCOMPARE(p.ageOn(QDate(2025, 3, 14)), 67);
        QCOMPARE(p.ageOn(QDate(1950, 1, 1)), -1);
        fhir::Patient baby;
        baby.birthDate = QDate(2025, 1, 20);
        // "3 months" once the English plural forms are loaded (the desktop app does).
        QVERIFY(fhir::ageText(baby, QDate(2025, 5, 19)).startsWith(QLatin1String("3 month")));
        QVERIFY(fhir::ageText(fhir::Patient(), QDate(2025, 5, 19)).isEmpty());
    }

    void thePatientBannerHasNoWeekdayNoDoubledMrnAndSaysAgeAndSex()
    {
        fhir::Patient ada;
        ada.family = QStringLiteral("Briddle");
        ada.given = {QStringLiteral("Ada")};
        ada.gender = QStringLiteral("female");
        ada.birthDate = QDate(1958, 3, 14);
        ada.mrn = QStringLiteral("MRN000025");
        const QString banner = fhir::patientSummary(ada, QDate(2025, 5, 14));
        QVERIFY2(banner.startsWith(QStringLiteral("Briddle, Ada — female, 67 year")),
                 qPrintable(banner));
        QVERIFY2(banner.contains(QLatin1String("born 14 March 1958")), qPrintable(banner));
        QVERIFY2(!banner.contains(QLatin1String("Friday")), qPrintable(banner));
        QVERIFY2(banner.endsWith(QStringLiteral("— MRN000025")), qPrintable(banner));
        QCOMPARE(fhir::mrnText(QStringLiteral("12345")), QStringLiteral("MRN 12345"));
        QCOMPARE(fhir::mrnText(QString()), QStringLiteral("no MRN"));
    }

    void timesAreLocalWithTheirZoneAndNoSeconds_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom);
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("C") << QLocale::c();
        QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany);
    }

    void timesAreLocalWithTheirZoneAndNoSeconds()
    {
        QFETCH(QLocale, locale);
        QLocale::setDefault(locale);
        const QDateTime when(QDate(2025, 5, 14), QTime(9, 15, 42)); // local time
        const QString time = fhir::timeText(when);
        QVERIFY2(!time.contains(QLatin1String("42")), qPrintable(time));
        QVERIFY2(time.contains(QLatin1String("15")), qPrintable(time));
        const QString full = fhir::dateTimeText(when);
        QVERIFY2(full.endsWith(when.timeZoneAbbreviation()), qPrintable(full));
        QVERIFY2(!full.contains(QLatin1String("42")), qPrintable(full));
        const QString day = fhir::dayText(QDate(1958, 3, 14)); // a Friday
        QVERIFY2(!day.contains(locale.dayName(5, QLocale::LongFormat)), qPrintable(day));
        QVERIFY2(day.contains(QLatin1String("1958")), qPrintable(day));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }
};

QTEST_GUILESS_MAIN(TestSchedule)
#include "tst_schedule.moc"

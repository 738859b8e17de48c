// FHIR Bundle parsing, API error sentences and note action names.
#include "fhir/resources.h"
#include "api/apiclient.h"
#include "notes/notesclient.h"

#include <QTest>

using namespace chartkey;

namespace {

QUrl url(const char *text)
{
    return QUrl(QString::fromLatin1(text));
}

const QUrl kPatientSearch = url("http://h:1/Patient?name=B");

const QByteArray kPatients =
        R"({"resourceType": "Bundle", "type": "searchset", "total": 42,)"
        R"( "link": [{"relation": "self", "url": "Patient?name=B"},)"
        R"(          {"relation": "next", "url": "Patient?name=B&_offset=10"}],)"
        R"( "entry": [)"
        R"(  {"resource": {"resourceType": "Patient", "id": "p1",)"
        R"(   "name": [{"use": "usual", "family": "Nick", "given": ["Bo"]},)"
        R"(            {"use": "official", "family": "Baker", "given": ["Barbara", "Ann"]}],)"
        R"(   "birthDate": "1980-02-29", "gender": "female",)"
        R"(   "identifier": [{"system": "mrn", "value": "MRN-001"}, {"value": "other"}]}},)"
        R"(  {"resource": {"resourceType": "Patient", "id": "p2",)"
        R"(   "name": [{"family": "Brown"}, {"use": "nickname", "family": "Bee"}]}},)"
        R"(  {"resource": {"resourceType": "OperationOutcome", "id": "warning"}}]})";

} // namespace

class TestFhirParsing final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void patientBundleGivesNamesDatesAndMrn()
    {
        const fhir::Page<fhir::Patient> page = fhir::parsePatientBundle(kPatients, kPatientSearch);
        QVERIFY(page.failure.isOk());
        QCOMPARE(page.total, 42);
        QCOMPARE(page.items.size(), 2); // the OperationOutcome entry is not a patient

        const fhir::Patient &baker = page.items.at(0);
        QCOMPARE(baker.id, QStringLiteral("p1"));
        QCOMPARE(baker.family, QStringLiteral("Baker")); // official preferred over usual
        QCOMPARE(baker.given, QStringList({QStringLiteral("Barbara"), QStringLiteral("Ann")}));
        QCOMPARE(baker.displayName(), QStringLiteral("Baker, Barbara Ann"));
        QCOMPARE(baker.birthDate, QDate(1980, 2, 29));
        QCOMPARE(baker.gender, QStringLiteral("female"));
        QCOMPARE(baker.mrn, QStringLiteral("MRN-001"));

        const fhir::Patient &brown = page.items.at(1);
        QCOMPARE(brown.family, QStringLiteral("Brown")); // no official name: the first one
        QCOMPARE(brown.displayName(), QStringLiteral("Brown"));
        QVERIFY(!brown.birthDate.isValid());
        QVERIFY(brown.mrn.isEmpty());
    }

    void nextLinkIsResolvedAgainstTheRequest_data()
    {
        QTest::addColumn<QUrl>("request");
        QTest::addColumn<QString>("next");
        QTest::addColumn<QUrl>("expected");
        QTest::newRow("relative") << kPatientSearch << QStringLiteral("Patient?name=B&_offset=10")
                                  << url("http://h:1/Patient?name=B&_offset=10");
        QTest::newRow("relative under a base path")
                << url("http://h:1/fhir/Patient?name=B")
                << QStringLiteral("Patient?name=B&_offset=10")
                << url("http://h:1/fhir/Patient?name=B&_offset=10");
        QTest::newRow("absolute path") << kPatientSearch << QStringLiteral("/Patient?page=2")
                                       << url("http://h:1/Patient?page=2");
        QTest::newRow("absolute") << kPatientSearch
                                  << QStringLiteral("https://fumage-x.example/Patient?page=2")
                                  << url("https://fumage-x.example/Patient?page=2");
        QTest::newRow("last page: no next") << kPatientSearch << QString() << QUrl();
    }

    void nextLinkIsResolvedAgainstTheRequest()
    {
        QFETCH(QUrl, request);
        QFETCH(QString, next);
        QFETCH(QUrl, expected);
        // (moc misreads raw strings with "//" inside macro arguments: plain literals here)
        QByteArray json = "{\"resourceType\":\"Bundle\",\"link\":["
                          "{\"relation\":\"self\",\"url\":\"http://h:1/self\"}";
        if (!next.isEmpty())
            json += ",{\"relation\":\"next\",\"url\":\"" + next.toUtf8() + "\"}";
        json += "]}";
        const auto page = fhir::parsePatientBundle(json, request);
        QVERIFY(page.failure.isOk());
        QCOMPARE(page.next, expected);
        QCOMPARE(page.next.isEmpty(), expected.isEmpty());
        QCOMPARE(page.total, -1);
        QVERIFY(page.items.isEmpty());
    }

    void notABundleIsMalformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("a Patient") << QByteArray(R"({"resourceType":"Patient","id":"p1"})");
        QTest::newRow("an OperationOutcome")
                << QByteArray(R"({"resourceType":"OperationOutcome","issue":[]})");
        QTest::newRow("not JSON") << QByteArray("<html>login</html>");
        QTest::newRow("an array") << QByteArray(R"([{"resourceType":"Bundle"}])");
        QTest::newRow("empty") << QByteArray();
    }

    void notABundleIsMalformed()
    {
        QFETCH(QByteArray, json);
        const auto patients = fhir::parsePatientBundle(json, kPatientSearch);
        QCOMPARE(patients.failure.kind, Failure::Kind::Malformed);
        QVERIFY(patients.failure.message.contains(QLatin1String("FHIR base URL")));
        QVERIFY(patients.items.isEmpty());
        const auto appointments = fhir::parseAppointmentBundle(json, kPatientSearch);
        QCOMPARE(appointments.failure.kind, Failure::Kind::Malformed);
    }

    void appointmentBundleReadsTheNoteIdExtension()
    {
        const QByteArray note = "http://schemas.canvasmedical.com/fhir/extensions/note-id";
        const QByteArray json =
                R"({"resourceType":"Bundle","entry":[)"
                R"( {"resource":{"resourceType":"Appointment","id":"a1","status":"booked",)"
                R"(  "start":"2026-01-05T09:30:00-05:00",)"
                R"(  "appointmentType":{"coding":[{"display":"Office visit"}]},)"
                R"(  "extension":[{"url":"http://example.org/other","valueId":"wrong"},)"
                R"(               {"url":"NOTE","valueId":"note-123"}]}},)"
                R"( {"resource":{"resourceType":"Appointment","id":"a2","status":"arrived",)"
                R"(  "appointmentType":{"text":"Telehealth","coding":[{"display":"ignored"}]},)"
                R"(  "extension":[{"url":"NOTE","valueString":"note-456"}]}},)"
                R"( {"resource":{"resourceType":"Appointment","id":"a3"}}]})";
        const auto page = fhir::parseAppointmentBundle(QByteArray(json).replace("NOTE", note),
                                                      url("http://h:1/Appointment"));
        QVERIFY(page.failure.isOk());
        QCOMPARE(page.items.size(), 3);

        const fhir::Appointment &a1 = page.items.at(0);
        QCOMPARE(a1.id, QStringLiteral("a1"));
        QCOMPARE(a1.status, QStringLiteral("booked"));
        QCOMPARE(a1.type, QStringLiteral("Office visit"));
        QCOMPARE(a1.noteId, QStringLiteral("note-123"));
        QCOMPARE(a1.start.toUTC(),
                 QDateTime::fromString(QStringLiteral("2026-01-05T14:30:00Z"), Qt::ISODate));

        QCOMPARE(page.items.at(1).type, QStringLiteral("Telehealth"));
        QCOMPARE(page.items.at(1).noteId, QStringLiteral("note-456"));
        QVERIFY(page.items.at(2).noteId.isEmpty());
        QVERIFY(!page.items.at(2).start.isValid());
    }

    void describeApiError_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("OperationOutcome")
                << 422
                << QByteArray(R"({"resourceType":"OperationOutcome","issue":[)"
                              R"({"severity":"error","code":"invalid","diagnostics":"Note is locked"},)"
                              R"({"severity":"error","details":{"text":"Sign it first"}},)"
                              R"({"severity":"error","code":"processing"}]})")
                << QStringLiteral("Note is locked; Sign it first; processing");
        QTest::newRow("error member") << 404 << QByteArray(R"({"error": "Note not found."})")
                                      << QStringLiteral("Note not found.");
        QTest::newRow("message member") << 400 << QByteArray(R"({"message":"Bad note id"})")
                                        << QStringLiteral("Bad note id");
        QTest::newRow("empty body") << 503 << QByteArray() << QStringLiteral("HTTP 503");
        QTest::newRow("HTML body") << 502 << QByteArray("<html>Bad gateway</html>")
                                   << QStringLiteral("HTTP 502");
        // Found by fuzzing: an empty member used to give an empty sentence.
        QTest::newRow("empty error member") << 500 << QByteArray(R"({"error": ""})")
                                            << QStringLiteral("HTTP 500");
        QTest::newRow("empty error, message given")
                << 400 << QByteArray(R"({"error": "", "message": "Bad note id"})")
                << QStringLiteral("Bad note id");
    }

    void aNoteIdTypedWithPercentSignsIsReportedAsTyped()
    {
        // Found by fuzzing: a chained QString::arg substituted the id's "%1" again.
        ApiResult result;
        result.response.status = 409;
        result.response.body = QByteArray(R"({"error": "Cannot sign a note in state new."})");
        const NoteResult r = noteResultFrom(NoteAction::Sign, QStringLiteral("note-%1-%2"), result);
        QVERIFY(!r.done);
        QCOMPARE(r.failure.detail, QStringLiteral("POST notes/note-%1-%2/sign -> 409"));
        QVERIFY2(r.message.contains(QLatin1String("note-%1-%2")), qPrintable(r.message));
    }

    void describeApiError()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, sentence);
        http::Response response;
        response.status = status;
        response.body = body;
        QCOMPARE(chartkey::describeApiError(response), sentence);
    }

    void noteActionFromName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("action"); // -1: not an action
        auto row = [](const char *name, int action) {
            QTest::newRow(name) << QString::fromLatin1(name) << action;
        };
        row("lock", int(NoteAction::Lock));
        row("sign", int(NoteAction::Sign));
        row("lock-sign", int(NoteAction::LockSign));
        row("lock_sign", int(NoteAction::LockSign));
        row("unlock", int(NoteAction::Unlock));
        row("check-in", int(NoteAction::CheckIn));
        row("checkin", int(NoteAction::CheckIn));
        row("no-show", int(NoteAction::NoShow));
        row("noshow", int(NoteAction::NoShow));
        row("", -1);
        row("delete", -1);
        row("LOCK", -1);
        row("lock ", -1);
        row("lock-sign-unlock", -1);
    }

    void noteActionFromName()
    {
        QFETCH(QString, name);
        QFETCH(int, action);
        const std::optional<NoteAction> parsed = chartkey::noteActionFromName(name);
        QCOMPARE(parsed.has_value(), action >= 0);
        if (parsed)
            QCOMPARE(int(*parsed), action);
    }

    void everyActionRoundTripsThroughItsNames()
    {
        const QList<NoteAction> all = allNoteActions();
        QCOMPARE(all.size(), 6);
        for (NoteAction a : all) {
            QCOMPARE(chartkey::noteActionFromName(commandName(a)), std::optional<NoteAction>(a));
            QCOMPARE(chartkey::noteActionFromName(pathName(a)), std::optional<NoteAction>(a));
            QVERIFY(!displayName(a).isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestFhirParsing)
#include "tst_fhirparsing.moc"

// `chartkey api` against the sandbox EHR: one authenticated request in one line. The body as
// the server sent it; fields as query or JSON body; every page of a search once and in order,
// as one Bundle or as NDJSON; a note action through the notes API; a 401 renewed once; a URL
// on another server refused before anything is sent; --include with the credentials
// redacted; and the exit statuses 0, 1, 2 and 3. The functions run in order and share one
// sign-in (the consent client: the browser step is tested elsewhere).
#include "cli.h"
#include "clie2e.h"
#include "sandbox.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace chartkey::test;
using namespace chartkey::test::e2e;

namespace {

const QString kProfile = QStringLiteral("Sandbox");

QStringList api(std::initializer_list<QString> args)
{
    return QStringList{QStringLiteral("api")} + QStringList(args);
}

// GET `url` with the bearer token, as a plain client would: the reference for what the server
// sends.
QByteArray fetch(const QUrl &url, const QString &token)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setRawHeader("Accept", "application/fhir+json");
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->isFinished() ? reply->readAll() : QByteArray();
    reply->deleteLater();
    return body;
}

QStringList idsOf(const QJsonArray &entries)
{
    QStringList ids;
    for (const QJsonValue &e : entries)
        ids << e.toObject().value(QStringLiteral("resource")).toObject()
                        .value(QStringLiteral("id")).toString();
    return ids;
}

int apiCount(const QJsonObject &stats, int status)
{
    return stats.value(QStringLiteral("api")).toObject().value(QString::number(status)).toInt();
}

} // namespace

class CliApi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void getPrintsTheBodyAsTheServerSentIt();
    void fieldsBecomeQueryParametersOfAGet();
    void paginateReadsEveryPageOnceAndPrintsOneBundle();
    void ndjsonPrintsOneResourcePerLineInOrder();
    void aTerminalGetsIndentedJsonInTheServersOrder();
    void postToTheNotePluginChangesTheNoteOnce();
    void aRejectedTokenIsRenewedOnceAndTheRequestSentAgain();
    void aUrlOnAnotherServerIsRefusedBeforeAnythingIsSent_data();
    void aUrlOnAnotherServerIsRefusedBeforeAnythingIsSent();
    void includeShowsTheHeadsWithCredentialsRedacted();
    void anAnswerThatEchoesTheTokenShowsItRedacted();
    void anAnswerThatIsNotASuccessExitsOneAndSaysWhy();
    void aProfileThatIsNotSignedInExitsThree();

private:
    QString accessToken() const;

    Sandbox m_sandbox;
};

void CliApi::initTestCase()
{
    if (!Sandbox::available())
        QSKIP("runs under tests/harness/with-peers.sh");
    m_sandbox = Sandbox::fromEnvironment();
    QVERIFY(!m_sandbox.consent.isEmpty());
    const CliRun add = runCli(addProfileArgs(m_sandbox, kProfile));
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    const CliRun login = runCli({QStringLiteral("login"), QStringLiteral("--browser"),
                                 m_sandbox.consent},
                                {}, 90000);
    QVERIFY2(login.exitCode == 0, describe(login).constData());
    QVERIFY(!accessToken().isEmpty());
}

QString CliApi::accessToken() const
{
    const auto stored = storedTokensOf(kProfile);
    return stored ? stored->value(QStringLiteral("access_token")).toString() : QString();
}

void CliApi::getPrintsTheBodyAsTheServerSentIt()
{
    m_sandbox.resetStats();
    const CliRun run = runCli(api({QStringLiteral("Patient?name=Briddle")}));
    QVERIFY2(run.exitCode == 0, describe(run).constData());
    QVERIFY2(run.err.isEmpty(), describe(run).constData());
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 0); // the token reused

    const QByteArray reference =
            fetch(QUrl(m_sandbox.fhirBase.toString() + QStringLiteral("/Patient?name=Briddle")),
                  accessToken());
    QVERIFY(!reference.isEmpty());
    QCOMPARE(run.out, reference); // byte for byte: not a pipe's business to reformat
    const QJsonObject bundle = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(bundle.value(QStringLiteral("total")).toInt(), 3);

    // A leading slash, and a full URL on the FHIR server, name the same resource.
    const QString id = idsOf(bundle.value(QStringLiteral("entry")).toArray()).first();
    const CliRun read = runCli(api({QStringLiteral("/Patient/") + id}));
    QVERIFY2(read.exitCode == 0, describe(read).constData());
    const CliRun full = runCli(api({m_sandbox.fhirBase.toString() + QStringLiteral("/Patient/") + id}));
    QVERIFY2(full.exitCode == 0, describe(full).constData());
    QCOMPARE(full.out, read.out);
    QCOMPARE(QJsonDocument::fromJson(read.out).object().value(QStringLiteral("id")).toString(), id);
}

void CliApi::fieldsBecomeQueryParametersOfAGet()
{
    const CliRun run = runCli(api({QStringLiteral("Patient"), QStringLiteral("-f"),
                                   QStringLiteral("family=Briddle"), QStringLiteral("-F"),
                                   QStringLiteral("_count=2")}));
    QVERIFY2(run.exitCode == 0, describe(run).constData());
    const QJsonObject bundle = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(bundle.value(QStringLiteral("total")).toInt(), 3);
    QCOMPARE(bundle.value(QStringLiteral("entry")).toArray().size(), 2);

    // Percent-encoded as they should be: a '+' is a plus, not a space, and '&' stays inside.
    const CliRun plus = runCli(api({QStringLiteral("Patient"), QStringLiteral("-f"),
                                    QStringLiteral("name=Bri&ddle+x")}));
    QVERIFY2(plus.exitCode == 0, describe(plus).constData());
    QCOMPARE(QJsonDocument::fromJson(plus.out).object().value(QStringLiteral("total")).toInt(), 0);
}

void CliApi::paginateReadsEveryPageOnceAndPrintsOneBundle()
{
    // The reference: every patient, from pages of 100 fetched directly.
    QStringList expected;
    for (int offset = 0; offset < 240; offset += 100) {
        const QJsonObject page = QJsonDocument::fromJson(
                fetch(QUrl(m_sandbox.fhirBase.toString()
                           + QStringLiteral("/Patient?_count=100&_offset=%1").arg(offset)),
                      accessToken())).object();
        expected << idsOf(page.value(QStringLiteral("entry")).toArray());
    }
    QCOMPARE(expected.size(), 240);

    m_sandbox.resetStats();
    const CliRun run = runCli(api({QStringLiteral("--paginate"), QStringLiteral("Patient?_count=50")}));
    QVERIFY2(run.exitCode == 0, describe(run).constData());
    QVERIFY2(run.err.isEmpty(), describe(run).constData());
    QJsonParseError error;
    const QJsonObject bundle = QJsonDocument::fromJson(run.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(bundle.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
    QCOMPARE(bundle.value(QStringLiteral("type")).toString(), QStringLiteral("searchset"));
    QCOMPARE(bundle.value(QStringLiteral("total")).toInt(), 240);
    QVERIFY2(!bundle.contains(QStringLiteral("link")), "links to pages of the server's remain");
    const QStringList ids = idsOf(bundle.value(QStringLiteral("entry")).toArray());
    QCOMPARE(ids, expected); // every entry once, in order
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 240);
    // Five pages of 50, each asked for once; no token request.
    const QJsonObject stats = m_sandbox.stats();
    QCOMPARE(apiCount(stats, 200), 5);
    QCOMPARE(tokenCount(stats, QStringLiteral("total")), 0);
}

void CliApi::ndjsonPrintsOneResourcePerLineInOrder()
{
    const CliRun bundle = runCli(api({QStringLiteral("--paginate"), QStringLiteral("Patient?_count=100")}));
    QVERIFY2(bundle.exitCode == 0, describe(bundle).constData());
    const QStringList expected = idsOf(
            QJsonDocument::fromJson(bundle.out).object().value(QStringLiteral("entry")).toArray());
    QCOMPARE(expected.size(), 240);

    m_sandbox.resetStats();
    const CliRun run = runCli(api({QStringLiteral("--paginate"), QStringLiteral("--ndjson"),
                                   QStringLiteral("Patient?_count=70")}));
    QVERIFY2(run.exitCode == 0, describe(run).constData());
    QVERIFY(run.out.endsWith('\n'));
    const QList<QByteArray> lines = run.out.chopped(1).split('\n');
    QCOMPARE(lines.size(), 240);
    QStringList ids;
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonObject resource = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, line.left(200).constData());
        QCOMPARE(resource.value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("Patient"));
        ids << resource.value(QStringLiteral("id")).toString();
    }
    QCOMPARE(ids, expected);
    QCOMPARE(apiCount(m_sandbox.stats(), 200), 4); // 70 + 70 + 70 + 30
    // Each resource as the server wrote it (its members in its order), not rewritten.
    const QByteArray firstPage = fetch(
            QUrl(m_sandbox.fhirBase.toString() + QStringLiteral("/Patient?_count=70")),
            accessToken());
    QVERIFY2(firstPage.contains("\"resource\":" + lines.first() + ','),
             lines.first().left(200).constData());

    // Without --paginate: the one page's resources.
    const CliRun one = runCli(api({QStringLiteral("--ndjson"), QStringLiteral("Patient?name=Briddle&_count=2")}));
    QVERIFY2(one.exitCode == 0, describe(one).constData());
    QCOMPARE(one.out.count('\n'), 2);
}

void CliApi::aTerminalGetsIndentedJsonInTheServersOrder()
{
    // script(1) gives chartkey a terminal for standard output.
    const QString command = QStringLiteral("'%1' api 'Patient?name=Briddle&_count=1'")
                                    .arg(chartkeyBinary());
    const CliRun run = runProgram(QStringLiteral("script"),
                                  {QStringLiteral("-qec"), command, QStringLiteral("/dev/null")});
    QVERIFY2(run.exitCode == 0, describe(run).constData());
    QByteArray out = run.out;
    out.replace("\r\n", "\n");
    QVERIFY2(out.startsWith("{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"searchset\",\n"),
             out.left(200).constData());
    QVERIFY2(out.contains("\n      \"resource\": {\n        \"resourceType\": \"Patient\",\n"),
             out.left(800).constData());
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("total")).toInt(), 3);

    // And one Bundle of every page, indented the same way.
    const CliRun pages = runProgram(
            QStringLiteral("script"),
            {QStringLiteral("-qec"),
             QStringLiteral("'%1' api --paginate 'Patient?name=Briddle&_count=1'").arg(chartkeyBinary()),
             QStringLiteral("/dev/null")});
    QVERIFY2(pages.exitCode == 0, describe(pages).constData());
    QByteArray merged = pages.out;
    merged.replace("\r\n", "\n");
    QVERIFY2(merged.startsWith("{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"searchset\",\n"
                               "  \"total\": 3,\n  \"entry\": [\n    {\n"),
             merged.left(300).constData());
    QCOMPARE(QJsonDocument::fromJson(merged).object().value(QStringLiteral("entry")).toArray().size(),
             3);
}

void CliApi::postToTheNotePluginChangesTheNoteOnce()
{
    const QStringList notes = noteIdsOfFamily(m_sandbox, QStringLiteral("Briddle"));
    QVERIFY(notes.size() >= 2);
    const QString note = notes.first();
    QCOMPARE(m_sandbox.noteState(note).value(QStringLiteral("state")).toString(),
             QStringLiteral("new"));

    m_sandbox.resetStats();
    const CliRun lock = runCli(api({QStringLiteral("-X"), QStringLiteral("POST"),
                                    QStringLiteral("--base"), QStringLiteral("notes"),
                                    QStringLiteral("notes/%1/lock").arg(note)}));
    QVERIFY2(lock.exitCode == 0, describe(lock).constData());
    QCOMPARE(QJsonDocument::fromJson(lock.out).object().value(QStringLiteral("state")).toString(),
             QStringLiteral("locked"));
    const QJsonObject state = m_sandbox.noteState(note);
    QCOMPARE(state.value(QStringLiteral("state")).toString(), QStringLiteral("locked"));
    QCOMPARE(state.value(QStringLiteral("actions")).toObject().value(QStringLiteral("lock")).toInt(), 1);
    QCOMPARE(apiCount(m_sandbox.stats(), 200), 1);

    // The same plugin by its full URL (on the instance), with a JSON body from fields.
    const QString url = m_sandbox.instance.toString()
            + QStringLiteral("/plugin-io/api/note_sign_api/notes/%1/sign").arg(note);
    const CliRun sign = runCli(api({QStringLiteral("-X"), QStringLiteral("post"), url,
                                    QStringLiteral("-F"), QStringLiteral("confirm=true")}));
    QVERIFY2(sign.exitCode == 0, describe(sign).constData());
    QCOMPARE(m_sandbox.noteState(note).value(QStringLiteral("state")).toString(),
             QStringLiteral("signed"));

    // Refused (409): exit 1, the note as it was, the action sent once.
    const CliRun again = runCli(api({QStringLiteral("-X"), QStringLiteral("POST"),
                                     QStringLiteral("--base"), QStringLiteral("notes"),
                                     QStringLiteral("notes/%1/sign").arg(note)}));
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("409") && again.err.contains("Cannot sign a note in state signed"),
             describe(again).constData());
    QVERIFY2(again.out.contains("\"error\""), again.out.constData()); // the body, for scripts
    const QJsonObject after = m_sandbox.noteState(note);
    QCOMPARE(after.value(QStringLiteral("state")).toString(), QStringLiteral("signed"));
    QCOMPARE(after.value(QStringLiteral("actions")).toObject().value(QStringLiteral("sign")).toInt(), 2);
}

void CliApi::aRejectedTokenIsRenewedOnceAndTheRequestSentAgain()
{
    const QString before = accessToken();
    m_sandbox.expireTokens();
    m_sandbox.resetStats();
    const CliRun run = runCli(api({QStringLiteral("--include"), QStringLiteral("Patient?name=Briddle")}));
    QVERIFY2(run.exitCode == 0, describe(run).constData());
    const QJsonObject stats = m_sandbox.stats();
    QCOMPARE(tokenCount(stats, QStringLiteral("refresh_token")), 1);
    QCOMPARE(tokenCount(stats, QStringLiteral("total")), 1);
    QCOMPARE(apiCount(stats, 401), 1);
    QCOMPARE(apiCount(stats, 200), 1);
    QVERIFY2(run.err.contains("sent again with a renewed token"), describe(run).constData());
    QVERIFY(run.out.startsWith("HTTP/1.1 200 OK\n"));
    const QString after = accessToken();
    rememberSecret(after);
    QVERIFY2(after != before, "the keychain still holds the rejected token");

    // The renewed token serves the next process without a token request.
    m_sandbox.resetStats();
    const CliRun next = runCli(api({QStringLiteral("Patient?_count=1")}));
    QVERIFY2(next.exitCode == 0, describe(next).constData());
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("total")), 0);
}

void CliApi::aUrlOnAnotherServerIsRefusedBeforeAnythingIsSent_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    const Sandbox sandbox = Sandbox::fromEnvironment();
    // The sandbox's Canvas LMS: the same host, another port, another origin.
    QTest::newRow("another port of the same host")
            << api({sandbox.lmsApiSelf.toString()}) << QStringLiteral("goes only to the profile's own servers");
    QTest::newRow("another host")
            << api({QStringLiteral("https://ehr.example.com/Patient")})
            << QStringLiteral("https://ehr.example.com is not one of them");
    QTest::newRow("a POST with a body from standard input")
            << api({QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("--input"),
                    QStringLiteral("-"), QStringLiteral("https://ehr.example.com/Patient")})
            << QStringLiteral("is not one of them");
    QTest::newRow("plain http elsewhere")
            << api({QStringLiteral("http://ehr.example.com/Patient")})
            << QStringLiteral("uses http:// on a host that is not this computer");
    QTest::newRow("another scheme") << api({QStringLiteral("ftp://ehr.example.com/Patient")})
                                    << QStringLiteral("nor an https:// URL");
}

void CliApi::aUrlOnAnotherServerIsRefusedBeforeAnythingIsSent()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    const QJsonObject before = m_sandbox.stats();
    const int requests = m_sandbox.requestsReceived();
    QVERIFY(requests >= 0);
    const CliRun run = runCli(args, "{\"resourceType\":\"Patient\"}");
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(error.toUtf8()), describe(run).constData());
    QVERIFY2(run.err.contains("See: chartkey api --help"), describe(run).constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(m_sandbox.requestsReceived(), requests);
    QCOMPARE(m_sandbox.stats(), before);
}

void CliApi::includeShowsTheHeadsWithCredentialsRedacted()
{
    const QString token = accessToken();
    const auto stored = storedTokensOf(kProfile);
    QVERIFY(stored);
    const QString refresh = stored->value(QStringLiteral("refresh_token")).toString();
    const CliRun run = runCli(api({QStringLiteral("-i"), QStringLiteral("-H"),
                                   QStringLiteral("X-Api-Key: a-header-secret-0123456789"),
                                   QStringLiteral("Patient?_count=1")}));
    QVERIFY2(run.exitCode == 0, describe(run).constData());
    // Standard output: the status line, the headers, a blank line, the body.
    QVERIFY2(run.out.startsWith("HTTP/1.1 200 OK\n"), run.out.left(200).constData());
    const qsizetype blank = run.out.indexOf("\n\n");
    QVERIFY(blank > 0);
    const QByteArray head = run.out.left(blank);
    QVERIFY2(head.contains("\nContent-Type: application/fhir+json"), head.constData());
    QVERIFY2(head.contains("\nCache-Control: no-store"), head.constData());
    QCOMPARE(QJsonDocument::fromJson(run.out.mid(blank + 2)).object()
                     .value(QStringLiteral("resourceType")).toString(),
             QStringLiteral("Bundle"));
    // Standard error: the request, its credentials redacted.
    QVERIFY2(run.err.contains("> GET /Patient?_count=1\n"), describe(run).constData());
    QVERIFY2(run.err.contains("> Authorization: Bearer [redacted]\n"), describe(run).constData());
    QVERIFY2(run.err.contains("> X-Api-Key: [redacted]\n"), describe(run).constData());
    QVERIFY2(run.err.contains("> Accept: application/fhir+json\n"), describe(run).constData());
    for (const QString &secret : {token, refresh, QStringLiteral("a-header-secret-0123456789")}) {
        QVERIFY2(!run.out.contains(secret.toUtf8()), "a secret on standard output");
        QVERIFY2(!run.err.contains(secret.toUtf8()), "a secret on standard error");
    }

    // A 401 answer's head (WWW-Authenticate) shows too, after the one renewal it causes.
    m_sandbox.failNext(QStringLiteral("api"), 2, QStringLiteral("401"));
    m_sandbox.resetStats();
    const CliRun refused = runCli(api({QStringLiteral("-i"), QStringLiteral("Patient?_count=1")}));
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.err.contains("Sign in"), describe(refused).constData());
    QVERIFY2(refused.out.startsWith("HTTP/1.1 401 Unauthorized\n"), refused.out.constData());
    QVERIFY2(refused.out.contains("\nWWW-Authenticate: Bearer"), refused.out.constData());
    QCOMPARE(tokenCount(m_sandbox.stats(), QStringLiteral("refresh_token")), 1);
    QCOMPARE(apiCount(m_sandbox.stats(), 401), 2);
    const QString renewed = accessToken();
    rememberSecret(renewed);
    QVERIFY(!refused.out.contains(renewed.toUtf8()) && !refused.err.contains(renewed.toUtf8()));
}

void CliApi::anAnswerThatEchoesTheTokenShowsItRedacted()
{
    // The FHIR server's 404 repeats the path, here the token itself.
    const QString token = accessToken();
    QVERIFY(!token.isEmpty());
    const CliRun run = runCli(api({QStringLiteral("-i"), QStringLiteral("-v"),
                                   QStringLiteral("Patient/") + token}));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.out.contains(token.toUtf8()), "the token on standard output");
    QVERIFY2(!run.err.contains(token.toUtf8()), "the token on standard error");
    QVERIFY2(run.out.contains("Patient/[redacted] not found."), redacted(run.out).constData());
    QVERIFY2(run.err.contains("HTTP 404 Not Found: Patient/[redacted] not found."),
             describe(run).constData());
}

void CliApi::anAnswerThatIsNotASuccessExitsOneAndSaysWhy()
{
    // 404: the OperationOutcome on standard output, its text on standard error.
    const CliRun missing = runCli(api({QStringLiteral("Patient/does-not-exist")}));
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(missing.out).object().value(QStringLiteral("resourceType"))
                     .toString(),
             QStringLiteral("OperationOutcome"));
    QVERIFY2(missing.err.contains("HTTP 404 Not Found: Patient/does-not-exist not found."),
             describe(missing).constData());

    // A body from a file, PUT: the sandbox's FHIR server reads only (405).
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("patient.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"resourceType\":\"Patient\",\"id\":\"x\"}");
    file.close();
    const CliRun put = runCli(api({QStringLiteral("-X"), QStringLiteral("PUT"),
                                   QStringLiteral("Patient/x"), QStringLiteral("--input"),
                                   file.fileName()}));
    QCOMPARE(put.exitCode, 1);
    QVERIFY2(put.err.contains("HTTP 405") && put.err.contains("PUT is not supported"),
             describe(put).constData());

    // A file that cannot be read: nothing is sent.
    m_sandbox.resetStats();
    const CliRun unreadable = runCli(api({QStringLiteral("-X"), QStringLiteral("PATCH"),
                                          QStringLiteral("Patient/x"), QStringLiteral("--input"),
                                          dir.filePath(QStringLiteral("none.json"))}));
    QCOMPARE(unreadable.exitCode, 1);
    QVERIFY2(unreadable.err.contains("Could not read"), describe(unreadable).constData());
    QCOMPARE(apiCount(m_sandbox.stats(), 405), 0);

    // A 500: exit 1 too.
    m_sandbox.failNext(QStringLiteral("api"), 1, QStringLiteral("500"));
    const CliRun broken = runCli(api({QStringLiteral("--paginate"), QStringLiteral("Patient")}));
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains("HTTP 500"), describe(broken).constData());

    // And a usage error, 2.
    const CliRun usage = runCli(api({QStringLiteral("-X"), QStringLiteral("FETCH"), QStringLiteral("Patient")}));
    QCOMPARE(usage.exitCode, 2);
    QVERIFY2(usage.err.contains("Unknown method \"FETCH\""), describe(usage).constData());
}

void CliApi::aProfileThatIsNotSignedInExitsThree()
{
    const CliRun add = runCli(addProfileArgs(m_sandbox, QStringLiteral("Other")));
    QVERIFY2(add.exitCode == 0, describe(add).constData());
    m_sandbox.resetStats();
    const CliRun run = runCli(api({QStringLiteral("--profile"), QStringLiteral("Other"),
                                   QStringLiteral("Patient")}));
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("chartkey login"), describe(run).constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(apiCount(m_sandbox.stats(), 200) + apiCount(m_sandbox.stats(), 401), 0);
}

QTEST_GUILESS_MAIN(CliApi)
#include "tst_cli_api.moc"

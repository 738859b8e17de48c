// Requests made from what a person typed (api/apicall.h): where the token may go, how a path
// resolves, fields as query or JSON body, content types, what is refused; headers as they
// are shown; JSON cut where it was written (api/jsontext.h); and BundlePager against a
// scripted server: every page in order, a next link to another server or back to a page
// already read, a failing page, an answer that is not a Bundle.
#include "api/apicall.h"
#include "api/apiclient.h"
#include "api/bundlepager.h"
#include "api/jsontext.h"
#include "base/logging.h"

#include "sessionfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace chartkey;
using test::ScriptedServer;

namespace {

Profile sandboxLike()
{
    Profile p = Profile::canvas(QStringLiteral("Clinic"),
                                QUrl(QStringLiteral("https://clinic.example.com")));
    p.fhirBaseUrl = QUrl(QStringLiteral("https://fhir.example.com/r4/"));
    p.clientId = QStringLiteral("c");
    return p;
}

api::Call call(const QString &target, const QByteArray &method = {})
{
    api::Call c;
    c.target = target;
    c.method = method;
    return c;
}

// A searchset page with `ids` and, when given, a next link.
QByteArray page(const QStringList &ids, const QString &next = {}, int total = -1)
{
    QJsonObject bundle{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                       {QStringLiteral("type"), QStringLiteral("searchset")}};
    if (total >= 0)
        bundle.insert(QStringLiteral("total"), total);
    QJsonArray links{QJsonObject{{QStringLiteral("relation"), QStringLiteral("self")},
                                 {QStringLiteral("url"), QStringLiteral("Patient")}}};
    if (!next.isEmpty())
        links.append(QJsonObject{{QStringLiteral("relation"), QStringLiteral("next")},
                                 {QStringLiteral("url"), next}});
    bundle.insert(QStringLiteral("link"), links);
    QJsonArray entries;
    for (const QString &id : ids)
        entries.append(QJsonObject{
                {QStringLiteral("resource"),
                 QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Patient")},
                             {QStringLiteral("id"), id}}}});
    if (!entries.isEmpty())
        bundle.insert(QStringLiteral("entry"), entries);
    return QJsonDocument(bundle).toJson(QJsonDocument::Compact);
}

ScriptedServer::Answer fhir(const QByteArray &body, int status = 200)
{
    ScriptedServer::Answer a{status, body};
    a.contentType = "application/fhir+json";
    return a;
}

} // namespace

class TestApiCall final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtime;
    // The session of a static-token profile whose instance (and FHIR server) is the
    // fixture's scripted server, and an API client on it.
    std::optional<test::SessionFixture> m_f;
    std::unique_ptr<ApiClient> m_api;

    struct Reading
    {
        QList<BundlePage> pages;
        PagingResult result;
        bool done = false;
    };

    // Reads the search at `path` on the scripted server to its end.
    Reading read(const QString &path, bool follow = true)
    {
        Reading reading;
        ApiRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/%2")
                                   .arg(m_f->server.serverPort())
                                   .arg(path));
        auto *pager = new BundlePager(m_api.get(), request);
        pager->setFollowNext(follow);
        connect(pager, &BundlePager::pageArrived, this,
                [&reading](const BundlePage &p) { reading.pages << p; });
        pager->then(this, [&reading](const PagingResult &r) {
            reading.result = r;
            reading.done = true;
        });
        pager->start();
        if (!QTest::qWaitFor([&reading] { return reading.done; }, 10000))
            qWarning("the pager did not finish within 10 s");
        return reading;
    }

    static QStringList idsOf(const QList<BundlePage> &pages)
    {
        QStringList ids;
        for (const BundlePage &p : pages) {
            for (const QJsonValue &e : p.entries)
                ids << e.toObject().value(QStringLiteral("resource")).toObject()
                                .value(QStringLiteral("id")).toString();
        }
        return ids;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(test::SessionFixture::isolate(m_runtime)); }

    void init()
    {
        m_f.emplace(QStringLiteral("Pager"));
        QVERIFY(m_f->server.isListening());
        Profile p = Profile::canvas(QStringLiteral("Pager"),
                                    QUrl(QStringLiteral("http://127.0.0.1:%1")
                                                 .arg(m_f->server.serverPort())));
        p.kind = Profile::Kind::CanvasSandboxToken;
        p.grant = Profile::Grant::StaticToken;
        m_f->useProfile(p);
        m_f->store.entries.insert(p.tokensKey(),
                                  staticTokenSet(QStringLiteral("static-token-0123456789"),
                                                 m_f->clock.now())
                                          .toJson());
        m_api = std::make_unique<ApiClient>(m_f->session.get(), &m_f->nam);
    }

    void cleanup()
    {
        m_api.reset();
        m_f.reset();
    }

    // ------------------------------------------------------------ where the token goes

    void tokenOriginsAreTheProfilesFhirInstanceAndNotesServers()
    {
        const QList<QUrl> origins = api::tokenOrigins(sandboxLike());
        QCOMPARE(origins.size(), 2); // the notes API is on the instance
        QCOMPARE(origins.at(0), QUrl(QStringLiteral("https://fhir.example.com")));
        QCOMPARE(origins.at(1), QUrl(QStringLiteral("https://clinic.example.com")));
    }

    void sameOriginComparesSchemeHostAndPort_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("default port") << "https://h.example/x" << "https://H.EXAMPLE:443/y" << true;
        QTest::newRow("other port") << "https://h.example" << "https://h.example:8443" << false;
        QTest::newRow("other scheme") << "http://127.0.0.1:80" << "https://127.0.0.1:80" << false;
        QTest::newRow("other host") << "https://h.example" << "https://h.example.evil" << false;
        QTest::newRow("loopback ports") << "http://127.0.0.1:4000" << "http://127.0.0.1:4001" << false;
    }

    void sameOriginComparesSchemeHostAndPort()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(api::isSameOrigin(QUrl(a), QUrl(b)), same);
    }

    // ------------------------------------------------------------ building requests

    void requestsResolveUnderTheirBase_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("base");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("accept");
        const int fhirBase = int(api::Base::Fhir), notes = int(api::Base::Notes);
        QTest::newRow("a search") << "Patient?name=Briddle" << fhirBase
                                  << "https://fhir.example.com/r4/Patient?name=Briddle"
                                  << QByteArray("application/fhir+json");
        QTest::newRow("a leading slash") << "/Patient/123" << fhirBase
                                         << "https://fhir.example.com/r4/Patient/123"
                                         << QByteArray("application/fhir+json");
        QTest::newRow("an operation") << "Patient/123/$everything" << fhirBase
                                      << "https://fhir.example.com/r4/Patient/123/$everything"
                                      << QByteArray("application/fhir+json");
        QTest::newRow("no host from //") << "//evil.example/x" << fhirBase
                                         << "https://fhir.example.com/r4/evil.example/x"
                                         << QByteArray("application/fhir+json");
        QTest::newRow("a fragment stays home") << "Patient#x" << fhirBase
                                               << "https://fhir.example.com/r4/Patient"
                                               << QByteArray("application/fhir+json");
        QTest::newRow("the notes API") << "notes/n-1/lock" << notes
                                       << "https://clinic.example.com/plugin-io/api/note_sign_api/notes/n-1/lock"
                                       << QByteArray("application/json");
        QTest::newRow("a full URL on the notes API")
                << "https://clinic.example.com/plugin-io/api/note_sign_api/notes/n-1/sign"
                << fhirBase << "https://clinic.example.com/plugin-io/api/note_sign_api/notes/n-1/sign"
                << QByteArray("application/json");
        QTest::newRow("a full URL on the FHIR server")
                << "https://fhir.example.com/r4/metadata" << notes
                << "https://fhir.example.com/r4/metadata" << QByteArray("application/fhir+json");
    }

    void requestsResolveUnderTheirBase()
    {
        QFETCH(QString, target);
        QFETCH(int, base);
        QFETCH(QString, url);
        QFETCH(QByteArray, accept);
        api::Call c = call(target);
        c.base = api::Base(base);
        QString problem;
        const auto request = api::buildRequest(sandboxLike(), c, &problem);
        QVERIFY2(request, qPrintable(problem));
        QCOMPARE(request->url.toString(QUrl::FullyEncoded), url);
        QCOMPARE(request->method, QByteArray("GET"));
        QCOMPARE(request->accept, accept);
        QVERIFY(request->body.isEmpty() && request->contentType.isEmpty());
    }

    void theTokenGoesToNoOtherServer_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("problem");
        QTest::newRow("another host") << "https://evil.example/Patient" << "is not one of them";
        QTest::newRow("another port") << "https://fhir.example.com:8443/Patient" << "is not one of them";
        QTest::newRow("http on the FHIR host") << "http://fhir.example.com/Patient" << "uses http://";
        QTest::newRow("userinfo trick") << "https://fhir.example.com@evil.example/x" << "is not one of them";
        QTest::newRow("a scheme that is not http") << "ftp://fhir.example.com/x" << "nor an https:// URL";
    }

    void theTokenGoesToNoOtherServer()
    {
        QFETCH(QString, target);
        QFETCH(QString, problem);
        QString said;
        QVERIFY(!api::buildRequest(sandboxLike(), call(target), &said));
        QVERIFY2(said.contains(problem), qPrintable(said));
    }

    void fieldsAreQueryParametersOrAJsonBody()
    {
        api::Call get = call(QStringLiteral("Patient?active=true"));
        get.fields = {{QStringLiteral("name"), QStringLiteral("Bri&ddle+x y")},
                      {QStringLiteral("_count"), QJsonValue(qint64(2))},
                      {QStringLiteral("name"), QStringLiteral("again")}};
        QString problem;
        auto request = api::buildRequest(sandboxLike(), get, &problem);
        QVERIFY2(request, qPrintable(problem));
        QCOMPARE(request->url.query(QUrl::FullyEncoded),
                 QStringLiteral("active=true&name=Bri%26ddle%2Bx%20y&_count=2&name=again"));

        api::Call post = call(QStringLiteral("Patient"), "post");
        post.fields = {{QStringLiteral("active"), true},
                       {QStringLiteral("note"), QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("name"), QStringLiteral("Ada")}};
        request = api::buildRequest(sandboxLike(), post, &problem);
        QVERIFY2(request, qPrintable(problem));
        QCOMPARE(request->method, QByteArray("POST"));
        QCOMPARE(request->body, QByteArray(R"({"active":true,"name":"Ada","note":null})"));
        QCOMPARE(request->contentType, QByteArray("application/fhir+json"));
        QVERIFY(!request->url.hasQuery());

        // With a body of its own, fields go to the query; the body is sent as it is.
        api::Call put = call(QStringLiteral("Patient/1"), "PUT");
        put.body = QByteArray("{\"resourceType\":\"Patient\"}");
        put.fields = {{QStringLiteral("_format"), QStringLiteral("json")}};
        request = api::buildRequest(sandboxLike(), put, &problem);
        QVERIFY2(request, qPrintable(problem));
        QCOMPARE(request->body, *put.body);
        QCOMPARE(request->url.query(), QStringLiteral("_format=json"));

        // A body without a method is a POST.
        api::Call input = call(QStringLiteral("notes/n-1/lock"));
        input.base = api::Base::Notes;
        input.body = QByteArray("{}");
        request = api::buildRequest(sandboxLike(), input, &problem);
        QVERIFY2(request, qPrintable(problem));
        QCOMPARE(request->method, QByteArray("POST"));
        QCOMPARE(request->contentType, QByteArray("application/json"));
    }

    void problemsAreSaidWithoutAProfile_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("body");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown method") << QByteArray("TRACE") << QString() << QByteArray() << false
                                        << "Unknown method \"TRACE\"";
        QTest::newRow("a body with GET") << QByteArray("GET") << QString() << QByteArray() << true
                                         << "A GET request has no body";
        QTest::newRow("a nested field") << QByteArray("POST") << "a[b]" << QByteArray() << false
                                        << "nested fields";
        QTest::newRow("Authorization") << QByteArray() << QString()
                                       << QByteArray("authorization") << false
                                       << "The Authorization header is chartkey's";
        QTest::newRow("a header name with a space") << QByteArray() << QString()
                                                    << QByteArray("X Y") << false
                                                    << "is not a header name";
    }

    void problemsAreSaidWithoutAProfile()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, field);
        QFETCH(QByteArray, header);
        QFETCH(bool, body);
        QFETCH(QString, problem);
        api::Call c = call(QStringLiteral("Patient"), method);
        if (!field.isEmpty())
            c.fields = {{field, QStringLiteral("v")}};
        if (!header.isEmpty())
            c.headers = {{header, "v"}};
        if (body)
            c.body = QByteArray("{}");
        QVERIFY2(api::problemOf(c).contains(problem), qPrintable(api::problemOf(c)));
    }

    void headersAreShownWithoutCredentials()
    {
        log::registerSecret(QStringLiteral("registered-secret-0123456789"));
        QCOMPARE(api::displayHeader("Authorization", "Bearer abcdefghijklmnop"),
                 QByteArray("Authorization: Bearer [redacted]"));
        QCOMPARE(api::displayHeader("X-Api-Key", "k-0123456789"), QByteArray("X-Api-Key: [redacted]"));
        QCOMPARE(api::displayHeader("Set-Cookie", "session=abc"), QByteArray("Set-Cookie: [redacted]"));
        QCOMPARE(api::displayHeader("X-Echo", "was registered-secret-0123456789"),
                 QByteArray("X-Echo: was [redacted]"));
        QCOMPARE(api::displayHeader("Content-Type", "application/fhir+json"),
                 QByteArray("Content-Type: application/fhir+json"));
    }

    // ------------------------------------------------------------ JSON as written

    void jsonTextIsCutWhereItWasWritten()
    {
        // Decoys: a nested "entry", and one inside a string.
        const QByteArray bundle =
                " { \"a\" : {\"entry\":[1]}, \"s\":\"x\\\"entry\\\":[\", \"entry\" : [\n"
                "  {\"fullUrl\":\"u1\",\"resource\":{\"resourceType\":\"Observation\","
                "\"valueQuantity\":{\"value\":1.50}}},\n"
                "  {\"resource\" : { \"b\":[ \"]}\" ], \"a\":null } } , 7, \"s\" ] } ";
        const QByteArrayView entry = jsontext::member(bundle, "entry");
        QVERIFY(entry.startsWith('[') && entry.endsWith(']'));
        const QList<QByteArrayView> entries = jsontext::elements(entry);
        QCOMPARE(entries.size(), 4);
        QCOMPARE(jsontext::member(entries.at(0), "resource").toByteArray(),
                 QByteArray(R"({"resourceType":"Observation","valueQuantity":{"value":1.50}})"));
        QCOMPARE(jsontext::member(entries.at(1), "resource").toByteArray(),
                 QByteArray("{ \"b\":[ \"]}\" ], \"a\":null }"));
        QCOMPARE(entries.at(2).toByteArray(), QByteArray("7"));
        QCOMPARE(entries.at(3).toByteArray(), QByteArray("\"s\""));
        QVERIFY(jsontext::member(entries.at(2), "resource").isNull());
        QVERIFY(jsontext::member(bundle, "missing").isNull());
        QVERIFY(jsontext::elements("{}").isEmpty());
        QVERIFY(jsontext::elements("[ ]").isEmpty());
        // A name written twice: the last, as QJsonDocument reads it (found by fuzz_jsontext).
        QCOMPARE(jsontext::member("{\"a\":1,\"b\":2,\"a\":3}", "a").toByteArray(), QByteArray("3"));
    }

    void jsonIsIndentedAndCompactedAsWritten()
    {
        // Members in the order they came, a decimal as written, strings untouched (a bracket,
        // an escaped quote, spaces), empty objects and arrays on their line.
        const QByteArray text =
                " {\"z\": 1.50, \"a\" : [ {\"s\":\"a ]} \\\" b\"} , [ ], { } ], \"n\":null}\n";
        QCOMPARE(jsontext::compact(text),
                 QByteArray("{\"z\":1.50,\"a\":[{\"s\":\"a ]} \\\" b\"},[],{}],\"n\":null}"));
        QCOMPARE(jsontext::indented(text),
                 QByteArray("{\n  \"z\": 1.50,\n  \"a\": [\n    {\n      \"s\": \"a ]} \\\" b\"\n"
                            "    },\n    [],\n    {}\n  ],\n  \"n\": null\n}"));
        // Nested in a Bundle written by hand: indented from its column on.
        QCOMPARE(jsontext::indented("[1]", 4), QByteArray("[\n      1\n    ]"));
    }

    // ------------------------------------------------------------ paging

    void everyPageIsReadOnceInOrder()
    {
        m_f->server.script({fhir(page({QStringLiteral("a"), QStringLiteral("b")},
                                    QStringLiteral("Patient?_offset=2"), 5)),
                          fhir(page({QStringLiteral("c"), QStringLiteral("d")},
                                    QStringLiteral("/Patient?_offset=4"))),
                          fhir(page({QStringLiteral("e")}))});
        const Reading r = read(QStringLiteral("Patient"));
        QVERIFY(r.done);
        QVERIFY2(r.result.failure.isOk(), qPrintable(r.result.failure.message));
        QCOMPARE(r.pages.size(), 3);
        QCOMPARE(idsOf(r.pages), QStringList({"a", "b", "c", "d", "e"}));
        QCOMPARE(r.result.pages, 3);
        QCOMPARE(r.result.entries, 5);
        QCOMPARE(r.result.total, 5);
        QCOMPARE(r.pages.at(2).total, 5);
        QCOMPARE(r.pages.at(1).url.path(), QStringLiteral("/Patient"));
        QCOMPARE(r.pages.at(1).url.query(), QStringLiteral("_offset=2"));
        QCOMPARE(r.pages.at(0).entryTexts.size(), 2);
        QCOMPARE(r.pages.at(0).entryTexts.at(1),
                 QByteArray(R"({"resource":{"id":"b","resourceType":"Patient"}})"));
        QCOMPARE(m_f->server.requests(), 3);
    }

    void withoutFollowingOnlyTheFirstPageIsRead()
    {
        m_f->server.script({fhir(page({QStringLiteral("a")}, QStringLiteral("Patient?p=2")))});
        const Reading r = read(QStringLiteral("Patient"), false);
        QVERIFY(r.done && r.result.failure.isOk());
        QCOMPARE(r.pages.size(), 1);
        QCOMPARE(m_f->server.requests(), 1);
    }

    void aNextLinkToAnotherServerIsNotFollowed()
    {
        const QString elsewhere =
                QStringLiteral("http://127.0.0.1:%1/Patient?p=2").arg(m_f->server.serverPort() + 1);
        m_f->server.script({fhir(page({QStringLiteral("a")}, elsewhere)),
                          fhir(page({QStringLiteral("b")}))});
        const Reading r = read(QStringLiteral("Patient"));
        QVERIFY(r.done);
        QCOMPARE(r.pages.size(), 1); // what came is handed over
        QCOMPARE(r.result.failure.kind, Failure::Kind::Configuration);
        QVERIFY2(r.result.failure.message.contains(QStringLiteral("another server")),
                 qPrintable(r.result.failure.message));
        QCOMPARE(m_f->server.requests(), 1);
    }

    void aNextLinkBackToAReadPageEndsTheReading()
    {
        m_f->server.script({fhir(page({QStringLiteral("a")}, QStringLiteral("Patient?p=2"))),
                          fhir(page({QStringLiteral("b")}, QStringLiteral("Patient")))});
        const Reading r = read(QStringLiteral("Patient"));
        QVERIFY(r.done);
        QCOMPARE(r.pages.size(), 2);
        QCOMPARE(r.result.failure.kind, Failure::Kind::Malformed);
        QCOMPARE(m_f->server.requests(), 2);
    }

    void aFailingPageEndsTheReadingWithItsStatus()
    {
        m_f->server.script({fhir(page({QStringLiteral("a")}, QStringLiteral("Patient?p=2"))),
                          fhir(R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"exception","diagnostics":"database down"}]})",
                               500)});
        const Reading r = read(QStringLiteral("Patient"));
        QVERIFY(r.done);
        QCOMPARE(r.pages.size(), 1);
        QCOMPARE(r.result.failure.kind, Failure::Kind::Http);
        QCOMPARE(r.result.failure.httpStatus, 500);
        QVERIFY2(r.result.failure.message.contains(QStringLiteral("page 2"))
                         && r.result.failure.message.contains(QStringLiteral("database down")),
                 qPrintable(r.result.failure.message));
        QCOMPARE(r.result.last.response.status, 500);
    }

    void anAnswerThatIsNotABundleIsHandedBackWhole()
    {
        const QByteArray patient = R"({"resourceType":"Patient","id":"a"})";
        m_f->server.script({fhir(patient)});
        const Reading r = read(QStringLiteral("Patient/a"));
        QVERIFY(r.done);
        QVERIFY(r.result.notABundle);
        QVERIFY(r.result.failure.isOk());
        QCOMPARE(r.pages.size(), 0);
        QCOMPARE(r.result.last.response.body, patient);
    }
};

QTEST_GUILESS_MAIN(TestApiCall)
#include "tst_apicall.moc"

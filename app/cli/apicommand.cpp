// chartkey api: one authenticated request to the profile's own API, in one line (after
// `gh api`). The request is made by the core (api/apicall.h: the token only to the profile's
// origins) and sent through ApiClient, the engine every other command uses: the stored token
// is reused, renewed ahead of expiry, and a 401 renews it once and sends once more.
//
// What reaches standard output is the answer's body, as received (pretty-printed JSON on a
// terminal). --paginate and --ndjson write each page as it arrives and then forget it, so
// that a search of 100,000 resources takes the memory of one page.
#include "commandline.h"
#include "context.h"

#include "api/apicall.h"
#include "api/apiclient.h"
#include "api/bundlepager.h"
#include "api/jsontext.h"
#include "base/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>

#include <memory>

#if defined(Q_OS_WIN)
#include <io.h>
#else
#include <unistd.h>
#endif

namespace chartkey::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::cli", text);
}

#if defined(Q_OS_WIN)
bool stdoutIsTerminal()
{
    return _isatty(_fileno(stdout)) != 0;
}
#else
bool stdoutIsTerminal()
{
    return isatty(STDOUT_FILENO) != 0;
}
#endif

// `json`, valid JSON, indented by two spaces a level after `indent` spaces, members in the
// order they came and numbers as they were written (QJsonDocument would sort the members and
// rewrite the numbers).
QByteArray indentJson(QByteArrayView json, int indent = 0)
{
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&out, &depth, indent] {
        out += '\n';
        out.append(indent + 2 * depth, ' ');
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            qsizetype j = i + 1;
            while (j < json.size() && QByteArrayView(" \t\n\r").contains(json.at(j)))
                ++j;
            if (j < json.size() && json.at(j) == (c == '{' ? '}' : ']')) {
                out += c;
                out += json.at(j);
                i = j;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// `json`, valid JSON, without the whitespace between its tokens: one line, as NDJSON and a
// compact Bundle need it, members and numbers as they were written.
QByteArray compactJson(QByteArrayView json)
{
    QByteArray out;
    out.reserve(json.size());
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            continue;
        } else if (c == '"') {
            inString = true;
        }
        out += c;
    }
    return out;
}

bool isJson(const QByteArray &body)
{
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError;
}

// `text` as a JSON string.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// "HTTP/1.1 404 Not Found"
QByteArray statusLine(const http::Response &r)
{
    QByteArray line = (r.http2 ? "HTTP/2 " : "HTTP/1.1 ") + QByteArray::number(r.status);
    if (!r.reason.isEmpty())
        line += ' ' + r.reason;
    return line;
}

// What a failed answer says, for standard error: an OperationOutcome's text or an
// {"error": …}'s, else the body's first line. Empty when it says nothing.
QString answerText(const http::Response &r)
{
    const QJsonObject o = QJsonDocument::fromJson(r.body).object();
    if (o.value(QStringLiteral("resourceType")).toString() == QLatin1String("OperationOutcome")
        || !o.value(QStringLiteral("error")).toString().isEmpty()
        || !o.value(QStringLiteral("message")).toString().isEmpty())
        return log::redact(describeApiError(r));
    QString first = QString::fromUtf8(r.body).trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    if (first.size() > 300)
        first = first.left(300) + QStringLiteral("…");
    return log::redact(first);
}

QString failedAnswer(const http::Response &r)
{
    QString status = QString::number(r.status);
    if (!r.reason.isEmpty())
        status += QLatin1Char(' ') + QString::fromLatin1(r.reason);
    const QString said = answerText(r);
    return said.isEmpty() ? tr("The EHR answered HTTP %1.").arg(status)
                          : tr("The EHR answered HTTP %1: %2").arg(status, said);
}

// Standard output as bytes (QTextStream would decode and encode them again), written once
// per answer or page. An answer that carries the profile's own tokens (an endpoint that
// echoes the request's headers, say) has them replaced: only `chartkey token` prints one.
class Output final
{
public:
    explicit Output(Session *session)
        : m_session(session)
    {
        m_file.open(1, QIODevice::WriteOnly | QIODevice::Unbuffered,
                    QFileDevice::DontCloseHandle);
    }
    Q_DISABLE_COPY_MOVE(Output)

    void write(QByteArray bytes)
    {
        if (bytes.isEmpty())
            return;
        if (m_session) {
            const TokenSet held = m_session->current();
            for (const QString &token : {held.accessToken, held.refreshToken, held.idToken}) {
                const QByteArray secret = token.toUtf8();
                if (secret.size() >= 8 && bytes.contains(secret))
                    bytes.replace(secret, "[redacted]");
            }
        }
        m_file.write(bytes);
    }

private:
    QFile m_file;
    QPointer<Session> m_session;
};

struct Options
{
    bool pretty = false;   // standard output is a terminal
    bool include = false;
    bool paginate = false;
    bool ndjson = false;
};

// The answer's head, for --include: the request on standard error (credentials redacted),
// the status line and headers on standard output.
void writeHeads(Context &ctx, Output &out, const ApiResult &r)
{
    QString target = r.url.path(QUrl::FullyEncoded);
    if (r.url.hasQuery())
        target += QLatin1Char('?') + r.url.query(QUrl::FullyEncoded);
    ctx.err << "> " << log::redact(QString::fromLatin1(r.method) + QLatin1Char(' ') + target)
            << Qt::endl;
    ctx.err << "> Host: " << r.url.host(QUrl::FullyEncoded)
            << (r.url.port() >= 0 ? QStringLiteral(":%1").arg(r.url.port()) : QString())
            << Qt::endl;
    for (const auto &[name, value] : r.sentHeaders)
        ctx.err << "> " << QString::fromUtf8(api::displayHeader(name, value)) << Qt::endl;
    if (r.renewedToken)
        ctx.err << tr("> (sent again with a renewed token after HTTP 401)") << Qt::endl;
    ctx.err.flush();

    QByteArray head = statusLine(r.response) + '\n';
    for (const auto &[name, value] : r.response.headers)
        head += api::displayHeader(name, value) + '\n';
    out.write(head + '\n');
}

// One answer's body: as received, pretty-printed JSON on a terminal, or with --ndjson on one
// line (a page's resources come through the pager instead).
void writeBody(Output &out, const Options &o, const QByteArray &body)
{
    if ((o.ndjson || o.pretty) && isJson(body)) {
        out.write(o.ndjson ? compactJson(body) + '\n' : indentJson(body) + '\n');
        return;
    }
    out.write(body);
}

// A page's resources for NDJSON: one a line, as the server wrote them.
QByteArray ndjsonLines(const BundlePage &page)
{
    QByteArray lines;
    for (const QByteArray &entry : page.entryTexts) {
        const QByteArrayView resource = jsontext::member(entry, "resource");
        if (resource.startsWith('{'))
            lines += compactJson(resource) + '\n';
    }
    return lines;
}

// Every page of a search as one Bundle: written as the pages come, so that it is never held
// whole. Its `link`s are left out (they name pages of the server's, not this Bundle), and
// `entry` is left out while there is none (FHIR: no empty arrays).
class BundleWriter final
{
public:
    BundleWriter(Output *out, bool pretty)
        : m_out(out)
        , m_pretty(pretty)
    {
    }

    void page(const BundlePage &page)
    {
        QByteArray chunk;
        if (page.index == 0) {
            const QByteArray type =
                    jsonString(page.type.isEmpty() ? QStringLiteral("searchset") : page.type);
            chunk += m_pretty ? "{\n  \"resourceType\": \"Bundle\",\n  \"type\": " + type
                              : "{\"resourceType\":\"Bundle\",\"type\":" + type;
            if (page.total >= 0)
                chunk += (m_pretty ? ",\n  \"total\": " : ",\"total\":")
                        + QByteArray::number(page.total);
        }
        for (const QByteArray &entry : page.entryTexts) {
            if (m_entries++ == 0)
                chunk += m_pretty ? ",\n  \"entry\": [\n    " : ",\"entry\":[";
            else
                chunk += m_pretty ? ",\n    " : ",";
            chunk += m_pretty ? indentJson(entry, 4) : compactJson(entry);
        }
        m_out->write(chunk);
    }

    void finish()
    {
        if (m_entries > 0)
            m_out->write(m_pretty ? "\n  ]\n}\n" : "]}\n");
        else
            m_out->write(m_pretty ? "\n}\n" : "}\n");
    }

private:
    Output *m_out;
    bool m_pretty;
    qint64 m_entries = 0;
};

api::Field fieldFrom(const QString &text, bool typed)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    api::Field field{text.left(eq), QJsonValue(text.mid(eq + 1))};
    if (!typed)
        return field;
    const QString value = text.mid(eq + 1);
    static const QRegularExpression integer(QStringLiteral("^-?(0|[1-9][0-9]{0,14})$"));
    if (value == QLatin1String("true") || value == QLatin1String("false"))
        field.value = QJsonValue(value == QLatin1String("true"));
    else if (value == QLatin1String("null"))
        field.value = QJsonValue(QJsonValue::Null);
    else if (integer.match(value).hasMatch())
        field.value = QJsonValue(value.toLongLong());
    return field;
}

// Ends the command for an answer that is not a success: its body on standard output (as a
// script may want it), what it says on standard error.
void failWith(Context &ctx, Output &out, const Options &o, const ApiResult &r)
{
    if (r.failure) {
        ctx.fail(r.failure);
        return;
    }
    writeBody(out, o, r.response.body);
    ctx.err << failedAnswer(r.response) << Qt::endl;
    ctx.finish(Failed);
}

bool isSuccess(const ApiResult &r)
{
    return !r.failure && r.response.status >= 200 && r.response.status < 300;
}

void sendOnce(Context &ctx, EhrConnection *connection, const ApiRequest &request,
              const Options &o, std::shared_ptr<Output> out)
{
    connection->api()->send(request)->then(&ctx, [&ctx, o, out](const ApiResult &r) {
        if (o.include && r.response.status > 0)
            writeHeads(ctx, *out, r);
        if (r.failure) {
            ctx.fail(r.failure);
            return;
        }
        if (!isSuccess(r)) {
            failWith(ctx, *out, o, r);
            return;
        }
        writeBody(*out, o, r.response.body);
        ctx.finish(Ok);
    });
}

void readPages(Context &ctx, EhrConnection *connection, const ApiRequest &request,
               const Options &o, std::shared_ptr<Output> out)
{
    auto *pager = new BundlePager(connection->api(), request, &ctx);
    pager->setFollowNext(o.paginate);
    auto writer = std::make_shared<BundleWriter>(out.get(), o.pretty);
    QObject::connect(pager, &BundlePager::pageArrived, &ctx,
                     [o, out, writer](const BundlePage &page) {
                         if (o.ndjson)
                             out->write(ndjsonLines(page));
                         else
                             writer->page(page);
                     });
    pager->then(&ctx, [&ctx, o, out, writer](const PagingResult &result) {
        if (result.notABundle) {
            writeBody(*out, o, result.last.response.body);
            ctx.finish(Ok);
            return;
        }
        if (result.pages == 0) {
            // The first answer: a status to show with its body, or no answer at all.
            if (result.last.response.status > 0 && !result.last.failure)
                failWith(ctx, *out, o, result.last);
            else
                ctx.fail(result.last.failure ? result.last.failure : result.failure);
            return;
        }
        if (result.failure) {
            // Standard output stops where the reading did: an unfinished Bundle is not taken
            // for the whole by the next program.
            ctx.err << result.failure.message << Qt::endl
                    << tr("%1 entries of %2 page(s) were written before it.")
                               .arg(result.entries)
                               .arg(result.pages)
                    << Qt::endl;
            ctx.finish(result.failure.kind == Failure::Kind::SignInRequired ? SignInNeeded
                                                                           : Failed);
            return;
        }
        if (!o.ndjson)
            writer->finish();
        ctx.finish(Ok);
    });
    pager->start();
}

// The call as the command line gives it, before anything is read: --input is a body yet to
// come (empty here).
api::Call apiCallFrom(const QCommandLineParser &p)
{
    api::Call call;
    call.method = p.value(QStringLiteral("method")).toUtf8();
    call.target = p.positionalArguments().value(0);
    call.base = p.value(QStringLiteral("base")) == QLatin1String("notes") ? api::Base::Notes
                                                                           : api::Base::Fhir;
    // The string fields (-f), then the typed ones (-F), each in the order given.
    const QStringList raw = p.values(QStringLiteral("raw-field"));
    for (const QString &f : raw)
        call.fields << fieldFrom(f, false);
    const QStringList typed = p.values(QStringLiteral("field"));
    for (const QString &f : typed)
        call.fields << fieldFrom(f, true);
    const QStringList headers = p.values(QStringLiteral("header"));
    for (const QString &h : headers) {
        const qsizetype colon = h.indexOf(QLatin1Char(':'));
        call.headers.emplaceBack(h.left(colon).trimmed().toLatin1(),
                                 h.mid(colon + 1).trimmed().toUtf8());
    }
    if (p.isSet(QStringLiteral("input")))
        call.body = QByteArray();
    return call;
}

} // namespace

QString checkApiCall(const QCommandLineParser &p)
{
    const api::Call call = apiCallFrom(p);
    if (QString problem = api::problemOf(call); !problem.isEmpty())
        return problem;
    const bool paginate = p.isSet(QStringLiteral("paginate"));
    const bool ndjson = p.isSet(QStringLiteral("ndjson"));
    if ((paginate || ndjson) && api::methodOf(call) != "GET")
        return tr("--paginate and --ndjson read a search: they go with GET, not %1.")
                .arg(QString::fromLatin1(api::methodOf(call)));
    if (p.isSet(QStringLiteral("include")) && (paginate || ndjson))
        return tr("--include shows one answer's status and headers: it does not go with %1.")
                .arg(paginate ? QStringLiteral("--paginate") : QStringLiteral("--ndjson"));
    return {};
}

int runApi(Context &ctx, const QCommandLineParser &p)
{
    Options o;
    o.pretty = stdoutIsTerminal();
    o.include = p.isSet(QStringLiteral("include"));
    o.paginate = p.isSet(QStringLiteral("paginate"));
    o.ndjson = p.isSet(QStringLiteral("ndjson"));

    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    // Where the token would go is settled before anything else is read or sent.
    QString problem;
    auto request = api::buildRequest(*profile, apiCallFrom(p), &problem);
    if (!request) {
        ctx.usage(problem);
        return Usage;
    }
    if (p.isSet(QStringLiteral("input"))) {
        const QString path = p.value(QStringLiteral("input"));
        QFile file;
        const bool opened = path == QLatin1String("-")
                ? file.open(stdin, QIODevice::ReadOnly)
                : (file.setFileName(path), file.open(QIODevice::ReadOnly));
        if (!opened) {
            ctx.err << tr("Could not read %1: %2. Nothing was sent.").arg(path, file.errorString())
                    << Qt::endl;
            return Failed;
        }
        request->body = file.readAll();
    }

    EhrConnection *connection = ctx.connect(*profile);
    QObject::connect(connection->session(), &Session::storageFailed, &ctx,
                     [&ctx](const Failure &f) { ctx.err << f.message << Qt::endl; });
    auto out = std::make_shared<Output>(connection->session());
    if (o.paginate || o.ndjson)
        readPages(ctx, connection, *request, o, out);
    else
        sendOnce(ctx, connection, *request, o, out);
    return kPending;
}

} // namespace chartkey::cli

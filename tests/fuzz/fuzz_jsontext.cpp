// api/jsontext: JSON text cut, indented and compacted where it was written (chartkey api hands
// a server's pages on without rewriting them).
// Input: a response body; only what QJsonDocument accepts is walked, as chartkey api does.
// Checks: compact() and indented() are the same JSON document as the input (QJsonDocument
// compares the values); each member() and elements() view lies inside the text and is valid
// JSON itself; it is the value QJsonDocument read there (for a member: unless a name may be
// written with an escape, which member() does not decode).
#include "fuzzsupport.h"

#include "api/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace chartkey;

namespace {

bool inside(QByteArrayView part, QByteArrayView whole)
{
    return part.isNull()
            || (part.data() >= whole.data()
                && part.data() + part.size() <= whole.data() + whole.size());
}

QJsonValue valueOf(QByteArrayView text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toByteArray() + "]", &error);
    fuzz::check(error.error == QJsonParseError::NoError && doc.isArray(),
                "a cut piece is not JSON", QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 200)).toByteArray()));
    return doc.array().first();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isNull())
        return 0;

    fuzz::check(QJsonDocument::fromJson(jsontext::compact(body)) == doc,
                "compact() changed the document");
    fuzz::check(QJsonDocument::fromJson(jsontext::indented(body, 2)) == doc,
                "indented() changed the document");

    if (doc.isObject()) {
        const QJsonObject object = doc.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QByteArray key = it.key().toUtf8();
            if (key.contains('\\') || key.contains('"'))
                continue; // compared as written: an escaped name is not looked up
            const QByteArrayView value = jsontext::member(body, key);
            if (value.isNull())
                continue; // written with an escape the decoded name does not show
            fuzz::check(inside(value, body), "a member outside the text");
            const QJsonValue read = valueOf(value);
            // Names are compared as written: where one may be written with an escape (Qt also
            // reads an unknown escape such as \s as the letter), QJsonDocument's last member of
            // that name can be another one than member()'s.
            fuzz::check(read == it.value() || body.contains('\\'),
                        "a member's text is another value", it.key());
        }
    } else if (doc.isArray()) {
        const QJsonArray array = doc.array();
        const QList<QByteArrayView> parts = jsontext::elements(body);
        fuzz::check(parts.size() == array.size(), "elements() counted another number");
        for (qsizetype i = 0; i < parts.size(); ++i) {
            fuzz::check(inside(parts.at(i), body), "an element outside the text");
            fuzz::check(valueOf(parts.at(i)) == array.at(i), "an element's text is another value");
        }
    }
    return 0;
}

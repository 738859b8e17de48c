#include "jsontext.h"

#include <algorithm>

namespace chartkey::jsontext {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

qsizetype skipSpace(QByteArrayView text, qsizetype i)
{
    while (i < text.size() && isSpace(text.at(i)))
        ++i;
    return i;
}

// From the opening quote at `i` to just after the closing one.
qsizetype skipString(QByteArrayView text, qsizetype i)
{
    for (++i; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '\\')
            ++i;
        else if (c == '"')
            return i + 1;
    }
    return text.size();
}

// From the first character of a value at `i` to just after it.
qsizetype skipValue(QByteArrayView text, qsizetype i)
{
    if (i >= text.size())
        return i;
    const char first = text.at(i);
    if (first == '"')
        return skipString(text, i);
    if (first == '{' || first == '[') {
        int depth = 0;
        while (i < text.size()) {
            const char c = text.at(i);
            if (c == '"') {
                i = skipString(text, i);
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i + 1;
            ++i;
        }
        return i;
    }
    // A number, true, false or null: up to the next delimiter.
    while (i < text.size() && !isSpace(text.at(i)) && text.at(i) != ','
           && text.at(i) != '}' && text.at(i) != ']')
        ++i;
    return i;
}

} // namespace

QByteArrayView member(QByteArrayView object, QByteArrayView name)
{
    qsizetype i = skipSpace(object, 0);
    if (i >= object.size() || object.at(i) != '{')
        return {};
    i = skipSpace(object, i + 1);
    while (i < object.size() && object.at(i) == '"') {
        const qsizetype keyEnd = skipString(object, i);
        const QByteArrayView key = object.sliced(i + 1, std::max<qsizetype>(0, keyEnd - i - 2));
        i = skipSpace(object, keyEnd);
        if (i >= object.size() || object.at(i) != ':')
            return {};
        i = skipSpace(object, i + 1);
        const qsizetype valueEnd = skipValue(object, i);
        if (key == name)
            return object.sliced(i, valueEnd - i);
        i = skipSpace(object, valueEnd);
        if (i >= object.size() || object.at(i) != ',')
            return {};
        i = skipSpace(object, i + 1);
    }
    return {};
}

QList<QByteArrayView> elements(QByteArrayView array)
{
    QList<QByteArrayView> list;
    qsizetype i = skipSpace(array, 0);
    if (i >= array.size() || array.at(i) != '[')
        return list;
    i = skipSpace(array, i + 1);
    while (i < array.size() && array.at(i) != ']') {
        const qsizetype end = skipValue(array, i);
        if (end <= i)
            break;
        list << array.sliced(i, end - i);
        i = skipSpace(array, end);
        if (i < array.size() && array.at(i) == ',')
            i = skipSpace(array, i + 1);
    }
    return list;
}

} // namespace chartkey::jsontext

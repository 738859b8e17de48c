// Pieces of a JSON text as they were written: an object member's value, an array's elements.
// For handing on what a server sent without rewriting it: QJsonDocument sorts an object's
// members and rewrites numbers (a FHIR decimal 1.50 would become 1.5, another precision).
// The text must be valid JSON (QJsonDocument::fromJson said so); the views point into it.
#pragma once

#include <QByteArrayView>
#include <QList>

namespace chartkey::jsontext {

// The text of the value of member `name` of the object `object` (its own members only, not
// those of nested objects); a null view when there is no such member or `object` is no
// object. Names are compared as written (an escaped name does not match).
QByteArrayView member(QByteArrayView object, QByteArrayView name);

// The texts of the elements of the array `array`; empty when it is no array.
QList<QByteArrayView> elements(QByteArrayView array);

} // namespace chartkey::jsontext

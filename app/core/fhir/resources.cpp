#include "resources.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chartkey::fhir {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::fhir", text);
}

// A searchset Bundle's outline: total, next link, and the entries' resources with their
// search mode ("match", "include").
struct BundleOutline
{
    int total = -1;
    QUrl next;
    QList<QPair<QJsonObject, QString>> entries; // resource, search.mode
    Failure failure;
};

BundleOutline readBundle(const QByteArray &json, const QUrl &requestUrl)
{
    BundleOutline out;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const QJsonObject bundle = doc.object();
    if (error.error != QJsonParseError::NoError || !doc.isObject()
        || bundle.value(QStringLiteral("resourceType")).toString() != QLatin1String("Bundle")) {
        out.failure = Failure::make(Failure::Kind::Malformed,
                                    tr("The FHIR server sent something that is not a Bundle. "
                                       "Check the FHIR base URL of the profile."),
                                    error.error != QJsonParseError::NoError
                                            ? error.errorString()
                                            : QStringLiteral("resourceType is not Bundle"));
        return out;
    }
    if (bundle.value(QStringLiteral("total")).isDouble())
        out.total = bundle.value(QStringLiteral("total")).toInt();
    const QJsonArray links = bundle.value(QStringLiteral("link")).toArray();
    for (const QJsonValue &link : links) {
        const QJsonObject l = link.toObject();
        if (l.value(QStringLiteral("relation")).toString() == QLatin1String("next")) {
            const QUrl next(l.value(QStringLiteral("url")).toString());
            if (next.isValid() && !next.isEmpty())
                out.next = requestUrl.resolved(next);
        }
    }
    const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
    for (const QJsonValue &entry : entries) {
        const QJsonObject e = entry.toObject();
        out.entries.append({e.value(QStringLiteral("resource")).toObject(),
                            e.value(QStringLiteral("search"))
                                    .toObject()
                                    .value(QStringLiteral("mode"))
                                    .toString()});
    }
    return out;
}

// The resources of `type` in a Bundle that are matches (not included alongside).
template<typename T, typename Parse>
Page<T> parseBundle(const QByteArray &json, const QUrl &requestUrl, const QString &type,
                    Parse parse)
{
    const BundleOutline outline = readBundle(json, requestUrl);
    Page<T> page;
    page.failure = outline.failure;
    page.total = outline.total;
    page.next = outline.next;
    for (const auto &[resource, mode] : outline.entries) {
        if (mode != QLatin1String("include")
            && resource.value(QStringLiteral("resourceType")).toString() == type)
            page.items.append(parse(resource));
    }
    return page;
}

Patient parsePatient(const QJsonObject &r)
{
    Patient p;
    p.id = r.value(QStringLiteral("id")).toString();
    const QJsonArray names = r.value(QStringLiteral("name")).toArray();
    QJsonObject chosen = names.isEmpty() ? QJsonObject() : names.first().toObject();
    for (const QJsonValue &n : names) {
        if (n.toObject().value(QStringLiteral("use")).toString() == QLatin1String("official")) {
            chosen = n.toObject();
            break;
        }
    }
    p.family = chosen.value(QStringLiteral("family")).toString();
    const QJsonArray given = chosen.value(QStringLiteral("given")).toArray();
    for (const QJsonValue &g : given)
        p.given << g.toString();
    p.birthDate = QDate::fromString(r.value(QStringLiteral("birthDate")).toString(), Qt::ISODate);
    p.gender = r.value(QStringLiteral("gender")).toString();
    const QJsonArray ids = r.value(QStringLiteral("identifier")).toArray();
    if (!ids.isEmpty())
        p.mrn = ids.first().toObject().value(QStringLiteral("value")).toString();
    return p;
}

Appointment parseAppointment(const QJsonObject &r)
{
    Appointment a;
    a.id = r.value(QStringLiteral("id")).toString();
    a.start = QDateTime::fromString(r.value(QStringLiteral("start")).toString(), Qt::ISODate);
    a.end = QDateTime::fromString(r.value(QStringLiteral("end")).toString(), Qt::ISODate);
    a.status = r.value(QStringLiteral("status")).toString();
    const QJsonObject type = r.value(QStringLiteral("appointmentType")).toObject();
    a.type = type.value(QStringLiteral("text")).toString();
    if (a.type.isEmpty()) {
        const QJsonArray codings = type.value(QStringLiteral("coding")).toArray();
        if (!codings.isEmpty())
            a.type = codings.first().toObject().value(QStringLiteral("display")).toString();
    }
    if (a.type.isEmpty())
        a.type = r.value(QStringLiteral("description")).toString();
    const QJsonArray extensions = r.value(QStringLiteral("extension")).toArray();
    for (const QJsonValue &e : extensions) {
        const QJsonObject ext = e.toObject();
        if (ext.value(QStringLiteral("url")).toString() == QLatin1String(kNoteIdExtension)) {
            a.noteId = ext.value(QStringLiteral("valueId")).toString();
            if (a.noteId.isEmpty())
                a.noteId = ext.value(QStringLiteral("valueString")).toString();
        }
    }
    const QJsonArray participants = r.value(QStringLiteral("participant")).toArray();
    for (const QJsonValue &p : participants) {
        const QJsonObject actor = p.toObject().value(QStringLiteral("actor")).toObject();
        const QString reference = actor.value(QStringLiteral("reference")).toString();
        if (const QString id = referenceId(reference, QStringLiteral("Patient"));
            !id.isEmpty() && a.patientId.isEmpty()) {
            a.patientId = id;
        } else if (const QString pr = referenceId(reference, QStringLiteral("Practitioner"));
                   !pr.isEmpty()) {
            a.practitionerIds << pr;
        } else if (const QString loc = referenceId(reference, QStringLiteral("Location"));
                   !loc.isEmpty() && a.locationId.isEmpty()) {
            a.locationId = loc;
            a.locationName = actor.value(QStringLiteral("display")).toString();
        }
    }
    return a;
}

Practitioner parsePractitioner(const QJsonObject &r)
{
    Practitioner p;
    p.id = r.value(QStringLiteral("id")).toString();
    const QJsonArray names = r.value(QStringLiteral("name")).toArray();
    QJsonObject chosen = names.isEmpty() ? QJsonObject() : names.first().toObject();
    for (const QJsonValue &n : names) {
        if (n.toObject().value(QStringLiteral("use")).toString() == QLatin1String("official")) {
            chosen = n.toObject();
            break;
        }
    }
    p.name = chosen.value(QStringLiteral("text")).toString();
    if (p.name.isEmpty()) {
        QStringList parts;
        for (const QString &key : {QStringLiteral("prefix"), QStringLiteral("given")}) {
            const QJsonArray values = chosen.value(key).toArray();
            for (const QJsonValue &v : values)
                parts << v.toString();
        }
        parts << chosen.value(QStringLiteral("family")).toString();
        parts.removeAll(QString());
        p.name = parts.join(QLatin1Char(' '));
    }
    const QJsonArray ids = r.value(QStringLiteral("identifier")).toArray();
    for (const QJsonValue &i : ids) {
        const QJsonObject identifier = i.toObject();
        if (identifier.value(QStringLiteral("system")).toString()
            == QLatin1String("http://hl7.org/fhir/sid/us-npi"))
            p.npi = identifier.value(QStringLiteral("value")).toString();
    }
    return p;
}

Location parseLocation(const QJsonObject &r)
{
    return {r.value(QStringLiteral("id")).toString(), r.value(QStringLiteral("name")).toString()};
}

// The resource of a read, when it is of `type`.
std::optional<QJsonObject> readResource(const QByteArray &json, const QString &type,
                                        Failure *failure)
{
    QJsonParseError error;
    const QJsonObject r = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError
        || r.value(QStringLiteral("resourceType")).toString() != type) {
        *failure = Failure::make(Failure::Kind::Malformed,
                                 tr("The FHIR server sent something that is not a %1.").arg(type),
                                 error.error != QJsonParseError::NoError
                                         ? error.errorString()
                                         : QStringLiteral("resourceType is not ") + type);
        return std::nullopt;
    }
    return r;
}

} // namespace

QString Patient::displayName() const
{
    const QString givenNames = given.join(QLatin1Char(' '));
    if (family.isEmpty())
        return givenNames;
    return givenNames.isEmpty() ? family : family + QStringLiteral(", ") + givenNames;
}

int Patient::ageOn(const QDate &day) const
{
    if (!birthDate.isValid() || !day.isValid() || birthDate > day)
        return -1;
    int years = day.year() - birthDate.year();
    if (day.month() < birthDate.month()
        || (day.month() == birthDate.month() && day.day() < birthDate.day()))
        --years;
    return years;
}

QString referenceId(const QString &reference, const QString &type)
{
    QStringList parts = reference.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    // ".../Practitioner/123/_history/2": the version is not part of the id
    if (parts.size() >= 4 && parts.at(parts.size() - 2) == QLatin1String("_history"))
        parts = parts.mid(0, parts.size() - 2);
    if (parts.size() < 2 || parts.at(parts.size() - 2) != type)
        return {};
    return parts.constLast();
}

Page<Patient> parsePatientBundle(const QByteArray &json, const QUrl &requestUrl)
{
    return parseBundle<Patient>(json, requestUrl, QStringLiteral("Patient"), parsePatient);
}

Page<Appointment> parseAppointmentBundle(const QByteArray &json, const QUrl &requestUrl)
{
    return parseBundle<Appointment>(json, requestUrl, QStringLiteral("Appointment"),
                                    static_cast<Appointment (*)(const QJsonObject &)>(
                                            parseAppointment));
}

AppointmentBundle parseAppointmentSearch(const QByteArray &json, const QUrl &requestUrl)
{
    AppointmentBundle result;
    result.page = parseAppointmentBundle(json, requestUrl);
    if (result.page.failure)
        return result;
    const BundleOutline outline = readBundle(json, requestUrl);
    for (const auto &[resource, mode] : outline.entries) {
        if (mode == QLatin1String("include")
            && resource.value(QStringLiteral("resourceType")).toString() == QLatin1String("Patient"))
            result.includedPatients.append(parsePatient(resource));
    }
    return result;
}

Page<Practitioner> parsePractitionerBundle(const QByteArray &json, const QUrl &requestUrl)
{
    return parseBundle<Practitioner>(json, requestUrl, QStringLiteral("Practitioner"),
                                     static_cast<Practitioner (*)(const QJsonObject &)>(
                                             parsePractitioner));
}

Page<Location> parseLocationBundle(const QByteArray &json, const QUrl &requestUrl)
{
    return parseBundle<Location>(json, requestUrl, QStringLiteral("Location"), parseLocation);
}

std::optional<Appointment> parseAppointment(const QByteArray &json, Failure *failure)
{
    const auto r = readResource(json, QStringLiteral("Appointment"), failure);
    if (!r)
        return std::nullopt;
    return parseAppointment(*r);
}

std::optional<Practitioner> parsePractitioner(const QByteArray &json, Failure *failure)
{
    const auto r = readResource(json, QStringLiteral("Practitioner"), failure);
    if (!r)
        return std::nullopt;
    return parsePractitioner(*r);
}

QString personName(const QByteArray &resourceJson)
{
    const QJsonArray names =
            QJsonDocument::fromJson(resourceJson).object().value(QStringLiteral("name")).toArray();
    QJsonObject chosen = names.isEmpty() ? QJsonObject() : names.first().toObject();
    for (const QJsonValue &n : names) {
        if (n.toObject().value(QStringLiteral("use")).toString() == QLatin1String("official")) {
            chosen = n.toObject();
            break;
        }
    }
    if (const QString text = chosen.value(QStringLiteral("text")).toString(); !text.isEmpty())
        return text;
    QStringList parts;
    for (const char *list : {"prefix", "given"}) {
        const QJsonArray values = chosen.value(QLatin1String(list)).toArray();
        for (const QJsonValue &v : values)
            parts << v.toString();
    }
    parts << chosen.value(QStringLiteral("family")).toString();
    parts.removeAll(QString());
    return parts.join(QLatin1Char(' '));
}

} // namespace chartkey::fhir

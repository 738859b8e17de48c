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

template<typename T, typename Parse>
Page<T> parseBundle(const QByteArray &json, const QUrl &requestUrl, const QString &type,
                    Parse parse)
{
    Page<T> page;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const QJsonObject bundle = doc.object();
    if (error.error != QJsonParseError::NoError || !doc.isObject()
        || bundle.value(QStringLiteral("resourceType")).toString() != QLatin1String("Bundle")) {
        page.failure = Failure::make(Failure::Kind::Malformed,
                                     tr("The FHIR server sent something that is not a Bundle. "
                                        "Check the FHIR base URL of the profile."),
                                     error.error != QJsonParseError::NoError
                                             ? error.errorString()
                                             : QStringLiteral("resourceType is not Bundle"));
        return page;
    }
    if (bundle.value(QStringLiteral("total")).isDouble())
        page.total = bundle.value(QStringLiteral("total")).toInt();
    const QJsonArray links = bundle.value(QStringLiteral("link")).toArray();
    for (const QJsonValue &link : links) {
        const QJsonObject l = link.toObject();
        if (l.value(QStringLiteral("relation")).toString() == QLatin1String("next")) {
            const QUrl next(l.value(QStringLiteral("url")).toString());
            if (next.isValid() && !next.isEmpty())
                page.next = requestUrl.resolved(next);
        }
    }
    const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
    for (const QJsonValue &entry : entries) {
        const QJsonObject resource = entry.toObject().value(QStringLiteral("resource")).toObject();
        if (resource.value(QStringLiteral("resourceType")).toString() == type)
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
    a.status = r.value(QStringLiteral("status")).toString();
    const QJsonObject type = r.value(QStringLiteral("appointmentType")).toObject();
    a.type = type.value(QStringLiteral("text")).toString();
    if (a.type.isEmpty()) {
        const QJsonArray codings = type.value(QStringLiteral("coding")).toArray();
        if (!codings.isEmpty())
            a.type = codings.first().toObject().value(QStringLiteral("display")).toString();
    }
    const QJsonArray extensions = r.value(QStringLiteral("extension")).toArray();
    for (const QJsonValue &e : extensions) {
        const QJsonObject ext = e.toObject();
        if (ext.value(QStringLiteral("url")).toString() == QLatin1String(kNoteIdExtension)) {
            a.noteId = ext.value(QStringLiteral("valueId")).toString();
            if (a.noteId.isEmpty())
                a.noteId = ext.value(QStringLiteral("valueString")).toString();
        }
    }
    return a;
}

} // namespace

QString Patient::displayName() const
{
    const QString givenNames = given.join(QLatin1Char(' '));
    if (family.isEmpty())
        return givenNames;
    return givenNames.isEmpty() ? family : family + QStringLiteral(", ") + givenNames;
}

Page<Patient> parsePatientBundle(const QByteArray &json, const QUrl &requestUrl)
{
    return parseBundle<Patient>(json, requestUrl, QStringLiteral("Patient"), parsePatient);
}

Page<Appointment> parseAppointmentBundle(const QByteArray &json, const QUrl &requestUrl)
{
    return parseBundle<Appointment>(json, requestUrl, QStringLiteral("Appointment"),
                                    parseAppointment);
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

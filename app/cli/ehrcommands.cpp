// chartkey patients|note
#include "commandline.h"
#include "context.h"

#include "fhir/fhirclient.h"
#include "notes/notebatch.h"
#include "notes/notesclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chartkey::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::cli", text);
}

QJsonObject toJson(const fhir::Patient &p)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), p.id);
    o.insert(QStringLiteral("family"), p.family);
    o.insert(QStringLiteral("given"), QJsonArray::fromStringList(p.given));
    o.insert(QStringLiteral("birthDate"), p.birthDate.toString(Qt::ISODate));
    o.insert(QStringLiteral("gender"), p.gender);
    o.insert(QStringLiteral("mrn"), p.mrn);
    return o;
}

struct PatientListing
{
    QList<fhir::Patient> patients;
    int total = -1;
};

void fetchPatients(Context &ctx, FhirClient *fhirClient, PatientPageReply *reply, int limit,
                   std::shared_ptr<PatientListing> listing)
{
    reply->then(&ctx,
                     [&ctx, fhirClient, limit, listing](const fhir::Page<fhir::Patient> &page) {
                         if (page.failure) {
                             ctx.fail(page.failure);
                             return;
                         }
                         if (listing->total < 0)
                             listing->total = page.total;
                         for (const auto &patient : page.items) {
                             if (listing->patients.size() < limit)
                                 listing->patients << patient;
                         }
                         if (listing->patients.size() < limit && page.next.isValid()
                             && !page.next.isEmpty()) {
                             fetchPatients(ctx, fhirClient, fhirClient->patientPage(page.next),
                                           limit, listing);
                             return;
                         }
                         if (ctx.json) {
                             QJsonArray list;
                             for (const auto &patient : std::as_const(listing->patients))
                                 list.append(toJson(patient));
                             ctx.out << QJsonDocument(list).toJson(QJsonDocument::Indented);
                         } else {
                             for (const auto &patient : std::as_const(listing->patients))
                                 ctx.out << patient.id << '\t' << patient.displayName() << '\t'
                                         << patient.birthDate.toString(Qt::ISODate) << '\t'
                                         << patient.gender << '\t' << patient.mrn << Qt::endl;
                             ctx.err << tr("%1 patient(s) shown%2.")
                                                .arg(listing->patients.size())
                                                .arg(listing->total >= 0
                                                             ? tr(" of %1").arg(listing->total)
                                                             : QString())
                                     << Qt::endl;
                         }
                         ctx.finish(Ok);
                     });
}

} // namespace

int runPatients(Context &ctx, const QCommandLineParser &p)
{
    const int max = p.value(QStringLiteral("limit")).toInt(); // positive (commandtable.cpp)
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    QUrlQuery query;
    for (const char *key : {"name", "family", "given", "birthdate"}) {
        if (p.isSet(QString::fromLatin1(key)))
            query.addQueryItem(QString::fromLatin1(key), p.value(QString::fromLatin1(key)));
    }
    FhirClient *fhirClient = ctx.connect(*profile)->fhir();
    fetchPatients(ctx, fhirClient, fhirClient->searchPatients(query, std::min(max, 100)), max,
                  std::make_shared<PatientListing>());
    return kPending;
}

int runAppointments(Context &ctx, const QCommandLineParser &p)
{
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    FhirClient *fhirClient = ctx.connect(*profile)->fhir();
    fhirClient->appointments(p.positionalArguments().first())
            ->then(&ctx, [&ctx](const fhir::Page<fhir::Appointment> &page) {
                         if (page.failure) {
                             ctx.fail(page.failure);
                             return;
                         }
                         if (ctx.json) {
                             QJsonArray list;
                             for (const auto &a : page.items)
                                 list.append(QJsonObject{
                                         {QStringLiteral("id"), a.id},
                                         {QStringLiteral("start"), a.start.toString(Qt::ISODate)},
                                         {QStringLiteral("type"), a.type},
                                         {QStringLiteral("status"), a.status},
                                         {QStringLiteral("noteId"), a.noteId}});
                             ctx.out << QJsonDocument(list).toJson(QJsonDocument::Indented);
                         } else {
                             for (const auto &a : page.items)
                                 ctx.out << a.id << '\t' << a.start.toString(Qt::ISODate) << '\t'
                                         << a.type << '\t' << a.status << '\t'
                                         << (a.noteId.isEmpty() ? QStringLiteral("-") : a.noteId)
                                         << Qt::endl;
                         }
                         ctx.finish(Ok);
                     });
    return kPending;
}

int runNote(Context &ctx, const QCommandLineParser &p)
{
    // A known ACTION, then at least one NOTE_ID (commandtable.cpp).
    QStringList positional = p.positionalArguments();
    const auto action = noteActionFromName(positional.takeFirst());
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    auto *batch = new NoteBatch(ctx.connect(*profile)->notes(), *action, positional, &ctx);
    QObject::connect(batch, &NoteBatch::noteFinished, &ctx, [&ctx](const NoteResult &r) {
        if (ctx.json) {
            QJsonObject o;
            o.insert(QStringLiteral("noteId"), r.noteId);
            o.insert(QStringLiteral("action"), commandName(r.action));
            o.insert(QStringLiteral("done"), r.done);
            o.insert(QStringLiteral("state"), r.state);
            o.insert(QStringLiteral("message"), r.message);
            ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        } else {
            (r.done ? ctx.out : ctx.err) << r.noteId << ": " << r.message << Qt::endl;
        }
    });
    batch->then(&ctx, [&ctx](const QList<NoteResult> &results) {
        int worst = Ok;
        for (const NoteResult &r : results) {
            if (!r.done)
                worst = std::max(worst, r.failure.kind == Failure::Kind::SignInRequired
                                                ? int(SignInNeeded)
                                                : int(Failed));
        }
        ctx.finish(worst);
    });
    batch->start();
    return kPending;
}

} // namespace chartkey::cli

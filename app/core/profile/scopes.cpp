#include "scopes.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <optional>

namespace chartkey::scopes {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::scopes", text);
}

const QString kLetters = QStringLiteral("cruds");
const QString kExample = QStringLiteral("user/Patient.rs");

const QStringList &fixedScopes()
{
    static const QStringList fixed = {
        QStringLiteral("openid"),         QStringLiteral("profile"),
        QStringLiteral("fhirUser"),       QStringLiteral("offline_access"),
        QStringLiteral("online_access"),  QStringLiteral("launch"),
        QStringLiteral("launch/patient"), QStringLiteral("launch/encounter"),
    };
    return fixed;
}

bool isContext(const QString &context)
{
    return context == QLatin1String("user") || context == QLatin1String("patient")
            || context == QLatin1String("system");
}

bool isResourceType(const QString &type)
{
    static const QRegularExpression re(QStringLiteral("^[A-Z][A-Za-z0-9]*$"));
    return type == QLatin1String("*") || re.match(type).hasMatch();
}

bool isV1Permission(const QString &perm)
{
    return perm == QLatin1String("read") || perm == QLatin1String("write")
            || perm == QLatin1String("*");
}

// Letters of "cruds", each once and in that order.
bool isV2Permission(const QString &perm)
{
    if (perm.isEmpty())
        return false;
    qsizetype last = -1;
    for (const QChar c : perm) {
        const qsizetype at = kLetters.indexOf(c);
        if (at <= last)
            return false;
        last = at;
    }
    return true;
}

// SMART v1 permissions as v2 letters: read = rs, write = cud, * = cruds.
QString v2Letters(const QString &perm)
{
    if (perm == QLatin1String("read"))
        return QStringLiteral("rs");
    if (perm == QLatin1String("write"))
        return QStringLiteral("cud");
    if (perm == QLatin1String("*"))
        return kLetters;
    QString letters;
    for (const QChar c : kLetters) {
        if (perm.contains(c))
            letters += c;
    }
    return letters;
}

bool isQuery(const QString &query)
{
    static const QRegularExpression pair(QStringLiteral("^[A-Za-z0-9_.:-]+=[^&]+$"));
    if (query.isEmpty())
        return false;
    const QStringList parts = query.split(QLatin1Char('&'));
    for (const QString &part : parts) {
        if (!pair.match(part).hasMatch())
            return false;
    }
    return true;
}

// A resource scope taken apart: context/type.permission?query.
struct Parts
{
    QString context;
    QString type;
    QString permission;
    QString query;
    bool hasDot = false;
    bool hasQuery = false;
};

std::optional<Parts> partsOf(const QString &scope)
{
    const qsizetype slash = scope.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return std::nullopt;
    Parts p;
    p.context = scope.left(slash);
    QString rest = scope.mid(slash + 1);
    if (const qsizetype q = rest.indexOf(QLatin1Char('?')); q >= 0) {
        p.hasQuery = true;
        p.query = rest.mid(q + 1);
        rest.truncate(q);
    }
    if (const qsizetype dot = rest.indexOf(QLatin1Char('.')); dot >= 0) {
        p.hasDot = true;
        p.type = rest.left(dot);
        p.permission = rest.mid(dot + 1);
    } else {
        p.type = rest;
    }
    return p;
}

// True when `scope` is valid (problemOf() says why not).
bool isValid(const QString &scope)
{
    if (fixedScopes().contains(scope))
        return true;
    const auto p = partsOf(scope);
    if (!p || !isContext(p->context) || !p->hasDot || !isResourceType(p->type))
        return false;
    if (isV1Permission(p->permission))
        return !p->hasQuery;
    return isV2Permission(p->permission) && (!p->hasQuery || isQuery(p->query));
}

// The scope with its fixable mistakes corrected (case, letter order, v1 with a query), or
// the example when that still is not a valid scope.
QString suggestion(const QString &scope)
{
    for (const QString &fixed : fixedScopes()) {
        QString normal = scope;
        normal.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (normal.compare(fixed, Qt::CaseInsensitive) == 0)
            return fixed;
    }
    auto p = partsOf(scope);
    if (!p)
        return kExample;
    p->context = p->context.toLower();
    if (p->type.isEmpty())
        p->type = QStringLiteral("Patient");
    else if (p->type != QLatin1String("*"))
        p->type[0] = p->type.at(0).toUpper();
    QString perm = p->permission.toLower();
    if (!isV1Permission(perm) || p->hasQuery)
        perm = v2Letters(perm);
    if (perm.isEmpty())
        perm = QStringLiteral("rs");
    QString fixed = p->context + QLatin1Char('/') + p->type + QLatin1Char('.') + perm;
    if (p->hasQuery && !p->query.isEmpty())
        fixed += QLatin1Char('?') + p->query;
    return isValid(fixed) ? fixed : kExample;
}

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

// The sentence for a scope that is a fixed scope spelt differently.
QString exactly(const QString &scope, const QString &right)
{
    if (scope.compare(right, Qt::CaseInsensitive) == 0)
        return tr("%1 is not a SMART scope; write it exactly as %2 (scopes are "
                  "case-sensitive).")
                .arg(quoted(scope), right);
    return tr("%1 is not a SMART scope; write it exactly as %2.").arg(quoted(scope), right);
}

QString problemOf(const QString &scope)
{
    if (isValid(scope))
        return {};
    if (scope.contains(QLatin1Char(','))) {
        QString spaced = scope;
        spaced.replace(QLatin1Char(','), QLatin1Char(' '));
        return tr("%1: separate scopes with spaces, not commas: %2.")
                .arg(quoted(scope), spaced.simplified());
    }
    const auto p = partsOf(scope);
    if (!p) {
        const QString right = suggestion(scope);
        if (right != kExample)
            return exactly(scope, right);
        return tr("%1 is not a SMART scope; use openid, fhirUser, offline_access, launch, or "
                  "a resource scope such as user/Patient.rs.")
                .arg(quoted(scope));
    }
    if (p->context.compare(QLatin1String("launch"), Qt::CaseInsensitive) == 0) {
        const QString right = suggestion(scope);
        if (right != kExample)
            return exactly(scope, right);
        return tr("%1 is not a SMART scope; the launch scopes are launch, launch/patient and "
                  "launch/encounter.")
                .arg(quoted(scope));
    }
    if (!isContext(p->context)) {
        if (isContext(p->context.toLower()))
            return tr("%1: the context must be lowercase, as in %2.")
                    .arg(quoted(scope), suggestion(scope));
        return tr("%1 starts with %2; a resource scope starts with user/, patient/ or system/, "
                  "as in %3.")
                .arg(quoted(scope), quoted(p->context + QLatin1Char('/')), suggestion(scope));
    }
    if (!p->hasDot)
        return tr("%1 has no permission; add one after a dot, as in %2 (SMART v2) or "
                  "%3.read (SMART v1).")
                .arg(quoted(scope), suggestion(scope),
                     p->context + QLatin1Char('/')
                             + (p->type.isEmpty() ? QStringLiteral("Patient") : p->type));
    if (p->type.isEmpty())
        return tr("%1 has no resource type; put a FHIR resource type such as Patient, or * for "
                  "all, between the / and the dot: %2.")
                .arg(quoted(scope), suggestion(scope));
    if (!isResourceType(p->type)) {
        static const QRegularExpression lowercase(QStringLiteral("^[a-z][A-Za-z0-9]*$"));
        if (lowercase.match(p->type).hasMatch())
            return tr("%1: the resource type must be capitalised, as in %2.")
                    .arg(quoted(scope), suggestion(scope));
        return tr("%1: %2 is not a resource type; use a FHIR resource type such as Patient, "
                  "or * for all.")
                .arg(quoted(scope), quoted(p->type));
    }
    const QString &perm = p->permission;
    if (isV1Permission(perm)) {
        if (p->hasQuery)
            return tr("%1: search parameters (?\u2026) need a SMART v2 permission such as rs, "
                      "as in %2.")
                    .arg(quoted(scope), suggestion(scope));
    } else if (!isV2Permission(perm)) {
        static const QRegularExpression letters(QStringLiteral("^[cruds]+$"));
        static const QRegularExpression anyCase(QStringLiteral("^([cruds]+|read|write)$"),
                                                QRegularExpression::CaseInsensitiveOption);
        if (perm.isEmpty())
            return tr("%1 has an empty permission; use read or write (SMART v1) or letters of "
                      "cruds such as rs (SMART v2), as in %2.")
                    .arg(quoted(scope), suggestion(scope));
        if (letters.match(perm).hasMatch())
            return tr("%1: the permission letters go once each in the order c, r, u, d, s, as "
                      "in %2.")
                    .arg(quoted(scope), suggestion(scope));
        if (anyCase.match(perm).hasMatch())
            return tr("%1: permissions are lowercase, as in %2.")
                    .arg(quoted(scope), suggestion(scope));
        return tr("%1: %2 is not a permission; use read, write or * (SMART v1), or letters of "
                  "c, r, u, d, s in that order such as rs (SMART v2).")
                .arg(quoted(scope), quoted(perm));
    }
    // What is left: the search parameters (isValid() accepted everything else).
    return tr("%1: what follows the ? must be name=value search parameters joined by &, as "
              "in patient/Observation.rs?category=laboratory.")
            .arg(quoted(scope));
}

// What a granted resource scope allows, for comparison.
struct Grant
{
    QString context;
    QString type;
    QString letters; // v2
    QString query;
};

std::optional<Grant> grantOf(const QString &scope)
{
    if (!isValid(scope))
        return std::nullopt;
    const auto p = partsOf(scope);
    if (!p || !isContext(p->context))
        return std::nullopt;
    return Grant{p->context, p->type, v2Letters(p->permission), p->query};
}

bool covers(const Grant &granted, const Grant &requested)
{
    if (granted.context != requested.context)
        return false;
    if (granted.type != requested.type && granted.type != QLatin1String("*"))
        return false;
    if (!granted.query.isEmpty() && granted.query != requested.query)
        return false;
    for (const QChar c : requested.letters) {
        if (!granted.letters.contains(c))
            return false;
    }
    return true;
}

} // namespace

QStringList split(const QString &scope)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return scope.split(space, Qt::SkipEmptyParts);
}

QStringList problems(const QString &scope)
{
    QStringList result;
    const QStringList list = split(scope);
    for (const QString &s : list) {
        if (QString problem = problemOf(s); !problem.isEmpty())
            result << problem;
    }
    return result;
}

QStringList missing(const QString &requested, const QString &granted)
{
    const QStringList grantedList = split(granted);
    QList<Grant> grants;
    for (const QString &g : grantedList) {
        if (auto parsed = grantOf(g))
            grants << *parsed;
    }
    QStringList result;
    const QStringList requestedList = split(requested);
    for (const QString &r : requestedList) {
        if (grantedList.contains(r))
            continue;
        bool covered = false;
        if (const auto wanted = grantOf(r)) {
            for (const Grant &g : std::as_const(grants)) {
                if (covers(g, *wanted)) {
                    covered = true;
                    break;
                }
            }
        }
        if (!covered && !result.contains(r))
            result << r;
    }
    return result;
}

} // namespace chartkey::scopes

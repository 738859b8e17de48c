#include "apicall.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace chartkey::api {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::api", text);
}

const QList<QByteArray> &methods()
{
    static const QList<QByteArray> list{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};
    return list;
}

// The methods that carry a body: fields become its JSON members.
bool takesBody(const QByteArray &method)
{
    return method == "POST" || method == "PUT" || method == "PATCH";
}

bool fieldsGoToQuery(const Call &call)
{
    return !takesBody(methodOf(call)) || call.body.has_value();
}

// An RFC 9110 token: the characters a header name may have.
bool isToken(const QByteArray &name)
{
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    return token.match(QString::fromLatin1(name)).hasMatch();
}

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Double:
        return QString::number(value.toInteger());
    default:
        return value.toString();
    }
}

QUrl originOf(const QUrl &url)
{
    QUrl origin;
    origin.setScheme(url.scheme().toLower());
    origin.setHost(url.host().toLower());
    origin.setPort(url.port());
    return origin;
}

QString originsText(const Profile &profile)
{
    QStringList list;
    for (const QUrl &origin : tokenOrigins(profile))
        list << origin.toString();
    return list.join(QStringLiteral(", "));
}

// Which API a full URL is on, for its content types: the notes API when it lies under the
// notes base, else FHIR.
Base baseOfUrl(const Profile &profile, const QUrl &url)
{
    const QUrl notes = profile.notesBaseUrl;
    if (!notes.isEmpty() && isSameOrigin(notes, url)) {
        QString prefix = notes.path();
        if (!prefix.endsWith(QLatin1Char('/')))
            prefix += QLatin1Char('/');
        if (url.path().startsWith(prefix) || url.path() == notes.path())
            return Base::Notes;
    }
    return Base::Fhir;
}

} // namespace

QByteArray methodOf(const Call &call)
{
    if (call.method.isEmpty())
        return call.body ? QByteArray("POST") : QByteArray("GET");
    return call.method.toUpper();
}

bool isFullUrl(const QString &target)
{
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    return scheme.match(target).hasMatch();
}

QString problemOf(const Call &call)
{
    const QByteArray method = methodOf(call);
    if (!methods().contains(method)) {
        QStringList names;
        for (const QByteArray &m : methods())
            names << QString::fromLatin1(m);
        return tr("Unknown method \"%1\"; the method is one of: %2.")
                .arg(QString::fromUtf8(call.method), names.join(QStringLiteral(", ")));
    }
    if (call.body && !takesBody(method))
        return tr("A %1 request has no body: send one with POST, PUT or PATCH.")
                .arg(QString::fromLatin1(method));

    const QString target = call.target.trimmed();
    if (target.isEmpty())
        return tr("The request needs a path (Patient?name=Briddle) or a URL.");
    if (isFullUrl(target)) {
        const QUrl url(target, QUrl::TolerantMode);
        if (!url.isValid() || url.host().isEmpty()
            || !(url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
            return tr("%1 is neither a path under the profile's API (Patient?name=Briddle) nor "
                      "an https:// URL.")
                    .arg(target);
        if (QString problem = Profile::transportProblem(tr("The URL"), url); !problem.isEmpty())
            return problem;
    }

    const bool toBody = !fieldsGoToQuery(call);
    QSet<QString> names;
    for (const Field &field : call.fields) {
        if (field.name.isEmpty())
            return tr("A field needs a name: NAME=VALUE.");
        if (field.name.contains(QLatin1Char('[')) || field.name.contains(QLatin1Char(']')))
            return tr("\"%1\": nested fields (NAME[KEY]) are not supported; give the whole body "
                      "as JSON instead.")
                    .arg(field.name);
        if (toBody && names.contains(field.name))
            return tr("The field \"%1\" is given twice; a JSON body has one member of each name.")
                    .arg(field.name);
        names.insert(field.name);
    }

    for (const auto &[name, value] : call.headers) {
        if (!isToken(name))
            return tr("\"%1\" is not a header name.").arg(QString::fromLatin1(name));
        if (value.contains('\r') || value.contains('\n'))
            return tr("The value of header %1 has a line break.").arg(QString::fromLatin1(name));
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            return tr("The Authorization header is chartkey's: it sends the profile's token "
                      "there, and no other.");
        for (const char *own : {"Host", "Content-Length"}) {
            if (name.compare(own, Qt::CaseInsensitive) == 0)
                return tr("The %1 header is set from the request itself.")
                        .arg(QString::fromLatin1(own));
        }
    }
    return {};
}

bool isSameOrigin(const QUrl &a, const QUrl &b)
{
    const QString scheme = a.scheme().toLower();
    if (scheme != b.scheme().toLower() || a.host().compare(b.host(), Qt::CaseInsensitive) != 0)
        return false;
    const int defaultPort = scheme == QLatin1String("https") ? 443
            : scheme == QLatin1String("http")                ? 80
                                                             : -1;
    return a.port(defaultPort) == b.port(defaultPort);
}

QList<QUrl> tokenOrigins(const Profile &profile)
{
    QList<QUrl> origins;
    for (const QUrl &url : {profile.fhirBaseUrl, profile.instanceUrl, profile.notesBaseUrl}) {
        if (!url.isValid() || url.host().isEmpty())
            continue;
        const QUrl origin = originOf(url);
        bool known = false;
        for (const QUrl &o : std::as_const(origins))
            known = known || isSameOrigin(o, origin);
        if (!known)
            origins << origin;
    }
    return origins;
}

QString originProblem(const Profile &profile, const QUrl &url)
{
    if (QString problem = Profile::transportProblem(tr("The URL"), url); !problem.isEmpty())
        return problem;
    for (const QUrl &origin : tokenOrigins(profile)) {
        if (isSameOrigin(origin, url))
            return {};
    }
    return tr("The token of %1 goes only to the profile's own servers (%2); %3 is not one of "
              "them. Nothing was sent.")
            .arg(profile.name, originsText(profile), originOf(url).toString());
}

QUrl baseUrl(const Profile &profile, Base base)
{
    return base == Base::Notes ? profile.notesBaseUrl : profile.fhirBaseUrl;
}

std::optional<ApiRequest> buildRequest(const Profile &profile, const Call &call,
                                       QString *problem)
{
    auto refuse = [problem](const QString &why) -> std::optional<ApiRequest> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    if (QString why = problemOf(call); !why.isEmpty())
        return refuse(why);

    QString target = call.target.trimmed();
    target = target.left(target.indexOf(QLatin1Char('#'))); // no fragment goes to a server
    QUrl url;
    Base base = call.base;
    if (isFullUrl(target)) {
        url = QUrl(target, QUrl::TolerantMode);
        base = baseOfUrl(profile, url);
    } else {
        const QUrl root = baseUrl(profile, call.base);
        if (!root.isValid() || root.host().isEmpty())
            return refuse(call.base == Base::Notes
                                  ? tr("The profile %1 has no notes API; give a full URL.")
                                            .arg(profile.name)
                                  : tr("The profile %1 has no FHIR base URL; give a full URL.")
                                            .arg(profile.name));
        const qsizetype mark = target.indexOf(QLatin1Char('?'));
        QString path = target.left(mark);
        while (path.startsWith(QLatin1Char('/')))
            path.remove(0, 1);
        QString rootPath = root.path();
        while (rootPath.endsWith(QLatin1Char('/')))
            rootPath.chop(1);
        url = root;
        url.setPath(rootPath + QLatin1Char('/') + path, QUrl::TolerantMode);
        url.setQuery(mark < 0 ? QString() : target.mid(mark + 1), QUrl::TolerantMode);
        url.setFragment(QString());
    }
    if (QString why = originProblem(profile, url); !why.isEmpty())
        return refuse(why);

    ApiRequest request;
    request.method = methodOf(call);
    const QByteArray type = base == Base::Notes ? QByteArray("application/json")
                                                : QByteArray("application/fhir+json");
    request.accept = type;
    if (fieldsGoToQuery(call)) {
        QString query = url.query(QUrl::FullyEncoded);
        for (const Field &field : call.fields) {
            if (!query.isEmpty())
                query += QLatin1Char('&');
            query += QString::fromLatin1(QUrl::toPercentEncoding(field.name)) + QLatin1Char('=')
                    + QString::fromLatin1(QUrl::toPercentEncoding(valueText(field.value)));
        }
        url.setQuery(query, QUrl::StrictMode);
        if (call.body) {
            request.body = *call.body;
            request.contentType = type;
        }
    } else if (!call.fields.isEmpty()) {
        QJsonObject members;
        for (const Field &field : call.fields)
            members.insert(field.name, field.value);
        request.body = QJsonDocument(members).toJson(QJsonDocument::Compact);
        request.contentType = type;
    }
    request.url = url;
    request.headers = call.headers;
    return request;
}

} // namespace chartkey::api

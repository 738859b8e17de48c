#include "wellknown.h"

#include <QString>

namespace chartkey::wellknown {

namespace {

QUrl withWellKnown(const QUrl &base, const QString &suffix)
{
    QUrl url = base.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/.well-known/") + suffix);
    return url;
}

} // namespace

QUrl smartConfiguration(const QUrl &fhirBase)
{
    return withWellKnown(fhirBase, QStringLiteral("smart-configuration"));
}

QUrl openIdConfiguration(const QUrl &issuer)
{
    return withWellKnown(issuer, QStringLiteral("openid-configuration"));
}

QUrl issuerOf(const QUrl &discoveryUrl)
{
    QUrl url = discoveryUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    QString path = url.path();
    const qsizetype wellKnown = path.indexOf(QLatin1String("/.well-known/"));
    if (wellKnown >= 0)
        path.truncate(wellKnown);
    url.setPath(path);
    return url.adjusted(QUrl::StripTrailingSlash);
}

} // namespace chartkey::wellknown

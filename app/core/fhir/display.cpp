#include "display.h"

#include "resources.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

namespace chartkey::fhir {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::fhir", text);
}

// A date format without its weekday: "dddd, MMMM d, yyyy" → "MMMM d, yyyy".
QString withoutWeekday(QString format)
{
    static const QRegularExpression weekday(QStringLiteral("\\s*d{3,4}[,.]?\\s*"));
    format.replace(weekday, QStringLiteral(" "));
    return format.trimmed();
}

// A time format without seconds: "HH:mm:ss" → "HH:mm"; "h:mm:ss AP" → "h:mm AP".
QString withoutSeconds(QString format)
{
    static const QRegularExpression seconds(QStringLiteral("[:.]ss?(\\.z+)?"));
    format.remove(seconds);
    static const QRegularExpression zone(QStringLiteral("\\s*t+"));
    format.remove(zone);
    return format.trimmed();
}

} // namespace

QString dayText(const QDate &day)
{
    if (!day.isValid())
        return {};
    const QLocale locale;
    return locale.toString(day, withoutWeekday(locale.dateFormat(QLocale::LongFormat)));
}

QString dayWithWeekdayText(const QDate &day)
{
    if (!day.isValid())
        return {};
    const QLocale locale;
    return locale.toString(day, QStringLiteral("ddd ")
                                        + withoutWeekday(locale.dateFormat(QLocale::LongFormat))
                                                  .replace(QStringLiteral("MMMM"),
                                                           QStringLiteral("MMM")));
}

QString timeText(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    const QLocale locale;
    return locale.toString(when.toLocalTime().time(),
                           withoutSeconds(locale.timeFormat(QLocale::ShortFormat)));
}

QString zoneText(const QDateTime &when)
{
    return when.isValid() ? when.toLocalTime().timeZoneAbbreviation() : QString();
}

QString dateTimeText(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    const QLocale locale;
    const QString date = locale.toString(
            local.date(),
            withoutWeekday(locale.dateFormat(QLocale::LongFormat))
                    .replace(QStringLiteral("MMMM"), QStringLiteral("MMM")));
    return tr("%1, %2 %3").arg(date, timeText(local), zoneText(local));
}

QString sexText(const QString &gender)
{
    if (gender == QLatin1String("female"))
        return tr("female");
    if (gender == QLatin1String("male"))
        return tr("male");
    if (gender == QLatin1String("other"))
        return tr("other");
    if (gender.isEmpty() || gender == QLatin1String("unknown"))
        return tr("sex unknown");
    return gender;
}

QString ageText(const Patient &patient, const QDate &today)
{
    const int years = patient.ageOn(today);
    if (years < 0)
        return {};
    if (years >= 2)
        return QCoreApplication::translate("chartkey::fhir", "%n year(s)", nullptr, years);
    int months = (today.year() - patient.birthDate.year()) * 12 + today.month()
            - patient.birthDate.month();
    if (today.day() < patient.birthDate.day())
        --months;
    return QCoreApplication::translate("chartkey::fhir", "%n month(s)", nullptr,
                                       std::max(months, 0));
}

QString shortAgeText(const Patient &patient, const QDate &today)
{
    const int years = patient.ageOn(today);
    if (years < 0)
        return {};
    if (years >= 2)
        return QString::number(years);
    int months = (today.year() - patient.birthDate.year()) * 12 + today.month()
            - patient.birthDate.month();
    if (today.day() < patient.birthDate.day())
        --months;
    return tr("%1 mo").arg(std::max(months, 0));
}

QString mrnText(const QString &mrn)
{
    if (mrn.isEmpty())
        return tr("no MRN");
    if (mrn.startsWith(QLatin1String("MRN"), Qt::CaseInsensitive))
        return mrn;
    return tr("MRN %1").arg(mrn);
}

QString statusText(const QString &status)
{
    if (status == QLatin1String("booked"))
        return tr("booked");
    if (status == QLatin1String("arrived"))
        return tr("arrived");
    if (status == QLatin1String("checked-in"))
        return tr("checked in");
    if (status == QLatin1String("fulfilled"))
        return tr("fulfilled");
    if (status == QLatin1String("noshow"))
        return tr("no-show");
    if (status == QLatin1String("cancelled"))
        return tr("cancelled");
    if (status == QLatin1String("entered-in-error"))
        return tr("entered in error");
    if (status == QLatin1String("pending"))
        return tr("pending");
    return status;
}

QString patientSummary(const Patient &patient, const QDate &today)
{
    QStringList parts{patient.displayName()};
    QStringList who{sexText(patient.gender)};
    if (const QString age = ageText(patient, today); !age.isEmpty())
        who << age;
    parts << who.join(QStringLiteral(", "));
    if (patient.birthDate.isValid())
        parts << tr("born %1").arg(dayText(patient.birthDate));
    parts << mrnText(patient.mrn);
    return parts.join(QStringLiteral(" — "));
}

} // namespace chartkey::fhir

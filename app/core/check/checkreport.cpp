#include "checkreport.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace chartkey::check {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::check", text);
}

QString indent(const QString &text, const QString &prefix)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line.prepend(prefix);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString toString(Status status)
{
    switch (status) {
    case Status::Pass:
        return QStringLiteral("PASS");
    case Status::Warn:
        return QStringLiteral("WARN");
    case Status::Fail:
        return QStringLiteral("FAIL");
    case Status::Skip:
        return QStringLiteral("SKIP");
    }
    return {};
}

bool CheckReport::passed() const
{
    return count(Status::Fail) == 0;
}

int CheckReport::count(Status status) const
{
    int n = 0;
    for (const StepResult &s : steps)
        n += s.status == status ? 1 : 0;
    return n;
}

const StepResult *CheckReport::step(const QString &id) const
{
    for (const StepResult &s : steps) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

QJsonObject CheckReport::toJson() const
{
    QJsonArray array;
    for (const StepResult &s : steps) {
        QJsonObject o{{QStringLiteral("id"), s.id},
                      {QStringLiteral("title"), s.title},
                      {QStringLiteral("status"), toString(s.status)},
                      {QStringLiteral("summary"), s.summary},
                      {QStringLiteral("durationMs"), s.durationMs}};
        if (!s.hint.isEmpty())
            o.insert(QStringLiteral("hint"), s.hint);
        if (!s.answer.isEmpty())
            o.insert(QStringLiteral("answer"), s.answer);
        if (!s.curl.isEmpty())
            o.insert(QStringLiteral("curl"), QJsonArray::fromStringList(s.curl));
        if (!s.probes.isEmpty()) {
            QJsonArray probes;
            for (const ProbeResult &p : s.probes)
                probes.append(QJsonObject{{QStringLiteral("id"), p.id},
                                          {QStringLiteral("status"), toString(p.status)},
                                          {QStringLiteral("summary"), p.summary}});
            o.insert(QStringLiteral("probes"), probes);
        }
        array.append(o);
    }
    QJsonObject counts;
    for (Status st : {Status::Pass, Status::Warn, Status::Fail, Status::Skip})
        counts.insert(toString(st).toLower(), count(st));
    return {{QStringLiteral("schemaVersion"), kSchemaVersion},
            {QStringLiteral("profile"), profile},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("clientId"), clientId},
            {QStringLiteral("started"), started.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("durationMs"), durationMs},
            {QStringLiteral("thorough"), thorough},
            {QStringLiteral("passed"), passed()},
            {QStringLiteral("counts"), counts},
            {QStringLiteral("steps"), array}};
}

QString CheckReport::toText(bool details) const
{
    return tr("Checking the registration of client %1 on profile \"%2\" (%3)\n\n")
                   .arg(clientId, profile, kind)
            + stepsText(details) + QLatin1Char('\n') + summaryText() + QLatin1Char('\n');
}

QString CheckReport::stepsText(bool details) const
{
    QString out;
    for (const StepResult &s : steps) {
        out += QStringLiteral("%1  %2  (%3 ms)\n")
                       .arg(toString(s.status), s.title)
                       .arg(s.durationMs);
        if (!s.summary.isEmpty())
            out += indent(s.summary, QStringLiteral("      ")) + QLatin1Char('\n');
        if (!s.hint.isEmpty())
            out += indent(tr("Hint: ") + s.hint, QStringLiteral("      ")) + QLatin1Char('\n');
        if (details && !s.answer.isEmpty())
            out += indent(tr("Server answered:\n") + s.answer, QStringLiteral("      | "))
                    + QLatin1Char('\n');
        if (details) {
            for (const QString &c : s.curl)
                out += QStringLiteral("      $ ") + c + QLatin1Char('\n');
        }
    }
    return out;
}

QString CheckReport::summaryText() const
{
    return tr("%1 passed, %2 warnings, %3 failed, %4 skipped in %5 ms. %6")
            .arg(count(Status::Pass))
            .arg(count(Status::Warn))
            .arg(count(Status::Fail))
            .arg(count(Status::Skip))
            .arg(durationMs)
            .arg(passed() ? tr("The registration works.")
                          : tr("The registration does not work as configured; see the hints "
                               "above."));
}

CheckReportModel::CheckReportModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CheckReportModel::clear()
{
    beginResetModel();
    m_steps.clear();
    endResetModel();
}

void CheckReportModel::append(const StepResult &step)
{
    const int row = int(m_steps.size());
    beginInsertRows({}, row, row);
    m_steps.append(step);
    endInsertRows();
}

int CheckReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

int CheckReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckReportModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_steps.size())
        return {};
    const StepResult &s = m_steps.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StatusColumn:
            return toString(s.status);
        case StepColumn:
            return s.title;
        case DurationColumn:
            return tr("%1 ms").arg(s.durationMs);
        case SummaryColumn:
            return s.summary.section(QLatin1Char('\n'), 0, 0);
        }
        return {};
    case Qt::ToolTipRole:
        return s.hint.isEmpty() ? s.summary : s.summary + QStringLiteral("\n\n") + s.hint;
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case StatusRole:
        return int(s.status);
    case IdRole:
        return s.id;
    case HintRole:
        return s.hint;
    case AnswerRole:
        return s.answer;
    case CurlRole:
        return s.curl.join(QLatin1Char('\n'));
    }
    return {};
}

QVariant CheckReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn:
        return tr("Result");
    case StepColumn:
        return tr("Step");
    case DurationColumn:
        return tr("Time");
    case SummaryColumn:
        return tr("What was found");
    }
    return {};
}

} // namespace chartkey::check

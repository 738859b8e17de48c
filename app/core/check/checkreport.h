// The report of `chartkey check` and the "Test registration" window: one row per step, with
// its verdict, duration, the server's answer (redacted) and a hint a person can act on.
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace chartkey::check {

enum class Status { Pass, Warn, Fail, Skip };

// The version of the `--json` report's layout: raised when a field changes meaning or goes
// away (new steps and new fields do not raise it). 2: the Inferno-aligned steps of issue 14
// (still 2 with "thorough", the pkce step's "probes" and the revoked-introspection step).
inline constexpr int kSchemaVersion = 2;
QString toString(Status status);   // "PASS", "WARN", "FAIL", "SKIP"

// One of several probes a step makes (the PKCE negatives), each with its own verdict.
struct ProbeResult
{
    QString id;             // "wrong-verifier", "no-verifier", "blank-verifier", "challenge-as-verifier"
    Status status = Status::Skip;
    QString summary;
};

struct StepResult
{
    QString id;             // stable, for machines: "discovery", "redirect-uri", ...
    QString title;          // for people: "Discovery document"
    Status status = Status::Skip;
    QString summary;        // what was found, one or two sentences
    QString hint;           // what to do next (FAIL and WARN; sometimes PASS)
    QString answer;         // the server's answer: status line, headers that matter, body
    QStringList curl;       // the request(s) as curl commands, secrets as placeholders
    qint64 durationMs = 0;
    QList<ProbeResult> probes;    // a step's probes, when it makes several (JSON: "probes")
};

struct CheckReport
{
    QString profile;
    QString kind;           // the profile's preset id
    QString clientId;
    QDateTime started;
    qint64 durationMs = 0;
    bool thorough = false;  // run with --thorough
    QList<StepResult> steps;

    bool passed() const;    // nothing failed
    int count(Status status) const;
    const StepResult *step(const QString &id) const;

    QJsonObject toJson() const;
    // A text report for terminals; `details`: answers and curl commands too.
    QString toText(bool details) const;
    QString stepsText(bool details) const;   // the steps alone
    QString summaryText() const;             // the closing line
};

// Model/view of a report, for the window; rows appear as steps finish.
class CheckReportModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckReportModel)
public:
    enum Column { StatusColumn, StepColumn, DurationColumn, SummaryColumn, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1, IdRole, HintRole, AnswerRole, CurlRole };

    explicit CheckReportModel(QObject *parent = nullptr);

    void clear();
    void append(const StepResult &step);
    const StepResult &step(int row) const { return m_steps.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<StepResult> m_steps;
};

} // namespace chartkey::check

Q_DECLARE_METATYPE(chartkey::check::StepResult)
Q_DECLARE_METATYPE(chartkey::check::CheckReport)

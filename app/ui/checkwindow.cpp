#include "checkwindow.h"

#include "auth/tokenset.h"
#include "auth/urlopener.h"
#include "check/registrationcheck.h"
#include "messagebanner.h"
#include "profile/presets.h"
#include "storage/secretstore.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QJsonDocument>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace chartkey::ui {

using check::CheckReport;
using check::CheckReportModel;
using check::RegistrationCheck;
using check::Status;
using check::StepResult;

namespace {

QColor statusColor(Status status)
{
    switch (status) {
    case Status::Pass:
        return {0x2e, 0x7d, 0x32};   // green
    case Status::Warn:
        return {0xe0, 0x9b, 0x00};   // amber
    case Status::Fail:
        return {0xc6, 0x28, 0x28};   // red
    case Status::Skip:
        break;
    }
    return {0x9e, 0x9e, 0x9e};       // grey
}

// The verdict in words, for screen readers and the detail pane (not colour alone).
QString statusWords(Status status)
{
    switch (status) {
    case Status::Pass:
        return CheckWindow::tr("Passed");
    case Status::Warn:
        return CheckWindow::tr("Warning");
    case Status::Fail:
        return CheckWindow::tr("Failed");
    case Status::Skip:
        break;
    }
    return CheckWindow::tr("Skipped");
}

// A coloured disc with a shape that tells the verdict apart without its colour:
// a tick, an exclamation mark, a cross, a dash.
QIcon statusIcon(Status status)
{
    QIcon icon;
    for (int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(statusColor(status));
        const qreal s = size;
        p.drawEllipse(QRectF(0.5, 0.5, s - 1, s - 1));
        QPen pen(status == Status::Warn ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white),
                 s / 8.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        switch (status) {
        case Status::Pass: {
            QPainterPath tick;
            tick.moveTo(s * 0.27, s * 0.52);
            tick.lineTo(s * 0.44, s * 0.69);
            tick.lineTo(s * 0.74, s * 0.33);
            p.drawPath(tick);
            break;
        }
        case Status::Warn:
            p.drawLine(QPointF(s * 0.5, s * 0.24), QPointF(s * 0.5, s * 0.56));
            p.drawPoint(QPointF(s * 0.5, s * 0.75));
            break;
        case Status::Fail:
            p.drawLine(QPointF(s * 0.32, s * 0.32), QPointF(s * 0.68, s * 0.68));
            p.drawLine(QPointF(s * 0.68, s * 0.32), QPointF(s * 0.32, s * 0.68));
            break;
        case Status::Skip:
            p.drawLine(QPointF(s * 0.3, s * 0.5), QPointF(s * 0.7, s * 0.5));
            break;
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

// The report model as the table shows it: an icon and words for the verdict.
class StatusPresentationModel final : public QIdentityProxyModel
{
public:
    explicit StatusPresentationModel(QObject *parent)
        : QIdentityProxyModel(parent)
    {
        for (Status s : {Status::Pass, Status::Warn, Status::Fail, Status::Skip})
            m_icons[int(s)] = statusIcon(s);
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        const QModelIndex source = mapToSource(index);
        if (source.isValid() && source.column() == CheckReportModel::StatusColumn) {
            const auto status = Status(source.data(CheckReportModel::StatusRole).toInt());
            if (role == Qt::DecorationRole)
                return m_icons[int(status)];
            if (role == Qt::AccessibleTextRole)
                return statusWords(status);
            if (role == Qt::FontRole) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
        }
        if (source.isValid() && role == Qt::AccessibleTextRole)
            return source.data(Qt::DisplayRole);
        return QIdentityProxyModel::data(index, role);
    }

private:
    QIcon m_icons[4];
};

QString grantName(const Profile &profile)
{
    switch (profile.grant) {
    case Profile::Grant::AuthorizationCode:
        return profile.isConfidential()
                ? CheckWindow::tr("authorization code, confidential client")
                : CheckWindow::tr("authorization code + PKCE, public client");
    case Profile::Grant::ClientCredentials:
        return CheckWindow::tr("client credentials");
    case Profile::Grant::StaticToken:
        return CheckWindow::tr("static token");
    }
    return {};
}

QLabel *valueLabel(QWidget *parent, const QString &text, const QString &accessibleName)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(accessibleName);
    return label;
}

QPlainTextEdit *monospaceView(QWidget *parent, const QString &accessibleName,
                              const QString &placeholder)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return edit;
}

// "1 warning" / "3 warnings"; the other counts need no plural.
QString warnings(int n)
{
    return n == 1 ? CheckWindow::tr("1 warning") : CheckWindow::tr("%1 warnings").arg(n);
}

} // namespace

CheckWindow::CheckWindow(const Profile &profile, SecretStore *secrets,
                         QNetworkAccessManager *nam, UrlOpener *opener, const Clock *clock,
                         QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_profile(profile)
    , m_secrets(secrets)
    , m_nam(nam)
    , m_opener(opener)
    , m_clock(clock)
    , m_model(new CheckReportModel(this))
{
    setWindowTitle(tr("Test registration — %1").arg(profile.name));
    setObjectName(QStringLiteral("checkWindow"));
    auto *layout = new QVBoxLayout(this);

    // Header: what is being checked, and the buttons that run it.
    auto *top = new QHBoxLayout;
    auto *header = new QFormLayout;
    header->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *name = valueLabel(this, profile.name, tr("Profile"));
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    header->addRow(tr("Profile:"), name);
    header->addRow(tr("Client ID:"), valueLabel(this, profile.clientId, tr("Client ID")));
    header->addRow(tr("Server:"),
                   valueLabel(this,
                              tr("%1 at %2 (%3)")
                                      .arg(ServerPreset::of(profile.kind).title,
                                           profile.instanceUrl.toDisplayString(),
                                           grantName(profile)),
                              tr("Server")));
    top->addLayout(header, 1);
    m_run = new QPushButton(tr("&Run check"), this);
    m_run->setDefault(true);
    m_run->setToolTip(tr("Test the registration end to end; the profile's sign-in is not "
                         "used or changed"));
    m_stop = new QPushButton(tr("S&top"), this);
    top->addWidget(m_run, 0, Qt::AlignTop);
    top->addWidget(m_stop, 0, Qt::AlignTop);
    layout->addLayout(top);

    // The status line; while the browser step waits, the address to open by hand.
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("checkStatus"));
    m_status->setAccessibleName(tr("Check status"));
    m_status->setTextFormat(Qt::RichText); // every part is HTML-escaped
    m_status->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_status->setWordWrap(true);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    connect(m_status, &QLabel::linkActivated, this, [this](const QString &link) {
        QString error;
        if (m_opener && !m_opener->open(QUrl(link), &error))
            m_banner->show(MessageBanner::Kind::Warning, error);
    });
    layout->addWidget(m_status);

    m_banner = new MessageBanner(this);
    layout->addWidget(m_banner);

    // The steps, and the selected step in detail.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("checkSplitter"));
    splitter->setChildrenCollapsible(false);
    m_view = new QTableView(splitter);
    m_view->setObjectName(QStringLiteral("checkSteps"));
    m_view->setAccessibleName(tr("Check steps"));
    auto *presentation = new StatusPresentationModel(this);
    presentation->setSourceModel(m_model);
    m_view->setModel(presentation);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(
            qMax(m_view->fontMetrics().height(), 16) + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setIconSize(QSize(16, 16));

    auto *details = new QWidget(splitter);
    auto *detailLayout = new QVBoxLayout(details);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    m_detailTitle = valueLabel(details, tr("Select a step to see its details."),
                               tr("Selected step"));
    m_detailTitle->setFont(bold);
    detailLayout->addWidget(m_detailTitle);
    m_detailSummary = valueLabel(details, QString(), tr("What was found"));
    m_detailSummary->setWordWrap(true);
    detailLayout->addWidget(m_detailSummary);
    m_detailHint = valueLabel(details, QString(), tr("What to do"));
    m_detailHint->setWordWrap(true);
    m_detailHint->setVisible(false);
    detailLayout->addWidget(m_detailHint);
    auto *wire = new QSplitter(Qt::Horizontal, details);
    auto *answerBox = new QWidget(wire);
    auto *answerLayout = new QVBoxLayout(answerBox);
    answerLayout->setContentsMargins(0, 0, 0, 0);
    answerLayout->addWidget(new QLabel(tr("The server's answer:"), answerBox));
    m_answer = monospaceView(answerBox, tr("The server's answer"),
                             tr("No answer from the server for this step."));
    answerLayout->addWidget(m_answer);
    auto *curlBox = new QWidget(wire);
    auto *curlLayout = new QVBoxLayout(curlBox);
    curlLayout->setContentsMargins(0, 0, 0, 0);
    auto *curlHeader = new QHBoxLayout;
    curlHeader->addWidget(new QLabel(tr("The request as curl (secrets as placeholders):"),
                                     curlBox),
                          1);
    m_copyCurl = new QPushButton(tr("Copy c&url"), curlBox);
    m_copyCurl->setEnabled(false);
    curlHeader->addWidget(m_copyCurl);
    curlLayout->addLayout(curlHeader);
    m_curl = monospaceView(curlBox, tr("The request as curl"),
                           tr("No request was made in this step."));
    curlLayout->addWidget(m_curl);
    wire->setStretchFactor(0, 1);
    wire->setStretchFactor(1, 1);
    detailLayout->addWidget(wire, 1);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    // The verdict, and what to do with the report.
    auto *bottom = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("checkSummary"));
    m_summary->setAccessibleName(tr("Check summary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_summary->setFont(bold);
    bottom->addWidget(m_summary, 1);
    m_copyReport = new QPushButton(tr("&Copy report"), this);
    m_copyReport->setToolTip(tr("The text report with the server's answers and curl commands"));
    m_saveJson = new QPushButton(tr("Save &JSON…"), this);
    auto *close = new QPushButton(tr("Close"), this);
    bottom->addWidget(m_copyReport);
    bottom->addWidget(m_saveJson);
    bottom->addWidget(close);
    layout->addLayout(bottom);

    connect(m_run, &QPushButton::clicked, this, &CheckWindow::run);
    connect(m_stop, &QPushButton::clicked, this, &CheckWindow::stop);
    connect(m_copyReport, &QPushButton::clicked, this, &CheckWindow::copyReport);
    connect(m_saveJson, &QPushButton::clicked, this, &CheckWindow::saveJsonWithDialog);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_copyCurl, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_curl->toPlainText()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CheckWindow::showDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CheckWindow::showDetails);

    setStatus(tr("Ready. The check signs in through the browser with its own tokens, "
                 "revokes them at the end, and leaves the profile's sign-in alone.")
                      .toHtmlEscaped());
    updateButtons();
    resize(1000, 700);
}

CheckWindow::~CheckWindow()
{
    if (m_check) {
        disconnect(m_check, nullptr, this, nullptr);
        m_check->cancel();
        delete m_check;
    }
}

bool CheckWindow::isRunning() const
{
    return m_busy;
}

void CheckWindow::run()
{
    if (m_busy)
        return;
    ++m_attempt;
    m_busy = true;
    m_stopping = false;
    m_banner->dismiss();
    setStatus(tr("Reading the keychain…").toHtmlEscaped());
    updateButtons();
    readSecretsAndStart();
}

void CheckWindow::readSecretsAndStart()
{
    const int attempt = m_attempt;
    check::readCheckSecrets(m_secrets, m_profile)
            ->then(this, [this, attempt](const check::CheckSecretsRead &read) {
                if (attempt != m_attempt || !m_busy)
                    return; // stopped, or run again, meanwhile
                if (read.failure) {
                    showKeychainFailure(read.failure.message);
                    return;
                }
                start(read.secrets.clientSecret, read.secrets.staticToken);
            });
}

void CheckWindow::showKeychainFailure(const QString &message)
{
    m_busy = false;
    const QString text = message.isEmpty()
            ? tr("The keychain (%1) could not be read.").arg(m_secrets->backendName())
            : message;
    m_banner->show(MessageBanner::Kind::Error,
                   text + QLatin1Char(' ') + tr("The check was not started."), tr("Try again"),
                   [this] { run(); });
    setStatus(tr("Not started: the keychain could not be read.").toHtmlEscaped());
    updateButtons();
}

void CheckWindow::start(const QString &clientSecret, const QString &staticToken)
{
    if (m_check) {
        disconnect(m_check, nullptr, this, nullptr);
        m_check->deleteLater();
    }
    m_model->clear();
    m_report = CheckReport();
    m_hasReport = false;
    m_authorizationUrl.clear();
    m_summary->clear();

    check::CheckSecrets secrets;
    secrets.clientSecret = clientSecret;
    secrets.staticToken = staticToken;
    m_check = new RegistrationCheck(m_profile, secrets, m_nam, m_opener, m_clock, this);
    connect(m_check, &RegistrationCheck::stepStarted, this, &CheckWindow::stepStarted);
    connect(m_check, &RegistrationCheck::stepFinished, this, &CheckWindow::stepFinished);
    connect(m_check, &RegistrationCheck::noticeReady, this, [this](const QString &text) {
        m_banner->show(MessageBanner::Kind::Information, text);
    });
    connect(m_check, &RegistrationCheck::authorizationUrlReady, this,
            &CheckWindow::showAuthorizationUrl);
    m_check->then(this, &CheckWindow::finished);
    setStatus(tr("Starting the check…").toHtmlEscaped());
    updateButtons();
    Q_EMIT checkStarted();
    m_check->start();
}

void CheckWindow::stop()
{
    if (!m_busy)
        return;
    m_stopping = true;
    if (m_check) {
        setStatus(tr("Stopping…").toHtmlEscaped());
        m_check->cancel(); // finished() follows with what was done
        return;
    }
    // Still waiting for the keychain: forget its answer.
    ++m_attempt;
    m_busy = false;
    setStatus(tr("Stopped before the check started.").toHtmlEscaped());
    updateButtons();
}

void CheckWindow::stepStarted(const QString &id, const QString &title)
{
    Q_UNUSED(id)
    m_authorizationUrl.clear();
    setStatus(tr("Running: %1…").arg(title).toHtmlEscaped());
}

void CheckWindow::showAuthorizationUrl(const QUrl &url)
{
    m_authorizationUrl = url;
    const QString address = url.toString(QUrl::FullyEncoded);
    setStatus(tr("Sign in in the browser window that opened. If none opened, open this "
                 "address by hand:")
                      .toHtmlEscaped()
              + QStringLiteral("<br><a href=\"%1\">%2</a>")
                        .arg(address.toHtmlEscaped(), address.toHtmlEscaped()));
}

void CheckWindow::stepFinished(const StepResult &step)
{
    m_authorizationUrl.clear();
    m_model->append(step);
    for (int column : {CheckReportModel::StatusColumn, CheckReportModel::StepColumn,
                       CheckReportModel::DurationColumn})
        m_view->resizeColumnToContents(column);
    m_view->scrollToBottom();
    if (m_busy && !m_stopping)
        setStatus(tr("%1: %2").arg(toString(step.status), step.title).toHtmlEscaped());
}

void CheckWindow::finished(const CheckReport &report)
{
    m_report = report;
    m_hasReport = true;
    m_busy = false;
    m_authorizationUrl.clear();
    if (m_check) {
        disconnect(m_check, nullptr, this, nullptr);
        m_check->deleteLater();
        m_check = nullptr;
    }
    // Every step of the report is a row, also those the check ended without running.
    for (qsizetype i = m_model->rowCount(); i < report.steps.size(); ++i)
        m_model->append(report.steps.at(i));

    const int pass = report.count(Status::Pass);
    const int warn = report.count(Status::Warn);
    const int fail = report.count(Status::Fail);
    const int skip = report.count(Status::Skip);
    QString counts = tr("%1 passed, %2, %3 failed").arg(pass).arg(warnings(warn)).arg(fail);
    if (skip > 0)
        counts += tr(", %1 skipped").arg(skip);
    QString verdict;
    if (m_stopping)
        verdict = tr("Stopped: %1 before the check was stopped.").arg(counts);
    else if (fail > 0)
        verdict = tr("%1 — the registration does not work as configured; select the failed "
                     "step for what to do.")
                          .arg(counts);
    else if (pass == 0 && warn == 0)
        verdict = tr("%1 — nothing could be tested.").arg(counts);
    else
        verdict = tr("%1 — the registration works.").arg(counts);
    m_summary->setText(verdict);
    QPalette p = m_summary->palette();
    p.setColor(QPalette::WindowText, fail > 0 ? statusColor(Status::Fail)
                                     : m_stopping ? palette().color(QPalette::WindowText)
                                                  : statusColor(Status::Pass));
    m_summary->setPalette(p);
    setStatus((m_stopping ? tr("Stopped after %1 s.") : tr("Finished in %1 s."))
                      .arg(double(report.durationMs) / 1000.0, 0, 'f', 1)
                      .toHtmlEscaped());

    // Show the step that needs attention first.
    if (!m_view->selectionModel()->hasSelection() && m_model->rowCount() > 0) {
        int row = -1;
        for (Status wanted : {Status::Fail, Status::Warn, Status::Pass}) {
            for (int r = 0; r < m_model->rowCount() && row < 0; ++r) {
                if (m_model->step(r).status == wanted)
                    row = r;
            }
        }
        m_view->selectRow(row < 0 ? 0 : row);
    }
    updateButtons();
    Q_EMIT checkFinished(report);
}

void CheckWindow::showDetails()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_detailTitle->setText(tr("Select a step to see its details."));
        m_detailSummary->clear();
        m_detailHint->clear();
        m_detailHint->setVisible(false);
        m_answer->clear();
        m_curl->clear();
        m_copyCurl->setEnabled(false);
        return;
    }
    const StepResult &step = m_model->step(current.row());
    m_detailTitle->setText(tr("%1 — %2, %3 ms")
                                   .arg(step.title, toString(step.status))
                                   .arg(step.durationMs));
    m_detailSummary->setText(step.summary);
    m_detailHint->setText(tr("What to do: %1").arg(step.hint));
    m_detailHint->setVisible(!step.hint.isEmpty());
    m_answer->setPlainText(step.answer);
    m_curl->setPlainText(step.curl.join(QStringLiteral("\n\n")));
    m_copyCurl->setEnabled(!step.curl.isEmpty());
}

void CheckWindow::setStatus(const QString &html)
{
    m_status->setText(html);
    m_statusText = QTextDocumentFragment::fromHtml(html).toPlainText();
}

QString CheckWindow::statusText() const
{
    return m_statusText; // as read, the link's address included
}

QString CheckWindow::summaryText() const
{
    return m_summary->text();
}

QString CheckWindow::reportText() const
{
    return m_hasReport ? m_report.toText(true) : QString();
}

void CheckWindow::copyReport() const
{
    if (m_hasReport)
        QApplication::clipboard()->setText(reportText());
}

bool CheckWindow::saveJson(const QString &path, QString *error) const
{
    if (!m_hasReport) {
        if (error)
            *error = tr("There is no report yet: run the check first.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path),
                                                      file.errorString());
        return false;
    }
    file.write(QJsonDocument(m_report.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path),
                                                      file.errorString());
        return false;
    }
    return true;
}

void CheckWindow::saveJsonWithDialog()
{
    const QString suggested =
            QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                    .filePath(QStringLiteral("chartkey-check-%1.json").arg(m_profile.name));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the check report"),
                                                      suggested, tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (saveJson(path, &error))
        m_banner->show(MessageBanner::Kind::Success,
                       tr("Saved the report to %1.").arg(QDir::toNativeSeparators(path)));
    else
        m_banner->show(MessageBanner::Kind::Error, error);
}

void CheckWindow::updateButtons()
{
    m_run->setEnabled(!m_busy);
    m_stop->setEnabled(m_busy);
    m_copyReport->setEnabled(m_hasReport && !m_busy);
    m_saveJson->setEnabled(m_hasReport && !m_busy);
}

void CheckWindow::closeEvent(QCloseEvent *event)
{
    stop();
    QWidget::closeEvent(event);
}

} // namespace chartkey::ui

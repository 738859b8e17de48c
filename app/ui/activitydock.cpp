#include "activitydock.h"

#include "net/activitylog.h"

#include <QJsonDocument>

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace chartkey::ui {

namespace {

// The log as the table shows it: a failed exchange's Status is a word or two, not the
// sentence (which stays in the tooltip and the details).
class ActivityView final : public QIdentityProxyModel
{
public:
    ActivityView(ActivityLog *log, QObject *parent)
        : QIdentityProxyModel(parent)
        , m_log(log)
    {
        setSourceModel(log);
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (index.column() == ActivityLog::Status && index.row() < m_log->rowCount()) {
            const HttpExchange &e = m_log->exchange(index.row());
            if (e.status == 0 && role == Qt::DisplayRole) {
                const QString error = e.error.toLower();
                if (error.contains(QLatin1String("did not answer"))
                    || error.contains(QLatin1String("timed out"))
                    || error.contains(QLatin1String("timeout")))
                    return ActivityDock::tr("timed out");
                return ActivityDock::tr("failed");
            }
            if (e.status == 0 && role == Qt::ToolTipRole)
                return e.error;
        }
        return QIdentityProxyModel::data(index, role);
    }

private:
    ActivityLog *m_log;
};

} // namespace

ActivityDock::ActivityDock(ActivityLog *log, QWidget *parent)
    : QDockWidget(tr("Activity"), parent)
    , m_log(log)
{
    setObjectName(QStringLiteral("activityDock"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    auto *splitter = new QSplitter(Qt::Horizontal, content);
    m_view = new QTableView(splitter);
    m_view->setObjectName(QStringLiteral("activity"));
    m_view->setModel(new ActivityView(log, this));
    m_view->setAccessibleName(tr("HTTP exchanges"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->horizontalHeader()->setSectionResizeMode(ActivityLog::Url, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ActivityLog::Status,
                                                     QHeaderView::ResizeToContents);
    m_details = new QPlainTextEdit(splitter);
    m_details->setObjectName(QStringLiteral("activityDetails"));
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Exchange details"));
    m_details->setPlaceholderText(tr("Select an exchange to see its headers and bodies."));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_details->setFont(mono);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    auto *buttons = new QHBoxLayout;
    auto *copy = new QPushButton(tr("Copy as &curl"), content);
    copy->setObjectName(QStringLiteral("copyAsCurl"));
    copy->setAccessibleName(tr("Copy the selected exchange as a curl command"));
    auto *clear = new QPushButton(tr("C&lear"), content);
    clear->setObjectName(QStringLiteral("clearActivity"));
    clear->setAccessibleName(tr("Clear the activity list"));
    buttons->addStretch();
    buttons->addWidget(copy);
    buttons->addWidget(clear);
    layout->addLayout(buttons);
    setWidget(content);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ActivityDock::showDetails);
    connect(copy, &QPushButton::clicked, this, [this] {
        const QString curl = selectedAsCurl();
        if (curl.isEmpty()) {
            Q_EMIT copied(tr("Select an exchange first; nothing was copied."));
            return;
        }
        QApplication::clipboard()->setText(curl);
        Q_EMIT copied(tr("Copied the exchange as a curl command (the token as "
                         "$ACCESS_TOKEN)."));
    });
    connect(clear, &QPushButton::clicked, this, [this] {
        m_log->clear();
        m_details->clear();
        m_follow = true;
    });
    // Following the newest: unless the person scrolled away from the end.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_follow = value >= bar->maximum(); });
    connect(log, &ActivityLog::recorded, this, [this] {
        if (m_follow)
            QTimer::singleShot(0, this, &ActivityDock::followNewest);
    });
}

void ActivityDock::followNewest()
{
    m_view->scrollToBottom();
    m_follow = true;
}

void ActivityDock::showEvent(QShowEvent *event)
{
    QDockWidget::showEvent(event);
    if (m_follow)
        QTimer::singleShot(0, this, &ActivityDock::followNewest);
}

QString ActivityDock::details() const
{
    return m_details->toPlainText();
}

QString ActivityDock::selectedAsCurl() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return {};
    HttpExchange e = m_log->exchange(current.row());
    if (!m_bodiesHidden.isEmpty() && !e.requestBody.isEmpty())
        e.requestBody = QByteArrayLiteral("BODY-HIDDEN-BY-POLICY");
    return e.toCurl();
}

void ActivityDock::setBodiesHidden(const QString &why)
{
    m_bodiesHidden = why;
    showDetails();
}

void ActivityDock::setConcealed(bool concealed)
{
    m_concealed = concealed;
    m_details->setPlaceholderText(
            concealed ? tr("Hidden while patient data is off the screen.")
                      : tr("Select an exchange to see its headers and bodies."));
    showDetails();
}

namespace {

// A body for reading: JSON indented, anything else as it is.
QString readable(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return QString::fromUtf8(doc.isNull() ? body : doc.toJson(QJsonDocument::Indented));
}

} // namespace

void ActivityDock::showDetails()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || m_concealed) {
        m_details->clear();
        return;
    }
    const HttpExchange &e = m_log->exchange(current.row());
    QString text;
    text += QStringLiteral("%1 %2\n").arg(QString::fromLatin1(e.method), e.url);
    for (const auto &[name, value] : e.requestHeaders)
        text += QStringLiteral("%1: %2\n").arg(QString::fromLatin1(name), QString::fromLatin1(value));
    const QString hidden = QStringLiteral("(%1)").arg(m_bodiesHidden);
    if (!e.requestBody.isEmpty())
        text += QLatin1Char('\n') + (m_bodiesHidden.isEmpty() ? readable(e.requestBody) : hidden)
                + QLatin1Char('\n');
    text += QStringLiteral("\n— %1 (%2 ms)\n")
                    .arg(e.status ? QString::number(e.status) : e.error)
                    .arg(e.durationMs);
    for (const auto &[name, value] : e.responseHeaders)
        text += QStringLiteral("%1: %2\n").arg(QString::fromLatin1(name), QString::fromLatin1(value));
    if (!e.responseBody.isEmpty())
        text += QLatin1Char('\n') + (m_bodiesHidden.isEmpty() ? readable(e.responseBody) : hidden);
    m_details->setPlainText(text);
}

} // namespace chartkey::ui

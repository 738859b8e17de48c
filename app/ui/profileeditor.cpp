#include "profileeditor.h"

#include "auth/discoveryfetch.h"
#include "net/http.h"
#include "profile/profileform.h"
#include "profile/profilejson.h"
#include "profilesections.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace chartkey::ui {

namespace {

QColor problemColor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

QLabel *makeMessageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ProfileEditorDialog::ProfileEditorDialog(const Profile &initial, bool isNew,
                                         const QStringList &existingNames, QWidget *parent)
    : QDialog(parent)
    , m_isNew(isNew)
    , m_initialName(initial.name)
    , m_form(new ProfileForm(initial,
                             isNew ? ProfileForm::Mode::New : ProfileForm::Mode::Edit, this))
{
    // What the keychain holds for the stored profile: a client secret, a static token.
    m_form->setStoredSecrets(!isNew && initial.isConfidential(),
                             !isNew && initial.grant == Profile::Grant::StaticToken);
    m_form->setExistingNames(existingNames);
    setWindowTitle(isNew ? tr("Add profile") : tr("Edit profile %1").arg(initial.name));

    // The sections scroll; the buttons and the line under them stay where they are.
    auto *content = new QWidget;
    auto *sections = new QVBoxLayout(content);
    m_server = new ServerSection(m_form, content);
    auto *client = new ClientSection(m_form, content);
    auto *signIn = new SignInSection(m_form, content);
    m_showEndpoints = new QCheckBox(tr("Show en&dpoints"), content);
    m_showEndpoints->setObjectName(QStringLiteral("showEndpoints"));
    m_endpoints = new EndpointsSection(m_form, content);
    m_endpoints->hide();
    m_sections = {m_server, client, signIn, m_endpoints};
    for (ProfileSection *section : {static_cast<ProfileSection *>(m_server),
                                    static_cast<ProfileSection *>(client),
                                    static_cast<ProfileSection *>(signIn)})
        sections->addWidget(section);
    sections->addWidget(m_showEndpoints);
    sections->addWidget(m_endpoints);
    m_otherProblems = makeMessageLabel(QStringLiteral("otherProblems"), content);
    m_otherProblems->setAccessibleName(tr("Problems"));
    QPalette palette = m_otherProblems->palette();
    palette.setColor(QPalette::WindowText, problemColor(palette));
    m_otherProblems->setPalette(palette);
    m_otherProblems->hide();
    sections->addWidget(m_otherProblems);
    m_notice = makeMessageLabel(QStringLiteral("notice"), content);
    m_notice->hide();
    sections->addWidget(m_notice);
    sections->addStretch();

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(content);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *exportButton = m_buttons->addButton(tr("E&xport…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("exportProfile"));
    exportButton->setToolTip(tr("Save this profile as a JSON file, without secrets."));
    QPushButton *importButton = m_buttons->addButton(tr("I&mport…"), QDialogButtonBox::ActionRole);
    importButton->setObjectName(QStringLiteral("importProfile"));
    importButton->setToolTip(tr("Fill the form from an exported profile."));
    // OK disabled says why, here; two lines kept for it so that the buttons do not move.
    m_whatStopsSaving = makeMessageLabel(QStringLiteral("whatStopsSaving"), this);
    m_whatStopsSaving->setMinimumHeight(2 * m_whatStopsSaving->fontMetrics().lineSpacing());
    m_whatStopsSaving->setAlignment(Qt::AlignRight | Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_buttons);
    layout->addWidget(m_whatStopsSaving);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, &ProfileEditorDialog::exportToFile);
    connect(importButton, &QPushButton::clicked, this, &ProfileEditorDialog::importFromFile);
    connect(m_server->fetchButton(), &QPushButton::clicked, this,
            &ProfileEditorDialog::fetchEndpoints);
    connect(m_showEndpoints, &QCheckBox::toggled, this, [this](bool on) {
        m_endpoints->setVisible(on && m_endpoints->hasVisibleRows());
        if (on)
            fitToContents();
    });
    connect(m_form, &ProfileForm::changed, this, &ProfileEditorDialog::refresh);

    m_shownKind = m_form->kind();
    refresh();
    setMinimumWidth(640);
    if (isNew)
        m_server->nameEdit()->setFocus();
}

ProfileEditorDialog::~ProfileEditorDialog() = default;

void ProfileEditorDialog::setPolicy(const ManagedPolicy &policy)
{
    m_form->setPolicy(policy);
}

void ProfileEditorDialog::setManaged(const QString &refusal)
{
    m_managedRefusal = refusal;
    setWindowTitle(tr("Managed profile %1").arg(m_initialName));
    // Every field as it is, none editable; export stays (it changes nothing).
    m_scroll->widget()->setEnabled(false);
    if (QPushButton *import = findChild<QPushButton *>(QStringLiteral("importProfile")))
        import->setEnabled(false);
    refresh();
}

Profile ProfileEditorDialog::profile() const
{
    return m_form->profile();
}

QString ProfileEditorDialog::clientSecret() const
{
    return m_form->clientSecret();
}

QString ProfileEditorDialog::accessToken() const
{
    return m_form->accessToken();
}

void ProfileEditorDialog::refresh()
{
    for (ProfileSection *section : std::as_const(m_sections))
        section->refresh();
    const bool endpointRows = m_endpoints->hasVisibleRows();
    m_showEndpoints->setVisible(endpointRows);
    // A problem in an endpoint opens the endpoints.
    if (m_endpoints->showsProblem() && !m_showEndpoints->isChecked())
        m_showEndpoints->setChecked(true);
    m_endpoints->setVisible(endpointRows && m_showEndpoints->isChecked());

    // Problems of fields this preset does not show (an imported profile, say).
    QStringList hidden;
    const ProfileProblems shown = m_form->shownProblems();
    for (const ProfileProblem &problem : shown) {
        if (!m_form->isVisible(problem.field))
            hidden << problem.message;
    }
    m_otherProblems->setText(hidden.join(QLatin1Char('\n')));
    m_otherProblems->setVisible(!hidden.isEmpty());

    const QString stops = isManaged() ? m_managedRefusal : m_form->whatStopsSaving();
    m_whatStopsSaving->setText(stops);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(stops.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(stops);
    // Another preset shows other rows: make room for them (not for problem lines, which have
    // theirs).
    if (m_form->kind() != m_shownKind) {
        m_shownKind = m_form->kind();
        fitToContents();
    }
}

void ProfileEditorDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_fitted) {
        m_fitted = true;
        fitToContents();
    }
}

void ProfileEditorDialog::fitToContents()
{
    if (!isVisible())
        return;
    // The height the sections need at the dialog's width (word-wrapped labels included),
    // without a scroll bar where the screen allows; the dialog only grows.
    QWidget *content = m_scroll->widget();
    content->layout()->activate();
    const int contentWidth = m_scroll->viewport()->width();
    const int needed = content->hasHeightForWidth() ? content->heightForWidth(contentWidth)
                                                    : content->sizeHint().height();
    const int chrome = height() - m_scroll->viewport()->height();
    const QRect screenArea = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    const int frame = frameGeometry().height() - height();
    const int wanted = std::min(needed + chrome, screenArea.height() * 9 / 10 - frame);
    if (wanted > height())
        resize(width(), wanted);
    // Wholly on the screen: the buttons at the bottom must be reachable.
    if (frameGeometry().bottom() > screenArea.bottom())
        move(x(), std::max(screenArea.top(), screenArea.bottom() - frameGeometry().height()));
}

void ProfileEditorDialog::setNetworkAccessManager(QNetworkAccessManager *nam)
{
    m_nam = nam;
}

void ProfileEditorDialog::showNotice(const QString &text, bool problem)
{
    QPalette palette = m_notice->palette();
    palette.setColor(QPalette::WindowText, problem ? problemColor(this->palette())
                                                   : this->palette().color(QPalette::WindowText));
    m_notice->setPalette(palette);
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        m_scroll->ensureWidgetVisible(m_notice);
}

void ProfileEditorDialog::fetchEndpoints()
{
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    const Profile current = m_form->profile();
    if (current.discoveryUrl.isEmpty()) {
        showNotice(tr("Give the discovery URL first."), true);
        Q_EMIT endpointsFetched(false);
        return;
    }
    m_server->fetchButton()->setEnabled(false);
    showNotice(tr("Reading %1 …").arg(current.discoveryUrl.toString()), false);
    chartkey::fetchEndpoints(m_nam, current, true, http::kDefaultTimeoutMs)
            ->then(this, [this](const EndpointFetch &fetched) {
                m_server->fetchButton()->setEnabled(true);
                if (fetched.failure) {
                    showNotice(fetched.failure.message, true);
                    Q_EMIT endpointsFetched(false);
                    return;
                }
                m_form->setEndpoints(fetched.profile);
                m_showEndpoints->setChecked(true);
                showNotice(tr("Endpoints read from %1.")
                                   .arg(fetched.profile.discoveryUrl.toString()),
                           false);
                Q_EMIT endpointsFetched(true);
            });
}

bool ProfileEditorDialog::exportTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    const QByteArray json = profilejson::toJson(m_form->profile());
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool ProfileEditorDialog::importFrom(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Could not read %1: %2").arg(path, file.errorString());
        return false;
    }
    QString why;
    const auto imported
            = profilejson::fromJson(file.readAll(), &why, m_isNew ? QString() : m_initialName);
    if (!imported) {
        if (error)
            *error = why;
        return false;
    }
    // Everything came from the file: every problem is said at once.
    m_form->load(*imported);
    return true;
}

void ProfileEditorDialog::exportToFile()
{
    const QString path = QFileDialog::getSaveFileName(
            this, tr("Export profile"), m_form->profile().name + QStringLiteral(".json"),
            tr("chartkey profiles (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportTo(path, &error))
        showNotice(tr("Exported to %1 (without secrets).").arg(path), false);
    else
        showNotice(error, true);
}

void ProfileEditorDialog::importFromFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import profile"), QString(),
                                                      tr("chartkey profiles (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!importFrom(path, &error)) {
        showNotice(error, true);
        return;
    }
    const Profile p = m_form->profile();
    const QString next = profilejson::secretStillNeeded(p);
    showNotice(next.isEmpty() ? tr("Imported %1. Check it, then press OK to save it.").arg(path)
                              : tr("Imported %1. Enter its %2, check it, then press OK to save "
                                   "it.")
                                        .arg(path, p.grant == Profile::Grant::StaticToken
                                                           ? tr("access token")
                                                           : tr("client secret")),
               false);
}

} // namespace chartkey::ui

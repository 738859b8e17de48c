#include "mainwindow.h"

#include "accessibility.h"
#include "activitydock.h"
#include "auth/urlopener.h"
#include "auth/browsersignin.h"
#include "auth/idtoken.h"
#include "auth/clientkeys.h"
#include "auth/jose.h"
#include "auth/session.h"
#include "base/clock.h"
#include "checkwindow.h"
#include "fhir/notestates.h"
#include "idlewatch.h"
#include "messagebanner.h"
#include "net/activitylog.h"
#include "patientdetail.h"
#include "patientspanel.h"
#include "profile/presets.h"
#include "profileeditor.h"
#include "schedulepanel.h"
#include "secretclipboard.h"
#include "settingsdialog.h"
#include "storage/profilestore.h"
#include "storage/secretstore.h"
#include "tokeninspector.h"
#include "welcomepanel.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace chartkey::ui {

namespace {

enum Page { WelcomePage, WorkPage, CoverPage };
enum Tab { ScheduleTab, PatientsTab };

bool usesStaticToken(const Profile &profile)
{
    return profile.grant == Profile::Grant::StaticToken;
}

// Where the person makes the static token a profile uses.
QString whereTokensAreMade(const Profile &profile)
{
    const QString where = ServerPreset::of(profile.kind).staticTokenSource;
    return where.isEmpty() ? MainWindow::tr("where the server issues access tokens") : where;
}

// The profile name as typed on a command line.
QString commandLineName(const QString &name)
{
    return name.contains(QLatin1Char(' ')) ? QLatin1Char('"') + name + QLatin1Char('"') : name;
}

// Why the profile has no patients to list (no FHIR API); empty when it has one.
QString noPatientApi(const Profile &profile)
{
    const QString token = QStringLiteral("chartkey token --profile ")
            + commandLineName(profile.name);
    if (const ServerPreset preset = ServerPreset::of(profile.kind);
        preset.fhirBase == ServerPreset::FhirBase::None)
        return MainWindow::tr("%1, so %2 has no patients to list. File → Test registration… "
                              "tests its registration, and “%3” prints an access token for "
                              "scripts.")
                .arg(preset.withoutFhirApi, profile.name, token);
    if (profile.fhirBaseUrl.isEmpty() || !profile.fhirBaseUrl.isValid())
        return MainWindow::tr("%1 has no FHIR base URL, so there are no patients to list (add "
                              "one with File → Edit profile…). File → Test registration… tests "
                              "its registration, and “%2” prints an access token for scripts.")
                .arg(profile.name, token);
    return {};
}

// How long an access token stays valid, for a person: "9 h 52 min", "12 min", "less than a
// minute".
QString validFor(qint64 seconds)
{
    if (seconds < 60)
        return MainWindow::tr("less than a minute");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return MainWindow::tr("%n min", nullptr, int(minutes));
    return MainWindow::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

// "4:59": minutes and seconds left.
QString minutesSeconds(qint64 ms)
{
    const qint64 s = std::max<qint64>(ms, 0) / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

MainWindow::MainWindow(SecretStore *secrets, UrlOpener *opener, QWidget *parent,
                       const Clock *clock)
    : QMainWindow(parent)
    , m_secrets(secrets)
    , m_opener(opener)
    , m_clock(clock ? clock : Clock::system())
    , m_log(new ActivityLog(this))
{
    installAccessibility();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("chartkey"));
    setWindowIcon(QIcon(QStringLiteral(":/chartkey/chartkey.svg")));

    auto *toolbar = addToolBar(tr("Connection"));
    toolbar->setObjectName(QStringLiteral("connectionToolbar"));
    toolbar->setMovable(false);
    auto *profileLabel = new QLabel(tr("&Profile:") + QLatin1Char(' '), toolbar);
    toolbar->addWidget(profileLabel);
    m_profileBox = new QComboBox(toolbar);
    m_profileBox->setObjectName(QStringLiteral("profile"));
    m_profileBox->setAccessibleName(tr("Profile"));
    m_profileBox->setMinimumContentsLength(14);
    profileLabel->setBuddy(m_profileBox);
    toolbar->addWidget(m_profileBox);
    toolbar->addSeparator();
    m_state = new QLabel(toolbar);
    m_state->setObjectName(QStringLiteral("signInState"));
    // The text is the state; what it is goes in the description (see accessibility.h).
    m_state->setAccessibleDescription(tr("Sign-in state"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setContentsMargins(6, 0, 6, 0);
    toolbar->addWidget(m_state);

    m_signInAction = new QAction(tr("&Sign in"), this);
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    m_signInAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+O")));
    m_cancelAction = new QAction(tr("&Cancel sign-in"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelSignInAction"));
    m_copyUrlAction = new QAction(tr("Copy sign-in &address"), this);
    m_copyUrlAction->setObjectName(QStringLiteral("copySignInAddressAction"));
    m_signOutAction = new QAction(tr("Sign &out"), this);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    m_tokenAction = new QAction(tr("&Token…"), this);
    m_tokenAction->setObjectName(QStringLiteral("tokenAction"));
    m_tokenAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+T")));
    for (QAction *a : {m_signInAction, m_cancelAction, m_copyUrlAction, m_signOutAction,
                       m_tokenAction})
        toolbar->addAction(a);

    buildCentralArea();

    m_activity = new ActivityDock(m_log, this);
    m_activity->setBodiesHidden(ProfileStore().policy().bodiesHidden());
    addDockWidget(Qt::BottomDockWidgetArea, m_activity);
    m_activity->hide(); // for developers: shown on demand, and remembered once shown

    m_announcer = new Announcer(statusBar());
    statusBar()->addWidget(m_announcer, 1);

    m_idle = new IdleWatch(m_clock, this);
    m_idle->setCheckIntervalMs(clock ? 50 : 5000);
    connect(m_idle, &IdleWatch::idle, this, [this] {
        if (m_signedIn && m_covered == Cover::None)
            setCover(Cover::Idle);
    });

    buildMenus();

    connect(m_signInAction, &QAction::triggered, this, &MainWindow::signIn);
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelSignIn);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOut);
    connect(m_tokenAction, &QAction::triggered, this, &MainWindow::showTokenInspector);
    connect(m_copyUrlAction, &QAction::triggered, this, [this] {
        if (!m_signIn || m_signIn->authorizationUrl().isEmpty())
            return;
        QApplication::clipboard()->setText(m_signIn->authorizationUrl().toString(QUrl::FullyEncoded));
        announce(tr("Sign-in address copied: paste it into a browser to sign in."));
    });
    connect(m_profileBox, &QComboBox::currentTextChanged, this, &MainWindow::selectProfile);
    connect(m_activity, &ActivityDock::copied, this, &MainWindow::announce);
    m_countdown.setInterval(30000);
    connect(&m_countdown, &QTimer::timeout, this, &MainWindow::refreshState);
    m_countdown.start();
    m_waitTick.setInterval(1000);
    connect(&m_waitTick, &QTimer::timeout, this, &MainWindow::refreshState);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("ui/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("ui/state")).toByteArray());
    if (!settings.contains(QStringLiteral("ui/geometry")))
        resize(1100, 720);
    showTab(settings.value(QStringLiteral("ui/tab"), int(ScheduleTab)).toInt());
    applySettings();
    reloadProfiles(settings.value(QStringLiteral("ui/lastProfile")).toString());
    // What is wrong in the managed configuration, once, when the window opens.
    if (const QStringList problems = ProfileStore().managedProblems(); !problems.isEmpty())
        m_banner->show(MessageBanner::Kind::Warning, problems.join(QLatin1Char('\n')));
}

MainWindow::~MainWindow()
{
    // Before m_nam goes: a running check still has its requests on it.
    delete m_checkWindow;
}

void MainWindow::buildCentralArea()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    // The banner floats over the foot of the work area, outside the layout: showing or
    // dismissing it moves nothing, and no empty band is kept for it when there is none.
    m_bannerSlot = new QWidget(central);
    m_bannerSlot->setObjectName(QStringLiteral("bannerSlot"));
    auto *slotLayout = new QVBoxLayout(m_bannerSlot);
    slotLayout->setContentsMargins(0, 0, 0, 0);
    m_banner = new MessageBanner(m_bannerSlot);
    slotLayout->addWidget(m_banner);
    m_bannerSlot->hide();
    central->installEventFilter(this);
    m_banner->installEventFilter(this);

    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_welcome = new WelcomePanel(m_pages);
    m_pages->addWidget(m_welcome);

    m_tabs = new QTabWidget(m_pages);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_schedule = new SchedulePanel(m_tabs);
    m_tabs->addTab(m_schedule, tr("Sc&hedule"));
    auto *patientsPage = new QSplitter(Qt::Horizontal, m_tabs);
    patientsPage->setObjectName(QStringLiteral("mainSplitter"));
    patientsPage->setChildrenCollapsible(false);
    m_patients = new PatientsPanel(patientsPage);
    m_detail = new PatientDetailPanel(patientsPage);
    patientsPage->setStretchFactor(0, 2);
    patientsPage->setStretchFactor(1, 3);
    patientsPage->setSizes({420, 640});
    // The note shortcuts work wherever the focus is on the Patients page.
    patientsPage->addActions(m_detail->actions());
    m_tabs->addTab(patientsPage, tr("P&atients"));
    m_pages->addWidget(m_tabs);

    m_cover = new QWidget(m_pages);
    m_cover->setObjectName(QStringLiteral("privacyCover"));
    auto *coverLayout = new QVBoxLayout(m_cover);
    coverLayout->addStretch();
    m_coverText = new QLabel(m_cover);
    m_coverText->setObjectName(QStringLiteral("privacyCoverText"));
    m_coverText->setWordWrap(true);
    m_coverText->setAlignment(Qt::AlignCenter);
    m_coverText->setTextFormat(Qt::PlainText);
    coverLayout->addWidget(m_coverText);
    m_coverButton = new QPushButton(m_cover);
    m_coverButton->setObjectName(QStringLiteral("privacyCoverButton"));
    coverLayout->addWidget(m_coverButton, 0, Qt::AlignHCenter);
    coverLayout->addStretch();
    m_pages->addWidget(m_cover);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_welcome, &WelcomePanel::addRequested, this, [this] { editProfile(true); });
    connect(m_welcome, &WelcomePanel::importRequested, this, &MainWindow::importProfile);
    connect(m_coverButton, &QPushButton::clicked, this, [this] {
        if (m_covered == Cover::SessionEnded)
            signIn();
        else
            setCover(Cover::None);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [](int index) { QSettings().setValue(QStringLiteral("ui/tab"), index); });

    connect(m_patients, &PatientsPanel::patientSelected, this, [this](const fhir::Patient &p) {
        if (m_bannerAboutPatient && p.id != m_detail->patient().id) {
            // What was said about the last patient does not stay under the next one.
            m_banner->dismiss();
            m_bannerAboutPatient = false;
        }
        m_detail->showPatient(p);
    });
    connect(m_patients, &PatientsPanel::signInNeeded, this,
            [this](const QString &message) { offerSignIn(message); });
    connect(m_patients, &PatientsPanel::signInRequested, this, &MainWindow::signIn);
    connect(m_patients, &PatientsPanel::searchFailed, this, &MainWindow::onSearchFailed);
    connect(m_patients, &PatientsPanel::searched, this,
            [this](const QString &field, const QString &text) {
                QSettings s;
                s.setValue(QStringLiteral("ui/searchField"), field);
                s.setValue(QStringLiteral("ui/searchText"), text);
                if (!m_restoringSearch)
                    showTab(PatientsTab);
            });
    connect(m_detail, &PatientDetailPanel::signInNeeded, this,
            [this](const QString &message) { offerSignIn(message); });
    connect(m_detail, &PatientDetailPanel::announcement, this, &MainWindow::announce);
    connect(m_schedule, &SchedulePanel::signInNeeded, this,
            [this](const QString &message) { offerSignIn(message); });
    connect(m_schedule, &SchedulePanel::signInRequested, this, &MainWindow::signIn);
    connect(m_schedule, &SchedulePanel::announcement, this, &MainWindow::announce);
    connect(m_schedule, &SchedulePanel::patientOpened, this, [this](const fhir::Patient &p) {
        m_detail->showPatient(p);
        showTab(PatientsTab);
        m_detail->appointmentsView()->setFocus(Qt::OtherFocusReason);
    });
}

void MainWindow::buildMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    auto *newProfile = file->addAction(tr("&New profile…"), this, [this] { editProfile(true); });
    newProfile->setObjectName(QStringLiteral("newProfileAction"));
    if (const QString refusal = ProfileStore().policy().addRefusal(); !refusal.isEmpty()) {
        newProfile->setEnabled(false);
        newProfile->setStatusTip(refusal);
        newProfile->setToolTip(refusal);
    }
    newProfile->setShortcut(QKeySequence::New);
    auto *import = file->addAction(tr("&Import profile…"), this, &MainWindow::importProfile);
    import->setObjectName(QStringLiteral("importProfileAction"));
    m_editProfileAction = file->addAction(tr("&Edit profile…"), this,
                                          [this] { editProfile(false); });
    m_editProfileAction->setObjectName(QStringLiteral("editProfileAction"));
    m_removeProfileAction = file->addAction(tr("&Remove profile…"), this,
                                            &MainWindow::removeProfile);
    m_removeProfileAction->setObjectName(QStringLiteral("removeProfileAction"));
    file->addSeparator();
    // Tests the registration with tokens of its own: works signed in or out.
    m_checkAction = file->addAction(tr("&Test registration…"), this,
                                    [this] { showRegistrationCheck(); });
    m_checkAction->setObjectName(QStringLiteral("testRegistrationAction"));
    m_checkAction->setStatusTip(tr("Check the profile's OAuth registration end to end and "
                                   "show what to fix"));
    auto *settings = file->addAction(tr("Se&ttings…"), this, &MainWindow::showSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    m_copyJwksAction = file->addAction(tr("Copy public &key (JWKS)"), this, [this] { copyJwks(); });
    m_copyJwksAction->setObjectName(QStringLiteral("copyJwksAction"));
    m_copyJwksAction->setStatusTip(tr("Copy the JWKS to register with the EHR (the private key "
                                      "stays in the keychain)"));
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto *session = menuBar()->addMenu(tr("&Session"));
    session->addAction(m_signInAction);
    session->addAction(m_cancelAction);
    session->addAction(m_copyUrlAction);
    session->addAction(m_signOutAction);
    session->addSeparator();
    session->addAction(m_tokenAction);

    // The note actions of the page in view (the schedule's or the patient's).
    m_notesMenu = menuBar()->addMenu(tr("&Notes"));
    connect(m_notesMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildNotesMenu);
    rebuildNotesMenu();

    auto *view = menuBar()->addMenu(tr("&View"));
    auto *schedule = view->addAction(tr("&Schedule"), this, [this] { showTab(ScheduleTab); });
    schedule->setShortcut(QKeySequence(QStringLiteral("Ctrl+1")));
    auto *patients = view->addAction(tr("&Patients"), this, [this] { showTab(PatientsTab); });
    patients->setShortcut(QKeySequence(QStringLiteral("Ctrl+2")));
    auto *find = view->addAction(tr("&Find patient…"), this, [this] {
        showTab(PatientsTab);
        m_patients->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);
    view->addSeparator();
    m_hideAction = view->addAction(tr("&Hide patient data"), this, &MainWindow::hidePatientData);
    m_hideAction->setObjectName(QStringLiteral("hidePatientDataAction"));
    m_hideAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+H")));
    view->addSeparator();
    QAction *toggle = m_activity->toggleViewAction();
    toggle->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+A")));
    view->addAction(toggle);

    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About chartkey"), this, [this] {
        QMessageBox::about(this, tr("About chartkey"),
                           tr("<h3>chartkey %1</h3><p>A desktop OAuth client for EHR APIs.</p>"
                              "<p>Built with Qt %2.</p>")
                                   .arg(QCoreApplication::applicationVersion(),
                                        QString::fromLatin1(qVersion())));
    });
}

void MainWindow::rebuildNotesMenu()
{
    m_notesMenu->clear();
    const QList<QAction *> actions = m_tabs->currentIndex() == ScheduleTab
            ? m_schedule->noteActions()->actions()
            : m_detail->actions();
    m_notesMenu->addActions(actions);
}

void MainWindow::showTab(int index)
{
    if (index >= 0 && index < m_tabs->count())
        m_tabs->setCurrentIndex(index);
}

void MainWindow::announce(const QString &text)
{
    m_announcer->announce(text);
}

void MainWindow::applySettings()
{
    m_idle->setTimeoutMs(qint64(SettingsDialog::idleMinutes()) * 60 * 1000);
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(ProfileStore().policy(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MainWindow::applySettings);
    dialog->open();
}

void MainWindow::reloadProfiles(const QString &select)
{
    const QSignalBlocker block(m_profileBox);
    m_profileBox->clear();
    const ProfileStore store;
    const QStringList names = store.names();
    for (const QString &name : names) {
        if (!store.isManaged(name)) {
            m_profileBox->addItem(name);
            continue;
        }
        // Managed: a lock, and why it cannot be changed.
        m_profileBox->addItem(QIcon::fromTheme(QStringLiteral("object-locked")), name);
        const int i = m_profileBox->count() - 1;
        m_profileBox->setItemData(i, store.managedRefusal(name), Qt::ToolTipRole);
        m_profileBox->setItemData(i, true, kManagedRole);
    }
    if (m_profileBox->findText(select) >= 0)
        m_profileBox->setCurrentText(select);
    selectProfile(m_profileBox->currentText());
}

void MainWindow::selectProfile(const QString &name)
{
    if (m_profileBox->currentText() != name && m_profileBox->findText(name) >= 0) {
        m_profileBox->setCurrentText(name); // comes back here through currentTextChanged
        return;
    }
    cancelSignIn();
    m_banner->dismiss();
    m_bannerAboutPatient = false;
    if (m_connection)
        m_connection->deleteLater();
    m_connection = nullptr;
    delete m_noteStates;
    delete m_tokenEntry; // it belongs to the profile that was current
    m_signedIn = false;
    m_signedInKnown = false;
    m_loadedOnce = false;
    m_tokenRefused = false;
    m_announcedState.clear();
    m_covered = Cover::None;
    m_where.clear();
    const ProfileStore store;
    auto profile = store.load(name);
    // A profile of the person's own that the organisation's policy does not allow is not
    // used: the banner names the policy.
    if (profile && !store.isManaged(name)) {
        if (const QStringList refusals = messages(store.policy().problems(*profile));
            !refusals.isEmpty()) {
            m_banner->show(MessageBanner::Kind::Error,
                           refusals.join(QLatin1Char(' ')) + QLatin1Char(' ')
                                   + tr("\"%1\" is not used.").arg(name));
            profile.reset();
        }
    }
    if (profile) {
        m_connection = new EhrConnection(*profile, m_secrets, &m_nam, Clock::system(), m_log,
                                         this);
        m_noteStates = new NoteStates(m_connection);
        m_where = profile->instanceUrl.host();
        Session *session = m_connection->session();
        connect(session, &Session::tokensChanged, this, &MainWindow::refreshState);
        connect(session, &Session::renewingChanged, this, &MainWindow::refreshState);
        connect(session, &Session::signedOut, this, [this](const Failure &why) {
            if (!why)
                return; // a sign-out asked for here: signOut() says it
            // The EHR ended the session: what is on screen is covered until a sign-in.
            offerSignIn(why.message, why.detail);
            setCover(Cover::SessionEnded);
        });
        connect(session, &Session::storageFailed, this, [this](const Failure &f) {
            m_banner->show(MessageBanner::Kind::Warning, f.message);
            m_banner->setDetail(f.detail);
        });
        QSettings().setValue(QStringLiteral("ui/lastProfile"), name);
    }
    attachPanels();
    setPanelsSignedIn(false);
    m_editProfileAction->setEnabled(bool(m_connection));
    const QString managed = m_connection ? store.managedRefusal(name) : QString();
    m_removeProfileAction->setEnabled(m_connection && managed.isEmpty());
    m_removeProfileAction->setStatusTip(managed);
    m_removeProfileAction->setToolTip(managed);
    m_checkAction->setEnabled(bool(m_connection));
    showPages();
    m_copyJwksAction->setEnabled(m_connection && m_connection->profile().usesKey());
    refreshState();
}

void MainWindow::attachPanels()
{
    const QString profileName = m_connection ? m_connection->profile().name : QString();
    const QString none = m_connection ? noPatientApi(m_connection->profile()) : QString();
    if (!none.isEmpty()) {
        // Nothing to search: the panels get no client, so no FHIR request is ever made.
        m_patients->setNoPatientApi(none);
        m_detail->setClients(nullptr, nullptr);
        m_schedule->setClients(nullptr, nullptr, nullptr, profileName);
        return;
    }
    FhirClient *fhir = m_connection ? m_connection->fhir() : nullptr;
    NotesClient *notes = m_connection ? m_connection->notes() : nullptr;
    m_patients->setFhirClient(fhir);
    m_detail->setClients(fhir, notes, m_noteStates);
    m_schedule->setClients(fhir, notes, m_noteStates, profileName);
}

void MainWindow::setPanelsSignedIn(bool signedIn)
{
    m_patients->setSignedIn(signedIn, m_where);
    m_schedule->setSignedIn(signedIn, m_where);
    if (!signedIn && m_covered != Cover::SessionEnded) {
        // Signed out: no patient stays on screen, not even in the activity bodies.
        m_detail->clearPatient();
        m_activity->setConcealed(true);
    } else if (signedIn && m_covered == Cover::None) {
        m_activity->setConcealed(false);
    }
}

void MainWindow::showPages()
{
    if (!m_connection) {
        m_pages->setCurrentWidget(m_welcome);
        m_bannerAllowed = true;
        placeBanner();
        m_welcome->addButton()->setFocus(Qt::OtherFocusReason); // Enter adds a profile
        return;
    }
    m_pages->setCurrentWidget(m_covered == Cover::None ? static_cast<QWidget *>(m_tabs)
                                                       : m_cover);
    // While covered, the banner (it may name a patient's notes) is out of view too.
    m_bannerAllowed = m_covered != Cover::Idle;
    placeBanner();
}

void MainWindow::placeBanner()
{
    QWidget *central = m_bannerSlot->parentWidget();
    const QMargins margins = central->layout()->contentsMargins();
    const int height = m_banner->slotHeight();
    m_bannerSlot->setGeometry(margins.left(), central->height() - margins.bottom() - height,
                              central->width() - margins.left() - margins.right(), height);
    // Shown only with a message: an empty slot would take the clicks meant for what is under it.
    m_bannerSlot->setVisible(m_bannerAllowed && !m_banner->isHidden());
    m_bannerSlot->raise();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (m_bannerSlot && watched == m_bannerSlot->parentWidget()
        && event->type() == QEvent::Resize) {
        placeBanner();
    } else if (watched == m_banner
               && (event->type() == QEvent::ShowToParent
                   || event->type() == QEvent::HideToParent)) {
        placeBanner();
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::setCover(Cover cover)
{
    if (cover == m_covered)
        return;
    m_covered = cover;
    const QString profile = m_connection ? m_connection->profile().name : QString();
    switch (cover) {
    case Cover::None:
        m_activity->setConcealed(!m_signedIn);
        m_idle->poke();
        break;
    case Cover::Idle: {
        const int minutes = SettingsDialog::idleMinutes();
        m_coverText->setText(
                tr("Patient data is hidden: chartkey was not used for %n minute(s). You are "
                   "still signed in to %1.",
                   nullptr, minutes)
                        .arg(profile));
        m_coverButton->setText(tr("&Show patient data"));
        m_activity->setConcealed(true);
        break;
    }
    case Cover::SessionEnded:
        m_coverText->setText(tr("Patient data is hidden until you sign in to %1 again.")
                                     .arg(profile));
        m_coverButton->setText(tr("Sign &in again"));
        m_activity->setConcealed(true);
        break;
    }
    if (cover != Cover::None) {
        // A question about a patient's notes goes with them.
        for (QDialog *dialog : findChildren<QDialog *>(QStringLiteral("confirmNoteAction")))
            dialog->reject();
    }
    showPages();
    if (cover != Cover::None) {
        m_coverButton->setFocus(Qt::OtherFocusReason);
        announce(m_coverText->text());
    }
}

void MainWindow::hidePatientData()
{
    if (m_connection && m_covered == Cover::None)
        setCover(Cover::Idle);
}

bool MainWindow::isPatientDataHidden() const
{
    return m_covered != Cover::None;
}

QString MainWindow::connectionText() const
{
    return m_stateText;
}

void MainWindow::refreshState()
{
    auto show = [this](const QString &text, const QString &announcement = QString()) {
        m_stateText = text;
        if (m_state->text() != text) {
            m_state->setText(text);
            textChanged(m_state);
        }
        const bool have = bool(m_connection);
        const bool waiting = m_signIn && m_signIn->isWaitingForBrowser();
        // A refused static token is still stored: Sign in (paste a new one) is offered too.
        m_signInAction->setVisible(have && !waiting && (!m_signedIn || m_tokenRefused));
        m_signInAction->setEnabled(have && !waiting);
        m_cancelAction->setVisible(waiting);
        m_copyUrlAction->setVisible(waiting);
        m_signOutAction->setVisible(have && !waiting && m_signedIn);
        m_tokenAction->setEnabled(have && m_signedIn);
        m_hideAction->setEnabled(have && m_signedIn);
        // Said to a screen reader when the state changes, not at every tick of a countdown.
        const QString said = announcement.isEmpty() ? text : announcement;
        if (said != m_announcedState) {
            m_announcedState = said;
            announce(said);
        }
        Q_EMIT connectionStateChanged();
    };
    if (!m_connection) {
        m_signedIn = false;
        show(tr("No profile — add one to begin"));
        return;
    }
    if (m_signIn) {
        if (m_signIn->isWaitingForBrowser()) {
            const qint64 left = kBrowserWaitMs - m_waitClock.elapsed();
            show(tr("Waiting for the browser — finish signing in there (%1 left)")
                         .arg(minutesSeconds(left)),
                 tr("Waiting for the browser: finish signing in there."));
            m_state->setToolTip(m_signIn->authorizationUrl().toString());
        } else {
            show(tr("Signing in…"));
        }
        return;
    }
    m_state->setToolTip(QString());
    Session *session = m_connection->session();
    if (session->isRenewing()) {
        show(tr("Renewing…"), m_announcedState); // not announced: nothing to do about it
        return;
    }
    const QPointer<EhrConnection> connection = m_connection;
    session->readStored()->then(this, [this, show, connection](const StoredSignIn &read) {
        if (connection != m_connection)
            return; // the profile changed meanwhile
        const std::optional<TokenSet> &stored = read.tokens;
        const Failure &failure = read.failure;
        const Profile &profile = m_connection->profile();
        const QString where = profile.instanceUrl.host();
        const bool wasSignedIn = m_signedIn;
        const bool wasKnown = std::exchange(m_signedInKnown, true);
        m_signedIn = bool(stored);
        if (failure) {
            show(tr("Keychain unavailable"));
            m_banner->show(MessageBanner::Kind::Error, failure.message);
            m_banner->setDetail(failure.detail);
            return;
        }
        const bool staticToken = usesStaticToken(profile);
        if (!stored) {
            if (wasSignedIn || !wasKnown)
                setPanelsSignedIn(false);
            // The Sign in button stands beside this line: it is not said again here.
            show(staticToken ? tr("No access token stored for %1").arg(where)
                             : tr("Signed out of %1").arg(where));
            return;
        }
        // Who signed in, when the EHR said (the ID token kept with the tokens).
        const IdTokenIdentity identity = idtoken::identityOf(*stored);
        const QString practitioner =
                fhir::referenceId(identity.fhirUser, QStringLiteral("Practitioner"));
        QString who;
        if (!identity.isEmpty()) {
            // A name says who; the practitioner's id only when there is no name (the id, for
            // whoever needs it, is in the tooltip: the line stays short enough for Sign out).
            who = practitioner.isEmpty() || !identity.name.isEmpty()
                    ? tr("Signed in as %1 at %2").arg(identity.displayName(), where)
                    : tr("Signed in as %1 (Practitioner/%2) at %3")
                              .arg(identity.displayName(), practitioner, where);
            if (!practitioner.isEmpty())
                m_state->setToolTip(tr("Practitioner/%1").arg(practitioner));
        } else {
            who = tr("Signed in to %1").arg(where);
        }
        const qint64 seconds = stored->expiresAt.isValid()
                ? m_clock->now().secsTo(stored->expiresAt)
                : -1;
        const QString renews = stored->canRefresh() ? tr(", renews automatically") : QString();
        if (staticToken && m_tokenRefused)
            show(tr("%1 refused the stored access token").arg(where));
        else if (staticToken)
            show(tr("%1 with a stored access token (not renewed)").arg(who), who);
        else if (!stored->expiresAt.isValid())
            show(who);
        else if (seconds > 0)
            show(tr("%1 — access valid %2%3").arg(who, validFor(seconds), renews), who);
        else
            show(tr("%1 — access expired%2").arg(who, renews), who);
        if (!practitioner.isEmpty())
            m_schedule->setSignedInPractitioner(practitioner, identity.displayName());
        if (!wasSignedIn) {
            setPanelsSignedIn(true);
            if (m_covered == Cover::SessionEnded)
                setCover(Cover::None);
        }
        const bool justSignedIn = std::exchange(m_justSignedIn, false) || !wasSignedIn;
        if (!m_loadedOnce && m_patients->hasPatientApi()) {
            // Reuse the stored token: a search asked for while signed out, else the first
            // page of patients with the last search — unless the person typed one.
            m_loadedOnce = true;
            if (m_patients->hasPendingSearch()) {
                m_patients->runPendingSearch();
            } else if (!m_patients->searchWasTyped() && m_patients->searchText().isEmpty()) {
                QSettings s;
                m_restoringSearch = true;
                m_patients->search(
                        s.value(QStringLiteral("ui/searchField"), QStringLiteral("name")).toString(),
                        s.value(QStringLiteral("ui/searchText")).toString());
                m_restoringSearch = false;
            }
        } else if (justSignedIn && m_patients->hasPendingSearch()) {
            // Once, with the new sign-in: never again with a token the EHR refused.
            m_patients->runPendingSearch();
        }
    });
}

void MainWindow::offerSignIn(const QString &message, const QString &detail)
{
    // Said once: the same message again (the search, the schedule and the notes may all
    // learn it) changes nothing.
    if (m_connection && usesStaticToken(m_connection->profile()))
        m_banner->show(MessageBanner::Kind::Error, message, tr("Paste a new token…"),
                       [this] { enterAccessToken(); }, tr("Edit profile…"),
                       [this] { editProfile(false); });
    else
        m_banner->show(MessageBanner::Kind::Error, message, tr("Sign in again"),
                       [this] { signIn(); });
    if (!detail.isEmpty())
        m_banner->setDetail(detail);
    m_bannerAboutPatient = false;
    refreshState();
}

void MainWindow::onSearchFailed(const Failure &failure)
{
    if (!m_connection || !usesStaticToken(m_connection->profile()))
        return; // shown in place; nothing a sign-in would change
    if (failure.httpStatus == 401) {
        // The Session said it (expired, revoked or another server's) and kept the token;
        // the search is repeated once a new one is stored.
        m_tokenRefused = true;
        offerSignIn(failure.message);
    } else if (failure.kind == Failure::Kind::Configuration) {
        // No token stored (removed by `chartkey logout` meanwhile, say).
        offerSignIn(failure.message);
    }
}

void MainWindow::signIn()
{
    if (!m_connection || m_signIn)
        return;
    if (usesStaticToken(m_connection->profile())) {
        enterAccessToken(); // no browser: the token is made by hand and pasted
        return;
    }
    m_banner->dismiss();
    startSignIn(QString());
}

void MainWindow::startSignIn(const QString &staticToken)
{
    m_signIn = new SignIn(m_connection, m_opener, this);
    m_signIn->setStaticToken(staticToken);
    m_signIn->setBrowserTimeoutMs(kBrowserWaitMs);
    connect(m_signIn, &SignIn::authorizationUrlReady, this, [this] {
        m_waitClock.start();
        m_waitTick.start();
        refreshState();
    });
    connect(m_signIn, &SignIn::browserFailed, this, [this](const QString &message) {
        // The address is the way on: copy it into a browser by hand.
        m_banner->show(MessageBanner::Kind::Warning,
                       tr("%1 Copy the sign-in address into a browser to sign in; chartkey "
                          "waits %2 for it.")
                               .arg(message, validFor(kBrowserWaitMs / 1000)),
                       tr("Copy address"), [this] { m_copyUrlAction->trigger(); },
                       tr("Cancel sign-in"), [this] { cancelSignIn(); });
        m_banner->setDetail(m_signIn ? m_signIn->authorizationUrl().toString() : QString());
    });
    m_signIn->then(this, &MainWindow::signInFinished);
    m_signIn->start();
    refreshState();
}

void MainWindow::signInFinished(const SignInOutcome &outcome)
{
    m_signIn = nullptr;
    m_waitTick.stop();
    if (outcome.failure) {
        if (outcome.failure.kind != Failure::Kind::Cancelled) {
            if (m_connection && usesStaticToken(m_connection->profile()))
                m_banner->show(MessageBanner::Kind::Error, outcome.failure.message,
                               tr("Paste the token…"), [this] { enterAccessToken(); });
            else
                m_banner->show(MessageBanner::Kind::Error, outcome.failure.message,
                               tr("Try again"), [this] { signIn(); });
            m_banner->setDetail(outcome.failure.detail);
        } else if (m_banner->kind() == MessageBanner::Kind::Warning) {
            m_banner->dismiss(); // the browser's trouble is over with the attempt
        }
        refreshState();
        return;
    }
    m_tokenRefused = false;
    afterSignIn();
}

QDialog *MainWindow::enterAccessToken()
{
    if (!m_connection || !usesStaticToken(m_connection->profile()))
        return nullptr;
    if (m_tokenEntry) {
        m_tokenEntry->raise();
        m_tokenEntry->activateWindow();
        return m_tokenEntry;
    }
    const Profile &profile = m_connection->profile();
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("accessTokenDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Access token for %1").arg(profile.name));
    auto *layout = new QVBoxLayout(dialog);
    auto *about = new QLabel(
            tr("%1 uses an access token made by hand instead of a sign-in through the browser. "
               "Make one %2 and paste it here. chartkey keeps it in the keychain and uses it "
               "until the server refuses it; then make a new one.")
                    .arg(profile.name, whereTokensAreMade(profile)),
            dialog);
    about->setObjectName(QStringLiteral("accessTokenHelp"));
    about->setTextFormat(Qt::PlainText);
    about->setWordWrap(true);
    layout->addWidget(about);
    auto *label = new QLabel(tr("Access &token:"), dialog);
    auto *edit = new QLineEdit(dialog);
    edit->setObjectName(QStringLiteral("accessToken"));
    edit->setAccessibleName(tr("Access token"));
    edit->setEchoMode(QLineEdit::Password);
    edit->setPlaceholderText(tr("paste the token; it goes to the keychain"));
    label->setBuddy(edit);
    layout->addWidget(label);
    layout->addWidget(edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton *store = buttons->button(QDialogButtonBox::Ok);
    store->setText(tr("&Store token"));
    store->setEnabled(false);
    layout->addWidget(buttons);
    dialog->resize(480, dialog->sizeHint().height());

    connect(edit, &QLineEdit::textChanged, store,
            [store](const QString &text) { store->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    const QPointer<EhrConnection> connection = m_connection;
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, edit, connection] {
        const QString token = edit->text().trimmed();
        if (token.isEmpty())
            return;
        edit->clear();
        dialog->accept();
        if (connection == m_connection)
            storeAccessToken(token);
    });
    m_tokenEntry = dialog;
    dialog->open();
    return dialog;
}

void MainWindow::storeAccessToken(const QString &token)
{
    if (!m_connection || m_signIn)
        return;
    m_banner->dismiss();
    startSignIn(token); // the same keychain entry and TokenSet JSON as `chartkey profile set-token`
}

void MainWindow::afterSignIn()
{
    m_justSignedIn = true;
    refreshState();
    NoteActionBar *pending = m_detail->hasPending() ? m_detail->noteActions()
            : m_schedule->noteActions()->hasPending() ? m_schedule->noteActions()
                                                      : nullptr;
    if (pending) {
        m_banner->show(MessageBanner::Kind::Information,
                       tr("Signed in. %1 was not done before; do it now?")
                               .arg(pending->pendingDescription()),
                       tr("Retry"), [pending] { pending->retryPending(); });
        m_bannerAboutPatient = true;
    } else if (!m_banner->isVisible()) {
        const Profile &profile = m_connection->profile();
        m_banner->show(MessageBanner::Kind::Success,
                       usesStaticToken(profile)
                               ? tr("The access token of %1 is stored.").arg(profile.name)
                               : tr("Signed in to %1.").arg(profile.name));
    }
}

void MainWindow::cancelSignIn()
{
    if (m_signIn)
        m_signIn->cancel();
}

void MainWindow::openEndSessionPage(const QUrl &page)
{
    QString error;
    if (m_opener && m_opener->open(page, &error)) {
        m_banner->show(MessageBanner::Kind::Information,
                       tr("Opened the EHR's sign-out page in the browser: confirm there to end "
                          "the browser's sign-in."));
        return;
    }
    m_banner->show(MessageBanner::Kind::Warning,
                   tr("Could not open the browser (%1). Open the EHR's sign-out page by hand: %2")
                           .arg(error, page.toString()));
}

void MainWindow::signOut()
{
    if (!m_connection)
        return;
    m_connection->session()->signOut()->then(this, [this](const SignOutResult &result) {
        if (!result.removed) {
            m_banner->show(MessageBanner::Kind::Error, result.failure.message);
            m_banner->setDetail(result.failure.detail);
        } else if (result.hadSignIn) {
            const auto kind = result.revocation == SignOutResult::Revocation::Revoked
                    ? MessageBanner::Kind::Information
                    : MessageBanner::Kind::Warning;
            QString detail = result.failure.detail;
            if (result.endSessionPage.isEmpty()) {
                m_banner->show(kind, result.message);
            } else {
                const QUrl page = result.endSessionPage;
                m_banner->show(kind, result.message + QLatin1Char(' ') + result.endSessionAdvice,
                               tr("Open sign-out page"), [this, page] { openEndSessionPage(page); });
                detail = QStringList{detail, tr("The EHR's sign-out page: %1").arg(page.toString())}
                                 .join(QLatin1Char('\n'))
                                 .trimmed();
            }
            m_banner->setDetail(detail);
        }
        m_bannerAboutPatient = false;
        if (m_patients->hasPatientApi())
            m_patients->setFhirClient(m_connection->fhir());
        m_loadedOnce = false;
        m_tokenRefused = false;
        if (m_noteStates)
            m_noteStates->clear();
        m_covered = Cover::None;
        m_signedIn = false;
        setPanelsSignedIn(false);
        showPages();
        refreshState();
    });
}

void MainWindow::editProfile(bool isNew)
{
    // A new profile starts from the default preset; the editor fills in its defaults.
    const ProfileStore store;
    if (isNew && !store.policy().addRefusal().isEmpty()) {
        m_banner->show(MessageBanner::Kind::Error, store.policy().addRefusal());
        return;
    }
    const Profile initial = !isNew && m_connection ? m_connection->profile() : Profile();
    auto *dialog = new ProfileEditorDialog(initial, isNew, store.names(), this);
    if (!isNew && store.isManaged(initial.name))
        dialog->setManaged(store.managedRefusal(initial.name));
    openEditor(dialog, isNew);
}

void MainWindow::importProfile()
{
    auto *files = new QFileDialog(this, tr("Import a profile"), QString(),
                                  tr("Profiles (*.json);;All files (*)"));
    files->setObjectName(QStringLiteral("importProfileFile"));
    files->setAttribute(Qt::WA_DeleteOnClose);
    files->setFileMode(QFileDialog::ExistingFile);
    files->setAcceptMode(QFileDialog::AcceptOpen);
    connect(files, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const ProfileStore store;
        if (const QString refusal = store.policy().addRefusal(); !refusal.isEmpty()) {
            m_banner->show(MessageBanner::Kind::Error, refusal);
            return;
        }
        auto *dialog = new ProfileEditorDialog(Profile(), true, store.names(), this);
        QString error;
        if (!dialog->importFrom(path, &error)) {
            delete dialog;
            m_banner->show(MessageBanner::Kind::Error, error);
            return;
        }
        // The imported profile is shown in the editor and saved on OK.
        openEditor(dialog, true);
    });
    files->open();
}

void MainWindow::openEditor(ProfileEditorDialog *dialog, bool isNew)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPolicy(ProfileStore().policy());
    const Profile initial = !isNew && m_connection ? m_connection->profile() : Profile();
    connect(dialog, &QDialog::accepted, this, [this, dialog, initial, isNew] {
        if (dialog->isManaged())
            return; // shown, never saved
        const Profile edited = dialog->profile();
        const QString secret = dialog->clientSecret();
        const QString token = dialog->accessToken();
        auto save = [this, edited, initial, isNew] {
            ProfileStore s;
            if (!isNew && initial.name != edited.name)
                s.remove(initial.name);
            s.save(edited);
            reloadProfiles(edited.name);
        };
        auto keep = [this, edited, secret, token, save] {
            if (usesStaticToken(edited) && !token.isEmpty()) {
                // The profile is saved first, so that a keychain failure loses none of the
                // other edits; then the token is kept as a sign-in of the profile now selected.
                save();
                storeAccessToken(token);
                return;
            }
            if (secret.isEmpty() || !edited.isConfidential()) {
                save();
                return;
            }
            // The secret goes to the keychain first; without it the profile is not saved.
            m_secrets->write(edited.clientSecretKey(), secret.toUtf8())
                    ->then(this, [this, save](const SecretStore::Result &r) {
                        if (!r.isOk()) {
                            m_banner->show(MessageBanner::Kind::Error,
                                           r.message + QLatin1Char(' ')
                                                   + tr("The profile was not saved."));
                            return;
                        }
                        save();
                    });
        };
        if (!isNew && usesStaticToken(initial) && !usesStaticToken(edited)) {
            // A hand-made token is not a sign-in and must not be taken for one: it goes first.
            m_secrets->remove(initial.tokensKey())
                    ->then(this, [keep](const SecretStore::Result &) { keep(); });
            return;
        }
        keep();
    });
    dialog->open();
}

void MainWindow::removeProfile()
{
    if (!m_connection)
        return;
    const Profile profile = m_connection->profile();
    if (const ProfileStore store; store.isManaged(profile.name)) {
        m_banner->show(MessageBanner::Kind::Error, store.managedRefusal(profile.name));
        return;
    }
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Remove profile"),
                                tr("Remove the profile “%1”?\n\nchartkey signs out of %2 first "
                                   "(asking the EHR to revoke the sign-in), then removes the "
                                   "profile, its sign-in and its client secret from this "
                                   "computer.")
                                        .arg(profile.name, profile.instanceUrl.host()),
                                QMessageBox::Cancel, this);
    ask->setObjectName(QStringLiteral("removeProfileDialog"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = ask->addButton(tr("&Remove profile"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("removeProfileConfirm"));
    ask->setDefaultButton(QMessageBox::Cancel);
    const QPointer<EhrConnection> connection = m_connection;
    connect(ask, &QMessageBox::buttonClicked, this,
            [this, remove, connection, profile](QAbstractButton *clicked) {
                if (clicked != remove || connection != m_connection)
                    return;
                // Sign out first, through the session: revoked at the EHR, or said why not.
                m_connection->session()->signOut()->then(
                        this, [this, profile](const SignOutResult &out) {
                            if (!out.removed && out.failure.kind == Failure::Kind::Storage) {
                                m_banner->show(MessageBanner::Kind::Error,
                                               tr("%1 The profile “%2” was kept.")
                                                       .arg(out.failure.message, profile.name));
                                m_banner->setDetail(out.failure.detail);
                                return;
                            }
                            const QString signedOut = out.hadSignIn
                                    ? out.message
                                    : tr("There was no sign-in to revoke.");
                            m_secrets->remove(profile.clientSecretKey())
                                    ->then(this, [this, profile, signedOut,
                                                  out](const SecretStore::Result &r) {
                                        ProfileStore().remove(profile.name);
                                        QString text = tr("Removed the profile “%1”. %2")
                                                               .arg(profile.name, signedOut);
                                        if (!r.isOk() && r.status != SecretStore::Status::NotFound)
                                            text += QLatin1Char(' ') + r.message;
                                        reloadProfiles(QString());
                                        m_banner->show(
                                                out.revocation == SignOutResult::Revocation::Revoked
                                                                || !out.hadSignIn
                                                        ? MessageBanner::Kind::Information
                                                        : MessageBanner::Kind::Warning,
                                                text);
                                        m_banner->setDetail(out.failure.detail);
                                    });
                        });
            });
    ask->open();
}

void MainWindow::copyJwks()
{
    if (!m_connection || !m_connection->profile().usesKey())
        return;
    const Profile profile = m_connection->profile();
    auto copied = [this](const KeyRing &ring, const QString &made) {
        QApplication::clipboard()->setText(
                QString::fromUtf8(QJsonDocument(ring.publicJwks()).toJson(QJsonDocument::Indented)));
        m_banner->show(MessageBanner::Kind::Information,
                       (made.isEmpty() ? QString()
                                       : tr("Made key %1; the private key is in the keychain "
                                            "only. ")
                                                 .arg(made))
                               + tr("The public key (JWKS) is on the clipboard: register it "
                                    "with the EHR."));
    };
    clientkeys::read(m_secrets, profile, this)->then(this, [this, profile, copied](const KeyRingRead &r) {
        if (r.failure) {
            m_banner->show(MessageBanner::Kind::Error, r.failure.message);
            return;
        }
        if (r.found) {
            copied(r.ring, QString());
            return;
        }
        QString error;
        const QJsonObject key = jose::generateKey(jose::Algorithm::ES384, 2048, &error);
        if (key.isEmpty()) {
            m_banner->show(MessageBanner::Kind::Error, tr("No key could be made: %1").arg(error));
            return;
        }
        KeyRing ring;
        ring.keys = {key};
        clientkeys::write(m_secrets, profile, ring, this)->then(this, [this, ring, copied](const Failure &f) {
            if (f) {
                m_banner->show(MessageBanner::Kind::Error, f.message);
                return;
            }
            copied(ring, ring.signingKey().value(QStringLiteral("kid")).toString());
        });
    });
}

void MainWindow::showTokenInspector()
{
    if (!m_connection)
        return;
    auto *dialog = new TokenInspectorDialog(m_connection->session(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

CheckWindow *MainWindow::showRegistrationCheck()
{
    if (!m_connection)
        return nullptr;
    const Profile &profile = m_connection->profile();
    if (!m_checkWindow || m_checkWindow->profile().name != profile.name) {
        m_checkWindow = new CheckWindow(profile, m_secrets, &m_nam, m_opener, Clock::system(),
                                        this);
        m_checkWindow->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_checkWindow->show();
    m_checkWindow->raise();
    m_checkWindow->activateWindow();
    return m_checkWindow;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("ui/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace chartkey::ui

#include "mainwindow.h"

#include "activitydock.h"
#include "auth/browsersignin.h"
#include "auth/clientkeys.h"
#include "auth/jose.h"
#include "auth/session.h"
#include "checkwindow.h"
#include "actions/ehrconnection.h"
#include "messagebanner.h"
#include "net/activitylog.h"
#include "patientdetail.h"
#include "patientspanel.h"
#include "profile/presets.h"
#include "profileeditor.h"
#include "storage/profilestore.h"
#include "storage/secretstore.h"
#include "tokeninspector.h"
#include "base/clock.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QToolBar>
#include <QVBoxLayout>

namespace chartkey::ui {

namespace {

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

} // namespace

MainWindow::MainWindow(SecretStore *secrets, UrlOpener *opener, QWidget *parent)
    : QMainWindow(parent)
    , m_secrets(secrets)
    , m_opener(opener)
    , m_log(new ActivityLog(this))
{
    setWindowTitle(tr("chartkey"));
    setWindowIcon(QIcon(QStringLiteral(":/chartkey/chartkey.svg")));

    auto *toolbar = addToolBar(tr("Connection"));
    toolbar->setObjectName(QStringLiteral("connectionToolbar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr("Profile:") + QLatin1Char(' '), toolbar));
    m_profileBox = new QComboBox(toolbar);
    m_profileBox->setAccessibleName(tr("Profile"));
    m_profileBox->setMinimumContentsLength(14);
    toolbar->addWidget(m_profileBox);
    toolbar->addSeparator();
    m_state = new QLabel(toolbar);
    m_state->setAccessibleName(tr("Sign-in state"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setContentsMargins(6, 0, 6, 0);
    toolbar->addWidget(m_state);

    m_signInAction = new QAction(tr("&Sign in"), this);
    m_signInAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+O")));
    m_cancelAction = new QAction(tr("&Cancel sign-in"), this);
    m_copyUrlAction = new QAction(tr("Copy sign-in &address"), this);
    m_signOutAction = new QAction(tr("Sign &out"), this);
    m_tokenAction = new QAction(tr("&Token…"), this);
    m_tokenAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+T")));
    for (QAction *a : {m_signInAction, m_cancelAction, m_copyUrlAction, m_signOutAction,
                       m_tokenAction})
        toolbar->addAction(a);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    m_banner = new MessageBanner(central);
    layout->addWidget(m_banner);
    auto *splitter = new QSplitter(Qt::Horizontal, central);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_patients = new PatientsPanel(splitter);
    m_detail = new PatientDetailPanel(splitter);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_activity = new ActivityDock(m_log, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_activity);

    buildMenus();

    connect(m_signInAction, &QAction::triggered, this, &MainWindow::signIn);
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelSignIn);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOut);
    connect(m_tokenAction, &QAction::triggered, this, &MainWindow::showTokenInspector);
    connect(m_copyUrlAction, &QAction::triggered, this, [this] {
        if (m_signIn)
            QApplication::clipboard()->setText(
                    m_signIn->authorizationUrl().toString(QUrl::FullyEncoded));
    });
    connect(m_profileBox, &QComboBox::currentTextChanged, this, &MainWindow::selectProfile);
    connect(m_patients, &PatientsPanel::patientSelected, m_detail,
            &PatientDetailPanel::showPatient);
    connect(m_patients, &PatientsPanel::signInNeeded, this, [this](const QString &message) {
        m_searchPending = true;
        offerSignIn(message);
    });
    connect(m_patients, &PatientsPanel::searchFailed, this, &MainWindow::onSearchFailed);
    connect(m_detail, &PatientDetailPanel::signInNeeded, this, &MainWindow::offerSignIn);
    connect(m_detail, &PatientDetailPanel::batchFinished, this, [this](int done, int total) {
        if (done < total && !m_detail->hasPending())
            m_banner->show(MessageBanner::Kind::Warning,
                           tr("%1 of %2 note actions were done; see the results for the "
                              "others.")
                                   .arg(done)
                                   .arg(total));
    });
    m_countdown.setInterval(30000);
    connect(&m_countdown, &QTimer::timeout, this, &MainWindow::refreshState);
    m_countdown.start();

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("ui/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("ui/state")).toByteArray());
    if (!settings.contains(QStringLiteral("ui/geometry")))
        resize(1100, 720);
    reloadProfiles(settings.value(QStringLiteral("ui/lastProfile")).toString());
}

MainWindow::~MainWindow()
{
    // Before m_nam goes: a running check still has its requests on it.
    delete m_checkWindow;
}

void MainWindow::buildMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    auto *newProfile = file->addAction(tr("&New profile…"), this, [this] { editProfile(true); });
    newProfile->setShortcut(QKeySequence::New);
    m_editProfileAction = file->addAction(tr("&Edit profile…"), this,
                                          [this] { editProfile(false); });
    // Tests the registration with tokens of its own: works signed in or out.
    m_checkAction = file->addAction(tr("&Test registration…"), this,
                                    [this] { showRegistrationCheck(); });
    m_checkAction->setObjectName(QStringLiteral("testRegistrationAction"));
    m_checkAction->setStatusTip(tr("Check the profile's OAuth registration end to end and "
                                   "show what to fix"));
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

    auto *patients = menuBar()->addMenu(tr("&Patients"));
    auto *find = patients->addAction(tr("&Find…"), m_patients, &PatientsPanel::focusSearch);
    find->setShortcut(QKeySequence::Find);
    patients->addSeparator();
    patients->addActions(m_detail->actions());

    auto *view = menuBar()->addMenu(tr("&View"));
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

void MainWindow::reloadProfiles(const QString &select)
{
    const QSignalBlocker block(m_profileBox);
    m_profileBox->clear();
    m_profileBox->addItems(ProfileStore().names());
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
    if (m_connection)
        m_connection->deleteLater();
    m_connection = nullptr;
    delete m_tokenEntry; // it belongs to the profile that was current
    m_signedIn = false;
    m_loadedOnce = false;
    m_searchPending = false;
    m_tokenRefused = false;
    const auto profile = ProfileStore().load(name);
    if (profile) {
        m_connection = new EhrConnection(*profile, m_secrets, &m_nam, Clock::system(), m_log,
                                         this);
        Session *session = m_connection->session();
        connect(session, &Session::tokensChanged, this, &MainWindow::refreshState);
        connect(session, &Session::renewingChanged, this, &MainWindow::refreshState);
        connect(session, &Session::signedOut, this, [this](const Failure &why) {
            if (why)
                offerSignIn(why.message);
        });
        connect(session, &Session::storageFailed, this, [this](const Failure &f) {
            m_banner->show(MessageBanner::Kind::Warning, f.message);
        });
        QSettings().setValue(QStringLiteral("ui/lastProfile"), name);
    }
    attachPanels();
    m_editProfileAction->setEnabled(bool(m_connection));
    m_checkAction->setEnabled(bool(m_connection));
    m_copyJwksAction->setEnabled(m_connection && m_connection->profile().usesKey());
    refreshState();
}

void MainWindow::attachPanels()
{
    const QString none = m_connection ? noPatientApi(m_connection->profile()) : QString();
    if (!none.isEmpty()) {
        // Nothing to search: the panels get no client, so no FHIR request is ever made.
        m_patients->setNoPatientApi(none);
        m_detail->setClients(nullptr, nullptr);
        return;
    }
    m_patients->setFhirClient(m_connection ? m_connection->fhir() : nullptr);
    m_detail->setClients(m_connection ? m_connection->fhir() : nullptr,
                         m_connection ? m_connection->notes() : nullptr);
}

QString MainWindow::connectionText() const
{
    return m_stateText;
}

void MainWindow::refreshState()
{
    auto show = [this](const QString &text) {
        m_stateText = text;
        m_state->setText(text);
        const bool have = bool(m_connection);
        const bool waiting = m_signIn && m_signIn->isWaitingForBrowser();
        // A refused static token is still stored: Sign in (paste a new one) is offered too.
        m_signInAction->setVisible(have && !waiting && (!m_signedIn || m_tokenRefused));
        m_signInAction->setEnabled(have && !waiting);
        m_cancelAction->setVisible(waiting);
        m_copyUrlAction->setVisible(waiting);
        m_signOutAction->setVisible(have && !waiting && m_signedIn);
        m_tokenAction->setEnabled(have && m_signedIn);
        Q_EMIT connectionStateChanged();
    };
    if (!m_connection) {
        m_signedIn = false;
        show(tr("No profile — add one with File → New profile"));
        return;
    }
    if (m_signIn) {
        show(m_signIn->isWaitingForBrowser()
                     ? tr("Waiting for the browser… finish signing in there")
                     : tr("Signing in…"));
        return;
    }
    Session *session = m_connection->session();
    if (session->isRenewing()) {
        show(tr("Renewing…"));
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
        m_signedIn = bool(stored);
        if (failure) {
            show(tr("Keychain unavailable"));
            m_banner->show(MessageBanner::Kind::Error, failure.message);
            return;
        }
        const bool staticToken = usesStaticToken(profile);
        if (!stored) {
            show(staticToken ? tr("No access token stored for %1 — Sign in to paste one")
                                       .arg(where)
                             : tr("Signed out of %1 — Sign in").arg(where));
            return;
        }
        const qint64 seconds = stored->expiresAt.isValid()
                ? Clock::system()->now().secsTo(stored->expiresAt)
                : -1;
        const QString renews = stored->canRefresh() ? tr(", renews automatically") : QString();
        if (staticToken && m_tokenRefused)
            show(tr("%1 refused the stored access token — Sign in to paste a new one")
                         .arg(where));
        else if (staticToken)
            show(tr("Signed in to %1 with a stored access token (not renewed)").arg(where));
        else if (!stored->expiresAt.isValid())
            show(tr("Signed in to %1").arg(where));
        else if (seconds > 0)
            show(tr("Signed in to %1 — access valid %2 h %3 min%4")
                         .arg(where)
                         .arg(seconds / 3600)
                         .arg((seconds % 3600) / 60)
                         .arg(renews));
        else
            show(tr("Signed in to %1 — access expired%2").arg(where, renews));
        if (!m_loadedOnce && m_patients->hasPatientApi()) {
            // Reuse the stored token: the first page of patients, with the last search.
            m_loadedOnce = true;
            QSettings s;
            m_patients->search(s.value(QStringLiteral("ui/searchField"), QStringLiteral("name"))
                                       .toString(),
                               s.value(QStringLiteral("ui/searchText")).toString());
        }
    });
}

void MainWindow::offerSignIn(const QString &message)
{
    if (m_connection && usesStaticToken(m_connection->profile()))
        m_banner->show(MessageBanner::Kind::Error, message, tr("Paste a new token…"),
                       [this] { enterAccessToken(); }, tr("Edit profile…"),
                       [this] { editProfile(false); });
    else
        m_banner->show(MessageBanner::Kind::Error, message, tr("Sign in again"),
                       [this] { signIn(); });
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
        m_searchPending = true;
        offerSignIn(failure.message);
    } else if (failure.kind == Failure::Kind::Configuration) {
        // No token stored (removed by `chartkey logout` meanwhile, say).
        m_searchPending = true;
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
    connect(m_signIn, &SignIn::authorizationUrlReady, this, [this] { refreshState(); });
    connect(m_signIn, &SignIn::browserFailed, this, [this](const QString &message) {
        m_banner->show(MessageBanner::Kind::Warning, message, tr("Copy address"),
                       [this] { m_copyUrlAction->trigger(); });
    });
    m_signIn->then(this, &MainWindow::signInFinished);
    m_signIn->start();
    refreshState();
}

void MainWindow::signInFinished(const SignInOutcome &outcome)
{
    m_signIn = nullptr;
    if (outcome.failure) {
        if (outcome.failure.kind != Failure::Kind::Cancelled) {
            if (m_connection && usesStaticToken(m_connection->profile()))
                m_banner->show(MessageBanner::Kind::Error, outcome.failure.message,
                               tr("Paste the token…"), [this] { enterAccessToken(); });
            else
                m_banner->show(MessageBanner::Kind::Error, outcome.failure.message,
                               tr("Try again"), [this] { signIn(); });
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
    refreshState();
    if (m_searchPending) {
        m_searchPending = false;
        m_patients->repeatSearch();
    }
    if (m_detail->hasPending()) {
        m_banner->show(MessageBanner::Kind::Information,
                       tr("Signed in. %1 was not done before; do it now?")
                               .arg(m_detail->pendingDescription()),
                       tr("Retry"), [this] { m_detail->retryPending(); });
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

void MainWindow::signOut()
{
    if (!m_connection)
        return;
    m_connection->session()->signOut()->then(this, [this](const SignOutResult &result) {
        if (!result.removed)
            m_banner->show(MessageBanner::Kind::Error, result.failure.message);
        else if (result.hadSignIn)
            m_banner->show(result.revocation == SignOutResult::Revocation::Revoked
                                   ? MessageBanner::Kind::Information
                                   : MessageBanner::Kind::Warning,
                           result.message);
        if (m_patients->hasPatientApi())
            m_patients->setFhirClient(m_connection->fhir());
        m_loadedOnce = false;
        m_tokenRefused = false;
        refreshState();
    });
}

void MainWindow::editProfile(bool isNew)
{
    ProfileStore store;
    // A new profile starts from the default preset; the editor fills in its defaults.
    Profile initial = !isNew && m_connection ? m_connection->profile() : Profile();
    ProfileEditorDialog dialog(initial, isNew, store.names(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Profile edited = dialog.profile();
    const QString secret = dialog.clientSecret();
    const QString token = dialog.accessToken();
    auto save = [this, edited, initial, isNew] {
        ProfileStore s;
        if (!isNew && initial.name != edited.name)
            s.remove(initial.name);
        s.save(edited);
        reloadProfiles(edited.name);
    };
    auto keep = [this, edited, initial, isNew, secret, token, save] {
        if (usesStaticToken(edited) && !token.isEmpty()) {
            // The profile is saved first, so that a keychain failure loses none of the other
            // edits; then the token is kept as a sign-in of the profile now selected.
            save();
            storeAccessToken(token);
            return;
        }
        if (secret.isEmpty() || !edited.isConfidential()) {
            save();
            return;
        }
        // The secret goes to the keychain first; without it the profile is not saved.
        m_secrets->write(edited.clientSecretKey(), secret.toUtf8())->then(this, [this, save](const SecretStore::Result &r) {
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
        m_secrets->remove(initial.tokensKey())->then(this, [keep](const SecretStore::Result &) { keep(); });
        return;
    }
    keep();
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
    settings.setValue(QStringLiteral("ui/searchField"), m_patients->searchField());
    settings.setValue(QStringLiteral("ui/searchText"), m_patients->searchText());
    QMainWindow::closeEvent(event);
}

} // namespace chartkey::ui

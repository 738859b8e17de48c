#include "mainwindow.h"

#include "auth/browsersignin.h"
#include "auth/tokenclient.h"
#include "util/clock.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace chartkey::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tokens(new TokenClient(&m_nam, Clock::system(), this))
{
    setWindowTitle(tr("chartkey"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *form = new QFormLayout;
    m_profileBox = new QComboBox(central);
    m_profileBox->setAccessibleName(tr("Profile"));
    m_profileBox->addItems(m_profiles.names());
    form->addRow(tr("&Profile:"), m_profileBox);
    m_state = new QLabel(central);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Sign-in:"), m_state);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    m_signInButton = new QPushButton(tr("&Sign in"), central);
    m_signOutButton = new QPushButton(tr("Sign &out"), central);
    buttons->addWidget(m_signInButton);
    buttons->addWidget(m_signOutButton);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();
    setCentralWidget(central);
    resize(640, 240);

    connect(m_profileBox, &QComboBox::currentTextChanged, this, &MainWindow::selectProfile);
    connect(m_signInButton, &QPushButton::clicked, this, &MainWindow::signIn);
    connect(m_signOutButton, &QPushButton::clicked, this, &MainWindow::signOut);

    const QString last = QSettings().value(QStringLiteral("ui/lastProfile")).toString();
    if (m_profileBox->findText(last) >= 0)
        m_profileBox->setCurrentText(last);
    selectProfile(m_profileBox->currentText());
}

MainWindow::~MainWindow() = default;

void MainWindow::selectProfile(const QString &name)
{
    delete m_session;
    const auto profile = m_profiles.load(name);
    if (!profile) {
        m_state->setText(tr("No profile yet. Add one with: chartkey profile add NAME --instance "
                            "URL --client-id ID"));
        m_signInButton->setEnabled(false);
        m_signOutButton->setEnabled(false);
        return;
    }
    QSettings().setValue(QStringLiteral("ui/lastProfile"), name);
    m_session = new Session(*profile, &m_secrets, m_tokens, Clock::system(), this);
    connect(m_session, &Session::tokensChanged, this, &MainWindow::refreshState);
    refreshState();
}

void MainWindow::refreshState()
{
    if (!m_session)
        return;
    m_session->readStored([this](const std::optional<TokenSet> &stored, const Failure &failure) {
        const QString name = m_session->profile().name;
        if (failure) {
            m_state->setText(failure.message.toHtmlEscaped());
        } else if (!stored) {
            m_state->setText(tr("Signed out of %1 — Sign in").arg(name.toHtmlEscaped()));
        } else {
            const qint64 seconds = Clock::system()->now().secsTo(stored->expiresAt);
            m_state->setText(stored->expiresAt.isValid() && seconds > 0
                                     ? tr("Signed in to %1 — access valid %2 h %3 min%4")
                                               .arg(name.toHtmlEscaped())
                                               .arg(seconds / 3600)
                                               .arg((seconds % 3600) / 60)
                                               .arg(stored->canRefresh()
                                                            ? tr(", renews automatically")
                                                            : QString())
                                     : tr("Signed in to %1 — renews on next use")
                                               .arg(name.toHtmlEscaped()));
        }
        m_signInButton->setEnabled(!m_signIn);
        m_signOutButton->setEnabled(bool(stored));
    });
}

void MainWindow::signIn()
{
    if (!m_session || m_signIn)
        return;
    const Profile profile = m_session->profile();
    m_session->readClientSecret([this, profile](const QString &secret, const Failure &failure) {
        if (failure) {
            m_state->setText(failure.message.toHtmlEscaped());
            return;
        }
        m_signIn = new BrowserSignIn(profile, secret, m_tokens, &m_opener, this);
        connect(m_signIn, &BrowserSignIn::authorizationUrlReady, this, [this](const QUrl &url) {
            m_state->setText(tr("Waiting for the browser… If it did not open, visit:<br>%1")
                                     .arg(url.toString().toHtmlEscaped()));
            m_signInButton->setEnabled(false);
        });
        connect(m_signIn, &BrowserSignIn::finished, this, [this](const SignInResult &result) {
            m_signIn->deleteLater();
            if (result.failure) {
                m_state->setText(result.failure.message.toHtmlEscaped());
                m_signInButton->setEnabled(true);
                return;
            }
            m_session->adoptSignIn(result.tokens, [this](const Failure &stored) {
                if (stored)
                    m_state->setText(stored.message.toHtmlEscaped());
                else
                    refreshState();
            });
        });
        m_signIn->start();
    });
}

void MainWindow::signOut()
{
    if (!m_session)
        return;
    m_session->signOut([this](bool, const Failure &failure) {
        if (failure)
            m_state->setText(failure.message.toHtmlEscaped());
        refreshState();
    });
}

} // namespace chartkey::ui

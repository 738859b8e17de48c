// The "Test registration" window against the sandbox EHR, offscreen, with the consent client
// (tests/sandbox/consent) as the browser: what a person sees for a good registration, for a
// wrong redirect URI, for a keychain that cannot be read, and when they close the window
// mid-check — and that no token, code, verifier or client secret ever shows in it. (The real
// browser step of a check is tested in e2e_cli_check and on Xvfb, tests/gui/xvfb.)
#include "auth/tokenset.h"
#include "auth/urlopener.h"
#include "browsersignin.h"
#include "check/checkreport.h"
#include "memorysecretstore.h"
#include "recordingnam.h"
#include "sandbox.h"
#include "storage/profilestore.h"
#include "ui/checkwindow.h"
#include "ui/mainwindow.h"
#include "ui/messagebanner.h"
#include "base/clock.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QUrlQuery>

using namespace chartkey;
using namespace chartkey::ui;
using chartkey::check::CheckReport;
using chartkey::check::CheckReportModel;
using chartkey::check::Status;
using chartkey::test::MemorySecretStore;
using chartkey::test::RecordingNetworkAccessManager;
using chartkey::test::Sandbox;

namespace {

constexpr int kCheckTimeoutMs = 120000;

// A network access manager that remembers every secret a request carries — bearer tokens,
// Basic credentials, and the token-endpoint form fields — so the window can be searched
// for them afterwards.
class SecretRecordingNam final : public QNetworkAccessManager
{
public:
    QSet<QString> secrets;

    void remember(const QString &value)
    {
        if (value.size() >= 8)
            secrets.insert(value);
    }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        const QByteArray auth = request.rawHeader("Authorization");
        if (auth.startsWith("Bearer "))
            remember(QString::fromLatin1(auth.mid(7).trimmed()));
        if (auth.startsWith("Basic ")) {
            const QByteArray decoded = QByteArray::fromBase64(auth.mid(6).trimmed());
            const qsizetype colon = decoded.indexOf(':');
            if (colon >= 0)
                remember(QUrl::fromPercentEncoding(decoded.mid(colon + 1)));
        }
        if (outgoingData && !outgoingData->isSequential()) {
            const QUrlQuery form(QString::fromLatin1(outgoingData->peek(outgoingData->size())));
            for (const char *field : {"code", "code_verifier", "refresh_token", "token",
                                      "access_token", "client_secret", "client_assertion"})
                remember(form.queryItemValue(QLatin1String(field), QUrl::FullyDecoded));
        }
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    }
};

// A browser that never comes: the check waits at its browser step.
class NoBrowser final : public UrlOpener
{
public:
    QList<QUrl> opened;
    bool open(const QUrl &url, QString *) override
    {
        opened << url;
        return true;
    }
};

// Everything a person can read in the window: titles, labels, buttons, text views, tool
// tips, accessible names, and every role of every cell of every table.
QStringList everyText(QWidget *window)
{
    QStringList texts{window->windowTitle()};
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    for (QWidget *w : std::as_const(widgets)) {
        texts << w->toolTip() << w->statusTip() << w->whatsThis() << w->accessibleName()
              << w->accessibleDescription();
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            texts << button->text();
        if (auto *line = qobject_cast<QLineEdit *>(w))
            texts << line->text();
        if (auto *plain = qobject_cast<QPlainTextEdit *>(w))
            texts << plain->toPlainText();
        if (auto *rich = qobject_cast<QTextEdit *>(w))
            texts << rich->toPlainText();
        if (auto *view = qobject_cast<QAbstractItemView *>(w)) {
            const QAbstractItemModel *model = view->model();
            if (!model)
                continue;
            QList<int> roles{Qt::DisplayRole, Qt::ToolTipRole, Qt::StatusTipRole,
                             Qt::WhatsThisRole, Qt::AccessibleTextRole,
                             Qt::AccessibleDescriptionRole};
            for (int role = Qt::UserRole; role <= Qt::UserRole + 10; ++role)
                roles << role;
            for (int row = 0; row < model->rowCount(); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    for (int role : std::as_const(roles))
                        texts << model->index(row, column).data(role).toString();
                }
            }
            for (int column = 0; column < model->columnCount(); ++column)
                texts << model->headerData(column, Qt::Horizontal).toString();
        }
    }
    texts.removeAll(QString());
    return texts;
}

// Where a secret shows in `texts` (the text, the secret itself blanked out), or an empty
// string.
QString leakedSecret(const QStringList &texts, const QSet<QString> &secrets)
{
    for (const QString &secret : secrets) {
        for (const QString &text : texts) {
            if (text.contains(secret))
                return QStringLiteral("a secret shows in \"")
                        + QString(text).replace(secret, QStringLiteral("[SECRET]")).left(200)
                        + QStringLiteral("\"");
        }
    }
    return {};
}

QString describeRows(const CheckReportModel *model)
{
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto &s = model->step(row);
        rows << QStringLiteral("%1 %2: %3 | %4").arg(toString(s.status), s.id, s.summary, s.hint);
    }
    return rows.join(QLatin1Char('\n'));
}

} // namespace

class TestCheckWindow final : public QObject
{
    Q_OBJECT

private:
    Sandbox m_sandbox;
    std::unique_ptr<CommandUrlOpener> m_browser;

    // The code, verifier and client secret of the sandbox's last code exchange.
    QSet<QString> lastCodeExchangeSecrets() const
    {
        QUrl url = m_sandbox.admin;
        url.setPath(m_sandbox.admin.path() + QStringLiteral("/last-secrets"));
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(url));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(10000);
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        QSet<QString> found;
        for (const char *field : {"code", "code_verifier", "client_secret"}) {
            const QString value = o.value(QLatin1String(field)).toString();
            if (value.size() >= 8)
                found.insert(value);
        }
        return found;
    }

    // Presses Run check and waits for the report.
    static CheckReport runToTheEnd(CheckWindow &w)
    {
        QSignalSpy finished(&w, &CheckWindow::checkFinished);
        w.runButton()->click();
        if (!finished.wait(kCheckTimeoutMs))
            return {};
        return finished.at(0).at(0).value<CheckReport>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!Sandbox::available())
            QSKIP("runs under tests/harness/with-peers.sh");
        qRegisterMetaType<CheckReport>();
        m_sandbox = Sandbox::fromEnvironment();
        m_browser = std::make_unique<CommandUrlOpener>(m_sandbox.consent);
    }

    void init()
    {
        m_sandbox.resetModes();
        m_sandbox.resetStats();
    }

    void aGoodPublicClientPassesAndRowsAppearAsStepsFinish()
    {
        MemorySecretStore secrets;
        SecretRecordingNam nam;
        CheckWindow w(m_sandbox.publicProfile(), &secrets, &nam, m_browser.get(),
                      Clock::system());
        w.show();
        QVERIFY(!w.hasReport());
        QVERIFY(!w.stopButton()->isEnabled());
        QSignalSpy rowsAppeared(w.model(), &QAbstractItemModel::rowsInserted);
        QSignalSpy started(&w, &CheckWindow::checkStarted);

        const CheckReport report = runToTheEnd(w);
        QCOMPARE(started.count(), 1);
        QVERIFY2(!report.steps.isEmpty(), "the check did not finish");
        QVERIFY(!w.isRunning());

        // One row per step, each inserted as its step finished.
        const int rows = w.model()->rowCount();
        QCOMPARE(rows, int(report.steps.size()));
        QCOMPARE(rowsAppeared.count(), rows);
        int passed = 0;
        for (int row = 0; row < rows; ++row) {
            const Status status = w.model()->step(row).status;
            QVERIFY2(status != Status::Fail, qPrintable(describeRows(w.model())));
            passed += status == Status::Pass ? 1 : 0;
        }
        QVERIFY2(passed * 2 > rows, qPrintable(describeRows(w.model())));
        QVERIFY2(w.summaryText().contains(QLatin1String("the registration works")),
                 qPrintable(w.summaryText()));
        QVERIFY(w.summaryText().startsWith(QStringLiteral("%1 passed").arg(passed)));

        // The status column says the verdict in words too, not in colour alone.
        const QModelIndex status = w.view()->model()->index(0, CheckReportModel::StatusColumn);
        QVERIFY(!status.data(Qt::DecorationRole).isNull());
        QVERIFY(!status.data(Qt::AccessibleTextRole).toString().isEmpty());
        QVERIFY(!status.data(Qt::DisplayRole).toString().isEmpty());

        // A selected step shows its answer and its request as curl.
        int withCurl = -1;
        for (int row = 0; row < rows && withCurl < 0; ++row) {
            if (!w.model()->step(row).curl.isEmpty())
                withCurl = row;
        }
        QVERIFY(withCurl >= 0);
        w.view()->selectRow(withCurl);
        QVERIFY(everyText(&w).join(QLatin1Char('\n'))
                        .contains(w.model()->step(withCurl).curl.first()));

        // Save JSON: the same verdict and the same steps as the table.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("check.json"));
        QString error;
        QVERIFY2(w.saveJson(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        const QJsonObject saved = QJsonDocument::fromJson(json).object();
        QCOMPARE(saved.value(QLatin1String("passed")).toBool(), true);
        QCOMPARE(saved.value(QLatin1String("steps")).toArray().size(), rows);
        QCOMPARE(saved.value(QLatin1String("profile")).toString(), QStringLiteral("Sandbox"));

        // Copy report: the text report with the details.
        w.copyReport();
        const QString copied = QApplication::clipboard()->text();
        QCOMPARE(copied, report.toText(true));

        // No secret anywhere: window, table, clipboard, saved file.
        QSet<QString> secretValues = nam.secrets + lastCodeExchangeSecrets();
        qInfo("%d rows; %s; %d secrets looked for", rows, qPrintable(w.summaryText()),
              int(secretValues.size()));
        QVERIFY2(secretValues.size() >= 3, "too few secrets recorded to make this test mean "
                                           "anything");
        QStringList texts = everyText(&w);
        texts << copied << QString::fromUtf8(json);
        const QString leak = leakedSecret(texts, secretValues);
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
    }

    void aWrongRedirectUriFailsWithTheUriToRegister()
    {
        Profile profile = m_sandbox.publicProfile(QStringLiteral("Wrong"));
        profile.redirectUri = QUrl(QStringLiteral("http://127.0.0.1/wrong-callback"));
        MemorySecretStore secrets;
        QNetworkAccessManager nam;
        CheckWindow w(profile, &secrets, &nam, m_browser.get(), Clock::system());
        w.show();

        const CheckReport report = runToTheEnd(w);
        QVERIFY2(!report.steps.isEmpty(), "the check did not finish");
        QVERIFY(!report.passed());

        int failed = -1;
        for (int row = 0; row < w.model()->rowCount() && failed < 0; ++row) {
            if (w.model()->step(row).status == Status::Fail)
                failed = row;
        }
        QVERIFY2(failed >= 0, qPrintable(describeRows(w.model())));
        const auto &step = w.model()->step(failed);
        QCOMPARE(step.id, QStringLiteral("redirect-uri"));
        QVERIFY2(step.hint.contains(QLatin1String("http://127.0.0.1/wrong-callback")),
                 qPrintable(step.hint));
        QVERIFY2(step.answer.contains(QLatin1String("Mismatching redirect URI")),
                 qPrintable(step.answer));
        QVERIFY2(w.summaryText().contains(QLatin1String("does not work as configured")),
                 qPrintable(w.summaryText()));

        // The failed step is the one selected, with its hint and answer in view.
        QCOMPARE(w.view()->currentIndex().row(), failed);
        const QString shown = everyText(&w).join(QLatin1Char('\n'));
        QVERIFY(shown.contains(step.hint));
        QVERIFY(shown.contains(QLatin1String("Mismatching redirect URI")));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("check.json"));
        QVERIFY(w.saveJson(path, nullptr));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("passed"))
                         .toBool(true),
                 false);
    }

    void aConfidentialClientsSecretComesFromTheKeychainAndNeverShows()
    {
        Profile profile = m_sandbox.publicProfile(QStringLiteral("Confidential"));
        profile.clientId = m_sandbox.confidentialClientId;
        profile.clientType = Profile::ClientType::Confidential;
        MemorySecretStore secrets;
        secrets.entries.insert(profile.clientSecretKey(), m_sandbox.confidentialSecret.toUtf8());
        SecretRecordingNam nam;
        nam.remember(m_sandbox.confidentialSecret);
        CheckWindow w(profile, &secrets, &nam, m_browser.get(), Clock::system());
        w.show();

        const CheckReport report = runToTheEnd(w);
        QVERIFY2(!report.steps.isEmpty(), "the check did not finish");
        QVERIFY2(report.passed(), qPrintable(describeRows(w.model())));
        QVERIFY(secrets.reads >= 1);
        QVERIFY(secrets.entries.contains(profile.clientSecretKey())); // not changed
        QCOMPARE(secrets.writes, 0);

        w.copyReport();
        QStringList texts = everyText(&w);
        texts << QApplication::clipboard()->text();
        const QString leak = leakedSecret(texts, nam.secrets + lastCodeExchangeSecrets());
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
    }

    void aStaticTokenIsReadFromTheKeychainAndTriedOnTheApi()
    {
        MemorySecretStore secrets;
        QNetworkAccessManager signInNam;
        const Profile signedIn = m_sandbox.publicProfile(QStringLiteral("Token"));
        const auto signIn = test::signInThroughConsent(signedIn, &secrets, &signInNam, m_sandbox);
        QVERIFY2(signIn.failure.isOk(), qPrintable(signIn.failure.message));
        Profile profile = signedIn;
        profile.grant = Profile::Grant::StaticToken;
        QVERIFY(secrets.entries.contains(profile.tokensKey()));
        SecretRecordingNam nam;
        nam.remember(signIn.tokens.accessToken);
        nam.remember(signIn.tokens.refreshToken);
        const int writesBefore = secrets.writes;
        CheckWindow w(profile, &secrets, &nam, m_browser.get(), Clock::system());
        w.show();

        const CheckReport report = runToTheEnd(w);
        QVERIFY2(!report.steps.isEmpty(), "the check did not finish");
        QVERIFY2(report.passed(), qPrintable(describeRows(w.model())));
        QCOMPARE(secrets.writes, writesBefore); // the stored token is left as it was
        const QString leak = leakedSecret(everyText(&w), nam.secrets);
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
    }

    void aKeychainThatCannotBeReadIsShownAndNothingStarts()
    {
        Profile profile = m_sandbox.publicProfile(QStringLiteral("Confidential"));
        profile.clientId = m_sandbox.confidentialClientId;
        profile.clientType = Profile::ClientType::Confidential;
        MemorySecretStore secrets;
        secrets.setMode(MemorySecretStore::Mode::Unavailable);
        QNetworkAccessManager nam;
        NoBrowser browser;
        CheckWindow w(profile, &secrets, &nam, &browser, Clock::system());
        w.show();
        QSignalSpy started(&w, &CheckWindow::checkStarted);
        m_sandbox.resetStats();

        w.run();
        QTRY_VERIFY(w.banner()->isVisible());
        QVERIFY2(w.banner()->text().contains(QLatin1String("No keychain is available")),
                 qPrintable(w.banner()->text()));
        QVERIFY(w.banner()->text().contains(QLatin1String("not started")));
        QVERIFY(!w.isRunning());
        QCOMPARE(started.count(), 0);
        QCOMPARE(w.model()->rowCount(), 0);
        QVERIFY(w.runButton()->isEnabled());
        QVERIFY(browser.opened.isEmpty());
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("total")), 0);

        // A missing secret of a confidential client: said so, not started either.
        secrets.setMode(MemorySecretStore::Mode::Working);
        w.run();
        QTRY_VERIFY(!w.isRunning());
        QVERIFY2(w.banner()->text().contains(QLatin1String("No client secret is stored")),
                 qPrintable(w.banner()->text()));
        QCOMPARE(started.count(), 0);
    }

    void theBrowserStepShowsTheAddressAndClosingStopsCleanly()
    {
        MemorySecretStore secrets;
        RecordingNetworkAccessManager nam;
        NoBrowser browser;
        auto *w = new CheckWindow(m_sandbox.publicProfile(), &secrets, &nam, &browser,
                                  Clock::system());
        w->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<CheckWindow> alive(w);
        w->show();
        QSignalSpy finished(w, &CheckWindow::checkFinished);

        w->run();
        QTRY_VERIFY_WITH_TIMEOUT(w->authorizationUrl().isValid(), 30000);
        QVERIFY(w->isRunning());
        QVERIFY(w->stopButton()->isEnabled());
        QCOMPARE(browser.opened.size(), 1);
        const QUrl address = w->authorizationUrl();
        QCOMPARE(address, browser.opened.first());
        QVERIFY2(w->statusText().contains(
                         QLatin1String("Sign in in the browser window that opened")),
                 qPrintable(w->statusText()));
        QVERIFY2(w->statusText().contains(address.toString(QUrl::FullyEncoded)),
                 qPrintable(w->statusText()));
        const auto *status = w->findChild<QLabel *>(QStringLiteral("checkStatus"));
        QVERIFY(status);
        QVERIFY(status->text().contains(QLatin1String("<a href=")));
        QVERIFY(status->textInteractionFlags() & Qt::TextSelectableByMouse);

        // Where the check listens for the browser's redirect.
        const QUrl redirect(QUrlQuery(address).queryItemValue(QStringLiteral("redirect_uri"),
                                                              QUrl::FullyDecoded));
        QVERIFY(redirect.port() > 0);
        m_sandbox.resetStats();
        const int sentBefore = int(nam.sent().size());

        QVERIFY(w->close());
        QTRY_VERIFY(alive.isNull()); // closed and deleted, the check with it
        QVERIFY(finished.count() <= 1);

        // Nothing listens any more, and nothing more goes to the token endpoint: whatever was
        // in flight has ended, and nothing was sent after the close.
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
        QVERIFY(!probe.waitForConnected(2000));
        QTRY_COMPARE(nam.inFlight(), 0);
        QCOMPARE(int(nam.sent().size()), sentBefore);
        QCOMPARE(nam.sentTo(m_sandbox.tokenEndpoint.path()), 0);
        QCOMPARE(m_sandbox.tokenRequests(QStringLiteral("total")), 0);
    }

    void stopEndsTheCheckWithWhatWasDone()
    {
        MemorySecretStore secrets;
        RecordingNetworkAccessManager nam;
        NoBrowser browser;
        CheckWindow w(m_sandbox.publicProfile(), &secrets, &nam, &browser, Clock::system());
        w.show();
        QSignalSpy finished(&w, &CheckWindow::checkFinished);
        w.run();
        QTRY_VERIFY_WITH_TIMEOUT(w.authorizationUrl().isValid(), 30000);
        const int before = w.model()->rowCount();

        w.stopButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(!w.isRunning());
        QVERIFY(w.model()->rowCount() >= before);
        QVERIFY2(w.summaryText().startsWith(QLatin1String("Stopped")),
                 qPrintable(w.summaryText()));
        QVERIFY(w.runButton()->isEnabled());
        QVERIFY(!w.stopButton()->isEnabled());
        QVERIFY(w.hasReport());
        // Once every request has ended, there is nothing left that could end it a second time.
        QTRY_COMPARE(nam.inFlight(), 0);
        QCoreApplication::processEvents();
        QCOMPARE(finished.count(), 1);
    }

    void theMainWindowOpensTheCheckForItsProfileWhileSignedOut()
    {
        ProfileStore().save(m_sandbox.publicProfile(QStringLiteral("Sandbox")));
        MemorySecretStore secrets;
        NoBrowser browser;
        MainWindow main(&secrets, &browser);
        main.selectProfile(QStringLiteral("Sandbox"));
        main.show();
        QTRY_VERIFY(main.connectionText().startsWith(QLatin1String("Signed out")));

        QAction *action = main.testRegistrationAction();
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("&Test registration…"));
        QVERIFY(action->shortcut().isEmpty());
        QVERIFY(action->isEnabled());
        action->trigger();
        auto *check = main.findChild<CheckWindow *>();
        QVERIFY(check);
        QVERIFY(check->isVisible());
        QVERIFY(check->isWindow());
        QCOMPARE(check->profile().name, QStringLiteral("Sandbox"));
        // The same window again, not a second one.
        action->trigger();
        QCOMPARE(main.findChildren<CheckWindow *>().size(), 1);
        QCOMPARE(main.showRegistrationCheck(), check);
        check->close();
        QTRY_VERIFY(main.findChildren<CheckWindow *>().isEmpty());
        QCOMPARE(secrets.writes, 0);
    }
};

QTEST_MAIN(TestCheckWindow)
#include "tst_checkwindow.moc"

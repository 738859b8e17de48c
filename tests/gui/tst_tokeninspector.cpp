// The token inspector on a session over an in-memory keychain (a SessionFixture per test
// function): granted against requested scopes, the countdown, JWT claims or "not a JWT",
// renewing, the confirmed copy, and that no token is ever shown.
#include "ui/tokeninspector.h"
#include "ui/secretclipboard.h"

#include "auth/session.h"

#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include "sessionfixture.h"

#include <functional>
#include <memory>
#include <optional>

using namespace chartkey;
using chartkey::test::ScriptedServer;
using chartkey::ui::TokenInspectorDialog;

namespace {

const QString kOpaque = QStringLiteral("opaque-AT-0123456789abcdef0123456789");
const QString kRefresh = QStringLiteral("RT-0123456789abcdef0123456789");
const QString kNewAccess = QStringLiteral("renewed-AT-fedcba9876543210");
const QString kNewRefresh = QStringLiteral("renewed-RT-fedcba9876543210");
const QString kToken = QLatin1String(ScriptedServer::kToken);

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// An unsigned JWT (alg "none") carrying `claims`.
QString fakeJwt(const QJsonObject &claims)
{
    const QByteArray header
            = QJsonDocument(QJsonObject {{QStringLiteral("alg"), QStringLiteral("none")},
                                         {QStringLiteral("typ"), QStringLiteral("JWT")}})
                      .toJson(QJsonDocument::Compact);
    const QByteArray payload = QJsonDocument(claims).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(base64Url(header) + '.' + base64Url(payload) + '.'
                               + base64Url("not-a-signature"));
}

// Every text the dialog shows.
QStringList shownTexts(const QWidget *root)
{
    QStringList texts {root->windowTitle()};
    const auto widgets = root->findChildren<QWidget *>();
    for (const QWidget *w : widgets) {
        texts << w->toolTip() << w->accessibleName() << w->accessibleDescription();
        if (const auto *label = qobject_cast<const QLabel *>(w))
            texts << label->text();
        else if (const auto *edit = qobject_cast<const QLineEdit *>(w))
            texts << edit->text();
        else if (const auto *plain = qobject_cast<const QPlainTextEdit *>(w))
            texts << plain->toPlainText();
        else if (const auto *button = qobject_cast<const QPushButton *>(w))
            texts << button->text();
        if (const auto *tree = qobject_cast<const QTreeWidget *>(w)) {
            std::function<void(const QTreeWidgetItem *)> walk = [&](const QTreeWidgetItem *item) {
                for (int c = 0; c < item->columnCount(); ++c)
                    texts << item->text(c) << item->toolTip(c);
                for (int i = 0; i < item->childCount(); ++i)
                    walk(item->child(i));
            };
            walk(tree->headerItem());
            for (int i = 0; i < tree->topLevelItemCount(); ++i)
                walk(tree->topLevelItem(i));
        }
    }
    return texts;
}

// Answers the next message box with `button`; returns the text it showed.
void answerNextMessageBox(QMessageBox::StandardButton button, QString *shown)
{
    QTimer::singleShot(0, qApp, [button, shown] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            qWarning("no message box");
            return;
        }
        *shown = box->text();
        box->button(button)->click();
    });
}

} // namespace

class TestTokenInspector final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_runtime;
    std::optional<test::SessionFixture> m_f; // fresh per test function
    std::unique_ptr<TokenInspectorDialog> m_dialog;

    test::FakeClock &clock() { return m_f->clock; }

    TokenSet storeTokens(const QString &access, const QString &grantedScope,
                         const QString &refresh = kRefresh, qint64 lifetime = 36000)
    {
        return m_f->storeTokens(access, refresh, grantedScope, lifetime);
    }

    TokenInspectorDialog &open()
    {
        m_dialog = std::make_unique<TokenInspectorDialog>(m_f->session.get());
        m_dialog->show();
        if (!QTest::qWaitForWindowExposed(m_dialog.get()))
            qWarning("the dialog was not exposed");
        return *m_dialog;
    }

    template<typename T> T *child(const char *name) const
    {
        T *widget = m_dialog->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget named %s", name);
        return widget;
    }

    QString labelText(const char *name) const { return child<QLabel>(name)->text(); }

    // Waits until the stored tokens are shown.
    bool loaded() const
    {
        return QTest::qWaitFor(
                [this] { return labelText("tokenType") == QLatin1String("Bearer"); });
    }

    bool statusSays(const QString &text) const
    {
        return QTest::qWaitFor([this, text] {
            const auto *status = child<QLabel>("status");
            return status->isVisibleTo(m_dialog.get()) && status->text().contains(text);
        });
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(test::SessionFixture::isolate(m_runtime)); }

    void init()
    {
        m_f.emplace(QStringLiteral("Clinic"),
                    QUrl(QStringLiteral("https://example.canvasmedical.com")),
                    QStringLiteral("inspector-client"));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_f.reset();
    }

    void showsTheProfileTypeTimesAndRefreshPresence()
    {
        storeTokens(kOpaque, QString::fromLatin1(Profile::kDefaultScope));
        open();
        QVERIFY(loaded());
        QCOMPARE(labelText("profileName"), QStringLiteral("Clinic"));
        QVERIFY(labelText("obtainedAt")
                        .startsWith(clock().now().toLocalTime().toString(
                                QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        QVERIFY(labelText("refreshToken").startsWith(QStringLiteral("yes")));
        QCOMPARE(labelText("timeLeft"), QStringLiteral("10 h 0 min 0 s"));
        QVERIFY(labelText("scopes").contains(QStringLiteral("Every requested scope was granted")));
        QVERIFY(child<QPushButton>("copyAccessToken")->isEnabled());
    }

    void withoutARefreshTokenSaysNo()
    {
        storeTokens(kOpaque, QString::fromLatin1(Profile::kDefaultScope), QString());
        open();
        QVERIFY(loaded());
        QVERIFY(labelText("refreshToken").startsWith(QStringLiteral("no")));
    }

    void countdownIsLive()
    {
        storeTokens(kOpaque, QString::fromLatin1(Profile::kDefaultScope), kRefresh,
                    9 * 3600 + 52 * 60 + 10);
        open();
        QVERIFY(loaded());
        QCOMPARE(labelText("timeLeft"), QStringLiteral("9 h 52 min 10 s"));
        clock().advance(1);
        QTRY_COMPARE(labelText("timeLeft"), QStringLiteral("9 h 52 min 9 s"));
        clock().advance(9 * 3600 + 52 * 60);
        QTRY_COMPARE(labelText("timeLeft"), QStringLiteral("9 s"));
        clock().advance(60);
        QTRY_VERIFY(labelText("timeLeft").startsWith(QStringLiteral("expired")));
        QVERIFY(!child<QPushButton>("copyAccessToken")->isEnabled());
    }

    void requestedScopesNotGrantedAreHighlighted()
    {
        storeTokens(kOpaque, QStringLiteral("user/Patient.read launch offline_access"));
        open();
        QVERIFY(loaded());
        const QString scopes = labelText("scopes");
        QVERIFY2(
                scopes.contains(QStringLiteral("Requested but not granted: user/Appointment.read")),
                qPrintable(scopes));
        QVERIFY(scopes.contains(QStringLiteral("color:"))); // highlighted
    }

    void jwtClaimsAreShown()
    {
        const qint64 exp = clock().now().addSecs(3600).toSecsSinceEpoch();
        const QString jwt = fakeJwt(
                {{QStringLiteral("sub"), QStringLiteral("staff-42")},
                 {QStringLiteral("iss"), QStringLiteral("https://example.canvasmedical.com")},
                 {QStringLiteral("exp"), exp},
                 {QStringLiteral("aud"), QJsonArray {QStringLiteral("a"), QStringLiteral("b")}},
                 {QStringLiteral("ctx"),
                  QJsonObject {{QStringLiteral("patient"), QStringLiteral("p-1")}}}});
        storeTokens(jwt, QString::fromLatin1(Profile::kDefaultScope));
        open();
        QVERIFY(loaded());
        auto *tree = child<QTreeWidget>("claims");
        QVERIFY(tree->isVisibleTo(m_dialog.get()));
        QVERIFY(!child<QLabel>("claimsNote")->isVisibleTo(m_dialog.get()));
        const auto sub = tree->findItems(QStringLiteral("sub"), Qt::MatchExactly, 0);
        QCOMPARE(sub.size(), 1);
        QCOMPARE(sub.first()->text(1), QStringLiteral("staff-42"));
        const auto expItem = tree->findItems(QStringLiteral("exp"), Qt::MatchExactly, 0);
        QCOMPARE(expItem.size(), 1);
        QVERIFY(expItem.first()->text(1).startsWith(QString::number(exp) + QStringLiteral(" (")));
        QCOMPARE(tree->findItems(QStringLiteral("aud"), Qt::MatchExactly, 0).first()->text(1),
                 QStringLiteral("a, b"));
        const auto ctx = tree->findItems(QStringLiteral("ctx"), Qt::MatchExactly, 0);
        QCOMPARE(ctx.first()->childCount(), 1);
        QCOMPARE(ctx.first()->child(0)->text(1), QStringLiteral("p-1"));
        QVERIFY(tree->editTriggers() == QAbstractItemView::NoEditTriggers);
        const QStringList texts = shownTexts(m_dialog.get());
        for (const QString &t : texts)
            QVERIFY2(!t.contains(jwt) && !t.contains(jwt.section(QLatin1Char('.'), 2)),
                     "the dialog shows the token");
    }

    void theIdTokenSaysWhoSignedInWithoutShowingTheToken()
    {
        const qint64 exp = clock().now().addSecs(3600).toSecsSinceEpoch();
        const QString idToken = fakeJwt(
                {{QStringLiteral("sub"), QStringLiteral("staff-42")},
                 {QStringLiteral("name"), QStringLiteral("Dr Ada Lovelace")},
                 {QStringLiteral("fhirUser"), QStringLiteral("Practitioner/pract-ada")},
                 {QStringLiteral("iss"), QStringLiteral("https://example.canvasmedical.com")},
                 {QStringLiteral("aud"), QStringLiteral("inspector-client")},
                 {QStringLiteral("exp"), exp}});
        TokenSet t = storeTokens(kOpaque, QString::fromLatin1(Profile::kDefaultScope));
        t.idToken = idToken;
        m_f->store.entries.insert(m_f->profile.tokensKey(), t.toJson());
        open();
        QVERIFY(loaded());
        QCOMPARE(labelText("idName"), QStringLiteral("Dr Ada Lovelace"));
        QCOMPARE(labelText("idSubject"), QStringLiteral("staff-42"));
        QCOMPARE(labelText("idFhirUser"), QStringLiteral("Practitioner/pract-ada"));
        QCOMPARE(labelText("idIssuer"), QStringLiteral("https://example.canvasmedical.com"));
        QCOMPARE(labelText("idAudience"), QStringLiteral("inspector-client"));
        QVERIFY(!labelText("idExpires").isEmpty());
        QVERIFY(!child<QLabel>("idTokenNote")->isVisibleTo(m_dialog.get()));
        for (const QString &text : shownTexts(m_dialog.get())) {
            QVERIFY2(!text.contains(idToken) && !text.contains(idToken.section(QLatin1Char('.'), 1, 1))
                             && !text.contains(kOpaque) && !text.contains(kRefresh),
                     "the dialog shows a token");
        }
    }

    void withoutAnIdTokenSaysNoOneWasNamed()
    {
        storeTokens(kOpaque, QString::fromLatin1(Profile::kDefaultScope));
        open();
        QVERIFY(loaded());
        QVERIFY(child<QLabel>("idTokenNote")->isVisibleTo(m_dialog.get()));
        QVERIFY2(labelText("idTokenNote").contains(QLatin1String("No ID token")),
                 qPrintable(labelText("idTokenNote")));
        QVERIFY(!child<QLabel>("idName")->isVisibleTo(m_dialog.get()));
    }

    void anOpaqueTokenIsSaidToBeNotAJwt()
    {
        storeTokens(kOpaque, QString::fromLatin1(Profile::kDefaultScope));
        open();
        QVERIFY(loaded());
        QVERIFY(!child<QTreeWidget>("claims")->isVisibleTo(m_dialog.get()));
        QVERIFY(labelText("claimsNote").contains(QStringLiteral("not a JWT")));
    }

    void noTokenIsEverShown()
    {
        storeTokens(kOpaque, QString::fromLatin1(Profile::kDefaultScope));
        open();
        QVERIFY(loaded());
        const QStringList texts = shownTexts(m_dialog.get());
        QVERIFY(texts.size() > 10);
        for (const QString &t : texts) {
            QVERIFY2(!t.contains(kOpaque), "the dialog shows the access token");
            QVERIFY2(!t.contains(kRefresh), "the dialog shows the refresh token");
        }
    }

    void withoutASignInSaysSo()
    {
        open();
        QVERIFY(statusSays(QStringLiteral("Not signed in to Clinic")));
        QVERIFY(!child<QPushButton>("copyAccessToken")->isEnabled());
    }

    void copyAsksFirstAndCopiesOnlyOnYes()
    {
        storeTokens(kOpaque, QString::fromLatin1(Profile::kDefaultScope));
        open();
        QVERIFY(loaded());
        QGuiApplication::clipboard()->setText(QStringLiteral("before"));
        QString warning;
        answerNextMessageBox(QMessageBox::No, &warning);
        child<QPushButton>("copyAccessToken")->click();
        QVERIFY2(warning.contains(QStringLiteral("Anyone with this token can act as you at "
                                                 "https://example.canvasmedical.com")),
                 qPrintable(warning));
        QVERIFY(!warning.contains(kOpaque));
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("before"));

        answerNextMessageBox(QMessageBox::Yes, &warning);
        child<QPushButton>("copyAccessToken")->click();
        QVERIFY(QGuiApplication::clipboard()->text() == kOpaque);
        QVERIFY(statusSays(QStringLiteral("on the clipboard")));
        QGuiApplication::clipboard()->clear();
    }

    // #12: a copied access token does not stay on a shared workstation's clipboard. The
    // clipboard's delay is its seam: a short one here instead of 30 s of real time.
    void aCopiedAccessTokenIsTakenOffTheClipboardAfterItsTime()
    {
        ui::SecretClipboard *secret = ui::SecretClipboard::instance();
        const int delay = secret->clearAfterMs();
        const auto restore = qScopeGuard([secret, delay] { secret->setClearAfterMs(delay); });
        secret->setClearAfterMs(200);
        storeTokens(kOpaque, QString::fromLatin1(Profile::kDefaultScope));
        open();
        QVERIFY(loaded());
        QSignalSpy cleared(secret, &ui::SecretClipboard::cleared);
        QString warning;
        answerNextMessageBox(QMessageBox::Yes, &warning);
        child<QPushButton>("copyAccessToken")->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), kOpaque);
        QVERIFY(cleared.wait(5000));
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    }

    // ... but what the person copied after it stays.
    void somethingCopiedAfterTheTokenStaysOnTheClipboard()
    {
        ui::SecretClipboard *secret = ui::SecretClipboard::instance();
        const int delay = secret->clearAfterMs();
        const auto restore = qScopeGuard([secret, delay] { secret->setClearAfterMs(delay); });
        secret->setClearAfterMs(200);
        storeTokens(kOpaque, QString::fromLatin1(Profile::kDefaultScope));
        open();
        QVERIFY(loaded());
        QSignalSpy cleared(secret, &ui::SecretClipboard::cleared);
        QString warning;
        answerNextMessageBox(QMessageBox::Yes, &warning);
        child<QPushButton>("copyAccessToken")->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), kOpaque);
        QGuiApplication::clipboard()->setText(QStringLiteral("a note of my own"));
        QVERIFY(!cleared.wait(1000));
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("a note of my own"));
        QGuiApplication::clipboard()->clear();
    }

    void renewNowShowsRenewingThenTheResult()
    {
        storeTokens(kOpaque, QString::fromLatin1(Profile::kDefaultScope));
        ScriptedServer::Answer answer = ScriptedServer::tokens(
                kNewAccess, kNewRefresh, 7200, QString::fromLatin1(Profile::kDefaultScope));
        answer.delayMs = 300;
        m_f->server.script(kToken, {answer});
        open();
        QVERIFY(loaded());
        // This process has used the token already (see the test below for when it has not).
        bool used = false;
        m_f->session->accessToken()->then(this, [&used](const TokenOutcome &) { used = true; });
        QTRY_VERIFY(used);
        child<QPushButton>("renew")->click();
        QCOMPARE(labelText("status"), QStringLiteral("Renewing\u2026"));
        QVERIFY(!child<QPushButton>("renew")->isEnabled());
        QVERIFY2(statusSays(QStringLiteral("Renewed at")), qPrintable(labelText("status")));
        QCOMPARE(m_f->server.requests(kToken), 1);
        QTRY_COMPARE(labelText("timeLeft"), QStringLiteral("2 h 0 min 0 s"));
        QVERIFY(child<QPushButton>("renew")->isEnabled());
        const QStringList texts = shownTexts(m_dialog.get());
        for (const QString &t : texts)
            QVERIFY2(!t.contains(kNewAccess) && !t.contains(kNewRefresh), "a token is shown");
    }

    void renewNowRenewsATokenThisProcessHasNotUsedYet()
    {
        storeTokens(kOpaque, QString::fromLatin1(Profile::kDefaultScope));
        m_f->server.script(kToken, {ScriptedServer::tokens(kNewAccess, kNewRefresh, 7200,
                                                  QString::fromLatin1(Profile::kDefaultScope))});
        open();
        QVERIFY(loaded());
        child<QPushButton>("renew")->click();
        QVERIFY(statusSays(QStringLiteral("Renewed at")));
        QCOMPARE(m_f->server.requests(kToken), 1);
    }

    void aFailedRenewalIsShownInline()
    {
        storeTokens(kOpaque, QString::fromLatin1(Profile::kDefaultScope));
        m_f->server.script(kToken, {ScriptedServer::error(503, QStringLiteral("temporarily_unavailable"))});
        open();
        QVERIFY(loaded());
        clock().advance(36000 - 60); // due for renewal: the session asks the EHR
        child<QPushButton>("renew")->click();
        QVERIFY(statusSays(QStringLiteral("Not renewed")));
        QVERIFY(child<QPushButton>("renew")->isEnabled());
        QCOMPARE(labelText("tokenType"), QStringLiteral("Bearer")); // the sign-in is kept
    }

    void theViewFollowsTheSession()
    {
        open();
        QVERIFY(statusSays(QStringLiteral("Not signed in")));
        TokenSet t;
        t.accessToken = kOpaque;
        t.tokenType = QStringLiteral("Bearer");
        t.scope = QStringLiteral("user/Patient.read");
        t.obtainedAt = clock().now();
        t.expiresAt = clock().now().addSecs(600);
        m_f->session->adoptSignIn(t);
        QVERIFY(loaded());
        QVERIFY(!child<QLabel>("status")->isVisibleTo(m_dialog.get()));
        QVERIFY(labelText("scopes").contains(QStringLiteral("user/Appointment.read")));
        m_f->session.reset();
        QVERIFY(!m_dialog->isVisible()); // its session is gone: the dialog closes
    }

    // Saves a picture of the dialog for a look at its layout when CHARTKEY_GRAB_DIR is set.
    void grabForReview()
    {
        const QString dir = qEnvironmentVariable("CHARTKEY_GRAB_DIR");
        if (dir.isEmpty())
            QSKIP("set CHARTKEY_GRAB_DIR to save a picture of the dialog");
        const QString jwt = fakeJwt(
                {{QStringLiteral("sub"), QStringLiteral("staff-42")},
                 {QStringLiteral("iss"), QStringLiteral("https://example.canvasmedical.com")},
                 {QStringLiteral("iat"), clock().now().toSecsSinceEpoch()},
                 {QStringLiteral("exp"), clock().now().addSecs(35530).toSecsSinceEpoch()},
                 {QStringLiteral("scope"),
                  QStringLiteral("user/Patient.read launch offline_access")}});
        TokenSet t = storeTokens(jwt, QStringLiteral("user/Patient.read launch offline_access"),
                                 kRefresh, 35530);
        t.idToken = fakeJwt(
                {{QStringLiteral("sub"), QStringLiteral("staff-42")},
                 {QStringLiteral("name"), QStringLiteral("Dr Ada Lovelace")},
                 {QStringLiteral("fhirUser"), QStringLiteral("Practitioner/pract-ada")},
                 {QStringLiteral("iss"), QStringLiteral("https://example.canvasmedical.com")},
                 {QStringLiteral("aud"), QStringLiteral("inspector-client")},
                 {QStringLiteral("exp"), clock().now().addSecs(3600).toSecsSinceEpoch()}});
        m_f->store.entries.insert(m_f->profile.tokensKey(), t.toJson());
        open();
        QVERIFY(loaded());
        QVERIFY(m_dialog->grab().save(dir + QStringLiteral("/tokeninspector.png")));
    }
};

QTEST_MAIN(TestTokenInspector)
#include "tst_tokeninspector.moc"

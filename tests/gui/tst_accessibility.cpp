// What a screen reader hears (issue 16): the main window's accessibility tree, walked through
// QAccessible as AT-SPI walks it, after signing in, searching, picking a patient, running a
// note action and signing out. The labels that carry state must be read with their text (not
// only a fixed name such as "Sign-in state"), and so must the banner and each result line.
#include "auth/urlopener.h"
#include "browsersignin.h"
#include "sandbox.h"
#include "storage/keychainstore.h"
#include "storage/profilestore.h"
#include "ui/mainwindow.h"
#include "ui/patientdetail.h"
#include "ui/patientspanel.h"

#include <QAccessible>
#include <QAction>
#include <QDialog>
#include <QPushButton>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace chartkey;
using namespace chartkey::ui;
using chartkey::test::Sandbox;

namespace {

// What assistive technology reads for `widget`: its accessible name (for a label, its text
// unless a fixed name hides it), then its value.
QString heard(QWidget *widget)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    if (!iface)
        return {};
    QString text = iface->text(QAccessible::Name);
    const QString value = iface->text(QAccessible::Value);
    if (!value.isEmpty())
        text += QLatin1Char(' ') + value;
    return text;
}

// Every name and value in the tree under `iface`, as a screen reader walking it would meet them.
void walk(QAccessibleInterface *iface, QStringList *texts, int depth = 0)
{
    if (!iface || depth > 40)
        return;
    if (iface->state().invisible)
        return;
    for (QAccessible::Text t : {QAccessible::Name, QAccessible::Value}) {
        const QString text = iface->text(t);
        if (!text.isEmpty())
            texts->append(text);
    }
    for (int i = 0; i < iface->childCount(); ++i)
        walk(iface->child(i), texts, depth + 1);
}

bool treeSays(QWidget *window, const QString &text)
{
    QStringList texts;
    walk(QAccessible::queryAccessibleInterface(window), &texts);
    for (const QString &t : std::as_const(texts)) {
        if (t.contains(text))
            return true;
    }
    return false;
}

template<typename T> T *named(QWidget *root, const char *name)
{
    return root->findChild<T *>(QLatin1String(name));
}

} // namespace

class TestAccessibility final : public QObject
{
    Q_OBJECT

private:
    Sandbox m_sandbox;
    KeychainStore m_keychain;
    QNetworkAccessManager m_nam;
    std::unique_ptr<CommandUrlOpener> m_browser;

private Q_SLOTS:
    void initTestCase()
    {
        if (!Sandbox::available())
            QSKIP("runs under tests/harness/with-peers.sh");
        m_sandbox = Sandbox::fromEnvironment();
        m_browser = std::make_unique<CommandUrlOpener>(m_sandbox.consent);
    }

    void aScreenReaderHearsTheStateNotOnlyTheNamesOfTheLabels()
    {
        const Profile profile = m_sandbox.publicProfile();
        ProfileStore().save(profile);
        QSettings().setValue(QStringLiteral("ui/lastProfile"), profile.name);
        const auto signedIn = test::signInThroughConsent(profile, &m_keychain, &m_nam, m_sandbox);
        QVERIFY2(signedIn.failure.isOk(), qPrintable(signedIn.failure.message));

        MainWindow w(&m_keychain, m_browser.get());
        w.resize(1200, 760);
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // The sign-in state: "Signed in …", read as text, not as "Sign-in state".
        auto *state = named<QLabel>(&w, "signInState");
        QVERIFY(state);
        QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(QLatin1String("Signed in")), 20000);
        QVERIFY2(heard(state).contains(state->text()), qPrintable(heard(state)));
        QVERIFY(treeSays(&w, state->text()));

        // A search typed as a person types it; the result count is read as text.
        auto *search = named<QLineEdit>(&w, "patientSearch");
        QVERIFY(search);
        search->setFocus();
        search->selectAll();
        QTest::keyClicks(search, QStringLiteral("Briddle"));
        QTest::keyClick(search, Qt::Key_Return);
        auto *count = named<QLabel>(&w, "patientsCount");
        QVERIFY(count);
        QTRY_VERIFY_WITH_TIMEOUT(w.patients()->model()
                                         && w.patients()->model()->rowCount() >= 1
                                         && w.patients()->model()->state()
                                                 != PatientModel::State::Loading
                                         && !count->text().isEmpty(),
                                 20000);
        QVERIFY2(heard(count).contains(count->text()), qPrintable(heard(count)));
        QVERIFY(treeSays(&w, count->text()));

        // The patients table reads its rows: the first patient's name is in the tree.
        QTableView *patients = w.patients()->view();
        const QString name = patients->model()->index(0, 0).data().toString();
        QVERIFY(!name.isEmpty());
        QVERIFY2(treeSays(&w, name), qPrintable(name));

        // The selected patient's banner is read with the name in it.
        patients->setFocus();
        QTest::keyClick(patients, Qt::Key_Home, Qt::ControlModifier);
        auto *banner = named<QLabel>(&w, "patientBanner");
        QVERIFY(banner);
        QTRY_VERIFY_WITH_TIMEOUT(!banner->text().isEmpty() && banner->isVisible(), 20000);
        QVERIFY2(heard(banner).contains(banner->text()), qPrintable(heard(banner)));
        QTRY_VERIFY_WITH_TIMEOUT(w.detail()->appointmentModel()
                                         && w.detail()->appointmentModel()->rowCount() > 0,
                                 20000);

        // A note action on a note id typed by hand: the result line is read as text.
        auto *ids = named<QLineEdit>(&w, "noteIds");
        QVERIFY(ids);
        ids->setFocus();
        QTest::keyClicks(ids, QStringLiteral("note-does-not-exist"));
        QAction *lock = w.detail()->action(NoteAction::Lock);
        QVERIFY2(lock->isEnabled(), qPrintable(lock->toolTip()));
        lock->trigger();
        // A note id that is not the shown patient's is asked about first; the question is read.
        QDialog *confirm = nullptr;
        QTRY_VERIFY((confirm = w.findChild<QDialog *>(QStringLiteral("confirmNoteAction"))));
        auto *asked = named<QLabel>(confirm, "confirmText");
        QVERIFY(asked);
        QVERIFY2(heard(asked).contains(asked->text()), qPrintable(heard(asked)));
        auto *run = named<QPushButton>(confirm, "confirmRun");
        QVERIFY(run);
        QVERIFY(!heard(run).trimmed().isEmpty());
        run->click();
        QListWidget *results = w.detail()->results(); // the patient's, not the schedule's
        QVERIFY(results);
        QTRY_VERIFY_WITH_TIMEOUT(results->count() >= 1, 20000);
        const QString line = results->item(results->count() - 1)->text();
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(results);
        QVERIFY(list);
        bool lineHeard = false;
        for (int i = 0; i < list->childCount() && !lineHeard; ++i)
            lineHeard = list->child(i) && list->child(i)->text(QAccessible::Name) == line;
        QVERIFY2(lineHeard, qPrintable(line));
        auto *summary = named<QLabel>(w.detail(), "noteActionSummary");
        QVERIFY(summary);
        QTRY_VERIFY(!summary->text().isEmpty());
        QVERIFY2(heard(summary).contains(summary->text()), qPrintable(heard(summary)));

        // Sign out: the banner says what happened, read as text, and so does the state.
        auto *signOut = w.findChild<QAction *>(QStringLiteral("signOutAction"));
        QVERIFY(signOut && signOut->isEnabled());
        signOut->trigger();
        auto *bannerText = named<QLabel>(&w, "bannerText");
        QVERIFY(bannerText);
        QTRY_VERIFY_WITH_TIMEOUT(bannerText->isVisible() && !bannerText->text().isEmpty(), 20000);
        QVERIFY2(heard(bannerText).contains(bannerText->text())
                         || bannerText->text().contains(heard(bannerText).trimmed()),
                 qPrintable(heard(bannerText)));
        QVERIFY(!heard(bannerText).trimmed().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(QLatin1String("Signed out")), 20000);
        QVERIFY2(heard(state).contains(state->text()), qPrintable(heard(state)));
        QVERIFY(treeSays(&w, state->text()));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"

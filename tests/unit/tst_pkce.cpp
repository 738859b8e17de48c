// PKCE (RFC 7636), state values and the constant-time comparison.
#include "auth/pkce.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace chartkey;

class TestPkce final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void challengeMatchesRfc7636AppendixB()
    {
        // RFC 7636 Appendix B
        QCOMPARE(pkce::challengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void verifierIs43UnreservedCharacters()
    {
        static const QRegularExpression unreserved(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
        for (int i = 0; i < 100; ++i) {
            const QByteArray v = pkce::makeVerifier();
            QVERIFY2(unreserved.match(QString::fromLatin1(v)).hasMatch(), v.constData());
        }
    }

    void everyVerifierAndStateIsFresh()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i) {
            seen.insert(pkce::makeVerifier());
            seen.insert(pkce::randomUrlSafe(32));
        }
        QCOMPARE(seen.size(), 2000);
    }

    void constantTimeEquals_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("abcdef") << QByteArray("abcdef") << true;
        QTest::newRow("last byte differs") << QByteArray("abcdef") << QByteArray("abcdeg") << false;
        QTest::newRow("first byte differs") << QByteArray("xbcdef") << QByteArray("abcdef") << false;
        QTest::newRow("prefix") << QByteArray("abc") << QByteArray("abcdef") << false;
        QTest::newRow("empty vs value") << QByteArray() << QByteArray("a") << false;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    }

    void constantTimeEquals()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(pkce::constantTimeEquals(a, b), equal);
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"

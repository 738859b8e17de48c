// TokenSet: when a token is due for refresh, when it has expired, and its keychain form.
#include "auth/tokenset.h"

#include <QTest>

using namespace chartkey;

namespace {

QDateTime t0()
{
    return QDateTime::fromString(QStringLiteral("2026-01-01T08:00:00Z"), Qt::ISODate);
}

TokenSet lasting(qint64 seconds)
{
    TokenSet t;
    t.accessToken = QStringLiteral("AT-tokenset-0123456789");
    t.tokenType = QStringLiteral("Bearer");
    t.obtainedAt = t0();
    t.expiresAt = t0().addSecs(seconds);
    return t;
}

} // namespace

class TestTokenSet final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refreshLeadIsFiveMinutesOrAQuarterOfTheLifetime_data()
    {
        QTest::addColumn<qint64>("lifetime");
        QTest::addColumn<qint64>("lead");
        QTest::newRow("10 hours") << qint64(36000) << qint64(300);
        QTest::newRow("1 hour") << qint64(3600) << qint64(300);
        QTest::newRow("20 minutes: exactly 5 minutes") << qint64(1200) << qint64(300);
        QTest::newRow("just under 20 minutes") << qint64(1196) << qint64(299);
        QTest::newRow("60 s") << qint64(60) << qint64(15);
        QTest::newRow("4 s") << qint64(4) << qint64(1);
        QTest::newRow("3 s") << qint64(3) << qint64(0);
        QTest::newRow("already expired at issue") << qint64(-10) << qint64(0);
    }

    void refreshLeadIsFiveMinutesOrAQuarterOfTheLifetime()
    {
        QFETCH(qint64, lifetime);
        QFETCH(qint64, lead);
        QCOMPARE(lasting(lifetime).refreshLeadSeconds(), lead);
    }

    void refreshLeadWithoutTimesIsFiveMinutes()
    {
        TokenSet t;
        t.accessToken = QStringLiteral("AT-tokenset-0123456789");
        QCOMPARE(t.refreshLeadSeconds(), qint64(300));
    }

    void freshUntilTheLeadBoundary_data()
    {
        QTest::addColumn<qint64>("lifetime");
        QTest::addColumn<qint64>("msBeforeExpiry"); // when `now` is
        QTest::addColumn<bool>("fresh");
        QTest::addColumn<bool>("unexpired");
        QTest::newRow("1 h token, 1 ms before the lead") << qint64(3600) << qint64(300001) << true << true;
        QTest::newRow("1 h token, at the lead") << qint64(3600) << qint64(300000) << false << true;
        QTest::newRow("1 h token, inside the lead") << qint64(3600) << qint64(299999) << false << true;
        QTest::newRow("1 h token, just issued") << qint64(3600) << qint64(3600000) << true << true;
        QTest::newRow("60 s token, 16 s left") << qint64(60) << qint64(16000) << true << true;
        QTest::newRow("60 s token, 15 s left") << qint64(60) << qint64(15000) << false << true;
        QTest::newRow("4 s token, 1.001 s left") << qint64(4) << qint64(1001) << true << true;
        QTest::newRow("4 s token, 1 s left") << qint64(4) << qint64(1000) << false << true;
        QTest::newRow("1 ms before expiry") << qint64(3600) << qint64(1) << false << true;
        QTest::newRow("at expiry") << qint64(3600) << qint64(0) << false << false;
        QTest::newRow("after expiry") << qint64(3600) << qint64(-1) << false << false;
    }

    void freshUntilTheLeadBoundary()
    {
        QFETCH(qint64, lifetime);
        QFETCH(qint64, msBeforeExpiry);
        QFETCH(bool, fresh);
        QFETCH(bool, unexpired);
        const TokenSet t = lasting(lifetime);
        const QDateTime now = t.expiresAt.addMSecs(-msBeforeExpiry);
        QCOMPARE(t.isFreshAt(now), fresh);
        QCOMPARE(t.isUnexpiredAt(now), unexpired);
    }

    void noExpiryGivenMeansFreshUntilRejected()
    {
        TokenSet t = lasting(0);
        t.expiresAt = QDateTime();
        const QDateTime muchLater = t0().addYears(5);
        QVERIFY(t.isFreshAt(muchLater));
        QVERIFY(t.isUnexpiredAt(muchLater));
    }

    void emptySetIsNeitherFreshNorUnexpired()
    {
        TokenSet t = lasting(3600);
        t.accessToken.clear();
        QVERIFY(t.isEmpty());
        QVERIFY(!t.isFreshAt(t0()));
        QVERIFY(!t.isUnexpiredAt(t0()));
    }

    void jsonRoundTripKeepsEveryField()
    {
        TokenSet t;
        t.accessToken = QStringLiteral("AT-roundtrip-0123456789");
        t.refreshToken = QStringLiteral("RT-roundtrip-0123456789");
        t.tokenType = QStringLiteral("Bearer");
        t.scope = QStringLiteral("user/Patient.read offline_access launch");
        t.obtainedAt = t0().addMSecs(123);
        t.expiresAt = t0().addSecs(3600).addMSecs(456);

        bool ok = false;
        const TokenSet back = TokenSet::fromJson(t.toJson(), &ok);
        QVERIFY(ok);
        QVERIFY(back.accessToken == t.accessToken);
        QVERIFY(back.refreshToken == t.refreshToken);
        QCOMPARE(back.tokenType, t.tokenType);
        QCOMPARE(back.scope, t.scope);
        QCOMPARE(back.obtainedAt, t.obtainedAt);
        QCOMPARE(back.expiresAt, t.expiresAt);
        QCOMPARE(back.obtainedAt.timeSpec(), Qt::UTC);
        QCOMPARE(back.refreshLeadSeconds(), qint64(300));
    }

    void jsonRoundTripWithoutRefreshTokenOrExpiry()
    {
        TokenSet t = lasting(0);
        t.expiresAt = QDateTime();
        bool ok = false;
        const TokenSet back = TokenSet::fromJson(t.toJson(), &ok);
        QVERIFY(ok);
        QVERIFY(back.accessToken == t.accessToken);
        QVERIFY(!back.canRefresh());
        QVERIFY(!back.expiresAt.isValid());
        QCOMPARE(back.obtainedAt, t.obtainedAt);
    }

    void garbageIsNotATokenSet_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not JSON") << QByteArray("definitely not json");
        QTest::newRow("truncated") << QByteArray("{\"access_token\":\"abc");
        QTest::newRow("array") << QByteArray(R"(["access_token"])");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("access_token not a string") << QByteArray(R"({"access_token":42})");
        QTest::newRow("empty access_token") << QByteArray(R"({"access_token":""})");
    }

    void garbageIsNotATokenSet()
    {
        QFETCH(QByteArray, json);
        bool ok = true;
        TokenSet::fromJson(json, &ok);
        QVERIFY(!ok);
    }
};

QTEST_GUILESS_MAIN(TestTokenSet)
#include "tst_tokenset.moc"

// Field-by-field comparison of two profiles for tests, so that a failure names the field.
// Use as: compareProfiles(actual, expected); if (QTest::currentTestFailed()) return;
#pragma once

#include "profile/profile.h"

#include <QTest>

namespace chartkey::test {

inline void compareProfiles(const Profile &actual, const Profile &expected)
{
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(toString(actual.kind), toString(expected.kind));
    QCOMPARE(actual.instanceUrl, expected.instanceUrl);
    QCOMPARE(actual.fhirBaseUrl, expected.fhirBaseUrl);
    QCOMPARE(actual.authorizationUrl, expected.authorizationUrl);
    QCOMPARE(actual.tokenUrl, expected.tokenUrl);
    QCOMPARE(actual.revocationUrl, expected.revocationUrl);
    QCOMPARE(actual.endSessionUrl, expected.endSessionUrl);
    QCOMPARE(actual.notesBaseUrl, expected.notesBaseUrl);
    QCOMPARE(actual.discoveryUrl, expected.discoveryUrl);
    QCOMPARE(actual.issuer, expected.issuer);
    QCOMPARE(actual.clientId, expected.clientId);
    QCOMPARE(toString(actual.clientType), toString(expected.clientType));
    QCOMPARE(toString(actual.clientAuth), toString(expected.clientAuth));
    QCOMPARE(toString(actual.grant), toString(expected.grant));
    QCOMPARE(actual.scope, expected.scope);
    QCOMPARE(actual.redirectUri, expected.redirectUri);
    QCOMPARE(actual.extraAuthParams, expected.extraAuthParams);
}

} // namespace chartkey::test

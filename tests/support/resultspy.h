// Records what an operation (base/operation.h) completes with, for tests: the counterpart
// of QSignalSpy for operations, whose finished() signal carries no arguments.
//
//   ResultSpy<TokenOutcome> token(session.accessToken());
//   QVERIFY(token.wait());
//   QCOMPARE(token.result().source, TokenOutcome::Source::Keychain);
#pragma once

#include "base/operation.h"

#include <QList>
#include <QObject>
#include <QTest>

#include <memory>

namespace chartkey::test {

template <typename Result>
class ResultSpy
{
public:
    explicit ResultSpy(Pending<Result> *operation)
        : m_context(std::make_unique<QObject>())
    {
        operation->then(m_context.get(), [this](const Result &r) { m_results.append(r); });
    }

    // Waits until the operation has completed; false after `timeoutMs`.
    bool wait(int timeoutMs = 10000)
    {
        return QTest::qWaitFor([this] { return !m_results.isEmpty(); }, timeoutMs);
    }
    int count() const { return int(m_results.size()); }
    bool isEmpty() const { return m_results.isEmpty(); }
    const Result &result() const { return m_results.first(); }

private:
    std::unique_ptr<QObject> m_context;
    QList<Result> m_results;
};

// Waits for `operation` and returns its result (a default one after `timeoutMs`).
template <typename Result>
Result waitFor(Pending<Result> *operation, int timeoutMs = 10000)
{
    ResultSpy<Result> spy(operation);
    if (!spy.wait(timeoutMs))
        return Result{};
    return spy.result();
}

} // namespace chartkey::test

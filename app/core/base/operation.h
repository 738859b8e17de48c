// One asynchronous operation, and its one completion.
//
// Every operation of chartkey that completes later (a token request, a keychain job, the
// profile lock, a discovery fetch, an API call, a sign-in) is an Operation. It ends with
// finished(), a private signal (KDE's KJob::result() is the model): no subclass and no caller
// can emit it but the operation's finisher (emitFinished(), called by complete()), which emits
// it once — a second call does nothing. The operation then deletes itself (unless told not
// to: setAutoDelete()).
//
//   Pending<TokenResult> *reply = tokens->refresh(...);
//   reply->then(this, [this](const TokenResult &result) { ... });
//
// then() calls its function with the typed result, once, unless `context` is destroyed
// first. Subscribing to an operation that has already finished (but not yet been deleted)
// still delivers, from the event loop.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <type_traits>
#include <utility>

namespace chartkey {

class Operation : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Operation)
public:
    explicit Operation(QObject *parent = nullptr)
        : QObject(parent)
    {
    }

    bool isFinished() const { return m_finished; }

    // An operation deletes itself once finished; one owned elsewhere (on the stack, in a
    // unique_ptr) says so here.
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

Q_SIGNALS:
    // Emitted exactly once, by complete(); read the result from the operation.
    void finished(QPrivateSignal);

protected:
    // Emits finished() unless it was emitted already; returns whether it did. The operation
    // deletes itself afterwards.
    bool emitFinished()
    {
        if (m_finished)
            return false;
        m_finished = true;
        Q_EMIT finished(QPrivateSignal());
        if (m_autoDelete)
            deleteLater();
        return true;
    }

private:
    bool m_finished = false;
    bool m_autoDelete = true;
};

template <typename Result>
class Pending : public Operation
{
public:
    explicit Pending(QObject *parent = nullptr)
        : Operation(parent)
    {
    }

    const Result &result() const { return m_result; }

    // Ends the operation with `result`; only the first call counts.
    void complete(Result result)
    {
        if (isFinished())
            return;
        m_result = std::move(result);
        emitFinished();
    }

    // The same, from the event loop: for a result known before the caller could subscribe.
    void completeLater(Result result)
    {
        QMetaObject::invokeMethod(
                this, [this, result = std::move(result)]() mutable { complete(std::move(result)); },
                Qt::QueuedConnection);
    }

    // Calls `fn(result)` once the operation has finished, unless `context` is gone by then.
    // `fn` may also be a member function of `context`'s class.
    template <typename Context, typename Fn>
    void then(Context *context, Fn fn)
    {
        auto call = [context, fn = std::move(fn)](const Result &result) mutable {
            if constexpr (std::is_member_function_pointer_v<Fn>)
                (context->*fn)(result);
            else
                fn(result);
        };
        if (isFinished()) {
            QPointer<const QObject> guard(context);
            QMetaObject::invokeMethod(
                    const_cast<std::remove_const_t<Context> *>(context),
                    [guard, call = std::move(call), result = m_result]() mutable {
                        if (guard)
                            call(result);
                    },
                    Qt::QueuedConnection);
            return;
        }
        QObject::connect(this, &Operation::finished, context,
                         [this, call = std::move(call)]() mutable { call(m_result); });
    }

private:
    Result m_result{};
};

} // namespace chartkey

// Shared by the libFuzzer targets: input splitting and the one way a target reports a broken
// invariant (print what and abort, so libFuzzer keeps the input as a crash).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstdio>
#include <cstdlib>
#include <cstdint>

namespace fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// "head\nrest": the first line and what follows it (rest is empty without a newline).
inline std::pair<QByteArray, QByteArray> firstLine(const QByteArray &input)
{
    const qsizetype nl = input.indexOf('\n');
    if (nl < 0)
        return {input, QByteArray()};
    return {input.left(nl), input.mid(nl + 1)};
}

[[noreturn]] inline void broken(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "fuzz invariant broken: %s%s%s\n", what, detail.isEmpty() ? "" : ": ",
                 detail.toLocal8Bit().constData());
    std::abort();
}

inline void check(bool ok, const char *what, const QString &detail = {})
{
    if (!ok)
        broken(what, detail);
}

// Qt's own warnings would print once per input; a target that expects them silences them.
// Fatal messages still abort (Qt aborts after the handler returns).
inline void silenceQtMessages()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &msg) {
        if (type == QtFatalMsg)
            std::fprintf(stderr, "qFatal: %s\n", msg.toLocal8Bit().constData());
    });
}

// One QCoreApplication for the whole run, for targets that need an event loop. Never
// destroyed: libFuzzer leaves through exit(), and Qt objects outliving the application
// would crash in static destructors.
inline QCoreApplication &application()
{
    static int argc = 1;
    static char name[] = "chartkey-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = new QCoreApplication(argc, argv);
    return *app;
}

} // namespace fuzz

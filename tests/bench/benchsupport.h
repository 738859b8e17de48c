// What the benchmarks in tests/bench share: printing figures, medians, peak memory, and
// child processes of the benchmark itself that talk in lines on stdin/stdout.
// Benchmark code only: the child helpers block.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace chartkey::bench {

// The peak resident set of this process so far, in KiB.
inline long peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// One line on stdout, flushed at once (the driver reads children line by line).
inline void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

template<typename T>
T median(QList<T> values)
{
    if (values.isEmpty())
        return T(-1);
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

template<typename T>
T minimum(const QList<T> &values)
{
    return values.isEmpty() ? T(-1) : *std::min_element(values.begin(), values.end());
}

template<typename T>
T maximum(const QList<T> &values)
{
    return values.isEmpty() ? T(-1) : *std::max_element(values.begin(), values.end());
}

inline QString mib(long kb)
{
    return QString::number(kb / 1024.0, 'f', 1) + QStringLiteral(" MiB");
}

// This benchmark's executable run as a child (`--child ARGS...`); its stderr goes to ours.
class Child
{
public:
    explicit Child(const QStringList &args)
        : m_process(std::make_unique<QProcess>())
    {
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_clock.start();
        m_process->start(QCoreApplication::applicationFilePath(),
                         QStringList{QStringLiteral("--child")} + args);
    }
    ~Child()
    {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;

    // The next line the child printed, split at spaces; empty when it ended or timed out.
    QStringList readLine(int timeoutMs = 300000)
    {
        while (!m_process->canReadLine()) {
            if (m_process->state() == QProcess::NotRunning
                || !m_process->waitForReadyRead(timeoutMs)) {
                if (m_process->canReadLine())
                    break;
                return {};
            }
        }
        return QString::fromUtf8(m_process->readLine()).trimmed().split(QLatin1Char(' '));
    }
    // The next line that starts with `word`, skipping others.
    QStringList expect(const QString &word, int timeoutMs = 300000)
    {
        for (;;) {
            const QStringList f = readLine(timeoutMs);
            if (f.isEmpty() || f.value(0) == word)
                return f;
        }
    }
    void write(const QString &line)
    {
        m_process->write(line.toUtf8() + '\n');
        m_process->waitForBytesWritten(5000);
    }
    // Waits for the child to exit; its exit code, or -1.
    int finish(int timeoutMs = 30000)
    {
        if (!m_process->waitForFinished(timeoutMs) && m_process->state() != QProcess::NotRunning)
            return -1;
        return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    }
    // Milliseconds since the child was started.
    qint64 elapsed() const { return m_clock.elapsed(); }

private:
    std::unique_ptr<QProcess> m_process;
    QElapsedTimer m_clock;
};

} // namespace chartkey::bench

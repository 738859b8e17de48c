// Reads `chartkey ARGUMENTS` against the command table (commandtable.h) and writes the help
// texts from it. Parsing reads and writes nothing: a usage error is found before any profile,
// keychain item, network or browser is touched.
#pragma once

#include "commandtable.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <memory>

namespace chartkey::cli {

struct ParsedCommandLine
{
    enum class Outcome { Run, Help, Version, UsageError };

    Outcome outcome = Outcome::UsageError;
    // The command to run, or whose help or synopsis to show; null for chartkey itself.
    const CommandSpec *command = nullptr;
    QStringList path;                           // {"profile", "add"}; empty for chartkey itself
    std::unique_ptr<QCommandLineParser> parser; // Run: its options and positional arguments
    QString error;                              // UsageError: what is wrong, one sentence
};

// `arguments` without the program name. Global options may come before or after the command.
ParsedCommandLine parseCommandLine(const QStringList &arguments);

// `chartkey --help` for an empty path, else `chartkey PATH --help`.
QString helpText(const QStringList &path);

// The lines after a usage error: "Usage: chartkey logout [--profile NAME]" and
// "See: chartkey logout --help" (for an empty path, chartkey's own).
QString usageText(const QStringList &path);

// The full synopsis of the command at `path`, without line breaks: "chartkey logout
// [--profile NAME]".
QString synopsis(const QStringList &path);

} // namespace chartkey::cli

// The command line's one table: every command and `profile` subcommand, with its synopsis
// parts, its one-line description, the options and positional arguments it takes, the checks
// their values must pass, and its handler. Dispatch, the usage errors and every --help text
// are made from it (commandparser.h), so there is no second list to drift.
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace chartkey::cli {

class Context;

// What is wrong with one value, as a sentence; empty when the value is good. Runs while the
// command line is parsed, before the command: it must not read or write anything.
using ValueCheck = std::function<QString(const QString &value)>;

struct OptionSpec
{
    QCommandLineOption option;  // names, value name (as the synopsis shows it), description
    ValueCheck check;           // every value given must pass it; none: any value
    bool repeatable = false;    // shown as [--auth-param NAME=VALUE]...
};

struct ArgumentSpec
{
    enum class Count { One, OneOrMore, Any };
    QString name;               // as the synopsis shows it: NAME, NOTE_ID, FILE|-
    QString description;
    Count count = Count::One;
    ValueCheck check;
};

// The global options a command's synopsis names. Every command accepts all of them (before or
// after the command word); these are the ones that change what it does.
enum class Global { Profile = 0x1, Browser = 0x2, Json = 0x4 };
Q_DECLARE_FLAGS(Globals, Global)

// A command's work, once its arguments passed every check. Returns the exit status, or
// kPending (context.h) when it finishes later through Context::finish().
using Handler = int (*)(Context &ctx, const QCommandLineParser &p);

// A check across a command's options, after each value passed its own (profile add: what the
// preset needs). Same contract as ValueCheck.
using ArgumentsCheck = std::function<QString(const QCommandLineParser &p)>;

struct CommandSpec
{
    QString name;                   // "logout"; a subcommand's own word: "add"
    QString summary;                // one line, for the list of commands
    QString details;                // more text for the command's --help; may be empty
    QList<ArgumentSpec> arguments;  // positional, in order
    QList<OptionSpec> options;      // its own; the global ones are globalOptions()
    Globals globals;
    ArgumentsCheck check;
    Handler run = nullptr;          // null for a command made of subcommands (profile)
    QList<CommandSpec> subcommands;
};

// --profile, --browser, --timeout, --verbose/-v, --json, --help/-h, --version: declared once,
// taken by every command.
const QList<OptionSpec> &globalOptions();

// Every command, in the order `chartkey --help` lists them. Built on first use, once the
// QCoreApplication exists (the texts are translated).
const QList<CommandSpec> &commandTable();

// The command at `path` ({"profile", "add"}), or null.
const CommandSpec *findCommand(const QStringList &path);

} // namespace chartkey::cli

Q_DECLARE_OPERATORS_FOR_FLAGS(chartkey::cli::Globals)

#include "commandparser.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace chartkey::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::cli", text);
}

constexpr qsizetype kWidth = 79;  // help lines
constexpr qsizetype kColumn = 22; // where descriptions start in a list

using Outcome = ParsedCommandLine::Outcome;

// ---------------------------------------------------------------- finding the command word

void addOptionNames(const QList<OptionSpec> &options, QSet<QString> *valued,
                    QSet<QString> *flags)
{
    for (const OptionSpec &o : options) {
        for (const QString &name : o.option.names())
            (o.option.valueName().isEmpty() ? flags : valued)->insert(name);
    }
}

void addOptionNames(const QList<CommandSpec> &commands, QSet<QString> *valued,
                    QSet<QString> *flags)
{
    for (const CommandSpec &c : commands) {
        addOptionNames(c.options, valued, flags);
        addOptionNames(c.subcommands, valued, flags);
    }
}

// The names of every option that takes a value, anywhere in the table: the command word is
// found before the command is known (`chartkey --profile status logout` runs logout). So a
// name takes a value in every command that has it, or in none.
const QSet<QString> &valueOptionNames()
{
    static const QSet<QString> names = [] {
        QSet<QString> valued;
        QSet<QString> flags;
        addOptionNames(globalOptions(), &valued, &flags);
        addOptionNames(commandTable(), &valued, &flags);
        Q_ASSERT_X(!valued.intersects(flags), "chartkey::cli",
                   "an option name is a flag in one command and takes a value in another");
        return valued;
    }();
    return names;
}

// The index of the first argument from `from` on that is neither an option nor an option's
// value; -1 when there is none. Which options are right for the command is for its parser
// to say, once the command is known.
qsizetype nextWord(const QStringList &args, qsizetype from)
{
    for (qsizetype i = from; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--"))
            return i + 1 < args.size() ? i + 1 : -1;
        if (a.startsWith(QLatin1String("--"))) {
            if (!a.contains(QLatin1Char('=')) && valueOptionNames().contains(a.mid(2)))
                ++i;
            continue;
        }
        if (a.size() > 1 && a.startsWith(QLatin1Char('-'))) {
            if (a.size() == 2 && valueOptionNames().contains(a.mid(1)))
                ++i;
            continue;
        }
        return i;
    }
    return -1;
}

// ---------------------------------------------------------------- synopses

QString optionName(const QCommandLineOption &option)
{
    // The long name when there is one: --verbose rather than -v.
    QString longest;
    for (const QString &name : option.names()) {
        if (name.size() > longest.size())
            longest = name;
    }
    return (longest.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + longest;
}

QString optionNames(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    QString text = names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        text += QLatin1Char(' ') + option.valueName();
    return text;
}

QString optionToken(const OptionSpec &spec)
{
    QString token = optionName(spec.option);
    if (!spec.option.valueName().isEmpty())
        token += QLatin1Char(' ') + spec.option.valueName();
    return QLatin1Char('[') + token + QLatin1Char(']')
            + (spec.repeatable ? QStringLiteral("...") : QString());
}

QString argumentToken(const ArgumentSpec &spec)
{
    switch (spec.count) {
    case ArgumentSpec::Count::One:
        return spec.name;
    case ArgumentSpec::Count::OneOrMore:
        return spec.name + QStringLiteral("...");
    case ArgumentSpec::Count::Any:
        return QLatin1Char('[') + spec.name + QStringLiteral("]...");
    }
    return spec.name;
}

const OptionSpec *globalOption(const QString &name)
{
    for (const OptionSpec &o : globalOptions()) {
        if (o.option.names().contains(name))
            return &o;
    }
    return nullptr;
}

// The global options `command` names, in synopsis order, before and after its own.
QList<const OptionSpec *> shownGlobals(const CommandSpec &command, bool after)
{
    QList<const OptionSpec *> shown;
    if (!after) {
        if (command.globals.testFlag(Global::Profile))
            shown << globalOption(QStringLiteral("profile"));
        if (command.globals.testFlag(Global::Browser))
            shown << globalOption(QStringLiteral("browser"));
    } else if (command.globals.testFlag(Global::Json)) {
        shown << globalOption(QStringLiteral("json"));
    }
    return shown;
}

QStringList argumentTokens(const CommandSpec &command)
{
    QStringList tokens;
    if (!command.subcommands.isEmpty())
        tokens << QStringLiteral("SUBCOMMAND") << QStringLiteral("[ARGUMENTS]")
               << QStringLiteral("[OPTIONS]");
    for (const ArgumentSpec &a : command.arguments)
        tokens << argumentToken(a);
    return tokens;
}

// "chartkey", the path, the arguments, then the options: --profile and --browser where the
// command names them, its own, and --json where it names it.
QStringList synopsisTokens(const QStringList &path)
{
    QStringList tokens{QStringLiteral("chartkey")};
    const CommandSpec *command = findCommand(path);
    if (!command) {
        tokens << QStringLiteral("COMMAND") << QStringLiteral("[ARGUMENTS]")
               << QStringLiteral("[OPTIONS]");
        return tokens;
    }
    tokens << path << argumentTokens(*command);
    for (const OptionSpec *o : shownGlobals(*command, false))
        tokens << optionToken(*o);
    for (const OptionSpec &o : command->options)
        tokens << optionToken(o);
    for (const OptionSpec *o : shownGlobals(*command, true))
        tokens << optionToken(*o);
    return tokens;
}

// The synopsis in a line for a usage error: the full one when it fits, else its options
// as [OPTIONS].
QString shortSynopsis(const QStringList &path)
{
    const QString full = synopsisTokens(path).join(QLatin1Char(' '));
    const CommandSpec *command = findCommand(path);
    if (!command || full.size() + 7 <= kWidth)
        return full;
    return (QStringList{QStringLiteral("chartkey")} + path + argumentTokens(*command)
            + QStringList{QStringLiteral("[OPTIONS]")})
            .join(QLatin1Char(' '));
}

// ---------------------------------------------------------------- layout

// `words` on lines of at most kWidth: the first after `first`, the others after `rest`.
QString wrap(const QStringList &words, const QString &first, const QString &rest)
{
    QString text = first;
    qsizetype lineStart = 0;
    bool lineEmpty = true;
    for (const QString &word : words) {
        if (word.isEmpty())
            continue;
        if (!lineEmpty && text.size() - lineStart + 1 + word.size() > kWidth) {
            text += QLatin1Char('\n');
            lineStart = text.size();
            text += rest;
            lineEmpty = true;
        }
        if (!lineEmpty)
            text += QLatin1Char(' ');
        text += word;
        lineEmpty = false;
    }
    return text + QLatin1Char('\n');
}

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// One entry of a list: the label, then the description from kColumn on (on the next line
// when the label is too wide).
QString entry(const QStringList &label, const QString &description)
{
    const QString indent(kColumn, QLatin1Char(' '));
    const QString oneLine = label.join(QLatin1Char(' '));
    if (oneLine.size() + 4 <= kColumn)
        return wrap(words(description),
                    QStringLiteral("  ") + oneLine.leftJustified(kColumn - 2), indent);
    QString text = wrap(label, QStringLiteral("  "), QStringLiteral("      "));
    return text + wrap(words(description), indent, indent);
}

QString optionEntries(const QList<const OptionSpec *> &options)
{
    QString text;
    for (const OptionSpec *o : options) {
        text += entry({optionNames(o->option)}, o->option.description());
    }
    return text;
}

// A command's line in a list of commands: its words under `prefix`, arguments and own
// options (or [OPTIONS] when there are many).
QString commandEntry(const QStringList &prefix, const CommandSpec &command)
{
    QStringList label = prefix;
    label << command.name << argumentTokens(command);
    if (command.options.size() > 6) {
        label << QStringLiteral("[OPTIONS]");
    } else {
        for (const OptionSpec &o : command.options)
            label << optionToken(o);
    }
    return entry(label, command.summary);
}

QString generalHelp()
{
    QString text = tr("Usage: %1").arg(synopsisTokens({}).join(QLatin1Char(' ')))
            + QLatin1Char('\n') + QLatin1Char('\n');
    text += wrap(words(tr("Without a command, chartkey opens the desktop app (on the profile NAME "
                          "with chartkey --profile NAME).")),
                 QString(), QString());
    text += QLatin1Char('\n') + tr("Commands:") + QLatin1Char('\n');
    for (const CommandSpec &command : commandTable()) {
        if (command.subcommands.isEmpty()) {
            text += commandEntry({}, command);
            continue;
        }
        for (const CommandSpec &sub : command.subcommands)
            text += commandEntry({command.name}, sub);
    }
    text += QLatin1Char('\n') + tr("Options for every command, before or after it:")
            + QLatin1Char('\n');
    QList<const OptionSpec *> globals;
    for (const OptionSpec &o : globalOptions())
        globals << &o;
    text += optionEntries(globals);
    text += QLatin1Char('\n')
            + tr("Exit status: 0 success, 1 failure, 2 usage error, 3 sign-in needed.")
            + QLatin1Char('\n');
    return text;
}

QString commandHelp(const QStringList &path, const CommandSpec &command)
{
    // "Usage: chartkey profile add", then the rest of the synopsis, its continuation lines
    // under the first argument.
    const QStringList tokens = synopsisTokens(path);
    const QString head = tr("Usage: %1").arg(tokens.mid(0, path.size() + 1).join(QLatin1Char(' ')))
            + QLatin1Char(' ');
    QString text = wrap(tokens.mid(path.size() + 1), head, QString(head.size(), QLatin1Char(' ')));
    text += QLatin1Char('\n') + wrap(words(command.summary), QString(), QString());
    if (!command.details.isEmpty())
        text += QLatin1Char('\n') + command.details;
    if (!command.subcommands.isEmpty()) {
        text += QLatin1Char('\n') + tr("Subcommands:") + QLatin1Char('\n');
        for (const CommandSpec &sub : command.subcommands)
            text += commandEntry({}, sub);
        text += QLatin1Char('\n')
                + tr("Each one's options: chartkey %1 SUBCOMMAND --help")
                          .arg(path.join(QLatin1Char(' ')))
                + QLatin1Char('\n');
        return text;
    }
    if (!command.arguments.isEmpty()) {
        text += QLatin1Char('\n') + tr("Arguments:") + QLatin1Char('\n');
        for (const ArgumentSpec &a : command.arguments)
            text += entry({argumentToken(a)}, a.description);
    }
    QList<const OptionSpec *> options = shownGlobals(command, false);
    for (const OptionSpec &o : command.options)
        options << &o;
    options << shownGlobals(command, true);
    if (!options.isEmpty())
        text += QLatin1Char('\n') + tr("Options:") + QLatin1Char('\n') + optionEntries(options);
    text += QLatin1Char('\n')
            + wrap(words(tr("Every command also takes --timeout SECONDS and --verbose (see "
                            "chartkey --help).")),
                   QString(), QString());
    return text;
}

ParsedCommandLine usageError(const QStringList &path, const QString &error)
{
    ParsedCommandLine result;
    result.outcome = Outcome::UsageError;
    result.command = findCommand(path);
    result.path = path;
    result.error = error;
    return result;
}

// The first value of `options` that fails its check, said; empty when all pass.
QString checkOptions(const QCommandLineParser &parser, const QList<OptionSpec> &options)
{
    for (const OptionSpec &o : options) {
        const QString name = o.option.names().constFirst();
        if (!o.check || !parser.isSet(name))
            continue;
        for (const QString &value : parser.values(name)) {
            if (QString error = o.check(value); !error.isEmpty())
                return error;
        }
    }
    return {};
}

// Positional arguments: as many as the command takes, each passing its check.
QString checkArguments(const QStringList &path, const CommandSpec &command,
                       const QStringList &given)
{
    qsizetype at = 0;
    for (qsizetype i = 0; i < command.arguments.size(); ++i) {
        const ArgumentSpec &spec = command.arguments.at(i);
        if (spec.count != ArgumentSpec::Count::Any && at >= given.size()) {
            QStringList missing;
            for (qsizetype j = i; j < command.arguments.size(); ++j) {
                const ArgumentSpec &m = command.arguments.at(j);
                if (m.count == ArgumentSpec::Count::One)
                    missing << m.name;
                else if (m.count == ArgumentSpec::Count::OneOrMore)
                    missing << tr("at least one %1").arg(m.name);
            }
            return tr("%1 needs %2.").arg(path.join(QLatin1Char(' ')), missing.join(tr(" and ")));
        }
        const qsizetype end = spec.count == ArgumentSpec::Count::One ? at + 1 : given.size();
        for (; at < end; ++at) {
            if (!spec.check)
                continue;
            if (QString error = spec.check(given.at(at)); !error.isEmpty())
                return error;
        }
    }
    if (at < given.size())
        return tr("Unexpected argument \"%1\".").arg(given.at(at));
    return {};
}

// Parses `args` (the command words taken out) for `command` at `path`; null: chartkey itself.
ParsedCommandLine parseFor(const CommandSpec *command, const QStringList &path,
                           const QStringList &args)
{
    auto parser = std::make_unique<QCommandLineParser>();
    parser->setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    parser->setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    for (const OptionSpec &o : globalOptions())
        parser->addOption(o.option);
    if (command) {
        for (const OptionSpec &o : command->options) {
            const bool added = parser->addOption(o.option);
            Q_ASSERT_X(added, "chartkey::cli", "an option name is taken twice");
            Q_UNUSED(added)
        }
    }
    if (!parser->parse(QStringList{QStringLiteral("chartkey")} + args)) {
        QString error = parser->errorText();
        // An argument may begin with "-" (a key's kid is base64url): it goes after "--".
        const QStringList unknown = parser->unknownOptionNames();
        const auto dashed = std::find_if(args.begin(), args.end(), [&unknown](const QString &a) {
            return !unknown.isEmpty() && a.size() > 1 && a.startsWith(QLatin1Char('-'))
                    && !a.startsWith(QLatin1String("--")) && a.mid(1).startsWith(unknown.first());
        });
        if (command && !command->arguments.isEmpty() && dashed != args.end())
            error += QLatin1Char(' ')
                    + tr("An argument that begins with - goes after --: chartkey %1 -- %2")
                              .arg(path.join(QLatin1Char(' ')), *dashed);
        return usageError(path, error);
    }

    ParsedCommandLine result;
    result.command = command;
    result.path = path;
    if (parser->isSet(QStringLiteral("help"))) {
        result.outcome = Outcome::Help;
        return result;
    }
    if (parser->isSet(QStringLiteral("version"))) {
        result.outcome = Outcome::Version;
        return result;
    }
    if (!command)
        return usageError(path, tr("No command given."));
    if (!command->run) {
        QStringList names;
        for (const CommandSpec &sub : command->subcommands)
            names << sub.name;
        return usageError(path, tr("%1 needs a subcommand: %2.")
                                        .arg(command->name, names.join(QStringLiteral(", "))));
    }
    if (QString error = checkArguments(path, *command, parser->positionalArguments());
        !error.isEmpty())
        return usageError(path, error);
    if (QString error = checkOptions(*parser, globalOptions()); !error.isEmpty())
        return usageError(path, error);
    if (QString error = checkOptions(*parser, command->options); !error.isEmpty())
        return usageError(path, error);
    if (command->check) {
        if (QString error = command->check(*parser); !error.isEmpty())
            return usageError(path, error);
    }
    result.outcome = Outcome::Run;
    result.parser = std::move(parser);
    return result;
}

} // namespace

ParsedCommandLine parseCommandLine(const QStringList &arguments)
{
    QStringList rest = arguments;
    const qsizetype first = nextWord(rest, 0);
    if (first < 0)
        return parseFor(nullptr, {}, rest);
    const QString word = rest.takeAt(first);
    const CommandSpec *command = findCommand({word});
    if (!command)
        return usageError({}, tr("Unknown command \"%1\".").arg(word));
    QStringList path{word};
    if (!command->subcommands.isEmpty()) {
        const qsizetype second = nextWord(rest, first);
        if (second < 0)
            return parseFor(command, path, rest);
        const QString subword = rest.takeAt(second);
        const CommandSpec *sub = findCommand({word, subword});
        if (!sub) {
            QStringList names;
            for (const CommandSpec &s : command->subcommands)
                names << s.name;
            return usageError(path, tr("Unknown %1 subcommand \"%2\"; the subcommands are: %3.")
                                            .arg(word, subword, names.join(QStringLiteral(", "))));
        }
        path << subword;
        command = sub;
    }
    return parseFor(command, path, rest);
}

QString helpText(const QStringList &path)
{
    const CommandSpec *command = findCommand(path);
    if (path.isEmpty() || !command)
        return generalHelp();
    return commandHelp(path, *command);
}

QString usageText(const QStringList &path)
{
    const QString see = path.isEmpty()
            ? QStringLiteral("chartkey --help")
            : QStringLiteral("chartkey %1 --help").arg(path.join(QLatin1Char(' ')));
    return tr("Usage: %1").arg(shortSynopsis(path)) + QLatin1Char('\n')
            + tr("See: %1").arg(see) + QLatin1Char('\n');
}

QString synopsis(const QStringList &path)
{
    return synopsisTokens(path).join(QLatin1Char(' '));
}

} // namespace chartkey::cli

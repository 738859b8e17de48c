// The command-line front end: `chartkey COMMAND ...`, on the same engine as the desktop app.
#pragma once

namespace chartkey::cli {

// Exit statuses.
enum Exit { Ok = 0, Failed = 1, Usage = 2, SignInNeeded = 3 };

// True when the arguments ask for a command rather than the desktop app.
bool wantsCommandLine(int argc, char *argv[]);

// Runs the command; returns the exit status.
int run(int argc, char *argv[]);

} // namespace chartkey::cli

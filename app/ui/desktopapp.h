// The desktop app's entry point.
#pragma once

namespace chartkey::ui {

int runDesktop(int argc, char *argv[]);

} // namespace chartkey::ui

// The desktop app's entry point.
#pragma once

namespace chartkey::ui {

int runDesktop(int argc, char *argv[]);

// Loads chartkey's translation for the current locale into the application; when there is
// none, the English one, which holds the plural forms of the source texts ("1 note",
// "2 notes" for "%n note(s)"). Returns whether one was loaded.
bool installTranslations();

} // namespace chartkey::ui

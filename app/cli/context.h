// What every command shares: output streams, the engine's objects built from the
// process's options, and the way a command ends.
#pragma once

#include "auth/session.h"
#include "actions/ehrconnection.h"
#include "storage/keychainstore.h"
#include "storage/profilestore.h"
#include "base/failure.h"

#include <QCommandLineParser>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

namespace chartkey::cli {

class Context final : public QObject
{
    Q_OBJECT
public:
    Context();

    QTextStream out;
    QTextStream err;

    QStringList args;           // the command's own arguments (after global options)
    QString profileOption;      // --profile
    QString browserOption;      // --browser
    int timeoutMs = 30000;      // --timeout
    bool json = false;          // --json

    ProfileStore profiles;
    KeychainStore secrets;
    QNetworkAccessManager nam;

    // The profile named by --profile, or the only one. On failure prints why, sets the exit
    // status and returns nullopt.
    std::optional<Profile> selectProfile();
    // The engine for `profile` (session, API, FHIR and notes clients), owned by the context.
    EhrConnection *connect(const Profile &profile);

    // Ends the command with `code` (after pending output is flushed).
    void finish(int code);
    // Prints the failure's message (and detail when verbose), then finishes with the exit
    // status that fits it.
    void fail(const Failure &failure);
    void usage(const QString &message);

    // Parses the command's options; on error prints usage and returns false.
    bool parse(QCommandLineParser &parser, const QString &synopsis);

    // The browser command for sign-ins: --browser, else $CHARTKEY_BROWSER, else the
    // desktop's default.
    QString browserCommand() const;

    bool verbose = false;
};

int runProfileCommand(Context &ctx);
int runLogin(Context &ctx);
int runToken(Context &ctx);
int runStatus(Context &ctx);
int runLogout(Context &ctx);
int runPatients(Context &ctx);
int runAppointments(Context &ctx);
int runNote(Context &ctx);
int runCheck(Context &ctx);

// Returned by a command that finishes later through Context::finish().
constexpr int kPending = -1;

} // namespace chartkey::cli

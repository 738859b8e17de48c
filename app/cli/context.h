// What every command shares: output streams, the engine's objects built from the
// process's options, and the way a command ends.
#pragma once

#include "auth/session.h"
#include "actions/ehrconnection.h"
#include "storage/appsecretstore.h"
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

    QStringList commandPath;    // {"profile", "add"}: whose synopsis a usage error shows
    QString profileOption;      // --profile
    QString browserOption;      // --browser
    int timeoutMs = 30000;      // --timeout
    bool json = false;          // --json

    ProfileStore profiles;
    AppSecretStore secrets;
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
    // Prints `message` and the command's synopsis. For what only the command can find out
    // (an empty standard input); the command line itself is checked before the command runs.
    void usage(const QString &message);

    // The browser command for sign-ins: --browser, else $CHARTKEY_BROWSER, else the
    // desktop's default.
    QString browserCommand() const;

    bool verbose = false;
};

// The commands (commandtable.cpp names each one's options and arguments). `p` holds them,
// parsed and checked.
int runProfileAdd(Context &ctx, const QCommandLineParser &p);
int runProfileList(Context &ctx, const QCommandLineParser &p);
int runProfileShow(Context &ctx, const QCommandLineParser &p);
int runProfileRemove(Context &ctx, const QCommandLineParser &p);
int runProfileSetSecret(Context &ctx, const QCommandLineParser &p);
int runProfileSetToken(Context &ctx, const QCommandLineParser &p);
int runProfileExport(Context &ctx, const QCommandLineParser &p);
int runProfileImport(Context &ctx, const QCommandLineParser &p);
int runLogin(Context &ctx, const QCommandLineParser &p);
int runToken(Context &ctx, const QCommandLineParser &p);
int runStatus(Context &ctx, const QCommandLineParser &p);
int runLogout(Context &ctx, const QCommandLineParser &p);
int runPatients(Context &ctx, const QCommandLineParser &p);
int runAppointments(Context &ctx, const QCommandLineParser &p);
int runNote(Context &ctx, const QCommandLineParser &p);
int runCheck(Context &ctx, const QCommandLineParser &p);
int runApi(Context &ctx, const QCommandLineParser &p);
// api: what is wrong across its options and PATH (a method with a body it does not take,
// --paginate with POST, ...), before anything is read; empty when nothing is.
QString checkApiCall(const QCommandLineParser &p);
int runHelp(Context &ctx, const QCommandLineParser &p);
int runKeyGenerate(Context &ctx, const QCommandLineParser &p);
int runKeyShow(Context &ctx, const QCommandLineParser &p);
int runKeyImport(Context &ctx, const QCommandLineParser &p);
int runKeyRotate(Context &ctx, const QCommandLineParser &p);
int runKeyRetire(Context &ctx, const QCommandLineParser &p);

// Returned by a command that finishes later through Context::finish().
constexpr int kPending = -1;

} // namespace chartkey::cli

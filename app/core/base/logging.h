// Logging categories and the one place where log text is redacted.
//
// Every message of the process (chartkey's and Qt's own) passes through
// installRedactingMessageHandler(): registered secret values and the usual
// secret-bearing patterns (Authorization headers, token fields, codes) are
// replaced before anything reaches stderr or a log file.
#pragma once

#include <QLoggingCategory>
#include <QString>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcFhir)
Q_DECLARE_LOGGING_CATEGORY(lcCli)

namespace chartkey::log {

// A value that must never appear in any output: tokens, codes, verifiers, secrets.
void registerSecret(const QString &value);

// Returns text with every registered secret and secret-bearing pattern replaced.
QString redact(const QString &text);

// A URL safe to show: query values of secret-bearing parameters replaced, user info dropped.
QString redactUrl(const QUrl &url);

// Installs a message handler that redacts every message before the previous handler sees it.
void installRedactingMessageHandler();

} // namespace chartkey::log

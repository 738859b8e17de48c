// How an authorization URL reaches a browser: the desktop's default browser (UI library),
// or a command given by the user (--browser, $CHARTKEY_BROWSER), run with the URL as its
// last argument.
#pragma once

#include <QString>
#include <QUrl>

namespace chartkey {

class UrlOpener
{
public:
    virtual ~UrlOpener() = default;
    // Starts opening `url` without waiting for the browser; false with `error` set when it
    // could not even be started.
    virtual bool open(const QUrl &url, QString *error) = 0;
};

class CommandUrlOpener final : public UrlOpener
{
public:
    // `commandLine` is split like a shell would (QProcess::splitCommand).
    explicit CommandUrlOpener(const QString &commandLine);
    bool open(const QUrl &url, QString *error) override;

private:
    QString m_commandLine;
};

} // namespace chartkey

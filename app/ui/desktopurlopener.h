// Opens URLs with the desktop's default browser (QDesktopServices), unless the user chose a
// browser command ($CHARTKEY_BROWSER).
#pragma once

#include "auth/urlopener.h"

namespace chartkey::ui {

class DesktopUrlOpener final : public UrlOpener
{
public:
    bool open(const QUrl &url, QString *error) override;
};

} // namespace chartkey::ui

# The Debian package: chartkey_<version>_amd64.deb (cpack -G DEB; packaging/dev.sh package).
#
# Depends = what dpkg-shlibdeps finds in the binary (Qt Core/Gui/Widgets/Network/
# NetworkAuth, QtKeychain, libc, libstdc++) + what is loaded at run time with dlopen, which
# no scan sees:
#   qt6-qpa-plugins  Qt's extra platform plugins. (On Debian 12 the xcb plugin itself is in
#                    libqt6gui6, which the scan finds; kept because the package split has
#                    moved between Qt releases and costs little.)
#   libqt6svg6       the SVG icon engine: the window icon is an SVG
#   libsecret-1-0    QtKeychain's Secret Service backend: no keychain without it
# Recommends: a Secret Service provider (GNOME Keyring, or KWallet's kwalletd5), and
# xdg-utils (xdg-open opens the browser to sign in).
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, libsecret-1-0")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | libkf5wallet-bin, xdg-utils")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# The Debian package: chartkey_<version>_amd64.deb (cpack -G DEB; packaging/dev.sh package).
#
# Depends = what dpkg-shlibdeps finds in the binary (Qt Core/Gui/Widgets/Network/
# NetworkAuth, QtKeychain, libc, libstdc++) + what is loaded at run time with dlopen, which
# no scan sees:
#   qt6-qpa-plugins  Qt's extra platform plugins. (On Debian 12 the xcb plugin itself is in
#                    libqt6gui6, which the scan finds; kept because the package split has
#                    moved between Qt releases and costs little.)
#   libqt6svg6       the SVG icon engine (plugin iconengines/libqsvgicon.so): the window icon
#                    is an SVG. Debian 13 moved Qt's SVG plugins out of libqt6svg6 into
#                    qt6-svg-plugins (which depends on libqt6svg6): a package built there
#                    names that one instead.
#   libsecret-1-0    QtKeychain's Secret Service backend: no keychain without it
# Recommends: a Secret Service provider (GNOME Keyring, or KWallet's kwalletd5), and
# xdg-utils (xdg-open opens the browser to sign in).
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps names the libraries' packages as the build machine's release does; the ones
# named here by hand follow the same release (/etc/os-release; testing and unstable have no
# VERSION_ID and count as newer than 13).
cmake_host_system_information(RESULT chartkey_os_id QUERY DISTRIB_ID)
cmake_host_system_information(RESULT chartkey_os_version QUERY DISTRIB_VERSION_ID)
if(chartkey_os_id STREQUAL "debian"
   AND (chartkey_os_version STREQUAL "" OR chartkey_os_version VERSION_GREATER_EQUAL 13))
    set(chartkey_svg_plugins qt6-svg-plugins)
else()
    set(chartkey_svg_plugins libqt6svg6)
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, ${chartkey_svg_plugins}, libsecret-1-0")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | libkf5wallet-bin, xdg-utils")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

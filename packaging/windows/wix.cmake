# The Windows installer: an MSI made with CPack's WiX generator (WiX Toolset 3.x on PATH,
# or WIX set to its folder). Build on Windows with Qt 6.8 or newer and QtKeychain:
#
#   cmake -S . -B build/msi -G Ninja -DCMAKE_BUILD_TYPE=Release
#   cmake --build build/msi
#   cpack --config build/msi/CPackConfig.cmake -G WIX
#
# packaging/README-platforms.md has the whole recipe, signing included.

# The upgrade code identifies chartkey across versions: a new MSI replaces the installed
# one. It must never change. (The product code is new for every build.)
set(CPACK_WIX_UPGRADE_GUID "63E24ECF-D757-4467-98FC-1B62CE7E830E")
# For every user of the machine, into C:\Program Files\chartkey; needs elevation, which
# is what deployment tools (Intune, SCCM, msiexec /qn) run with.
set(CPACK_WIX_INSTALL_SCOPE perMachine)
set(CPACK_PACKAGE_INSTALL_DIRECTORY chartkey)
# A Start-menu shortcut "chartkey" to bin\chartkey.exe, directly under Programs.
set(CPACK_PACKAGE_EXECUTABLES chartkey chartkey)
set(CPACK_WIX_PROGRAM_MENU_FOLDER ".")
set(CPACK_WIX_PRODUCT_ICON ${PROJECT_SOURCE_DIR}/resources/icons/chartkey.ico)
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_PROPERTY_ARPHELPLINK "${PROJECT_HOMEPAGE_URL}/issues")
set(CPACK_PACKAGE_FILE_NAME chartkey-${PROJECT_VERSION}-windows-x64)

if(WIN32)
    # The icon and version of chartkey.exe (Explorer, the taskbar, Apps & features).
    configure_file(${CMAKE_CURRENT_LIST_DIR}/chartkey.rc.in
                   ${CMAKE_CURRENT_BINARY_DIR}/chartkey.rc @ONLY)
    target_sources(chartkey PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/chartkey.rc)
    # windeployqt brings Qt and its plugins, not other libraries: QtKeychain's DLL is
    # installed from its imported target.
    install(IMPORTED_RUNTIME_ARTIFACTS Qt6Keychain::Qt6Keychain
            RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION . RENAME LICENSE.txt)
endif()

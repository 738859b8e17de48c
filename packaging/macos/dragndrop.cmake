# The macOS disk image: a DMG holding chartkey.app and a link to /Applications, made with
# CPack's DragNDrop generator. Build on macOS with Qt 6.8 or newer and QtKeychain:
#
#   cmake -S . -B build/dmg -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_OSX_DEPLOYMENT_TARGET=12
#   cmake --build build/dmg
#   cpack --config build/dmg/CPackConfig.cmake -G DragNDrop
#
# packaging/README-platforms.md has the whole recipe, signing and notarisation included.
set(CPACK_DMG_VOLUME_NAME chartkey)
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_PACKAGE_FILE_NAME chartkey-${PROJECT_VERSION}-macos)
# The app bundle sits at the top of the image, next to the /Applications link.
set(CPACK_PACKAGING_INSTALL_PREFIX "/")

# Info.plist: what Finder, Launch Services and the keychain know the app by.
configure_file(${CMAKE_CURRENT_LIST_DIR}/Info.plist.in
               ${CMAKE_CURRENT_BINARY_DIR}/Info.plist @ONLY)

if(APPLE)
    # MACOSX_BUNDLE is set where the target is made (app/CMakeLists.txt), before its
    # install rule.
    set_target_properties(chartkey PROPERTIES
        MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_BINARY_DIR}/Info.plist)

    # chartkey.icns, from the committed PNGs (iconutil ships with macOS).
    set(iconset ${CMAKE_CURRENT_BINARY_DIR}/chartkey.iconset)
    set(icns ${CMAKE_CURRENT_BINARY_DIR}/chartkey.icns)
    set(png_dir ${PROJECT_SOURCE_DIR}/resources/icons/hicolor)
    file(MAKE_DIRECTORY ${iconset})
    foreach(size 16 32 128 256 512)
        math(EXPR double "${size} * 2")
        file(COPY_FILE ${png_dir}/${size}x${size}/apps/chartkey.png
             ${iconset}/icon_${size}x${size}.png ONLY_IF_DIFFERENT)
        if(EXISTS ${png_dir}/${double}x${double}/apps/chartkey.png)
            file(COPY_FILE ${png_dir}/${double}x${double}/apps/chartkey.png
                 ${iconset}/icon_${size}x${size}@2x.png ONLY_IF_DIFFERENT)
        endif()
    endforeach()
    execute_process(COMMAND iconutil -c icns -o ${icns} ${iconset}
                    RESULT_VARIABLE iconutil_failed)
    if(iconutil_failed)
        message(FATAL_ERROR "iconutil could not make ${icns}")
    endif()
    target_sources(chartkey PRIVATE ${icns})
    set_source_files_properties(${icns} TARGET_DIRECTORY chartkey
                                PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    set(CPACK_PACKAGE_ICON ${icns})

    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE
            DESTINATION chartkey.app/Contents/Resources)
endif()

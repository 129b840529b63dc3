# Every external dependency of tinxa, found in one place (Debian 12 package in brackets;
# deploy/packages.txt installs them all). Targets elsewhere link only the imported names below.
find_package(PkgConfig REQUIRED)

find_package(yaml-cpp 0.7 REQUIRED)                                # libyaml-cpp-dev -> yaml-cpp
find_package(fmt 9 REQUIRED)                                       # libfmt-dev      -> fmt::fmt
find_package(SQLite3 REQUIRED)                                     # libsqlite3-dev  -> SQLite::SQLite3
find_package(CLI11 2.1 REQUIRED)                                   # libcli11-dev    -> CLI11::CLI11
find_package(Threads REQUIRED)
pkg_check_modules(SndFile    REQUIRED IMPORTED_TARGET sndfile)      # libsndfile1-dev
pkg_check_modules(Utf8proc   REQUIRED IMPORTED_TARGET libutf8proc)  # libutf8proc-dev
pkg_check_modules(SampleRate REQUIRED IMPORTED_TARGET samplerate)   # libsamplerate0-dev
pkg_check_modules(Ebur128    REQUIRED IMPORTED_TARGET libebur128)   # libebur128-dev
pkg_check_modules(Ical       REQUIRED IMPORTED_TARGET libical)      # libical-dev
pkg_check_modules(QrEncode   REQUIRED IMPORTED_TARGET libqrencode)  # libqrencode-dev
pkg_check_modules(PortAudio  REQUIRED IMPORTED_TARGET portaudio-2.0) # portaudio19-dev
find_package(SDL2 REQUIRED)                                        # libsdl2-dev     -> SDL2::SDL2
find_package(SDL2_ttf REQUIRED)                                    # libsdl2-ttf-dev -> SDL2_ttf::SDL2_ttf
find_package(SDL2_image REQUIRED)                                  # libsdl2-image-dev -> SDL2_image::SDL2_image

if(TINXA_BUILD_TESTS)
  find_package(Catch2 2.13 REQUIRED)                               # catch2 -> Catch2::Catch2
endif()

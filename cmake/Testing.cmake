# tinxa_test(NAME SOURCES ... LINK ...): one Catch2 executable per library, registered with CTest
# test by test. Tests run from the source root's tests/ folder so fixtures are found by relative
# path; TINXA_SOURCE_DIR is also exported for tests that need absolute paths.
include(Catch)

add_library(tinxa_catch_main OBJECT "${PROJECT_SOURCE_DIR}/tests/CatchMain.cpp")
target_link_libraries(tinxa_catch_main PUBLIC Catch2::Catch2 tinxa_sanitizers)
target_compile_features(tinxa_catch_main PUBLIC cxx_std_20)
# Catch2's own main (its runner and reporters, no code under test) unoptimised: with the
# sanitizers at -O2 it was the longest compile of the CI build (2-3 min alone), at -O0 half that.
target_compile_options(tinxa_catch_main PRIVATE -O0)

function(tinxa_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINK" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} $<TARGET_OBJECTS:tinxa_catch_main>)
  # The tests' own code at -O1 in optimised builds (the code under test keeps the build's -O2):
  # half of the CI build's compile time is test files, a third less at -O1, the level
  # AddressSanitizer's documentation suggests. Debug builds stay at -O0.
  target_compile_options(${name} PRIVATE $<$<CONFIG:RelWithDebInfo,Release>:-O1>)
  target_compile_features(${name} PRIVATE cxx_std_20)
  set_target_properties(${name} PROPERTIES CXX_EXTENSIONS OFF)
  target_link_libraries(${name} PRIVATE ${ARG_LINK} Catch2::Catch2 tinxa_warnings tinxa_sanitizers)
  target_compile_definitions(${name} PRIVATE
    TINXA_SOURCE_DIR="${PROJECT_SOURCE_DIR}" TINXA_BINARY_DIR="${PROJECT_BINARY_DIR}")
  catch_discover_tests(${name}
    TEST_PREFIX "${name}: "
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}/tests"
    PROPERTIES ENVIRONMENT "TZ=Asia/Ho_Chi_Minh")
endfunction()

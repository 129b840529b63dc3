# tinxa_library(NAME SOURCES ... [LINK ...]): one static library per concept, C++20,
# with the warning set and sanitizers. Headers are included as "folder/sub/File.hpp" from the
# project root, e.g. #include "content/text/Fold.hpp".
function(tinxa_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINK" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_compile_features(${name} PUBLIC cxx_std_20)
  set_target_properties(${name} PROPERTIES CXX_EXTENSIONS OFF)
  target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_link_libraries(${name} PUBLIC ${ARG_LINK} PRIVATE tinxa_warnings)
  target_link_libraries(${name} PUBLIC tinxa_sanitizers)
endfunction()

# tinxa_executable(NAME SOURCES ... [LINK ...]): a thin program over the libraries.
function(tinxa_executable name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINK" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_compile_features(${name} PRIVATE cxx_std_20)
  set_target_properties(${name} PROPERTIES CXX_EXTENSIONS OFF)
  target_link_libraries(${name} PRIVATE ${ARG_LINK} tinxa_warnings tinxa_sanitizers)
endfunction()

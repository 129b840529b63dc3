# tinxa_warnings: the strict warning set, as an interface target every tinxa target links.
# (-Wnull-dereference is left out: GCC 12 reports false positives inside libstdc++ at -O2.)
# -Werror comes only from TINXA_WERROR (the ci preset), so a newer compiler never breaks a user's build.
add_library(tinxa_warnings INTERFACE)
target_compile_options(tinxa_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wdouble-promotion
  -Wformat=2 -Wimplicit-fallthrough -Wmisleading-indentation -Wduplicated-cond
  -Wduplicated-branches -Wlogical-op -Wuseless-cast
  $<$<BOOL:${TINXA_WERROR}>:-Werror>)

# tinxa_sanitizers: ASan + UBSan when TINXA_SANITIZE is on (the asan and ci presets).
add_library(tinxa_sanitizers INTERFACE)
if(TINXA_SANITIZE)
  target_compile_options(tinxa_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(tinxa_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

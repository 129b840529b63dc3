# Runs `tinxa-kiosk --screenshots` on the sample content at a fixed local time and checks that
# it exits 0, prints every file it wrote, and wrote exactly the expected PNG files, none empty.
#   cmake -DKIOSK=<tinxa-kiosk> -DOUT=<folder> -DEXPECTED=<list file> -P CheckTour.cmake
file(REMOVE_RECURSE "${OUT}")
execute_process(
  COMMAND "${KIOSK}" --content content/sample --screenshots "${OUT}" --at 2026-11-28T14:30
  RESULT_VARIABLE result OUTPUT_VARIABLE printed ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "tinxa-kiosk --screenshots exited with ${result}:\n${errors}")
endif()
file(STRINGS "${EXPECTED}" expected)
file(GLOB written RELATIVE "${OUT}" "${OUT}/*.png")
list(SORT written)
list(SORT expected)
if(NOT written STREQUAL expected)
  message(FATAL_ERROR "tinxa-kiosk wrote\n  ${written}\nbut the tour should write\n  ${expected}")
endif()
foreach(name IN LISTS expected)
  string(FIND "${printed}" "${OUT}/${name}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "tinxa-kiosk did not print ${OUT}/${name}; it printed:\n${printed}")
  endif()
  file(SIZE "${OUT}/${name}" size)
  if(size LESS 10000)
    message(FATAL_ERROR "${OUT}/${name} is only ${size} bytes: an empty screen?")
  endif()
endforeach()
list(LENGTH expected count)
message(STATUS "tinxa-kiosk wrote the ${count} expected screenshots to ${OUT}")

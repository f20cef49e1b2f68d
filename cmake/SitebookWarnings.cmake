# sitebook_set_warnings(<target>): strict warnings for project code; errors when SITEBOOK_WERROR.
function(sitebook_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Woverloaded-virtual
                                           -Wimplicit-fallthrough)
  # GCC 12 at -O3 reports std::string concatenation as overlapping memcpy (GCC bug 105329),
  # which breaks Release builds; the warning has no true positives here.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(SITEBOOK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Hardening of every binary the project builds (docs/SECURITY.md, "Binaries"), set once here
# for all targets: a stack protector on every compile; _FORTIFY_SOURCE=2 where the build is
# optimised (glibc checks buffer sizes only then, and warns without optimisation); full RELRO
# and immediate binding on every link, so the relocations and the GOT are read-only once the
# program runs. scripts/check-hardening.sh (ctest: hardening_check) reads the built binaries.
option(SITEBOOK_HARDEN "Build with stack protector, FORTIFY_SOURCE and full RELRO" ON)

if(SITEBOOK_HARDEN AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" AND NOT APPLE AND NOT WIN32)
  add_compile_options(-fstack-protector-strong)
  add_compile_options(
    "$<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2>")
  add_link_options(-Wl,-z,relro,-z,now)
  set(SITEBOOK_HARDENED ON)
else()
  set(SITEBOOK_HARDENED OFF)
endif()

# Finds SQLCipher and refuses anything older than major version 4.
# Debian 12's own libsqlcipher-dev is 3.4.1; 4.x comes from bookworm-backports
# (scripts/install-deps.sh adds it). Defines the imported target Sqlcipher::Sqlcipher.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLCIPHER IMPORTED_TARGET sqlcipher)
if(NOT SQLCIPHER_FOUND)
  message(FATAL_ERROR "SQLCipher not found. Install SQLCipher 4 (libsqlcipher-dev from "
                      "bookworm-backports): run scripts/install-deps.sh")
endif()

# SQLCipher has no version macro of its own; ask the library itself.
set(_sb_probe_dir "${CMAKE_BINARY_DIR}/sqlcipher-probe")
file(WRITE "${_sb_probe_dir}/probe.c" [=[
#include <sqlite3.h>
#include <stdio.h>
static int cb(void* u, int n, char** v, char** c) { (void)u; (void)n; (void)c; printf("%s", v[0] ? v[0] : ""); return 0; }
int main(void) {
  sqlite3* db = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
  sqlite3_exec(db, "PRAGMA cipher_version;", cb, 0, 0);
  sqlite3_close(db);
  return 0;
}
]=])
try_run(_sb_run_result _sb_compile_result
        SOURCES "${_sb_probe_dir}/probe.c"
        CMAKE_FLAGS "-DINCLUDE_DIRECTORIES=${SQLCIPHER_INCLUDE_DIRS}"
        LINK_LIBRARIES ${SQLCIPHER_LINK_LIBRARIES}
        COMPILE_DEFINITIONS -DSQLITE_HAS_CODEC
        RUN_OUTPUT_VARIABLE SQLCIPHER_CIPHER_VERSION)
if(NOT _sb_compile_result OR NOT _sb_run_result EQUAL 0)
  message(FATAL_ERROR "Could not build or run a probe against SQLCipher (${SQLCIPHER_LINK_LIBRARIES}).")
endif()
string(REGEX MATCH "^[0-9]+\\.[0-9]+\\.[0-9]+" SQLCIPHER_CIPHER_VERSION "${SQLCIPHER_CIPHER_VERSION}")
if(NOT SQLCIPHER_CIPHER_VERSION OR SQLCIPHER_CIPHER_VERSION VERSION_LESS 4.0)
  message(FATAL_ERROR "SQLCipher ${SQLCIPHER_CIPHER_VERSION} found, but Sitebook needs SQLCipher 4 or "
                      "newer (Debian 12's own package is 3.4.1). Install libsqlcipher-dev from "
                      "bookworm-backports: run scripts/install-deps.sh")
endif()
message(STATUS "SQLCipher ${SQLCIPHER_CIPHER_VERSION} (SQLite ${SQLCIPHER_VERSION})")
if(NOT TARGET Sqlcipher::Sqlcipher)
  add_library(Sqlcipher::Sqlcipher ALIAS PkgConfig::SQLCIPHER)
  target_compile_definitions(PkgConfig::SQLCIPHER INTERFACE SQLITE_HAS_CODEC)
endif()

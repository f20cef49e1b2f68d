#!/bin/sh
# Reads built binaries and checks the hardening of cmake/SitebookHardening.cmake:
#   full RELRO      a GNU_RELRO segment (readelf -l) and BIND_NOW (readelf -d: BIND_NOW or
#                   FLAGS NOW), so the GOT is read-only after start;
#   stack protector __stack_chk_fail is imported (functions with arrays are protected);
#   FORTIFY_SOURCE  with --fortify, some glibc __*_chk function is imported.
# Usage: check-hardening.sh [--fortify] BINARY...   Exit 0 when every binary passes.
set -u
fortify=0
if [ "${1:-}" = "--fortify" ]; then
    fortify=1
    shift
fi
if [ $# -eq 0 ]; then
    echo "usage: $0 [--fortify] BINARY..." >&2
    exit 2
fi
failed=0
for binary in "$@"; do
    if [ ! -f "$binary" ]; then
        echo "FAIL $binary: not built" >&2
        failed=1
        continue
    fi
    problems=""
    readelf -lW "$binary" | grep -q 'GNU_RELRO' || problems="$problems no-GNU_RELRO"
    readelf -dW "$binary" | grep -Eq 'BIND_NOW|FLAGS.*[[:space:]]NOW' || problems="$problems no-BIND_NOW"
    symbols=$(readelf --dyn-syms -W "$binary")
    echo "$symbols" | grep -q '__stack_chk_fail' || problems="$problems no-stack-protector"
    if [ $fortify -eq 1 ]; then
        echo "$symbols" | grep -Eq '__[a-z_]+_chk(@|$| )' || problems="$problems no-FORTIFY_SOURCE"
    fi
    if [ -n "$problems" ]; then
        echo "FAIL $binary:$problems" >&2
        failed=1
    else
        echo "ok   $binary"
    fi
done
exit $failed

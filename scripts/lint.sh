#!/bin/sh
# lint.sh: banned functions, cppcheck and clang-tidy over our C sources.
set -u
cd "$(dirname "$0")/.."
bad=0
SRC=$(git ls-files '*.c' 2>/dev/null || find common scoring server tests bench -name '*.c')

# Functions that invite overflows, weak randomness or shell injection.
out=$(echo "$SRC" | xargs grep -nE '\b(sprintf|vsprintf|strcpy|strcat|gets|atoi|atol|rand|srand|system)[[:space:]]*\(' || true)
if [ -n "$out" ]; then
	echo "lint: banned functions:"
	echo "$out"
	bad=1
fi

# shellcheck disable=SC2086 # the lists are meant to split
cppcheck -q --error-exitcode=1 --std=c11 --enable=warning,performance,portability \
	--inline-suppr --suppress=missingIncludeSystem -I common -I scoring $SRC || bad=1

CFLAGS="-std=c17 -D_POSIX_C_SOURCE=200809L $(pkg-config --cflags jansson libsodium libmicrohttpd 2>/dev/null)"
# shellcheck disable=SC2086
clang-tidy --quiet $SRC -- $CFLAGS 2>/dev/null || bad=1

[ "$bad" -eq 0 ] && echo "lint: ok"
exit "$bad"

#!/bin/sh
# check-deps.sh: enforces design.md's dependency rules on the sources:
# which of our folders and which libraries each module may include, and
# that scoring/ is pure (no I/O calls, no mutable globals).
set -u
cd "$(dirname "$0")/.."
bad=0

fail() {
	echo "check-deps: $*"
	bad=1
}

# includes_in DIRS PATTERN: lines of C files in DIRS including PATTERN.
includes_in() {
	dirs=$1
	pattern=$2
	# shellcheck disable=SC2086 # DIRS is a list
	find $dirs -name '*.[ch]' 2>/dev/null |
		xargs -r grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*$pattern"
}

# Our own folders: scoring/ and common/ use only each other; forms/ and
# certificates/ may add scoring/; nothing outside server/ (and the tests)
# includes server/ headers.
out=$(includes_in "common" '"\.\./(scoring|forms|certificates|server)/')
[ -n "$out" ] && fail "common/ includes a module it must not:
$out"
out=$(includes_in "scoring" '"\.\./(forms|certificates|server)/')
[ -n "$out" ] && fail "scoring/ includes a module it must not:
$out"
out=$(includes_in "forms certificates" '"\.\./(server|forms|certificates)/')
[ -n "$out" ] && fail "forms/ or certificates/ include server/ or each other:
$out"
out=$(includes_in "common scoring forms certificates" '"[^"]*server/')
[ -n "$out" ] && fail "a server/ header is included outside server/:
$out"

# Libraries: each in its one place (tests/ and bench/ may use anything).
lib_only() {
	header=$1
	allowed=$2
	out=$(includes_in "common scoring forms certificates server" "<$header>" |
		grep -vE "^$allowed" || true)
	[ -n "$out" ] && fail "<$header> outside $allowed:
$out"
}
lib_only 'microhttpd\.h' 'server/'
lib_only 'sqlite3\.h' 'server/db/'
lib_only 'hpdf\.h' 'certificates/'
lib_only 'qrencode\.h' 'certificates/'
# the results workbook (certificates/xlsx.c) is the one user of it
lib_only 'xlsxwriter\.h' 'certificates/'

# scoring/ is pure: no file, stream, network or environment calls.
out=$(grep -nE '\b(fopen|fread|fwrite|fprintf|printf|puts|fputs|getenv|open|read|write|socket|time|clock_gettime|rand|srand|exit)[[:space:]]*\(' \
	scoring/*.c scoring/*.h | grep -vE '^\S+:[0-9]+:\s*(/\*|\*)' || true)
[ -n "$out" ] && fail "I/O or process calls in scoring/:
$out"

# ...and has no mutable globals: its objects put no symbol in .data or
# .bss (const tables of pointers live in .data.rel.ro, which is read-only).
if ls build/release/obj/scoring/*.o >/dev/null 2>&1; then
	out=$(objdump -t build/release/obj/scoring/*.o \
		build/release/obj/common/*.o |
		grep -E '[[:space:]]O[[:space:]]+\.(bss|data)([[:space:]]|\.[^r])' || true)
	[ -n "$out" ] && fail "mutable globals in scoring/ or common/:
$out"
else
	fail "build first (make) so the objects can be checked for globals"
fi

[ "$bad" -eq 0 ] && echo "check-deps: ok"
exit "$bad"

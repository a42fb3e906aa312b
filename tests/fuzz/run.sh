#!/bin/sh
# run.sh: builds each fuzz target with libFuzzer (clang) and runs it for
# SECONDS seconds over its corpus (new inputs go to build/fuzz/<target>/).
# Crashes are saved as tests/fuzz/crash-*: add them to the corpus once fixed.
set -eu
SECONDS_EACH=${1:-60}
cd "$(dirname "$0")/../.."
mkdir -p build/fuzz
SRC="common/*.c scoring/*.c forms/*.c certificates/vcode.c certificates/png_check.c"
FLAGS="-std=c17 -D_DEFAULT_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
LIBS="-ljansson -lsodium -lcsv -lunistring -lpng -lhpdf -lm"
for target in tests/fuzz/fuzz_*.c; do
	name=$(basename "$target" .c)
	name=${name#fuzz_}
	# shellcheck disable=SC2086 # the lists are meant to split
	clang $FLAGS -o "build/fuzz/$name" "$target" $SRC $LIBS
	mkdir -p "build/fuzz/$name.corpus"
	dict=""
	[ -f "tests/fuzz/$name.dict" ] && dict="-dict=tests/fuzz/$name.dict"
	echo "fuzz: $name for ${SECONDS_EACH}s"
	# shellcheck disable=SC2086
	"build/fuzz/$name" -max_total_time="$SECONDS_EACH" -print_final_stats=1 \
		-artifact_prefix=tests/fuzz/ $dict \
		"build/fuzz/$name.corpus" "tests/fuzz/corpus/$name" 2>&1 |
		grep -E '^(stat::|#[0-9]+ +DONE|==|SUMMARY)' || true
	if ls tests/fuzz/crash-* tests/fuzz/leak-* >/dev/null 2>&1; then
		echo "fuzz: $name found a failing input (tests/fuzz/)" >&2
		exit 1
	fi
done

#!/bin/sh
# run.sh: every test of `make test`, for each build variant, then the
# differential test against the independent reference. Ends with the line
# "N passed, N failed" summed over all suites; exits 1 on any failure.
set -u
cd "$(dirname "$0")/.."
VARIANTS=${VARIANTS:-release asan}
DIFF_CASES=${DIFF_CASES:-1000}
total_pass=0
total_fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# suite NAME COMMAND...: runs a suite whose last line is "... N passed, M failed".
suite() {
	name=$1
	shift
	echo "== $name"
	"$@" >"$log" 2>&1
	rc=$?
	cat "$log"
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
	p=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed.*/\2/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	if [ -z "$line" ]; then
		p=0
		f=1
	elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
}

# replay VARIANT: every fuzz corpus once through its target (one case each).
replay() {
	n=0
	bad=0
	for target in tests/fuzz/fuzz_*.c; do
		name=$(basename "$target" .c)
		name=${name#fuzz_}
		if "build/$1/replay-$name" "tests/fuzz/corpus/$name"; then
			n=$((n + 1))
		else
			bad=$((bad + 1))
		fi
	done
	echo "replay: $n passed, $bad failed"
	[ "$bad" -eq 0 ]
}

# the unit suite under valgrind's memcheck too (the release build: ASan
# and valgrind do not mix), leaks included
case " $VARIANTS " in
*" release "*)
	suite "unit under valgrind memcheck" valgrind --error-exitcode=1 \
		--leak-check=full --errors-for-leak-kinds=definite,indirect -q \
		build/release/unit-tests
	;;
esac
for v in $VARIANTS; do
	suite "unit ($v)" "build/$v/unit-tests"
	suite "cli ($v)" tests/cli/run.sh "build/$v/giamkhao"
	suite "certificate keys and codes ($v)" python3 tests/cli/test_keys.py \
		"build/$v/giamkhao"
	suite "fuzz corpus replay ($v)" replay "$v"
	suite "integration over HTTP ($v)" python3 tests/integration/test_server.py \
		"build/$v/giamkhao"
	suite "proxy address and gzip at the edge ($v)" python3 \
		tests/integration/test_edge.py "build/$v/giamkhao"
	suite "backup and restore ($v)" python3 \
		tests/integration/test_restore.py "build/$v/giamkhao"
	suite "panels and assignment over HTTP ($v)" python3 \
		tests/integration/test_panels.py "build/$v/giamkhao"
	suite "rubric editor over HTTP ($v)" python3 \
		tests/integration/test_rubric.py "build/$v/giamkhao"
	suite "score sheets over HTTP ($v)" python3 \
		tests/integration/test_sheets.py "build/$v/giamkhao"
	suite "login cards over HTTP ($v)" python3 \
		tests/integration/test_cards.py "build/$v/giamkhao"
	suite "results snapshots over HTTP ($v)" python3 \
		tests/integration/test_results.py "build/$v/giamkhao"
	suite "results exports over HTTP ($v)" python3 \
		tests/integration/test_exports.py "build/$v/giamkhao"
	suite "forwarding to the next level over HTTP ($v)" python3 \
		tests/integration/test_forward.py "build/$v/giamkhao"
	suite "secret ballots over HTTP ($v)" python3 \
		tests/integration/test_ballot.py "build/$v/giamkhao"
	suite "ballot exports over HTTP ($v)" python3 \
		tests/integration/test_ballot_exports.py "build/$v/giamkhao"
	suite "certificate PDFs ($v)" python3 \
		tests/integration/test_cert_pdf.py "build/$v/giamkhao"
	suite "certificates issued and verified over HTTP ($v)" python3 \
		tests/integration/test_certs.py "build/$v/giamkhao"
	suite "certificate templates over HTTP ($v)" python3 \
		tests/integration/test_cert_template.py "build/$v/giamkhao"
done
# faults injected into the release server (an LD_PRELOAD shim: ASan
# wants to be first)
case " $VARIANTS " in
*" release "*)
	suite "faults: the Nth write, fsync or library allocation fails" \
		python3 tests/fault/test_faults.py build/release/giamkhao \
		build/release/libfault.so
	# the same faults, the server under valgrind: nothing leaks
	suite "faults under valgrind: no leak, no invalid access" \
		python3 tests/fault/test_faults.py build/release/giamkhao \
		build/release/libfault.so 5000 --valgrind 1
	;;
esac
suite "durability: SIGKILL while writing" python3 \
	tests/integration/test_durability.py \
	"build/$(echo "$VARIANTS" | cut -d' ' -f1)/giamkhao"
# --- browser test (tests/browser/, needs `make deps`: chromium, playwright-core)
suite "browser: tablet flow" node tests/browser/tablet.mjs \
	"build/$(echo "$VARIANTS" | cut -d' ' -f1)/giamkhao"
suite "browser: judge on a tablet" node tests/browser/judge.mjs \
	"build/$(echo "$VARIANTS" | cut -d' ' -f1)/giamkhao"
suite "browser: results to the public page" node tests/browser/results.mjs \
	"build/$(echo "$VARIANTS" | cut -d' ' -f1)/giamkhao"
suite "browser: a secret ballot on a tablet" node tests/browser/ballot.mjs \
	"build/$(echo "$VARIANTS" | cut -d' ' -f1)/giamkhao"
suite "browser: verifying certificates on a phone" node tests/browser/verify.mjs \
	"build/$(echo "$VARIANTS" | cut -d' ' -f1)/giamkhao"
suite "browser: a certificate template with its live preview" \
	node tests/browser/cert_template.mjs \
	"build/$(echo "$VARIANTS" | cut -d' ' -f1)/giamkhao"
# --- end browser test
suite "differential vs reference ($DIFF_CASES cases)" \
	python3 tests/reference/differential.py \
	"build/$(echo "$VARIANTS" | cut -d' ' -f1)/giamkhao" "$DIFF_CASES"
suite "reference self-test" python3 tests/reference/selftest.py

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]

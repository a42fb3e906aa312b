#!/bin/sh
# run.sh: command-line tests of BINARY (exit statuses, output, messages).
# usage: tests/cli/run.sh BINARY ; prints "cli: N passed, N failed".
set -u
BIN=$1
cd "$(dirname "$0")/../.."
D=tests/cli/data
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
passed=0
failed=0

# check NAME COMMAND...: the command's status decides.
check() {
	name=$1
	shift
	if "$@" >"$T/check.out" 2>&1; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL cli: $name"
		sed 's/^/  /' "$T/check.out" | head -20
	fi
}

# run ARGS...: runs the binary, keeping stdout, stderr and the status.
run() {
	"$BIN" "$@" >"$T/out" 2>"$T/err"
	echo $? >"$T/rc"
}

status_is() { [ "$(cat "$T/rc")" = "$1" ] || { echo "status $(cat "$T/rc"), want $1"; cat "$T/err"; false; }; }
out_empty() { [ ! -s "$T/out" ] || { echo "stdout not empty:"; cat "$T/out"; false; }; }
err_has() { grep -qF -- "$1" "$T/err" || { echo "stderr lacks '$1':"; cat "$T/err"; false; }; }
out_has() { grep -qF -- "$1" "$T/out" || { echo "stdout lacks '$1':"; cat "$T/out"; false; }; }
same_as() { diff -u "$1" "$T/out"; }

run --help
check "--help lists results" out_has "results RUBRIC.json SCORES.csv"
check "--help lists rubric check" out_has "rubric check FILE"
run
check "no command: exit 2" status_is 2
run frobnicate
check "unknown command: exit 2" status_is 2
run --version
check "--version" out_has "giamkhao "

for p in technical-innovation youth-creativity vifotec-award golden-book honouring; do
	LANG=en_GB.UTF-8 run rubric check "scoring/presets/$p.json"
	check "rubric check $p (en)" sh -c "[ \"\$(cat $T/rc)\" = 0 ] && grep -q '^Valid.' $T/out"
	LANG=vi_VN.UTF-8 run rubric check "scoring/presets/$p.json"
	check "rubric check $p (vi)" sh -c "[ \"\$(cat $T/rc)\" = 0 ] && grep -q '^Hợp lệ.' $T/out"
	run results "scoring/presets/$p.json" "tests/data/$p/scores.csv"
	check "results $p = tests/data/$p/expected.csv" same_as "tests/data/$p/expected.csv"
	run rubric format "scoring/presets/$p.json"
	cp "$T/out" "$T/formatted.json"
	run rubric format "$T/formatted.json"
	check "rubric format $p is a fixed point" same_as "$T/formatted.json"
done

LANG=vi_VN.UTF-8 LC_ALL=C run rubric check scoring/presets/technical-innovation.json
check "LANG=vi with LC_ALL=C is Vietnamese" out_has "Tiêu chí (3), tổng điểm tối đa 100"
LANG=vi_VN.UTF-8 run rubric check scoring/presets/technical-innovation.json
check "Vietnamese prize money" out_has "40.000.000 ₫"

run results $D/rubric.json $D/bom-crlf.csv
check "BOM and CRLF accepted" sh -c "[ \"\$(sed -n 2p $T/out)\" = 'a,1,E1,5.50,,ok,' ]"

LANG=C run results $D/rubric.json $D/unknown-criterion.csv
check "bad row: exit 2" status_is 2
check "bad row: no partial output" out_empty
check "bad row: English names file, line and column" \
	err_has "unknown-criterion.csv: line 3, column 4 (criterion): unknown criterion \"y\""
LANG=vi_VN.UTF-8 run results $D/rubric.json $D/unknown-criterion.csv
check "bad row: Vietnamese message" \
	err_has "unknown-criterion.csv: dòng 3, cột 4 (criterion): tiêu chí \"y\" không có trong bộ tiêu chí"

run results $D/bad-step.json $D/bom-crlf.csv
check "bad rubric: exit 2" status_is 2
check "bad rubric: names the key path" err_has "bad-step.json: criteria[0].step: step 3 does not divide max 10"
run rubric check $D/bad-step.json
check "rubric check of a bad rubric: exit 2" status_is 2

python3 -c '
primes = [p for p in range(3, 224) if all(p % d for d in range(2, p))]
print("entry,field,judge,criterion,score")
for j, p in enumerate(primes):
    for e in range(p):
        print("E%d,a,J%d,x,%d" % (e, j, (e * 7 + 3) % 11))
' >"$T/primes.csv"
run results $D/offset.json "$T/primes.csv"
check "beyond exact arithmetic: exit 1, no output" sh -c \
	"[ \"\$(cat $T/rc)\" = 1 ] && [ ! -s $T/out ] && grep -q 'too large to compute exactly' $T/err"

run results $D/rubric.json $D/no-such-file.csv
check "missing file: exit 2 with the file name" sh -c "[ \"\$(cat $T/rc)\" = 2 ] && grep -q no-such-file.csv $T/err"
run results $D/rubric.json $D/bom-crlf.csv --format xml
check "bad --format: exit 2" status_is 2
run results $D/rubric.json
check "missing argument: exit 2" status_is 2

run results scoring/presets/vifotec-award.json tests/data/vifotec-award/scores.csv --format json
cp "$T/out" "$T/results.json"
check "json: manifest hashes are the inputs' SHA-256" python3 - "$T/results.json" \
	scoring/presets/vifotec-award.json tests/data/vifotec-award/scores.csv <<'PY'
import hashlib, json, sys
doc = json.load(open(sys.argv[1]))
m = doc["manifest"]
assert m["rubric_sha256"] == hashlib.sha256(open(sys.argv[2], "rb").read()).hexdigest()
assert m["scores_sha256"] == hashlib.sha256(open(sys.argv[3], "rb").read()).hexdigest()
assert m["method"] == "mean" and m["parameters"]["min_judges"] == 3
assert m["version"].startswith("giamkhao ")
PY
check "json: entries, flags, per-criterion scores, diagnostics" python3 - "$T/results.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
e = {x["entry"]: x for x in doc["entries"]}
assert e["v03"]["flags"] == ["cusp", "tie"] and e["v03"]["tier"] == "third"
assert e["v03"]["score_text"] == "79.00" and e["v03"]["rank"] == 3
assert e["v09"]["status"] == "insufficient" and e["v09"]["rank"] is None
assert set(e["v01"]["criteria"]) == {"novelty", "applicability", "effectiveness"}
assert all("raw" in s and "normalized" in s for s in e["v01"]["sheets"])
for s in doc["scopes"]:
    assert set(s["diagnostics"]) == {"alpha", "icc2_1", "icc2_k"}
    assert all("severity" in j for j in s["judges"])
PY

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# demo.sh: what `make run` shows until the server exists (issue 3): each
# program's preset rubric checked, and the demo scores of tests/data/
# computed into a results table, with the commands to do it yourself.
set -eu
BIN=${1:-build/release/giamkhao}
cd "$(dirname "$0")/.."
export LANG="${GIAMKHAO_LANG:-vi_VN.UTF-8}"

# table: a results CSV as aligned columns (awk, no extra packages).
table() {
	awk -F, '{ for (i = 1; i <= NF; i++) { cell[NR, i] = $i;
		if (length($i) > w[i]) w[i] = length($i) } n = NF }
		END { for (r = 1; r <= NR; r++) { line = "  ";
			for (i = 1; i <= n; i++) line = line sprintf("%-" w[i] + 2 "s", cell[r, i]);
			print line } }'
}

echo "giamkhao: bộ tính điểm ngoại tuyến / the offline scorer"
echo "(máy chủ web sẽ có ở issue 3 / the web server arrives with issue 3)"
for p in technical-innovation youth-creativity vifotec-award golden-book honouring; do
	echo
	echo "================================================================"
	echo "\$ $BIN rubric check scoring/presets/$p.json"
	"$BIN" rubric check "scoring/presets/$p.json"
	echo
	echo "\$ $BIN results scoring/presets/$p.json tests/data/$p/scores.csv"
	"$BIN" results "scoring/presets/$p.json" "tests/data/$p/scores.csv" | table
done
echo
echo "Chi tiết (điểm từng phiếu, độ lệch, chỉ số ICC/alpha) / details:"
echo "  $BIN results RUBRIC.json SCORES.csv --format json"
echo "Tiếng Anh / English: GIAMKHAO_LANG=en_GB.UTF-8 make run"

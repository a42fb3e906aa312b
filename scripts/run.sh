#!/bin/sh
# run.sh: what `make run` does: a demo database on first run (kept in
# build/demo.db), fresh single-use login links, then the server on
# http://127.0.0.1:8080 until Ctrl-C.
set -eu
BIN=${1:-build/release/giamkhao}
cd "$(dirname "$0")/.."
DB=${GIAMKHAO_DB:-build/demo.db}
LISTEN=${GIAMKHAO_LISTEN:-127.0.0.1:8080}
mkdir -p "$(dirname "$DB")"
export LANG="${GIAMKHAO_LANG:-vi_VN.UTF-8}"
"$BIN" demo --db "$DB" --base "http://$LISTEN"
echo
exec "$BIN" serve --db "$DB" --listen "$LISTEN"

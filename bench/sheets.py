#!/usr/bin/env python3
"""sheets.py: sheet submissions per second over HTTP against the raw rate
of single-row synchronous=FULL SQLite transactions, in the same run.

The server runs on loopback with a demo database plus enough entries
assigned to one judge that every request submits a sheet never written
before (so each is applied, none is a replay or stale); wrk keeps 64
keep-alive connections busy. Each submission is acknowledged only once
durable, like any other. The baseline (bench-fsync) commits one-row
transactions one after another in the same directory.

This machine's disk speed drifts by 2x within a minute, so the two are
measured in alternating rounds (baseline, then server, ROUNDS times over
SECONDS in all) and the median of the rounds' ratios is the figure.

usage: bench/sheets.py BINARY BENCH_FSYNC [SECONDS]
prints the figures and "ratio R"; exits 1 when R < 1.0."""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import record  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CONNECTIONS = 64
ROUNDS = 4
ENTRIES = 400000  # enough new sheets for 20 000 per second


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def add_entries(db_path, login, n):
    """n entries in the judge's edition, assigned to the judge; returns
    (first entry id, rubric version, criteria ids)."""
    db = sqlite3.connect(db_path)
    expert, = db.execute("SELECT expert_id FROM users WHERE login = ?",
                         (login,)).fetchone()
    edition, = db.execute("SELECT id FROM editions WHERE state = 'judging'"
                          " ORDER BY id LIMIT 1").fetchone()
    cols = [r[1] for r in db.execute("PRAGMA table_info(entries)")
            if r[1] not in ("id", "code")]
    model = db.execute("SELECT %s FROM entries WHERE edition_id = ? LIMIT 1"
                       % ", ".join(cols), (edition,)).fetchone()
    row = dict(zip(cols, model), organisation="", eligibility="eligible")
    first, = db.execute("SELECT coalesce(max(id), 0) + 1 FROM entries"
                        ).fetchone()
    db.executemany(
        "INSERT INTO entries (id, code, %s) VALUES (?, ?, %s)"
        % (", ".join(cols), ", ".join("?" * len(cols))),
        ((first + i, "BENCH-%06d" % i, *[row[c] for c in cols])
         for i in range(n)))
    db.executemany("INSERT INTO assignments (entry_id, expert_id, manual,"
                   " created_at) VALUES (?, ?, 0, 0)",
                   ((first + i, expert) for i in range(n)))
    version, text = db.execute("SELECT version, json FROM rubrics WHERE"
                               " edition_id = ? ORDER BY version DESC"
                               " LIMIT 1", (edition,)).fetchone()
    db.commit()
    db.close()
    crit = [c["id"] for c in json.loads(text)["criteria"]]
    return first, version, crit


def login(port, binary, db_path, user, entry):
    link = subprocess.run([binary, "login-link", "--db", db_path, "--login",
                           user], capture_output=True, text=True
                          ).stdout.strip()
    path = link[link.index("/enter"):]
    c = http.client.HTTPConnection("127.0.0.1", port)
    c.request("GET", path)
    r = c.getresponse()
    page = r.read().decode()
    form = [v.split(";")[0] for k, v in r.getheaders()
            if k.lower() == "set-cookie" and v.startswith("gk_form=")][0]
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    c.request("POST", "/enter", urllib.parse.urlencode(
        {"t": path.split("=", 1)[1], "csrf": csrf}),
        {"Cookie": form, "Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    r.read()
    cookie = [v.split(";")[0] for k, v in r.getheaders()
              if k.lower() == "set-cookie" and v.startswith("gk_session=")][0]
    c.request("GET", "/entries/%d/sheet" % entry, headers={"Cookie": cookie})
    body = c.getresponse().read().decode()
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', body).group(1)
    return cookie, token


LUA = r"""
-- one new sheet per request: each wrk thread walks its own entries
local round, first, per, version, crit = %d, %d, %d, %d, {%s}
local counter = 0
local threads = 0
id = 0 -- each thread's own, set by setup() in that thread's state
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
function init(args)
  counter = 0
end
function request()
  local entry = first + id * per + counter
  counter = counter + 1
  local pts = {}
  for i, c in ipairs(crit) do
    pts[#pts + 1] = string.format('"%%s":"%%d"', c, (counter + i) %% 20)
  end
  local body = string.format(
    '{"client_id":"bench-%%d-%%d-%%08d","version":0,' ..
    '"rubric_version":%%d,' ..
    '"state":"submitted","points":{%%s}}',
    round, id, counter, version, table.concat(pts, ","))
  return wrk.format("POST", "/api/entries/" .. entry .. "/sheet", {
    ["Content-Type"] = "application/json",
    ["Cookie"] = "%s",
    ["X-CSRF-Token"] = "%s",
  }, body)
end
"""


def run_wrk(port, script, seconds):
    out = subprocess.run(["wrk", "-t2", "-c%d" % CONNECTIONS,
                          "-d%ds" % seconds, "--latency", "-s", script,
                          "http://127.0.0.1:%d" % port],
                         capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    p99 = re.search(r"99%\s+(\S+)", out)
    return rate, total, int(bad.group(1)) if bad else 0, \
        p99.group(1) if p99 else "?", out


def start_server(binary, db, work):
    port = free_port()
    log = open(os.path.join(work, "server.log"), "w")
    srv = subprocess.Popen([binary, "serve", "--db", db, "--listen",
                            "127.0.0.1:%d" % port], stdout=log, stderr=log)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), 0.1).close()
            break
        except OSError:
            time.sleep(0.02)
    return srv, port


def rounds(binary, fsync, db, work, seconds):
    """[(server rate, baseline rate, requests, not 2xx, p99)] per round."""
    first, version, crit = add_entries(db, "gk02", ENTRIES)
    srv, port = start_server(binary, db, work)
    per_round = ENTRIES // ROUNDS
    each = max(1, seconds // (2 * ROUNDS))
    out = []
    try:
        cookie, token = login(port, binary, db, "gk02", first)
        script = os.path.join(work, "sheets.lua")
        for i in range(ROUNDS):
            base = float(subprocess.run(
                [fsync, work, str(each)], capture_output=True, text=True,
                check=True).stdout.split()[1])
            with open(script, "w") as f:
                f.write(LUA % (i, first + i * per_round, per_round // 2, version,
                               ",".join('"%s"' % c for c in crit), cookie,
                               token))
            rate, total, bad, p99, log = run_wrk(port, script, each)
            out.append((rate, base, total, bad, p99))
            if bad > 0:
                print(log)
    finally:
        srv.send_signal(signal.SIGTERM)
        srv.wait(timeout=30)
    return first, out


def main(argv):
    binary, fsync = argv[1], argv[2]
    seconds = int(argv[3]) if len(argv) > 3 else 20
    work = os.path.join(os.path.dirname(os.path.abspath(binary)),
                        "bench-sheets")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    db = os.path.join(work, "bench.db")
    subprocess.run([binary, "demo", "--db", db], capture_output=True,
                   check=True)
    first, out = rounds(binary, fsync, db, work, seconds)
    con = sqlite3.connect(db)
    stored, = con.execute("SELECT count(*) FROM sheets WHERE state ="
                          " 'submitted' AND entry_id >= ?", (first,)
                          ).fetchone()
    con.close()
    total = sum(r[2] for r in out)
    bad = sum(r[3] for r in out)
    for i, (rate, base, n, nbad, p99) in enumerate(out):
        print("round %d: sheets-http %.1f submissions/s (p99 %s), "
              "fsync-baseline %.1f transactions/s, ratio %.2f"
              % (i + 1, rate, p99, base, rate / base))
    rate = statistics.median(r[0] for r in out)
    base = statistics.median(r[1] for r in out)
    ratio = statistics.median(r[0] / r[1] for r in out)
    print("sheets-http %.1f submissions/s median (%d requests, %d not 2xx, "
          "%d stored, %d connections)" % (rate, total, bad, stored,
                                          CONNECTIONS))
    print("fsync-baseline %.1f transactions/s median" % base)
    print("ratio %.2f (median of the rounds)" % ratio)
    record.save("sheets", {
        "rate": rate, "base": base, "ratio": ratio, "requests": total,
        "bad": bad, "stored": stored, "connections": CONNECTIONS,
        "rounds": [{"rate": r[0], "base": r[1], "p99": r[4]} for r in out]})
    if bad > 0 or stored < total - bad:
        return 1
    return 0 if ratio >= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

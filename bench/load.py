#!/usr/bin/env python3
"""load.py: the server under a mixed load and under abuse, beside a bare
libmicrohttpd "hello" server measured in the same run.

1. Baselines and single paths, 64 keep-alive connections each (wrk): the
   hello server (bench-hello), then ours for the verification page (GET
   /v/CODE), a page served from memory (GET /static/app.css) and the
   public results page.
2. A mixed load for SECONDS (default 60): four wrk processes of 16
   connections each at once: judges fetching their score-sheet forms,
   a judge saving drafts (each a new sheet, durable before the answer),
   the public verifying certificates (each request from another client
   address, through a trusted proxy: `serve --proxy`), and the public
   reading the results. Every answer must be 2xx: each wrk counts the
   others itself.
3. The same again while 200 idle, slow connections are held open (each
   sends a header line every few seconds and never finishes, from four
   other loopback addresses: 50 each, under the per-address cap). The
   legitimate p99 of each kind must stay within 2x of step 2's.
   Meanwhile `giamkhao backup` copies the live database; afterwards the
   copy passes integrity_check and its audit chain, every table holds
   exactly the live rows up to the copy's last one, and `giamkhao
   restore` of it serves the same results and verification pages.
4. The server's resident memory after all that, and its start-up time
   (spawn to first answer; median of 5).

usage: bench/load.py BINARY BENCH_HELLO [SECONDS]
Prints the figures, writes build/.../bench-results/load.json, and exits
1 when a check fails (errors, non-2xx, p99, backup, restore)."""
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
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sheets  # noqa: E402
import record  # noqa: E402

SINGLE_SECONDS = 6
ROUNDS = 5
SLOW = 200
DRAFTS = {"single": 100000, "mixed": 250000, "slow": 250000}

# One wrk script per kind; each counts the answers that are not 2xx and
# prints one RESULT line of JSON at the end.
LUA_COMMON = r"""
bad = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local nbad = 0
  for _, t in ipairs(threads) do nbad = nbad + t:get("bad") end
  local e = summary.errors
  io.write(string.format('RESULT {"requests": %d, "seconds": %.3f, ' ..
    '"bad": %d, "errors": %d, "p50_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration / 1e6, nbad,
    e.connect + e.read + e.write + e.timeout + e.status,
    latency:percentile(50), latency:percentile(99)))
end
"""

LUA_VERIFY = r"""
local codes = {%s}
local n = 0
function request()
  n = n + 1
  -- a new client address for each request: the public, through a proxy
  return wrk.format("GET", "/v/" .. codes[n %% #codes + 1], {
    ["X-Forwarded-For"] = string.format("10.%%d.%%d.%%d",
      math.floor(n / 65536) %% 256, math.floor(n / 256) %% 256, n %% 256)})
end
"""

LUA_PATHS = r"""
local paths = {%s}
local cookies = {%s}
local n = 0
function request()
  n = n + 1
  local i = n %% #paths + 1
  local h = {}
  if cookies[i] ~= "" then h["Cookie"] = cookies[i] end
  return wrk.format("GET", paths[i], h)
end
"""

LUA_STATIC = r"""
function request()
  return wrk.format("GET", "%s", {["Accept-Encoding"] = "%s"})
end
"""

LUA_DRAFT = r"""
local first, version, crit = %d, %d, {%s}
local n = 0
function request()
  local entry = first + n
  n = n + 1
  local pts = {}
  for i, c in ipairs(crit) do
    pts[#pts + 1] = string.format('"%%s":"%%d"', c, (n + i) %% 20)
  end
  local body = string.format('{"client_id":"load-%%d-%%09d","version":0,' ..
    '"rubric_version":%%d,"state":"draft","points":{%%s}}',
    first, n, version, table.concat(pts, ","))
  return wrk.format("POST", "/api/entries/" .. entry .. "/sheet", {
    ["Content-Type"] = "application/json", ["Cookie"] = "%s",
    ["X-CSRF-Token"] = "%s"}, body)
end
"""


def lua_list(items):
    return ",".join('"%s"' % i for i in items)


class Wrk:
    """A wrk process running one script; result() waits and parses."""

    def __init__(self, work, name, script, port, conns, seconds):
        path = os.path.join(work, name + ".lua")
        with open(path, "w") as f:
            f.write(script + LUA_COMMON)
        self.name = name
        self.proc = subprocess.Popen(
            ["wrk", "-t1", "-c%d" % conns, "-d%ds" % seconds, "--timeout",
             "5s", "-s", path, "http://127.0.0.1:%d" % port],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def result(self):
        out = self.proc.communicate()[0]
        m = re.search(r"^RESULT (.*)$", out, re.M)
        if m is None:
            raise RuntimeError("wrk %s: no result\n%s" % (self.name, out))
        r = json.loads(m.group(1))
        r["rate"] = r["requests"] / r["seconds"]
        return r


def wrk_one(work, name, script, port, seconds, conns=64):
    return Wrk(work, name, script, port, conns, seconds).result()


def wait_port(port, proc, timeout=10.0):
    """Seconds from now until the port answers an HTTP request."""
    t = time.monotonic()
    while time.monotonic() - t < timeout:
        if proc.poll() is not None:
            raise RuntimeError("the server exited")
        try:
            s = socket.create_connection(("127.0.0.1", port), 0.2)
            s.sendall(b"GET /static/app.css HTTP/1.0\r\n\r\n")
            if s.recv(12).startswith(b"HTTP/1."):
                s.close()
                return time.monotonic() - t
            s.close()
        except OSError:
            pass
        time.sleep(0.002)
    raise RuntimeError("the server did not answer")


def start(binary, db, work, name, extra=()):
    port = sheets.free_port()
    log = open(os.path.join(work, name + ".log"), "w")
    t = time.monotonic()
    proc = subprocess.Popen([binary, "serve", "--db", db, "--listen",
                             "127.0.0.1:%d" % port, *extra],
                            stdout=log, stderr=log)
    wait_port(port, proc)
    return proc, port, time.monotonic() - t


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    return proc.wait(timeout=60)


def start_hello(hello):
    port = sheets.free_port()
    proc = subprocess.Popen([hello, str(port)], stdout=subprocess.DEVNULL)
    wait_port(port, proc)
    return proc, port


def compared(work, hello_port, port, scripts):
    """The hello server and each of `scripts` on ours, one after another,
    ROUNDS times over (this VM's speed drifts by a fifth within minutes):
    per path its median rate and the median of its per-round ratios to
    the hello server's rate in the same round."""
    rounds = []
    for i in range(ROUNDS):
        got = {"hello": wrk_one(work, "hello", LUA_PATHS % ('"/"', '""'),
                                hello_port, SINGLE_SECONDS)}
        for name, script in scripts:
            got[name] = wrk_one(work, "single-" + name, script, port,
                                SINGLE_SECONDS)
        rounds.append(got)
    out = {}
    for name in rounds[0]:
        r = dict(rounds[len(rounds) // 2][name])
        r["rate"] = statistics.median(g[name]["rate"] for g in rounds)
        r["ratio"] = statistics.median(g[name]["rate"] / g["hello"]["rate"]
                                       for g in rounds)
        r["rounds"] = [g[name]["rate"] for g in rounds]
        r["bad"] = sum(g[name]["bad"] for g in rounds)
        r["errors"] = sum(g[name]["errors"] for g in rounds)
        out[name] = r
    return out


def startup_ms(binary, db, work):
    times = []
    for i in range(5):
        proc, _, took = start(binary, db, work, "startup")
        times.append(took * 1000)
        stop(proc)
    return statistics.median(times)


class Slow:
    """SLOW connections that never finish their request: each sends a
    header line every few seconds (so no idle timeout closes it), from
    four other loopback addresses. count() says how many are still open."""

    def __init__(self, port):
        self.socks, self.stopped = [], threading.Event()
        for i in range(SLOW):
            s = socket.socket()
            s.bind(("127.0.0.%d" % (2 + i % 4), 0))
            s.connect(("127.0.0.1", port))
            s.sendall(b"GET /p/6 HTTP/1.1\r\nHost: slow\r\n")
            self.socks.append(s)
        self.thread = threading.Thread(target=self.trickle, daemon=True)
        self.thread.start()

    def trickle(self):
        k = 0
        while not self.stopped.wait(5):
            k += 1
            for s in self.socks:
                try:
                    s.sendall(b"X-Slow-%d: 1\r\n" % k)
                except OSError:
                    pass

    def count(self):
        alive = 0
        for s in self.socks:
            try:
                s.setblocking(False)
                s.recv(1, socket.MSG_PEEK)  # closed, or answered: not held
            except BlockingIOError:
                alive += 1  # open, nothing sent back: still held
            except OSError:
                pass
            finally:
                s.setblocking(True)
        return alive

    def close(self):
        self.stopped.set()
        self.thread.join()
        for s in self.socks:
            s.close()


def mixed(work, port, setup, seconds, name, during=None):
    """The four kinds at once, 16 connections each: {kind: result}."""
    runs = [Wrk(work, name + "-" + kind, script, port, 16, seconds)
            for kind, script in setup(name)]
    extra = during() if during is not None else None
    out = {w.name.split("-", 1)[1]: w.result() for w in runs}
    return out, extra


def table_counts(path, limits=None):
    """{table: (rows, max rowid)}; with limits, the rows up to each
    table's given rowid."""
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    out = {}
    for t, in db.execute("SELECT name FROM sqlite_master WHERE type ="
                         " 'table' AND name NOT LIKE 'sqlite_%'"):
        if limits is None:
            out[t] = db.execute("SELECT count(*), coalesce(max(rowid), 0)"
                                " FROM \"%s\"" % t).fetchone()
        else:
            out[t] = db.execute("SELECT count(*) FROM \"%s\" WHERE rowid"
                                " <= ?" % t, (limits[t][1],)).fetchone()[0]
    db.close()
    return out


def check_backup(binary, live, copy):
    """The copy taken under load: (ok, what was checked)."""
    db = sqlite3.connect(copy)
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    db.close()
    chain = subprocess.run([binary, "audit", "verify", "--db", copy],
                           capture_output=True, text=True)
    mine = table_counts(copy)
    theirs = table_counts(live, mine)
    differ = [t for t in mine if mine[t][0] != theirs[t]]
    rows = sum(v[0] for v in mine.values())
    ok = integrity == "ok" and chain.returncode == 0 and not differ
    return ok, {"integrity": integrity, "audit_chain": chain.returncode == 0,
                "tables": len(mine), "rows": rows, "tables_differing": differ}


def same_pages(port_a, port_b, paths):
    """The paths whose bodies differ between two servers."""
    differ = []
    for p in paths:
        bodies = []
        for port in (port_a, port_b):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"GET %s HTTP/1.0\r\nX-Forwarded-For: 10.250.0.1\r\n"
                      b"\r\n" % p.encode())
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
            s.close()
            head, _, body = data.partition(b"\r\n\r\n")
            bodies.append((head.split(b" ")[1], body))
        if bodies[0] != bodies[1] or bodies[0][0] != b"200":
            differ.append(p)
    return differ


def prepare(binary, work):
    db = os.path.join(work, "load.db")
    subprocess.run([binary, "demo", "--db", db], capture_output=True,
                   check=True)
    drafts = {}
    first, version, crit = sheets.add_entries(db, "gk02", sum(DRAFTS.values()))
    for kind, n in DRAFTS.items():
        drafts[kind] = first
        first += n
    con = sqlite3.connect(db)
    codes = [c for c, in con.execute("SELECT code FROM certificates"
                                     " WHERE revoked_at IS NULL")]
    forms = con.execute(
        "SELECT u.login, a.entry_id FROM assignments a JOIN users u ON"
        " u.expert_id = a.expert_id JOIN entries e ON e.id = a.entry_id"
        " JOIN editions d ON d.id = e.edition_id WHERE d.state = 'judging'"
        " AND u.login IN ('gk03', 'gk04', 'gk05', 'gk06')").fetchall()
    public, = con.execute("SELECT edition_id FROM postings ORDER BY id"
                          " DESC LIMIT 1").fetchone()
    con.close()
    return db, drafts, version, crit, codes, forms, public


def main(argv):
    binary, hello = argv[1], argv[2]
    seconds = int(argv[3]) if len(argv) > 3 else 60
    work = os.path.join(os.path.dirname(os.path.abspath(binary)),
                        "bench-load")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    db, drafts, version, crit, codes, forms, public = prepare(binary, work)
    fig = {"seconds": seconds, "connections": 64, "slow": SLOW}
    fig["startup_ms"] = startup_ms(binary, db, work)
    hello_proc, hello_port = start_hello(hello)
    srv, port, _ = start(binary, db, work, "server",
                         ("--proxy", "127.0.0.1"))
    failures = []
    try:
        sessions = {}
        for login, entry in forms:
            if login not in sessions:
                sessions[login] = sheets.login(port, binary, db, login,
                                               entry)[0]
        cookie, token = sheets.login(port, binary, db, "gk02",
                                     drafts["single"])
        verify = LUA_VERIFY % lua_list(codes)
        results = LUA_PATHS % ('"/p/%d"' % public, '""')
        form = LUA_PATHS % (lua_list("/entries/%d/sheet" % e
                                     for _, e in forms),
                            lua_list(sessions[u] for u, _ in forms))

        def draft(kind):
            return LUA_DRAFT % (drafts[kind], version, lua_list(crit),
                                cookie, token)

        def setup(kind):
            return [("form", form), ("draft", draft(kind)),
                    ("verify", verify), ("results", results)]

        single = compared(work, hello_port, port, (
            ("verify", verify),
            # as a browser asks: gzip taken
            ("static", LUA_STATIC % ("/static/app.css",
                                     "gzip, deflate, br")),
            ("static-plain", LUA_STATIC % ("/static/app.css",
                                           "identity"))))
        stop(hello_proc)
        fig["hello"] = single.pop("hello")
        for name, script in (("results", results), ("form", form),
                             ("draft", draft("single"))):
            single[name] = wrk_one(work, "single-" + name, script, port,
                                   SINGLE_SECONDS)
        fig["single"] = single
        fig["mixed"], _ = mixed(work, port, setup, seconds, "mixed")

        def abuse():
            slow = Slow(port)
            time.sleep(seconds / 3)
            t = time.monotonic()
            copy = os.path.join(work, "backup.db")
            r = subprocess.run([binary, "backup", "--db", db, copy],
                               capture_output=True, text=True)
            took = time.monotonic() - t
            time.sleep(max(0.0, seconds / 2 - took))
            held = slow.count()
            return slow, copy, r.returncode, took, held

        fig["slow_run"], (slow, copy, rc, took, held) = mixed(
            work, port, setup, seconds, "slow", abuse)
        slow.close()
        fig["slow_held"] = held
        ok, fig["backup"] = check_backup(binary, db, copy)
        fig["backup"].update({"exit": rc, "seconds": took})
        if rc != 0 or not ok:
            failures.append("backup")
        status = open("/proc/%d/status" % srv.pid).read()
        fig["rss_kib"] = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        fig["hwm_kib"] = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))
        fig["threads"] = int(re.search(r"Threads:\s+(\d+)",
                                       status).group(1))
        restored = os.path.join(work, "restored.db")
        r = subprocess.run([binary, "restore", "--db", restored, copy],
                           capture_output=True, text=True)
        shutil.copy(db + ".keys", restored + ".keys")
        os.chmod(restored + ".keys", 0o600)
        srv2, port2, _ = start(binary, restored, work, "restored")
        differ = same_pages(port, port2, ["/p/%d" % public] +
                            ["/v/%s" % c for c in codes[:5]])
        stop(srv2)
        fig["restore"] = {"exit": r.returncode, "pages_differing": differ}
        if r.returncode != 0 or differ:
            failures.append("restore")
    finally:
        stop(srv)
        if hello_proc.poll() is None:
            stop(hello_proc)
    for run in ("single", "mixed", "slow_run"):
        for kind, r in fig[run].items():
            if r["bad"] or r["errors"]:
                failures.append("%s %s: %d not 2xx, %d errors"
                                % (run, kind, r["bad"], r["errors"]))
    for kind, r in fig["mixed"].items():
        r2 = fig["slow_run"][kind]
        r2["p99_vs_unloaded"] = r2["p99_us"] / max(1, r["p99_us"])
        if r2["p99_vs_unloaded"] > 2.0:
            failures.append("%s p99 %.1fx under slow connections"
                            % (kind, r2["p99_vs_unloaded"]))
    if held < SLOW:
        failures.append("only %d of %d slow connections held" % (held, SLOW))
    fig["failures"] = failures
    report(fig)
    record.save("load", fig)
    return 1 if failures else 0


def report(fig):
    h = fig["hello"]["rate"]
    print("hello server: %.0f requests/s (median; rounds %s)"
          % (h, ", ".join("%.0f" % x for x in fig["hello"]["rounds"])))
    for k, r in fig["single"].items():
        print("single %-8s %8.0f requests/s (%.2f of hello%s), p50 %.2f ms,"
              " p99 %.2f ms" % (k, r["rate"], r.get("ratio", r["rate"] / h),
                                ", median of %d rounds" % len(r["rounds"])
                                if "rounds" in r else "",
                                r["p50_us"] / 1000, r["p99_us"] / 1000))
    for run in ("mixed", "slow_run"):
        total = sum(r["rate"] for r in fig[run].values())
        print("%s (%d s, 4 x 16 connections%s): %.0f requests/s"
              % (run, fig["seconds"], ", %d slow held" % fig["slow_held"]
                 if run == "slow_run" else "", total))
        for k, r in fig[run].items():
            print("  %-8s %8.0f requests/s, p50 %6.2f ms, p99 %6.2f ms,"
                  " %d not 2xx, %d errors%s"
                  % (k, r["rate"], r["p50_us"] / 1000, r["p99_us"] / 1000,
                     r["bad"], r["errors"],
                     ", p99 %.2fx unloaded" % r["p99_vs_unloaded"]
                     if "p99_vs_unloaded" in r else ""))
    print("backup under load: %s" % json.dumps(fig["backup"]))
    print("restore: %s" % json.dumps(fig["restore"]))
    print("resident memory after the load: %.1f MiB (peak %.1f MiB, %d"
          " threads)" % (fig["rss_kib"] / 1024, fig["hwm_kib"] / 1024,
                         fig["threads"]))
    print("start-up: %.1f ms (median of 5)" % fig["startup_ms"])
    for f in fig["failures"]:
        print("FAIL " + f)


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""test_faults.py: the server with faults injected (tests/fault/shim.c,
preloaded): the Nth write to a file, the Nth fsync, or the Nth allocation
asked for by a library (SQLite, jansson, libqrencode, libpng; the program's
own allocations and libharu's end the process by design) fails, for N = 1, 2, ... until the request goes through without meeting
the fault. Each kind over: a judge saving a sheet (the tablet's API), an
organiser revoking a certificate, issuing certificates again (one new,
signed), and rendering a certificate's PDF.

Each time: an answer comes (200 or a clean error status, never a dropped
connection), the server still serves, and the database holds either the
whole change (when the answer says so) or none of it; at the end the
server stops cleanly, `PRAGMA integrity_check` is ok and the audit chain
verifies. A fault that fires in a 200 answer is fine only when the work
was still done (a failed write SQLite retried, say).
With --valgrind STRIDE the server runs under valgrind memcheck, for every
STRIDE-th N: at the end no block may be lost (definitely or indirectly)
after all those failed requests, and no invalid access be seen.
usage: test_faults.py BINARY SHIM.so [MAX_N [--valgrind STRIDE]]"""
import json
import os
import re
import signal
import sqlite3
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "integration"))
from harness import Client, Server, Suite  # noqa: E402

KINDS = ("write", "fsync", "alloc")


class FaultServer(Server):
    """The server with the shim preloaded, armed through a file."""

    def __init__(self, binary, shim, valgrind=False):
        super().__init__(binary)
        self.shim = shim
        self.valgrind = valgrind
        self.fault_file = os.path.join(self.dir, "fault")

    def start(self):
        env = dict(os.environ, LD_PRELOAD=self.shim,
                   FAULT_FILE=self.fault_file)
        if not self.valgrind:
            return super().start(env=env)
        # leaks found at exit fail it (exit 99); "possibly lost" blocks
        # are the threads' own and are not counted
        return super().start(env=env, tries=3000, wrap=(
            "valgrind", "--leak-check=full", "--error-exitcode=99",
            "--soname-synonyms=somalloc=nouserintercepts",
            "--errors-for-leak-kinds=definite,indirect",
            "--show-leak-kinds=definite,indirect",
            "--log-file=" + os.path.join(self.dir, "valgrind.log")))

    def arm(self, kind, n):
        before = self.armed()
        with open(self.fault_file, "w") as f:
            f.write("%s %d\n" % (kind, n))
        self.proc.send_signal(signal.SIGUSR2)
        for _ in range(3000):
            if self.armed() > before:
                return
            time.sleep(0.002)
        raise RuntimeError("the shim did not say it was armed")

    def armed(self):
        self.log.flush()
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            return f.read().count("fault: armed")

    def fired(self, mark):
        """Whether the fault fired since the log was `mark` bytes."""
        self.log.flush()
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            f.seek(mark)
            return "fault: fired" in f.read()

    def log_size(self):
        return os.path.getsize(self.log.name)


def query(s, sql, *args):
    db = sqlite3.connect(s.db)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def api(c, method, path, body=None):
    h = {"Content-Type": "application/json",
         "X-CSRF-Token": c.get("/").csrf()}
    r = c.request(method, path, json.dumps(body) if body else None, h)
    return r


class Case:
    """One request: prepare() (not under the fault: a page for its form
    token, say) gives what send(ctx) needs; state() reads what it changes;
    `changes`: whether a success changes the database."""

    def __init__(self, name, prepare, send, state, changes=True,
                 sound=lambda: None):
        self.name, self.prepare, self.send = name, prepare, send
        self.state, self.changes = state, changes
        self.sound = sound  # what is wrong with the state, or None


def sheet_case(s, judge, entry):
    n = [0]

    def prepare():
        r = api(judge, "GET", "/api/entries/%d/sheet" % entry)
        sheet = json.loads(r.text)["sheet"]
        return sheet, judge.get("/").csrf()

    def send(ctx):
        sheet, token = ctx
        n[0] += 1
        body = {"client_id": "fault-%06d-aaaaaaaaaaaa" % n[0],
                "version": sheet["version"],
                "rubric_version": sheet["rubric_version"],
                "state": "draft", "points": sheet.get("points") or {},
                "comment": "lần %d" % n[0]}
        return judge.request("POST", "/api/entries/%d/sheet" % entry,
                             json.dumps(body), {
                                 "Content-Type": "application/json",
                                 "X-CSRF-Token": token})

    def state():
        return (query(s, "SELECT version, comment FROM sheets WHERE"
                      " entry_id = ? ORDER BY id", entry),
                query(s, "SELECT count(*) FROM audit"))
    return Case("a judge saves a sheet", prepare, send, state)


def standing(s):
    return [x for x, in query(s, "SELECT id FROM certificates WHERE"
                              " edition_id = 6 AND revoked_at IS NULL"
                              " ORDER BY id")]


def cert_state(s):
    return (query(s, "SELECT id, revoked_at IS NULL FROM certificates"
                  " ORDER BY id"), query(s, "SELECT count(*) FROM audit"))


def revoke_case(s, org):
    def prepare():
        if len(standing(s)) < 2:
            # revocations that went through used them up: issue again
            # (not under the fault)
            token = org.get("/editions/6/certificates").csrf()
            org.post("/editions/6/certificates", {}, csrf=token)
        return standing(s)[0], org.get("/editions/6/certificates").csrf()

    def send(ctx):
        serial, token = ctx
        return org.post("/certificates/%d/revoke" % serial,
                        {"reason": "thử lỗi ghi"}, csrf=token)

    return Case("an organiser revokes a certificate", prepare, send,
                lambda: cert_state(s))


def issue_case(s, org):
    full = len(standing(s))

    def prepare():
        # one revoked first (not under the fault) so that issuing has
        # work, unless the last try left that work undone
        if len(standing(s)) == full:
            token = org.get("/editions/6/certificates").csrf()
            r = org.post("/certificates/%d/revoke" % standing(s)[0],
                         {"reason": "để cấp lại"}, csrf=token)
            assert r.status == 303, r.status
        return org.get("/editions/6/certificates").csrf()

    def send(token):
        return org.post("/editions/6/certificates", {}, csrf=token)

    def sound():
        n = len(standing(s))
        return None if n in (full, full - 1) else "%d standing" % n

    return Case("issuing again signs a new certificate", prepare, send,
                lambda: cert_state(s), sound=sound)


def pdf_case(s, org):
    return Case("a certificate's PDF", lambda: None,
                lambda _: org.get("/certificates/%d/pdf" % standing(s)[0]),
                lambda: query(s, "SELECT count(*) FROM audit"), False)


def run_case(t, s, case, kind, max_n, stride):
    """N = 1, 1 + stride, ... for one kind; returns how many times the
    fault fired."""
    changes = case.changes
    fired = 0
    bad = []
    for n in range(1, max_n + 1, stride):
        ctx = case.prepare()
        before = case.state()
        mark = s.log_size()
        s.arm(kind, n)
        text = ""
        try:
            r = case.send(ctx)
            status, text = r.status, r.text[-300:]
        except Exception as e:  # a dropped connection is a failure
            status = "no answer: %s" % e
        s.arm("none", 0)
        hit = s.fired(mark)
        after = case.state()
        alive = Client(s).get("/login").status == 200
        ok_status = status in (200, 303, 409, 500, 503)
        if not alive or not ok_status:
            bad.append((n, status, alive, text))
            break
        if status not in (200, 303) and after != before:
            bad.append((n, status, "half-written"))
        if status in (200, 303) and changes and after == before:
            bad.append((n, status, "acknowledged but not written"))
        if case.sound() is not None:
            bad.append((n, status, case.sound()))
            break
        if not hit:
            break
        fired += 1
    else:
        bad.append((max_n, "still meeting the fault: raise MAX_N"))
    t.check("%s, %s fault at each N: a clean answer, the server serving, "
            "all or nothing (%d faults met)" % (case.name, kind, fired),
            not bad and (fired > 0 or not changes), bad[:3])
    print("note: %s, %s: %d faults met, %d certificates standing" % (
        case.name, kind, fired, len(standing(s))))
    return fired


def main(argv):
    binary, shim = argv[1], argv[2]
    max_n = int(argv[3]) if len(argv) > 3 else 5000
    # --valgrind STRIDE: the server under valgrind memcheck, every
    # STRIDE-th N (valgrind is some 30 times slower): no leak after all
    # those failed requests, and no invalid access
    valgrind = len(argv) > 5 and argv[4] == "--valgrind"
    stride = int(argv[5]) if valgrind else 1
    t = Suite("faults under valgrind" if valgrind else "faults")
    s = FaultServer(binary, shim, valgrind=valgrind)
    try:
        r = s.cli("demo", "--db", s.db)
        t.check("the demo database", r.returncode == 0, r.stderr[-300:])
        links = re.findall(r"(/enter\?t=[A-Za-z0-9_-]+)", r.stdout)
        s.add_user("bto-loi", "organiser", "Ban Tổ chức")
        s.start()
        org = Client(s)
        org.login("bto-loi")
        judge = Client(s)
        judge.enter(links[1])
        assigned = api(judge, "GET", "/api/assigned")
        entry = json.loads(assigned.text)["entries"][0]["id"]
        total = 0
        cases = (sheet_case(s, judge, entry), issue_case(s, org),
                 revoke_case(s, org), pdf_case(s, org))
        for kind in KINDS:
            for case in cases:
                if kind != "alloc" and not case.changes:
                    continue  # it writes nothing, syncs nothing
                total += run_case(t, s, case, kind, max_n, stride)
        print("faults: %d injected in all" % total)
        s.proc.send_signal(signal.SIGTERM)
        code = s.proc.wait(timeout=30)
        t.check("the server stops cleanly after every fault", code == 0,
                code)
        if s.valgrind:
            log = open(os.path.join(s.dir, "valgrind.log")).read()
            lost = re.findall(r"(definitely|indirectly) lost: ([\d,]+) bytes",
                              log)
            t.check("valgrind: no error and no block lost after the faults",
                    code == 0 and "ERROR SUMMARY: 0 errors" in log and
                    all(n == "0" for _, n in lost), log[-4000:])
            heap = re.search(r"total heap usage: ([\d,]+) allocs", log)
            t.check("valgrind followed the server's allocations",
                    heap is not None and
                    int(heap.group(1).replace(",", "")) > 10000,
                    log[-2000:])
            print("note: valgrind: %s allocations; %s" % (
                heap.group(1) if heap else "?", "; ".join(
                    "%s lost %s bytes" % m for m in lost) or "no block lost"))
        ok = query(s, "PRAGMA integrity_check")
        t.check("PRAGMA integrity_check: ok", ok == [("ok",)], ok)
        v = s.cli("audit", "verify", "--db", s.db)
        t.check("the audit chain verifies", v.returncode == 0,
                v.stdout + v.stderr)
    except Exception:
        print(open(os.path.join(s.dir, "server.log")).read()[-3000:])
        raise
    finally:
        if s.proc and s.proc.poll() is None:
            s.proc.kill()
        s.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""test_durability.py: kill the server with SIGKILL while clients write
(an organiser creating editions, a judge's tablet saving a sheet through
the API), restart it, and check that every acknowledged write survived
(every acknowledged sheet save is stored, and the sheet is at least at
the last acknowledged version), that SQLite's integrity check passes and
that the audit chain verifies.
usage: test_durability.py BINARY [ROUNDS]  (ROUNDS default 20, or
DURABILITY_ROUNDS)"""
import json
import os
import random
import signal
import sqlite3
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Server, Suite  # noqa: E402
from test_sheets import setup  # noqa: E402

FORM = {
    "program": "youth-creativity", "year_from": "2026", "level": "province",
    "title": "Cuộc thi Sáng tạo Thanh thiếu niên, Nhi đồng",
    "org_name": "Liên hiệp các Hội KH&KT tỉnh", "org_province": "Hà Giang",
    "signatory": "Trần Văn Bình", "signatory_title": "Chủ tịch",
}


def writer(client, year, acked, stop):
    """Creates editions of `year` numbered 1, 2...; records the numbers the
    server acknowledged (303 with the new edition's address)."""
    n = 1
    while not stop.is_set() and n < 1000:
        try:
            r = client.post("/editions/new",
                            dict(FORM, number=str(n), year_from=str(year)),
                            csrf=client.token)
        except OSError:
            return
        if r.status == 303 and (r.header("Location") or "").startswith("/editions/"):
            acked.append(n)
        n += 1


def sheet_writer(j, entry, rnd, acked, stop):
    """A tablet saving the same sheet again and again through the API;
    records (client id, version) of each save the server acknowledged."""
    path = "/api/entries/%d/sheet" % entry
    h = {"Content-Type": "application/json", "X-CSRF-Token": j.token}
    try:
        sheet = json.loads(j.get(path).text)["sheet"]
    except (OSError, ValueError, KeyError):
        return
    version, n = sheet["version"], 0
    while not stop.is_set():
        cid = "durable-%03d-%06d" % (rnd, n)
        body = {"client_id": cid, "version": version,
                "rubric_version": sheet["rubric_version"], "state": "draft",
                "points": {"novelty": "%d" % (n % 31)}}
        try:
            r = j.request("POST", path, json.dumps(body), h)
            answer = json.loads(r.text)
        except (OSError, ValueError):
            return
        if r.status == 200 and answer.get("applied"):
            version = answer["sheet"]["version"]
            acked.append((cid, version))
        n += 1


def sheets_survived(t, s, rnd, entry, acked):
    db = sqlite3.connect(s.db)
    saved = {row[0] for row in db.execute(
        "SELECT client_id FROM sheet_saves WHERE client_id LIKE ?",
        ("durable-%03d-%%" % rnd,))}
    version = db.execute(
        "SELECT s.version FROM sheets s JOIN users u ON u.expert_id ="
        " s.expert_id WHERE s.entry_id = ? AND u.login = 'gka'",
        (entry,)).fetchone()
    db.close()
    lost = [c for c, _ in acked if c not in saved]
    t.check("round %d: %d acknowledged sheet saves all stored"
            % (rnd, len(acked)), not lost and acked, "lost %s" % lost[:5])
    t.check("round %d: the sheet is at least at its last acknowledged "
            "version" % rnd, version is not None and
            version[0] >= max(v for _, v in acked), (version, acked[-1:]))


def one_round(t, s, rnd, rng, entry):
    s.start()
    c = Client(s)
    c.login("bantochuc")
    c.token = c.get("/editions").csrf()
    j = Client(s)
    j.login("gka")
    j.token = j.get("/").csrf()
    acked, sheets, stop = [], [], threading.Event()
    year = 2000 + rnd
    th = [threading.Thread(target=writer, args=(c, year, acked, stop)),
          threading.Thread(target=sheet_writer,
                           args=(j, entry, rnd, sheets, stop))]
    for x in th:
        x.start()
    time.sleep(rng.uniform(0.25, 0.7))
    s.stop(signal.SIGKILL)
    stop.set()
    for x in th:
        x.join()
    sheets_survived(t, s, rnd, entry, sheets)
    db = sqlite3.connect(s.db)
    have = {row[0] for row in db.execute(
        "SELECT number FROM editions WHERE year_from = ?", (year,))}
    ok = db.execute("PRAGMA integrity_check").fetchone()[0]
    db.close()
    lost = [n for n in acked if n not in have]
    t.check("round %d: %d acknowledged writes all present" % (rnd, len(acked)),
            not lost and acked, "lost %s" % lost[:5])
    t.check("round %d: integrity_check ok" % rnd, ok == "ok", ok)
    r = s.cli("audit", "verify", "--db", s.db)
    t.check("round %d: audit chain verifies" % rnd, r.returncode == 0,
            r.stdout)
    return len(acked) + len(sheets)


def main(argv):
    rounds = int(argv[2]) if len(argv) > 2 else \
        int(os.environ.get("DURABILITY_ROUNDS", "20"))
    rounds = min(rounds, 100)  # one edition year per round: 2001..2100
    t = Suite("durability")
    s = Server(argv[1])
    rng = random.Random(20261126)
    try:
        s.add_user("bantochuc", "organiser")
        s.start()
        _, _, entries, _ = setup(t, s)  # an edition in judging, judge gka
        s.stop()
        total = sum(one_round(t, s, rnd, rng, entries[2])
                    for rnd in range(1, rounds + 1))
        print("durability: %d rounds, %d acknowledged writes, none lost"
              % (rounds, total) if t.failed == 0 else
              "durability: %d rounds, %d acknowledged writes" % (rounds, total))
    finally:
        s.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

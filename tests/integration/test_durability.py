#!/usr/bin/env python3
"""test_durability.py: kill the server with SIGKILL while a client writes,
restart it, and check that every acknowledged write survived, that SQLite's
integrity check passes and that the audit chain verifies.
usage: test_durability.py BINARY [ROUNDS]  (ROUNDS default 20, or
DURABILITY_ROUNDS)"""
import os
import random
import signal
import sqlite3
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Server, Suite  # noqa: E402

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


def one_round(t, s, rnd, rng):
    s.start()
    c = Client(s)
    c.login("bantochuc")
    c.token = c.get("/editions").csrf()
    acked, stop = [], threading.Event()
    year = 2000 + rnd
    th = threading.Thread(target=writer, args=(c, year, acked, stop))
    th.start()
    time.sleep(rng.uniform(0.15, 0.6))
    s.stop(signal.SIGKILL)
    stop.set()
    th.join()
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
    return len(acked)


def main(argv):
    rounds = int(argv[2]) if len(argv) > 2 else \
        int(os.environ.get("DURABILITY_ROUNDS", "20"))
    rounds = min(rounds, 100)  # one edition year per round: 2001..2100
    t = Suite("durability")
    s = Server(argv[1])
    rng = random.Random(20261126)
    try:
        s.add_user("bantochuc", "organiser")
        total = sum(one_round(t, s, rnd, rng) for rnd in range(1, rounds + 1))
        print("durability: %d rounds, %d acknowledged writes, none lost"
              % (rounds, total) if t.failed == 0 else
              "durability: %d rounds, %d acknowledged writes" % (rounds, total))
    finally:
        s.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

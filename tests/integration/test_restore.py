#!/usr/bin/env python3
"""test_restore.py: `giamkhao restore --db FILE BACKUP [--force]`.

A backup taken while the demo database is served, restored to a new path
once the server stopped, serves the same public results pages and the same
certificate verification page (with no FILE.keys beside it: a warning says
the signing secrets are not in a backup); the restored file is WAL, passes
integrity_check and its audit chain holds. Refused with exit 2, leaving the
target as it was (byte for byte, or not created): a damaged backup, a
backup whose audit log was altered, a backup from a newer schema, a file
that is not a database, an existing target (or its WAL) without --force,
and, even with --force, the database of a running server or a target
SQLite cannot open (to be moved aside). A target damaged past its first
page is overwritten with --force. The backup is never written to.
usage: test_restore.py BINARY"""
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Suite, Client  # noqa: E402

EN = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
VI = {"LC_ALL": "vi_VN.UTF-8", "LANG": "vi_VN.UTF-8"}


def run(binary, *args, lang=EN):
    env = dict(os.environ)
    env.pop("LC_MESSAGES", None)
    env.update(lang)
    return subprocess.run([binary, *args], capture_output=True, text=True,
                          env=env)


def digest(path):
    """The bytes of a file, or None when there is none."""
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except FileNotFoundError:
        return None


def pages(s, paths):
    """Each page's status and body, as a browser gets them."""
    c = Client(s)
    out = {}
    for p in paths:
        r = c.get(p)
        out[p] = (r.status, r.body)
    return out


def public_paths(db, demo_out):
    """The public results of every published edition, and the sample
    certificate's verification page (and its JSON) the demo printed."""
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute(
        "SELECT id FROM editions WHERE state IN ('posted', 'decided',"
        " 'closed') ORDER BY id")]
    con.close()
    code = re.search(r"/v/([0-9A-Z]+)", demo_out)
    paths = ["/p/%d" % i for i in ids]
    if code:
        paths += ["/v/" + code.group(1), "/v/%s.json" % code.group(1)]
    paths.append("/.well-known/giamkhao-keys.json")
    return ids, code, paths


def refused(t, binary, name, args, target, before, words):
    """A refusal: exit 2, a message with `words`, the target as it was."""
    r = run(binary, "restore", *args)
    t.check(name + ": exit 2", r.returncode == 2,
            "%d %s" % (r.returncode, r.stderr))
    t.check(name + ": says why", all(w in r.stderr for w in words),
            r.stderr)
    t.check(name + ": the target is as it was", digest(target) == before,
            target)
    t.check(name + ": nothing on stdout", r.stdout == "", r.stdout)
    return r


def check_refusals(t, binary, d, backup, live):
    """Each bad backup or target refused, the target left as it was."""
    # a damaged backup: 8 KiB of junk in the middle (several pages, one
    # of them at least in use), at an offset inside a page
    damaged = os.path.join(d, "damaged.db")
    shutil.copy(backup, damaged)
    size = os.path.getsize(damaged)
    with open(damaged, "r+b") as f:
        f.seek((size // 2) // 4096 * 4096 + 100)
        f.write(bytes((i * 37 + 11) % 256 for i in range(8192)))
    fresh = os.path.join(d, "fresh.db")
    refused(t, binary, "damaged backup, new target", ["--db", fresh, damaged],
            fresh, None, [damaged, "damaged", "integrity check",
                          "nothing restored"])
    t.check("damaged backup: no WAL or keys left at the new target",
            not any(os.path.exists(fresh + x)
                    for x in ("-wal", "-shm", ".keys")))
    refused(t, binary, "damaged backup over a database, --force",
            ["--db", live, damaged, "--force"], live, digest(live),
            [damaged, "damaged"])
    r = run(binary, "restore", "--db", fresh, damaged, lang=VI)
    t.check("damaged backup: said in Vietnamese", r.returncode == 2 and
            "bản sao lưu bị hỏng" in r.stderr and
            "không khôi phục" in r.stderr, r.stderr)

    # an audit row altered after the fact
    tampered = os.path.join(d, "tampered.db")
    shutil.copy(backup, tampered)
    con = sqlite3.connect(tampered)
    con.execute("UPDATE audit SET new_value = 'forged' WHERE id = 3")
    con.commit()
    con.close()
    refused(t, binary, "tampered audit log", ["--db", fresh, tampered],
            fresh, None, [tampered, "audit chain breaks at row 3"])

    # a schema newer than this program's
    newer = os.path.join(d, "newer.db")
    shutil.copy(backup, newer)
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 9999")
    con.close()
    refused(t, binary, "newer schema", ["--db", fresh, newer], fresh, None,
            [newer, "schema is version 9999", "newer"])

    # not a database at all; no file at all
    text = os.path.join(d, "notes.txt")
    with open(text, "w") as f:
        f.write("không phải cơ sở dữ liệu\n" * 200)
    refused(t, binary, "not a database", ["--db", fresh, text], fresh, None,
            [text, "cannot be read as an SQLite database"])
    missing = os.path.join(d, "missing.db")
    refused(t, binary, "no such backup", ["--db", fresh, missing], fresh,
            None, [missing, "cannot be read"])
    t.check("no such backup: not created by the check",
            not os.path.exists(missing))

    # an existing target, or only its WAL, without --force
    refused(t, binary, "existing target without --force",
            ["--db", live, backup], live, digest(live),
            [live, "exists", "Stop the server", "--force"])
    lone = os.path.join(d, "lone.db")
    with open(lone + "-wal", "wb"):
        pass
    refused(t, binary, "a target's WAL without --force",
            ["--db", lone, backup], lone, None, [lone + "-wal", "--force"])
    r = run(binary, "restore", "--db", live, backup, lang=VI)
    t.check("existing target: said in Vietnamese", r.returncode == 2 and
            "đã có" in r.stderr and "--force" in r.stderr, r.stderr)

    # the backup as its own target; the usage
    refused(t, binary, "the backup as its own target",
            ["--db", backup, backup, "--force"], backup, digest(backup),
            [backup, "the --db file itself"])
    r = run(binary, "restore", "--db", fresh)
    t.check("no BACKUP: usage, exit 2", r.returncode == 2 and
            "usage: giamkhao restore --db FILE BACKUP [--force]" in r.stderr,
            r.stderr)
    r = run(binary, "restore", "--db", fresh, backup, "--forse")
    t.check("an unknown option: usage, exit 2", r.returncode == 2 and
            not os.path.exists(fresh), r.stderr)


def check_damaged_target(t, binary, d, backup, live):
    """What a restore is for: a database damaged past its first page is
    overwritten (with --force); one that SQLite cannot open at all is left
    for the user to move aside."""
    broken = os.path.join(d, "broken.db")
    shutil.copy(live, broken)
    with open(broken, "r+b") as f:
        f.seek(os.path.getsize(broken) // 2)
        f.write(b"\xff" * 20000)
    con = sqlite3.connect(broken)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as e:
        ok = str(e)
    con.close()
    t.check("a damaged database to restore over", ok != "ok", ok)
    r = run(binary, "restore", "--db", broken, backup, "--force")
    t.check("restore over a damaged database, --force: exit 0",
            r.returncode == 0 and r.stdout.startswith("Restored "),
            r.stdout + r.stderr)
    con = sqlite3.connect(broken)
    ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    con.close()
    t.check("…and it is whole again", ok == "ok", ok)
    junk = os.path.join(d, "junk.db")
    with open(junk, "w") as f:
        f.write("giamkhao\n" * 1000)
    refused(t, binary, "restore over a file that is no database, --force",
            ["--db", junk, backup, "--force"], junk, digest(junk),
            [junk, "cannot be opened as a database to overwrite it",
             "move it", "Nothing was written"])


def check_restored(t, binary, restored, backup_rows, keys_warning):
    con = sqlite3.connect(restored)
    ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    mode = con.execute("PRAGMA journal_mode").fetchone()[0]
    rows = con.execute("SELECT count(*) FROM audit").fetchone()[0]
    con.close()
    t.check("restored: integrity_check ok", ok == "ok", ok)
    t.check("restored: a WAL database like the others", mode == "wal", mode)
    t.check("restored: every audit row of the backup", rows == backup_rows,
            "%d %d" % (rows, backup_rows))
    r = run(binary, "audit", "verify", "--db", restored)
    t.check("restored: its audit chain verifies", r.returncode == 0,
            r.stdout)
    t.check("restored: no signing secrets beside it (not in a backup)",
            not os.path.exists(restored + ".keys"))
    t.check("the warning about the signing secrets", keys_warning)


def main():
    binary = sys.argv[1]
    t = Suite("restore")
    s = Server(binary)
    s2 = None
    try:
        demo = s.cli("demo", "--db", s.db)
        t.check("the demo database", demo.returncode == 0, demo.stderr[-400:])
        ids, code, paths = public_paths(s.db, demo.stdout)
        t.check("the demo has published editions and a sample certificate",
                len(ids) >= 1 and code is not None, demo.stdout)
        s.start()
        before = pages(s, paths)
        t.check("the original serves them",
                all(v[0] == 200 for v in before.values()),
                {k: v[0] for k, v in before.items()})
        t.check("the verification page says genuine",
                code is not None and
                b"genuine" in before["/v/%s.json" % code.group(1)][1],
                before.get("/v/%s.json" % (code.group(1) if code else ""),
                           (0, b""))[1][:300])
        backup = os.path.join(s.dir, "backup.db")
        r = s.cli("backup", "--db", s.db, backup)
        t.check("backup while serving", r.returncode == 0, r.stderr)
        con = sqlite3.connect("file:%s?mode=ro" % backup, uri=True)
        backup_rows = con.execute("SELECT count(*) FROM audit").fetchone()[0]
        con.close()
        backup_digest = digest(backup)

        # the live database of a running server: refused even with --force
        refused(t, binary, "the database of a running server, --force",
                ["--db", s.db, backup, "--force"], s.db, digest(s.db),
                [s.db, "open in another process", "stop the server"])
        t.check("…which still serves the same pages",
                pages(s, paths) == before)
        t.check("the server stops cleanly", s.stop() == 0)

        check_refusals(t, binary, s.dir, backup, s.db)
        check_damaged_target(t, binary, s.dir, backup, s.db)

        restored = os.path.join(s.dir, "restored", "giamkhao.db")
        os.mkdir(os.path.dirname(restored))
        r = run(binary, "restore", "--db", restored, backup)
        t.check("restore to a new path: exit 0", r.returncode == 0,
                r.stdout + r.stderr)
        m = re.fullmatch(r"Restored (\S+) from (\S+): (\d+) editions, "
                         r"(\d+) entries, (\d+) certificates, (\d+) audit "
                         r"rows \(the chain holds\)\n", r.stdout)
        t.check("a one-line summary", m is not None and
                m.group(1) == restored and m.group(2) == backup and
                int(m.group(3)) == 6 and int(m.group(6)) == backup_rows,
                r.stdout)
        check_restored(t, binary, restored, backup_rows,
                       "warning: there is no %s.keys" % restored in r.stderr
                       and "not in a backup" in r.stderr)
        t.check("the backup was not written to",
                digest(backup) == backup_digest)

        s2 = Server(binary, db=restored)
        s2.start()
        after = pages(s2, paths)
        for p in paths:
            t.check("restored serves the same " + p,
                    after.get(p) == before[p],
                    "%s vs %s" % (after.get(p, (0,))[0], before[p][0]))
        t.check("the restored server stops cleanly", s2.stop() == 0)

        # again over the restored file (stopped): --force, with its keys
        # beside it this time (no warning), in Vietnamese
        with open(restored + ".keys", "w"):
            pass
        os.chmod(restored + ".keys", 0o600)
        r = run(binary, "restore", "--db", restored, backup, "--force",
                lang=VI)
        t.check("restore over a stopped database with --force: exit 0",
                r.returncode == 0, r.stdout + r.stderr)
        t.check("the summary in Vietnamese",
                r.stdout.startswith("Đã khôi phục %s từ %s: 6 kỳ thi, " %
                                    (restored, backup)) and
                "bản ghi nhật ký (chuỗi nguyên vẹn)" in r.stdout, r.stdout)
        t.check("no warning when the keys file is there", r.stderr == "",
                r.stderr)
        report = s.sanitizer_reports() + s2.sanitizer_reports()
        t.check("no sanitizer report", report == "", report[-3000:])
    finally:
        s.cleanup()
        if s2 is not None:
            s2.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main())

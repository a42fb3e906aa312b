#!/usr/bin/env python3
"""test_keys.py: `giamkhao keys` and `giamkhao verify` from the command line.

Keys: new, list, retire, revoke, export; the secret keys file beside the
database is created 0600 and refused when group or others may read it; no
secret ever reaches the database file; a key row is never written when its
secret could not be saved; the database's triggers keep keys and
revocations. Codes: signed by the hidden `vcode-sample`, decoded and their
signature checked here independently (Python's own base32, SHA-256 and,
when the cryptography module is there, Ed25519); `verify` offline with
--facts (genuine, an altered fact, a retired key, a revoked key, unknown
key, malformed codes) and online with --server against a tiny HTTP server
in this process (genuine, revoked, a server lying about the facts, a
server answering for another key, unknown, unreachable).
usage: test_keys.py BINARY"""
import base64
import datetime
import hashlib
import http.server
import json
import os
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import unicodedata

BIN = os.path.abspath(sys.argv[1])
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
FACT_NAMES = ["serial", "recipient", "entry", "prize", "edition", "decision",
              "issued"]
FACTS = {
    "serial": "2026-000123",
    "recipient": "Nguyễn Thị Hồng Nhung",
    "entry": "KT-07 – Máy sấy nông sản dùng năng lượng mặt trời",
    "prize": "Giải Nhất",
    "edition": "Hội thi Sáng tạo kỹ thuật tỉnh lần thứ 12 (2025–2026)",
    "decision": "Quyết định số 45/QĐ-LHH ngày 20/11/2026",
    "issued": "26/11/2026",
}
# the unit suite's known-answer code (seed 0x41 * 32, serial 123, its facts)
UNIT_FACTS = dict(FACTS, recipient="Nguyễn Thị Hồng Nhung",
                  edition="Hội thi Sáng tạo kỹ thuật tỉnh Quảng Ngãi lần "
                  "thứ 12 (2025–2026)")
UNIT_CODE = ("0400003VX0ZBE671717JEY3967PXTGVB4CRN3T1WZSFCB5D9WE701V4X2EPJJ2AG"
             "P0ABJTJ4MJPS0QWH34E7E4YDQHCA501F8PC3HZZGZX57J384")


class Suite:
    def __init__(self, name):
        self.name, self.passed, self.failed = name, 0, 0

    def check(self, name, cond, detail=""):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL %s: %s %s" % (self.name, name, detail))
        return cond

    def report(self):
        print("%s: %d passed, %d failed" % (self.name, self.passed,
                                            self.failed))
        return 0 if self.failed == 0 else 1


def run(*args, lang="C.UTF-8"):
    env = dict(os.environ, LANG=lang, LC_ALL="", LC_MESSAGES="")
    p = subprocess.run([BIN] + [str(a) for a in args], capture_output=True,
                       text=True, env=env, timeout=60)
    return p.returncode, p.stdout, p.stderr


def decode(code):
    """The spec's decoding, written again here: (key id, serial, sig)."""
    vals = [ALPHABET.index(c) for c in code]
    assert len(vals) == 112
    n = 0
    for v in vals[:111]:
        n = n * 32 + v
    assert n & 7 == 0, "padding bits"
    value = n >> 3
    weighted = sum((i + 1) * v for i, v in enumerate(vals[:111])) % 31
    assert vals[111] == weighted, "check symbol"
    raw = value.to_bytes(69, "big")
    return raw[0], int.from_bytes(raw[1:5], "big"), raw[5:]


def facts_digest(facts):
    text = "giamkhao-cert/1\n" + "".join(
        "%s=%s\n" % (k, unicodedata.normalize("NFC", facts[k]))
        for k in FACT_NAMES)
    return hashlib.sha256(text.encode()).digest()


def ed25519_ok(public_key, sig, message):
    """True/False, or None when the cryptography module is missing."""
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import \
            Ed25519PublicKey
    except ImportError:
        return None
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(sig, message)
        return True
    except InvalidSignature:
        return False


def b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Answers(http.server.BaseHTTPRequestHandler):
    """Serves what the test put in `routes`: path -> (status, body)."""
    routes = {}
    seen = []

    def do_GET(self):
        Answers.seen.append(self.path)
        status, body = Answers.routes.get(self.path, (404, b"{}"))
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def write_json(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)


def check_keys_commands(t, tmp):
    db = os.path.join(tmp, "k.db")
    keys = db + ".keys"
    rc, out, err = run("keys", "--db", db, "list")
    t.check("list of a new database: none yet", rc == 0 and "no signing key"
            in out, out + err)
    t.check("list made no keys file", not os.path.exists(keys))
    rc, out, err = run("keys", "--db", db, "new")
    t.check("new: key 1", rc == 0 and "Created key 1" in out, out + err)
    mode = stat.S_IMODE(os.stat(keys).st_mode)
    t.check("the keys file is 0600", mode == 0o600, oct(mode))
    rc, out, err = run("keys", "--db", db, "new", lang="vi_VN.UTF-8")
    t.check("new: key 2 (vi)", rc == 0 and "Đã tạo khóa 2" in out, out + err)
    t.check("still 0600 after a rewrite",
            stat.S_IMODE(os.stat(keys).st_mode) == 0o600)
    lines = open(keys).read().splitlines()
    t.check("one line per key: id and 64 hex digits",
            [ln.split()[0] for ln in lines] == ["1", "2"] and
            all(len(ln.split()[1]) == 64 for ln in lines), lines)
    rc, out, err = run("keys", "--db", db, "list")
    t.check("list: 1 active, 2 signing, secrets here",
            rc == 0 and "signing" in out.splitlines()[2] and
            "active" in out.splitlines()[1] and out.count("here") == 2,
            out + err)

    # no secret in the database (nor its WAL), while the public keys are
    rc, out, err = run("keys", "--db", db, "export", os.path.join(tmp, "k.json"))
    pub = json.load(open(os.path.join(tmp, "k.json")))
    files = [f for f in (db, db + "-wal") if os.path.exists(f)]
    blob = b"".join(open(f, "rb").read() for f in files)
    for ln in lines:
        hexseed = ln.split()[1]
        grep = subprocess.run(["grep", "-c", hexseed] + files,
                              capture_output=True, text=True)
        counts = [int(c.rsplit(":", 1)[-1]) for c in grep.stdout.split()]
        t.check("grep -c of the hex seed in the database is 0",
                sum(counts) == 0, grep.stdout)
        t.check("nor the seed's bytes", bytes.fromhex(hexseed) not in blob)
    t.check("the public keys are in the database (the grep can see)",
            all(b64url(k["public_key"]) in blob for k in pub["keys"]))

    # a keys file open to others is refused, by every command that reads it
    os.chmod(keys, 0o644)
    rc, out, err = run("keys", "--db", db, "new")
    t.check("0644: new refused, exit 1", rc == 1 and "chmod 600" in err and
            "group or others" in err, err)
    rc, out, err = run("keys", "--db", db, "list", lang="vi_VN.UTF-8")
    t.check("0644: list refused (vi)", rc == 1 and "nhóm hoặc người khác" in
            err, err)
    write_json(os.path.join(tmp, "f.json"), FACTS)
    rc, out, err = run("vcode-sample", "--db", db, "--serial", 5, "--facts",
                       os.path.join(tmp, "f.json"))
    t.check("0644: nothing signed", rc == 1 and out == "", out + err)
    os.chmod(keys, 0o600)
    rc, out, err = run("keys", "--db", db, "list")
    t.check("0600 again: fine", rc == 0, err)
    t.check("no key was made while refused",
            len(open(keys).read().splitlines()) == 2)
    return db, keys


def check_failed_save(t, tmp):
    """The secret is saved before the public key: when the file cannot be
    written, no key row appears."""
    db = os.path.join(tmp, "s.db")
    os.mkdir(db + ".keys.tmp")  # the new file cannot be made
    rc, out, err = run("keys", "--db", db, "new")
    t.check("unsaved secret: new fails", rc == 1, out + err)
    n = sqlite3.connect(db).execute("SELECT count(*) FROM signing_keys")
    t.check("unsaved secret: no public key row", n.fetchone()[0] == 0)
    os.rmdir(db + ".keys.tmp")
    with open(db + ".keys", "w") as f:
        f.write("1 " + "ab" * 31 + "\n")
    os.chmod(db + ".keys", 0o600)
    rc, out, err = run("keys", "--db", db, "list")
    t.check("a damaged keys file names its line", rc == 1 and
            "damaged at line 1" in err, err)
    os.remove(db + ".keys")
    os.symlink(os.path.join(tmp, "elsewhere"), db + ".keys")
    rc, out, err = run("keys", "--db", db, "list")
    t.check("a keys file that is a link is refused", rc == 1, out + err)


def sample(t, db, tmp, serial, facts):
    path = os.path.join(tmp, "facts-%d.json" % serial)
    write_json(path, facts)
    rc, out, err = run("vcode-sample", "--db", db, "--serial", serial,
                       "--facts", path)
    code = out.strip()
    t.check("vcode-sample %d: a 112-symbol code" % serial,
            rc == 0 and len(code) == 112 and set(code) <= set(ALPHABET),
            out + err)
    return code, path


def export(db, tmp):
    path = db + ".published.json"
    run("keys", "--db", db, "export", path)
    return path, json.load(open(path))


def check_code_independently(t, code, keys_doc, facts, want_key):
    key_id, serial, sig = decode(code)
    t.check("decoded here: key id and serial", (key_id, serial) ==
            (want_key, 123), (key_id, serial))
    pk = [b64url(k["public_key"]) for k in keys_doc["keys"]
          if k["id"] == key_id][0]
    msg = (b"giamkhao-cert-v1" + bytes([key_id]) + serial.to_bytes(4, "big")
           + facts_digest(facts))
    ok = ed25519_ok(pk, sig, msg)
    # make deps installs python3-cryptography: no silent skip
    t.check("Ed25519 signature verified here (python3-cryptography)",
            ok is True, "missing" if ok is None else ok)


def check_export(t, doc):
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    t.check("export: format", doc.get("format") == "giamkhao-keys/1")
    k = doc["keys"][0]
    t.check("export: the fields of a key, in order", list(k) ==
            ["id", "public_key", "created", "retired", "revoked", "reason"],
            list(k))
    t.check("export: base64url without padding, 32 bytes",
            "=" not in k["public_key"] and len(b64url(k["public_key"])) == 32)
    t.check("export: created today (UTC), not retired, not revoked",
            k["created"] == today and k["retired"] is None and
            k["revoked"] is None and k["reason"] == "", k)


def check_offline(t, db, tmp):
    code1, facts1 = sample(t, db, tmp, 123, FACTS)
    keys_path, doc = export(db, tmp)
    check_export(t, doc)
    check_code_independently(t, code1, doc, FACTS, 2)
    rc, out, err = run("verify", code1, "--keys", keys_path, "--facts", facts1)
    t.check("verify: genuine, exit 0", rc == 0 and "GENUINE: key 2" in out and
            "Recipient: Nguyễn Thị Hồng Nhung" in out, out + err)
    rc, out, err = run("verify", code1, "--keys", keys_path, "--facts", facts1,
                       lang="vi_VN.UTF-8")
    t.check("verify: genuine (vi)", rc == 0 and "HỢP LỆ" in out and
            "Người nhận: Nguyễn Thị Hồng Nhung" in out, out + err)
    spaced = "-".join(code1[i:i + 4] for i in range(0, 112, 4)).lower()
    rc, out, err = run("verify", "https://lhh.example.vn/V/" + spaced + "?x=1",
                       "--keys", keys_path, "--facts", facts1)
    t.check("verify: a link ending in /V/code, lower case, hyphens", rc == 0,
            out + err)
    for name in FACT_NAMES:
        bad = dict(FACTS, **{name: FACTS[name] + "."})
        path = os.path.join(tmp, "bad-%s.json" % name)
        write_json(path, bad)
        rc, out, err = run("verify", code1, "--keys", keys_path, "--facts",
                           path)
        t.check("verify: %s altered, not valid (exit 2)" % name, rc == 2 and
                "signature does not match" in out, out + err)
    nfd = dict(FACTS, recipient=unicodedata.normalize("NFD",
                                                      FACTS["recipient"]))
    path = os.path.join(tmp, "nfd.json")
    write_json(path, nfd)
    rc, out, err = run("verify", code1, "--keys", keys_path, "--facts", path)
    t.check("verify: the facts in NFD still match", rc == 0, out + err)

    rc, out, err = run("verify", code1[:-1], "--keys", keys_path, "--facts",
                       facts1, lang="vi_VN.UTF-8")
    t.check("verify: 111 symbols, mã không hợp lệ (exit 2)", rc == 2 and
            "mã không hợp lệ" in out, out + err)
    wrong = code1[:-1] + ALPHABET[(ALPHABET.index(code1[-1]) + 1) % 31]
    rc, out, err = run("verify", wrong, "--keys", keys_path)
    t.check("verify: wrong check symbol (exit 2)", rc == 2 and
            "check symbol" in out, out + err)
    rc, out, err = run("verify", code1 + "U", "--keys", keys_path)
    t.check("verify: U is not a symbol (exit 2)", rc == 2, out + err)
    rc, out, err = run("verify", code1, "--keys", keys_path)
    t.check("verify without facts: exit 1, says what it needs", rc == 1 and
            "--facts" in err, out + err)
    rc, out, err = run("verify", code1, "--facts", facts1)
    t.check("verify without --keys: exit 1 (usage)", rc == 1, out + err)

    only1 = dict(doc, keys=[k for k in doc["keys"] if k["id"] == 1])
    path = os.path.join(tmp, "only1.json")
    write_json(path, only1)
    rc, out, err = run("verify", code1, "--keys", path, "--facts", facts1,
                       lang="vi_VN.UTF-8")
    t.check("verify: không rõ khóa (exit 2)", rc == 2 and "không rõ khóa 2" in
            out, out + err)

    # the unit suite's known-answer code against its key, from outside
    unit_keys = {"format": "giamkhao-keys/1", "keys": [{
        "id": 1, "public_key": base64.urlsafe_b64encode(unit_public_key())
        .decode().rstrip("="), "created": "2026-11-26", "retired": None,
        "revoked": None, "reason": ""}]}
    write_json(os.path.join(tmp, "unit-keys.json"), unit_keys)
    write_json(os.path.join(tmp, "unit-facts.json"), UNIT_FACTS)
    if unit_keys["keys"][0]["public_key"]:
        rc, out, err = run("verify", UNIT_CODE, "--keys",
                           os.path.join(tmp, "unit-keys.json"), "--facts",
                           os.path.join(tmp, "unit-facts.json"))
        t.check("verify: the unit suite's known-answer code", rc == 0,
                out + err)
    return code1, facts1


def unit_public_key():
    try:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import \
            Ed25519PrivateKey
    except ImportError:
        return b""
    key = Ed25519PrivateKey.from_private_bytes(b"\x41" * 32).public_key()
    return key.public_bytes(serialization.Encoding.Raw,
                            serialization.PublicFormat.Raw)


def check_states(t, db, tmp, code2, facts2):
    """Retire key 1, revoke key 2; the next code is signed by a new key."""
    rc, out, err = run("keys", "--db", db, "retire", 1)
    t.check("retire 1", rc == 0 and "retired" in out, out + err)
    rc, out, err = run("keys", "--db", db, "retire", 1)
    t.check("retire 1 again: exit 2", rc == 2, out + err)
    rc, out, err = run("keys", "--db", db, "retire", 99)
    t.check("retire 99: no such key, exit 2", rc == 2 and "no such key" in
            err, out + err)
    rc, out, err = run("keys", "--db", db, "revoke", 2)
    t.check("revoke without --reason: exit 2", rc == 2 and "--reason" in err,
            out + err)
    rc, out, err = run("keys", "--db", db, "revoke", 2, "--reason",
                       "Lộ khóa bí mật")
    t.check("revoke 2 with a reason", rc == 0, out + err)
    rc, out, err = run("keys", "--db", db, "revoke", 2, "--reason", "again")
    t.check("revoke 2 again: exit 2", rc == 2, out + err)
    keys_path, doc = export(db, tmp)
    states = {k["id"]: (k["retired"] is not None, k["revoked"] is not None,
                        k["reason"]) for k in doc["keys"]}
    t.check("export: 1 retired, 2 revoked with its reason", states ==
            {1: (True, False, ""), 2: (False, True, "Lộ khóa bí mật")},
            states)
    rc, out, err = run("verify", code2, "--keys", keys_path, "--facts",
                       facts2)
    t.check("verify: revoked key, exit 2 with the reason", rc == 2 and
            "revoked" in out and "Lộ khóa bí mật" in out, out + err)
    rc, out, err = run("verify", code2, "--keys", keys_path)
    t.check("verify: revoked key known without facts too", rc == 2 and
            "revoked" in out, out + err)

    # no key left to sign with: the next code makes key 3 on first need
    code3, facts3 = sample(t, db, tmp, 123, FACTS)
    keys_path, doc = export(db, tmp)
    t.check("first need made key 3", decode(code3)[0] == 3 and
            [k["id"] for k in doc["keys"]] == [1, 2, 3])
    check_code_independently(t, code3, doc, FACTS, 3)
    return code3, keys_path, doc


def check_retired_genuine(t, tmp):
    """A code signed by key 1, which is then retired: still genuine."""
    db = os.path.join(tmp, "r.db")
    run("keys", "--db", db, "new")
    code, facts = sample(t, db, tmp, 123, FACTS)
    run("keys", "--db", db, "retire", 1)
    keys_path, doc = export(db, tmp)
    rc, out, err = run("verify", code, "--keys", keys_path, "--facts", facts)
    t.check("verify: retired key, still genuine (exit 0)", rc == 0 and
            "retired" in out, out + err)


def check_database(t, db):
    c = sqlite3.connect(db)
    for name, sql in [
            ("a key is never deleted", "DELETE FROM signing_keys"),
            ("a public key never changes",
             "UPDATE signing_keys SET public_key = zeroblob(32) WHERE id = 1"),
            ("a revocation is final",
             "UPDATE signing_keys SET revoked_at = NULL WHERE id = 2")]:
        try:
            c.execute(sql)
            c.commit()
            t.check(name, False, "the database allowed it")
        except sqlite3.DatabaseError:
            t.check(name, True)
            c.rollback()
    actions = [r[0] for r in c.execute(
        "SELECT action FROM audit WHERE action LIKE 'key.%' ORDER BY id")]
    t.check("audited: create, create, retire, revoke, create", actions ==
            ["key.create", "key.create", "key.retire", "key.revoke",
             "key.create"], actions)
    c.close()
    rc, out, err = run("audit", "verify", "--db", db)
    t.check("the audit chain holds", rc == 0, out + err)


def check_online(t, code, keys_path, doc):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = "http://127.0.0.1:%d" % server.server_address[1]
    path = "/v/%s.json" % code

    def answer(status, facts, key_id=3, reason="", http_status=200,
               where=path):
        body = json.dumps({"status": status, "facts": facts,
                           "key_id": key_id, "revoked_reason": reason},
                          ensure_ascii=False).encode()
        Answers.routes = {where: (http_status, body)}

    try:
        answer("genuine", FACTS)
        Answers.seen.clear()
        rc, out, err = run("verify", code.lower(), "--keys", keys_path,
                           "--server", base)
        t.check("--server: genuine, exit 0", rc == 0 and
                "server confirms" in out and "Giải Nhất" in out, out + err)
        t.check("--server: GET /v/CODE.json in upper case",
                Answers.seen == [path], Answers.seen)
        answer("genuine", FACTS, where="/base" + path)
        rc, out, err = run("verify", code, "--keys", keys_path, "--server",
                           base + "/base/")
        t.check("--server with a path prefix", rc == 0, out + err)
        answer("revoked", FACTS, reason="Thu hồi theo Quyết định 51/QĐ-LHH")
        rc, out, err = run("verify", code, "--keys", keys_path, "--server",
                           base, lang="vi_VN.UTF-8")
        t.check("--server: revoked by the issuer, exit 2 with the reason",
                rc == 2 and "revoked" in out and
                "Thu hồi theo Quyết định 51/QĐ-LHH" in out, out + err)
        answer("genuine", dict(FACTS, prize="Giải Đặc biệt"))
        rc, out, err = run("verify", code, "--keys", keys_path, "--server",
                           base)
        t.check("--server: a server vouching for other facts, exit 2",
                rc == 2 and "signature does not match" in out, out + err)
        answer("genuine", FACTS, key_id=1)
        rc, out, err = run("verify", code, "--keys", keys_path, "--server",
                           base)
        t.check("--server: answered for another key, exit 2", rc == 2,
                out + err)
        answer("genuine", FACTS, http_status=404)
        rc, out, err = run("verify", code, "--keys", keys_path, "--server",
                           base)
        t.check("--server: unknown to the server, exit 2", rc == 2 and
                "does not know" in out, out + err)
        Answers.routes = {path: (200, b"<html>not json</html>")}
        rc, out, err = run("verify", code, "--keys", keys_path, "--server",
                           base)
        t.check("--server: an answer that is not JSON, exit 1", rc == 1,
                out + err)
    finally:
        server.shutdown()
        server.server_close()
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    closed = s.getsockname()[1]
    s.close()
    rc, out, err = run("verify", code, "--keys", keys_path, "--server",
                       "http://127.0.0.1:%d" % closed)
    t.check("--server: nobody listening, exit 1", rc == 1, out + err)
    rc, out, err = run("verify", code, "--keys", keys_path, "--server",
                       "https://127.0.0.1:1")
    t.check("--server: http only, exit 1", rc == 1, out + err)


def main():
    t = Suite("keys and verify")
    tmp = tempfile.mkdtemp()
    try:
        rc, out, err = run("--help")
        t.check("--help lists keys and verify, not vcode-sample",
                "keys --db FILE" in out and "verify CODE|URL" in out and
                "vcode-sample" not in out, out)
        db, _ = check_keys_commands(t, tmp)
        check_failed_save(t, tmp)
        code2, facts2 = check_offline(t, db, tmp)
        code3, keys_path, doc = check_states(t, db, tmp, code2, facts2)
        check_retired_genuine(t, tmp)
        check_database(t, db)
        check_online(t, code3, keys_path, doc)
    finally:
        shutil.rmtree(tmp)
    return t.report()


if __name__ == "__main__":
    sys.exit(main())

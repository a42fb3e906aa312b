#!/usr/bin/env python3
"""test_edge.py: what the server sees at its edge.

- Behind a TLS proxy (`serve --proxy ADDR`), the client's address is the
  last one of X-Forwarded-For, on requests from that proxy only: the
  verification log and rate limit use it; a spoofed header from anyone
  else, or an unreadable one, changes nothing.
- Static files go gzipped to browsers that take gzip (and as they are to
  others), with Vary: Accept-Encoding; pages are never gzipped.

usage: test_edge.py BINARY"""
import gzip
import http.client
import os
import re
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Client, Server, Suite  # noqa: E402


class ProxiedServer(Server):
    """A server started with extra options (--proxy)."""

    def __init__(self, binary, db, extra):
        super().__init__(binary, db)
        self.extra = extra

    def start(self):
        return super().start(extra=self.extra)

    def log_text(self):
        self.log.flush()
        with open(os.path.join(self.dir, "server.log")) as f:
            return f.read()


def verify_as(c, code, forwarded):
    h = {} if forwarded is None else {"X-Forwarded-For": forwarded}
    return c.request("GET", "/v/%s.json" % code, headers=h).status


def verify_raw(port, code, lines, source="127.0.0.1"):
    """A verification from `source`, with each of `lines` as its own
    X-Forwarded-For header line."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                      source_address=(source, 0))
    conn.putrequest("GET", "/v/%s.json" % code)
    for line in lines:
        conn.putheader("X-Forwarded-For", line)
    conn.endheaders()
    status = conn.getresponse().status
    conn.close()
    return status


def logged_address(s, c, code, forwarded, send=None):
    """The address the server logged for one verification."""
    before = s.log_text().count("giamkhao: verify ")
    if send is not None:
        send()
    else:
        verify_as(c, code, forwarded)
    for _ in range(50):
        lines = re.findall(r"giamkhao: verify (\S+) ", s.log_text())
        if len(lines) > before:
            return lines[-1]
        time.sleep(0.02)
    return None


def check_proxy(t, binary, db, code):
    s = ProxiedServer(binary, db, ["--proxy", "127.0.0.1"])
    s.start()
    c = Client(s)
    try:
        for fwd, want in (("198.51.100.7", "198.51.100.7"),
                          ("203.0.113.1, 198.51.100.8", "198.51.100.8"),
                          ("203.0.113.1,198.51.100.9 ", "198.51.100.9"),
                          ("2001:db8::5", "2001:db8::5"),
                          ("not-an-address", "127.0.0.1"),
                          ("198.51.100.10 extra", "127.0.0.1"),
                          ("198.51.100.11,", "127.0.0.1"),
                          (None, "127.0.0.1")):
            got = logged_address(s, c, code, fwd)
            t.check("behind the proxy, X-Forwarded-For %r is client %s"
                    % (fwd, want), got == want, got)
        t.check("the server says whose X-Forwarded-For it trusts",
                "trusting X-Forwarded-For from 127.0.0.1" in s.log_text())
        got = logged_address(s, c, code, None, lambda: verify_raw(
            s.port, code, ["203.0.113.66", "198.51.100.12"]))
        t.check("two X-Forwarded-For lines (the client's, then the"
                " proxy's): the last line's address", got == "198.51.100.12",
                got)
        got = logged_address(s, c, code, None, lambda: verify_raw(
            s.port, code, ["198.51.100.13"], source="127.0.0.2"))
        t.check("X-Forwarded-For from an address that is not the proxy:"
                " not believed", got == "127.0.0.2", got)
        # the limit counts each forwarded client on its own
        ok = all(verify_as(c, code, "192.0.2.%d" % i) == 200
                 for i in range(1, 41))
        t.check("40 clients through the proxy, one verification each: none"
                " limited", ok)
        got = [verify_as(c, code, "192.0.2.200") for _ in range(31)]
        t.check("one client through the proxy: limited after 30 in 3 s",
                got[:30] == [200] * 30 and got[30] == 429, got[-3:])
        t.check("another client meanwhile: not limited",
                verify_as(c, code, "192.0.2.201") == 200)
    finally:
        s.cleanup()


def check_no_proxy(t, binary, db, code):
    s = ProxiedServer(binary, db, [])
    s.start()
    c = Client(s)
    try:
        got = logged_address(s, c, code, "198.51.100.7")
        t.check("without --proxy, X-Forwarded-For is not believed",
                got == "127.0.0.1", got)
        time.sleep(3.1)  # the window of the verifications above
        got = [verify_as(c, code, "192.0.2.%d" % i) for i in range(1, 32)]
        t.check("without --proxy, a new X-Forwarded-For per request does"
                " not escape the limit", got[30] == 429, got[-3:])
    finally:
        s.cleanup()
    for bad in ("proxy.lan", "::1", "10.0.0.256"):
        r = subprocess.run([binary, "serve", "--db", db, "--proxy", bad],
                           capture_output=True, text=True, timeout=20)
        t.check("--proxy %s (not an IPv4 address): exit 2, named" % bad,
                r.returncode == 2 and "--proxy %s" % bad in r.stderr,
                (r.returncode, r.stderr))


def check_gzip(t, binary, db):
    s = ProxiedServer(binary, db, [])
    s.start()
    c = Client(s)
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "..", "forms", "static")
    try:
        for name in ("app.css", "sheet.js", "queue.js"):
            plain = open(os.path.join(root, name), "rb").read()
            r = c.request("GET", "/static/" + name,
                          headers={"Accept-Encoding": "gzip, deflate, br"})
            t.check("%s to a browser taking gzip: gzipped, the same file"
                    % name, r.status == 200 and
                    r.header("Content-Encoding") == "gzip" and
                    gzip.decompress(r.body) == plain and
                    len(r.body) < len(plain) / 2, (r.status, len(r.body)))
            t.check("%s: Vary: Accept-Encoding, cached an hour" % name,
                    r.header("Vary") == "Accept-Encoding" and
                    "max-age=3600" in (r.header("Cache-Control") or ""))
            for ae in (None, "identity", "gzip;q=0", "deflate",
                       "gzip ; q=0.0, br"):
                h = {} if ae is None else {"Accept-Encoding": ae}
                r = c.request("GET", "/static/" + name, headers=h)
                t.check("%s with Accept-Encoding %r: as it is" % (name, ae),
                        r.status == 200 and
                        r.header("Content-Encoding") is None and
                        r.body == plain, r.header("Content-Encoding"))
        r = c.request("GET", "/static/app.css",
                      headers={"Accept-Encoding": "br, GZIP;q=0.5"})
        t.check("GZIP;q=0.5 is gzip", r.header("Content-Encoding") == "gzip")
        r = c.request("GET", "/login", headers={"Accept-Encoding": "gzip"})
        t.check("a page is never gzipped (no-store, no encoding)",
                r.status == 200 and r.header("Content-Encoding") is None and
                r.header("Cache-Control") == "no-store" and
                "<html" in r.text, r.headers)
        r = c.request("GET", "/static/nothing.css",
                      headers={"Accept-Encoding": "gzip"})
        t.check("a static file that does not exist: 404, not gzipped",
                r.status == 404 and r.header("Content-Encoding") is None)
    finally:
        s.cleanup()


def main(argv):
    t = Suite("edge")
    binary = argv[1]
    work = Server(binary)
    db = work.db
    subprocess.run([binary, "demo", "--db", db], capture_output=True,
                   check=True)
    con = sqlite3.connect(db)
    code, = con.execute("SELECT code FROM certificates WHERE revoked_at IS"
                        " NULL LIMIT 1").fetchone()
    con.close()
    try:
        check_proxy(t, binary, db, code)
        check_no_proxy(t, binary, db, code)
        check_gzip(t, binary, db)
    finally:
        work.cleanup()
    return t.report()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

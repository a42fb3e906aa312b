"""harness.py: start the real server on a loopback port with a temporary
database, and talk to it over HTTP like a browser (cookies, forms)."""
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse

PASSWORD = "mat-khau-thu-nghiem"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """A giamkhao server process over a fresh database."""

    def __init__(self, binary, db=None):
        self.binary = binary
        self.dir = tempfile.mkdtemp(prefix="giamkhao-it-")
        self.db = db or os.path.join(self.dir, "test.db")
        self.port = None
        self.proc = None

    def cli(self, *args, stdin=None):
        return subprocess.run([self.binary, *args], input=stdin,
                              capture_output=True, text=True)

    def add_user(self, login, role, name=None, expert=None):
        extra = ["--expert", str(expert)] if expert else []
        r = self.cli("user", "add", "--db", self.db, "--login", login,
                     "--role", role, "--name", name or login, *extra,
                     stdin=PASSWORD + "\n")
        assert r.returncode == 0, r.stderr

    def start(self, extra=(), env=None, wrap=(), tries=200):
        """Serves on a free port: `extra` options after the command,
        `wrap` before it (valgrind), `env` for the process; waits up to
        `tries` times 0.1 s for it to accept."""
        self.port = free_port()
        self.log = open(os.path.join(self.dir, "server.log"), "a")
        self.proc = subprocess.Popen(
            [*wrap, self.binary, "serve", "--db", self.db, "--listen",
             "127.0.0.1:%d" % self.port, *extra], stdout=self.log,
            stderr=self.log, env=env)
        for _ in range(tries):
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.1).close()
                return self
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("server exited: see " + self.log.name)
                time.sleep(0.02)
        raise RuntimeError("server did not start")

    def stop(self, sig=signal.SIGTERM):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(timeout=20)
        rc = self.proc.returncode if self.proc else None
        self.proc = None
        return rc

    def sanitizer_reports(self):
        """What AddressSanitizer or UBSan said in the server's log."""
        try:
            text = open(os.path.join(self.dir, "server.log")).read()
        except OSError:
            return ""
        marks = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                 "runtime error:")
        return text if any(m in text for m in marks) else ""

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Response:
    def __init__(self, resp):
        self.status = resp.status
        self.headers = resp.getheaders()
        self.body = resp.read()
        self.text = self.body.decode("utf-8", "replace")

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def headers_all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    def csrf(self):
        m = re.search(r'name="csrf" value="([0-9a-f]+)"', self.text)
        return m.group(1) if m else None


class Client:
    """A browser: keeps cookies, follows nothing unless asked."""

    def __init__(self, server):
        self.server = server
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port,
                                          timeout=30)
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        conn.request(method, path, body=body, headers=h)
        r = Response(conn.getresponse())
        conn.close()
        for c in r.headers_all("Set-Cookie"):
            name, _, rest = c.partition("=")
            value = rest.split(";")[0]
            if "Max-Age=0" in c:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return r

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields, csrf=True):
        data = dict(fields)
        if csrf is True:
            data.setdefault("csrf", self.csrf_token(path))
        elif isinstance(csrf, str):
            data["csrf"] = csrf
        body = urllib.parse.urlencode(data)
        return self.request("POST", path, body, {
            "Content-Type": "application/x-www-form-urlencoded"})

    def csrf_token(self, path):
        page = self.get("/login" if path == "/login" else "/")
        tok = page.csrf()
        if tok is None and path != "/login":
            tok = self.get("/editions").csrf()
        return tok

    def enter(self, path):
        """Follows a login link as a person does: opens it (a page with
        one button, which uses nothing) and presses the button. The
        button's answer, or the link page's when it has no button."""
        page = self.get(path)
        m = re.search(r'name="t" value="([A-Za-z0-9_-]+)"', page.text)
        if page.status != 200 or m is None:
            return page
        return self.post("/enter", {"t": m.group(1)}, csrf=page.csrf())

    def login(self, login, password=PASSWORD):
        self.get("/login")
        return self.post("/login", {"login": login, "password": password})


class Suite:
    """Named checks; prints "integration: N passed, N failed"."""

    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def check(self, name, cond, detail=""):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL %s: %s %s" % (self.name, name, detail))
        return cond

    def report(self):
        print("%s: %d passed, %d failed" % (self.name, self.passed, self.failed))
        return 0 if self.failed == 0 else 1

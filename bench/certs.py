#!/usr/bin/env python3
"""certs.py: certificates per second and the mean PDF size against the
same certificates drawn the ordinary way with reportlab, in the same run.

The database is built once through the real paths (certs_db.py): a
decided youth contest of exactly N certificates, issued and signed by
`giamkhao certificates`. Their printed texts and QR URLs are exported
for the baseline (cert_baseline.py, run by Debian's /usr/bin/python3
with python3-reportlab and python3-qrcode: the same fonts, texts and QR
codes, one PDF per certificate, and one combined PDF).

Each round times four whole commands, each into a new folder: ours
(`--pdf each`: separate PDFs on every core; `--pdf print`: one print
PDF; both issue nothing new), then the baseline's separate and combined
PDFs, in alternating order (this machine's speed drifts, and another
engineer's build may run beside), and the medians of the rounds' ratios
are the figures. Each run says how many cores it had on average (CPU
time over wall time): fewer than the machine has for ours-each means
something else was running. Then cheap checks: every file there, qpdf
--check, the recipient in pdftotext, the same words in ours and the
baseline's, the QR code decoding to the certificate's URL in both.

usage: bench/certs.py BINARY [ROUNDS]
exits 1 when a target is missed: separate PDFs at least 5 times the
baseline's rate and no larger on average; the print PDF at least 7 times
the baseline's separate rate."""
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import certs_db  # noqa: E402
import record  # noqa: E402

N = 500
ROUNDS = 5
PYTHON = "/usr/bin/python3"  # Debian's, with its reportlab and qrcode
TARGET_EACH, TARGET_PRINT = 5.0, 7.0


def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd):
    """Runs cmd: (seconds, stdout, CPU seconds over seconds: how many
    cores it had)."""
    c, t = cpu(), time.monotonic()
    r = subprocess.run(cmd, capture_output=True, text=True)
    took = time.monotonic() - t
    if r.returncode != 0:
        raise RuntimeError("%s: exit %d\n%s" % (" ".join(cmd), r.returncode,
                                               r.stderr[-2000:]))
    return took, r.stdout, (cpu() - c) / took


def sizes(out, each):
    """(files, mean bytes per certificate) of a folder's PDFs."""
    names = [f for f in os.listdir(out) if f.endswith(".pdf")]
    total = sum(os.path.getsize(os.path.join(out, f)) for f in names)
    return len(names), total / (N if not each else max(1, len(names)))


def ours(binary, db, ed, out, what):
    took, stdout, cores = timed([binary, "certificates", "--db", db,
                                 "--edition", str(ed), "--out", out,
                                 "--pdf", what])
    if "issued: 0, kept: %d, superseded: 0" % N not in stdout:
        raise RuntimeError("a timed run issued something: " + stdout)
    return took, cores


def baseline(texts, out, what):
    took, _, cores = timed([PYTHON, os.path.join(HERE, "cert_baseline.py"),
                            texts, out, what])
    return took, cores


def one_round(i, binary, db, ed, texts, work):
    """{kind: (certificates per second, files, mean bytes, cores)}. Each
    run writes into a new folder: deleting 500 files and making them
    again at once makes ext4 look long for a free inode (recently
    deleted ones wait), which is no part of either program."""
    jobs = [("ours-each", lambda o: ours(binary, db, ed, o, "each")),
            ("ours-print", lambda o: ours(binary, db, ed, o, "print")),
            ("base-each", lambda o: baseline(texts, o, "each")),
            ("base-combined", lambda o: baseline(texts, o, "combined"))]
    if i % 2 == 1:
        jobs = jobs[2:] + jobs[:2]
    got = {}
    for kind, run in jobs:
        out = os.path.join(work, "%s-%d" % (kind, i + 1))
        took, cores = run(out)
        files, mean = sizes(out, kind.endswith("each"))
        got[kind] = (N / took, files, mean, cores)
    return got


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def words(pdf):
    return sorted(run(["pdftotext", pdf, "-"]).stdout.split())


def qr(pdf, png):
    run(["pdftoppm", "-r", "150", "-png", "-singlefile", pdf, png])
    return run(["zbarimg", "--raw", "-q", png + ".png"]).stdout.strip()


def checks(work, last, docs):
    """Cheap correctness of the last round's files; a list of failures."""
    bad = []
    ours_each, base_each = (os.path.join(work, "%s-%d" % (k, last))
                            for k in ("ours-each", "base-each"))
    first = docs[0]
    name = "%06d.pdf" % first["id"]
    want = sorted("%06d.pdf" % d["id"] for d in docs)
    if sorted(os.listdir(ours_each)) != want:
        bad.append("ours-each: not exactly the %d certificates' files" % N)
    for pdf in (os.path.join(ours_each, name),
                os.path.join(ours_each, want[-1]),
                os.path.join(work, "ours-print-%d" % last, "print.pdf"),
                os.path.join(base_each, name)):
        if run(["qpdf", "--check", pdf]).returncode != 0:
            bad.append("qpdf --check " + pdf)
    mine = words(os.path.join(ours_each, name))
    if not all(w in mine for w in first["recipient"].split()):
        bad.append("pdftotext: no recipient in " + name)
    theirs = words(os.path.join(base_each, name))
    if mine != theirs:
        bad.append("not the same words: ours %s, baseline %s" % (
            sorted(set(mine) - set(theirs)), sorted(set(theirs) - set(mine))))
    for kind, d in (("ours", ours_each), ("baseline", base_each)):
        got = qr(os.path.join(d, name), os.path.join(work, kind + "-qr"))
        if got != first["url"]:
            bad.append("%s: the QR code holds %r" % (kind, got))
    return bad


def prepare(binary, work):
    """The database, issued once (not timed), and the texts' file."""
    db = os.path.join(work, "bench.db")
    ed = certs_db.build(binary, db, N)
    r = run([binary, "certificates", "--db", db, "--edition", str(ed),
             "--out", os.path.join(work, "issue"), "--pdf", "print"])
    if r.returncode != 0 or "issued: %d," % N not in r.stdout:
        raise RuntimeError("issuing: " + r.stdout + r.stderr[-2000:])
    docs = certs_db.texts(db, ed, N + 1)
    if len(docs) != N:
        raise RuntimeError("%d certificates, not %d" % (len(docs), N))
    texts = os.path.join(work, "certs.json")
    with open(texts, "w", encoding="utf-8") as f:
        json.dump(docs, f, ensure_ascii=False)
    return db, ed, texts, docs


def report(rounds):
    """Prints the figures; the three median ratios."""
    for i, g in enumerate(rounds):
        print("round %d: " % (i + 1) + ", ".join(
            "%s %.1f/s (%.2f cores)" % (k, v[0], v[3])
            for k, v in sorted(g.items())))
    med = {k: statistics.median(g[k][0] for g in rounds) for k in rounds[0]}
    for k in ("ours-each", "ours-print", "base-each", "base-combined"):
        files, mean = rounds[-1][k][1], rounds[-1][k][2]
        what = "per certificate in one PDF" if files == 1 else "mean PDF"
        print("%-13s %7.1f certificates/s median, %d files, %.0f bytes %s"
              % (k, med[k], files, mean, what))
    ratio = [statistics.median(g[a][0] / g[b][0] for g in rounds)
             for a, b in (("ours-each", "base-each"),
                          ("ours-print", "base-each"),
                          ("ours-print", "base-combined"))]
    print("ratio separate/separate %.2f (target %.0f), print/separate %.2f"
          " (target %.0f), print/combined %.2f (medians of %d rounds)"
          % (ratio[0], TARGET_EACH, ratio[1], TARGET_PRINT, ratio[2],
             len(rounds)))
    return ratio


def main(argv):
    binary = os.path.abspath(argv[1])
    n_rounds = int(argv[2]) if len(argv) > 2 else ROUNDS
    work = os.path.join(os.path.dirname(binary), "bench-certs")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    start = time.monotonic()
    db, ed, texts, docs = prepare(binary, work)
    rounds = [one_round(i, binary, db, ed, texts, work)
              for i in range(n_rounds)]
    ratio = report(rounds)
    bad = checks(work, n_rounds, docs)
    for i in range(1, n_rounds):  # the last round's files are kept
        for k in ("ours-each", "ours-print", "base-each", "base-combined"):
            shutil.rmtree(os.path.join(work, "%s-%d" % (k, i)))
    mine, theirs = rounds[-1]["ours-each"][2], rounds[-1]["base-each"][2]
    if mine > theirs:
        bad.append("separate PDFs larger than the baseline's")
    if ratio[0] < TARGET_EACH:
        bad.append("separate PDFs: %.2f times the baseline, not %.0f"
                   % (ratio[0], TARGET_EACH))
    if ratio[1] < TARGET_PRINT:
        bad.append("print PDF: %.2f times the baseline's separate PDFs,"
                   " not %.0f" % (ratio[1], TARGET_PRINT))
    for b in bad:
        print("FAIL " + b)
    med = {k: statistics.median(g[k][0] for g in rounds) for k in rounds[0]}
    record.save("certs", {
        "rates": med, "ratio_each": ratio[0], "ratio_print": ratio[1],
        "ratio_print_combined": ratio[2], "bytes_each": mine,
        "bytes_base": theirs, "rounds": n_rounds, "failures": bad})
    print("certs: mean separate PDF %.0f bytes, %.2f of the baseline's; "
          "%d cores, %.0f s in all" % (mine, mine / theirs, os.cpu_count(),
                                       time.monotonic() - start))
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

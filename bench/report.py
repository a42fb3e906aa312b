#!/usr/bin/env python3
"""report.py: the one table `make bench` ends with. Each benchmark left
its figures in build/release/bench-results/ (scoring.txt from
bench-scoring, sheets.json, certs.json, load.json), each beside its own
baseline measured in the same run; this puts every path beside its
baseline with the ratio and the target, prints it, writes it as Markdown
(report.md, for the README) and exits 1 when a target is missed."""
import datetime
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import record  # noqa: E402


def cpu():
    with open("/proc/cpuinfo") as f:
        m = re.search(r"model name\s*:\s*(.*)", f.read())
    return "%s, %d cores" % (m.group(1).strip() if m else "?", os.cpu_count())


def scoring():
    try:
        with open(os.path.join(record.DIR, "scoring.txt")) as f:
            text = f.read()
    except FileNotFoundError:
        return None
    core = re.search(r"^scoring core \(compute\)\s+([\d.]+)", text, re.M)
    sql = re.search(r"^SQLite GROUP BY \(baseline\)\s+([\d.]+)", text,
                    re.M)
    if core is None or sql is None:
        return None
    return float(core.group(1)), float(sql.group(1))


def rows():
    """(path, figure, baseline, ratio, target text, met)."""
    out = []
    load = record.load("load")
    if load:
        h = load["hello"]["rate"]
        hello = "bare libmicrohttpd hello: %.0f req/s" % h
        # each ratio is the median of the rounds' ratios (load.py)
        for kind, name, target in (
                ("verify", "verification page GET /v/CODE (signatures cached)",
                 0.5),
                ("static", "page from memory (app.css, gzip)", 0.8),
                ("static-plain", "page from memory (app.css, 14 KB plain)",
                 None)):
            r = load["single"][kind]
            out.append((name, "%.0f req/s" % r["rate"], hello, r["ratio"],
                        target))
    sheets = record.load("sheets")
    if sheets:
        out.append(("sheet submission over HTTP, 64 connections",
                    "%.0f /s" % sheets["rate"],
                    "SQLite synchronous=FULL 1-row tx: %.0f /s"
                    % sheets["base"], sheets["ratio"], 1.0))
    sc = scoring()
    if sc:
        out.append(("results: scoring core, 700 000 scores",
                    "%.2f ms" % sc[0], "SQLite GROUP BY: %.2f ms" % sc[1],
                    sc[1] / sc[0], 20.0))
    certs = record.load("certs")
    if certs:
        rates = certs["rates"]
        base = "reportlab: %.1f /s" % rates["base-each"]
        out.append(("certificates, separate PDFs",
                    "%.0f /s" % rates["ours-each"], base,
                    certs["ratio_each"], 5.0))
        out.append(("certificates, one print PDF",
                    "%.0f /s" % rates["ours-print"], base,
                    certs["ratio_print"], 7.0))
        out.append(("certificate PDF size", "%.0f B" % certs["bytes_each"],
                    "reportlab: %.0f B" % certs["bytes_base"],
                    certs["bytes_each"] / certs["bytes_base"], -1.0))
    return out, load


def met(ratio, target):
    if target is None:
        return True
    if target < 0:  # at most the baseline
        return ratio <= -target
    return ratio >= target


def main():
    table, load = rows()
    # a benchmark that stopped before leaving its figures fails the report
    missing = [n for n, got in (("scoring", scoring()),
                                ("sheets", record.load("sheets")),
                                ("certs", record.load("certs")),
                                ("load", load)) if not got]
    when = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC")
    lines = ["Benchmark report, %s, %s" % (when, cpu()), "",
             "| path | figure | baseline (same run) | ratio | target |",
             "|---|---|---|---|---|"]
    failed = []
    for name, fig, base, ratio, target in table:
        ok = met(ratio, target)
        tgt = "" if target is None else (
            "≤ %.0f×" % -target if target < 0 else "≥ %.1f×" % target)
        lines.append("| %s | %s | %s | %.2f× | %s%s |" % (
            name, fig, base, ratio, tgt, "" if ok else " **missed**"))
        if not ok:
            failed.append(name)
    if load:
        lines += ["", "Mixed load, %d s, 4 × 16 keep-alive connections"
                  " (then with %d slow connections held):" % (
                      load["seconds"], load["slow"]), "",
                  "| kind | req/s | p50 ms | p99 ms | with slow: req/s |"
                  " p99 ms | p99 ratio | not 2xx |", "|---|---|---|---|---|"
                  "---|---|---|"]
        for kind, r in load["mixed"].items():
            s = load["slow_run"][kind]
            lines.append("| %s | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f×"
                         " | %d |" % (kind, r["rate"], r["p50_us"] / 1e3,
                                       r["p99_us"] / 1e3, s["rate"],
                                       s["p99_us"] / 1e3,
                                       s["p99_vs_unloaded"],
                                       r["bad"] + s["bad"] + r["errors"] +
                                       s["errors"]))
        b = load["backup"]
        lines += ["", "Slow connections held to the end: %d of %d. Backup"
                  " under load: %.1f s, integrity %s, audit chain %s,"
                  " %d tables and %d rows matching the live database up to"
                  " the copy's point (%s differing); restored and served:"
                  " %s." % (load["slow_held"], load["slow"], b["seconds"],
                            b["integrity"], "ok" if b["audit_chain"]
                            else "BROKEN", b["tables"], b["rows"],
                            len(b["tables_differing"]),
                            "same pages" if not
                            load["restore"]["pages_differing"] else
                            "DIFFERENT pages"),
                  "Resident memory after the load: %.1f MiB (target < 64);"
                  " start-up %.0f ms." % (load["rss_kib"] / 1024,
                                          load["startup_ms"])]
        if load["rss_kib"] >= 64 * 1024:
            failed.append("resident memory")
        failed += load["failures"]
    for name in ("sheets", "certs"):
        got = record.load(name)
        if got and got.get("failures"):
            failed += ["%s: %s" % (name, f) for f in got["failures"]]
        if name == "sheets" and got and (got["bad"] or
                                         got["stored"] < got["requests"]):
            failed.append("sheets: failed or missing submissions")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(record.DIR, "report.md"), "w") as f:
        f.write(text)
    failed += ["%s: no figures (see its output above)" % m for m in missing]
    for f in failed:
        print("FAIL " + f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

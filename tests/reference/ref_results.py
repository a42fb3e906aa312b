#!/usr/bin/env python3
"""Independent reference implementation of `giamkhao results RUBRIC.json SCORES.csv`
(CSV output only), written from /work/shared/design.md ("Contract: the rubric file" with
Semantics rules 1-9, and "Contract: offline commands") for differential testing against the
C implementation.  Python 3.11 standard library only; exact arithmetic with Fraction
everywhere except the square root needed by `normalize: zscore`.

Usage:  python3 ref_results.py RUBRIC.json SCORES.csv
Exit 0 with the results CSV on stdout; exit 2 with a one-line message on stderr (nothing on
stdout) for bad input.

Interpretations
===============
Where the spec is ambiguous or silent, this implementation takes the reading below.

I1  Rule 2 guard ("A judge with fewer than 3 sheets, or zero spread, gets offset only, or
    none"): read per mode.  With `normalize: zscore` such a judge gets the offset only
    (t + panel_mean - judge_mean); with `normalize: offset` such a judge gets no
    normalisation at all (t unchanged).  Both conditions (< 3 sheets, zero spread) trigger
    the guard in both modes.
I2  Rule 2 "panel": all complete sheets of the scope of rule 7 (one field for
    `awards.scope: field`, the whole file for `contest`), of every entry, including entries
    that later turn out insufficient.  "Panel mean" = mean of all those sheet totals (not the
    mean of judge means).  A judge's mean / sheet count / spread are over that judge's
    complete sheets inside the panel.  Incomplete sheets play no part.
I3  Rule 2 zscore: t' = panel_mean + (t - judge_mean) * sqrt(panel_var / judge_var), with
    POPULATION variances of raw totals.  Only the ratio sqrt(...) is computed in binary
    floating point (math.sqrt of a float); it is then taken exactly as a Fraction and all
    the rest is exact.  Zero panel spread maps every total of a scaled judge to the panel
    mean.  "Zero spread" of a judge = all its totals equal.
I4  Normalised totals (when normalize != none) REPLACE the raw totals as input to rule 3
    (outlier test, including its mean m) and rule 5 (aggregation); raw totals are not used
    for the score.  Criterion scores for tie-breaks (rule 6) always use raw unweighted
    points, never normalised.
I5  Rule 3 `percent`: excluded when |t - m| > limit * m / 100, literally (m is not made
    absolute; m can only be negative after normalisation).  "Exactly at the limit" is kept
    (strict >).
I6  An entry whose every complete sheet is excluded by the outlier rule still appears (it has
    a complete sheet): status `insufficient`, empty score, empty rank and tier.  Any entry
    with 0 surviving sheets is insufficient even if min_judges were < 1.
I7  Rule 8: a tier whose remaining quota is 0 (max_count 0 from the start, or exactly used
    up by earlier groups) is closed and is skipped silently: it causes no `cusp`.  `cusp` is
    set on a group when an OPEN tier it qualifies for has 0 < remaining < group size; that
    tier then closes and the group tries the next tiers.  A group flagged at several tiers
    has the flag once.  A group below `floor` takes no tier and is never `cusp`.
I8  Rule 9 cap: only when MORE than `max_selected` entries qualify.  Qualifying rank groups
    are taken in rank order while taken + size <= max_selected; the first group that would
    exceed the cap stops the selection (it and everything after it are not selected) and is
    flagged `cusp` only if it is a "tied group", i.e. has 2 or more entries (this includes
    the case where the cap is already exactly full: a tied pair right after a full cap is
    `cusp`; a single entry there is not).  With max_selected 0 the first qualifying group is
    that group.
I9  Ballot row order (the contract's row-order sentence is inside the scores-mode
    parenthesis): ballot rank is over the whole edition, so rows go by rank, then entry id,
    ignoring fields (like contest scope).  `awards.scope` is ignored in ballot mode.
I10 Ballot: the same judge voting twice on one entry is bad input (by analogy with
    "same judge and criterion twice").  Vote values are exactly `yes` / `no` (case
    sensitive).  An entry with no vote cannot occur offline (every row is a vote).
I11 Entry ids sort by Unicode code point (= UTF-8 byte order) after NFC; rank groups are
    ordered by (published score desc, tie-break criterion published scores desc).
I12 Unranked (insufficient) entries come last in their field (field scope) or at the end
    (contest scope), ordered among themselves by entry id.
I13 Negative published values (only possible after normalisation) round half away from
    zero; a value that rounds to zero prints without a minus sign.
I14 Scores CSV: BOM stripped; cells unquoted per RFC 4180 (Python csv, strict), then
    surrounding spaces and tabs trimmed, then NFC-normalised; the header must be exactly
    `entry,field,judge,criterion,score` (scores) or `entry,field,judge,vote` (ballot)
    after trimming, chosen by the rubric's mode.  Completely empty lines are skipped; any
    other row must have exactly the header's number of cells.  Empty entry / judge cells
    are bad input.  A score must match  [0-9]+(\.[0-9]+)?  ; anything else (a sign,
    exponent, comma, '.5', '5.') is bad input (negative numbers are out of range anyway).
I15 Rows of incomplete sheets are still validated (field, criterion, range, step,
    duplicates, entry-in-two-fields); only then are incomplete sheets dropped.
I16 Rubric: numbers are read exactly (JSON reals via Fraction of their text).  Integer keys
    (trim, min_judges, decimals, max_count, max_selected) must be JSON integers.  An outlier
    rule other than `none` needs a `limit`.  Field `title` is optional, field `id`
    required.  Validation here is partial (see load_rubric); a rubric error also exits 2.
I17 Criterion scores (tie-breaks) of a ranked entry are computed over the surviving sheets
    (after rule 3, before any trimming), each rounded half up to `decimals`.
I18 Sheets/entries: a sheet is the set of rows with the same (entry, judge); it is complete
    when it has a row for every criterion of the rubric.  The field of an entry is the one
    given on its rows (all must agree).
"""

import csv
import io
import json
import math
import re
import sys
import unicodedata
from fractions import Fraction


class BadInput(Exception):
    pass


def nfc(s):
    return unicodedata.normalize("NFC", s)


# ---------------------------------------------------------------------------
# Rubric
# ---------------------------------------------------------------------------

PROGRAMS = {"technical-innovation", "youth-creativity", "vifotec-award", "golden-book",
            "honouring", "custom"}


def _reject_dupes(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise BadInput("rubric: duplicate key %r" % k)
        d[k] = v
    return d


def _bad_const(name):
    raise BadInput("rubric: invalid number %s" % name)


def _is_num(v):
    return isinstance(v, (int, Fraction)) and not isinstance(v, bool)


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _check_keys(obj, path, allowed, required=()):
    if not isinstance(obj, dict):
        raise BadInput("rubric: %s: must be an object" % path)
    for k in obj:
        if k not in allowed:
            raise BadInput("rubric: %s.%s: unknown key" % (path, k))
    for k in required:
        if k not in obj:
            raise BadInput("rubric: %s.%s: required key missing" % (path, k))


def _title(obj, path):
    _check_keys(obj, path, {"vi", "en"}, ("vi",))
    for k, v in obj.items():
        if not isinstance(v, str):
            raise BadInput("rubric: %s.%s: must be a string" % (path, k))


def _id(v, path):
    if not isinstance(v, str) or not v:
        raise BadInput("rubric: %s: must be a non-empty string" % path)
    return nfc(v)


def load_rubric(data):
    """data: bytes.  Returns a dict with defaults applied."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadInput("rubric: not UTF-8 at byte %d" % e.start)
    try:
        obj = json.loads(text, parse_float=Fraction, parse_int=int,
                         parse_constant=_bad_const, object_pairs_hook=_reject_dupes)
    except json.JSONDecodeError as e:
        raise BadInput("rubric: line %d column %d: %s" % (e.lineno, e.colno, e.msg))
    _check_keys(obj, "$", {"format", "program", "title", "mode", "fields", "criteria",
                           "aggregate", "tie_break", "awards", "ballot"},
                ("format", "program", "title", "mode", "fields"))
    if obj["format"] != "giamkhao-rubric/1":
        raise BadInput("rubric: $.format: unsupported")
    if obj["program"] not in PROGRAMS:
        raise BadInput("rubric: $.program: unknown program")
    _title(obj["title"], "$.title")
    mode = obj["mode"]
    if mode not in ("scores", "ballot"):
        raise BadInput("rubric: $.mode: must be scores or ballot")
    R = {"mode": mode}

    fields = obj["fields"]
    if not isinstance(fields, list) or not fields:
        raise BadInput("rubric: $.fields: must be a non-empty array")
    R["fields"] = []
    for i, f in enumerate(fields):
        p = "$.fields[%d]" % i
        _check_keys(f, p, {"id", "title"}, ("id",))
        fid = _id(f["id"], p + ".id")
        if "title" in f:
            _title(f["title"], p + ".title")
        if fid in R["fields"]:
            raise BadInput("rubric: %s.id: duplicate" % p)
        R["fields"].append(fid)

    crits = obj.get("criteria")
    if mode == "scores" and crits is None:
        raise BadInput("rubric: $.criteria: required in scores mode")
    R["criteria"] = []
    if crits is not None:
        if not isinstance(crits, list) or (mode == "scores" and not crits):
            raise BadInput("rubric: $.criteria: must be a non-empty array")
        seen = set()
        for i, c in enumerate(crits):
            p = "$.criteria[%d]" % i
            _check_keys(c, p, {"id", "title", "max", "weight", "step", "levels"},
                        ("id", "title", "max"))
            cid = _id(c["id"], p + ".id")
            if cid in seen:
                raise BadInput("rubric: %s.id: duplicate" % p)
            seen.add(cid)
            _title(c["title"], p + ".title")
            mx, w, st = c["max"], c.get("weight", 1), c.get("step", Fraction(1, 2))
            for k, v in (("max", mx), ("weight", w), ("step", st)):
                if not _is_num(v) or v <= 0:
                    raise BadInput("rubric: %s.%s: must be a positive number" % (p, k))
            mx, w, st = Fraction(mx), Fraction(w), Fraction(st)
            if (mx / st).denominator != 1:
                raise BadInput("rubric: %s.step: does not divide max" % p)
            if "levels" in c:
                if not isinstance(c["levels"], list):
                    raise BadInput("rubric: %s.levels: must be an array" % p)
                for j, lv in enumerate(c["levels"]):
                    _check_keys(lv, "%s.levels[%d]" % (p, j), {"min", "max", "label"})
            R["criteria"].append({"id": cid, "max": mx, "weight": w, "step": st})

    agg = obj.get("aggregate", {})
    _check_keys(agg, "$.aggregate", {"method", "trim", "outlier", "normalize",
                                     "min_judges", "decimals"})
    R["method"] = agg.get("method", "mean")
    if R["method"] not in ("mean", "median", "trimmed"):
        raise BadInput("rubric: $.aggregate.method: unknown")
    for k, dflt, lo in (("trim", 1, 0), ("min_judges", 1, 1), ("decimals", 2, 0)):
        v = agg.get(k, dflt)
        if not _is_int(v) or v < lo:
            raise BadInput("rubric: $.aggregate.%s: must be an integer >= %d" % (k, lo))
        R[k] = v
    out = agg.get("outlier", {"rule": "none"})
    _check_keys(out, "$.aggregate.outlier", {"rule", "limit"})
    R["outlier"] = out.get("rule", "none")
    if R["outlier"] not in ("none", "points", "percent"):
        raise BadInput("rubric: $.aggregate.outlier.rule: unknown")
    R["limit"] = None
    if "limit" in out:
        if not _is_num(out["limit"]) or out["limit"] < 0:
            raise BadInput("rubric: $.aggregate.outlier.limit: must be a number >= 0")
        R["limit"] = Fraction(out["limit"])
    if R["outlier"] != "none" and R["limit"] is None:
        raise BadInput("rubric: $.aggregate.outlier.limit: required for this rule")
    R["normalize"] = agg.get("normalize", "none")
    if R["normalize"] not in ("none", "offset", "zscore"):
        raise BadInput("rubric: $.aggregate.normalize: unknown")

    tb = obj.get("tie_break", [])
    if not isinstance(tb, list):
        raise BadInput("rubric: $.tie_break: must be an array")
    cids = [c["id"] for c in R["criteria"]]
    R["tie_break"] = []
    for i, t in enumerate(tb):
        t = _id(t, "$.tie_break[%d]" % i)
        if t not in cids:
            raise BadInput("rubric: $.tie_break[%d]: names no criterion" % i)
        R["tie_break"].append(t)

    aw = obj.get("awards", {})
    _check_keys(aw, "$.awards", {"scope", "floor", "tiers"})
    R["scope"] = aw.get("scope", "field")
    if R["scope"] not in ("field", "contest"):
        raise BadInput("rubric: $.awards.scope: must be field or contest")
    R["floor"] = None
    if "floor" in aw:
        if not _is_num(aw["floor"]):
            raise BadInput("rubric: $.awards.floor: must be a number")
        R["floor"] = Fraction(aw["floor"])
    tiers = aw.get("tiers", [])
    if not isinstance(tiers, list):
        raise BadInput("rubric: $.awards.tiers: must be an array")
    R["tiers"] = []
    for i, t in enumerate(tiers):
        p = "$.awards.tiers[%d]" % i
        _check_keys(t, p, {"id", "title", "min", "max_count", "prize"}, ("id", "title", "min"))
        tid = _id(t["id"], p + ".id")
        _title(t["title"], p + ".title")
        if not _is_num(t["min"]):
            raise BadInput("rubric: %s.min: must be a number" % p)
        mc = t.get("max_count")
        if mc is not None and (not _is_int(mc) or mc < 0):
            raise BadInput("rubric: %s.max_count: must be an integer >= 0" % p)
        if R["tiers"] and Fraction(t["min"]) > R["tiers"][-1]["min"]:
            raise BadInput("rubric: %s.min: tier mins increase" % p)
        if any(x["id"] == tid for x in R["tiers"]):
            raise BadInput("rubric: %s.id: duplicate" % p)
        R["tiers"].append({"id": tid, "min": Fraction(t["min"]), "max_count": mc})

    bl = obj.get("ballot", {})
    _check_keys(bl, "$.ballot", {"rule", "share", "max_selected"})
    R["ballot_rule"] = bl.get("rule", "more-than")
    if R["ballot_rule"] not in ("more-than", "at-least"):
        raise BadInput("rubric: $.ballot.rule: must be more-than or at-least")
    sh = bl.get("share", Fraction(1, 2))
    if not _is_num(sh) or not (0 <= sh <= 1):
        raise BadInput("rubric: $.ballot.share: must be a number in [0, 1]")
    R["ballot_share"] = Fraction(sh)
    ms = bl.get("max_selected")
    if ms is not None and (not _is_int(ms) or ms < 0):
        raise BadInput("rubric: $.ballot.max_selected: must be an integer >= 0")
    R["max_selected"] = ms
    return R


# ---------------------------------------------------------------------------
# Scores / votes CSV
# ---------------------------------------------------------------------------

SCORE_RE = re.compile(r"[0-9]+(\.[0-9]+)?\Z")


def read_rows(data, header):
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise BadInput("line %d: not UTF-8" % line)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    out = []
    first = True
    try:
        for row in reader:
            ln = reader.line_num
            if not row:
                continue
            cells = [nfc(c.strip(" \t")) for c in row]
            if first:
                first = False
                if cells != header:
                    raise BadInput("line %d: header must be %s" % (ln, ",".join(header)))
                continue
            if len(cells) != len(header):
                raise BadInput("line %d: expected %d columns, got %d"
                               % (ln, len(header), len(cells)))
            out.append((ln, cells))
    except csv.Error as e:
        raise BadInput("line %d: %s" % (reader.line_num, e))
    if first:
        raise BadInput("line 1: missing header")
    return out


def parse_scores(R, data):
    rows = read_rows(data, ["entry", "field", "judge", "criterion", "score"])
    crit = {c["id"]: c for c in R["criteria"]}
    entry_field = {}
    sheets = {}  # (entry, judge) -> {crit: Fraction}
    for ln, (e, f, j, c, s) in rows:
        if not e:
            raise BadInput("line %d, column entry: empty" % ln)
        if f not in R["fields"]:
            raise BadInput("line %d, column field: unknown field %r" % (ln, f))
        if not j:
            raise BadInput("line %d, column judge: empty" % ln)
        if c not in crit:
            raise BadInput("line %d, column criterion: unknown criterion %r" % (ln, c))
        if not SCORE_RE.match(s):
            raise BadInput("line %d, column score: not a decimal number" % ln)
        v = Fraction(s)
        if v < 0 or v > crit[c]["max"]:
            raise BadInput("line %d, column score: out of range" % ln)
        if (v / crit[c]["step"]).denominator != 1:
            raise BadInput("line %d, column score: not a multiple of step" % ln)
        if entry_field.setdefault(e, f) != f:
            raise BadInput("line %d, column field: entry %r is in two fields" % (ln, e))
        sh = sheets.setdefault((e, j), {})
        if c in sh:
            raise BadInput("line %d, column criterion: judge %r scored %r twice for %r"
                           % (ln, j, c, e))
        sh[c] = v
    return entry_field, sheets


def parse_votes(R, data):
    rows = read_rows(data, ["entry", "field", "judge", "vote"])
    entry_field = {}
    votes = {}  # entry -> {judge: bool}
    for ln, (e, f, j, v) in rows:
        if not e:
            raise BadInput("line %d, column entry: empty" % ln)
        if f not in R["fields"]:
            raise BadInput("line %d, column field: unknown field %r" % (ln, f))
        if not j:
            raise BadInput("line %d, column judge: empty" % ln)
        if v not in ("yes", "no"):
            raise BadInput("line %d, column vote: must be yes or no" % ln)
        if entry_field.setdefault(e, f) != f:
            raise BadInput("line %d, column field: entry %r is in two fields" % (ln, e))
        vs = votes.setdefault(e, {})
        if j in vs:
            raise BadInput("line %d, column judge: judge %r voted twice for %r" % (ln, j, e))
        vs[j] = (v == "yes")
    return entry_field, votes


# ---------------------------------------------------------------------------
# Arithmetic helpers
# ---------------------------------------------------------------------------

def mean(xs):
    return sum(xs, Fraction(0)) / len(xs)


def pvar(xs):
    m = mean(xs)
    return sum(((x - m) ** 2 for x in xs), Fraction(0)) / len(xs)


def median(xs):
    s = sorted(xs)
    n = len(s)
    if n % 2:
        return s[n // 2]
    return (s[n // 2 - 1] + s[n // 2]) / 2


def round_half_up(x, d):
    """Fraction -> Fraction rounded half away from zero to d decimals."""
    q = 10 ** d
    a = abs(x) * q
    r = math.floor(a + Fraction(1, 2))
    if x < 0:
        r = -r
    return Fraction(r, q)


def fmt_fixed(x, d):
    """x: a Fraction that is already a multiple of 10**-d."""
    n = x * 10 ** d
    assert n.denominator == 1
    n = n.numerator
    neg = n < 0
    s = str(abs(n))
    if d:
        s = s.rjust(d + 1, "0")
        s = s[:-d] + "." + s[-d:]
    return ("-" if neg and n != 0 else "") + s


# ---------------------------------------------------------------------------
# Scores mode
# ---------------------------------------------------------------------------

def normalise(R, entry_field, complete):
    """complete: {(entry, judge): raw total}.  Returns {(entry, judge): used total}."""
    mode = R["normalize"]
    if mode == "none":
        return dict(complete)
    panels = {}
    for (e, j), t in complete.items():
        key = entry_field[e] if R["scope"] == "field" else None
        panels.setdefault(key, []).append((e, j, t))
    used = {}
    for sheets in panels.values():
        all_t = [t for _, _, t in sheets]
        pm = mean(all_t)
        pv = pvar(all_t)
        by_judge = {}
        for e, j, t in sheets:
            by_judge.setdefault(j, []).append(t)
        for e, j, t in sheets:
            jt = by_judge[j]
            jm = mean(jt)
            jv = pvar(jt)
            guarded = len(jt) < 3 or jv == 0
            if mode == "offset":
                used[(e, j)] = t if guarded else t + (pm - jm)
            else:  # zscore
                if guarded:
                    used[(e, j)] = t + (pm - jm)
                else:
                    ratio = Fraction(math.sqrt(float(pv / jv)))
                    used[(e, j)] = pm + (t - jm) * ratio
    return used


def aggregate(R, xs):
    if R["method"] == "mean":
        return mean(xs)
    if R["method"] == "median":
        return median(xs)
    k = R["trim"]
    if len(xs) > 2 * k:
        s = sorted(xs)
        return mean(s[k:len(s) - k])
    return mean(xs)


def compute_scores(R, entry_field, sheets):
    """Returns a list of result dicts (one per entry with a complete sheet)."""
    cids = [c["id"] for c in R["criteria"]]
    weight = {c["id"]: c["weight"] for c in R["criteria"]}
    d = R["decimals"]
    complete = {}
    for (e, j), sc in sheets.items():
        if len(sc) == len(cids):
            complete[(e, j)] = sum((weight[c] * sc[c] for c in cids), Fraction(0))
    used = normalise(R, entry_field, complete)

    per_entry = {}
    for (e, j) in complete:
        per_entry.setdefault(e, []).append(j)

    results = {}
    for e, judges in per_entry.items():
        judges.sort()
        totals = [used[(e, j)] for j in judges]
        m = mean(totals)
        surv = []
        excluded = []
        for j, t in zip(judges, totals):
            dist = abs(t - m)
            if R["outlier"] == "points":
                out = dist > R["limit"]
            elif R["outlier"] == "percent":
                out = dist > R["limit"] * m / 100
            else:
                out = False
            (excluded if out else surv).append((j, t))
        n = len(surv)
        r = {"entry": e, "field": entry_field[e], "raw": {j: complete[(e, j)] for j in judges},
             "totals": dict(zip(judges, totals)), "mean_all": m,
             "excluded": [j for j, _ in excluded], "n": n,
             "insufficient": n < R["min_judges"] or n == 0,
             "exact": None, "score": None, "crit": {}, "rank": None, "tier": None,
             "flags": set()}
        if n:
            r["exact"] = aggregate(R, [t for _, t in surv])
            r["score"] = round_half_up(r["exact"], d)
            for c in cids:
                r["crit"][c] = round_half_up(mean([sheets[(e, j)][c] for j, _ in surv]), d)
        results[e] = r

    # Ranks and prizes, per scope.
    scopes = {}
    for r in results.values():
        key = r["field"] if R["scope"] == "field" else None
        scopes.setdefault(key, []).append(r)
    for members in scopes.values():
        ranked = [r for r in members if not r["insufficient"]]

        def key(r):
            return (r["score"],) + tuple(r["crit"][c] for c in R["tie_break"])
        ranked.sort(key=lambda r: r["entry"])
        ranked.sort(key=key, reverse=True)
        groups = []
        for r in ranked:
            if groups and key(groups[-1][0]) == key(r):
                groups[-1].append(r)
            else:
                groups.append([r])
        pos = 1
        for g in groups:
            for r in g:
                r["rank"] = pos
                if len(g) > 1:
                    r["flags"].add("tie")
            pos += len(g)
        # Rule 8.
        state = [{"rem": t["max_count"], "closed": t["max_count"] == 0} for t in R["tiers"]]
        for g in groups:
            s = g[0]["score"]
            if R["floor"] is not None and s < R["floor"]:
                continue
            for t, st in zip(R["tiers"], state):
                if st["closed"] or t["min"] > s:
                    continue
                if st["rem"] is None or st["rem"] >= len(g):
                    for r in g:
                        r["tier"] = t["id"]
                    if st["rem"] is not None:
                        st["rem"] -= len(g)
                        if st["rem"] == 0:
                            st["closed"] = True
                    break
                st["closed"] = True
                for r in g:
                    r["flags"].add("cusp")
    return list(results.values())


def order_scores(R, results):
    fidx = {f: i for i, f in enumerate(R["fields"])}

    def key(r):
        unranked = r["rank"] is None
        k = (1 if unranked else 0, 0 if unranked else r["rank"], r["entry"])
        if R["scope"] == "field":
            return (fidx[r["field"]],) + k
        return k
    return sorted(results, key=key)


def csv_cell(s):
    if any(ch in s for ch in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def csv_line(cells):
    return ",".join(csv_cell(str(c)) for c in cells) + "\n"


def render_scores(R, results):
    out = [csv_line(["field", "rank", "entry", "score", "tier", "status", "flags"])]
    for r in order_scores(R, results):
        out.append(csv_line([
            r["field"],
            "" if r["rank"] is None else r["rank"],
            r["entry"],
            "" if r["score"] is None else fmt_fixed(r["score"], R["decimals"]),
            r["tier"] or "",
            "insufficient" if r["insufficient"] else "ok",
            ";".join(sorted(r["flags"])),
        ]))
    return "".join(out)


# ---------------------------------------------------------------------------
# Ballot mode
# ---------------------------------------------------------------------------

def compute_ballot(R, entry_field, votes):
    res = []
    for e, vs in votes.items():
        yes = sum(1 for v in vs.values() if v)
        no = len(vs) - yes
        share = Fraction(yes, yes + no) if yes + no else Fraction(0)
        res.append({"entry": e, "field": entry_field[e], "yes": yes, "no": no,
                    "share": share, "rank": None, "selected": False, "flags": set()})

    def key(r):
        return (r["share"], r["yes"])
    res.sort(key=lambda r: r["entry"])
    res.sort(key=key, reverse=True)
    groups = []
    for r in res:
        if groups and key(groups[-1][0]) == key(r):
            groups[-1].append(r)
        else:
            groups.append([r])
    pos = 1
    for g in groups:
        for r in g:
            r["rank"] = pos
            if len(g) > 1:
                r["flags"].add("tie")
        pos += len(g)
    thr = R["ballot_share"]

    def qualifies(r):
        return r["share"] > thr if R["ballot_rule"] == "more-than" else r["share"] >= thr
    qgroups = [g for g in groups if qualifies(g[0])]
    nq = sum(len(g) for g in qgroups)
    cap = R["max_selected"]
    if cap is None or nq <= cap:
        for g in qgroups:
            for r in g:
                r["selected"] = True
    else:
        taken = 0
        for g in qgroups:
            if taken + len(g) <= cap:
                for r in g:
                    r["selected"] = True
                taken += len(g)
            else:
                if len(g) > 1:
                    for r in g:
                        r["flags"].add("cusp")
                break
    return res  # already in rank, entry order


def render_ballot(R, res):
    out = [csv_line(["field", "rank", "entry", "yes", "no", "share", "selected", "flags"])]
    for r in sorted(res, key=lambda r: (r["rank"], r["entry"])):
        out.append(csv_line([
            r["field"], r["rank"], r["entry"], r["yes"], r["no"],
            fmt_fixed(round_half_up(r["share"], 4), 4),
            "yes" if r["selected"] else "no",
            ";".join(sorted(r["flags"])),
        ]))
    return "".join(out)


# ---------------------------------------------------------------------------

def run(rubric_bytes, scores_bytes):
    """Returns the results CSV text; raises BadInput."""
    R = load_rubric(rubric_bytes)
    if R["mode"] == "scores":
        ef, sheets = parse_scores(R, scores_bytes)
        return render_scores(R, compute_scores(R, ef, sheets))
    ef, votes = parse_votes(R, scores_bytes)
    return render_ballot(R, compute_ballot(R, ef, votes))


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: ref_results.py RUBRIC.json SCORES.csv\n")
        return 2
    try:
        with open(argv[1], "rb") as f:
            rb = f.read()
        with open(argv[2], "rb") as f:
            sb = f.read()
        text = run(rb, sb)
    except BadInput as e:
        sys.stderr.write("error: %s\n" % str(e).replace("\n", " "))
        return 2
    except OSError as e:
        sys.stderr.write("error: %s\n" % e)
        return 2
    sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

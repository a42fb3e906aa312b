#!/usr/bin/env python3
"""Random valid case generator for differential testing of `giamkhao results`.

Usage: python3 gen_case.py SEED OUTDIR   -> OUTDIR/rubric.json, OUTDIR/scores.csv
Deterministic from SEED.  The case is built to hit the traps: many ties (scores from a
small pool, copied sheets), incomplete sheets, entries with few judges, an outlier limit
that often sits EXACTLY at some sheet's distance from its entry mean, tier mins equal to
published scores, small quotas (cusps), ballot shares exactly at the threshold and small
caps.  The case is checked with ref_results.run() before it is written (must be valid).
"""

import json
import os
import random
import sys
from fractions import Fraction as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ref_results as ref  # noqa: E402

FIELD_IDS = ["ict", "mech", "mat", "agri", "med", "edu"]
CRIT_IDS = ["novelty", "apply", "effect", "aesth", "material"]
TIER_IDS = ["special", "first", "second", "third", "merit"]
TIER_VI = ["Giải Đặc biệt", "Giải Nhất", "Giải Nhì", "Giải Ba", "Giải Khuyến khích"]
CRIT_VI = ["Tính mới, tính sáng tạo", "Khả năng áp dụng", "Hiệu quả kinh tế – xã hội",
           "Thẩm mỹ, công nghệ", "Vật liệu và năng lượng"]
FIELD_VI = ["Công nghệ thông tin, điện tử, viễn thông", "Cơ khí tự động hóa",
            "Vật liệu, hóa chất, năng lượng", "Nông lâm ngư nghiệp", "Y dược",
            "Giáo dục và đào tạo"]


def num(x):
    """Fraction/int -> JSON number: int when integral, else a float with <= 4 decimals."""
    x = F(x)
    if x.denominator == 1:
        return int(x)
    assert (x * 10000).denominator == 1, x
    f = float(x)
    assert F(repr(f)) == x, x
    return f


def four_dp(x):
    return (F(x) * 10000).denominator == 1


def dec(x, pad=0):
    """Fraction -> shortest plain decimal text (optionally with `pad` extra zeros)."""
    x = F(x)
    for d in range(0, 5):
        if (x * 10 ** d).denominator == 1:
            return ref.fmt_fixed(x, d + pad) if d + pad else ref.fmt_fixed(x, 0)
    raise AssertionError(x)


def maybe(rng, p):
    return rng.random() < p


def title(rng, vi, en=None):
    t = {"vi": vi}
    if en and maybe(rng, 0.5):
        t["en"] = en
    return t


def base_rubric(rng, mode, program, field_ids):
    return {"format": "giamkhao-rubric/1", "program": program,
            "title": title(rng, "Hội thi Sáng tạo kỹ thuật tỉnh Hà Giang", "Contest"),
            "mode": mode,
            "fields": [{"id": f, "title": title(rng, FIELD_VI[FIELD_IDS.index(f)])}
                       for f in field_ids]}


# ---------------------------------------------------------------------------

def gen_scores(rng):
    nf = rng.randint(1, 4)
    fields = rng.sample(FIELD_IDS, nf)
    rub = base_rubric(rng, "scores",
                      rng.choice(["technical-innovation", "youth-creativity",
                                  "vifotec-award", "custom"]), fields)
    ncrit = rng.randint(1, 5)
    cids = rng.sample(CRIT_IDS, ncrit)
    crits = []
    cinfo = []
    for cid in cids:
        mx = rng.choice([10, 20, 25, 30, 40, 100, 10, 20, 30, F(25, 2), F(15, 2)])
        steps = [s for s in (F(1, 4), F(1, 2), F(1)) if (F(mx) / s).denominator == 1]
        c = {"id": cid, "title": title(rng, CRIT_VI[CRIT_IDS.index(cid)], cid), "max": num(mx)}
        if maybe(rng, 0.2):
            step = F(1, 2)                                  # default
        else:
            step = rng.choice(steps)
            c["step"] = num(step)
        w = rng.choice([1, 1, 1, 1, 1, 1, 2, F(1, 2), F(3, 2)])
        if w != 1 or maybe(rng, 0.5):
            c["weight"] = num(w)
        crits.append(c)
        cinfo.append((cid, F(mx), step))
    rub["criteria"] = crits

    agg = {}
    method = rng.choice(["mean", "mean", "median", "trimmed", "trimmed"])
    if method != "mean" or maybe(rng, 0.5):
        agg["method"] = method
    if method == "trimmed" and maybe(rng, 0.8):
        agg["trim"] = rng.choice([1, 1, 2])
    r = rng.random()
    normalize = "none" if r < 0.7 else ("offset" if r < 0.95 else "zscore")
    if normalize != "none" or maybe(rng, 0.3):
        agg["normalize"] = normalize
    mj = rng.choice([1, 1, 1, 2, 2, 3, 4])
    if mj != 1 or maybe(rng, 0.5):
        agg["min_judges"] = mj
    decimals = rng.choice([0, 1, 1, 2, 2, 2, 3])
    if decimals != 2 or maybe(rng, 0.5):
        agg["decimals"] = decimals
    scope = "contest" if maybe(rng, 0.3) else "field"

    # ---- scores ----
    nj = rng.randint(1, 7)
    judges = ["j%d" % (i + 1) for i in range(nj)]
    if mj > nj and maybe(rng, 0.8):                         # keep most entries rankable
        mj = agg["min_judges"] = nj
    ne = rng.randint(1, 25)
    pools = {}
    for cid, mx, step in cinfo:
        nsteps = int(mx / step)
        k = rng.randint(2, 4)
        lo = rng.choice([0, nsteps // 2, (nsteps * 3) // 4])
        pools[cid] = sorted({step * rng.randint(lo, nsteps) for _ in range(k)})
    entries = []
    sheets = {}   # (entry, judge) -> {crit: value}
    entry_field = {}
    for i in range(ne):
        e = "e%02d" % (i + 1)
        f = rng.choice(fields)
        entry_field[e] = f
        entries.append(e)
        same = [x for x in entries[:-1] if entry_field[x] == f]
        if same and maybe(rng, 0.25):
            src = rng.choice(same)                          # exact copy -> exact tie
            for (e2, j), sc in list(sheets.items()):
                if e2 == src:
                    sheets[(e, j)] = dict(sc)
            continue
        if maybe(rng, 0.2):
            js = rng.sample(judges, min(nj, rng.randint(1, 2)))
        else:
            js = rng.sample(judges, rng.randint(max(1, nj - 2), nj))
        for j in js:
            sc = {cid: rng.choice(pools[cid]) for cid in cids}
            if maybe(rng, 0.15):                            # an outlier-ish sheet
                cid, mx, step = rng.choice(cinfo)
                sc[cid] = rng.choice([F(0), mx, step * rng.randint(0, int(mx / step))])
            if ncrit > 1 and maybe(rng, 0.1):               # incomplete sheet
                del sc[rng.choice(cids)]
            sheets[(e, j)] = sc

    # ---- outlier (limit often exactly at some distance) ----
    rule = rng.choice(["none", "none", "points", "percent"])
    if rule != "none":
        limit = None
        if maybe(rng, 0.7):
            R = ref.load_rubric(dump(dict(rub, aggregate=agg, awards={"scope": scope})))
            complete = {k: sum((c["weight"] * sc[c["id"]] for c in R["criteria"]), F(0))
                        for k, sc in sheets.items() if len(sc) == ncrit}
            used = ref.normalise(R, entry_field, complete)
            per = {}
            for (e, j), t in used.items():
                per.setdefault(e, []).append(t)
            cands = []
            for ts in per.values():
                if len(ts) < 2:
                    continue
                m = ref.mean(ts)
                for t in ts:
                    d = abs(t - m)
                    if d == 0:
                        continue
                    cand = d if rule == "points" else (100 * d / m if m > 0 else None)
                    if cand is not None and four_dp(cand) and cand <= 10000:
                        cands.append(cand)
            if cands:
                limit = rng.choice(sorted(set(cands)))
        if limit is None:
            limit = F(rng.choice([1, 2, 5, 10, 15, 20, 25])) if rule == "points" else \
                F(rng.choice([5, 10, 15, 20, 25, 50])) + rng.choice([0, 0, F(1, 2)])
        agg["outlier"] = {"rule": rule, "limit": num(limit)}
    elif maybe(rng, 0.2):
        agg["outlier"] = {"rule": "none"} if maybe(rng, 0.5) else {"rule": "none", "limit": 15}
    if agg or maybe(rng, 0.5):
        rub["aggregate"] = agg

    if maybe(rng, 0.5):
        rub["tie_break"] = rng.sample(cids, rng.randint(1, ncrit))
    elif maybe(rng, 0.2):
        rub["tie_break"] = []

    # ---- awards: tier mins / floor taken from the published scores ----
    awards = {}
    if scope == "contest" or maybe(rng, 0.3):
        awards["scope"] = scope
    rub["awards"] = awards
    R = ref.load_rubric(dump(rub))
    res = ref.compute_scores(R, entry_field, sheets)
    published = sorted({r["score"] for r in res if r["score"] is not None and
                        not r["insufficient"]}, reverse=True)
    total_max = sum((F(c["max"]) * F(c.get("weight", 1)) for c in crits), F(0))
    ntiers = rng.choice([0, 1, 2, 3, 3, 4, 4, 5])
    mins = []
    for _ in range(ntiers):
        if published and maybe(rng, 0.7):
            mins.append(rng.choice(published))
        else:
            mins.append(F(int(total_max * F(rng.randint(30, 95), 100))))
    if mins and maybe(rng, 0.2):
        mins[-1] = mins[0]                                  # equal mins
    mins.sort(reverse=True)
    first = rng.randint(0, 5 - ntiers)
    tiers = []
    for k, mn in enumerate(mins):
        t = {"id": TIER_IDS[first + k], "title": title(rng, TIER_VI[first + k], "Prize"),
             "min": num(mn)}
        r = rng.random()
        if r < 0.5:
            t["max_count"] = rng.choice([0, 1, 1, 2, 2, 3])
        elif r < 0.6:
            t["max_count"] = rng.randint(4, 8)
        if maybe(rng, 0.3):
            t["prize"] = rng.choice([40000000, 32000000, 8000000])
        tiers.append(t)
    if tiers or maybe(rng, 0.3):
        awards["tiers"] = tiers
    if maybe(rng, 0.4):
        awards["floor"] = num(rng.choice(published) if published and maybe(rng, 0.6)
                              else F(int(total_max * F(rng.randint(40, 70), 100))))
    if not awards and maybe(rng, 0.5):
        del rub["awards"]

    # ---- scores.csv ----
    pad = 1 if maybe(rng, 0.1) else 0
    rows = []
    for (e, j), sc in sheets.items():
        for cid in cids:
            if cid in sc:
                rows.append([e, entry_field[e], j, cid, dec(sc[cid], pad)])
    if maybe(rng, 0.4):
        rng.shuffle(rows)
    return rub, csv_bytes(rng, ["entry", "field", "judge", "criterion", "score"], rows)


def gen_ballot(rng):
    nf = rng.choice([1, 1, 1, 2])
    fields = rng.sample(FIELD_IDS, nf)
    rub = base_rubric(rng, "ballot", rng.choice(["golden-book", "honouring"]), fields)
    council = rng.choice([3, 4, 5, 6, 7, 9, 11, 21])
    members = ["m%d" % (i + 1) for i in range(council)]
    ne = rng.randint(1, 25)
    probs = [rng.choice([0.2, 0.5, 0.5, 0.7, 0.9, 1.0]) for _ in range(3)]
    votes = {}
    entry_field = {}
    for i in range(ne):
        e = "e%02d" % (i + 1)
        entry_field[e] = rng.choice(fields)
        prev = list(votes)
        if prev and maybe(rng, 0.2):
            votes[e] = dict(votes[rng.choice(prev)])
            continue
        p = rng.choice(probs)
        vs = {}
        for m in members:
            if maybe(rng, 0.85):
                vs[m] = "yes" if rng.random() < p else "no"
        if not vs:
            vs[members[0]] = "yes"
        votes[e] = vs
    b = {}
    rule = rng.choice(["more-than", "at-least"])
    if rule != "more-than" or maybe(rng, 0.5):
        b["rule"] = rule
    share = rng.choice([F(1, 2), F(1, 2), F(3, 5), F(6667, 10000), F(3, 4)])
    if share != F(1, 2) or maybe(rng, 0.5):
        b["share"] = num(share)
    r = rng.random()
    if r < 0.5:
        b["max_selected"] = rng.randint(0, 5)
    elif r < 0.7:
        b["max_selected"] = rng.randint(6, 30)
    if b or maybe(rng, 0.5):
        rub["ballot"] = b
    rows = [[e, entry_field[e], m, v] for e, vs in votes.items() for m, v in vs.items()]
    if maybe(rng, 0.4):
        rng.shuffle(rows)
    return rub, csv_bytes(rng, ["entry", "field", "judge", "vote"], rows)


# ---------------------------------------------------------------------------

def dump(rub):
    return (json.dumps(rub, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def csv_bytes(rng, header, rows):
    nl = "\r\n" if maybe(rng, 0.1) else "\n"
    spaces = maybe(rng, 0.05)
    lines = [",".join(header)]
    for r in rows:
        if spaces:
            r = [" %s " % c if rng.random() < 0.3 else c for c in r]
        lines.append(",".join(r))
    text = nl.join(lines) + nl
    bom = b"\xef\xbb\xbf" if maybe(rng, 0.05) else b""
    return bom + text.encode("utf-8")


def gen(seed):
    rng = random.Random("giamkhao-%s" % seed)
    rub, sc = gen_ballot(rng) if maybe(rng, 0.2) else gen_scores(rng)
    rb = dump(rub)
    ref.run(rb, sc)      # must be valid input; raises BadInput otherwise
    return rb, sc


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: gen_case.py SEED OUTDIR\n")
        return 2
    rb, sc = gen(argv[1])
    os.makedirs(argv[2], exist_ok=True)
    with open(os.path.join(argv[2], "rubric.json"), "wb") as f:
        f.write(rb)
    with open(os.path.join(argv[2], "scores.csv"), "wb") as f:
        f.write(sc)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

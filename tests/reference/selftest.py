#!/usr/bin/env python3
"""Hand-checked cases for ref_results.py.  Run: python3 selftest.py  (exit 0 = all pass)."""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ref_results as ref  # noqa: E402

T = {"vi": "Hội thi"}


def rubric(criteria, aggregate=None, awards=None, fields=("f1",), tie_break=None,
           mode="scores", ballot=None):
    r = {"format": "giamkhao-rubric/1", "program": "custom", "title": T, "mode": mode,
         "fields": [{"id": f, "title": T} for f in fields]}
    if criteria is not None:
        r["criteria"] = [dict(c, title=T) for c in criteria]
    if aggregate is not None:
        r["aggregate"] = aggregate
    if awards is not None:
        r["awards"] = awards
    if tie_break is not None:
        r["tie_break"] = tie_break
    if ballot is not None:
        r["ballot"] = ballot
    return json.dumps(r, ensure_ascii=False).encode("utf-8")


def scores(rows, header="entry,field,judge,criterion,score"):
    return (header + "\n" + "".join(",".join(map(str, r)) + "\n" for r in rows)).encode()


def one_crit_rows(entry, field, totals, crit="c"):
    return [(entry, field, "j%d" % (i + 1), crit, t) for i, t in enumerate(totals)]


H = "field,rank,entry,score,tier,status,flags\n"
HB = "field,rank,entry,yes,no,share,selected,flags\n"
C100 = [{"id": "c", "max": 100, "step": 0.05}]
passed = 0


def check(name, rb, sb, expected):
    global passed
    got = ref.run(rb, sb)
    assert got == expected, "%s:\n--- expected\n%s--- got\n%s" % (name, expected, got)
    passed += 1


def check_bad(name, rb, sb):
    global passed
    try:
        ref.run(rb, sb)
    except ref.BadInput:
        passed += 1
        return
    raise AssertionError("%s: expected BadInput" % name)


# 1. Half-up rounding from the exact value: mean(84.8, 84.9) = 84.85 -> 84.9 with 1 decimal
#    (binary floating point gives 84.8499999... -> 84.8).  Also 254.55/3 = 84.85.
check("half-up",
      rubric(C100, {"decimals": 1}),
      scores(one_crit_rows("e1", "f1", ["84.8", "84.9"]) +
             one_crit_rows("e2", "f1", ["84.5", "85", "85.05"])),
      H + "f1,1,e1,84.9,,ok,tie\nf1,1,e2,84.9,,ok,tie\n")
# half-up at 0 decimals: 2.5 -> 3 (not banker's 2), 0.5 -> 1
check("half-up-0",
      rubric([{"id": "c", "max": 10, "step": 0.5}], {"decimals": 0}),
      scores(one_crit_rows("e1", "f1", ["2", "3"]) + one_crit_rows("e2", "f1", ["0", "1"])),
      H + "f1,1,e1,3,,ok,\nf1,2,e2,1,,ok,\n")

# 2. Median of an even count: mean of the two middle totals.
check("median-even",
      rubric(C100, {"method": "median", "decimals": 2}),
      scores(one_crit_rows("e1", "f1", ["100", "70", "90", "80"]) +
             one_crit_rows("e2", "f1", ["70", "71"]) +
             one_crit_rows("e3", "f1", ["10", "60", "70"])),
      H + "f1,1,e1,85.00,,ok,\nf1,2,e2,70.50,,ok,\nf1,3,e3,60.00,,ok,\n")

# 3. Trimmed with repeated totals: drops ONE highest and ONE lowest copy.
#    (80,80,80,90,90) trim 1 -> (80,80,90) -> 83.333.. -> 83.33
#    (80,90) with trim 1: not more than 2 totals -> plain mean 85
#    (50,50,50,50,90,90) trim 2 -> (50,50) -> 50
check("trimmed-repeats",
      rubric(C100, {"method": "trimmed", "trim": 1}),
      scores(one_crit_rows("e1", "f1", ["80", "90", "80", "90", "80"]) +
             one_crit_rows("e2", "f1", ["80", "90"])),
      H + "f1,1,e2,85.00,,ok,\nf1,2,e1,83.33,,ok,\n")
check("trimmed-2",
      rubric(C100, {"method": "trimmed", "trim": 2}),
      scores(one_crit_rows("e1", "f1", ["50", "90", "50", "90", "50", "50"]) +
             one_crit_rows("e2", "f1", ["10", "20", "30", "100"])),
      H + "f1,1,e1,50.00,,ok,\nf1,2,e2,40.00,,ok,\n")

# 4. Outlier exactly at the limit is kept.  Totals 60,80,80,80: m = 75, |60-75| = 15.
ROWS4 = one_crit_rows("e1", "f1", ["60", "80", "80", "80"])
check("outlier-points-at-limit",
      rubric(C100, {"outlier": {"rule": "points", "limit": 15}}), scores(ROWS4),
      H + "f1,1,e1,75.00,,ok,\n")
check("outlier-points-over-limit",
      rubric(C100, {"outlier": {"rule": "points", "limit": 14.99}}), scores(ROWS4),
      H + "f1,1,e1,80.00,,ok,\n")
check("outlier-percent-at-limit",   # 20% of 75 = 15
      rubric(C100, {"outlier": {"rule": "percent", "limit": 20}}), scores(ROWS4),
      H + "f1,1,e1,75.00,,ok,\n")
check("outlier-percent-over-limit",
      rubric(C100, {"outlier": {"rule": "percent", "limit": 19.9}}), scores(ROWS4),
      H + "f1,1,e1,80.00,,ok,\n")
# exact mean with a non-terminating decimal: totals 10,10,11 -> m = 31/3, |11-m| = 2/3 > 0.6666
check("outlier-exact-mean",
      rubric(C100, {"outlier": {"rule": "points", "limit": 0.6666}}),
      scores(one_crit_rows("e1", "f1", ["10", "10", "11"])),
      H + "f1,1,e1,10.00,,ok,\n")

# 5. Insufficient entries: score printed, no rank, no tier, listed last in their field;
#    every sheet excluded by the outlier rule -> empty score; an entry with only an incomplete
#    sheet does not appear at all.
C2 = [{"id": "a", "max": 50, "step": 1}, {"id": "b", "max": 50, "step": 1}]
rows5 = []
for e, j, a, b in [("e1", "j1", 40, 40), ("e1", "j2", 40, 41), ("e1", "j3", 40, 42),
                   ("e2", "j1", 50, 50), ("e2", "j2", 50, 49),          # only 2 sheets
                   ("e3", "j1", 0, 0), ("e3", "j2", 50, 50), ("e3", "j3", 25, 25)]:
    rows5 += [(e, "f1", j, "a", a), (e, "f1", j, "b", b)]
rows5 += [("e4", "f1", "j1", "a", 10)]                     # incomplete sheet only
rows5 += [("e1", "f1", "j4", "b", 50)]                     # incomplete, ignored
check("insufficient",
      rubric(C2, {"min_judges": 3, "outlier": {"rule": "points", "limit": 40}},
             {"tiers": [{"id": "first", "title": T, "min": 0}]}),
      scores(rows5),
      H + "f1,1,e1,81.00,first,ok,\nf1,,e2,99.50,,insufficient,\n"
          "f1,,e3,50.00,,insufficient,\n")
check("all-excluded",
      rubric(C100, {"outlier": {"rule": "points", "limit": 10}}),
      scores(one_crit_rows("e1", "f1", ["0", "100"]) + one_crit_rows("e2", "f1", ["5"])),
      H + "f1,1,e2,5.00,,ok,\nf1,,e1,,,insufficient,\n")

# 6. A tie at a quota boundary (cusp).  first: min 80, 2 places; second: min 70, 2 places;
#    third: min 60, no limit.  A=90 takes first (1 left); B=C=85 is a group of 2 > 1 left:
#    cusp, first closes with its place empty, B and C go to second (now full, closed);
#    D=75 qualifies for second but it is closed (no cusp), so third; E=65 third; F=55 none.
rows6 = []
for e, t in [("eA", 90), ("eB", 85), ("eC", 85), ("eD", 75), ("eE", 65), ("eF", 55)]:
    rows6 += one_crit_rows(e, "f1", [t])
AW6 = {"tiers": [{"id": "first", "title": T, "min": 80, "max_count": 2},
                 {"id": "second", "title": T, "min": 70, "max_count": 2},
                 {"id": "third", "title": T, "min": 60}]}
check("cusp", rubric(C100, {"decimals": 0}, AW6), scores(rows6),
      H + "f1,1,eA,90,first,ok,\nf1,2,eB,85,second,ok,cusp;tie\nf1,2,eC,85,second,ok,cusp;tie\n"
          "f1,4,eD,75,third,ok,\nf1,5,eE,65,third,ok,\nf1,6,eF,55,,ok,\n")
# max_count 0 = closed from the start: no cusp; the tie-break separates equal scores;
# floor 70 keeps E out of third.
rows6b = []
for e, a, b in [("eA", 45, 45), ("eB", 40, 40), ("eC", 41, 39), ("eD", 30, 30)]:
    rows6b += [(e, "f1", "j1", "a", a), (e, "f1", "j1", "b", b)]
AW6b = {"floor": 70, "tiers": [{"id": "gold", "title": T, "min": 90, "max_count": 0},
                               {"id": "silver", "title": T, "min": 80, "max_count": 1},
                               {"id": "bronze", "title": T, "min": 0}]}
check("closed-tier-tiebreak", rubric(C2, {"decimals": 0}, AW6b, tie_break=["a"]),
      scores(rows6b),
      H + "f1,1,eA,90,silver,ok,\nf1,2,eC,80,bronze,ok,\nf1,3,eB,80,bronze,ok,\n"
          "f1,4,eD,60,,ok,\n")
# contest scope: one ranking over both fields, rows by rank then entry id
rows6c = one_crit_rows("e2", "f2", ["50"]) + one_crit_rows("e1", "f1", ["50"]) + \
    one_crit_rows("e3", "f1", ["60"])
check("contest-scope",
      rubric(C100, {"decimals": 0}, {"scope": "contest"}, fields=("f1", "f2")),
      scores(rows6c),
      H + "f1,1,e3,60,,ok,\nf1,2,e1,50,,ok,tie\nf2,2,e2,50,,ok,tie\n")
check("field-scope-order",
      rubric(C100, {"decimals": 0}, fields=("f2", "f1")), scores(rows6c),
      H + "f2,1,e2,50,,ok,\nf1,1,e3,60,,ok,\nf1,2,e1,50,,ok,\n")

# 7. Ballot: a tie at the cap.  Cap 2; A 5/5 taken; B and C (4/5 each) would make 3 > 2:
#    cusp, not taken, and selection stops (D at 3/5 = 0.6 qualifies but is not taken).
votes = []
for e, y, n in [("eA", 5, 0), ("eB", 4, 1), ("eC", 4, 1), ("eD", 3, 2), ("eE", 1, 2)]:
    vs = ["yes"] * y + ["no"] * n
    votes += [(e, "f1", "m%d" % i, v) for i, v in enumerate(vs)]
BV = scores(votes, "entry,field,judge,vote")
check("ballot-cap-tie",
      rubric(None, mode="ballot", ballot={"max_selected": 2}), BV,
      HB + "f1,1,eA,5,0,1.0000,yes,\nf1,2,eB,4,1,0.8000,no,cusp;tie\n"
           "f1,2,eC,4,1,0.8000,no,cusp;tie\nf1,4,eD,3,2,0.6000,no,\n"
           "f1,5,eE,1,2,0.3333,no,\n")
check("ballot-cap-fits",
      rubric(None, mode="ballot", ballot={"max_selected": 3, "share": 0.6667}), BV,
      HB + "f1,1,eA,5,0,1.0000,yes,\nf1,2,eB,4,1,0.8000,yes,tie\n"
           "f1,2,eC,4,1,0.8000,yes,tie\nf1,4,eD,3,2,0.6000,no,\n"
           "f1,5,eE,1,2,0.3333,no,\n")
# more-than vs at-least at exactly the share; share 2/3 printed half up as 0.6667; rank by
# share then yes-count (2/4 and 1/2 have equal share, 2 yes ranks first).
v2 = []
for e, y, n in [("e1", 2, 1), ("e2", 2, 2), ("e3", 1, 1)]:
    vs = ["yes"] * y + ["no"] * n
    v2 += [(e, "f1", "m%d" % i, v) for i, v in enumerate(vs)]
check("ballot-more-than", rubric(None, mode="ballot"), scores(v2, "entry,field,judge,vote"),
      HB + "f1,1,e1,2,1,0.6667,yes,\nf1,2,e2,2,2,0.5000,no,\nf1,3,e3,1,1,0.5000,no,\n")
check("ballot-at-least", rubric(None, mode="ballot", ballot={"rule": "at-least"}),
      scores(v2, "entry,field,judge,vote"),
      HB + "f1,1,e1,2,1,0.6667,yes,\nf1,2,e2,2,2,0.5000,yes,\nf1,3,e3,1,1,0.5000,yes,\n")

# 8. Normalisation (exact offset): panel f1 totals j1: 10,20,30 (mean 20), j2: 40,50,60
#    (mean 50); panel mean 35 -> j1 +15, j2 -15: every entry gets 25,35,45 -> exact.
rows8 = []
for e, a, b in [("e1", 10, 40), ("e2", 20, 50), ("e3", 30, 60)]:
    rows8 += [(e, "f1", "j1", "c", a), (e, "f1", "j2", "c", b)]
check("offset", rubric(C100, {"normalize": "offset", "decimals": 0}), scores(rows8),
      H + "f1,1,e3,45,,ok,\nf1,2,e2,35,,ok,\nf1,3,e1,25,,ok,\n")
# a judge with fewer than 3 sheets gets none under offset (Interpretation I1)
check("offset-guard", rubric(C100, {"normalize": "offset", "decimals": 0}),
      scores(rows8[:4]),
      H + "f1,1,e2,35,,ok,\nf1,2,e1,25,,ok,\n")

# 9. Weights, NFC, BOM, spaces, quoting in output.
C9 = [{"id": "a", "max": 12.5, "step": 0.25, "weight": 2}, {"id": "b", "max": 10, "weight": 0.5}]
sb9 = ("\ufeffentry , field,judge,criterion,score\n"
       "e\u0301,f1,j1, a ,12.25\n\"e\u0301\",f1,j1,b,9.5\n"
       "\"x,y\",f1,j1,a,1\n\"x,y\",f1,j1,b,1\n").encode("utf-8")
check("weights-nfc", rubric(C9, {"decimals": 3}), sb9,
      H + "f1,1,\u00e9,29.250,,ok,\nf1,2,\"x,y\",2.500,,ok,\n")

# 10. Bad input.
R10 = rubric(C2, fields=("f1", "f2"))
check_bad("header", R10, b"entry,field,judge,score,criterion\n")
check_bad("unknown-field", R10, scores([("e1", "f9", "j1", "a", 1)]))
check_bad("unknown-crit", R10, scores([("e1", "f1", "j1", "z", 1)]))
check_bad("range", R10, scores([("e1", "f1", "j1", "a", 51)]))
check_bad("negative", R10, scores([("e1", "f1", "j1", "a", "-1")]))
check_bad("step", R10, scores([("e1", "f1", "j1", "a", "1.5")]))
check_bad("dupe", R10, scores([("e1", "f1", "j1", "a", 1), ("e1", "f1", "j1", "a", 1)]))
check_bad("two-fields", R10, scores([("e1", "f1", "j1", "a", 1), ("e1", "f2", "j2", "a", 1)]))
check_bad("utf8", R10, b"entry,field,judge,criterion,score\n\xff,f1,j1,a,1\n")
check_bad("columns", R10, b"entry,field,judge,criterion,score\ne1,f1,j1,a\n")
check_bad("comma-decimal", R10, b"entry,field,judge,criterion,score\ne1,f1,j1,a,\"1,5\"\n")
check_bad("bad-vote", rubric(None, mode="ballot"),
          scores([("e1", "f1", "m1", "YES")], "entry,field,judge,vote"))
check_bad("rubric-unknown-key", rubric(C2)[:-1] + b',"extra":1}', scores([]))

# CLI: exit 2, nothing on stdout, one line on stderr.
here = os.path.dirname(os.path.abspath(__file__))
with tempfile.TemporaryDirectory() as td:
    rp, sp = os.path.join(td, "r.json"), os.path.join(td, "s.csv")
    open(rp, "wb").write(R10)
    open(sp, "wb").write(scores([("e1", "f1", "j1", "a", 51)]))
    p = subprocess.run([sys.executable, os.path.join(here, "ref_results.py"), rp, sp],
                       capture_output=True)
    assert p.returncode == 2 and p.stdout == b"" and p.stderr.count(b"\n") == 1, p
    open(sp, "wb").write(scores([("e1", "f1", "j1", "a", 50), ("e1", "f1", "j1", "b", 0)]))
    p = subprocess.run([sys.executable, os.path.join(here, "ref_results.py"), rp, sp],
                       capture_output=True)
    assert p.returncode == 0 and p.stdout == (H + "f1,1,e1,50.00,,ok,\n").encode(), p
    passed += 2

print("selftest: %d passed, 0 failed" % passed)

#!/usr/bin/env python3
"""differential.py: the C results command against the Python reference.

usage: differential.py BINARY COUNT [FIRST_SEED]

Generates COUNT random cases (gen_case.py), runs `BINARY results` and the
independent reference (ref_results.py) on each and compares the exact bytes
of stdout and the exit status. One case in four is also corrupted (a bad
score, a duplicate row, an unknown field...) to check that both reject it.
Failing cases are kept under build/differential/. Prints "N passed, N failed".
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_case  # noqa: E402
import ref_results as ref  # noqa: E402


def reference(rb, sb):
    try:
        return 0, ref.run(rb, sb).encode("utf-8")
    except ref.BadInput:
        return 2, b""


def corrupt(rng, sb):
    """Returns a variant of a valid scores/ballot file that must be refused."""
    lines = sb.split(b"\n")
    body = [i for i, l in enumerate(lines) if i > 0 and l.strip()]
    if not body:
        return sb + b"\xff\n"
    i = rng.choice(body)
    cells = lines[i].rstrip(b"\r").split(b",")
    kind = rng.randrange(7)
    if kind == 0:
        lines.insert(i + 1, lines[i])            # duplicate row
    elif kind == 1:
        cells[1] = b"no-such-field"
    elif kind == 2:
        cells[-1] = b"abc"
    elif kind == 3:
        cells = cells[:-1]                       # too few columns
    elif kind == 4:
        cells[0] = cells[0] + b"\xc3"            # invalid UTF-8
    elif kind == 5:
        cells[-1] = b"99999"                     # above max / not a vote
    else:                                        # number forms refused
        cells[-1] = rng.choice([b".5", b"5.", b"-0", b"+5", b"1e1", b"0x10"])
    if kind != 0:
        lines[i] = b",".join(cells)
    return b"\n".join(lines)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    binary, count = argv[1], int(argv[2])
    first = int(argv[3]) if len(argv) > 3 else 1
    keep = os.path.join("build", "differential")
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(first, first + count):
            rb, sb = gen_case.gen(seed)
            rng = random.Random(seed)
            if rng.random() < 0.25:
                sb = corrupt(rng, sb)
            rp, sp = os.path.join(tmp, "rubric.json"), os.path.join(tmp, "scores.csv")
            with open(rp, "wb") as f:
                f.write(rb)
            with open(sp, "wb") as f:
                f.write(sb)
            want_rc, want = reference(rb, sb)
            got = subprocess.run([binary, "results", rp, sp], capture_output=True)
            if got.returncode == want_rc and got.stdout == want:
                passed += 1
                continue
            failed += 1
            where = os.path.join(keep, str(seed))
            os.makedirs(where, exist_ok=True)
            shutil.copy(rp, where)
            shutil.copy(sp, where)
            with open(os.path.join(where, "expected.csv"), "wb") as f:
                f.write(want)
            if failed <= 5:
                print("differential: seed %d differs (exit %d, expected %d): %s"
                      % (seed, got.returncode, want_rc, where))
                sys.stdout.write(got.stderr.decode("utf-8", "replace"))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

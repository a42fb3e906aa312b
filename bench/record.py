"""record.py: where each benchmark leaves its figures for the report
(bench/report.py): build/release/bench-results/NAME.json."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = os.path.join(HERE, "..", "build", "release", "bench-results")


def save(name, figures):
    os.makedirs(DIR, exist_ok=True)
    with open(os.path.join(DIR, name + ".json"), "w") as f:
        json.dump(figures, f, indent=1, ensure_ascii=False)


def load(name):
    try:
        with open(os.path.join(DIR, name + ".json")) as f:
            return json.load(f)
    except FileNotFoundError:
        return None

"""Benchmark figures for the theme-suggestion service (services.clustering).

``run()`` returns rows (figure name, budget, measured value, unit); lower is better for
every figure. Each figure runs in a fresh interpreter where it includes first-use cost
(import, model loading), so the numbers are what a facilitator waits for. Run it alone
with ``python tests/benchmarks/bench_clustering.py``.

The notes are synthetic workshop-like sentences made from a fixed vocabulary (seeded),
so the figures need no data set and are the same on every machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_NOTES = """
import random
def notes(count):
    rng = random.Random(7)
    things = ["forklift", "scanner", "parts approval", "handover", "loading dock", "CRM",
              "refund", "rota", "printer", "pharmacy", "pallet", "label", "password", "KB"]
    problems = ["broken again", "takes days", "too slow", "keeps freezing", "missing",
                "not signed off", "waits for manager", "out of date", "never ready"]
    where = ["on nights", "every Monday", "in aisle 14", "since the update", "", "", ""]
    why = ["so the customer waits", "and nobody knows why", "before the audit", "after lunch",
           "again today", "", "so we redo it", "for the third week"]
    return [" ".join(f"{rng.choice(things)} {rng.choice(problems)} {rng.choice(where)} "
                     f"{rng.choice(why)}".split()) for _ in range(count)]
"""

_FIGURES: dict[str, tuple[float, str, str]] = {
    "import kaizen_studio.services.clustering": (
        0.5,
        "s",
        "import time; t = time.perf_counter()\n"
        "import kaizen_studio.services.clustering\n"
        "print(time.perf_counter() - t)",
    ),
    "suggest_themes 1,000 notes, first call (model load included)": (
        2.0,
        "s",
        _NOTES + "texts = notes(1000)\n"
        "import time\nfrom kaizen_studio.services.clustering import suggest_themes\n"
        "t = time.perf_counter(); suggest_themes(texts); print(time.perf_counter() - t)",
    ),
    "suggest_themes 1,000 notes, K=12, warm": (
        2.0,
        "s",
        _NOTES + "texts = notes(1000)\n"
        "import time\nfrom kaizen_studio.services.clustering import suggest_themes\n"
        "suggest_themes(texts[:10])\n"
        "t = time.perf_counter(); suggest_themes(texts, 12); print(time.perf_counter() - t)",
    ),
    "suggest_themes 40 notes, first call (model load included)": (
        0.5,
        "s",
        _NOTES + "texts = notes(40)\n"
        "import time\nfrom kaizen_studio.services.clustering import suggest_themes\n"
        "t = time.perf_counter(); suggest_themes(texts); print(time.perf_counter() - t)",
    ),
    "most_similar against 2,000 notes, per keystroke (median of 20)": (
        10.0,
        "ms",
        _NOTES + "texts = notes(2000)\n"
        "import time, statistics\nfrom kaizen_studio.services.clustering import most_similar\n"
        "most_similar('warm', texts)\n"
        "times = []\n"
        "for i in range(20):\n"
        "    t = time.perf_counter(); most_similar(f'scanner broken {i}', texts)\n"
        "    times.append(time.perf_counter() - t)\n"
        "print(1000 * statistics.median(times))",
    ),
    "near_duplicates 2,000 notes": (
        2.0,
        "s",
        _NOTES + "texts = notes(2000)\n"
        "import time\nfrom kaizen_studio.services.clustering import near_duplicates\n"
        "t = time.perf_counter(); near_duplicates(texts); print(time.perf_counter() - t)",
    ),
}


def _measure(code: str) -> float:
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=None,
    )
    return float(result.stdout.strip().splitlines()[-1])


def run() -> list[tuple[str, float, float, str]]:
    """(figure, budget, measured, unit) for each figure."""
    return [
        (name, budget, round(_measure(code), 4), unit)
        for name, (budget, unit, code) in _FIGURES.items()
    ]


if __name__ == "__main__":
    rows = run()
    for name, budget, value, unit in rows:
        verdict = "ok" if value <= budget else "OVER BUDGET"
        print(f"{name:64} {value:9.3f} {unit:2}  (budget {budget:g} {unit})  {verdict}")
    print(json.dumps(rows))

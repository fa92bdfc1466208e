"""Score the theme-suggestion service alone: ARI per wall and per CLINC set, and labels.

Needs only the app's venv (numpy) and the CLINC150 data; faster than compare_methods.py,
which pits the service against research methods. From the repository root::

    /work/venv/bin/python tests/benchmarks/clustering/evaluate_service.py [--quick]
        [--labels WALL ...] [--walls-only]

Each set is scored twice: ``auto`` (suggest_themes chooses K; its "Other notes" theme is
one group, as the facilitator sees it) and ``K`` (told the true number of groups).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare_methods import WALLS, data_sets, wall

from kaizen_studio.services.clustering import OTHER_LABEL, suggest_themes


def adjusted_rand(truth: Sequence[object], found: Sequence[int]) -> float:
    """Hubert and Arabie's adjusted Rand index (as sklearn's adjusted_rand_score)."""
    _, t = np.unique(np.array([str(v) for v in truth]), return_inverse=True)
    _, f = np.unique(np.asarray(found), return_inverse=True)
    table = np.zeros((t.max() + 1, f.max() + 1))
    np.add.at(table, (t, f), 1)

    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) / 2).sum())

    index, rows, cols = pairs(table), pairs(table.sum(1)), pairs(table.sum(0))
    expected = rows * cols / pairs(np.array([len(t)]))
    top = (rows + cols) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def score(texts: list[str], truth: list[str], k: int | None) -> tuple[float, int, float]:
    """(ARI, themes besides Other notes, share in Other notes)."""
    themes = suggest_themes(texts, k)
    found = [0] * len(texts)
    for number, theme in enumerate(themes):
        for index in theme.members:
            found[index] = number
    other = sum(len(t.members) for t in themes if t.label == OTHER_LABEL)
    real = sum(t.label != OTHER_LABEL for t in themes)
    return adjusted_rand(truth, found), real, other / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one CLINC seed")
    parser.add_argument("--walls-only", action="store_true", help="no CLINC sets")
    parser.add_argument("--labels", nargs="*", default=[], help="print these walls' themes")
    args = parser.parse_args()
    suggest_themes(["warm up the model", "so loading is not timed"])
    sets = [(f"workshop {n}", *wall(n)) for n in WALLS]
    if not args.walls_only:
        sets += [s for s in data_sets(args.quick) if s[0].startswith("clinc")]
    rows: dict[str, list[tuple[float, ...]]] = {}
    for name, texts, truth in sets:
        start = time.perf_counter()
        auto = score(texts, truth, None)
        seconds = time.perf_counter() - start
        told = score(texts, truth, len(set(truth)))
        rows.setdefault(name, []).append((*auto, told[0], seconds, len(texts), len(set(truth))))
    print(
        f"{'data set':28} {'n':>5} {'K true':>6} {'K auto':>6} {'ARI auto':>8} "
        f"{'Other %':>7} {'ARI K':>6} {'seconds':>7}"
    )
    for name, runs in rows.items():
        mean = [statistics.fmean(r[i] for r in runs) for i in range(7)]
        print(
            f"{name:28} {mean[5]:5.0f} {mean[6]:6.0f} {mean[1]:6.1f} {mean[0]:8.3f} "
            f"{100 * mean[2]:7.1f} {mean[3]:6.3f} {mean[4]:7.3f}"
        )
    for group in ("workshop", "clinc"):
        chosen = [r for n, rs in rows.items() if n.startswith(group) for r in rs]
        if chosen:
            print(
                f"mean {group:23} {'':19} {statistics.fmean(r[0] for r in chosen):8.3f} "
                f"{'':7} {statistics.fmean(r[3] for r in chosen):6.3f}"
            )
    for name in args.labels:
        texts, truth = wall(name)
        print(f"\n{name}:")
        for theme in suggest_themes(texts):
            print(f"  {theme.label:32} {[truth[i] for i in theme.members]}")


if __name__ == "__main__":
    main()

"""Run the benchmarks and print a table of figure, budget and result."""

import importlib.util
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
Row = tuple[str, float, float, str]


def load(path: Path) -> object:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(HERE))
    wanted = argv[1:]
    rows: list[Row] = []
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and not any(word in path.stem for word in wanted):
            continue
        print(f"running {path.stem} ...", file=sys.stderr, flush=True)
        rows.extend(load(path).run())  # type: ignore[attr-defined]
    width = max((len(row[0]) for row in rows), default=10)
    print(f"{'figure':<{width}}  {'budget':>10}  {'result':>10}  unit   ok")
    failed = 0
    for figure, budget, measured, unit in rows:
        ok = measured <= budget
        failed += not ok
        verdict = "yes" if ok else "NO"
        print(f"{figure:<{width}}  {budget:>10.3f}  {measured:>10.3f}  {unit:<5}  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

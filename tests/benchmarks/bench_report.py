"""Reports: a 500-note workshop's PDF report and A3 one-pagers, and a 5,000-row CSV import."""

import io
import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

RUNS = 3
NOTES = 500
WORDS = [
    *("scanner", "waits", "approval", "customer", "screen", "refund", "callback", "billing"),
    *("shift", "handover", "system", "slow", "login", "queue", "form", "policy", "supervisor"),
    *("escalation", "label", "stock", "printer", "keys"),
]


def _workshop(library, clock) -> int:  # type: ignore[no-untyped-def]
    """The demo workshop grown to NOTES notes, spread over its themes."""
    from kaizen_studio.services.demo import create_demo
    from kaizen_studio.services.notes import NoteDraft, add_notes, list_notes

    workshop = create_demo(library, clock)
    themes = sorted({n.theme_id for n in list_notes(library, workshop) if n.theme_id})
    rng = random.Random(8)
    drafts = [
        NoteDraft(
            text=" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 40))).capitalize(),
            process_area=rng.choice(["Billing", "Refunds", "Calls", "Field"]),
            frequency=rng.randint(1, 5),
            impact=rng.randint(1, 5),
            theme_id=rng.choice([*themes, None]),
        )
        for _ in range(NOTES - len(list_notes(library, workshop)))
    ]
    add_notes(library, workshop, drafts)
    return workshop


def _median(action) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> list[tuple[str, float, float, str]]:
    from kaizen_studio.services.clock import FixedClock
    from kaizen_studio.services.csv_interchange import import_notes, parse_csv_text, parse_notes
    from kaizen_studio.services.reports import write_a3, write_workshop_report
    from kaizen_studio.services.workshops import create_workshop
    from kaizen_studio.storage.library import open_library

    clock = FixedClock(date(2026, 12, 1))
    with (
        tempfile.TemporaryDirectory() as folder,
        open_library(Path(folder) / "bench.kaizen", create=True) as library,
    ):
        workshop = _workshop(library, clock)
        pages: list[int] = []
        report = _median(
            lambda: pages.append(
                write_workshop_report(library, workshop, Path(folder) / "r.pdf", clock=clock)
            )
        )
        a3 = _median(lambda: write_a3(library, workshop, io.BytesIO(), clock=clock))
        rows = "\n".join(
            f"Note number {n} about the {WORDS[n % 20]};Area {n % 7};3;4" for n in range(5000)
        )
        text = "text;area;frequency;impact\n" + rows
        target = create_workshop(library, "CSV").id
        csv_import = _median(
            lambda: import_notes(library, target, parse_notes(parse_csv_text(text)))
        )
    return [
        (f"workshop report, {NOTES} notes ({pages[-1]} pages)", 3.0, report, "s"),
        ("A3 one-pagers, 3 themes of a 500-note workshop", 2.0, a3, "s"),
        ("CSV import of 5,000 notes (read, check, store)", 3.0, csv_import, "s"),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)

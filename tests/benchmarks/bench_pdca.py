"""Follow-up at scale: reviews due across a library of 40 workshops, and a PDCA board of
200 cycles (reading it, and the page refreshing after an edit)."""

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kaizen_studio.domain.enums import Decision, Phase
from kaizen_studio.domain.tables import Intervention
from kaizen_studio.services import cycle_board, cycles
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.demo import create_demo
from kaizen_studio.services.followup_calendar import calendar_text
from kaizen_studio.services.reviews import due_reviews
from kaizen_studio.services.workshops import create_workshop
from kaizen_studio.storage.library import Library, open_library

TODAY = date(2026, 12, 1)
Row = tuple[str, float, float, str]


def median_ms(action: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def big_board(library: Library, clock: FixedClock) -> int:
    """A workshop of 100 interventions, each adjusted once: 200 cycles, 400+ checks."""
    workshop = create_workshop(library, "Big board", clock=clock)
    with library.session() as session:
        rows = [
            Intervention(workshop_id=workshop.id, title=f"Intervention {n}",
                         format_key="coaching", kind="learning", owner="Ana", position=n)
            for n in range(100)
        ]  # fmt: skip
        session.add_all(rows)
        session.flush()
        ids = [row.id or 0 for row in rows]
    for intervention_id in ids:
        first = cycles.open_cycle(library, intervention_id, clock=clock)
        cycles.move_cycle(library, first, Phase.CHECK, clock=clock)
        cycles.decide_cycle(library, first, Decision.ADJUST, "Retest", clock=clock)
    return workshop.id


def run() -> list[Row]:
    clock = FixedClock(TODAY)
    folder = Path(tempfile.mkdtemp(prefix="kaizen-bench-pdca-"))
    path = folder / "library.kaizen"
    with open_library(path, create=True) as library:
        for _ in range(40):
            create_demo(library, clock)
        board_id = big_board(library, clock)
        reviews = median_ms(lambda: due_reviews(library, TODAY))
        cards = cycle_board.list_cards(library, board_id, TODAY)
        board = median_ms(lambda: cycle_board.list_cards(library, board_id, TODAY))
        detail = median_ms(lambda: cycle_board.get_cycle(library, cards[-1].id, TODAY))
        ics = median_ms(lambda: calendar_text(library, board_id, clock=clock))
    page_refresh = _page_refresh(path, board_id, clock)
    return [
        ("reviews due, 40 workshops (240 cycles)", 150.0, reviews, "ms"),
        ("board cards, 200 cycles", 150.0, board, "ms"),
        ("one cycle's detail", 30.0, detail, "ms"),
        ("follow-up calendar, 200 cycles", 150.0, ics, "ms"),
        ("PDCA page refresh, 200 cycles", 400.0, page_refresh, "ms"),
    ]


def _page_refresh(path: Path, workshop_id: int, clock: FixedClock) -> float:
    from PySide6.QtCore import QSettings

    from kaizen_studio.domain.enums import Stage
    from kaizen_studio.ui.app import application, open_window
    from kaizen_studio.ui.settings import Settings

    application()
    settings = Settings(QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat))
    window = open_window(path, settings=settings)
    window.context.clock = clock
    window.resize(1280, 800)
    window.show()
    window.open_workshop(workshop_id, Stage.PDCA)
    page = window.workshop.current_page()
    try:
        return median_ms(lambda: (page.refresh(), page.repaint()), runs=5)
    finally:
        window.close()
        window.context.library.close()

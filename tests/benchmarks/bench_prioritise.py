"""Prioritising a big workshop: 10,000 notes in 60 themes, 200 people who have placed 560 dots.

The figures a room feels: the ranking (which the command line and the page
read), one dot placed from the keyboard until the page shows it, and one
paint of a crowded priority matrix.
"""

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kaizen_studio.domain.tables import Note, Participant, Theme, Vote
from kaizen_studio.services.ranking import rank_themes
from kaizen_studio.services.voting import voting_board
from kaizen_studio.services.workshops import create_workshop
from kaizen_studio.storage.library import Library, open_library

Row = tuple[str, float, float, str]
NOTES, THEMES, PEOPLE, BUDGET = 10_000, 60, 200, 3


def median_ms(action: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def big_workshop(library: Library) -> int:
    """Every person but the last few has placed all their dots; the rest have dots left."""
    rng = random.Random(5)
    workshop_id = create_workshop(library, "Big prioritising", dot_budget=BUDGET).id
    with library.session() as session:
        people = [Participant(workshop_id=workshop_id, position=n) for n in range(PEOPLE)]
        themes = [
            Theme(workshop_id=workshop_id, name=f"Theme {n}", position=n) for n in range(THEMES)
        ]
        session.add_all(people + themes)
        session.flush()
        session.add_all(
            Note(
                workshop_id=workshop_id,
                text=f"Bottleneck {n}",
                theme_id=themes[n % THEMES].id,
                impact=rng.randint(1, 5),
                frequency=rng.randint(1, 5),
            )
            for n in range(NOTES)
        )
        session.add_all(
            Vote(workshop_id=workshop_id, participant_id=person.id, theme_id=rng.choice(themes).id)
            for person in people[: PEOPLE - 15]
            for _ in range(BUDGET)
        )
    return workshop_id


def run() -> list[Row]:
    folder = Path(tempfile.mkdtemp(prefix="kaizen-bench-prioritise-"))
    path = folder / "library.kaizen"
    with open_library(path, create=True) as library:
        workshop_id = big_workshop(library)
        ranking = median_ms(lambda: rank_themes(library, workshop_id))
        board = median_ms(lambda: voting_board(library, workshop_id))
    dot, paint = _page_figures(path, workshop_id)
    return [
        ("rank 60 themes of 10,000 notes", 100.0, ranking, "ms"),
        ("voting board, 200 people, 555 dots", 60.0, board, "ms"),
        ("one dot placed and shown (key to repaint)", 250.0, dot, "ms"),
        ("priority matrix paint, 60 themes", 50.0, paint, "ms"),
    ]


def _page_figures(path: Path, workshop_id: int) -> tuple[float, float]:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from kaizen_studio.domain.enums import Stage
    from kaizen_studio.ui.app import application, open_window
    from kaizen_studio.ui.settings import Settings

    application()
    settings = Settings(QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat))
    window = open_window(path, settings=settings)
    window.resize(1280, 800)
    window.show()
    window.open_workshop(workshop_id, Stage.PRIORITISE)
    page = window.workshop.current_page()
    try:
        tree = page.voting.tree  # type: ignore[attr-defined]

        def place_and_take_back() -> None:
            # The last voters still have dots: one dot on, shown, then undone (not timed twice).
            QTest.keyClick(tree, Qt.Key.Key_Plus)
            page.repaint()

        times = []
        for _ in range(5):
            start = time.perf_counter()
            place_and_take_back()
            times.append((time.perf_counter() - start) * 1000)
            window.context.undo_stack.undo()
        page.tabs.setCurrentIndex(2)  # type: ignore[attr-defined]
        matrix = page.matrix  # type: ignore[attr-defined]
        matrix.set_themes(page.themes, matrix.axis)  # type: ignore[attr-defined]
        assert len(matrix.shown()) == THEMES
        paint = median_ms(matrix.grab)  # draws everything into a pixmap, on screen or not
        return statistics.median(times), paint
    finally:
        window.close()
        window.context.library.close()

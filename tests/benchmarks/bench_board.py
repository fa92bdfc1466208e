"""The Cluster board with 2,000 notes: opening it, and dragging a card or a frame.

Opening is measured on the real page (services.themes.open_board, the scene
built, the page shown and its viewport painted), first when nothing has a place
yet (everything is laid out and stored) and then as it is reopened. A drag is
one step of a moving card (or a frame carrying 40 cards) plus the viewport
repaint it causes, at 100 % and with the whole board in view; a drop is the
whole edit: the service call, the undo step and the board redrawn.
"""

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

from kaizen_studio.domain.board import Point
from kaizen_studio.domain.tables import Theme
from kaizen_studio.services.notes import NoteDraft, add_notes
from kaizen_studio.services.workshops import create_workshop
from kaizen_studio.storage.library import Library, open_library
from kaizen_studio.ui.app import application
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.settings import Settings
from kaizen_studio.ui.stages.cluster_page import ClusterPage

NOTES = 2000
THEMES = 40
PER_THEME = 40  # 1,600 notes in themes, 400 unsorted
WORDS = [
    *("scanner", "battery", "label", "printer", "forklift", "booking", "shift", "handover"),
    *("billing", "screen", "refund", "approval", "supervisor", "queue", "callback"),
    *("customer", "engineer", "visit", "knowledge", "article", "tariff"),
]


def _text(i: int) -> str:
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(6 + i % 9)]
    return f"Note {i}: " + " ".join(words)


def _workshop(library: Library) -> int:
    workshop = create_workshop(library, "Two thousand notes")
    with library.session() as session:
        rows = [
            Theme(workshop_id=workshop.id, name=f"Theme {t}", position=t) for t in range(THEMES)
        ]
        session.add_all(rows)
        session.flush()
        keys = [row.id for row in rows]
    drafts = [
        NoteDraft(text=_text(i), theme_id=keys[i // PER_THEME] if i < THEMES * PER_THEME else None)
        for i in range(NOTES)
    ]
    add_notes(library, workshop.id, drafts)
    return workshop.id


def _open_page(context: AppContext, workshop_id: int) -> tuple[ClusterPage, float]:
    start = time.perf_counter()
    page = ClusterPage(context)
    page.resize(1280, 700)
    page.show()
    page.show_workshop(workshop_id)
    page.view.viewport().repaint()
    QApplication.processEvents()
    return page, time.perf_counter() - start


class Paints(QObject):
    """Counts the paint events of the view's viewport (so a step that painted nothing
    cannot pass for a fast one)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _step_ms(page: ClusterPage, move: object, steps: int = 60) -> float:
    """Median time of one drag step: the move, and the repaint of what it dirtied, as the
    view does it (only the region that changed)."""
    paints = Paints()
    page.view.viewport().installEventFilter(paints)
    times = []
    for step in range(steps):
        start = time.perf_counter()
        move(3.0 if step % 2 == 0 else -3.0)  # type: ignore[operator]
        QApplication.processEvents()  # the scene hands the dirty region to the view ...
        QApplication.processEvents()  # ... which paints it
        times.append(time.perf_counter() - start)
    page.view.viewport().removeEventFilter(paints)
    assert paints.count >= steps, "the drag steps were not painted"
    return statistics.median(times) * 1000


def _full_repaint_ms(page: ClusterPage, steps: int = 20) -> float:
    """A repaint of the whole view, as when panning or zooming."""
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        page.view.viewport().repaint()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _drags(page: ClusterPage) -> dict[str, float]:
    card = next(item for item in page.scene.cards.values() if item.theme_id is not None)
    frame = page.scene.frames[card.theme_id]  # type: ignore[index]
    page.scene.clearSelection()
    results = {}
    for zoom_name, fit in (("100 %", False), ("whole board in view", True)):
        if fit:
            page.view.fit_all(least=0.05)
        else:
            page.view.set_zoom(1.0)
            page.view.centerOn(card)
        results[f"drag step + repaint: card, {zoom_name}"] = _step_ms(
            page, lambda dx: card.moveBy(dx, dx)
        )
        results[f"drag step + repaint: frame of 40 cards, {zoom_name}"] = _step_ms(
            page, lambda dx: frame.moveBy(dx, dx)
        )
        results[f"whole view repainted (pan or zoom), {zoom_name}"] = _full_repaint_ms(page)
    return results


def _drop_ms(page: ClusterPage, workshop_id: int) -> float:
    """A card dropped into another theme: service, undo step and board redrawn."""
    times = []
    frames = list(page.scene.frames.values())
    for round_ in range(5):
        card = next(c for c in page.scene.cards.values() if c.theme_id == frames[round_].theme_id)
        target = frames[round_ + 10]
        start = time.perf_counter()
        page._moved(  # what the scene reports when the mouse lets go
            {card.note_id: Point(target.pos().x() + 20, target.pos().y() + 60)},
            {},
            target.theme_id,
        )
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def run() -> list[tuple[str, float, float, str]]:
    application()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.kaizen"
        library = open_library(path, create=True)
        workshop_id = _workshop(library)
        settings = Settings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        context = AppContext(library=library, settings=settings)
        page, first = _open_page(context, workshop_id)
        page.close()
        page, again = _open_page(context, workshop_id)
        drags = _drags(page)
        drop = _drop_ms(page, workshop_id)
        page.close()
        library.close()
    rows = [
        ("board of 2,000 notes opens, laid out for the first time", 1.0, first, "s"),
        ("board of 2,000 notes opens again", 1.0, again, "s"),
    ]
    rows += [(name, 16.0, ms, "ms") for name, ms in drags.items()]
    rows.append(("drop into a theme (service, undo step, redraw)", 150.0, drop, "ms"))
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)

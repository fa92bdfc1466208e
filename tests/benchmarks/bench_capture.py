"""Capture speed with a full wall: 2,000 notes already in the workshop, then Enter after
Enter in the real window (offscreen), from the key press to the note stored in the file
and painted at the top of the list, near-repeat check included."""

import os
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kaizen_studio.domain.enums import Stage
from kaizen_studio.services import notes, workshops
from kaizen_studio.services.notes import NoteDraft
from kaizen_studio.storage.library import open_library
from kaizen_studio.ui.app import application, open_window
from kaizen_studio.ui.settings import Settings

EXISTING = 2_000
TYPED = 200

WHO = ["Scanner", "Forklift 3", "The label printer", "Handover", "The pick list", "Overtime rota"]
WHAT = ["dies mid-shift", "is late again", "goes missing", "needs a supervisor to sign it"]
WHEN = ["on nights", "every Monday", "after the second break", "in the cold store", ""]


def _note(rng: random.Random, number: int) -> str:
    return f"{rng.choice(WHO)} {rng.choice(WHAT)} {rng.choice(WHEN)} (#{number})".strip()


def _stored(path: Path, workshop_id: int) -> int:
    with sqlite3.connect(path) as connection:
        query = "SELECT count(*) FROM note WHERE workshop_id = ?"
        return int(connection.execute(query, (workshop_id,)).fetchone()[0])


def run() -> list[tuple[str, float, float, str]]:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.kaizen"
        with open_library(path, create=True) as library:
            workshop_id = workshops.create_workshop(library, "Picking errors").id
            drafts = [NoteDraft(_note(rng, n)) for n in range(EXISTING)]
            notes.add_notes(library, workshop_id, drafts)
        app = application()
        settings = Settings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        started = time.perf_counter()
        window = open_window(path, settings=settings, workshop_id=workshop_id, stage=Stage.CAPTURE)
        window.show()
        app.processEvents()
        opened = time.perf_counter() - started
        page = window.workshop.current_page()
        field = page.note_input
        times = []
        for number in range(EXISTING, EXISTING + TYPED):
            text = _note(rng, number)
            field.setText(text)  # typing is the facilitator's time, not ours
            start = time.perf_counter()
            QTest.keyClick(field, Qt.Key.Key_Return)
            QApplication.processEvents()  # paint the new row
            times.append(time.perf_counter() - start)
            assert page.note_list.model().index(0, 0).data(Qt.ItemDataRole.EditRole) == text
            assert field.text() == ""
        assert _stored(path, workshop_id) == EXISTING + TYPED  # each Enter was committed
        start = time.perf_counter()
        window.context.undo_stack.undo()  # a full reload of the list
        QApplication.processEvents()
        undo = time.perf_counter() - start
        assert page.model.rowCount() == EXISTING + TYPED - 1
        window.close()
        window.context.library.close()
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    return [
        (f"capture: Enter to note stored and shown, {EXISTING:,} notes (median)", 50.0,
         statistics.median(times) * 1000, "ms"),
        ("  95th percentile", 100.0, p95 * 1000, "ms"),
        (f"capture: open the window at Capture with {EXISTING:,} notes", 1500.0, opened * 1000,
         "ms"),
        (f"capture: undo a note (reloads {EXISTING + TYPED:,} notes)", 300.0, undo * 1000, "ms"),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in run():
        print(row)

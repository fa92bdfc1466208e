"""The documented limits in the real app: a workshop of 10,000 notes and 200 participants
(one note of 100,000 characters among them) opens on every stage, takes a new note
quickly, and still gives its PDF report."""

import io
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from kaizen_studio.domain.base import TEXT_MAX
from kaizen_studio.domain.enums import Stage
from kaizen_studio.services import notes, participants, workshops
from kaizen_studio.services.notes import NoteDraft
from kaizen_studio.services.reports.workshop_report import write_workshop_report
from kaizen_studio.storage.library import open_library
from kaizen_studio.ui.app import application, open_window
from kaizen_studio.ui.settings import Settings

NOTES = 10_000
PEOPLE = 200
PLACES = ["aisle 3", "dock 2", "the cold store", "goods in", "returns", "the mezzanine"]
TROUBLES = ["pallets wait", "scanners drop out", "labels print late", "the rota changes"]


def _build(path: Path) -> int:
    rng = random.Random(11)
    with open_library(path, create=True) as library:
        workshop_id = workshops.create_workshop(library, "Whole site").id
        people = [
            participants.add_participant(library, workshop_id, role=f"Picker {n}").id
            for n in range(PEOPLE)
        ]
        drafts = [
            NoteDraft(
                f"In {rng.choice(PLACES)} {rng.choice(TROUBLES)} (#{n})",
                participant_id=people[n % PEOPLE],
                impact=rng.randint(1, 5),
                frequency=rng.randint(1, 5),
            )
            for n in range(NOTES - 1)
        ]
        drafts.append(NoteDraft(("Long account of a night shift. " * 4000)[:TEXT_MAX]))
        notes.add_notes(library, workshop_id, drafts)
    return workshop_id


def run() -> list[tuple[str, float, float, str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "limits.kaizen"
        workshop_id = _build(path)
        app = application()
        settings = Settings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        window = open_window(path, settings=settings)
        window.show()
        app.processEvents()
        rows = []
        for stage in Stage:
            started = time.perf_counter()
            window.open_workshop(workshop_id, stage)
            app.processEvents()
            rows.append(
                (
                    f"10,000 notes: open the {stage.label} page",
                    3.0,
                    time.perf_counter() - started,
                    "s",
                )
            )
        window.open_workshop(workshop_id, Stage.CAPTURE)
        field = window.workshop.current_page().note_input
        timings = []
        for n in range(30):
            field.setText(f"Forklift {n} waits for a charger")
            started = time.perf_counter()
            QTest.keyClick(field, Qt.Key.Key_Return)
            app.processEvents()
            timings.append(time.perf_counter() - started)
        rows.append(
            ("10,000 notes: Enter to note shown (median)", 0.1, statistics.median(timings), "s")
        )
        window.close()
        window.context.library.close()
        with open_library(path, read_only=True) as library:
            started = time.perf_counter()
            pages = write_workshop_report(library, workshop_id, io.BytesIO())
            rows.append(
                (
                    f"10,000 notes: PDF report ({pages} pages)",
                    60.0,
                    time.perf_counter() - started,
                    "s",
                )
            )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)

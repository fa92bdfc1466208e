"""The Report stage as a facilitator uses it: pick, see the pages, export, open; import notes."""

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog

from kaizen_studio.domain.enums import Stage
from kaizen_studio.services.demo import create_demo
from kaizen_studio.services.notes import list_notes
from kaizen_studio.services.participants import list_participants
from kaizen_studio.storage.library import open_library
from kaizen_studio.ui.stages.csv_import_dialog import CsvImportDialog
from kaizen_studio.ui.stages.report_page import KINDS


@pytest.fixture
def demo_path(library_path: Path, clock) -> Path:
    with open_library(library_path, create=True) as library:
        create_demo(library, clock)
    return library_path


@pytest.fixture
def page(make_window, demo_path: Path):
    window = make_window(demo_path, workshop_id=1, stage=Stage.REPORT)
    return window.workshop.current_page()


def _choose(page, key: str) -> None:
    page.kinds.setCurrentRow([kind.key for kind in KINDS].index(key))


def test_page_shows_the_page_count_and_exports_the_pdf(
    page, tmp_path: Path, monkeypatch, qtbot, errors
) -> None:
    assert page.objectName() == "reportPage" and page.kinds.hasFocus()
    qtbot.waitUntil(lambda: page.pages_label.text().endswith(" pages"), timeout=30_000)
    text = page.pages_label.text()
    assert text.startswith("Workshop report (PDF): ") and text.endswith(" pages")
    pages = int(text.split(": ")[1].split()[0])
    target = tmp_path / "board"  # no suffix typed: .pdf is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert page.status.text() == "Writing board.pdf…"  # laid out in the background
    qtbot.waitUntil(page.open_button.isEnabled, timeout=30_000)
    written = tmp_path / "board.pdf"
    info = subprocess.run(["pdfinfo", str(written)], capture_output=True, text=True, check=True)
    assert re.search(rf"Pages:\s+{pages}\n", info.stdout), info.stdout
    assert f"({pages} pages)" in page.status.text()
    assert page.open_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(written)]
    assert errors == []


def test_a3_counts_one_page_per_ticked_theme(
    page, tmp_path: Path, monkeypatch, errors, qtbot
) -> None:
    _choose(page, "a3")
    assert page.themes.isVisible()
    assert page.chosen_ranks() == [1, 2, 3]  # the themes chosen for mapping
    qtbot.waitUntil(lambda: page.pages_label.text() == "A3 one-pagers (PDF): 3 pages")
    page.themes.item(3).setCheckState(Qt.CheckState.Checked)
    assert page.pages_label.text() == "A3 one-pagers (PDF): counting pages…"
    qtbot.waitUntil(lambda: page.pages_label.text() == "A3 one-pagers (PDF): 4 pages")
    for row in range(page.themes.count()):
        page.themes.item(row).setCheckState(Qt.CheckState.Unchecked)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("asked"))
    page.export()
    assert errors == ["Tick at least one theme for the A3 one-pagers."]


def test_csv_and_json_exports(page, tmp_path: Path, monkeypatch, errors) -> None:
    for key, suffix in (("themes", ".csv"), ("json", ".json")):
        _choose(page, key)
        target = tmp_path / f"out{suffix}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        page.export()
        assert target.exists()
    assert "(7 rows)" not in page.status.text()  # the JSON status came last
    assert (tmp_path / "out.csv").read_text(encoding="utf-8-sig").startswith("rank,theme,")
    assert errors == []


def test_export_to_a_folder_that_cannot_be_written_is_one_sentence(
    page, tmp_path: Path, monkeypatch, errors
) -> None:
    target = tmp_path / "missing" / "board.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.export()
    assert len(errors) == 1 and errors[0].startswith("board.pdf could not be written")


def test_import_notes_from_csv_is_one_undo_step(page, tmp_path: Path, monkeypatch, errors) -> None:
    source = tmp_path / "survey.csv"
    source.write_text(
        "Comment;Name;Impact\nScanner battery dies;Lena;4\n;Ola;2\nLabels smudge;Ola;9\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    seen: list[CsvImportDialog] = []

    def accept(dialog: CsvImportDialog) -> int:
        seen.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CsvImportDialog, "exec", accept)
    library = page.context.library
    before = len(list_notes(library, 1))
    page.import_csv()
    dialog = seen[0]
    assert dialog.combos["text"].currentText() == "Comment"
    assert dialog.combos["participant"].currentText() == "Name"
    assert dialog.problems.count() == 2 and dialog.problems.item(0).text().startswith("Line 3:")
    assert "1 note will be added" in dialog.summary.text()
    notes = list_notes(library, 1)
    assert len(notes) == before + 1 and notes[-1].text == "Scanner battery dies"
    assert page.status.text() == "Added 1 note and 1 new participant. Skipped 2 rows with problems."
    people = len(list_participants(library, 1))
    page.context.undo_stack.undo()
    assert len(list_notes(library, 1)) == before
    assert len(list_participants(library, 1)) == people - 1
    page.context.undo_stack.redo()
    assert [n.text for n in list_notes(library, 1)][-1] == "Scanner battery dies"
    assert errors == []


def test_the_mapping_can_be_changed_in_the_dialog(qtbot, tmp_path: Path) -> None:
    from kaizen_studio.services.csv_interchange import read_csv

    source = tmp_path / "odd.csv"
    source.write_text("A,B\nfirst,x\nsecond,y\n", encoding="utf-8")
    dialog = CsvImportDialog(read_csv(source))
    qtbot.addWidget(dialog)
    assert dialog.parsed is not None and [r.text for r in dialog.parsed.rows] == [
        "A",
        "first",
        "second",
    ]
    dialog.combos["text"].setCurrentIndex(0)  # nothing chosen: nothing to import
    assert not dialog.buttons.buttons()[0].isEnabled()
    dialog.combos["text"].setCurrentIndex(2)  # "Column 2"
    assert [r.text for r in dialog.parsed.rows] == ["B", "x", "y"]

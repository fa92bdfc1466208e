"""Suggested themes in the GUI: seen before anything changes, renamed, dropped, applied as one
undo step; locked themes never broken up; near-duplicates offered for stacking."""

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from kaizen_studio.domain.enums import Stage
from kaizen_studio.services import notes
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.demo import create_demo
from kaizen_studio.services.themes import create_theme
from kaizen_studio.services.workshops import create_workshop
from kaizen_studio.storage.library import open_library
from kaizen_studio.ui.main_window import MainWindow
from kaizen_studio.ui.stages.cluster_page import ClusterPage
from kaizen_studio.ui.stages.suggestions_dialog import SuggestionsDialog
from tests.conftest import TODAY

WALL = [
    "Scanner battery dies before the end of the shift",
    "Scanner battery dies before the end of the shift!",
    "Spare scanner batteries are locked in the office",
    "Scanner batteries are never charged in the morning",
    "Labels print in the wrong order for the pick route",
    "Label printer jams on thick labels",
    "Labels come out smudged and will not scan",
    "Forklift booking sheet is always full by nine",
    "Nobody knows who booked the forklift",
    "Forklift keys go missing between shifts",
]


@pytest.fixture(autouse=True)
def _history_cleared_after_each_test(make_window):
    """Leave no window whose undo history the garbage collector must free: a QUndoStack
    of Python commands freed from inside a collection has crashed the test run (reported
    to the foundation; the app's own windows live until the process ends)."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and shiboken6.isValid(widget):
            widget.context.undo_stack.clear()


@pytest.fixture
def wall_path(library_path: Path) -> Path:
    with open_library(library_path, create=True) as library:
        workshop = create_workshop(library, "Depot 4 picking")
        for text in WALL:
            notes.add_note(library, workshop.id, text)
    return library_path


def _open(make_window, path: Path) -> ClusterPage:
    window = make_window(path, workshop_id=1, stage=Stage.CLUSTER)
    page = window.workshop.current_page()
    assert isinstance(page, ClusterPage)
    return page


def _dialog(qtbot, page: ClusterPage) -> SuggestionsDialog:
    dialog = SuggestionsDialog(page.context, 1, page)
    qtbot.addWidget(dialog)
    return dialog


def _top(tree) -> list:
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def _board(page: ClusterPage) -> dict:
    return {
        key: (item.theme_id, item.pos().x(), item.pos().y())
        for key, item in page.scene.cards.items()
    }


# Showing a dialog on the offscreen platform says it cannot pass size hints on; harmless.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_suggestions_are_reviewed_renamed_dropped_and_applied_as_one_step(
    make_window, wall_path: Path, qtbot
) -> None:
    page = _open(make_window, wall_path)
    before = _board(page)
    dialog = _dialog(qtbot, page)
    dialog.count.setValue(3)
    dialog.suggest()
    themes = _top(dialog.themes)
    assert len(themes) == 3
    members = [set(item.data(0, Qt.ItemDataRole.UserRole)) for item in themes]
    assert set().union(*members) == set(range(1, 11))
    assert all(item.childCount() == len(group) for item, group in zip(themes, members, strict=True))
    assert _board(page) == before and page.context.undo_stack.count() == 0  # nothing yet

    # Rename the first by typing (F2), drop the last.
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.themes.setFocus()
    dialog.themes.setCurrentItem(themes[0])
    QTest.keyClick(dialog.themes, Qt.Key.Key_F2)
    editor = dialog.themes.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.setText("Scanners and batteries")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the view takes the text on its next turn
    qtbot.waitUntil(lambda: themes[0].text(0) == "Scanners and batteries")
    themes[2].setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.apply_button.text() == "Apply 2 themes"
    QTest.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.applied and page.context.undo_stack.count() == 1

    names = {frame.name for frame in page.scene.frames.values()}
    assert "Scanners and batteries" in names and len(names) == 2
    dropped = members[2]
    assert all(page.scene.cards[key].theme_id is None for key in dropped if key in page.scene.cards)
    after = _board(page)
    assert not any(frame.locked for frame in page.scene.frames.values())

    page.context.undo_stack.undo()
    assert _board(page) == before and not page.scene.frames
    page.context.undo_stack.redo()
    assert _board(page) == after

    page.window().close()
    page.context.library.close()
    assert _board(_open(make_window, wall_path)) == after


def test_locked_themes_are_never_broken_up(make_window, library_path: Path, qtbot) -> None:
    with open_library(library_path, create=True) as library:
        create_demo(library, FixedClock(TODAY))
    page = _open(make_window, library_path)
    locked = {f.theme_id: f.notes for f in page.scene.frames.values() if f.locked}
    assert len(locked) == 2
    locked_notes = {k for k, c in page.scene.cards.items() if c.theme_id in locked}
    dialog = _dialog(qtbot, page)
    dialog.scope.setCurrentIndex(dialog.scope.findData("open"))
    dialog.count.setValue(4)
    dialog.suggest()
    offered = {k for item in _top(dialog.themes) for k in item.data(0, Qt.ItemDataRole.UserRole)}
    assert offered and not offered & locked_notes
    dialog.apply()
    assert {f.theme_id: f.notes for f in page.scene.frames.values() if f.locked} == locked
    assert len([f for f in page.scene.frames.values() if not f.locked]) == 4


def test_near_duplicates_are_offered_and_stacked_on_request(
    make_window, wall_path: Path, qtbot
) -> None:
    page = _open(make_window, wall_path)
    dialog = _dialog(qtbot, page)
    [group] = _top(dialog.stacks)
    assert group.data(0, Qt.ItemDataRole.UserRole) == [1, 2]
    assert group.checkState(0) == Qt.CheckState.Unchecked  # offered, not imposed
    for item in _top(dialog.themes):
        item.setCheckState(0, Qt.CheckState.Unchecked)
    assert not dialog.apply_button.isEnabled()
    group.setCheckState(0, Qt.CheckState.Checked)
    assert dialog.apply_button.text() == "Apply 1 stack"
    dialog.apply()
    assert 2 not in page.scene.cards and page.scene.cards[1].stacked == 1
    assert not page.scene.frames
    page.context.undo_stack.undo()
    assert 2 in page.scene.cards and page.scene.cards[1].stacked == 0


def test_suggest_from_the_page_and_nothing_to_sort(
    make_window, library_path: Path, qtbot, monkeypatch
) -> None:
    with open_library(library_path, create=True) as library:
        workshop = create_workshop(library, "Sorted already")
        key = notes.add_note(library, workshop.id, "Only note").id
        create_theme(library, workshop.id, "Mine", [key])
    page = _open(make_window, library_path)
    shown: list[SuggestionsDialog] = []

    def look(dialog: SuggestionsDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(SuggestionsDialog, "exec", look)
    page.view.setFocus()
    page.window().activateWindow()
    QTest.qWaitForWindowActive(page.window())
    QTest.keyClick(page.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    [dialog] = shown
    assert dialog.themes.topLevelItemCount() == 0
    assert dialog.status.text() == "There are no notes to sort here."
    assert not dialog.apply_button.isEnabled()

"""The home page as a facilitator uses it: workshops created, renamed, copied, deleted, undone."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from kaizen_studio.domain.enums import Stage
from kaizen_studio.services.workshops import create_workshop, list_workshops
from kaizen_studio.storage.library import open_library
from tests.ui.test_intent_page import unnamed_controls


def _titles(window) -> list[str]:
    model = window.home.model
    return [model.workshop_at(row).title for row in range(model.rowCount())]


def test_window_title_shows_the_file(make_window, library_path: Path) -> None:
    window = make_window(library_path)
    assert library_path.name in window.windowTitle()
    assert window.home.empty_hint.isVisible()


def test_create_rename_duplicate_delete_with_undo(
    make_window, library_path: Path, qtbot, monkeypatch, answer
) -> None:
    window = make_window(library_path)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Picking errors", True))
    window.home.create_workshop()
    assert window.pages.currentWidget() is window.workshop  # opened at once, on Intent
    assert window.workshop.current_stage() is Stage.INTENT
    window.show_home()
    assert _titles(window) == ["Picking errors"]

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Picking errors, depot 4", True))
    qtbot.keyClick(window.home.table, Qt.Key.Key_F2)
    assert _titles(window) == ["Picking errors, depot 4"]

    window.home.duplicate_selected()
    assert sorted(_titles(window)) == ["Picking errors, depot 4", "Picking errors, depot 4 (copy)"]

    answer(QMessageBox.StandardButton.Yes)
    window.home.select(window.home.model.workshop_at(0).id)
    window.home.delete_selected()
    assert len(_titles(window)) == 1

    undo = window.findChild(type(window.menuBar().actions()[0]), "undoAction")
    undo.trigger()  # the deleted workshop is back
    assert len(_titles(window)) == 2
    window.context.undo_stack.undo()  # the copy goes
    window.context.undo_stack.undo()  # the old title returns
    assert _titles(window) == ["Picking errors"]
    window.context.undo_stack.redo()
    assert _titles(window) == ["Picking errors, depot 4"]

    window.close()
    window.context.library.close()
    with open_library(library_path) as library:
        assert [w.title for w in list_workshops(library)] == ["Picking errors, depot 4"]


def test_cancelled_delete_keeps_the_workshop(make_window, library_path: Path, answer) -> None:
    window = make_window(library_path)
    window.home.create_named("Keep me")
    window.show_home()
    answer(QMessageBox.StandardButton.Cancel)
    window.home.delete_selected()
    assert _titles(window) == ["Keep me"]


def test_empty_title_is_refused_with_a_message(make_window, library_path: Path, errors) -> None:
    window = make_window(library_path)
    assert window.home.create_named("   ") is None
    assert errors == ["A workshop title cannot be empty."]
    assert window.context.undo_stack.count() == 0


def test_open_straight_at_a_stage(make_window, library_path: Path) -> None:
    with open_library(library_path, create=True) as library:
        workshop = create_workshop(library, "Retention")
    window = make_window(library_path, workshop_id=workshop.id, stage=Stage.MAP)
    assert window.pages.currentWidget() is window.workshop
    assert window.workshop.current_stage() is Stage.MAP


def test_switching_to_a_bad_file_keeps_the_current_library(
    make_window, library_path: Path, tmp_path: Path, errors
) -> None:
    window = make_window(library_path)
    bad = tmp_path / "notes.kaizen"
    bad.write_text("not a library")
    assert not window.switch_library(bad)
    assert errors and "not a Kaizen Studio library" in errors[0]
    assert window.context.library.path == library_path
    assert bad.read_text() == "not a library"


def test_recent_files_are_remembered(
    make_window, library_path: Path, tmp_path: Path, settings
) -> None:
    window = make_window(library_path)
    other = tmp_path / "second.kaizen"
    assert window.switch_library(other)
    assert settings.recent_files()[:2] == [other.resolve(), library_path.resolve()]


def _action(window, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def test_ctrl_q_quits_and_the_window_keeps_its_place(
    make_window, library_path: Path, settings
) -> None:
    window = make_window(library_path)
    assert _action(window, "quitAction").shortcut() == QKeySequence("Ctrl+Q")
    window.resize(900, 700)  # the offscreen screen is small; a window never outgrows it
    _action(window, "quitAction").trigger()
    assert not window.isVisible()
    window.context.library.close()
    again = make_window(library_path)
    assert (again.width(), again.height()) == (900, 700)


def test_find_on_the_home_page_filters_the_workshops(
    make_window, library_path: Path, qtbot
) -> None:
    with open_library(library_path, create=True) as library:
        for title, site in (("Picking errors", "Depot 4"), ("Retention", "Leeds"), ("Returns", "")):
            create_workshop(library, title, site=site)
    window = make_window(library_path)
    window.activateWindow()
    _action(window, "findAction").trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.home.filter)
    qtbot.keyClicks(window.home.filter, "depot")  # the site counts too
    assert window.home.shown.rowCount() == 1
    assert window.home.details.title.text() == "Picking errors"
    qtbot.keyClick(window.home.filter, Qt.Key.Key_Down)
    window.home.filter.clear()
    assert window.home.shown.rowCount() == 3


def test_the_details_card_tells_workshops_apart(
    make_window, library_path: Path, demo_id: int, library
) -> None:
    library.close()
    window = make_window(library_path)
    window.home.select(demo_id)
    details = window.home.details
    assert details.isVisible()
    assert "retention rises from 70% to 84%" in details.body.text()
    assert "Customer retention (12-month): 70 → 84 %" in details.body.text()
    assert details.counts.text().startswith("12 participants · 48 notes · 7 themes")
    assert details.open_button.text() == "Open at PDCA →"
    details.open_button.click()
    assert window.workshop.current_stage() is Stage.PDCA
    assert window.windowTitle().startswith("Customer Care: keeping customers")


def test_the_workshop_list_catches_up_after_capture(make_window, library_path: Path, qtbot) -> None:
    window = make_window(library_path)
    window.home.create_named("Picking errors")
    window.workshop.show_stage(Stage.CAPTURE)
    page = window.workshop.current_page()
    for text in ("Pallets block aisle 3", "Scanner battery dies"):
        page.add_note(text)
    window.show_home()
    row = window.home.model.row_of(window.home.selected_id())
    assert window.home.model.index(row, 3).data() == "2"  # the Notes column


def test_undo_and_redo_say_what_they_did(make_window, library_path: Path) -> None:
    window = make_window(library_path)
    window.home.create_named("Picking errors")
    window.show_home()
    _action(window, "undoAction").trigger()
    assert window.statusBar().currentMessage() == "Undone: New workshop"
    assert window.home.model.rowCount() == 0
    _action(window, "redoAction").trigger()
    assert window.statusBar().currentMessage() == "Redone: New workshop"
    assert window.home.model.rowCount() == 1


def test_a_recent_library_that_moved_is_dropped_not_recreated(
    make_window, library_path: Path, tmp_path: Path, settings, errors
) -> None:
    window = make_window(library_path)
    gone = tmp_path / "moved.kaizen"
    assert window.switch_library(gone)  # created, so it goes on the recent list
    window.switch_library(library_path)
    window.context.library.close()
    window.context.library = open_library(library_path)
    gone.unlink()
    assert not window.open_recent(gone)
    assert errors == [f"moved.kaizen is no longer at {tmp_path}; it was taken off the recent list."]
    assert not gone.exists()
    assert gone.resolve() not in settings.recent_files()


def test_a_library_open_in_another_window_is_not_opened_twice(
    make_window, library_path: Path, tmp_path: Path, errors
) -> None:
    window = make_window(library_path)
    other = tmp_path / "team.kaizen"
    with open_library(other, create=True, exclusive=True):
        assert not window.switch_library(other)
    assert errors and "already open in another Kaizen Studio window" in errors[0]
    assert window.context.library.path == library_path
    assert window.switch_library(other)  # free again once the other window has gone


def test_stages_from_the_keyboard_and_the_place_is_remembered(
    make_window, library_path: Path, qtbot
) -> None:
    window = make_window(library_path)
    with qtbot.waitActive(window):
        window.activateWindow()
    workshop_id = window.home.create_named("Picking errors")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.workshop.current_stage() is Stage.CAPTURE
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.workshop.current_page().note_input)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.workshop.current_stage() is Stage.CLUSTER
    window.show_home()
    with open_library(library_path, read_only=True) as library:
        from kaizen_studio.services.workshops import get_workshop

        assert get_workshop(library, workshop_id).stage is Stage.CLUSTER


def test_the_theme_can_be_chosen_and_is_kept(make_window, library_path: Path, settings) -> None:
    window = make_window(library_path)
    window.set_theme("dark")
    assert QApplication.instance().property("kaizenDark") is True
    assert settings.theme() == "dark"
    window.set_theme("light")
    assert QApplication.instance().property("kaizenDark") is False


def test_home_controls_have_names(make_window, library_path: Path) -> None:
    window = make_window(library_path)
    window.home.create_named("Picking errors")
    window.home.create_named("Retention")
    window.show_home()
    assert unnamed_controls(window.home) == []
    assert unnamed_controls(window.workshop) == []


def test_closing_the_window_empties_the_undo_history(make_window, library_path: Path) -> None:
    # A QUndoStack freed by Python's garbage collector together with its Python
    # commands can delete a command twice and crash; the window empties it first.
    window = make_window(library_path)
    window.home.create_named("Picking errors")
    assert window.context.undo_stack.count() == 1
    window.close()
    assert window.context.undo_stack.count() == 0

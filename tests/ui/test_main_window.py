"""The home page as a facilitator uses it: workshops created, renamed, copied, deleted, undone."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from kaizen_studio.domain.enums import Stage
from kaizen_studio.services.workshops import list_workshops
from kaizen_studio.storage.library import open_library


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
        from kaizen_studio.services.workshops import create_workshop

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

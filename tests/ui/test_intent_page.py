"""The Intent page as a facilitator fills it in before the room arrives: the workshop's
details, its intent, the outcomes, who is coming and the agenda, each edit undoable."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from kaizen_studio.domain.enums import Direction, Stage, StakeholderGroup
from kaizen_studio.services import agenda, outcomes, participants, workshops
from kaizen_studio.storage.library import open_library


def _intent(make_window, library_path: Path, qtbot, **details):
    with open_library(library_path, create=True) as library:
        workshop_id = workshops.create_workshop(library, "Picking errors", **details).id
    window = make_window(library_path, workshop_id=workshop_id, stage=Stage.INTENT)
    window.activateWindow()
    page = window.workshop.current_page()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.form.intent)
    return window, page, workshop_id


def _stored(library_path: Path, workshop_id: int):
    with open_library(library_path, read_only=True) as library:
        return workshops.get_workshop(library, workshop_id)


def _type_into(qtbot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving the field saves it


def test_workshop_details_are_saved_on_leaving_each_field(
    make_window, library_path: Path, qtbot
) -> None:
    window, page, workshop_id = _intent(make_window, library_path, qtbot)
    form = page.form
    _type_into(qtbot, form.title, "Picking errors, depot 4")
    _type_into(qtbot, form.site, "Depot 4, Leeds")
    _type_into(qtbot, form.facilitator, "Hannah")
    form.held_on.setFocus()
    form.held_on.set_value(date(2027, 3, 4))
    form.site.setFocus()  # Tab moves between day, month and year inside a date field
    stored = _stored(library_path, workshop_id)
    assert (stored.title, stored.site, stored.facilitator, stored.held_on) == (
        "Picking errors, depot 4",
        "Depot 4, Leeds",
        "Hannah",
        date(2027, 3, 4),
    )
    assert window.workshop.title.full_text() == "Picking errors, depot 4"
    assert window.windowTitle().startswith("Picking errors, depot 4 — ")
    assert window.context.undo_stack.count() == 4
    for _ in range(4):
        window.context.undo_stack.undo()
    stored = _stored(library_path, workshop_id)
    assert (stored.title, stored.site, stored.held_on) == ("Picking errors", "", None)
    assert form.title.text() == "Picking errors" and form.site.text() == ""


def test_ctrl_z_in_an_untouched_field_undoes_the_last_edit(
    make_window, library_path: Path, qtbot
) -> None:
    _window, page, workshop_id = _intent(make_window, library_path, qtbot)
    _type_into(qtbot, page.form.site, "Depot 4")
    assert QApplication.focusWidget() is page.form.facilitator
    qtbot.keyClicks(page.form.facilitator, "Han")
    qtbot.keyClick(page.form.facilitator, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.form.facilitator.text() == ""  # first the field's own typing
    assert _stored(library_path, workshop_id).site == "Depot 4"
    qtbot.keyClick(page.form.facilitator, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(library_path, workshop_id).site == ""  # then the window's last edit
    assert page.form.site.text() == ""


def test_an_empty_title_is_refused_and_the_field_shows_the_stored_one(
    make_window, library_path: Path, qtbot, errors
) -> None:
    window, page, _workshop_id = _intent(make_window, library_path, qtbot)
    page.form.title.setFocus()
    page.form.title.clear()
    qtbot.keyClick(page.form.title, Qt.Key.Key_Tab)
    assert errors == ["A workshop title cannot be empty."]
    assert page.form.title.text() == "Picking errors"
    assert window.context.undo_stack.count() == 0


def test_the_intent_is_kept_even_when_the_window_closes_while_typing(
    make_window, library_path: Path, qtbot
) -> None:
    window, page, workshop_id = _intent(make_window, library_path, qtbot)
    qtbot.keyClicks(page.form.intent, "Every pick is right first time: errors fall to 2 per 1,000")
    qtbot.keyClick(page.form.intent, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _stored(library_path, workshop_id).intent.startswith("Every pick is right")
    qtbot.keyClicks(page.form.intent, " by June.")
    window.close()  # no Tab, no click elsewhere
    window.context.library.close()
    assert _stored(library_path, workshop_id).intent.endswith("per 1,000 by June.")


def test_outcomes_are_added_typed_in_place_and_removed(
    make_window, library_path: Path, qtbot, errors
) -> None:
    window, page, workshop_id = _intent(make_window, library_path, qtbot)
    section = page.outcomes
    section.add_button.click()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.selectedText() == "New KPI"
    editor.setText("Picking errors")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    model = section.model
    qtbot.waitUntil(lambda: model.index(0, 0).data() == "Picking errors")
    assert model.setData(model.index(0, 1), "per 1,000 picks")
    assert model.setData(model.index(0, 2), Direction.DECREASE)
    assert model.setData(model.index(0, 3), 6.5)
    assert model.setData(model.index(0, 4), 2.0)
    assert model.setData(model.index(0, 5), date(2027, 6, 30))
    assert not model.setData(model.index(0, 4), "lots")  # refused: one sentence, no step
    assert errors == ["The target must be a number, not 'lots'."]
    assert [model.index(0, c).data() for c in range(6)] == [
        "Picking errors",
        "per 1,000 picks",
        "Decrease ↓",
        "6.5",
        "2",
        "2027-06-30",
    ]
    with open_library(library_path, read_only=True) as library:
        [stored] = outcomes.list_outcomes(library, workshop_id)
    assert stored.summary == "Picking errors: 6.5 → 2 per 1,000 picks by 2027-06-30"

    section.table.selectRow(0)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Delete)
    assert model.rowCount() == 0 and "No outcome yet" in section.summary.text()
    window.context.undo_stack.undo()
    assert model.index(0, 0).data() == "Picking errors" and model.index(0, 4).data() == "2"


def test_numbers_typed_with_a_decimal_comma_are_read(make_window, library_path, qtbot) -> None:
    _window, page, workshop_id = _intent(make_window, library_path, qtbot)
    page.outcomes.add_button.click()
    table = page.outcomes.table
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    table.setCurrentIndex(page.outcomes.model.index(0, 3))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.setText("1,5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.outcomes.model.index(0, 3).data() == "1.5")
    with open_library(library_path, read_only=True) as library:
        assert outcomes.list_outcomes(library, workshop_id)[0].baseline == 1.5


def test_participants_with_or_without_names(make_window, library_path: Path, qtbot) -> None:
    window, page, workshop_id = _intent(make_window, library_path, qtbot)
    section = page.participants
    for _ in range(3):
        section.add()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    model = section.model
    assert model.setData(model.index(0, 0), "Ana")
    assert model.setData(model.index(1, 1), "Team leader")
    assert model.setData(model.index(1, 2), StakeholderGroup.SUPERVISOR)
    assert model.setData(model.index(2, 2), StakeholderGroup.LD_HR)
    assert section.summary.text() == "3 people: 1 Frontline, 1 Supervisor, 1 L&D / HR"
    with open_library(library_path, read_only=True) as library:
        people = participants.list_participants(library, workshop_id)
    assert [p.label for p in people] == ["Ana", "Team leader", "L&D / HR #3"]

    section.table.selectRow(1)
    section.remove_button.click()
    assert section.summary.text() == "2 people: 1 Frontline, 1 L&D / HR"
    window.context.undo_stack.undo()
    assert model.rowCount() == 3 and model.index(1, 1).data() == "Team leader"


def test_the_agenda_sets_what_the_capture_timer_counts_down(
    make_window, library_path: Path, qtbot
) -> None:
    window, page, workshop_id = _intent(make_window, library_path, qtbot)
    section = page.agenda
    model = section.model
    assert model.rowCount() == len(Stage)  # the default agenda, one timebox a stage
    capture_row = [model.index(r, 0).data() for r in range(model.rowCount())].index("Capture")
    assert model.setData(model.index(capture_row, 1), "Round 1: where does work wait?")
    assert model.setData(model.index(capture_row, 2), 12)
    section.table.selectRow(capture_row)
    section.add()  # a second capture timebox, right after the first, its title to type
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("Round 2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(capture_row + 1, 1).data() == "Round 2")
    assert section.summary.text() == "Total 2 h 22 min"

    window.workshop.show_stage(Stage.CAPTURE)
    timer = window.workshop.current_page().timer
    assert [timer.choice.itemText(i) for i in range(timer.choice.count())] == [
        "Round 1: where does work wait? · 12 min",
        "Round 2 · 10 min",
    ]
    assert timer.display.text() == "12:00"
    assert timer.choice.isVisible()

    window.workshop.show_stage(Stage.INTENT)
    section.table.selectRow(capture_row + 1)
    section.remove_button.click()
    window.context.undo_stack.undo()
    with open_library(library_path, read_only=True) as library:
        boxes = agenda.timeboxes_for(library, workshop_id, Stage.CAPTURE)
    assert [(b.title, b.minutes) for b in boxes] == [
        ("Round 1: where does work wait?", 12),
        ("Round 2", 10),
    ]


def test_every_control_has_a_name_and_tab_reaches_the_tables(
    make_window, library_path: Path, qtbot
) -> None:
    _window, page, _ = _intent(make_window, library_path, qtbot)
    assert unnamed_controls(page) == []
    page.form.title.setFocus()
    reached = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert page.form.intent in reached and page.outcomes.table in reached
    assert page.participants.table in reached


def unnamed_controls(root: QWidget) -> list[str]:
    """Visible controls that take the keyboard focus but give assistive technology no name."""
    found = []
    for widget in root.findChildren(QWidget):
        takes_focus = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        inner = widget.objectName().startswith("qt_")  # Qt's own parts, named by their owner
        if widget.isVisible() and takes_focus and not inner and not widget.accessibleName():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found

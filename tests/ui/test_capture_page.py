"""The Capture page as a facilitator uses it: notes typed with Enter, edited, deleted,
undone and redone, and every one of them in the file after the window closes."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from kaizen_studio.domain.enums import Stage
from kaizen_studio.services import notes, participants, workshops
from kaizen_studio.storage.library import open_library
from kaizen_studio.ui.stages import capture_page
from kaizen_studio.ui.widgets.timebox_timer import TimeboxTimer, format_seconds
from tests.ui.test_intent_page import unnamed_controls

NOTES = [
    "Scanner battery dies mid-shift",
    "Labels print in the wrong order",
    "Pallets block aisle 3",
    "Radio dead zones in the cold store",
    "Pick lists arrive after the truck",
    "Nobody knows who signs off returns",
    "Forklift 3 is broken again",
    "Handover notes get lost between shifts",
    "Barcode labels peel off in the freezer",
    "Overtime rota goes out on Friday night",
]


def _workshop(library_path: Path, title: str = "Picking errors", **details) -> int:
    with open_library(library_path, create=True) as library:
        return workshops.create_workshop(library, title, **details).id


def _capture(make_window, library_path: Path, workshop_id: int, qtbot):
    """The window opened straight at Capture, as `kaizen-studio FILE --workshop ID
    --stage capture` opens it; active, so its shortcuts work as on a desktop."""
    window = make_window(library_path, workshop_id=workshop_id, stage=Stage.CAPTURE)
    page = window.workshop.current_page()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.note_input)  # ready to type
    return window, page


def _shown_texts(page) -> list[str]:
    model = page.note_list.model()
    return [model.index(row, 0).data(Qt.ItemDataRole.EditRole) for row in range(model.rowCount())]


def _type_note(qtbot, page, text: str) -> None:
    qtbot.keyClicks(page.note_input, text)
    qtbot.keyClick(page.note_input, Qt.Key.Key_Return)


def test_a_session_of_capture_survives_closing_the_window(
    make_window, library_path: Path, qtbot, monkeypatch
) -> None:
    window = make_window(library_path)
    with qtbot.waitActive(window):
        window.activateWindow()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Picking errors", True))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New workshop
    assert window.workshop.current_stage() is Stage.INTENT
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # to Capture
    page = window.workshop.current_page()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.note_input)

    for text in NOTES:
        _type_note(qtbot, page, text)
        assert page.note_input.text() == ""  # ready for the next one
        assert _shown_texts(page)[0] == text  # newest on top
    assert page.count.text() == "10 notes"

    # Edit one in place: F2 on the list, type, Enter.
    page.note_list.setFocus()
    page.note_list.setCurrentIndex(page.note_list.model().index(3, 0))
    qtbot.keyClick(page.note_list, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("Forklift 3 is broken again, third time this week")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits on its next turn
    qtbot.waitUntil(
        lambda: _shown_texts(page)[3] == "Forklift 3 is broken again, third time this week"
    )

    # Delete one with the Delete key, take it back (Ctrl+Z), delete it again (Ctrl+Shift+Z).
    page.note_list.selectRow(0)
    qtbot.keyClick(page.note_list, Qt.Key.Key_Delete)
    assert NOTES[-1] not in _shown_texts(page) and page.count.text() == "9 notes"
    qtbot.keyClick(page.note_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _shown_texts(page)[0] == NOTES[-1] and page.count.text() == "10 notes"
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.note_list, Qt.Key.Key_Z, redo)
    assert NOTES[-1] not in _shown_texts(page)
    shown = _shown_texts(page)
    assert len(shown) == 9 and "Forklift 3 is broken again, third time this week" in shown

    workshop_id = window.workshop.workshop_id
    window.close()
    window.context.library.close()
    _again, page = _capture(make_window, library_path, workshop_id, qtbot)
    assert _shown_texts(page) == shown


def test_ctrl_z_after_enter_takes_the_note_back_out(make_window, library_path: Path, qtbot):
    workshop_id = _workshop(library_path)
    _window, page = _capture(make_window, library_path, workshop_id, qtbot)
    _type_note(qtbot, page, "Pallets block aisle 3")
    _type_note(qtbot, page, "Radio dead zones")
    qtbot.keyClicks(page.note_input, "half typed")
    qtbot.keyClick(page.note_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.note_input.text() == ""  # first the field's own typing goes
    assert len(_shown_texts(page)) == 2
    qtbot.keyClick(page.note_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _shown_texts(page) == ["Pallets block aisle 3"]  # then the last note
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.note_input, Qt.Key.Key_Z, redo)
    assert _shown_texts(page) == ["Radio dead zones", "Pallets block aisle 3"]


def test_a_near_repeat_is_offered_for_merging_in_one_undo_step(
    make_window, library_path: Path, qtbot
) -> None:
    workshop_id = _workshop(library_path)
    window, page = _capture(make_window, library_path, workshop_id, qtbot)
    _type_note(qtbot, page, "Forklift 3 broken again")
    _type_note(qtbot, page, "Labels print in the wrong order")
    assert not page.duplicate.isVisible()
    _type_note(qtbot, page, "forklift 3 is broken again!")
    assert page.duplicate.isVisible()
    assert "Forklift 3 broken again" in page.duplicate.message.text()
    assert QApplication.focusWidget() is page.note_input  # typing is not interrupted

    steps = window.context.undo_stack.count()
    qtbot.keyClick(page.note_input, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not page.duplicate.isVisible())  # a mnemonic clicks on a timer
    assert window.context.undo_stack.count() == steps + 1
    model = page.note_list.model()
    assert model.index(0, 0).data() == "↳ forklift 3 is broken again!"
    with open_library(library_path, read_only=True) as library:
        stored = {note.text: note for note in notes.list_notes(library, workshop_id)}
    repeat, first = stored["forklift 3 is broken again!"], stored["Forklift 3 broken again"]
    assert repeat.stacked_on_id == first.id

    window.context.undo_stack.undo()  # the merge goes, the note stays
    assert model.index(0, 0).data() == "forklift 3 is broken again!"
    assert model.rowCount() == 3

    _type_note(qtbot, page, "Labels print in wrong order")
    assert page.duplicate.isVisible()
    qtbot.keyClick(page.note_input, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not page.duplicate.isVisible())
    assert model.rowCount() == 4
    _type_note(qtbot, page, "Nobody knows who signs off returns")
    assert not page.duplicate.isVisible()


def test_notes_carry_who_said_them_unless_the_room_is_anonymous(
    make_window, library_path: Path, qtbot
) -> None:
    workshop_id = _workshop(library_path)
    with open_library(library_path) as library:
        ana = participants.add_participant(library, workshop_id, name="Ana", role="Picker")
    window, page = _capture(make_window, library_path, workshop_id, qtbot)
    page.who.setCurrentIndex(page.who.findData(ana.id))
    _type_note(qtbot, page, "Scanner battery dies mid-shift")
    assert page.note_list.model().index(0, 1).data() == "Ana"

    page.anonymous_switch.click()
    assert not page.who.isVisible()
    assert page.note_list.isColumnHidden(1)
    assert QApplication.focusWidget() is page.note_input
    _type_note(qtbot, page, "Nobody listens to the night shift")
    page.anonymous_switch.click()
    assert page.who.isVisible() and not page.note_list.isColumnHidden(1)
    assert page.note_list.model().index(0, 1).data() == ""  # the anonymous one stays so
    page.anonymous_switch.click()
    window.context.undo_stack.undo()  # one step back: named notes again
    assert page.who.isVisible()
    with open_library(library_path, read_only=True) as library:
        authors = {n.text: n.participant_id for n in notes.list_notes(library, workshop_id)}
        assert workshops.get_workshop(library, workshop_id).anonymous_notes is False
    assert authors == {
        "Scanner battery dies mid-shift": ana.id,
        "Nobody listens to the night shift": None,
    }


def test_tags_are_edited_in_place_and_each_edit_is_one_undo_step(
    make_window, library_path: Path, qtbot
) -> None:
    workshop_id = _workshop(library_path)
    window, page = _capture(make_window, library_path, workshop_id, qtbot)
    _type_note(qtbot, page, "Pallets block aisle 3")
    model = page.note_list.model()
    assert model.setData(model.index(0, 2), "Replenishment")
    assert model.setData(model.index(0, 3), 4)
    assert model.setData(model.index(0, 4), 5)
    assert [model.index(0, c).data() for c in (2, 3, 4)] == [
        "Replenishment",
        "4 · daily",
        "5 · very high",
    ]
    assert not model.setData(model.index(0, 2), "Replenishment")  # no change, no step
    assert window.context.undo_stack.count() == 4
    window.context.undo_stack.undo()
    assert model.index(0, 4).data() == ""
    with open_library(library_path, read_only=True) as library:
        [note] = notes.list_notes(library, workshop_id)
    assert (note.process_area, note.frequency, note.impact) == ("Replenishment", 4, None)


def test_filter_find_and_count(make_window, library_path: Path, qtbot) -> None:
    workshop_id = _workshop(library_path)
    window, page = _capture(make_window, library_path, workshop_id, qtbot)
    for text in NOTES:
        _type_note(qtbot, page, text)
    window.findChild(type(window.menuBar().actions()[0]), "findAction").trigger()
    assert QApplication.focusWidget() is page.filter
    qtbot.keyClicks(page.filter, "label")
    assert sorted(_shown_texts(page)) == [
        "Barcode labels peel off in the freezer",
        "Labels print in the wrong order",
    ]
    assert page.count.text() == "2 of 10 notes"
    page.focus_main_input()
    _type_note(qtbot, page, "Shift swap requests go unanswered")
    assert page.filter.text() == ""  # the new note is never hidden by an old filter
    assert _shown_texts(page)[0] == "Shift swap requests go unanswered"
    assert page.count.text() == "11 notes"


def test_blank_enter_adds_nothing(make_window, library_path: Path, qtbot, errors) -> None:
    workshop_id = _workshop(library_path)
    window, page = _capture(make_window, library_path, workshop_id, qtbot)
    qtbot.keyClicks(page.note_input, "   ")
    qtbot.keyClick(page.note_input, Qt.Key.Key_Return)
    assert page.note_list.model().rowCount() == 0
    assert window.context.undo_stack.count() == 0 and errors == []


def test_keyboard_moves_between_the_field_and_the_list(
    make_window, library_path: Path, qtbot
) -> None:
    workshop_id = _workshop(library_path)
    _window, page = _capture(make_window, library_path, workshop_id, qtbot)
    for text in NOTES[:3]:
        _type_note(qtbot, page, text)
    qtbot.keyClick(page.note_input, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert page.timer.running  # the timebox starts without leaving the field
    qtbot.keyClick(page.note_input, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.note_list
    assert page.note_list.current_note_id() is not None
    qtbot.keyClick(page.note_list, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is page.note_input


def test_every_capture_control_has_a_name(make_window, library_path: Path, qtbot) -> None:
    workshop_id = _workshop(library_path)
    with open_library(library_path) as library:
        participants.add_participant(library, workshop_id, name="Ana")
    _window, page = _capture(make_window, library_path, workshop_id, qtbot)
    _type_note(qtbot, page, "Forklift 3 broken again")
    _type_note(qtbot, page, "Forklift 3 broken again!")  # the repeat notice shows too
    assert page.duplicate.isVisible()
    assert unnamed_controls(page) == []


class Stopwatch:
    """Stands in for the monotonic clock, moved on by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_timer_starts_pauses_resets_and_says_when_time_is_up(qtbot) -> None:
    clock = Stopwatch()
    timer = TimeboxTimer(monotonic=clock)
    qtbot.addWidget(timer)
    timer.set_timeboxes([("Round 1", 2)])
    assert timer.display.text() == "2:00"
    timer.start_button.click()
    clock.now += 30.2
    timer._tick()
    assert timer.display.text() == "1:30"
    timer.start_button.click()  # pause
    assert timer.start_button.text() == "Re&sume"
    clock.now += 600
    timer._tick()
    assert timer.display.text() == "1:30"
    timer.start_button.click()
    clock.now += 95
    with qtbot.waitSignal(timer.finished, timeout=1000):
        timer._tick()
    assert timer.display.text() == "Time's up +0:05"
    assert timer.display.property("timerState") == "over"
    with qtbot.assertNotEmitted(timer.finished):
        clock.now += 5
        timer._tick()  # the signal comes once, the overrun keeps counting
    assert timer.display.text() == "Time's up +0:10"
    timer.reset_button.click()
    assert timer.display.text() == "2:00" and not timer.running
    assert timer.display.property("timerState") == "idle"


def test_format_seconds() -> None:
    assert [format_seconds(s) for s in (1200, 1199.2, 59.01, 0.4, 0, -0.5, -61)] == [
        "20:00",
        "20:00",
        "1:00",
        "0:01",
        "+0:00",
        "+0:00",
        "+1:01",
    ]


def test_pasted_lines_become_one_note_each_in_one_undo_step(
    make_window, library_path: Path, qtbot, monkeypatch
) -> None:
    workshop_id = _workshop(library_path)
    window, page = _capture(make_window, library_path, workshop_id, qtbot)
    answers = iter([None, True, False])
    monkeypatch.setattr(capture_page, "ask_split", lambda *_: next(answers))
    pasted = "- Scanner battery dies\n\n• Labels print in the wrong order\n-20 °C in the freezer"
    page.note_input.setText(pasted)
    qtbot.keyClick(page.note_input, Qt.Key.Key_Return)
    assert _shown_texts(page) == [] and page.note_input.text() == pasted  # not now
    qtbot.keyClick(page.note_input, Qt.Key.Key_Return)
    assert _shown_texts(page) == [
        "-20 °C in the freezer",
        "Labels print in the wrong order",
        "Scanner battery dies",
    ]
    assert page.count.text() == "3 notes"
    window.context.undo_stack.undo()
    assert _shown_texts(page) == []
    window.context.undo_stack.redo()
    assert len(_shown_texts(page)) == 3
    page.note_input.setText("First line\nsecond line")
    qtbot.keyClick(page.note_input, Qt.Key.Key_Return)
    assert _shown_texts(page)[0] == "First line\nsecond line"
    assert page.note_list.model().index(0, 0).data() == "First line second line"

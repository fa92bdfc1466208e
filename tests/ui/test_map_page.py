"""The Map stage as a facilitator uses it: the demo's top theme mapped end to end (triage,
behaviour, interventions of both kinds, the action map, its PDCA cycle), gaps found and
fixed from the gap list, a format of one's own, refusals, and undo throughout."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from kaizen_studio.domain.enums import CauseKind, InterventionKind, Stage
from kaizen_studio.domain.triage import QUESTIONS, GapKind, Subject
from kaizen_studio.services import behaviours, cycles, interventions, mapping
from kaizen_studio.services.catalogue import Format
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.demo import create_demo
from kaizen_studio.services.ranking import chosen_for_mapping
from kaizen_studio.storage.library import open_library
from kaizen_studio.ui.stages import map_page as map_page_module
from kaizen_studio.ui.stages.format_dialog import FormatAnswer, FormatDialog
from kaizen_studio.ui.stages.map_page import BEHAVIOURS_TAB, INTERVENTIONS_TAB, MAP_TAB, MapPage
from kaizen_studio.ui.stages.map_widgets import ID_ROLE
from kaizen_studio.ui.stages.pdca_page import PdcaPage


@pytest.fixture
def demo_path(library_path: Path, clock: FixedClock) -> Path:
    with open_library(library_path, create=True) as library:
        create_demo(library, clock)
    return library_path


def _open(make_window, path: Path, clock: FixedClock, qtbot):
    window = make_window(path, workshop_id=1, stage=Stage.MAP)
    window.context.clock = clock
    window.activateWindow()
    page = window.workshop.current_page()
    assert isinstance(page, MapPage)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.triage.themes)
    return window, page


def _choose(qtbot, combo: QComboBox, data: object) -> None:
    """Pick an item with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(combo.count()):
        if combo.currentIndex() == target:
            return
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == target


def _leave(qtbot, widget) -> None:
    """Tab out of a field, which saves it."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_the_demos_top_theme_is_mapped_end_to_end(
    make_window, demo_path: Path, clock: FixedClock, qtbot, errors: list[str]
) -> None:
    with open_library(demo_path) as library:
        top = chosen_for_mapping(library, 1)[0]
        answers = {question.key: None for question in QUESTIONS}
        mapping.update_triage(library, top.id, causes=(), notes="", **answers)
    window, page = _open(make_window, demo_path, clock, qtbot)
    stack = window.context.undo_stack
    triage = page.triage
    assert triage.themes.current_id() == top.id  # the top theme comes first
    assert f"“{top.name}” has no cause chosen yet." in [
        page.gap_list.item(row).text()[2:] for row in range(page.gap_list.count())
    ]

    # 1. Triage: the room answers; a "no" on the last question means a true skill gap.
    for key, word in [("expectations_clear", "no"), ("resources_adequate", "yes"),
                      ("incentives_aligned", "no"), ("environment_supports", "yes"),
                      ("could_do_if_life_depended", "no")]:  # fmt: skip
        qtbot.mouseClick(page.findChild(object, f"{key}_{word}"), Qt.MouseButton.LeftButton)
    suggested = {CauseKind.KNOWLEDGE_SKILL, CauseKind.INCENTIVES, CauseKind.EXPECTATIONS_FEEDBACK}
    for cause, box in triage.cause_boxes.items():
        assert box.text().endswith("← suggested") == (cause in suggested)
    assert triage.findings.isVisibleTo(page)  # a skill gap not yet among the causes
    qtbot.mouseClick(triage.use_suggested, Qt.MouseButton.LeftButton)
    assert {c for c, box in triage.cause_boxes.items() if box.isChecked()} == suggested
    assert not triage.findings.isVisibleTo(page)
    triage.notes.setFocus()
    triage.notes.setPlainText("Targets reward closing fast; nobody has practised the close.")
    _leave(qtbot, triage.notes)
    assert stack.count() == 7  # five answers, the causes, the notes: one step each

    # 2. A behaviour for the theme, from the Causes tab.
    qtbot.mouseClick(triage.write_behaviour, Qt.MouseButton.LeftButton)
    panel = page.behaviours
    assert page.tabs.currentIndex() == BEHAVIOURS_TAB
    assert QApplication.focusWidget() is panel.new_statement
    assert top.name in panel.new_statement.placeholderText()
    qtbot.keyClicks(panel.new_statement, "Agents read back the next step before ending the call")
    qtbot.keyClick(panel.new_statement, Qt.Key.Key_Return)
    behaviour = panel.current
    assert behaviour is not None and behaviour.theme_ids == (top.id,)
    assert panel.served.text() == "No intervention will change this behaviour yet."
    repeat_contacts = panel.outcome.findText("Repeat contacts within 7 days")
    _choose(qtbot, panel.outcome, panel.outcome.itemData(repeat_contacts))
    assert panel.current.outcome_id == panel.outcome.itemData(repeat_contacts)

    # 3. Interventions of both kinds, from the behaviour.
    qtbot.mouseClick(panel.add_intervention, Qt.MouseButton.LeftButton)
    editor = page.interventions
    assert page.tabs.currentIndex() == INTERVENTIONS_TAB
    assert QApplication.focusWidget() is editor.new_title
    _choose(qtbot, editor.new_format, "practice_simulation")
    qtbot.keyClicks(editor.new_title, "Read-back drills in team huddles")
    qtbot.keyClick(editor.new_title, Qt.Key.Key_Return)
    drills = editor.current
    assert drills is not None and drills.behaviour_ids == (behaviour.id,)
    assert (drills.kind, drills.practice) == (InterventionKind.LEARNING, True)
    qtbot.keyClicks(editor.owner, "Dana")
    _leave(qtbot, editor.owner)
    _choose(qtbot, editor.effort, 2)
    editor.cost.setFocus()
    qtbot.keyClicks(editor.cost, "1200")
    _leave(qtbot, editor.cost)
    qtbot.keyClicks(editor.new_title, "Show read-backs on the team board")
    _choose(qtbot, editor.new_format, "expectation_feedback")
    editor.new_title.setFocus()
    qtbot.keyClick(editor.new_title, Qt.Key.Key_Return)
    board = editor.current
    assert board is not None and board.kind is InterventionKind.NON_LEARNING
    assert board.behaviour_ids == ()  # only the next one added after the ask is linked
    checklist = editor.behaviours
    row = next(
        r for r in range(checklist.count()) if checklist.item(r).data(ID_ROLE) == behaviour.id
    )
    box = checklist.visualItemRect(checklist.item(row))
    tick = QPoint(box.left() + 10, box.center().y())  # the check box at the start of the row
    qtbot.mouseClick(checklist.viewport(), Qt.MouseButton.LeftButton, pos=tick)
    qtbot.waitUntil(lambda: editor.current.behaviour_ids == (behaviour.id,))

    # 4. The action map shows the new chain, without gaps for this theme.
    page.tabs.setCurrentIndex(MAP_TAB)
    view = page.view
    for subject, key in [(Subject.BEHAVIOUR, behaviour.id), (Subject.INTERVENTION, drills.id),
                         (Subject.INTERVENTION, board.id)]:  # fmt: skip
        card = view.card(subject, key)
        assert card is not None and card.toolTip() == ""  # not flagged
    assert not [g for g in page.map.gaps if g.subject_id == top.id]
    assert "Read-back drills in team huddles (Practice activity or simulation)" in (
        view.accessibleDescription()
    )
    # Double-clicking a card opens it for editing.
    view.activate(view.card(Subject.INTERVENTION, drills.id))
    assert page.tabs.currentIndex() == INTERVENTIONS_TAB and editor.current.id == drills.id

    # 5. One action starts the PDCA cycle and shows it on the board.
    steps = stack.count()
    assert editor.cycle_button.text() == "Start a &PDCA cycle →"
    qtbot.mouseClick(editor.cycle_button, Qt.MouseButton.LeftButton)
    assert stack.count() == steps + 1
    pdca = window.workshop.current_page()
    assert isinstance(pdca, PdcaPage)
    cycle_id = pdca.board.selected_id()
    assert pdca.editor.detail is not None and pdca.editor.detail.id == cycle_id
    stack.undo()
    with open_library(demo_path, read_only=True) as reader:
        assert cycles.count_cycles(reader, drills.id) == 0
    stack.redo()

    window.close()
    window.context.library.close()
    with open_library(demo_path) as library:
        kept = mapping.get_triage(library, top.id)
        assert set(kept.causes) == suggested and kept.notes.startswith("Targets reward")
        stored = behaviours.get_behaviour(library, behaviour.id)
        assert stored.intervention_ids == (drills.id, board.id)
        drills_stored = interventions.get_intervention(library, drills.id)
        assert (drills_stored.owner, drills_stored.effort, drills_stored.cost) == ("Dana", 2, 1200)
        assert drills_stored.last_cycle_id == cycle_id


def test_a_gap_is_found_from_the_list_fixed_and_undone(
    make_window, demo_path: Path, clock: FixedClock, qtbot
) -> None:
    window, page = _open(make_window, demo_path, clock, qtbot)
    assert page.tabs.tabText(MAP_TAB).endswith("(1 ⚠)")
    page.tabs.setCurrentIndex(MAP_TAB)
    (gap,) = page.map.gaps
    assert gap.kind is GapKind.INTERVENTION_WITHOUT_BEHAVIOUR
    card = page.view.card(Subject.INTERVENTION, gap.subject_id)
    assert card is not None and card.toolTip() == gap.message
    page.gap_list.setFocus()
    page.gap_list.setCurrentRow(0)
    qtbot.keyClick(page.gap_list, Qt.Key.Key_Return)
    editor = page.interventions
    assert page.tabs.currentIndex() == INTERVENTIONS_TAB
    assert editor.current is not None and editor.current.id == gap.subject_id
    first_behaviour = page.behaviours.items[0].id
    editor.behaviours.setFocus()
    editor.behaviours.setCurrentRow(0)
    qtbot.keyClick(editor.behaviours, Qt.Key.Key_Space)  # tick it from the keyboard
    qtbot.waitUntil(lambda: editor.current.behaviour_ids == (first_behaviour,))
    assert page.map.gaps == () and page.gap_list.count() == 0
    assert page.tabs.tabText(MAP_TAB) == "4  Action &map"
    window.context.undo_stack.undo()
    assert [g.subject_id for g in page.map.gaps] == [gap.subject_id]


def test_training_for_a_process_cause_is_flagged_on_the_map(
    make_window, demo_path: Path, clock: FixedClock, qtbot
) -> None:
    window, page = _open(make_window, demo_path, clock, qtbot)
    editor = page.interventions
    page.tabs.setCurrentIndex(INTERVENTIONS_TAB)
    refund = next(i for i in editor.items if i.title == "Refund authority up to £150")
    assert editor.select_intervention(refund.id)
    _choose(qtbot, editor.format, "instructor_led")  # the process change becomes a class
    flagged = [g for g in page.map.gaps if g.kind is GapKind.TRAINING_FOR_NON_SKILL_CAUSE]
    assert len(flagged) == 1 and "Unclear refund authority" in flagged[0].message
    page.tabs.setCurrentIndex(MAP_TAB)
    theme_card_gaps = page.view.card(Subject.BEHAVIOUR, refund.behaviour_ids[0]).toolTip()
    assert "training will not change that" in theme_card_gaps
    window.context.undo_stack.undo()
    assert not [g for g in page.map.gaps if g.kind is GapKind.TRAINING_FOR_NON_SKILL_CAUSE]


def test_a_format_of_ones_own_is_added_and_used_in_one_undo_step(
    make_window, demo_path: Path, clock: FixedClock, qtbot, monkeypatch
) -> None:
    window, page = _open(make_window, demo_path, clock, qtbot)
    answer = FormatAnswer("Buddy shift", InterventionKind.LEARNING, True,
                          "A shift beside a buddy.", "New starters on live calls.")  # fmt: skip
    monkeypatch.setattr(map_page_module, "ask_format", lambda parent, existing=None: answer)
    editor = page.interventions
    page.tabs.setCurrentIndex(INTERVENTIONS_TAB)
    shadow = next(i for i in editor.items if i.title.startswith("Shadow"))
    editor.select_intervention(shadow.id)
    qtbot.mouseClick(editor.new_format_button, Qt.MouseButton.LeftButton)
    assert editor.current.format_name == "Buddy shift" and editor.current.practice
    assert editor.edit_format_button.isEnabled()
    assert editor.new_format.findData("custom_buddy_shift") >= 0  # offered for new ones too
    stack = window.context.undo_stack
    stack.undo()
    assert editor.current.format_key == "job_shadowing"
    assert editor.new_format.findData("custom_buddy_shift") < 0
    stack.redo()
    assert editor.current.format_key == "custom_buddy_shift"
    renamed = FormatAnswer("Buddy shifts", InterventionKind.LEARNING, True, "", "")
    monkeypatch.setattr(map_page_module, "ask_format", lambda parent, existing=None: renamed)
    qtbot.mouseClick(editor.edit_format_button, Qt.MouseButton.LeftButton)
    assert editor.current.format_name == "Buddy shifts"


def test_refused_values_show_one_sentence_and_change_nothing(
    make_window, demo_path: Path, clock: FixedClock, qtbot, errors: list[str]
) -> None:
    window, page = _open(make_window, demo_path, clock, qtbot)
    editor = page.interventions
    page.tabs.setCurrentIndex(INTERVENTIONS_TAB)
    before = editor.current
    steps = window.context.undo_stack.count()
    editor.cost.setFocus()
    editor.cost.setText("a lot")
    _leave(qtbot, editor.cost)
    editor.title.setFocus()
    editor.title.clear()
    _leave(qtbot, editor.title)
    assert errors == ["The cost must be a number, like 74.5.",
                      "An intervention's title cannot be empty."]  # fmt: skip
    assert editor.current == before and editor.title.text() == before.title
    assert window.context.undo_stack.count() == steps


def test_removing_an_intervention_with_cycles_asks_first(
    make_window, demo_path: Path, clock: FixedClock, qtbot, answer
) -> None:
    window, page = _open(make_window, demo_path, clock, qtbot)
    editor = page.interventions
    page.tabs.setCurrentIndex(INTERVENTIONS_TAB)
    refund = next(i for i in editor.items if i.title == "Refund authority up to £150")
    editor.select_intervention(refund.id)
    answer(QMessageBox.StandardButton.Cancel)
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert refund.id in [i.id for i in editor.items]
    answer(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert refund.id not in [i.id for i in editor.items]
    window.context.undo_stack.undo()
    restored = next(i for i in editor.items if i.id == refund.id)
    assert restored.last_cycle_number == 2


def test_an_unobservable_behaviour_gets_a_nudge(
    make_window, demo_path: Path, clock: FixedClock, qtbot
) -> None:
    _window, page = _open(make_window, demo_path, clock, qtbot)
    page.tabs.setCurrentIndex(BEHAVIOURS_TAB)
    panel = page.behaviours
    qtbot.keyClicks(panel.new_statement, "Agents understand the refund limits")
    qtbot.keyClick(panel.new_statement, Qt.Key.Key_Return)
    assert panel.observable.isVisibleTo(page) and "cannot be seen" in panel.observable.text()
    assert panel.current.outcome_id is None  # three KPIs: the facilitator picks one


def test_the_action_map_is_walked_from_the_keyboard_and_read_larger(
    make_window, demo_path: Path, clock: FixedClock, qtbot
) -> None:
    _window, page = _open(make_window, demo_path, clock, qtbot)
    page.tabs.setCurrentIndex(MAP_TAB)
    view = page.view
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Down)
    first = view.current()
    assert first is not None and first.subject is Subject.BEHAVIOUR
    assert first.key == page.behaviours.items[1].id  # reading order: the first KPI's first
    qtbot.keyClick(view, Qt.Key.Key_PageDown)  # a presenter's clicker
    second = view.current()
    assert second is not None and second.subject is Subject.INTERVENTION
    page.refresh()  # an edit elsewhere redraws the map: the current card stays current
    assert (view.current().subject, view.current().key) == (second.subject, second.key)
    width = view.scene().sceneRect().width()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.transform().m11() > 1
    # Larger, and laid out again to the width of the view: no sideways scrolling.
    assert view.scene().sceneRect().width() < width
    assert view.scene().sceneRect().width() * view.transform().m11() <= view.viewport().width() + 1
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.tabs.currentIndex() == INTERVENTIONS_TAB
    assert page.interventions.current.id == second.key


def test_the_format_dialog_asks_for_what_the_catalogue_needs(qtbot) -> None:
    dialog = FormatDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.learning.isChecked() and dialog.practice.isEnabled()
    qtbot.keyClicks(dialog.name, "Daily huddle board")
    dialog.not_learning.click()
    assert not dialog.practice.isEnabled()  # only learning can be practice
    dialog.description.setPlainText("A board the team reads at the start of each shift.")
    answer = dialog.answer()
    assert (answer.name, answer.kind, answer.practice) == (
        "Daily huddle board", InterventionKind.NON_LEARNING, False,
    )  # fmt: skip
    existing = Format("custom_buddy", "Buddy shift", InterventionKind.LEARNING, True,
                      "Beside a buddy.", "New starters.", custom_id=3)  # fmt: skip
    editing = FormatDialog(None, existing)
    qtbot.addWidget(editing)
    assert editing.windowTitle() == "Edit format"
    assert editing.answer() == FormatAnswer("Buddy shift", InterventionKind.LEARNING, True,
                                            "Beside a buddy.", "New starters.")  # fmt: skip

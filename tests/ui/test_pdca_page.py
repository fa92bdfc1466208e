"""The PDCA stage as a facilitator uses it: the demo board, one cycle from Plan to an
"adjust" decision, moves by keyboard and by drop, questions before skipping, undo."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtWidgets import QMessageBox

from kaizen_studio.domain.enums import Decision, Phase, Stage
from kaizen_studio.services import cycle_board
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.demo import create_demo
from kaizen_studio.storage.library import open_library
from kaizen_studio.ui.pdca_board import MIME_TYPE
from kaizen_studio.ui.stages.pdca_page import PdcaPage

TODAY = date(2026, 12, 1)


@pytest.fixture
def demo_path(library_path: Path) -> Path:
    with open_library(library_path, create=True) as library:
        create_demo(library, FixedClock(TODAY))
    return library_path


@pytest.fixture
def page(make_window, demo_path: Path, clock: FixedClock) -> PdcaPage:
    window = make_window(demo_path)
    window.context.clock = clock
    window.open_workshop(1, Stage.PDCA)
    shown = window.workshop.current_page()
    assert isinstance(shown, PdcaPage)
    return shown


def _card_id(page: PdcaPage, title: str) -> int:
    return [card.id for card in page.board.cards() if card.intervention == title][-1]


def _phase_of(page: PdcaPage, cycle_id: int) -> Phase:
    return next(card.phase for card in page.board.cards() if card.id == cycle_id)


def test_the_demo_board_shows_every_phase_and_what_is_overdue(page: PdcaPage) -> None:
    counts = {phase: model.rowCount() for phase, model in page.board.models.items()}
    assert counts == {Phase.PLAN: 1, Phase.DO: 2, Phase.CHECK: 1, Phase.ACT: 2}
    assert page.board.headers[Phase.DO].text() == "Do  ·  2"
    check_column = page.board.columns[Phase.CHECK]
    sentence = check_column.model().index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "60-day check overdue by 5 days" in sentence and sentence.endswith("Overdue.")
    assert page.check_days.text() == "30, 60, 90"


def test_one_cycle_from_plan_to_adjust_opens_cycle_2_with_its_history(
    page: PdcaPage, qtbot, clock: FixedClock, errors: list[str]
) -> None:
    cycle_id = _card_id(page, "Single account view in billing")
    assert page.focus_cycle(cycle_id)
    editor = page.editor
    assert editor.subtitle.text().startswith("Cycle 1 · Plan")
    qtbot.mouseClick(editor.plan.start_do, Qt.MouseButton.LeftButton)
    assert _phase_of(page, cycle_id) is Phase.DO
    assert [c.offset_days for c in editor.detail.checks] == [30, 60, 90]
    assert editor.tabs.currentIndex() == 0  # the same cycle: the tab stays

    clock.advance(30)
    page.refresh()
    column = page.board.columns[Phase.DO]
    page.board.select(cycle_id)
    qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert _phase_of(page, cycle_id) is Phase.CHECK

    check = editor.check
    editor.tabs.setCurrentIndex(2)
    assert check.current_check().offset_days == 30
    check.applied.setCurrentIndex(check.applied.findData("yes"))
    check.applied_by.setText("All billing agents")
    check.how_observed.setText("Floor walk and the lookup timer in the CRM")
    check.value.setText("64,5")  # a decimal comma is fine
    qtbot.mouseClick(check.record_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert editor.detail.checks[0].done_on == clock.today()
    assert editor.detail.checks[0].value == 64.5

    qtbot.mouseClick(check.to_act, Qt.MouseButton.LeftButton)
    assert _phase_of(page, cycle_id) is Phase.ACT
    act = editor.act
    act.radios[Decision.ADJUST].setChecked(True)
    act.reason.setPlainText("Lookups are fast but FCR barely moved: add a screen-sharing script.")
    qtbot.mouseClick(act.decide_button, Qt.MouseButton.LeftButton)
    assert errors == []

    # Cycle 2 is shown at once, in Plan, prefilled, with cycle 1 in its history.
    second = editor.detail
    assert (second.number, second.phase, second.baseline) == (2, Phase.PLAN, 64.5)
    assert second.hypothesis.startswith("If billing shows one account view")
    assert editor.tabs.currentIndex() == 0
    assert editor.history.isVisible()
    assert "Cycle 1</a>: Adjusted" in editor.history.text()
    assert "screen-sharing script" in editor.history.text()
    assert page.board.selected_id() == second.id
    cards = [c for c in page.board.cards() if c.intervention == "Single account view in billing"]
    assert sorted((c.number, c.phase) for c in cards) == [(1, Phase.ACT), (2, Phase.PLAN)]

    # Following the history link shows cycle 1 with its decision.
    editor.history.linkActivated.emit(f"cycle:{cycle_id}")
    assert editor.detail.id == cycle_id and editor.act.decided.isVisible()


def test_adjust_is_one_undo_step(page: PdcaPage, qtbot, clock: FixedClock) -> None:
    cycle_id = _card_id(page, "Close-the-loop call practice")
    page.focus_cycle(cycle_id)
    act = page.editor.act
    act.radios[Decision.ADJUST].setChecked(True)
    act.reason.setPlainText("Half the teams practise; pair them up.")
    act.decide()
    assert len(page.board.cards()) == 7
    stack = page.context.undo_stack
    assert stack.undoText() == "Decide: adjust"
    stack.undo()
    assert len(page.board.cards()) == 6 and _phase_of(page, cycle_id) is Phase.CHECK
    stack.redo()
    titles = [c.intervention for c in page.board.cards()]
    assert titles.count("Close-the-loop call practice") == 2


def test_a_move_that_skips_a_phase_asks_first(page: PdcaPage, answer) -> None:
    cycle_id = _card_id(page, "Single account view in billing")
    answer(QMessageBox.StandardButton.Cancel)
    assert not page.move(cycle_id, Phase.CHECK)
    assert _phase_of(page, cycle_id) is Phase.PLAN
    answer(QMessageBox.StandardButton.Yes)
    assert page.move(cycle_id, Phase.CHECK)
    assert _phase_of(page, cycle_id) is Phase.CHECK
    with open_library(page.context.library.path, read_only=True) as library:
        assert len(cycle_board.get_cycle(library, cycle_id, TODAY).checks) == 3
    page.context.undo_stack.undo()
    assert _phase_of(page, cycle_id) is Phase.PLAN
    assert page.editor.detail.checks == () and page.editor.detail.do_started_on is None


def test_a_card_dropped_on_another_column_moves(page: PdcaPage, qtbot) -> None:
    cycle_id = _card_id(page, "Team leader coaching huddles")
    data = QMimeData()
    data.setData(MIME_TYPE, QByteArray(str(cycle_id).encode()))
    model = page.board.models[Phase.CHECK]
    with qtbot.waitSignal(model.dropped):
        model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(-1, 0))
    assert _phase_of(page, cycle_id) is Phase.CHECK
    assert page.board.selected_id() == cycle_id


def test_keys_walk_between_columns_and_a_decided_card_stays(
    page: PdcaPage, qtbot, errors: list[str]
) -> None:
    columns = page.board.columns
    page.board.select(_card_id(page, "Single account view in billing"))
    qtbot.keyClick(columns[Phase.PLAN], Qt.Key.Key_Right)
    assert columns[Phase.DO].hasFocus() and page.editor.detail.phase is Phase.DO
    decided = _card_id(page, "Count callbacks kept, not only handle time")
    page.board.select(decided)
    qtbot.keyClick(columns[Phase.ACT], Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert errors == ["This cycle is decided (standardise); reopen the decision to move it."]
    assert page.context.undo_stack.count() == 0


def test_attendance_is_refused_as_evidence_with_one_sentence(
    page: PdcaPage, qtbot, errors: list[str]
) -> None:
    page.focus_cycle(_card_id(page, "Close-the-loop call practice"))
    check = page.editor.check
    assert check.current_check().offset_days == 60
    check.applied.setCurrentIndex(check.applied.findData("yes"))
    check.how_observed.setText("Everyone attended the practice")
    check.value.setText("27")
    qtbot.mouseClick(check.record_button, Qt.MouseButton.LeftButton)
    assert len(errors) == 1 and "not evidence" in errors[0]
    assert page.context.undo_stack.count() == 0
    assert check.how_observed.text() == "Everyone attended the practice"  # nothing lost


def test_an_action_is_added_ticked_and_undone(page: PdcaPage, qtbot, clock) -> None:
    page.focus_cycle(_card_id(page, "Team leader coaching huddles"))
    do = page.editor.do
    do.new_text.setText("Share the feedback form with Mei")
    qtbot.keyClick(do.new_text, Qt.Key.Key_Return)
    assert [a.text for a in page.editor.detail.actions][-1] == "Share the feedback form with Mei"
    row = len(page.editor.detail.actions) - 1
    do.model.setData(
        do.model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    added = page.editor.detail.actions[-1]
    assert added.done and added.done_on == clock.today()
    page.context.undo_stack.undo()
    assert not page.editor.detail.actions[-1].done
    page.context.undo_stack.undo()
    assert len(page.editor.detail.actions) == 3


def test_the_kpi_chart_shows_the_cycle_outcome(page: PdcaPage) -> None:
    page.focus_cycle(_card_id(page, "Close-the-loop call practice"))
    chart = page.editor.kpi.chart
    assert chart.series is not None and chart.series.outcome.kpi == "Repeat contacts within 7 days"
    assert len(chart.series.readings) == 5
    assert "baseline 31, target 20" in chart.accessibleDescription()
    assert page.editor.kpi.readings.rowCount() == 5
    image = chart.grab().toImage()
    assert not image.isNull() and image.width() > 200


def test_choosing_a_measure_fills_empty_baseline_and_target(
    page: PdcaPage, qtbot, clock: FixedClock
) -> None:
    cycle_id = _card_id(page, "Single account view in billing")
    page.focus_cycle(cycle_id)
    plan = page.editor.plan
    plan.baseline.setText("")
    plan.baseline.editingFinished.emit()
    assert page.editor.detail.baseline is None
    retention = plan.measure.findText("Customer retention", Qt.MatchFlag.MatchStartsWith)
    plan.measure.setCurrentIndex(retention)
    plan.measure.activated.emit(retention)
    detail = page.editor.detail
    assert detail.outcome.kpi == "Customer retention (12-month)"
    assert (detail.baseline, detail.target) == (74.1, 66.0)  # latest reading; typed target kept
    assert plan.baseline.text() == "74.1"
    page.context.undo_stack.undo()
    detail = page.editor.detail
    assert (detail.outcome.kpi, detail.baseline) == ("First-contact resolution", None)


def test_a_workshop_without_interventions_says_so(
    make_window, library_path: Path, errors: list[str]
) -> None:
    window = make_window(library_path)
    window.home.create_named("Picking errors")
    window.open_workshop(1, Stage.PDCA)
    page = window.workshop.current_page()
    assert page.empty_hint.isVisible() and not page.editor.tabs.isVisible()
    assert page.new_cycle() is None
    assert errors == [
        "No intervention can open a cycle now: each has one running, or the Map stage has none yet."
    ]


def test_the_follow_up_dates_are_saved_as_a_calendar_file(
    page: PdcaPage, monkeypatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "team follow-ups"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    saved = page.save_calendar()
    assert saved == tmp_path / "team follow-ups.ics"
    raw = saved.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.count(b"BEGIN:VEVENT") == 12


def test_card_text_wraps_and_elides_within_its_lines(qtbot) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from kaizen_studio.ui.pdca_card import wrap_lines

    font = QFont()
    text = "⚠ 60-day check overdue by 5 days · 2 actions late, and more words to push it over"
    lines = wrap_lines(text, font, 120, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(QFontMetrics(font).horizontalAdvance(line) <= 120 for line in lines)
    assert wrap_lines("Short", font, 120, 3) == ["Short"]


def test_the_divider_position_is_remembered(make_window, demo_path: Path, settings) -> None:
    window = make_window(demo_path)
    window.open_workshop(1, Stage.PDCA)
    splitter = window.workshop.current_page().splitter
    splitter.setSizes([900, 300])
    splitter.splitterMoved.emit(900, 1)
    window.close()
    window.context.library.close()
    again = make_window(demo_path)
    again.open_workshop(1, Stage.PDCA)
    sizes = again.workshop.current_page().splitter.sizes()
    assert sizes[0] > sizes[1]

"""The Prioritise page as a facilitator runs it with a room: dots, ratings, matrix, choice."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, QSizeF, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlmodel import select

from kaizen_studio.domain.enums import Stage
from kaizen_studio.domain.tables import Note, Theme, Vote
from kaizen_studio.domain.voting import Axis, Quadrant
from kaizen_studio.services.participants import add_participant, list_participants
from kaizen_studio.services.ranking import RankedTheme, rank_themes
from kaizen_studio.services.removal import remove
from kaizen_studio.services.workshops import create_workshop, get_workshop
from kaizen_studio.storage.library import Library, open_library
from kaizen_studio.ui.matrix_layout import place_label, separate
from kaizen_studio.ui.priority_matrix import PriorityMatrix
from kaizen_studio.ui.stages.prioritise_page import MATRIX_TAB, RANKING_TAB
from kaizen_studio.ui.stages.prioritise_ranking import MAPPING

PEOPLE = ["Ana", "Ben", "Chloé", "Dev", "Eli"]
THEMES = {  # name: ratings (impact, frequency) of its notes
    "Labels print late": [(5, 4), (4, 4)],
    "Scanner drops out": [(2, 5), (3, 5)],
    "Rota changes": [(3, 1)],
    "Heavy totes": [(4, 2), (4, 3)],
}


def _add_theme(library: Library, workshop_id: int, name: str, ratings) -> int:
    with library.session() as session:
        theme = Theme(workshop_id=workshop_id, name=name, position=len(name))
        session.add(theme)
        session.flush()
        for impact, frequency in ratings:
            session.add(
                Note(
                    workshop_id=workshop_id,
                    text=f"{name}: seen on shift",
                    theme_id=theme.id,
                    impact=impact,
                    frequency=frequency,
                )
            )
        assert theme.id is not None
        return theme.id


@pytest.fixture
def room(library_path: Path) -> dict[str, int]:
    """A workshop with five people and four rated themes, no dots yet."""
    with open_library(library_path, create=True) as library:
        workshop_id = create_workshop(library, "Night shift picking").id
        ids = {"workshop": workshop_id}
        for name in PEOPLE:
            ids[name] = add_participant(library, workshop_id, name=name).id
        for name, ratings in THEMES.items():
            ids[name] = _add_theme(library, workshop_id, name, ratings)
    return ids


@pytest.fixture
def page(make_window, library_path: Path, room):
    window = make_window(library_path, workshop_id=room["workshop"], stage=Stage.PRIORITISE)
    found = window.workshop.page(Stage.PRIORITISE)
    assert window.workshop.current_page() is found
    return found


def _window(page):
    return page.window()


def _point_at(page, theme_id: int) -> QPoint:
    return page.matrix.positions()[theme_id].toPoint()


def _go_to(page, theme_id: int) -> None:
    page.voting.set_current_theme(theme_id)
    assert page.voting.current_target() == ("theme", theme_id)


def _totals(page) -> dict[str, int]:
    return {bar.name: bar.votes for bar in page.voting.results.bars()}


def _stored_votes(page) -> list[Vote]:
    with page.context.library.session() as session:
        return list(session.exec(select(Vote)))


def test_a_voting_round_of_five_people(page, room, qtbot, errors) -> None:
    voting = page.voting
    tree = voting.tree
    assert tree.hasFocus()  # the facilitator can start at once
    assert voting.voter.currentText().startswith("Ana")
    assert voting.left_label.text().startswith("Ana: 3 of 3 dots left")
    plan = {  # each person's three dots
        "Ana": ["Labels print late"] * 3,
        "Ben": ["Labels print late", "Scanner drops out", "Heavy totes"],
        "Chloé": ["Scanner drops out", "Scanner drops out", "Rota changes"],
        "Dev": ["Labels print late", "Heavy totes", "Heavy totes"],
        "Eli": ["Scanner drops out", "Labels print late", "Labels print late"],
    }
    for person, dots in plan.items():
        assert voting.voter.currentText().startswith(person)
        for theme in dots:
            _go_to(page, room[theme])
            qtbot.keyClick(tree, Qt.Key.Key_Plus)
        assert voting.left_label.text() == f"{person} has placed every dot. Next voter: Alt+N"
        qtbot.keyClick(tree, Qt.Key.Key_Space)  # a fourth dot is refused, plainly
        assert (
            errors[-1] == f"{person} has placed all 3 dots; take one back before placing another."
        )
        qtbot.mouseClick(voting.next_voter, Qt.MouseButton.LeftButton)
    assert len(errors) == 5
    assert page.context.undo_stack.count() == 15  # one undo step per dot, none for refusals
    assert _totals(page) == {
        "Labels print late": 7,
        "Scanner drops out": 4,
        "Heavy totes": 3,
        "Rota changes": 1,
    }
    assert list(_totals(page)) == [
        "Labels print late",
        "Scanner drops out",
        "Heavy totes",
        "Rota changes",
    ]
    assert "Room: 15 of 15 dots placed" in voting.room_label.text()
    stored = _stored_votes(page)
    assert len(stored) == 15 and {vote.participant_id for vote in stored} == {
        room[p] for p in PEOPLE
    }

    # Ben changes his mind: back to Ben, take a dot off the totes, put it on the rota.
    voting.voter.setCurrentIndex(voting.voter.findData(room["Ben"]))
    voting.voter.activated.emit(voting.voter.currentIndex())
    _go_to(page, room["Heavy totes"])
    qtbot.keyClick(tree, Qt.Key.Key_Minus)
    assert voting.left_label.text().startswith("Ben: 1 of 3 dots left")
    _go_to(page, room["Rota changes"])
    qtbot.keyClick(tree, Qt.Key.Key_Plus)
    assert _totals(page)["Rota changes"] == 2 and _totals(page)["Heavy totes"] == 2

    # Undo walks back one dot at a time; redo puts them back.
    page.context.undo_stack.undo()
    page.context.undo_stack.undo()
    assert _totals(page)["Rota changes"] == 1 and _totals(page)["Heavy totes"] == 3
    page.context.undo_stack.redo()
    assert _totals(page)["Heavy totes"] == 2

    # The ranking and the command line's source agree with what the room sees.
    ranked = rank_themes(page.context.library, room["workshop"])
    assert ranked[0].name == "Labels print late" and ranked[0].votes == 7
    assert page.ranking.model.item(0, 1).text() == "Labels print late"


def test_next_voter_skips_people_who_are_done(page, room, qtbot) -> None:
    voting = page.voting
    _go_to(page, room["Rota changes"])
    for _ in range(3):
        qtbot.keyClick(voting.tree, Qt.Key.Key_Plus)  # Ana is done
    voting.voter.setCurrentIndex(voting.voter.findData(room["Eli"]))
    voting.voter.activated.emit(voting.voter.currentIndex())
    qtbot.keyClick(voting.tree, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    # After Eli comes Ana, who is done, so Ben (the button's click is animated: wait for it).
    qtbot.waitUntil(lambda: voting.voter.currentData() == room["Ben"])
    assert voting.tree.hasFocus()


def test_reset_votes_and_undo(page, room, qtbot, answer) -> None:
    _go_to(page, room["Heavy totes"])
    qtbot.keyClick(page.voting.tree, Qt.Key.Key_Plus)
    qtbot.keyClick(page.voting.tree, Qt.Key.Key_Plus)
    answer(QMessageBox.StandardButton.Cancel)
    page.voting.rules.ask_reset()
    assert _totals(page)["Heavy totes"] == 2
    answer(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.voting.rules.reset, Qt.MouseButton.LeftButton)
    assert sum(_totals(page).values()) == 0
    assert not page.voting.rules.reset.isEnabled()
    page.context.undo_stack.undo()
    assert _totals(page)["Heavy totes"] == 2
    assert {vote.participant_id for vote in _stored_votes(page)} == {room["Ana"]}


def test_anonymous_voting_holds_the_room_total(page, room, qtbot, errors) -> None:
    rules = page.voting.rules
    rules.anonymous.click()
    assert get_workshop(page.context.library, room["workshop"]).anonymous_votes
    assert not page.voting.voter.isVisible()
    assert page.voting.tree.isColumnHidden(1)  # no one's own dots to show
    _go_to(page, room["Scanner drops out"])
    for _ in range(15):  # 5 people x 3 dots
        qtbot.keyClick(page.voting.tree, Qt.Key.Key_Plus)
    assert page.voting.left_label.text() == "0 of 15 dots left for the room"
    qtbot.keyClick(page.voting.tree, Qt.Key.Key_Plus)
    assert errors == [
        "All 15 dots of the room are placed (5 people x 3 dots); "
        "take one back before placing another."
    ]
    assert {vote.participant_id for vote in _stored_votes(page)} == {None}  # totals only

    rules.anonymous.click()  # back to named voting is refused while dots are placed
    assert errors[-1].startswith("Reset the votes before switching between named and anonymous")
    assert rules.anonymous.isChecked()
    assert get_workshop(page.context.library, room["workshop"]).anonymous_votes


def test_dot_budget_change_is_one_undo_step_and_checked(page, room, qtbot, errors) -> None:
    budget = page.voting.rules.budget
    budget.setValue(5)
    assert get_workshop(page.context.library, room["workshop"]).dot_budget == 5
    assert page.voting.left_label.text().startswith("Ana: 5 of 5 dots left")
    _go_to(page, room["Rota changes"])
    for _ in range(4):
        qtbot.keyClick(page.voting.tree, Qt.Key.Key_Plus)
    budget.setValue(3)
    assert errors == [
        "Someone has already placed 4 dots; take some back before lowering the budget to 3."
    ]
    assert budget.value() == 5  # shows the rule as it still is
    for _ in range(4):
        page.context.undo_stack.undo()
    page.context.undo_stack.undo()  # and the budget change itself
    assert get_workshop(page.context.library, room["workshop"]).dot_budget == 3
    assert budget.value() == 3


def test_dots_on_single_notes(page, room, qtbot) -> None:
    page.voting.rules.on_notes.click()
    model = page.voting.model
    theme_index = model.index_of(("theme", room["Heavy totes"]))
    assert model.rowCount(theme_index) == 2  # its two notes, under it
    note_index = model.index(0, 0, theme_index)
    page.voting.tree.setCurrentIndex(note_index)
    qtbot.keyClick(page.voting.tree, Qt.Key.Key_Plus)
    assert _totals(page)["Heavy totes"] == 1  # a dot on a note counts for its theme
    [vote] = _stored_votes(page)
    assert vote.note_id is not None and vote.theme_id is None
    assert model.itemFromIndex(model.index(0, 1, theme_index)).text() == "●"


def test_hiding_results_while_the_room_votes(page, room, qtbot) -> None:
    _go_to(page, room["Rota changes"])
    qtbot.keyClick(page.voting.tree, Qt.Key.Key_Plus)
    page.voting.hide_results.click()
    assert page.voting.results.bars() == []
    assert page.voting.tree.isColumnHidden(2)
    assert page.context.settings.value("prioritise/hide_results") in (True, "true")
    page.voting.hide_results.click()
    assert _totals(page)["Rota changes"] == 1


def test_add_unnamed_people_so_everyone_can_vote(page, room, monkeypatch) -> None:
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (3, True))
    page.voting.rules.ask_add_people()
    people = list_participants(page.context.library, room["workshop"])
    assert len(people) == 8 and [p.name for p in people[5:]] == [None, None, None]
    assert page.voting.voter.count() == 8
    assert page.voting.voter.itemText(7).startswith("Frontline #8")
    assert page.voting.room_label.text() == "Room: 0 of 24 dots placed (8 people x 3 dots)"
    page.context.undo_stack.undo()
    assert len(list_participants(page.context.library, room["workshop"])) == 5
    page.context.undo_stack.redo()
    assert page.voting.voter.count() == 8


def test_override_impact_and_rate_effort(page, room, qtbot) -> None:
    page.tabs.setCurrentIndex(RANKING_TAB)
    ranking = page.ranking
    assert ranking.table.hasFocus()
    ranking.set_current_theme(room["Rota changes"])
    assert ranking.editor.title() == "Theme: Rota changes"
    assert ranking.impact.itemText(0) == "From the notes (3.0)"
    five = ranking.impact.findData(5)
    ranking.impact.setCurrentIndex(five)
    ranking.impact.activated.emit(five)
    row = next(
        r
        for r in range(ranking.model.rowCount())
        if ranking.model.item(r, 1).text() == "Rota changes"
    )
    assert ranking.model.item(row, 3).text() == "5.0*"
    assert "the notes' mean is 3.0" in ranking.model.item(row, 3).toolTip()
    effort = ranking.effort.findData(1)
    ranking.effort.activated.emit(effort)
    theme = next(
        t for t in rank_themes(page.context.library, room["workshop"]) if t.name == "Rota changes"
    )
    assert (theme.impact, theme.impact_overridden, theme.effort) == (5.0, True, 1)
    page.context.undo_stack.undo()
    page.context.undo_stack.undo()
    theme = next(
        t for t in rank_themes(page.context.library, room["workshop"]) if t.name == "Rota changes"
    )
    assert (theme.impact, theme.impact_overridden, theme.effort) == (3.0, False, None)
    assert ranking.impact.currentIndex() == 0


def test_choose_themes_for_mapping(page, room, qtbot) -> None:
    page.tabs.setCurrentIndex(RANKING_TAB)
    ranking = page.ranking
    assert ranking.choice_label.text().startswith("None chosen yet: until you choose, the top 3")
    qtbot.mouseClick(ranking.select_top, Qt.MouseButton.LeftButton)
    chosen = [t.name for t in rank_themes(page.context.library, room["workshop"]) if t.selected]
    assert len(chosen) == 3 and "Rota changes" not in chosen
    assert ranking.choice_label.text() == f"Going on to mapping: {', '.join(chosen)}."
    ranking.set_current_theme(room["Rota changes"])
    qtbot.keyClick(ranking.table, Qt.Key.Key_Space)
    assert sum(t.selected for t in rank_themes(page.context.library, room["workshop"])) == 4
    page.context.undo_stack.undo()
    page.context.undo_stack.undo()
    assert not any(t.selected for t in rank_themes(page.context.library, room["workshop"]))


def test_matrix_click_hover_and_keys(page, room, qtbot) -> None:
    page.tabs.setCurrentIndex(MATRIX_TAB)
    matrix = page.matrix
    assert matrix.hasFocus()
    assert {t.name for t in matrix.shown()} == set(THEMES)
    labels = room["Labels print late"]
    qtbot.mouseClick(matrix, Qt.MouseButton.LeftButton, pos=_point_at(page, labels))
    assert page.current_theme == labels and matrix.current() == labels
    assert page.ranking.current_theme().id == labels  # the other tabs follow
    assert "Labels print late" in page.details.text() and "act now" in page.details.text()
    labels_theme = next(t for t in matrix.shown() if t.id == labels)
    assert "Quadrant: act now" in matrix.details(labels_theme)
    assert matrix.theme_at(matrix.positions()[labels]).id == labels

    qtbot.mouseDClick(matrix, Qt.MouseButton.LeftButton, pos=_point_at(page, labels))
    assert [
        t.selected for t in rank_themes(page.context.library, room["workshop"]) if t.id == labels
    ] == [True]
    qtbot.keyClick(matrix, Qt.Key.Key_Right)
    assert page.current_theme != labels
    qtbot.keyClick(matrix, Qt.Key.Key_Space)
    assert sum(t.selected for t in rank_themes(page.context.library, room["workshop"])) == 2

    # Against effort, themes without an effort rating wait off the chart, and say so.
    page.axis.setCurrentIndex(1)
    assert matrix.shown() == []
    assert page.unplaced.isVisible() and "Labels print late" in page.unplaced.text()


def test_points_that_overlap_are_pushed_apart_and_others_stay() -> None:
    spots = {1: (100.0, 100.0), 2: (104.0, 100.0), 3: (100.0, 100.0), 4: (300.0, 300.0)}
    radii = {1: 10.0, 2: 10.0, 3: 10.0, 4: 10.0}
    placed = separate(spots, radii)
    for first in (1, 2, 3):
        for second in (1, 2, 3):
            if first < second:
                (x1, y1), (x2, y2) = placed[first], placed[second]
                assert ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 >= 22
    assert placed[4] == (300.0, 300.0)


def test_labels_go_beside_their_point_where_they_cover_nothing() -> None:
    plot, size = QRectF(0, 0, 400, 300), QSizeF(80, 16)
    first = place_label(QPointF(100, 100), 10, size, plot, [])
    assert first.left() >= 110 and abs(first.center().y() - 100) < 1  # right of the point
    second = place_label(QPointF(100, 100), 10, size, plot, [first])
    assert not second.intersects(first) and plot.contains(second)
    at_edge = place_label(QPointF(390, 100), 10, size, plot, [])
    assert at_edge.right() <= 380 and plot.contains(at_edge)  # turned to the left, inside


def _ranked(key: int, impact: float, frequency: float, votes: int = 3) -> RankedTheme:
    return RankedTheme(
        id=key, name=f"Theme {key}", color="#f6c945", rank=key, notes=1, votes=votes,
        impact=impact, frequency=frequency, impact_from_notes=impact,
        frequency_from_notes=frequency, impact_overridden=False, frequency_overridden=False,
        effort=None, score=1.0, selected=False, board_order=key,
    )  # fmt: skip


def test_crowded_points_stay_in_the_quadrant_they_are_named_in(qtbot) -> None:
    matrix = PriorityMatrix()
    qtbot.addWidget(matrix)
    matrix.resize(700, 500)
    # Ten unrated themes sit on the middle (counted low: "watch"); two just above it.
    themes = [_ranked(key, 3.0, 3.0) for key in range(1, 11)]
    themes += [_ranked(11, 3.1, 3.1), _ranked(12, 3.1, 3.1)]
    matrix.set_themes(themes, Axis.FREQUENCY)
    middle = matrix.to_screen(3, 3)
    positions = matrix.positions()
    for key in range(1, 11):
        assert matrix.quadrant_of(themes[key - 1]) is Quadrant.WATCH
        assert positions[key].x() <= middle.x() and positions[key].y() >= middle.y()
    for key in (11, 12):
        assert positions[key].x() > middle.x() and positions[key].y() < middle.y()


def test_mouse_places_and_takes_back_dots(page, room, qtbot) -> None:
    tree = page.voting.tree
    index = page.voting.model.index_of(("theme", room["Heavy totes"]))
    where = tree.visualRect(index).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert _totals(page)["Heavy totes"] == 1
    qtbot.mouseClick(page.voting.place, Qt.MouseButton.LeftButton)
    assert _totals(page)["Heavy totes"] == 2
    qtbot.mouseClick(page.voting.take, Qt.MouseButton.LeftButton)
    assert _totals(page)["Heavy totes"] == 1
    assert page.voting.left_label.text().startswith("Ana: 2 of 3 dots left")


def test_page_keeps_up_with_edits_made_elsewhere(page, room, qtbot) -> None:
    _go_to(page, room["Rota changes"])
    qtbot.keyClick(page.voting.tree, Qt.Key.Key_Plus)
    # Another page deletes the theme (and its dot): this page shows what is left.
    remove(page.context.library, "theme", [room["Rota changes"]])
    page.context.changes.announce({"themes"})
    assert set(_totals(page)) == set(THEMES) - {"Rota changes"}
    assert page.voting.current_target() in [("theme", room[n]) for n in THEMES]
    assert page.ranking.model.rowCount() == 3
    assert page.voting.left_label.text().startswith("Ana: 3 of 3 dots left")


def test_ticking_the_mapping_box_in_the_table(page, room) -> None:
    page.tabs.setCurrentIndex(RANKING_TAB)
    model = page.ranking.model
    row = next(r for r in range(model.rowCount()) if model.item(r, 1).text() == "Heavy totes")
    model.item(row, MAPPING).setCheckState(Qt.CheckState.Checked)  # as a click on the box does
    chosen = [t.name for t in rank_themes(page.context.library, room["workshop"]) if t.selected]
    assert chosen == ["Heavy totes"]
    assert page.context.undo_stack.undoText() == "Send “Heavy totes” on to mapping"

"""The home page's reviews: what is due across the library, one click from its cycle."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from kaizen_studio.domain.enums import Stage
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.demo import create_demo
from kaizen_studio.storage.library import open_library
from kaizen_studio.ui.reviews_panel import REVIEW_ROLE

TODAY = date(2026, 12, 1)


def _window(make_window, library_path: Path, clock: FixedClock):
    with open_library(library_path, create=True) as library:
        create_demo(library, FixedClock(TODAY))
    window = make_window(library_path)
    window.context.clock = clock
    window.home.refresh()
    return window


def test_the_home_page_lists_overdue_and_soon_due_reviews(
    make_window, library_path: Path, clock: FixedClock
) -> None:
    window = _window(make_window, library_path, clock)
    panel = window.home.reviews
    assert panel.list.count() == 6 and not panel.empty_hint.isVisible()
    assert panel.title.text() == "Reviews due · 6, 2 overdue"
    first = panel.list.item(0).text()
    assert first == "Overdue by 5 days · 60-day check\nClose-the-loop call practice, cycle 1 · Dana"
    assert "26 Nov 2026" in panel.list.item(0).toolTip()
    assert panel.list.item(0).foreground().color() != panel.list.item(2).foreground().color()


def test_one_click_opens_the_pdca_stage_on_that_cycle(
    make_window, library_path: Path, clock: FixedClock, qtbot
) -> None:
    window = _window(make_window, library_path, clock)
    panel = window.home.reviews
    item = panel.list.item(5)  # the coaching cycle's 30-day check
    review = item.data(REVIEW_ROLE)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentWidget() is window.workshop
    assert window.workshop.current_stage() is Stage.PDCA
    page = window.workshop.current_page()
    assert page.board.selected_id() == review.cycle_id
    assert page.editor.detail.intervention == "Team leader coaching huddles"


def test_time_travel_empties_and_refills_the_list(
    make_window, library_path: Path, clock: FixedClock
) -> None:
    window = _window(make_window, library_path, clock)
    panel = window.home.reviews
    window.context.clock = FixedClock(date(2026, 1, 1))
    window.home.refresh()
    assert panel.list.count() == 0 and panel.empty_hint.isVisible()
    assert panel.title.text() == "Reviews due"
    window.context.clock = FixedClock(date(2027, 3, 1))
    window.home.refresh()
    assert panel.list.count() == 12  # every open check and dated action is overdue by then

"""The Cluster stage: the affinity board, where notes are sorted into themes.

Everything the facilitator does here is one undo step through ui.board.edits:
the page asks services.themes (or services.suggestions) for the change and
shows the board that results.
"""

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.board import THEME_COLOURS, Point
from kaizen_studio.domain.enums import Stage
from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.services import themes
from kaizen_studio.services.board import Board, BoardChange
from kaizen_studio.ui.board.card_item import CardItem, card_font
from kaizen_studio.ui.board.edits import BOARD_TOPICS, THEME_TOPICS, perform_board
from kaizen_studio.ui.board.frame_item import FrameItem
from kaizen_studio.ui.board.scene import BoardScene
from kaizen_studio.ui.board.toolbar import BoardToolbar, colour_menu, make_action
from kaizen_studio.ui.board.view import BoardView
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.stages.base import StagePage
from kaizen_studio.ui.stages.suggestions_dialog import SuggestionsDialog
from kaizen_studio.ui.theme import ACCENT, ACCENT_DARK

UNSORTED_CHOICE = "Unsorted (no theme)"
LIGHT_BOARD, DARK_BOARD = QColor("#e8ebf0"), QColor("#16191e")


def _dark() -> bool:
    app = QApplication.instance()
    return bool(app.property("kaizenDark")) if app is not None else False


class ClusterPage(StagePage):
    stage = Stage.CLUSTER
    topics = frozenset({"notes", "themes"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        CardItem.font = card_font()
        self.board: Board | None = None
        self._shown_workshop: int | None = None
        self.matches: list[CardItem] = []
        self.scene = BoardScene(self)
        self.view = BoardView(self.scene, self)
        self.actions_by_name = self._build_actions()
        self.colour_menu = colour_menu(self, self.recolour)
        self.toolbar = BoardToolbar(self.actions_by_name, self.colour_menu, self)
        self.search = self.toolbar.search
        self.summary = QLabel(self)
        self.summary.setObjectName("boardSummary")
        self.summary.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.search.textChanged.connect(self._find)
        self.search.returnPressed.connect(self._next_match)
        self.scene.moved.connect(self._moved)
        self.scene.resized.connect(self._resized)
        self.scene.selectionChanged.connect(self._update_actions)
        self.view.zoom_changed.connect(lambda p: self.toolbar.zoom_label.setText(f"{p} %"))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

    def _build_actions(self) -> dict[str, QAction]:
        specs: tuple[tuple[str, str, Callable[[], object], str], ...] = (
            ("suggestAction", "&Suggest themes…", self.suggest, "Ctrl+T"),
            ("newThemeAction", "&New theme from selection…", self.new_theme, "Ctrl+G"),
            ("moveToThemeAction", "&Move cards to theme…", self.move_to_theme, "Ctrl+M"),
            ("renameAction", "&Rename theme…", self.rename_theme, "F2"),
            ("lockAction", "&Lock or unlock theme", self.toggle_lock, "Ctrl+L"),
            ("mergeAction", "Mer&ge selected themes", self.merge_themes, "Ctrl+Shift+M"),
            ("splitAction", "S&plit theme", self.split_theme, "Ctrl+Shift+P"),
            ("deleteThemeAction", "&Delete theme", self.delete_themes, "Delete"),
            ("stackAction", "S&tack selected notes", self.stack, "Ctrl+K"),
            ("unstackAction", "&Unstack notes", self.unstack, "Ctrl+Shift+K"),
            ("tidyAction", "T&idy up the board", self.tidy, "Ctrl+Shift+T"),
            ("selectAllAction", "Select &all cards", self.select_all_cards, "Ctrl+A"),
            ("zoomInAction", "Zoom in", self.view.zoom_in, "Ctrl++"),
            ("zoomOutAction", "Zoom out", self.view.zoom_out, "Ctrl+-"),
            ("fitAction", "&Fit the board", self.fit, "Ctrl+0"),
        )
        return {spec[0]: make_action(self, *spec) for spec in specs}

    # -- showing -----------------------------------------------------------------------

    def refresh(self) -> None:
        if self.workshop_id is None:
            return
        try:
            board = themes.open_board(self.context.library, self.workshop_id)
        except KaizenError as error:
            self.context.report_error(str(error))
            return
        first = self._shown_workshop != self.workshop_id
        self._paint_colours()
        self.board = board
        self.scene.show_board(board)
        self._shown_workshop = self.workshop_id
        self._show_summary(board)
        if self.search.text():
            self._find(self.search.text())
        self._update_actions()
        if first:
            self.fit()

    def _paint_colours(self) -> None:
        dark = _dark()
        self.scene.dark = dark
        CardItem.highlight = ACCENT_DARK if dark else ACCENT
        self.view.setBackgroundBrush(DARK_BOARD if dark else LIGHT_BOARD)

    def _show_summary(self, board: Board) -> None:
        cards = len(board.cards)
        if not cards:
            self.summary.setText("No notes yet: capture some on the Capture stage first.")
            return
        parts = [f"{cards} note{'s' * (cards != 1)}", f"{len(board.frames)} themes"]
        parts.append(f"{board.unsorted} unsorted")
        self.summary.setText(
            " · ".join(parts) + ".  Drag cards into a frame; drag a box or Ctrl-click to "
            "select several; drag a frame by its name to move it."
        )

    def fit(self) -> None:
        """Show the whole board if it can be read; otherwise its top left, readable."""
        self.view.fit_all(most=1.0, least=0.6)

    def focus_main_input(self) -> None:
        self.view.setFocus()

    def focus_find(self) -> bool:
        self.search.setFocus()
        self.search.selectAll()
        return True

    def _find(self, text: str) -> None:
        self.matches = self.scene.highlight(text)
        if self.matches:
            self.view.ensureVisible(self.matches[0].sceneBoundingRect(), 60, 60)

    def _next_match(self) -> None:
        if not self.matches:
            return
        self.matches.append(self.matches.pop(0))
        self.view.go_to(self.matches[-1])

    # -- what the selection allows ------------------------------------------------------

    def _themes_in_hand(self) -> list[int]:
        """Themes picked: frames selected, or else the theme of the card in focus."""
        picked = self.scene.selected_theme_ids()
        if picked:
            return picked
        current = self.view.current_item()
        if isinstance(current, CardItem) and current.theme_id is not None:
            return [current.theme_id]
        return []

    def _update_actions(self) -> None:
        # A scene being destroyed (with its window) still reports its selection emptying,
        # once per card; by then its Python part is gone and must not be touched.
        if not shiboken6.isValid(self.scene):
            return
        notes = self.scene.selected_note_ids()
        picked = self._themes_in_hand()
        enable = {
            "moveToThemeAction": bool(notes),
            "renameAction": len(picked) == 1,
            "lockAction": bool(picked),
            "mergeAction": len(self.scene.selected_theme_ids()) >= 2,
            "splitAction": len(picked) == 1,
            "deleteThemeAction": bool(self.scene.selected_theme_ids()),
            "stackAction": len(notes) >= 2,
            "unstackAction": any(self.scene.cards[n].stacked for n in notes),
        }
        for name, on in enable.items():
            self.actions_by_name[name].setEnabled(on)
        self.colour_menu.setEnabled(len(picked) >= 1)

    def select_all_cards(self) -> None:
        self.scene.select_only(list(self.scene.cards.values()))

    # -- edits ---------------------------------------------------------------------------

    def _do(self, text: str, change: Callable[[], BoardChange], topics=BOARD_TOPICS) -> bool:
        return perform_board(self.context, text, change, topics)

    def _name(self, key: int) -> str:
        assert self.board is not None
        return next((f.name for f in self.board.frames if f.id == key), "theme")

    def _moved(self, notes: dict, frames: dict, into: object) -> None:
        assert self.workshop_id is not None
        workshop = self.workshop_id
        if frames:
            text = "Move theme" if len(frames) == 1 else f"Move {len(frames)} themes"
        elif into is None:
            text = "Move cards out of themes" if len(notes) > 1 else "Move card"
        elif into == themes.KEEP:
            text = "Move cards"
        else:
            text = f"Move to “{self._name(int(into))}”"  # type: ignore[call-overload]
        self._do(
            text,
            lambda: themes.move_on_board(
                self.context.library,
                workshop,
                notes=notes,
                frames=frames,
                into=into,  # type: ignore[arg-type]
            ),
        )

    def _resized(self, theme_id: int, width: float, height: float) -> None:
        self._do(
            f"Resize “{self._name(theme_id)}”",
            lambda: themes.resize_theme(self.context.library, theme_id, width, height),
        )

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        answer, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return answer if ok else None

    def new_theme(self) -> None:
        if self.workshop_id is None:
            return
        notes = self.scene.selected_note_ids()
        name = self._ask("New theme", "Name of the new theme:", "New theme")
        if name is None:
            return
        workshop, centre = (
            self.workshop_id,
            self.view.mapToScene(self.view.viewport().rect().center()),
        )
        at = None if notes else Point(centre.x() - 100, centre.y() - 80)
        self._do(
            f"New theme “{name.strip()}”",
            lambda: themes.create_theme(
                self.context.library, workshop, name, notes, at=at, clock=self.context.clock
            )[1],
        )

    def move_to_theme(self) -> None:
        notes = self.scene.selected_note_ids()
        if not notes or self.board is None or self.workshop_id is None:
            return
        frames = sorted(self.board.frames, key=lambda f: f.position)
        choices = [f.name for f in frames] + [UNSORTED_CHOICE]
        choice, ok = QInputDialog.getItem(
            self, "Move cards to theme", f"Move {len(notes)} card(s) to:", choices, 0, False
        )
        if not ok:
            return
        into = None if choice == UNSORTED_CHOICE else frames[choices.index(choice)].id
        points = {
            n: Point(self.scene.cards[n].pos().x(), self.scene.cards[n].pos().y()) for n in notes
        }
        self._moved(points, {}, into)

    def rename_theme(self) -> None:
        picked = self._themes_in_hand()
        if len(picked) != 1:
            return
        key = picked[0]
        name = self._ask("Rename theme", "New name of the theme:", self._name(key))
        if name is not None:
            self._do(
                f"Rename theme to “{name.strip()}”",
                lambda: themes.rename_theme(self.context.library, key, name),
            )

    def recolour(self, colour: str | None) -> None:
        picked = self._themes_in_hand()
        if not picked:
            return
        if colour is None:
            chosen = QColorDialog.getColor(QColor(THEME_COLOURS[0]), self, "Theme colour")
            if not chosen.isValid():
                return
            colour = chosen.name()
        self._do(
            "Change theme colour",
            lambda: themes.recolour_themes(self.context.library, picked, colour),
        )

    def toggle_lock(self) -> None:
        picked = self._themes_in_hand()
        if not picked or self.board is None:
            return
        lock = not all(f.locked for f in self.board.frames if f.id in picked)
        self._do(
            "Lock theme" if lock else "Unlock theme",
            lambda: themes.lock_themes(self.context.library, picked, lock),
        )

    def merge_themes(self) -> None:
        picked = self.scene.selected_theme_ids()
        if len(picked) >= 2:
            self._do(
                f"Merge {len(picked)} themes into “{self._name(picked[0])}”",
                lambda: themes.merge_themes(self.context.library, picked),
                THEME_TOPICS,
            )

    def split_theme(self) -> None:
        picked = self._themes_in_hand()
        if len(picked) != 1:
            return
        key = picked[0]
        chosen = [n for n in self.scene.selected_note_ids() if self.scene.cards[n].theme_id == key]
        name: str | None = None
        if chosen:
            name = self._ask("Split theme", "Name of the new theme:", f"{self._name(key)} (2)")
            if name is None:
                return
        notes = chosen or None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._do(
                f"Split “{self._name(key)}”",
                lambda: themes.split_theme(
                    self.context.library, key, notes, name, clock=self.context.clock
                )[1],
            )
        finally:
            QApplication.restoreOverrideCursor()

    def delete_themes(self) -> None:
        picked = self.scene.selected_theme_ids()
        if picked:
            text = "Delete theme" if len(picked) == 1 else f"Delete {len(picked)} themes"
            self._do(text, lambda: themes.delete_themes(self.context.library, picked), THEME_TOPICS)

    def stack(self) -> None:
        notes = self.scene.selected_note_ids()
        if len(notes) < 2:
            return
        focus = self.view.current_item()
        leader = focus.note_id if isinstance(focus, CardItem) and focus.isSelected() else None
        if leader is None:
            leader = min(
                notes, key=lambda n: (self.scene.cards[n].pos().y(), self.scene.cards[n].pos().x())
            )
        rest = [n for n in notes if n != leader]
        self._do(
            f"Stack {len(rest) + 1} notes",
            lambda: themes.stack_notes(self.context.library, leader, rest),
        )

    def unstack(self) -> None:
        stacked = [n for n in self.scene.selected_note_ids() if self.scene.cards[n].stacked]
        if stacked:
            self._do(
                "Unstack notes",
                lambda: themes.unstack_notes(self.context.library, stacked),
            )

    def tidy(self) -> None:
        if self.workshop_id is not None:
            workshop = self.workshop_id
            if self._do(
                "Tidy up the board", lambda: themes.tidy_board(self.context.library, workshop)
            ):
                self.fit()

    def suggest(self) -> None:
        if self.workshop_id is None:
            return
        dialog = SuggestionsDialog(self.context, self.workshop_id, self)
        if dialog.exec() and dialog.applied:
            self.fit()

    # -- the context menu ------------------------------------------------------------------

    def _context_menu(self, position: QPoint) -> None:
        item = self.view.itemAt(position)
        if isinstance(item, CardItem | FrameItem) and not item.isSelected():
            self.scene.select_only([item])
        if item is not None:
            self.scene.setFocusItem(item)
        self._update_actions()
        menu = QMenu(self)
        names: tuple[str, ...]
        if isinstance(item, CardItem):
            names = ("moveToThemeAction", "newThemeAction", "stackAction", "unstackAction")
        elif isinstance(item, FrameItem):
            names = ("renameAction", "lockAction", "splitAction", "mergeAction")
        else:
            names = ("suggestAction", "newThemeAction", "tidyAction", "fitAction")
        for name in names:
            menu.addAction(self.actions_by_name[name])
        if isinstance(item, FrameItem):
            menu.addMenu(self.colour_menu)
            menu.addSeparator()
            menu.addAction(self.actions_by_name["deleteThemeAction"])
        menu.exec(self.view.viewport().mapToGlobal(position))

"""The row above the board: suggest, new theme, theme and card menus, tidy, find and zoom.

Every button triggers one of the page's actions, so a button, its menu entry,
its context-menu entry and its shortcut all do the same thing.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMenu, QPushButton, QToolButton, QWidget

from kaizen_studio.domain.board import THEME_COLOURS

COLOUR_NAMES = dict(
    zip(
        THEME_COLOURS,
        ("Yellow", "Green", "Blue", "Orange", "Purple", "Pink", "Lime", "Teal", "Sand", "Grey"),
        strict=True,
    )
)


def make_action(
    owner: QWidget, name: str, text: str, slot: Callable[[], object], shortcut: str | None = None
) -> QAction:
    """An action that works while the keyboard focus is anywhere on `owner`."""
    action = QAction(text, owner)
    action.setObjectName(name)
    plain = text.replace("…", "").replace("&", "")
    action.setToolTip(f"{plain} ({shortcut})" if shortcut else plain)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _=False: slot())
    owner.addAction(action)
    return action


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def colour_menu(owner: QWidget, choose: Callable[[str | None], None]) -> QMenu:
    """The theme colours by name, and "Other colour…" (None) for any colour at all."""
    menu = QMenu("&Colour", owner)
    menu.setObjectName("colourMenu")
    for colour, name in COLOUR_NAMES.items():
        action = menu.addAction(swatch(colour), name)
        action.setObjectName(f"colour_{colour[1:]}")
        action.triggered.connect(lambda _=False, c=colour: choose(c))
    menu.addSeparator()
    menu.addAction("Other colour…").triggered.connect(lambda: choose(None))
    return menu


class BoardToolbar(QWidget):
    def __init__(self, actions: dict[str, QAction], colours: QMenu, parent: QWidget) -> None:
        super().__init__(parent)
        self.actions_by_name = actions
        self.search = QLineEdit(self)
        self.search.setObjectName("boardSearch")
        self.search.setAccessibleName("Find notes on the board")
        self.search.setPlaceholderText("Find notes…")
        self.search.setToolTip("Find notes (Ctrl+F); Enter goes to the next match")
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(240)
        self.zoom_label = self._tool("fitAction", "100 %")
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setToolTip("Show the whole board (Ctrl+0)")
        theme_menu = self._menu(
            ("renameAction", "lockAction", "mergeAction", "splitAction"), extra=colours
        )
        theme_menu.addSeparator()
        theme_menu.addAction(actions["deleteThemeAction"])
        cards = ("moveToThemeAction", "stackAction", "unstackAction", "selectAllAction")
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self._button("suggestAction", "Suggest themes…", primary=True))
        bar.addWidget(self._button("newThemeAction", "New theme"))
        bar.addWidget(self._menu_button("themeMenuButton", "Theme", "Theme actions", theme_menu))
        bar.addWidget(
            self._menu_button("cardMenuButton", "Cards", "Card actions", self._menu(cards))
        )
        bar.addWidget(self._button("tidyAction", "Tidy up"))
        bar.addStretch()
        bar.addWidget(self.search)
        bar.addSpacing(8)
        bar.addWidget(self._tool("zoomOutAction", "−"))
        bar.addWidget(self.zoom_label)
        bar.addWidget(self._tool("zoomInAction", "+"))

    def _button(self, name: str, text: str, primary: bool = False) -> QPushButton:
        action = self.actions_by_name[name]
        button = QPushButton(text, self)
        button.setObjectName(name.replace("Action", "Button"))
        button.setAccessibleName(action.text().replace("&", "").replace("…", ""))
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        if primary:
            button.setProperty("primary", True)
        return button

    def _tool(self, name: str, text: str) -> QToolButton:
        action = self.actions_by_name[name]
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name.replace("Action", "Button"))
        button.setAccessibleName(action.text().replace("&", ""))
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        return button

    def _menu(self, names: tuple[str, ...], extra: QMenu | None = None) -> QMenu:
        menu = QMenu(self)
        for name in names:
            menu.addAction(self.actions_by_name[name])
        if extra is not None:
            menu.addMenu(extra)
        return menu

    def _menu_button(self, name: str, text: str, accessible: str, menu: QMenu) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setMenu(menu)
        return button

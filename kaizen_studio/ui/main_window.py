"""The main window: menus, the home page and the workshop view, one library at a time."""

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
)

from kaizen_studio import APP_NAME
from kaizen_studio.domain.enums import Stage
from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.storage.backup import copy_library
from kaizen_studio.storage.library import LIBRARY_SUFFIX, Library, open_library
from kaizen_studio.ui.about import show_about
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.home_page import HomePage
from kaizen_studio.ui.theme import apply_theme
from kaizen_studio.ui.workshop_view import STAGES, WorkshopView

FILE_FILTER = f"Kaizen Studio libraries (*{LIBRARY_SUFFIX});;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        context.report_error = self.show_error
        self.setObjectName("mainWindow")
        self.setMinimumSize(900, 600)
        self.home = HomePage(context, self)
        self.workshop = WorkshopView(context, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.home)
        self.pages.addWidget(self.workshop)
        self.setCentralWidget(self.pages)
        self.home.workshop_opened.connect(lambda wid, stage: self.open_workshop(wid, Stage(stage)))
        self.workshop.home_requested.connect(self.show_home)
        self._build_menus()
        self._update_title()
        self.statusBar().setObjectName("statusBar")
        context.changes.changed.connect(self._on_changed)
        # "Follow the system": a desktop switching to dark at dusk takes the window along.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        geometry = context.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)

    # -- menus ----------------------------------------------------------------

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: object,
        shortcut: QKeySequence | str | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("&File")
        self._action(
            file_menu, "New &library…", self.new_library, "Ctrl+Shift+N", "newLibraryAction"
        )
        self._action(
            file_menu, "&Open library…", self.open_library_dialog, keys.Open, "openLibraryAction"
        )
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._action(
            file_menu, "&New workshop…", self.home.create_workshop, keys.New, "newWorkshopAction"
        )
        self._action(file_menu, "Save a &copy…", self.save_copy, keys.SaveAs, "saveCopyAction")
        file_menu.addSeparator()
        # Ctrl+Q everywhere: Windows has no standard Quit key of its own.
        self._action(file_menu, "&Quit", self.close, "Ctrl+Q", "quitAction")

        edit_menu = self.menuBar().addMenu("&Edit")
        stack = self.context.undo_stack
        undo = stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence(keys.Undo))
        undo.setObjectName("undoAction")
        undo.triggered.connect(lambda: self._say(f"Undone: {stack.redoText()}"))
        redo = stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(redo_keys())
        redo.setObjectName("redoAction")
        redo.triggered.connect(lambda: self._say(f"Redone: {stack.undoText()}"))
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        self._action(edit_menu, "&Find…", self.find, keys.Find, "findAction")

        view_menu = self.menuBar().addMenu("&View")
        self._action(view_menu, "&Workshops", self.show_home, "Ctrl+Home", "homeAction")
        for number, stage in enumerate(STAGES, start=1):
            self._action(
                view_menu,
                f"{number}  {stage.label}",
                lambda _=False, s=stage: (
                    self.workshop.show_stage(s) if self.workshop.workshop_id else None
                ),
                f"Ctrl+{number}",
            )
        self._action(view_menu, "&Next stage", lambda: self.workshop.step(1), "Ctrl+PgDown")
        self._action(view_menu, "&Previous stage", lambda: self.workshop.step(-1), "Ctrl+PgUp")
        view_menu.addSeparator()
        self._action(view_menu, "&Full screen", self.toggle_full_screen, keys.FullScreen)
        theme_menu = view_menu.addMenu("&Theme")
        group = QActionGroup(self)
        for key, label in (
            ("system", "Follow the &system"),
            ("light", "&Light"),
            ("dark", "&Dark"),
        ):
            action = self._action(theme_menu, label, lambda _=False, k=key: self.set_theme(k))
            action.setCheckable(True)
            action.setChecked(self.context.settings.theme() == key)
            group.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        self._action(
            help_menu, "&About Kaizen Studio", lambda: show_about(self), None, "aboutAction"
        )

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.context.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number}  {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if not recent:
            self.recent_menu.addAction("No recent libraries").setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("&Clear the list").triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        for path in self.context.settings.recent_files():
            if path != self.context.library.path.resolve():
                self.context.settings.remove_recent_file(path)

    def open_recent(self, path: Path) -> bool:
        """A recent library that has moved is dropped from the list, never recreated empty."""
        if not path.exists():
            self.context.settings.remove_recent_file(path)
            self.show_error(
                f"{path.name} is no longer at {path.parent}; it was taken off the recent list."
            )
            return False
        return self.switch_library(path)

    # -- navigation -----------------------------------------------------------

    def show_home(self) -> None:
        self.pages.setCurrentWidget(self.home)
        self.home.refresh()
        self.home.table.setFocus()
        self._update_title()

    def open_workshop(self, workshop_id: int, stage: Stage = Stage.INTENT) -> None:
        self.pages.setCurrentWidget(self.workshop)
        self.workshop.open_workshop(workshop_id, stage)
        self._update_title()

    def find(self) -> None:
        """Edit > Find: the current page's filter box, where it has one."""
        if self.pages.currentWidget() is self.home:
            self.home.focus_find()
        elif not self.workshop.current_page().focus_find():
            self._say(
                f"There is nothing to search on the {self.workshop.current_stage().label} page."
            )

    def _say(self, message: str) -> None:
        self.statusBar().showMessage(message, 4000)

    def _on_changed(self, topics: frozenset[str]) -> None:
        if "workshops" in topics:
            self._update_title()

    def _system_scheme_changed(self) -> None:
        if self.context.settings.theme() == "system":
            self.set_theme("system")

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def set_theme(self, theme: str) -> None:
        self.context.settings.set_theme(theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)

    # -- library files --------------------------------------------------------

    def _update_title(self) -> None:
        """ "Workshop — library.kaizen — Kaizen Studio" inside a workshop, else the file."""
        path = self.context.library.path
        parts = [path.name, APP_NAME]
        title = self.workshop.title.full_text()
        if self.pages.currentWidget() is self.workshop and title:
            parts.insert(0, title)
        self.setWindowTitle(" — ".join(parts))
        self.setWindowFilePath(str(path))

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, APP_NAME, message)

    def switch_library(self, path: Path) -> bool:
        """Open another library in this window; on refusal, keep the current one."""
        self.commit_pending_edit()
        if path.exists() and path.resolve() == self.context.library.path.resolve():
            self.show_home()
            return True
        try:
            library = open_library(path, create=not path.exists(), exclusive=True)
        except KaizenError as error:
            self.show_error(str(error))
            return False
        self._adopt(library)
        return True

    def commit_pending_edit(self) -> None:
        """Save the field being typed in (it saves when it loses the focus)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            focus.clearFocus()

    def _adopt(self, library: Library) -> None:
        self.context.library.close()
        self.context.library = library
        self.context.undo_stack.clear()
        self.context.settings.add_recent_file(library.path)
        if library.upgrade_backup is not None:
            QMessageBox.information(
                self,
                APP_NAME,
                f"{library.path.name} was upgraded to this version. "
                f"The original was kept as {library.upgrade_backup.name}.",
            )
        self.workshop.workshop_id = None
        self._update_title()
        self.show_home()

    def open_library_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open library", str(self.context.library.path.parent), FILE_FILTER
        )
        if name:
            self.switch_library(Path(name))

    def new_library(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "New library",
            str(self.context.library.path.parent / f"workshops{LIBRARY_SUFFIX}"),
            FILE_FILTER,
        )
        if not name:
            return
        path = Path(name)
        if path.suffix != LIBRARY_SUFFIX:
            path = path.with_name(path.name + LIBRARY_SUFFIX)
        if path.exists():
            self.show_error(f"{path.name} already exists; open it with File > Open library.")
            return
        self.switch_library(path)

    def save_copy(self) -> None:
        source = self.context.library.path
        suggestion = source.with_name(f"{source.stem} copy{LIBRARY_SUFFIX}")
        name, _ = QFileDialog.getSaveFileName(self, "Save a copy", str(suggestion), FILE_FILTER)
        if not name:
            return
        destination = Path(name)
        if destination.resolve() == source.resolve():
            self.show_error("Choose another file name: this is the library itself.")
            return
        try:
            destination.unlink(missing_ok=True)
            copy_library(source, destination)
        except OSError as error:
            self.show_error(f"The copy could not be written: {error.strerror}.")
            return
        self.statusBar().showMessage(f"Saved a copy as {destination}", 5000)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.context.library.path.parent)))

    def closeEvent(self, event: QCloseEvent) -> None:
        # Every edit is already committed, but for a field still being typed in.
        self.commit_pending_edit()
        self.context.settings.set_geometry(self.saveGeometry())
        self.context.settings.sync()
        # The history goes with the window. Emptying it now, while every command
        # is alive, matters: left to Python's garbage collector, the stack and
        # its Python commands can be freed in the wrong order, and PySide then
        # deletes a command twice (a crash at exit, seen in the test runs).
        self.context.undo_stack.clear()
        super().closeEvent(event)


def redo_keys() -> list[QKeySequence]:
    """Ctrl+Shift+Z everywhere, plus the platform's own Redo key (Ctrl+Y on Windows)."""
    keys = [QKeySequence("Ctrl+Shift+Z")]
    for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo):
        if key not in keys:
            keys.append(key)
    return keys

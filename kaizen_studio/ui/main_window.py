"""The main window: menus, the home page and the workshop view, one library at a time."""

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
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
        context.undo_stack.cleanChanged.connect(self._update_title)
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
        self._action(file_menu, "&Quit", self.close, keys.Quit, "quitAction")

        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.context.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence(keys.Undo))
        undo.setObjectName("undoAction")
        redo = self.context.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(keys.Redo)])
        redo.setObjectName("redoAction")
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
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.switch_library(p))
        if not recent:
            self.recent_menu.addAction("No recent libraries").setEnabled(False)

    # -- navigation -----------------------------------------------------------

    def show_home(self) -> None:
        self.pages.setCurrentWidget(self.home)
        self.home.refresh()
        self.home.table.setFocus()

    def open_workshop(self, workshop_id: int, stage: Stage = Stage.INTENT) -> None:
        self.pages.setCurrentWidget(self.workshop)
        self.workshop.open_workshop(workshop_id, stage)

    def find(self) -> None:
        if self.pages.currentWidget() is self.workshop:
            self.workshop.current_page().focus_find()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def set_theme(self, theme: str) -> None:
        self.context.settings.set_theme(theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)

    # -- library files --------------------------------------------------------

    def _update_title(self) -> None:
        path = self.context.library.path
        self.setWindowTitle(f"{path.name} — {APP_NAME}")
        self.setWindowFilePath(str(path))

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, APP_NAME, message)

    def switch_library(self, path: Path) -> bool:
        """Open another library in this window; on refusal, keep the current one."""
        try:
            library = open_library(path, create=not path.exists())
        except KaizenError as error:
            self.show_error(str(error))
            return False
        self._adopt(library)
        return True

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
        # Every edit is already committed; only the window's place is left to keep.
        self.context.settings.set_geometry(self.saveGeometry())
        self.context.settings.sync()
        super().closeEvent(event)

"""Start the GUI: one QApplication, one main window on one library."""

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from kaizen_studio import APP_NAME, __version__
from kaizen_studio.domain.enums import Stage
from kaizen_studio.domain.errors import KaizenError, NotFound
from kaizen_studio.services import workshops
from kaizen_studio.services.resources import resource
from kaizen_studio.storage.library import open_library
from kaizen_studio.storage.paths import default_library_path
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.main_window import MainWindow
from kaizen_studio.ui.settings import Settings
from kaizen_studio.ui.theme import apply_theme


def application() -> QApplication:
    """The process's QApplication, created and styled once."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv[:1])
    app.setDesktopFileName("io.github.kaizen_studio.KaizenStudio")
    icon = resource("icons", "kaizen-studio.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def open_window(
    path: Path,
    *,
    settings: Settings | None = None,
    workshop_id: int | None = None,
    stage: Stage | None = None,
) -> MainWindow:
    """Open `path` (created if missing) in a new main window; raises KaizenError if refused."""
    settings = settings or Settings()
    apply_theme(application(), settings.theme())
    library = open_library(path, create=True, exclusive=True)
    context = AppContext(library=library, settings=settings)
    settings.add_recent_file(library.path)
    window = MainWindow(context)
    if workshop_id is not None:
        try:
            info = workshops.get_workshop(library, workshop_id)
        except NotFound:
            library.close()
            raise
        window.open_workshop(info.id, stage or info.stage)
    return window


def run_app(file: str | None, *, workshop_id: int | None = None, stage: str | None = None) -> int:
    app = application()
    path = Path(file).expanduser() if file else default_library_path()
    try:
        window = open_window(path, workshop_id=workshop_id, stage=Stage(stage) if stage else None)
    except KaizenError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        print(f"kaizen-studio: {error}", file=sys.stderr)
        return 1
    window.show()
    if window.context.library.upgrade_backup is not None:
        QMessageBox.information(
            window,
            APP_NAME,
            f"{path.name} was upgraded to this version. "
            f"The original was kept as {window.context.library.upgrade_backup.name}.",
        )
    code = app.exec()
    window.context.library.close()
    return code

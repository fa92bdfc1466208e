"""Take screenshots of the real window on a virtual X screen, for review and for the README.

    xvfb-run -a -s "-screen 0 1440x900x24" python packaging/screenshots.py OUT_DIR [--theme dark]
        [--stage capture] [--all] [--about]

Builds a demo library in a temporary folder, opens the main window on it, and
grabs the whole X screen (so window decorations and popups look as a user sees them).
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kaizen_studio.domain.enums import Stage
from kaizen_studio.services.demo import create_demo
from kaizen_studio.storage.library import open_library
from kaizen_studio.ui.app import application, open_window
from kaizen_studio.ui.settings import Settings


def settle(milliseconds: int = 300) -> None:
    app = QApplication.instance()
    assert app is not None
    timer = QTimer()
    timer.setSingleShot(True)
    timer.start(milliseconds)
    while timer.isActive():
        app.processEvents()


def grab(path: Path) -> None:
    settle()
    screen = QApplication.primaryScreen()
    screen.grabWindow(0).save(str(path))
    print(path)


def grab_about(parent: QWidget, path: Path) -> None:
    from kaizen_studio.ui.about import AboutDialog  # noqa: PLC0415 (only with --about)

    dialog = AboutDialog(parent)
    dialog.show()
    grab(path)
    dialog.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--theme", default="light", choices=("light", "dark", "system"))
    parser.add_argument("--stage", action="append", choices=[s.value for s in Stage])
    parser.add_argument("--all", action="store_true", help="home and every stage")
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--about", action="store_true", help="also the Help > About dialog")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    folder = Path(tempfile.mkdtemp(prefix="kaizen-shots-"))
    library_path = folder / "Customer Care.kaizen"
    with open_library(library_path, create=True) as library:
        workshop_id = create_demo(library)
    application()
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.set_theme(options.theme)
    window = open_window(library_path, settings=settings)
    width, height = (int(n) for n in options.size.split("x"))
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    stages = [Stage(s) for s in options.stage or []]
    if options.all:
        stages = list(Stage)
    suffix = f"-{options.theme}"
    if options.all or not stages:
        grab(options.out / f"home{suffix}.png")
    for stage in stages:
        window.open_workshop(workshop_id, stage)
        grab(options.out / f"{stage.value}{suffix}.png")
    if options.about:
        grab_about(window, options.out / f"about{suffix}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Help > About: versions and the licences of what ships inside the app."""

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from kaizen_studio import APP_NAME, __version__

LICENCES = (
    ("Qt and PySide6", "LGPL-3.0"),
    ("SQLAlchemy, SQLModel, Alembic", "MIT"),
    ("ReportLab", "BSD-3-Clause"),
    ("platformdirs", "MIT"),
)


def about_text() -> str:
    python = ".".join(str(part) for part in sys.version_info[:3])
    licences = "".join(f"<li>{name}: {licence}</li>" for name, licence in LICENCES)
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>Co-creation workshops from bottleneck to followed-up change: capture, "
        "cluster, prioritise, map, and run PDCA cycles with 30/60/90-day checks.</p>"
        f"<p>Qt {qVersion()} · PySide6 {pyside_version} · Python {python}</p>"
        f"<p>Built with:</p><ul>{licences}</ul>"
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, f"About {APP_NAME}", about_text())

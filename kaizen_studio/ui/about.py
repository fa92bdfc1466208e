"""Help > About: versions, and the licences of the fonts, libraries and data that ship inside.

The list comes from resources/credits.json through services.credits, the same
source as `kaizen-studio --version`, so the two always agree.
"""

from html import escape
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio import APP_NAME, __version__
from kaizen_studio.services.credits import SECTIONS, Credits, credits_text, read_credits
from kaizen_studio.services.resources import resource

BLURB = (
    "Co-creation workshops from bottleneck to followed-up change: capture, cluster, "
    "prioritise, map, and run PDCA cycles with 30/60/90-day checks. Works offline; "
    "everything stays in your library file."
)


def versions_line(credits: Credits) -> str:
    return f"Qt {qVersion()} · PySide6 {pyside_version} · Python {credits.version_of('Python')}"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(f"About {APP_NAME}")
        self.setAccessibleName(f"About {APP_NAME}")
        self.credits = read_credits()
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self._label("aboutBlurb", BLURB, wrap=True))
        layout.addWidget(self._label("aboutVersions", versions_line(self.credits)))
        heading = self._label("aboutCreditsTitle", "Bundled fonts, libraries and data")
        heading.setProperty("role", "sectionTitle")
        layout.addWidget(heading)
        self.table = self._credits_table()
        heading.setBuddy(self.table)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._buttons())
        self.resize(720, 600)

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(QIcon(str(resource("icons", "kaizen-studio.svg"))).pixmap(64, 64))
        icon.setAccessibleName(f"{APP_NAME} icon")
        row.addWidget(icon)
        title = self._label("aboutTitle", f"{APP_NAME} {__version__}")
        title.setProperty("role", "pageTitle")
        licence = self._label(
            "aboutLicence", f"Free software under the {self.credits.application_licence} licence."
        )
        licence.setProperty("role", "hint")
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(licence)
        row.addLayout(column, 1)
        return row

    def _label(self, name: str, text: str, *, wrap: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setAccessibleName(text)
        label.setWordWrap(wrap)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _credits_table(self) -> QTextBrowser:
        # Rich text rather than a table view: long licence texts wrap, everything can be
        # selected and copied, and a screen reader reads it as one document.
        table = QTextBrowser(self)
        table.setObjectName("aboutCredits")
        table.setAccessibleName("Bundled fonts, libraries and data with their licences")
        table.setOpenLinks(False)
        rows = []
        for kind, heading in SECTIONS:
            rows.append(f'<tr><th colspan="3" align="left">{heading}</th></tr>')
            rows.extend(
                f"<tr><td>{escape(c.name)}</td><td>{escape(c.version)}</td>"
                f"<td>{escape(c.licence)}</td></tr>"
                for c in self.credits.of_kind(kind)
            )
        table.setHtml(
            '<table width="100%" cellspacing="0" cellpadding="3">'
            '<tr><th align="left">Name</th><th align="left">Version</th>'
            '<th align="left">Licence</th></tr>' + "".join(rows) + "</table>"
        )
        return table

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("aboutButtons")
        copy = QPushButton("&Copy details", self)
        copy.setObjectName("aboutCopy")
        copy.setAccessibleName("Copy versions and licences")
        copy.setToolTip("Copy versions and licences, for a support request")
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        texts = QPushButton("&Licence texts", self)
        texts.setObjectName("aboutLicenceTexts")
        texts.setAccessibleName("Open the folder of licence texts")
        texts.setToolTip("The full licence texts that ship with the app")
        texts.clicked.connect(self.open_licence_texts)
        buttons.addButton(texts, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("aboutClose")
        close.setAccessibleName("Close")
        close.setIcon(QIcon())  # the style's icon is dark on the dark theme
        close.setDefault(True)
        return buttons

    def details(self) -> str:
        """The text --version prints, with the Qt this process really loaded."""
        return credits_text(self.credits, qt_version=qVersion())

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

    def open_licence_texts(self) -> None:
        folder = Path(str(resource("licences")))
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(self, self.windowTitle(), f"The licence texts are in {folder}.")


def show_about(parent: QWidget) -> None:
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()

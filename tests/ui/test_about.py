"""Help > About: the version, Qt and Python, and the licences of what ships inside."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTextBrowser

from kaizen_studio import __version__
from kaizen_studio.services.credits import credits_text, read_credits
from kaizen_studio.ui.about import AboutDialog


# Showing a dialog on the offscreen platform logs this harmless warning.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_help_menu_opens_about_and_escape_closes_it(make_window, library_path: Path, qtbot) -> None:
    window = make_window(library_path)
    seen: dict[str, str] = {}

    def inspect_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        seen["title"] = dialog.findChild(QLabel, "aboutTitle").text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, inspect_and_close)
    window.findChild(type(window.menuBar().actions()[0]), "aboutAction").trigger()
    assert seen["title"] == f"Kaizen Studio {__version__}"
    assert QApplication.activeModalWidget() is None


def test_about_names_versions_and_every_bundled_licence(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    versions = dialog.findChild(QLabel, "aboutVersions").text()
    assert f"Qt {qVersion()}" in versions and "Python 3." in versions
    listing = dialog.findChild(QTextBrowser, "aboutCredits").toPlainText()
    for heading in ("Fonts", "Libraries", "Data"):
        assert heading in listing
    for credit in read_credits().components:
        assert credit.name in listing and credit.licence in listing, credit
    assert "GPL-3.0-or-later" in dialog.findChild(QLabel, "aboutLicence").text()


def test_copy_details_copies_what_version_prints(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.findChild(QPushButton, "aboutCopy"), Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == credits_text(read_credits(), qt_version=qVersion())
    assert copied.splitlines()[0].startswith(f"Kaizen Studio {__version__}")


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_about_is_usable_from_the_keyboard(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    close = dialog.findChild(QPushButton, "aboutClose")
    assert close.isDefault()
    for name in ("aboutCredits", "aboutCopy", "aboutClose"):
        widget = dialog.findChild(QPushButton, name) or dialog.findChild(QTextBrowser, name)
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, name
        assert widget.accessibleName(), name
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_licence_texts_opens_the_folder_that_holds_them(qtbot, monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[Path] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True
    )
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.findChild(QPushButton, "aboutLicenceTexts"), Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    texts = {path.name for path in opened[0].iterdir()}
    assert {"GPL-3.0.txt", "LGPL-3.0.txt", "Python.txt"} <= texts
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (opened[0] / "LGPL-3.0.txt").read_text()

"""Light and dark palettes, following the system unless the user picks one."""

from PySide6.QtCore import QDir, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from kaizen_studio.services.resources import resource

ACCENT = QColor("#2f6fde")
ACCENT_DARK = QColor("#5b9bff")


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark(theme: str) -> bool:
    return theme == "dark" or (theme == "system" and system_prefers_dark())


def _light_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#f4f5f7",
        QPalette.ColorRole.WindowText: "#1d2330",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f0f2f5",
        QPalette.ColorRole.Text: "#1d2330",
        QPalette.ColorRole.Button: "#ffffff",
        QPalette.ColorRole.ButtonText: "#1d2330",
        QPalette.ColorRole.ToolTipBase: "#1d2330",
        QPalette.ColorRole.ToolTipText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#6b7280",
        QPalette.ColorRole.Highlight: ACCENT.name(),
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: ACCENT.name(),
        QPalette.ColorRole.Mid: "#c9ced6",
        QPalette.ColorRole.Midlight: "#e3e6eb",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#9aa1ad"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#9aa1ad"))
    return palette


def _dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#1f2229",
        QPalette.ColorRole.WindowText: "#e6e8ec",
        QPalette.ColorRole.Base: "#272b33",
        QPalette.ColorRole.AlternateBase: "#2d323b",
        QPalette.ColorRole.Text: "#e6e8ec",
        QPalette.ColorRole.Button: "#2d323b",
        QPalette.ColorRole.ButtonText: "#e6e8ec",
        QPalette.ColorRole.ToolTipBase: "#e6e8ec",
        QPalette.ColorRole.ToolTipText: "#1f2229",
        QPalette.ColorRole.PlaceholderText: "#8f96a3",
        QPalette.ColorRole.Highlight: ACCENT_DARK.name(),
        QPalette.ColorRole.HighlightedText: "#10131a",
        QPalette.ColorRole.Link: ACCENT_DARK.name(),
        QPalette.ColorRole.Mid: "#474d59",
        QPalette.ColorRole.Midlight: "#3a3f4a",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6b7280"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6b7280"))
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    """Set palette and style sheet; the sheet reads palette() so it fits both."""
    app.setStyle("Fusion")
    # Style sheet images are named "kaizen:styles/…", found wherever resources/ is installed.
    QDir.setSearchPaths("kaizen", [str(resource())])
    app.setPalette(_dark_palette() if is_dark(theme) else _light_palette())
    app.setStyleSheet(resource("styles", "app.qss").read_text(encoding="utf-8"))
    app.setProperty("kaizenDark", is_dark(theme))

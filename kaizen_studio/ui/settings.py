"""The one adapter over QSettings: window geometry, recent files, theme, timers.

Parts of the app receive this object rather than calling QSettings themselves.
"""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings("Kaizen Studio", "Kaizen Studio")

    def recent_files(self) -> list[Path]:
        value = self._store.value("recent_files", [])
        names = [value] if isinstance(value, str) else list(value or [])
        return [Path(name) for name in names if name]

    def add_recent_file(self, path: Path) -> None:
        path = path.resolve()
        recent = [path, *(p for p in self.recent_files() if p != path)]
        self._store.setValue("recent_files", [str(p) for p in recent[:MAX_RECENT]])

    def remove_recent_file(self, path: Path) -> None:
        recent = [p for p in self.recent_files() if p != path.resolve()]
        self._store.setValue("recent_files", [str(p) for p in recent])

    def geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)

    def theme(self) -> str:
        value = self._store.value("view/theme", "system")
        return value if value in ("system", "light", "dark") else "system"

    def set_theme(self, theme: str) -> None:
        self._store.setValue("view/theme", theme)

    def value(self, key: str, default: object = None) -> object:
        return self._store.value(key, default)

    def set_value(self, key: str, value: object) -> None:
        self._store.setValue(key, value)

    def sync(self) -> None:
        self._store.sync()

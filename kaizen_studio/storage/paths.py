"""Where the user's own library lives when no file is named."""

from pathlib import Path

from platformdirs import user_data_path

from kaizen_studio.storage.library import LIBRARY_SUFFIX


def default_library_path() -> Path:
    folder = user_data_path("Kaizen Studio", appauthor=False, ensure_exists=True)
    return folder / f"library{LIBRARY_SUFFIX}"

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from kaizen_studio.ui.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))

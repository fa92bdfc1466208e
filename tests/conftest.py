"""Fixtures shared by every test: real library files in a temporary folder, a fixed clock,
and Qt offscreen (set here, before anything imports Qt)."""

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest

from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.demo import create_demo
from kaizen_studio.storage.library import Library, open_library

TODAY = date(2026, 12, 1)
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TODAY)


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "workshops.kaizen"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    with open_library(library_path, create=True) as opened:
        yield opened


@pytest.fixture
def demo_id(library: Library, clock: FixedClock) -> int:
    """Adds the demo workshop to `library`; its dates sit around TODAY."""
    return create_demo(library, clock)

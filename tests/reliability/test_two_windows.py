"""One library, one writing program: a second window (or a writing command) on a file
that is open is refused with a clear sentence; readers are never blocked, and a crash
leaves no lock behind."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kaizen_studio.domain.errors import LibraryRefused
from kaizen_studio.services import workshops
from kaizen_studio.storage.library import open_library
from kaizen_studio.ui.app import open_window

HOLD_OPEN = """
import sys, time
from kaizen_studio.storage.library import open_library
library = open_library(sys.argv[1], create=True, exclusive=True)
print("open", flush=True)
time.sleep(600)
"""


def test_second_window_on_the_same_file_is_refused(tmp_path: Path, settings, qtbot) -> None:
    path = tmp_path / "team.kaizen"
    first = open_window(path, settings=settings)
    qtbot.addWidget(first)
    with pytest.raises(LibraryRefused, match="already open in another Kaizen Studio window"):
        open_window(path, settings=settings)
    with open_library(path, read_only=True) as reader:  # reports and reviews still read
        assert workshops.list_workshops(reader) == []
    first.close()
    first.context.library.close()
    second = open_window(path, settings=settings)  # free again once the first has gone
    qtbot.addWidget(second)
    second.close()
    second.context.library.close()


def test_writing_command_waits_for_the_window_and_reading_command_does_not(tmp_path: Path) -> None:
    path = tmp_path / "team.kaizen"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(path)], stdout=subprocess.PIPE, text=True
    ) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        write = subprocess.run(
            [sys.executable, "-m", "kaizen_studio", "demo", str(path)],
            capture_output=True,
            text=True,
            env=environment,
            check=False,
        )
        read = subprocess.run(
            [sys.executable, "-m", "kaizen_studio", "list", str(path), "--json"],
            capture_output=True,
            text=True,
            env=environment,
            check=False,
        )
        holder.send_signal(signal.SIGKILL)  # a crash must not leave the file locked
        holder.wait(timeout=30)
    assert write.returncode == 1 and "already open" in write.stderr
    assert read.returncode == 0, read.stderr
    with open_library(path, exclusive=True) as library:
        assert workshops.list_workshops(library) == []

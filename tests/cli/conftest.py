import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def kaizen(tmp_path: Path) -> Run:
    """Run the real command line in a child process, in a temporary folder."""

    def run(*args: str, check_ok: bool | None = None) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home")}
        result = subprocess.run(
            [sys.executable, "-m", "kaizen_studio", *args],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            check=False,
            text=True,
            timeout=120,
        )
        if check_ok is True:
            assert result.returncode == 0, result.stderr
        if check_ok is False:
            assert result.returncode != 0
            assert "Traceback" not in result.stderr, result.stderr
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].endswith("."), result.stderr
        return result

    return run

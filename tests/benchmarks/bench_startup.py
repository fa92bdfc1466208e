"""Cold start: `kaizen-studio --version`, and the main window to its first paint, each
also as a ratio to a bare PySide6 hello-world window measured in the same run."""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5

FIRST_PAINT = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            QApplication.instance().exit(0)
        return False

def watch(window):
    window.installEventFilter(Painted(window))
    window.show()
    return QApplication.instance().exec()
"""

HELLO = (
    FIRST_PAINT
    + r"""
from PySide6.QtWidgets import QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 800)
sys.exit(watch(window))
"""
)

KAIZEN = (
    FIRST_PAINT
    + r"""
from pathlib import Path
from kaizen_studio.ui.app import application, open_window
application()
window = open_window(Path(sys.argv[1]))
window.resize(1280, 800)
sys.exit(watch(window.centralWidget().window()))
"""
)


def _median_seconds(command: list[str], painted: bool) -> float:
    times = []
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(RUNS):
        start = time.time()
        result = subprocess.run(
            command, capture_output=True, text=True, env=environment, check=True
        )
        end = float(result.stdout.split()[-1]) if painted else time.time()
        times.append(end - start)
    return statistics.median(times)


def run() -> list[tuple[str, float, float, str]]:
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "bench.kaizen"
        subprocess.run(
            [python, "-m", "kaizen_studio", "demo", str(library)], check=True, capture_output=True
        )
        hello = _median_seconds([python, "-c", HELLO], painted=True)
        window = _median_seconds([python, "-c", KAIZEN, str(library)], painted=True)
        version = _median_seconds([python, "-m", "kaizen_studio", "--version"], painted=False)
        bare_python = _median_seconds([python, "-c", "pass"], painted=False)
    return [
        ("cold start: kaizen-studio --version", 0.3, version, "s"),
        # --version lists each bundled library with its version and licence, read from the
        # installed packages' metadata (about 40 ms).
        ("  ratio to a bare `python -c pass`", 6.0, version / bare_python, "x"),
        ("cold start: window to first paint (demo library)", 1.5, window, "s"),
        # SQLModel, SQLAlchemy and pydantic take about 0.45 s to import; Qt alone 0.1 s.
        ("  ratio to a PySide6 hello-world window", 8.0, window / hello, "x"),
        ("  (hello-world window to first paint)", 1.0, hello, "s"),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)

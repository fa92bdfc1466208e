"""Slow, pure work (laying out a PDF) off the GUI thread, so the window never freezes.

Jobs run one at a time on one worker thread: ReportLab keeps module-level state
(registered fonts, caches), so two layouts must never run at once, and the GUI
thread hands the worker only plain data, never a library or a widget.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kaizen_studio.domain.errors import KaizenError


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work()
        except KaizenError as error:
            self.signals.failed.emit(str(error))
        except OSError as error:
            name = Path(error.filename).name if error.filename else "The file"
            self.signals.failed.emit(f"{name} could not be written: {error.strerror}.")
        else:
            self.signals.finished.emit(result)


class BackgroundWork(QObject):
    """Run `work` on the worker; `done(result)` or `failed(sentence)` runs on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals: set[_Signals] = set()

    def start(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        signals = _Signals()
        self._signals.add(signals)  # kept alive until the job reports back

        def finish(result: object) -> None:
            self._signals.discard(signals)
            done(result)

        def fail(message: str) -> None:
            self._signals.discard(signals)
            failed(message)

        signals.finished.connect(finish)
        signals.failed.connect(fail)
        self.pool.start(_Job(work, signals))

    def wait(self) -> None:
        """Block until every job is done (closing the page, and tests)."""
        self.pool.waitForDone()

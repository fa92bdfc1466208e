"""A countdown the whole room can read: start, pause, reset, and a clear signal at the end.

The time comes from a monotonic clock (injectable for tests), not from counting
ticks, so a busy moment never makes the timer drift. At zero the display turns
red, says so, counts the overrun, beeps once and asks the desktop to flag the window.
"""

import math
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

TICK_MS = 250


def format_seconds(seconds: float) -> str:
    """12:05 while time is left; +0:42 once it has run out."""
    # Counting down shows whole seconds still to go (20:00 for the first second).
    whole, sign = (math.ceil(seconds), "") if seconds > 0 else (int(-seconds), "+")
    minutes, rest = divmod(whole, 60)
    return f"{sign}{minutes:d}:{rest:02d}"


class TimeboxTimer(QWidget):
    """Counts down the chosen timebox; `finished` is emitted once when it reaches zero."""

    finished = Signal()

    def __init__(
        self, parent: QWidget | None = None, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timeboxTimer")
        self._now = monotonic
        self._duration = 0.0
        self._banked = 0.0  # seconds run before the latest start
        self._started_at: float | None = None
        self._signalled = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self._build()
        self.set_timeboxes([("Timebox", 20)])

    def _build(self) -> None:
        self.choice = QComboBox(self)
        self.choice.setObjectName("timeboxChoice")
        self.choice.setAccessibleName("Timebox to count down")
        self.choice.setToolTip("Which timebox of the agenda to count down")
        self.choice.currentIndexChanged.connect(self._choose)
        self.display = QLabel(self)
        self.display.setObjectName("timerDisplay")
        self.display.setProperty("role", "timer")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setAccessibleName("Time left")
        self.start_button = QPushButton("&Start", self)
        self.start_button.setObjectName("timerStartButton")
        self.start_button.setAccessibleName("Start or pause the timer")
        self.start_button.setToolTip("Start or pause the timebox (Ctrl+T)")
        self.start_button.clicked.connect(self.toggle)
        self.reset_button = QPushButton("Rese&t", self)
        self.reset_button.setObjectName("timerResetButton")
        self.reset_button.setAccessibleName("Reset the timer")
        self.reset_button.setToolTip("Back to the full timebox")
        self.reset_button.clicked.connect(self.reset)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.choice)
        layout.addWidget(self.display)
        layout.addWidget(self.start_button)
        layout.addWidget(self.reset_button)

    # -- state ------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def elapsed(self) -> float:
        if self._started_at is None:
            return self._banked
        return self._banked + self._now() - self._started_at

    def remaining(self) -> float:
        return self._duration - self.elapsed()

    def set_timeboxes(self, boxes: Sequence[tuple[str, int]]) -> None:
        """Offer the stage's timeboxes (title, minutes); keeps a running count going."""
        labels = [f"{title} · {minutes} min" for title, minutes in boxes]
        if labels == [self.choice.itemText(i) for i in range(self.choice.count())]:
            return
        self.choice.blockSignals(True)
        self.choice.clear()
        for label, (_title, minutes) in zip(labels, boxes, strict=True):
            self.choice.addItem(label, minutes * 60)
        self.choice.blockSignals(False)
        self.choice.setVisible(len(boxes) > 1)
        if not self.running and self.elapsed() == 0:
            self._choose(0)
        self._show()

    def _choose(self, index: int) -> None:
        seconds = self.choice.itemData(index)
        if seconds is not None:
            self._duration = float(seconds)
            self.reset()

    # -- actions ----------------------------------------------------------------

    def start(self) -> None:
        if self._started_at is None:
            self._started_at = self._now()
            self._ticker.start()
            self.start_button.setText("&Pause")
        self._show()

    def pause(self) -> None:
        if self._started_at is not None:
            self._banked = self.elapsed()
            self._started_at = None
            self._ticker.stop()
            self.start_button.setText("&Start" if self._banked == 0 else "Re&sume")
        self._show()

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self) -> None:
        self._ticker.stop()
        self._started_at = None
        self._banked = 0.0
        self._signalled = False
        self.start_button.setText("&Start")
        self._show()

    def _tick(self) -> None:
        self._show()
        if self.remaining() <= 0 and not self._signalled:
            self._signalled = True
            QApplication.beep()
            QApplication.alert(self.window(), 5000)
            self.finished.emit()

    def _show(self) -> None:
        left = self.remaining()
        over = left <= 0 and (self.running or self.elapsed() > 0)
        self.display.setText(f"Time's up {format_seconds(left)}" if over else format_seconds(left))
        self.display.setAccessibleDescription(
            "The timebox is over" if over else f"{format_seconds(left)} left"
        )
        state = "over" if over else ("running" if self.running else "idle")
        if self.display.property("timerState") != state:
            self.display.setProperty("timerState", state)
            self.display.style().unpolish(self.display)
            self.display.style().polish(self.display)

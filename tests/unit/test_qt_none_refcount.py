"""PySide6 6.12.0 on Python 3.11 took a reference from None on every void Qt call,
until the process aborted (PITFALLS.md). The pinned version must not do that."""

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_leave_none_refcount_alone() -> None:
    item = QObject()
    before = sys.getrefcount(None)
    for number in range(10_000):
        item.setObjectName(f"n{number % 7}")  # a method returning nothing
    after = sys.getrefcount(None)
    assert after >= before - 10, f"None lost {before - after} references in 10,000 Qt calls"

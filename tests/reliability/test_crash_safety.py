"""Kill a process that is editing the library at random moments (SIGKILL): every edit
whose service call had returned is in the file afterwards, and the file is sound."""

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kaizen_studio.services import notes, workshops
from kaizen_studio.storage.integrity import check_library
from kaizen_studio.storage.library import open_library

STREAM = Path(__file__).with_name("edit_stream.py")
KILLS = 12


def _expected(log: Path) -> tuple[dict[int, str], str | None]:
    """Notes the log says must exist, and the last (possibly torn) line, if any."""
    state: dict[int, str] = {}
    lines = log.read_text(encoding="utf-8").split("\n") if log.exists() else []
    torn = lines.pop() or None if lines else None  # text after the last newline
    for line in lines:
        kind, key, text = line.split(" ", 2)
        if kind == "delete":
            state.pop(int(key))
        else:
            state[int(key)] = text
    return state, torn


def _actual(library_path: Path) -> dict[int, str]:
    with open_library(library_path) as library:
        [workshop] = workshops.list_workshops(library)
        return {note.id: note.text for note in notes.list_notes(library, workshop.id)}


def _one_edit_apart(actual: dict[int, str], expected: dict[int, str]) -> bool:
    """The edit in flight when the process died may or may not have landed."""
    added = actual.keys() - expected.keys()
    removed = expected.keys() - actual.keys()
    changed = {k for k in actual.keys() & expected.keys() if actual[k] != expected[k]}
    return len(added) + len(removed) + len(changed) <= 1


@pytest.mark.slow
def test_sigkill_never_loses_a_returned_edit(tmp_path: Path) -> None:
    library_path = tmp_path / "crash.kaizen"
    log = tmp_path / "edits.log"
    rng = random.Random(20261201)
    total_logged = 0
    for round_number in range(KILLS):
        with subprocess.Popen(
            [sys.executable, str(STREAM), str(library_path), str(log), str(round_number)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as child:
            assert child.stdout is not None and child.stderr is not None
            assert child.stdout.readline().strip() == "ready", child.stderr.read()
            time.sleep(rng.uniform(0.05, 0.6))
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL, "the child stopped before it was killed"
        expected, _ = _expected(log)
        actual = _actual(library_path)
        assert _one_edit_apart(actual, expected), (
            f"round {round_number}: the file differs from the edits that had returned: "
            f"{_difference(actual, expected)}"
        )
        # Carry on from what is really in the file, as the next session would.
        if actual != expected:
            _rewrite_log(log, actual)
        total_logged = len(log.read_text().splitlines())
        report = check_library(library_path)
        assert report.ok, report.problems
    assert total_logged > KILLS * 5, "too few edits were made to prove anything"
    connection = sqlite3.connect(library_path)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()


def _difference(actual: dict[int, str], expected: dict[int, str]) -> str:
    missing = {k: expected[k][:30] for k in expected.keys() - actual.keys()}
    extra = {k: actual[k][:30] for k in actual.keys() - expected.keys()}
    changed = {
        k: (expected[k][:30], actual[k][:30])
        for k in actual.keys() & expected.keys()
        if actual[k] != expected[k]
    }
    return f"missing {missing}, extra {extra}, changed {changed}"


def _rewrite_log(log: Path, state: dict[int, str]) -> None:
    log.write_text("".join(f"add {key} {text}\n" for key, text in sorted(state.items())))

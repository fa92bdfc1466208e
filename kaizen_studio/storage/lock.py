"""One writing program per library: a second window on the same file is refused.

Two windows editing one file would each show the other's edits late and undo
over them; refusing the second with a clear sentence is safer. The lock is an
OS file lock on a hidden file beside the library, so it goes away by itself
when the program ends, even by a crash. Reading (reports, reviews, exports)
never needs it.
"""

import sys
from pathlib import Path
from typing import IO

from kaizen_studio.domain.errors import LibraryRefused


def lock_path(library_path: Path) -> Path:
    return library_path.with_name(f".{library_path.name}.lock")


class WriterLock:
    def __init__(self, library_path: Path) -> None:
        self.library_path = library_path
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        handle = lock_path(self.library_path).open("ab")
        try:
            _lock(handle)
        except OSError as error:
            handle.close()
            raise LibraryRefused(
                f"{self.library_path.name} is already open in another Kaizen Studio window; "
                "switch to that window, or close it and try again."
            ) from error
        self._handle = handle

    def release(self) -> None:
        # The lock file stays: deleting it could let two programs lock two
        # different files of the same name.
        if self._handle is not None:
            _unlock(self._handle)
            self._handle.close()
            self._handle = None


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


__all__ = ["WriterLock", "lock_path"]

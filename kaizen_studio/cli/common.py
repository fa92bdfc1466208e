"""What every command shares: how to open the library, print JSON, and report a mistake."""

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kaizen_studio.storage.library import Library

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"kaizen-studio: {message}", file=sys.stderr)
    return code


def run_safely(action: Callable[[], int]) -> int:
    """Run a command; a user's mistake becomes one sentence and a non-zero exit."""
    from kaizen_studio.domain.errors import KaizenError

    try:
        return action()
    except KaizenError as error:
        return fail(str(error))
    except PermissionError as error:
        return fail(f"Permission denied: {error.filename}.")
    except FileNotFoundError as error:
        return fail(f"There is no file or folder at {error.filename}.")
    except IsADirectoryError as error:
        return fail(f"{error.filename} is a folder, not a file.")
    except OSError as error:
        return fail(f"{error.strerror or error} ({error.filename or 'file'}).")
    except KeyboardInterrupt:
        return fail("Interrupted.", 130)


def open_existing(path: str, *, read_only: bool = False) -> "Library":
    """Open a library that must exist; `read_only` for commands that only read.

    Writing commands hold the library exclusively, so they never write behind
    the back of an open window (storage.lock)."""
    from kaizen_studio.storage.library import open_library

    return open_library(Path(path), read_only=read_only, exclusive=not read_only)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def table(rows: list[list[str]], headers: list[str]) -> str:
    """A plain aligned text table for terminals."""
    widths = [
        max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=False)
    ]
    lines = [
        "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=False))
        for row in [headers, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)

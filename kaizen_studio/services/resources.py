"""Where the data files shipped with the app live (icons, catalogue, sample, fonts)."""

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


@cache
def _root() -> Traversable:
    try:
        return files("kaizen_studio.resources")
    except ModuleNotFoundError:
        # Running from a checkout that was never installed: resources/ is beside the package.
        return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Traversable:
    """A file under resources/, found the same way from a checkout, a wheel or a bundle."""
    path = _root()
    for part in parts:
        path = path / part
    return path

"""The explicit package list in pyproject.toml must name every package, or an install
silently leaves modules (or resources) out."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _declared() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def _on_disk() -> set[str]:
    found = set()
    for module in (ROOT / "kaizen_studio").rglob("*.py"):
        if "__pycache__" not in module.parts:
            found.add(".".join(module.parent.relative_to(ROOT).parts))
    for folder in [ROOT / "resources", *(p for p in (ROOT / "resources").rglob("*") if p.is_dir())]:
        if "__pycache__" not in folder.parts:
            parts = folder.relative_to(ROOT / "resources").parts
            found.add(".".join(("kaizen_studio", "resources", *parts)))
    return found


def test_every_package_and_resource_folder_is_declared() -> None:
    assert _on_disk() - _declared() == set()


def test_no_declared_package_is_missing() -> None:
    assert _declared() - _on_disk() == set()

"""What ships inside the app and under which licence: one list for About and --version.

The list lives in resources/credits.json, which the packaging spec reads too.
Reading it imports neither Qt nor SQLAlchemy, so `kaizen-studio --version` stays fast.
"""

import json
import sys
from dataclasses import dataclass
from importlib.metadata import distributions
from typing import Any

from kaizen_studio import APP_NAME, __version__
from kaizen_studio.services.resources import resource

PYTHON = "python"  # the "distribution" that stands for the interpreter itself
# The kinds of bundled things, in the order About and --version list them.
SECTIONS = (("font", "Fonts"), ("library", "Libraries"), ("data", "Data"))


@dataclass(frozen=True)
class Credit:
    name: str
    kind: str  # one of SECTIONS
    version: str
    licence: str

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}".strip()


@dataclass(frozen=True)
class Credits:
    application: str
    application_licence: str
    components: tuple[Credit, ...]

    def of_kind(self, kind: str) -> tuple[Credit, ...]:
        return tuple(credit for credit in self.components if credit.kind == kind)

    def version_of(self, name: str) -> str:
        found = (credit.version for credit in self.components if credit.name == name)
        return next(found, "unknown")


def python_version() -> str:
    return ".".join(str(part) for part in sys.version_info[:3])


def installed_versions() -> dict[str, str]:
    """Version of every installed distribution, by normalised name (one pass over sys.path)."""
    found: dict[str, str] = {}
    for distribution in distributions():
        name = distribution.metadata["Name"]
        if name:
            found.setdefault(normalise(name), distribution.version)
    return found


def normalise(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def read_credits() -> Credits:
    data: dict[str, Any] = json.loads(resource("credits.json").read_text(encoding="utf-8"))
    versions = installed_versions()
    versions[PYTHON] = python_version()
    components = tuple(
        Credit(
            name=entry["name"],
            kind=entry["kind"],
            version=_version(entry, versions),
            licence=entry["licence"],
        )
        for entry in data["components"]
    )
    application = data["application"]
    return Credits(application["name"], application["licence"], components)


def credits_text(credits: Credits, qt_version: str | None = None) -> str:
    """The plain-text summary that --version prints and About copies.

    The command line names the Qt of the installed PySide6 (importing Qt would make
    --version slow); About passes the version of the Qt the process really loaded.
    """
    qt = qt_version or credits.version_of("Qt")
    lines = [
        f"{APP_NAME} {__version__} ({credits.application_licence})",
        f"Qt {qt}, Python {credits.version_of('Python')}",
    ]
    width = max(len(credit.label) for credit in credits.components)
    for kind, heading in SECTIONS:
        lines.append(f"Bundled {heading.lower()} and their licences:")
        lines.extend(f"  {c.label:<{width}}  {c.licence}" for c in credits.of_kind(kind))
    return "\n".join(lines)


def distribution_names() -> tuple[str, ...]:
    """The Python distributions the list names (for the packaging spec)."""
    data: dict[str, Any] = json.loads(resource("credits.json").read_text(encoding="utf-8"))
    names = (entry.get("distribution") for entry in data["components"])
    return tuple(dict.fromkeys(name for name in names if name and name != PYTHON))


def _version(entry: dict[str, str], versions: dict[str, str]) -> str:
    if "version" in entry:
        return entry["version"]
    return versions.get(normalise(entry["distribution"]), "unknown version")

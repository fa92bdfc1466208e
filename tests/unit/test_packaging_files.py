"""The files that make Kaizen Studio a desktop app: desktop entry, AppStream metainfo,
file type, icons, and the credits that About and --version print.

The PyInstaller build itself is too slow for the test run: packaging/smoke_test.py
builds it and runs the result.
"""

import configparser
import json
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kaizen_studio import __version__
from kaizen_studio.services.credits import SECTIONS, credits_text, read_credits
from kaizen_studio.storage.inspection import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.kaizen_studio.KaizenStudio"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
MIME_TYPE = "application/x-kaizen-studio-library"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: see .ci/run)")
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


# -- desktop entry and metainfo ------------------------------------------------


def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        check=False,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_opens_kaizen_files_with_the_app() -> None:
    entry = _desktop_entry()
    assert entry["Exec"] == "kaizen-studio %f"
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"].rstrip(";").split(";") == [MIME_TYPE]


def test_metainfo_matches_the_app() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/mediatype") == MIME_TYPE
    releases = component.findall("releases/release")
    assert releases[0].get("version") == __version__, "add release notes for this version"
    assert releases[0].find("description") is not None
    assert len(component.findall("screenshots/screenshot")) >= 3


def test_metainfo_screenshots_are_in_the_repository() -> None:
    images = ET.parse(METAINFO).getroot().findall("screenshots/screenshot/image")
    for image in images:
        relative = (image.text or "").split("/main/", 1)[1]
        assert (ROOT / relative).is_file(), f"{relative} is named in the metainfo but missing"


def test_the_gui_announces_the_desktop_entry_name() -> None:
    # Wayland compositors and docks match the running window to its .desktop file by this.
    source = (ROOT / "kaizen_studio" / "ui" / "app.py").read_text(encoding="utf-8")
    assert f'setDesktopFileName("{APP_ID}")' in source


# -- the .kaizen file type -------------------------------------------------------


def test_mime_type_recognises_a_library_by_name_and_by_content() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(MIME).getroot().find("m:mime-type", ns)
    assert mime is not None and mime.get("type") == MIME_TYPE
    assert mime.find("m:glob", ns).get("pattern") == "*.kaizen"  # type: ignore[union-attr]
    inner = mime.find("m:magic/m:match/m:match", ns)
    assert inner is not None
    assert int(inner.get("value", ""), 16) == APPLICATION_ID
    assert inner.get("offset") == "68"  # where SQLite keeps PRAGMA application_id


def test_library_files_carry_the_magic_the_mime_type_looks_for(library_path: Path) -> None:
    from kaizen_studio.storage.library import open_library

    with open_library(library_path, create=True):
        pass
    header = library_path.read_bytes()[:72]
    assert header.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    sqlite3.connect(library_path).close()


def test_file_managers_see_a_renamed_library_as_a_kaizen_library(
    library_path: Path, tmp_path: Path
) -> None:
    gio = _tool("gio")
    update = _tool("update-mime-database")
    from kaizen_studio.storage.library import open_library

    with open_library(library_path, create=True):
        pass
    share = tmp_path / "share"
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy2(MIME, share / "mime" / "packages" / f"{APP_ID}.xml")
    subprocess.run([update, str(share / "mime")], check=True, capture_output=True)
    renamed = tmp_path / "copy-from-email.db"
    shutil.copy2(library_path, renamed)
    plain = tmp_path / "other.sqlite3"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    env = {"XDG_DATA_DIRS": f"{share}:/usr/share", "PATH": "/usr/bin:/bin"}

    def content_type(path: Path) -> str:
        result = subprocess.run(
            [gio, "info", "-a", "standard::content-type", str(path)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.rsplit(":", 1)[1].strip()

    assert content_type(library_path) == MIME_TYPE
    assert content_type(renamed) == MIME_TYPE
    assert content_type(plain) != MIME_TYPE


# -- icons ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", ICON_SIZES)
def test_every_icon_size_exists_and_renders(qapp: object, size: int) -> None:
    from PySide6.QtGui import QImage

    image = QImage(str(ICONS / f"kaizen-studio-{size}.png"))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    centre = image.pixelColor(size // 2, size // 2)
    corner = image.pixelColor(0, 0)
    assert centre.alpha() == 255, "the icon is drawn"
    assert corner.alpha() < 255, "the rounded corners are transparent"


def test_the_svg_icon_renders(qapp: object) -> None:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "kaizen-studio.svg"))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == renderer.defaultSize().height()


def test_windows_and_macos_icons_hold_every_size() -> None:
    from PIL import Image

    with Image.open(ICONS / "kaizen-studio.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "kaizen-studio.icns") as icns:
        sizes = {size[:2] for size in icns.info["sizes"]}
        assert {(16, 16), (32, 32), (128, 128), (256, 256), (512, 512)} <= sizes


# -- credits ---------------------------------------------------------------------------


def test_credits_name_fonts_libraries_and_data_with_licences() -> None:
    credits = read_credits()
    for kind, _heading in SECTIONS:
        assert credits.of_kind(kind), f"no {kind} in resources/credits.json"
    assert all(credit.licence for credit in credits.components)
    assert all(credit.kind in dict(SECTIONS) for credit in credits.components)
    assert "unknown version" not in {credit.version for credit in credits.components}


def test_every_runtime_dependency_is_credited() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    needed = {
        dependency.split(";")[0].split("<")[0].split(">")[0].split("=")[0].strip().lower()
        for dependency in project["dependencies"]
    }
    data = json.loads((ROOT / "resources" / "credits.json").read_text(encoding="utf-8"))
    credited = {entry.get("distribution", "").lower() for entry in data["components"]}
    assert needed - credited == set()


def test_fonts_in_resources_are_credited() -> None:
    fonts = {path.stem.split("-")[0] for path in (ROOT / "resources" / "fonts").glob("*.ttf")}
    names = " ".join(credit.name for credit in read_credits().of_kind("font")).replace(" ", "")
    assert all(font in names for font in fonts), fonts


def test_credits_text_names_version_qt_python_and_each_licence() -> None:
    credits = read_credits()
    text = credits_text(credits, qt_version="6.99.1")
    assert text.splitlines()[0] == f"Kaizen Studio {__version__} (GPL-3.0-or-later)"
    assert text.splitlines()[1].startswith("Qt 6.99.1, Python 3.")
    for credit in credits.components:
        assert any(credit.label in line and credit.licence in line for line in text.splitlines())

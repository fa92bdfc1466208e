"""Build Kaizen Studio as a one-folder desktop app with PyInstaller.

    python packaging/build.py            # needs: pip install -e '.[packaging]'

The app lands in packaging/dist/kaizen-studio/ (start it with the `kaizen-studio`
executable inside; on Windows also `kaizen-studio-cli.exe` for the command line; on
macOS also packaging/dist/Kaizen Studio.app). On Linux the folder also gets `share/`
(desktop entry, AppStream metainfo, file type, icons) and `install.sh`, which installs
the app for one user or system-wide. Prints how long the build took and how big it is.
"""

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SPEC = PACKAGING / "kaizen-studio.spec"
DIST = PACKAGING / "dist"
WORK = PACKAGING / "build"
APP = DIST / "kaizen-studio"
APP_ID = "io.github.kaizen_studio.KaizenStudio"
LINUX = PACKAGING / "linux"
ICONS = ROOT / "resources" / "icons"


def executable(app: Path = APP) -> Path:
    """The program that opens the window."""
    return app / ("kaizen-studio.exe" if sys.platform == "win32" else "kaizen-studio")


def command_line(app: Path = APP) -> Path:
    """The program for commands: on Windows the windowed one has no console to print to."""
    return app / "kaizen-studio-cli.exe" if sys.platform == "win32" else executable(app)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(clean: bool) -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(WORK)]
    if clean:
        command.append("--clean")
    subprocess.run([*command, str(SPEC)], check=True, cwd=ROOT)


def add_linux_desktop_files(app: Path = APP) -> None:
    """share/ laid out as under /usr or ~/.local, plus install.sh to copy it there."""
    share = app / "share"
    if share.exists():
        shutil.rmtree(share)
    places = {
        f"{APP_ID}.desktop": "applications",
        f"{APP_ID}.metainfo.xml": "metainfo",
    }
    for name, folder in places.items():
        (share / folder).mkdir(parents=True)
        shutil.copy2(LINUX / name, share / folder / name)
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy2(LINUX / f"{APP_ID}.mime.xml", share / "mime" / "packages" / f"{APP_ID}.xml")
    hicolor = share / "icons" / "hicolor"
    for png in sorted(ICONS.glob("kaizen-studio-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        (hicolor / f"{size}x{size}" / "apps").mkdir(parents=True)
        shutil.copy2(png, hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(ICONS / "kaizen-studio.svg", hicolor / "scalable" / "apps" / f"{APP_ID}.svg")
    shutil.copy2(LINUX / "install.sh", app / "install.sh")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the one-folder desktop app.")
    parser.add_argument("--no-clean", action="store_true", help="reuse PyInstaller's cache")
    options = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        run_pyinstaller(clean=not options.no_clean)
    except subprocess.CalledProcessError as error:
        print(f"PyInstaller failed (exit {error.returncode}); see its messages above.")
        return 1
    if sys.platform.startswith("linux"):
        add_linux_desktop_files()
    seconds = time.perf_counter() - started
    files = sum(1 for p in APP.rglob("*") if p.is_file())
    print(f"Built {executable().relative_to(ROOT)} in {seconds:.0f} s")
    print(f"{APP.relative_to(ROOT)}: {folder_size(APP) / 1e6:.0f} MB in {files} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())

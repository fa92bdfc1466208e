"""Build the desktop app, then check that the built program really works on its own.

    python packaging/smoke_test.py [--no-build]

Runs the built executable (not the source) offscreen, in a temporary folder with its
own HOME: --version, a demo library, list, check, the PDF report and A3 pages, theme
suggestions, upgrading a library from an older schema, a clear error for a missing
file, and the GUI staying up for a few seconds. On Linux it also installs the app into
a temporary prefix with install.sh and checks the menu entry and the .kaizen file type.
Prints one line per check and exits non-zero if any failed.
"""

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build  # packaging/ is not a package: build.py sits beside this file

ROOT = build.ROOT
OLD_LIBRARY = ROOT / "tests" / "fixtures" / "libraries" / "schema-0001.kaizen"
GUI_SECONDS = 5


class Failed(Exception):
    """A check did not hold; the message says what was seen."""


class Smoke:
    def __init__(self, app: Path, folder: Path) -> None:
        self.app = app
        self.folder = folder
        self.library = folder / "Customer Care.kaizen"
        self.workshop = 0
        self.results: list[tuple[str, bool, float, str]] = []
        home = folder / "home"
        home.mkdir()
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
        }

    def run(self, *args: str, ok: bool = True, program: Path | None = None) -> str:
        result = subprocess.run(
            [str(program or build.command_line(self.app)), *args],
            cwd=self.folder,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if (result.returncode == 0) != ok:
            raise Failed(f"exit {result.returncode}: {(result.stderr or result.stdout).strip()}")
        if "Traceback" in result.stderr:
            raise Failed(result.stderr.strip())
        return result.stdout if ok else result.stderr

    def check(self, name: str, step: Callable[[], str]) -> None:
        started = time.perf_counter()
        try:
            detail, passed = step(), True
        except (Failed, OSError, subprocess.SubprocessError, ValueError, KeyError) as error:
            detail, passed = str(error), False
        seconds = time.perf_counter() - started
        self.results.append((name, passed, seconds, detail))
        mark = "ok  " if passed else "FAIL"
        print(f"{mark} {name:<38} {seconds:6.2f} s  {detail}", flush=True)

    # -- the checks -------------------------------------------------------------

    def version(self) -> str:
        from kaizen_studio import __version__  # noqa: PLC0415

        text = self.run("--version")
        credits = json.loads((ROOT / "resources" / "credits.json").read_text(encoding="utf-8"))
        expected = [f"Kaizen Studio {__version__}", "Qt 6.", "Python 3."]
        expected += [entry["name"] for entry in credits["components"]]
        missing = [part for part in expected if part not in text]
        if missing or "unknown version" in text:
            raise Failed(f"--version lacks {missing or 'a version'}:\n{text}")
        return text.splitlines()[1]

    def licence_texts(self) -> str:
        resources = next(self.app.rglob("kaizen_studio/resources"), None)
        if resources is None:
            raise Failed("no kaizen_studio/resources folder in the app")
        needed = ["licences/GPL-3.0.txt", "licences/LGPL-3.0.txt", "licences/Python.txt"]
        needed += ["fonts/LICENSE", "models/minilm_static_256/LICENSE"]
        missing = [name for name in needed if not (resources / name).is_file()]
        if missing:
            raise Failed(f"missing from the app: {', '.join(missing)}")
        return f"{len(needed)} licence texts in {resources.relative_to(self.app)}"

    def demo(self) -> str:
        self.run("demo", str(self.library))
        listing = json.loads(self.run("list", str(self.library), "--json"))
        workshops = listing["workshops"] if isinstance(listing, dict) else listing
        self.workshop = int(workshops[0]["id"])
        return f"workshop {self.workshop}: {workshops[0]['title']}"

    def check_library(self) -> str:
        return self.run("check", str(self.library)).strip()

    def report(self, *extra: str) -> str:
        out = self.folder / ("a3.pdf" if extra else "report.pdf")
        self.run(
            "report", str(self.library), "--workshop", str(self.workshop), "-o", str(out), *extra
        )
        data = out.read_bytes()
        if not data.startswith(b"%PDF") or len(data) < 10_000:
            raise Failed(f"{out.name} is not a PDF report ({len(data)} bytes)")
        return f"{out.name}, {len(data) // 1000} kB"

    def cluster(self) -> str:
        lines = self.run("cluster", str(self.library), "--workshop", str(self.workshop))
        return lines.strip().splitlines()[0] if lines.strip() else "no unsorted notes"

    def upgrade(self) -> str:
        old = self.folder / "old.kaizen"
        shutil.copy2(OLD_LIBRARY, old)
        self.run("demo", str(old))
        backups = list(self.folder.glob("old.schema-*.bak.kaizen"))
        if not backups:
            raise Failed("no backup was written before the upgrade")
        return self.run("check", str(old)).strip()

    def refusal(self) -> str:
        message = self.run("list", str(self.folder / "missing.kaizen"), ok=False).strip()
        if len(message.splitlines()) != 1:
            raise Failed(f"expected one sentence, got:\n{message}")
        return message

    def gui(self) -> str:
        command = [str(build.executable(self.app)), str(self.library)]
        command += ["--workshop", str(self.workshop), "--stage", "pdca"]
        log = self.folder / "gui.log"
        with log.open("w") as stream:
            process = subprocess.Popen(
                command, cwd=self.folder, env=self.env, stdout=stream, stderr=subprocess.STDOUT
            )
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=GUI_SECONDS)
            code = process.poll()
            process.terminate()
            process.wait(timeout=30)
        output = log.read_text(errors="replace").strip()
        if code is not None:
            raise Failed(f"the app quit after less than {GUI_SECONDS} s (exit {code}): {output}")
        if "Traceback" in output or "Could not load" in output:
            raise Failed(output)
        return f"window up for {GUI_SECONDS} s" + (f"; said: {output}" if output else "")

    def linux_install(self) -> str:
        prefix = self.folder / "prefix"
        subprocess.run(
            ["sh", str(self.app / "install.sh"), "--prefix", str(prefix)],
            env=self.env,
            check=True,
            capture_output=True,
        )
        command = prefix / "bin" / "kaizen-studio"
        self.run("--version", program=command)
        desktop = prefix / "share" / "applications" / f"{build.APP_ID}.desktop"
        if shutil.which("desktop-file-validate"):
            validate = ["desktop-file-validate", str(desktop)]
            found = subprocess.run(validate, capture_output=True, check=False)
            if found.returncode != 0 or found.stdout.strip():
                raise Failed(f"installed desktop entry: {found.stdout.decode()}")
        detail = f"installed under {prefix.name}/; menu entry valid"
        if shutil.which("gio"):
            detail += "; " + self.file_type(prefix)
        subprocess.run(
            ["sh", str(self.app / "install.sh"), "--uninstall", "--prefix", str(prefix)],
            env=self.env,
            check=True,
            capture_output=True,
        )
        if command.exists() or desktop.exists():
            raise Failed("--uninstall left files behind")
        return detail

    def file_type(self, prefix: Path) -> str:
        """gio (what file managers use) must see a library, even renamed, as our type."""
        renamed = self.folder / "renamed.db"
        shutil.copy2(self.library, renamed)
        env = {**self.env, "XDG_DATA_DIRS": f"{prefix / 'share'}:/usr/share"}
        for path in (self.library, renamed):
            info = subprocess.run(
                ["gio", "info", "-a", "standard::content-type", str(path)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            if "application/x-kaizen-studio-library" not in info:
                raise Failed(f"{path.name} is not seen as a Kaizen Studio library: {info}")
        return "a .kaizen file (even renamed) is a Kaizen Studio library"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the app and smoke-test the result.")
    parser.add_argument("--no-build", action="store_true", help="test the existing build")
    options = parser.parse_args(argv)
    if not options.no_build and build.main([]) != 0:
        return 1
    if not build.executable().exists():
        print(f"No app at {build.executable()}: build it first.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="kaizen-smoke-") as folder:
        smoke = Smoke(build.APP, Path(folder))
        smoke.check("--version names every licence", smoke.version)
        smoke.check("licence texts travel with the app", smoke.licence_texts)
        smoke.check("demo library", smoke.demo)
        smoke.check("check", smoke.check_library)
        smoke.check("report", smoke.report)
        smoke.check("report --a3", lambda: smoke.report("--a3"))
        smoke.check("theme suggestions (cluster)", smoke.cluster)
        smoke.check("upgrade a schema-0001 library", smoke.upgrade)
        smoke.check("missing file: one sentence", smoke.refusal)
        smoke.check("GUI stays up offscreen", smoke.gui)
        if sys.platform.startswith("linux"):
            smoke.check("install.sh, desktop entry, file type", smoke.linux_install)
        failed = [name for name, passed, _s, _d in smoke.results if not passed]
    size = build.folder_size(build.APP) / 1e6
    print(f"{len(smoke.results) - len(failed)} passed, {len(failed)} failed; app {size:.0f} MB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

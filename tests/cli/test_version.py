"""kaizen-studio --version: the version, Qt, Python and every bundled licence, quickly."""

import subprocess
import sys

from kaizen_studio import __version__
from kaizen_studio.services.credits import read_credits


def test_version_lists_qt_python_and_the_licence_of_everything_bundled(kaizen) -> None:
    lines = kaizen("--version", check_ok=True).stdout.splitlines()
    assert lines[0] == f"Kaizen Studio {__version__} (GPL-3.0-or-later)"
    assert lines[1].startswith("Qt 6.") and ", Python 3." in lines[1]
    for credit in read_credits().components:
        assert any(credit.name in line and credit.licence in line for line in lines), credit
    assert "Bundled fonts and their licences:" in lines


def test_version_loads_neither_qt_nor_the_database_layer() -> None:
    probe = (
        "import sys, contextlib, io\n"
        "from kaizen_studio.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--version'])\n"
        "heavy = ('PySide6', 'sqlalchemy', 'numpy', 'reportlab')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"

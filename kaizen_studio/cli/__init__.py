"""The command line: `kaizen-studio [FILE]` opens the GUI; subcommands serve scripts.

This module imports only the standard library at start-up, so `--version`
and `--help` answer at once; each command imports the services it needs.
"""

import argparse
import sys
from collections.abc import Sequence

from kaizen_studio import APP_NAME
from kaizen_studio.cli import (
    commands_cluster,
    commands_followup,
    commands_library,
    commands_report,
    commands_workshop,
)
from kaizen_studio.cli.common import EXIT_ERROR, EXIT_USAGE, fail, run_safely

COMMAND_MODULES = (
    commands_library,
    commands_workshop,
    commands_followup,
    commands_report,
    commands_cluster,
)
STAGES = ("intent", "capture", "cluster", "prioritise", "map", "pdca", "report")


def version_text() -> str:
    """Version, Qt and Python, and the licence of everything bundled (resources/credits.json)."""
    from kaizen_studio.services.credits import credits_text, read_credits

    return credits_text(read_credits())


class VersionAction(argparse.Action):
    """--version, worked out only when asked for and printed line by line."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        help_text = "show versions and licences, then exit"
        super().__init__(option_strings, dest, nargs=0, help=help_text)

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        print(version_text())
        parser.exit()


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kaizen-studio",
        description=(
            f"{APP_NAME}: co-creation workshops from bottleneck to followed-up change. "
            "With no command, opens the app on FILE (or the default library)."
        ),
        epilog="Run 'kaizen-studio COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action=VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kaizen-studio",
        description="Open the app on a library file (default: your own library).",
    )
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument("file", nargs="?", help="library file (*.kaizen) to open or create")
    parser.add_argument("--workshop", type=int, metavar="ID", help="open this workshop")
    parser.add_argument("--stage", choices=STAGES, help="open the workshop at this stage")
    return parser


def _command_names() -> set[str]:
    names: set[str] = set()
    for module in COMMAND_MODULES:
        names.update(module.COMMANDS)
    return names


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in _command_names() | {"-h", "--help"}:
        options = command_parser().parse_args(args)
        return run_safely(lambda: options.handler(options))
    options = gui_parser().parse_args(args)
    if options.stage and options.workshop is None:
        return fail("--stage needs --workshop ID to say which workshop to open.", EXIT_USAGE)
    return run_safely(lambda: _open_gui(options))


def _open_gui(options: argparse.Namespace) -> int:
    from kaizen_studio.ui.app import run_app

    return run_app(options.file, workshop_id=options.workshop, stage=options.stage)


__all__ = ["EXIT_ERROR", "main"]

"""Commands that move one workshop in or out of a library: export and import."""

import argparse
from pathlib import Path

from kaizen_studio.cli.common import EXIT_OK, fail, open_existing

COMMANDS = ("export", "import")

# Output suffix -> what `export` writes. Other modules add their formats here.
EXPORT_FORMATS = {
    ".json": "the whole workshop, for import into another library",
    ".ics": "its open checks and action items, for a calendar program",
    ".csv": "its notes with their themes and votes, for a spreadsheet",
}


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    export = commands.add_parser(
        "export",
        help="write a workshop to a file; the suffix picks the format",
        description="Formats: " + "; ".join(f"{s} {what}" for s, what in EXPORT_FORMATS.items()),
    )
    export.add_argument("file", help="library file")
    export.add_argument("--workshop", type=int, metavar="ID", required=True)
    export.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    export.set_defaults(handler=run_export)

    imported = commands.add_parser("import", help="add an exported workshop (.json) to a library")
    imported.add_argument("file", help="library file (created if missing)")
    imported.add_argument("input", metavar="IN.json", help="exported workshop")
    imported.set_defaults(handler=run_import)


def run_export(options: argparse.Namespace) -> int:
    output = Path(options.output)
    suffix = output.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        known = ", ".join(EXPORT_FORMATS)
        return fail(f"Cannot export to '{suffix or output.name}': use one of {known}.")
    if not output.parent.is_dir():
        return fail(f"The folder {output.parent} does not exist.")
    if suffix == ".ics":
        return _export_calendar(options, output)
    if suffix == ".csv":
        return _export_notes(options, output)
    from kaizen_studio.services.interchange import write_export

    with open_existing(options.file, read_only=True) as library:
        write_export(library, options.workshop, output)
    print(f"Wrote workshop {options.workshop} to {output}.")
    return EXIT_OK


def _export_calendar(options: argparse.Namespace, output: Path) -> int:
    from kaizen_studio.services.followup_calendar import write_calendar

    with open_existing(options.file, read_only=True) as library:
        count = write_calendar(library, options.workshop, output)
    print(f"Wrote {count} follow-up dates of workshop {options.workshop} to {output}.")
    return EXIT_OK


def _export_notes(options: argparse.Namespace, output: Path) -> int:
    from kaizen_studio.services.reports.tables import write_csv

    with open_existing(options.file, read_only=True) as library:
        count = write_csv(library, options.workshop, output, "notes")
    print(f"Wrote {count} notes of workshop {options.workshop} to {output}.")
    return EXIT_OK


def run_import(options: argparse.Namespace) -> int:
    from kaizen_studio.services.interchange import import_workshop, read_export
    from kaizen_studio.services.workshops import get_workshop
    from kaizen_studio.storage.library import open_library

    data = read_export(Path(options.input))
    with open_library(Path(options.file), create=True, exclusive=True) as library:
        workshop_id = import_workshop(library, data)
        title = get_workshop(library, workshop_id).title
    print(f"Imported '{title}' as workshop {workshop_id}.")
    return EXIT_OK

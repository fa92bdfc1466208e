"""Commands for what leaves the room and what comes in: report, import-notes."""

import argparse
from pathlib import Path

from kaizen_studio.cli.common import EXIT_OK, EXIT_USAGE, fail, open_existing

COMMANDS = ("report", "import-notes")


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    report = commands.add_parser(
        "report",
        help="write a workshop's PDF report, or its A3 one-pagers",
        description="The workshop report (cover, contents, every stage, all notes) as PDF; "
        "with --a3, one landscape A3 page per theme chosen for mapping.",
    )
    report.add_argument("file", help="library file")
    report.add_argument("--workshop", type=int, metavar="ID", required=True)
    report.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="PDF to write")
    report.add_argument("--a3", action="store_true", help="A3 one-pagers instead of the report")
    report.add_argument(
        "--theme",
        type=int,
        action="append",
        metavar="RANK",
        help="with --a3: the theme of this rank (repeat for more; default: chosen themes)",
    )
    report.set_defaults(handler=run_report)

    notes = commands.add_parser(
        "import-notes",
        help="add notes from a CSV file to a workshop, all rows or none",
        description="Columns are found by their headers: text (or note, comment, ...), "
        "participant, area, frequency, impact. UTF-8 with or without BOM, comma or semicolon. "
        "If any row has a problem, nothing is added and the line is named.",
    )
    notes.add_argument("file", help="library file")
    notes.add_argument("--workshop", type=int, metavar="ID", required=True)
    notes.add_argument("input", metavar="NOTES.csv", help="CSV file of notes")
    notes.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="read FIELD (text, participant, area, frequency, impact) from the column HEADER",
    )
    notes.set_defaults(handler=run_import_notes)


def run_report(options: argparse.Namespace) -> int:
    output = Path(options.output)
    if output.suffix.lower() != ".pdf":
        return fail(f"A report is a PDF: name the output '{output.stem}.pdf'.", EXIT_USAGE)
    if not output.parent.is_dir():
        return fail(f"The folder {output.parent} does not exist.")
    if options.theme and not options.a3:
        return fail("--theme chooses A3 one-pagers: add --a3.", EXIT_USAGE)
    from kaizen_studio.services.reports import write_a3, write_workshop_report

    with open_existing(options.file, read_only=True) as library:
        if options.a3:
            pages = write_a3(library, options.workshop, output, ranks=options.theme)
            what = "A3 one-pager" + ("s" if pages != 1 else "")
        else:
            pages = write_workshop_report(library, options.workshop, output)
            what = "workshop report"
    print(f"Wrote the {what} ({pages} page{'s' if pages != 1 else ''}) to {output}.")
    return EXIT_OK


def _columns(pairs: list[str], headers: tuple[str, ...]) -> dict[str, int] | None:
    from kaizen_studio.domain.errors import InvalidInput
    from kaizen_studio.services.csv_interchange import FIELDS, guess_columns

    if not pairs:
        return None
    columns = guess_columns(headers)
    lowered = [header.casefold() for header in headers]
    for pair in pairs:
        field, _, header = pair.partition("=")
        if field not in FIELDS or not header:
            raise InvalidInput(
                f"--column takes FIELD=HEADER with FIELD one of {', '.join(FIELDS)}."
            )
        if header.casefold() not in lowered:
            raise InvalidInput(f"The file has no column '{header}'.")
        columns[field] = lowered.index(header.casefold())
    return columns


def run_import_notes(options: argparse.Namespace) -> int:
    from kaizen_studio.services.csv_interchange import import_notes, parse_notes, read_csv

    table = read_csv(Path(options.input))
    parsed = parse_notes(table, _columns(options.column, table.headers))
    with open_existing(options.file) as library:
        result = import_notes(library, options.workshop, parsed, strict=True)
    print(result.summary())
    return EXIT_OK

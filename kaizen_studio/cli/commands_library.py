"""Commands on a whole library: demo, list, check."""

import argparse
from pathlib import Path

from kaizen_studio.cli.common import EXIT_ERROR, EXIT_OK, fail, open_existing, print_json, table

COMMANDS = ("demo", "list", "check")


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    demo = commands.add_parser("demo", help="create a library holding a realistic sample workshop")
    demo.add_argument("file", help="library file to create or add to")
    demo.set_defaults(handler=run_demo)

    listing = commands.add_parser("list", help="workshops with ids, stages and counts")
    listing.add_argument("file", help="library file")
    listing.add_argument("--workshop", type=int, metavar="ID", help="show this workshop's themes")
    listing.add_argument("--json", action="store_true", help="one JSON document for scripts")
    listing.set_defaults(handler=run_list)

    check = commands.add_parser("check", help="integrity and schema check (changes nothing)")
    check.add_argument("file", help="library file")
    check.set_defaults(handler=run_check)


def run_demo(options: argparse.Namespace) -> int:
    from kaizen_studio.services.demo import create_demo
    from kaizen_studio.storage.library import open_library

    with open_library(Path(options.file), create=True, exclusive=True) as library:
        workshop_id = create_demo(library)
    print(f"Added the demo workshop (id {workshop_id}) to {options.file}.")
    return EXIT_OK


def run_list(options: argparse.Namespace) -> int:
    if options.workshop is not None:
        return _list_themes(options)
    from kaizen_studio.services.workshops import list_workshops

    with open_existing(options.file, read_only=True) as library:
        workshops = list_workshops(library)
    if options.json:
        print_json(
            {"library": str(Path(options.file)), "workshops": [w.as_json() for w in workshops]}
        )
        return EXIT_OK
    if not workshops:
        print(f"{options.file} holds no workshops yet.")
        return EXIT_OK
    rows = [
        [
            str(w.id),
            w.title,
            w.stage.label,
            str(w.counts["notes"]),
            str(w.counts["themes"]),
            str(w.counts["votes"]),
            str(w.counts["interventions"]),
            str(w.counts["cycles"]),
        ]
        for w in workshops
    ]
    headers = ["id", "title", "stage", "notes", "themes", "votes", "interventions", "cycles"]
    print(table(rows, headers))
    return EXIT_OK


def _list_themes(options: argparse.Namespace) -> int:
    """One workshop's themes in rank order, with votes, ratings and score."""
    from kaizen_studio.domain.scoring import FORMULA
    from kaizen_studio.services.ranking import rank_themes
    from kaizen_studio.services.voting import voting_board
    from kaizen_studio.services.workshops import get_workshop

    # Reading only, so it works while the library is open in the app.
    with open_existing(options.file, read_only=True) as library:
        workshop = get_workshop(library, options.workshop)
        themes = rank_themes(library, options.workshop)
        board = voting_board(library, options.workshop)
    if options.json:
        print_json(
            {
                "workshop": {
                    "id": workshop.id,
                    "title": workshop.title,
                    "stage": workshop.stage.value,
                },
                "voting": {
                    "dot_budget": board.budget,
                    "anonymous": board.anonymous,
                    "votes_on_notes": board.on_notes,
                    "people": board.people,
                    "placed": board.placed,
                    "total": board.total,
                },
                "formula": FORMULA,
                "themes": [theme.as_json() for theme in themes],
            }
        )
        return EXIT_OK
    print(f"{workshop.title} (id {workshop.id}), stage {workshop.stage.label}")
    mode = "anonymously" if board.anonymous else "by name"
    print(
        f"Dot voting {mode}: {board.placed} of {board.total} dots placed "
        f"({board.people} people x {board.budget})."
    )
    if not themes:
        print("No themes yet.")
        return EXIT_OK
    rows = [
        [
            str(t.rank),
            t.name,
            str(t.notes),
            str(t.votes),
            _rating(t.impact, t.impact_overridden),
            _rating(t.frequency, t.frequency_overridden),
            "-" if t.effort is None else str(t.effort),
            f"{t.score:.2f}",
            t.quadrant.label,
            "yes" if t.selected else "",
        ]
        for t in themes
    ]
    headers = ["rank", "theme", "notes", "votes", "impact", "frequency", "effort", "score"]
    print(table(rows, [*headers, "quadrant", "to map"]))
    if any(t.impact_overridden or t.frequency_overridden for t in themes):
        print("* set by the facilitator instead of the notes' mean")
    print(f"{FORMULA[0].upper()}{FORMULA[1:]}.")
    return EXIT_OK


def _rating(value: float, overridden: bool) -> str:
    return f"{value:.1f}{'*' if overridden else ''}"


def run_check(options: argparse.Namespace) -> int:
    from kaizen_studio.storage.integrity import check_library

    report = check_library(Path(options.file))
    for notice in report.notices:
        print(notice)
    if not report.ok:
        for problem in report.problems:
            print(problem)
        return fail(f"{Path(options.file).name} has {len(report.problems)} problem(s).", EXIT_ERROR)
    print(f"{Path(options.file).name} is a sound Kaizen Studio library (schema {report.revision}).")
    return EXIT_OK

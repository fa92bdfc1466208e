"""`cluster`: suggest themes for a workshop's unsorted notes and apply them."""

import argparse

from kaizen_studio.cli.common import EXIT_OK, open_existing, print_json, table

COMMANDS = ("cluster",)


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    cluster = commands.add_parser(
        "cluster",
        help="suggest themes for the unsorted notes and apply them",
        description=(
            "Groups a workshop's unsorted notes into themes, worked out offline from their "
            "words, and puts each group in a new theme on the board. Notes that fit no theme "
            "stay unsorted; themes already on the board are left as they are."
        ),
    )
    cluster.add_argument("file", help="library file")
    cluster.add_argument("--workshop", type=int, metavar="ID", required=True)
    cluster.add_argument(
        "--themes", type=int, metavar="K", help="make exactly K themes (default: chosen)"
    )
    cluster.add_argument("--json", action="store_true", help="one JSON document for scripts")
    cluster.set_defaults(handler=run_cluster)


def run_cluster(options: argparse.Namespace) -> int:
    from kaizen_studio.services.suggestions import Scope, apply_suggestions, propose_themes
    from kaizen_studio.services.workshops import get_workshop

    with open_existing(options.file) as library:
        workshop = get_workshop(library, options.workshop)
        proposed = propose_themes(library, workshop.id, Scope.UNSORTED, options.themes)
        accepted = [theme for theme in proposed if theme.fits]
        left = sorted(key for theme in proposed if not theme.fits for key in theme.note_ids)
        change = apply_suggestions(library, workshop.id, accepted) if accepted else None
    created = list(change.created) if change else []
    if options.json:
        print_json(
            {
                "workshop": workshop.id,
                "themes": [
                    {"id": key, "name": theme.label, "notes": list(theme.note_ids)}
                    for key, theme in zip(created, accepted, strict=True)
                ],
                "unsorted": left,
            }
        )
        return EXIT_OK
    if not proposed:
        print(f"{workshop.title} (id {workshop.id}) has no unsorted notes; nothing to cluster.")
        return EXIT_OK
    rows = [
        [str(key), t.label, str(len(t.note_ids))] for key, t in zip(created, accepted, strict=True)
    ]
    if rows:
        print(f"Added {len(rows)} theme{'s' * (len(rows) != 1)} to {workshop.title}:")
        print(table(rows, ["id", "theme", "notes"]))
    if left:
        print(f"{len(left)} note{'s' * (len(left) != 1)} fit no theme and stay unsorted.")
    return EXIT_OK

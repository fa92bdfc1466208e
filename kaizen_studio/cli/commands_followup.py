"""`reviews`: the checks and action items due or overdue across a library (for a weekly cron)."""

import argparse
from datetime import date

from kaizen_studio.cli.common import EXIT_OK, EXIT_USAGE, fail, open_existing, print_json, table

COMMANDS = ("reviews",)


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    reviews = commands.add_parser(
        "reviews",
        help="checks and action items due or overdue, across every workshop",
        description=(
            "List the open checks and action items of running PDCA cycles that are overdue "
            "or due within the next N days, oldest first. Reads the library only."
        ),
    )
    reviews.add_argument("file", help="library file")
    reviews.add_argument("--today", metavar="DATE", help="count from this day (YYYY-MM-DD)")
    reviews.add_argument(
        "--days", type=int, default=14, metavar="N", help="look N days ahead (default 14)"
    )
    reviews.add_argument("--json", action="store_true", help="one JSON document for scripts")
    reviews.set_defaults(handler=run_reviews)


def _today(text: str | None) -> date | None:
    if text is None:
        from kaizen_studio.services.clock import SYSTEM_CLOCK

        return SYSTEM_CLOCK.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def run_reviews(options: argparse.Namespace) -> int:
    today = _today(options.today)
    if today is None:
        return fail(f"--today must be a date like 2026-12-01, not {options.today!r}.", EXIT_USAGE)
    from kaizen_studio.services.reviews import check_window, due_reviews

    days = check_window(options.days)
    with open_existing(options.file, read_only=True) as library:
        reviews = due_reviews(library, today, days)
    if options.json:
        print_json(
            {"today": today.isoformat(), "days": days, "reviews": [r.as_json() for r in reviews]}
        )
        return EXIT_OK
    if not reviews:
        print(f"Nothing is overdue or due in the {days} days after {today.isoformat()}.")
        return EXIT_OK
    rows = [
        [
            r.due_on.isoformat(),
            r.when,
            r.workshop,
            f"{r.intervention} (cycle {r.cycle_number})",
            r.what,
            r.owner,
        ]
        for r in reviews
    ]
    print(table(rows, ["due", "when", "workshop", "intervention", "what", "owner"]))
    overdue = sum(r.overdue for r in reviews)
    print(f"\n{len(reviews)} due, {overdue} of them overdue.")
    return EXIT_OK

"""The workshop report: a cover, contents, then every stage from intent to follow-up.

`write_workshop_report` is what the GUI and the command line call; the
sections live in sections_room.py and sections_follow_up.py, the look in
styles.py, the page furniture in templates.py.
"""

import io
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from kaizen_studio.domain.enums import InterventionKind
from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.reports.blocks import facts, gap, markup, p
from kaizen_studio.services.reports.data import ReportData
from kaizen_studio.services.reports.gather import gather
from kaizen_studio.services.reports.sections_follow_up import action_map, appendix, calendar, pdca
from kaizen_studio.services.reports.sections_room import (
    WIDTH,
    intent_and_outcomes,
    themes_and_votes,
    who_took_part,
)
from kaizen_studio.services.reports.styles import (
    ACCENT,
    PANEL,
    REPORT_PAGE,
    RULE,
    panel_style,
    styles,
)
from kaizen_studio.services.reports.templates import DocumentInfo, ReportDocument, contents
from kaizen_studio.services.reports.text import day, number, para
from kaizen_studio.storage.library import Library

Target = str | Path | IO[bytes]


def document_info(data: ReportData, kind: str) -> DocumentInfo:
    where = " · ".join(
        part for part in (data.site, day(data.held_on) if data.held_on else "") if part
    )
    return DocumentInfo(
        title=f"{data.title}: {kind}",
        author=data.facilitator or "Kaizen Studio",
        subject=data.intent or f"{kind} of a co-creation workshop",
        header=data.title,
        footer=f"{kind} · {where}" if where else kind,
        keywords=("kaizen", "workshop", "PDCA", kind.lower()),
    )


def _figure(value: str, label: str) -> list[Flowable]:
    return [
        Paragraph(para(value), styles()["figure"]),
        Paragraph(para(label), styles()["figure_label"]),
    ]


def _glance(data: ReportData) -> Table:
    kinds = Counter(item.kind for item in data.interventions)
    cells = [
        _figure(str(data.participants), "people took part"),
        _figure(str(len(data.notes)), "bottlenecks noted"),
        _figure(str(len(data.themes)), "themes"),
        _figure(str(data.total_votes), "dots cast"),
        _figure(
            f"{kinds[InterventionKind.LEARNING]} + {kinds[InterventionKind.NON_LEARNING]}",
            "learning + other interventions",
        ),
        _figure(str(len(data.cycles)), "PDCA cycles"),
    ]
    return Table([cells], colWidths=[WIDTH / 6] * 6, style=panel_style(PANEL))


def _kpi_lines(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = []
    for outcome in data.outcomes:
        latest = outcome.latest
        now = f", now <b>{number(latest.value, outcome.unit)}</b>" if latest else ""
        text = (
            f"<b>{para(outcome.kpi)}</b>: from {number(outcome.baseline, outcome.unit)}{now}, "
            f"target {number(outcome.target, outcome.unit)} by {day(outcome.due_on)}"
        )
        story.append(markup(text, "cover_fact"))
    return story


def cover(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = [
        Spacer(1, 30 * mm),
        markup("WORKSHOP REPORT", "cover_kind"),
        gap(4),
        p(data.title, "cover_title"),
        gap(14),
        facts(
            [
                ("Held on", day(data.held_on)),
                ("Site", data.site or "–"),
                ("Facilitator", data.facilitator or "–"),
                ("Report written", day(data.today)),
            ],
            [32 * mm, WIDTH - 32 * mm],
        ),
        gap(14),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT),
        gap(10),
        markup("<b>At a glance</b>", "h2"),
        _glance(data),
        gap(12),
    ]
    if data.outcomes:
        story += [markup("<b>Outcomes the workshop works toward</b>", "h2"), *_kpi_lines(data)]
    story += [
        gap(10),
        HRFlowable(width="100%", thickness=0.6, color=RULE),
    ]
    return story


def report_story(data: ReportData) -> list[Flowable]:
    story = cover(data)
    story += [NextPageTemplate("body"), PageBreak()]
    story += [markup("Contents", "h1"), contents(), PageBreak()]
    story += intent_and_outcomes(data)
    story += [gap(16), *who_took_part(data), PageBreak()]
    for section in (themes_and_votes, action_map, pdca, calendar):
        story += section(data)
        story.append(PageBreak())
    story += appendix(data)
    return story


def save(target: Target, build: Callable[[IO[bytes]], int]) -> int:
    """Run `build` into memory, then write the file whole: a failed build leaves no
    half-written PDF, and an existing file is replaced only by a complete one."""
    if not isinstance(target, str | Path):
        return build(target)
    buffer = io.BytesIO()
    pages = build(buffer)
    path = Path(target)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(buffer.getvalue())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return pages


def build_workshop_report(data: ReportData, target: Target, *, invariant: bool = False) -> int:
    """Write the report of `data` to `target` (a path or a binary file); returns its pages."""
    info = document_info(data, "Workshop report")

    def build(stream: IO[bytes]) -> int:
        document = ReportDocument(stream, info, pagesize=REPORT_PAGE, invariant=invariant)
        return document.build_story(report_story(data))

    return save(target, build)


def write_workshop_report(
    library: Library,
    workshop_id: int,
    target: Target,
    *,
    clock: Clock = SYSTEM_CLOCK,
    invariant: bool = False,
) -> int:
    """Gather the workshop and write its PDF report; returns the number of pages."""
    return build_workshop_report(gather(library, workshop_id, clock), target, invariant=invariant)

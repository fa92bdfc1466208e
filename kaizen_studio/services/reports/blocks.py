"""Small building blocks every report layout uses: escaped paragraphs, tables, note entries.

Every user string passes through text.para here, so no layout can forget to escape it.
"""

from collections.abc import Sequence
from typing import Any, TypeAlias

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from kaizen_studio.services.reports.data import NoteLine
from kaizen_studio.services.reports.styles import MUTED, STATUS_COLOURS, styles, table_style
from kaizen_studio.services.reports.text import para

# A table cell: a string (escaped into a paragraph) or a flowable. ReportLab is untyped.
Cell: TypeAlias = Any


def p(text: str | None, style: str = "body") -> Paragraph:
    """A paragraph of user text (escaped)."""
    return Paragraph(para(text), styles()[style])


def markup(text: str, style: str = "body") -> Paragraph:
    """A paragraph of the report's own words, which may hold markup; user parts must be
    passed through text.para by the caller."""
    return Paragraph(text, styles()[style])


def hint(text: str) -> Paragraph:
    return Paragraph(para(text, italic=True), styles()["hint"])


def gap(height: float = 6) -> Spacer:
    return Spacer(1, height)


def coloured(text: str, colour: colors.Color, *, bold: bool = True) -> str:
    """Markup for a word in a colour (status, phase); `text` is the report's own word."""
    inner = f"<b>{para(text)}</b>" if bold else para(text)
    return f'<font color="{colour.hexval().replace("0x", "#")}">{inner}</font>'


def status(text: str) -> str:
    return coloured(text, STATUS_COLOURS.get(text, MUTED))


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    extra: Sequence[tuple[object, ...]] = (),
    align_right: Sequence[int] = (),
) -> Table:
    """A table with a repeated header row; plain strings become escaped cell paragraphs."""
    style = styles()

    def cell(value: Cell, column: int) -> Flowable:
        if isinstance(value, str):
            name = "cell_right" if column in align_right else "cell"
            return Paragraph(para(value), style[name])
        return value

    head = [
        Paragraph(para(title), style["cell_head_right" if n in align_right else "cell_head"])
        for n, title in enumerate(header)
    ]
    body = [[cell(value, column) for column, value in enumerate(row)] for row in rows]
    return Table(
        [head, *body],
        colWidths=list(widths),
        repeatRows=1,
        splitInRow=1,  # a very long note may split across pages instead of failing
        style=table_style(*extra),
        hAlign="LEFT",
    )


def facts(pairs: Sequence[tuple[str, str]], widths: Sequence[float]) -> Table:
    """Label-value lines without a header (who, when, where)."""
    style = styles()
    rows = [
        [Paragraph(para(label), style["cell_head"]), Paragraph(para(value), style["cell"])]
        for label, value in pairs
    ]
    return Table(
        rows,
        colWidths=list(widths),
        style=table_style(("LINEBELOW", (0, 0), (-1, -1), 0, colors.white), header=False),
        hAlign="LEFT",
    )


def rating_text(frequency: int | None, impact: int | None) -> str:
    parts = []
    if frequency is not None:
        parts.append(f"frequency {frequency}/5")
    if impact is not None:
        parts.append(f"impact {impact}/5")
    return ", ".join(parts)


def note_meta(note: NoteLine, *, with_theme: bool) -> str:
    """The small line under a note: who, where, how often, how bad, dots."""
    parts = [part for part in (note.author, note.area) if part]
    ratings = rating_text(note.frequency, note.impact)
    if ratings:
        parts.append(ratings)
    if note.votes:
        parts.append(f"{note.votes} dot{'s' if note.votes != 1 else ''}")
    if note.stacked_on:
        parts.append(f"repeats N{note.stacked_on}")
    if with_theme:
        parts.append(f"theme: {note.theme}" if note.theme else "unsorted")
    return " · ".join(parts)


def note_entry(note: NoteLine, *, with_theme: bool = False) -> list[Flowable]:
    """A note as a numbered entry that may run over pages (a 5,000-character note does)."""
    style = styles()
    body = Paragraph(para(note.text), style["note"], bulletText=f"N{note.number}")
    meta = note_meta(note, with_theme=with_theme)
    return [body, Paragraph(para(meta), style["note_meta"])] if meta else [body]

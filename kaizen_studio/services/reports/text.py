"""User text made safe for a report: printed literally, never breaking the build.

A Paragraph parses its text as markup, so every user string is escaped
here; characters the bundled font cannot draw become a visible stand-in
instead of vanishing or raising.
"""

import unicodedata
from datetime import date
from xml.sax.saxutils import escape

from kaizen_studio.services.reports.fonts import italic_coverage, text_coverage

MISSING = "\u25a1"  # WHITE SQUARE: "a character was here that this font lacks"
_INVISIBLE = {"Mn", "Me", "Cf"}  # combining marks and format controls (ZWJ, variation selectors)


def _stand_in(character: str) -> str:
    category = unicodedata.category(character)
    if category in _INVISIBLE or unicodedata.name(character, "").startswith("EMOJI MODIFIER"):
        return ""
    name = unicodedata.name(character, "")
    if name.startswith("REGIONAL INDICATOR SYMBOL LETTER "):
        return name[-1]  # a flag's two letters: 🇬🇧 prints as GB
    if category == "So":
        # A symbol (most emoji) keeps its meaning in words: "[thumbs up sign]".
        return f"[{name.lower()}]" if name else MISSING
    return MISSING


def printable(text: str, *, italic: bool = False) -> str:
    """`text` with every character the fonts cannot draw replaced by a stand-in."""
    covered = italic_coverage() if italic else text_coverage()
    text = text.replace("\ufe0f", "").replace("\ufe0e", "")  # emoji/text style selectors
    if all(ord(c) in covered for c in text):
        return text
    parts = []
    for character in text:
        if ord(character) in covered:
            parts.append(character)
        else:
            parts.append(_stand_in(character))
    return "".join(parts)


def para(text: str | None, *, italic: bool = False) -> str:
    """User text as Paragraph markup: escaped, line breaks kept, nothing interpreted."""
    if not text:
        return ""
    safe = escape(printable(text, italic=italic).replace("\t", "    "))
    return safe.replace("\r\n", "\n").replace("\n", "<br/>")


def plain(text: str | None) -> str:
    """User text for a canvas drawString (no markup): only the font's characters, one line."""
    if not text:
        return ""
    return " ".join(printable(text).split())


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word and marked with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:.") + "…"


def number(value: float | None, unit: str = "") -> str:
    """12 -> "12", 71.25 -> "71.3", with the unit: "71.3%", "4.2 min"."""
    if value is None:
        return "–"
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if not unit:
        return shown
    return f"{shown}{unit}" if unit in ("%", "‰") else f"{shown} {unit}"


def money(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def day(value: date | None) -> str:
    """Dates as a board reads them: "3 Sep 2026"."""
    return "–" if value is None else f"{value.day} {value:%b %Y}"


def rating(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"

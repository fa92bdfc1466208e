"""Pure checks on what a facilitator types, each failing with one clear sentence."""

import math
import re

from kaizen_studio.domain.base import TEXT_MAX, TITLE_MAX
from kaizen_studio.domain.errors import InvalidInput

RATING_WORDS = {1: "very low", 2: "low", 3: "medium", 4: "high", 5: "very high"}
FREQUENCY_WORDS = {
    1: "rarely",
    2: "monthly",
    3: "weekly",
    4: "daily",
    5: "many times a day",
}


# Control characters other than tab and newline (pasted from other programs) and
# unpaired UTF-16 halves (which cannot be stored as UTF-8) never reach the file.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(
    value: str, what: str, *, required: bool = False, max_length: int = TITLE_MAX
) -> str:
    """Trim surrounding space; refuse empty required text and text over the limit."""
    if not isinstance(value, str):
        raise InvalidInput(f"{what} must be text.")
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = _LONE_SURROGATE.sub("\ufffd", _UNPRINTABLE.sub("", text)).strip()
    if required and not text:
        raise InvalidInput(f"{what} cannot be empty.")
    if len(text) > max_length:
        raise InvalidInput(f"{what} is too long: {len(text):,} characters, at most {max_length:,}.")
    return text


def clean_note_text(value: str) -> str:
    return clean_text(value, "A note", required=True, max_length=TEXT_MAX)


def clean_optional_name(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    text = clean_text(value, what)
    return text or None


def check_rating(value: int | None, what: str) -> int | None:
    """Impact, frequency and effort are 1 to 5, or not rated (None)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise InvalidInput(f"{what} must be a whole number from 1 to 5, not {value!r}.")
    return value


def check_number(value: float | None, what: str, *, minimum: float | None = None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInput(f"{what} must be a number, not {value!r}.")
    if minimum is not None and value < minimum:
        raise InvalidInput(f"{what} cannot be below {minimum:g}.")
    return float(value)


def parse_checkpoint_days(text: str) -> tuple[int, ...]:
    """'30, 60, 90' -> (30, 60, 90): distinct, rising day offsets after Do starts."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts or not all(part.isdigit() for part in parts):
        raise InvalidInput(
            f"Checkpoint days must be whole numbers separated by commas, not {text!r}."
        )
    days = tuple(sorted({int(part) for part in parts}))
    if days[0] < 1 or days[-1] > 3650:
        raise InvalidInput("Checkpoint days must be between 1 and 3650 days after Do starts.")
    return days


def format_checkpoint_days(days: tuple[int, ...]) -> str:
    return ",".join(str(day) for day in days)

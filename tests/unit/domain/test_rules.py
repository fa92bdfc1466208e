import pytest

from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.domain.rules import check_rating, clean_note_text, parse_checkpoint_days


def test_note_text_is_trimmed_and_required() -> None:
    assert clean_note_text("  forklift waits for dock  ") == "forklift waits for dock"
    with pytest.raises(InvalidInput, match="cannot be empty"):
        clean_note_text("   ")


@pytest.mark.parametrize("value", [0, 6, 2.5, True, "3"])
def test_ratings_are_whole_numbers_from_1_to_5(value: object) -> None:
    with pytest.raises(InvalidInput):
        check_rating(value, "Impact")  # type: ignore[arg-type]


def test_checkpoint_days_are_sorted_and_distinct() -> None:
    assert parse_checkpoint_days("90, 30,60,30") == (30, 60, 90)
    with pytest.raises(InvalidInput):
        parse_checkpoint_days("30, soon")
    with pytest.raises(InvalidInput):
        parse_checkpoint_days("0")


def test_text_that_cannot_be_stored_is_cleaned_not_refused() -> None:
    # Pasted text can carry NUL and other control characters, Windows line ends,
    # and unpaired UTF-16 halves; none of them may reach SQLite.
    assert clean_note_text("Forklift\x00 waits\r\nat dock\x07") == "Forklift waits\nat dock"
    assert clean_note_text("half \ud83d pair") == "half \ufffd pair"
    with pytest.raises(InvalidInput, match="cannot be empty"):
        clean_note_text("\x00\x01 ")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_numbers_must_be_finite(value: float) -> None:
    from kaizen_studio.domain.rules import check_number

    with pytest.raises(InvalidInput, match="must be a number"):
        check_number(value, "The target")

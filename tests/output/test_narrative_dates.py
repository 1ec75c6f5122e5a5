"""A value only shaped like a date ("2020-13-45", typed as a name) is told as written, never as a month."""

from __future__ import annotations

from detention_rules import words
from detention_rules.output import narrative


def test_text_shaped_like_a_date_is_told_as_written() -> None:
    """The fuzz test's mutant (a name "2020-13-45") stopped the draft with an IndexError (month 13)."""
    w = words.load("draft", "en")
    assert narrative.date("2020-13-45", w) == "2020-13-45" and not narrative.is_date("2020-13-45")
    assert narrative.date("2020-04-32", w) == "2020-04-32"
    assert narrative.date_range("2020-13-01", "2020-13-05", w).startswith("2020-13-01")
    assert narrative.date("2020-04-17", w) == "on 17 April 2020" and narrative.is_date("2020-04")

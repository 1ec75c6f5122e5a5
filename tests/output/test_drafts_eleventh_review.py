"""What a lawyer about to file still struck after the tenth review (issue 29, task D11), each checked on a shipped
case's draft so that the old wording fails: the expected forms are those a lawyer files, never the engine's
output."""

from __future__ import annotations

import pytest

from .test_drafts_reviewed_in_french_and_spanish import ROOT, drafted

MAMMADOV = ROOT / "cases" / "mammadov-azerbaijan-2013.yaml"


@pytest.mark.parametrize(
    ("lang", "said", "never"),
    [
        ("en", "This was a peaceful exercise of his rights, not political in character.", "The conduct was peaceful."),
        ("fr", "Le comportement en cause était pacifique et dépourvu de caractère politique.", "était pacifique."),
        ("es", "La conducta en cuestión era pacífica y no tenía carácter político.", "era pacífica."),
    ],
)
def test_a_peaceful_conduct_that_was_not_political_is_told_in_one_sentence(lang: str, said: str, never: str) -> None:
    """Mr. Mammadov's minority-culture work (the file: political false, peaceful true) read "The conduct was not
    political in character. The conduct was peaceful.": two sentences with one subject, as a form lists answers.
    A lawyer says it once, as the political and peaceful conduct already is ("a peaceful exercise of his rights")."""
    text = drafted(lang, MAMMADOV)
    assert said in text
    assert never not in text

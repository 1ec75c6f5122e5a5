"""What an independent French review of the reference and joint drafts found (issue 31, task RV-fr,
/work/wt/reviews8/fr-review.md), each checked on a shipped case's French draft so that the old wording fails: the
expected words are the reviewer's corrections, the Covenant's own French and the Working Group's forms, never the
engine's output."""

from __future__ import annotations

from .test_drafts_reviewed_in_french_and_spanish import JOINT, REFERENCE, drafted


def test_the_right_to_prepare_a_defence_is_a_right_not_a_duty() -> None:
    """« Toute personne accusée doit disposer … et communiquer avec le conseil de son choix » reads as a duty to
    communicate; the Covenant (art. 14 (3) b)) gives the accused the right « à disposer du temps et des
    facilités nécessaires à la préparation de sa défense et à communiquer avec le conseil de son choix »."""
    text = drafted("fr", REFERENCE)
    assert (
        "a le droit de disposer du temps et des facilités nécessaires à la préparation de sa défense et de"
        " communiquer avec le conseil de son choix" in text
    )
    assert "doit disposer du temps" not in text


def test_the_right_to_an_interpreter_is_worded_avoir_le_droit_de() -> None:
    """« a droit à se faire assister » joins « avoir droit à », which takes a noun, to a verb: French law writes
    « a le droit de se faire assister gratuitement d'un interprète » (Cass. crim., 29 juin 2005)."""
    text = drafted("fr", JOINT)
    assert "a le droit de se faire assister gratuitement d'un interprète" in text
    assert "a droit à se faire assister" not in text

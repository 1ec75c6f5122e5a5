"""What the twelfth French review found and the twelfth pass left (issue 31, task T13-fr), each checked on a
shipped case's draft so that the old wording fails. The expected words are how a French lawyer, and the Working
Group's French, write a pleading, never the engine's output."""

from __future__ import annotations

import functools
from pathlib import Path

from ..conftest import ROOT
from .test_drafts_reviewed_in_french_and_spanish import drafted

REFERENCE = ROOT / "cases" / "ilyashev-kazakhstan-2022.yaml"
CARDET = ROOT / "cases" / "cardet-cuba-2018.yaml"
QARADAWI = ROOT / "cases" / "qaradawi-khalaf-egypt-2018.yaml"  # a joint file; never tried
TEACHING = ROOT / "cases" / "teaching" / "trial-two-violations.yaml"  # sex unknown


@functools.cache
def _draft(path: Path, lang: str = "fr") -> str:
    """A case's draft, its no-break spaces as spaces: the words are checked here, the typography elsewhere."""
    return drafted(lang, path).replace("\u202f", " ").replace("\u00a0", " ")


def test_the_trial_paragraph_names_the_person_after_the_judge() -> None:
    """D5: « Le juge n'a pris aucune mesure face à ces défaillances. Avant et pendant le procès, son accès à un
    conseil a été restreint. […] Son appel a été rejeté. »: the possessive had the judge or the court for its
    antecedent. A pleading names the person again."""
    reference = _draft(REFERENCE)
    assert "Avant et pendant le procès, l'accès de M. Ilyashev à un conseil a été restreint." in reference
    assert "L'appel de M. Ilyashev a été rejeté." in reference
    cardet = _draft(CARDET)
    assert "une juridiction ordinaire. Avant le procès, l'accès de M. Cardet à un conseil a été restreint." in cardet
    for text in (reference, cardet):
        assert "son accès à un conseil" not in text and "Son appel" not in text
    taught = _draft(TEACHING)
    assert "Le procès était public. Q. R. s'est vu refuser l'assistance d'un interprète." in taught
    assert "un interprète lui a été refusée" not in taught


def test_no_trial_held_is_never_told_as_before_the_trial() -> None:
    """D6: « Mme al-Qaradawi et M. Khalaf n'ont pas été jugés. Avant le procès, leur accès à un conseil a été
    restreint. », and « Aux audiences » of hearings that were on the detention: no trial was held."""
    text = _draft(QARADAWI)
    assert (
        "n'ont pas été jugés. Pendant la détention, l'accès de Mme al-Qaradawi et de M. Khalaf à un conseil a été"
        " restreint." in text
    )
    assert "En l'espèce, pendant la détention, l'accès de Mme al-Qaradawi et de M. Khalaf à un conseil" in text
    assert "Lors des audiences sur la détention, ils ont été présentés comme le sont des condamnés" in text
    for wrong in ("Avant le procès", "avant le procès", "Aux audiences"):
        assert wrong not in text
    # a trial held keeps its words
    assert "Avant le procès, l'accès de M. Cardet" in _draft(CARDET)

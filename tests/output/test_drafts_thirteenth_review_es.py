"""What the twelfth Spanish pass left of the independent review (issue 31, task T13-es; the review's defects by
number), each checked on a shipped case's draft so that the old wording fails. The expected words are a Spanish
lawyer's, never the engine's output."""

from __future__ import annotations

from ..conftest import ROOT
from .test_drafts_reviewed_in_french_and_spanish import drafted

TWO = ROOT / "cases" / "qaradawi-khalaf-egypt-2018.yaml"  # a woman and a man, never tried; she a foreigner
FOUR = ROOT / "cases" / "mayangna-defenders-nicaragua-2024.yaml"  # four men, still in prison
TEACHING = ROOT / "cases" / "teaching"


def test_the_conduct_the_authorities_invoked_is_said_without_an_alternative() -> None:
    """D13: « Las autoridades invocaron esa conducta al detenerla o acusarla »: a lawyer files no alternative. The
    field says the authorities named the conduct as what the person was held or prosecuted for, so the draft says
    what that establishes, the ground of the deprivation of liberty, as it says of an emergency invoked."""
    text = drafted("es", TEACHING / "freedom-peaceful-assembly.yaml")
    assert "Las autoridades invocaron esa conducta para justificar la privación de libertad." in text
    assert "o acusar" not in text


def test_a_foreigners_nationality_is_named_in_the_argument() -> None:
    """D14: « por motivos de nacimiento; es de nacionalidad extranjera » names no State; the grounds said once
    (D14b, « por motivos de nacimiento y de origen nacional »)."""
    text = drafted("es", TWO)
    assert "contra la Sra. al-Qaradawi por motivos de nacimiento; es extranjera, nacional de Qatar." in text
    assert "nacionalidad extranjera" not in text
    assert "y por motivos de" not in text


def test_the_fair_trial_argument_of_a_person_never_tried_names_no_trial() -> None:
    """D19: « el proceso contra la Sra. al-Qaradawi no respetó las garantías de un juicio imparcial … esas
    violaciones la privaron de un juicio imparcial » of two people the facts say « no han sido juzgados »: the
    proceedings taken against them, and due process. A person tried keeps « el proceso »."""
    text = drafted("es", TWO)
    assert (
        "En el presente caso, las actuaciones seguidas contra la Sra. al-Qaradawi, que no ha sido juzgada, no"
        " respetaron las garantías del debido proceso previstas en" in text
    )
    assert "esas violaciones lo privaron de las garantías del debido proceso." in text  # Mr. Khalaf
    assert "el proceso contra" not in text and "privaron de un juicio imparcial" not in text
    tried = drafted("es", ROOT / "cases" / "cardet-cuba-2018.yaml")
    assert "En el presente caso, el proceso contra el Sr. Cardet no respetó las garantías de un juicio" in tried


def test_a_period_still_running_is_told_with_its_place_in_one_sentence() -> None:
    """D26: « Los interesados fueron recluidos en prisión a partir de diciembre de 2022. Han estado recluidos en … »
    says « recluidos » twice; one sentence, in the present perfect the place already took (the detention goes on)."""
    text = drafted("es", FOUR)
    assert (
        "Los interesados han estado en prisión desde diciembre de 2022, recluidos en [por traducir: Jorge Navarro"
        " prison, Tipitapa]." in text
    )
    assert "Han estado recluidos" not in text
    two = drafted("es", TWO)
    assert "La Sra. al-Qaradawi ha estado en prisión preventiva desde el 2 de julio de 2017, recluida en" in two

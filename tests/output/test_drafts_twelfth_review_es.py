"""What the eleventh Spanish pass left (issue 31, task T12-es), each checked on a shipped case's draft so that the
old wording fails. The expected words are a Spanish lawyer's and the instruments' own (the Universal Declaration's
article 29 (2) in its official Spanish, English and French texts), never the engine's output."""

from __future__ import annotations

from ..conftest import ROOT
from .test_drafts_reviewed_in_french_and_spanish import drafted

NON_PARTY = ROOT / "cases" / "cardet-cuba-2018.yaml"  # Cuba: not a party to the Covenant
PARTY = ROOT / "cases" / "mabuza-dube-eswatini-2025.yaml"  # two men, one submission; Eswatini a party
UNKNOWN_REGIME = ROOT / "cases" / "yorov-tajikistan-2019.yaml"  # a period under a regime the file does not know
GROUP = ROOT / "cases" / "cheng-liu-wu-china-2020.yaml"  # three men harassed before


def test_the_restriction_test_for_a_state_not_party_reads_the_universal_declaration() -> None:
    """« El artículo 19, párrafo 3, del Pacto solo permite… » binds no State outside the Covenant: the limitations
    the Declaration allows (art. 29, párr. 2) are the test, the Covenant and General Comment No. 34 a guide (methods
    of work para 7). English and French shared the rule's text, and are fixed with it; a party keeps article 19 (3)."""
    es, en, fr = (drafted(lang, NON_PARTY) for lang in ("es", "en", "fr"))
    assert "toda persona estará solamente sujeta a las limitaciones establecidas por la ley" in es
    assert "(Declaración Universal, arts. 19 y 29, párr. 2)" in es
    assert "ninguna de las limitaciones que admite el artículo 29, párrafo 2, de la Declaración Universal." in es
    assert "El artículo 19, párrafo 3, del Pacto solo permite" not in es
    assert "motivos de restricción permitidos por el artículo 19, párrafo 3, del Pacto" not in es
    assert "everyone shall be subject only to such limitations as are determined by law" in en
    assert "no limitation that article 29(2) of the Universal Declaration permits" in en
    assert "Article 19 (3) permits only" not in en and "restriction that article 19 (3) permits" not in en
    assert "chacun n'est soumis qu'aux limitations établies par la loi" in fr
    assert "L'article 19 (par. 3) du Pacte n'autorise que" not in fr
    assert "El artículo 19, párrafo 3, del Pacto solo permite" in drafted("es", PARTY)


def test_a_detention_under_an_unknown_regime_is_told_as_a_lawyer_tells_it() -> None:
    """« permaneció en detención de fundamento jurídico desconocido »: the detention, and its unknown legal basis
    (not a "regime": the tenth review, test_drafts_spanish_independent_review.py) said once in the facts, in a
    clause, never a noun with two complements."""
    text = drafted("es", UNKNOWN_REGIME)
    assert (
        "El Sr. Yorov permaneció detenido del 28 de septiembre de 2015 al 6 de octubre de 2016, sin que se conozca"
        " el fundamento jurídico de la detención." in text
    )
    assert "fundamento jurídico desconocido" not in text
    assert "fundamento jurídico desconocido" not in drafted("es", ROOT / "cases" / "farhanah-saudi-arabia-2023.yaml")


def test_a_participle_agrees_with_several_persons_in_the_argument() -> None:
    """« los interesados ya había sido hostigados »: the auxiliary agrees with the plural subject too."""
    text = drafted("es", GROUP)
    assert "como se ha expuesto, los interesados ya habían sido hostigados por las autoridades" in text
    assert "ya había sido hostigados" not in text
    assert "se ha expuesto, el Sr. Cardet ya había sido hostigado por las autoridades" in drafted("es", NON_PARTY)


def test_two_persons_of_one_title_are_named_together_then_both() -> None:
    """« El Sr. Mabuza y el Sr. Dube » in every sentence: « los Sres. Mabuza y Dube » after their first mention,
    and « ambos » where the paragraph has named them and they are no subject the verb carries."""
    text = drafted("es", PARTY)
    assert "3. Los Sres. Mabuza y Dube fueron detenidos el 25 de julio de 2021." in text
    assert "La acusación precisaba los actos que se imputaban a ambos." in text
    assert "Se denegó atención médica a ambos." in text
    assert "Que ponga inmediatamente en libertad a los Sres. Mabuza y Dube" in text
    assert "el Sr. Mabuza y el Sr. Dube" not in text.lower().replace("los sres.", "")
    assert "Mr. Mabuza and Mr. Dube were arrested" in drafted("en", PARTY)

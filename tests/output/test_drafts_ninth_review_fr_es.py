"""What the independent French and Spanish reviewers of the eighth pass left standing (issue 31, task T9,
/work/wt/reviews8/*-review.md, "After the fixes"), each checked so that the old wording fails. The expected
words are a French or Spanish lawyer's citation of a domestic provision in running text and the Working
Group's own citations, never the engine's output."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from detention_rules import words
from detention_rules.output import narrative

from .test_drafts_reviewed_in_french_and_spanish import REFERENCE, drafted


def test_the_reference_provision_is_cited_in_running_text() -> None:
    """« en vertu de l'article 274 (par. 4, al. 2) du Code pénal », «en virtud del artículo 274, párrafo 4,
    apartado 2, del Código Penal» (the reviewers' wording), not a form's « dispositions suivantes : [Code],
    art. 274 »: the law's name typed in English is left to translate, after the article its kind (a code) takes."""
    assert (
        "en vertu de l'article 274 (par. 4, al. 2) du [à traduire\u00a0: Criminal Code]." in drafted("fr", REFERENCE)
    )
    assert (
        "en virtud del artículo 274, párrafo 4, apartado 2, del [por traducir: Criminal Code]."
        in drafted("es", REFERENCE)
    )
    for lang in ("fr", "es"):
        assert "suivantes :" not in drafted(lang, REFERENCE) and "siguientes:" not in drafted(lang, REFERENCE)


def _cited(lang: str, typed_in: str, items: list[str], state: str = "") -> str:
    with narrative.written(SimpleNamespace(translations={}, language=typed_in), lang):  # type: ignore[arg-type]
        return narrative.provisions(items, words.load("draft", lang), state)


@pytest.mark.parametrize(
    ("lang", "typed_in", "items", "said"),
    [
        # a law's gender from its kind, whatever language it is typed in
        ("fr", "fr", ["Code pénal art. 72"], "de l'article 72 du Code pénal"),
        ("fr", "fr", ["loi n° 2015-26"], "de la loi n° 2015-26"),
        ("fr", "fr", ["ordonnance n° 7"], "de l'ordonnance n° 7"),
        ("fr", "fr", ["la loi relative au terrorisme"], "de la loi relative au terrorisme"),
        ("fr", "fr", ["le Code pénal art. 72", "le Code pénal art. 73"], "des articles 72 et 73 du Code pénal"),
        ("fr", "en", ["Anti-Cybercrime Law"], "de la [à traduire\u00a0: Anti-Cybercrime Law]"),
        ("fr", "en", ["Crimes Ordinance"], "de l'[à traduire\u00a0: Crimes Ordinance]"),
        # several provisions of several laws: the « de » repeated before each
        (
            "fr",
            "en",
            ["Penal Code art. 72", "Organic Law 2015-26"],
            "de l'article 72 du [à traduire\u00a0: Penal Code] et de la [à traduire\u00a0: Organic Law 2015-26]",
        ),
        # a law of no kind known: a neutral noun, grammatical whatever its gender
        ("fr", "fr", ["Dahir n° 1-58-376 art. 3"], "de l'article 3 du texte intitulé Dahir n° 1-58-376"),
        ("es", "es", ["Código Penal art. 72"], "del artículo 72 del Código Penal"),
        ("es", "es", ["Ley Orgánica 2/2015 art. 5"], "del artículo 5 de la Ley Orgánica 2/2015"),
        ("es", "en", ["the anti-terrorism law"], "de la [por traducir: anti-terrorism law]"),
        (
            "es",
            "en",
            ["Criminal Code art 112", "2007 Computer Crimes Act art 14(3)", "2007 Computer Crimes Act art 14(5)"],
            "del artículo 112 del [por traducir: Criminal Code] y de los artículos 14, párrafo 3, y 14, párrafo 5,"
            " de la [por traducir: 2007 Computer Crimes Act]",
        ),
        ("es", "es", ["Dahir 1-58-376 art. 3"], "del artículo 3 de la norma denominada Dahir 1-58-376"),
    ],
)
def test_a_provision_takes_the_article_of_its_laws_gender(lang: str, typed_in: str, items: list[str], said: str) -> None:
    assert _cited(lang, typed_in, items) == said


def test_the_states_own_name_is_left_out_of_a_name_to_translate() -> None:
    """"Criminal Code of Kazakhstan" in a case against Kazakhstan: « du [à traduire\u00a0: Criminal Code] »."""
    assert _cited("fr", "en", ["Criminal Code of Kazakhstan art 274"], "Kazakhstan") == (
        "de l'article 274 du [à traduire\u00a0: Criminal Code]"
    )

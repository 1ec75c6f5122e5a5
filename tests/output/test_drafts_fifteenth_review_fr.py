"""What the eighteenth French review found and the fourteenth French pass left (issue 31, task T15-fr), each checked
on a shipped case's draft so that the old wording fails. The expected words are how a French lawyer, and the
Working Group's and OHCHR's French, write them, never the engine's output."""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path

import docx

from ..conftest import ROOT
from .test_drafts_reviewed_in_french_and_spanish import drafted

REFERENCE = ROOT / "cases" / "ilyashev-kazakhstan-2022.yaml"
CARDET = ROOT / "cases" / "cardet-cuba-2018.yaml"  # a member of the opposition, detained for association too


@functools.cache
def _draft(path: Path, lang: str = "fr") -> str:
    """A case's draft, its no-break spaces as spaces: the words are checked here, the typography elsewhere."""
    return drafted(lang, path).replace("\u202f", " ").replace("\u00a0", " ")


@functools.cache
def _built(path: Path, lang: str = "fr"):  # type: ignore[no-untyped-def]
    """The reference draft as the renderers read it, without its appendix."""
    from detention_rules import application, words
    from detention_rules.input import source
    from detention_rules.output.draft import build_joint
    from detention_rules.reasoning import runnable

    words.use(lang)
    try:
        book = runnable.load()
        return build_joint(book, application.drafts(book, source.load(path), None), appendix=False)
    finally:
        words.use("en")


def test_a_period_ending_in_a_known_month_is_told_from_its_day_to_that_month() -> None:
    """D12: « à partir du 18 avril et jusqu'en juin 2020 » calques "from … and until"; « du 18 avril jusqu'en juin »
    mixes two constructions (twelfth review D27): « du 18 avril au mois de juin 2020 » is one."""
    text = _draft(REFERENCE)
    assert "placé en détention provisoire du 18 avril au mois de juin 2020." in text
    assert "à partir du 18 avril et jusqu'en" not in text


def test_the_referral_says_the_activities_once_with_their_possessive() -> None:
    """D24: « détention motivée par des activités politiques et des activités de défenseur des droits de l'homme »,
    « des activités politiques, des activités d'opposition politique et l'appartenance à une association »."""
    assert "(détention motivée par ses activités politiques et de défenseur des droits de l'homme, dans" in _draft(
        REFERENCE
    )
    assert (
        "(détention motivée par ses activités politiques, son engagement dans l'opposition politique et son"
        " appartenance à une association, dans" in _draft(CARDET)
    )


def test_the_judges_mandate_is_titled_as_ohchr_titles_it_now() -> None:
    """The fourteenth pass left « au Rapporteur spécial sur l'indépendance des juges et des avocats »: OHCHR's French
    page of the mandate names its holder « Rapporteuse spéciale … sur l'indépendance des juges et des avocats »."""
    text = _draft(REFERENCE)
    assert "à la Rapporteuse spéciale sur l'indépendance des juges et des avocats, s'agissant" in text
    assert "au Rapporteur spécial sur l'indépendance" not in text


def test_the_paragraph_that_article_14_applies_says_so_in_the_order_of_the_facts() -> None:
    """D13: « En l'espèce, M. Ilyashev a été inculpé ; un procès s'est tenu à compter du 12 juin 2020 ; il a été placé
    en détention provisoire le 18 avril 2020. »: a checklist, out of order, that concludes nothing.
    The fifteenth English pass (D15) removed the paragraph that article 14 applies, in every language: neither the
    checklist nor its conclusion is told again."""
    text = _draft(REFERENCE)
    assert "Ces garanties lui étaient donc applicables." not in text
    assert "un procès s'est tenu à compter du 12 juin 2020" not in text
    assert "a été inculpé puis jugé" not in text


def test_each_document_is_identified_where_the_draft_first_cites_it() -> None:
    """D10: « (observation générale n° 34, par. 22) » came before « Comité des droits de l'homme, observation générale
    n° 34 »; « délibération n° 11 », « A/HRC/36/37 » and « méthodes de travail » were never identified."""
    text = _draft(REFERENCE)
    for first in (
        "(méthodes de travail du Groupe de travail, A/HRC/36/38, par. 8 a))",
        "(observation générale n° 34 du Comité des droits de l'homme, par. 22)",
        "(délibération n° 11 du Groupe de travail, A/HRC/45/16, annexe II, par. 22 ;",
        "(rapport du Groupe de travail, A/HRC/36/37, par. 48 et 49 ;",
        "(Ensemble de principes, principe 18 ; observation générale n° 32 du Comité des droits de l'homme, par. 34)",
    ):
        assert text.count(first) == 1, first
    assert text.count("A/HRC/36/38") == 1  # short after
    assert text.index("observation générale n° 34 du Comité") < text.index("(observation générale n° 34, par. 35")
    assert text.index("observation générale n° 32 du Comité") < text.index("(observation générale n° 32, par. 30)")
    assert "de ses méthodes de travail :" in text  # the referral's own mention keeps its possessive


def test_the_number_sign_is_printed_with_a_raised_o_in_the_page_and_the_word_file() -> None:
    """D4, left by the fourteenth pass: « les avis nos 72/2021 » in print reads as "our opinions"; the United Nations
    print n and a superscript o (« Observation générale no 35 »). Markdown keeps « n° »."""
    from detention_rules.output import draft_docx, draft_html, draft_markdown

    made = _built(REFERENCE)
    page = draft_html.render(made)
    assert "les avis n<sup>os</sup>\u00a072/2021" in page
    assert "générale n<sup>o</sup>\u00a034" in page
    assert "n°" not in page.split("<body", 1)[1]
    document = docx.Document(io.BytesIO(draft_docx.render_bytes(made)))
    raised = [r.text for p in document.paragraphs for r in p.runs if r.font.superscript]
    assert raised.count("os") >= 2 and raised.count("o") >= 5
    assert not any("n°" in p.text for p in document.paragraphs)
    assert "les avis n°s 72/2021" in draft_markdown.render(made).replace("\u00a0", " ")
    from ..conftest import wgad

    whole = wgad("draft", "--lang", "fr", "-f", "html", str(REFERENCE))  # the appendix's lines too
    assert whole.returncode == 0 and "n°" not in whole.stdout and "avis n<sup>o</sup>" in whole.stdout
    english = draft_html.render(_built(REFERENCE, "en"))
    assert "<sup>" not in english


QARADAWI = ROOT / "cases" / "qaradawi-khalaf-egypt-2018.yaml"  # two persons, named each time
MAYANGNA = ROOT / "cases" / "mayangna-defenders-nicaragua-2024.yaml"  # four persons, detention of unknown kind


def test_a_detention_of_unknown_kind_and_a_defenders_right_are_said_as_a_lawyer_says_them() -> None:
    """D19: « détenus à partir de 2021, sous un régime juridique inconnu » is vague and translated; D14: « leur droit
    de défendre les droits de l'homme en [defending …] » stutters once translated; the Declaration on human rights
    defenders (art. 1) words the right « de promouvoir la protection et la réalisation des droits de l'homme »."""
    text = _draft(MAYANGNA)
    assert "détenus à partir de 2021, sans que le régime juridique de leur détention soit connu." in text
    assert "régime juridique inconnu" not in text
    assert "leur droit de promouvoir la protection et la réalisation des droits de l'homme en [à traduire" in text
    assert "droit de défendre les droits de l'homme en" not in text


def test_to_each_of_several_persons_repeats_its_preposition() -> None:
    """D17: « d'accorder à Mme al-Qaradawi et M. Khalaf le droit … »: French repeats « à » before each name."""
    text = _draft(QARADAWI)
    assert "d'accorder à Mme al-Qaradawi et à M. Khalaf le droit d'obtenir réparation" in text
    assert "à Mme al-Qaradawi et M. Khalaf" not in text
    assert "d'accorder aux intéressés le droit d'obtenir réparation" in _draft(MAYANGNA)


def test_a_domestic_provisions_parts_are_written_out_in_running_text() -> None:
    """As D2 for the Covenant: « en vertu de l'article 274 (par. 4, al. 2) du Code pénal » is the compact form of a
    citation in parentheses; a sentence names the parts in words, set apart by commas before the law."""
    text = _draft(REFERENCE)
    assert "en vertu de l'article 274, paragraphe 4, alinéa 2, du Code pénal." in text
    assert "(par. 4, al. 2)" not in text


def test_the_category_v_standard_names_its_instruments_without_a_double_et() -> None:
    """Read whole (T15-fr): « Le paragraphe 1 de l'article 2 et l'article 26 du Pacte et les articles 2 et 7 de la
    Déclaration universelle interdisent… » strings three « et »; the Declaration, which binds every State, first."""
    text = _draft(REFERENCE)
    assert (
        "Les articles 2 et 7 de la Déclaration universelle, ainsi que le paragraphe 1 de l'article 2 et l'article 26 du"
        " Pacte, interdisent la discrimination ;" in text
    )


def test_the_check_lists_paragraphs_as_french_lists_them() -> None:
    """D26, left in `wgad check`: « voir avis n° 2/2022, par. 75-80 », « par. 11-12, 22, 25, 33-35 », a file's
    « [par. 5-6, 93] »: a range is « 75 à 80 », a list ends with « et ». The rules' « 11-12, 22, 25, 33-35 » of
    general comment No. 34 is gone since each of its paragraphs sits on its own standard (D15); its pair stays."""
    from ..conftest import wgad

    done = wgad("check", "--lang", "fr", str(REFERENCE))
    assert done.returncode == 0, done.stderr
    for said in (
        "voir avis n° 2/2022, par. 75 à 80",
        "observation générale n° 34, par. 11 et 12",
        "voir avis n° 2/2022, par. 70 à 72",
        "par. 5, 6 et 93",
        "[par. 20 à 22 et 87]",  # a file's range and number: the range in French first, then the list
    ):
        assert said in done.stdout.replace("\u00a0", " ").replace("\u202f", " "), said
    assert not re.search(r"par\. [\d, ]*\d-\d", done.stdout)


def test_a_document_identified_once_is_cited_short_after_and_a_symbol_is_set_apart() -> None:
    """D10 and D21: after « observation générale n° 35 du Comité des droits de l'homme », a later conclusion wrote
    « Comité des droits de l'homme, observation générale n° 35 » again; a deliberation was named by its number
    alone; « A/HRC/30/37 principe 9 » lacked the comma a citation puts after a symbol. Since D15 each authority
    sits on its own standard: the general comment is identified at its first citation, short at the later ones."""
    egypt = _draft(QARADAWI)
    assert (
        "(observation générale n° 35 du Comité des droits de l'homme, par. 32 ; délibération n° 1 du Groupe de"
        " travail, E/CN.4/1993/24)" in egypt
    )
    assert egypt.count("observation générale n° 35 du Comité") == 1
    assert egypt.index("observation générale n° 35 du Comité") < egypt.index("(observation générale n° 35, par. 15")
    assert egypt.count("Comité des droits de l'homme, observation générale") == 0
    assert "A/HRC/30/37, principe 9 et ligne directrice 8" in _draft(MAYANGNA)


def test_a_general_comment_after_voir_takes_its_article() -> None:
    """With D10's short form after the first mention, « (voir l'avis n° 2/2022, par. 92 ; observation générale n° 32 »
    would lack the article « l'avis » has: after « voir », « l'observation générale … du Comité », « voir » after
    another citation of the parenthesis too (since D15 put the general comment beside the Body of Principles)."""
    text = _draft(MAYANGNA)
    assert (
        "(Ensemble de principes, principe 18 ; voir l'avis n° 2/2022, par. 88 et 89 ; l'observation générale n° 32 du"
        " Comité des droits de l'homme, par. 34)" in text
    )
    assert not re.search(r"voir [^()]*; observation générale n° \d+ du Comité", text)

"""What the fourteenth French review found (issue 31, task T14-fr), each checked on a shipped case's draft so that
the old wording fails. The expected words are how a French lawyer, and the Working Group's and OHCHR's French,
write them, never the engine's output."""

from __future__ import annotations

import functools
from pathlib import Path

from markdown_it import MarkdownIt

from ..conftest import ROOT
from .test_drafts_reviewed_in_french_and_spanish import drafted

REFERENCE = ROOT / "cases" / "ilyashev-kazakhstan-2022.yaml"
CARDET = ROOT / "cases" / "cardet-cuba-2018.yaml"  # a State not party to the Covenant
QARADAWI = ROOT / "cases" / "qaradawi-khalaf-egypt-2018.yaml"  # a joint file; never tried
MAYANGNA = ROOT / "cases" / "mayangna-defenders-nicaragua-2024.yaml"  # four persons, held incommunicado
TEACHING = ROOT / "cases" / "teaching" / "trial-two-violations.yaml"


@functools.cache
def _draft(path: Path, lang: str = "fr") -> str:
    """A case's draft, its no-break spaces as spaces: the words are checked here, the typography elsewhere."""
    return drafted(lang, path).replace("\u202f", " ").replace("\u00a0", " ")


def test_the_special_procedures_are_named_as_ohchr_titles_them_in_french() -> None:
    """D1: « au Rapporteur spécial sur la situation des défenseurs des droits de l'homme »: OHCHR's French page
    titles the mandate « Rapporteuse spéciale sur la situation des défenseurs et défenseuses des droits humains »;
    the title is the page's, never guessed from a holder, and a feminine title takes « à la »."""
    text = _draft(REFERENCE)
    for title in (
        "à la Rapporteuse spéciale sur la situation des défenseurs et défenseuses des droits humains, s'agissant",
        "à la Rapporteuse spéciale sur la promotion et la protection du droit à la liberté d'opinion et d'expression",
        "au Rapporteur spécial sur les droits à la liberté de réunion pacifique et à la liberté d'association",
    ):
        assert title in text
    assert "situation des défenseurs des droits de l'homme, s'agissant" not in text
    assert "au Rapporteur spécial sur la promotion" not in text
    cardet = _draft(CARDET)
    assert "à la Rapporteuse spéciale sur le droit qu'a toute personne de jouir du meilleur état de santé" in cardet
    assert "au Rapporteur spécial sur la torture et autres peines" in cardet  # masculine on OHCHR's page


def test_the_lettered_requests_stay_apart_once_the_markdown_is_rendered() -> None:
    """D9: « 34. La source prie… :\\n    a) de prendre…\\n    b) d'annuler… »: "a)" opens no list in CommonMark,
    so the items ran on in their paragraph's. Each is a paragraph of its own, in every language."""
    for lang in ("fr", "en", "es"):
        html = MarkdownIt("commonmark").render(drafted(lang, REFERENCE))
        remedies = html.split("Ilyashev", 1)[1]
        paragraphs = [p.split("</p>", 1)[0] for p in html.split("<p>")[1:]]
        lettered = [p for p in paragraphs if p[:2] in ("a)", "b)", "c)", "d)") or p[:3] in ("(a)", "(b)", "(c)", "(d)")]
        assert len(lettered) >= 8, (lang, lettered)  # four remedies, four referrals
        assert all(p.count("\n") == 0 for p in lettered), lang
        assert "<pre>" not in remedies and "<code>" not in remedies, lang


def test_running_prose_cites_the_covenant_paragraph_of_the_article() -> None:
    """D2: « L'article 19 (par. 3) du Pacte n'autorise que… », « prévues par l'article 14 (par. 1, 2 et 3 b), d) et
    e)) du Pacte », « (par. 3 f) et 5) »: the compact form belongs in a parenthesis; in a sentence the Working Group
    and the Human Rights Committee write « le paragraphe 3 de l'article 19 du Pacte »."""
    text = _draft(REFERENCE)
    assert "Le paragraphe 3 de l'article 19 du Pacte n'autorise que les restrictions" in text
    assert "prévues par les paragraphes 1, 2 et 3 b), d) et e) de l'article 14 du Pacte :" in text
    assert "énumérés à l'article 21 et au paragraphe 2 de l'article 22 du Pacte" in text
    assert "constituent une violation grave du paragraphe 1 de l'article 14 du Pacte" in text
    assert "au sens du paragraphe 1 de l'article 2 et de l'article 26 du Pacte" in text
    assert "prévues par les paragraphes 3 f) et 5 de l'article 14 du Pacte :" in _draft(TEACHING)
    # articles read with article 14 are named so too, and « lus » agrees with the paragraphs
    assert (
        "prévues par les paragraphes 2 et 3 a), b), d) et g) de l'article 14 du Pacte, lus conjointement avec"
        " l'article 7 et le paragraphe 1 de l'article 10 :" in _draft(QARADAWI)
    )
    for draft in (text, _draft(TEACHING), _draft(QARADAWI)):
        body = draft.replace("art. ", "")  # the parenthetical citations keep their compact form
        for old in ("article 19 (par. 3)", "article 14 (par.", "22 (par. 2) du Pacte", "articles 2 (par. 1)"):
            assert old not in body
    assert "(Pacte, art. 14 (par. 3 e))" in text  # in a parenthesis, the compact form stays


def test_the_expression_is_told_by_its_means_never_after_a_colon() -> None:
    """D3: « a été détenu pour s'être exprimé : [trois publications…] sur [sa page…] », a calque of "for his
    expression: X on Y"; the facts' own « par [X] sur [Y] »."""
    text = _draft(REFERENCE)
    assert "M. Ilyashev a été détenu pour s'être exprimé par [à traduire : three Facebook posts" in text
    assert "pour s'être exprimé :" not in text
    assert "M. Cardet a été détenu pour s'être exprimé par [à traduire :" in _draft(CARDET)


def test_several_opinions_are_cited_n_degree_s_never_nos() -> None:
    """D4: « les avis nos 72/2021, 89/2020… » beside « avis n° 2/2022 »: a bare « nos » reads as the possessive
    (« nos avis »). The plural takes the singular's sign, « n°s »."""
    for path in (REFERENCE, CARDET, MAYANGNA):
        text = _draft(path)
        assert "avis nos" not in text and "l'avis n°s" not in text
    assert "; voir, par exemple, les avis n°s 72/2021, 89/2020" in _draft(REFERENCE)  # beside the standard's own
    assert "; les avis n°s 13/2018 et 33/2015)" in _draft(MAYANGNA)
    assert "(voir les avis n°s\u00a013/2018 et 33/2015)" in drafted("fr", CARDET)  # never broken from its sign


def test_the_presumption_of_innocence_is_argued_on_the_facts_it_has() -> None:
    """D5: the standard's example, officials affirming the guilt in public, then facts about the court's conduct:
    the gap is the Government's opening. The standard is General Comment No. 32's duty of every public authority,
    and the court's conduct is tied to it. Since D15 the standard, when no official declared the guilt, is the
    burden of proof of General Comment No. 32, para. 30, the court's conduct still tied to it."""
    text = _draft(REFERENCE)
    assert (
        "La présomption d'innocence impose à l'accusation la charge de prouver le bien-fondé de l'accusation, garantit"
        " à l'accusé le bénéfice du doute et exige que les personnes accusées d'un acte délictueux soient traitées"
        " conformément à ce principe (observation générale n° 32, par. 30). En l'espèce," in text
    )
    assert "par exemple en affirmant publiquement la culpabilité" not in text
    applied = "refusant d'entendre les témoins à décharge, manifestant ainsi qu'il tenait la culpabilité pour acquise."
    assert applied in text


def test_a_person_never_tried_was_treated_as_guilty_before_any_judgment() -> None:
    """D6: « traités en coupables par les autorités avant le jugement » of two people never tried."""
    text = _draft(QARADAWI)
    assert "ont été traités en coupables par les autorités avant tout jugement." in text
    assert "avant le jugement" not in text


def test_a_court_that_could_be_seized_is_not_told_as_a_challenge_that_worked() -> None:
    """D7: « Ils ont pu contester la légalité de la détention devant un tribunal. » beside an enforced
    disappearance concedes article 9 (4): a true `could_challenge` is not told at all (T14-es, review 18 D3, in
    every language); the domestic steps tell what was filed and what became of it."""
    text = _draft(MAYANGNA)
    assert "ont pu contester la légalité" not in text
    assert "ont pu saisir un tribunal" not in text


def test_a_state_not_party_is_held_to_the_declaration_and_the_body_of_principles() -> None:
    """D8: Cuba: article 22 of the Covenant quoted as though it were article 20 of the Universal Declaration, and
    humane treatment cited to the Covenant alone, for a State the Covenant does not bind."""
    text = _draft(CARDET)
    assert (
        "Toute personne a droit à la liberté de réunion et d'association pacifiques ; nul ne peut être obligé de faire"
        " partie d'une association (Déclaration universelle, art. 20)." in text
    )
    assert "y compris le droit de constituer des syndicats" not in text
    assert (
        "toute personne soumise à une forme quelconque de détention ou d'emprisonnement est traitée avec humanité et"
        " avec le respect de la dignité inhérente à la personne humaine (Ensemble de principes, principe 1" in text
    )
    assert "traitée avec humanité (Pacte, art. 10 (par. 1))" not in text
    # a State party keeps the Covenant's words
    assert "traitée avec humanité (Pacte, art. 10 (par. 1))" in _draft(QARADAWI)


def test_the_second_rank_patterns_read_as_a_french_pleading() -> None:
    """D11: « …(voir l'avis n° 33/2015), la source le prie de demander… », « le » for a noun inside the lead's own
    phrase; D15: « la source affirme que la détention constituait une discrimination » inside the source's own
    argument; D16: definite and indefinite articles mixed in one list; D18: a definition in apposition without its
    article; D21: parentheses nested in a referral."""
    cardet, nicaragua = _draft(CARDET), _draft(MAYANGNA)
    assert "La source prie le Groupe de travail, conformément à sa pratique (voir les avis n°s 13/2018 et" in cardet
    assert "la source le prie" not in cardet
    assert "En l'espèce, la détention constituait une discrimination à l'égard de M. Cardet, fondée sur" in cardet
    assert "la source affirme que" not in cardet
    assert "les mauvais traitements qui ont entravé la défense et la détention au secret pendant laquelle" in cardet
    assert "La disparition forcée, c'est-à-dire la privation de liberté par l'État" in nicaragua
    assert "(détention non reconnue constitutive de disparition forcée)" in nicaragua
    assert "(disparition forcée))" not in nicaragua


def test_the_check_and_the_appendix_say_what_a_stated_value_does_and_who_established_a_condition() -> None:
    """D25 and D26: « Un presumption_of_innocence énoncé est une dérogation qui exige sa référence. », « une
    lecture » in the draft's appendix, and « (tirée par : …) » in `wgad check`."""
    from ..conftest import wgad

    done = wgad("check", "--lang", "fr", str(REFERENCE))
    assert done.returncode == 0, done.stderr
    assert "(établie par : La personne est demandeuse d'asile" in done.stdout
    assert "tirée par" not in done.stdout
    appendix = _appendix(REFERENCE)
    assert "Une valeur presumption_of_innocence indiquée dans le dossier l'emporte sur cette déduction" in appendix
    assert "une lecture)" not in appendix and "est une dérogation qui exige sa référence" not in appendix


def _appendix(path: Path) -> str:
    """A case's French draft with its appendix (the drafter's reasoning)."""
    from detention_rules import application, words
    from detention_rules.input import source
    from detention_rules.output import draft_markdown
    from detention_rules.output.draft import build_joint
    from detention_rules.reasoning import runnable

    words.use("fr")
    try:
        book = runnable.load()
        return draft_markdown.render(build_joint(book, application.drafts(book, source.load(path), None)))
    finally:
        words.use("en")

"""What an independent French review of the reference and joint drafts found (issue 31, the independent French review
quoted in the closing note), each checked on a shipped case's French draft so that the old wording fails: the
expected words are the reviewer's corrections, the Covenant's own French and the Working Group's forms, never the
engine's output."""

from __future__ import annotations

import re

import pytest

from ..conftest import ROOT
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


def test_the_authorities_fail_to_show_a_permitted_ground_not_a_restriction() -> None:
    """One does not « démontrer une restriction »: the State must show that the restriction answers one of the
    grounds article 19 (3) admits (observation générale n° 34, par. 35)."""
    text = drafted("fr", REFERENCE)
    assert (
        "les autorités n'ont pas démontré que la restriction répondait à l'un des motifs admis par le paragraphe 3"
        " de l'article 19 du Pacte." in text  # in prose, the paragraph of the article (fourteenth review D2)
    )
    assert "n'ont démontré aucune restriction" not in text


def test_a_refused_interpreter_is_refused_to_the_persons() -> None:
    """« Un interprète a été refusé. » says neither what nor to whom; « leur » after a sentence on the court had
    no antecedent either (thirteenth review D5): the persons named, « … se sont vu refuser l'assistance d'un
    interprète »."""
    text = drafted("fr", JOINT)
    assert " se sont vu refuser l'assistance d'un interprète." in text
    assert "Un interprète a été refusé." not in text


def test_a_state_of_emergency_in_force_is_told_in_the_imperfect() -> None:
    """A state lasting in the past, first mentioned: « Un état d'urgence était en vigueur du … au … »."""
    text = drafted("fr", REFERENCE)
    assert "Un état d'urgence était en vigueur du 15 mars au 11 mai 2020." in text
    assert "L'état d'urgence a été en vigueur" not in text


def test_a_rendition_says_who_handed_the_persons_over() -> None:
    """« remis aux autorités de l'État concerné depuis l'étranger » is a calque of "into the State's custody from
    abroad": another State handed them over to the State concerned."""
    text = drafted("fr", JOINT)
    assert "Ils ont été remis à l'État concerné par un autre État, en dehors de toute procédure d'extradition." in text
    assert "depuis l'étranger" not in text


def test_a_referral_for_targeting_is_worded_without_the_anglicism() -> None:
    """« un ciblage délibéré » is a calque of "deliberate targeting"; the referral says the detention was part of
    a deliberate persecution, as the rule's law does (« s'inscrit dans une persécution de la personne »)."""
    text = drafted("fr", REFERENCE)
    assert "ciblage" not in text
    assert "dans un contexte de persécution délibérée)" in text


def test_reasons_given_only_later_are_told_with_ne_que() -> None:
    """« ont été communiqués seulement plus tard » is a calque of "were given only later"; French restricts with
    « ne … que », as the draft's own sentence without a date already does."""
    text = drafted("fr", REFERENCE)
    assert "Les motifs de l'arrestation n'ont été communiqués que plus tard, le 18 avril 2020." in text
    assert "communiqués seulement plus tard, le" not in text


def test_category_v_recites_the_grounds_once() -> None:
    """The methods of work's list of grounds (« la naissance, l'origine nationale, ethnique ou sociale, … ») was
    recited twice, word for word, in the category V argument; the English states it once."""
    text = drafted("fr", REFERENCE)
    section = text.split("### Catégorie V", 1)[1].split("\n## ", 1)[0]
    assert section.count("la naissance, l'origine nationale, ethnique ou sociale") == 1
    # « motif protégé », a calque of "protected ground" (twelfth review, D13)
    assert "discriminatoire, fondée sur un motif de discrimination interdit et qui tend ou peut" in section


def test_the_state_is_named_with_its_article_where_french_needs_one() -> None:
    """« L'État concerné (Kazakhstan) est partie au Pacte » and « des autorités d'un autre État (Nigéria) » keep the
    State's name out of the sentence, in a parenthesis, for want of its article: a French lawyer writes « Le
    Kazakhstan est partie au Pacte », « des autorités du Nigéria » (the Working Group's own sentence being
    « L'État est partie au Pacte international relatif aux droits civils et politiques », avis n° 90/2017)."""
    reference, joint = drafted("fr", REFERENCE), drafted("fr", JOINT)
    assert "Le Kazakhstan est partie au Pacte international relatif aux droits civils et politiques." in reference
    assert "Le Cameroun est partie au Pacte international relatif aux droits civils et politiques." in joint
    assert "Pendant cette période, ils se trouvaient sous la garde des autorités du Nigéria." in joint
    assert "L'État concerné (" not in reference + joint
    assert "d'un autre État (" not in joint


def test_a_state_s_article_is_its_own() -> None:
    """Each State the table names in French carries the article its name takes (« la Chine », « l'Inde », « les
    Maldives », « Cuba »), and « de » before it contracts as French does (« du Nigéria », « des Maldives »)."""
    from detention_rules import words
    from detention_rules.output import narrative

    w = words.load("draft", "fr")
    said = {s: narrative.country_with_article(s, w) for s in ("China", "India", "Maldives", "Cuba", "Nigeria")}
    of = narrative.contract("des autorités de " + said["Nigeria"] + " et de " + said["Maldives"], w)
    assert said == {
        "China": "la Chine",
        "India": "l'Inde",
        "Maldives": "les Maldives",
        "Cuba": "Cuba",
        "Nigeria": "le Nigéria",
    }
    assert of == "des autorités du Nigéria et des Maldives"


def test_a_remedy_s_precedent_takes_its_article() -> None:
    """« (voir avis n° 2/2022, par. 101) » drops the article the draft's own citations give (« voir l'avis
    n° 2/2022, par. 92 »): « (voir l'avis n° … ) », « (voir les avis n°s … ) »."""
    text = drafted("fr", JOINT)  # cited once, in the remedies' lead (thirteenth French review, D17)
    assert "(voir l'avis n°\u00a02/2022, par. 101, 102 et 103\u202f; les avis n°s\u00a013/2018 et 33/2015)" in text
    assert "(voir avis" not in text


def test_opinions_cited_with_and_without_paragraphs_read_as_french_citations() -> None:
    """« les avis n° 2/2022, par. 70 à 72 ; n° 72/2021 ; n° 89/2020 » puts a plural « avis » before a singular
    « n° » repeated for each number: an opinion cited at its paragraphs is « l'avis n° … , par. … », the opinions
    cited whole are « les avis n°s …, … et … », as the reference draft already cites them."""
    text = drafted("fr", JOINT)
    assert (
        "voir, par exemple, l'avis n°\u00a02/2022, par. 70 et 71\u202f; les avis n°s\u00a072/2021, 89/2020, 79/2018,"
        " 93/2017, 75/2017, 66/2017 et 46/2017)" in text
    )
    assert "voir, par exemple, l'avis n°\u00a045/2016\u202f; l'avis n°\u00a02/2022, par. 94" in text
    assert "\u202f; n°\u00a0" not in text


def test_the_person_s_detention_is_told_with_the_possessive_once_named() -> None:
    """« … avaient déjà harcelé M. Ilyashev. La détention de M. Ilyashev n'était donc pas … » names him twice in
    two sentences: « Sa détention n'était donc pas un incident isolé »."""
    text = drafted("fr", REFERENCE)
    # the person the subject (review 10-fr: « harcelé {name} » said « harcelé il » once the pronoun stood for him)
    harassed = "M. Ilyashev avait déjà été harcelé par les autorités. Sa détention n'était donc pas un incident isolé."
    assert harassed in text
    assert "La détention de M. Ilyashev n'était donc pas" not in text


def test_a_factor_of_discrimination_is_told_in_the_subjunctive() -> None:
    """« le fait qu'elle s'inscrit dans une persécution », among factors weighed, is a possibility, not a fact:
    « le fait qu'elle s'inscrive dans une persécution de la personne »."""
    text = drafted("fr", REFERENCE)
    assert "le fait qu'elle s'inscrive dans une persécution de la personne" in text
    assert "caractéristiques distinctives aient également été persécutées" in text
    assert "s'inscrit dans une persécution" not in text


def test_a_restriction_is_necessary_to_pursue_an_aim() -> None:
    """« nécessaires dans une société démocratique à l'un des buts » lacks the noun French needs: « nécessaires,
    dans une société démocratique, à la poursuite de l'un des buts énumérés »."""
    text = drafted("fr", REFERENCE)
    assert "nécessaires, dans une société démocratique, à la poursuite de l'un des buts énumérés" in text


def test_two_things_the_authorities_did_not_do_are_joined_by_ni_ni() -> None:
    """« n'ont pas reconnu la détention ni révélé » mixes « pas » and « ni »: « n'ont ni reconnu … ni révélé »."""
    text = drafted("fr", JOINT)
    assert "Les autorités n'ont ni reconnu la détention ni révélé le lieu où ils se trouvaient." in text


@pytest.mark.parametrize(
    ("case", "said"),
    [
        ("nasheed-maldives-2015", "Les Maldives sont parties au Pacte international relatif aux droits civils"),
        ("obaidullah-united-states-2013", "Les États-Unis sont parties au Pacte international relatif aux droits"),
        ("siraphop-thailand-2019", "La Thaïlande est partie au Pacte international relatif aux droits civils"),
        ("wade-senegal-2015", "Le Sénégal est partie au Pacte international relatif aux droits civils"),
        ("de-lima-philippines-2018", "Les Philippines sont parties au Pacte international relatif aux droits"),
    ],
)
def test_a_state_named_with_its_article_agrees_and_is_named_in_french(case: str, said: str) -> None:
    """A plural State takes a plural verb (« Les Maldives sont parties au Pacte », never « Les Maldives est
    partie »), and the States the shipped cases name are named in French (« La Thaïlande », never « Thailand est
    partie »)."""
    text = drafted("fr", ROOT / "cases" / f"{case}.yaml")
    assert said in text
    assert not re.search(r"\b(?:Thailand|Senegal|Philippines|Maldives|États-Unis) (?:n')?est (?:pas )?partie", text)


@pytest.mark.parametrize(
    ("case", "said", "never"),
    [
        ("kanu-nigeria-2022", "sous la garde des autorités du Kenya", "autorités de Kenya"),
        ("rodriguez-sanchez-dominican-republic-2023", "La République dominicaine est partie au Pacte", "Dominican"),
        ("mabuza-dube-eswatini-2025", "L'Eswatini est partie au Pacte", "Eswatini est partie"),
    ],
)
def test_every_state_a_shipped_case_names_is_told_with_its_french_article(case: str, said: str, never: str) -> None:
    """« sous la garde des autorités de Kenya », « Dominican Republic est partie »: each State a shipped case names
    is in the French table with its article (« du Kenya », « La République dominicaine »)."""
    text = drafted("fr", ROOT / "cases" / f"{case}.yaml")
    assert said in text
    assert never not in text.replace(said, "")


def test_french_contracts_de_with_the_article_of_a_referral_and_of_a_status() -> None:
    """« s'agissant de des conditions », « la qualité de avocat »: French contracts « de » with « des » and elides
    it before a vowel (« s'agissant des conditions de détention », « la qualité d'avocat »); each reached a draft
    found by reading every French draft after the independent review."""
    text = drafted("fr", ROOT / "cases" / "abdullayev-azerbaijan-2020.yaml")
    assert "s'agissant des conditions de détention (" in text
    assert "s'agissant de des" not in text
    status = drafted("fr", ROOT / "cases" / "abulkhair-saudi-arabia-2018.yaml")
    assert "la qualité d'avocat et de défenseur des droits de l'homme" in status
    assert "qualité de avocat" not in status


def test_an_official_statement_names_the_person_as_the_subject() -> None:
    """« des responsables ont publiquement visé il en raison de les opinions politiques »: a subject pronoun after
    the verb and « de les »; the person is the subject of a passive (« M. Carreño a été publiquement visé par des
    responsables pour des motifs fondés sur les opinions politiques »)."""
    text = drafted("fr", ROOT / "cases" / "carreno-venezuela-2022.yaml")
    said = "M. Carreño a été publiquement visé par des responsables pour des motifs fondés sur les opinions politiques."
    assert said in text
    several = drafted("fr", ROOT / "cases" / "adhoc-five-cambodia-2016.yaml")
    assert "ils ont été publiquement visés par des responsables" in several
    assert not re.search(r"visé (il|ils|elle|elles) ", text + several)
    assert "en raison de les " not in text + several

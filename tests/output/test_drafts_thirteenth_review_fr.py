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
    taught = _draft(TEACHING)  # « Le procès était public. », a met guarantee, is no longer told (D15)
    assert "par une juridiction ordinaire. Q. R. s'est vu refuser l'assistance d'un interprète." in taught
    assert "Le procès était public." not in taught
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


def _conclusion(text: str, category: str) -> str:
    """The sentence that concludes a category, with its citations if it has any (since D15 its authorities sit on
    the standards' sentences)."""
    return text.split(f"relève de la catégorie {category}", 1)[1].split("\n", 1)[0]


def test_the_referral_paragraph_of_the_methods_of_work_is_no_authority_for_a_finding() -> None:
    """D7: the category III conclusion cited « méthodes de travail, par. 33 a) », the paragraph on referrals to
    other mechanisms; the referral paragraph cites it, and keeps doing so. Meant for every language."""
    for path in (QARADAWI, CARDET):
        text = _draft(path)
        assert "par. 33 a)" not in _conclusion(text, "III")
        assert "conformément au paragraphe 33 a) de ses méthodes de travail" in text
        assert text.count("33 a)") == 1  # nor any standard of the argument
    english = _draft(QARADAWI, "en")
    assert "33 (a)" not in english.split("falls within category III", 1)[1].split("\n", 1)[0]


def test_articles_7_and_10_are_read_with_the_fair_trial_guarantees_not_listed_as_such() -> None:
    """D8: « les garanties d'un procès équitable prévues par les articles 7, 10 (par. 1) et 14 (…) du Pacte »:
    articles 7 and 10 are no fair-trial guarantees; they are read with article 14."""
    text = _draft(QARADAWI)
    assert (
        "a méconnu les garanties d'un procès équitable prévues par les paragraphes 2 et 3 a), b), d) et g) de"
        " l'article 14 du Pacte, lus conjointement avec l'article 7 et le paragraphe 1 de l'article 10 :" in text
    )
    assert "prévues par les articles 7" not in text
    # article 14 alone keeps its words
    assert "prévues par les paragraphes 2 et 3 a), b) et d) de l'article 14 du Pacte :" in text


def test_a_foreign_national_is_discriminated_against_on_nationality_not_national_origin() -> None:
    """D9: « fondée sur la naissance et sur l'origine nationale » for a Qatari held in Egypt: nationality is not
    national origin (Covenant, art. 2 (1) and 26 name the latter)."""
    text = _draft(QARADAWI)
    assert "La détention est donc discriminatoire : elle est fondée sur la naissance et sur la nationalité." in text
    assert "sur l'origine nationale" not in text


def test_category_v_is_defined_once_and_its_conclusion_does_not_dangle() -> None:
    """D20: the category V definition was stated twice (the methods of work's, then the same sentence with the
    grounds listed), and « La détention est donc discriminatoire, fondée sur … » left the participle dangling."""
    for path in (REFERENCE, QARADAWI):
        text = _draft(path)
        section = text.split("### Catégorie V", 1)[1].split("\n## ", 1)[0]
        assert section.count("qui tend ou peut conduire à ignorer le principe de l'égalité des êtres humains") == 1
        assert "Les motifs de discrimination interdits sont la naissance, l'origine nationale" in section
        assert "La détention est donc discriminatoire : elle est fondée sur" in section
        assert "discriminatoire, fondée sur la" not in section and "discriminatoire, fondée sur sa" not in section


def test_a_length_known_between_bounds_reads_as_french_writes_a_range() -> None:
    """« détenu sans inculpation pendant de 1372 à 1766 jours »: « pendant de » is no French, and French groups
    a count's digits (« 1 372 »). Abu Zubaydah's first custody is known by its months only."""
    text = drafted("fr", ROOT / "cases" / "abu-zubaydah-united-states-2022.yaml")
    assert "détenu sans inculpation pendant 1\u202f372 à 1\u202f766 jours à compter de mars 2002" in text
    assert "pendant de " not in text and "1372" not in text


def test_the_prayer_for_relief_cites_its_opinions_once_before_the_list() -> None:
    """D17: « de libérer immédiatement M. Cardet (voir les avis n°s 13/2018 et 33/2015) ; »: a French pleading does
    not footnote its prayer for relief; the opinions the remedies follow are cited once, in its lead."""
    text = _draft(CARDET)
    remedies = text.split("## Mesures de réparation", 1)[1].split("La source prie en outre", 1)[0]
    assert (
        "La source prie le Groupe de travail, conformément à sa pratique (voir les avis n°s 13/2018 et 33/2015), de"
        " demander au Gouvernement cubain :" in remedies  # fourteenth review D11
    )
    assert "b) de libérer immédiatement M. Cardet ;" in remedies
    assert remedies.count("(voir") == 1
    taught = _draft(TEACHING).split("## Mesures de réparation", 1)[1]
    assert "(voir l'avis n° 2/2022, par. 101, 102 et 103), de demander" in taught  # review 18 D11
    assert taught.count("(voir") == 1


def test_a_period_and_a_place_are_told_as_a_pleading_tells_them() -> None:
    """D19: « Cette période a duré neuf jours. » and « détenu au lieu suivant : [à traduire : …] » are a form's
    words: « Cette détention a duré neuf jours. », « détenu dans [à traduire : …] » (any article after « dans »)."""
    text = _draft(CARDET)
    assert "Cette détention a duré neuf jours." in text
    assert "Il a été détenu dans [à traduire : a local police station, Holguín province]." in text
    assert "Cette période" not in text and "au lieu suivant" not in text
    assert "arrêtés le 30 juin 2017 dans [à traduire : a summer house" in _draft(QARADAWI)


def test_the_european_court_is_cited_as_french_lawyers_cite_it() -> None:
    """D23: « de Jong, Baljet et van den Brink c. Pays-Bas (1984) par. 52 »: a French citation gives the
    judgment's date, « § » and its series (Series A no. 77, judgment of 22 May 1984)."""
    text = _draft(CARDET)
    assert (
        "Cour européenne des droits de l'homme, De Jong, Baljet et Van den Brink c. Pays-Bas, 22 mai 1984, § 52,"
        " série A n° 77" in text
    )
    assert "(1984) par. 52" not in text


def test_category_i_is_headed_with_the_term_its_argument_uses() -> None:
    """D26: « absence de fondement légal » headed paragraphs that argue a « fondement juridique »; « légal » stays
    only in the methods of work's own definition (« un quelconque fondement légal qui justifie »)."""
    text = _draft(REFERENCE)
    assert "### Catégorie I : absence de fondement juridique de la privation de liberté" in text
    assert text.count("fondement légal") == 1
    assert "d'invoquer un quelconque fondement légal qui justifie la privation de liberté" in text


def test_a_day_to_a_month_is_one_construction() -> None:
    """D27: « du 18 avril jusqu'en juin 2020 » mixed two constructions."""
    text = _draft(REFERENCE)
    assert "placé en détention provisoire du 18 avril au mois de juin 2020." in text  # review 18 D12
    assert "du 18 avril jusqu'en" not in text


def test_stock_institutional_terms_typed_in_english_are_named_in_french() -> None:
    """D29: « [à traduire : Criminal Code] », « [à traduire : police officers] »: a code and the police are no
    words a drafter needs to translate; the drafter's own descriptions stay set apart."""
    text = _draft(REFERENCE)
    assert "L'arrestation a été effectuée par des policiers." in text
    assert "en vertu de l'article 274, paragraphe 4, alinéa 2, du Code pénal." in text
    assert "[à traduire : Criminal Code]" not in text and "[à traduire : police officers]" not in text
    assert "dans [à traduire : office of his relatives in Almaty]" in text
    tunisia = drafted("fr", ROOT / "cases" / "al-turki-and-others-tunisia-2024.yaml")
    assert "en vertu de l'article 72 du Code pénal et de la [à traduire" in tunisia.replace("\u00a0", " ")


def test_a_teaching_cases_state_is_named_in_french() -> None:
    """D28: « State J est partie au Pacte », « Gouvernement de State J »: the invented State's name in English."""
    text = _draft(TEACHING)
    assert text.startswith("# Communication au Groupe de travail sur la détention arbitraire concernant Q. R. (État J)")
    assert "L'État J est partie au Pacte international" in text
    assert "au Gouvernement de l'État J :" in text
    assert "State J" not in text


def test_a_woman_held_untried_is_not_told_in_the_masculine() -> None:
    """Read afresh (T13-fr): « Mme Pham n'a pas été jugée sans retard excessif : détenu sans jugement pendant 434
    jours »: the rule's words assumed a man. The remedies' lead cites the opinions; the law a remedy rests on stays
    with it."""
    text = _draft(ROOT / "cases" / "pham-doan-trang-viet-nam-2021.yaml")
    assert "Mme Pham n'a pas été jugée sans retard excessif : 434 jours de détention sans jugement." in text
    assert "détenu sans jugement" not in text
    assert "(voir les avis n°s 13/2018 et 33/2015), de demander au Gouvernement vietnamien :" in text
    assert "le comportement qu'elle réprime (voir l'observation générale n° 35 du Comité des droits de l'homme" in text


def test_a_group_described_in_english_is_set_apart_once_then_the_persons_concerned() -> None:
    """Read afresh (T13-fr): « la privation de liberté de nine members of a WhatsApp discussion group on Islam (first
    named, Bolatbek Nurgaliyev) », English passed off as French in the title, the identity, each conclusion and
    remedy; and « les intéressés ont été détenus pour avoir pratiqué sa religion »."""
    text = _draft(ROOT / "cases" / "nurgaliyev-and-others-kazakhstan-2021.yaml")
    described = "nine members of a WhatsApp discussion group on Islam (first named, Bolatbek Nurgaliyev)"
    assert text.count(described) == 2  # the title and the identity, set apart to translate
    assert f"concernant [à traduire : {described}] (Kazakhstan)" in text
    assert "la privation de liberté des intéressés est arbitraire et relève de la catégorie II" in text
    assert "b) de libérer immédiatement les intéressés ;" in text
    assert "Les intéressés ont été détenus pour avoir pratiqué leur religion." in text
    assert "les intéressés ont été détenus pour avoir manifesté leur religion ou leur conviction" in text
    english = _draft(ROOT / "cases" / "nurgaliyev-and-others-kazakhstan-2021.yaml", "en")
    assert f"deprivation of liberty of {described}" in english  # typed in English: the English draft as before


def test_the_appendix_sets_apart_the_drafters_english_as_the_check_does() -> None:
    """D30 (part): the appendix read « par le biais de his private Facebook page », English with no tag, where
    `wgad check --lang fr` sets the same words apart."""
    from .test_drafts_twelfth_review_fr import _whole

    appendix = _whole("fr", REFERENCE).split("## Raisonnement suivi", 1)[1]
    assert "par le biais de [à traduire : his private Facebook page]" in appendix
    assert "par la personne : [à traduire : three Facebook posts" in appendix

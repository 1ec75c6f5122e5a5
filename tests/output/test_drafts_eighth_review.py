"""What the seventh pass left in the English draft (issue 29, task D8), each checked so that the old wording fails:
the expected words are what a lawyer files and the Working Group's own forms, never the engine's output."""

from __future__ import annotations

import pytest

from detention_rules import words

from ..conftest import ROOT, wgad
from .test_drafts_reviewed_in_french_and_spanish import drafted

CASES = ROOT / "cases"


@pytest.mark.parametrize(
    ("lang", "cited", "never"),
    [
        # on the "other status" sentence they support (English review 18, P2)
        ("en", "opinions Nos. 13/2018 and 2/2020", "Kurt v. Turkey"),
        ("fr", "les avis n°s\u00a013/2018 et 2/2020", "Kurt c. Turquie"),
        ("es", "las opiniones núms. 13/2018 y 2/2020", "Kurt c. Turquía"),
    ],
)
def test_the_kurt_opinion_is_cited_by_its_number_in_every_language(lang: str, cited: str, never: str) -> None:
    """The Working Group cites its opinions by number: "Opinion No. 2/2020 concerning Abdulmuttalip Kurt (Turkey)"
    (A/HRC/WGAD/2020/2), never a bare "Kurt v. Turkey" among "opinions No. 13/2018; ..."."""
    text = drafted(lang, CASES / "ilyashev-kazakhstan-2022.yaml")
    assert cited in text
    assert never not in text


def test_the_kurt_case_does_not_cite_its_own_opinion() -> None:
    text = drafted("en", CASES / "kurt-turkey-2020.yaml")
    assert "2/2020" not in text
    assert "; Kurt v. Turkey" not in text  # the title names the case; no citation does


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_check_report_writes_methods_of_work_in_lower_case(fmt: str) -> None:
    """`wgad check` printed the rules' "see Methods of work para 8 (e)": the Working Group writes "its methods of
    work" in running text (A/HRC/36/38, para. 1), as the draft does; a rule's id is not text and is kept."""
    done = wgad("check", "-f", fmt, str(CASES / "aivo-benin-2024.yaml"))
    assert "methods of work para 8" in done.stdout
    assert "Methods of work" not in done.stdout


def test_a_possessive_takes_its_form_from_the_template_that_names_its_noun() -> None:
    """The sentence decides "the work of Mr. Cheng and Mr. Liu" where it is built (`{possessive:work}`), never
    by rewriting a finished sentence: one person's possessive, then his pronoun's, stay English possessives."""
    from detention_rules.output import draft
    from detention_rules.output import narrative as prose

    w = words.load("draft", "en")
    two = draft._named(prose.group(["Cheng Yuan", "Liu Yongze"], w, ["Mr. Cheng", "Mr. Liu"]), w)
    one = draft._named(prose.Who("Alnur Ilyashev", "Mr. Ilyashev", w["facts"]["person"]["pronouns"]["male"]), w)
    template = "the detention resulted from {possessive:work} as a defender"
    assert draft._fill(template, two) == "the detention resulted from the work of Mr. Cheng and Mr. Liu as a defender"
    assert draft._fill(template, one) == "the detention resulted from Mr. Ilyashev's work as a defender"
    assert draft._fill(template, draft._later(one)) == "the detention resulted from his work as a defender"
    assert not hasattr(draft, "_of_several")


@pytest.mark.parametrize(
    ("case", "said"),
    [
        ("al-khoudary-saudi-arabia-2021", "In the present case, the family of Mr. Al Khoudary and Mr. Hani"),
        ("yengin-safari-diman-japan-2020", "In the present case, the status of Mr. Diman and Mr. Yengin as"),
    ],
)
def test_several_persons_possessive_inside_a_sentence_is_not_capitalised(case: str, said: str) -> None:
    """Rewriting the finished sentence capitalised "The family of ..." after "In the present case,"."""
    text = drafted("en", CASES / f"{case}.yaml")
    assert said in text
    assert "In the present case, The " not in text


@pytest.mark.parametrize(
    ("case", "said"),
    [
        (
            "cheng-liu-wu-china-2020",
            "the detention resulted from the work of Mr. Cheng, Mr. Liu and Mr. Wu as human rights defenders.",  # D12
        ),
        ("abulkhair-saudi-arabia-2018", "resulted from Mr. Abulkhair's work as a lawyer and a human rights defender."),
        ("pham-doan-trang-viet-nam-2021", "resulted from Ms. Pham's work as a human rights defender. The detention"),
    ],
)
def test_a_defender_is_argued_in_the_status_that_holds_never_the_rules_alternatives(case: str, said: str) -> None:
    """The rule reads "a human rights defender or lawyer"; of three defenders (OMCT, ISHR), a lawyer filing for them
    writes "as human rights defenders", of a lawyer and defender "as a lawyer and a human rights defender"."""
    text = drafted("en", CASES / f"{case}.yaml")
    assert said in text
    assert "defender or lawyer" not in text


@pytest.mark.parametrize(
    ("lang", "said", "never"),
    [
        ("en", "Ill-treatment in custody undermines the ability of the accused", "Torture in custody undermines"),
        ("fr", "Les mauvais traitements en détention compromettent", "La torture en détention compromet"),
        ("es", "Los malos tratos bajo custodia menoscaban", "La tortura bajo custodia menoscaba"),
    ],
)
def test_the_ill_treatment_standard_speaks_of_the_ill_treatment_the_case_alleges(
    lang: str, said: str, never: str
) -> None:
    """The case says the person was ill-treated (`ill_treatment`: torture or cruel, inhuman or degrading treatment),
    never that they were tortured: a standard stating "Torture in custody undermines ..." argues torture the
    source does not allege, which a Government's reply can turn against the whole submission."""
    text = drafted(lang, CASES / "teaching" / "trial-torture-in-custody.yaml")
    assert said in text
    assert never not in text


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        ("Shia social activist", "a Shia social activist"),  # a capitalised adjective before a common noun
        ("ADHOC staff member", "an ADHOC staff member"),
        ("news editor, Al Jazeera Arabic", "a news editor, Al Jazeera Arabic"),  # "news" is no plural
        ("journalist", "a journalist"),
        ("engineer", "an engineer"),
        ("a former leader of Ennahdha", "a former leader of Ennahdha"),  # its own article
        ("academics, lawyers and activists", "academics, lawyers and activists"),  # a plural
        ("President of the Republic", "President of the Republic"),  # a title
        ("Member of Parliament for Permatang Pauh", "Member of Parliament for Permatang Pauh"),
    ],
)
def test_an_occupation_takes_the_article_a_lawyer_writes(typed: str, told: str) -> None:
    """ "He is Shia social activist" drops the article English needs before a singular noun, as "He is news
    editor" does; a title ("President of the Republic"), a plural or a phrase with its article takes none."""
    from detention_rules.output import narrative

    assert narrative.article(typed, words.load("draft", "en")) == told


@pytest.mark.parametrize(
    ("case", "said"),
    [
        ("alsadeq-saudi-arabia-2022", "He is a Shia social activist in religious associations and charities."),
        ("hussein-egypt-2017", "He is a news editor, Al Jazeera Arabic (Doha), covering Europe."),
        ("adhoc-five-cambodia-2016", "She is an ADHOC staff member."),
        ("bialiatski-belarus-2012", "through Viasna's human rights"),  # a name's possessive is its determiner
    ],
)
def test_every_occupation_in_a_draft_has_its_article(case: str, said: str) -> None:
    assert said in drafted("en", CASES / f"{case}.yaml")


def test_the_covenant_is_cited_as_the_working_group_cites_it_never_by_the_rules_abbreviation() -> None:
    """The Working Group writes "article 9 (2) of the Covenant" and "article 9 of the Universal Declaration of Human
    Rights" (opinion No. 2/2022), never the rules' shorthand "ICCPR 9(2)", "UDHR 9"; a national law's article stays
    as the drafter wrote it."""
    text = drafted("en", CASES / "ilyashev-kazakhstan-2022.yaml")
    assert (
        "(article 9 (2) of the Covenant; article 9 of the Universal Declaration of Human Rights; Body of Principles"
        in text
    )
    assert "(article 14 (3) (b) and (d) of the Covenant;" in text
    assert "ICCPR" not in text
    assert "UDHR" not in text

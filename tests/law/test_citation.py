"""Citations are read into source and pinpoint; drafts cite each source once."""

from __future__ import annotations

import pytest

from detention_rules.law import citation
from detention_rules.reasoning import runnable


def test_every_citation_in_the_rules_reads_as_a_known_form() -> None:
    for rule in runnable.load().rules:
        for text in rule.provisions:
            assert citation.parse(text).source in citation.INSTRUMENTS, (rule.id, text)
        for text in rule.jurisprudence:
            assert citation.parse(text).source, (rule.id, text)


@pytest.mark.parametrize(
    ("text", "source", "pin", "note"),
    [
        ("ICCPR 14(3)(b)", "ICCPR", "14(3)(b)", ""),
        ("Methods of work para 8 (a)", "Methods of work", "8 (a)", ""),
        ("Opinion 2/2022 paras 70-71", "Opinion 2/2022", "70-71", ""),
        (
            "Human Rights Committee General Comment No. 35 para 33 (48 hours)",
            "Human Rights Committee General Comment No. 35",
            "33",
            "48 hours",
        ),
        (
            "Revised Deliberation No. 5 (A/HRC/39/45, annex) para 11 (children)",
            "Revised Deliberation No. 5 (A/HRC/39/45, annex)",
            "11",
            "children",
        ),
    ],
)
def test_parts(text: str, source: str, pin: str, note: str) -> None:
    c = citation.parse(text)
    assert (c.source, c.pin, c.note) == (source, pin, note)


@pytest.mark.parametrize("text", ["Revised Deliberation No. 5 (A/HRC/39/45", "annex)", " ICCPR 9", ""])
def test_broken_citations_are_refused(text: str) -> None:
    with pytest.raises(citation.CitationError):
        citation.parse(text)


def test_grouping_merges_paragraphs_and_lists_articles() -> None:
    texts = ["Opinion 2/2022 paras 70-71", "ICCPR 21", "Opinion 2/2022 para 72", "ICCPR 19", "ICCPR 21"]
    assert citation.grouped(texts) == ["Opinion 2/2022 paras 70-72", "ICCPR 21, 19"]
    assert citation.grouped(["Opinion 2/2022 para 93", "Opinion 2/2022 para 91"]) == ["Opinion 2/2022 paras 91, 93"]


def test_every_rule_shows_law_beyond_the_covenant_for_a_state_not_party() -> None:
    """For a State not party to the Covenant the reports leave its articles out (derivation.provisions):
    each rule that can fire for it must still cite the law it rests on there (UDHR, Body of Principles,
    another treaty), not only the methods of work. Rules resting on the Covenant alone must need
    `state.iccpr_party: true` to fire at all (opinion 2/2022 para 3 (b))."""
    from detention_rules.law.rule import FactCond, walk

    for rule in runnable.load().rules:
        if not any(map(citation.is_covenant, rule.provisions)):
            continue  # nothing is left out for it (a category's definition, the procedure on no reply)
        kept = [p for p in rule.provisions if not citation.is_covenant(p)]
        needs_party = any(isinstance(c, FactCond) and c.path == "state.iccpr_party" for c in walk(rule.when))
        substantive = [p for p in kept if citation.parse(p).source != "Methods of work"]
        assert substantive or needs_party, f"{rule.id}: nothing but the Covenant for a State not party"


def test_grouping_folds_repeated_and_overlapping_paragraphs() -> None:
    """Issue 29: "Revised Deliberation No. 5 (A/HRC/39/45, annex) 12-13, 17, 25, 25-26, 12, 16, 19": the
    source cited whole first lost "paras" and nothing folded."""
    deliberation = "Revised Deliberation No. 5 (A/HRC/39/45, annex)"
    texts = [deliberation, f"{deliberation} paras 12-13, 17, 25 (a note)", f"{deliberation} paras 25-26"]
    texts.append(f"{deliberation} paras 12, 16, 19 (another)")
    assert citation.grouped(texts) == [f"{deliberation} paras 12-13, 16-17, 19, 25-26"]
    assert citation.grouped(["Opinion 1/2020 paras 20-22", "Opinion 1/2020 paras 21-22"]) == [
        "Opinion 1/2020 paras 20-22"
    ]
    assert citation.grouped(["Methods of work para 8 (a)", "Methods of work para 8 (a)"]) == [
        "Methods of work para 8 (a)"
    ]


def test_folding_keeps_what_is_not_a_number_and_what_each_fold_covers() -> None:
    assert citation.fold(["21-22", "20-22", "8 (a)", "25", "26"], adjacent=False) == {
        "20-22": ["20-22", "21-22"],
        "25": ["25"],
        "26": ["26"],
        "8 (a)": ["8 (a)"],
    }
    assert list(citation.fold(["25", "26", "12, 12"])) == ["12", "25-26"]


DEFENDERS = "Declaration on Human Rights Defenders"


def test_an_article_is_cited_once_with_its_pinpoints_together() -> None:
    """Issue 29: "ICCPR 14(3)(b); ICCPR 14(3)(d)" and "Declaration on Human Rights Defenders art 1; ...
    arts 1, 5": a lawyer cites an article once, "14(3)(b) and (d)", and each article once."""
    texts = ["ICCPR 14(3)(b)", "UDHR 11(1)", "ICCPR 14(3)(d)", "ICCPR 14(3)(e)", "ICCPR 9(1)", "ICCPR 9(4)"]
    assert citation.grouped(texts) == ["ICCPR 14(3)(b), (d) and (e), 9(1) and (4)", "UDHR 11(1)"]
    defenders = ["Declaration on Human Rights Defenders art 1", "Declaration on Human Rights Defenders arts 1, 5"]
    assert citation.grouped(defenders) == ["Declaration on Human Rights Defenders arts 1, 5"]
    assert citation.grouped(["ICCPR 14", "ICCPR 14(1)"]) == ["ICCPR 14, 14(1)"]  # a whole article and a paragraph
    # a standard's own citation, written as a lawyer writes it, takes the rule's others in
    assert citation.grouped(["ICCPR 14(3)(b), (d)", "ICCPR 14(3)(d)"]) == ["ICCPR 14(3)(b) and (d)"]
    defenders = [f"{DEFENDERS} arts 1 and 12(2)", f"{DEFENDERS} art 12(2)"]
    assert citation.grouped(defenders) == [f"{DEFENDERS} arts 1, 12(2)"]


def test_grouping_gives_each_provision_as_article_and_brackets() -> None:
    """The draft groups citations into structure each language renders, never into English text a language
    reads back: "ICCPR 14(3)(b), (d)" is article 14 at (3)(b) and (3)(d)."""
    (covenant,) = citation.groups(["ICCPR 14(3)(b), (d)", "ICCPR 9(1)", "ICCPR 14(3)(d)"])
    assert covenant.provisions == (
        citation.Pinpoint("14", ("3", "b")),
        citation.Pinpoint("14", ("3", "d")),
        citation.Pinpoint("9", ("1",)),
    )
    assert citation.Pinpoint.read("22(2)") == citation.Pinpoint("22", ("2",))
    assert citation.Pinpoint.read("guideline 2") == citation.Pinpoint("guideline 2")  # no structure: as written
    (opinion,) = citation.groups(["Opinion 2/2022 paras 70-71", "Opinion 2/2022 para 72"])
    assert (opinion.pins, opinion.provisions) == (("70-72",), ())


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", ["articles 9 (1) and 14 (3) (b) and (d) of the Covenant", "UDHR 11(1) and (2)"]),
        ("fr", ["Pacte, art. 9 (par. 1) et 14 (par. 3 b) et d))", "UDHR 11(1) et (2)"]),
        ("es", ["Pacto, arts. 9, párr. 1, y 14, párr. 3 b) y d)", "UDHR 11(1) y (2)"]),
    ],
)
def test_each_language_renders_the_groups_itself(lang: str, said: list[str]) -> None:
    """A language words the structure: the Covenant in its own form, its articles in their numbers' order (the
    tenth French review: « art. 14 (par. 3 g)) et 7 » is no lawyer's order), another instrument's brackets joined
    with its "and" (its `citations:` patterns then name the instrument)."""
    from detention_rules import words

    texts = ["ICCPR 14(3)(b)", "UDHR 11(1)", "ICCPR 14(3)(d)", "ICCPR 9(1)", "UDHR 11(2)"]
    assert citation.grouped(texts, words.load("draft", lang)["words"]) == said
    assert citation.grouped(texts) == ["ICCPR 14(3)(b) and (d), 9(1)", "UDHR 11(1) and (2)"]


def test_a_covenant_pinpoint_no_language_form_says_is_left_to_the_patterns() -> None:
    """A rule's text citing a sub-subparagraph ("9(1)(a)(i)") is no error: the language's patterns word it."""
    from detention_rules import words

    language = words.load("draft", "fr")["words"]
    text = "(ICCPR 9(1)(a)(i); ICCPR 9(2))"
    assert citation.localised(text, language) == citation.worded(text, language["citations"])

"""Issue 29 (DS14): `wgad draft --stage comments` drafts the source's comments on the Government's reply, which
answer the reply point by point (methods of work, A/HRC/36/38, paras 15-16) instead of filing the communication
again. Each test reads the draft of Ghadde v. Mauritania (33/2018: the Government contested the link between his
campaign and his arrest) and fails on what the lawyer's review (O16) quoted."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from detention_rules import application, words
from detention_rules.input import source
from detention_rules.output import draft_markdown
from detention_rules.output.document import Stage
from detention_rules.output.draft import build_joint
from detention_rules.reasoning import runnable

from ..conftest import ROOT

GHADDE = ROOT / "cases" / "ghadde-mauritania-2018.yaml"


def _render(path: Path, stage: Stage, lang: str) -> str:
    """A case's draft in `lang`, without its appendix: the rules loaded in that language (their sentences)."""
    words.use(lang)
    try:
        book = runnable.load()
        people = application.drafts(book, source.load(path), None)
        return draft_markdown.render(build_joint(book, people, appendix=False, stage=stage))
    finally:
        words.use("en")


@functools.cache
def _ghadde(stage: Stage = "comments", lang: str = "en") -> str:
    return _render(GHADDE, stage, lang)


def _section(text: str, heading: str) -> str:
    """A part of the draft under `heading` ("## The Government's reply", "### Category I:"), to the next heading."""
    return text.split(f"{heading}")[1].split("\n#")[0]


def test_the_reply_is_answered_point_by_point_in_the_sources_voice() -> None:
    # was "The Government called the campaign ... (paras 44, 46). The source answered that no documents were
    # produced ... (para 45)": the drafter's note, in the third person and the past
    reply = _section(_ghadde(), "## The Government's reply")
    assert "The source answered" not in reply and "The Government called the campaign" not in reply
    assert (
        "The Government contests that Mr. Ghadde was detained for taking part in public affairs (leading the"
        " senators' campaign against the 5 August 2017 referendum abolishing the Senate). The source maintains this"
        " fact. The Government produces no evidence in support of its account." in reply
    )
    # what the reply leaves standing, listed
    assert "The Government does not contest the following facts, which therefore stand:" in reply
    # (b) is the time held uncharged, from an arrest of 10 August 2017 and a charge of September 2017 (issue 28, L21)
    assert "(b) Mr. Ghadde was held without charge for 22 to 51 days after the arrest;" in reply
    assert "(c) Mr. Ghadde was detained on a charge of large-scale cross-border crimes;" in reply
    # a bare denial: the burden of proof, with its citation
    assert "the burden of proof rests upon the Government" in reply and "(A/HRC/19/57, para. 68)" in reply


def test_evidence_the_government_produced_is_named_and_left_to_answer(tmp_path: Path) -> None:
    # a fact the Government rebutted with evidence, which the source answered (`rebutted` with the contest): no
    # "produces no evidence", no burden-of-proof paragraph, the evidence named for the source to answer
    case = tmp_path / "ghadde.yaml"
    text = GHADDE.read_text()
    typed = '      ref: "per Essabq'
    assert typed in text
    case.write_text(text.replace(typed, '      rebutted: "the investigating judge\'s order"\n' + typed, 1))
    reply = _section(_render(case, "comments", "en"), "## The Government's reply")
    assert "The Government relies on the investigating judge's order." in reply
    assert "to complete: the source's answer to the evidence the Government produces" in reply
    assert "produces no evidence" not in reply and "A/HRC/19/57" not in reply


@pytest.mark.parametrize("stage", ["first", "comments"])
def test_no_case_file_reference_is_printed(stage: Stage) -> None:
    # was "The Government replied on 12 March 2018 (para 2)": the paragraphs of an opinion not yet written
    assert not re.search(r"\bparas? \d", _ghadde(stage)), stage


def test_each_uncontested_fact_is_listed_once() -> None:
    """Two rules apply Ghadde's incommunicado custody (I and III): the uncontested facts listed it twice, once bare
    and once "unable to consult counsel"; the longer says it."""
    reply = _section(_ghadde(), "## The Government's reply")
    assert reply.count("held incommunicado in police custody from 10 August 2017") == 1
    assert "held incommunicado in police custody from 10 August 2017, unable to consult counsel" in reply


def test_each_category_ends_with_what_the_reply_changes_for_it() -> None:
    # was "The Government contests some of the facts on which this category rests; the source maintains them."
    text = _ghadde()
    assert "contests some of the facts" not in text
    category_i = _section(text, "### Category I:")
    assert "The Government's reply does not contest the facts on which this category rests" in category_i
    category_ii = _section(text, "### Category II:")
    assert (
        "The Government's reply contests that Mr. Ghadde was detained for taking part in public affairs" in category_ii
    )
    assert category_ii.index("The Government's reply contests") < category_ii.index("The source therefore submits")


def test_the_sections_already_filed_are_a_line() -> None:
    # was the identity, the consent and the domestic steps of the first submission, word for word
    comments, first = _ghadde(), _ghadde("first")
    assert "is a national of Mauritania" in first and "is a national of Mauritania" not in comments
    assert "The identity of the person concerned is set out in the communication." in comments
    assert "The steps taken domestically are set out in the communication." in comments
    assert "consent of the person concerned or of the family are set out in the communication" in comments
    assert "to complete: whether the source acts with the consent" in first
    assert "set out in the communication" not in first and "The Government contests" not in first
    # the facts the reply disputes in place, and the arguments, are kept
    assert "was held incommunicado" in _section(comments, "## Detention")


@pytest.mark.parametrize(
    ("lang", "contests", "no_evidence", "burden"),
    [
        (
            "fr",
            "Le Gouvernement conteste le fait suivant\xa0: M. Ghadde a été détenu",
            "Le Gouvernement n'a produit aucun élément de preuve",
            "(A/HRC/19/57, par. 68)",
        ),
        (
            "es",
            "El Gobierno impugna el hecho siguiente: el Sr. Ghadde fue detenido",
            "El Gobierno no ha aportado ninguna prueba",
            "(A/HRC/19/57, párr. 68)",
        ),
    ],
)
def test_french_and_spanish_answer_in_their_own_words(lang: str, contests: str, no_evidence: str, burden: str) -> None:
    text = _ghadde(lang=lang)
    for said in (contests, no_evidence, burden):
        assert said in text, said
    assert "The Government" not in text and not re.search(r"\bparas? \d", text)

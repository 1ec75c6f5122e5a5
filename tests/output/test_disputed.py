"""An exception the Government supports with evidence that the source contests is disputed (issue 28, L18):
no category is found on it, and every output names both sides and the category the source's account gives."""

from __future__ import annotations

import pytest
import yaml

from detention_rules import pipeline
from detention_rules.output import draft, draft_markdown, text
from detention_rules.output import json as json_output
from detention_rules.reasoning import runnable

EVIDENCE = "the police report, annex 1 of the reply"
CASE = {
    "government": {"replied": True},
    "arrest": {
        "date": "2024-03-01",
        "warrant_shown": False,
        "in_flagrante": {"value": True, "by": ["government"], "evidence": EVIDENCE, "contested": True},
    },
    "detention": [{"kind": "police_custody", "start": "2024-03-01", "end": "2024-03-02"}],
}


@pytest.fixture(scope="module")
def result() -> pipeline.CaseResult:
    return pipeline.check_text(yaml.safe_dump(CASE), "disputed.yaml")


def test_the_reports_name_the_dispute_and_find_nothing_on_it(result: pipeline.CaseResult) -> None:
    assert result.analysis is not None and result.analysis.categories == []
    report = text.render([result])
    assert "Disputed, neither established nor defeated" in report and EVIDENCE in report
    assert "on the source's account: category I" in report
    disputed = json_output.result(result)["disputed"]
    assert disputed["categories"] == ["I"]
    assert [(f["path"], f["evidence"]) for f in disputed["facts"]] == [("arrest.in_flagrante", EVIDENCE)]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "On the source's account, the deprivation of liberty of"),
        ("fr", "Selon le récit de la source, la privation de liberté"),
        ("es", "Según el relato de la fuente, la privación de libertad"),
    ],
)
def test_the_draft_leaves_the_answer_to_the_evidence_to_write(
    result: pipeline.CaseResult, lang: str, said: str
) -> None:
    out = draft_markdown.render(draft.build(runnable.load(), result, [], appendix=False, lang=lang))
    (paragraph,) = [line for line in out.splitlines() if said in line]
    assert "category I" in paragraph or "catégorie I" in paragraph or "categoría I" in paragraph
    assert EVIDENCE in paragraph and "arrest.in_flagrante" in paragraph

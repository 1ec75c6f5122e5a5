"""The reference case: Opinion No. 2/2022 (Ilyashev v. Kazakhstan).

Expected values come from the opinion: para 100 (categories I, II, III and V)
and the provisions of paras 71-72 (I), 82 (II), 87-91 (III) and 94 (V).
"""

from __future__ import annotations

import json
import re

import pytest

from ..conftest import REFERENCE, wgad


@pytest.fixture(scope="module")
def output() -> dict:
    proc = wgad("check", "--format", "json", str(REFERENCE))
    assert proc.returncode == 0, proc.stderr
    (result,) = json.loads(proc.stdout)
    return result


def _provisions(node: dict) -> set[str]:
    out: set[str] = set()
    for rule in node["drawn_by"]:
        out |= set(rule["provisions"])
        for premise in rule["premises"]:
            out |= _provisions(premise)
    return out


def _rules(node: dict) -> set[str]:
    out: set[str] = set()
    for rule in node["drawn_by"]:
        out.add(rule["rule"])
        for premise in rule["premises"]:
            out |= _rules(premise)
    return out


def test_categories_are_the_dispositions(output: dict) -> None:
    assert output["established"] == ["I", "II", "III", "V"]
    assert output["categories"]["IV"] is False


@pytest.mark.parametrize(
    ("category", "cited"),
    [
        ("I", {"ICCPR 9(1)", "ICCPR 9(2)"}),  # paras 71-72
        ("II", {"ICCPR 19", "ICCPR 21", "ICCPR 22"}),  # para 82
        ("III", {"ICCPR 14(1)", "ICCPR 14(2)", "ICCPR 14(3)(d)", "ICCPR 14(3)(e)"}),  # paras 87-91
        ("V", {"ICCPR 2(1)", "ICCPR 26"}),  # para 94
    ],
)
def test_chain_cites_the_opinions_provisions(output: dict, category: str, cited: set[str]) -> None:
    (finding,) = [f for f in output["findings"] if f["category"] == category]
    assert cited <= _provisions(finding["derivation"])


#: The rules that mirror the opinion's reasons for each category.
REASONS = {
    "I": {"I.no-warrant", "I.reasons-not-given"},  # paras 69-72
    "II": {"II.expression", "II.ban-on-activities", "II.emergency-pretext"},  # paras 80-82
    "III": {  # paras 86-91: articles 14(1), 14(2), 14(3)(d), 14(3)(e); nothing on 14(3)(b)
        "III.remote-hearing-shut-out-accused",
        "III.counsel-restricted",
        "III.witnesses-denied",
        "III.partiality-inferred",
        "III.presumption-of-innocence",
    },
    "V": {"V.political-opinion"},  # paras 93-94
}


@pytest.mark.parametrize("category", sorted(REASONS))
def test_same_reasons_as_the_opinion(output: dict, category: str) -> None:
    (finding,) = [f for f in output["findings"] if f["category"] == category]
    assert REASONS[category] <= _rules(finding["derivation"])


# III: para 92, and the trial the opinion examines (III.proceedings-followed: article 14(3) protects a person charged)
@pytest.mark.parametrize(("category", "weighing"), [("I", set()), ("III", {"III.gravity", "III.proceedings-followed"})])
def test_no_reason_the_opinion_did_not_give(output: dict, category: str, weighing: set[str]) -> None:
    (finding,) = [f for f in output["findings"] if f["category"] == category]
    structural = {"adm.deprived-of-liberty", f"{category}.established"}
    assert _rules(finding["derivation"]) - structural == REASONS[category] | weighing


def test_category_one_does_not_rest_on_prompt_appearance(output: dict) -> None:
    """He saw a magistrate the day after arrest (para 16): 9(3) promptness is not in the chain."""
    (finding,) = [f for f in output["findings"] if f["category"] == "I"]
    assert "I.not-brought-promptly-before-judge" not in _rules(finding["derivation"])


def test_findings_are_uncontested_because_the_government_did_not_reply(output: dict) -> None:
    assert {f["strength"] for f in output["findings"]} == {"established"}


def test_every_leaf_points_to_the_line_of_its_value(output: dict) -> None:
    """Each fact's line is where the file writes its value, found here from the file's own text."""
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()

    def facts(node: dict):
        for rule in node["drawn_by"]:
            yield from rule["facts"]
            for p in rule["premises"]:
                yield from facts(p)

    checked = 0
    for finding in output["findings"]:
        for fact in facts(finding["derivation"]):
            if fact.get("exception_not_shown") or fact.get("derived_from"):
                continue
            line = lines[fact["line"] - 1]
            field = re.sub(r"\[\d+\]", "", fact["path"]).rsplit(".", 1)[-1]
            value = str(fact["value"]).lower() if isinstance(fact["value"], bool) else fact["value"]
            shown = value[0] if isinstance(value, list) else value
            # the line holds the value: `field: value`, `field: {value: ...}`, `value: ...` under it, or `- kind: ...`
            assert str(shown) in line, (fact, line)
            assert f"{field}:" in line or "value:" in line, (fact, line)
            assert line[fact["col"] - 1 :].startswith(("[", "{", str(shown), '"', "'")), (fact, line)
            checked += 1
    assert checked >= 20


def test_markdown_and_text_formats(output: dict) -> None:
    for fmt, marker in (("markdown", "## Category III"), ("text", "Category V:")):
        proc = wgad("check", "-f", fmt, str(REFERENCE))
        assert proc.returncode == 0 and marker in proc.stdout

"""The drafter's views: why not, gaps, strength of findings, what if."""

from __future__ import annotations

import json
from pathlib import Path

from detention_rules import pipeline
from detention_rules.reasoning import facts, gaps, near_misses, runnable

from ..conftest import BASE, REFERENCE, run, wgad


def test_why_not_marks_conditions_met_unmet_unknown() -> None:
    result = pipeline.check_file(REFERENCE, why_not=True)
    assert set(result.why_not) == {"IV"}
    assert result.facts is not None
    every = near_misses.near_misses(runnable.load(), result.facts)["IV"]  # all of them, not only the closest shown
    misses = {m.rule.id: {(c.path, c.status) for c in m.conditions} for m in every}
    assert ("person.status", False) in misses["IV.migration-status"]  # a defender, not a migrant (para 5)
    custody = misses["IV.prolonged-custody-without-review"]
    assert ("procedural:migration-status", False) in custody
    assert ("detention[0].kind", False) in custody
    # moot: a police-custody period cannot be prolonged migration custody, so its review is not asked
    assert ("detention[0].prolonged", None) not in custody
    del result.facts.doc["person"]["status"]  # now the status is open, and so is the custody's
    open_ = near_misses.near_misses(runnable.load(), result.facts)["IV"]
    assert ("person.status", None) in {(c.path, c.status) for m in open_ for c in m.conditions}
    (rule,) = [m for m in every if m.rule.id == "IV.prolonged-custody-without-review"]
    kind = {c.test for c in rule.conditions if c.path == "detention[0].kind"}
    assert kind == {"in [immigration, administrative]"}  # a list as a case file writes it


def test_a_missing_fact_becomes_a_question_naming_its_field() -> None:
    result = run({**BASE, "arrest": {"warrant_shown": True}})
    asked = gaps.questions(runnable.load(), facts.build(runnable.load(), result.case))
    fields = [q.field for q in asked]
    assert "arrest.reasons_given" in fields
    (q,) = [q for q in asked if q.field == "arrest.reasons_given"]
    assert q.text == "Were the reasons for the arrest given at the time of arrest, later, or never?"
    assert q.impact == 1  # answering "never" would establish category I


def test_a_fact_known_false_is_never_asked() -> None:
    result = run({**BASE, "arrest": {"warrant_shown": True, "reasons_given": "at_arrest"}})
    fields = [q.field for q in gaps.questions(runnable.load(), facts.build(runnable.load(), result.case))]
    assert "arrest.warrant_shown" not in fields and "arrest.reasons_given" not in fields


def test_questions_are_ordered_by_how_many_findings_they_could_change(tmp_path: Path) -> None:
    case = tmp_path / "transit-zone.yaml"
    case.write_text(
        "person: {status: [asylum_seeker]}\ndetention:\n  - {kind: immigration, prolonged: true}\n",
        encoding="utf-8",
    )
    out = wgad("gaps", "--format", "json", str(case))
    rows = json.loads(out.stdout)
    impacts = [r["impact"] for r in rows]
    assert impacts == sorted(impacts, reverse=True) and impacts[0] >= 2
    assert rows[0]["field"] == "detention[0].could_challenge"  # would decide I and IV


def test_contested_fact_weakens_the_finding() -> None:
    data = {
        **BASE,
        "government": {"replied": True, "contests": ["arrest.warrant_shown"]},
        "arrest": {"warrant_shown": False},
    }
    (finding,) = run(data).analysis.findings
    assert finding.strength == "contested"
    assert [f.path for f in finding.contested] == ["arrest.warrant_shown"]


def test_a_reply_that_does_not_rebut_a_fact_leaves_it_uncontested() -> None:
    """Methods of work para 15, opinion 2/2022 para 66: only a rebuttal contests an allegation."""
    for fact in ({"value": False, "by": ["source"]}, False):
        data = {**BASE, "government": {"replied": True}, "arrest": {"warrant_shown": fact}}
        (finding,) = run(data).analysis.findings
        assert finding.strength == "established"
        assert "arrest.warrant_shown" in [f.path for f in finding.source_only]
    data = {**BASE, "government": {"replied": True}, "arrest": {"warrant_shown": {"value": False, "by": ["court"]}}}
    (finding,) = run(data).analysis.findings
    assert "arrest.warrant_shown" not in [f.path for f in finding.source_only]


def test_no_reply_leaves_allegations_standing_by_rule() -> None:
    result = run({**BASE, "government": {"replied": False}, "arrest": {"warrant_shown": False}})
    assert "adm.allegations-stand" in result.analysis.fired
    assert result.analysis.findings[0].strength == "established"


def test_what_if_removes_category_one_and_leaves_the_file_untouched() -> None:
    before = REFERENCE.read_bytes()
    out = wgad(
        "check",
        str(REFERENCE),
        "--set",
        "arrest.warrant_shown=true",
        "--set",
        "arrest.reasons_given=at_arrest",
        "--format",
        "json",
    )
    assert out.returncode == 0, out.stderr
    (row,) = json.loads(out.stdout)
    assert row["original"]["established"] == ["I", "II", "III", "V"]
    assert row["what_if"]["established"] == ["II", "III", "V"]
    assert {"name": "category I", "before": "established", "after": "not established"} in row["changes"]
    assert REFERENCE.read_bytes() == before


def test_what_if_rejects_a_bad_path() -> None:
    out = wgad("check", str(REFERENCE), "--set", "arrest..x=1")
    assert out.returncode == 2 and "not a field name" in out.stderr


def test_gaps_ask_writes_a_new_valid_file(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    # the period's dates, the charge and counsel are known, so incommunicado detention is asked first
    text = (
        "detention:\n  - {kind: pretrial, start: 2024-01-01, end: 2024-02-01}\n"
        "arrest:\n  warrant_shown: true\n  charged: true\ntrial:\n  counsel: {access_pretrial: full}\n"
    )
    case.write_text(text, encoding="utf-8")
    original = case.read_bytes()
    out = wgad("gaps", "--ask", str(case), stdin="YES\n" + "\n" * 60)  # held incommunicado: category I (para 8 (a))
    assert out.returncode == 0, out.stderr
    assert "detention[0].incommunicado [yes/no/unknown/does not apply]" in out.stdout.split("Question 2")[0]
    new = tmp_path / "c.answers.yaml"
    assert case.read_bytes() == original
    result = pipeline.check_file(new)
    assert result.valid and "I" in result.analysis.categories
    again = wgad("gaps", "--ask", str(case), stdin="\n" * 50)  # resumes from the answers file
    assert again.returncode == 0 and "resuming" in again.stdout
    assert pipeline.check_file(new).analysis.categories == result.analysis.categories


def test_contesting_a_field_of_every_item_and_a_missing_item() -> None:
    result = run(
        "government: {replied: true, contests: ['detention[].incommunicado', 'detention[7]']}\n"
        "detention:\n  - {kind: police_custody, start: 2020-01-01, incommunicado: true}\n"
    )
    assert [p.code for p in result.problems] == ["contests-nothing"]  # detention[7] contests nothing
    assert result.analysis is not None
    finding = next(f for f in result.analysis.findings if f.category == "I")
    assert finding.strength == "contested" and [f.path for f in finding.contested] == ["detention[0].incommunicado"]

"""`wgad exercise`: every variation's outcome is what `wgad check` finds on the changed case.

The variations come from the engine; these tests check them another way: through
`wgad check --set` (application.what_if, with the setting parsed back from its text) and
by writing the changed case to a file of its own and checking that file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from detention_rules import application, pipeline, variations
from detention_rules.input import detainees, source
from detention_rules.reasoning import runnable
from detention_rules.reasoning.whatif import apply, parse_sets

from .conftest import CASES, cli, wgad

BOOK = runnable.load()
FILES = sorted(CASES.rglob("*.yaml"))


def _people(doc: source.Document) -> list[int | None]:
    return list(range(1, detainees.count(doc) + 1)) or [None]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CASES)))
def test_every_variation_agrees_with_check(path: Path, tmp_path: Path) -> None:
    doc = source.load(path)
    for person in _people(doc):
        base = application.person_doc(doc, person)[0]
        ex = variations.exercise(base, BOOK)
        assert ex.tried > 0
        for v in ex.variations:
            assert v.established or v.removed
            assert v.rules, f"{path}: {v.setting} names no deciding rule"
            settings = parse_sets([v.setting])  # the text a trainee would type reads back to the same change
            if person is None:
                _, (after,) = application.what_if(BOOK, path, [settings])
                assert tuple(after.categories) == v.categories_after, v.setting
            changed = tmp_path / "changed.yaml"
            changed.write_text(yaml.safe_dump(apply(base, settings).data, sort_keys=False), encoding="utf-8")
            result = pipeline.check_file(changed, BOOK)
            assert result.valid, (v.setting, result.problems)
            assert tuple(result.categories) == v.categories_after, (path, person, v.setting)


def test_a_teaching_case_gives_the_lesson_its_comment_states() -> None:
    """arrest-no-warrant.yaml says: --set arrest.in_flagrante=true defeats I.no-warrant and I falls."""
    ex = variations.exercise(source.load(CASES / "teaching/arrest-no-warrant.yaml"), BOOK)
    (v,) = [v for v in ex.variations if v.setting == "arrest.in_flagrante=true"]
    assert v.removed == ("I",) and [r.id for r in v.rules] == ["I.no-warrant"]
    # and the civilian before a military court: a soldier there takes III away (its README)
    ex = variations.exercise(source.load(CASES / "teaching/trial-military-court-civilian.yaml"), BOOK)
    assert any(v.setting == "trial.accused_civilian=false" and v.removed == ("III",) for v in ex.variations)


def test_cli_json_matches_check_set() -> None:
    case = CASES / "teaching/freedom-incitement.yaml"
    proc = cli("exercise", "-f", "json", str(case))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    (v,) = [v for v in data["variations"] if v["set"] == "conduct[0].incited_violence=false"]
    assert v["establishes"] == ["II"] and v["rules"][0]["id"] == "II.expression"
    check = cli("check", "-f", "json", "--set", v["set"], str(case))
    assert json.loads(check.stdout)[0]["what_if"]["established"] == v["categories_after"]
    assert data["by_category"]["II"]["established_by"]


def test_cli_text_and_errors() -> None:
    proc = wgad("exercise", str(CASES / "teaching/arrest-no-warrant.yaml"))
    assert proc.returncode == 0 and "Answers" in proc.stdout and "I.no-warrant" in proc.stdout
    several = wgad("exercise", str(CASES / "namazi-iran-2017.yaml"))
    assert several.returncode == 2 and "--detainee" in several.stderr
    assert wgad("exercise", "--detainee", "1", str(CASES / "namazi-iran-2017.yaml")).returncode == 0
    bad = wgad("exercise", "no-such-file.yaml")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_every_rule_is_isolated_by_a_teaching_case_but_the_four_that_cannot_be() -> None:
    """cases/teaching/README.md names the four and why: a new rule needs its teaching case."""
    from detention_rules.agreement import isolation

    iso = isolation([CASES / "teaching"], BOOK)
    structural = {"II.ban-on-activities", "II.emergency-pretext", "III.partiality-inferred", "adm.allegations-stand"}
    assert set(iso.not_by_teaching(BOOK)) == structural
    readme = (CASES / "teaching" / "README.md").read_text(encoding="utf-8")
    assert all(f"`{r}`" in readme for r in structural)


def test_exercise_groups_the_changes_that_move_a_category_for_one_reason() -> None:
    """Issue 32: one question per effect and deciding rules, each rule cited in full once, in words."""
    proc = cli("exercise", str(CASES / "teaching/arrest-no-warrant.yaml"))
    assert proc.returncode == 0, proc.stderr
    questions = proc.stdout.split("\nAnswers\n")[0]
    assert "  1. What if the answer to " in questions
    assert "arrest.warrant_shown" not in questions and "line " not in questions  # the fact in words
    assert "the same for: arrest.warrant_shown=true; arrest.warrant_shown=null" in proc.stdout
    many = cli("exercise", str(CASES / "teaching/trial-single-minor-violation.yaml")).stdout
    assert many.count("deciding rule III.gravity: ") == 1 and "deciding rule III.gravity (cited at answer" in many
    data = json.loads(cli("exercise", "-f", "json", str(CASES / "teaching/arrest-no-warrant.yaml")).stdout)
    assert len(data["groups"][0]["variations"]) == 3 and data["groups"][0]["rules"] == ["I.no-warrant"]
    assert sum(len(g["variations"]) for g in data["groups"]) > len(data["groups"])  # changes share a question


def test_exercise_as_markdown_and_html_to_hand_out() -> None:
    import html5lib

    case = str(CASES / "teaching/trial-single-minor-violation.yaml")
    md = cli("exercise", "-f", "markdown", case)
    assert md.returncode == 0 and "## Questions\n\n1. What if" in md.stdout and "## Answers" in md.stdout
    page = cli("exercise", "-f", "html", case)
    assert page.returncode == 0
    html5lib.HTMLParser(strict=True).parse(page.stdout)
    assert "default-src 'none'" in page.stdout and "<script" not in page.stdout
    assert (
        page.stdout.count('<ol class="questions"><li>') == 1
        and "&#34;Was the trial held in public?&#34;" in page.stdout
    )

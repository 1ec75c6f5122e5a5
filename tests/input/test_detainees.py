"""Several detainees in one file: each person reasoned on the shared facts overlaid with their own."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from detention_rules import application
from detention_rules.errors import UsageError
from detention_rules.input import detainees, source
from detention_rules.input.case import field_types

from ..conftest import CASES, TWO, cli, run


def test_each_person_has_the_shared_facts_with_their_own() -> None:
    whole = run(TWO)
    assert whole.valid and whole.analysis is None
    one, two = whole.persons
    assert (one.detainee, two.detainee) == ("A. One", "B. Two")
    assert one.analysis.categories == ["I", "II", "III"]  # no warrant; counsel of choice refused (14(3)(d))
    assert two.analysis.categories == ["II", "III"]  # warrant shown; a closed hearing instead (14(1))
    # a sub-model merges field by field: the shared access_trial stays, of_choice is the person's
    assert two.facts.doc["trial"]["counsel"] == {"access_trial": "full", "of_choice": True}
    assert whole.categories == ["I", "II", "III"]


def test_a_persons_fact_keeps_its_own_line() -> None:
    _, two = run(TWO).persons
    assert two.facts.leaf("arrest.warrant_shown").line == 9
    assert two.facts.leaf("arrest.date").line == 2  # shared


def test_a_problem_only_one_persons_facts_show_is_the_files() -> None:
    text = TWO + "    detention: [{kind: pretrial, start: 2020-01-01}]\n"
    result = run(text)
    assert [(p.code, p.line) for p in result.problems] == [("date-order", 11)]
    assert not result.valid


def test_every_output_speaks_of_each_person(tmp_path: Path) -> None:
    case = tmp_path / "two.yaml"
    case.write_text(TWO, encoding="utf-8")
    text = cli("check", "--no-why-not", str(case)).stdout
    assert "Two detainees [A. One]" in text and "Two detainees [B. Two]" in text
    (data,) = json.loads(cli("check", "--format", "json", str(case)).stdout)
    assert [(d["detainee"], d["established"]) for d in data["detainees"]] == [
        ("A. One", ["I", "II", "III"]),
        ("B. Two", ["II", "III"]),
    ]
    markdown = cli("check", "--format", "markdown", str(case)).stdout
    assert "# Two detainees: A. One" in markdown and "# Two detainees: B. Two" in markdown
    changed = cli("check", str(case), "--set", "detainees[1].arrest.warrant_shown=false").stdout
    assert "B. Two: category I" in changed and "A. One: category I" not in changed


def test_gaps_ask_which_person(tmp_path: Path) -> None:
    case = tmp_path / "two.yaml"
    case.write_text(TWO, encoding="utf-8")
    out = cli("gaps", str(case))
    assert out.returncode == 2 and "choose one with --detainee (1: A. One; 2: B. Two)" in out.stderr
    assert cli("draft", str(case), "--detainee", "2").returncode == 0
    assert cli("gaps", str(case), "--detainee", "1").returncode == 0
    with pytest.raises(UsageError):
        application.person_doc(source.parse(TWO, "two.yaml"), 3)
    # every command that takes --detainee for one person says the same: `wgad exercise` named no one
    assert cli("exercise", str(case)).stderr == out.stderr


def test_a_draft_of_several_detainees_is_one_joint_submission(tmp_path: Path) -> None:
    """Issue 29: `wgad draft` refused a file of several detainees without --detainee. One submission for
    all: what they share told once, what differs person by person, each category for those it holds for."""
    case = tmp_path / "two.yaml"
    case.write_text(TWO, encoding="utf-8")
    out = cli("draft", "--no-appendix", str(case))
    assert out.returncode == 0, out.stderr
    text = out.stdout
    identity = text.split("## Identity of the persons concerned")[1].split("\n## ")[0]
    # nothing of their identity differs but their names: told once, in both names, asked of each
    assert "A. One and B. Two" in identity and "###" not in identity and "for each of them" in identity
    arrest = text.split("\n## Arrest")[1].split("\n## ")[0]
    assert "### A. One" in arrest and "### B. Two" in arrest  # B. Two was shown a warrant, A. One not
    detention = text.split("\n## Detention")[1].split("\n## ")[0]
    assert "###" not in detention and detention.count("pre-trial detention") == 1  # shared: told once
    category_i = text.split("### Category I:")[1].split("\n### ")[0]
    assert "deprivation of liberty of A. One is arbitrary and falls within category I" in category_i
    category_ii = text.split("### Category II:")[1].split("\n### Category")[0]
    assert "deprivation of liberty of A. One and B. Two is arbitrary and falls within category II" in category_ii
    named = tmp_path / "named.yaml"
    named.write_text(TWO.replace("A. One", "Anna Onegin").replace("B. Two", "Boris Twofold"), encoding="utf-8")
    redacted = cli("draft", "--redact", str(named)).stdout  # every detainee's name, not the first's only
    assert "Onegin" not in redacted and "Twofold" not in redacted and "### B. T." in redacted
    alone = cli("draft", "--no-appendix", "--detainee", "2", str(case)).stdout
    assert "A. One" not in alone and "### Category I:" not in alone


@pytest.mark.parametrize("command", ["gaps", "draft"])
def test_one_person_asked_is_the_only_one_analysed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """Issue 27: `gaps` and `draft --detainee 2` built every person's facts (and ran the engine on each)."""
    from typer.testing import CliRunner

    from detention_rules.interfaces.cli import app
    from detention_rules.reasoning import facts

    case = tmp_path / "two.yaml"
    case.write_text(TWO, encoding="utf-8")
    built: list[str] = []
    real = facts.build

    def counted(book: Any, one: Any, doc: source.Document) -> Any:
        built.append(doc.data["person"]["name"])
        return real(book, one, doc)

    monkeypatch.setattr(facts, "build", counted)
    result = CliRunner().invoke(app, [command, "--detainee", "2", str(case)])
    assert result.exit_code == 0, result.output
    assert built == ["B. Two"]


# --- each person's case without a copy of the file per person (issue 26) ------------------------------


def _split_from_a_copy(doc: source.Document, index: int) -> source.Document:
    """The obvious way, as it was: the whole file copied, then the person's entry laid over it."""
    data = {k: copy.deepcopy(v) for k, v in doc.data.items() if k != "detainees"}
    tables = [{p: v for p, v in t.items() if p[:1] != ("detainees",)} for t in (doc.positions, doc.key_positions)]

    def overlay(into: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
        here = into.get(path[-1])
        fields = field_types()
        dotted = ".".join(path)
        model = dotted not in fields and any(f.startswith(dotted + ".") for f in fields)
        if isinstance(value, dict) and isinstance(here, dict) and model:
            for key, inner in value.items():
                overlay(here, (*path, key), inner)
            return
        into[path[-1]] = value
        for table in tables:
            for stale in [p for p in table if p[: len(path)] == path]:
                del table[stale]

    for section, value in doc.data["detainees"][index].items():
        overlay(data, (section,), value)
    for table, whole in zip(tables, (doc.positions, doc.key_positions), strict=True):
        table.update({p[2:]: v for p, v in whole.items() if p[:2] == ("detainees", index) and len(p) > 2})
    return source.Document(doc.path, data, *tables)


SEVERAL = [
    TWO,
    *(
        p.read_text(encoding="utf-8")
        for p in sorted(CASES.rglob("*.yaml"))
        if "\ndetainees:" in p.read_text(encoding="utf-8")
    ),
]


@pytest.mark.parametrize("text", SEVERAL)
def test_each_persons_case_is_the_one_a_whole_copy_gives(text: str) -> None:
    doc = source.parse(text, "several.yaml")
    people = list(detainees.each(doc))
    assert len(people) == detainees.count(doc) >= 2
    for index, person in enumerate(people):
        expected = _split_from_a_copy(doc, index)
        assert person.data == expected.data and detainees.split(doc, index).data == expected.data
        assert list(person.positions.items()) == list(expected.positions.items())
        assert list(person.key_positions.items()) == list(expected.key_positions.items())


def test_a_persons_case_shares_what_it_does_not_change_and_changes_nothing_shared() -> None:
    doc = source.parse(TWO, "two.yaml")
    before = copy.deepcopy(doc.data)
    one, two = detainees.each(doc)
    assert one.data["detention"] is doc.data["detention"] and one.data["trial"] is doc.data["trial"]
    assert two.data["trial"] is not doc.data["trial"] and two.data["conduct"] is doc.data["conduct"]
    run(TWO)
    assert doc.data == before and one.data["trial"]["counsel"] == {"access_trial": "full", "of_choice": False}


class _Counted(dict[Any, Any]):
    """A position table that counts how often it is read through."""

    reads = 0

    def items(self):  # type: ignore[no-untyped-def, override]
        _Counted.reads += 1
        return super().items()


def test_the_file_is_read_through_once_for_all_its_people_not_once_per_person() -> None:
    entries = "".join(f"  - person: {{name: P{i}}}\n    arrest: {{warrant_shown: true}}\n" for i in range(50))
    doc = source.parse(TWO.split("detainees:")[0] + "detainees:\n" + entries, "fifty.yaml")
    doc = source.Document(doc.path, doc.data, _Counted(doc.positions), _Counted(doc.key_positions))
    _Counted.reads = 0
    assert len(list(detainees.each(doc))) == 50
    assert _Counted.reads == 2  # each table once (it was each table twice per person)


def test_a_joint_draft_names_the_people_the_file_does_not(tmp_path: Path) -> None:
    """Detainees with no name are "Detainee 1", "Detainee 2": never a heading with no text."""
    case = tmp_path / "unnamed.yaml"
    case.write_text(
        "arrest: {warrant_shown: false, date: 2021-03-01}\ndetention: [{kind: pretrial, start: 2021-03-01}]\n"
        "detainees:\n  - {}\n  - arrest: {warrant_shown: true}\n",
        encoding="utf-8",
    )
    out = cli("draft", "--no-appendix", str(case)).stdout
    assert "### Detainee 1" in out and "### Detainee 2" in out and not re.search(r"^#+ *$", out, flags=re.M)
    assert "deprivation of liberty of Detainee 1 is arbitrary" in out

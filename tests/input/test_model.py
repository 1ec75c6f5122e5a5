"""The case model has one source (tools/case_model.py): the runtime validator, the JSON Schema, the
field table, `wgad new` and the docs tables all agree with it, and validation stays cheap to load."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError as ModelError
from pydantic_core import ValidationError

from detention_rules.input import case, source
from detention_rules.input.field_path import FieldPath
from detention_rules.input.validate import validate
from tools import case_model as model

from ..conftest import ROOT

BAD = Path(__file__).parents[1] / "bad"
FILES = sorted([*ROOT.glob("cases/**/*.yaml"), *BAD.glob("*.yaml"), ROOT / "docs" / "example.yaml"])


def test_generated_files_are_current() -> None:
    """case_model.json and case.schema.json are what `python -m tools.case_model` writes now."""
    recorded = json.loads(case.MODEL_FILE.read_text(encoding="utf-8"))["generated_by"]
    for path, text in model.rendered().items():
        if path == case.MODEL_FILE and not recorded.startswith(f"pydantic {model.pydantic.VERSION}:"):
            # another pydantic writes its core schema otherwise; the test below holds the behaviour to it
            assert json.loads(text)["fields"] == json.loads(path.read_text(encoding="utf-8"))["fields"]
            continue
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: python -m tools.case_model"
    shipped = json.loads((ROOT / "docs" / "case.schema.json").read_text(encoding="utf-8"))
    assert shipped == model.json_schema(), "docs/case.schema.json is stale: wgad schema > docs/case.schema.json"


def _errors(data: Any, parse: Any, error: type[Exception]) -> list[tuple[Any, str]] | None:
    try:
        parse(data)
    except error as exc:
        return sorted((e["loc"], e["type"]) for e in exc.errors())  # type: ignore[attr-defined]
    return None


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_runtime_validator_agrees_with_the_model(path: Path) -> None:
    """The generated validator accepts, refuses and locates errors as the pydantic classes do."""
    try:
        doc = source.load(path)
    except Exception:
        pytest.skip("refused before the model")
    data = doc.data
    assert _errors(data, case.parse, ValidationError) == _errors(data, model.Case.model_validate, ModelError)
    if isinstance(data, dict) and _errors(data, case.parse, ValidationError) is None:
        ours, theirs = case.parse(data), model.Case.model_validate(data)
        assert _plain(ours) == _plain(theirs), "the values read differ"


def _plain(obj: Any) -> Any:
    """A validated case as nested dicts, whichever model read it."""
    if isinstance(obj, case.Section):
        return {k: _plain(v) for k, v in vars(obj).items()}
    if isinstance(obj, model.BaseModel):
        return {k: _plain(getattr(obj, k)) for k in type(obj).model_fields}
    if isinstance(obj, list):
        return [_plain(v) for v in obj]
    return obj


@pytest.mark.parametrize(
    "data",
    [
        {"arrest": {"warrant_shown": "unknown", "date": "2020-02-30", "tiem": "10:00"}},
        {"detention": [{"days": "3"}, {"days": -1, "kind": "jail"}], "person": ["x"]},
        {"arrest": {"warrant_shown": {"value": "yes", "by": ["sourc"], "extra": 1}}, "trial": {"counsel": "yes"}},
        {"expected": {"categories": ["I", "VI"]}, "sentence": {"years": float("inf")}, "source": {"opinion": "2-2022"}},
    ],
)
def test_hand_built_errors_agree(data: dict[str, Any]) -> None:
    assert _errors(data, case.parse, ValidationError) == _errors(data, model.Case.model_validate, ModelError)


# --- the docs tables ---------------------------------------------------------------------------


def _documented() -> dict[str, str]:
    """Each field row of docs/case-format.md's tables: its path (items without `[]`) and its type cell."""
    rows: dict[str, str] = {}
    context: str | None = None
    for line in (ROOT / "docs" / "case-format.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^#{2,3} `([\w.]+):?`", line) or re.match(r"^`([\w.]+)`(:| \()", line)
        if heading:
            context = heading.group(1)
        elif line.startswith("### The file itself"):
            context = ""
        elif line.startswith("## Writing a fact"):
            context = "<provenance>"
        elif line.startswith("## "):
            context = None
        elif line.startswith("| `") and context is not None:
            name, kind = (cell.strip() for cell in line.strip("|").split("|")[:2])
            rows[f"{context}.{name.strip('`')}" if context else name.strip("`")] = kind
    return rows


def _leaves(name: str = "Case", prefix: str = "") -> dict[str, dict[str, Any]]:
    out = {}
    for entry in case.fields(name):
        path = f"{prefix}{entry['name']}"
        if entry["kind"] in ("model", "items"):
            out.update(_leaves(entry["model"], f"{path}."))
        else:
            out[path] = entry
    return out


def _type_cell(entry: dict[str, Any]) -> set[str]:
    """How docs/case-format.md may write this field's type."""
    kind, choices = entry["kind"], ", ".join(f"`{c}`" for c in entry.get("choices", ()))
    own = {
        "bool": {"boolean"},
        "number": {"number", "integer"},
        "text": {entry.get("form", "text"), "text, `N/YYYY`"} if entry.get("form") != "time" else {"time"},
        "enum": {f"one of: {choices}"},
        "list": {f"list of: {choices}"} if choices else {"list of text"},
    }[kind]
    if entry["fact"]:
        return {f"fact, {t}" for t in own}
    return own | {f"{t} (not a fact)" for t in own}


def test_docs_tables_follow_the_model() -> None:
    """Every field of the model has a row in docs/case-format.md with its type and choices, and no row
    names a field the model does not have."""
    documented = _documented()
    fields = {path: entry for path, entry in _leaves().items() if not path.startswith("detainees.")}
    fields |= {f"<provenance>.{e['name']}": e for e in case.fields("Asserted") if e["name"] != "value"}
    rows = {path: kind for path, kind in documented.items() if path in fields or path not in _containers()}
    assert sorted(set(fields) - set(rows)) == [], "fields missing from docs/case-format.md"
    assert sorted(set(rows) - set(fields) - {"<provenance>.value"}) == [], "rows for fields the model lacks"
    wrong = {p: (rows[p], sorted(_type_cell(e))) for p, e in fields.items() if rows[p] not in _type_cell(e)}
    assert wrong == {}, "type cells that differ from the model"


def _containers() -> set[str]:
    """Paths of sections and lists of entries: the docs give them a row ("mapping") or a heading."""
    out = set()

    def visit(name: str, prefix: str) -> None:
        for entry in case.fields(name):
            if entry["kind"] in ("model", "items"):
                out.add(f"{prefix}{entry['name']}")
                visit(entry["model"], f"{prefix}{entry['name']}.")

    visit("Case", "")
    return out


def test_a_field_s_declaration_says_whether_the_file_may_give_its_provenance() -> None:
    """`FieldType.fact` (the model's declaration, which the web form reads) is what the validator does: every
    field declared a fact takes `{value: ..., ref: ...}`, every other one refuses it."""
    for path, ftype in case.field_types().items():
        name, data = path.replace("[]", "[0]"), {}
        lists = path.split("[]")[:-1]  # each list on the way gets one item
        for i in range(len(lists)):
            data = FieldPath.parse("[0]".join(lists[: i + 1])).write(data, [{}])
        data = FieldPath.parse(name).write(data, {"value": None, "ref": "para 1"})
        refused = {p.field for p in validate(source.Document("<probe>", data))[1] if p.level == "error"}
        assert (name not in refused) is ftype.fact, (path, refused)
    assert {t.fact for t in case.field_types().values()} == {True, False}


# --- validation in one pass, in plain words ---------------------------------------------------


def _problems(text: str) -> list[Any]:
    return validate(source.parse(text, "case.yaml"))[1]


def test_model_errors_and_consistency_checks_come_together() -> None:
    """A typo does not hide the dates out of order below it: both are reported, each at its line."""
    text = "arrest:\n  warant_shown: false\n  date: 2020-05-01\ndetention:\n  - start: 2020-04-01\n"
    found = [(p.code, p.line) for p in _problems(text)]
    assert found == [("unknown-key", 2), ("date-order", 5)]


def test_a_bad_value_is_left_out_of_the_consistency_checks() -> None:
    text = "arrest:\n  date: 2020-13-01\ndetention:\n  - start: 2020-04-01\n    end: 2020-03-01\n"
    found = [(p.code, p.line) for p in _problems(text)]
    assert found == [("bad-value", 2), ("date-order", 5)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("arrest:\n  warrant_shown: unknown\n", "write true or false, or leave the field out when it is not known"),
        ("arrest:\n  charges: x\n", "is not a list; write a list"),
        (
            "arrest:\n  charges: {a: 1}\n",
            "a fact written as a mapping takes only value, by, contested, ref, evidence, rebutted and note",
        ),
        ("person: [a]\n", "is not a section of fields"),
        ("detention:\n  kind: pretrial\n", "write each entry on its own line, starting with '- '"),
        ("person:\n  age: 3.5\n", "is not a whole number"),
        ("detention:\n  - days: -2\n", "write 0 or more"),
        ("detention:\n  - kind: pretrail\n", "did you mean 'pretrial'?"),
        ("arrest:\n  date: 2020-02-30\n", "is not a real date"),
        ("arrest:\n  time: '25:00'\n", "HH:MM"),
        ("arrest:\n  warrant_shown: {value: false, by: [drafter]}\n", None),
    ],
)
def test_messages_say_what_to_write(text: str, words: str | None) -> None:
    problems = _problems(text)
    if words is None:
        assert problems == []
        return
    assert len(problems) == 1 and words in problems[0].message, problems
    for python in ("Input should", "valid boolean", "valid list", "(got ", "dict", "Value error"):
        assert python not in problems[0].message


# --- cheap to load ------------------------------------------------------------------------------


def test_validate_loads_no_cli_framework_engine_renderer_or_pydantic() -> None:
    """`wgad validate FILE` imports neither typer, durable-rules, rich, pydantic, the rules nor any renderer."""
    code = (
        "import sys\n"
        "from detention_rules.interfaces.entry import main\n"
        f"sys.argv = ['wgad', 'validate', {str(ROOT / 'cases' / 'ilyashev-kazakhstan-2022.yaml')!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stderr.split())
    assert "0 invalid" in out.stdout
    heavy = {"typer", "durable", "durable_rules_engine", "rich", "pydantic", "multiprocessing"}
    assert loaded & heavy == set()
    ours = {m for m in loaded if m.startswith("detention_rules.")}
    unwanted = {m for m in ours if m.startswith(("detention_rules.reasoning", "detention_rules.law"))}
    # the problem lines and the progress line are printed by output/; no renderer of results is loaded
    # (the formats' registry names its renderers without importing them)
    unwanted |= {m for m in ours if m.startswith("detention_rules.output.")} - {
        "detention_rules.output.batch",
        "detention_rules.output.formats",
        "detention_rules.output.progress",
    }
    assert unwanted == set()

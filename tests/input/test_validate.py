"""Validation like a linter: every broken input gets one clear problem with its line, never a traceback."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml

from detention_rules import pipeline
from detention_rules.input import source
from detention_rules.input.case import field_types
from detention_rules.input.validate import validate

from ..conftest import REFERENCE, ROOT, cli, wgad

BAD = Path(__file__).parents[1] / "bad"
EXPECT = yaml.safe_load((Path(__file__).parents[1] / "bad_expectations.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_broken_file_reports_code_and_line(name: str) -> None:
    code, line, col, words = EXPECT[name]
    _, result = pipeline.read(BAD / name)
    assert not result.valid
    first = result.problems[0]
    assert (first.code, first.line, first.col) == (code, line, col), str(first)
    assert words in first.message


def test_every_broken_file_has_an_expectation() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECT)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "code", "line"),
    [
        ("latin1.yaml", b"title: caf\xe9\n", "not-utf8", 1),
        ("binary.yaml", b"title: a\n\x00\x01\x02", "not-text", 2),
        ("huge.yaml", b"notes: '" + b"x" * (source.MAX_BYTES + 10) + b"'\n", "file-too-large", 1),
        ("long.yaml", b"notes: '" + b"x" * (source.MAX_STRING + 1) + b"'\n", "too-long", 1),
        ("deep.yaml", b"title: " + b"[" * 5000 + b"]" * 5000 + b"\n", "too-deep", 1),
        ("merge.yaml", b"a: &a {x: 1}\nb:\n  <<: *a\n", "unsafe-tag", 3),
    ],
)
def test_hostile_bytes(tmp_path: Path, name: str, data: bytes, code: str, line: int) -> None:
    _, result = pipeline.read(_write(tmp_path, name, data))
    assert [(p.code, p.line) for p in result.problems][:1] == [(code, line)]


def test_billion_laughs(tmp_path: Path) -> None:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    prev = "a"
    for name in "bcdefghi":
        text += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n"
        prev = name
    _, result = pipeline.read(_write(tmp_path, "bomb.yaml", text.encode()))
    assert result.problems[0].code == "too-many-values"


def test_warnings_a_drafter_would_miss(tmp_path: Path) -> None:
    text = (
        "person:\n  status: [journalist]\n"
        "arrest:\n  warrant_shown: {value: false, contested: true}\n"
        "detention:\n  - kind: immigration\n"
    )
    _, result = pipeline.read(_write(tmp_path, "w.yaml", text.encode()))
    assert result.valid
    codes = {(p.code, p.line) for p in result.problems if p.level == "warning"}
    assert codes == {("contested-no-response", 4), ("period-no-start", 6), ("custody-no-migration-status", 6)}


def test_contests_must_name_real_fields(tmp_path: Path) -> None:
    text = "government:\n  replied: true\n  contests: [arrest.warrant_shown, arrest.colour]\n"
    _, result = pipeline.read(_write(tmp_path, "c.yaml", text.encode()))
    assert [(p.code, p.field) for p in result.problems] == [("unknown-field", "government.contests[1]")]


def test_expected_cannot_both_find_and_reject(tmp_path: Path) -> None:
    text = "expected:\n  categories: [I]\n  not_found: [I]\n"
    _, result = pipeline.read(_write(tmp_path, "e.yaml", text.encode()))
    assert [p.code for p in result.problems] == ["expected-conflict"]


def test_validate_cli_exit_codes_and_summary() -> None:
    ok = wgad("validate", str(REFERENCE))
    assert ok.returncode == 0 and "1 file(s) checked: 0 invalid" in ok.stdout
    bad = wgad("validate", str(BAD))
    assert bad.returncode == 1
    assert f"{BAD / 'unknown-key.yaml'}:2:3: error: unknown key 'warant_shown'" in bad.stdout
    assert "Traceback" not in bad.stdout + bad.stderr
    missing = wgad("validate", "no/such/file.yaml")
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_validate_json_lists_problems() -> None:
    out = cli("validate", "--format", "json", str(BAD / "unknown-key.yaml"))
    problems = json.loads(out.stdout)
    assert out.returncode == 1
    assert problems[0]["field"] == "arrest.warant_shown" and problems[0]["line"] == 2


def test_check_never_modifies_input() -> None:
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in BAD.iterdir()}
    wgad("check", str(BAD))
    wgad("validate", str(BAD))
    assert before == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in BAD.iterdir()}


def test_new_full_writes_a_valid_skeleton_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "case.yaml"
    assert wgad("new", "--full", str(target)).returncode == 0
    _, result = pipeline.read(target)
    assert result.valid, [str(p) for p in result.problems]
    text = target.read_text(encoding="utf-8")
    assert "warrant_shown:" in text and "# " in text
    data = yaml.safe_load(text)
    # every field of the model, new ones included, is there to fill in (`expected` is shortened on purpose)
    for path in (p for p in field_types() if not p.startswith("expected.")):
        node = data
        for part in path.split("."):
            key = part.removesuffix("[]")
            assert isinstance(node, dict) and key in node, path
            node = node[key][0] if part.endswith("[]") else node[key]
    again = wgad("new", str(target))
    assert again.returncode == 2 and "never overwrites" in again.stderr
    assert target.read_text(encoding="utf-8") == text


def test_new_writes_a_drafters_file_that_validates_with_its_schema_beside_it(tmp_path: Path) -> None:
    from detention_rules.input.fields import FACT_SECTIONS, questionnaire
    from detention_rules.input.skeleton import DRAFTER_FIELDS

    target = tmp_path / "my-case.yaml"
    out = cli("new", str(target))
    assert out.returncode == 0, out.stderr
    text = target.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 100
    _, result = pipeline.read(target)
    assert result.valid and not result.problems, [str(p) for p in result.problems]
    # the first line names a schema that resolves: `wgad schema`'s, written beside the file
    named = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
    assert named and (tmp_path / named[1]).read_text(encoding="utf-8") == cli("schema").stdout
    # for a drafter: no encoder's sections; the facts in the questionnaire's order, each there to fill in
    data = yaml.safe_load(text)
    assert not {"source", "expected", "detainees"} & set(data)
    assert list(data) == ["title", *(s for s in FACT_SECTIONS if s in data), "notes"]
    order = list(questionnaire())
    for section in ("arrest", "trial"):
        fields = [order.index(f"{section}.{key}") for key in data[section] if f"{section}.{key}" in order]
        assert fields == sorted(fields), section
    for path in DRAFTER_FIELDS:
        node = data
        for part in path.split("."):
            key = part.removesuffix("[]")
            assert isinstance(node, dict) and key in node, path
            node = node[key][0] if part.endswith("[]") else node[key]
    # a schema already there is left alone
    (tmp_path / named[1]).write_text("{}", encoding="utf-8")
    assert cli("new", str(tmp_path / "second.yaml")).returncode == 0
    assert (tmp_path / named[1]).read_text(encoding="utf-8") == "{}"


def test_schema_is_json_schema() -> None:
    out = wgad("schema")
    schema = json.loads(out.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/") and "arrest" in schema["properties"]


def test_a_failed_durable_import_gives_advice_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Python 3.13 durable-rules fails to import unless built with a define (README)."""
    import builtins

    from detention_rules.errors import EngineError
    from detention_rules.reasoning import engine

    real_import = builtins.__import__

    def fake_import(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("durable"):
            raise ImportError("undefined symbol: PyEval_CallObject")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(EngineError) as info:
        engine._durable()
    assert "PyEval_CallObject=PyObject_CallObject" in str(info.value)
    assert info.value.exit_code == 3


def test_translations_in_a_language_no_draft_is_written_in(tmp_path: Path) -> None:
    """A drafter who types `de:` (German) or `fr_:` (a typo for French) under `translations:` is told at that
    key: the French draft would otherwise set "civic activist" apart to translate as if no translation had
    been given. The languages a draft is written in stay silent; a language code in another form points to it."""
    case = tmp_path / "t.yaml"
    case.write_text(
        "person: {name: Ana Uno, sex: female, occupation: civic activist}\n"
        "translations:\n"
        "  fr_: {civic activist: militant de la société civile}\n"
        "  de: {civic activist: Bürgerrechtlerin}\n"
        "  es: {civic activist: activista cívica}\n",
        encoding="utf-8",
    )
    out = wgad("check", str(case), "--lang", "en")
    assert out.returncode == 0, out.stderr
    warned = [line for line in out.stderr.splitlines() + out.stdout.splitlines() if "[translation-language]" in line]
    assert len(warned) == 2, warned
    assert warned[0].startswith(f"{case}:3:3: warning: translations.fr_") and "did you mean 'fr'?" in warned[0]
    assert warned[1].startswith(f"{case}:4:3: warning: translations.de") and "did you mean" not in warned[1]


def test_parsing_keeps_no_document_alive() -> None:
    """PyYAML's construct_object caches every node it builds; the loader must not use it (memory stays flat)."""
    source.parse("a: 1\nb: [true, 2.5, null]\n")
    assert not source._constructor.constructed_objects


def test_shipped_schema_is_current() -> None:
    """docs/case.schema.json (used by the reference case's editor line) matches `wgad schema`."""
    shipped = json.loads((ROOT / "docs" / "case.schema.json").read_text(encoding="utf-8"))
    assert shipped == json.loads(wgad("schema").stdout)
    assert '"pattern"' in json.dumps(shipped["$defs"])  # dates and times carry their format for editors


@pytest.mark.parametrize(
    ("text", "code", "level"),
    [
        # a year-only date is read at its widest: 2020 may be 31 December, after an arrest in June
        ("arrest: {date: 2020-06-01}\ndetention: [{kind: pretrial, start: 2020}]\n", None, None),
        ("arrest: {date: 2020-06-01}\ndetention: [{kind: pretrial, start: 2019}]\n", "date-order", "error"),
        # a person may be charged, or indicted in absentia, before the arrest (a blind encoder hit this)
        ("arrest: {date: 2017-02-24, charged: true, charge_date: 2017-02-17}\n", None, None),
        ("trial: {start: 2021-03-01}\nsentence: {date: 2021-01-10}\n", "date-order", "error"),
        ("detention: [{kind: immigration, start: 2020-01-01}]\n", "custody-no-migration-status", "warning"),
        # administrative detention is also a security matter: no migration status needed
        ("detention: [{kind: administrative, start: 2020-01-01}]\n", None, None),
        # still held, yet the last period ended: a release after the opinion written as an end (Cardet's parole)
        (
            "person: {released: false}\ndetention: [{kind: prison, start: 2017-03-20, end: 2019-05}]\n",
            "held-but-ended",
            "warning",
        ),
        # an earlier period's end is no contradiction, nor is an end once released
        (
            "person: {released: false}\n"
            "detention: [{kind: pretrial, start: 2016-12-09, end: 2017-03-20}, {kind: prison, start: 2017-03-20}]\n",
            None,
            None,
        ),
        ("person: {released: true}\ndetention: [{kind: prison, start: 2017-03-20, end: 2019-05}]\n", None, None),
    ],
    ids=[
        "year-widest",
        "year-before-arrest",
        "charged-before-arrest",
        "sentence-before-trial",
        "custody-without-status",
        "security-custody",
        "held-but-ended",
        "earlier-period-ended",
        "released-and-ended",
    ],
)
def test_consistency_checks(text: str, code: str | None, level: str | None) -> None:
    found = [(p.code, p.level) for p in pipeline.check_text(text).problems]
    assert found == ([(code, level)] if code else [])


def test_an_unquoted_time_stays_a_time() -> None:
    """YAML 1.1 reads 20:20 as the base-60 number 1220; a case file means a time."""
    text = "arrest: {date: 2020-04-17, time: 20:20}\ndetention: [{kind: prison, start: 2020-04-17}]\n"
    result = pipeline.check_text(text)
    assert result.valid and result.case is not None and result.case.arrest.time == "20:20"


def test_a_problems_field_is_named_one_way_whether_bare_or_with_provenance() -> None:
    """Issue 30: JSON's `field` was `arrest.date.value` for a fact with its provenance and `person.age` for a bare
    one; both are the fact's own path, as `--set` and the message name it (docs/json-format.md)."""
    bare = "person:\n  age: forty\narrest:\n  date: 2020-13-45\n"
    given = "person:\n  age: {value: forty, ref: p 4}\narrest:\n  date: {value: 2020-13-45, ref: p 4}\n"
    for text in (bare, given):
        problems = validate(source.parse(text, "t.yaml"))[1]
        assert {p.field for p in problems} == {"person.age", "arrest.date"}, [p.field for p in problems]
        for p in problems:
            assert p.message.startswith(p.field + ":"), (p.field, p.message)
    wrong_ref = validate(source.parse("arrest:\n  date: {value: 2020-01-02, ref: [1, 2]}\n", "t.yaml"))[1]
    assert [p.field for p in wrong_ref] == ["arrest.date.ref"]

"""A second round of hostile input (issue 14): scalars, numbers and text that crashed, hung or lied.

Each class is tested at its cause (the reader, the engine's encoding), with generated input where it fits.
"""

from __future__ import annotations

import copy
import errno
import json
import os
import platform
import signal
import subprocess
import sys
import time
import unicodedata
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

with warnings.catch_warnings():  # typer 0.12 warns on import with click 8.2 and later: not this project's code
    warnings.simplefilter("ignore", DeprecationWarning)
    from typer.testing import CliRunner

from detention_rules import escaping, pipeline
from detention_rules.errors import InputError, UsageError
from detention_rules.input import source
from detention_rules.input.field_path import FieldPath
from detention_rules.input.fields import readable_fields
from detention_rules.interfaces import batch, cli, interview
from detention_rules.output import atomic, redact
from detention_rules.reasoning import engine, facts, gaps, impact, runnable, three_valued

from .conftest import REFERENCE, fail_on, law_files, wgad
from .strategies import cases

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TAGS = ["!!bool", "!!int", "!!float", "!!null", "!!str", "!!timestamp", ""]


def _yaml(number: float) -> str:
    """A number as YAML 1.1 reads it: a float needs a dot, and a sign on its exponent (`1.0e-05`)."""
    text = repr(number)
    return text if isinstance(number, int) or ("e" not in text and "." in text) else f"{number:.17e}"


def _problems(text: str) -> list[str]:
    """The codes of the problems `check` reports for a case given as text; it must not raise."""
    result = pipeline.check_text(text, "t.yaml")
    return [p.code for p in result.problems if p.level == "error"]


# --- the reader ------------------------------------------------------------------------


@SETTINGS
@given(st.sampled_from(TAGS), st.text(max_size=12))
def test_any_tagged_scalar_is_read_or_refused_with_a_place(tag: str, text: str) -> None:
    quoted = json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    for value in (f"{tag} {quoted}", f"{tag} {text}" if text.strip() and "\n" not in text else tag + " x"):
        try:
            doc = source.parse(f"title: t\narrest:\n  warrant_shown: {value}\n", "t.yaml")
        except InputError as exc:
            (problem,) = exc.problems
            assert problem.line >= 1 and problem.path == "t.yaml"
            continue
        pipeline.check_doc(doc, runnable.load())  # and whatever was read, the pipeline takes without raising


@pytest.mark.parametrize("value", ["!!bool maybe", "!!bool ''", "!!int ''", "!!float ''", "!!int 0x_"])
def test_a_scalar_its_tag_cannot_read_is_a_problem_on_its_line(value: str) -> None:
    with pytest.raises(InputError) as exc:
        source.parse(f"title: t\narrest:\n  warrant_shown: {value}\n", "t.yaml")
    (problem,) = exc.value.problems
    assert (problem.code, problem.line, problem.col) == ("bad-scalar", 3, 18)


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    bad = tmp_path / "a.yaml"
    bad.write_text("arrest: {warrant_shown: !!bool maybe}\n", encoding="utf-8")
    out = wgad("check", str(bad), str(REFERENCE))
    assert out.returncode == 1, out.stderr
    assert "a.yaml:1:25: error:" in out.stdout and "Categories established: I, II, III, V" in out.stdout


@SETTINGS
@given(
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False),
        st.integers(-(10**30), 10**30),
        st.sampled_from([1.0e-5, 1.0e20, 1.0e16, 0.000001, 5e-324, 2**53, 2**53 + 1, -(2**53) - 1]),
    )
)
def test_a_number_of_any_magnitude_runs_or_is_refused_as_out_of_range(number: float) -> None:
    codes = _problems(f"detention: [{{kind: prison}}]\nsentence: {{years: {_yaml(number)}}}\n")
    assert codes == ([] if abs(number) <= source.MAX_NUMBER else ["bad-number"])


@pytest.mark.parametrize("text", ["9" * 20_000, ".inf", "-.inf", ".nan", "!!float 1e400"])  # 0x...: test_hostile_input
def test_numbers_no_engine_can_hold_are_refused_as_read(text: str) -> None:
    assert _problems(f"person: {{age: {text}}}\n") == ["bad-number"]


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize("where", ["comment", "plain", "quoted"])
def test_a_line_break_editors_do_not_show_is_refused_where_the_editor_shows_it(char: str, where: str) -> None:
    prefix = {"comment": "# note", "plain": "title: a", "quoted": 'title: "a'}[where]
    rest = {"comment": "", "plain": "", "quoted": '"'}[where]
    text = f"person: {{age: 3}}\n{prefix}{char}arrest: {{warrant_shown: false}}{rest}\n"
    with pytest.raises(InputError) as exc:
        source.parse(text, "t.yaml")
    (problem,) = exc.value.problems
    assert (problem.code, problem.line, problem.col) == ("unseen-line-break", 2, len(prefix) + 1)


@SETTINGS
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_a_character_is_placed_where_an_editor_shows_it(text: str) -> None:
    body = f"title: x\nnotes: {json.dumps(text, ensure_ascii=False)}\n"
    try:
        source.parse(body, "t.yaml")
    except InputError as exc:
        (problem,) = exc.problems
        lines = body.split("\n")
        assert problem.line <= len(lines) and problem.col <= len(lines[problem.line - 1]) + 1


def test_a_control_character_after_wide_characters_is_placed_by_character_not_byte() -> None:
    with pytest.raises(InputError) as exc:
        source.parse("title: x\nnotes: ééé\x01\n", "t.yaml")
    (problem,) = exc.value.problems
    assert (problem.line, problem.col) == (2, 11)


def test_a_tag_on_a_key_is_refused() -> None:
    with pytest.raises(InputError) as exc:
        source.parse("!foo title: x\n", "t.yaml")
    assert [p.code for p in exc.value.problems] == ["unsafe-tag"]


@pytest.mark.parametrize("length", [100, 19_000])
def test_aliases_of_a_long_string_are_bounded_by_the_text_they_expand_to(tmp_path: Path, length: int) -> None:
    copies = source.MAX_TEXT // length + 2
    case = tmp_path / "alias.yaml"
    case.write_text(f"title: &t {'x' * length}\narrest:\n  charges:\n" + "    - *t\n" * copies, encoding="utf-8")
    (problem,) = pipeline.read(case)[1].problems
    assert problem.code == "too-much-text" and problem.line > 3  # at the alias that went over


def test_an_alias_is_reported_on_its_own_line() -> None:
    text = "person:\n  nationality: &n Kazakhstan\n  name: x\narrest:\n  date: 2020-01-01\n  place: *n\n"
    doc = source.parse(text, "t.yaml")
    assert doc.where(("arrest", "place")) == (6, 10)
    assert doc.where(("person", "nationality")) == (2, 16)
    result = pipeline.check_text(text.replace("place: *n", "warrant_shown: *n"), "t.yaml")
    assert [(p.code, p.line) for p in result.problems] == [("wrong-type", 6)]


def test_an_alias_inside_an_aliased_list_keeps_the_order_of_the_file() -> None:
    text = "a: &a [x, &b y]\nb: *b\nc: *a\nd: *b\n"
    doc = source.parse(text, "t.yaml")
    assert [doc.where((k,)) for k in "abcd"] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert doc.where(("c", 1)) == (3, 4)  # inside an alias: the alias's place


# --- the engine's encoding -------------------------------------------------------------

RULES = """category: III
rules:
  - id: III.nationality
    title: nationality
    when: {{fact: person.nationality, is: {text}}}
    then: {{category: III}}
    basis: settled
    provisions: [ICCPR 14]
    jurisprudence: [y]
    law: z
    explain: x
  - id: II.years
    title: years
    category: II
    when: {{fact: sentence.years, at_least: {number}}}
    then: {{category: II}}
    basis: settled
    provisions: [ICCPR 19]
    jurisprudence: [y]
    law: z
    explain: x
"""

TEXTS = ["Türkiye", "Côte d'Ivoire", "中国", "Ελλάδα", 'a "quoted" \\\\ name', "😀", "T\u0308rkiye"]
NUMBERS = [0, 1.0e-5, 0.000001, 5e-324, 1.5, 1e15, 2**53, -3]


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, float], runnable.Runnable]:
    """A rulebook for each pair of a text and a number its rules test for."""
    out = {}
    for i, (text, number) in enumerate(zip(TEXTS, NUMBERS, strict=False)):
        folder = tmp_path_factory.mktemp(f"rules{i}")
        (folder / "r.yaml").write_text(
            RULES.format(text=json.dumps(text, ensure_ascii=False), number=_yaml(number)), encoding="utf-8"
        )
        out[text, number] = runnable.load(law_files(folder))
    return out


@SETTINGS
@given(data=st.data())
def test_engine_and_plain_reading_agree_on_non_ascii_text_and_numbers_of_any_magnitude(
    books: dict[tuple[str, float], runnable.Runnable], data: st.DataObject
) -> None:
    text, number = data.draw(st.sampled_from(sorted(books, key=str)))
    nationality = data.draw(st.sampled_from([*TEXTS, text.upper()]))
    near = [y for y in (number, number * 2, number / 2, -number) if abs(y) <= source.MAX_NUMBER]
    years = data.draw(st.one_of(st.sampled_from(near), st.floats(-1e15, 1e15)))
    case_text = (
        f"person: {{nationality: {json.dumps(nationality, ensure_ascii=False)}}}\nsentence: {{years: {_yaml(years)}}}\n"
    )
    book = books[text, number]
    result = pipeline.check_text(case_text, "t.yaml", book)
    assert result.analysis is not None, [str(p) for p in result.problems]
    doc = facts.build(book, result.case).doc
    assert set(result.analysis.fired) == three_valued.fired(book.rules, doc)
    assert ("III.nationality" in result.analysis.fired) == (nationality == text)  # the oracle itself, by hand


#: A rule whose one durable term holds 8 `$or` groups, the most `size_bound` lets a rule have (2 ** 9 > 480):
#: the alternatives of one field, beside the case's other tests and inside `$iany` with an item's other fields.
#: And a counting rule, whose alternatives stay separate rules: a case holding both statuses would count twice.
def _rule(rule_id: str, when: str, then: str = "{category: I}") -> str:
    """One rule of a test's rule file, in category I, its law and citations placeholders."""
    return (
        f"  - id: {rule_id}\n    title: {rule_id}\n    when: {when}\n    then: {then}\n    basis: settled\n"
        "    provisions: [ICCPR 9(1)]\n    jurisprudence: [y]\n    law: z\n    explain: x\n"
    )


ALTERNATIVES = (
    "category: I\nrules:\n"
    + _rule(
        "I.alternatives",
        "{all: [{unless: {fact: arrest.warrant_shown, is: true}}, {unless: {fact: arrest.charged, is: true}},"
        " {unless: {fact: government.replied, is: false}}, {fact: person.status, contains_any: [journalist, refugee]},"
        " {any_item: detention, where: {all: [{fact: kind, in: [pretrial, administrative]},"
        " {unless: {fact: brought_before_judge, is: true}}, {unless: {fact: incommunicado, is: false}},"
        " {unless: {fact: with_convicted, is: true}}]}}]}",
    )
    + _rule(  # two of three, and one of two statuses (a list may hold both)
        "I.counted",
        "{all: [{fact: person.status, contains_any: [journalist, refugee]},"
        " {fact: arrest.warrant_shown, in: [true, false]},"
        " {at_least: 2, of: [{violation: va}, {violation: vb}, {violation: vc}]}]}",
    )
    + _rule(  # an item's test that is no `$or` goes last; an item of `unless` alone is split
        "I.item-kind-unless",
        "{any_item: detention, where: {all: [{fact: kind, is: pretrial}, {unless: {fact: incommunicado, is: true}}]}}",
    )
    + _rule(
        "I.item-unless",
        "{any_item: detention, where: {all: [{unless: {fact: brought_before_judge, is: true}},"
        " {unless: {fact: with_convicted, is: true}}]}}",
    )
    + "".join(
        _rule(f"I.{name}", f"{{fact: {fact}, is: {value}}}", f"{{violation: {name}}}")
        for name, fact, value in (
            ("va", "arrest.warrant_shown", "true"),
            ("vb", "arrest.charged", "true"),
            ("vc", "government.replied", "false"),
        )
    )
)
MAYBE_BOOL = st.sampled_from([None, True, False])  # None: not stated


@pytest.fixture(scope="module")
def alternatives(tmp_path_factory: pytest.TempPathFactory) -> runnable.Runnable:
    folder = tmp_path_factory.mktemp("alternatives")
    (folder / "r.yaml").write_text(ALTERNATIVES, encoding="utf-8")
    book = runnable.load(law_files(folder))
    (body,) = engine.compile_rule(book.rules[0])
    assert json.dumps(body).count('"$or"') == 8  # one durable rule, the 8 groups in it
    return book


def _stated(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v is not None}


@SETTINGS
@given(data=st.data())
def test_engine_and_plain_reading_agree_on_the_alternatives_of_one_field(
    alternatives: runnable.Runnable, data: st.DataObject
) -> None:
    """Drawn so that the rule often holds or just fails: every field stated, unstated, or the one that defeats it."""
    period = st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["pretrial", "administrative", "prison", None]),
            "brought_before_judge": MAYBE_BOOL,
            "incommunicado": MAYBE_BOOL,
            "with_convicted": MAYBE_BOOL,
        }
    )
    case_data = {
        "arrest": _stated({"warrant_shown": data.draw(MAYBE_BOOL), "charged": data.draw(MAYBE_BOOL)}),
        "government": _stated({"replied": data.draw(MAYBE_BOOL)}),
        "person": {"status": data.draw(st.lists(st.sampled_from(["journalist", "refugee", "minor"]), min_size=1))},
        "detention": [_stated(p) for p in data.draw(st.lists(period, min_size=1, max_size=3))],
    }
    result = pipeline.check_text(yaml.safe_dump(case_data), "t.yaml", alternatives)
    assert result.analysis is not None, [str(p) for p in result.problems]
    doc = facts.build(alternatives, result.case).doc
    assert set(result.analysis.fired) == three_valued.fired(alternatives.rules, doc)


def _item_expressions(node: Any) -> Iterator[dict[str, Any]]:
    """The expression of every `$iany` in a compiled definition: what one list item must meet."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$iany":
                yield from value.values()
            yield from _item_expressions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _item_expressions(value)


def test_no_item_expression_ends_with_an_or(alternatives: runnable.Runnable) -> None:
    """durable-rules reads memory it never wrote after an `$iany` expression ending in `$or`: error 102 now and then."""
    for book in (runnable.load(), alternatives):
        items = list(_item_expressions(json.loads(engine.Compiled.of(book.rules).definition)))
        assert any("$or" in json.dumps(item) for item in items)  # the alternatives of one field are still merged
        for item in items:
            while "$and" in item:
                item = item["$and"][-1]
            assert "$or" not in item, item


#: Run with glibc's MALLOC_PERTURB_=n, memory is handed out filled with n ^ 0xFF and freed memory
#: is filled with n: 9 and 12 are the two values durable takes for a reference to another fact there.
_READ_ITEM = "import sys, msgspec; from detention_rules.reasoning import engine as e\n"
_READ_ITEM += "e.Engine((), msgspec.json.decode(sys.stdin.buffer.read(), type=e.Compiled))"


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="MALLOC_PERTURB_ is glibc's")
@pytest.mark.parametrize("perturb", ["9", "12", "243", "246"])
def test_the_ruleset_loads_whatever_memory_durable_is_handed(alternatives: runnable.Runnable, perturb: str) -> None:
    """Error 102 in CI, made certain: under each of these values a ruleset here failed to load before `_item_tests`."""
    for book in (runnable.load(), alternatives):
        compiled = msgspec.json.encode(engine.Compiled.of(book.rules))
        env = {**os.environ, "MALLOC_PERTURB_": perturb}
        run = subprocess.run([sys.executable, "-c", _READ_ITEM], input=compiled, env=env, capture_output=True)
        assert run.returncode == 0, run.stderr.decode()[-300:]


def test_a_rule_past_durables_expression_budget_keeps_one_durable_rule_per_alternative(tmp_path: Path) -> None:
    """8 `unless` and 7 items of two tests each: merged, one test would hold 16 `$and`/`$or` groups (error 113)."""
    items = [("pretrial", "incommunicado"), ("prison", "incommunicado"), ("prison", "with_convicted")]
    items += [("pretrial", "with_convicted"), ("administrative", "with_convicted"), ("administrative", "incommunicado")]
    items += [("house_arrest", "incommunicado")]
    unless = ["trial.remote", "trial.in_absentia", "arrest.warrant_shown", "arrest.charged", "arrest.in_flagrante"]
    unless += ["government.replied", "trial.undue_delay", "state.iccpr_party"]
    when = [f"{{unless: {{fact: {f}, is: true}}}}" for f in unless] + [
        f"{{any_item: detention, where: {{all: [{{fact: kind, is: {kind}}}, {{fact: {field}, is: true}}]}}}}"
        for kind, field in items
    ]
    (tmp_path / "r.yaml").write_text(
        "category: I\nrules:\n" + _rule("I.many", f"{{all: [{', '.join(when)}]}}"), encoding="utf-8"
    )
    book = runnable.load(law_files(tmp_path))
    assert len(engine.compile_rule(book.rules[0])) == 2**8  # as before one field's alternatives shared an $or
    periods = [{"kind": kind, field: True} for kind, field in items]
    for stated in ({}, {"arrest": {"charged": False}}, {"trial": {"remote": True}}):
        result = pipeline.check_text(yaml.safe_dump({**stated, "detention": periods}), "t.yaml", book)
        assert result.analysis is not None, [str(p) for p in result.problems]
        assert set(result.analysis.fired) == three_valued.fired(book.rules, facts.build(book, result.case).doc)
        assert ("I.many" in result.analysis.fired) == ("trial" not in stated)


def test_encode_writes_no_exponent_and_reads_back_the_same() -> None:
    value = {"a": [1e-05, 5e-324, 1e15, 2**53, -0.0001, "1e-05"], "b": "Türkiye"}
    text = engine.encode(value)
    assert "e-0" not in text.replace('"1e-05"', "") and text.isascii()
    assert json.loads(text) == value


@pytest.mark.parametrize(
    ("value", "code"),
    [(".inf", "bad-number"), (".nan", "bad-number"), ("9" * 30, "bad-number"), ("!!bool maybe", "bad-scalar")],
)
def test_rules_check_refuses_what_every_command_would(tmp_path: Path, value: str, code: str) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text(RULES.format(text="x", number=value), encoding="utf-8")
    out = wgad("rules", "--check", "--rules", str(law_files(folder)))
    assert out.returncode == 1 and f"[{code}]" in out.stdout, out.stdout + out.stderr


def test_a_rule_value_rules_check_passes_runs_in_every_command(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text(RULES.format(text='"Türkiye"', number="1.0e-5"), encoding="utf-8")
    case = tmp_path / "c.yaml"
    case.write_text("person: {nationality: Türkiye}\nsentence: {years: 0.5}\n", encoding="utf-8")
    assert wgad("rules", "--check", "--rules", str(law_files(folder))).returncode == 0
    out = wgad("check", "--rules", str(folder), str(case))
    assert out.returncode == 0 and "Categories established: II, III" in out.stdout, out.stdout + out.stderr


# --- time and memory -------------------------------------------------------------------


def _set_deep(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """The naive way: copy the whole case, then set the fact."""
    out = copy.deepcopy(doc)
    node: Any = out
    parts = path.replace("[", ".[").split(".")
    for part, nxt in zip(parts, [*parts[1:], None], strict=True):
        if part.startswith("["):
            node = node[int(part[1:-1])]
        elif nxt is None:
            node[part] = value
        else:
            node = node.setdefault(part, [] if nxt.startswith("[") else {})
    return out


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.data())
def test_the_impact_of_each_answer_is_that_of_rerunning_the_whole_case(
    data: dict[str, Any], more: st.DataObject
) -> None:
    for name in ("detention", "conduct"):  # long lists, often repeating an item, so stand-ins are chosen
        items = data.get(name) or []
        if items:
            data[name] = more.draw(st.lists(st.sampled_from(items), min_size=len(items), max_size=9))
    result = pipeline.check_text(yaml.safe_dump(data), "t.yaml")
    assert result.facts is not None, [str(p) for p in result.problems]
    book = runnable.load()
    doc = result.facts.doc
    base = impact.established(book, doc)
    fast = impact.Impact(book, doc)
    for q in gaps.questions(book, result.facts):
        naive = {}
        for value in impact.candidates(q.field):
            naive[json.dumps(value)] = impact.established(book, _set_deep(doc, q.field, value))
            assert fast.after(q.field, value) == naive[json.dumps(value)], (q.field, value)
        assert q.impact == max((len(after ^ base) for after in naive.values()), default=0), q.field
    for name in ("detention", "conduct"):  # and any fact of an item, asked or not (an `unless` is never asked)
        if doc.get(name):
            i = more.draw(st.integers(0, len(doc[name]) - 1))
            for field in (f for f in readable_fields() if f.startswith(f"{name}[].")):
                path = f"{name}[{i}].{field.removeprefix(name + '[].')}"
                for value in impact.candidates(path):
                    assert fast.after(path, value) == impact.established(book, _set_deep(doc, path, value)), path


def test_an_answer_that_defeats_one_of_two_qualifying_items_leaves_the_other() -> None:
    """`unless` is the one condition an answer can turn from true to false: the other item must still count."""
    item = {"right": "expression", "led_to_detention": True, "political": True, "peaceful": True}
    result = pipeline.check_text(yaml.safe_dump({"conduct": [item, item], "detention": [{"kind": "prison"}]}), "t.yaml")
    assert result.facts is not None
    book, doc = runnable.load(), result.facts.doc
    assert "II" in impact.established(book, doc)
    assert "II" in impact.Impact(book, doc).after("conduct[0].incited_violence", True)
    assert "II" not in impact.Impact(book, {**doc, "conduct": doc["conduct"][:1]}).after(
        "conduct[0].incited_violence", True
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["detention", "detention[0]", "detention[1].kind", "detention[].kind", "arrest"])),
    st.sampled_from(["detention[0].kind", "detention[1].kind", "detention[10].kind", "arrest.date", "arrested"]),
)
def test_a_fact_is_contested_as_the_contests_list_says(contests: list[str], name: str) -> None:
    def naive(form: str) -> bool:
        return any(form == c or form.startswith((c + ".", c + "[")) for c in contests)

    assert facts._listed(name, set(contests)) == (naive(name) or naive(FieldPath.generic_name(name)))


def test_jobs_never_fork_more_workers_than_cores_or_files() -> None:
    cores = batch.default_jobs()
    assert batch.workers(400, 10_000) == cores
    assert batch.workers(400, 1) == 1
    assert batch.workers(0, 5) == 1


# --- output that cannot be written, and batches that must go on ---------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("command", [["check"], ["check", "-f", "jsonl"], ["validate"], ["draft"]])
def test_a_full_disk_on_standard_output_is_an_io_error(command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        out = subprocess.run(
            [sys.executable, "-m", "detention_rules", *command, str(REFERENCE)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=300,
        )
    assert out.returncode == 2 and "cannot write the output: No space left on device" in out.stderr, out.stderr


@pytest.mark.parametrize("command", ["check", "validate"])
def test_closed_standard_output_is_a_usage_error(command: str) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "detention_rules", command, str(REFERENCE)],
        stdout=None,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=300,
        preexec_fn=lambda: os.close(1),
    )
    assert out.returncode == 2 and "standard output is closed" in out.stderr, out.stderr


def test_a_set_that_is_not_utf8_is_a_usage_error() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "detention_rules", "check", "--set", b"arrest.place=\xff", str(REFERENCE)],
        capture_output=True,
        check=False,
        timeout=300,
    )
    assert out.returncode == 2 and b"not valid UTF-8" in out.stderr, out.stderr


def test_a_failure_of_the_tool_on_one_file_is_that_files_result(monkeypatch: pytest.MonkeyPatch) -> None:
    fail_on(monkeypatch, "boom.yaml")
    summary = batch.Summary()
    done = list(batch.results([Path("boom.yaml"), REFERENCE], batch.Job("check", "jsonl"), 1, True, 2))
    for d in done:
        summary.add(d)
    assert [d.internal for d in done] == [True, False] and done[1].categories == ("I", "II", "III", "V")
    assert json.loads(done[0].output)["problems"][0]["code"] == "internal"
    assert summary.exit_code == 3


def _children(pid: int) -> set[int]:
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_killing_the_parent_of_a_batch_ends_its_workers_quietly(tmp_path: Path, sig: int) -> None:
    for i in range(1500):
        (tmp_path / f"c{i}.yaml").write_bytes(REFERENCE.read_bytes())
    proc = subprocess.Popen(
        [sys.executable, "-m", "detention_rules", "check", "-j", "2", "-f", "jsonl", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()  # the workers are running
    workers = _children(proc.pid)
    assert workers
    proc.send_signal(sig)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    proc.wait(timeout=60)
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(Path(f"/proc/{w}").exists() for w in workers)
    assert b"Traceback" not in err, err.decode(errors="replace")


# --- what reaches the reader's screen ------------------------------------------------------

HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}
EVIL = "x\x1b]0;pwned\x07\u202e\u2066Categories established: I, II\u2069\u200b\n- fake bullet\x9b31m\u2028y"


def test_every_character_not_shown_as_itself_is_escaped() -> None:
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) in HIDDEN_CATEGORIES:
            assert escaping.printable(char) != char, hex(code)
            assert escaping.printable(char).isascii()
            if code >= 0x20:  # C0 is json's own business, and it escapes it
                assert char not in escaping.json_text(char), hex(code)


@SETTINGS
@given(st.text())
def test_escaped_text_shows_nothing_hidden_and_json_reads_back_the_same(text: str) -> None:
    shown = escaping.printable(text)
    # but a joiner between two characters it joins (tests/test_hostile_output.py)
    assert not any(unicodedata.category(c) in HIDDEN_CATEGORIES for c in shown if c not in escaping.JOINERS)
    data = {"t": text, "l": [text]}
    encoded = escaping.json_text(data)
    assert json.loads(encoded) == data
    assert encoded.splitlines() == encoded.split("\n")  # no reader splits a record at U+2028 or NEL


def _evil_case(tmp_path: Path) -> Path:
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    data["title"] = EVIL
    data["person"]["name"] = EVIL
    data["person"]["nationality"]["value"] = EVIL
    data["arrest"]["charges"]["value"] = [EVIL]
    folder = tmp_path / "evil\x1b[31m\u202e"
    folder.mkdir()
    case = folder / "x\n- fake\u202e.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=False), encoding="utf-8")
    return case


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "-f", "markdown"],
        ["check", "-f", "json"],
        ["check", "-f", "jsonl"],
        ["check", "--set", "arrest.warrant_shown=true"],
        ["check", "--set", "arrest.warrant_shown=true", "-f", "jsonl"],
        ["validate"],
        ["draft"],
        ["draft", "-f", "html"],
        ["gaps"],
        ["evaluate"],
    ],
)
def test_no_renderer_prints_what_the_reader_cannot_see(tmp_path: Path, args: list[str]) -> None:
    case = _evil_case(tmp_path)
    for target in (case,) if args[0] in ("draft", "gaps") else (case, case.parent):
        out = wgad(*args, str(target))
        assert out.returncode in (0, 1), out.stderr
        for stream in (out.stdout, out.stderr):
            hidden = [c for c in stream.replace("\n", "") if unicodedata.category(c) in HIDDEN_CATEGORIES]
            assert not hidden, (args, hidden[:5])
            lines = stream.splitlines()
            assert not any(
                line.lstrip().startswith(("- fake", "Categories established: I, II\u2069")) for line in lines
            )


# --- files ------------------------------------------------------------------------------


def _no_space(*_: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("replace", [True, False])
def test_a_write_that_fails_leaves_the_old_file_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, replace: bool
) -> None:
    target = tmp_path / "draft.md"
    if replace:
        target.write_text("the edited draft\n", encoding="utf-8")
    monkeypatch.setattr(atomic.os, "fsync", _no_space)
    with pytest.raises(OSError, match="No space"):
        atomic.write_text(target, "new " * 100_000, replace=replace)
    assert [p.name for p in tmp_path.iterdir()] == (["draft.md"] if replace else [])
    if replace:
        assert target.read_text(encoding="utf-8") == "the edited draft\n"


@pytest.mark.parametrize(
    "args", [["draft", "-o", "{out}", "{case}"], ["draft", "--force", "-o", "{out}", "{case}"], ["new", "{out}"]]
)
def test_draft_and_new_on_a_full_disk_change_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    out = tmp_path / "out.md"
    if "--force" in args:
        out.write_text("the edited draft\n", encoding="utf-8")
    monkeypatch.setattr(atomic.os, "fsync", _no_space)
    result = CliRunner().invoke(cli.app, [a.format(out=out, case=REFERENCE) for a in args])
    assert isinstance(result.exception, UsageError) and "No space left" in str(result.exception)
    assert [p.name for p in tmp_path.iterdir()] == (["out.md"] if "--force" in args else [])
    if "--force" in args:
        assert out.read_text(encoding="utf-8") == "the edited draft\n"


def test_draft_never_writes_through_a_dangling_link(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.md"
    link = tmp_path / "draft.md"
    link.symlink_to(target)
    out = wgad("draft", "-o", str(link), str(REFERENCE))
    assert out.returncode == 2 and "already exists" in out.stderr
    assert not target.exists()
    assert wgad("draft", "--force", "-o", str(link), str(REFERENCE)).returncode == 0
    assert not target.exists() and not link.is_symlink() and link.read_text(encoding="utf-8").startswith("# ")


def test_the_walk_follows_links_only_inside_the_folder_named(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.yaml"
    secret.write_text("root: x0\ndaemon: x1\n", encoding="utf-8")
    folder = tmp_path / "cases"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "good.yaml").write_bytes(REFERENCE.read_bytes())
    (folder / "shadow.yaml").symlink_to(secret)
    (folder / "root").symlink_to("/")
    (folder / "out").symlink_to(outside)
    (folder / "alias.yaml").symlink_to(folder / "sub" / "good.yaml")  # inside: followed
    (folder / "up").symlink_to(folder)  # inside, a loop: walked once
    assert sorted(p.name for p in pipeline.case_files([folder])) == ["alias.yaml", "good.yaml"]
    out = wgad("validate", str(folder))
    assert out.returncode == 0 and "daemon" not in out.stdout + out.stderr
    assert [p.name for p in pipeline.case_files([folder / "shadow.yaml"])] == ["shadow.yaml"]  # named: read


def test_a_file_that_is_no_case_file_gets_one_problem_that_echoes_nothing(tmp_path: Path) -> None:
    other = tmp_path / "passwd.yaml"
    other.write_text("".join(f"user{i}: x:{i}:{i}:secret{i}\n" for i in range(25)), encoding="utf-8")
    (problem,) = pipeline.read(other)[1].problems
    assert problem.code == "not-a-case" and "secret" not in str(problem) and "user" not in str(problem)


def _ask(case: Path, answers: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run `gaps --ask` in this process, answering each field from `answers` (in turn), else skipping."""
    asked: list[str] = []

    def prompt(text: str, **_: object) -> str:
        field = text.split("\n  ", 1)[1].split(" [", 1)[0]
        asked.append(field)
        return answers.get(field, [""]).pop(0) if answers.get(field) else ""

    monkeypatch.setattr(interview.typer, "prompt", prompt)
    result = CliRunner().invoke(cli.app, ["gaps", "--ask", "--all", str(case)])
    assert result.exit_code == 0, (result.output, result.exception)
    assert "conduct" not in asked  # a list of items: not one answer
    return case.with_name(case.stem + ".answers.yaml")


def test_gaps_ask_keeps_long_answers_and_asks_again_until_an_answer_is_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = tmp_path / "c.yaml"
    case.write_text("detention:\n  - kind: pretrial\narrest:\n  warrant_shown: true\n", encoding="utf-8")
    statuses = "human_rights_defender, journalist, lawyer, political_opposition, political_activist, trade_unionist"
    answers = {
        "person.status": [statuses],  # over 80 characters as YAML: it was folded, and every answer lost
        "arrest.reasons_given": ["sometimes", "never"],  # refused, then asked again
        "detention[0].judge_date": ["2020-13-45", "2020-02-01"],  # a date the model refuses, then a real one
        "detention[0].incommunicado": ["no"],  # (yes would establish I and make the reasons moot)
    }
    new = _ask(case, answers, monkeypatch)
    result = pipeline.check_file(new)
    assert result.valid, [str(p) for p in result.problems]
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    assert data["person"]["status"]["value"] == [s.strip() for s in statuses.split(",")]
    assert data["arrest"]["reasons_given"]["value"] == "never"
    assert str(data["detention"][0]["judge_date"]["value"]) == "2020-02-01"  # written as case files write dates
    assert data["detention"][0]["incommunicado"] == {
        "value": False,
        "by": ["drafter"],
        "note": data["detention"][0]["incommunicado"]["note"],
    }


# --- redaction ------------------------------------------------------------------------------

NFD = unicodedata.normalize("NFD", "José")


@pytest.mark.parametrize(
    ("name", "text", "gone"),
    [
        ("Li Wu", "Li and Wu spoke", ["Li", "Wu"]),  # short parts
        ("Juan de la Cruz", "de la Cruz was held", ["Cruz", "de la"]),  # particles beside the name
        ("Abdulhadi Al-Khawaja", "Al-Khawaja and Khawaja", ["Khawaja", "Al-"]),  # hyphenated parts
        ("Martin King Jr.", "King Jr. spoke", ["King", "Jr"]),  # a suffix
        (NFD + " Ng", "José Ng", ["José", "Ng"]),  # the name decomposed, the text composed
        ("José Ng", NFD + " Ng", [NFD, "José", "Ng"]),  # and the other way round
        ("Ilyashev", "Ilya\u200bshev and Ilyashev\u00ad", ["shev", "Ilya"]),  # invisible characters inside
    ],
)
def test_redaction_leaves_no_part_of_the_name(name: str, text: str, gone: list[str]) -> None:
    out = redact.Redactor(name)(text)
    assert not [g for g in gone if g.casefold() in out.casefold()], out


def test_a_particle_alone_is_not_the_name() -> None:
    assert redact.Redactor("Juan de la Cruz")("de facto, de la Cruz") == "de facto, d. l. C."


def test_draft_redacts_every_variant_of_the_name(tmp_path: Path) -> None:
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    data["person"]["name"] = "Alnur de la Ilyashev Wu"
    data["title"] = f"Al\u200bnur de la {unicodedata.normalize('NFD', 'Ilyashev')} Wu v. Kazakhstan"
    case = tmp_path / "c.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for fmt in ("markdown", "html"):
        out = wgad("draft", "--redact", "-f", fmt, str(case)).stdout
        for part in ("Alnur", "Al\\u200bnur", "Ilyashev", " Wu", "de la"):
            assert part not in out, (fmt, part)


@pytest.mark.parametrize(("value", "words"), [("!!bool maybe", "not a valid bool"), (".inf", "infinity")])
def test_a_set_value_no_case_file_may_hold_is_a_usage_error(value: str, words: str) -> None:
    out = wgad("check", "--set", f"arrest.warrant_shown={value}", str(REFERENCE))
    assert out.returncode == 2 and words in out.stderr, out.stderr

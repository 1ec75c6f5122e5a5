"""Any input ends in a report or findings: never an uncaught exception, never a changed file."""

from __future__ import annotations

import copy
import json
import random
import re
import tempfile
import zlib
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detention_rules import pipeline
from detention_rules.errors import InputError
from detention_rules.input import source
from detention_rules.input.case import field_types
from detention_rules.output import draft, markdown
from detention_rules.output import json as json_renderer
from detention_rules.output import text as text_renderer
from detention_rules.output.formats import DRAFT_FORMATS
from detention_rules.reasoning import runnable
from detention_rules.reasoning.gaps import questions

from ..conftest import CASES
from ..strategies import cases

KEYS = sorted({p.split(".")[0] for p in field_types()} | {p.rsplit(".", 1)[-1] for p in field_types()})
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["2020-02-30", "20:61", "I", "VI", "later", "yes", "~"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), inner, max_size=5),
    ),
    max_leaves=25,
)
documents = st.dictionaries(st.sampled_from(KEYS), values, max_size=8)


def _mutate(data: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    out = dict(data)
    out[key] = value
    return out


inputs = st.one_of(
    documents.map(lambda d: yaml.safe_dump(d, allow_unicode=True).encode("utf-8")),
    st.builds(_mutate, cases(), st.sampled_from(KEYS), values).map(
        lambda d: yaml.safe_dump(d, allow_unicode=True).encode("utf-8")
    ),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=300),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs)
def test_any_input_ends_in_a_report(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.yaml"
        path.write_bytes(raw)
        result = pipeline.check_file(path)
        assert result.valid or result.problems
        assert all(p.line >= 1 and p.col >= 1 and p.path == str(path) for p in result.problems)
        for renderer in (text_renderer, markdown):
            renderer.render([result])
        json.dumps(json_renderer.result(result))
        assert path.read_bytes() == raw


# --- mutations of every shipped case (issue 26) -----------------------------------------------------
#
# Each shipped case is mutated the ways a drafter's slip or a hostile file changes it, and each
# mutant goes through what validate, check, gaps and draft run, in this process: an exception
# escaping is what the CLI reports as an internal error (exit 3). Seeded, so a failure repeats.

SHIPPED = sorted(CASES.glob("*.yaml")) + sorted((CASES / "teaching").glob("*.yaml"))
#: Mutants per shipped case: with 68 cases, over 2,000 in all.
PER_CASE = 32
PROVENANCE = ("value", "by", "ref", "contested", "note")
WRONG: list[Any] = [None, True, False, 0, -1, 2.5, "text", "", [], {}, [1, "a"], {"a": 1}, "2020-13-45", "maybe"]
#: Scalars YAML 1.1 reads as numbers in another base (and one it reads as a decimal with separators).
OTHER_BASES = ("1:20.5", "1:20", "0x10", "-0x1F", "017", "0b11", "190:20:30.15", "1_000")
_LONE_CR = re.compile("\r(?!\n)")
KINDS = (
    *("provenance-on-mapping", "provenance-on-refused", "wrong-type", "delete", "other-base", "lone-cr"),
    *("duplicate-line", "delete-line", "indent", "crlf"),
)


def _places(data: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every path in plain data, containers and leaves, the root first."""
    out = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += _places(value, (*path, index))
    return out


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _typo(key: str, rng: random.Random) -> str:
    i = rng.randrange(len(key))
    return key[:i] + key[i + 1 :] or "x"


def mutate(text: str, rng: random.Random) -> tuple[str, str, str | None]:
    """One mutation of a case file's text: its kind, the new text, and the scalar written for `other-base`."""
    data = source.parse(text).data
    places = _places(data)
    mappings = [p for p in places if isinstance(_at(data, p), dict)]
    leaves = [p for p in places[1:] if not isinstance(_at(data, p), (dict, list))]
    keyed = [p for p in places[1:] if isinstance(p[-1], str)]
    lines = text.split("\n")
    kind = rng.choice(KINDS)
    if kind == "provenance-on-mapping":  # a section, a list entry, a fact's own mapping, the top level
        _at(data, rng.choice(mappings))[rng.choice(PROVENANCE)] = copy.deepcopy(rng.choice(WRONG))
        return kind, _dump(data), None
    if kind == "provenance-on-refused":  # a wrong value, or a misspelt key, written with its provenance
        where = rng.choice(keyed)
        parent, key = _at(data, where[:-1]), str(where[-1])
        fact = {"value": copy.deepcopy(rng.choice(WRONG)), rng.choice(PROVENANCE[1:]): rng.choice([True, "x", 3])}
        if rng.random() < 0.5:
            del parent[key]
            key = _typo(key, rng)
        parent[key] = fact
        return kind, _dump(data), None
    if kind == "wrong-type":
        where = rng.choice(places[1:])
        _at(data, where[:-1])[where[-1]] = copy.deepcopy(rng.choice(WRONG))
        return kind, _dump(data), None
    if kind == "delete":
        where = rng.choice(places[1:])
        del _at(data, where[:-1])[where[-1]]
        return kind, _dump(data), None
    if kind == "other-base":
        where, written = rng.choice(leaves), rng.choice(OTHER_BASES)
        _at(data, where[:-1])[where[-1]] = "@@written@@"
        return kind, _dump(data).replace("'@@written@@'", written).replace("@@written@@", written), written
    if kind == "lone-cr":  # a field hidden after a comment, a line ended by CR alone, or a CRLF inside
        i = rng.randrange(len(lines))
        lines[i] += rng.choice(["\rin_flagrante: true", " # checked\rarrest: {in_flagrante: true}", "\r", "\r\r"])
        return kind, "\n".join(lines), None
    if kind == "duplicate-line":
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
    elif kind == "delete-line":
        del lines[rng.randrange(len(lines))]
    elif kind == "indent":
        i = rng.randrange(len(lines))
        lines[i] = "  " + lines[i] if rng.random() < 0.5 else lines[i][2:]
    else:
        return kind, text.replace("\n", "\r\n"), None
    return kind, "\n".join(lines), None


def _strings(data: Any) -> set[str]:
    if isinstance(data, dict):
        return {s for v in data.values() for s in _strings(v)}
    if isinstance(data, list):
        return {s for v in data for s in _strings(v)}
    return {data} if isinstance(data, str) else set()


def _run_every_command(text: str, book: Any, gaps: bool) -> bool:
    """What validate, check, gaps and draft run on `text`; raises what the CLI would report as exit 3.

    Returns whether the case is valid. The gap questions rerun the engine per answer (0.2 s a case):
    only when `gaps` is asked.
    """
    try:
        doc = source.parse(text, "mutant.yaml")
    except InputError as exc:
        assert exc.problems and all(p.line >= 1 and p.col >= 1 for p in exc.problems)
        return False
    result = pipeline.check_doc(doc, book, why_not=True)  # validate's checks, then check's
    assert all(p.line >= 1 and p.col >= 1 and p.path == "mutant.yaml" for p in result.problems)
    for renderer in (text_renderer, markdown):
        renderer.render([result])
    json.dumps(json_renderer.result(result))
    for person in result.each() if result.valid else []:
        assert person.facts is not None
        asked = questions(book, person.facts) if gaps else []
        the_draft = draft.build(book, person, asked, redact=True)
        for form in DRAFT_FORMATS.values() if gaps else (DRAFT_FORMATS["markdown"],):
            form.render(the_draft)
    return result.valid


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_mutations_of_every_shipped_case_end_in_a_report(path: Path) -> None:
    """No mutant of a shipped case makes validate, check, gaps or draft fail (exit 3), and none is
    read as something it does not say: a lone CR is refused, CRLF reads as LF, `0x10` stays text."""
    book = runnable.load()
    rng = random.Random(zlib.crc32(path.name.encode()))
    original = path.read_text(encoding="utf-8")
    gaps_asked = False
    for n in range(PER_CASE):
        text, kinds, written = original, [], None
        for _ in range(rng.choice([1, 1, 2, 3])):
            try:
                kind, text, written = mutate(text, rng)
            except InputError:  # an earlier mutation broke the YAML: mutate what is there no further
                break
            kinds.append(kind)
        try:
            valid = _run_every_command(text, book, gaps=not gaps_asked)
        except Exception as exc:  # the mutant, to repeat the failure with `wgad check`
            pytest.fail(f"mutant {n} ({', '.join(kinds)}): {type(exc).__name__}: {exc}\n{text!r}")
        gaps_asked = gaps_asked or valid
        if _LONE_CR.search(text):
            with pytest.raises(InputError) as caught:
                source.parse(text)
            assert caught.value.problems[0].code == "unseen-line-break", kinds
            continue
        try:
            lf = source.parse(text.replace("\r\n", "\n"))
        except InputError:
            continue
        crlf = source.parse(text.replace("\r\n", "\n").replace("\n", "\r\n"))
        assert (crlf.data, crlf.positions, crlf.key_positions) == (lf.data, lf.positions, lf.key_positions), kinds
        if kinds == ["other-base"] and written != "1_000":
            assert written in _strings(lf.data), (written, text)

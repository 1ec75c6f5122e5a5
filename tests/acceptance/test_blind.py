"""Blind twins (issue 28): `blind/x.yaml` beside `x.yaml` is measured against the hand file's `expected:`,
and `wgad evaluate` reports hand and blind agreement side by side (docs/cli.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from detention_rules.agreement import evaluate_paths, hand_file

from ..conftest import REFERENCE, wgad

NAME = REFERENCE.name


def _reference() -> dict[str, Any]:
    return yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))


def _write(path: Path, doc: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _library(tmp_path: Path, blind: dict[str, Any] | None = None) -> Path:
    """A folder with the reference case by hand and a blind twin that omits the discrimination facts and the
    person's status (a defender's status is itself a targeting factor for V)."""
    _write(tmp_path / NAME, _reference())
    if blind is None:
        blind = {k: v for k, v in _reference().items() if k not in ("expected", "discrimination")}
        blind["person"] = {k: v for k, v in blind["person"].items() if k != "status"}
    _write(tmp_path / "blind" / NAME, blind)
    return tmp_path


def test_a_blind_twin_is_found_beside_its_hand_file(tmp_path: Path) -> None:
    assert hand_file(tmp_path / "blind" / NAME) == tmp_path / NAME
    assert hand_file(tmp_path / NAME) is None


def test_the_twin_is_measured_against_the_hand_files_expected(tmp_path: Path) -> None:
    """The twin states no `expected:`; it is scored on the hand file's, beside the hand file's own score."""
    ev = evaluate_paths([_library(tmp_path)])
    assert ev.blind.twins == 1
    assert ev.blind.problems == []
    assert ev.blind.hand.counts["V"]["agreed"] == 1  # the hand file finds V, as the opinion did
    assert ev.blind.counts["V"]["missed"] == 1  # the blind encoding left out what V rests on
    assert ev.blind.counts["I"]["agreed"] == 1
    assert ev.blind.agreement() is not None and ev.blind.agreement() < ev.blind.hand.agreement()  # type: ignore[operator]
    assert [(d.category, d.kind) for d in ev.blind.disagreements] == [("V", "missed")]
    assert ev.blind.disagreements[0].path.endswith(f"blind/{NAME}")
    # the hand tables are untouched by the twin, and a blind disagreement fails nothing
    assert ev.cases == 1 and ev.counts["V"]["agreed"] == 1
    assert ev.agrees


def test_the_twins_folder_alone_still_runs_the_hand_file(tmp_path: Path) -> None:
    """`wgad evaluate cases/blind` compares with the hand files, though they were not named."""
    ev = evaluate_paths([_library(tmp_path) / "blind"])
    assert ev.cases == 0
    assert ev.blind.twins == 1 and ev.blind.hand.cases == 1
    assert ev.blind.hand.counts["V"]["agreed"] == 1


def test_a_twin_without_a_hand_file_is_an_error(tmp_path: Path) -> None:
    twin = {k: v for k, v in _reference().items() if k != "expected"}
    _write(tmp_path / "blind" / "no-such-case.yaml", twin)
    ev = evaluate_paths([tmp_path])
    assert ev.blind.twins == 0
    assert len(ev.blind.problems) == 1 and str(tmp_path / "no-such-case.yaml") in ev.blind.problems[0]
    assert not ev.agrees


def test_a_blind_file_stating_expected_is_an_error(tmp_path: Path) -> None:
    """A blind encoder never saw the disposition: an `expected:` there is not blind."""
    ev = evaluate_paths([_library(tmp_path, blind=_reference())])
    assert ev.blind.twins == 0
    assert "states no `expected:`" in ev.blind.problems[0]
    assert not ev.agrees


def test_a_hand_file_without_expected_is_an_error(tmp_path: Path) -> None:
    hand = {k: v for k, v in _reference().items() if k != "expected"}
    _write(tmp_path / NAME, hand)
    _write(tmp_path / "blind" / NAME, hand)
    ev = evaluate_paths([tmp_path])
    assert ev.blind.twins == 0
    assert "states no `expected:` to measure the twin against" in ev.blind.problems[0]


def test_evaluate_reports_hand_and_blind_side_by_side(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    out = wgad("evaluate", str(folder))
    assert out.returncode == 0, out.stderr
    assert "Blind twins: 1 case(s) with a blind twin, scored" in out.stdout
    assert "hand agreement 100%, blind agreement 80%" in out.stdout
    side = out.stdout.split("Blind twins:")[1].splitlines()
    row = next(line for line in side if line.startswith("V "))
    assert row.split() == ["V", "1", "0", "0", "0", "100%", "100%", "0", "1", "0", "0", "-", "0%"]
    assert f"blind/{NAME}: category V missed" in out.stdout

    data = json.loads(wgad("evaluate", "--format", "json", str(folder)).stdout)["blind"]
    assert data["twins"] == 1
    assert data["hand"]["categories"]["V"]["agreed"] == 1
    assert data["blind"]["categories"]["V"]["missed"] == 1
    assert data["blind"]["agreement"] == 0.8
    assert [d["category"] for d in data["disagreements"]] == ["V"]
    assert data["problems"] == []


def test_evaluate_fails_clearly_on_a_twin_without_its_hand_file(tmp_path: Path) -> None:
    twin = {k: v for k, v in _reference().items() if k != "expected"}
    _write(tmp_path / "blind" / NAME, twin)
    (tmp_path / "blind" / NAME).rename(tmp_path / "blind" / "orphan.yaml")
    out = wgad("evaluate", str(tmp_path))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert f"blind twin of {tmp_path / 'orphan.yaml'}, which does not exist" in out.stdout
    assert "1 blind twin(s) not measurable" in out.stdout


def test_validate_accepts_blind_twins(tmp_path: Path) -> None:
    """A blind file is an ordinary case file: the same model, no `expected:` needed."""
    out = wgad("validate", str(_library(tmp_path)))
    assert out.returncode == 0, out.stdout + out.stderr


#: What a blind encoder reads (docs/sources/README.md): none of it may name an opinion of the library,
#: or what the Working Group found in it would reach the encoder. The reference case is the format's own
#: worked example and is not measured blind for that reason.
ENCODERS_READ = ("docs/case-format.md", "docs/example.yaml", "docs/case.schema.json")


def test_what_blind_encoders_read_names_no_opinion_of_the_library() -> None:
    root = REFERENCE.parents[1]
    named: dict[str, str] = {}
    for path in sorted((root / "cases").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        source = doc.get("source") or {}
        if path.name == NAME or source.get("synthetic") or "expected" not in doc:
            continue
        opinion = source.get("opinion")
        if isinstance(opinion, dict):
            opinion = opinion.get("value")
        if opinion:
            named[str(opinion)] = path.name
        surname = path.stem.split("-")[0]
        if len(surname) >= 4 and surname not in {"eleven", "cairo"}:  # a count and a city, not a person's name
            named[surname.capitalize()] = path.name
    assert len(named) > 40  # the library's opinions were read
    leaks = [
        f"{doc}: {word!r} ({case})"
        for doc in ENCODERS_READ
        for word, case in named.items()
        if re.search(rf"(?<![\w/]){re.escape(word)}(?![\w/])", (root / doc).read_text(encoding="utf-8"))
    ]
    assert not leaks, "\n".join(leaks)

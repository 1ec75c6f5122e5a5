"""Doctrine probes: cases the project has never seen, with the outcome the law gives.

Each probe in doctrine_probes.yaml states the categories and conclusions the law gives
(or withholds) and its source. The expectations come from the law, never from the
engine; a probe with a `known_gap` is a strict expected failure, like a case file's.
blind_probes.yaml holds probes told as prose facts (`facts:`, docs/measures/blind-probes/)
and encoded by someone who saw only that note, so they measure the engine on a drafter's
encoding rather than on one written by people who knew the rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from detention_rules.input.case import CATEGORIES
from detention_rules.reasoning import runnable

from ..conftest import run

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
WRITTEN: list[dict[str, Any]] = yaml.safe_load((HERE / "doctrine_probes.yaml").read_text("utf-8"))
BLIND: list[dict[str, Any]] = yaml.safe_load((HERE / "blind_probes.yaml").read_text("utf-8"))
PROBES = WRITTEN + BLIND
KEYS = {"id", "probe", "why", "source", "case", "found", "not_found", "drawn", "not_drawn", "known_gap"}


def _params() -> list[object]:
    out = []
    for probe in PROBES:
        gap = probe.get("known_gap")
        marks = [pytest.mark.xfail(strict=True, reason=f"known gap: {gap}")] if gap else []
        out.append(pytest.param(probe, marks=marks, id=probe["id"]))
    return out


@pytest.mark.parametrize("probe", _params())
def test_the_engine_reaches_what_the_law_gives(probe: dict[str, Any]) -> None:
    result = run(probe["case"], probe["id"])
    assert result.valid and result.analysis is not None, [str(p) for p in result.problems]
    found = set(result.analysis.categories)
    concluded = set(result.analysis.concluded)
    assert set(probe.get("found", [])) <= found, f"{probe['probe']}: the law gives {probe['found']}"
    assert not found & set(probe.get("not_found", [])), f"{probe['probe']}: the law withholds {probe['not_found']}"
    assert set(probe.get("drawn", [])) <= concluded
    assert not concluded & set(probe.get("not_drawn", []))


def test_every_probe_says_why_and_can_fail() -> None:
    """A probe needs the law's reason and source, and something to check that names a real conclusion."""
    drawable = {rule.concludes for rule in runnable.load().rules}
    ids = [p["id"] for p in PROBES]
    assert len(ids) == len(set(ids)), "duplicate probe ids"
    for probe in PROBES:
        keys = KEYS | {"facts"} if probe in BLIND else KEYS
        assert set(probe) <= keys, (probe["id"], set(probe) - keys)
        assert probe.get("why") and probe.get("source") and probe.get("case"), probe["id"]
        assert "[S]" in probe["source"] or "[F]" in probe["source"], f"{probe['id']}: only [S] or [F] law is probed"
        found, not_found = set(probe.get("found", [])), set(probe.get("not_found", []))
        assert found | not_found <= set(CATEGORIES) and not found & not_found, probe["id"]
        named = set(probe.get("drawn", [])) | set(probe.get("not_drawn", []))
        assert found or not_found or named, f"{probe['id']} checks nothing"
        assert named <= drawable, f"{probe['id']}: no rule draws {sorted(named - drawable)}"


def test_every_blind_probe_has_its_facts_note() -> None:
    """A blind probe is judged against the note its encoder read: the note must be there."""
    for probe in BLIND:
        assert (ROOT / probe["facts"]).is_file(), f"{probe['id']}: no facts note at {probe['facts']}"


def test_the_probes_cover_what_issue_12_asked() -> None:
    """The seven probe cases of the jurisprudence review (P-a to P-g) are here, so none is dropped unnoticed."""
    ids = {p["id"] for p in PROBES}
    assert {
        "violent-protester",
        "soldier-before-military-court",
        "no-counsel-before-trial",
        "religious-leader-arrested-again",
        "child-asylum-seeker-thirty-days",
        "judge-after-25-hours",
        "five-years-pretrial-ordered-by-prosecutor",
    } <= ids

"""What the source alleges and what the Government asserts alone decide no category.

The Working Group finds on facts. A source's allegation of a category is no prima facie
case by itself (opinion 2/2022 para 66, citing A/HRC/19/57 para 68), and the Working Group
finds categories the source did not allege (para 93): so the allegation may make a
category "possible", never establish or remove one. Likewise the burden of an exception
(incitement, a permissible restriction, in flagrante delicto...) is on the Government, and
a mere assertion does not discharge it: a value only the Government states, with no
evidence, may contest a finding, never remove it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from detention_rules import pipeline

from .conftest import CASES, run

SHIPPED = sorted(CASES.rglob("*.yaml"))


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    data.pop("expected", None)  # what the opinion found plays no part in the engine
    return data


def _established(data: dict[str, Any], name: str) -> list[tuple[str, ...]]:
    """The categories established for each person of the case."""
    whole = run(data, name)
    assert whole.valid, [str(p) for p in whole.problems]
    out = []
    for result in whole.each():
        assert result.analysis is not None
        out.append(tuple(result.analysis.categories))
    return out


def _baseline(path: Path) -> list[tuple[str, ...]]:
    whole = pipeline.check_file(path)
    return [tuple(r.analysis.categories) for r in whole.each() if r.analysis is not None]


@pytest.mark.parametrize("path", SHIPPED, ids=[str(p.relative_to(CASES)) for p in SHIPPED])
def test_alleging_every_category_or_none_changes_no_finding(path: Path) -> None:
    before = _baseline(path)
    alleged = _load(path)
    alleged["submission"] = {"categories_alleged": ["I", "II", "III", "IV", "V"]}
    whole = run(alleged, str(path))
    assert [tuple(r.analysis.categories) for r in whole.each() if r.analysis] == before
    # what was alleged and not established is only possible
    for result in whole.each():
        assert result.analysis is not None
        assert set(result.analysis.possible) == {"I", "II", "III", "IV", "V"} - set(result.analysis.categories)
    silent = _load(path)
    silent.pop("submission", None)
    assert _established(silent, str(path)) == before

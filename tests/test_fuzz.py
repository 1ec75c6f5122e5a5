"""Any input ends in a report or findings: never an uncaught exception, never a changed file."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detention_rules import pipeline
from detention_rules.input.case import field_types
from detention_rules.output import json as json_renderer
from detention_rules.output import markdown, text

from .strategies import cases

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
        for renderer in (text, markdown):
            renderer.render([result])
        json.dumps(json_renderer.result(result))
        assert path.read_bytes() == raw

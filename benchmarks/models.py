"""What each candidate runtime model costs to load and to validate the reference case (run by hand).

    python benchmarks/models.py [--smoke]

Each row is the median wall time of a fresh interpreter (21 runs, the commands taking
turns) that imports the model and validates the reference case once, beside `python -c
pass` and `import yaml` (the reader every candidate needs). msgspec and the pydantic classes
are measured only when installed (pydantic: the `test` extra); msgspec's structs are built from
the same field table, every field an optional value (the type checks a real port would add
cost more, not less). docs/performance.md has the
figures and the choice. `--smoke` runs each once, to check that the script works.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import COLD_RUNS, PY, REFERENCE, ROOT, walls

READ = (
    "from pathlib import Path; from detention_rules.input import source; "
    f"data = source.load(Path({str(REFERENCE)!r})).data"
)

CANDIDATES = {
    "python -c pass": "pass",
    "import yaml and read the case": READ,
    # the build's tools are not installed: read from the checkout
    "pydantic classes (the model as written)": f"{READ}; import sys; sys.path.insert(0, {str(ROOT)!r}); "
    "from tools import case_model as model; model.Case.model_validate(data)",
    "pydantic-core, generated core schema (chosen)": f"{READ}; "
    "from detention_rules.input import case; case.parse(data)",
    "msgspec structs from the field table": f"{READ}; "
    "import msgspec; from detention_rules.input import case; "
    "t = case.generated()['fields']; "
    "S = {n: msgspec.defstruct(n, [(e['name'], object, None) for e in f], forbid_unknown_fields=True) "
    "for n, f in t.items()}; msgspec.convert(data, S['Case'])",
}


def _has_pydantic() -> bool:
    """Whether pydantic imports: the model's source needs it, an install with only the `bench` extra has none."""
    try:
        import pydantic  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="one run of each, to check that the script works")
    runs = 1 if parser.parse_args().smoke else COLD_RUNS
    names = [
        n
        for n in CANDIDATES
        if ("msgspec" not in n or importlib.util.find_spec("msgspec"))
        and ("pydantic classes" not in n or _has_pydantic())
    ]
    times = walls([[PY, "-c", CANDIDATES[n]] for n in names], runs)
    width = max(map(len, names))
    for name, t in zip(names, times, strict=True):
        print(f"{name:<{width}}  {t * 1000:6.0f} ms")


if __name__ == "__main__":
    main()

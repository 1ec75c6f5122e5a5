"""Write N valid, varied synthetic case files, reproducibly (seeded).

    python benchmarks/generate.py OUT_DIR N [--seed S]

Each file draws a random subset of the facts the rules read, so the engine's
work varies from case to case; every file validates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

import yaml

KINDS = ["police_custody", "pretrial", "administrative", "immigration", "house_arrest", "prison"]
RIGHTS = ["expression", "assembly", "association", "religion", "movement", "political_participation"]
STATUS = [
    "human_rights_defender",
    "journalist",
    "lawyer",
    "political_opposition",
    "religious_minority",
    "ethnic_minority",
    "migrant",
    "asylum_seeker",
    "refugee",
]
GROUNDS = ["political_opinion", "religion", "ethnic_origin", "national_origin", "gender"]


def _maybe(r: random.Random, value: object, p: float = 0.6) -> object:
    return value if r.random() < p else None


def case(r: random.Random, i: int) -> dict:
    arrest = dt.date(2015, 1, 1) + dt.timedelta(days=r.randrange(3000))
    periods = []
    start = arrest
    for _ in range(r.randint(1, 3)):
        days = r.randrange(1, 400)
        periods.append(
            {
                "kind": r.choice(KINDS),
                "start": start.isoformat(),
                "end": _maybe(r, (start + dt.timedelta(days=days)).isoformat()),
                "incommunicado": _maybe(r, r.random() < 0.2, 0.4),
                "could_challenge": _maybe(r, r.random() < 0.5, 0.4),
                "brought_before_judge": _maybe(r, r.random() < 0.7, 0.5),
                "judge_date": _maybe(r, (start + dt.timedelta(days=r.randrange(0, 5))).isoformat(), 0.4),
                "periodic_review": _maybe(r, r.random() < 0.5, 0.3),
                "time_limit": _maybe(r, r.random() < 0.5, 0.3),
                "ordered_by": _maybe(r, r.choice(["judge", "prosecutor", "police"]), 0.3),
                "review_effective": _maybe(r, r.random() < 0.5, 0.2),
                "individual_assessment": _maybe(r, r.random() < 0.5, 0.2),
                "ill_treatment": _maybe(r, r.random() < 0.2, 0.3),
            }
        )
        start += dt.timedelta(days=days)
    data = {
        "title": f"Synthetic case {i}",
        "source": {"synthetic": True, "note": "benchmarks/generate.py"},
        "person": {"name": f"Person {i}", "age": r.randint(18, 80), "status": r.sample(STATUS, r.randint(0, 2))},
        "state": {"name": f"State {r.randint(1, 40)}", "iccpr_party": r.random() < 0.85},
        "government": {"replied": r.random() < 0.4},
        "arrest": {
            "date": arrest.isoformat(),
            "time": _maybe(r, f"{r.randrange(24):02d}:{r.randrange(60):02d}"),
            "warrant_shown": _maybe(r, r.random() < 0.5),
            "reasons_given": _maybe(r, r.choice(["at_arrest", "later", "never"])),
            "charged": _maybe(r, r.random() < 0.8, 0.3),
            "law_vague": _maybe(r, r.random() < 0.3, 0.3),
        },
        "submission": {"categories_alleged": _maybe(r, r.sample(["I", "II", "III", "IV", "V"], r.randint(1, 4)), 0.5)},
        "detention": periods,
        "conduct": [
            {
                "right": r.choice(RIGHTS),
                "description": "conduct",
                "political": _maybe(r, r.random() < 0.6),
                "led_to_detention": _maybe(r, r.random() < 0.7),
                "incited_violence": _maybe(r, r.random() < 0.1),
                "peaceful": _maybe(r, r.random() < 0.9, 0.4),
            }
            for _ in range(r.randint(0, 2))
        ],
        "trial": {
            "public": _maybe(r, r.random() < 0.6, 0.4),
            "court": _maybe(r, r.choice(["ordinary", "military", "special", "state_security", "revolutionary"]), 0.4),
            "accused_civilian": _maybe(r, r.random() < 0.8, 0.4),
            "defence_witnesses_refused": _maybe(r, r.random() < 0.4, 0.4),
            "counsel": {"access_pretrial": _maybe(r, r.choice(["full", "restricted", "denied"]), 0.4)},
            "confession": {"coerced": _maybe(r, r.random() < 0.2, 0.3)},
        },
        "discrimination": {
            "grounds": r.sample(GROUNDS, r.randint(0, 1)),
            "law_discriminatory": _maybe(r, r.random() < 0.1, 0.2),
            "pattern": {"harassment": _maybe(r, r.random() < 0.4, 0.5)},
        },
    }
    pruned = _prune(data)
    assert isinstance(pruned, dict)
    return pruned


def _prune(value: object) -> object:
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()
    r = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    for i in range(args.n):
        text = yaml.safe_dump(case(r, i), sort_keys=False, allow_unicode=True)
        (args.out / f"case-{i:06d}.yaml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

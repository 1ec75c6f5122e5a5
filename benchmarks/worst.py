"""Each command's worst case within the input limits: time, peak memory, exit code (run by hand).

    python benchmarks/worst.py [--quick | --smoke] [--only NAME]

The inputs are the shapes that were once quadratic or unbounded (issues 14 and 26), each
made as large as the reader allows (1 MiB), so every command's time and memory is shown
at the top of its bound: a list of identical periods (each period asks the same
questions), a list of varied periods (no two answers alike), `government.contests`
naming every period, one long string aliased up to the limit on expanded text, text
fields at their length limit, as many detainees as a file may name (a two-person case's
shared facts, then one entry after another, each with its own arrest and periods), and
detainees sharing as many values as they may repeat between them (`MAX_REPEATED`: 20 people
sharing 2,000 periods, each person's case holding them all).
`--quick` makes each input about a tenth as large; `--smoke` a few KiB, to check that
the script works (its figures mean nothing). Each command runs in a fresh process; its
time is wall and CPU (user and system) seconds, its memory the peak resident set of that
process (on a shared machine the wall time grows with the others' load, the CPU time far less).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from detention_rules.input import case, source
from detention_rules.input.detainees import MAX_REPEATED

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
#: The most detainees a file may name, as the installed package's schema says: the model's source
#: (tools/case_model.py) needs pydantic, which an install with the `bench` extra does not have.
MAX_DETAINEES: int = json.loads(case.SCHEMA_FILE.read_text(encoding="utf-8"))["properties"]["detainees"]["anyOf"][0][
    "maxItems"
]
#: Bytes an input is built up to: a little under the reader's limit.
SIZE = source.MAX_BYTES - 4096


def _fill(head: str, line: Callable[[int], str], size: int, most: int | None = None) -> str:
    """`head` and then `line(i)` for i = 0, 1, ... while the text stays within `size` bytes (and `most` lines)."""
    parts, total, i = [head], len(head.encode()), 0
    while most is None or i < most:
        text = line(i)
        if total + len(text.encode()) > size:
            break
        parts.append(text)
        total += len(text.encode())
        i += 1
    return "".join(parts)


def _detainees(size: int, rnd: random.Random) -> str:
    """A shipped case's shared facts, then as many detainees as a file may name (`MAX_DETAINEES`), each arrested
    on their own date and held in periods of their own, as many as share the `size` bytes out."""
    shared = (ROOT / "cases" / "namazi-iran-2017.yaml").read_text(encoding="utf-8").split("\ndetainees:\n")[0]
    room = max(size - len(shared.encode()), 0) // MAX_DETAINEES  # bytes for each person

    def entry(i: int) -> str:
        day = f"2016-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        head = (
            f"  - person: {{name: Person {i}, age: {rnd.randint(18, 90)}}}\n"
            f"    arrest: {{date: {day}}}\n"
            "    detention:\n"
        )
        period = (
            f"      - {{kind: {rnd.choice(['pretrial', 'prison', 'police_custody'])}, start: {day}, "
            f"incommunicado: {rnd.choice(['true', 'false'])}}}\n"
        )
        return head + period * max(1, (room - len(head)) // len(period))

    return _fill(f"{shared}\ndetainees:\n", entry, max(size, len(shared.encode()) + 512), MAX_DETAINEES)


def _sharing(size: int, rnd: random.Random, people: int = 20) -> str:
    """`people` detainees (each named only) sharing as many periods as they may repeat between them, or as
    fit in `size` bytes: every person's case holds all the periods."""
    head = "title: shared periods\narrest: {date: 2020-01-02}\ndetention:\n"
    tail = "detainees:\n" + "".join(f"  - person: {{name: Person {i}}}\n" for i in range(people))
    most = (MAX_REPEATED // people - 4) // 5  # each period and its four values; the title, the arrest, the list
    periods = _fill(
        head,
        lambda i: (
            f"  - {{kind: pretrial, start: 2020-01-{rnd.randint(3, 28):02d}, end: 2021-{rnd.randint(1, 12):02d}-01, "
            f"incommunicado: {rnd.choice(['true', 'false'])}}}\n"
        ),
        size - len(tail.encode()),
        most,
    )
    return periods + tail


def inputs(size: int) -> dict[str, str]:
    rnd = random.Random(14)
    kinds = ["pretrial", "prison", "police_custody", "immigration", "administrative", "house_arrest"]
    bools = ["true", "false"]
    head = "title: worst case\narrest: {date: 2020-01-02}\ndetention:\n"
    same = _fill(head, lambda i: "  - {kind: pretrial, start: 2020-01-02}\n", size)
    varied = _fill(
        head,
        lambda i: (
            f"  - {{kind: {rnd.choice(kinds)}, start: 2020-01-{rnd.randint(3, 28):02d}, "
            f"end: 2021-{rnd.randint(1, 12):02d}-01, incommunicado: {rnd.choice(bools)}, "
            f"acknowledged: {rnd.choice(bools)}}}\n"
        ),
        size,
    )
    contests = "title: contests\ngovernment:\n  replied: true\n  contests:\n"
    contests += _fill("", lambda i: f"    - detention[{i}].kind\n", size // 2)
    contests += _fill("detention:\n", lambda i: "  - {kind: pretrial}\n", size - len(contests.encode()))
    long = "x" * 19_000
    aliases = _fill(f"title: &t {long}\narrest:\n  charges:\n", lambda i: "    - *t\n", size)
    text = _fill("title: long text\narrest:\n  charges:\n", lambda i: f"    - {'y' * 19_990}\n", size)
    return {
        "periods-same": same,
        "periods-varied": varied,
        "contests": contests,
        "aliases": aliases,
        "long-text": text,
        "detainees": _detainees(size, rnd),
        "detainees-sharing": _sharing(size, rnd),
    }


COMMANDS = {
    "validate": ["validate"],
    "check": ["check"],
    "check --set": ["check", "--set", "arrest.warrant_shown=false"],
    "check -f json": ["check", "-f", "json"],
    "gaps": ["gaps"],
    "draft": ["draft"],
    "draft -f html": ["draft", "-f", "html"],
}
#: Commands that speak of one person: of a file naming several, the first (`--detainee 1`).
ONE_PERSON = ("gaps", "draft")


def measure(args: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak MiB and exit code of `python -m detention_rules ARGS` in a fresh process."""
    code = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        f"rc = subprocess.run({[PY, '-m', 'detention_rules', *args]!r}, stdout=subprocess.DEVNULL,"
        " stderr=subprocess.DEVNULL).returncode;"
        "use = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(time.perf_counter() - t, use.ru_utime + use.ru_stime, use.ru_maxrss, rc)"
    )
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True, cwd=tempfile.gettempdir())
    seconds, cpu, kib, rc = out.stdout.split()
    return float(seconds), float(cpu), int(kib) / 1024, int(rc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sizes = parser.add_mutually_exclusive_group()
    sizes.add_argument("--quick", action="store_true", help="inputs a tenth as large")
    sizes.add_argument("--smoke", action="store_true", help="inputs of a few KiB, to check that the script works")
    parser.add_argument("--only", help="run only this input")
    args = parser.parse_args()
    size = 4096 if args.smoke else SIZE // 10 if args.quick else SIZE
    print(f"{'input':<15} {'KiB':>6}  {'command':<14} {'seconds':>8} {'CPU s':>8} {'MiB':>6} {'exit':>4}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in inputs(size).items():
            if args.only and name != args.only:
                continue
            path = Path(tmp) / f"{name}.yaml"
            path.write_text(text, encoding="utf-8")
            kib = path.stat().st_size / 1024
            for label, command in COMMANDS.items():
                one = ["--detainee", "1"] if name.startswith("detainees") and command[0] in ONE_PERSON else []
                seconds, cpu, mib, rc = measure([*command, *one, str(path)])
                row = f"{name:<15} {kib:>6.0f}  {label:<14} {seconds:>8.2f} {cpu:>8.2f} {mib:>6.0f} {rc:>4}"
                print(row, flush=True)


if __name__ == "__main__":
    main()

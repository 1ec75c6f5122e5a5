"""Every batch output byte for byte, saved from one `wgad` and compared with another's (run by hand).

    python benchmarks/identical.py save OUT [--wgad PATH] [--generated N]
    python benchmarks/identical.py compare OUT [--wgad PATH]
    python benchmarks/identical.py --smoke OUT

A change meant to make the batch faster must not change a byte of what it prints. `save`
generates N seeded cases (benchmarks/generate.py, default 2,000) into OUT, then runs `wgad
check` and `wgad validate` in every format the batch offers over every shipped case
(cases/, with cases/teaching/ and cases/blind/ below it) and over the generated ones, with
1 and 2 jobs, `check` also with `--why-not`, and on three files alone (one file is the
single-file path, near misses on); it keeps each run's standard output, standard error and
exit code. `compare` runs the same commands with another `wgad` (the installed one by
default) and reports every run that differs. The lines of a JSON Lines run with 2 jobs (or
without `-j`: one job per core) come in the order the workers finish, so they are compared
sorted. Both run from the checkout's folder, so that the file names in the outputs are the
same. `--smoke`: three generated cases and one shipped folder, saved and compared with the
same `wgad` (the script works).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FORMATS = ("text", "json", "jsonl", "markdown")
#: Shipped files run alone: the single-file path (near misses by default).
ALONE = ("cases/ilyashev-kazakhstan-2022.yaml", "cases/namazi-iran-2017.yaml", "cases/teaching")


def runs(generated: Path, smoke: bool) -> dict[str, list[str]]:
    """Every command to compare, by a name that is also its file's name."""
    folders = {"shipped": ["cases/teaching" if smoke else "cases"], "generated": [str(generated)]}
    out: dict[str, list[str]] = {}
    for where, paths in folders.items():
        for fmt in FORMATS:
            for jobs in ("1", "2"):
                out[f"{where}.check.{fmt}.j{jobs}"] = ["check", "-f", fmt, "-j", jobs, *paths]
                out[f"{where}.validate.{fmt}.j{jobs}"] = ["validate", "-f", fmt, "-j", jobs, *paths]
            out[f"{where}.check.{fmt}.why-not"] = ["check", "-f", fmt, "--why-not", *paths]
    for i, path in enumerate(ALONE[:1] if smoke else ALONE):
        for fmt in FORMATS:
            out[f"alone{i}.check.{fmt}"] = ["check", "-f", fmt, path]
    return out


def run(wgad: str, args: list[str]) -> dict[str, object]:
    done = subprocess.run([wgad, *args], capture_output=True, cwd=ROOT, check=False)
    stdout = done.stdout.decode("utf-8", "surrogateescape")
    return {"exit": done.returncode, "stdout": stdout, "stderr": done.stderr.decode("utf-8", "surrogateescape")}


def _in_any_order(args: list[str], stdout: str) -> str:
    """JSON Lines from more than one job (`-j 2`, or no `-j`: one per core) sorted: they come as files finish."""
    if "jsonl" in args and args[args.index("-j") + 1 if "-j" in args else 0] != "1":
        return "".join(sorted(stdout.splitlines(keepends=True)))
    return stdout


def save(out: Path, wgad: str, generated: int, smoke: bool) -> None:
    folder = out / "generated"
    if not folder.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(folder), str(generated)], check=True)
    for name, args in runs(folder, smoke).items():
        (out / f"{name}.json").write_text(json.dumps(run(wgad, args)), encoding="utf-8")


def compare(out: Path, wgad: str, smoke: bool) -> int:
    """How many runs differ from those saved in `out` (each named)."""
    differ = 0
    commands = runs(out / "generated", smoke)
    for name, args in commands.items():
        before = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        after = run(wgad, args)
        before["stdout"], after["stdout"] = (_in_any_order(args, str(x["stdout"])) for x in (before, after))
        for part in ("exit", "stdout", "stderr"):
            if before[part] != after[part]:
                differ += 1
                print(f"DIFFERENT {part}: wgad {' '.join(args)}")
    files = len(list((out / "generated").glob("*.yaml")))
    print(f"{len(commands) - differ} of {len(commands)} runs byte-identical ({files} generated cases)")
    return differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", nargs="?", choices=("save", "compare"))
    parser.add_argument("out", type=Path)
    parser.add_argument("--wgad", default=str(Path(sys.executable).with_name("wgad")), help="the wgad to run")
    parser.add_argument("--generated", type=int, default=2000, help="generated cases (save)")
    parser.add_argument("--smoke", action="store_true", help="a few files, saved and compared with the same wgad")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.smoke:
        save(args.out, args.wgad, 3, smoke=True)
        sys.exit(1 if compare(args.out, args.wgad, smoke=True) else 0)
    if args.action == "save":
        save(args.out, args.wgad, args.generated, smoke=False)
    elif args.action == "compare":
        sys.exit(1 if compare(args.out, args.wgad, smoke=False) else 0)
    else:
        parser.error("save, compare or --smoke")


if __name__ == "__main__":
    main()

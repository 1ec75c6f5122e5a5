"""Batches: any number of files, several workers, one bad file not stopping the rest, no state between cases."""

from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from detention_rules import pipeline
from detention_rules.interfaces.batch import Summary
from detention_rules.output.json import result as as_json
from detention_rules.reasoning import runnable

from ..conftest import CASES, ROOT, wgad


def _library(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    shutil.copytree(CASES, folder)
    (folder / "zz-broken.yaml").write_text("arrest:\n  warrant_shown: [\n", encoding="utf-8")
    return folder


def test_results_do_not_depend_on_the_order_of_cases() -> None:
    files = sorted(CASES.rglob("*.yaml"))
    book = runnable.load()
    forward = {str(p): json.dumps(as_json(pipeline.check_file(p, book)), sort_keys=True) for p in files}
    shuffled = files[:]
    random.Random(7).shuffle(shuffled)
    backward = {str(p): json.dumps(as_json(pipeline.check_file(p, book)), sort_keys=True) for p in reversed(shuffled)}
    assert forward == backward


def test_jsonl_with_two_jobs_streams_every_case_and_reports_the_bad_one(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    out = wgad("check", "-f", "jsonl", "-j", "2", str(folder))
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    files = sorted(str(p) for p in folder.rglob("*.yaml"))
    assert sorted(r["file"] for r in rows) == files
    (broken,) = [r for r in rows if r["file"].endswith("zz-broken.yaml")]
    assert broken["valid"] is False and broken["problems"][0]["code"] == "yaml-syntax"
    (ref,) = [r for r in rows if r["file"] == str(folder / "ilyashev-kazakhstan-2022.yaml")]
    assert ref["established"] == ["I", "II", "III", "V"]
    assert out.returncode == 1  # one file is invalid
    assert "category I" in out.stderr and "1 invalid" in out.stderr  # the summary, off stdout


def test_one_and_two_jobs_agree(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    one = wgad("check", "-f", "json", "-j", "1", str(folder))
    two = wgad("check", "-f", "json", "-j", "2", str(folder))
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_validate_folder_summary(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    out = wgad("validate", "-j", "2", str(folder))
    n = len(list(folder.rglob("*.yaml")))
    assert out.returncode == 1
    assert f"{n} file(s) checked: 1 invalid" in out.stdout
    assert "zz-broken.yaml:3:1: error: YAML syntax error" in out.stdout


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    out = wgad("check", "-f", "jsonl", "-j", "1", str(_library(tmp_path)))
    assert "\r" not in out.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_never_runs_into_the_output(tmp_path: Path, monkeypatch) -> None:
    """Stdout and stderr on one terminal: each file's output starts on a clean line, the counter is erased."""
    from detention_rules.interfaces import batch, stream
    from detention_rules.output.progress import Progress

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(Progress, "DELAY", 0.0)
    monkeypatch.setattr(Progress, "EVERY", 0.0)
    folder = _library(tmp_path)
    files = list(pipeline.case_files([folder]))
    job = batch.Job("validate", "text")
    stream.print_batch(files, len(files), job, "text", 1)
    shown = terminal.getvalue()
    assert f"\r{len(files)}/{len(files)} files" in shown  # the counter was drawn
    for line in shown.split("\n"):
        visible = line.rsplit("\r", 1)[-1]  # what a terminal shows after the last carriage return
        assert "files" not in visible or visible.startswith(f"{len(files)} file(s) checked"), repr(line)
    assert shown.endswith("warning(s)\n")


def test_two_jobs_keep_input_order_over_many_chunks_and_count_right(tmp_path: Path) -> None:
    """More files than one hand-off (batch.CHUNK), so both workers take part."""
    from detention_rules.interfaces import batch

    folder = tmp_path / "many"
    copies = batch.CHUNK * 3 // len(list(CASES.rglob("*.yaml"))) + 1
    for i in range(copies):
        shutil.copytree(CASES, folder / f"set{i:02d}")
    (folder / "zz-broken.yaml").write_text("arrest:\n  warrant_shown: [\n", encoding="utf-8")
    os.mkfifo(folder / "zz-pipe.yaml")  # unreadable: exit code 2 must survive the workers
    out = wgad("check", "-f", "json", "-j", "2", str(folder))
    rows = json.loads(out.stdout)
    names = [r["file"] for r in rows]
    assert len(names) > 3 * batch.CHUNK
    assert names == [str(p) for p in pipeline.case_files([folder])]  # input order, not finishing order
    assert out.returncode == 2
    valid = [r for r in rows if r["valid"]]
    no_category = sum(1 for r in valid if not r["established"])
    assert f"{len(rows) - len(valid)} invalid" in out.stderr
    assert re.search(rf"no category +{no_category} case\(s\)", out.stderr)


def test_output_closed_early_ends_the_run_quietly(tmp_path: Path) -> None:
    """`wgad check DIR | head -1`: exit 141 like a Unix tool, no traceback, no worker left waiting."""
    folder = _library(tmp_path)
    for i in range(3):
        shutil.copytree(CASES, folder / f"more{i}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "detention_rules", "check", "-j", "2", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)  # a worker left waiting would keep the parent from ending
    assert proc.returncode == 141 and b"Traceback" not in err


def test_a_json_document_is_written_as_each_file_arrives(monkeypatch: pytest.MonkeyPatch) -> None:
    """`-f json` held every file's data until the end (775 MB at 10,000 cases, issue 33): each item is written
    as its file arrives, and the document is the same bytes as the whole array serialised at once."""
    from detention_rules.escaping import json_text
    from detention_rules.output import batch as rendered

    book = runnable.load()
    results = [pipeline.check_file(p, book) for p in sorted(CASES.glob("*.yaml"))[:3]]
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    printer = rendered.Printer("json", "check", len(results))
    printer.add(rendered.checked(results[0], "json"), 1)
    assert out.getvalue().startswith('[\n  {\n    "version": 1')  # written before the next file is checked
    for done, result in enumerate(results[1:], 2):
        printer.add(rendered.checked(result, "json"), done)
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # the summary table
    printer.finish(Summary(files=len(results)))
    assert out.getvalue() == json_text([as_json(r) for r in results], 2) + "\n"


@pytest.mark.parametrize(
    "data",
    [
        [],
        [{}],
        [[]],
        [{"a": "x\u200dy", "b": ["\u200c", "\u2028\n\x1b", {"c": 1.5, "d": None}]}, "\u200d\U000e0041", 3],
        [{"title": "\u0641\u200c\u0645", "nested": {"deep": [{"x": "a\u200d"}]}}],
    ],
)
def test_json_items_streamed_are_the_array_serialised_at_once(
    data: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Joiners kept or escaped by their neighbours, hidden characters, nesting, no item at all: the same bytes."""
    from detention_rules.escaping import json_text
    from detention_rules.output import batch as rendered

    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    printer = rendered.Printer("json", "validate", 1)
    for item in data:  # one file's items at a time, as the workers send them
        printer.add(rendered.items([item]), 1)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    printer.finish(Summary())
    assert out.getvalue() == json_text(data, 2) + "\n"

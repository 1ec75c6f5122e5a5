"""Hostile input to the interfaces (interfaces/): batches, the command line and the interview go on or stop cleanly.

One bad file or one failure of the tool in a batch, a parent killed under its workers, standard output
full or closed, a `--set` that is not UTF-8, that no case file may hold or that one of several files
cannot take, and long or invalid answers to `gaps --ask`: never a traceback, never an answer lost.
Found by review and in a second round (issue 14).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
import yaml

with warnings.catch_warnings():  # typer 0.12 warns on import with click 8.2 and later: not this project's code
    warnings.simplefilter("ignore", DeprecationWarning)
    from typer.testing import CliRunner

from detention_rules import pipeline
from detention_rules.interfaces import batch, cli, interview

from ..conftest import CASES, REFERENCE, fail_on, wgad

# --- round one (review): --set over several files -------------------------------------------------


RELIGION = CASES / "teaching" / "freedom-religion.yaml"


def test_set_over_several_files_reports_the_file_that_cannot_take_it() -> None:
    out = wgad("check", "--set", "detention[1].incommunicado=true", str(REFERENCE), str(RELIGION))
    assert out.returncode == 1
    assert "there is no item 1 there [set-path]" in out.stdout
    assert "violation:incommunicado-detention" in out.stdout  # the reference case, which has a second period, ran


# --- round two (issue 14): batches that must go on ------------------------------------------------


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    bad = tmp_path / "a.yaml"
    bad.write_text("arrest: {warrant_shown: !!bool maybe}\n", encoding="utf-8")
    out = wgad("check", str(bad), str(REFERENCE))
    assert out.returncode == 1, out.stderr
    assert "a.yaml:1:25: error:" in out.stdout and "Categories established: I, II, III, V" in out.stdout


def test_jobs_never_fork_more_workers_than_cores_or_files() -> None:
    cores = batch.default_jobs()
    assert batch.workers(400, 10_000) == cores
    assert batch.workers(400, 1) == 1
    assert batch.workers(0, 5) == 1


def test_a_failure_of_the_tool_on_one_file_is_that_files_result(monkeypatch: pytest.MonkeyPatch) -> None:
    fail_on(monkeypatch, "boom.yaml")
    summary = batch.Summary()
    done = list(batch.results([Path("boom.yaml"), REFERENCE], batch.Job("check", "jsonl"), 1, True, 2))
    for d in done:
        summary.add(d)
    assert [d.internal for d in done] == [True, False] and done[1].categories == ("I", "II", "III", "V")
    assert json.loads(done[0].output)["problems"][0]["code"] == "internal"
    assert summary.exit_code == 3


def _children(pid: int) -> set[int]:
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_killing_the_parent_of_a_batch_ends_its_workers_quietly(tmp_path: Path, sig: int) -> None:
    for i in range(1500):
        (tmp_path / f"c{i}.yaml").write_bytes(REFERENCE.read_bytes())
    proc = subprocess.Popen(
        [sys.executable, "-m", "detention_rules", "check", "-j", "2", "-f", "jsonl", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()  # the workers are running
    workers = _children(proc.pid)
    assert workers
    proc.send_signal(sig)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    proc.wait(timeout=60)
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(Path(f"/proc/{w}").exists() for w in workers)
    assert b"Traceback" not in err, err.decode(errors="replace")


# --- round two (issue 14): standard output that cannot be written, arguments no file may hold -----


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("command", [["check"], ["check", "-f", "jsonl"], ["validate"], ["draft"]])
def test_a_full_disk_on_standard_output_is_an_io_error(command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        out = subprocess.run(
            [sys.executable, "-m", "detention_rules", *command, str(REFERENCE)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=300,
        )
    assert out.returncode == 2 and "cannot write the output: No space left on device" in out.stderr, out.stderr


@pytest.mark.parametrize("command", ["check", "validate"])
def test_closed_standard_output_is_a_usage_error(command: str) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "detention_rules", command, str(REFERENCE)],
        stdout=None,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=300,
        preexec_fn=lambda: os.close(1),
    )
    assert out.returncode == 2 and "standard output is closed" in out.stderr, out.stderr


def test_a_set_that_is_not_utf8_is_a_usage_error() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "detention_rules", "check", "--set", b"arrest.place=\xff", str(REFERENCE)],
        capture_output=True,
        check=False,
        timeout=300,
    )
    assert out.returncode == 2 and b"not valid UTF-8" in out.stderr, out.stderr


@pytest.mark.parametrize(("value", "words"), [("!!bool maybe", "not a valid bool"), (".inf", "infinity")])
def test_a_set_value_no_case_file_may_hold_is_a_usage_error(value: str, words: str) -> None:
    out = wgad("check", "--set", f"arrest.warrant_shown={value}", str(REFERENCE))
    assert out.returncode == 2 and words in out.stderr, out.stderr


# --- round two (issue 14): the interview ----------------------------------------------------------


def _ask(case: Path, answers: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run `gaps --ask` in this process, answering each field from `answers` (in turn), else skipping."""
    asked: list[str] = []

    def prompt(text: str, **_: object) -> str:
        field = text.split("\n  ", 1)[1].split(" [", 1)[0]
        asked.append(field)
        return answers.get(field, [""]).pop(0) if answers.get(field) else ""

    monkeypatch.setattr(interview.typer, "prompt", prompt)
    result = CliRunner().invoke(cli.app, ["gaps", "--ask", "--all", str(case)])
    assert result.exit_code == 0, (result.output, result.exception)
    assert "conduct" not in asked  # a list of items: not one answer
    return case.with_name(case.stem + ".answers.yaml")


def test_gaps_ask_keeps_long_answers_and_asks_again_until_an_answer_is_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = tmp_path / "c.yaml"
    case.write_text("detention:\n  - kind: pretrial\narrest:\n  warrant_shown: true\n", encoding="utf-8")
    statuses = "human_rights_defender, journalist, lawyer, political_opposition, political_activist, trade_unionist"
    answers = {
        "person.status": [statuses],  # over 80 characters as YAML: it was folded, and every answer lost
        "arrest.reasons_given": ["sometimes", "never"],  # refused, then asked again
        "detention[0].brought_before_judge": ["yes"],  # the judge's date is asked once this is answered
        "detention[0].judge_date": ["2020-13-45", "2020-02-01"],  # a date the model refuses, then a real one
        "detention[0].incommunicado": ["no"],  # (yes would establish I and make the reasons moot)
    }
    new = _ask(case, answers, monkeypatch)
    result = pipeline.check_file(new)
    assert result.valid, [str(p) for p in result.problems]
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    assert data["person"]["status"]["value"] == [s.strip() for s in statuses.split(",")]
    assert data["arrest"]["reasons_given"]["value"] == "never"
    assert str(data["detention"][0]["judge_date"]["value"]) == "2020-02-01"  # written as case files write dates
    assert data["detention"][0]["incommunicado"] == {
        "value": False,
        "by": ["drafter"],
        "note": data["detention"][0]["incommunicado"]["note"],
    }

"""`wgad gaps --ask` as a drafter meets it: interrupted by the end of input and by Ctrl-C, resumed,
every answer kept in a new file beside the untouched original, with its comments and provenance."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

from detention_rules.input.fields import NEEDS_TRIAL
from detention_rules.reasoning.asking import prerequisite

from ..conftest import ROOT, wgad
from ..output.test_draft import NO_WARRANT, thin_case

#: How the drafter answers, by field; any other question is answered "unknown".
#: Choices in other cases and synonyms on purpose ("YES", "n", "Full").
ANSWERS = {
    "trial.held": "YES",
    "trial.remote": "n",
    "trial.in_absentia": "No",
    "trial.confession.coerced": "n",
    "trial.counsel.access_pretrial": "Full",
    "trial.counsel.access_trial": "FULL",
    "trial.counsel.of_choice": "y",
    "trial.informed_of_charges": "yes",
    "trial.adequate_time": "Y",
    "trial.evidence_withheld": "no",
    "trial.defence_witnesses_refused": "no",
    "trial.cross_examination_cut": "no",
    "arrest.reasons_given": "At arrest",
    "arrest.in_flagrante": "no",
}
#: The values the file must then hold.
MEANS = {"yes": True, "y": True, "n": False, "no": False, "full": "full", "at arrest": "at_arrest"}
PROMPT = re.compile(r"Question (\d+) of (\d+) \(([^)]*)\)\n.*\n  (\S+) \[[^\]]*\]: $")
#: The offer to go on once no answer could establish or remove a category (declined: the end).
OFFER = re.compile(r"\[y/N\]: $")


class Session:
    """`wgad gaps --ask` in a child process, read as it prompts."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "detention_rules", "gaps", "--ask", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        self.out = b""
        self.stderr = ""
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        while chunk := os.read(self.proc.stdout.fileno(), 4096):
            self.out += chunk

    def prompt(self) -> tuple[int, int, str, str] | None:
        """The next question (N, M, categories, field), or None when the interview ended."""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            text = self.out.decode("utf-8", "replace")
            m = PROMPT.search(text)
            if m:
                return int(m[1]), int(m[2]), m[3], m[4]
            if OFFER.search(text):
                self.out = b""
                return 0, 0, "", ""
            if self.proc.poll() is not None and not self.reader.is_alive():
                return None
            time.sleep(0.02)
        raise AssertionError(f"no prompt came: {self.out[-500:]!r}")

    def answer(self, line: str) -> None:
        self.out = b""  # the next prompt is read from what follows
        assert self.proc.stdin is not None
        self.proc.stdin.write(line.encode("utf-8") + b"\n")
        self.proc.stdin.flush()

    def end(self) -> int:
        """Close the input (the end of input, if it is still running), wait, and keep what it said."""
        assert self.proc.stdin is not None and self.proc.stderr is not None and self.proc.stdout is not None
        if not self.proc.stdin.closed:
            self.proc.stdin.close()
        code = self.proc.wait(timeout=120)
        self.reader.join(timeout=10)
        self.stderr = self.proc.stderr.read().decode("utf-8", "replace")
        self.proc.stderr.close()
        self.proc.stdout.close()
        return code


def _drive(session: Session, given: dict[str, object], asked: list[str], stop_after: int | None) -> None:
    """Answer from ANSWERS until `stop_after` answers (None: to the end), recording each."""
    count = 0
    while stop_after is None or count < stop_after:
        found = session.prompt()
        if found is None:
            return
        number, total, why, field = found
        if not field:  # the offer to go on: declined
            session.answer("n")
            continue
        assert 1 <= number <= total and re.match(r"could establish|would add a violation under [IV and]+$", why)
        asked.append(field)
        reply = ANSWERS.get(field, "unknown")
        session.answer(reply)
        if field in ANSWERS:
            given[field] = MEANS[reply.lower()]
            count += 1


def _value(data: dict[str, object], field: str) -> object:
    node: object = data
    for step in field.split("."):
        assert isinstance(node, dict), field
        node = node[step]
    return node


def test_interrupted_twice_and_resumed_keeps_every_answer(tmp_path: Path) -> None:
    case = thin_case(tmp_path, NO_WARRANT)
    original = case.read_bytes()
    answers = case.with_name("thin.answers.yaml")
    given: dict[str, object] = {}
    asked: list[str] = []

    first = Session(str(case))  # interrupted by the end of input
    _drive(first, given, asked, stop_after=2)
    first.prompt()
    assert first.end() == 130
    assert len(given) == 2 and answers.exists()
    assert "run again to resume" in first.stderr

    second = Session(str(case))  # the original again: resumes from the answers file; then Ctrl-C
    _drive(second, given, asked, stop_after=2)
    second.prompt()
    second.proc.send_signal(signal.SIGINT)
    assert second.end() == 130
    assert len(given) == 4

    third = Session(str(answers))  # the answers file itself: resumes, to the end
    _drive(third, given, asked, stop_after=None)
    assert third.end() == 0, third.stderr

    assert case.read_bytes() == original  # the original is never written to
    text = answers.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert len(given) >= 5
    for field, value in given.items():  # every answer kept, as the drafter's, dated
        fact = _value(data, field)
        assert isinstance(fact, dict) and fact["value"] == value and fact["by"] == ["drafter"], (field, fact)
        assert re.search(r"\d{4}-\d{2}-\d{2}", fact["note"])
    for line in original.decode().splitlines():  # the original's comments are all still there
        if "#" in line:
            assert line.split("#", 1)[1].strip() in text, line
    assert list(data) == list(yaml.safe_load(original))  # and its order
    assert len(asked) == len(set(asked))  # nothing asked twice across the three runs
    check = wgad("check", str(answers))
    assert check.returncode in (0, 1), check.stderr  # a valid case file


def test_a_prerequisite_comes_before_its_details(tmp_path: Path) -> None:
    case = thin_case(tmp_path, NO_WARRANT)
    given: dict[str, object] = {}
    asked: list[str] = []
    session = Session(str(case))
    _drive(session, given, asked, stop_after=None)
    assert session.end() == 0
    trial = [f for f in asked if f.startswith("trial.")]
    assert trial and trial[0] == "trial.held"  # was there a trial, before anything about it
    if "trial.remote" in asked:  # answered no: its failures are never asked
        assert "trial.remote_failures" not in asked and "trial.failures_remedied" not in asked


def test_a_no_closes_the_details(tmp_path: Path) -> None:
    case = thin_case(tmp_path, NO_WARRANT)
    # whether a trial was held comes before any question about it
    out = wgad("gaps", "--ask", str(case), stdin="no\n" + "unknown\n" * 60)
    assert out.returncode == 0, out.stderr
    first = re.search(r"\n  (\S+) \[yes/no", out.stdout)
    assert first and first[1] == "trial.held"
    asked = set(re.findall(r"\n  (trial\.\S+) \[", out.stdout))
    assert not asked & set(NEEDS_TRIAL)  # no trial: no trial detail is asked
    assert "trial.counsel.access_pretrial" in asked  # a guarantee owed before any trial still is


def test_only_questions_that_can_change_a_finding_unless_all(tmp_path: Path) -> None:
    case = thin_case(tmp_path, NO_WARRANT)
    rows = json.loads(wgad("gaps", str(case), "--format", "json").stdout)
    could = {f for r in rows if r["impact"] for f in r["asks"]}
    never = {f for r in rows if not r["impact"] for f in r["asks"]} - could
    out = wgad("gaps", "--ask", str(case), "-o", str(tmp_path / "a.yaml"), stdin="unknown\n" * 200)
    asked = set(re.findall(r"\n  (\S+) \[", out.stdout))
    gates = {gate[0] for f in could if (gate := prerequisite(f))}  # asked first, for their details
    assert asked and asked <= could | gates
    assert not asked & (never - gates)  # a gate is asked for its details, whatever its own impact
    every = wgad("gaps", "--ask", "--all", str(case), "-o", str(tmp_path / "b.yaml"), stdin="unknown\n" * 400)
    assert set(re.findall(r"\n  (\S+) \[", every.stdout)) & never  # --all asks those too


def test_a_refused_answer_is_asked_again(tmp_path: Path) -> None:
    case = thin_case(tmp_path, NO_WARRANT)
    out = wgad("gaps", "--ask", str(case), stdin="perhaps\nYes\n" + "unknown\n" * 60)  # trial.held first
    assert out.returncode == 0
    assert "answer yes or no" in out.stdout
    data = yaml.safe_load(case.with_name("thin.answers.yaml").read_text(encoding="utf-8"))
    assert data["trial"]["held"]["value"] is True


def test_never_over_a_file_that_is_not_an_answers_file(tmp_path: Path) -> None:
    case = thin_case(tmp_path, NO_WARRANT)
    other = tmp_path / "notes.yaml"
    other.write_text("title: mine\n", encoding="utf-8")
    out = wgad("gaps", "--ask", str(case), "-o", str(other), stdin="yes\n")
    assert out.returncode == 2 and other.read_text(encoding="utf-8") == "title: mine\n"
    out = wgad("gaps", "--ask", str(case), "-o", str(case), stdin="yes\n")
    assert out.returncode == 2


# --- issue 30: questions that finish a case ----------------------------------------------------------------


def _reference_without_warrant_judge_counsel(tmp_path: Path) -> Path:
    from ..reasoning.test_gaps import REMOVED, reference

    case = tmp_path / "ref.yaml"
    case.write_text(yaml.safe_dump(reference(REMOVED), sort_keys=False), encoding="utf-8")
    return case


def test_ask_all_asks_every_listed_question_once_each_naming_its_period(tmp_path: Path) -> None:
    case = _reference_without_warrant_judge_counsel(tmp_path)
    listed = json.loads(wgad("gaps", str(case), "--format", "json").stdout)
    out = wgad("gaps", "--ask", "--all", str(case), stdin="unknown\n" * 300)
    assert out.returncode == 0, out.stderr
    asked = re.findall(r"\n(.*)\n  (\S+) \[[^\]]*\]: ", out.stdout)
    fields = [field for _, field in asked]
    assert len(fields) == len(set(fields))  # each once
    assert set(fields) == {row["field"] for row in listed}  # every listed question
    for text, field in asked:
        if field.startswith("detention[0]."):
            assert text.endswith("(the police custody from 17 April 2020)"), text
        if field.startswith("detention[1]."):
            assert text.endswith("(the pre-trial detention from 18 April 2020)"), text
    assert "would add a violation under I" in out.stdout


def test_without_all_the_interview_says_why_it_stops_and_offers_to_go_on(tmp_path: Path) -> None:
    case = _reference_without_warrant_judge_counsel(tmp_path)  # every category still established
    declined = wgad("gaps", "--ask", str(case), stdin="n\n")
    assert declined.returncode == 0, declined.stderr
    assert "No answer left could establish or remove a category" in declined.stdout
    assert "Question 1" not in declined.stdout
    # nothing answered: no file
    assert "not written" in declined.stdout and not case.with_name("ref.answers.yaml").exists()
    accepted = wgad("gaps", "--ask", str(case), stdin="y\nno | para 11 | his sister saw the arrest\n")
    assert "Question 1 of" in accepted.stdout
    data = yaml.safe_load(case.with_name("ref.answers.yaml").read_text(encoding="utf-8"))
    warrant = data["arrest"]["warrant_shown"]
    assert warrant["value"] is False and warrant["ref"] == "para 11"
    assert warrant["note"].startswith("his sister saw the arrest (answered by the drafter")


def test_does_not_apply_is_an_answer_and_is_not_asked_again(tmp_path: Path) -> None:
    case = _reference_without_warrant_judge_counsel(tmp_path)
    first = wgad("gaps", "--ask", "--all", str(case), stdin="does not apply\n")
    assert first.returncode == 130  # the end of input after one answer
    answers = case.with_name("ref.answers.yaml")
    text = answers.read_text(encoding="utf-8")
    assert "# Does not apply, the drafter said: arrest.warrant_shown\n" in text
    again = wgad("gaps", "--ask", "--all", str(answers), stdin="unknown\n" * 300)
    assert again.returncode == 0 and "  arrest.warrant_shown [" not in again.stdout


def test_a_list_to_add_is_named_only_among_the_questions_the_drafter_takes(tmp_path: Path) -> None:
    """A list the interview cannot ask (`conduct`: add its items to the file) that would only help establish a
    category is named when the drafter goes on to those questions, never after declining them."""
    from ..reasoning.test_gaps import REMOVED, reference

    data = reference(REMOVED)
    del data["conduct"]
    case = tmp_path / "ref.yaml"
    case.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    declined = wgad("gaps", "--ask", str(case), stdin="\nn\n")
    assert declined.returncode == 0, declined.stderr
    assert "Ask them too?" in declined.stdout
    assert "a list of items" not in declined.stdout
    taken = wgad("gaps", "--ask", "--all", str(case), stdin="unknown\n" * 300)
    assert "conduct: a list of items; add them to the file itself" in taken.stdout

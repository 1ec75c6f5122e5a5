"""`wgad quiz`: scripted sessions scored against the teaching cases' own `expected:` blocks.

The expected categories of a teaching case were written from the doctrine (each file
says which rule and which paragraph); a trainee who answers them must score full
marks, and one who answers "none" throughout must lose exactly the categories they
establish.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import shutil
from pathlib import Path

import pytest

from detention_rules import quiz
from detention_rules.input.fields import NEEDS_TRIAL
from detention_rules.interfaces.quiz import session
from detention_rules.reasoning import runnable

from .conftest import CASES, cli, wgad

BOOK = runnable.load()
TEACHING = CASES / "teaching"


def _expected(items: list[quiz.Item]) -> list[list[str]]:
    out = []
    for item in items:
        assert item.result.case is not None and item.result.case.expected is not None
        out.append(list(item.result.case.expected.categories))
    return out


def test_parse_answer() -> None:
    assert quiz.parse_answer("I, III") == {"I", "III"}
    assert quiz.parse_answer(" i iii;v ") == {"I", "III", "V"}
    assert quiz.parse_answer("none") == set()
    assert quiz.parse_answer("1, 3") == {"I", "III"} == quiz.parse_answer("I 3")  # issue 32: arabic numerals
    for bad in ("", "VI", "6", "all"):
        with pytest.raises(ValueError):
            quiz.parse_answer(bad)


def test_the_doctrine_scores_full_marks(tmp_path: Path) -> None:
    items = quiz.load([TEACHING], BOOK, seed=1)
    expected = _expected(items)
    script = "".join((", ".join(e) or "none") + "\n" for e in expected)
    saved = tmp_path / "session.json"
    proc = wgad("quiz", str(TEACHING), "--seed", "1", "--answers", str(saved), stdin=script)
    assert proc.returncode == 0, proc.stderr
    n = len(expected)
    worth = sum(len(e) or 1 for e in expected)
    assert f"{n} case(s) answered." in proc.stdout and f"Score: 100% ({worth} of {worth} points" in proc.stdout
    record = json.loads(saved.read_text(encoding="utf-8"))
    assert record["seed"] == 1 and record["score"] == {"percent": 100, "earned": worth, "worth": worth}
    assert all(
        record["by_category"][c]["missed"] == record["by_category"][c]["over_found"] == 0
        for c in ["I", "II", "III", "IV", "V"]
    )
    assert [c["answer"] for c in record["cases"]] == [sorted(e) for e in expected]


def test_answering_none_loses_each_category_found(tmp_path: Path) -> None:
    items = quiz.load([TEACHING], BOOK, seed=7)
    expected = _expected(items)
    proc = cli("quiz", str(TEACHING), "--seed", "7", stdin="none\n" * len(expected))
    missed = sum(len(e) for e in expected)
    nothing = sum(not e for e in expected)  # "none" is the right answer only where nothing is established
    worth = missed + nothing
    assert f"Score: {round(100 * nothing / worth)}% ({nothing} of {worth} points" in proc.stdout
    assert proc.stdout.count(": missed: the facts establish it") == missed


def test_a_miss_is_explained_with_the_rule_and_its_law() -> None:
    case = TEACHING / "arrest-no-warrant.yaml"
    proc = cli("quiz", str(case), stdin="none\n")
    assert "I: missed" in proc.stdout
    assert "I.no-warrant: No arrest warrant was presented. ICCPR 9(1)" in proc.stdout
    assert (
        "Opinion 2/2022 paras 70-71" in proc.stdout and "The law: For a detention to have a legal basis" in proc.stdout
    )
    assert "Points for this case: 0 of 1." in proc.stdout and "Score: 0% (0 of 1 points" in proc.stdout
    over = cli("quiz", str(case), stdin="I, IV\n")
    assert "IV: over-found" in over.stdout and "Closest rule: IV." in over.stdout
    assert "Points for this case: 0 of 1." in over.stdout  # found I, over-found IV
    assert "  IV   found 0, missed 0, over-found 1" in over.stdout


def test_the_same_seed_repeats_the_session() -> None:
    runs = [cli("quiz", str(TEACHING), "--seed", "3", stdin="I\nII\n").stdout for _ in range(2)]
    assert runs[0] == runs[1]
    other = cli("quiz", str(TEACHING), "--seed", "4", stdin="I\nII\n").stdout
    assert other != runs[0]


def test_end_of_input_and_bad_answers_end_cleanly() -> None:
    proc = cli("quiz", str(TEACHING), "--seed", "1", stdin="I, VII\n")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert "Not understood" in proc.stdout and "Quiz ended early." in proc.stdout
    assert "0 case(s) answered." in proc.stdout and "Score: 0% (0 of 0 points" in proc.stdout


class _Interrupted(io.StringIO):
    """Standard input that answers once, then is interrupted as by Ctrl-C."""

    def readline(self, *args: object) -> str:  # type: ignore[override]
        line = super().readline()
        if not line:
            raise KeyboardInterrupt
        return line


def test_ctrl_c_ends_with_the_score_so_far(tmp_path: Path) -> None:
    out = io.StringIO()
    saved = tmp_path / "s.json"
    code = session(
        [TEACHING / "arrest-no-warrant.yaml", TEACHING / "freedom-religion.yaml"],
        BOOK,
        1,
        saved,
        stdin=_Interrupted("none\n"),
        out=out,
    )
    assert code == 0
    assert "1 case(s) answered." in out.getvalue() and re.search(r"Score: \d+% \(\d of 1 points", out.getvalue())
    assert len(json.loads(saved.read_text(encoding="utf-8"))["cases"]) == 1


def test_a_variation_is_asked_and_scored_by_the_engine() -> None:
    case = TEACHING / "arrest-no-warrant.yaml"
    items = quiz.load([case], BOOK, seed=2, variation_count=1)
    assert len(items) == 2 and items[1].variation is not None
    proc = cli(
        "quiz",
        str(case),
        "--seed",
        "2",
        "--variations",
        "1",
        stdin="I\n" + (", ".join(items[1].answer) or "none") + "\n",
    )
    assert "The same case with one fact changed. This time" in proc.stdout
    assert items[1].variation.path not in proc.stdout and "line " not in proc.stdout  # told in words
    # the first answer (I) is the teaching case's expected one; the second is the engine's answer to the variation
    assert "2 case(s) answered." in proc.stdout and "Score: 100%" in proc.stdout


def test_an_existing_answers_file_is_never_overwritten(tmp_path: Path) -> None:
    saved = tmp_path / "s.json"
    saved.write_text("trainer's notes", encoding="utf-8")
    proc = cli("quiz", str(TEACHING), "--answers", str(saved), stdin="I\n")
    assert proc.returncode == 2 and "already exists" in proc.stderr
    assert saved.read_text(encoding="utf-8") == "trainer's notes"


def test_the_trainers_sentences_come_from_the_translation_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 27: the sentences of exercise, quiz and casebook were Python constants; now a translation
    file's `teaching:` section, as the draft's are (here a made-up language, every sentence marked)."""
    import msgspec
    import yaml

    from detention_rules import words as locale
    from detention_rules.output import teaching_words

    english = yaml.safe_load((locale.LOCALES / "en" / "draft.yaml").read_text(encoding="utf-8"))
    marked = {k: f"«{v}»" if isinstance(v, str) else v for k, v in english["teaching"].items()}
    shutil.copytree(locale.LOCALES / "en", tmp_path / "en")  # the other stages' words stay English's
    for lang, teaching in (("xx", marked), ("yy", {k: v for k, v in marked.items() if k != "quiz_score"})):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "draft.yaml").write_text(yaml.safe_dump({**english, "teaching": teaching}), encoding="utf-8")
    monkeypatch.setattr(locale, "LOCALES", tmp_path)
    locale.reread()
    try:
        words = msgspec.structs.asdict(teaching_words.load("xx"))
        with pytest.raises(msgspec.ValidationError, match="quiz_score"):  # a translation lacking one says which
            teaching_words.load("yy")
    finally:
        locale.reread()
    assert words["QUIZ_SCORE"] == f"«{teaching_words.WORDS.QUIZ_SCORE}»"
    assert all(v.startswith("«") for v in words.values() if isinstance(v, str))


def test_answering_none_everywhere_earns_only_the_cases_with_no_category() -> None:
    """Issue 32: "none" ten times scored 37 of 50 (74%), a category left unticked counting as right. Scored on
    the whole teaching set: a sample of ten drawn by a seed changes with every teaching case added."""
    items = quiz.load([TEACHING], BOOK, seed=1)
    proc = cli("quiz", str(TEACHING), "--seed", "1", stdin="none\n" * len(items))
    assert proc.returncode == 0 and f"{len(items)} case(s) answered." in proc.stdout
    nothing = sum(not item.answer for item in items)
    worth = sum(len(item.answer) or 1 for item in items)
    assert f"Score: {round(100 * nothing / worth)}% ({nothing} of {worth} points" in proc.stdout
    assert round(100 * nothing / worth) < 20


def test_over_finding_everything_is_no_better_than_none() -> None:
    items = quiz.load([TEACHING], BOOK, seed=1, limit=10)
    proc = cli("quiz", str(TEACHING), "--limit", "10", "--seed", "1", stdin="I II III IV V\n" * 10)
    assert "Score: 0% (0 of" in proc.stdout
    assert proc.stdout.count(": over-found: the facts do not establish it") == sum(5 - len(i.answer) for i in items)


def test_limit_and_variations_interleaved_each_after_its_case() -> None:
    """Issue 32: `--limit` fits a session; `--variations N` gives N, each right after the case it varies."""
    items = quiz.load([TEACHING], BOOK, seed=5, variation_count=4, limit=8)
    assert len(items) == 8 and sum(i.variation is not None for i in items) == 4
    for before, item in itertools.pairwise(items):
        if item.variation is not None:
            assert item.path == before.path
    few = quiz.load([TEACHING / "arrest-no-warrant.yaml"], BOOK, seed=5, variation_count=3)
    assert len(few) == 4 and all(i.variation is not None for i in few[1:])  # several of one case, not one at most


def test_no_trial_fact_is_varied_for_a_case_with_no_trial() -> None:
    case = TEACHING / "arrest-no-warrant.yaml"  # states no trial
    items = quiz.load([case], BOOK, seed=1, variation_count=50)
    assert len(items) > 1
    # the trial's own facts (fields.NEEDS_TRIAL); pre-trial guarantees filed under `trial.` apply without one
    varied = [i.variation.path for i in items if i.variation is not None]
    assert any(path.startswith("arrest.") for path in varied)
    assert not [path for path in varied if path.startswith(NEEDS_TRIAL)]

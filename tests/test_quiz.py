"""`wgad quiz`: scripted sessions scored against the teaching cases' own `expected:` blocks.

The expected categories of a teaching case were written from the doctrine (each file
says which rule and which paragraph); a trainee who answers them must score full
marks, and one who answers "none" throughout must lose exactly the categories they
establish.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from detention_rules import quiz
from detention_rules.interfaces.quiz import session
from detention_rules.reasoning import runnable

from .conftest import CASES, wgad

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
    for bad in ("", "VI", "I, 3", "all"):
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
    assert f"Score: {5 * n} of {5 * n} category answers right ({n} case(s) answered)." in proc.stdout
    record = json.loads(saved.read_text(encoding="utf-8"))
    assert record["seed"] == 1 and record["score"] == {"right": 5 * n, "of": 5 * n}
    assert [c["answer"] for c in record["cases"]] == [sorted(e) for e in expected]


def test_answering_none_loses_each_category_found(tmp_path: Path) -> None:
    items = quiz.load([TEACHING], BOOK, seed=7)
    expected = _expected(items)
    proc = wgad("quiz", str(TEACHING), "--seed", "7", stdin="none\n" * len(expected))
    missed = sum(len(e) for e in expected)
    total = 5 * len(expected)
    assert f"Score: {total - missed} of {total} category answers right" in proc.stdout
    assert proc.stdout.count(": missed: the facts establish it") == missed


def test_a_miss_is_explained_with_the_rule_and_its_law() -> None:
    case = TEACHING / "category-1-no-warrant.yaml"
    proc = wgad("quiz", str(case), stdin="none\n")
    assert "I: missed" in proc.stdout
    assert "I.no-warrant: No arrest warrant was presented. ICCPR 9(1)" in proc.stdout
    assert (
        "Opinion 2/2022 paras 70-71" in proc.stdout and "The law: For a detention to have a legal basis" in proc.stdout
    )
    assert "Score: 4 of 5" in proc.stdout
    over = wgad("quiz", str(case), stdin="I, IV\n")
    assert "IV: over-found" in over.stdout and "Closest rule: IV." in over.stdout and "Score: 4 of 5" in over.stdout


def test_the_same_seed_repeats_the_session() -> None:
    runs = [wgad("quiz", str(TEACHING), "--seed", "3", stdin="I\nII\n").stdout for _ in range(2)]
    assert runs[0] == runs[1]
    other = wgad("quiz", str(TEACHING), "--seed", "4", stdin="I\nII\n").stdout
    assert other != runs[0]


def test_end_of_input_and_bad_answers_end_cleanly() -> None:
    proc = wgad("quiz", str(TEACHING), "--seed", "1", stdin="I, VII\n")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert "Not understood" in proc.stdout and "Quiz ended early." in proc.stdout
    assert "Score: 0 of 0 category answers right (0 case(s) answered)." in proc.stdout


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
        [TEACHING / "category-1-no-warrant.yaml", TEACHING / "category-2-religion.yaml"],
        BOOK,
        1,
        saved,
        stdin=_Interrupted("none\n"),
        out=out,
    )
    assert code == 0
    assert re.search(r"Score: \d of 5 category answers right \(1 case\(s\) answered\)", out.getvalue())
    assert len(json.loads(saved.read_text(encoding="utf-8"))["cases"]) == 1


def test_a_variation_is_asked_and_scored_by_the_engine() -> None:
    case = TEACHING / "category-1-no-warrant.yaml"
    items = quiz.load([case], BOOK, seed=2, variation_count=1)
    assert len(items) == 2 and items[1].variation is not None
    proc = wgad(
        "quiz",
        str(case),
        "--seed",
        "2",
        "--variations",
        "1",
        stdin="I\n" + (", ".join(items[1].answer) or "none") + "\n",
    )
    assert "A variation of the case: " + items[1].variation.setting in proc.stdout
    # the first answer (I) is the teaching case's expected one; the second is the engine's answer to the variation
    assert proc.stdout.rstrip().splitlines()[-1] == "Score: 10 of 10 category answers right (2 case(s) answered)."


def test_an_existing_answers_file_is_never_overwritten(tmp_path: Path) -> None:
    saved = tmp_path / "s.json"
    saved.write_text("trainer's notes", encoding="utf-8")
    proc = wgad("quiz", str(TEACHING), "--answers", str(saved), stdin="I\n")
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

"""`--rules DIR` governs everything that depends on the law: a copy of rules/ with another threshold
and other titles changes the facts, the findings, the draft, the casebook and the web page alike;
`wgad rules --check` checks every file of the folder and says which folder it checked."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

from detention_rules import pipeline
from detention_rules.interfaces.web.app import create_app
from detention_rules.law.rulebook import DATA_FILES
from detention_rules.reasoning import runnable

from ..conftest import CASES, ROOT, wgad

with warnings.catch_warnings():  # as in test_serve.py: the test client's dependencies warn, not this project
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    warnings.filterwarnings("ignore", message="The anyio.abc.BlockingPortal alias is deprecated")
    from starlette.testclient import TestClient

#: Seen by a judge three days after the arrest: not within 48 hours, but within 4800.
JUDGE = CASES / "teaching" / "custody-not-brought-before-judge.yaml"
#: Category I established, and the person still held: the draft asks for release.
HELD = CASES / "aivo-benin-2024.yaml"
SHIPPED_TITLE = "Category I: no legal basis for the deprivation of liberty"
TITLE = "Category I: the title of this copy"
RELEASE = "Release the person immediately."


def _copy(tmp_path: Path, replace: dict[str, str]) -> Path:
    """A copy of rules/ with each text of `replace` replaced in the data file it is in (exactly once)."""
    folder = Path(shutil.copytree(ROOT / "rules", tmp_path / "rules"))
    for old, new in replace.items():
        (path,) = [p for p in map(folder.joinpath, DATA_FILES) if old in p.read_text(encoding="utf-8")]
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def _slower(tmp_path: Path) -> Path:
    return _copy(tmp_path, {"  prompt_hours:\n    value: 48\n": "  prompt_hours:\n    value: 4800\n"})


def _retitled(tmp_path: Path) -> Path:
    return _copy(tmp_path, {SHIPPED_TITLE: TITLE, RELEASE: "Release the person at once, as this copy says."})


def test_a_changed_threshold_changes_the_derived_facts(tmp_path: Path) -> None:
    shipped = pipeline.check_file(JUDGE, runnable.load())
    copied = pipeline.check_file(JUDGE, runnable.load(_slower(tmp_path)))
    assert shipped.facts is not None and copied.facts is not None
    assert shipped.facts.doc["arrest"]["judge_within_48h"] is False
    assert copied.facts.doc["arrest"]["judge_within_48h"] is True


def test_a_changed_threshold_changes_the_findings(tmp_path: Path) -> None:
    shipped = wgad("check", "-f", "json", str(JUDGE))
    copied = wgad("check", "-f", "json", "--rules", str(_slower(tmp_path)), str(JUDGE))
    assert json.loads(shipped.stdout)[0]["established"] == ["I"]
    assert json.loads(copied.stdout)[0]["established"] == [], copied.stdout + copied.stderr


def test_changed_titles_and_remedies_change_the_draft(tmp_path: Path) -> None:
    out = wgad("draft", "--rules", str(_retitled(tmp_path)), str(HELD))
    assert out.returncode == 0, out.stderr
    assert f"## {TITLE}" in out.stdout and SHIPPED_TITLE not in out.stdout
    # the copy's remedy, in the person's name as the draft words a remedy
    assert "Release Mr. Aïvo at once, as this copy says" in out.stdout and "immediately" not in out.stdout


def test_changed_titles_change_the_casebook(tmp_path: Path) -> None:
    site = tmp_path / "site"
    out = wgad("casebook", "--rules", str(_retitled(tmp_path)), "-o", str(site), str(HELD))
    assert out.returncode == 0, out.stderr
    pages = "".join(p.read_text(encoding="utf-8") for p in site.glob("*.html"))
    assert TITLE in pages and SHIPPED_TITLE not in pages


def test_changed_titles_change_the_web_page(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    shutil.copy(HELD, folder)
    app = create_app(folder, runnable.load(_retitled(tmp_path)), "t0123456789", {"127.0.0.1:8000"})
    client = TestClient(app, base_url="http://127.0.0.1:8000")
    page = client.get(f"/case?file={HELD.name}&token=t0123456789")
    assert page.status_code == 200
    assert TITLE in page.text and SHIPPED_TITLE not in page.text


def test_wgad_serve_takes_the_rules_option() -> None:
    out = wgad("serve", "--help")
    assert "--rules" in out.stdout


def test_a_broken_outcomes_file_fails_the_check_at_its_line(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(ROOT / "rules", tmp_path / "rules"))
    text = (folder / "outcomes.yaml").read_text(encoding="utf-8")
    start = text.index("categories:")
    end = text.index("\n\n", start)
    (folder / "outcomes.yaml").write_text(text[:start] + "categories: 7" + text[end:], encoding="utf-8")
    out = wgad("rules", "--check", "--rules", str(folder))
    line = text[:start].count("\n") + 1
    assert out.returncode == 1
    assert f"{folder / 'outcomes.yaml'}:{line}:13: error: categories must give a title" in out.stdout, out.stdout
    assert "[outcomes]" in out.stdout and out.stdout.endswith(f"rules: 1 error(s) in {folder}\n")


def test_a_folder_without_its_data_files_fails_the_check(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(ROOT / "rules", tmp_path / "rules"))
    (folder / "outcomes.yaml").unlink()
    text = (folder / "parameters.yaml").read_text(encoding="utf-8")
    (folder / "parameters.yaml").write_text(text.replace("prompt_hours:", "prompt_hour:"), encoding="utf-8")
    out = wgad("rules", "--check", "--rules", str(folder))
    assert out.returncode == 2  # a file that cannot be read, as for a case file (docs/cli.md)
    assert f"{folder / 'outcomes.yaml'}:1:1: error: cannot read file" in out.stdout
    assert "parameter 'prompt_hours' is missing: the derived fact arrest.judge_within_48h reads it" in out.stdout
    assert wgad("check", "--rules", str(folder), str(HELD)).returncode == 2  # and every command refuses it


def test_the_check_says_which_folder_it_checked(tmp_path: Path) -> None:
    assert wgad("rules", "--check").stdout == "rules: 0 error(s) in rules\n"  # the checkout's, from its root
    folder = Path(shutil.copytree(ROOT / "rules", tmp_path / "rules"))
    assert wgad("rules", "--check", "--rules", str(folder)).stdout == f"rules: 0 error(s) in {folder}\n"


def test_an_edited_folder_is_loaded_afresh_in_the_same_process(tmp_path: Path) -> None:
    folder = _copy(tmp_path, {})
    assert runnable.load(folder).consequences.titles["I"] == SHIPPED_TITLE
    path = folder / "outcomes.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(SHIPPED_TITLE, TITLE), encoding="utf-8")
    assert runnable.load(folder).consequences.titles["I"] == TITLE


def test_a_remedy_after_a_violation_no_rule_draws_fails_the_check(tmp_path: Path) -> None:
    """`when: violation:<name>` follows a finding: a name no rule draws (a typo) would never apply."""
    folder = Path(shutil.copytree(ROOT / "rules", tmp_path / "rules"))
    text = (folder / "outcomes.yaml").read_text(encoding="utf-8")
    assert "when: violation:vague-law" in text
    (folder / "outcomes.yaml").write_text(text.replace("violation:vague-law", "violation:vauge-law"), encoding="utf-8")
    out = wgad("rules", "--check", "--rules", str(folder))
    assert out.returncode == 0  # a warning: a folder without the rule (a subset of the law) is still law
    said = "warning: no rule draws violation:vauge-law: the remedy can never be sought [outcomes-remedy-unused]"
    assert said in out.stdout

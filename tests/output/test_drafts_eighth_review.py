"""What the seventh pass left in the English draft (issue 29, task D8), each checked so that the old wording fails:
the expected words are what a lawyer files and the Working Group's own forms, never the engine's output."""

from __future__ import annotations

import pytest

from ..conftest import ROOT, wgad
from .test_drafts_reviewed_in_french_and_spanish import drafted

CASES = ROOT / "cases"


@pytest.mark.parametrize(
    ("lang", "cited", "never"),
    [
        ("en", "No. 13/2018; No. 2/2020; No. 45/2016", "Kurt v. Turkey"),
        ("fr", "les avis nos\u00a013/2018, 2/2020, 45/2016", "Kurt c. Turquie"),
        ("es", "las opiniones núms. 13/2018, 2/2020, 45/2016", "Kurt c. Turquía"),
    ],
)
def test_the_kurt_opinion_is_cited_by_its_number_in_every_language(lang: str, cited: str, never: str) -> None:
    """The Working Group cites its opinions by number: "Opinion No. 2/2020 concerning Abdulmuttalip Kurt (Turkey)"
    (A/HRC/WGAD/2020/2), never a bare "Kurt v. Turkey" among "opinions No. 13/2018; ..."."""
    text = drafted(lang, CASES / "ilyashev-kazakhstan-2022.yaml")
    assert cited in text
    assert never not in text


def test_the_kurt_case_does_not_cite_its_own_opinion() -> None:
    text = drafted("en", CASES / "kurt-turkey-2020.yaml")
    assert "2/2020" not in text
    assert "; Kurt v. Turkey" not in text  # the title names the case; no citation does


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_check_report_writes_methods_of_work_in_lower_case(fmt: str) -> None:
    """`wgad check` printed the rules' "see Methods of work para 8 (e)": the Working Group writes "its methods of
    work" in running text (A/HRC/36/38, para. 1), as the draft does; a rule's id is not text and is kept."""
    done = wgad("check", "-f", fmt, str(CASES / "aivo-benin-2024.yaml"))
    assert "methods of work para 8" in done.stdout
    assert "Methods of work" not in done.stdout

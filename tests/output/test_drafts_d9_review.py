"""What a lawyer about to file still struck in the drafts (issue 29, task D9), each checked on a shipped case's draft
so that the old wording fails: the expected forms are the Working Group's own (its opinions cite an article once,
"a breach of article 14 (1) of the Covenant"; an opinion by its number, "opinion No. 22/2020"), never the engine's
output."""

from __future__ import annotations

import re

import pytest

from .test_drafts_reviewed_in_french_and_spanish import REFERENCE, ROOT, drafted

#: Where a standard's words name an article of the Covenant, in each language, and the citation that would repeat it.
_NAMED_THEN_CITED = {
    "en": r"articles? (\d+)[^().;]{0,40}? of the Covenant \((?:[^()]*; )?articles? \1\b",
    "fr": r"articles? (\d+)[^;]{0,40}? du Pacte \(Pacte, arts?\. \1\b",
    "es": r"artículos? (\d+)[^;]{0,40}? del Pacto \(Pacto, arts?\. \1\b",
}


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_an_article_the_standard_names_is_not_cited_again_in_brackets(lang: str) -> None:
    """Opinion 2/2022 (Ilyashev), the remote hearing: "a serious breach of article 14 (1) of the Covenant", never
    "a serious breach of article 14 (1) (article 14 (1) of the Covenant; ...)"; likewise the aims "that articles 21
    and 22 (2) of the Covenant list", never followed by "(articles 21 and 22 of the Covenant; ...)"."""
    text = drafted(lang, REFERENCE)
    assert not re.search(_NAMED_THEN_CITED[lang], text), re.findall(r".{60}" + _NAMED_THEN_CITED[lang], text)
    if lang == "en":
        assert "a serious breach of article 14 (1) of the Covenant (article 10 of the Universal Declaration" in text
        assert "that articles 21 and 22 (2) of the Covenant list (article 20 of the Universal Declaration" in text


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@pytest.mark.parametrize(
    "case", ["hamad-hungary-2020", "mr-a-australia-2022", "abu-zubaydah-united-states-2022", "ali-australia-2024"]
)
def test_an_opinion_whose_number_was_not_read_is_not_filed_by_a_bare_name(lang: str, case: str) -> None:
    """The Working Group cites its opinions by number ("opinion No. 22/2020"); the opinions on Mr A v. Australia
    and on Abu Zubaydah v. United States, whose numbers the project never read, cannot be looked up from a bare
    name: a draft files no such citation (the rules' jurisprudence keeps them, "number not read")."""
    text = drafted(lang, ROOT / "cases" / f"{case}.yaml")
    for bare in ("Mr A v", "Mr A c", "Zubaydah v", "Zubaydah c", "Coppens and others v", "Opinion on", "Opinion of"):
        cited = [c for c in re.findall(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)\.\n", text) if bare in c]
        assert not cited, cited

"""What the fourteenth French review found (issue 31, task T14-fr), each checked on a shipped case's draft so that
the old wording fails. The expected words are how a French lawyer, and the Working Group's and OHCHR's French,
write them, never the engine's output."""

from __future__ import annotations

import functools
from pathlib import Path

from markdown_it import MarkdownIt

from ..conftest import ROOT
from .test_drafts_reviewed_in_french_and_spanish import drafted

REFERENCE = ROOT / "cases" / "ilyashev-kazakhstan-2022.yaml"
CARDET = ROOT / "cases" / "cardet-cuba-2018.yaml"  # a State not party to the Covenant
QARADAWI = ROOT / "cases" / "qaradawi-khalaf-egypt-2018.yaml"  # a joint file; never tried
MAYANGNA = ROOT / "cases" / "mayangna-defenders-nicaragua-2024.yaml"  # four persons, held incommunicado
TEACHING = ROOT / "cases" / "teaching" / "trial-two-violations.yaml"


@functools.cache
def _draft(path: Path, lang: str = "fr") -> str:
    """A case's draft, its no-break spaces as spaces: the words are checked here, the typography elsewhere."""
    return drafted(lang, path).replace("\u202f", " ").replace("\u00a0", " ")


def test_the_special_procedures_are_named_as_ohchr_titles_them_in_french() -> None:
    """D1: « au Rapporteur spécial sur la situation des défenseurs des droits de l'homme »: OHCHR's French page
    titles the mandate « Rapporteuse spéciale sur la situation des défenseurs et défenseuses des droits humains »;
    the title is the page's, never guessed from a holder, and a feminine title takes « à la »."""
    text = _draft(REFERENCE)
    assert "à la Rapporteuse spéciale sur la situation des défenseurs et défenseuses des droits humains, s'agissant" in text
    assert "à la Rapporteuse spéciale sur la promotion et la protection du droit à la liberté d'opinion et d'expression" in text
    assert "au Rapporteur spécial sur les droits à la liberté de réunion pacifique et à la liberté d'association" in text
    assert "situation des défenseurs des droits de l'homme, s'agissant" not in text
    assert "au Rapporteur spécial sur la promotion" not in text
    cardet = _draft(CARDET)
    assert "à la Rapporteuse spéciale sur le droit qu'a toute personne de jouir du meilleur état de santé" in cardet
    assert "au Rapporteur spécial sur la torture et autres peines" in cardet  # masculine on OHCHR's page


def test_the_lettered_requests_stay_apart_once_the_markdown_is_rendered() -> None:
    """D9: « 34. La source prie… :\\n    a) de prendre…\\n    b) d'annuler… »: "a)" opens no list in CommonMark,
    so the items ran on in their paragraph's. Each is a paragraph of its own, in every language."""
    for lang in ("fr", "en", "es"):
        html = MarkdownIt("commonmark").render(drafted(lang, REFERENCE))
        remedies = html.split("Ilyashev", 1)[1]
        paragraphs = [p.split("</p>", 1)[0] for p in html.split("<p>")[1:]]
        lettered = [p for p in paragraphs if p[:2] in ("a)", "b)", "c)", "d)") or p[:3] in ("(a)", "(b)", "(c)", "(d)")]
        assert len(lettered) >= 8, (lang, lettered)  # four remedies, four referrals
        assert all(p.count("\n") == 0 for p in lettered), lang
        assert "<pre>" not in remedies and "<code>" not in remedies, lang

"""A joint submission's referrals (issue 29): a reason several detainees share is given once, naming them
together, as their remedies are; the same reason under each name in turn reads as rule output."""

from __future__ import annotations

import pytest

from .test_drafts_reviewed_in_french_and_spanish import ROOT, drafted

# the Special Rapporteur the reason is referred to, and the reason: incommunicado custody that cut off counsel
_JUDGES = {"en": "independence of judges", "fr": "indépendance des juges", "es": "independencia de los magistrados"}
_CUT_OFF = {"en": "off from counsel", "fr": "au secret", "es": "incomunicación"}


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_a_referral_reason_the_detainees_share_is_given_once_for_them_all(lang: str) -> None:
    """The ten IRA activists of Mauritania (2017) were all held incommunicado and cut off from counsel: the referral
    to the Special Rapporteur on the independence of judges and lawyers says so once, for them all."""
    text = drafted(lang, ROOT / "cases" / "ira-activists-mauritania-2017.yaml")
    item = next(line for line in text.splitlines() if _JUDGES[lang] in line and line.startswith("    "))
    assert item.count(_CUT_OFF[lang]) == 1, item
    if lang == "en":  # named together, each once
        assert all(item.count(name) == 2 for name in ("Amadou Tidjani Diop", "Abdallahi Matala Saleck")), item


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_status_shared_by_several_keeps_its_preposition(lang: str) -> None:
    """Several defenders referred for their status as such: « en raison de la qualité de défenseurs des droits de
    l'homme », never « la qualité défenseurs » (the plural form without the limb's own preposition)."""
    text = drafted(lang, ROOT / "cases" / "ira-activists-mauritania-2017.yaml")
    said = {"en": "the status of human rights defenders", "fr": "la qualité de défenseurs des droits de l'homme"}
    assert said[lang] in text

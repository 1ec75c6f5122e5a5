"""What a lawyer's reading of the English drafts found after the sixth review (issue 29), each checked on a
shipped case's draft so that the old wording fails: the expected forms are the Working Group's own (its methods of
work, A/HRC/36/38, and the citations of its opinions), never the engine's output."""

from __future__ import annotations

import re

from .test_drafts_reviewed_in_french_and_spanish import JOINT, REFERENCE, ROOT, drafted


def test_methods_of_work_are_written_in_lower_case_as_the_working_group_writes_them() -> None:
    """The Working Group writes "the methods of work" in running text and in its citations ("paragraph 33 (a) of its
    methods of work"); a capital only opens a sentence or a heading, never "(Methods of work" in a bracket."""
    for path in (REFERENCE, JOINT):
        text = drafted("en", path)
        assert "(methods of work, para. 8 (a))" in text
        assert not re.search(r"[^\n.] \(?Methods of work|\(Methods of work|; Methods of work", text)


def test_a_paragraph_is_cited_after_a_comma_as_the_opinions_cite_one() -> None:
    """ "opinion No. 2/2022, para. 66", "A/HRC/36/37, paras. 48-49", "general comment No. 34, para. 22": every cited
    paragraph follows its source after a comma, never "General Comment No. 34 para. 22"."""
    for path in (REFERENCE, JOINT):
        text = drafted("en", path)
        assert "General Comment No. 34, para. 22" in text or "General Comment No. 32, para" in text
        assert not re.search(r"[\w)] paras?\.? \d", text), re.findall(r".{30}[\w)] paras?\.? \d", text)
    assert (
        "(Deliberation No. 11, para. 22; article 19 of the Covenant; article 19 of the Universal Declaration"
        " of Human Rights)" in drafted("en", REFERENCE)
    )


def test_several_persons_possessive_is_written_with_of_never_on_the_list() -> None:
    """A lawyer writes "the work of Mr. Cheng, Mr. Liu and Mr. Wu", never a possessive on a list of names ("Mr.
    Cheng, Mr. Liu and Mr. Wu's work"), which reads as Mr. Wu's work alone; at a sentence's start, "The"."""
    text = drafted("en", ROOT / "cases" / "cheng-liu-wu-china-2020.yaml")
    assert "the detention resulted from the work of Mr. Cheng, Mr. Liu and Mr. Wu defending human rights" in text
    assert "to disclose the fate and whereabouts of Mr. Cheng, Mr. Liu and Mr. Wu." in text
    assert " before. The detention of Mr. Cheng, Mr. Liu and Mr. Wu was therefore not an isolated incident." in text
    assert not re.search(r"(?:,| and) (?:Mr\.|Ms\.) [A-Z][\w-]*'s ", text)
    one = drafted("en", REFERENCE)  # one person keeps the English possessive
    assert "Mr. Ilyashev's" in one and " of Mr. Ilyashev was" not in one


def test_the_proceedings_that_followed_are_stated_as_they_did_never_as_a_list_of_alternatives() -> None:
    """Opinion 33/2020's facts (docs/sources): Ms. Alhathloul, arrested on 15 May 2018, was charged on 13 March
    2019. A lawyer states what followed, never "(a charge, a trial or pre-trial detention)"."""
    text = drafted("en", ROOT / "cases" / "alhathloul-saudi-arabia-2020.yaml")
    # a premise, argued as no paragraph of its own (English review 18, O4): neither the list nor "was charged; ..."
    assert "In the present case, Ms. Alhathloul was charged on 13 March 2019; she was held in" not in text
    assert "a charge, a trial or" not in text


def test_a_partial_date_in_an_argument_takes_its_own_preposition() -> None:
    """Opinion 33/2018's facts as the notes give them: Mr. Ghadde was charged in September 2017 (the day not known):
    "charged in September 2017", never "charged on September 2017"."""
    text = drafted("en", ROOT / "cases" / "ghadde-mauritania-2018.yaml")
    assert "He was charged in September 2017" in text  # the facts; no paragraph argues it (O4)
    assert " on September 2017" not in text


def test_the_charge_is_told_once_with_its_date() -> None:
    """Opinion 33/2020's facts (docs/sources): charges filed on 13 March 2019. One sentence, as a lawyer tells it,
    never "She was charged with ... . She was charged on 13 March 2019." """
    text = drafted("en", ROOT / "cases" / "alhathloul-saudi-arabia-2020.yaml")
    assert "She was charged on 13 March 2019 with seeking to change the political system" in text
    assert len(re.findall(r"\bShe was charged\b", text)) == 1


def test_the_violations_weighed_say_each_breach_once() -> None:
    """Mr. Dai had no lawyer at all before trial (opinion 26/2017's case): the gravity paragraph names the denial of
    legal assistance, never also "the restrictions on access to counsel" that the denial already says."""
    text = drafted("en", ROOT / "cases" / "nguyen-van-dai-viet-nam-2017.yaml")
    weighed = re.search(r"the proceedings against Mr\. Dai disregarded [^.]*\.", text)
    assert weighed and "the denial of any legal assistance" in weighed[0]
    assert "restrictions on access to counsel" not in weighed[0]


def test_principles_and_articles_are_cited_in_one_form() -> None:
    """One paragraph cited "Basic Principles on the Role of Lawyers 7" and "..., principle 7", and "A/HRC/30/37
    principles 9, guideline 8" named one principle in the plural: each source is cited as the opinions cite it,
    the pinpoint after a comma and its unit in the number it has."""
    text = drafted("en", ROOT / "cases" / "nguyen-van-dai-viet-nam-2017.yaml")
    assert "A/HRC/30/37, principle 9, guideline 8" in text
    assert "Body of Principles, principles 15, 19; Human Rights Committee General Comment No. 35, para. 35)" in text
    assert "Basic Principles on the Role of Lawyers, principle 7)" in text
    assert not re.search(r"(?:Body of Principles|Role of Lawyers) \d|principles 9, guideline", text)
    cheng = drafted("en", ROOT / "cases" / "cheng-liu-wu-china-2020.yaml")
    assert "Declaration on the Protection of All Persons from Enforced Disappearance, art. 2;" in cheng
    assert not re.search(r"[a-z(] arts? \d", cheng)


def test_a_status_the_occupation_already_says_is_not_said_again() -> None:
    """Opinion 35/2018's notes: Mr. Vinh is a pro-democracy activist; "He is also a political activist" says it
    twice. An opposition leader is not "also a member of the political opposition"; a social activist's political
    activism is a fact of its own and stays."""
    vinh = drafted("en", ROOT / "cases" / "luu-van-vinh-viet-nam-2018.yaml")
    assert "He is a pro-democracy activist. He lives in Ho Chi Minh City." in vinh
    nasheed = drafted("en", ROOT / "cases" / "nasheed-maldives-2015.yaml")
    assert "He is a former President and an opposition leader." in nasheed
    assert "also a member of the political opposition" not in nasheed
    assert "He is also a political activist" in drafted("en", ROOT / "cases" / "alsadeq-saudi-arabia-2022.yaml")

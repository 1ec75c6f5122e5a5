"""Issue 29: a submission a lawyer files as written, its structure and its argument.

The parts the Working Group's model questionnaire asks for, each with a visible placeholder where
the file is silent; the stage (a first submission never speaks of the Government's reply); each
application worded from the limb of the rule that held, never "X or Y"; each citation on the
sentence it supports; a standard worded for the case; no argument beyond the facts; a remedy for
every finding that calls for one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..conftest import REFERENCE, TWO, cli

#: Issue 29's fresh case: a journalist held on a prosecutor's order, twenty days in solitary
#: confinement, tried by a closed state security court, no lawyer before trial.
FRESH = """\
title: K. v. Freedonia
person:
  name: Mira K.
  sex: female
  occupation: journalist
  released: false
state: {name: Freedonia, iccpr_party: true}
arrest:
  date: 2025-02-10
  warrant_shown: false
  charged: true
  charges: [spreading false news]
  law_vague: true
detention:
  - kind: pretrial
    start: 2025-02-10
    ordered_by: prosecutor
    extended_by: prosecutor
    solitary_confinement: true
    solitary_days: 20
conduct:
  - {right: expression, description: articles on corruption, peaceful: true, led_to_detention: true}
trial:
  held: true
  court: state_security
  public: false
  counsel: {access_pretrial: denied, confidential: false}
"""

#: What the questionnaire's last parts take, when the drafter has them.
FILLED = """\
  source: Freedonia Press Freedom Network, 1 Main Street, Freedonia City
  consent: family
  date: 2025-06-03
domestic_remedies:
  - {kind: habeas_corpus, date: 2025-02-20, body: Freedonia City Court, result: dismissed on 1 March 2025}
"""


def _drafters(tmp_path: Path, case: Path) -> str:
    """A shipped case as a drafter's own file (no `source:` block), whose refs its draft cites."""
    own = tmp_path / case.name
    own.write_text(re.sub(r"(?ms)^source:\n.*?(?=^expected:)", "", case.read_text("utf-8")), "utf-8")
    return str(own)


def _draft(tmp_path: Path, text: str, *args: str) -> str:
    case = tmp_path / "case.yaml"
    case.write_text(text, encoding="utf-8")
    out = cli("draft", "--no-appendix", *args, str(case))
    assert out.returncode == 0, out.stderr
    return out.stdout


def _part(text: str, heading: str) -> str:
    return text.split(f"\n## {heading}")[1].split("\n## ")[0]


def _paragraph(text: str, starts: str) -> str:
    found = re.search(rf"^\d+\. {re.escape(starts)}.*$", text, flags=re.M)
    assert found, starts
    return found.group()


def test_a_silent_file_gets_placeholders_not_conclusions(tmp_path: Path) -> None:
    text = _draft(tmp_path, FRESH)
    domestic = _part(text, "Steps taken domestically")
    assert "[to complete: the steps taken at home against the detention" in domestic
    source = _part(text, "Source of the communication and consent")
    assert "submitted by [to complete: the name, address" in source
    assert "[to complete: whether the source acts with the consent" in source
    assert "Date: [to complete: the date of this submission]" in source
    # what the questionnaire asks of each part and the file leaves out, named where it belongs
    assert "[to complete: age at the time of detention, nationality and usual residence]" in _part(
        text, "Identity of the person concerned"
    )
    assert (
        "[to complete: the place of the arrest, which forces carried out the arrest (police, security service, army) "
        "and the legislation applied]" in _part(text, "Arrest")
    )
    # still held, and no place given: where the person is held now is asked, with the detention
    assert "[to complete: where the person is held now" in _part(text, "Detention")


def test_the_questionnaires_last_parts_say_what_the_file_gives(tmp_path: Path) -> None:
    case = FRESH.replace("  released: false\n", "  released: false\n  held_at: Central Prison, Freedonia City\n")
    text = _draft(tmp_path, case + "submission:\n" + FILLED)
    detention = _part(text, "Detention")
    assert "now held at the Central Prison, Freedonia City" in detention
    assert "where the person is held now" not in detention
    domestic = _part(text, "Steps taken domestically")
    assert (
        "On 20 February 2025, an application for habeas corpus was lodged with Freedonia City Court. "
        "Result: dismissed on 1 March 2025." in domestic
    )
    source = _part(text, "Source of the communication and consent")
    assert "submitted by Freedonia Press Freedom Network" in source
    assert "with the consent of the family of the person concerned" in source
    assert "Date: 3 June 2025" in source and "to complete: the date" not in source


def test_a_first_submission_never_speaks_of_the_reply(tmp_path: Path) -> None:
    first = cli("draft", "--no-appendix", str(REFERENCE)).stdout
    assert "did not reply" not in first and "deadline" not in first and "Government's reply" not in first
    comments = cli("draft", "--no-appendix", "--stage", "comments", _drafters(tmp_path, REFERENCE)).stdout
    assert comments.startswith("# Comments of the source on the Government's reply")
    reply = _part(comments, "The Government's reply")
    assert "The Government did not reply to the communication (paras 2, 63-65)" in reply
    contested = REFERENCE.parent / "alushkin-russian-federation-2019.yaml"  # facts the Government's reply contests
    assert "The Government contests" not in cli("draft", "--no-appendix", str(contested)).stdout
    assert "The Government contests" in cli("draft", "--no-appendix", "--stage", "comments", str(contested)).stdout


def test_each_application_says_the_limb_that_held(tmp_path: Path) -> None:
    text = _draft(tmp_path, FRESH)
    body = text.split("## Remedies")[0]
    assert "ordered or extended" not in body and "restricted or not confidential" not in body
    assert (
        "In the present case, the pre-trial detention from 10 February 2025 was ordered by a prosecutor, "
        "not by a judge; it was extended by a prosecutor, not by a judge." in body
    )
    # no lawyer before trial and no confidential consultation: each said once, after both standards, in the
    # person's name and then her pronoun
    said = "before trial, Ms. K. had no access to counsel; she could not consult counsel in confidence."
    assert body.count("had no access to counsel") == 1 and said in body
    # the standard's authority on its sentence (English review 18, P2), then the application
    assert re.search(
        r"immediately after the moment of apprehension(?: \([^()]*\))?\. In the present case, before trial, Ms\. K\.",
        body,
    )
    reference = cli("draft", "--no-appendix", _drafters(tmp_path, REFERENCE)).stdout
    assert (  # the sentence's references merged at its end, each paragraph once
        "In the present case, before and at trial, Mr. Ilyashev's access to counsel was restricted; he could not "
        "consult counsel in confidence (paras 18, 23, 88, 89)." in reference
    )


def test_a_prosecutors_want_of_objectivity_is_said_only_of_a_prosecutor(tmp_path: Path) -> None:
    police = FRESH.replace("by: prosecutor", "by: police")
    for text, said in ((_draft(tmp_path, FRESH), True), (_draft(tmp_path, police), False)):
        assert ("a prosecutor lacks the institutional objectivity" in text) is said
    assert "was ordered by the police, not by a judge; it was extended by the police" in _draft(tmp_path, police)


def test_the_arguments_date_as_the_working_group_does(tmp_path: Path) -> None:
    text = _draft(tmp_path, FRESH)
    argued = text.split("## Why the deprivation")[1].split("## Remedies")[0]
    assert "no arrest warrant was shown at the arrest on 10 February 2025" in argued
    assert not re.search(r"\d{4}-\d{2}", argued)


def test_gravity_is_argued_from_the_violations_found(tmp_path: Path) -> None:
    """The application of category III's gravity named the standard again; now the articles and the
    violations it weighs, and what they did to the trial."""
    text = _draft(tmp_path, FRESH)
    gravity = _paragraph(text, "The total or partial non-observance")
    standard, applied = gravity.split("In the present case, ")
    assert "of such gravity" in standard and "gravity" not in applied
    assert applied.startswith("the proceedings against Ms. K. disregarded the guarantees of a fair trial of articles ")
    assert "a trial held behind closed doors" in applied and "a tribunal that is not independent" in applied
    assert applied.endswith("Taken together, these breaches deprived her of a fair trial.")


def test_each_citation_sits_on_its_sentence() -> None:
    text = cli("draft", "--no-appendix", str(REFERENCE)).stdout
    assert "14(1;" not in text  # the provisions went inside the article's own brackets
    public = _paragraph(text, "A hearing by video link")
    assert (
        "are a serious breach of article 14 (1) of the Covenant (article 10 of the Universal"
        " Declaration of Human Rights; Deliberation No. 11, para. 21). In the present case, the remote" in public
    )
    expression = _paragraph(text, "Article 19 (3) permits only restrictions")
    first_sentence = expression.split(". Restrictions are not allowed")[0]
    assert first_sentence.endswith(
        "(article 19 of the Covenant; article 19 of the Universal Declaration of Human Rights)"
    )
    assert "(para 35; article 19" not in expression


def test_a_standards_last_citation_takes_the_provisions_in_its_parentheses() -> None:
    """ "(A/HRC/36/37 para 48) (ICCPR 26; UDHR 7)": two parentheses side by side read as a typo."""
    text = cli("draft", "--no-appendix", str(REFERENCE)).stdout
    assert not re.search(r"paras? [\d-]+(?: \([a-z]\))?\) \(", text)
    assert (
        "such as statements of officials (A/HRC/36/37, paras. 48-49; article 26 of the Covenant; article 7 of"
        " the Universal Declaration of Human Rights)." in text
    )


def test_discrimination_is_argued_from_what_held() -> None:
    text = cli("draft", "--no-appendix", str(REFERENCE)).stdout
    assert "political activity or their work as a defender, journalist or opponent" not in text
    argued = _paragraph(text, "When a detention results from the active exercise")
    assert "In the present case, the detention resulted from Mr. Ilyashev's political conduct" in argued
    assert "; he is a human rights defender and a political activist;" in argued
    assert argued.endswith("This raises a strong presumption of discrimination based on political or other opinion.")


def test_a_public_hearings_provisions_are_on_the_right_not_the_exception(tmp_path: Path) -> None:
    text = _draft(tmp_path, FRESH)
    public = _paragraph(text, "Everyone charged with a criminal offence is entitled to a public hearing")
    assert (
        "public hearing (article 14 (1) of the Covenant; article 10 of the Universal Declaration of Human"
        " Rights). The press" in public
    )
    assert not public.endswith("(article 10 of the Universal Declaration of Human Rights).")


@pytest.mark.parametrize(
    ("court", "military"), [("state_security", False), ("military\n  accused_civilian: true", True)]
)
def test_a_standard_fits_the_court(tmp_path: Path, court: str, military: bool) -> None:
    text = _draft(tmp_path, FRESH.replace("court: state_security", f"court: {court}"))
    assert ("trial of civilians by military courts" in text) is military
    # the court's kind is no fact about its independence: the drafter is asked for them
    assert "[to complete: the court's name, and the facts that show it is not independent" in text


def test_category_i_quotes_no_example_that_does_not_apply(tmp_path: Path) -> None:
    text = _draft(tmp_path, FRESH)
    assert "sentence has been served" not in text and "amnesty" not in text
    assert "clearly impossible to invoke any legal basis" in text


def test_no_argument_beyond_the_facts(tmp_path: Path) -> None:
    """Twenty days of solitary confinement alone are referred, not argued as torture; ill-treatment is
    argued as ill-treatment, and article 15 of the Convention against Torture only for a confession."""
    alone = _draft(tmp_path, FRESH)
    assert "tortur" not in alone.split("## Remedies")[0] and "Convention against Torture" not in alone
    assert "as to the conditions of detention (solitary confinement)" in alone
    ill = FRESH.replace("    solitary_days: 20\n", "    solitary_days: 20\n    ill_treatment: true\n")
    text = _draft(tmp_path, ill)
    body = text.split("## Remedies")[0]
    assert "Ms. K. was ill-treated in pre-trial detention from 10 February 2025" in body
    assert "tortured or ill-treated" not in body and "Convention against Torture, art. 15" not in body
    confessed = ill.replace("  public: false\n", "  public: false\n  confession: {coerced: true}\n")
    assert "Convention against Torture, art. 15" in _draft(tmp_path, confessed)


def test_a_vague_false_news_offence_is_argued_and_remedied(tmp_path: Path) -> None:
    text = _draft(tmp_path, FRESH)
    category_ii = text.split("### Category II:")[1].split("\n### ")[0]
    assert "General Comment No. 34, para. 25" in category_ii and '"false news"' in category_ii
    assert "Ms. K. was charged with “spreading false news” for that expression." in category_ii
    remedies = _part(text, "Remedies and referrals sought")
    assert (
        "Review the provision under which Ms. K. was detained" in remedies and "Release Ms. K. immediately" in remedies
    )
    # the vague law's argument asks for the provision the file does not quote
    assert "[to complete: the provision invoked (law, article, paragraph)" in text
    plain = _draft(tmp_path, FRESH.replace("spreading false news", "hooliganism").replace("  law_vague: true\n", ""))
    assert "General Comment No. 34, para. 25" not in plain and "Review the provision" not in plain


def test_a_joint_argument_names_those_it_holds_for(tmp_path: Path) -> None:
    """An argument the detainees share names them all; one that differs is argued person by person, under
    the category's standard written once."""
    text = _draft(tmp_path, TWO)
    category_ii = text.split("### Category II:")[1].split("\n### ")[0]
    assert "In the present case, A. One and B. Two were detained for their expression." in category_ii
    category_iii = text.split("### Category III:")[1].split("\n## ")[0]
    assert category_iii.count("Category III covers") == 1
    assert category_iii.index("Category III covers") < category_iii.index("#### A. One")
    assert "In the present case, A. One was refused counsel of their choosing." in category_iii
    assert not re.search(r"\bthe person\b", text.split("## Why the deprivation")[1].split("## Steps taken")[0])


def test_a_sentences_references_are_one_parenthesis(tmp_path: Path) -> None:
    """ "(paras 11, 69; para 11)": each sentence cites its facts once, in order, in one style ("per" and the
    notes left to the facts), in a drafter's own file."""
    reference = cli("draft", "--no-appendix", _drafters(tmp_path, REFERENCE)).stdout
    assert (
        "kept Mr. Ilyashev from hearing and being heard, and the judge took no action (paras 19, 20-22, 24, 86, 87)."
        in (reference)
    )
    japan_case = _drafters(tmp_path, REFERENCE.parent / "yengin-safari-diman-japan-2020.yaml")
    japan = cli("draft", "--no-appendix", japan_case).stdout
    assert "with no effective review or remedy (Nichibenren; JAR; Kanto bar federation; GHRTV)." in japan


def test_category_v_names_the_ground_and_its_facts(tmp_path: Path) -> None:
    case = FRESH + "discrimination:\n  grounds: [ethnic_origin]\n  pattern: {earlier_arrests: true}\n"
    category_v = _draft(tmp_path, case).split("### Category V:")[1].split("\n## ")[0]
    assert "the source submits that the detention discriminated against Ms. K. on the ground of ethnic origin" in (
        category_v
    )
    assert "Ms. K. had been arrested before for similar reasons" in category_v
    assert "The detention was thus discriminatory on that ground." in category_v

"""Conclusions the Working Group infers from facts are inferred from the same facts (issue 28).

A drafter knows that the charge named the post, or that the arrest came a week after the
protest; not always the conclusion `led_to_detention`. Each test shows a derived fact, what
it rests on, and that a stated conclusion (the override) wins.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from detention_rules import pipeline

from ..conftest import case, fired, run


def _leaf(facts: dict[str, Any], path: str) -> Any:
    result = run(case(facts))
    assert result.analysis is not None and result.facts is not None, [str(p) for p in result.problems]
    return result.facts.leaf(path)


EXPRESSION = {"right": "expression", "peaceful": True, "date": "2021-05-01"}


def test_the_charge_naming_the_conduct_links_it_to_the_detention() -> None:
    facts = {"conduct": [{"right": "expression", "cited_by_authorities": True}]}
    leaf = _leaf(facts, "conduct[0].led_to_detention")
    assert leaf.value is True
    assert [s.path for s in leaf.derived_from] == ["conduct[0].cited_by_authorities"]
    assert "II.expression" in fired(facts)


def test_an_arrest_soon_after_with_no_other_ground_links_it() -> None:
    facts = {"arrest": {"date": "2021-05-10", "other_grounds_stated": False}, "conduct": [EXPRESSION]}
    assert "II.expression" in fired(facts)
    # the Government's silence counts as no other ground stated
    silent = {"government": {"replied": False}, "arrest": {"date": "2021-05-10"}, "conduct": [EXPRESSION]}
    assert "II.expression" in fired(silent)


def test_no_link_when_another_ground_was_shown_or_the_arrest_came_long_after() -> None:
    shown = {"value": True, "by": ["court"]}
    other = {"government": {"replied": False}, "arrest": {"date": "2021-05-10", "other_grounds_stated": shown}}
    assert _leaf({**other, "conduct": [EXPRESSION]}, "conduct[0].led_to_detention") is None
    late = {"arrest": {"date": "2021-09-10", "other_grounds_stated": False}, "conduct": [EXPRESSION]}
    assert _leaf(late, "conduct[0].led_to_detention") is None


def test_a_date_known_to_the_month_links_only_when_the_whole_month_is_soon_enough() -> None:
    """All of September, then an arrest on 1 October: 0 to 30 days whatever the day; no day is invented."""
    silent = {"government": {"replied": False}}
    september = {**silent, "arrest": {"date": "2021-10-01"}, "conduct": [{**EXPRESSION, "date": "2021-09"}]}
    leaf = _leaf(september, "conduct[0].led_to_detention")
    assert leaf.value is True
    assert "II.expression" in fired(september)
    # "March" and an arrest on 2 April: perhaps 32 days, perhaps 2; not known to be soon
    march = {**silent, "arrest": {"date": "2021-04-02"}, "conduct": [{**EXPRESSION, "date": "2021-03"}]}
    assert _leaf(march, "conduct[0].led_to_detention") is None
    # the arrest in the same month as the conduct: the conduct may have come after it
    same = {**silent, "arrest": {"date": "2021-03-16"}, "conduct": [{**EXPRESSION, "date": "2021-03"}]}
    assert _leaf(same, "conduct[0].led_to_detention") is None
    # an arrest known only to the month is read the same way
    month = {**silent, "arrest": {"date": "2021-03"}, "conduct": [{**EXPRESSION, "date": "2021-02-28"}]}
    assert _leaf(month, "conduct[0].led_to_detention") is None
    assert _leaf({**month, "conduct": [{**EXPRESSION, "date": "2021-02-27"}]}, "conduct[0].led_to_detention") is None
    late_feb = {**silent, "arrest": {"date": "2021-02"}, "conduct": [{**EXPRESSION, "date": "2021-01-31"}]}
    assert _leaf(late_feb, "conduct[0].led_to_detention").value is True


TARGETED = {"discrimination": {"pattern": {"earlier_arrests": {"value": True, "by": ["source"]}}}}
UNDATED = {"right": "expression", "peaceful": True}


def test_a_person_targeted_before_is_held_for_the_same_activity_unless_another_ground_is_shown() -> None:
    """Earlier arrests or harassment and no other ground shown: not an isolated incident (A/HRC/36/37 para 48)."""
    leaf = _leaf({**TARGETED, "conduct": [UNDATED]}, "conduct[0].led_to_detention")
    assert leaf.value is True and not leaf.contested
    assert [s.path for s in leaf.derived_from] == ["conduct[0].right", "discrimination.pattern.earlier_arrests"]
    assert "II.expression" in fired({**TARGETED, "conduct": [UNDATED]})
    # another ground a court found is shown: no inference
    shown = {**TARGETED, "arrest": {"other_grounds_stated": {"value": True, "by": ["court"]}}, "conduct": [UNDATED]}
    assert _leaf(shown, "conduct[0].led_to_detention") is None
    # no earlier targeting, no date: nothing ties the conduct to the detention
    assert _leaf({"conduct": [UNDATED]}, "conduct[0].led_to_detention") is None
    # the Government's own rebuttal of the earlier arrests, unanswered, grounds nothing
    rebutted = {"discrimination": {"pattern": {"earlier_arrests": {"value": True, "rebutted": "court records"}}}}
    assert _leaf({**rebutted, "conduct": [UNDATED]}, "conduct[0].led_to_detention") is None


def test_another_ground_only_alleged_contests_the_link_and_never_defeats_it() -> None:
    """The burden is the Government's (A/HRC/19/57 para 68): another offence the Government alone names, a bare
    offence label with no act stated, or a ground the source disputes is an allegation, not a ground shown."""
    alleged: list[tuple[Any, Any]] = [
        ({"value": True, "by": ["government"]}, True),  # the Government's word, whatever the charge states
        (True, None),  # an offence named, the acts the charge states unknown
        ({"value": True, "by": ["source"]}, False),  # an offence named with no act at all
        ({"value": True, "contested": True}, True),  # a concrete act the source disputes
    ]
    for stated, acts in alleged:
        arrest = {"date": "2021-05-10", "other_grounds_stated": stated}
        if acts is not None:
            arrest["charge_facts_stated"] = acts
        for facts in (
            {"arrest": arrest, "conduct": [EXPRESSION]},
            {"arrest": arrest, **TARGETED, "conduct": [UNDATED]},
        ):
            leaf = _leaf(facts, "conduct[0].led_to_detention")
            assert leaf.value is True and leaf.contested, (stated, acts)
            assert "arrest.other_grounds_stated" in [s.path for s in leaf.derived_from]
    # with evidence the source leaves unanswered, the other ground is shown
    evidenced = {"value": True, "by": ["government"], "evidence": "the complainant's medical report"}
    shown = {"arrest": {"date": "2021-05-10", "other_grounds_stated": evidenced}, **TARGETED}
    assert _leaf({**shown, "conduct": [EXPRESSION]}, "conduct[0].led_to_detention") is None


def test_a_concrete_other_act_the_source_states_blocks_the_link_plainly_or_by_source() -> None:
    """An indictment for embezzlement with its acts stated, nine days after a protest, or a robbery warrant at
    the airport: a concrete act other than the conduct, stated and not disputed, is another ground shown, on
    the date route and the pattern route alike; a plain value and `by: [source]` read the same."""
    for stated in (True, {"value": True, "by": ["source"]}, {"value": True, "by": ["source", "government"]}):
        arrest = {"date": "2021-05-10", "charged": True, "charge_facts_stated": True, "other_grounds_stated": stated}
        assert _leaf({"arrest": arrest, "conduct": [EXPRESSION]}, "conduct[0].led_to_detention") is None
        targeted = {"arrest": arrest, **TARGETED, "conduct": [UNDATED]}
        assert _leaf(targeted, "conduct[0].led_to_detention") is None
        assert "II.expression" not in fired(targeted)


def test_a_charge_whose_acts_are_the_conduct_rests_on_the_conduct() -> None:
    """Charged, the charge states acts and they are the conduct listed, no other act of the person named: an
    "overthrowing" or "extremist activity" charge that relabels peaceful conduct (Luu Van Vinh 35/2018;
    Nguyen Dang Minh Man 40/2016; Alushkin 2019). No date is needed: the charge itself is the link."""
    arrest = {"charged": True, "charge_facts_stated": True, "other_grounds_stated": False}
    facts = {"arrest": arrest, "conduct": [UNDATED]}
    leaf = _leaf(facts, "conduct[0].led_to_detention")
    assert leaf.value is True and not leaf.contested
    assert [s.path for s in leaf.derived_from] == [
        "conduct[0].right",
        "arrest.charged",
        "arrest.charge_facts_stated",
        "arrest.other_grounds_stated",
    ]
    assert "II.expression" in fired(facts)
    # the Government contesting that no other act was named contests the link
    disputed = {**arrest, "other_grounds_stated": {"value": False, "by": ["source"], "contested": True}}
    assert _leaf({**facts, "arrest": disputed}, "conduct[0].led_to_detention").contested
    # no charge, no act stated (a fraud charge naming none), or the acts unknown: nothing ties undated conduct
    uncharged = {**arrest, "charged": False}
    for other in (
        {"other_grounds_stated": False},
        {"charged": True},
        uncharged,
        {**arrest, "charge_facts_stated": False},
    ):
        assert _leaf({"arrest": other, "conduct": [UNDATED]}, "conduct[0].led_to_detention") is None
    bare = {**arrest, "charge_facts_stated": False, "date": "2024-03-12"}
    assert (
        _leaf({"arrest": bare, "conduct": [{**UNDATED, "date": "2017-06-01"}]}, "conduct[0].led_to_detention") is None
    )
    # conduct dated after the arrest is not what the charge rested on; on or before the arrest it is
    dated = {**arrest, "date": "2022-02-01"}
    later = {"arrest": dated, "conduct": [{**UNDATED, "date": "2022-06-01"}]}
    assert _leaf(later, "conduct[0].led_to_detention") is None
    earlier = {"arrest": dated, "conduct": [{**UNDATED, "date": "2020-06-01"}]}
    assert _leaf(earlier, "conduct[0].led_to_detention").value is True
    # another act named and shown: the charge may rest on it
    shown = {**arrest, "other_grounds_stated": {"value": True, "evidence": "the seized weapons"}}
    assert _leaf({"arrest": shown, "conduct": [UNDATED]}, "conduct[0].led_to_detention") is None


def test_an_offence_that_punishes_the_right_itself_ties_conduct_of_that_right() -> None:
    """Charged with an offence whose definition is the exercise of a right ("spreading false information",
    membership of a banned organisation: `arrest.offence_penalises`), no other act shown: conduct of that right is
    what the charge reaches, whatever acts it states (General Comment No. 34 paras 38, 42, 46-49; Rajab 13/2018).
    An ordinary offence (`none`), conduct of another right, or conduct after the arrest is not tied by it. Another act
    shown beside it (a court's conviction for drugs) does not untie it: the Working Group found II on the charges of
    treason and incitement "based on Mr. Mammadov's legitimate exercise of the right to freedom of expression", a drug
    conviction standing beside them (59/2013, as the Observatory quotes it)."""
    arrest = {"date": "2023-06-14", "charged": True, "offence_penalises": ["expression"]}
    facts = {"arrest": arrest, "conduct": [UNDATED]}
    leaf = _leaf(facts, "conduct[0].led_to_detention")
    assert leaf.value is True and not leaf.contested
    assert [s.path for s in leaf.derived_from] == ["conduct[0].right", "arrest.charged", "arrest.offence_penalises"]
    assert "II.expression" in fired(facts)
    # another act only the Government alleges contests the link; one shown (evidence, a court) leaves it
    alleged = {**arrest, "other_grounds_stated": {"value": True, "by": ["government"]}}
    assert _leaf({"arrest": alleged, "conduct": [UNDATED]}, "conduct[0].led_to_detention").contested
    for ground in ({"value": True, "evidence": "the officer's medical report"}, {"value": True, "by": ["court"]}):
        shown = {**arrest, "other_grounds_stated": ground}
        tied = _leaf({"arrest": shown, "conduct": [UNDATED]}, "conduct[0].led_to_detention")
        assert tied.value is True and not tied.contested, ground
        # the timing link, an inference of motive, still stops at the act shown
        ordinary = {**shown, "offence_penalises": ["none"]}
        soon = {**UNDATED, "date": "2023-06-10"}
        assert _leaf({"arrest": ordinary, "conduct": [soon]}, "conduct[0].led_to_detention") is None, ground
    for other in (
        {**arrest, "offence_penalises": ["none"]},  # an ordinary offence: the critic's articles are not its acts
        {**arrest, "offence_penalises": ["association"]},  # it punishes association, not this expression
        {**arrest, "charged": False},  # no offence charged at all
    ):
        assert _leaf({"arrest": other, "conduct": [UNDATED]}, "conduct[0].led_to_detention") is None, other
    later = {"arrest": arrest, "conduct": [{**UNDATED, "date": "2023-07-01"}]}
    assert _leaf(later, "conduct[0].led_to_detention") is None


def test_the_authorities_answering_for_the_conduct_name_it_as_the_ground() -> None:
    """The Government or a court that justifies the detention by saying this conduct was violent, advocated hatred or
    was lawfully restricted names it as what it acted on (General Comment No. 34 para 35: the State must connect the
    expression to the threat it invokes): the conduct is linked, and whether the exception is made out stays the
    rule's question. The Government's word alone contests the finding; the source's account alone links nothing."""
    arrest = {"date": "2023-06-14", "charged": True}
    asserted = {"right": "association", "incited_violence": {"value": True, "by": ["government"]}}
    leaf = _leaf({"arrest": arrest, "conduct": [asserted]}, "conduct[0].led_to_detention")
    assert leaf.value is True and leaf.contested
    assert [s.path for s in leaf.derived_from] == ["conduct[0].incited_violence"]
    assert "II.association" in fired({"arrest": arrest, "conduct": [asserted]})
    # the Government disputing the source's "peaceful" says the same of this conduct
    disputed = {"right": "assembly", "peaceful": {"value": True, "contested": True}}
    assert _leaf({"arrest": arrest, "conduct": [disputed]}, "conduct[0].led_to_detention").value is True
    # a court's finding on the conduct names it too, and shown, it defeats the rule
    found = {"right": "assembly", "incited_violence": {"value": True, "by": ["court"]}}
    assert _leaf({"arrest": arrest, "conduct": [found]}, "conduct[0].led_to_detention").value is True
    assert "II.assembly" not in fired({"arrest": arrest, "conduct": [found]})
    # nothing the authorities said of it: the source's own values, uncontested, link nothing
    for own in ({"right": "assembly", "peaceful": True}, {"right": "expression", "incited_violence": False}):
        assert _leaf({"arrest": arrest, "conduct": [own]}, "conduct[0].led_to_detention") is None, own


def test_custody_is_before_trial_when_it_started_before_the_trial_or_the_sentence() -> None:
    """`detention[i].before_trial`, read by III.incommunicado-before-trial for administrative and other custody:
    a "counselling" hold after a trial and a sentence served is not custody awaiting trial."""
    hold = {"kind": "other", "start": "2023-01-09", "incommunicado": True}
    prison = {"kind": "prison", "start": "2020-06-01", "end": "2022-06-01"}
    after = {"arrest": {"charged": True}, "trial": {"held": True, "start": "2020-02-03"}, "detention": [prison, hold]}
    leaf = _leaf(after, "detention[1].before_trial")
    assert leaf.value is False
    assert [s.path for s in leaf.derived_from] == ["detention[1].start", "trial.start"]
    assert "III.incommunicado-before-trial" not in fired(after)
    # the trial's date unknown: the first prison period, else the sentence, marks it
    assert _leaf({**after, "trial": {"held": True}}, "detention[1].before_trial").value is False
    sentenced = {"trial": {"held": True}, "sentence": {"date": "2024-01-01"}, "detention": [hold]}
    assert _leaf(sentenced, "detention[0].before_trial").value is True
    # before the trial, or never tried: custody before trial
    before = {**after, "trial": {"held": True, "start": "2023-05-02"}, "detention": [hold]}
    assert _leaf(before, "detention[0].before_trial").value is True
    assert "III.incommunicado-before-trial" in fired(before)
    assert _leaf({"trial": {"held": False}, "detention": [hold]}, "detention[0].before_trial").value is True
    # custody that started by the charge's date is before any trial on that charge, the trial's date unknown
    secret = {"arrest": {"charged": True, "charge_date": "2023-03-01"}, "trial": {"held": True}, "detention": [hold]}
    assert [s.path for s in _leaf(secret, "detention[0].before_trial").derived_from] == [
        "detention[0].start",
        "arrest.charge_date",
    ]
    assert "III.incommunicado-before-trial" in fired(secret)
    # a hold that started after the charge and after the sentence: not before trial
    served = {**after, "arrest": {"charged": True, "charge_date": "2019-11-04"}}
    assert _leaf(served, "detention[1].before_trial").value is False
    # no date to compare: unknown
    assert _leaf({"trial": {"held": True}, "detention": [hold]}, "detention[0].before_trial") is None


def test_a_stated_conclusion_overrides_the_facts() -> None:
    conduct = {**EXPRESSION, "cited_by_authorities": True, "led_to_detention": {"value": False, "ref": "para 9"}}
    leaf = _leaf({"conduct": [conduct]}, "conduct[0].led_to_detention")
    assert leaf.value is False and leaf.derived_from == ()


def test_necessity_not_shown_from_a_prosecutors_extension() -> None:
    leaf = _leaf({"detention": [{"kind": "pretrial", "extended_by": "prosecutor"}]}, "detention[0].necessity_shown")
    assert leaf.value is False
    assert [s.path for s in leaf.derived_from] == ["detention[0].extended_by"]
    # a judge's extension shows nothing either way
    assert _leaf({"detention": [{"kind": "pretrial", "extended_by": "judge"}]}, "detention[0].necessity_shown") is None


def test_the_conclusions_of_law_and_tribunal_are_drawn_from_facts() -> None:
    """A drafter states what the law says and what happened at trial; the conclusion follows (issue 28)."""
    vague = _leaf({"arrest": {"offence_defined": False}}, "arrest.law_vague")
    assert vague.value is True and [s.path for s in vague.derived_from] == ["arrest.offence_defined"]
    trial = {"judges_removable": True, "judge_acted_before": True, "shown_as_criminal": True}
    assert _leaf({"trial": trial}, "trial.independent").value is False
    assert _leaf({"trial": trial}, "trial.impartial").value is False
    innocence = _leaf({"trial": trial}, "trial.presumption_of_innocence")
    assert innocence.value is False and [s.path for s in innocence.derived_from] == ["trial.shown_as_criminal"]
    # only a breach is drawn: a defined offence or a fair-looking court shows nothing either way
    assert _leaf({"arrest": {"offence_defined": True}}, "arrest.law_vague") is None
    assert _leaf({"trial": {"judges_removable": False}}, "trial.independent") is None
    # the file's conclusion, with its ref, overrides
    stated = {"guilt_declared": True, "presumption_of_innocence": {"value": True, "ref": "judgment para 4"}}
    assert _leaf({"trial": stated}, "trial.presumption_of_innocence").derived_from == ()


def test_a_retroactive_law_is_drawn_from_the_dates_only_where_they_settle_it() -> None:
    """law_retroactive from the law's date in force and the acts' dates (ICCPR 15(1)); a partial date is every day
    it may be, so an act of 2020 and a law of June 2020 decide nothing (issue 28)."""

    def drawn(arrest: dict[str, Any], conduct: list[dict[str, Any]] | None = None) -> Any:
        leaf = _leaf({"arrest": arrest, **({"conduct": conduct} if conduct else {})}, "arrest.law_retroactive")
        return None if leaf is None else (leaf.value, [s.path for s in leaf.derived_from])

    law = {"law_in_force_date": "2020-06"}
    assert drawn({**law, "last_act_date": "2019"}) == (True, ["arrest.law_in_force_date", "arrest.last_act_date"])
    assert drawn({**law, "last_act_date": "2020"}) is None
    assert drawn({**law, "last_act_date": "2020-06-15"}) is None  # the act's day may be before the law's
    # only the breach is drawn: a law in force before the acts shows nothing either way
    assert drawn({**law, "last_act_date": "2021"}) is None
    charged = {**EXPRESSION, "date": "2019-12", "cited_by_authorities": True}
    assert drawn(law, [charged]) == (
        True,
        ["arrest.law_in_force_date", "conduct[0].date", "conduct[0].led_to_detention"],
    )
    later = {**charged, "date": "2020-07-01"}
    assert drawn(law, [later]) is None
    assert drawn(law, [charged, later]) is None  # one act before and one after: not decided here
    assert drawn(law, [{**charged, "date": "2020"}]) is None
    # a conduct no fact ties to the detention is not an act the charge rests on
    assert drawn(law, [EXPRESSION]) is None
    # the file's conclusion, with its ref, overrides
    stated = {**law, "last_act_date": "2019", "law_retroactive": {"value": False, "ref": "judgment para 9"}}
    assert _leaf({"arrest": stated}, "arrest.law_retroactive").derived_from == ()


def test_time_untried_adds_the_periods_before_trial() -> None:
    facts = {
        "detention": [
            {"kind": "police_custody", "start": "2020-01-01", "end": "2020-01-03"},
            {"kind": "pretrial", "start": "2020-01-03"},
            {"kind": "prison", "start": "2022-01-03"},
        ],
        "trial": {"start": "2021-01-03"},
    }
    assert _leaf(facts, "arrest.days_untried").value == 2 + 366


def test_a_conclusion_without_ref_is_warned(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "conduct:\n  - right: expression\n    led_to_detention: true\n"
        "  - right: assembly\n    led_to_detention: {value: true, ref: para 4}\n"
        "trial:\n  undue_delay: true\n  independent: false\n  impartial: {value: false, ref: para 8}\n"
        "  presumption_of_innocence: false\n"
        "arrest:\n  law_vague: true\n  law_retroactive: true\n",
        encoding="utf-8",
    )
    _, result = pipeline.read(path)
    assert result.valid
    warned = sorted((p.code, p.line) for p in result.problems if p.level == "warning")
    assert warned == [("conclusion-without-ref", n) for n in (3, 7, 8, 10, 12, 13)]


def test_a_person_still_held_is_held_at_least_until_the_communication() -> None:
    held = {"detention": [{"kind": "pretrial", "start": "2016-11-06"}], "submission": {"date": "2018-04-01"}}
    # whether the person is still held is unknown: the period has no length
    assert _leaf(held, "detention[0].days") is None
    still = {**held, "person": {"released": False}}
    assert _leaf(still, "arrest.days_untried").value == 511
    assert "III.undue-delay" in fired(still)
    # the trial's start ends the time untried, not the communication
    tried = {**still, "trial": {"start": "2017-03-01"}}
    assert _leaf(tried, "arrest.days_untried").value == 115


def test_dates_known_to_the_month_or_the_year_bound_the_length() -> None:
    """ "Held since March 2015", still held in May 2019: the days lie between the month's last and first day."""
    held = {
        "detention": [{"kind": "pretrial", "start": "2015-03"}],
        "person": {"released": False},
        "submission": {"date": "2019-05-01"},
        "arrest": {"charged": True},
    }
    days = _leaf(held, "detention[0].days").value
    assert (int(days), days.upper) == (1492, 1522)
    assert "III.undue-delay" in fired(held)
    # a year alone: from 2016 to 2016-03-01 is at most 60 days, under any threshold of a year
    year = _leaf({"detention": [{"kind": "pretrial", "start": "2016", "end": "2016-03-01"}]}, "detention[0].days").value
    assert (int(year), year.upper) == (0, 60)
    # the stated bounds narrow what the dates allow
    both = {
        "detention": [
            {"kind": "pretrial", "start": "2015-03", "end": "2019", "length_at_least": 4, "length_unit": "years"}
        ]
    }
    days = _leaf(both, "detention[0].days").value
    assert (int(days), days.upper) == (1461, 1766)


def test_custody_of_an_unknown_regime_counts_as_untried_only_for_a_person_charged_before_any_trial() -> None:
    """ICCPR 9(3) protects anyone detained on a criminal charge, whatever the custody is called."""
    unknown = {"kind": "unknown", "start": "2015-09-28", "end": "2017-10-06"}
    charged = {
        "arrest": {"charged": True},
        "detention": [unknown, {"kind": "prison", "start": "2017-10-06"}],
        "trial": {"held": True},
    }
    assert _leaf(charged, "arrest.days_untried").value == 739
    assert "III.undue-delay" in fired(charged)
    # not known to be charged: none of the days is certainly untried
    uncharged = {**charged, "arrest": {}}
    assert int(_leaf(uncharged, "arrest.days_untried").value) == 0
    assert "III.undue-delay" not in fired(uncharged)
    # custody that ran past the conviction is not custody awaiting trial
    after = {**charged, "detention": [unknown, {"kind": "prison", "start": "2016-10-06"}]}
    assert int(_leaf(after, "arrest.days_untried").value) == 0
    # never tried: the whole period awaited a trial
    untried = {"arrest": {"charged": True}, "detention": [unknown], "trial": {"held": False}}
    assert _leaf(untried, "arrest.days_untried").value == 739
    # its length unknown (still running, the release not known): at least none of it, no upper bound
    running = {**untried, "detention": [{"kind": "unknown", "start": "2015-09-28"}]}
    days = _leaf(running, "arrest.days_untried").value
    assert (int(days), days.upper) == (0, None)


def test_each_derived_fact_is_declared_once_and_every_declaration_is_derived() -> None:
    """model.DERIVED is the one declaration of a derived fact (type, sources, question, what to ask and vary):
    what facts.py derives on the shipped cases and the rules' named cases is exactly what it declares."""
    from detention_rules.input.field_path import FieldPath
    from detention_rules.input.fields import derived

    from ..conftest import CASES, RULE_CASES

    results = [pipeline.check_file(p) for p in sorted(CASES.glob("*.yaml"))]
    results += [run(case(c["facts"])) for cases in RULE_CASES.values() for c in cases]
    seen = {
        FieldPath.generic_name(leaf.path)
        for r in results
        for one in (r.persons or [r])
        if one.facts is not None
        for leaf in one.facts.leaves.values()
        if leaf.derived_from
    }
    assert seen == set(derived())
    for fact in derived().values():
        assert fact.question and fact.sources, fact.path


def test_a_derived_fact_is_asked_as_derived_declares_it_alone() -> None:
    """A conclusion the file may also state (`arrest.law_vague`) is asked as model.DERIVED says, which
    `fields.questionnaire` applies over the field's own entry: a question or `instead` the field declared
    too would be a second declaration never read, and could drift (a name with a dot beside the field,
    `confession.televised`, would be read as a full path)."""
    from detention_rules.input.case import fields
    from detention_rules.input.fields import derived

    twice = []
    for path in derived():
        *sections, name = path.replace("[]", "").split(".")
        model = "Case"
        for section in sections:
            entry = next(e for e in fields(model) if e["name"] == section)
            model = entry["model"]
        own = next((e for e in fields(model) if e["name"] == name), None)
        if own is not None and (own.get("question") or own.get("instead")):
            twice.append(path)
    assert not twice, twice


def test_an_offence_named_with_no_act_known_contests_the_timing_link_as_another_act_alleged_does() -> None:
    """Offences named, no act of the person known, nothing written of another act, the Government replying:
    an arrest soon after the conduct links it, contested, as it does with `other_grounds_stated: true` written
    for the same label (A/HRC/19/57 para 68; 2/2022 para 66): the unknown stops nothing the weakest true allows."""
    replied = {"government": {"replied": True}}
    label = {"date": "2021-05-10", "charged": True, "charges": ["financing of terrorism"]}
    for acts in (None, False):
        arrest = dict(label) if acts is None else {**label, "charge_facts_stated": acts}
        leaf = _leaf({**replied, "arrest": arrest, "conduct": [EXPRESSION]}, "conduct[0].led_to_detention")
        assert leaf.value is True and leaf.contested, acts
        assert [s.path for s in leaf.derived_from] == ["conduct[0].date", "arrest.date", "arrest.charges"]
        assert "II.expression" in fired({**replied, "arrest": arrest, "conduct": [EXPRESSION]})
    # the charge states acts, whose relation to the conduct is not known: they may be another act, nothing links
    stated = {**label, "charge_facts_stated": True}
    assert _leaf({**replied, "arrest": stated, "conduct": [EXPRESSION]}, "conduct[0].led_to_detention") is None
    # no offence named: nothing is known of the grounds, nothing links
    bare = {"date": "2021-05-10", "charged": True}
    assert _leaf({**replied, "arrest": bare, "conduct": [EXPRESSION]}, "conduct[0].led_to_detention") is None
    # the arrest months after the conduct: the label ties nothing
    late = {**label, "date": "2021-09-10"}
    assert _leaf({**replied, "arrest": late, "conduct": [EXPRESSION]}, "conduct[0].led_to_detention") is None
    # another act shown with evidence still stops it
    shown = {**label, "other_grounds_stated": {"value": True, "evidence": "the bank transfers, annex 2 of the reply"}}
    assert _leaf({**replied, "arrest": shown, "conduct": [EXPRESSION]}, "conduct[0].led_to_detention") is None


def test_others_targeted_tie_only_a_ground_their_group_shares() -> None:
    """Others targeted are a factor of discrimination on a ground they share with the person (A/HRC/36/37 para
    48, as recalled): the group named decides; with none named, one kind of ground the person carries is "the
    same group", and grounds of several kinds leave it unknown for `wgad gaps` to ask (issue 28, L11a)."""
    path = "discrimination.pattern.group_shares_ground"

    def shares(status: list[str], pattern: dict[str, Any], grounds: list[str] | None = None) -> Any:
        discrimination: dict[str, Any] = {"pattern": pattern, **({"grounds": grounds} if grounds else {})}
        return _leaf({"person": {"status": status}, "discrimination": discrimination}, path)

    camp = shares(["foreign_national"], {"group_targeted": True, "group": ["political"]})
    assert camp.value is False
    assert [s.path for s in camp.derived_from] == [
        "discrimination.pattern.group_targeted",
        "discrimination.pattern.group",
        "person.status",
    ]
    assert shares(["religious_minority"], {"group_targeted": True, "group": ["religion"]}).value is True
    # the source's grounds count as the person's, as V.protected-ground reads them
    assert shares([], {"group_targeted": True, "group": ["nationality"]}, ["national_origin"]).value is True
    assert shares(["foreign_national"], {"group_targeted": True}).value is True
    assert shares(["foreign_national", "political_opposition"], {"group_targeted": True}) is None
    assert shares(["foreign_national"], {"group_targeted": True}, ["political_opinion"]) is None
    assert shares(["foreign_national"], {"group_targeted": False}).value is False
    assert shares(["foreign_national"], {"harassment": True}) is None


def test_a_defender_or_lawyer_is_known_by_their_work_unless_the_file_states_a_status() -> None:
    """`person.status` from the work when the file states none: a definition by activities, not status
    (E/CN.4/2006/95 para 29; Declaration on Human Rights Defenders art 1); a stated list, `[]` included, wins
    (issue 28, L16). The derived status feeds V.defender-status like a stated one."""
    un = {"right": "cooperation_with_un", "cited_by_authorities": True, "peaceful": True}
    clients = {"right": "legal_profession", "description": "representing clients"}
    leaf = _leaf({"conduct": [un, clients]}, "person.status")
    assert leaf.value == ["human_rights_defender", "lawyer"]
    assert [s.path for s in leaf.derived_from] == ["conduct[0].right", "conduct[1].right"]
    assert "V.defender-status" in fired({"conduct": [un]})
    # a stated status is the whole list: nothing is added to it, and `[]` says the person has none
    assert _leaf({"person": {"status": ["journalist"]}, "conduct": [un]}, "person.status").value == ["journalist"]
    assert "V.defender-status" not in fired({"person": {"status": []}, "conduct": [un]})
    # other work gives no status
    assert _leaf({"conduct": [{"right": "expression", "peaceful": True}]}, "person.status") is None

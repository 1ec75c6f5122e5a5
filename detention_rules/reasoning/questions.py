"""Plain questions for the facts the rules read, so an unknown fact can be asked for.

Keyed by field path as the rules name it (`detention[].incommunicado`). The test
suite checks that every field a rule tests has a question here.
"""

from __future__ import annotations

from typing import Any

from detention_rules.input.fields import readable_fields
from detention_rules.input.source import generic

QUESTIONS: dict[str, str] = {
    "detention": "Was the person deprived of liberty? List each period (police custody, pre-trial, prison...).",
    "conduct": "What did the person do that the detention responded to (expression, assembly, religion...)?",
    "person.status": "Which status does the person have (defender, journalist, opposition, minority, migrant, asylum seeker, refugee...)?",
    "state.iccpr_party": "Is the State a party to the International Covenant on Civil and Political Rights?",
    "government.replied": "Did the Government reply to the Working Group's communication?",
    "arrest.warrant_shown": "Was an arrest warrant (or other decision of a public authority) shown at the arrest?",
    "arrest.in_flagrante": "Was the person caught in the act (in flagrante delicto)?",
    "arrest.legal_basis_invoked": "Did the authorities invoke any legal basis for the arrest?",
    "arrest.reasons_given": "Were the reasons for the arrest given at the time of arrest, later, or never?",
    "detention[].kind": "What kind of deprivation of liberty was this period (police custody, pre-trial, administrative, immigration, house arrest, prison...)?",
    "detention[].brought_before_judge": "Was the person brought before a judge during this period?",
    "arrest.brought_before_judge": "Was the person ever brought before a judge after the arrest (and in which period)?",
    "arrest.judge_within_48h": "On what date (and time) was the person first brought before a judge, and when exactly was the arrest?",
    "detention[].could_challenge": "Could the person challenge the lawfulness of this detention before a court?",
    "detention[].release_due": "Was release due (sentence served, amnesty, release order, bail) while the person was still held?",
    "detention[].incommunicado": "Was the person held incommunicado (no contact with family or lawyer)?",
    "detention[].acknowledged": "Did the authorities acknowledge the detention and the person's whereabouts?",
    "detention[].individual_assessment": "Did a decision weigh this person's own circumstances, or did custody follow automatically?",
    "detention[].necessity_shown": "Did custody follow automatically, did the order give no reasons about this person, or was it extended by a prosecutor or 'exceptionally'?",
    "detention[].prolonged": "Was this custody prolonged?",
    "detention[].time_limit": "Does the law set a maximum length for this custody?",
    "detention[].days": "How long did this period last (its start and end dates, or its length in days, months or years)?",
    "detention[].ordered_by": "Who ordered this detention (a judge, a prosecutor, the police, an administrative or executive authority)?",
    "detention[].extended_by": "Who extended this detention, if it was extended (a judge, a prosecutor...)?",
    "detention[].successive_charges": "Were re-arrests or new charges used to keep the person in custody?",
    "detention[].review_effective": "Could a court examine whether this custody was necessary and actually order release?",
    "detention[].alternatives_considered": "Were less restrictive alternatives to custody considered?",
    "detention[].free_to_leave": "Could the person leave at will and at no cost (house arrest outside closed premises; a transit zone without giving up an asylum claim)?",
    "detention[].judge_decided": "Did the judge decide on this custody (order or confirm it), or only see the person?",
    "detention[].judge_decided_within_48h": "Did a judge decide on this custody (order or confirm it), and on what date, counted from the start of the custody?",
    "detention[].individual_reasons": "Did the custody order give reasons about this person (a risk of flight, of interference with evidence), or only repeat the charge or the law?",
    "detention[].extended_exceptionally": "Was the custody extended beyond the ordinary legal limit as an 'exceptional' measure?",
    "arrest.days_untried": "When did each period of police custody and pre-trial detention start and end, and when did the trial start (if it has)?",
    "arrest.charge_facts_stated": "Did the charge or warrant state the acts said to make up the offence (what, when, where)?",
    "arrest.other_grounds_stated": "Did the authorities or the Government state a ground for the arrest other than the person's conduct (the facts of another offence)?",
    "arrest.law_retroactive": "Was the offence or penalty applied not yet in force when the act was committed?",
    "trial.attendance_waived": "Was the accused informed of the trial in time, and did they choose not to attend?",
    "conduct[].cited_by_authorities": "Did the charge, the warrant, the interrogation or the judgment name this conduct?",
    "conduct[].date": "On what date did this conduct take place?",
    "detention[].ill_treatment": "Was the person tortured or ill-treated during this period?",
    "detention[].ill_treatment_investigated": "Were the allegations of torture or ill-treatment promptly and impartially investigated?",
    "detention[].solitary_confinement": "Was the person held in solitary confinement?",
    "detention[].solitary_days": "For how many days was the person held in solitary confinement?",
    "detention[].medical_care_denied": "Was the person denied medical care?",
    "detention[].family_notified": "Was the family told of the arrest and of where the person was held?",
    "detention[].family_visits_refused": "Were family visits refused?",
    "detention[].consular_access_refused": "Was a foreign national refused access to the consulate?",
    "detention[].impairment_basis": "Was this custody ordered or kept up because of an actual or perceived impairment (a mental-health law, a finding of disability)?",
    "detention[].security_law": "Was this custody imposed under a security, emergency, counter-terrorism or public-order law that allows holding a person without charge or trial?",
    "detention[].consular_access": "Was a foreign national's access to the consulate granted, restricted (late, rare, supervised) or refused?",
    "detention[].deprived": "Was the person held in this period, whatever the regime?",
    "detention[].length_at_least": "If the exact length of this period is not known, what is the least it lasted (and in what unit)?",
    "detention[].length_at_most": "If the exact length of this period is not known, what is the most it lasted (and in what unit)?",
    "detention[].judge_after_days": "If no date is known, after how many days (counted from the arrest) was the person brought before a judge?",
    "detention[].rearrest": "Did this period begin with a new arrest (a re-arrest)?",
    "detention[].other_state": "Was the person held in this period by another State (abroad, before an extradition or a rendition)?",
    "arrest.charged_after_days": "If no date is known, how many days after the arrest was the person charged?",
    "arrest.rendition": "Was the person brought from abroad into the State's custody outside any extradition (a rendition)?",
    "submission.categories_alleged": "Which categories did the source allege in its communication (I to V)?",
    "person.age": "How old was the person when detained?",
    "person.released": "Has the person been released?",
    "arrest.charged": "Was the person ever formally charged with an offence?",
    "arrest.charge_date": "On what date was the person charged?",
    "arrest.days_uncharged": "On what date was the person charged, and on what date arrested?",
    "arrest.law_vague": "Is the offence invoked so vague or overbroad that no one could foresee what it forbids?",
    "trial.accused_civilian": "Is the accused a civilian (not a member of the armed forces)?",
    "trial.in_absentia": "Was the person tried in their absence?",
    "trial.confession.coerced": "Was a confession obtained by torture, ill-treatment or duress?",
    "trial.confession.used_in_evidence": "Was the confession used in evidence against the accused?",
    "trial.confession.televised": "Was a confession broadcast before or during the trial?",
    "discrimination.law_discriminatory": "Does the law applied discriminate on its face on a protected ground (religion, sexual orientation, origin...)?",
    "detention[].periodic_review": "Was continued custody reviewed by an administrative or judicial authority?",
    "conduct[].right": "Which right was the person exercising (expression, assembly, association, religion, defending human rights, a lawyer's work, cooperation with the UN...)?",
    "conduct[].led_to_detention": "Did the charge, the warrant or the interrogation name this conduct? If not: on what date did it take place, and did the authorities state any other ground for the arrest?",
    "conduct[].peaceful": "Was the person's own conduct peaceful (violence by others does not count)?",
    "conduct[].incited_violence": "Did this conduct incite violence?",
    "conduct[].advocated_hatred": "Did this conduct advocate hatred that incites discrimination, hostility or violence?",
    "conduct[].restriction_justified": "Did a court or the Working Group find the restriction permissible (give the reference)?",
    "conduct[].restriction_aim": "Which aim did the Government invoke for the restriction (national security, public order, public safety, public health or morals, rights of others, another, none)?",
    "conduct[].restriction_law_precise": "Was the law applied precise enough for the person to foresee that the conduct was an offence?",
    "conduct[].restriction_threat_shown": "Did the Government show, for this person, a direct link between the conduct and a threat to that aim?",
    "conduct[].restriction_least_restrictive": "Did the Government show that nothing less than detention would have served that aim?",
    "conduct[].unnotified_only": "Was the only ground for the arrest that the assembly had not been notified or authorised?",
    "conduct[].political": "Was this conduct political (criticism of the authorities, political activity)?",
    "emergency.invoked": "Was a state of emergency invoked to justify the detention?",
    "emergency.pretext": "Was the emergency a pretext (for example, the detention went on after it was lifted)?",
    "trial.public": "Was the trial held in public?",
    "trial.court": "Which court tried the case (ordinary, military, special, state security, counter-terrorism, revolutionary)?",
    "trial.independent": "Was the court independent?",
    "trial.impartial": "Was the court impartial?",
    "trial.held": "Has the person been tried (has a trial taken place)?",
    "emergency.declared": "Had a state of emergency been declared?",
    "trial.remote": "Was the trial held remotely (video link)?",
    "trial.remote_failures": "At the remote hearing, could the accused not hear or not be heard?",
    "trial.failures_remedied": "Did the judge act on those failures (suspend, fix them)?",
    "trial.presumption_of_innocence": "Was the presumption of innocence respected?",
    "trial.counsel.access_pretrial": "Before trial, was access to counsel full, restricted or denied?",
    "trial.counsel.access_trial": "At trial, was access to counsel full, restricted or denied?",
    "trial.counsel.confidential": "Could the accused consult counsel in confidence?",
    "trial.counsel.of_choice": "Could the accused have counsel of their own choosing?",
    "trial.defence_witnesses_refused": "Were defence witnesses refused?",
    "trial.cross_examination_cut": "Was cross-examination of prosecution witnesses cut short or refused?",
    "trial.informed_of_charges": "Was the accused informed promptly and in detail of the charges?",
    "trial.adequate_time": "Did the defence have adequate time and facilities to prepare?",
    "trial.evidence_withheld": "Was evidence withheld from the defence?",
    "trial.undue_delay": "When did custody start, and when did the trial start (or is the person still untried)?",
    "trial.interpreter_denied": "Was an interpreter denied to an accused who needed one?",
    "trial.appeal": "Was an appeal available, and what became of it?",
    "sentence.bans": "Does the sentence ban activities (political, civic, association, expression, travel...)?",
    "discrimination.grounds": "On which protected grounds does the source allege discrimination (political opinion, religion, ethnic origin...)?",
    "discrimination.pattern.earlier_arrests": "Was the person arrested before for similar reasons?",
    "discrimination.pattern.harassment": "Was the person harassed, watched or summoned before?",
    "discrimination.pattern.group_targeted": "Were others of the same group targeted too?",
    "discrimination.official_statement": "Did an official publicly single out the person, their opinion or their group?",
}


#: How explanations say a field's choices, where the bare word does not read as English.
WORDS: dict[str, dict[str, str]] = {
    "detention[].kind": {
        "police_custody": "police custody",
        "pretrial": "pre-trial detention",
        "administrative": "administrative detention",
        "immigration": "immigration detention",
        "house_arrest": "house arrest",
        "prison": "prison",
        "psychiatric": "psychiatric detention",
        "other": "detention",
        "unknown": "custody of an unknown regime",
    },
    "detention[].consular_access": {"restricted": "restricted (allowed only with limits)"},
    "arrest.reasons_given": {"at_arrest": "given at the arrest", "later": "given only later", "never": "never given"},
    "detention[].release_due": {
        "sentence_served": "the sentence had been served",
        "amnesty": "an amnesty applied",
        "release_order": "a release order had been issued",
        "bail_granted": "bail had been granted",
    },
    "person.status": {"lgbti": "LGBTI person", "minor": "child"},
    "conduct[].right": {
        "human_rights_defence": "the person's work defending human rights",
        "legal_profession": "the person's work as a lawyer",
        "cooperation_with_un": "the person's cooperation with the United Nations",
    },
    "discrimination.grounds": {"other_status": "other status"},
}


def in_words(field: str, value: str) -> str:
    """A field's value in words: `detention[].kind` `pretrial` -> "pre-trial detention"."""
    return WORDS.get(field, {}).get(value, value.replace("_", " "))


def show_value(value: Any, path: str = "", *, words: bool = False, brackets: bool = False) -> str:
    """A fact's value as text: the one formatter of values for every output.

    As the case file writes it: true or false, a list's items joined by commas (inside
    [brackets] when asked). In `words`, for a sentence: yes or no, and a choice of the
    field at `path` in words (`pretrial` -> "pre-trial detention"); text the user wrote
    stays as written, underscores and all.
    """
    if isinstance(value, bool):
        return ("yes" if value else "no") if words else ("true" if value else "false")
    field = generic(path) if words else ""
    ftype = readable_fields().get(field) if words else None
    coded = ftype is not None and bool(ftype.choices)
    if isinstance(value, list):
        items = ", ".join(in_words(field, v) if coded else str(v) for v in value)
        return f"[{items}]" if brackets else items
    return in_words(field, value) if coded else str(value)


def question(field: str) -> str:
    """The question for a field path; indexes (`detention[1].x`) are read as `detention[].x`."""
    return QUESTIONS.get(generic(field), f"What is {field}?")

"""Delighted, the NPS surveys sent a week after an episode (Singer taps, one per language).

Tap tables: tap_delighted_patient_en / _fr .survey_responses and .survey_responses__tags. Draws
from the stream "episodes" after sources/patientapp. Reads the members' emails from scribe.users
and their organizations from `world.people` (sources/scribe).

The other surveys (`simulate_other_surveys`, its own step and stream "delighted_surveys"):
tap_delighted_decision_maker.survey_responses (Salesforce contacts of client organizations),
tap_delighted_employer.survey_responses (deprecated: a few dozen in 2017-2018) and the patient
surveys' follow-up questions, tap_delighted_patient_en / _fr .survey_responses__additional_answers.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from catwalk.warehouse.world import (
    DAY, HOUR, REPLICA_LOADS, SEC, RawTable, WorldState, choice, group_rank, next_slot,
    state_table, to_us, ts_col,
)

NPS_TAGS = ["+ fast", "+ friendly", "+ professional", "+ easy", "- wait time", "- app issues",
            "- not resolved"]
NPS_COMMENTS = ["Great service, very fast.", "The nurse was very helpful.",
                "Waited too long for an answer.", "Easy to use and professional.",
                "Merci beaucoup, service rapide!", "Pas de reponse le soir.",
                "Excellent suivi.", "The app crashed twice."]
NPS_LONGER_COMMENTS = [  # 50 to 149 characters, then 150 to 500 (client dashboard lists both kinds)
    "The nurse answered within minutes and explained everything clearly. Thank you!",
    "Service rapide et efficace, l'infirmiere a pris le temps de bien m'expliquer.",
    "I waited almost two hours before anyone replied to my message in the evening.",
    "Very convenient for my kids, we did not have to go to the clinic this time.",
    "Le medecin etait tres professionnel mais la video a coupe deux fois pendant l'appel.",
    "Quick prescription renewal, but the pharmacy never received the fax on the first try.",
    "I really appreciated how quickly the nurse took my situation seriously. The doctor "
    "called me back the same afternoon and the follow-up message two days later was a nice "
    "touch. I will recommend Dialogue to my colleagues.",
    "J'ai attendu longtemps avant d'avoir une reponse, et on m'a finalement redirige vers "
    "une clinique sans rendez-vous. Le service est pratique, mais pour mon probleme il "
    "aurait mieux valu le savoir des le depart.",
    "The app kept logging me out while I was typing my symptoms, so I had to start over "
    "three times. Once I reached the care team, the nurse was kind and the doctor gave me "
    "a clear plan, but the technical problems were frustrating.",
]
SCORE_WEIGHTS = np.array([1, 0.5, 0.5, 1, 1, 1.5, 2.5, 5, 10, 25, 52]) / 100  # scores 0 to 10

DM_CONTACT_TYPES = ["HR + DM (do not use - old)", "Decision-Maker", "HR Contact (User)",
                    "C-suite Executive", "HR Primary Contact", "Account support", "Decision Maker"]
QUESTIONS = [  # (id, type, text, possible values)
    ("q1", "free_response", "What is the main reason for your score?", None),
    ("q2", "select_one", "Which professional helped you?", ["Nurse", "Doctor", "Care coordinator"]),
    ("q3", "select_one", "Would you use Dialogue again?", ["Yes", "No", "Maybe"]),
]
EMPLOYER_START, EMPLOYER_END = "2017-06-01", "2018-10-01"


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("episodes")
    j = world.episodes
    eligible = j.cared & (j.end_state != None)  # noqa: E711
    s = np.flatnonzero(eligible & (rng.random(j.n) < 0.2))
    t = j.end_t[s] + 7 * DAY + rng.integers(0, 6 * HOUR, len(s))
    keep = t < world.world_end
    s, t = s[keep], t[keep]
    responses, score, batched = _responses(world, rng, j, s, t)
    survey_id = responses["id"].to_numpy()
    tags, tag_of = _tags(rng, survey_id, score, batched)
    tables = {}
    lang = j.lang[s]
    for language in ("en", "fr"):
        sel = lang == language
        schema = f"tap_delighted_patient_{language}"
        tables[f"{schema}.survey_responses"] = state_table(
            f"{schema}.survey_responses", responses[sel].reset_index(drop=True), ("id",),
            batched[sel])
        tsel = np.isin(tags._sdc_source_key_id.to_numpy(), survey_id[sel])
        tables[f"{schema}.survey_responses__tags"] = state_table(
            f"{schema}.survey_responses__tags", tags[tsel].reset_index(drop=True),
            ("_sdc_source_key_id", "_sdc_level_0_id"), batched[tag_of][tsel])
    return tables


def _responses(world: WorldState, rng, j, s: np.ndarray, t: np.ndarray):
    """One response per surveyed episode s answered at t; its score; when the tap syncs it."""
    k = len(s)
    poster, episode_id = j.poster, j.episode_id
    score = rng.choice(11, size=k, p=SCORE_WEIGHTS)
    emails = world.tables["scribe.users"].df.drop_duplicates("id").set_index("id")["email"]
    email = emails.reindex(poster[s]).to_numpy()
    unknown = rng.random(k) < 0.08
    email = np.where(unknown, np.char.add(np.char.add("someone", np.arange(k).astype(str)),
                                          "@unknown.example.org"), email).astype(object)
    batched = next_slot(t, REPLICA_LOADS) + rng.integers(0, 300 * SEC, k)
    org_of = pd.Series(world.people.org.to_numpy(), index=world.people.uid.to_numpy())
    df = pd.DataFrame(dict(
        id=8_000_000 + np.arange(k), created_at=t // SEC, updated_at=t // SEC + 60,
        score=score.astype(np.int32),
        comment=np.where(rng.random(k) < 0.4, choice(rng, NPS_COMMENTS, [1] * len(NPS_COMMENTS), k),
                         None).astype(object),
        person__id=np.char.add("p", poster[s].astype(str)), person__email=email,
        person_properties__episode_id=np.where(rng.random(k) < 0.85,
                                               episode_id[s].astype(str), None).astype(object),
        person_properties__user_id=np.where(rng.random(k) < 0.7, poster[s].astype(str),
                                            None).astype(object),
        person_properties__locale=j.lang[s],
        person_properties__organization_id=org_of.reindex(poster[s]).astype("Int64")
        .astype(str).replace("<NA>", None).to_numpy(),
        person_properties__sex=None, _sdc_batched_at=ts_col(batched)))
    df["comment"] = _longer_comments(world, df["comment"].to_numpy())
    return df, score, batched


def _longer_comments(world: WorldState, comment: np.ndarray) -> np.ndarray:
    """Half of the patients who comment write at length (50 to 500 characters), as real NPS
    comments do; own stream "delighted:longer_comments", so no other draw changes."""
    rng = world.stream("delighted:longer_comments")
    longer = pd.notna(comment) & (rng.random(len(comment)) < 0.5)
    text = choice(rng, NPS_LONGER_COMMENTS, [1] * len(NPS_LONGER_COMMENTS), len(comment))
    return np.where(longer, text, comment).astype(object)


def _tags(rng, survey_id, score, batched) -> tuple[pd.DataFrame, np.ndarray]:
    """Zero to two tags per response, positive ones for promoters (and the response of each)."""
    n_tags = rng.choice([0, 1, 2], size=len(survey_id), p=[0.5, 0.35, 0.15])
    gt, jt = group_rank(n_tags)
    positive = score[gt] >= 9
    tag = np.where(positive, np.array(NPS_TAGS[:4])[rng.integers(0, 4, len(gt))],
                   np.array(NPS_TAGS[4:])[rng.integers(0, 3, len(gt))])
    return pd.DataFrame(dict(_sdc_source_key_id=survey_id[gt], _sdc_value=tag.astype(object),
                             _sdc_level_0_id=jt, _sdc_batched_at=ts_col(batched[gt]))), gt


def simulate_other_surveys(world: WorldState) -> dict[str, RawTable]:
    """Decision-maker and employer surveys and the patient surveys' additional answers (step
    "delighted_surveys", own stream of that name)."""
    rng = world.stream("delighted_surveys")
    tables = {"tap_delighted_decision_maker.survey_responses": _decision_makers(world, rng),
              "tap_delighted_employer.survey_responses": _employers(rng)}
    for language in ("en", "fr"):
        schema = f"tap_delighted_patient_{language}"
        tables[f"{schema}.survey_responses__additional_answers"] = _additional_answers(
            rng, schema, world.tables[f"{schema}.survey_responses"].df)
    return tables


def _tap_responses(rng, k: int, created: np.ndarray, first_id: int) -> pd.DataFrame:
    """The columns every Delighted tap response has: ids, epoch times, score, comment."""
    score = rng.choice(11, size=k, p=SCORE_WEIGHTS)
    comment = np.where(rng.random(k) < 0.4, choice(rng, NPS_COMMENTS, [1] * len(NPS_COMMENTS), k),
                       None).astype(object)
    return pd.DataFrame(dict(id=first_id + np.arange(k), created_at=created // SEC,
                             updated_at=created // SEC + rng.integers(0, 3 * 86400, k),
                             score=score.astype(np.int32), comment=comment))


def _decision_makers(world: WorldState, rng) -> RawTable:
    """About one response per Salesforce contact over the history (a fifth in the last 60 days),
    by the contact's email, with the organization and month number the survey was sent with."""
    contacts = world.tables["salesforce.contacts"].df
    contacts = contacts[contacts.email.notna()].reset_index(drop=True)
    orgs = world.org.id.to_numpy()
    k = len(contacts)
    recent = rng.random(k) < 0.2
    back = np.where(recent, rng.integers(1, 60, k), rng.integers(60, 400, k)) * DAY
    created = world.end - back - rng.integers(0, DAY, k)
    df = _tap_responses(rng, k, created, 60_000_000)
    df["person__id"] = np.char.add("dm", np.arange(k).astype(str)).astype(object)
    df["person__email"] = contacts.email.to_numpy()
    df["person_properties__contact_type"] = choice(rng, DM_CONTACT_TYPES, [1] * 7, k)
    df["person_properties__month_since_billing_start_date"] = choice(
        rng, ["2", "3", "5", "6", "10", "11"], [1] * 6, k)
    df["person_properties__organization_id"] = orgs[rng.integers(0, len(orgs), k)].astype(str)
    batched = next_slot(np.maximum(created, world.start - 400 * DAY), REPLICA_LOADS)
    df["_sdc_batched_at"] = ts_col(batched)
    return state_table("tap_delighted_decision_maker.survey_responses", df, ("id",), batched)


def _employers(rng) -> RawTable:
    """The deprecated employer survey: a few dozen responses in 2017-2018, synced long ago."""
    k = 30
    start, end = to_us(EMPLOYER_START), to_us(EMPLOYER_END)
    created = np.sort(rng.integers(start, end, k))
    df = _tap_responses(rng, k, created, 70_000_000)
    batched = next_slot(created, REPLICA_LOADS)
    df["_sdc_batched_at"] = ts_col(batched)
    return state_table("tap_delighted_employer.survey_responses", df, ("id",), batched)


def _additional_answers(rng, schema: str, responses: pd.DataFrame) -> RawTable:
    """Zero to three follow-up answers per patient response (synced with the response)."""
    responses = responses.drop_duplicates("id", keep="last").reset_index(drop=True)
    counts = rng.choice([0, 1, 2, 3], size=len(responses), p=[0.4, 0.3, 0.2, 0.1])
    g, rank = group_rank(counts)
    question = [QUESTIONS[r] for r in rank]
    value = [rng.choice(q[3]) if q[3] else choice(rng, NPS_COMMENTS, [1] * len(NPS_COMMENTS), 1)[0]
             for q in question]
    df = pd.DataFrame(dict(
        _sdc_source_key_id=responses.id.to_numpy()[g], _sdc_level_0_id=rank,
        question=[json.dumps(dict(id=q[0], type=q[1], text=q[2])) for q in question],
        value=np.asarray(value, dtype=object)))
    delivered = responses._delivered_at.dt.tz_convert(None).to_numpy().astype(
        "datetime64[us]").astype(np.int64)[g]
    df["_sdc_batched_at"] = ts_col(delivered)
    return state_table(f"{schema}.survey_responses__additional_answers", df,
                       ("_sdc_source_key_id", "_sdc_level_0_id"), delivered)

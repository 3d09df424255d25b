"""Delighted, the NPS surveys sent a week after an episode (Singer taps, one per language).

Tap tables: tap_delighted_patient_en / _fr .survey_responses and .survey_responses__tags. Draws
from the stream "episodes" after sources/patientapp. Reads the members' emails from scribe.users
and their organizations from `world.people` (sources/scribe).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.world import (
    DAY, HOUR, REPLICA_LOADS, SEC, RawTable, WorldState, choice, group_rank, next_slot,
    state_table, ts_col,
)

NPS_TAGS = ["+ fast", "+ friendly", "+ professional", "+ easy", "- wait time", "- app issues",
            "- not resolved"]
NPS_COMMENTS = ["Great service, very fast.", "The nurse was very helpful.",
                "Waited too long for an answer.", "Easy to use and professional.",
                "Merci beaucoup, service rapide!", "Pas de reponse le soir.",
                "Excellent suivi.", "The app crashed twice."]
SCORE_WEIGHTS = np.array([1, 0.5, 0.5, 1, 1, 1.5, 2.5, 5, 10, 25, 52]) / 100  # scores 0 to 10


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
    return df, score, batched


def _tags(rng, survey_id, score, batched) -> tuple[pd.DataFrame, np.ndarray]:
    """Zero to two tags per response, positive ones for promoters (and the response of each)."""
    n_tags = rng.choice([0, 1, 2], size=len(survey_id), p=[0.5, 0.35, 0.15])
    gt, jt = group_rank(n_tags)
    positive = score[gt] >= 9
    tag = np.where(positive, np.array(NPS_TAGS[:4])[rng.integers(0, 4, len(gt))],
                   np.array(NPS_TAGS[4:])[rng.integers(0, 3, len(gt))])
    return pd.DataFrame(dict(_sdc_source_key_id=survey_id[gt], _sdc_value=tag.astype(object),
                             _sdc_level_0_id=jt, _sdc_batched_at=ts_col(batched[gt]))), gt

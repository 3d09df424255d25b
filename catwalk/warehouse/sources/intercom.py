"""Intercom: the customer-success team's follow-up conversations with patients.

Segment cloud object tables: intercom.conversations (one per conversation, `user_id` the
Intercom user id `icu_<Scribe id>`), intercom.conversation_parts (an admin part opening it, a
user reply on ~70 %) and intercom.users (one per contacted member, with the Scribe id and
email). ~30 % of NPS detractors (scores 0-6 of sources/delighted) and ~5 % of the other
respondents get a conversation 0 to 21 days after answering, mostly in business hours
(9:00-17:00 local); plus about one unrelated conversation a day with random members. Draws from its own stream "intercom".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.world import (
    DAY, HOUR, MIN, SEC, RawTable, WorldState, local_to_utc, replica_time, state_table, ts_col,
    utc_to_local,
)


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("intercom")
    user, t = _contacts(world, rng)
    keep = t < world.world_end
    user, t = user[keep], t[keep]
    k = len(t)
    conv_id = np.char.add("conv_", (7_000_000 + np.arange(k)).astype(str)).astype(object)
    conv_seen = replica_time(t, rng)
    conversations = pd.DataFrame(dict(id=conv_id, user_id=_intercom_id(user),
                                      created_at=ts_col(t), received_at=ts_col(conv_seen),
                                      uuid_ts=ts_col(conv_seen + rng.integers(0, 60 * SEC, k))))
    replied = rng.random(k) < 0.7
    r = np.flatnonzero(replied)
    part_t = np.r_[t, t[r] + rng.integers(10 * MIN, 48 * HOUR, len(r))]
    part_conv = np.r_[conv_id, conv_id[r]]
    author = np.r_[np.full(k, "admin", object), np.full(len(r), "user", object)]
    pk = part_t < world.world_end
    part_t, part_conv, author = part_t[pk], part_conv[pk], author[pk]
    part_seen = replica_time(part_t, rng)
    parts = pd.DataFrame(dict(id=np.char.add("part_", np.arange(len(part_t)).astype(str)),
                              conversation_id=part_conv, author_type=author,
                              created_at=ts_col(part_t), received_at=ts_col(part_seen),
                              uuid_ts=ts_col(part_seen + rng.integers(0, 60 * SEC, len(part_t)))))
    uniq, inverse = np.unique(user, return_inverse=True)
    emails = world.tables["scribe.users"].df.drop_duplicates("id").set_index("id")["email"]
    user_seen = np.full(len(uniq), np.iinfo(np.int64).max)
    np.minimum.at(user_seen, inverse.reshape(-1), conv_seen)  # with the user's first conversation
    users = pd.DataFrame(dict(id=_intercom_id(uniq),
                              email=emails.reindex(uniq).to_numpy(),
                              user_id=uniq.astype(str).astype(object),
                              received_at=ts_col(user_seen), uuid_ts=ts_col(user_seen)))
    return {"intercom.conversations": state_table("intercom.conversations", conversations,
                                                  ("id",), conv_seen),
            "intercom.conversation_parts": state_table("intercom.conversation_parts", parts,
                                                       ("id",), part_seen),
            "intercom.users": state_table("intercom.users", users, ("id",), user_seen)}


def _contacts(world: WorldState, rng) -> tuple[np.ndarray, np.ndarray]:
    """(Scribe user id, conversation start) of every conversation, in no particular order."""
    users, times = [], []
    for lang in ("en", "fr"):
        df = world.tables[f"tap_delighted_patient_{lang}.survey_responses"].df
        score = df.score.to_numpy()
        chosen = rng.random(len(df)) < np.where(score <= 6, 0.3, 0.05)
        answered = df.created_at.to_numpy()[chosen].astype(np.int64) * SEC
        users.append(df.person__id.str[1:].astype(np.int64).to_numpy()[chosen])
        times.append(answered)
    user, answered = np.concatenate(users), np.concatenate(times)
    pe = world.people
    adults = pe[(pe.kind < 2) & (pe.created < world.start)].uid.to_numpy()  # members by then
    n_days = max(1, (world.world_end - world.start) // DAY)
    other = adults[rng.integers(0, len(adults), n_days)]
    other_t = world.start + rng.integers(0, n_days, n_days) * DAY
    user, answered = np.r_[user, other], np.r_[answered, other_t]
    day = utc_to_local(answered) // DAY + rng.integers(0, 22, len(user))
    business = rng.random(len(user)) < 0.85
    tod = np.where(business, rng.integers(9 * HOUR, 17 * HOUR, len(user)),
                   rng.integers(0, DAY, len(user)))
    start = local_to_utc(day * DAY + tod)
    return user, np.maximum(start, answered + MIN)


def _intercom_id(scribe_ids: np.ndarray) -> np.ndarray:
    """The Intercom user id of Scribe users: 'icu_<Scribe id>'."""
    return np.char.add("icu_", np.asarray(scribe_ids).astype(str)).astype(object)

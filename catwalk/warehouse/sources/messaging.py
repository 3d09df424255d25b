"""Messaging (Mattermost): the posts of every episode's chat and the manual DXA launches.

Segment: messaging.posts, messaging.dxa_cc; the older era's mm.posts replica exists and stays
empty. Observes the care journey (catwalk.warehouse.episodes) and draws the posts' details
(length, question marks, appointments, mentions) from the stream "episodes" right after it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.episodes import POST_TYPES, USER_TYPES
from catwalk.warehouse.world import (
    DAY, MIN, RawTable, WorldState, empty_state_table, full_obj,
)


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("episodes")
    j = world.episodes
    _posts(world, rng, j.posts)
    mm_, cc = j.dxa_cc
    world.events.add("messaging.dxa_cc", j.resp[mm_] + MIN, j.responder[mm_],
                     episode_id=j.episode_id[mm_], cc=cc)
    return {"messaging.posts": world.events.build("messaging.posts"),
            "messaging.dxa_cc": world.events.build("messaging.dxa_cc"),
            "mm.posts": empty_state_table("mm.posts", "id")}


def _posts(world: WorldState, rng, posts: dict) -> None:
    npost = len(posts["t"])
    length = np.maximum(1, rng.lognormal(4, 0.8, npost).astype(np.int64))
    qm = rng.poisson(0.4, npost).astype(np.int32)
    physician = posts["user_type"] == USER_TYPES.index("physician")
    apt = np.flatnonzero(physician & (rng.random(npost) < 0.01))
    next_apt = full_obj(npost, None)
    next_apt[apt] = pd.DatetimeIndex((posts["t"][apt] + 2 * DAY).astype("datetime64[us]")
                                     ).strftime("%Y-%m-%d %H:%M:%S")
    world.events.add(
        "messaging.posts", posts["t"], posts["user"], channel_id=posts["ep"],
        post_id=20_000_000 + np.arange(npost),
        user_type=pd.Categorical.from_codes(posts["user_type"], USER_TYPES),
        is_internal_post=posts["internal"],
        post_type=pd.Categorical.from_codes(posts["post_type"], POST_TYPES),
        message_length=length.astype(np.int32), count_question_marks=qm, is_question=qm > 0,
        mention=np.where(rng.random(npost) < 0.02, "@channel", None).astype(object),
        next_appointment=next_apt.astype(object), mm_user_id=posts["user"],
        optional=("message_length", "count_question_marks", "mention"))

"""Usher, the episode state machine: every state an episode goes through.

Segment: usher.set_episode_state (active, waiting_for_patient, resolved, pending). Observes the
care journey (catwalk.warehouse.episodes); draws nothing.
"""

from __future__ import annotations

import numpy as np

from catwalk.warehouse.world import RawTable, WorldState, full_obj


def simulate(world: WorldState) -> dict[str, RawTable]:
    j = world.episodes
    ms = [np.flatnonzero(mask) for mask, *_ in j.states]
    world.events.add(
        "usher.set_episode_state",
        np.concatenate([t[m] for m, (_, t, _, _) in zip(ms, j.states)]),
        np.concatenate([user[m] for m, (_, _, user, _) in zip(ms, j.states)]),
        episode_id=np.concatenate([j.episode_id[m] for m in ms]),
        episode_state=np.concatenate([full_obj(len(m), s) for m, (*_, s) in zip(ms, j.states)]))
    return {"usher.set_episode_state": world.events.build("usher.set_episode_state")}

"""Usher, the episode state machine: every state an episode goes through.

Segment: usher.set_episode_state (active, waiting_for_patient, resolved, pending). Observes the
care journey (catwalk.warehouse.episodes); draws nothing.
"""

from __future__ import annotations

import numpy as np

from catwalk.warehouse.world import RawTable, WorldState, full_obj


def simulate(world: WorldState) -> dict[str, RawTable]:
    j = world.episodes
    t, user, episode, state = [], [], [], []
    for mask, at, by, name in j.states:  # (episodes, time, user, state) in the journey's order
        m = np.flatnonzero(mask)
        t.append(at[m]), user.append(by[m]), episode.append(j.episode_id[m])
        state.append(full_obj(len(m), name))
    world.events.add("usher.set_episode_state", np.concatenate(t), np.concatenate(user),
                     episode_id=np.concatenate(episode), episode_state=np.concatenate(state))
    return {"usher.set_episode_state": world.events.build("usher.set_episode_state")}

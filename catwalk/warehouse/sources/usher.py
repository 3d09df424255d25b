"""Usher, the episode state machine: every state an episode goes through.

Segment: usher.set_episode_state (active, waiting_for_patient, resolved, pending). Observes the
care journey (catwalk.warehouse.episodes); draws nothing. Segment's all-events table of the
source, usher.tracks, is their union (`simulate_tracks`).
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


TRACKED = ("usher.set_episode_state",)  # the event tables usher.tracks unions


def simulate_tracks(world: WorldState) -> dict[str, RawTable]:
    """usher.tracks, Segment's all-events table: the union of the TRACKED events (a step after
    every other, before any table is built; see EventSink.tracks)."""
    return {"usher.tracks": world.events.tracks("usher.tracks", TRACKED)}

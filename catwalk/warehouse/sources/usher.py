"""Usher, the episode state machine: every state an episode goes through.

Segment: usher.set_episode_state (active, waiting_for_patient, resolved, pending). Observes the
care journey (catwalk.warehouse.episodes); draws nothing. Segment's all-events table of the
source, usher.tracks, is their union (`simulate_tracks`).

`simulate_assignments` adds usher assignments: which practitioner an episode is assigned to, and by whom.

Segment: usher.episode_assigned (`user_id` the actor, `assigned_user_id` the assignee, NULL when
unassigned). When a practitioner first responds the episode is assigned to them (by themselves
~85 %, by a care-coordinator shift manager ~15 %); episodes a care coordinator answers first are
handed to the nurse a few minutes later (~40 % of episodes); an unassign precedes each resolved /
pending state. Draws from its own stream "usher_assignments"; observes the care journey.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.world import (
    MIN, SEC, RawTable, WorldState, full_obj,
)


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
# -------------------- issue 18: simulate_assignments (its own random stream) --------------------
TABLE = "usher.episode_assigned"


def simulate_assignments(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("usher_assignments")
    j = world.episodes
    cared = np.flatnonzero(j.cared)
    managers = np.asarray(world.pools["cc"])
    by_manager = rng.random(len(cared)) < 0.15
    actor = np.where(by_manager, managers[rng.integers(0, len(managers), len(cared))],
                     j.responder[cared])
    at = j.resp[cared] - rng.integers(1 * SEC, 20 * SEC, len(cared))
    parts = [(at, actor, j.episode_id[cared], j.responder[cared])]
    hand = cared[j.responder[cared] != j.nurse[cared]]
    parts.append((j.resp[hand] + rng.integers(3 * MIN, 8 * MIN, len(hand)), j.responder[hand],
                  j.episode_id[hand], j.nurse[hand]))
    ended = np.flatnonzero(j.cared & (j.end_state != None))  # noqa: E711
    parts.append((j.end_t[ended] - rng.integers(2 * SEC, 30 * SEC, len(ended)), j.nurse[ended],
                  j.episode_id[ended], None))
    t = np.concatenate([p[0] for p in parts])
    keep = t < world.world_end
    assignee = pd.array(np.concatenate([
        p[3] if p[3] is not None else np.zeros(len(p[0]), np.int64) for p in parts]),
        dtype="Int64")
    assignee[len(t) - len(ended):] = pd.NA
    world.events.add(TABLE, t[keep], np.concatenate([p[1] for p in parts])[keep],
                     episode_id=np.concatenate([p[2] for p in parts])[keep],
                     assigned_user_id=assignee[keep])
    return {TABLE: world.events.build(TABLE)}

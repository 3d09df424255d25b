"""Unresponsive, the nudges sent to patients an episode is waiting for.

Segment: unresponsive.nudge (one to three hourly nudges after an episode waits for the patient).
Observes the care journey (catwalk.warehouse.episodes); draws nothing. unresponsive.giveup
(`simulate_giveup`, its own step and stream): the workflow giving up after the last nudge.
"""

from __future__ import annotations

import numpy as np

from catwalk.warehouse.world import HOUR, MIN, RawTable, WorldState


def simulate(world: WorldState) -> dict[str, RawTable]:
    j = world.episodes
    gn, jn = j.nudges
    world.events.add("unresponsive.nudge", j.resp[gn] + 3 * MIN + (jn + 1) * HOUR, j.nurse[gn],
                     episode_id=j.episode_id[gn], iteration=(jn + 1).astype(np.int32))
    return {"unresponsive.nudge": world.events.build("unresponsive.nudge")}


def simulate_giveup(world: WorldState) -> dict[str, RawTable]:
    """The workflow gives up an hour after the last nudge of about half the nudged episodes
    (step "unresponsive_giveup", own stream of that name); `user_id` is the patient."""
    rng = world.stream("unresponsive_giveup")
    j = world.episodes
    gn, jn = j.nudges
    last = np.r_[np.flatnonzero(np.diff(gn)), len(gn) - 1] if len(gn) else gn  # last nudges
    episodes = gn[last]
    gave_up = rng.random(len(episodes)) < 0.5
    e, n = episodes[gave_up], jn[last[gave_up]]
    t = j.resp[e] + 3 * MIN + (n + 2) * HOUR + rng.integers(0, 10 * MIN, len(e))
    keep = t < world.world_end
    world.events.add("unresponsive.giveup", t[keep], j.poster[e][keep],
                     episode_id=j.episode_id[e][keep])
    return {"unresponsive.giveup": world.events.build("unresponsive.giveup")}

"""Unresponsive, the nudges sent to patients an episode is waiting for.

Segment: unresponsive.nudge (one to three hourly nudges after an episode waits for the patient).
Observes the care journey (catwalk.warehouse.episodes); draws nothing.
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

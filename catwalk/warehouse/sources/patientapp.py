"""Patient app: the star rating a patient gives after an episode.

Segment: patientapp.submit_answer_post_request; the older era's
patientapp.video_session_connect_success exists and stays empty. Draws the ratings from the
stream "episodes" after sources/careplatform.
"""

from __future__ import annotations

import numpy as np

from catwalk.warehouse.world import HOUR, MIN, RawTable, WorldState


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("episodes")
    j = world.episodes
    ra = np.flatnonzero(j.cared & (rng.random(j.n) < 0.3))
    stars = rng.choice([1, 2, 3, 4, 5], size=len(ra), p=[0.03, 0.04, 0.08, 0.25, 0.6])
    world.events.add(
        "patientapp.submit_answer_post_request", j.end_t[ra] + rng.integers(MIN, HOUR, len(ra)),
        j.poster[ra], channel_id=j.episode_id[ra],
        answers=np.char.add(np.char.add("[", stars.astype(str)), "]").astype(object))
    return {name: world.events.build(name) for name in (
        "patientapp.submit_answer_post_request", "patientapp.video_session_connect_success")}

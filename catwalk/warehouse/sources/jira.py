"""Jira: product issues and bugs, one Segment event per creation and per update (webhook).

Segment: jira.issue_created, jira.issue_updated. Project `Dialogue Product` (~90 %, the rest
`Data Platform`), 3 to 6 issues a week: P1 Bug 5 %, P2 Bug 25 %, P3 Bug 30 %, Sub-bug 10 %,
Story / Task / Polish / Spike the rest. Each creation is followed by 1 to 5 updates (To Do -> In
Progress -> Done); the last one of a resolved issue carries `resolved_at` and `resolution` (Done
80 %, Duplicate, Cannot Reproduce, Won't Do) 0.5 to 20 days after creation (P1 within 3 days).
`discovered_by` Tech 60 % / Users 40 %; `incident_count` (text) rises on some updates. Draws from
its own stream "jira".
"""

from __future__ import annotations

import numpy as np

from catwalk.warehouse.world import DAY, HOUR, MIN, RawTable, WorldState, choice, group_rank

TYPES = ["P1 Bug", "P2 Bug", "P3 Bug", "Sub-bug", "Story", "Task", "Polish", "Spike"]
TYPE_WEIGHTS = [5, 25, 30, 10, 12, 10, 5, 3]
FEATURES = ["chat", "video", "sign-up", "care platform", "notifications", "billing"]
SQUADS = ["Patient", "Care", "Platform"]
RESOLUTIONS = ["Done", "Duplicate", "Cannot Reproduce", "Won't Do"]


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("jira")
    n_weeks = max(1, -(-(world.world_end - world.start) // (7 * DAY)))
    n = int(rng.integers(3, 7, n_weeks).sum())
    created = np.sort(world.start + rng.integers(0, world.world_end - world.start, n))
    issue_type = choice(rng, TYPES, TYPE_WEIGHTS, n)
    delay = np.where(issue_type == "P1 Bug", rng.uniform(0.1, 3, n), rng.uniform(0.5, 20, n))
    resolved = created + (delay * DAY).astype(np.int64)
    is_resolved = resolved < world.world_end
    fields = dict(
        issue_key=np.char.add("DP-", (1000 + np.arange(n)).astype(str)).astype(object),
        created_at=created.astype("datetime64[us]"), issue_type=issue_type,
        project_name=np.where(rng.random(n) < 0.9, "Dialogue Product", "Data Platform")
        .astype(object),
        discovered_by=choice(rng, ["Tech", "Users"], [60, 40], n),
        squad=choice(rng, SQUADS, [1, 1, 1], n), feature=choice(rng, FEATURES, [1] * 6, n),
        sprint=np.char.add("Sprint ", (created // (14 * DAY) % 100).astype(str)).astype(object),
        summary=np.char.add("Issue ", np.arange(n).astype(str)).astype(object),
        description=np.where(rng.random(n) < 0.8, "Steps to reproduce attached.", None)
        .astype(object))
    reporter = np.char.add("jira-user-", rng.integers(1, 15, n).astype(str)).astype(object)
    world.events.add("jira.issue_created", created, reporter, status="To Do",
                     incident_count="0", **fields)
    k = rng.integers(1, 6, n)
    g, r = group_rank(k)
    last = r == k[g] - 1
    frac = (r + 1) / k[g]
    end = np.where(is_resolved[g], resolved[g], np.minimum(resolved[g], world.world_end - HOUR))
    t = np.where(last & is_resolved[g], resolved[g],
                 created[g] + ((end - created[g]) * frac * 0.95).astype(np.int64) + MIN)
    status = np.where(last & is_resolved[g], "Done", "In Progress").astype(object)
    incidents = np.cumsum(rng.random(len(g)) < 0.2)
    incidents = incidents - np.repeat(np.r_[0, incidents][np.cumsum(k) - k], k)
    done = last & is_resolved[g]
    resolution = np.where(done, choice(rng, RESOLUTIONS, [80, 8, 7, 5], len(g)), None)
    resolved_at = np.where(done, resolved[g], -1)
    keep = t < world.world_end
    world.events.add("jira.issue_updated", t[keep], reporter[g][keep],
                     status=status[keep], incident_count=incidents[keep].astype(str)
                     .astype(object), resolution=resolution[keep].astype(object),
                     resolved_at=_text_times(resolved_at[keep]),
                     **{key: value[g][keep] for key, value in fields.items()})
    return {name: world.events.build(name) for name in ("jira.issue_created",
                                                         "jira.issue_updated")}


def _text_times(us: np.ndarray) -> np.ndarray:
    """UTC microseconds -> 'YYYY-MM-DDTHH:MM:SS+00' text (NULL where negative)."""
    text = np.char.add(np.datetime_as_string(np.maximum(us, 0).astype("datetime64[us]")
                                             .astype("datetime64[s]"), unit="s"), "+00")
    return np.where(us < 0, None, text).astype(object)

"""GitHub (deprecated custom extract): bugs tracked as issues before Jira, merged pull requests
(deploys) and the repositories.

Extract tables: github.repositories (one row per repository of the engineering whitelist seed
`data_engineering_repo_white_list`), github.issues (P1 / P2 bugs and other issues of
`care-platform` / `patient-app`, created only before the cut-over to Jira a quarter into the
window), github.pull_requests (2 to 8 merged each weekday into `master` of the Production,
Development and Data-Infrastructure repositories, and into `beta` of `care-platform`; ~3 %
without `repo_name`, which the URL still names). Draws from its own stream "github".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.seeds import repo_whitelist
from catwalk.warehouse.world import (
    DAY, HOUR, MIN, RawTable, WorldState, choice, replica_time, state_table, ts_col,
)

MERGED_STAGES = ("Production", "Development", "Data-Infrastructure")


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("github")
    repos = repo_whitelist()
    names = np.array([r["repo_name"] for r in repos], dtype=object)
    created = world.start - rng.integers(200, 2000, len(names)) * DAY
    pushed = world.end - rng.integers(0, 30 * DAY, len(names))
    seen = replica_time(pushed, rng)
    repositories = pd.DataFrame(dict(name=names, created_at=ts_col(created),
                                     pushed_at=ts_col(pushed)))
    return {"github.repositories": state_table("github.repositories", repositories, ("name",),
                                               seen),
            "github.issues": _issues(world, rng),
            "github.pull_requests": _pull_requests(world, rng, repos)}


def _issues(world: WorldState, rng) -> RawTable:
    cutover = world.start + (world.end - world.start) // 4
    n = max(2, int((cutover - world.start) // DAY) * 2)
    created = np.sort(world.start + rng.integers(0, cutover - world.start, n))
    is_bug = rng.random(n) < 0.8
    priority = np.where(is_bug, choice(rng, ["P1", "P2"], [2, 8], n), None).astype(object)
    closed = created + (rng.uniform(0.1, 15, n) * DAY).astype(np.int64)
    is_closed = closed < world.end
    closed_col = pd.Series(ts_col(np.where(is_closed, closed, 0)))
    closed_col[~is_closed] = pd.NaT
    updated = np.where(is_closed, closed, created + HOUR)
    df = pd.DataFrame(dict(
        id=np.arange(n) + 500_000_000, number=(np.arange(n) + 3000).astype(np.int32),
        state=np.where(is_closed, "closed", "open").astype(object),
        created_at=ts_col(created), updated_at=ts_col(updated), closed_at=closed_col,
        priority=priority, feature_affected=choice(rng, ["chat", "video", "sign-up"], [1, 1, 1],
                                                   n),
        is_bug=is_bug, source=choice(rng, ["Tech", "Users"], [6, 4], n),
        labels=np.where(is_bug, np.char.add("bug,", priority.astype(str)), "enhancement")
        .astype(object),
        pull_request_url=None, assignee=choice(rng, ["dev-a", "dev-b", "dev-c"], [1, 1, 1], n),
        issue_user=choice(rng, ["cs-a", "dev-b", "qa-c"], [1, 1, 1], n),
        title=np.char.add("Bug ", np.arange(n).astype(str)).astype(object),
        repo=choice(rng, ["care-platform", "patient-app"], [6, 4], n), milestone=None))
    return state_table("github.issues", df, ("id",), replica_time(updated, rng))


def _pull_requests(world: WorldState, rng, repos: list[dict]) -> RawTable:
    merged_repos = [r["repo_name"] for r in repos if r["stage"] in MERGED_STAGES]
    days = np.arange(world.start // DAY, world.end // DAY)
    weekday = ((days + 3) % 7) < 5  # 1970-01-01 was a Thursday
    per_day = np.where(weekday, rng.integers(2, 9, len(days)), 0)
    day = np.repeat(days, per_day)
    n = len(day)
    merged = day * DAY + rng.integers(13 * HOUR, 23 * HOUR, n)
    repo = np.asarray(merged_repos, dtype=object)[rng.integers(0, len(merged_repos), n)]
    beta = (repo == "care-platform") & (rng.random(n) < 0.5)
    df = pd.DataFrame(dict(
        number=(np.arange(n) + 100).astype(np.int32),
        title=np.char.add("Change ", np.arange(n).astype(str)).astype(object),
        state="closed", html_url=_urls(repo, np.arange(n) + 100),
        created_at=ts_col(merged - rng.integers(HOUR, 72 * HOUR, n)), merged_at=ts_col(merged),
        base_branch=np.where(beta, "beta", "master").astype(object), body=None,
        username=choice(rng, ["dev-a", "dev-b", "dev-c", "dev-d"], [1, 1, 1, 1], n),
        repo_name=np.where(rng.random(n) < 0.03, None, repo).astype(object)))
    return state_table("github.pull_requests", df, ("html_url",),
                       replica_time(merged + MIN, rng))


def _urls(repo: np.ndarray, number: np.ndarray) -> np.ndarray:
    """Pull request URLs https://github.com/dialoguemd/<repo>/pull/<number>."""
    return np.char.add(np.char.add(np.char.add("https://github.com/dialoguemd/", repo.astype(str)),
                                   "/pull/"), number.astype(str)).astype(object)

"""Sources that deliver little or late: idle sparse sources (issue 16 point 9) and models whose
blocking audits read a late source (issue 16 point 4)."""

from __future__ import annotations

import shutil

import pytest

from catwalk.project import PROJECT_ROOT
from catwalk.runner import EXIT_LATE, EXIT_OK
from runner_helpers import Warehouse, connect_duckdb, ts

pytestmark = pytest.mark.slow  # end-to-end: a plan and runs each


def _execute(warehouse: Warehouse, sql: str) -> None:
    connection = connect_duckdb(warehouse.database)
    try:
        connection.execute(sql)
    finally:
        connection.close()


def _sparse_load(warehouse: Warehouse, until: str, silent_since: str, **kwargs) -> None:
    """A load in which unresponsive.nudge has received nothing since `silent_since`."""
    warehouse.feed.load(until, **kwargs)
    _execute(
        warehouse,
        f"DELETE FROM unresponsive.nudge WHERE received_at > TIMESTAMPTZ '{silent_since}:00+00:00'",
    )


def _with_nudge_model(warehouse: Warehouse) -> None:
    relative = "models/base/unresponsive/unresponsive_nudge.sql"
    destination = warehouse.project / relative
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_ROOT / relative, destination)


def test_a_sparse_source_silent_for_a_day_is_idle_not_late(warehouse):
    _with_nudge_model(warehouse)
    # The unresponsive workflow sent no nudge after 11-01 06:00; Segment delivers everything else.
    _sparse_load(warehouse, "2026-11-02 06:00", "2026-11-01 06:00")
    warehouse.plan("2026-11-02 07:00")
    _sparse_load(warehouse, "2026-11-03 06:00", "2026-11-01 06:00")
    code, output = warehouse.run("2026-11-03 07:00")
    assert code == EXIT_OK, output
    assert "unresponsive" not in output
    done = warehouse.query(
        "SELECT MAX(interval_end) FROM meta.run_log"
        " WHERE model = 'analytics.unresponsive_nudge' AND status = 'success'"
    )[0][0]
    assert done == ts("2026-11-03 06:00")
    assert warehouse.query(
        "SELECT COUNT(*) FROM meta.run_log WHERE status = 'waiting'"
        " AND model = 'analytics.unresponsive_nudge'"
    ) == [(0,)]


def test_a_silent_loader_is_late_not_idle(warehouse):
    """Every Segment table silent for more than a day: the loader is late, its models wait."""
    _with_nudge_model(warehouse)
    segment = ("messaging", "usher", "unresponsive", "scribe")
    warehouse.feed.load("2026-11-02 06:00")
    warehouse.plan("2026-11-02 07:00")
    warehouse.feed.load("2026-11-03 06:00", skip=segment)
    code, output = warehouse.run("2026-11-03 07:00")
    assert code == EXIT_LATE, output
    assert "late source unresponsive.nudge (received_at)" in output
    assert "late source messaging.posts (received_at)" in output


CROSS_CHECKED_MODEL = """
MODEL (
    name analytics.runner_channel_activity,
    kind FULL,
    cron '0 7,18 * * *',
    owner analytics,
    grain episode_id,
    tags (transform, runner),
    signals (delivered()),
    audits (assert_runner_posts_keep_up_with_states),
    description 'Test model: per channel, posts and state changes; its blocking audit cross-checks the two sources.'
);

SELECT
    states.episode_id /* Channel */
    , COUNT(DISTINCT states.event_id)::BIGINT AS state_changes /* State changes */
    , (SELECT COUNT(*) FROM analytics.messaging_posts AS posts WHERE posts.episode_id = states.episode_id)::BIGINT AS post_count /* Posts */
FROM analytics.usher_episode_state_updated AS states
GROUP BY
    states.episode_id
"""

CROSS_CHECK_AUDIT = """
AUDIT (name assert_runner_posts_keep_up_with_states, blocking TRUE);
/* The posts are never more than 6 hours behind the state changes (both come from Segment). */
SELECT 1 AS behind
FROM (SELECT MAX(created_at) AS last_post FROM analytics.messaging_posts) AS posts
CROSS JOIN (SELECT MAX("timestamp") AS last_state FROM analytics.usher_episode_state_updated) AS states
WHERE posts.last_post < states.last_state - INTERVAL 6 HOUR
"""


def test_a_model_waits_for_the_late_sources_its_blocking_audit_reads(warehouse):
    (warehouse.project / "models/meta/runner/runner_channel_activity.sql").write_text(
        CROSS_CHECKED_MODEL
    )
    (warehouse.project / "audits/assert_runner_posts_keep_up_with_states.sql").write_text(
        CROSS_CHECK_AUDIT
    )
    warehouse.feed.load("2026-11-02 06:00")
    warehouse.plan("2026-11-02 07:00")
    before = warehouse.table("analytics.runner_channel_activity", "episode_id")

    warehouse.feed.load("2026-11-02 17:00", skip=("messaging",))  # posts late, states fresh
    code, output = warehouse.run("2026-11-02 18:00")
    assert code == EXIT_LATE, output
    assert "late source messaging.posts" in output
    assert "runner_channel_activity" in output  # it waits for the late source
    assert warehouse.table("analytics.runner_channel_activity", "episode_id") == before
    assert warehouse.query(
        "SELECT status FROM meta.run_log WHERE model = 'analytics.runner_channel_activity'"
        " ORDER BY started_at DESC NULLS FIRST LIMIT 1"
    ) == [("waiting",)]

    warehouse.feed.load("2026-11-03 06:00")  # the loader catches up: the model runs again
    code, output = warehouse.run("2026-11-03 07:00")
    assert code == EXIT_OK, output
    assert warehouse.table("analytics.runner_channel_activity", "episode_id") != before


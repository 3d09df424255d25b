"""Care delivery core (posts -> chats -> episodes) on the tiny generated warehouse.

Builds a slice of the project (every model tagged `care` and all their upstream models) on a copy
of the tiny warehouse with a frozen clock, then checks the invariants of posts, chats and episodes and
the generator's ground truth (schema catwalk_generator). The Postgres twin is marked `postgres`.
"""

from __future__ import annotations

import pytest



TODAY_LOCAL = "2026-03-16"


def rows(context, sql: str) -> list[tuple]:
    frame = context.fetchdf(sql)
    frame = frame.astype(object).where(frame.notna(), None)
    return [tuple(row) for row in frame.itertuples(index=False)]


def scalar(context, sql: str):
    return rows(context, sql)[0][0]


@pytest.fixture(scope="module")
def care_duckdb(tiny_prod):
    """The shared prod build of the whole project on the tiny warehouse (tests/conftest.py)."""
    return tiny_prod


def check_invariants(context) -> None:
    # Episodes are exactly the channels with a (non-test) patient post whose subject is not a test user.
    expected = {
        row[0]
        for row in rows(
            context,
            """
            SELECT DISTINCT posts.episode_id
            FROM analytics.messaging_posts_all_time AS posts
            INNER JOIN analytics.episodes_subject AS subjects ON posts.episode_id = subjects.episode_id
            LEFT JOIN analytics.scribe_test_users AS test_users ON subjects.episode_subject = test_users.user_id
            WHERE posts.user_type = 'patient' AND test_users.user_id IS NULL
            """,
        )
    }
    episodes = {row[0] for row in rows(context, "SELECT episode_id FROM analytics.episodes")}
    assert episodes, "no episode was built"
    assert episodes == expected
    # No post of a test user reaches the posts, hence no test user is an episode poster.
    assert scalar(
        context,
        """SELECT COUNT(*) FROM analytics.messaging_posts_all_time AS posts
           INNER JOIN analytics.scribe_test_users AS test_users ON posts.user_id = test_users.user_id""",
    ) == 0
    # Every episode whose first post falls on a local day the chats were built for has at least one
    # chat (the last day(s) wait for the complete Segment delivery: signal `delivered`).
    last_chat_day = scalar(context, "SELECT MAX(date_day_est) FROM analytics.chats_messaging_daily")
    checked = scalar(
        context,
        f"""SELECT COUNT(*) FROM analytics.episodes
            WHERE (created_at AT TIME ZONE 'America/Montreal')::DATE <= DATE '{last_chat_day}'""",
    )
    assert checked > 0
    without_chat = rows(
        context,
        f"""
        SELECT episodes.episode_id
        FROM analytics.episodes AS episodes
        LEFT JOIN analytics.chats AS chats ON episodes.episode_id = chats.episode_id
        WHERE (episodes.created_at AT TIME ZONE 'America/Montreal')::DATE <= DATE '{last_chat_day}'
        GROUP BY episodes.episode_id
        HAVING COUNT(chats.chat_id) = 0
        """,
    )
    assert without_chat == []
    # Exactly one New Episode chat per episode that has chats.
    new_episode_counts = rows(
        context,
        """SELECT episode_id, COUNT(CASE WHEN chat_type = 'New Episode' THEN 1 END)
           FROM analytics.chats GROUP BY episode_id
           HAVING COUNT(CASE WHEN chat_type = 'New Episode' THEN 1 END) <> 1""",
    )
    assert new_episode_counts == []
    # First response times are never negative; and they exist.
    assert scalar(context, "SELECT COUNT(*) FROM analytics.chats WHERE frt_care_team < 0 OR frt_nurse < 0") == 0
    assert scalar(context, "SELECT COUNT(frt_care_team) FROM analytics.chats") > 0
    # Episode durations are never negative (null when undefined); and they exist.
    assert scalar(
        context,
        "SELECT COUNT(*) FROM analytics.episodes WHERE frt_pt_message < 0 OR dispatch_time_first_patient_message < 0",
    ) == 0
    assert scalar(context, "SELECT COUNT(frt_pt_message) FROM analytics.episodes") > 0
    # No chat for today (local) or later.
    assert scalar(context, f"SELECT COUNT(*) FROM analytics.chats WHERE date_day_est >= DATE '{TODAY_LOCAL}'") == 0


def test_care_invariants_duckdb(care_duckdb):
    check_invariants(care_duckdb)


def test_care_matches_generator_ground_truth(care_duckdb):
    context = care_duckdb
    # Generator truth, restricted to what the models can see: episodes whose posts were delivered to
    # the raw table by the end of the window, whose poster and subject are not in the test-user
    # seed (the generator also draws seed test users as ordinary posters; they are excluded).
    truth = rows(
        context,
        """
        SELECT
            COUNT(*),
            COUNT(CASE WHEN truth.is_dependent_consult THEN 1 END)
        FROM catwalk_generator.episodes AS truth
        WHERE NOT truth.is_test_user
          AND EXISTS (SELECT 1 FROM messaging.posts AS posts WHERE posts.channel_id = truth.episode_id)
          AND truth.patient_user_id NOT IN (SELECT user_id FROM analytics.scribe_test_users)
          AND truth.subject_user_id NOT IN (SELECT user_id FROM analytics.scribe_test_users)
        """,
    )[0]
    built = rows(
        context,
        "SELECT COUNT(*), COUNT(CASE WHEN is_dependent_consult THEN 1 END) FROM analytics.episodes",
    )[0]
    assert built == truth
    # The subject of every episode is the one the generator drew (dependents included).
    mismatched = rows(
        context,
        """
        SELECT episodes.episode_id
        FROM analytics.episodes AS episodes
        INNER JOIN catwalk_generator.episodes AS truth ON episodes.episode_id = truth.episode_id
        WHERE episodes.patient_id <> truth.subject_user_id OR episodes.user_id <> truth.patient_user_id
        """,
    )
    assert mismatched == []
    # The New Episode chat starts in opening hours exactly when the generator placed it there.
    wrong_hours = rows(
        context,
        """
        SELECT chats.episode_id
        FROM analytics.chats AS chats
        INNER JOIN catwalk_generator.episodes AS truth ON chats.episode_id = truth.episode_id
        WHERE chats.chat_type = 'New Episode'
          AND chats.first_message_created_at = truth.first_post_local
          AND chats.is_first_message_in_opening_hours <> truth.is_first_post_in_opening_hours
        """,
    )
    assert wrong_hours == []
    compared = scalar(
        context,
        """
        SELECT COUNT(*)
        FROM analytics.chats AS chats
        INNER JOIN catwalk_generator.episodes AS truth ON chats.episode_id = truth.episode_id
        WHERE chats.chat_type = 'New Episode' AND chats.first_message_created_at = truth.first_post_local
        """,
    )
    assert compared > 0.9 * built[0]


@pytest.mark.postgres
def test_care_invariants_postgres(tiny_prod_postgres):
    """Same invariants on Postgres (the prod engine), on the shared Postgres prod build."""
    context, _settings = tiny_prod_postgres
    check_invariants(context)

"""Countdown questionnaires and episode enrichments (care part C).

- The reply columns of countdown.question_reply are JSON-array text; countdown_question_replied reads
  their first elements with `->> 0`, which SQLGlot transpiles for Postgres. The model, rendered for
  each engine, must give the same rows on DuckDB and on Postgres.
- On the tiny warehouse, the subject of every episode matches the generator's ground truth
  (dependents' consults included) and the questionnaire models keep one row per instance.
"""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from sqlglot import exp

from catwalk.project import open_context

REPLY_COLUMNS = (
    "id", "user_id", "timestamp", "received_at", "cd_qnaire", "cd_qnaire_tid", "cd_q_id", "cd_q_tid",
    "channel_id", "quetion_reply_items", "quetion_reply_value", "quetion_reply_values",
)
UTC = dt.timezone.utc
T0 = dt.datetime(2026, 3, 3, 14, 0, tzinfo=UTC)
RECEIVED = dt.datetime(2026, 3, 3, 17, 5, tzinfo=UTC)

# One row per shape the parser meets: member id, someone_else, numbers, empty array, blank text,
# free text, null everywhere, a repeated reply to the same question instance, a Segment duplicate.
REPLIES = [
    ("e1", "u1", T0, RECEIVED, "top_level_greeting", "qn1", "episode_subject", "q1", "ep1", '["myself"]', None, '["50138"]'),
    ("e2", "u1", T0, RECEIVED, "top_level_greeting", "qn2", "episode_subject", "q2", "ep2", '["someone_else"]', None, '["someone_else"]'),
    ("e3", "u1", T0, RECEIVED, "stress", "qn3", "q2", "q3", "ep1", '["Often", "Always"]', "", "[3, 4]"),
    ("e4", "u1", T0, RECEIVED, "stress", "qn3", "q6", "q4", "ep1", None, "I feel tired", "[]"),
    ("e5", "u1", T0, RECEIVED, "dxa", "qn4", "symptoms", "q5", "ep1", "  ", None, None),
    ("e6", "u1", T0, RECEIVED, "dxa", "qn4", "other", "q6", "ep1", None, None, None),
    ("e7", "u1", T0 + dt.timedelta(minutes=1), RECEIVED, "dxa", "qn4", "symptoms", "q5", "ep1", '["Cough"]', None, None),
    ("e1", "u1", T0, RECEIVED + dt.timedelta(hours=13), "top_level_greeting", "qn1", "episode_subject", "q1", "ep1", '["myself"]', None, '["50138"]'),
]
OUTPUT_COLUMNS = (
    "event_id", "question_tid", "question_category", "reply_labels", "reply_label_first",
    "reply_value_singular", "reply_values", "reply_values_first", "reply_value",
)


@functools.lru_cache(maxsize=1)
def _rendered_model() -> exp.Expression:
    """countdown_question_replied for 2026-03-03 (DuckDB authoring dialect), without catalog."""
    context = open_context(load_state=False, load_tests=False)
    query = context.render("analytics.countdown_question_replied", start="2026-03-03", end="2026-03-03")
    return query.transform(
        lambda node: node.set("catalog", None) or node if isinstance(node, exp.Table) else node
    )


def _rendered_query(dialect: str) -> str:
    columns = ", ".join(OUTPUT_COLUMNS)
    return f"SELECT {columns} FROM ({_rendered_model().sql(dialect=dialect)}) AS replied ORDER BY question_tid"


@functools.lru_cache(maxsize=1)
def _duckdb_rows() -> list[tuple]:
    import duckdb

    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    connection.execute("CREATE SCHEMA countdown")
    connection.execute(
        "CREATE TABLE countdown.question_reply (id TEXT, user_id TEXT, \"timestamp\" TIMESTAMPTZ, "
        "received_at TIMESTAMPTZ, cd_qnaire TEXT, cd_qnaire_tid TEXT, cd_q_id TEXT, cd_q_tid TEXT, "
        "channel_id TEXT, quetion_reply_items TEXT, quetion_reply_value TEXT, quetion_reply_values TEXT)"
    )
    connection.executemany(
        f"INSERT INTO countdown.question_reply VALUES ({', '.join('?' * len(REPLY_COLUMNS))})", REPLIES
    )
    return connection.execute(_rendered_query("duckdb")).fetchall()


def test_reply_parsing_on_duckdb():
    rows = {row[1]: row for row in _duckdb_rows()}
    assert sorted(rows) == ["q1", "q2", "q3", "q4", "q5", "q6"]  # one row per question instance
    assert rows["q1"][7] == "50138" and rows["q1"][4] == "myself" and rows["q1"][8] == "50138"
    assert rows["q2"][7] == "someone_else"
    assert rows["q3"][2] == "Depression" and rows["q3"][7] == "3" and rows["q3"][5] is None
    assert rows["q4"][2] == "Stress" and rows["q4"][7] is None and rows["q4"][8] == "I feel tired"
    assert rows["q5"][3] is None and rows["q5"][4] is None  # blank text is no answer, not a JSON error
    assert rows["q6"][8] is None


@pytest.mark.postgres
def test_reply_parsing_is_identical_on_postgres(pg_database):
    import psycopg2

    expected = _duckdb_rows()
    connection = psycopg2.connect(
        host=pg_database["host"], port=pg_database["port"], user=pg_database["user"],
        dbname=pg_database["dbname"],
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'UTC'")
            cursor.execute("CREATE SCHEMA countdown")
            cursor.execute(
                "CREATE TABLE countdown.question_reply (id TEXT, user_id TEXT, \"timestamp\" TIMESTAMPTZ, "
                "received_at TIMESTAMPTZ, cd_qnaire TEXT, cd_qnaire_tid TEXT, cd_q_id TEXT, cd_q_tid TEXT, "
                "channel_id TEXT, quetion_reply_items TEXT, quetion_reply_value TEXT, quetion_reply_values TEXT)"
            )
            cursor.executemany(
                f"INSERT INTO countdown.question_reply VALUES ({', '.join(['%s'] * len(REPLY_COLUMNS))})",
                REPLIES,
            )
            cursor.execute(_rendered_query("postgres"))
            actual = cursor.fetchall()
    finally:
        connection.close()
    assert actual == expected


def test_episode_subjects_match_the_generator(tiny_prod):
    """Every episode's subject is the generator's subject: the poster, or the member the poster
    named (a dependent), never the someone_else label."""
    mismatches = tiny_prod.fetchdf(
        """
        SELECT subjects.episode_id, subjects.episode_subject, truth.subject_user_id
        FROM analytics.episodes_subject AS subjects
        LEFT JOIN catwalk_generator.episodes AS truth
            ON subjects.episode_id = truth.episode_id
        WHERE truth.subject_user_id IS DISTINCT FROM subjects.episode_subject
        """
    )
    assert mismatches.empty, mismatches.head(10).to_string()
    counts = tiny_prod.fetchdf(
        """
        SELECT
            (SELECT COUNT(*) FROM analytics.episodes_subject) AS subjects
            , (SELECT COUNT(*) FROM analytics.messaging_channels) AS channels
            , (SELECT COUNT(*) FROM analytics.episodes_subject WHERE episode_subject <> user_id) AS dependents
            , (SELECT COUNT(*) FROM analytics.episodes_subject WHERE episode_subject = 'someone_else') AS labels
        """
    ).iloc[0]
    assert counts["subjects"] == counts["channels"]
    assert counts["dependents"] > 0  # the tiny warehouse has dependents' consults: the rule is exercised
    assert counts["labels"] == 0


def test_questionnaire_instances_are_counted_once(tiny_prod):
    """Completion stats hold each started or finished instance once, whatever Segment duplicated."""
    counts = tiny_prod.fetchdf(
        """
        SELECT
            (SELECT COUNT(*) FROM analytics.countdown_qnaire_completion_stats) AS stats
            , (
                SELECT COUNT(DISTINCT cd_qnaire_tid) FROM (
                    SELECT cd_qnaire_tid FROM countdown.questionnaire_start
                    UNION ALL
                    SELECT cd_qnaire_tid FROM countdown.questionnaire_finish
                    UNION ALL
                    SELECT cd_qnaire_tid FROM countdown.questionnaire_resume
                ) AS instances
                WHERE cd_qnaire_tid IS NOT NULL
            ) AS raw_instances
            , (SELECT COUNT(*) FROM analytics.countdown_qnaire_completion_stats WHERE completion_time < 0) AS negative
            , (SELECT COUNT(*) FROM analytics.countdown_qnaire_completion_stats WHERE is_completed) AS completed
            , (
                SELECT COUNT(DISTINCT cd_qnaire_tid) FROM countdown.questionnaire_finish
                WHERE cd_qnaire_tid IS NOT NULL
            ) AS raw_completed
        """
    ).iloc[0]
    assert counts["stats"] == counts["raw_instances"]
    assert counts["completed"] == counts["raw_completed"]
    assert counts["negative"] == 0


def test_symptom_descriptions_are_the_generated_ones(tiny_prod):
    """countdown_symptoms_replied holds every delivered symptoms reply with a value, each one the
    generator's description of its episode, ranked 1 once per episode."""
    import numpy as np

    from catwalk.warehouse.sources.countdown import symptom_description

    built = tiny_prod.fetchdf(
        "SELECT episode_id, descript, rank_desc FROM analytics.countdown_symptoms_replied")
    raw = tiny_prod.fetchdf(
        """
        SELECT COUNT(DISTINCT cd_q_tid) AS replies FROM countdown.question_reply
        WHERE cd_q_id = 'symptoms' AND quetion_reply_value IS NOT NULL
          AND cd_qnaire IN ('feeling_sick', 'chronic', 'ask_symptoms', 'chief_complaint')
        """
    ).iloc[0]
    assert len(built) == raw["replies"] > 50
    episodes = built.episode_id.astype(int).to_numpy()
    english = symptom_description(episodes, np.zeros(len(built), bool))
    french = symptom_description(episodes, np.ones(len(built), bool))
    assert all(text in (en, fr) for text, en, fr in zip(built.descript, english, french))
    assert (built.rank_desc == 1).sum() == built.episode_id.nunique()


def test_phq9_scores_match_the_generator(tiny_prod):
    """The PHQ-9s the generator completed are the completions of countdown_qnaire_completed (those
    delivered by the end of the window), and every completed PHQ-9 whose nine scored answers were
    all delivered, in an episode of analytics.episodes, is one row of mental_health_phq9_scores with
    the generator's score; the user's first GAD-7 is attached when the generator answered its seven
    items."""
    delivered = "truth.qnaire_tid IN (SELECT cd_qnaire_tid FROM countdown.questionnaire_finish)"
    counts = tiny_prod.fetchdf(
        f"""
        SELECT
            (SELECT COUNT(*) FROM analytics.countdown_qnaire_completed WHERE qnaire = 'phq9') AS built
            , (SELECT COUNT(*) FROM catwalk_generator.countdown_mental_health AS truth
               WHERE truth.qnaire = 'phq9' AND truth.is_completed AND {delivered}) AS truth
        """
    ).iloc[0]
    assert counts["built"] == counts["truth"] > 0
    truth = tiny_prod.fetchdf(
        f"""
        SELECT truth.qnaire_tid, truth.score
        FROM catwalk_generator.countdown_mental_health AS truth
        INNER JOIN analytics.episodes AS episodes ON truth.episode_id = episodes.episode_id
        WHERE truth.qnaire = 'phq9' AND truth.is_completed AND truth.scored_answers = 9 AND {delivered}
          AND (
              SELECT COUNT(DISTINCT replies.cd_q_id) FROM countdown.question_reply AS replies
              WHERE replies.cd_qnaire_tid = truth.qnaire_tid AND replies.cd_q_id <> 'phq_9_q11'
                AND replies.quetion_reply_values <> '[null]'
          ) = 9
        """
    )
    built = tiny_prod.fetchdf(
        """
        SELECT scores.qnaire_tid, scores.score, scores.initial_gad7_score, gad.score AS gad_score,
               gad.scored_answers AS gad_answers
        FROM analytics.mental_health_phq9_scores AS scores
        INNER JOIN catwalk_generator.countdown_mental_health AS phq9
            ON scores.qnaire_tid = phq9.qnaire_tid
        LEFT JOIN (
            SELECT user_id, score, scored_answers FROM catwalk_generator.countdown_mental_health
            WHERE qnaire = 'gad7'
            QUALIFY ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY started_at) = 1
        ) AS gad ON phq9.user_id = gad.user_id
        """
    )
    assert len(truth) >= 1, "the tiny world completes PHQ-9 questionnaires"
    assert sorted(zip(built.qnaire_tid, built.score)) == sorted(zip(truth.qnaire_tid, truth.score))
    complete = built[built.gad_answers == 7]
    assert (complete.initial_gad7_score == complete.gad_score).all()
    assert built[built.gad_answers != 7].initial_gad7_score.isna().all()

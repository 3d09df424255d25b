"""Countdown answers the generator writes: symptom descriptions, DXA answers, PHQ-9, GAD-7, stress.

- The two synthetic DXA seeds are the output of the generator's functions (regenerate them with
  `write_dxa_seeds` when the vocabulary changes), their keys are unique, and the chief complaint
  of every seed row is the chief complaint the generator parses for that episode.
- On the raw tiny warehouse: the DXA answers have the documented shapes (booleans yes/no, multiple
  choice iqr_<question>__<choice>, free text with a typed value), every symptoms reply is the
  episode's description, and the mental-health replies agree with the generator's ground truth.
"""

from __future__ import annotations

import csv

import duckdb
import numpy as np
import pytest

from catwalk.warehouse.seeds import SEEDS
from catwalk.warehouse.sources import countdown


def read_seed(name: str) -> list[dict[str, str]]:
    with open(SEEDS / f"{name}.csv", newline="") as handle:
        return list(csv.DictReader(handle))


def test_dxa_dx_seed_is_the_generators_export():
    rows = read_seed("data_dxa_dx")
    assert rows == countdown.dxa_dx_export_rows()
    assert len({row["qnaire_tid"] for row in rows}) == len(rows) > 2000
    episodes = np.array([int(row["qnaire_tid"].removeprefix("dxa_")) for row in rows])
    assert list(countdown.chief_complaint_of(episodes)) == [row["cc"] for row in rows]
    assert all(row["dx_1"] and "|" in row["dx_1"] for row in rows)
    assert any(row["dx_5"] for row in rows) and any(not row["dx_2"] for row in rows)


def test_classifier_seed_reuses_generated_descriptions():
    rows = read_seed("data_dxa_cc_classifier_data_validated")
    assert rows == countdown.cc_classifier_validated_rows()
    assert len({row["descript"] for row in rows}) == len(rows) >= 250
    assert all(row["patient_label"] == "" and row["doctor_label"] for row in rows)
    episodes = np.array([int(row["episode_id"]) for row in rows])
    assert countdown.has_symptoms_reply(episodes).all()
    texts = {(row["episode_id"], row["descript"]) for row in rows}
    for french in (False, True):  # each row is the episode's description in one language
        generated = countdown.symptom_description(episodes, np.full(len(episodes), french))
        assert sum((str(e), t) in texts for e, t in zip(episodes, generated)) > len(rows) // 3
    same = np.mean([row["doctor_label"] == cc for row, cc in
                    zip(rows, countdown.chief_complaint_of(episodes))])
    assert 0.7 < same < 0.95
    assert 0.05 < np.mean([row["shift_manager_label"] != "" for row in rows]) < 0.35


@pytest.fixture(scope="module")
def raw(tiny_warehouse):
    con = duckdb.connect(str(tiny_warehouse), read_only=True)
    yield con
    con.close()


def test_dxa_answers_have_the_documented_shapes(raw):
    shapes = dict(raw.execute("""
        SELECT
            CASE
                WHEN cd_q_id LIKE 'iQR\\_%\\_\\_yn' ESCAPE '\\' THEN 'bool'
                WHEN cd_q_id LIKE 'iQR\\_%\\_\\_free' ESCAPE '\\' THEN 'free'
                WHEN cd_q_id IN ('iQR_doul_endroits', 'iQR_doul_intense') THEN 'multi'
                ELSE 'other'
            END AS kind,
            COUNT(*) FILTER (WHERE
                (cd_q_id LIKE '%\\_\\_yn' ESCAPE '\\'
                    AND quetion_reply_items IN ('["yes"]', '["no"]'))
                OR (cd_q_id LIKE '%\\_\\_free' ESCAPE '\\'
                    AND quetion_reply_items = '["' || lower(cd_q_id) || '"]')
                OR (cd_q_id = 'iQR_doul_endroits' AND regexp_matches(quetion_reply_items,
                    '^\\["iqr_doul_endroits__(abdo|headface|tho|backbutt|limbs)"\\]$'))
                OR (cd_q_id = 'iQR_doul_intense' AND regexp_matches(quetion_reply_items,
                    '^\\["iqr_doul_intense__([0-9]|10)"\\]$'))) * 1.0 / COUNT(*)
        FROM countdown.question_reply WHERE cd_qnaire = 'dxa' GROUP BY 1""").fetchall())
    assert set(shapes) == {"bool", "free", "multi"}
    assert all(share == 1 for share in shapes.values()), shapes
    # 8-25 answers per finished instance
    per_instance = raw.execute("""
        SELECT MIN(n), MAX(n) FROM (
            SELECT r.cd_qnaire_tid, COUNT(DISTINCT r.cd_q_id) AS n
            FROM countdown.question_reply AS r
            JOIN countdown.questionnaire_finish AS f ON r.cd_qnaire_tid = f.cd_qnaire_tid
            WHERE r.cd_qnaire = 'dxa'  -- the last 3 days: a reply may wait for its delivery
              AND f."timestamp" < (SELECT MAX("timestamp") FROM countdown.question_reply)
                  - INTERVAL '3' DAY
            GROUP BY 1)""").fetchone()
    assert 8 <= per_instance[0] and per_instance[1] <= 25


def test_symptom_replies_are_the_episodes_descriptions(raw):
    rows = raw.execute("""
        SELECT DISTINCT channel_id, quetion_reply_value FROM countdown.question_reply
        WHERE cd_q_id = 'symptoms' AND quetion_reply_value IS NOT NULL""").fetchall()
    assert len(rows) > 50
    episodes = np.array([int(e) for e, _ in rows])
    english = countdown.symptom_description(episodes, np.zeros(len(rows), bool))
    french = countdown.symptom_description(episodes, np.ones(len(rows), bool))
    assert all(text in (en, fr) for (_, text), en, fr in zip(rows, english, french))
    assert countdown.has_symptoms_reply(episodes).all()


def test_mental_health_replies_agree_with_the_ground_truth(raw):
    truth = raw.execute("""
        SELECT qnaire_tid, scored_answers, score FROM catwalk_generator.countdown_mental_health
        WHERE qnaire = 'phq9' AND is_completed""").fetchall()
    assert truth, "the tiny world has PHQ-9 questionnaires"
    delivered = dict((tid, (n, s)) for tid, n, s in raw.execute("""
        SELECT cd_qnaire_tid,
               COUNT(*) FILTER (WHERE quetion_reply_values <> '[null]' AND cd_q_id <> 'phq_9_q11'),
               SUM(TRY_CAST(trim(quetion_reply_values, '[]') AS INTEGER))
                   FILTER (WHERE cd_q_id <> 'phq_9_q11')
        FROM (SELECT DISTINCT cd_qnaire_tid, cd_q_id, quetion_reply_values
              FROM countdown.question_reply WHERE cd_qnaire = 'phq9')
        GROUP BY 1""").fetchall())
    assert delivered, "some PHQ-9 answers are delivered by the end of the tiny window"
    matched = 0
    for tid, answers, score in truth:  # the instances whose answers are all delivered
        if tid in delivered and delivered[tid][0] == answers:
            assert delivered[tid][1] == score, tid
            matched += 1
    assert matched >= 3

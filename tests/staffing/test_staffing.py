"""Staffing, opening hours, videos and CP activity on the tiny generated warehouse (prod plan applied),
on DuckDB and on Postgres (the same checks; the Postgres run is marked `postgres`).

Each check recomputes its rule independently (from the raw tables or from the domain rules written
out in Python) instead of re-reading the model's own logic. The check queries are written in DuckDB
SQL and transpiled by sqlglot for Postgres.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlglot import parse_one



@pytest.fixture(
    params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)], scope="module"
)
def prod(request):
    """The prod-planned tiny warehouse on each engine."""
    if request.param == "duckdb":
        return request.getfixturevalue("tiny_prod")
    context, _settings = request.getfixturevalue("tiny_prod_postgres")
    return context


def _rows(context, sql: str) -> list[tuple]:
    frame = context.fetchdf(parse_one(sql, dialect="duckdb"))
    return [tuple(None if _is_missing(value) else value for value in row) for row in frame.itertuples(index=False)]


def _is_missing(value) -> bool:
    try:
        return value != value  # NaN / NaT
    except (TypeError, ValueError):
        return False


def _day(value) -> dt.date:
    return value.date() if hasattr(value, "date") else value


def test_practitioners_are_the_coredata_practitioners_with_a_scribe_account(prod):
    practitioners = {row[0] for row in _rows(prod, "select user_id from analytics.practitioners")}
    assert practitioners, "practitioners is empty on the tiny warehouse"
    expected = {
        row[0]
        for row in _rows(
            prod,
            "select distinct p.id from coredata.practitioner as p"
            " inner join scribe.users as u on p.id = u.id",
        )
    }
    assert practitioners == expected


def _expected_hours(day: dt.date, reduced_days: set[dt.date]) -> tuple[int, int] | None:
    """The opening-hours rules written out independently of the seeds: (opening hour, closing hour) or None."""
    if day in {dt.date(2017, 12, 24), dt.date(2017, 12, 25), dt.date(2017, 12, 30),
               dt.date(2017, 12, 31), dt.date(2018, 1, 1)}:
        return None
    if day in reduced_days:
        return (10, 16)
    weekday = day.isoweekday()
    if weekday <= 4:
        return (8, 20)
    if weekday == 5:
        return (8, 17) if day < dt.date(2017, 8, 1) else (8, 20)
    if weekday == 6:
        return (10, 16)
    return None if day < dt.date(2017, 11, 1) else (10, 16)


def test_opening_hours_follow_the_domain_rules(prod, tiny_window):
    reduced = {
        dt.date(2017, 12, 25), dt.date(2018, 1, 1), dt.date(2018, 12, 25), dt.date(2019, 1, 1),
        dt.date(2019, 12, 25), dt.date(2020, 1, 1),
    }
    rows = _rows(
        prod,
        "select date_day, opening_hour_est, closing_hour_est from analytics.wiw_opening_hours",
    )
    actual = {_day(row[0]): (row[1].hour, row[2].hour) for row in rows}
    run_day = dt.date.fromisoformat(tiny_window.now[:10])
    samples = [
        dt.date(2016, 9, 8), dt.date(2017, 6, 9), dt.date(2017, 8, 4), dt.date(2017, 9, 3),
        dt.date(2017, 11, 5), dt.date(2017, 12, 25), dt.date(2018, 1, 1), dt.date(2018, 12, 25),
        dt.date(2019, 1, 1), dt.date(2019, 1, 2), dt.date(2019, 1, 4), dt.date(2019, 1, 5),
        dt.date(2019, 1, 6),
    ]
    # every day of the generated window, the DST change and the 30-day horizon
    day = dt.date.fromisoformat(tiny_window.start)
    while day <= run_day + dt.timedelta(days=30):
        samples.append(day)
        day += dt.timedelta(days=1)
    for day in samples:
        assert actual.get(day) == _expected_hours(day, reduced), day
    assert max(actual) == run_day + dt.timedelta(days=30)
    assert min(actual) == dt.date(2016, 9, 8)


def test_every_video_pairs_with_its_earliest_end_within_90_minutes(prod):
    """Recompute the pairing from the raw Segment tables (deduplicated on the event id)."""
    expected = _rows(
        prod,
        """
        with starts as (
            select distinct id, user_id, "timestamp",
                coalesce(episode_id, nullif(split_part(split_part(path, '?', 1), '/', 4), '')) as episode_id
            from careplatform.video_call_start_call
        ), ends as (
            select distinct id, user_id, "timestamp",
                coalesce(episode_id, nullif(split_part(split_part(path, '?', 1), '/', 4), '')) as episode_id
            from careplatform.video_call_call_ended
        )
        select starts.id, min(ends."timestamp")
        from starts
        join ends
            on starts.user_id = ends.user_id and starts.episode_id = ends.episode_id
            and ends."timestamp" >= starts."timestamp"
            and ends."timestamp" <= starts."timestamp" + interval 90 minute
        group by starts.id
        """,
    )
    actual = _rows(prod, "select event_id, ended_at, video_length from analytics.videos_detailed")
    assert actual, "no completed video on the tiny warehouse"
    videos = {row[0]: row for row in actual}
    test_user_starts = {
        row[0]
        for row in _rows(
            prod,
            "select event_id from analytics.videos_started as v"
            " join analytics.scribe_test_users as t on v.patient_id = t.user_id",
        )
    }
    assert {row[0] for row in expected} - test_user_starts == set(videos)
    for event_id, ended_at in expected:
        if event_id in videos:
            assert videos[event_id][1] == ended_at
            assert 0 <= videos[event_id][2] <= 90


def test_an_episode_never_has_two_video_patients(prod):
    assert not _rows(
        prod,
        "select episode_id from analytics.videos_started where episode_id is not null"
        " group by episode_id having count(distinct patient_id) > 1",
    )


def test_cp_activity_time_spent_is_never_negative_and_matches_the_next_event(prod, tiny_window):
    rows = _rows(
        prod,
        """
        select count(*), min(time_spent), max(date_day_est),
               sum(case when activity_end < activity_start then 1 else 0 end)
        from analytics.cp_activity
        """,
    )
    count, min_time_spent, last_day, backwards = rows[0]
    assert count > 0, "cp_activity is empty on the tiny warehouse"
    assert min_time_spent >= 0
    assert backwards == 0
    # never today's incomplete local day
    assert _day(last_day) < dt.date.fromisoformat(tiny_window.now[:10])
    # is_active follows the thresholds
    assert not _rows(
        prod,
        """
        select cp_activity_id from analytics.cp_activity
        where is_active <> (
            case activity when 'chat' then time_spent < 600 when 'dashboard' then time_spent < 300
            else time_spent < 2700 end
        )
        """,
    )


def test_phone_calls_swallow_the_events_inside_them(prod):
    """No page view, post or video of a user falls strictly inside one of the user's calls."""
    assert not _rows(
        prod,
        """
        select a.cp_activity_id
        from analytics.cp_activity_unioned_activity as a
        join analytics.telephone_calls as c
            on a.user_id = c.user_id
            and a."timestamp" > c.started_at and a."timestamp" <= c.ended_at
        where a.activity <> 'phone_call'
        """,
    )

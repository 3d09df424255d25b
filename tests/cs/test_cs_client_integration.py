"""Customer-success Organization Monthly chain, client dashboard and the quarterly cohort mart on the
shared tiny prod build (history 2026-03-02 → 2026-03-16, run 2026-03-16 07:30 UTC).

The models hold rows, and their membership counts agree with the generator's world, computed here
independently from the raw tables and the ground truth of schema catwalk_generator: members invited
(contract starts) per organization-month from the raw Scribe replicas, members signed up in the
month from the raw sign-up events, members activated (first episode) in the month from the
simulated episodes. The business-minute calendar covers the generated history and the year after
the run, so business-hour durations are not zero.
"""

from __future__ import annotations

import pytest

MODELS = [
    "cs_usage_by_org_by_fmt_monthly",
    "cs_usage_by_org_monthly",
    "cs_activity_by_org_monthly",
    "cs_activity_cum_by_org_monthly",
    "cs_organization_monthly",
    "cs_episodes_by_issue_type_monthly",
    "cs_small_organization_metrics_monthly",
    "client_organization_days",
    "client_thresholds",
    "client_usage_daily",
    "client_nps_daily",
    "client_total_consults_daily",
    "client_dashboard_daily",
    "client_comments",
    "client_issue_types",
    "tableau_organizations_cohort_quarterly",
]

# members of the raw replicas (latest version of each contract), test users left out
RAW_MEMBERS = """
    WITH contract_versions AS (
        SELECT
            id AS contract_id
            , plan_organization_id AS organization_id
            , CAST(SUBSTR(during, 3, 19) AS TIMESTAMP) AS start_at
            , CAST(REPLACE(SUBSTR(SPLIT_PART(during, ',', 2), 2, 19), '9999-12-31 23:59:59', '9999-12-31 00:00:00')
                AS TIMESTAMP) AS end_at
            , ROW_NUMBER() OVER (PARTITION BY id ORDER BY imported_at DESC) AS version_rank
        FROM scribe.contract
    )
    SELECT DISTINCT
        members.user_id
        , contracts.contract_id
        , contracts.organization_id
        , contracts.start_at
        , contracts.end_at
    FROM contract_versions AS contracts
    INNER JOIN scribe.user_contract AS members ON contracts.contract_id = members.contract_id
    WHERE contracts.version_rank = 1
      AND members.user_id NOT IN (SELECT user_id FROM analytics.scribe_test_users)
"""

# per organization-month of the spine: the model's counts summed over provinces and types
MODEL_COUNTS = """
    SELECT organization_id, date_month, SUM(invited_count) AS invited, SUM(signed_up_count) AS signed_up,
           SUM(activated_count) AS activated
    FROM analytics.cs_usage_by_org_by_fmt_monthly
    GROUP BY organization_id, date_month
"""


def scalar(context, sql: str):
    return context.fetchdf(sql).iloc[0, 0]


def compare(context, truth_sql: str, measure: str, where: str = "TRUE"):
    """Organization-months of the spine where the model's `measure` differs from the truth."""
    return context.fetchdf(f"""
        WITH truth AS ({truth_sql}), model AS ({MODEL_COUNTS})
        SELECT model.organization_id, model.date_month, model.{measure} AS model_count,
               COALESCE(truth.n, 0) AS truth_count
        FROM model
        LEFT JOIN truth ON model.organization_id = truth.organization_id AND model.date_month = truth.date_month
        WHERE {where} AND model.{measure} <> COALESCE(truth.n, 0)
        ORDER BY 1, 2""")


@pytest.mark.parametrize("model", MODELS)
def test_cs_and_client_models_hold_rows(tiny_prod, model):
    assert scalar(tiny_prod, f"SELECT COUNT(*) FROM analytics.{model}") > 0, model


def test_invited_members_per_organization_month_match_the_raw_contracts(tiny_prod):
    # a member is invited in the UTC month its contract starts (distinct members per organization)
    truth = f"""
        SELECT organization_id, DATE_TRUNC('month', start_at)::DATE AS date_month, COUNT(DISTINCT user_id) AS n
        FROM ({RAW_MEMBERS}) AS members GROUP BY 1, 2"""
    differences = compare(tiny_prod, truth, "invited")
    assert differences.empty, differences.head(10).to_string()
    assert scalar(tiny_prod, """SELECT COUNT(*) FROM analytics.cs_usage_by_org_by_fmt_monthly
                                WHERE invited_count > 0""") > 20


def test_signed_up_members_per_organization_month_match_the_sign_up_events(tiny_prod):
    # every generated sign-up is a raw user_signed_up event (the first one counts); the member
    # counts in the sign-up month when a contract of the organization covers that month
    truth = f"""
        WITH signed_up AS (
            SELECT user_id, MIN("timestamp") AS signed_up_at FROM scribe.user_signed_up GROUP BY user_id
        )
        SELECT members.organization_id, DATE_TRUNC('month', signed_up.signed_up_at AT TIME ZONE 'UTC')::DATE AS date_month,
               COUNT(DISTINCT members.user_id) AS n
        FROM ({RAW_MEMBERS}) AS members
        INNER JOIN signed_up ON members.user_id = signed_up.user_id
        WHERE members.start_at < DATE_TRUNC('month', signed_up.signed_up_at AT TIME ZONE 'UTC') + INTERVAL 1 MONTH
          AND members.end_at > DATE_TRUNC('month', signed_up.signed_up_at AT TIME ZONE 'UTC')
        GROUP BY 1, 2"""
    differences = compare(tiny_prod, truth, "signed_up")
    assert differences.empty, differences.head(10).to_string()
    assert scalar(tiny_prod, "SELECT SUM(signed_up_count) FROM analytics.cs_usage_by_org_by_fmt_monthly") > 50


def test_activated_members_per_organization_month_match_the_simulated_episodes(tiny_prod):
    # legacy activation: the member opened an episode under the contract; the simulated episodes
    # (delivered by the end of history, not of test users) all start in March 2026, so every member
    # with one opened its first in March
    truth = f"""
        SELECT members.organization_id, DATE '2026-03-01' AS date_month, COUNT(DISTINCT members.user_id) AS n
        FROM ({RAW_MEMBERS}) AS members
        INNER JOIN catwalk_generator.episodes AS episodes
            ON members.user_id = episodes.patient_user_id
            AND episodes.first_patient_post_at AT TIME ZONE 'UTC' >= members.start_at
            AND episodes.first_patient_post_at AT TIME ZONE 'UTC' < members.end_at
        WHERE episodes.is_delivered_at_end AND NOT episodes.is_test_user
        GROUP BY 1, 2"""
    differences = compare(tiny_prod, truth, "activated", "model.date_month >= DATE '2026-03-01'")
    assert differences.empty, differences.head(10).to_string()
    assert scalar(tiny_prod, """SELECT SUM(activated_count) FROM analytics.cs_usage_by_org_by_fmt_monthly
                                WHERE date_month = DATE '2026-03-01'""") > 0


def test_client_dashboard_agrees_with_the_organization_monthly_chain(tiny_prod):
    # employees covered on the last computed day of the client dashboard are the employees the raw
    # contracts cover at that day's UTC midnight
    differences = tiny_prod.fetchdf(f"""
        WITH last_day AS (SELECT MAX(date_day) AS date_day FROM analytics.client_dashboard_daily),
        truth AS (
            SELECT members.organization_id, COUNT(DISTINCT members.user_id) AS n
            FROM ({RAW_MEMBERS}) AS members
            INNER JOIN analytics.user_contract AS user_contract
                ON members.user_id = user_contract.user_id AND members.contract_id = user_contract.contract_id
            CROSS JOIN last_day
            WHERE user_contract.family_member_type = 'Employee'
              AND members.start_at <= last_day.date_day::TIMESTAMP AND members.end_at > last_day.date_day::TIMESTAMP
            GROUP BY 1
        )
        SELECT dashboard.organization_id, dashboard.invited_employee_count, COALESCE(truth.n, 0) AS truth_count
        FROM analytics.client_dashboard_daily AS dashboard
        CROSS JOIN last_day
        LEFT JOIN truth ON dashboard.organization_id = truth.organization_id
        WHERE dashboard.date_day = last_day.date_day AND dashboard.invited_employee_count <> COALESCE(truth.n, 0)""")
    assert differences.empty, differences.head(10).to_string()
    # every dashboard day has its NPS and consult days, and the flags are 0/1
    assert scalar(tiny_prod, """
        SELECT COUNT(*) FROM analytics.client_dashboard_daily AS dashboard
        LEFT JOIN analytics.client_total_consults_daily AS consults
            ON dashboard.organization_id = consults.organization_id AND dashboard.date_day = consults.date_day
        WHERE consults.date_day IS NULL""") == 0
    assert scalar(tiny_prod, "SELECT SUM(has_sufficient_invited_employee_count) FROM analytics.client_dashboard_daily") > 0


def test_business_minute_calendar_covers_history_and_next_year(tiny_prod):
    calendar = tiny_prod.fetchdf("""
        SELECT MIN(date_day) AS first_day, MAX(date_day) AS last_day, COUNT(*) AS minutes,
               COUNT(DISTINCT date_day) AS days
        FROM analytics.dimension_working_minutes""").iloc[0]
    history = tiny_prod.fetchdf("""
        SELECT CAST(history_start AT TIME ZONE 'UTC' AS DATE) AS history_start,
               CAST(world_end AT TIME ZONE 'UTC' AS DATE) AS world_end
        FROM catwalk_generator.generations""").iloc[0]
    earliest = scalar(tiny_prod, """
        SELECT LEAST(
            (SELECT MIN(CAST("timestamp" AT TIME ZONE 'UTC' AS DATE)) FROM analytics.nps_patient_survey),
            (SELECT MIN(CAST(created_at AT TIME ZONE 'UTC' AS DATE)) FROM analytics.product_bugs))""")
    # from before anything timed in business minutes to the last working day of the year after the run
    assert calendar.first_day <= min(history.history_start, earliest)
    assert str(calendar.last_day) >= "2027-12-31"  # the run is in 2026
    assert calendar.minutes == calendar.days * 480
    # every calendar year has its nine Quebec statutory holidays in the seed
    holidays = tiny_prod.fetchdf("""
        SELECT EXTRACT(YEAR FROM date_day) AS year, COUNT(*) AS holidays
        FROM analytics.dimension_working_holidays GROUP BY 1""")
    years = dict(zip(holidays.year.astype(int), holidays.holidays))
    for year in range(2018, 2028):
        assert years.get(year) == 9, year
    # no business minute on a holiday or a weekend
    assert scalar(tiny_prod, """
        SELECT COUNT(*) FROM analytics.dimension_working_minutes AS minutes
        INNER JOIN analytics.dimension_working_holidays AS holidays ON minutes.date_day = holidays.date_day""") == 0
    assert scalar(tiny_prod, """
        SELECT COUNT(*) FROM analytics.dimension_working_minutes WHERE ISODOW(date_day) > 5""") == 0
    # business-hour durations are not zero on the generated history: bugs resolved take business
    # minutes, and an NPS follow-up more than four days after the response always spans some
    assert scalar(tiny_prod, """
        SELECT COUNT(*) FROM analytics.cs_nps_follow_ups
        WHERE time_to_follow_up_calendar > 96 AND NOT time_to_follow_up_business > 0""") == 0
    assert scalar(tiny_prod, """
        SELECT SUM(p1_ttr_working_min + p2_ttr_working_min) FROM analytics.product_mean_time_to_resolve""") > 0

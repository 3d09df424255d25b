"""Customer success, product and medical operations (issue 18) on the shared tiny prod build.

Checks that the models of the issue hold rows on the tiny warehouse (the few that cannot are named
with the reason) and that they link to the world the generator simulates: the patient-app posts are
messaging posts, the assigned episodes are episodes, the Intercom users are Scribe members, every
Jira issue created is one row of jira_issues.
"""

from __future__ import annotations

import pytest

# Models of issue 18 and why a tiny build may leave them empty (None: must hold rows).
MODELS = {
    "patientapp_aliases": None, "patientapp_create_account_success": None,
    "patientapp_log_button_clicked": None, "patientapp_login_fetch_complete": None,
    "patientapp_screen_consent": None, "patientapp_screen_new_profile": None,
    "patientapp_screen_signup_date_of_birth": None, "patientapp_screen_signup_email": None,
    "patientapp_screen_signup_employee_id": None, "patientapp_screen_signup_group_id": None,
    "patientapp_submit_post_success": None, "patientapp_warning_need_help": None,
    "patientapp_screen_signup_dob_aliased": None, "patientapp_screen_signup_email_dob_aliased": None,
    "patientapp_log_button_clicked_aliased": None, "funnel_sign_up_dob_match": None,
    "funnel_sign_up_dob_email_back_to_dob": None, "countdown_question_asked": None,
    "usher_episode_assigned": None, "intercom_conversations_detailed": None, "jira_issues": None,
    "jira_incident_count": None, "github_deploys": None, "github_deploys_daily": None,
    "typeform_responses_detailed": None, "survey_onboarding": None, "dimension_working_minutes": None,
    "dimension_weeks_saturday_start": None, "messaging_posts_w_lag_detail": None,
    "messaging_practitioner_responses": None, "assigned_time": None, "assigned_time_w_posts": None,
    "assigned_time_detailed": None, "post_submitted": None, "tableau_cs_posts_monthly": None,
    "users_paid_employees_monthly": None, "activity_monthly": None, "cs_nps_follow_ups": None,
    "product_bugs": None, "product_bugs_daily": None, "product_open_problems": None,
    "product_find_rate_daily": None, "product_login_rate": None,
}


def scalar(context, sql: str):
    return context.fetchdf(sql).iloc[0, 0]


@pytest.mark.parametrize("model", sorted(MODELS))
def test_issue_18_models_hold_rows(tiny_prod, model):
    assert scalar(tiny_prod, f"SELECT COUNT(*) FROM analytics.{model}") > 0, model


def test_patient_app_posts_are_messaging_posts(tiny_prod):
    missing = scalar(tiny_prod, """
        SELECT COUNT(*) FROM analytics.patientapp_submit_post_success AS app
        LEFT JOIN analytics.messaging_posts AS posts
            ON app.post_id = posts.post_id AND app.episode_id = posts.episode_id AND app.user_id = posts.user_id
        WHERE posts.post_id IS NULL""")
    assert missing == 0


def test_assigned_episodes_are_episodes_and_assignees_practitioners(tiny_prod):
    assert scalar(tiny_prod, """
        SELECT COUNT(*) FROM analytics.assigned_time AS assigned
        LEFT JOIN analytics.practitioners AS practitioners ON assigned.assigned_user_id = practitioners.user_id
        WHERE practitioners.user_id IS NULL""") == 0
    assert scalar(tiny_prod, """
        SELECT COUNT(*) FROM analytics.usher_episode_assigned AS assigned
        LEFT JOIN analytics.messaging_posts AS posts ON assigned.episode_id = posts.episode_id
        WHERE posts.episode_id IS NULL""") == 0


def test_intercom_users_are_scribe_members_and_jira_issues_complete(tiny_prod):
    assert scalar(tiny_prod, """
        SELECT COUNT(*) FROM analytics.intercom_conversations_detailed AS conversations
        LEFT JOIN analytics.scribe_users_detailed AS users ON conversations.user_id = users.user_id
        WHERE users.user_id IS NULL""") == 0
    assert scalar(tiny_prod, "SELECT COUNT(*) FROM analytics.jira_issues") == scalar(
        tiny_prod, "SELECT COUNT(DISTINCT issue_key) FROM jira.issue_created")


def test_signed_up_people_finish_the_funnel(tiny_prod):
    # every person who reached the consent step of the dob-match funnel had its anonymous session
    # aliased, so its date-of-birth screen counts under the same person (step 1 reached); the last
    # 3 days are skipped (an alias may still wait for its Segment delivery)
    assert scalar(tiny_prod, """
        SELECT COUNT(*) FROM analytics.funnel_sign_up_dob_match
        WHERE event_rank = 4 AND NOT has_event_rank_1
          AND "timestamp" < (SELECT MAX("timestamp") FROM analytics.funnel_sign_up_dob_match)
              - INTERVAL '3' DAY""") == 0
    assert scalar(tiny_prod, "SELECT COUNT(*) FROM analytics.funnel_sign_up_dob_match "
                  "WHERE event_rank = 4") > 0

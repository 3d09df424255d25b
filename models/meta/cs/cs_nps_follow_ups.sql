MODEL (
    name analytics.cs_nps_follow_ups,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (survey_id, contract_id),
    tags (meta, cs, nps),
    audits (
        unique_combination_of_columns(columns := (survey_id, contract_id))
        , not_null(columns := (survey_id, score, nps_completed_at))
        , accepted_range("column" := time_to_follow_up_calendar, min_v := 0)
        , accepted_range("column" := time_to_follow_up_business, min_v := 0)
    ),
    description 'One row per patient NPS response (nps_patient_survey: survey and contract) with the customer-success follow-up in Intercom: the Intercom conversations of the same user that started within 21 days of the response [response, response + 21 days). admin_first_message is the Montreal local time of the earliest such conversation start (the name is the original one, but it is the conversation start, not the first admin message); user_first_message the local time of the earliest patient message in those conversations; nps_completed_at the local response time. time_to_follow_up_calendar is the hours from the response to the follow-up, measured between instants; time_to_follow_up_business the business minutes of dimension_working_minutes in [nps_completed_at, admin_first_message) divided by 60. Both are null without a follow-up. FULL (the original appended new responses only, so a follow-up that came after the first run was never recorded), rebuilt by the daily 07:00 UTC run.'
);

WITH responses AS (
    SELECT
        survey_id
        , score
        , category
        , contract_id
        , organization_name
        , user_id
        , "timestamp"
    FROM analytics.nps_patient_survey
), follow_ups AS (
    SELECT
        responses.survey_id
        , responses.contract_id
        , MIN(conversations.conversation_started) AS first_conversation_at
        , MIN(conversations.user_first_message) AS first_user_message_at
    FROM responses
    INNER JOIN analytics.intercom_conversations_detailed AS conversations
        ON responses.user_id = conversations.user_id
        AND conversations.conversation_started >= responses."timestamp"
        AND conversations.conversation_started < responses."timestamp" + INTERVAL '21' DAY
    GROUP BY
        responses.survey_id
        , responses.contract_id
), timed AS (
    SELECT
        responses.survey_id
        , responses.score
        , responses.category
        , responses.contract_id
        , responses.organization_name
        , responses."timestamp"
        , follow_ups.first_conversation_at
        , @to_est(responses."timestamp") AS nps_completed_at
        , @to_est(follow_ups.first_conversation_at) AS admin_first_message
        , @to_est(follow_ups.first_user_message_at) AS user_first_message
    FROM responses
    LEFT JOIN follow_ups
        ON responses.survey_id = follow_ups.survey_id
        AND responses.contract_id IS NOT DISTINCT FROM follow_ups.contract_id
), business AS (
    SELECT
        timed.survey_id
        , timed.contract_id
        , COUNT(minutes.date_minute) AS business_minutes
    FROM timed
    INNER JOIN analytics.dimension_working_minutes AS minutes
        ON minutes.date_minute >= timed.nps_completed_at AND minutes.date_minute < timed.admin_first_message
    GROUP BY
        timed.survey_id
        , timed.contract_id
)
SELECT
    timed.survey_id::TEXT AS survey_id /* NPS survey response id */
    , timed.score::INT AS score /* Likelihood to recommend, 0 to 10 */
    , timed.category::TEXT AS category /* promoter, passive or detractor */
    , timed.contract_id::BIGINT AS contract_id /* Contract of the respondent at the response, null when none */
    , timed.organization_name::TEXT AS organization_name /* Organization of that contract */
    , timed.nps_completed_at::TIMESTAMP AS nps_completed_at /* Time of the response, Montreal local time (naive) */
    , timed.admin_first_message::TIMESTAMP AS admin_first_message /* Start of the first follow-up conversation, local time (naive); null without follow-up */
    , timed.user_first_message::TIMESTAMP AS user_first_message /* First patient message in those conversations, local time (naive) */
    , (
        @seconds_between(timed."timestamp", timed.first_conversation_at) / 3600.0
    )::DOUBLE AS time_to_follow_up_calendar /* Hours from the response to the follow-up; null without follow-up */
    , CASE
        WHEN NOT timed.first_conversation_at IS NULL
        THEN COALESCE(business.business_minutes, 0) / 60.0
    END::DOUBLE AS time_to_follow_up_business /* Business hours (09:00-17:00 on working days) from the response to the follow-up; null without follow-up */
FROM timed
LEFT JOIN business
    ON timed.survey_id = business.survey_id AND timed.contract_id IS NOT DISTINCT FROM business.contract_id

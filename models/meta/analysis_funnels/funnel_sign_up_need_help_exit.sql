MODEL (
    name analytics.funnel_sign_up_need_help_exit,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (event_rank, user_id, "timestamp"),
    tags (meta, analysis_funnels, signup),
    audits (
        not_null(columns := (user_id, event_rank, event_name, "timestamp"))
    ),
    description 'Sign-up funnel of people leaving the email step for help: 1. date-of-birth screen, 2. email screen of the dobMatchEmailSignup flow, 3. need-help warning screen. One row per event of each step (a person can repeat a step), with the steps the person reached (has_event_rank_1..3), the previous event of the person (any step, by time then step) and the seconds since it, whether every earlier step was reached at some time (has_preceding_events), and the contract covering the person at the event (left join on user_contract, UTC half-open validity: no contract = nulls, overlapping contracts = one row each) plus the person language. Anonymous screens count under the person the session was aliased to, else under the anonymous id. FULL (small), rebuilt by the daily 07:00 UTC run.',
    column_descriptions (
        "timestamp" = 'Time of the event (UTC)'
        , event_name = 'Step number and event model, e.g. 1. patientapp_screen_signup_dob_aliased'
        , event_rank = 'Step number (1 = first step)'
        , user_id = 'Scribe user id, or the anonymous id of a visitor who never signed up'
        , has_event_rank_1 = 'The person reached step 1 at some time'
        , has_event_rank_2 = 'The person reached step 2 at some time'
        , has_event_rank_3 = 'The person reached step 3 at some time'
        , previous_timestamp = 'Time of the person previous event of any step (UTC), null for the first'
        , time_delta_from_last_event = 'Seconds since the person previous event, null for the first'
        , has_preceding_events = 'Every step before this one was reached by the person at some time (true for step 1)'
        , organization_id = 'Organization of the contract covering the person at the event'
        , organization_name = 'Name of that organization'
        , account_id = 'Salesforce account id of that organization'
        , account_name = 'Salesforce account name of that organization'
        , gender = 'Gender of the person (M, F or N/A)'
        , "language" = 'Language of the person (FR, EN or N/A)'
        , residence_province = 'Province of residence of the person (full name)'
    )
);

@funnel_analysis(
    analytics.patientapp_screen_signup_dob_aliased,
    analytics.patientapp_screen_signup_email_dob_aliased,
    analytics.patientapp_warning_need_help_aliased
)

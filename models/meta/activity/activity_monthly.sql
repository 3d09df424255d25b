MODEL (
    name analytics.activity_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain (organization_id, date_month),
    tags (meta, activity, organizations),
    audits (
        unique_combination_of_columns(columns := (organization_id, date_month))
        , not_null(columns := (date_month, organization_name, account_name, organization_id, mau_rate, dau_rate))
    ),
    description 'One row per organization and month of users_paid_employees_monthly with its chat activity. Each chat (an episode on a Montreal local day) after 2017-10-01 (before, not every user had an organization) is attributed to the contract of its patient (user_id) whose local validity [during_start_est, during_end_est) contains the local day; a patient with two overlapping contracts counts in both organizations. Per organization and month of the chat day: mau_count = distinct patients, dau_count = distinct (patient, episode) pairs, i.e. user-episodes of the month and not daily actives (name and meaning kept from the original). Both are null in months without chats; mau_rate and dau_rate divide them (0 when null) by count_paid_employees and are 0 when the organization has no paid employee. FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH chat_contracts AS (
    SELECT
        contracts.organization_id
        , DATE_TRUNC('MONTH', chats.date_day_est)::DATE AS date_month
        , chats.user_id
        , chats.episode_id
    FROM analytics.chats AS chats
    INNER JOIN analytics.user_contract AS contracts
        ON chats.user_id = contracts.user_id
        AND contracts.during_start_est <= chats.date_day_est::TIMESTAMP
        AND chats.date_day_est::TIMESTAMP < contracts.during_end_est
    WHERE
        chats.date_day_est > '2017-10-01'::DATE
), monthly AS (
    SELECT
        organization_id
        , date_month
        , COUNT(DISTINCT user_id) AS mau_count
        , COUNT(DISTINCT user_id || '-' || episode_id) AS dau_count
    FROM chat_contracts
    GROUP BY
        organization_id
        , date_month
)
SELECT
    paid.date_month::DATE AS date_month /* First day of the month */
    , paid.organization_id::BIGINT AS organization_id /* Scribe organization id */
    , paid.organization_name::TEXT AS organization_name /* Name of the organization */
    , paid.account_name::TEXT AS account_name /* Salesforce account name (N/A when not linked) */
    , paid.count_paid_employees::DOUBLE AS count_paid_employees /* Average daily active contracts over the month */
    , monthly.mau_count::BIGINT AS mau_count /* Distinct patients with a chat in the month, null without chats */
    , monthly.dau_count::BIGINT AS dau_count /* Distinct (patient, episode) pairs with a chat in the month, null without chats */
    , CASE
        WHEN COALESCE(paid.count_paid_employees, 0) = 0
        THEN 0
        ELSE COALESCE(monthly.mau_count, 0) / paid.count_paid_employees
    END::DOUBLE AS mau_rate /* mau_count per paid employee (0 without paid employees) */
    , CASE
        WHEN COALESCE(paid.count_paid_employees, 0) = 0
        THEN 0
        ELSE COALESCE(monthly.dau_count, 0) / paid.count_paid_employees
    END::DOUBLE AS dau_rate /* dau_count per paid employee (0 without paid employees) */
FROM analytics.users_paid_employees_monthly AS paid
LEFT JOIN monthly
    ON paid.date_month = monthly.date_month AND paid.organization_id = monthly.organization_id

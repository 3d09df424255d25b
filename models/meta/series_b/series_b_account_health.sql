MODEL (
    name analytics.series_b_account_health,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain account_id,
    tags (meta, series_b, finance),
    audits (
        unique_values(columns := (
            account_id
        ))
        , not_null(columns := (account_id, account_name, billing_start_date, contracts_avg, daus))
        , unique_values_non_blocking(columns := (
            account_name
        ))
        , accepted_values("column" := account_segment, is_in := ('1-39', '40-99', '100-199', '200-499', '500-1000', '1000+'))
    ),
    description 'Coverage and usage per active client account, the extract prepared for investors (Series B due diligence): one row per Salesforce account that is not churned (accounts) and has employee contracts (user_contract). Coverage: each employee contract counts the share of the time from the account''s billing start (midnight UTC) to the run that it covered, (earlier of the run and its end) - (later of the billing start and its start), over (run - billing start), in seconds; shares are not clipped, so a contract that ended before the billing start counts negative (as in the original). contracts_avg, the sum of the shares, is the average number of covered employees since the billing start; mrr_last_month is the account''s latest recognized revenue (finance_accounts_revenue_last_month). Usage: daus counts the distinct (local chat day, patient) pairs of the chats (chats) whose first patient message falls in a contract of the chat''s user with the account (local times, start inclusive, end exclusive), the patient being the episode subject (episodes_subject) when known, else the chat''s user; only accounts whose billing started before the run. account_segment bands contracts_avg: under 40 1-39, under 100 40-99, under 200 100-199, under 500 200-499, under 1000 500-1000 (sic, the original''s label), else 1000+. month_since_billing_start_date is the days since the billing start divided by 30; utilization_monthly = daus / month_since_billing_start_date / contracts_avg and utilization_monthly_maxed the smaller of it and 0.301 (caps the histogram at 30 %+). Differs from the original: rows are per account id (the original grouped by account name, so two accounts with the same name merged; a non-blocking audit flags duplicate names), and utilization_monthly is null when contracts_avg or the months since billing start are 0 or less (the original divided by them unguarded). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH accounts AS (
    SELECT
        account_id
        , account_name
        , billing_start_date
    FROM analytics.accounts
    WHERE
        NOT is_churned
), contracts AS (
    SELECT
        user_id
        , account_id
        , is_employee
        , during_start
        , during_end
        , during_start_est
        , during_end_est
    FROM analytics.user_contract
), revenue AS (
    SELECT
        account_id
        , amount
    FROM analytics.finance_accounts_revenue_last_month
), chats AS (
    SELECT
        episode_id
        , user_id
        , date_day_est
        , first_message_patient
    FROM analytics.chats
), subjects AS (
    SELECT
        episode_id
        , episode_subject
    FROM analytics.episodes_subject
), coverage AS (
    SELECT
        accounts.account_id
        , MIN(accounts.account_name) AS account_name
        , MIN(accounts.billing_start_date) AS billing_start_date
        , SUM(
            @seconds_between(
                GREATEST(accounts.billing_start_date::TIMESTAMP, @to_utc(contracts.during_start)),
                LEAST(@to_utc(@execution_tstz::TIMESTAMPTZ), @to_utc(contracts.during_end))
            ) / NULLIF(@seconds_between(accounts.billing_start_date::TIMESTAMP, @to_utc(@execution_tstz::TIMESTAMPTZ)), 0)
        ) AS contracts_avg
    FROM accounts
    INNER JOIN contracts
        ON accounts.account_id = contracts.account_id AND contracts.is_employee
    GROUP BY
        accounts.account_id
), usage AS (
    SELECT
        coverage.account_id
        , COUNT(DISTINCT chats.date_day_est::TEXT || '|' || COALESCE(subjects.episode_subject, chats.user_id)) AS daus
    FROM coverage
    INNER JOIN contracts
        ON coverage.account_id = contracts.account_id
    INNER JOIN chats
        ON contracts.user_id = chats.user_id
        AND chats.first_message_patient >= contracts.during_start_est
        AND chats.first_message_patient < contracts.during_end_est
    LEFT JOIN subjects
        ON chats.episode_id = subjects.episode_id
    WHERE
        coverage.billing_start_date::TIMESTAMP < @to_utc(@execution_tstz::TIMESTAMPTZ)
    GROUP BY
        coverage.account_id
), combined AS (
    SELECT
        coverage.account_id
        , coverage.account_name
        , coverage.billing_start_date
        , coverage.contracts_avg
        , revenue.amount AS mrr_last_month
        , COALESCE(usage.daus, 0) AS daus
        , @seconds_between(coverage.billing_start_date::TIMESTAMP, @to_utc(@execution_tstz::TIMESTAMPTZ)) / 86400.0 / 30.0 AS month_since_billing_start_date
    FROM coverage
    LEFT JOIN revenue
        ON coverage.account_id = revenue.account_id
    LEFT JOIN usage
        ON coverage.account_id = usage.account_id
), measured AS (
    SELECT
        account_id
        , account_name
        , billing_start_date
        , contracts_avg
        , mrr_last_month
        , daus
        , month_since_billing_start_date
        , CASE
            WHEN contracts_avg > 0 AND month_since_billing_start_date > 0
            THEN daus / month_since_billing_start_date / contracts_avg
        END AS utilization_monthly
    FROM combined
)
SELECT
    account_id::TEXT AS account_id /* Salesforce account id */
    , account_name::TEXT AS account_name /* Name of the Salesforce account */
    , billing_start_date::DATE AS billing_start_date /* Earliest billing start of the account's organizations */
    , contracts_avg::DOUBLE AS contracts_avg /* Average number of employees covered since the billing start: sum of the covered shares of the employee contracts (unclipped, can include negative shares) */
    , mrr_last_month::DOUBLE AS mrr_last_month /* Latest recognized monthly revenue of the account (CAD; null without revenue) */
    , CASE
        WHEN contracts_avg < 40
        THEN '1-39'
        WHEN contracts_avg < 100
        THEN '40-99'
        WHEN contracts_avg < 200
        THEN '100-199'
        WHEN contracts_avg < 500
        THEN '200-499'
        WHEN contracts_avg < 1000
        THEN '500-1000'
        ELSE '1000+'
    END::TEXT AS account_segment /* Size band of contracts_avg: 1-39, 40-99, 100-199, 200-499, 500-1000 (under 1000) or 1000+ */
    , month_since_billing_start_date::DOUBLE AS month_since_billing_start_date /* Days from the billing start to the run divided by 30 */
    , daus::BIGINT AS daus /* Distinct (local chat day, patient) pairs of the account's covered chats since the billing start */
    , utilization_monthly::DOUBLE AS utilization_monthly /* daus / month_since_billing_start_date / contracts_avg; null when either divisor is 0 or less */
    , (
        CASE WHEN utilization_monthly > 0.301 THEN 0.301 ELSE utilization_monthly END
    )::DOUBLE AS utilization_monthly_maxed /* The smaller of utilization_monthly and 0.301 (the histogram's 30 %+ bucket) */
FROM measured

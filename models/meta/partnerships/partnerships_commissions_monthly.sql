MODEL (
    name analytics.partnerships_commissions_monthly,
    kind FULL,
    cron '0 7 * * *',
    owner analytics,
    grain account_month_id,
    tags (meta, partnerships, finance, pii),
    audits (
        unique_values(columns := (
            account_month_id
        ))
        , not_null(columns := (account_month_id, account_id, partner_account_id, date_month))
    ),
    description 'Commissions owed to the broker or advisor partner who brought a client: one row per client account and month of its revenue life (finance_churn_monthly) that owes a commission. The partner of an account is the partner account and contact of its earliest won opportunity with a partner other than the account itself (salesforce_opportunities_detailed, ties broken by opportunity id; a partner buying for itself earns nothing), and close_date is that opportunity''s close date. months_since_start counts whole calendar months from the account''s first revenue month to the month; commission_percentage is the partner''s first-year rate (a fraction) while it is under 12, else its second-year rate; months whose rate is null or 0 are left out; monthly_commission = commission_percentage x the month''s recognized revenue. account_month_id = md5 of the account id followed by the month as timestamp text (YYYY-MM-DD 00:00:00). Differs from the original: one row per account and month, from the earliest won partner opportunity (the original kept one row per partner and contact, so an account with two partners or two contacts duplicated account_month_id and failed its unique test). FULL, rebuilt by the daily 07:00 UTC run.'
);

WITH churn AS (
    SELECT
        account_id
        , account_name
        , date_month
        , first_month
        , billing_start_date
        , amount
    FROM analytics.finance_churn_monthly
), opportunities AS (
    SELECT
        opportunity_id
        , account_id
        , close_date
        , partner_account_id
        , partner_name
        , partner_contact_id
        , partner_contact_name
        , commission_rate_year_1
        , commission_rate_year_2
    FROM analytics.salesforce_opportunities_detailed
    WHERE
        is_won AND NOT partner_account_id IS NULL AND partner_account_id <> account_id
), account_partners AS (
    SELECT
        account_id
        , close_date
        , partner_account_id
        , partner_name
        , partner_contact_id
        , partner_contact_name
        , commission_rate_year_1
        , commission_rate_year_2
    FROM opportunities
    QUALIFY
        ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY close_date, opportunity_id) = 1
), account_months AS (
    SELECT
        churn.account_id
        , churn.account_name
        , churn.date_month
        , churn.first_month
        , churn.billing_start_date
        , churn.amount
        , account_partners.close_date
        , account_partners.partner_account_id
        , account_partners.partner_name
        , account_partners.partner_contact_id
        , account_partners.partner_contact_name
        , CASE
            WHEN (
                EXTRACT(YEAR FROM churn.date_month) - EXTRACT(YEAR FROM churn.first_month)
            ) * 12 + EXTRACT(MONTH FROM churn.date_month) - EXTRACT(MONTH FROM churn.first_month) < 12
            THEN account_partners.commission_rate_year_1
            ELSE account_partners.commission_rate_year_2
        END AS commission_percentage
    FROM churn
    INNER JOIN account_partners
        ON churn.account_id = account_partners.account_id
)
SELECT
    MD5(account_id || @day_timestamp_text(date_month))::TEXT AS account_month_id /* md5 of account_id followed by the month as YYYY-MM-DD 00:00:00 */
    , partner_account_id::TEXT AS partner_account_id /* Salesforce account of the partner */
    , partner_name::TEXT AS partner_name /* Name of the partner account */
    , account_id::TEXT AS account_id /* Salesforce account of the client */
    , account_name::TEXT AS account_name /* Name of the client account */
    , close_date::TIMESTAMPTZ AS close_date /* Close date of the client's earliest won partner opportunity (midnight UTC) */
    , first_month::DATE AS first_month /* First month with recognized revenue of the client */
    , billing_start_date::DATE AS billing_start_date /* Earliest billing start of the client's organizations */
    , amount::DOUBLE AS amount /* Revenue recognized from the client in the month (CAD) */
    , date_month::DATE AS date_month /* First day of the month */
    , partner_contact_id::TEXT AS partner_contact_id /* Salesforce contact of the partner on that opportunity */
    , partner_contact_name::TEXT AS partner_contact_name /* [PII] Name of the partner contact */
    , commission_percentage::DOUBLE AS commission_percentage /* Commission rate of the month as a fraction: first-year rate in the first 12 months from first_month, else second-year rate */
    , (
        commission_percentage * amount
    )::DOUBLE AS monthly_commission /* Commission owed for the month: commission_percentage x amount (CAD) */
FROM account_months
WHERE
    COALESCE(commission_percentage, 0) <> 0

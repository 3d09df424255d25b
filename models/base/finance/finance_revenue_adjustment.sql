MODEL (
  name analytics.finance_revenue_adjustment,
  kind SEED (
    path '$root/seeds/data_finance_revenue_adjustment.csv'
  ),
  columns (
    account TEXT,
    "month" TEXT,
    recognized DOUBLE,
    mh DOUBLE,
    org_name TEXT
  ),
  owner analytics,
  grain (account, "month"),
  tags (base, seed, finance),
  audits (
    unique_combination_of_columns(columns := (account, "month")),
    not_null(columns := (account, "month", recognized))
  ),
  description 'Finance seed data_finance_revenue_adjustment: one row per line of an older Xero revenue journal extract. account is the line description (organization number and name, offer, month and members billed), month the month as text in M/D/YYYY 0:00:00 form, recognized the amount, mh its mental-health part and org_name a cleaned organization label. finance_revenue_adjusted_monthly parses month into a date and matches lines to organizations by name. Differs from the original: the CSV headers (Account, Month, Recognized, MH, Org_name) are lower-cased. Synthetic rows (written by scripts/generate_finance_seeds.py): 24 lines of August to November 2026 naming Dialogue Staff, Dialogue Family and Dialogue Technologies, and 3 lines naming no organization.',
  column_descriptions (
    account = 'Description of the journal line (organization, offer, month, members billed)',
    "month" = 'Month of the line as text, M/D/YYYY 0:00:00',
    recognized = 'Amount recognized on the line (CAD; negative for credits)',
    mh = 'Mental-health part of the amount (CAD)',
    org_name = 'Cleaned organization label of the line'
  )
)

"""Finance, partnerships, sales, Series B, GM by account and decision-maker NPS on the tiny
warehouse (issues 17 and 22).

- the recognized revenue per account and month equals the generator's ground truth
  (`catwalk_generator.adjusted_revenue_monthly`, the sum of the sheet's lines), except the months
  netting to 0 (dropped) and the overridden ones (the seed's amount);
- the MRR bridge covers each account's revenue months, its amounts are that revenue, and its
  variations add up to the revenue of the last month;
- the seeds keyed on Salesforce accounts reference accounts the generator creates;
- the models hold rows (the ones that cannot on the tiny window are named with the reason);
- the decision-maker NPS survey stacks every Typeform and Delighted answer;
- LTV:CAC has one row per CAC month and its 12-month sums are trailing sums of 12 rows.

DuckDB uses the shared `tiny_prod` fixture; the Postgres variant uses `tiny_prod_postgres`.
"""

from __future__ import annotations

import pandas as pd
import pytest

# Models that must hold rows on the tiny build: every model of these subjects but
# finance_psy_pilot_fraction, which counts completed months only (the tiny history lies within
# March 2026, the month of the run; it holds rows on the demo build).
MODELS = (
    "finance_revenue_adjusted_by_account_monthly_v2",
    "finance_accounts_revenue_last_month",
    "finance_churn_monthly",
    "finance_revenue_by_account_monthly",
    "finance_revenue_adjusted_monthly",
    "finance_revenue_adjusted_by_account_monthly",
    "finance_ltv_to_cac",
    "partnerships_commissions_monthly",
    "sales_arr",
    "series_b_account_health",
    "gm_by_account_monthly",
    "nps_dm_survey",
    "finance_pilot_expansions",
    "finance_revenue_overrides",
    "finance_revenue_adjustment",
    "finance_revenue_adjustment_excluded_orgs",
    "finance_rampup_cost",
    "finance_runway",
    "finance_opex",
    "finance_gm_breakdown",
)


def _fetch(context, sql: str) -> pd.DataFrame:
    return context.fetchdf(sql)


def _months(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    for column in columns:
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame


def check_models_hold_rows(context) -> None:
    empty = [name for name in MODELS
             if _fetch(context, f"select count(*) as n from analytics.{name}")["n"].iloc[0] == 0]
    assert not empty, f"empty on the tiny warehouse: {empty}"


def check_revenue_equals_ground_truth(context) -> None:
    model = _months(_fetch(context, "select account_id, date_month, amount "
                                    "from analytics.finance_revenue_adjusted_by_account_monthly_v2"),
                    "date_month")
    truth = _months(_fetch(context, "select account_id, date_month, amount "
                                    "from catwalk_generator.adjusted_revenue_monthly"), "date_month")
    overrides = _months(_fetch(context, "select lpad(account_id, 18, '0') as account_id, date_month, "
                                        "amount as override from analytics.finance_revenue_overrides"),
                        "date_month")
    truth["amount"] = truth["amount"].astype(float).round(2)
    truth = truth[truth["amount"] != 0]
    truth = truth.merge(overrides, on=["account_id", "date_month"], how="left")
    overridden = truth["override"].notna()
    assert overridden.any(), "no override of the seed applies to the generated revenue"
    truth.loc[overridden, "amount"] = truth.loc[overridden, "override"].astype(float)
    assert len(truth) > 0, "the generator wrote no adjusted revenue"
    joined = truth.merge(model, on=["account_id", "date_month"], how="outer",
                         suffixes=("_truth", "_model"), indicator=True)
    missing = joined[joined["_merge"] != "both"]
    assert missing.empty, f"account-months on one side only:\n{missing.head(10)}"
    assert joined["amount_model"].astype(float).round(2).tolist() == pytest.approx(
        joined["amount_truth"].astype(float).tolist(), abs=0.005)


def check_mrr_bridge(context) -> None:
    churn = _months(_fetch(context, """
        select account_id, date_month, first_month, last_month, amount, amount_last_month,
            amount_variation, amount_variation_type, is_pilot_expansion
        from analytics.finance_churn_monthly"""), "date_month", "first_month", "last_month")
    revenue = _months(_fetch(context, "select account_id, date_month, amount as revenue "
                                      "from analytics.finance_revenue_adjusted_by_account_monthly_v2"),
                      "date_month")
    assert len(churn) > 0
    assert ((churn["date_month"] >= churn["first_month"]) & (churn["date_month"] <= churn["last_month"])).all()
    joined = churn.merge(revenue, on=["account_id", "date_month"], how="left")
    assert joined["amount"].astype(float).tolist() == pytest.approx(
        joined["revenue"].fillna(0).astype(float).tolist())
    # without pilot expansions the variations of an account add up to its last month's revenue
    plain = churn.groupby("account_id").filter(lambda rows: not rows["is_pilot_expansion"].any())
    for _, rows in plain.groupby("account_id"):
        rows = rows.sort_values("date_month")
        assert float(rows["amount_variation"].sum()) == pytest.approx(float(rows["amount"].iloc[-1]), abs=1e-6)
    assert churn["is_pilot_expansion"].any(), "no pilot expansion of the seed matched the bridge"
    new_months = churn[churn["amount_variation_type"] == "New"].groupby("account_id").size()
    assert (new_months <= 2).all()
    assert set(churn["amount_variation_type"]) >= {"New", "Expansion", "Contraction"}


def check_seeds_reference_generated_accounts(context) -> None:
    unknown = _fetch(context, """
        select seed.account_id from (
            select lpad(account_id, 18, '0') as account_id from analytics.finance_pilot_expansions
            union all select lpad(account_id, 18, '0') from analytics.finance_revenue_overrides
        ) as seed
        left join analytics.salesforce_accounts as accounts on seed.account_id = accounts.account_id
        where accounts.account_id is null""")
    assert unknown.empty, f"seed accounts the generator does not create: {unknown['account_id'].tolist()}"


def check_journal_matches_staff_and_family(context) -> None:
    matched = _fetch(context, """
        select organization_id, count(*) as n from analytics.finance_revenue_adjusted_monthly
        group by organization_id""")
    ids = set(matched["organization_id"].dropna().astype(int))
    assert {61, 251} <= ids and 18 not in ids, ids
    assert matched["organization_id"].isna().any(), "the unmatched journal lines are missing"


def check_dm_survey_stacks_both_sources(context) -> None:
    counts = _fetch(context, """
        select (select count(*) from analytics.typeform_nps_dm_survey) as typeform,
            (select count(*) from analytics.delighted_survey_decision_maker) as delighted,
            (select count(*) from analytics.nps_dm_survey where source = 'typeform') as survey_typeform,
            (select count(*) from analytics.nps_dm_survey where source = 'delighted') as survey_delighted
        """).iloc[0]
    assert counts["typeform"] + counts["delighted"] > 0
    assert counts["survey_typeform"] == counts["typeform"]
    assert counts["survey_delighted"] == counts["delighted"]


def check_ltv_to_cac_sums(context) -> None:
    ltv = _months(_fetch(context, """
        select date_month, cost_total, cost_total_12_months, mrr_signed, mrr_signed_12_months, ltv_to_cac
        from analytics.finance_ltv_to_cac order by date_month"""), "date_month")
    cac = _fetch(context, "select count(*) as n from analytics.xero_cac")["n"].iloc[0]
    assert len(ltv) == cac > 0
    expected = ltv["cost_total"].astype(float).rolling(12, min_periods=1).sum()
    assert ltv["cost_total_12_months"].astype(float).tolist() == pytest.approx(expected.tolist())
    expected = ltv["mrr_signed"].astype(float).rolling(12, min_periods=1).sum()
    assert ltv["mrr_signed_12_months"].astype(float).tolist() == pytest.approx(expected.tolist())
    assert ltv["ltv_to_cac"].notna().any()


def check_gm_by_account_revenue(context) -> None:
    totals = _fetch(context, """
        select
            (select sum(revenue) from analytics.gm_by_account_monthly) as gm_revenue,
            (select sum(amount) from analytics.finance_revenue_adjusted_by_account_monthly_v2) as revenue,
            (select sum(total_cost) from analytics.gm_by_account_monthly) as gm_cost,
            (select count(*) from analytics.gm_by_account_monthly where account_id not in ('n/a', 'N/A')
                and total_cost is not null) as costed_accounts
        """).iloc[0]
    assert float(totals["gm_revenue"]) == pytest.approx(float(totals["revenue"]))
    assert float(totals["gm_cost"]) > 0 and totals["costed_accounts"] > 0


CHECKS = (check_models_hold_rows, check_revenue_equals_ground_truth, check_mrr_bridge,
          check_seeds_reference_generated_accounts, check_journal_matches_staff_and_family,
          check_dm_survey_stacks_both_sources, check_gm_by_account_revenue, check_ltv_to_cac_sums)


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_finance_on_tiny(tiny_prod, check):
    check(tiny_prod)


@pytest.mark.postgres
@pytest.mark.slow
def test_finance_on_postgres(tiny_prod_postgres):
    context, _settings = tiny_prod_postgres
    for check in CHECKS:
        check(context)

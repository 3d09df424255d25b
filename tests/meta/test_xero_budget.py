"""Xero transforms and budget models on the shared tiny prod build.

Checks that every model holds rows on the tiny warehouse, that the monthly profit and loss is the
sum of the generated ledger (recomputed here from the raw tap tables: invoice, bank-transaction and
journal lines and payments, with the status filters, signs and tax rule), that the CAC splits the
P&L of the acquisition groups, that the generated chart of accounts reaches every account group,
and that budget against actuals holds rows for every department.
"""

from __future__ import annotations

import pandas as pd
import pytest

MODELS = [
    "xero_invoices_line_items_detailed",
    "xero_bank_transactions_line_items_detailed",
    "xero_manual_journals_journal_lines_detailed",
    "xero_payments_detailed",
    "xero_expenses",
    "xero_expenses_detailed",
    "xero_profit_and_loss",
    "xero_cac",
    "xero_budget_monthly_detailed",
    "budget_and_actuals_monthly",
    "budget_and_actuals_monthly_cs",
    "budget_and_actuals_monthly_marketing",
    "budget_and_actuals_monthly_medops",
    "budget_and_actuals_monthly_sales",
    "budget_and_actuals_monthly_tech",
]


def scalar(context, sql: str):
    return context.fetchdf(sql).iloc[0, 0]


def month(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, utc=True).dt.tz_localize(None).dt.to_period("M").dt.to_timestamp()


def excl_tax(amount: pd.Series, tax: pd.Series, types: pd.Series) -> pd.Series:
    return amount.astype(float) - tax.astype(float).where(types == "Inclusive", 0.0)


def raw_ledger_by_month(context) -> pd.Series:
    """The profit-and-loss amount of each month, recomputed from the raw tap tables."""
    invoices = context.fetchdf("""
        SELECT i."date", i."type", i.lineamounttypes, l.lineamount, l.taxamount
        FROM tap_xero.invoices__lineitems AS l
        INNER JOIN tap_xero.invoices AS i ON l._sdc_source_key_invoiceid = i.invoiceid
        WHERE i.status NOT IN ('VOIDED', 'DELETED')""")
    invoices["amount"] = excl_tax(invoices.lineamount, invoices.taxamount, invoices.lineamounttypes) * (
        invoices["type"].map({"ACCPAY": 1, "ACCREC": -1}))
    bank = context.fetchdf("""
        SELECT t."date", t."type", t.lineamounttypes, l.lineamount, l.taxamount
        FROM tap_xero.bank_transactions__lineitems AS l
        INNER JOIN tap_xero.bank_transactions AS t
            ON l._sdc_source_key_banktransactionid = t.banktransactionid
        WHERE t.status <> 'DELETED'""")
    bank["amount"] = excl_tax(bank.lineamount, bank.taxamount, bank.lineamounttypes) * (
        bank["type"].eq("RECEIVE").map({True: -1, False: 1}))
    journals = context.fetchdf("""
        SELECT j."date", j.lineamounttypes, l.lineamount, l.taxamount
        FROM tap_xero.manual_journals__journallines AS l
        INNER JOIN tap_xero.manual_journals AS j ON l._sdc_source_key_manualjournalid = j.manualjournalid
        WHERE j.status <> 'VOIDED'""")
    journals["amount"] = excl_tax(journals.lineamount, journals.taxamount, journals.lineamounttypes)
    payments = context.fetchdf("""
        SELECT "date", paymenttype, "amount" AS paid, invoice__totaltax
        FROM tap_xero.payments WHERE status <> 'DELETED'""")
    payments["amount"] = (payments.paid.astype(float) - payments.invoice__totaltax.astype(float).fillna(0)) * (
        payments.paymenttype.eq("ACCPAYPAYMENT").map({True: -1, False: 1}))
    ledger = pd.concat([frame[["date", "amount"]] for frame in (invoices, bank, journals, payments)])
    assert len(invoices) and len(bank) and len(journals) and len(payments)
    return ledger.groupby(month(ledger["date"])).amount.sum()


@pytest.mark.parametrize("model", MODELS)
def test_xero_and_budget_models_hold_rows(tiny_prod, model):
    assert scalar(tiny_prod, f"SELECT COUNT(*) FROM analytics.{model}") > 0, model


def test_profit_and_loss_is_the_generated_ledger(tiny_prod):
    expected = raw_ledger_by_month(tiny_prod)
    pnl = tiny_prod.fetchdf(
        "SELECT date_month, SUM(amount) AS amount FROM analytics.xero_profit_and_loss GROUP BY date_month")
    actual = pnl.set_index(pd.to_datetime(pnl.date_month)).amount.astype(float).sort_index()
    assert list(actual.index) == list(expected.sort_index().index)
    # each line is rounded to cents in the models, so allow a cent per line at most
    assert (actual - expected.sort_index()).abs().max() < 1.0
    # every source contributes and income is negative
    sources = tiny_prod.fetchdf("""
        SELECT expense_source, SUM(CASE WHEN line_amount_excl_tax < 0 THEN 1 ELSE 0 END) AS negative,
               COUNT(*) AS lines
        FROM analytics.xero_expenses GROUP BY expense_source""").set_index("expense_source")
    assert set(sources.index) == {"invoice_lines", "bt_lines", "mj_lines", "payments"}
    assert scalar(tiny_prod, """SELECT MAX(line_amount_excl_tax) FROM analytics.xero_expenses_detailed
                                WHERE account_name = 'Telehealth Revenue'""") < 0


def test_cac_is_the_acquisition_groups_split_by_eae_share(tiny_prod):
    cac = tiny_prod.fetchdf("SELECT * FROM analytics.xero_cac ORDER BY date_month")
    pnl = tiny_prod.fetchdf("""
        SELECT date_month, SUM(amount) AS amount FROM analytics.xero_profit_and_loss
        WHERE account_group IN ('Sales Expenses', 'Marketing Expenses', 'Partnerships')
        GROUP BY date_month ORDER BY date_month""")
    assert len(cac) == len(pnl) > 12
    assert (cac.cost_total.astype(float) - pnl.amount.astype(float).to_numpy()).abs().max() < 0.01
    assert (cac.cost_eae + cac.cost_ae - cac.cost_total).abs().max() < 0.01
    assert (cac.cost_eae > 0).all() and (cac.cost_ae > 0).all()


def test_generated_accounts_reach_every_account_group(tiny_prod):
    groups = set(tiny_prod.fetchdf(
        "SELECT DISTINCT account_group FROM analytics.xero_profit_and_loss").account_group)
    assert groups == {"N/A", "Sales Expenses", "Customer Success", "General Administration",
                      "Health Team", "Marketing Expenses", "Technology", "New Services",
                      "Partnerships", "Human Ressources", "Health Platform", "Mental Health",
                      "Physical Clinic"}
    # the case-insensitive prefix rule: these accounts are Health Team, not N/A
    fixed = tiny_prod.fetchdf("""
        SELECT DISTINCT account_name, account_group FROM analytics.xero_expenses_detailed
        WHERE account_name IN ('Health Team - Medical Director - DAS', 'Health Team - Software / SAAS',
                               'Health team medical operations - Group Insurance Benefit')""")
    assert len(fixed) == 3 and set(fixed.account_group) == {"Health Team"}


def test_budget_and_actuals_cover_each_department(tiny_prod):
    assert scalar(tiny_prod, """
        SELECT COUNT(*) FROM analytics.budget_and_actuals_monthly WHERE amount_budget > 0""") > 0
    total = scalar(tiny_prod, "SELECT COUNT(*) FROM analytics.budget_and_actuals_monthly")
    copies = sum(scalar(tiny_prod, f"SELECT COUNT(*) FROM analytics.budget_and_actuals_monthly_{d}")
                 for d in ("cs", "marketing", "medops", "sales", "tech"))
    others = scalar(tiny_prod, """
        SELECT COUNT(*) FROM analytics.budget_and_actuals_monthly
        WHERE account_group NOT IN ('Customer Success', 'Marketing Expenses', 'Health Team',
                                    'Sales Expenses', 'Technology')""")
    assert copies + others == total


def test_cac_audits_name_the_months_that_do_not_add_up():
    """The two CAC audits, rendered as SQLMesh runs them, against hand-made tables."""
    import duckdb

    from catwalk.project import open_context

    project = open_context(load_state=False, load_tests=False)
    try:
        model = project.get_model("analytics.xero_cac")
        connection = duckdb.connect()
        connection.execute("ATTACH ':memory:' AS catwalk")  # the project's DuckDB catalog
        connection.execute("CREATE SCHEMA catwalk.analytics")
        connection.execute(
            "CREATE TABLE catwalk.analytics.xero_profit_and_loss AS SELECT * FROM (VALUES"
            " (DATE '2026-01-01', 'Sales Expenses', 'Sales - Travel (National)', 600.0),"
            " (DATE '2026-01-01', 'Marketing Expenses', 'Marketing - Campaign', 400.0),"
            " (DATE '2026-01-01', 'Technology', 'Tech SAAS', 5000.0),"
            " (DATE '2026-02-01', 'Partnerships', 'Partnerships - Commissions', 300.0),"
            " (DATE '2026-03-01', 'Sales Expenses', 'Sales - Travel (National)', 100.0))"
            " AS t(date_month, account_group, account_name, amount)")
        connection.execute(
            "CREATE TABLE cac AS SELECT * FROM (VALUES"
            " (DATE '2026-01-01', 250.0, 750.0, 1000.0),"  # right
            " (DATE '2026-02-01', 100.0, 100.0, 300.0),"  # split short of the total, total right
            " (DATE '2026-03-01', 60.0, 60.4, 120.4))"  # split right, total off the P&L by 20
            " AS t(date_month, cost_eae, cost_ae, cost_total)")
        found = {}
        for name in ("assert_xero_cac_amount_split_equals_total", "assert_xero_cac_pnl_total_equals_cac"):
            audit = model.audit_definitions[name]
            query = model.render_audit_query(audit, this_model="cac", start="2026-01-01", end="2026-03-31",
                                             execution_time="2026-04-01")
            found[name] = sorted(str(row[0]) for row in connection.execute(query.sql(dialect="duckdb")).fetchall())
            assert audit.blocking
        assert found == {"assert_xero_cac_amount_split_equals_total": ["2026-02-01"],
                         "assert_xero_cac_pnl_total_equals_cac": ["2026-03-01"]}
    finally:
        project.close()

"""The finance team's adjusted-revenue sheet: revenue recognized per Salesforce account and month.

Raw table finance_sheets.adjusted_revenue_monthly (account_id, account_name, revenue_type, amount,
date_month), delivered monthly on the 10th at 05:30 UTC (+ < 90 s) for the previous month. Stream
"finance". Reads the organizations' plans and features (scribe.plan, scribe.plan_feature), their
employees (`world.people`) and the account of each organization (salesforce.maestro_orgs,
salesforce.accounts), so it agrees with the generated contracts and prices.

Per client account, per month from the month of its earliest organization billing start (at the
earliest 2024-01, the finance sheets' window) to the last month delivered: TeleHealth revenue =
Σ of its organizations' monthly price (fixed: the plan price; dynamic: price × employees who
joined by the end of the month; free: 0) × (1 ± 5 %), prorated by days in the first month, split
into 1-4 lines (~20 % zero lines, ~10 % small credits balanced on another line); a Mental Health
line (5 CAD × employees) for organizations with the mental-health feature; 2 % of account-months
net to exactly 0 (a charge and its credit); one account churns three months before the end of
history and one skips a month. Ground truth: `catwalk_generator.adjusted_revenue_monthly` (the
sum per account and month).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.world import HOUR, RawTable, WorldState, replica_time, state_table, to_us

FIRST_MONTH = pd.Timestamp("2024-01-01")
MENTAL_HEALTH_PRICE = 5.0  # CAD per employee per month: the mental-health add-on price


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("finance")
    revenue = _account_months(world)
    revenue = _churn_and_gap(world, rng, revenue)
    lines = _lines(rng, revenue)
    delivered = replica_time(_delivery(lines.date_month), rng)
    keep = delivered < world.world_end
    lines, delivered = lines[keep].reset_index(drop=True), delivered[keep]
    world.truth["adjusted_revenue_monthly"] = (
        lines[delivered < world.end].groupby(["account_id", "date_month"], as_index=False)
        .amount.sum())
    return {"finance_sheets.adjusted_revenue_monthly": state_table(
        "finance_sheets.adjusted_revenue_monthly", lines, tuple(lines.columns), delivered)}


def _delivery(months: pd.Series) -> np.ndarray:
    """The 10th of the month after each month, at the morning sync (in us)."""
    nxt = pd.to_datetime(months) + pd.offsets.MonthBegin(1) + pd.Timedelta(days=9)
    return (nxt.dt.tz_localize("UTC").astype("int64").to_numpy() // 1000) + 5 * HOUR


def _organization_prices(world: WorldState) -> pd.DataFrame:
    """Per organization: account, billing start (us), strategy, price, mental-health feature."""
    plans = world.tables["scribe.plan"].df.drop_duplicates("organization_id")
    features = world.tables["scribe.plan_feature"].df
    mh_plans = set(features.plan_id[features.feature_id.isin([4, 5])])
    links = world.tables["salesforce.maestro_orgs"].df
    links = links[~links.is_deleted].set_index("maestro_org_number_c").sf_account_c
    orgs = world.tables["scribe.organization"].df.drop_duplicates("id").set_index("id")
    billing = orgs.billing_start_date.reindex(world.org.id.to_numpy())
    created = world.org.created.to_numpy()
    return pd.DataFrame(dict(
        organization_id=world.org.id.to_numpy(),
        account_id=links.reindex(world.org.id.to_numpy().astype(float)).to_numpy(),
        billing=np.where(billing.isna(), created,
                         billing.values.astype("datetime64[us]").astype(np.int64)),
        strategy=plans.set_index("organization_id").charge_strategy.reindex(
            world.org.id.to_numpy()).fillna("free").to_numpy(),
        price=plans.set_index("organization_id").charge_price.reindex(
            world.org.id.to_numpy()).fillna(0).to_numpy(),
        mental_health=world.org.plan_id.isin(mh_plans).to_numpy())).dropna(subset=["account_id"])


def _account_months(world: WorldState) -> pd.DataFrame:
    """Revenue per (account, month, revenue type) before splitting into lines."""
    orgs = _organization_prices(world)
    people = world.people[world.people.kind == 0]
    last_month = pd.Timestamp(world.world_end, unit="us").to_period("M").start_time
    months = pd.date_range(FIRST_MONTH, last_month, freq="MS")
    rows = []
    for org in orgs.itertuples(index=False):
        start = pd.Timestamp(org.billing, unit="us").normalize()
        joined = np.sort(people.created[people.org == org.organization_id].to_numpy())
        for month in months[months >= start.to_period("M").start_time]:
            month_end = to_us(month + pd.offsets.MonthBegin(1))
            employees = int(np.searchsorted(joined, month_end))
            share = 1.0
            if month == start.to_period("M").start_time:
                share = 1 - (start.day - 1) / month.days_in_month
            tele = {"fixed": org.price}.get(org.strategy, 0.0 if org.strategy == "free"
                                           else org.price * employees)
            rows.append((org.account_id, month, "TeleHealth", tele * share))
            if org.mental_health:
                rows.append((org.account_id, month, "Mental Health",
                             MENTAL_HEALTH_PRICE * employees * share))
    frame = pd.DataFrame(rows, columns=["account_id", "date_month", "revenue_type", "amount"])
    frame = frame.groupby(["account_id", "date_month", "revenue_type"], as_index=False).amount.sum()
    names = world.tables["salesforce.accounts"].df.drop_duplicates("id").set_index("id").name
    frame["account_name"] = names.reindex(frame.account_id).to_numpy()
    return frame[frame.amount > 0].reset_index(drop=True)


def _churn_and_gap(world: WorldState, rng, revenue: pd.DataFrame) -> pd.DataFrame:
    """One account stops three months before the end of history, another skips one month."""
    end_month = pd.Timestamp(world.end, unit="us").to_period("M").start_time
    accounts = sorted(revenue.account_id.unique())
    if len(accounts) < 3:
        return revenue
    churned, gap = rng.choice(accounts, 2, replace=False)
    stop = revenue.account_id.eq(churned) & (revenue.date_month > end_month - pd.DateOffset(months=3))
    own = revenue.date_month[revenue.account_id == gap].sort_values()
    skip = revenue.account_id.eq(gap) & revenue.date_month.eq(own.iloc[len(own) // 2])
    return revenue[~stop & ~skip].reset_index(drop=True)


def _lines(rng, revenue: pd.DataFrame) -> pd.DataFrame:
    """Split each amount (× 1 ± 5 %) into 1-4 lines: zero lines, credits balanced on another line,
    and 2 % of the amounts replaced by a charge and its credit (netting to 0)."""
    n = len(revenue)
    total = np.round(revenue.amount.to_numpy() * rng.uniform(0.95, 1.05, n), 2)
    k = rng.choice([1, 2, 3, 4], size=n, p=[0.55, 0.3, 0.1, 0.05])
    rows = []
    for i, r in enumerate(revenue.itertuples(index=False)):
        if rng.random() < 0.02:
            parts = [total[i], -total[i]]
        else:
            weights = rng.random(k[i]) * (rng.random(k[i]) >= 0.2)
            weights[0] = max(weights[0], 0.5)
            parts = list(np.round(total[i] * weights / weights.sum(), 2))
            parts[0] = round(total[i] - sum(parts[1:]), 2)
            if rng.random() < 0.1:
                credit = round(-float(rng.uniform(5, 50)), 2)
                parts += [credit]
                parts[0] = round(parts[0] - credit, 2)
        rows += [(r.account_id, r.account_name, r.revenue_type, float(a), r.date_month.date())
                 for a in parts]
    lines = pd.DataFrame(rows, columns=["account_id", "account_name", "revenue_type", "amount",
                                        "date_month"])
    return lines.drop_duplicates().reset_index(drop=True)  # a sheet row is its values (the key)

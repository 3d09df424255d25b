"""Write the synthetic finance seeds of seeds/ (the finance team's monthly sheets and rule seeds).

Rerun from the repository root (same output every time; the CSVs are committed):

    .venv/bin/python scripts/generate_finance_seeds.py

Monthly sheets, one row per month (and department or source) from 2024-01 to 2027-12, in the
original sheets' shape, orders of magnitude and signs (random stream seeded with SEED):
- data_finance_rampup_costs: compensation of account executives (AE) and enterprise account
  executives (EAE) in their first six months, many months at 0;
- data_finance_runway: cash position, actuals then forecast, declining and negative by late 2027;
- data_finance_opex: actual minus budget per department (CS, G&A, Medops, Mktg, Sales, Tech every
  month; One-timers every month but one);
- data_finance_gm_breakdown: burn contribution of GM1 and of sales, two rows per month.

Rule and keyed seeds reference what the generator creates at every scale: a special organization
never shares a Salesforce account, so its account id is `0014100000` + its position among the
organizations (8 digits, catwalk/warehouse/sources/salesforce.py), and organizations 18, 61 and 251
are named Dialogue Technologies, Dialogue Staff and Dialogue Family
(catwalk/warehouse/sources/scribe.py). The months of the pilot expansions and revenue overrides
were chosen on the demo warehouse (`catwalk warehouse generate --scale demo --seed 7 --start
2026-10-01 --days 42`), where the adjusted revenue of those accounts grows (pilot expansions) or
nearly stops for a month (override):
- data_finance_pilot_expansions: 4 account-months of organizations 47 and 56;
- data_finance_revenue_overrides: 2 account-months of organization 230 (one is its 0.10 CAD
  month, a temporary churn smoothed to its usual revenue) and 61;
- data_finance_revenue_adjustment: 24 lines of an old revenue journal naming Dialogue Staff,
  Dialogue Family and Dialogue Technologies (excluded from the match), 3 lines naming no
  organization;
- data_finance_revenue_adjustment_excluded_organizations: organization 18 (Dialogue Technologies,
  the company's own name, found in lines about its other organizations) and the four test and
  sandbox organizations (9, 617, 618, 692), whose generic names would match unrelated lines.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2024
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MONTHS = pd.date_range("2024-01-01", "2027-12-01", freq="MS")
DEPARTMENTS = ["CS", "G&A", "Medops", "Mktg", "Sales", "Tech"]


def account_of_position(position: int) -> str:
    """Salesforce account id of the organization at this position (special ones come first)."""
    return f"0014100000{position:08d}"


# position among the organizations: the special ones sorted by id (9, 18, 47, 56, 61, 84, 230, 251, ...)
ACCOUNT_18, ACCOUNT_47, ACCOUNT_56, ACCOUNT_61, ACCOUNT_230 = (
    account_of_position(i) for i in (1, 2, 3, 4, 6))


def _write(folder: Path, name: str, header: list[str], rows: list[tuple]) -> None:
    with open(folder / f"{name}.csv", "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _day(month: pd.Timestamp) -> str:
    return month.strftime("%Y-%m-%d")


def rampup_costs(rng) -> list[tuple]:
    rows = []
    for month in MONTHS:
        ae = round(float(rng.uniform(5000, 18000)), 2) if rng.random() < 0.45 else 0.0
        eae = round(float(rng.uniform(3000, 9000)), 2) if rng.random() < 0.25 else 0.0
        rows.append((_day(month), ae, eae))
    return rows


def runway(rng) -> list[tuple]:
    cash, rows = 14_500_000.0, []
    for i, month in enumerate(MONTHS):
        rows.append((_day(month), round(cash)))
        cash -= rng.uniform(300_000, 450_000) + 4_000 * i
    return rows


def opex(rng) -> list[tuple]:
    scale = {"CS": 20_000, "G&A": 80_000, "Medops": 40_000, "Mktg": 50_000, "Sales": 90_000,
             "Tech": 60_000}
    rows = []
    skipped = MONTHS[int(rng.integers(0, len(MONTHS)))]
    for month in MONTHS:
        for department in DEPARTMENTS:
            rows.append((_day(month), department,
                         round(float(rng.normal(0.2, 1.0) * scale[department]), 2)))
        if month != skipped:
            rows.append((_day(month), "One-timers", round(float(rng.uniform(-20_000, 60_000)), 2)))
    return rows


def gm_breakdown(rng) -> list[tuple]:
    rows = []
    for month in MONTHS:
        rows.append((_day(month), "Related to Sales", float(round(rng.uniform(-2_000, 6_000)))))
        rows.append((_day(month), "Related to GM1", float(round(rng.normal(0, 20_000)))))
    return rows


def revenue_adjustment() -> list[tuple]:
    offer = "Accès illimité aux infirmières et aux médecins sur la plateforme Dialogue"
    french = {8: "août", 9: "septembre", 10: "octobre", 11: "novembre"}
    rows = []
    for month in (8, 9, 10, 11):
        text_month = f"{month}/1/2026 0:00:00"
        for number, name, members, price, mh, label in (
            ("061", "Dialogue Staff", 42, 6.0, 0.0, "061 - Dialogue Staff"),
            ("251", "Dialogue Family", 18, 9.0, 36.0 if month == 10 else 0.0, "251 - Dialogue Family"),
            ("018", "Dialogue Technologies - Dialogue Staff", 3, 6.0, 0.0, "018 - Dialogue Tech"),
            ("251", "Famille Dialogue", 4, 9.0, 0.0, "Dialogue Family"),
            ("061", "Dialogue Staff (mental health)", 5, 5.0, 25.0, "061 - Dialogue Staff MH"),
            ("018", "Dialogue Technologies", 2, 6.0, 0.0, "018 - Dialogue Technologies"),
        ):
            account = (f"{number} - {name} - {offer} --------------- {french[month]} 2026 ---- "
                       f"{members:.2f} adhésions à ${price:.2f}")
            rows.append((account, text_month, round(members * price, 2), mh, label))
    for account, month, amount in (
        ("Ajustement de fin d'année - frais bancaires", "12/1/2026 0:00:00", -14.5),
        ("Crédit client - facture annulée", "9/1/2026 0:00:00", -66.0),
        ("Revenus divers", "11/1/2026 0:00:00", 120.0),
    ):
        rows.append((account, month, amount, 0.0, "Other"))
    return rows


def main(folder: Path = SEEDS) -> None:
    """Write the eight seeds into `folder` (the repository's seeds/ by default)."""
    rng = np.random.default_rng(SEED)
    _write(folder, "data_finance_rampup_costs", ["date_month", "cost_ae_ramp", "cost_eae_ramp"],
           rampup_costs(rng))
    _write(folder, "data_finance_runway", ["date_month", "forecast"], runway(rng))
    _write(folder, "data_finance_opex", ["date_month", "department", "delta"], opex(rng))
    _write(folder, "data_finance_gm_breakdown", ["date_month", "gm_source", "value"], gm_breakdown(rng))
    _write(folder, "data_finance_pilot_expansions", ["account_id", "date_month"], [
        (ACCOUNT_56, "2024-05-01"), (ACCOUNT_56, "2024-06-01"), (ACCOUNT_56, "2024-10-01"),
        (ACCOUNT_47, "2025-10-01")])
    _write(folder, "data_finance_revenue_overrides", ["account_id", "date_month", "amount"], [
        (ACCOUNT_230, "2025-04-01", 130.0), (ACCOUNT_61, "2024-03-01", 930.0)])
    _write(folder, "data_finance_revenue_adjustment", ["account", "month", "recognized", "mh", "org_name"],
           revenue_adjustment())
    _write(folder, "data_finance_revenue_adjustment_excluded_organizations", ["organization_id"],
           [(18,), (9,), (617,), (618,), (692,)])


if __name__ == "__main__":
    main()

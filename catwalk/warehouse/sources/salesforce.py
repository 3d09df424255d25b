"""Salesforce, the CRM: sales users, accounts (one per organization, some shared), the Maestro
organization links, contacts, products, opportunities and opportunity products.

Replicas: salesforce.users, accounts, maestro_orgs, contacts, products, opportunities,
opportunity_product (all synced once, from 2018-01-01 06:00 UTC or their creation). Stream
"salesforce". Reads `world.org` (sources/scribe).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.sources.scribe import FIRST_NAMES, LAST_NAMES
from catwalk.warehouse.world import DAY, RawTable, WorldState, choice, state_table, to_us, ts_col

T0 = to_us("2018-01-01 06:00")  # the first sync
PRODUCTS = ["Virtual Care", "24/7", "Stress Management & Well-Being", "Vaccination Campaign",
            "Family Plan"]


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("salesforce")
    users = _users(world, rng)
    accounts, org_acc = _accounts(world, rng, users.id.tolist())
    acc_at = np.maximum(accounts.created_date.values.astype("datetime64[us]").astype(np.int64), T0)
    tables = {
        "salesforce.users": state_table("salesforce.users", users, ("id",),
                                        np.full(len(users), T0)),
        "salesforce.accounts": state_table("salesforce.accounts", accounts, ("id",), acc_at),
        "salesforce.maestro_orgs": _maestro_orgs(world, org_acc),
    }
    tables.update(_deals(rng, accounts[~accounts.is_deleted]))
    return tables


def _users(world: WorldState, rng) -> pd.DataFrame:
    n_users = world.p["sf_users"]
    sf_user_id = [f"0054100000{i:08d}" for i in range(n_users)]
    first = np.array(FIRST_NAMES, dtype=object)[rng.integers(0, len(FIRST_NAMES), n_users)]
    last = np.array(LAST_NAMES, dtype=object)[rng.integers(0, len(LAST_NAMES), n_users)]
    return pd.DataFrame(dict(
        id=sf_user_id, first_name=first, last_name=last,
        name=[f"{f} {l_}" for f, l_ in zip(first, last)],
        email=[f"{f.lower()}.{l_.lower()}@dialogue.co" for f, l_ in zip(first, last)],
        username=[f"{f.lower()}.{l_.lower()}@dialogue.co.sf" for f, l_ in zip(first, last)],
        title=choice(rng, ["Account Manager", "Account Executive", "SDR"], [5, 3, 2], n_users),
        state_code=choice(rng, ["QC", "ON"], [6, 4], n_users), country_code="CA",
        is_active=True, created_date=ts_col(T0 + rng.integers(0, 900, n_users) * DAY),
        last_login_date=ts_col(np.full(n_users, world.start - DAY)), user_type="Standard"))


def _accounts(world: WorldState, rng, sf_user_id: list) -> tuple[pd.DataFrame, np.ndarray]:
    """Accounts (one per organization, a few organizations share one; two deleted) and the
    account of each organization."""
    org = world.org
    n, n_users = len(org), len(sf_user_id)
    acc_idx = np.arange(n)
    share = rng.random(n) < 0.1
    acc_idx[share] = np.maximum(acc_idx[share] - 1, 0)
    acc_ids = np.array([f"0014100000{i:08d}" for i in range(n)], dtype=object)
    used = np.unique(acc_idx)
    am = np.array(sf_user_id, dtype=object)[rng.integers(0, n_users, len(used))]
    created = org.created.to_numpy()[used] - 60 * DAY
    accounts = pd.DataFrame(dict(
        id=acc_ids[used], name=[org.name.iloc[i].split(" (")[0] for i in used],
        industry=choice(rng, ["Technology", "Finance", "Retail", "Manufacturing",
                              "Healthcare", "Education"], [3, 2, 2, 2, 1, 1], len(used)),
        number_of_employees=rng.integers(10, 3000, len(used)),
        number_of_employees_c=rng.integers(10, 3000, len(used)),
        billing_state_code=org.prov.to_numpy()[used], billing_country_code="CA",
        billing_city=org.city.to_numpy()[used], billing_country="Canada",
        account_source=choice(rng, ["Website", "Partner", "Outbound", "Referral"], [3, 2, 3, 1],
                              len(used)),
        mrr_c=np.round(rng.uniform(200, 20000, len(used)), 2), sdr_c=am, cs_account_manager_c=am,
        owner_id=am, type="Customer", is_deleted=False, created_date=ts_col(created),
        client_start_date_c=ts_col(org.created.to_numpy()[used]),
        commission_rate_year_1_c=np.where(rng.random(len(used)) < 0.3, 10.0, np.nan),
        commission_rate_year_2_c=np.where(rng.random(len(used)) < 0.3, 5.0, np.nan)))
    deleted = accounts.iloc[:2].copy()
    deleted["id"] = ["0014100000DELETED1", "0014100000DELETED2"]
    deleted["is_deleted"] = True
    return pd.concat([accounts, deleted], ignore_index=True), acc_ids[acc_idx]


def _maestro_orgs(world: WorldState, org_acc: np.ndarray) -> RawTable:
    """The link of each organization to its account (plus two deleted links)."""
    org = world.org
    mo = pd.DataFrame(dict(
        name=org.name.to_numpy(), sf_account_c=org_acc,
        maestro_org_number_c=org.id.to_numpy().astype(float),
        active_provinces_c=org.prov.to_numpy(), is_deleted=False))
    mo_del = mo.iloc[:2].copy()
    mo_del["is_deleted"] = True
    mo_del["maestro_org_number_c"] = [99901.0, 99902.0]
    mo = pd.concat([mo, mo_del], ignore_index=True)
    mo_at = np.maximum(np.r_[org.created.to_numpy(), org.created.to_numpy()[:2]] - DAY, T0)
    return state_table("salesforce.maestro_orgs", mo, ("maestro_org_number_c",), mo_at)


def _deals(rng, acc: pd.DataFrame) -> dict[str, RawTable]:
    """Contacts, products, opportunities and opportunity products (minimal but valid)."""
    na = len(acc)
    cfirst = np.array(FIRST_NAMES, dtype=object)[rng.integers(0, len(FIRST_NAMES), na)]
    clast = np.array(LAST_NAMES, dtype=object)[rng.integers(0, len(LAST_NAMES), na)]
    contacts = pd.DataFrame(dict(
        id=[f"0034100000{i:08d}" for i in range(na)], account_id=acc.id.to_numpy(),
        first_name=cfirst, last_name=clast, name=[f"{f} {l_}" for f, l_ in zip(cfirst, clast)],
        email=[f"{f.lower()}.{l_.lower()}@client{i}.com" for i, (f, l_) in
               enumerate(zip(cfirst, clast))],
        title="HR Director", contact_type_c="Decision Maker", is_deleted=False))
    products = pd.DataFrame(dict(id=[f"01t4100000{i:08d}" for i in range(5)], name=PRODUCTS,
                                 is_deleted=False))
    opp = _opportunities(rng, acc)
    op = pd.DataFrame(dict(
        id=[f"00k4100000{i:08d}" for i in range(na)], opportunity_id=opp.id.to_numpy(),
        product_2_id=products.id.iloc[0], name="Virtual Care", quantity=1.0,
        list_price=opp.amount.to_numpy(), unit_price=opp.amount.to_numpy(),
        total_price=opp.amount.to_numpy(), subtotal=opp.amount.to_numpy(), is_deleted=False,
        created_date=opp.created_date.to_numpy(), received_at=ts_col(np.full(na, T0))))
    return {
        "salesforce.contacts": state_table("salesforce.contacts", contacts, ("id",),
                                           np.full(na, T0)),
        "salesforce.products": state_table("salesforce.products", products, ("id",),
                                           np.full(5, T0)),
        "salesforce.opportunities": state_table("salesforce.opportunities", opp, ("id",),
                                                np.full(na, T0)),
        "salesforce.opportunity_product": state_table("salesforce.opportunity_product", op,
                                                      ("id",), np.full(na, T0)),
    }


def _opportunities(rng, acc: pd.DataFrame) -> pd.DataFrame:
    """One opportunity per account, closed won for most, 45 days after the account."""
    na = len(acc)
    won = rng.random(na) < 0.85
    close = acc.created_date.values.astype("datetime64[us]").astype(np.int64) + 45 * DAY
    return pd.DataFrame(dict(
        id=[f"0064100000{i:08d}" for i in range(na)], account_id=acc.id.to_numpy(),
        name=[f"{nm} - Virtual Care" for nm in acc.name], amount=acc.mrr_c.to_numpy(),
        stage_name=np.where(won, "Closed Won", "Decide"), is_closed=won, is_won=won,
        is_deleted=False, close_date=ts_col(close), created_date=acc.created_date.to_numpy(),
        billing_start_date_c=ts_col(close + 15 * DAY), channel_c=choice(
            rng, ["Direct", "Partner"], [7, 3], na),
        lead_source=choice(rng, ["Website", "Webinar", "Referral", "Adwords"], [3, 1, 2, 1], na),
        revenue_type_c="New", owner_id=acc.owner_id.to_numpy(), sdr_c=acc.sdr_c.to_numpy(),
        number_of_employees_c=acc.number_of_employees_c.to_numpy(),
        probability=np.where(won, 100.0, 90.0), self_signup_no_touch_c=False,
        value_period_c="Monthly", pilot_c="No"))

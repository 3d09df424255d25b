"""Salesforce, the CRM: sales users, accounts, the Maestro organization links, contacts, products,
the sales pipeline (opportunities, their stage history and product lines) and sales activities.

Replicas (Segment cloud source, current version of each record, soft deletes in `is_deleted`):
salesforce.users, accounts, maestro_orgs, contacts, products (synced from 2018-01-01 06:00 UTC
or their creation), opportunities, opportunity_history, opportunity_product (delivered at the
sync after their last change; the pipeline is simulated in sources/salesforce_pipeline), tasks
and events (sources/salesforce_pipeline, created every day up to the end of the world).

Ids the seeds reference are stable at every scale: users 0-3 have fixed titles, provinces and
creation days (0 Account Executive QC, 1 Enterprise Account Executive ON, 2 SDR, 3 Account
Manager; FIXED_USERS), the two
partnership users have fixed ids (PARTNERSHIP_USERS), and a special organization never shares an
account, so its account id is `0014100000` + its position among the organizations (8 digits).
Streams: "salesforce" (users, client accounts, links, client contacts, products) and
"salesforce:pipeline" (prospect and partner accounts, partner contacts, the pipeline, activities).
Reads `world.org` (sources/scribe).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.sources import salesforce_pipeline
from catwalk.warehouse.sources.scribe import FIRST_NAMES, LAST_NAMES, SPECIAL_ORGS
from catwalk.warehouse.world import (
    DAY, RawTable, WorldState, choice, state_table, to_us, ts_col,
)

T0 = to_us("2018-01-01 06:00")  # the first sync
PRODUCTS = ["Virtual Care", "24/7", "Stress Management & Well-Being", "Vaccination Campaign",
            "Family Plan"]
FIXED_USERS = [  # title, province, created (the seeds of start dates and targets list them)
    ("Account Executive", "QC", "2025-09-15"), ("Enterprise Account Executive", "ON", "2024-10-10"),
    ("SDR", "QC", "2023-02-05"), ("Account Manager", "QC", "2019-11-28")]
PARTNERSHIP_USERS = ["0054100000PARTNR01", "0054100000PARTNR02"]
DEPARTMENTS = {"Account Executive": "Sales", "Enterprise Account Executive": "Sales",
               "SDR": "Sales", "Account Manager": "Customer Success",
               "Partnership Manager": "Partnerships"}
CITY_OF = {"QC": "Montreal", "ON": "Toronto"}
ACCOUNT_SOURCES = ["Website", "Adwords", "Webinar", "Linkedin Ads", "Outbound", "Referral",
                   "Partner"]


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("salesforce")
    users = _users(world, rng)
    clients, org_acc = _accounts(world, rng, users)
    live = clients[~clients.is_deleted]
    contacts, products = _contacts_products(rng, live)
    pipeline = salesforce_pipeline.simulate(world, users, live, org_acc, products)
    accounts = pd.concat([clients, pipeline.pop("accounts")], ignore_index=True)
    acc_at = np.maximum(accounts.created_date.values.astype("datetime64[us]").astype(np.int64), T0)
    contacts = pd.concat([contacts, pipeline.pop("contacts")], ignore_index=True)
    tables = {
        "salesforce.users": state_table("salesforce.users", users, ("id",),
                                        np.full(len(users), T0)),
        "salesforce.accounts": state_table("salesforce.accounts", accounts, ("id",), acc_at),
        "salesforce.maestro_orgs": _maestro_orgs(world, org_acc),
        "salesforce.contacts": state_table("salesforce.contacts", contacts, ("id",),
                                           np.full(len(contacts), T0)),
        "salesforce.products": state_table("salesforce.products", products, ("id",),
                                           np.full(len(products), T0)),
    }
    tables.update(pipeline["tables"])
    return tables


def _users(world: WorldState, rng) -> pd.DataFrame:
    """The sales users (fixed titles first, the last one departed when there are more than four)
    and the two partnership users."""
    n_users = world.p["sf_users"]
    sf_user_id = [f"0054100000{i:08d}" for i in range(n_users)] + PARTNERSHIP_USERS
    n = len(sf_user_id)
    first = np.array(FIRST_NAMES, dtype=object)[rng.integers(0, len(FIRST_NAMES), n)]
    last = np.array(LAST_NAMES, dtype=object)[rng.integers(0, len(LAST_NAMES), n)]
    title = choice(rng, ["Account Executive", "Enterprise Account Executive", "SDR",
                         "Account Manager"], [3, 2, 2, 3], n)
    state = choice(rng, ["QC", "ON"], [6, 4], n)
    created = to_us("2019-01-01") + rng.integers(0, max((world.start - to_us("2019-01-01"))
                                                        // DAY - 30, 1), n) * DAY
    for i, (fixed_title, fixed_state, fixed_created) in enumerate(FIXED_USERS[:n_users]):
        title[i], state[i], created[i] = fixed_title, fixed_state, to_us(fixed_created)
    title[n_users:] = "Partnership Manager"
    active = np.ones(n, bool)
    if n_users > len(FIXED_USERS):
        active[n_users - 1] = False  # a departed rep: last login months ago
    last_login = np.where(active, world.end - rng.integers(1, 2 * 24 * 60, n) * 60_000_000,
                          world.start - rng.integers(60, 150, n) * DAY)
    return pd.DataFrame(dict(
        id=sf_user_id, first_name=first, last_name=last,
        name=[f"{f} {l_}" for f, l_ in zip(first, last)],
        email=[f"{f.lower()}.{l_.lower()}@dialogue.co" for f, l_ in zip(first, last)],
        username=[f"{f.lower()}.{l_.lower()}@dialogue.co.sf" for f, l_ in zip(first, last)],
        title=title, state_code=state, country_code="CA", country="Canada",
        city=[CITY_OF[s] for s in state], department=[DEPARTMENTS[t] for t in title],
        is_active=active, created_date=ts_col(created), last_login_date=ts_col(last_login),
        user_type="Standard"))


def _accounts(world: WorldState, rng, users: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """Client accounts (one per organization, a few regular organizations share the previous
    one's; two deleted) and the account of each organization."""
    org = world.org
    n = len(org)
    acc_idx = np.arange(n)
    share = rng.random(n) < 0.1
    share[:len(SPECIAL_ORGS) + 1] = False  # special organizations (first) keep their own account
    acc_idx[share] = np.maximum(acc_idx[share] - 1, 0)
    acc_ids = np.array([f"0014100000{i:08d}" for i in range(n)], dtype=object)
    used = np.unique(acc_idx)
    owners = users.id[users.title.isin(["Account Executive", "Enterprise Account Executive"])]
    sdrs = users.id[users.title == "SDR"]
    ams = users.id[users.title == "Account Manager"]
    created = org.created.to_numpy()[used] - 60 * DAY
    k = len(used)
    accounts = pd.DataFrame(dict(
        id=acc_ids[used], name=[org.name.iloc[i].split(" (")[0] for i in used],
        industry=choice(rng, ["Technology", "Finance", "Retail", "Manufacturing",
                              "Healthcare", "Education"], [3, 2, 2, 2, 1, 1], k),
        number_of_employees=rng.integers(10, 3000, k),
        number_of_employees_c=rng.integers(10, 3000, k),
        billing_state_code=org.prov.to_numpy()[used], billing_country_code="CA",
        billing_city=org.city.to_numpy()[used], billing_country="Canada",
        account_source=choice(rng, ACCOUNT_SOURCES, [3, 1, 1, 1, 3, 1, 2], k),
        mrr_c=np.round(rng.uniform(200, 20000, k), 2),
        sdr_c=sdrs.to_numpy()[rng.integers(0, len(sdrs), k)],
        cs_account_manager_c=ams.to_numpy()[rng.integers(0, len(ams), k)],
        owner_id=owners.to_numpy()[rng.integers(0, len(owners), k)], type="Customer",
        is_deleted=False, created_date=ts_col(created),
        client_start_date_c=ts_col(org.created.to_numpy()[used]),
        commission_rate_year_1_c=np.nan, commission_rate_year_2_c=np.nan))
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


def _contacts_products(rng, acc: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One decision-maker contact per client account; the five products."""
    na = len(acc)
    cfirst = np.array(FIRST_NAMES, dtype=object)[rng.integers(0, len(FIRST_NAMES), na)]
    clast = np.array(LAST_NAMES, dtype=object)[rng.integers(0, len(LAST_NAMES), na)]
    contacts = pd.DataFrame(dict(
        id=[f"0034100000{i:08d}" for i in range(na)], account_id=acc.id.to_numpy(),
        first_name=cfirst, last_name=clast, name=[f"{f} {l_}" for f, l_ in zip(cfirst, clast)],
        email=[f"{f.lower()}.{l_.lower()}@client{i}.com" for i, (f, l_) in
               enumerate(zip(cfirst, clast))],
        title="HR Director", contact_type_c="Decision Maker", is_deleted=False))
    products = pd.DataFrame(dict(id=[f"01t4100000{i:08d}" for i in range(len(PRODUCTS))],
                                 name=PRODUCTS, is_deleted=False))
    return contacts, products

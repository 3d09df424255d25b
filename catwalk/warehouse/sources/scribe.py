"""Scribe, the membership service: organizations, plans and features, members and contracts.

Replicas (Lambda imports): scribe.organization, organization_address, plan, feature, plan_feature,
users (members here, practitioners from sources/coredata), contract, user_contract; Segment:
scribe.user_signed_up, scribe.child_added, and their union scribe.tracks (`simulate_tracks`).
Streams "organizations" (+ ":rows" for delivery times), "plans:rows", "members",
"contracts:rows". Leaves `world.org` and `world.people`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.world import (
    DAY, FUTURE_DAYS, HOUR, MIN, RawTable, WorldState, choice, fmt_range, full_obj, replica_time,
    state_frame, state_table, to_us, ts_col,
)

SPECIAL_ORGS = {  # hard-coded exception and test organizations (pricing-exception and test seeds): created at
    9: "2018-03-01", 18: "2017-06-01", 47: "2019-11-15", 56: "2022-08-20", 61: "2017-09-01",
    84: "2021-02-10", 230: "2019-05-20", 251: "2019-04-15", 617: "2020-01-10", 618: "2020-01-10",
    692: "2021-06-01",
}
TEST_ORGS = (617, 618, 692, 9)
TEST_USERS = (485, 1207, 3318, 9001, 12044, 20311, 28765, 33390, 41002, 45942, 47113)
FIRST_MEMBER_ID = 50001

PROVINCES = [  # code, name, weight for residences
    ("QC", "Quebec", 42), ("ON", "Ontario", 30), ("BC", "British Columbia", 8), ("AB", "Alberta", 7),
    ("NS", "Nova Scotia", 3), ("MB", "Manitoba", 2), ("SK", "Saskatchewan", 2),
    ("NB", "New Brunswick", 2), ("NL", "Newfoundland and Labrador", 1.5),
    ("PE", "Prince Edward Island", 1), ("YT", "Yukon", 0.5),
]
CITIES = [  # city, province code
    ("Montreal", "QC"), ("Laval", "QC"), ("Quebec City", "QC"), ("Sherbrooke", "QC"),
    ("Gatineau", "QC"), ("Toronto", "ON"), ("Ottawa", "ON"), ("Mississauga", "ON"),
    ("Vancouver", "BC"), ("Calgary", "AB"), ("Edmonton", "AB"), ("Halifax", "NS"),
    ("Winnipeg", "MB"), ("Regina", "SK"), ("Moncton", "NB"), ("Whitehorse", "YT"),
]
FIRST_NAMES = ["Marie", "Jean", "Sophie", "Luc", "Emma", "Olivier", "Chloe", "William", "Lea",
               "Noah", "Camille", "Gabriel", "Sarah", "Thomas", "Julie", "Alexandre", "Emily",
               "James", "Isabelle", "Mathieu", "Olivia", "Liam", "Ava", "Felix", "Charlotte",
               "Samuel", "Amelia", "Nathan", "Laurence", "Ethan"]
LAST_NAMES = ["Tremblay", "Gagnon", "Roy", "Cote", "Bouchard", "Gauthier", "Morin", "Lavoie",
              "Fortin", "Gagne", "Smith", "Brown", "Wilson", "Taylor", "Martin", "Campbell",
              "Anderson", "Leblanc", "Pelletier", "Bergeron", "Nguyen", "Singh", "Chen", "Patel",
              "Girard", "Caron", "Lefebvre", "MacDonald", "Thompson", "Scott"]
COMPANY_WORDS = ["Northern", "Maple", "Summit", "Laurentian", "Pacific", "Atlantic", "Boreal",
                 "Granite", "Cedar", "Harbour", "Prairie", "Aurora", "Beacon", "Evergreen",
                 "Horizon", "Keystone", "Lakeshore", "Meridian", "Pinnacle", "Riverside"]
COMPANY_KINDS = ["Logistics", "Software", "Dental Group", "Insurance", "Foods", "Engineering",
                 "Consulting", "Media", "Retail", "Pharma", "Studios", "Manufacturing", "Energy",
                 "Capital", "Health", "Construction"]
SPECIAL_NAMES = {9: "QA Test Org", 617: "Test Organization A", 618: "Test Organization B",
                 692: "Sandbox Org", 18: "Dialogue Technologies", 61: "Dialogue Staff",
                 251: "Dialogue Family"}
FEATURES = ["nurse", "family", "24_7", "mental_health", "mental_health_family", "biogeniq", "merck",
            "caution", "intake"]
FEATURE_RATES = [1.0, 0.7, 0.25, 0.2, 0.08, 0.05, 0.03, 0.05, 0.1]
PLAN_EXCEPTIONS = {230: ("fixed", 0.10), 61: ("free", 0.0), 18: ("free", 0.0),
                   251: ("free", 0.0), 47: ("dynamic", 9.0), 84: ("dynamic", 9.0),
                   56: ("dynamic", 15.0)}


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("organizations")
    tables = _organizations(world, rng)
    plans, changing = _plans(world, rng)
    tables.update(plans)
    tables.update(_features(world, rng, changing))
    rng = world.stream("members")
    family = _people(world, rng)
    users = _user_rows(world, rng, family)
    tables.update(_users(world, rng, family, users))
    tables.update(_contracts(world, rng, family))
    return tables


# ---------------------------------------------------------------------------------- organizations


def _organization_ids(world: WorldState, rng) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(all organization ids, their creation times, the regular ids): the special ones first."""
    n_regular = max(world.p["orgs"] - len(SPECIAL_ORGS), 3)
    ids, candidate = [], 100
    while len(ids) < n_regular:
        if candidate not in SPECIAL_ORGS:
            ids.append(candidate)
        candidate += 1
    regular = np.array(ids, np.int64)
    lo, hi = to_us("2019-06-01"), world.start - 30 * DAY
    created_regular = np.sort(rng.integers(lo, hi, n_regular))
    created_regular = (created_regular // DAY) * DAY + 14 * HOUR
    # the newest organization launches in the future part of the world (delivered by load)
    created_regular[-1] = (world.end // DAY + 3) * DAY + 14 * HOUR
    special = np.array(sorted(SPECIAL_ORGS), np.int64)
    created_special = np.array([to_us(SPECIAL_ORGS[i]) + 14 * HOUR for i in special])
    return (np.concatenate([special, regular]), np.concatenate([created_special, created_regular]),
            regular)


def _organization_rows(world: WorldState, rng, org_id, created) -> pd.DataFrame:
    """The organization rows (as imported) and `world.org`, the facts other steps read."""
    n = len(org_id)
    city_idx = rng.integers(0, len(CITIES), n)
    city = np.array([CITIES[i][0] for i in city_idx], dtype=object)
    prov = np.array([CITIES[i][1] for i in city_idx], dtype=object)
    words = rng.integers(0, len(COMPANY_WORDS), n)
    kinds = rng.integers(0, len(COMPANY_KINDS), n)
    name = [f"{COMPANY_WORDS[w]} {COMPANY_KINDS[k]}" for w, k in zip(words, kinds)]
    # a few names carry a province hint (the province inference of scribe_organizations_detailed)
    hint = rng.random(n) < 0.2
    name = [f"{c} {nm}" if h else nm for nm, c, h in zip(name, city, hint)]
    name = [f"{nm} ({i})" for nm, i in zip(name, org_id)]
    name = [SPECIAL_NAMES.get(int(i), nm) for i, nm in zip(org_id, name)]
    pref = choice(rng, ["english", "french", "bilingual-english-french",
                        "bilingual-french-english"], [35, 35, 15, 15], n)
    pref = np.where(prov == "QC", np.where(rng.random(n) < 0.6, "french", pref), pref)
    billing_method = choice(rng, ["invoice", "credit_card", None], [60, 30, 10], n)
    billing_start = ((created // DAY) * DAY + rng.integers(0, 40, n) * DAY)
    billing_start = np.where(rng.random(n) < 0.12, -1, billing_start)  # missing: fallback
    tax_province = np.where(rng.random(n) < 0.85, prov, None)
    rate = rng.lognormal(0, 1.0, n)
    rate[np.isin(org_id, TEST_ORGS)] = 0
    world.org = pd.DataFrame(dict(id=org_id, created=created, name=name, city=city, prov=prov,
                                  pref=pref, weight=rate))
    rows = pd.DataFrame(dict(
        id=org_id, name=name, created=ts_col(created), email_preference=pref,
        billing_method=billing_method,
        billing_start_date=ts_col(np.where(billing_start < 0, 0, billing_start)),
        tax_province=tax_province,
        chargebee_id=np.where(billing_method == "credit_card",
                              np.char.add("cb_", org_id.astype(str)), None)))
    rows.loc[billing_start < 0, "billing_start_date"] = pd.NaT
    return rows


def _organizations(world: WorldState, rng) -> dict[str, RawTable]:
    org_id, created, regular = _organization_ids(world, rng)
    org_rows = _organization_rows(world, rng, org_id, created)
    rng2 = world.stream("organizations:rows")
    org_rows["imported_at"] = ts_col(replica_time(created, rng2))
    # one regular organization is deleted in the future part (row removed from the replica)
    doomed = int(regular[len(regular) // 2])
    t_del = world.end + 2 * DAY + 9 * HOUR
    deleted_row = org_rows[org_rows.id == doomed].copy()
    deleted_row["imported_at"] = ts_col(replica_time(np.array([t_del]), rng2))
    org_versions = pd.concat([org_rows, deleted_row], ignore_index=True)
    world.truth["deleted_organizations"] = pd.DataFrame(dict(organization_id=[doomed]))
    return {
        "scribe.organization": state_table(
            "scribe.organization", org_versions, ("id",),
            org_versions["imported_at"].values.astype("datetime64[us]").astype(np.int64),
            deleted=np.r_[np.zeros(len(org_rows), bool), True]),
        "scribe.organization_address": _addresses(world, rng, rng2),
    }


def _addresses(world: WorldState, rng, rng2) -> RawTable:
    """One address per organization, a second (newer) one for some."""
    org = world.org
    org_id, created = org.id.to_numpy(), org.created.to_numpy()
    city, prov = org.city.to_numpy(), org.prov.to_numpy()
    second = rng.random(len(org_id)) < 0.15
    addr_org = np.r_[org_id, org_id[second]]
    addr_created = np.r_[created, created[second] + 200 * DAY]
    addr_city = np.r_[city, city[second]]
    addr_prov = np.r_[prov, prov[second]]
    keep = addr_created < world.world_end
    addr = pd.DataFrame(dict(
        id=np.arange(1, len(addr_org) + 1)[keep], organization_id=addr_org[keep],
        city=addr_city[keep],
        address_1=[f"{100 + i * 7} Rue Principale" for i in range(keep.sum())],
        address_2=None, postal_code="H2X 1Y4", province=addr_prov[keep], country="CA"))
    addr_imported = replica_time(addr_created[keep], rng2)
    addr["imported_at"] = ts_col(addr_imported)
    return state_table("scribe.organization_address", addr, ("id",), addr_imported)


# ------------------------------------------------------------------------------------------ plans


def _plan_rows(world: WorldState, rng) -> pd.DataFrame:
    """One plan per organization: charge strategy and price (`world.org.plan_id` set)."""
    org = world.org
    n = len(org)
    plan_id = 5000 + np.arange(n)
    strategy = choice(rng, ["free", "fixed", "dynamic", "auto_dynamic"], [12, 15, 53, 20], n)
    price = np.select(
        [strategy == "free", strategy == "fixed", strategy == "dynamic"],
        [0.0, rng.choice([500.0, 1200.0, 2500.0, 4000.0], n),
         rng.choice([7.0, 8.5, 9.0, 10.0, 12.0], n)], 15.0)
    for org_id, (s, pr) in PLAN_EXCEPTIONS.items():
        mask = org.id.to_numpy() == org_id
        strategy[mask] = s
        price[mask] = pr
    strategy = np.where(rng.random(n) < 0.03, None, strategy)  # missing strategy = free
    created = org.created.to_numpy()
    world.org["plan_id"] = plan_id
    return pd.DataFrame(dict(
        id=plan_id, organization_id=org.id.to_numpy(), created=ts_col(created),
        during=fmt_range(created), description_en="Virtual care for employees",
        description_fr="Soins virtuels pour les employes", name_en="Dialogue Virtual Care",
        name_fr="Soins virtuels Dialogue", stripe_plan_id=[f"plan_{i}" for i in plan_id],
        charge_strategy=strategy, charge_price=np.round(price, 2)))


def _plans(world: WorldState, rng) -> tuple[dict[str, RawTable], np.ndarray]:
    """The plan versions (some change in the future part) and the positions of those plans."""
    org = world.org
    created = org.created.to_numpy()
    plans = _plan_rows(world, rng)
    rng2 = world.stream("plans:rows")
    imported = replica_time(created, rng2)
    plans["imported_at"] = ts_col(imported)
    # scheduled changes: some plans change price and strategy (one in history, the rest after)
    regular = ~org.id.isin(list(SPECIAL_ORGS)).to_numpy() & (created < world.end)
    idx = np.flatnonzero(regular)
    changing = rng.choice(idx, size=max(2, len(idx) // 7), replace=False)
    changes = plans.iloc[changing].copy()
    when = world.end + rng.integers(1 * DAY, (FUTURE_DAYS - 2) * DAY, len(changes))
    when[0] = world.start + (world.end - world.start) // 2
    changes["charge_strategy"] = np.where(changes["charge_strategy"] == "dynamic",
                                          "auto_dynamic", "dynamic")
    changes["charge_price"] = np.where(changes["charge_strategy"] == "dynamic", 11.0, 15.0)
    change_imported = replica_time(when, rng2)
    changes["imported_at"] = ts_col(change_imported)
    versions = pd.concat([plans, changes], ignore_index=True)
    world.truth["plan_changes"] = pd.DataFrame(dict(
        plan_id=changes["id"].to_numpy(), changed_at=ts_col(change_imported)))
    return {"scribe.plan": state_table("scribe.plan", versions, ("id",),
                                       np.r_[imported, change_imported])}, changing


def _features(world: WorldState, rng, changing) -> dict[str, RawTable]:
    """The feature list and the features of each plan (two changing plans gain one later)."""
    rng2 = world.stream("plans:rows")
    plan_id, created = world.org.plan_id.to_numpy(), world.org.created.to_numpy()
    n = len(plan_id)
    feature = pd.DataFrame(dict(id=np.arange(1, len(FEATURES) + 1), label=FEATURES,
                                created=ts_col(np.full(len(FEATURES), to_us("2017-01-01")))))
    has = rng.random((n, len(FEATURES))) < np.array(FEATURE_RATES)
    p_idx, f_idx = np.nonzero(has)
    pf = pd.DataFrame(dict(plan_id=plan_id[p_idx], feature_id=f_idx + 1,
                           created=ts_col(created[p_idx])))
    pf_imported = replica_time(created[p_idx], rng2)
    # two plans gain mental_health in the future part
    gain = [i for i in changing[:4] if not has[i, 3]][:2]
    extra = pd.DataFrame(dict(plan_id=plan_id[gain], feature_id=np.full(len(gain), 4),
                              created=ts_col(np.full(len(gain), world.end + DAY))))
    extra_imported = replica_time(np.full(len(gain), world.end + DAY), rng2)
    pf = pd.concat([pf, extra], ignore_index=True)
    pf_imp = np.r_[pf_imported, extra_imported]
    pf["imported_at"] = ts_col(pf_imp)
    return {
        "scribe.feature": state_table("scribe.feature", feature, ("id",),
                                      np.full(len(FEATURES), to_us("2017-01-01 06:00"))),
        "scribe.plan_feature": state_table("scribe.plan_feature", pf, ("plan_id", "feature_id"),
                                           pf_imp),
    }


# ---------------------------------------------------------------------------------------- members


def _employees(world: WorldState, rng) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """(ids, organizations, creation times, count of regular employees): test users last."""
    member_orgs = world.org[~world.org.id.isin(TEST_ORGS)]
    weights = member_orgs.weight.to_numpy()
    n_emp = world.p["employees"]
    emp_org_idx = rng.choice(len(member_orgs), size=n_emp, p=weights / weights.sum())
    emp_org_idx = np.sort(emp_org_idx)
    emp_org = member_orgs.id.to_numpy()[emp_org_idx]
    org_created = member_orgs.created.to_numpy()[emp_org_idx]
    span = np.maximum(world.world_end - org_created, DAY)
    emp_created = org_created + (span * rng.beta(1.0, 2.5, n_emp)).astype(np.int64)
    # plus test users, employees of the test organizations
    n_test = len(TEST_USERS)
    test_org = np.array([TEST_ORGS[i % len(TEST_ORGS)] for i in range(n_test)])
    test_created = np.array([to_us("2020-02-01") + i * 30 * DAY for i in range(n_test)])
    emp_id = FIRST_MEMBER_ID + np.arange(n_emp)
    return (np.r_[emp_id, np.array(TEST_USERS)], np.r_[emp_org, test_org],
            np.r_[emp_created, test_created], n_emp)


def _people(world: WorldState, rng) -> dict:
    """Employees and their families (spouses, children); sets `world.people`."""
    emp_id, emp_org, emp_created, n_emp = _employees(world, rng)
    n_all = len(emp_id)
    # family: spouses and children (ids after the employees)
    has_spouse = rng.random(n_all) < 0.25
    n_children = np.where(rng.random(n_all) < 0.3, rng.integers(1, 4, n_all), 0)
    has_spouse[n_emp:] = False
    n_children[n_emp:] = 0
    sp_parent = np.flatnonzero(has_spouse)
    ch_parent = np.repeat(np.arange(n_all), n_children)
    next_id = FIRST_MEMBER_ID + n_emp
    sp_id = next_id + np.arange(len(sp_parent))
    ch_id = next_id + len(sp_parent) + np.arange(len(ch_parent))
    sp_created = emp_created[sp_parent] + rng.integers(0, 90 * DAY, len(sp_parent))
    ch_created = emp_created[ch_parent] + rng.integers(0, 120 * DAY, len(ch_parent))
    # all persons
    uid = np.r_[emp_id, sp_id, ch_id]
    kind = np.r_[np.zeros(n_all, np.int8), np.ones(len(sp_id), np.int8),
                 np.full(len(ch_id), 2, np.int8)]
    parent = np.r_[np.arange(n_all), sp_parent, ch_parent]  # index of the employee
    created = np.r_[emp_created, sp_created, ch_created]
    family = dict(uid=uid, kind=kind, parent=parent, created=created, org=emp_org[parent],
                  emp_id=emp_id, emp_org=emp_org, emp_created=emp_created, n_emp=n_emp,
                  n_all=n_all)
    family.update(_person_facts(world, rng, family))
    world.people = pd.DataFrame({k: family[k] for k in (
        "uid", "kind", "parent", "created", "org", "lang", "signup", "first", "last")})
    return family


def _person_facts(world: WorldState, rng, family: dict) -> dict:
    """Ages, sign-ups, language, residence, gender and names of every person."""
    uid, kind, parent = family["uid"], family["kind"], family["parent"]
    created, org_of = family["created"], family["org"]
    n_emp, n_all = family["n_emp"], family["n_all"]
    n = len(uid)
    age_at_created = np.where(kind == 2, rng.integers(0, 20, n),
                              rng.integers(22, 65, n)).astype(np.int64)
    birthday_us = created - age_at_created * 365 * DAY - rng.integers(0, 365, n) * DAY
    # signup (adults only): 70% sign up after an exponential delay
    signs_up = (kind < 2) & (rng.random(n) < 0.7)
    signup = created + (rng.exponential(20, n) * DAY).astype(np.int64) + 10 * HOUR
    signup = np.where(signs_up, signup, np.iinfo(np.int64).max)
    signup[n_emp:n_all] = np.minimum(signup[n_emp:n_all], created[n_emp:n_all] + DAY)
    # language & province
    pref = world.org.set_index("id").pref.reindex(org_of).to_numpy()
    fr_prob = np.select([pref == "french", pref == "bilingual-french-english",
                         pref == "bilingual-english-french"], [0.85, 0.6, 0.4], 0.15)
    lang = np.where(rng.random(n) < fr_prob, "fr", "en")
    case = rng.random(n)
    lang_raw = np.where(case < 0.6, np.char.upper(lang.astype(str)),
                        np.where(case < 0.9, lang, None)).astype(object)
    org_prov = world.org.set_index("id").prov.reindex(org_of).to_numpy()
    prov_codes = [p[0] for p in PROVINCES]
    prov_w = np.array([p[2] for p in PROVINCES], float)
    own = rng.choice(prov_codes, size=n, p=prov_w / prov_w.sum())
    residence = np.where(rng.random(n) < 0.7, org_prov, own).astype(object)
    residence[rng.random(n) < 0.2] = None
    gender = choice(rng, ["M", "F", None, "m", "f"], [44, 44, 6, 3, 3], n)
    first = np.array(FIRST_NAMES, dtype=object)[rng.integers(0, len(FIRST_NAMES), n)]
    last = np.array(LAST_NAMES, dtype=object)[rng.integers(0, len(LAST_NAMES), n)]
    last = np.where(kind == 0, last, last[parent])
    static_status = choice(rng, ["deactivated", "deleted", "future", None], [2, 1, 1, 96], n)
    return dict(age_at_created=age_at_created, birthday_us=birthday_us, signup=signup, lang=lang,
                lang_raw=lang_raw, residence=residence, gender=gender, first=first, last=last,
                static_status=static_status)


def _user_rows(world: WorldState, rng, f: dict) -> pd.DataFrame:
    """The scribe.users row of every person as created (status invited unless static)."""
    uid, parent, n = f["uid"], f["parent"], len(f["uid"])
    first, last, static_status = f["first"], f["last"], f["static_status"]
    users = pd.DataFrame(dict(
        id=uid, first_name=first, last_name=last,
        birthday=pd.Series(pd.DatetimeIndex(f["birthday_us"].astype("datetime64[us]")).date),
        age=pd.array(np.where(rng.random(n) < 0.1, -1, f["age_at_created"]), dtype="Int64"),
        gender=f["gender"], language=f["lang_raw"], residence_province=f["residence"],
        country="CA", address_country="CA", address_state=f["residence"],
        status=full_obj(n, "invited"), family_id=np.char.add("fam_", uid[parent].astype(str)),
        created_at=ts_col(f["created"])))
    users.loc[users.age == -1, "age"] = pd.NA
    users.loc[rng.random(n) < 0.1, "birthday"] = None
    users["email"] = (pd.Series(first).str.lower() + "." + pd.Series(last).str.lower() + "."
                      + pd.Series(uid.astype(str)) + "@example.com")
    users["auth_id"] = None
    users.loc[static_status != None, "status"] = static_status[static_status != None]  # noqa
    return users


def _users(world: WorldState, rng, f: dict, users: pd.DataFrame) -> dict[str, RawTable]:
    """scribe.users versions (created, registered, language changed) and the Segment events."""
    uid, kind, parent, created, signup = f["uid"], f["kind"], f["parent"], f["created"], f["signup"]
    n = len(uid)
    v_created = users.copy()
    v_created_at = created + rng.integers(1 * MIN, 30 * MIN, n)
    reg_mask = signup < world.world_end
    v_reg = users[reg_mask].copy()
    v_reg["status"] = np.where(v_reg["status"] == "invited", "registered", v_reg["status"])
    v_reg["auth_id"] = "auth0|" + pd.Series(uid[reg_mask].astype(str)).str.zfill(12).to_numpy()
    v_reg_at = signup[reg_mask] + rng.integers(1 * MIN, 30 * MIN, reg_mask.sum())
    v_lang, v_lang_at, changers = _language_changes(world, rng, f, v_reg, reg_mask, users)
    # auth_id joined apart: an all-None object column makes pd.concat test every value
    auth_id = np.concatenate([v.pop("auth_id").to_numpy(object) for v in (v_created, v_reg,
                                                                           v_lang)])
    versions = pd.concat([v_created, v_reg, v_lang], ignore_index=True)
    versions["auth_id"] = auth_id
    v_at = np.r_[v_created_at, v_reg_at, v_lang_at]
    versions["received_at"] = ts_col(v_at)
    staff = world.staff_users  # practitioners are Scribe users too (sources/coredata)
    rows = pd.concat([state_frame(versions, v_at),
                      staff.assign(_delivered_at=staff["received_at"], _deleted=False)],
                     ignore_index=True)
    world.truth["language_changes"] = pd.DataFrame(dict(
        user_id=uid[changers].astype(str), changed_at=ts_col(v_lang_at)))
    events = world.events
    s_idx = np.flatnonzero(signup < world.world_end)
    events.add("scribe.user_signed_up", signup[s_idx], uid[s_idx])
    c_idx = np.flatnonzero(kind == 2)
    events.add("scribe.child_added", created[c_idx], uid[parent[c_idx]],
               dependent_id=uid[c_idx].astype(str),
               family_id=np.char.add("fam_", uid[parent[c_idx]].astype(str)))
    return {"scribe.users": RawTable("scribe.users", rows, "state", ("id",)),
            "scribe.user_signed_up": events.build("scribe.user_signed_up"),
            "scribe.child_added": events.build("scribe.child_added")}


def _language_changes(world: WorldState, rng, f: dict, v_reg, reg_mask, users):
    """Versions of some members whose language changes in the future part of the world."""
    uid, kind, created, signup, lang = f["uid"], f["kind"], f["created"], f["signup"], f["lang"]
    cand = np.flatnonzero((created < world.end) & (kind < 2))
    changers = rng.choice(cand, size=max(2, len(cand) // 50), replace=False)
    v_lang = users.iloc[changers].copy()
    later_registered = reg_mask[changers]
    v_lang.loc[later_registered, "status"] = v_reg.set_index("id").reindex(
        uid[changers][later_registered])["status"].to_numpy()
    v_lang.loc[later_registered, "auth_id"] = v_reg.set_index("id").reindex(
        uid[changers][later_registered])["auth_id"].to_numpy()
    v_lang["language"] = np.where(lang[changers] == "fr", "EN", "FR")
    v_lang_at = np.maximum(world.end + rng.integers(DAY, (FUTURE_DAYS - 1) * DAY, len(changers)),
                           np.where(later_registered, signup[changers] + HOUR, 0))
    return v_lang, v_lang_at, changers


# -------------------------------------------------------------------------------------- contracts


def _contract_rows(world: WorldState, rng, f: dict) -> tuple[pd.DataFrame, np.ndarray]:
    """One contract per employee (a few closed); returns the rows and their end times (-1: open)."""
    emp_id, emp_org, emp_created = f["emp_id"], f["emp_org"], f["emp_created"]
    start = (emp_created // DAY) * DAY
    n = len(emp_id)
    contract_id = 700000 + np.arange(n)
    closed = rng.random(n) < 0.07
    end = start + rng.integers(60, 900, n) * DAY
    end = np.where(closed & (end < world.end), end, -1)
    plan_of = world.org.set_index("id").plan_id.reindex(emp_org).to_numpy()
    prov_names = {c: nm for c, nm, _ in PROVINCES}
    org_prov = world.org.set_index("id").prov.reindex(emp_org).to_numpy()
    admin = rng.random(n) < 0.5
    codes = [p[0] for p in PROVINCES]
    iso = np.where(admin, org_prov, None)
    contracts = pd.DataFrame(dict(
        id=contract_id, created=ts_col(emp_created), during=fmt_range(start, end),
        plan_id=plan_of, plan_organization_id=emp_org, participant_id=emp_id,
        admin_area_id=pd.array(np.where(admin, [codes.index(c) + 1 if c in codes else 0
                                                for c in org_prov], -1), dtype="Int64"),
        admin_area_country_id=pd.array(np.where(admin, 39, -1), dtype="Int64"),
        admin_area_iso_code=np.where(admin, np.char.add("CA-", org_prov.astype(str)), None),
        admin_area_name=[prov_names.get(c) if a else None for c, a in zip(iso, admin)]))
    contracts.loc[~admin, ["admin_area_id", "admin_area_country_id"]] = pd.NA
    return contracts, end


def _contracts(world: WorldState, rng, f: dict) -> dict[str, RawTable]:
    """Contract versions (some open contracts end in the future part) and user_contract."""
    emp_id, emp_created = f["emp_id"], f["emp_created"]
    start = (emp_created // DAY) * DAY
    contracts, end = _contract_rows(world, rng, f)
    contract_id = contracts["id"].to_numpy()
    rng2 = world.stream("contracts:rows")
    imported = replica_time(emp_created, rng2)
    open_now = np.flatnonzero((end < 0) & (emp_created < world.end) & (emp_id >= FIRST_MEMBER_ID))
    ending = rng.choice(open_now, size=max(2, len(open_now) // 40), replace=False)
    when = world.end + rng.integers(DAY, (FUTURE_DAYS - 1) * DAY, len(ending))
    v_end = contracts.iloc[ending].copy()
    v_end["during"] = fmt_range(start[ending], (when // DAY + 1) * DAY)
    v_end_imported = replica_time(when, rng2)
    versions = pd.concat([contracts, v_end], ignore_index=True)
    v_at = np.r_[imported, v_end_imported]
    versions["imported_at"] = ts_col(v_at)
    world.truth["contract_ends"] = pd.DataFrame(dict(contract_id=contract_id[ending],
                                                     changed_at=ts_col(v_end_imported)))
    # user_contract: employee and family members on the employee's contract
    people = world.people
    uc_contract = contract_id[people.parent.to_numpy()]
    uc_at = replica_time(people.created.to_numpy(), rng2)
    uc = pd.DataFrame(dict(user_id=people.uid.astype(str).to_numpy(),
                           contract_id=uc_contract, imported_at=ts_col(uc_at)))
    return {"scribe.contract": state_table("scribe.contract", versions, ("id",), v_at),
            "scribe.user_contract": state_table("scribe.user_contract", uc,
                                                ("user_id", "contract_id"), uc_at)}


TRACKED = ("scribe.child_added", "scribe.user_signed_up")  # the event tables scribe.tracks unions


def simulate_tracks(world: WorldState) -> dict[str, RawTable]:
    """scribe.tracks, Segment's all-events table: the union of the TRACKED events (a step after
    every other, before any table is built; see EventSink.tracks)."""
    return {"scribe.tracks": world.events.tracks("scribe.tracks", TRACKED)}

"""Salesforce's sales pipeline: prospect and partner accounts, partner contacts, opportunities with
their stage dates, stage history and product lines, and the sales activities (tasks, events).

Called by sources/salesforce (the tables are Salesforce's), drawing from its own stream
"salesforce:pipeline" so the users, client accounts and links keep their rows.
- Client accounts: one won new-business opportunity closed 2-8 weeks before the earliest Scribe
  billing start of the account's organizations (`billing_start_date_c` = that billing start), then
  0-2 upsells (60 % won). Prospect accounts (1.5 per client, `type` Prospect): 1-2 opportunities,
  open (expected close 1-9 months ahead) or lost. Every week from the start of the previous
  quarter to the end of history has 1-5 won deals (the scorecard window), some launching in the
  next 1-8 weeks; a few Decide-stage deals launch after the end of history.
- Stage fields: every stage reached gets a date, increasing; ~20 % of meeting dates and ~30 % of
  intermediate dates are left empty (the models back-fill them). ~10 % of open deals sit in
  Stalled / Long Term; ~10 % of the others went through such a spell (stage history only).
- Ramp-up deals (own stream "salesforce:rampup", so the rows above do not change): each rep of
  the seed data_salesforce_employment_start_dates who exists at the scale wins 3-6 direct deals
  in the six months after the start date (before the end of history), owned by the rep; an
  Enterprise Account Executive's deals are 1000+ employees (reps of the seed that are not AE or
  EAE at the scale have none). They are the signed MRR that LTV
  excludes as ramp-up.
- Delivery: an opportunity at the sync after its last change (its close for closed deals); a
  history row, task or event at the sync after it happened (Segment cloud sync = the replica
  import times). 1 % of tasks and events are soft-deleted.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.sources.scribe import FIRST_NAMES, LAST_NAMES
from catwalk.warehouse.world import (
    DAY, HOUR, SEC, RawTable, WorldState, choice, replica_time, state_table, to_us, ts_col,
    ts_col_or_null,
)

T0 = to_us("2018-01-01 06:00")
STAGES = ["Meeting Booked", "Initiate", "Educate", "Validate", "Justify", "Decide"]
STAGE_FIELDS = ["meeting_date_c", "initiate_date_c", "educate_date_c", "validate_date_c",
                "justify_date_c", "decide_date_c"]
STAGE_PROBABILITY = [10.0, 20.0, 40.0, 60.0, 80.0, 90.0]
PARTNERS = [("Northbridge Benefits Advisors", "Advisor"), ("Group Benefits Brokers Inc", "Broker"),
            ("Laurentian Life Carrier", "Carrier"), ("Prairie Benefit Consultants", "Broker"),
            ("Harbour Group Insurance Advisors", "Advisor")]
EMPLOYEE_BANDS = [(10, 40), (40, 100), (100, 200), (200, 500), (500, 1000), (1000, 3000)]
INFLUENCE = ["Full involvement", "Introduced", "Meeting Booked", "No involvement"]
ORIGINAL_SOURCES = ["Network Intro (investor, etc.)", "Outbound", "Inbound",
                    "Partner (carrier, advisor/broker, etc.)"]
INVOLVEMENT = ["High", "Low", "Full", "None"]
META = ["meta_changed", "meta_dates", "meta_stalled", "meta_products"]  # not raw columns


def simulate(world: WorldState, users: pd.DataFrame, clients: pd.DataFrame, org_acc: np.ndarray,
             products: pd.DataFrame) -> dict:
    """{"accounts": prospect and partner account rows, "contacts": partner contacts,
    "tables": opportunities, opportunity_history, opportunity_product, tasks, events}."""
    rng = world.stream("salesforce:pipeline")
    partners, partner_contacts = _partners(rng, users)
    prospects = _prospects(world, rng, len(clients), users)
    deals = _client_deals(world, rng, clients, org_acc)
    deals += _prospect_deals(world, rng, prospects)
    deals += _recent_wins(world, rng, clients, prospects)
    deals.append(dict(account=partners.iloc[0], kind="New", outcome="won",
                      close=world.start - 100 * DAY, self_partner=True))
    opp = _opportunity_frame(world, rng, deals, users, partners, partner_contacts)
    history = _history(world, rng, opp)
    lines = _product_lines(rng, opp, products)
    activity_accounts = pd.concat([clients, prospects], ignore_index=True)
    main = {
        "salesforce.opportunities": _delivered(world, rng, opp.drop(columns=META),
                                               opp["meta_changed"].to_numpy()),
        "salesforce.opportunity_history": _delivered(
            world, rng, history,
            history.created_date.values.astype("datetime64[us]").astype(np.int64)),
        "salesforce.opportunity_product": _delivered(
            world, rng, lines,
            lines.created_date.values.astype("datetime64[us]").astype(np.int64)),
    }
    ramp = _rampup(world, users, clients, prospects, products)
    tables = {name: _merged(name, main[name], ramp[name]) for name in main}
    tables.update(_activities(world, rng, activity_accounts, opp, users))
    return dict(accounts=pd.concat([prospects, partners.drop(columns="partner_type")],
                                   ignore_index=True),
                contacts=partner_contacts, tables=tables)


def _deliver(world: WorldState, rng, name: str, df: pd.DataFrame, changed: np.ndarray) -> RawTable:
    """Rows delivered at the sync after their last change; rows changing after the world dropped."""
    df, at = _delivered(world, rng, df, changed)
    return state_table(name, df, ("id",), at)


def _delivered(world: WorldState, rng, df: pd.DataFrame,
               changed: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
    """(rows with their Segment cloud-sync columns, delivery times), as _deliver delivers them."""
    changed = np.maximum(np.asarray(changed, np.int64), T0)
    keep = changed < world.world_end
    df = df[keep].reset_index(drop=True)
    at = replica_time(changed[keep], rng)
    df["received_at"] = ts_col(at)
    df["uuid_ts"] = ts_col(at + rng.integers(1, 60, len(at)) * SEC)
    return df, at


def _merged(name: str, *parts: tuple[pd.DataFrame, np.ndarray]) -> RawTable:
    """One replica table from delivered parts drawn from different streams."""
    frames = [df for df, _ in parts if len(df)]
    df = pd.concat(frames, ignore_index=True) if frames else parts[0][0]
    return state_table(name, df, ("id",), np.concatenate([at for _, at in parts]))


RAMP_MONTHS = 6
RAMP_ID_OFFSET = 90_000_000  # ramp-up rows get ids 0064100000 9xxxxxxx (and the same for lines)


def _employment_starts() -> dict[str, int]:
    """Start dates of the sales reps, read from the seed the models use (project root)."""
    from pathlib import Path

    seed = Path(__file__).resolve().parents[3] / "seeds" / "data_salesforce_employment_start_dates.csv"
    starts = pd.read_csv(seed, dtype=str)
    return {row.user_id: to_us(row.start_date) for row in starts.itertuples(index=False)}


def _rampup(world: WorldState, users: pd.DataFrame, clients: pd.DataFrame,
            prospects: pd.DataFrame, products: pd.DataFrame) -> dict:
    """Won direct deals of each seed rep during the rep's first six months (stream
    "salesforce:rampup"): the opportunities, their stage history and product lines, delivered."""
    rng = world.stream("salesforce:rampup")
    by_title = {t: users.id[users.title == t].to_numpy() for t in users.title.unique()}
    titles = dict(zip(users.id, users.title))
    deals, owners = [], []
    for user_id, start in sorted(_employment_starts().items()):
        if titles.get(user_id) not in ("Account Executive", "Enterprise Account Executive"):
            continue  # a rep of a larger scale, or not a rep at this one
        end = min(to_us(pd.Timestamp(start, unit="us") + pd.DateOffset(months=RAMP_MONTHS)),
                  world.end - DAY)
        if end <= start + DAY:
            continue
        for _ in range(int(rng.integers(3, 7))):
            pool = clients if rng.random() < 0.5 else prospects
            close = int(rng.integers(start, end))
            deals.append(dict(account=pool.iloc[int(rng.integers(0, len(pool)))], kind="New",
                              outcome="won", close=close))
            owners.append(user_id)
    columns = ["id", "received_at", "uuid_ts"]
    if not deals:
        empty = (pd.DataFrame({c: pd.Series([], dtype=object) for c in columns}),
                 np.array([], np.int64))
        return dict.fromkeys(("salesforce.opportunities", "salesforce.opportunity_history",
                              "salesforce.opportunity_product"), empty)
    rows = [_opportunity(world, rng, RAMP_ID_OFFSET + k, deal, by_title)
            for k, deal in enumerate(deals)]
    for row, owner in zip(rows, owners):
        row["owner_id"] = owner
        if titles[owner] == "Enterprise Account Executive":  # a 1000+ deal
            row["number_of_employees_c"] = int(rng.integers(1000, 3000))
            row["amount"] = round(row["number_of_employees_c"] * float(rng.uniform(7, 15)), 2)
    opp = _typed(pd.DataFrame(rows))
    history = _history(world, rng, opp)
    history["id"] = [f"0084100000{RAMP_ID_OFFSET + i:08d}" for i in range(len(history))]
    lines = _product_lines(rng, opp, products)
    lines["id"] = [f"00k4100000{RAMP_ID_OFFSET + i:08d}" for i in range(len(lines))]
    return {
        "salesforce.opportunities": _delivered(world, rng, opp.drop(columns=META),
                                               opp["meta_changed"].to_numpy()),
        "salesforce.opportunity_history": _delivered(
            world, rng, history,
            history.created_date.values.astype("datetime64[us]").astype(np.int64)),
        "salesforce.opportunity_product": _delivered(
            world, rng, lines,
            lines.created_date.values.astype("datetime64[us]").astype(np.int64)),
    }


def _partners(rng, users: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Partner accounts (brokers, advisors, a carrier) with commission rates; 1-2 contacts each."""
    n = int(rng.integers(3, len(PARTNERS) + 1))
    created = to_us("2019-03-01") + rng.integers(0, 600, n) * DAY
    year_2 = np.where(rng.random(n) < 0.7, 5.0, np.where(rng.random(n) < 0.5, 0.0, np.nan))
    partners = pd.DataFrame(dict(
        id=[f"0014100000PARTN{i:03d}" for i in range(n)], name=[p[0] for p in PARTNERS[:n]],
        industry="Insurance", type="Partner", is_deleted=False, created_date=ts_col(created),
        billing_state_code=choice(rng, ["QC", "ON"], [1, 1], n), billing_country_code="CA",
        account_source="Partner", owner_id=users.id.iloc[-1],
        commission_rate_year_1_c=rng.choice([10.0, 12.0, 15.0], n),
        commission_rate_year_2_c=year_2, partner_type=[p[1] for p in PARTNERS[:n]]))
    per = rng.integers(1, 3, n)
    owner = np.repeat(np.arange(n), per)
    first = np.array(FIRST_NAMES, dtype=object)[rng.integers(0, len(FIRST_NAMES), len(owner))]
    last = np.array(LAST_NAMES, dtype=object)[rng.integers(0, len(LAST_NAMES), len(owner))]
    contacts = pd.DataFrame(dict(
        id=[f"0034100000PARTN{i:03d}" for i in range(len(owner))],
        account_id=partners.id.to_numpy()[owner], first_name=first, last_name=last,
        name=[f"{f} {l_}" for f, l_ in zip(first, last)],
        email=[f"{f.lower()}.{l_.lower()}@partner{i}.ca" for f, l_, i in zip(first, last, owner)],
        title="Benefits Advisor", contact_type_c="Partner", is_deleted=False))
    return partners, contacts


def _prospects(world: WorldState, rng, n_clients: int, users: pd.DataFrame) -> pd.DataFrame:
    """Prospect accounts: no organization, open or lost opportunities and activities only."""
    from catwalk.warehouse.sources.salesforce import ACCOUNT_SOURCES
    from catwalk.warehouse.sources.scribe import COMPANY_KINDS, COMPANY_WORDS

    n = int(round(1.5 * n_clients))
    words = rng.integers(0, len(COMPANY_WORDS), n)
    kinds = rng.integers(0, len(COMPANY_KINDS), n)
    owners = users.id[users.title.isin(["Account Executive", "Enterprise Account Executive"])]
    sdrs = users.id[users.title == "SDR"].to_numpy()
    created = world.start - rng.integers(20, 700, n) * DAY
    return pd.DataFrame(dict(
        id=[f"0014100000P{i:07d}" for i in range(n)],
        name=[f"{COMPANY_WORDS[w]} {COMPANY_KINDS[k]} Prospect {i}" for i, (w, k) in
              enumerate(zip(words, kinds))],
        industry=choice(rng, ["Technology", "Finance", "Retail", "Manufacturing"], [1] * 4, n),
        number_of_employees=rng.integers(10, 3000, n), type="Prospect", is_deleted=False,
        billing_state_code=choice(rng, ["QC", "ON", "BC", "AB"], [4, 3, 1, 1], n),
        billing_country_code="CA",
        account_source=choice(rng, ACCOUNT_SOURCES, [3, 1, 1, 1, 3, 1, 2], n),
        owner_id=owners.to_numpy()[rng.integers(0, len(owners), n)],
        sdr_c=sdrs[rng.integers(0, len(sdrs), n)], created_date=ts_col(created),
        commission_rate_year_1_c=np.nan, commission_rate_year_2_c=np.nan))


def _billing_starts(world: WorldState, org_acc: np.ndarray) -> dict[str, int]:
    """Earliest Scribe billing start (else creation) of each account's organizations, in us."""
    rows = world.tables["scribe.organization"].df.drop_duplicates("id").set_index("id")
    billing = rows.billing_start_date.reindex(world.org.id.to_numpy())
    start = np.where(billing.isna().to_numpy(), world.org.created.to_numpy(),
                     billing.values.astype("datetime64[us]").astype(np.int64))
    return pd.Series(start, index=org_acc).groupby(level=0).min().to_dict()


def _client_deals(world: WorldState, rng, clients: pd.DataFrame, org_acc) -> list[dict]:
    """The won new-business deal of each client account and its later upsells."""
    starts = _billing_starts(world, org_acc)
    deals = []
    for acc in (row for _, row in clients.iterrows()):
        start = starts.get(acc.id)
        if start is None:
            continue
        deals.append(dict(account=acc, kind="New", outcome="won", billing_start=int(start),
                          close=int(start) - int(rng.integers(14, 57)) * DAY))
        for _ in range(int(rng.integers(0, 3))):
            close = int(start) + int(rng.integers(60, 700)) * DAY
            outcome = "open" if close > world.end else ("won" if rng.random() < 0.6 else "lost")
            deals.append(dict(account=acc, kind="Upsell", outcome=outcome, close=close))
    return deals


def _prospect_deals(world: WorldState, rng, prospects: pd.DataFrame) -> list[dict]:
    """1-2 deals per prospect: lost in the past or open with an expected close ahead."""
    deals = []
    for acc in (row for _, row in prospects.iterrows()):
        for _ in range(int(rng.integers(1, 3))):
            if rng.random() < 0.35:
                deals.append(dict(account=acc, kind="New", outcome="lost",
                                  close=world.end - int(rng.integers(10, 400)) * DAY))
            else:
                deals.append(dict(account=acc, kind="New", outcome="open",
                                  close=world.end + int(rng.integers(30, 270)) * DAY,
                                  created=world.end - int(rng.integers(10, 240)) * DAY))
    return deals


def _recent_wins(world: WorldState, rng, clients: pd.DataFrame, prospects) -> list[dict]:
    """1-5 won deals every week from the start of the previous quarter to the end of history
    (some launching in the next 1-8 weeks) and a few Decide-stage deals launching soon."""
    end_day = pd.Timestamp(world.end // DAY * DAY, unit="us")
    quarter = end_day.to_period("Q").start_time - pd.offsets.QuarterBegin(startingMonth=1)
    monday = to_us(quarter - pd.Timedelta(days=quarter.weekday()))
    deals = []
    while monday < world.end:
        for _ in range(int(rng.integers(1, 6))):
            close = min(monday + int(rng.integers(0, 7)) * DAY + 15 * HOUR, world.end - HOUR)
            upsell = rng.random() < 0.7
            pool = clients if upsell else prospects
            deal = dict(account=pool.iloc[int(rng.integers(0, len(pool)))], outcome="won",
                        kind="Upsell" if upsell else "New", close=close)
            if rng.random() < 0.3:
                deal["billing_start"] = close + int(rng.integers(7, 57)) * DAY
            deals.append(deal)
        monday += 7 * DAY
    for _ in range(int(rng.integers(2, 5))):
        acc = prospects.iloc[int(rng.integers(0, len(prospects)))]
        deals.append(dict(account=acc, kind="New", outcome="open", reached=6,
                          close=world.end + int(rng.integers(5, 30)) * DAY,
                          billing_start=world.end + int(rng.integers(7, 57)) * DAY))
    return deals


def _opportunity_frame(world: WorldState, rng, deals: list[dict], users: pd.DataFrame,
                       partners: pd.DataFrame, partner_contacts: pd.DataFrame) -> pd.DataFrame:
    """The opportunity rows: raw columns plus META (last change, stage dates, stall, products)."""
    by_title = {t: users.id[users.title == t].to_numpy() for t in users.title.unique()}
    rows = [_opportunity(world, rng, i, deal, by_title) for i, deal in enumerate(deals)]
    opp = pd.DataFrame(rows)
    _assign_partners(rng, opp, deals, partners, partner_contacts, by_title)
    return _typed(opp)


def _typed(opp: pd.DataFrame) -> pd.DataFrame:
    """Salesforce date fields as UTC timestamps, employees as nullable integers."""
    for column in STAGE_FIELDS + ["close_date", "created_date", "billing_start_date_c",
                                  "i_date_c"]:
        opp[column] = pd.to_datetime(opp[column], unit="us", utc=True)
    opp["number_of_employees_c"] = opp["number_of_employees_c"].astype("Int64")
    return opp


def _size(rng, kind: str) -> tuple[int | None, float]:
    """(employees, MRR): employees across every segment band (10 % unknown), 7-15 CAD per
    employee per month for new business, 1-4 for an upsell."""
    lo, hi = EMPLOYEE_BANDS[int(rng.choice(6, p=[0.2, 0.25, 0.2, 0.15, 0.1, 0.1]))]
    employees = int(rng.integers(lo, hi))
    amount = round(employees * float(rng.uniform(7, 15) if kind == "New" else rng.uniform(1, 4)), 2)
    return (None if rng.random() < 0.1 else employees), amount


def _opportunity(world: WorldState, rng, i: int, deal: dict, by_title: dict) -> dict:
    acc, outcome, kind = deal["account"], deal["outcome"], deal["kind"]
    if outcome == "won" and deal["close"] > world.end:
        outcome = deal["outcome"] = "open"  # a deal of an organization not launched yet
    close = int(deal["close"]) // DAY * DAY  # Salesforce date fields: midnight UTC
    employees, amount = _size(rng, kind)
    reached = deal.get("reached") or (6 if outcome == "won" else int(rng.integers(1, 7)))
    last = close if outcome != "open" else min(close, world.end) - DAY
    created = int(deal.get("created") or close - int(rng.integers(40, 160)) * DAY)
    created = min(created, last - 10 * DAY)
    dates = [(created + (last - created) * (k + 1) // (reached + 1)) // DAY * DAY
             for k in range(reached)]
    stage = {"won": "Closed Won", "lost": "Closed Lost"}.get(outcome, STAGES[reached - 1])
    stalled, changed = _stall(rng, outcome, dates, close)
    if stalled is not None and not stalled[2]:
        stage = stalled[1]
    fields = {field: None for field in STAGE_FIELDS}
    for k in range(reached):
        if not ((k == 0 and rng.random() < 0.2) or (0 < k < reached - 1 and rng.random() < 0.3)):
            fields[STAGE_FIELDS[k]] = dates[k]
    products = ["Virtual Care"] if kind == "New" else [
        ["24/7", "Stress Management & Well-Being"][int(rng.integers(0, 2))]]
    products += [p for p, rate in (("24/7", 0.25), ("Stress Management & Well-Being", 0.2))
                 if kind == "New" and rng.random() < rate]
    vaccination = rng.random() < 0.05
    products += ["Vaccination Campaign"] if vaccination else []
    big = employees is not None and employees >= 1000
    owners = by_title["Enterprise Account Executive" if big else "Account Executive"]
    billing = deal.get("billing_start")
    billing = None if billing is None else billing // DAY * DAY
    probability = {"won": 100.0, "lost": 0.0}.get(outcome, STAGE_PROBABILITY[reached - 1])
    return dict(
        id=f"0064100000{i:08d}", account_id=acc.id, name=f"{acc['name']} - {products[0]}",
        amount=None if outcome == "open" and rng.random() < 0.03 else amount, stage_name=stage,
        is_closed=outcome != "open", is_won=outcome == "won", is_deleted=False, close_date=close,
        created_date=created, billing_start_date_c=billing,
        i_date_c=None if billing is None or rng.random() < 0.2 else
        billing - int(rng.integers(1, 8)) * DAY,
        channel_c="Direct", lead_source=choice(rng, ["Website", "Webinar", "Referral", "Adwords",
                                                    "Outbound"], [3, 1, 2, 1, 2], 1)[0],
        revenue_type_c=None if rng.random() < 0.05 else kind,
        owner_id=owners[int(rng.integers(0, len(owners)))],
        sdr_c=by_title["SDR"][0] if rng.random() < 0.6 else None, number_of_employees_c=employees,
        probability=probability,
        self_signup_no_touch_c=None if rng.random() < 0.1 else bool(rng.random() < 0.05),
        value_period_c="one_time" if vaccination else choice(
            rng, [None, "Monthly", "Annual"], [8, 1, 1], 1)[0],
        pilot_c=choice(rng, ["Yes", "No", None], [5, 45, 50], 1)[0],
        original_source_c=choice(rng, ORIGINAL_SOURCES + [None], [2, 3, 3, 2, 2], 1)[0],
        partner_involvement_c=choice(rng, INVOLVEMENT + [None], [1, 2, 1, 3, 3], 1)[0],
        **fields, meta_changed=changed, meta_dates=dates, meta_stalled=stalled,
        meta_products=[] if rng.random() < 0.1 else products)


def _stall(rng, outcome: str, dates: list[int], close: int):
    """((stage index, Stalled | Long Term, returned to an active stage) or None, last change)."""
    name = ["Stalled", "Long Term"][int(rng.integers(0, 2))]
    later = dates[1:] + ([close] if outcome != "open" else [])
    last = close if outcome != "open" else dates[-1]
    r = rng.random()
    if outcome == "open" and r < 0.1:
        return (len(dates) - 1, name, False), dates[-1] + 12 * HOUR
    if r < 0.1 and later:
        k = int(rng.integers(0, len(later)))
        return (k, name, True), last
    return None, last


def _assign_partners(rng, opp: pd.DataFrame, deals: list[dict], partners: pd.DataFrame,
                     contacts: pd.DataFrame, by_title: dict) -> None:
    """Partner-led deals (30 %, one partner per account), the partner's self-purchase, and 2-3
    partner deals owned by each partnership user."""
    n = len(opp)
    pidx = pd.factorize(opp.account_id)[0] % len(partners)
    self_buy = np.array([bool(d.get("self_partner")) for d in deals])
    pidx[self_buy] = 0
    led = (rng.random(n) < 0.3) | self_buy
    first_contact = contacts.groupby("account_id").id.first()
    partner_id = partners.id.to_numpy()[pidx]
    contact_id = first_contact.reindex(partner_id).to_numpy()
    as_partner = rng.random(n) < 0.85
    who = rng.random(n)
    opp["channel_c"] = np.where(led, "Partner", "Direct")
    opp["partner_c"] = np.where(led & as_partner, partner_id, None)
    opp["advisor_broker_consultant_c"] = np.where(led & ~as_partner, partner_id, None)
    opp["individual_s_name_c"] = np.where(led & (who < 0.8), contact_id, None)
    opp["advisor_broker_consultant_2_c"] = np.where(led & (who >= 0.8) & (who < 0.9), contact_id,
                                                    None)
    influence = choice(rng, INFLUENCE + [None], [3, 3, 2, 1, 1], n)
    opp["partner_influence_c"] = np.where(led, influence, None)
    opp["partner_type_c"] = np.where(led, partners.partner_type.to_numpy()[pidx], None)
    managers = by_title["Partnership Manager"]
    chosen = rng.permutation(np.flatnonzero(led & ~self_buy))[:2 * len(managers) + 1]
    opp.loc[chosen, "owner_id"] = managers[np.arange(len(chosen)) % len(managers)]


def _history(world: WorldState, rng, opp: pd.DataFrame) -> pd.DataFrame:
    """One row per stage change: each stage reached at its date, a Stalled / Long Term spell for
    some (then back to the next stage, or still there), the close for closed deals."""
    rows = []
    for o in opp.itertuples(index=False):
        dates = o.meta_dates
        closes = {"Closed Won": True, "Closed Lost": True}.get(o.stage_name, False)
        changes = [(STAGES[k], t) for k, t in enumerate(dates)]
        if closes:
            changes.append((o.stage_name, int(o.close_date.value // 1000)))
        if o.meta_stalled is not None:
            k, name, returned = o.meta_stalled
            after = changes[k + 1][1] if returned else dates[-1] + 24 * HOUR
            changes.insert(k + 1, (name, (dates[k] + after) // 2))
        rows += [(o.id, stage, t) for stage, t in changes]
    history = pd.DataFrame(rows, columns=["opportunity_id", "stage_name", "created_date"])
    history.insert(0, "id", [f"0084100000{i:08d}" for i in range(len(history))])
    history["created_date"] = ts_col(history.created_date.to_numpy(np.int64))
    history["is_deleted"] = False
    return history


LINE_WEIGHTS = {"Virtual Care": 1.0, "24/7": 0.3, "Stress Management & Well-Being": 0.25,
                "Vaccination Campaign": 0.1}


def _product_lines(rng, opp: pd.DataFrame, products: pd.DataFrame) -> pd.DataFrame:
    """1-3 lines per opportunity summing to its MRR (none for ~10 %); ~5 % of the (opportunity,
    product) pairs created twice, the later line at another price."""
    product_id = dict(zip(products.name, products.id))
    rows = []
    for o in opp.itertuples(index=False):
        amount = 0.0 if pd.isna(o.amount) else float(o.amount)
        total = sum(LINE_WEIGHTS[p] for p in o.meta_products)
        created = int(o.created_date.value // 1000)
        for p in o.meta_products:
            subtotal = round(amount * LINE_WEIGHTS[p] / total, 2)
            times = [created + int(rng.integers(0, 3 * 24)) * HOUR]
            if rng.random() < 0.05:
                times.append(times[0] + int(rng.integers(1, 11)) * DAY)
            for n_copy, t in enumerate(times):
                price = subtotal if n_copy == 0 else round(subtotal * rng.uniform(0.9, 1.1), 2)
                rows.append((o.id, product_id[p], p, price, min(t, o.meta_changed), o.owner_id))
    lines = pd.DataFrame(rows, columns=["opportunity_id", "product_2_id", "name", "subtotal",
                                        "created_date", "created_by_id"])
    lines.insert(0, "id", [f"00k4100000{i:08d}" for i in range(len(lines))])
    lines["quantity"] = 1.0
    for column in ("list_price", "unit_price", "total_price"):
        lines[column] = lines.subtotal
    lines["pricebook_entry_id"] = "01u4100000" + lines.product_2_id.str[-8:]
    lines["created_date"] = ts_col(lines.created_date.to_numpy(np.int64))
    lines["last_modified_date"] = lines["system_modstamp"] = lines.created_date
    lines["last_modified_by_id"] = lines.created_by_id
    lines["is_deleted"] = False
    return lines


def _activities(world: WorldState, rng, accounts: pd.DataFrame, opp: pd.DataFrame,
                users: pd.DataFrame) -> dict[str, RawTable]:
    """Tasks (~15 per account, 70 % before its first meeting, and 2-8 every day) and events (~2
    per account, and some every day), by the sales users (a few by account managers)."""
    created = np.maximum(accounts.created_date.values.astype("datetime64[us]").astype(np.int64),
                         T0)
    first_meeting = pd.Series(
        [min(d) for d in opp.meta_dates], index=opp.account_id).groupby(level=0).min()
    meeting = first_meeting.reindex(accounts.id).fillna(-1).to_numpy(np.int64)
    meeting = np.where(meeting < created, created + 60 * DAY, meeting)
    tables = {}
    for name, per_account, per_day in (("tasks", 15, 5), ("events", 2, 1)):
        k = rng.poisson(per_account, len(accounts))
        acc = np.repeat(np.arange(len(accounts)), k)
        before = rng.random(len(acc)) < 0.7
        lo = np.where(before, created[acc], meeting[acc])
        hi = np.where(before, meeting[acc], world.world_end)
        t = lo + (rng.random(len(acc)) * np.maximum(hi - lo, HOUR)).astype(np.int64)
        days = np.arange((world.start - 60 * DAY) // DAY, world.world_end // DAY)
        daily = np.repeat(days, rng.poisson(per_day, len(days))) * DAY
        daily = daily + rng.integers(13 * HOUR, 22 * HOUR, len(daily))
        acc = np.r_[acc, rng.integers(0, len(accounts), len(daily))]
        t = np.minimum(np.r_[t, daily], world.world_end - HOUR)
        frame = (_tasks if name == "tasks" else _events)(rng, accounts.id.to_numpy()[acc], t,
                                                        users)
        frame.insert(0, "id", [f"00{'T' if name == 'tasks' else 'U'}4100000{i:08d}"
                               for i in range(len(frame))])
        tables[f"salesforce.{name}"] = _deliver(world, rng, f"salesforce.{name}", frame, t)
    return tables


def _doers(rng, users: pd.DataFrame, n: int) -> np.ndarray:
    """Owners of activities: sales users (AE, EAE, SDR), account managers for 5 %."""
    sales = users.id[users.title.isin(["Account Executive", "Enterprise Account Executive",
                                       "SDR"])].to_numpy()
    ams = users.id[users.title == "Account Manager"].to_numpy()
    return np.where(rng.random(n) < 0.05, ams[rng.integers(0, len(ams), n)],
                    sales[rng.integers(0, len(sales), n)])


def _tasks(rng, account_id: np.ndarray, t: np.ndarray, users: pd.DataFrame) -> pd.DataFrame:
    n = len(t)
    activity = (t // DAY + rng.integers(0, 10, n)) * DAY
    return pd.DataFrame(dict(
        account_id=np.where(rng.random(n) < 0.03, None, account_id), owner_id=_doers(rng, users, n),
        status=choice(rng, ["Completed", "Not Started", "In Progress"], [80, 17, 3], n),
        activity_date=ts_col_or_null(activity, rng.random(n) < 0.1),
        created_date=ts_col(t), type=choice(rng, ["Call", "Email", "Meeting", "Other"],
                                            [4, 4, 1, 1], n),
        task_subtype=choice(rng, ["Call", "Email", "Task", "ListEmail"], [4, 3, 2, 1], n),
        is_deleted=rng.random(n) < 0.01))


def _events(rng, account_id: np.ndarray, t: np.ndarray, users: pd.DataFrame) -> pd.DataFrame:
    n = len(t)
    start = (t // DAY + rng.integers(1, 15, n)) * DAY + rng.integers(13, 21, n) * HOUR
    return pd.DataFrame(dict(
        account_id=account_id, owner_id=_doers(rng, users, n), start_date_time=ts_col(start),
        created_date=ts_col(t), type=choice(rng, ["Meeting", "Demo", "Call"], [5, 3, 2], n),
        event_subtype="Event", is_deleted=rng.random(n) < 0.01))

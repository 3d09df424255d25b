"""When I Work, the scheduling tool (Singer tap tap_wiw): positions, locations, users, shifts.

Tap tables: tap_wiw.positions, locations, users, shifts (eight shifts delivered twice under a
second id); wiw.users_snapshot_2018_09 exists and stays empty. Continues stream "staff" after
sources/coredata. Leaves the on-shift lookup (`world.grid`, `world.grid0`, `world.shifts_frame`)
read through `on_shift` by the care journey.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from catwalk.warehouse.seeds import position_groups, reduced_hours_days
from catwalk.warehouse.world import (
    DAY, HOUR, MIN, REPLICA_LOADS, SEC, RawTable, WorldState, empty_state_table, group_rank,
    local_to_utc, next_slot, state_table, to_us, ts_col,
)

DUPLICATE_SHIFT_IDS = [900000001 + i for i in range(8)]  # = seeds/data_wiw_duplicate_shifts.csv
LOCATIONS = ["Virtual Care Platform", "Admin", "Ubisoft", "Tech support"]
SLOT = 15 * MIN  # resolution of the on-shift lookup
# shift blocks: (role, first hour, last hour, staff count: a key of the scale's `staff` or a
# number, WIW position), local time
WEEKEND_BLOCKS = [("nc", 10, 16, "nc", "Nurse"), ("cc", 10, 16, "cc", "Care Coordinator"),
                  ("gp", 10, 16, 1, "GP"), ("np", 10, 16, 1, "Nurse Practitioner")]
WEEKDAY_BLOCKS = [("nc", 8, 14, "nc", "Nurse Clinician"),
                  ("nc", 14, 20, "nc", "Evening Shift Nurse"),
                  ("cc", 8, 14, "cc", "Care Coordinator"), ("cc", 14, 20, "cc", "Care Coordinator"),
                  ("np", 9, 17, "np", "Nurse Practitioner"), ("gp", 10, 16, "gp", "GP"),
                  ("psy", 9, 13, "psy", "Psychologist"), ("nutr", 13, 17, "nutr", "Nutritionist")]


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("staff")
    t0 = to_us("2018-01-01 06:00")
    tables = _directory(world, rng, t0)
    sh = _shift_rows(world, rng)
    tables["tap_wiw.shifts"] = _shifts(world, rng, sh)
    tables["wiw.users_snapshot_2018_09"] = empty_state_table("wiw.users_snapshot_2018_09",
                                                             "user_id")
    return tables


def _tap(name: str, df: pd.DataFrame, t0: int) -> RawTable:
    """A tap table synced once at t0."""
    at = np.full(len(df), t0)
    return state_table(name, df.assign(_sdc_batched_at=ts_col(at)), ("id",), at)


def _directory(world: WorldState, rng, t0: int) -> dict[str, RawTable]:
    """Positions (one deleted), locations and WIW users (staff, plus two admin accounts)."""
    pos_names = list(position_groups())
    pos_df = pd.DataFrame(dict(id=np.arange(1, len(pos_names) + 2),
                               name=pos_names + ["Nurse"],
                               is_deleted=[False] * len(pos_names) + [True]))
    loc_df = pd.DataFrame(dict(id=np.arange(1, 5), name=LOCATIONS))
    pr = world.practitioners
    n = len(pr)
    wiw_id = 7000 + np.arange(n)
    code = pr.uid.astype(str).to_numpy().astype(object)
    code[(pr.role == "other").to_numpy()] = ""  # a few WIW users (not CC/NC) lack their code
    wusers = pd.DataFrame(dict(
        id=np.r_[wiw_id, [7900, 7901]], employee_code=np.r_[code, ["", None]],
        first_name=["Staff"] * n + ["Admin", "Ops"], last_name=[f"N{i}" for i in range(n + 2)],
        email=[f"staff{i}@dialogue.co" for i in range(n + 2)],
        hourly_rate=np.round(np.r_[pr.rate.to_numpy() * rng.uniform(0.9, 1.1, n), [30, 30]], 2)))
    return {"tap_wiw.positions": _tap("tap_wiw.positions", pos_df, t0),
            "tap_wiw.locations": _tap("tap_wiw.locations", loc_df, t0),
            "tap_wiw.users": _tap("tap_wiw.users", wusers, t0)}


def _day_shifts(world: WorldState, rng, d: int, reduced) -> list[tuple]:
    """The shifts of local day number d: (user, start_local, end_local, position, location)."""
    st = world.p["staff"]
    date = dt.date(1970, 1, 1) + dt.timedelta(days=int(d))
    day_local = d * DAY
    weekend = date.weekday() >= 5 or date in reduced
    blocks = WEEKEND_BLOCKS if weekend else WEEKDAY_BLOCKS
    perms = {r: rng.permutation(world.pools[r]) for r in world.pools}
    used = {r: 0 for r in world.pools}
    rows = []
    for role, h0, h1, k, position in blocks:
        for j in range(st[k] if isinstance(k, str) else k):
            person = perms[role][used[role] % len(perms[role])]
            used[role] += 1
            pos = position
            if role == "cc" and j == 0:
                pos = "Shift Manager"
            elif role == "nc" and not weekend and h0 == 8:
                pos = ["Nurse Clinician", "Nurse", "Triage Nurse"][j % 3]
            rows.append((person, day_local + h0 * HOUR, day_local + h1 * HOUR, pos, 1))
    if not weekend and date.weekday() in (1, 3):
        person = perms["nc"][used["nc"] % len(perms["nc"])]
        rows.append((person, day_local + 9 * HOUR, day_local + 12 * HOUR, "Ubisoft Nurse", 3))
        rows.append((7900, day_local + 9 * HOUR, day_local + 17 * HOUR, "Training", 2))
    return rows


def _shift_rows(world: WorldState, rng) -> pd.DataFrame:
    reduced = reduced_hours_days()
    rows = []
    for d in range((world.start // DAY) - 7, world.world_end // DAY + 1):
        rows += _day_shifts(world, rng, d, reduced)
    return pd.DataFrame(rows, columns=["user", "start_local", "end_local", "position", "location"])


def _shifts(world: WorldState, rng, sh: pd.DataFrame) -> RawTable:
    """tap_wiw.shifts (created two weeks ahead) and the on-shift lookup of VCP shifts."""
    pr = world.practitioners
    wiw_of = dict(zip(pr.uid, 7000 + np.arange(len(pr))))
    pos_id = {nm: i + 1 for i, nm in enumerate(position_groups())}
    start_utc = local_to_utc(sh.start_local.to_numpy())
    end_utc = local_to_utc(sh.end_local.to_numpy())
    hours = (end_utc - start_utc) / HOUR
    wiw_user = np.array([wiw_of.get(u, u) for u in sh.user])
    published = rng.random(len(sh)) >= 0.02
    shift_id = 300000 + np.arange(len(sh))
    created = start_utc - 14 * DAY
    batched = next_slot(created, REPLICA_LOADS) + rng.integers(0, 300 * SEC, len(sh))
    shifts = pd.DataFrame(dict(
        id=shift_id, start_time=ts_col(start_utc), end_time=ts_col(end_utc),
        break_time=np.where(hours >= 6, 0.5, 0.0), location_id=sh.location.to_numpy(),
        position_id=[pos_id[p] for p in sh.position], published=published,
        user_id=wiw_user, _sdc_batched_at=ts_col(batched)))
    # eight shifts delivered twice by the tap under a second id (excluded by the base model,
    # seeds/data_wiw_duplicate_shifts.csv): copies of the first VCP shifts of the history
    first = np.flatnonzero((start_utc >= world.start) & (sh.location.to_numpy() == 1))[:8]
    dups = shifts.iloc[first].copy()
    dups["id"] = DUPLICATE_SHIFT_IDS[: len(first)]
    shifts = pd.concat([shifts, dups], ignore_index=True)
    batched = np.r_[batched, batched[first]]
    vcp = (sh.location.to_numpy() == 1) & published
    _on_shift_grid(world, sh.user.to_numpy(), start_utc, end_utc, vcp)
    return state_table("tap_wiw.shifts", shifts, ("id",), batched)


def _on_shift_grid(world: WorldState, user, start_utc, end_utc, vcp) -> None:
    """Per role, who is on a published VCP shift in each 15-minute slot (see on_shift)."""
    role_of = dict(zip(world.practitioners.uid, world.practitioners.role))
    world.grid0 = start_utc.min()
    world.grid = {}
    roles = np.array([role_of.get(u, "other") for u in user])
    for role in world.pools:
        m = vcp & (roles == role)
        s0 = (start_utc[m] - world.grid0) // SLOT
        s1 = (end_utc[m] - world.grid0) // SLOT
        g, r = group_rank((s1 - s0).astype(np.int64))
        slots = s0[g] + r
        members = user[m][g]
        order = np.argsort(slots, kind="stable")
        slots, members = slots[order], members[order]
        n_slots = int((world.world_end + 2 * DAY - world.grid0) // SLOT) + 1
        counts = np.bincount(slots, minlength=n_slots)
        offsets = np.cumsum(counts) - counts
        world.grid[role] = (members, counts, offsets)
    world.shifts_frame = pd.DataFrame(dict(user=user, start=start_utc, end=end_utc, vcp=vcp))


def on_shift(world: WorldState, role: str, t: np.ndarray, rng) -> np.ndarray:
    """A practitioner of `role` on a VCP shift at each time t (any of the role otherwise)."""
    members, counts, offsets = world.grid[role]
    slot = np.clip((t - world.grid0) // SLOT, 0, len(counts) - 1)
    c = counts[slot]
    pick = offsets[slot] + (rng.integers(0, 1 << 30, len(t)) % np.maximum(c, 1))
    pool = world.pools[role]
    fallback = pool[rng.integers(0, len(pool), len(t))]
    chosen = members[np.minimum(pick, len(members) - 1)] if len(members) else fallback
    return np.where(c > 0, chosen, fallback)

"""coredata, the practitioner directory: the care team by role (and their Scribe user rows).

Replica: coredata.practitioner. Stream "staff" (continued by sources/wiw for the shifts). Leaves
`world.practitioners` (uid, role, specialization, hourly rate), `world.pools` (practitioner ids
by role) and `world.staff_users` (the practitioners' and the bot's scribe.users rows, published
by sources/scribe).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.sources.scribe import FIRST_NAMES, LAST_NAMES
from catwalk.warehouse.world import (
    DAY, HOUR, RawTable, WorldState, choice, state_table, to_us, ts_col,
)

FIRST_PRACTITIONER_ID = 40001
BOT_USER = 100  # Dialogue system account posting system messages
ROLES = ("nc", "cc", "np", "gp", "psy", "nutr")
SPECIALIZATIONS = dict(nc=["Nurse", "Nurse Clinician"],
                       cc=["Care Coordinator", "Medical Assistant"], np=["Nurse Practitioner"],
                       gp=["Family Physician"], psy=["Psychologist", "Psychotherapist"],
                       nutr=["Nutritionist"])
HOURLY_RATES = dict(nc=46.0, cc=26.0, np=62.0, gp=95.0, psy=70.0, nutr=50.0)


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("staff")
    pr = _practitioners(world, rng)
    world.staff_users = _staff_users(rng, pr)
    return {"coredata.practitioner": state_table(
        "coredata.practitioner",
        pd.DataFrame(dict(id=pr.uid.astype(str), main_specialization=pr.spec)), ("id",),
        np.full(len(pr), to_us("2018-01-01")))}


def _practitioners(world: WorldState, rng) -> pd.DataFrame:
    st = world.p["staff"]
    pool_sizes = dict(nc=int(2 * st["nc"] * 1.6) + 1, cc=int(2 * st["cc"] * 1.6) + 1,
                      np=int(st["np"] * 1.6) + 1, gp=int(st["gp"] * 1.6) + 1,
                      psy=st["psy"] + 1, nutr=st["nutr"] + 1)
    rows, next_id = [], FIRST_PRACTITIONER_ID
    world.pools = {}
    for role in ROLES:
        ids = next_id + np.arange(pool_sizes[role])
        next_id += pool_sizes[role]
        world.pools[role] = ids
        specs = SPECIALIZATIONS[role]
        spec = np.array(specs, dtype=object)[(rng.random(len(ids)) < 0.3).astype(int) % len(specs)]
        for i, s in zip(ids, spec):
            rows.append((int(i), role, s, HOURLY_RATES[role]))
    rows += [(next_id, "other", None, 30.0), (next_id + 1, "other", "Physiotherapist", 55.0)]
    world.practitioners = pd.DataFrame(rows, columns=["uid", "role", "spec", "rate"])
    return world.practitioners


def _staff_users(rng, pr: pd.DataFrame) -> pd.DataFrame:
    """scribe.users rows of the practitioners (no contract) and of the bot."""
    n = len(pr)
    first = np.array(FIRST_NAMES, dtype=object)[rng.integers(0, len(FIRST_NAMES), n)]
    last = np.array(LAST_NAMES, dtype=object)[rng.integers(0, len(LAST_NAMES), n)]
    created = to_us("2018-06-01") + rng.integers(0, 1500, n) * DAY
    pusers = pd.DataFrame(dict(
        id=pr.uid.to_numpy(), first_name=first, last_name=last,
        email=[f"{f.lower()}.{l_.lower()}@dialogue.co" for f, l_ in zip(first, last)],
        birthday=None, age=pd.array([pd.NA] * n, dtype="Int64"),
        gender=choice(rng, ["M", "F"], [35, 65], n), language=choice(rng, ["FR", "EN"], [6, 4], n),
        residence_province="QC", country="CA", address_country="CA", address_state="QC",
        status="registered", family_id=None, auth_id=[f"auth0|staff{i}" for i in pr.uid],
        created_at=ts_col(created), received_at=ts_col(created + HOUR)))
    bot = pusers.iloc[:1].copy()
    bot["id"], bot["first_name"], bot["last_name"] = BOT_USER, "Dialogue", "Bot"
    bot["email"] = "bot@dialogue.co"
    return pd.concat([pusers, bot], ignore_index=True)

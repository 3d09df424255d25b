"""The care journey of every episode: the shared world the episode sources observe.

An episode starts with a patient's first post (`arrive`); the intake questionnaires follow
(sources/countdown); then the care team works it (`care`): conversation rounds, Usher states and
nudges, episode properties, slash commands, follow-ups with reminders, readmissions, video and
phone consultations, manual DXA launches. The sources shape raw tables from this journey:
messaging (posts), usher, unresponsive, careplatform, telephone, patientapp, delighted.

All draws come from the stream "episodes", shared in this order: `arrive`, countdown, `care`,
then messaging, careplatform, patientapp, delighted (each draws its own details). The order is
the registry's (sources/__init__.py); moving a step changes every row after it.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from catwalk.warehouse.seeds import reduced_hours_days
from catwalk.warehouse.sources.coredata import BOT_USER
from catwalk.warehouse.sources.scribe import TEST_USERS
from catwalk.warehouse.sources.wiw import on_shift
from catwalk.warehouse.world import (
    DAY, HOUR, MIN, SEC, RawTable, WorldState, choice, full_obj, group_rank, local_to_utc, ts_col,
)

USER_TYPES = ["patient", "physician"]  # messaging.posts user_type (None: system posts)
POST_TYPES = ["dialogue_system"]  # messaging.posts post_type (None: regular posts)
ISSUE_TYPES = [("resp", 14), ("derm", 10), ("gi", 8), ("msk", 10), ("ent", 9), ("rx", 8),
               ("gu", 6), ("gyn", 5), ("psy", 6), ("opht", 3), ("endo", 2), ("cardio", 2),
               ("neuro", 2), ("sleep", 2), ("nutrition", 2), ("travel", 1), ("other", 4),
               ("admin", 1), ("nav", 2), ("adhd", 1), ("diet", 1), ("biom", 1), ("obs", 1),
               ("international", 0.5), ("test", 0.3), ("psy-pilot", 0.5)]
PEDIATRIC = {"adhd", "derm", "psy", "ent", "resp", "gi"}
OUTCOMES = [("care_plan", 22), ("advice", 12), ("nurse_counselling", 4),
            ("virtual_appointment", 6), ("prescription_pharmacy", 6), ("prescription_delivery", 1),
            ("md_np_appointment", 2), ("referral_specialist", 4), ("referral_walk_in", 5),
            ("walking_clinic", 1), ("referral_er", 3), ("er", 1), ("navigation", 4),
            ("navigation_only", 1), ("referral_without_navigation", 3), ("ubisoft", 1),
            ("not_suitable", 1), ("episode_duplicate", 2), ("new_dependant", 0.5),
            ("patient_unresponsive", 4), ("patient_thanks", 2), ("admin", 1), ("other", 2),
            ("audit", 0.5), ("test", 0.3)]
INVALID_FIRST = ["follow_up", "patient_thanks", "closed_after_follow_up", "other"]
DISPATCH = ["Outcome ER", "Outcome NP or MD", "Outcome WIC", "Outcome Counselling",
            "Outcome Nurse Counselling", "Outcome Navigation", "Outcome WIC Ubisoft clinic",
            "Outcome Rx renewal (Out of scope)", "Outcome Rx renewal (Blood pressure)",
            "Outcome Rx renewal (Mental Health)", "Outcome WIC PHYSIO"]


class Journey:
    """The episodes, one array element each (arrays indexed by episode unless said otherwise).

    Set by `arrive`: n, episode_id, t0 (first patient post, UTC), t0_local, ep_day, tod, open_h,
    close_h, in_hours, poster, subject, pick_child, someone_else, is_test, lang, cared, burst,
    resp (first care-team response), responder, nurse. Set by `care`: end_t, rounds
    (g: episode per round), states [(mask, t, user, state)], nudges (episode, iteration index),
    end_state, video and psy_video (booked consultations), properties, commands, book_t,
    reminders, fu, videos, v_mask, calls, dxa_cc, posts (all posts, in frame order).
    """

    post_parts: list[dict]
    states: list[tuple]


def arrive(world: WorldState) -> dict[str, RawTable]:
    """Episodes arrive (first patient post), with who posts and the first care-team response."""
    rng = world.stream("episodes")
    j = world.episodes = Journey()
    _arrival_times(world, rng, j)
    _who(world, rng, j)
    _first_response(world, rng, j)
    return {}


def care(world: WorldState) -> dict[str, RawTable]:
    """The care team works the episodes (the raw tables come from the sources observing it)."""
    rng = world.stream("episodes")
    j = world.episodes
    j.post_parts, j.states = [], []
    _conversation(rng, j)
    _usher_states(rng, j)
    _properties(world, rng, j)
    _commands(rng, j)
    _follow_ups(world, rng, j)
    _readmissions(world, rng, j)
    _videos(world, rng, j)
    _calls(rng, j)
    manual = j.cared & (rng.random(j.n) < 0.05)
    mm_ = np.flatnonzero(manual)
    j.dxa_cc = (mm_, np.char.add("cc", rng.integers(1, 34, len(mm_)).astype(str)).astype(object))
    _finish_posts(world, j)
    _truth(world, j)
    return {}


def opening(days: np.ndarray, reduced) -> dict[str, np.ndarray]:
    """Opening and closing local hours per day number (the current opening-hours schedule)."""
    unique, inverse = np.unique(np.asarray(days, dtype=np.int64), return_inverse=True)
    dates = [dt.date(1970, 1, 1) + dt.timedelta(days=int(d)) for d in unique]
    weekend = np.array([d.weekday() >= 5 or d in reduced for d in dates], dtype=bool)
    weekend = weekend[inverse.reshape(-1)]
    return dict(open=np.where(weekend, 10, 8), close=np.where(weekend, 16, 20))


# ---------------------------------------------------------------------------------------- arrive


def _arrival_times(world: WorldState, rng, j: Journey) -> None:
    """Daily counts and first patient posts (local wall clock -> UTC), in time order."""
    first_day = world.start // DAY
    last_day = (world.world_end - 1) // DAY
    days = np.arange(first_day, last_day + 1)
    dates = [dt.date(1970, 1, 1) + dt.timedelta(days=int(d)) for d in days]
    reduced = reduced_hours_days()
    weekday = np.array([d.weekday() for d in dates])
    factor = np.array([1.25, 1.1, 1.05, 1.0, 0.95, 0.6, 0.55])[weekday]
    factor = np.where([d in reduced for d in dates], 0.5, factor)
    n_day = rng.poisson(world.p["episodes"] * factor)
    ep_day = np.repeat(days, n_day)
    n = len(ep_day)
    day_info = opening(days, reduced)
    open_h = day_info["open"][ep_day - first_day]
    close_h = day_info["close"][ep_day - first_day]
    in_hours = rng.random(n) < 0.84
    tod_in = open_h * HOUR + (rng.beta(1.6, 2.2, n) * ((close_h - open_h) * HOUR - 20 * MIN))
    evening = rng.random(n) < 0.6
    tod_out = np.where(evening, close_h * HOUR + rng.random(n) * ((24 - close_h) * HOUR - MIN),
                       6 * HOUR + rng.random(n) * ((open_h - 6) * HOUR))
    tod = np.where(in_hours, tod_in, tod_out).astype(np.int64)
    t0_local = ep_day * DAY + tod
    t0 = local_to_utc(t0_local)
    keep = (t0 >= world.start) & (t0 < world.world_end - 2 * HOUR)
    t0, t0_local, ep_day, tod = t0[keep], t0_local[keep], ep_day[keep], tod[keep]
    open_h, close_h = open_h[keep], close_h[keep]
    order = np.argsort(t0, kind="stable")
    j.t0, j.t0_local, j.ep_day, j.tod = t0[order], t0_local[order], ep_day[order], tod[order]
    j.open_h, j.close_h = open_h[order], close_h[order]
    j.n = len(j.t0)
    j.episode_id = 1_000_000 + np.arange(j.n)
    j.in_hours = (j.tod >= j.open_h * HOUR) & (j.tod < j.close_h * HOUR - 15 * MIN)


def _who(world: WorldState, rng, j: Journey) -> None:
    """Poster (a signed-up adult) and subject (self, spouse, child, someone else)."""
    n, t0 = j.n, j.t0
    pe = world.people
    adults = pe[(pe.kind < 2) & (pe.signup < np.iinfo(np.int64).max)].sort_values(
        "signup", kind="stable")
    avail = np.searchsorted(adults.signup.to_numpy(), t0, side="left")
    idx = (rng.random(n) * np.maximum(avail, 1)).astype(np.int64)
    poster_row = adults.index.to_numpy()[np.minimum(idx, len(adults) - 1)]
    uid = pe.uid.to_numpy()
    poster = uid[poster_row]
    subject = poster.copy()
    parent = pe.parent.to_numpy()
    emp_row = parent[poster_row]
    # children of the poster's family
    ch_rows = np.flatnonzero(pe.kind.to_numpy() == 2)
    ch_parent = parent[ch_rows]
    first_child = np.searchsorted(ch_parent, emp_row, side="left")
    n_child = np.searchsorted(ch_parent, emp_row, side="right") - first_child
    r = rng.random(n)
    pick_child = (r < 0.15) & (n_child > 0)
    child_row = ch_rows[np.minimum(first_child + (rng.random(n) * np.maximum(n_child, 1))
                                   .astype(np.int64), len(ch_rows) - 1)]
    subject = np.where(pick_child, uid[child_row], subject)
    someone_else = (r >= 0.15) & (r < 0.19)
    is_test = rng.random(n) < 0.02
    test_pick = np.array(TEST_USERS)[rng.integers(0, len(TEST_USERS), n)]
    j.poster = np.where(is_test, test_pick, poster)
    j.subject = np.where(is_test, test_pick, subject)
    j.pick_child = pick_child & ~is_test
    j.someone_else = someone_else & ~is_test
    j.is_test = is_test
    j.lang = pd.Series(pe.lang.to_numpy(), index=uid).reindex(j.poster).fillna("en").to_numpy()


def _first_response(world: WorldState, rng, j: Journey) -> None:
    """Abandoned episodes, the first patient burst, who responds first and when."""
    n, t0, tod, ep_day = j.n, j.t0, j.tod, j.ep_day
    j.cared = ~(rng.random(n) < 0.05)
    j.burst = rng.choice([1, 2, 3], size=n, p=[0.6, 0.3, 0.1])
    delay = (60 * SEC + rng.exponential(5.5 * MIN, n)).astype(np.int64)
    delay = np.minimum(delay, 45 * MIN)
    next_open_day = np.where(tod < j.open_h * HOUR, ep_day, ep_day + 1)
    nod_open = opening(next_open_day, reduced_hours_days())["open"]
    resp_out_local = next_open_day * DAY + nod_open * HOUR + rng.integers(2 * MIN, 35 * MIN, n)
    resp = np.where(j.in_hours, t0 + delay, local_to_utc(resp_out_local))
    j.resp = np.maximum(resp, t0 + 50 * SEC)
    cc_first = rng.random(n) < 0.4
    j.responder = np.where(cc_first, on_shift(world, "cc", j.resp, rng),
                           on_shift(world, "nc", j.resp, rng))
    j.nurse = np.where(cc_first, on_shift(world, "nc", j.resp + 5 * MIN, rng), j.responder)


# ------------------------------------------------------------------------------------------ care


def _code(values: list, value) -> int:
    """Index of `value` in `values`, -1 for None (categorical codes)."""
    return -1 if value is None else values.index(value)


def _post(j: Journey, mask, t, user, user_type, internal=False, post_type=None) -> None:
    """Posts of the episodes in `mask` at t by user (arrays by episode)."""
    m = np.flatnonzero(mask)
    j.post_parts.append(dict(ep=j.episode_id[m], t=t[m], user=user[m],
                             user_type=np.full(len(m), _code(USER_TYPES, user_type), np.int8),
                             internal=np.full(len(m), internal),
                             post_type=np.full(len(m), _code(POST_TYPES, post_type), np.int8)))


def _conversation(rng, j: Journey) -> None:
    """The first day: patient burst, system message, rounds of care team / patient exchanges."""
    n, t0, cared, poster = j.n, j.t0, j.cared, j.poster
    all_ = np.ones(n, bool)
    _post(j, all_, t0, poster, "patient")
    _post(j, j.burst >= 2, t0 + 20 * SEC, poster, "patient")
    _post(j, j.burst >= 3, t0 + 40 * SEC, poster, "patient")
    _post(j, all_, t0 + 2 * SEC, np.full(n, BOT_USER), None, True, "dialogue_system")
    rounds = np.where(cared, rng.integers(1, 7, n), 0)
    g, k = group_rank(rounds)
    g1 = rng.integers(40 * SEC, 6 * MIN, len(g))
    g2 = rng.integers(40 * SEC, 6 * MIN, len(g))
    dur = g1 + g2
    cs = np.cumsum(dur)
    starts = np.cumsum(rounds) - rounds
    cs_group = cs - np.repeat(np.r_[0, cs][starts], rounds)
    ct_t = j.resp[g] + cs_group - dur
    pt_t = ct_t + g1
    ct_user = np.where(k == 0, j.responder[g], j.nurse[g])
    last_round = k == rounds[g] - 1
    pr_m = ~(last_round & (rng.random(len(g)) < 0.5))  # the patient replies
    j.post_parts.append(dict(ep=j.episode_id[g], t=ct_t, user=ct_user,
                             user_type=np.full(len(g), _code(USER_TYPES, "physician"), np.int8),
                             internal=np.zeros(len(g), bool),
                             post_type=np.full(len(g), -1, np.int8)))
    j.post_parts.append(dict(ep=j.episode_id[g][pr_m], t=pt_t[pr_m], user=poster[g][pr_m],
                             user_type=np.full(pr_m.sum(), _code(USER_TYPES, "patient"), np.int8),
                             internal=np.zeros(pr_m.sum(), bool),
                             post_type=np.full(pr_m.sum(), -1, np.int8)))
    last_t = np.full(n, 0, np.int64)
    np.maximum.at(last_t, g, np.where(pr_m, pt_t, ct_t))
    j.rounds = g
    j.end_t = np.where(cared, last_t + rng.integers(1 * MIN, 8 * MIN, n), t0 + MIN)
    internal = cared & (rng.random(n) < 0.1)
    _post(j, internal, j.resp + 90 * SEC, j.nurse, "physician", True)


def _usher_states(rng, j: Journey) -> None:
    """First states (active, waiting for the patient, resolved or pending) and the nudges."""
    n, cared, resp, nurse = j.n, j.cared, j.resp, j.nurse
    never_active = cared & (rng.random(n) < 0.03)
    act = cared & ~never_active
    j.states.append((act, resp - rng.integers(5 * SEC, 15 * SEC, n), j.responder, "active"))
    wfp = cared & (rng.random(n) < 0.08)
    j.states.append((wfp, resp + 3 * MIN, nurse, "waiting_for_patient"))
    j.end_state = choice(rng, ["resolved", "pending", None], [72, 18, 10], n)
    for st in ("resolved", "pending"):
        j.states.append((cared & (j.end_state == st), j.end_t, nurse, st))
    # nudges for waiting_for_patient episodes
    j.nudges = group_rank(np.where(wfp, rng.integers(1, 4, n), 0))


def mental_health_posters(world: WorldState, j: Journey) -> np.ndarray:
    """Per episode: the poster is a member of an organization whose plan had the mental_health
    feature (Scribe feature 4) when the episode started."""
    features = world.tables["scribe.plan_feature"].df
    mh = features[features.feature_id == 4]
    since = pd.Series([t.value // 1000 for t in mh.created], index=mh.plan_id.to_numpy(),
                      dtype=np.float64).groupby(level=0).min()
    plan_of = world.org.set_index("id").plan_id
    people = world.people.set_index("uid")
    org = people.org.reindex(j.poster).to_numpy()
    start = since.reindex(plan_of.reindex(org).to_numpy()).to_numpy()
    return ~np.isnan(start) & (start <= j.t0) & ~j.is_test


def _psy_pilot(world: WorldState, j: Journey, issue: np.ndarray) -> np.ndarray:
    """The mental-health pilot: ~3 % of the episodes of members of mental-health organizations
    (adult subjects) are of issue type psy-pilot (the 0.5 % drawn anywhere, plus ~2.5 % from the
    stream "psy_pilot", so no draw of the stream "episodes" moves)."""
    rng = world.stream("psy_pilot")
    convert = (mental_health_posters(world, j) & ~j.pick_child & (rng.random(j.n) < 0.025))
    return np.where(convert, "psy-pilot", issue).astype(object)


def _properties(world: WorldState, rng, j: Journey) -> None:
    """Issue type, priority and outcome(s) set on the episodes (some legacy-shaped)."""
    n, cared, resp, nurse, end_t = j.n, j.cared, j.resp, j.nurse, j.end_t
    issue = choice(rng, [i for i, _ in ISSUE_TYPES], [w for _, w in ISSUE_TYPES], n)
    ped = j.pick_child & np.isin(issue, list(PEDIATRIC)) & (rng.random(n) < 0.6)
    issue = np.where(ped, np.char.add(issue.astype(str), "p"), issue).astype(object)
    issue = _psy_pilot(world, j, issue)
    j.video = cared & (rng.random(n) < 0.12)
    j.psy_video = cared & np.isin(issue, ["psy", "psy-pilot", "psyp"]) & (rng.random(n) < 0.5)
    outcome = choice(rng, [o for o, _ in OUTCOMES], [w for _, w in OUTCOMES], n)
    outcome = np.where(j.video, choice(rng, ["virtual_appointment", "prescription_pharmacy",
                                             "md_np_appointment", "care_plan"], [5, 3, 1, 2], n),
                       outcome)
    has_outcome = cared & (rng.random(n) < 0.9)
    invalid_first = has_outcome & (rng.random(n) < 0.12)
    has_issue = cared & (rng.random(n) < 0.92)
    j.issue = np.where(has_issue, issue, None)  # read by sources/countdown (mental health)
    props = [(has_issue, resp + 2 * MIN, nurse, "issue_type", issue)]
    has_prio = cared & (rng.random(n) < 0.6)
    props.append((has_prio, resp + 2 * MIN + 10 * SEC, nurse, "priority_level",
                  choice(rng, ["low", "medium", "high", "urgent"], [4, 4, 2, 0.5], n)))
    props.append((invalid_first, resp + 4 * MIN, nurse, "outcome",
                  choice(rng, INVALID_FIRST, [3, 2, 1, 1], n)))
    props.append((has_outcome, end_t - 30 * SEC, nurse, "outcome", outcome))
    prio_change = has_prio & (rng.random(n) < 0.1)
    props.append((prio_change, end_t - 40 * SEC, nurse, "priority_level", full_obj(n, "low")))
    parts = {key: [] for key in ("t", "user", "episode", "type", "value")}
    for mask, t, user, ptype, value in props:
        m = np.flatnonzero(mask)
        for key, column in zip(parts, (t[m], user[m], j.episode_id[m], full_obj(len(m), ptype),
                                       value[m])):
            parts[key].append(column)
    j.properties = {key: np.concatenate(columns) for key, columns in parts.items()}
    j.properties["legacy"] = rng.random(len(j.properties["t"])) < 0.02  # in properties_* only


def _commands(rng, j: Journey) -> None:
    """Slash commands: templates (appointment booking among them) and dispatch outcomes."""
    n, cared, resp, nurse = j.n, j.cared, j.resp, j.nurse
    parts = []

    def command(mask, t, user, name, ids):
        m = np.flatnonzero(mask)
        parts.append((t[m], user[m], j.episode_id[m], full_obj(len(m), name), np.asarray(ids)[m]))

    booking = j.video & (rng.random(n) < 0.9) | (cared & (rng.random(n) < 0.03))
    j.book_t = resp + rng.integers(3 * MIN, 10 * MIN, n)
    command(booking, j.book_t, nurse, "templates", full_obj(n, "Appointment Virtual"))
    bonjour = cared & (rng.random(n) < 0.03)
    command(bonjour, resp + 6 * MIN, nurse, "templates", full_obj(n, "Bonjour Sante"))
    dispatch = cared & (rng.random(n) < 0.35)
    command(dispatch, resp + 5 * MIN, nurse, "outcome",
            choice(rng, DISPATCH, [3, 4, 3, 1, 3, 3, 0.5, 1, 1, 1, 0.5], n))
    other_tpl = cared & (rng.random(n) < 0.2)
    command(other_tpl, resp + 30 * SEC, j.responder, "templates",
            choice(rng, ["Welcome", "Follow up", "Prescription info"], [3, 2, 1], n))
    j.commands = {key: np.concatenate([p[i] for p in parts]) for i, key in enumerate(
        ("t", "user", "episode", "name", "id"))}


def _follow_ups(world: WorldState, rng, j: Journey) -> None:
    """Follow-ups on a later day: a reminder, a care-team post, maybe a patient reply."""
    n, cared, nurse, poster = j.n, j.cared, j.nurse, j.poster
    fu = cared & (rng.random(n) < 0.18)
    fu_days = rng.choice([1, 2, 3, 7], size=n, p=[0.4, 0.3, 0.15, 0.15])
    fu_local = (j.ep_day + fu_days) * DAY + 10 * HOUR + rng.integers(0, 5 * HOUR, n)
    fu_t = local_to_utc(fu_local)
    fu &= fu_t < world.world_end - HOUR
    fu_nurse = on_shift(world, "nc", fu_t, rng)
    rem = np.flatnonzero(fu)
    j.reminders = dict(
        episode=j.episode_id[rem], id=np.char.add("rem_", j.episode_id[rem].astype(str)),
        created=j.end_t[rem] - 20 * SEC, user=nurse[rem],
        due=fu_t[rem] - rng.integers(0, 30 * MIN, len(rem)))
    completed = rng.random(len(rem)) < 0.9
    j.reminders.update(completed=completed, completed_t=fu_t[rem][completed] - MIN,
                       completed_user=fu_nurse[rem][completed])
    _post(j, fu, fu_t, fu_nurse, "physician")
    fu_reply = fu & (rng.random(n) < 0.7)
    fu_reply_t = fu_t + rng.integers(5 * MIN, 90 * MIN, n)
    _post(j, fu_reply, fu_reply_t, poster, "patient")
    _post(j, fu_reply, fu_reply_t + 3 * MIN, fu_nurse, "physician")
    j.states.append((fu, fu_t - 30 * SEC, fu_nurse, "active"))
    fu_end = np.where(fu_reply, fu_reply_t + 6 * MIN, fu_t + 2 * MIN)
    j.states.append((fu, fu_end, fu_nurse, "resolved"))
    j.fu = fu


def _readmissions(world: WorldState, rng, j: Journey) -> None:
    """A few resolved episodes come back a few days later (patient post, reactivation)."""
    n = j.n
    readmit = j.cared & ~j.fu & (rng.random(n) < 0.05)
    re_local = (j.ep_day + rng.integers(1, 5, n)) * DAY + 11 * HOUR + rng.integers(0, 5 * HOUR, n)
    re_t = local_to_utc(re_local)
    readmit &= re_t < world.world_end - HOUR
    re_nurse = on_shift(world, "nc", re_t + 6 * MIN, rng)
    _post(j, readmit, re_t, j.poster, "patient")
    _post(j, readmit, re_t + 6 * MIN, re_nurse, "physician")
    j.states.append((readmit, re_t + 5 * MIN, re_nurse, "active"))
    j.states.append((readmit, re_t + 12 * MIN, re_nurse, "resolved"))


def _videos(world: WorldState, rng, j: Journey) -> None:
    """Video calls: GP / NP / psychologist consultations and CC / NC triage calls."""
    n, cared, video = j.n, j.cared, j.video
    gp_video = video & (rng.random(n) < 0.65)
    v_t = j.book_t + rng.integers(20 * MIN, 150 * MIN, n)
    v_user = np.where(gp_video, on_shift(world, "gp", v_t, rng), on_shift(world, "np", v_t, rng))
    v_mask = video.copy()
    v_user = np.where(j.psy_video, on_shift(world, "psy", v_t, rng), v_user)
    v_mask |= j.psy_video
    triage = cared & ~v_mask & (rng.random(n) < 0.04)
    v_t = np.where(triage, j.resp + 2 * MIN, v_t)
    v_user = np.where(triage, j.responder, v_user)
    v_mask |= triage
    v_mask &= v_t < world.world_end - HOUR
    vm = np.flatnonzero(v_mask)
    v_len_all = rng.integers(4 * MIN, 25 * MIN, n)
    path = np.char.add(np.char.add(np.char.add("/consult/", j.subject[vm].astype(str)), "/"),
                       j.episode_id[vm].astype(str))
    j.videos = dict(t=v_t[vm], user=v_user[vm], episode=j.episode_id[vm], subject=j.subject[vm],
                    path=path, length=v_len_all[vm], ended=rng.random(len(vm)) < 0.97)
    j.v_mask = v_mask
    # GP / NP / psychologist consultations: the practitioner writes in the chat before calling
    consult = v_mask & ~triage
    _post(j, consult, v_t - 2 * MIN, v_user, "physician")
    _post(j, consult & (rng.random(n) < 0.5), v_t + v_len_all + MIN, v_user, "physician")


def _calls(rng, j: Journey) -> None:
    """Phone calls placed by the first responder."""
    phone = j.cared & (rng.random(j.n) < 0.07)
    ph_t = j.resp + rng.integers(1 * MIN, 10 * MIN, j.n)
    ph = np.flatnonzero(phone)
    j.calls = dict(t=ph_t[ph], user=j.responder[ph], episode=j.episode_id[ph],
                   id=np.char.add("call_", j.episode_id[ph].astype(str)),
                   length=rng.integers(3 * MIN, 15 * MIN, len(ph)))
    j.calls["ended"] = rng.random(len(ph)) < 0.97


def _finish_posts(world: WorldState, j: Journey) -> None:
    """All posts in frame order, those before the end of the world."""
    posts = {k: np.concatenate([p[k] for p in j.post_parts]) for k in j.post_parts[0]}
    keep = posts["t"] < world.world_end
    j.posts = {k: v[keep] for k, v in posts.items()}
    j.post_parts = []


def _truth(world: WorldState, j: Journey) -> None:
    has_reply = np.zeros(j.n, bool)
    has_reply[j.rounds] = True
    world.truth["episodes"] = pd.DataFrame(dict(
        episode_id=j.episode_id.astype(str), patient_user_id=j.poster.astype(str),
        subject_user_id=np.where(j.someone_else, j.poster, j.subject).astype(str),
        is_test_user=j.is_test, is_dependent_consult=j.pick_child,
        first_patient_post_at=ts_col(j.t0), first_post_local=pd.Series(
            j.t0_local.astype("datetime64[us]")),
        is_first_post_in_opening_hours=j.in_hours, has_care_team_reply=has_reply & j.cared,
        has_follow_up=j.fu, has_video=j.v_mask, is_delivered_at_end=j.t0 < world.end))

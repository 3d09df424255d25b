"""Care Platform, the care team's tool: episode properties, slash commands, reminders, video
calls and page views.

Segment: careplatform.update_episode_properties, executed_command,
reminders_create_new_success, reminders_status_change_success, video_call_start_call,
video_call_call_ended, pages; the older era's cp_video_session_remote_connected,
video_destroy_session and video_patient_stream_created exist and stay empty. Observes the care
journey (catwalk.warehouse.episodes); the page views draw from the stream "episodes" after
sources/messaging.

Product adoption (`simulate_product`, its own step and stream "careplatform_product"):
electron_reload, added_family_doctor, updated_family_doctor, cp_file_upload_success,
retract_message_request, create_episode_note_success, sidebar_nav_clicked,
snooze_button_clicked_success: clicks by an episode's nurse between its first response and its
end, and about one Electron reload per VCP shift.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.episodes import USER_TYPES
from catwalk.warehouse.world import MIN, SEC, RawTable, WorldState, choice, group_rank, ts_col

# careplatform.pages paths by shape code _pk over subject _ps and episode _pe (codes 3-7: the
# pages outside an episode, DASHBOARD_PAGES)
DASHBOARD_PAGES = ["/dashboard", "/", "/episodes", "/reminders", "/settings"]
PAGE_PATH_SQL = (
    "CASE _pk WHEN 0 THEN '/chat/' || CAST(_ps AS VARCHAR) || '/' || CAST(_pe AS VARCHAR) "
    "WHEN 1 THEN '/chat/' || CAST(_ps AS VARCHAR) || '?channelId=' || CAST(_pe AS VARCHAR) "
    "WHEN 2 THEN '/consult/' || CAST(_ps AS VARCHAR) || '/' || CAST(_pe AS VARCHAR) "
    + " ".join(f"WHEN {3 + i} THEN '{p}'" for i, p in enumerate(DASHBOARD_PAGES)) + " END"
)
EMPTY_TABLES = ("careplatform.cp_video_session_remote_connected",
                "careplatform.video_destroy_session", "careplatform.video_patient_stream_created")
TABLES = ("careplatform.update_episode_properties", "careplatform.executed_command",
          "careplatform.reminders_create_new_success",
          "careplatform.reminders_status_change_success", "careplatform.video_call_start_call",
          "careplatform.video_call_call_ended", "careplatform.pages") + EMPTY_TABLES

# careplatform route of an episode's chat: the 4th '/'-separated segment is the episode id
CHAT_PATH_SQL = "'/chat/' || CAST(_ps AS VARCHAR) || '/' || CAST(_pe AS VARCHAR)"
DOCTOR_FIRST = ["Marie", "Jean", "Sophie", "Luc", "Emily", "David", "Nadia", "Paul"]
DOCTOR_LAST = ["Roy", "Gauthier", "Smith", "Nguyen", "Lavoie", "Cohen", "Morin", "Brown"]
RATES = {  # share of cared episodes with the event
    "careplatform.sidebar_nav_clicked": 0.6,
    "careplatform.snooze_button_clicked_success": 0.15,
    "careplatform.cp_file_upload_success": 0.1,
    "careplatform.create_episode_note_success": 0.3,
    "careplatform.retract_message_request": 0.05,
    "careplatform.added_family_doctor": 0.08,
    "careplatform.updated_family_doctor": 0.02,
}
PRODUCT_TABLES = tuple(RATES) + ("careplatform.electron_reload",)


def simulate(world: WorldState) -> dict[str, RawTable]:
    j = world.episodes
    _properties_and_commands(world, j)
    _reminders(world, j.reminders)
    _video_calls(world, j.videos)
    _pages(world, world.stream("episodes"), j)
    return {name: world.events.build(name) for name in TABLES}


def _properties_and_commands(world: WorldState, j) -> None:
    ev, p = world.events, j.properties
    legacy, ptype, pval = p["legacy"], p["type"], p["value"]
    ev.add("careplatform.update_episode_properties", p["t"], p["user"], episode_id=p["episode"],
           episode_property_type=np.where(legacy, None, ptype),
           episode_property_value=np.where(legacy, None, pval),
           properties_issue_type=np.where(legacy & (ptype == "issue_type"), pval, None),
           properties_outcome=np.where(legacy & (ptype == "outcome"), pval, None))
    c = j.commands
    ev.add("careplatform.executed_command", c["t"], c["user"], episode_id=c["episode"],
           command_name=c["name"], command_id=c["id"])


def _reminders(world: WorldState, r: dict) -> None:
    """Reminders created at the end of the first day, most completed at the follow-up."""
    ev, done = world.events, r["completed"]
    ev.add("careplatform.reminders_create_new_success", r["created"], r["user"],
           reminder_id=r["id"], reminder_episode_id=r["episode"], reminder_due_at=ts_col(r["due"]))
    ev.add("careplatform.reminders_status_change_success", r["completed_t"], r["completed_user"],
           reminder_id=r["id"][done], reminder_episode_id=r["episode"][done],
           reminder_due_at=ts_col(r["due"][done]), reminder_status="completed")


def _video_calls(world: WorldState, v: dict) -> None:
    ev, ended = world.events, v["ended"]
    ev.add("careplatform.video_call_start_call", v["t"], v["user"], episode_id=v["episode"],
           path=v["path"].astype(object), patient_id=None, optional=("episode_id",))
    ev.add("careplatform.video_call_call_ended", (v["t"] + v["length"])[ended], v["user"][ended],
           episode_id=v["episode"][ended], path=v["path"][ended].astype(object),
           patient_id=None, optional=("episode_id",))


def _filler_pages(world: WorldState, rng, j) -> tuple[np.ndarray, ...]:
    """During VCP shifts, a page view every ~3 minutes, mostly reading the chats of recent
    episodes (so active time is attributed to episodes), else the dashboard.
    Returns (time, user, shape code, recent episode position)."""
    sf = world.shifts_frame[world.shifts_frame.vcp & (world.shifts_frame.start < world.world_end)]
    length = (sf.end - sf.start).to_numpy()
    n_f = np.maximum((length / (3 * MIN)).astype(np.int64), 1)
    gf, jf = group_rank(n_f)
    f_t = sf.start.to_numpy()[gf] + jf * (length[gf] // n_f[gf]) + rng.integers(0, 60 * SEC,
                                                                                  len(gf))
    f_user = sf.user.to_numpy()[gf]
    nf = len(gf)
    recent = np.searchsorted(j.t0, f_t) - 1 - rng.integers(0, 12, nf)
    on_episode = (recent >= 0) & (rng.random(nf) < 0.85)
    recent = np.clip(recent, 0, max(len(j.episode_id) - 1, 0))
    f_shape = rng.choice(2, size=nf, p=[0.75, 0.25])
    weights = np.array([6, 2, 3, 1, 0.2])  # DASHBOARD_PAGES
    f_other = rng.choice(len(weights), size=nf, p=weights / weights.sum())
    return f_t, f_user, np.where(on_episode, f_shape, 3 + f_other), recent


def _pages(world: WorldState, rng, j) -> None:
    """A page view before every care-team post, before every video call, and the filler."""
    posts, v = j.posts, j.videos
    care = np.flatnonzero(posts["user_type"] == USER_TYPES.index("physician"))
    post_t, post_user, post_ep = posts["t"][care], posts["user"][care], posts["ep"][care]
    k = len(post_t)
    subj = pd.Series(dict(zip(j.episode_id, j.subject))).reindex(post_ep).to_numpy()
    shape = rng.choice(3, size=k, p=[0.65, 0.25, 0.10])
    page_t = post_t - rng.integers(5 * SEC, 60 * SEC, k)
    # paths are built in SQL (PAGE_PATH_SQL) from a shape code, the subject and the episode
    prop = rng.random(k) < 0.5  # the page carries its episode id as a property
    f_t, f_user, f_code, recent = _filler_pages(world, rng, j)
    nf = len(f_t)
    t_all = np.r_[page_t, v["t"] - 20 * SEC, f_t]
    keep = t_all < world.world_end
    ep_all = np.r_[np.asarray(post_ep, np.int64), np.asarray(v["episode"], np.int64)]
    world.events.add(
        "careplatform.pages", t_all[keep], np.r_[post_user, v["user"], f_user][keep],
        _pk=np.r_[shape, np.full(len(v["t"]), 2), f_code].astype(np.int8)[keep],
        _ps=np.r_[subj.astype(np.int64), np.asarray(v["subject"], np.int64),
                  np.asarray(j.subject, np.int64)[recent]][keep],
        _pe=np.r_[ep_all, np.asarray(j.episode_id, np.int64)[recent]][keep],
        episode_id=pd.arrays.IntegerArray(
            np.r_[ep_all, np.zeros(nf, np.int64)][keep],
            np.r_[~prop, np.zeros(len(v["episode"]), bool), np.ones(nf, bool)][keep]),
        exprs={"path": PAGE_PATH_SQL, "title": "'Care Platform'",
               "url": f"'https://careplatform.dialogue.co' || ({PAGE_PATH_SQL})"},
        optional=("title", "url"))


def simulate_product(world: WorldState) -> dict[str, RawTable]:
    """The product-adoption events (step "careplatform_product", own stream of that name)."""
    rng = world.stream("careplatform_product")
    j = world.episodes
    for table, rate in RATES.items():
        _episode_events(world, rng, j, table, rate)
    _reloads(world, rng)
    return {name: world.events.build(name) for name in PRODUCT_TABLES}


def _episode_events(world: WorldState, rng, j, table: str, rate: float) -> None:
    """One event in a share `rate` of the cared episodes, between the first response and the end,
    by the episode's nurse."""
    s = np.flatnonzero(j.cared & (rng.random(j.n) < rate))
    span = np.maximum(j.end_t[s] - j.resp[s], MIN)
    t = j.resp[s] + (rng.random(len(s)) * span).astype(np.int64)
    keep = t < world.world_end
    s, t = s[keep], t[keep]
    k = len(s)
    ev, episode = world.events, j.episode_id[s]
    if table in ("careplatform.create_episode_note_success",
                 "careplatform.retract_message_request"):
        ev.add(table, t, j.nurse[s], _ps=j.subject[s], _pe=episode, exprs={"path": CHAT_PATH_SQL})
    elif table.endswith("_family_doctor"):
        named = rng.random(k) < 0.85  # the practitioner sometimes saves an unnamed doctor
        ev.add(table, t, j.nurse[s], episode_id=episode,
               family_doctor_first_name=np.where(named, choice(rng, DOCTOR_FIRST, [1] * 8, k),
                                                 None).astype(object),
               family_doctor_last_name=np.where(named, choice(rng, DOCTOR_LAST, [1] * 8, k),
                                                None).astype(object),
               optional=("family_doctor_first_name",))
    elif table == "careplatform.cp_file_upload_success":
        ev.add(table, t, j.nurse[s], episode_id=episode, optional=("episode_id",))
    else:
        ev.add(table, t, j.nurse[s], episode_id=episode)


def _reloads(world: WorldState, rng) -> None:
    """About one Electron reload per VCP shift, forced in a tenth of them, a third outside an
    episode (no episode id)."""
    sf = world.shifts_frame[world.shifts_frame.vcp & (world.shifts_frame.start < world.world_end)]
    sf = sf[rng.random(len(sf)) < 0.9]
    k = len(sf)
    length = (sf.end - sf.start).to_numpy()
    t = sf.start.to_numpy() + (rng.random(k) * length).astype(np.int64) + rng.integers(0, 60 * SEC,
                                                                                        k)
    j = world.episodes
    recent = np.clip(np.searchsorted(j.t0, t) - 1, 0, max(j.n - 1, 0))
    on_episode = (rng.random(k) < 0.67) & (j.n > 0)
    episode = np.where(on_episode, j.episode_id[recent] if j.n else 0, 0).astype(np.int64)
    forced = rng.random(k) < 0.1
    keep = t < world.world_end
    world.events.add("careplatform.electron_reload", t[keep], sf.user.to_numpy()[keep],
                     episode_id=pd.arrays.IntegerArray(episode[keep], ~on_episode[keep]),
                     forced=forced[keep])

"""Patient app: the star rating a patient gives after an episode.

Segment: patientapp.submit_answer_post_request; the older era's
patientapp.video_session_connect_success exists and stays empty. Draws the ratings from the
stream "episodes" after sources/careplatform.

`simulate_signup` (issue 18) adds patient app: the sign-up flow, logins, button presses and every chat post's device context.

Segment: patientapp.aliases (the `alias` call linking a sign-up session's anonymous id to the new
Scribe user), the sign-up screens (date of birth -> email / group id / employee id -> new profile
-> consent), create_account_success, the four warning screens, log_button_press,
login_fetch_complete and submit_post_success. Draws from its own stream "patientapp_screens", so
no row of an older table changes; reads the members' sign-ups (`world.people`, sources/scribe) and
the patients' posts (`world.episodes`, catwalk.warehouse.episodes).

Every sign-up of the simulated history (not only those of the window) is the end of a 2 to 15 minute session of one anonymous id: screens before the new
profile are anonymous (NULL user_id), the last three carry the member. Visitors who never sign up
(a third as many sessions) stop after the date of birth or the email screen and get no alias.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.world import (
    DAY, HOUR, MIN, SEC, RawTable, WorldState, choice, full_obj, mix64, utc_to_local,
)


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("episodes")
    j = world.episodes
    ra = np.flatnonzero(j.cared & (rng.random(j.n) < 0.3))
    stars = rng.choice([1, 2, 3, 4, 5], size=len(ra), p=[0.03, 0.04, 0.08, 0.25, 0.6])
    world.events.add(
        "patientapp.submit_answer_post_request", j.end_t[ra] + rng.integers(MIN, HOUR, len(ra)),
        j.poster[ra], channel_id=j.episode_id[ra],
        answers=np.char.add(np.char.add("[", stars.astype(str)), "]").astype(object))
    return {name: world.events.build(name) for name in (
        "patientapp.submit_answer_post_request", "patientapp.video_session_connect_success")}


# -------------------- issue 18: simulate_signup (its own random stream) --------------------
SCREENS = ("screen_signup_date_of_birth", "screen_signup_email", "screen_signup_group_id",
           "screen_signup_employee_id", "screen_new_profile", "screen_consent",
           "screen_info_warning_need_help", "screen_info_warning_invited_email_error",
           "screen_info_warning_unique_id_error", "screen_info_warning_unknown_error")
SIGNUP_TABLES = tuple(f"patientapp.{name}" for name in SCREENS + (
    "create_account_success", "aliases", "log_button_press", "login_fetch_complete",
    "submit_post_success"))
PATHS = ["email_match", "email_no_match", "group_id", "employee_id"]
ANON_SQL = "'anon-' || lower(lpad(to_hex(_sess), 16, '0'))"
# device context by platform: (share, app name, bundle id, os, manufacturer, models, width, height)
PLATFORMS = [
    (0.45, "Dialogue", "com.dialogue.patientapp", "iPhone OS", "Apple",
     ["iPhone12,1", "iPhone13,2", "iPhone14,5"], 390, 844),
    (0.35, "Dialogue", "com.dialogue.patientapp", "Android", "samsung",
     ["SM-G991W", "SM-A515W", "Pixel 6"], 412, 915),
    (0.20, "Dialogue Patient Desktop", None, None, None, [None], 1440, 900),
]
USER_AGENT = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
              "Chrome/120.0 Safari/537.36")


def simulate_signup(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("patientapp_screens")
    sessions = _sessions(world, rng)
    _screens(world, rng, sessions)
    _logins(world, rng)
    _post_context(world, rng)
    return {name: world.events.build(name) for name in SIGNUP_TABLES}


def _sessions(world: WorldState, rng) -> dict[str, np.ndarray]:
    """Sign-up sessions (every member's sign-up, since the first organization launched) and
    visitors' sessions (no sign-up, spread over the same years)."""
    pe = world.people
    signup = pe.signup.to_numpy()
    rows = np.flatnonzero(signup < world.world_end)
    n_sign = len(rows)
    n_visit = max(1, n_sign // 3)
    first = signup[rows].min() if n_sign else world.start
    visit_end = first + rng.integers(0, world.world_end - first, n_visit)
    n = n_sign + n_visit
    end = np.r_[signup[rows], visit_end]
    user = pd.array(np.r_[pe.uid.to_numpy()[rows], np.zeros(n_visit, np.int64)], dtype="Int64")
    user[n_sign:] = pd.NA
    signs_up = np.r_[np.ones(n_sign, bool), np.zeros(n_visit, bool)]
    duration = rng.integers(2 * MIN, 15 * MIN, n)
    path = choice(rng, PATHS, [70, 15, 10, 5], n)
    # visitors stop after the date of birth (two thirds) or after the email screen
    stop_after_dob = ~signs_up & (rng.random(n) < 2 / 3)
    path = np.where(stop_after_dob, "none", np.where(~signs_up, "email_no_match", path))
    return dict(n=n, end=end, start=end - duration, duration=duration, user=user,
                signs_up=signs_up, path=path.astype(str), back=rng.random(n) < 0.05,
                sess=mix64(np.arange(n), (world.seed << 20) + 77_123),
                warning=choice(rng, ["none", "need_help", "invited_email_error",
                                     "unique_id_error", "unknown_error"], [89, 5, 2, 2, 2], n))


def _add(world: WorldState, table: str, t, user, sess, **columns) -> None:
    world.events.add(f"patientapp.{table}", t, user, _sess=sess,
                     exprs={"anonymous_id": ANON_SQL}, **columns)


def _screens(world: WorldState, rng, s: dict) -> None:
    """The screens of each session, the alias at sign-up and the button presses."""
    start, dur, path, sess = s["start"], s["duration"], s["path"], s["sess"]
    anon = pd.array(np.zeros(s["n"], np.int64), dtype="Int64")
    anon[:] = pd.NA
    presses: list[tuple] = []

    def screen(name, mask, t, user=anon, **cols):
        m = np.flatnonzero(mask)
        _add(world, name, t[m], user[m], sess[m], **{k: v[m] for k, v in cols.items()})
        presses.append((t[m] + rng.integers(2 * SEC, 20 * SEC, len(m)), user[m], sess[m],
                        "signup_next"))

    all_ = np.ones(s["n"], bool)
    screen("screen_signup_date_of_birth", all_, start)
    email = np.isin(path, ["email_match", "email_no_match"])
    flow = np.where(path == "email_match", "dobMatchEmailSignup", "noDobMatchEmailSignup")
    screen("screen_signup_email", email, start + dur // 5, scene_flow_id=flow.astype(object))
    screen("screen_signup_group_id", path == "group_id", start + dur // 5)
    screen("screen_signup_employee_id", np.isin(path, ["group_id", "employee_id"]),
           start + 2 * dur // 5)
    back = s["back"] & np.isin(path, ["email_match", "email_no_match", "group_id"])
    screen("screen_signup_date_of_birth", back, start + dur // 2 - 10 * SEC)
    for warning in ("need_help", "invited_email_error", "unique_id_error", "unknown_error"):
        mask = (s["warning"] == warning) & (path != "none")
        screen(f"screen_info_warning_{warning}", mask, start + dur // 2)
        if warning == "need_help":
            m = np.flatnonzero(mask)
            presses.append((start[m] + dur[m] // 2 - 5 * SEC, anon[m], sess[m],
                            "signup_need_help"))
    done, end, user = s["signs_up"], s["end"], s["user"]
    screen("screen_new_profile", done, end - 3 * dur // 10, user)
    screen("screen_consent", done, end - dur // 10, user)
    m = np.flatnonzero(done)
    _add(world, "create_account_success", end[m], user[m], sess[m])
    world.events.add("patientapp.aliases", end[m], user[m], _sess=sess[m],
                     exprs={"previous_id": ANON_SQL})
    for t, u, ss, button in presses:
        _add(world, "log_button_press", t, u, ss, _id=button)


def _logins(world: WorldState, rng) -> None:
    """Logins on ~60 % of the days a patient posts (before the first post), plus random days."""
    j = world.episodes
    posts = j.posts
    patient = np.flatnonzero(posts["user_type"] == 0)
    user, t = posts["user"][patient], posts["t"][patient]
    day = utc_to_local(t) // DAY
    frame = pd.DataFrame(dict(user=user, day=day, t=t)).groupby(["user", "day"], sort=True).t.min()
    first_t = frame.to_numpy()
    users = frame.index.get_level_values(0).to_numpy()
    keep = rng.random(len(first_t)) < 0.6
    login_t = first_t[keep] - rng.integers(1 * MIN, 10 * MIN, keep.sum())
    login_user = users[keep]
    pe = world.people
    signed = pe[(pe.signup < world.start) & (pe.kind < 2)].uid.to_numpy()
    extra_n = len(signed) // 10 + 1
    extra_user = signed[rng.integers(0, max(len(signed), 1), extra_n)] if len(signed) else \
        login_user[:0]
    extra_t = world.start + rng.integers(0, world.world_end - world.start, len(extra_user))
    all_user = np.r_[login_user, extra_user].astype(np.int64)
    all_t = np.r_[login_t, extra_t]
    sess = mix64(all_user, world.seed + 901)
    _add(world, "login_fetch_complete", all_t, all_user, sess)
    _add(world, "log_button_press", all_t - rng.integers(3 * SEC, 30 * SEC, len(all_t)), all_user,
         sess, _id=full_obj(len(all_t), "login"))


def _post_context(world: WorldState, rng) -> None:
    """One submit_post_success per patient post (same user, second, episode and post id), with
    the device of the patient (one per patient)."""
    posts = world.episodes.posts
    patient = np.flatnonzero(posts["user_type"] == 0)
    user = posts["user"][patient].astype(np.int64)
    uniq, inverse = np.unique(user, return_inverse=True)
    shares = [p[0] for p in PLATFORMS]
    platform = rng.choice(len(PLATFORMS), size=len(uniq), p=shares)
    model_pick = rng.integers(0, 3, len(uniq))
    device = mix64(uniq, world.seed + 4242)
    lang = pd.Series(world.people.lang.to_numpy(), index=world.people.uid.to_numpy())
    locale = np.where(lang.reindex(uniq).fillna("en").to_numpy() == "fr", "fr-CA", "en-CA")
    cols: dict[str, list] = {k: [] for k in (
        "context_app_name", "context_app_bundle_id", "context_os_name",
        "context_device_manufacturer", "context_device_model", "context_screen_width",
        "context_screen_height")}
    for u in range(len(uniq)):
        _, app, bundle, os_name, maker, models, width, height = PLATFORMS[platform[u]]
        for key, value in zip(cols, (app, bundle, os_name, maker,
                                     models[model_pick[u] % len(models)], width, height)):
            cols[key].append(value)
    per_user = {k: np.asarray(v, dtype=object) for k, v in cols.items()}
    mobile = platform < 2
    os_version = np.where(platform == 0, "17.2", np.where(platform == 1, "14", None))
    at = (posts["t"][patient] // SEC) * SEC
    pid = 20_000_000 + patient
    world.events.add(
        "patientapp.submit_post_success", at, user, _sess=mix64(user, world.seed + 901),
        exprs={"anonymous_id": ANON_SQL,
               "context_device_id": "CASE WHEN _mobile THEN lower(to_hex(_dev)) END",
               "context_device_name": "CASE WHEN _mobile THEN 'device-' || "
                                      "lower(to_hex(_dev % 65536)) END",
               "context_user_agent": f"CASE WHEN _mobile THEN NULL ELSE '{USER_AGENT}' END"},
        channel_id=posts["ep"][patient], post_id=pid,
        _mobile=mobile[inverse], _dev=device[inverse],
        context_app_build=np.where(mobile[inverse], "2041", None).astype(object),
        context_app_version=np.where(mobile[inverse], "4.12.0", None).astype(object),
        context_locale=locale[inverse].astype(object), context_location_country="CA",
        context_os_version=os_version[inverse].astype(object),
        **{k: (v[inverse] if k not in ("context_screen_width", "context_screen_height")
               else v[inverse].astype(np.int64)) for k, v in per_user.items()})

"""Countdown, the intake questionnaires a patient fills in when an episode starts.

Segment: countdown.questionnaire_start, questionnaire_finish, questionnaire_resume,
question_reply, chief_complaint_parsed. Draws from the stream "episodes" between the arrival and
the care of the journey (catwalk.warehouse.episodes), which it reads. Segment's all-events
table of the source, countdown.tracks, is their union (`simulate_tracks`).

`simulate_detail` adds countdown detail: the questions the chatbot asks and the questionnaires paused by free text.

Segment: countdown.question_ask (one per reply of sources/countdown, a few seconds before it,
same `cd_q_tid` / `cd_q_id`; plus ~5 % of DXA instances with a question asked and never
answered) and countdown.questionnaire_pause (~4 % of DXA instances: the patient typed free text
while a question was asked). Draws from its own stream "countdown_detail"; reads the
questionnaire instances sources/countdown left on the journey (`questionnaires`).

`simulate_intake` adds more intake questionnaires (location serviceability, chief complaint,
emergency screening, DXA permission, with-you-shortly, paused) to questionnaire_start and
questionnaire_finish as their extension "intake" (stream "countdown_intake"; see
EventSink._frame: an extension is framed on its own, so no existing row changes).
"""

from __future__ import annotations

import numpy as np

from catwalk.warehouse.world import (
    MIN, SEC, RawTable, WorldState, choice, group_rank,
)

TOPICS = ["cold_flu", "skin", "prescription", "mental_health", "digestive", "pain", "other"]
TABLES = ("countdown.questionnaire_start", "countdown.questionnaire_finish",
          "countdown.questionnaire_resume", "countdown.question_reply",
          "countdown.chief_complaint_parsed")


class _Tid:
    """Countdown instance ids '<prefix><episode id>' kept as (prefix, episode ids), built in SQL."""

    SQL = "CAST(_tq AS VARCHAR) || CAST(_te AS VARCHAR)"

    def __init__(self, prefix: str, episodes: np.ndarray):
        self.prefix, self.episodes = prefix, np.asarray(episodes, dtype=np.int64)

    def __getitem__(self, index) -> "_Tid":
        return _Tid(self.prefix, self.episodes[index])

    def __len__(self) -> int:
        return len(self.episodes)

    def columns(self) -> dict[str, np.ndarray]:
        return {"_tq": self.prefix, "_te": self.episodes}


class _Questionnaires:
    """Questionnaire instances (started, finished, resumed) and replies, by episode position."""

    def __init__(self, episode_id: np.ndarray):
        self.episode_id = episode_id
        self.starts, self.finishes, self.resumes, self.replies = [], [], [], []

    def instance(self, mask, qnaire, t_start, t_finish, finished):
        m = np.flatnonzero(mask)
        tid = _Tid(f"{qnaire[:3]}_", self.episode_id[m])
        self.starts.append((t_start[m], m, qnaire, tid))
        f = finished[m]
        self.finishes.append((t_finish[m][f], m[f], qnaire, tid[f]))
        return m, tid

    def reply(self, m, tid, qnaire, q_id, t, items, values=None, value=None):
        self.replies.append(dict(t=t, m=m, cd_qnaire=qnaire, cd_qnaire_tid=tid, cd_q_id=q_id,
                                 items=items, values=values, value=value))  # cd_q_tid: in SQL


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("episodes")
    j = world.episodes
    q = _Questionnaires(j.episode_id)
    _greeting_and_reason(rng, j, q)
    dxa, dxa_start = _chief_complaint(world, rng, j, q)
    _channel_selection(rng, j, q, dxa, dxa_start)
    _cc_confirmation(rng, j, q, dxa, dxa_start)
    _emit(world, j.poster, j.episode_id, q)
    j.questionnaires = q  # read by sources/countdown_detail (asked questions, pauses)
    return {name: world.events.build(name) for name in TABLES}


def _quoted_list(values: np.ndarray) -> np.ndarray:
    """'["value"]' for each value (a reply's items), as objects."""
    return np.char.add(np.char.add('["', values.astype(str)), '"]').astype(object)


def _greeting_and_reason(rng, j, q: _Questionnaires) -> None:
    """Who the episode is for, then the topic (its question depends on the opening hours)."""
    n, t0 = j.n, j.t0
    all_, yes = np.ones(n, bool), np.ones(n, bool)
    m, tid = q.instance(all_, "top_level_greeting", t0 + 3 * SEC, t0 + 25 * SEC, yes)
    subj_values = np.where(j.someone_else, '["someone_else"]',
                           np.char.add(np.char.add('["', j.subject.astype(str)), '"]'))
    subj_items = np.where(j.someone_else, '["someone_else"]',
                          np.where(j.pick_child, '["my_child"]', '["myself"]'))
    q.reply(m, tid, "top_level_greeting", "episode_subject", t0[m] + 20 * SEC,
            subj_items[m].astype(object), subj_values[m].astype(object))
    m, tid = q.instance(all_, "episode_subject_and_reason", t0 + 30 * SEC, t0 + 50 * SEC, yes)
    topic_q = np.where(j.in_hours, np.where(rng.random(n) < 0.5, "chat_topic_full_scope",
                                            "chat_topic_closed"), "chat_topic_reduced_scope")
    topics = np.char.add(np.char.add('["', choice(rng, TOPICS, [5, 4, 3, 2, 2, 3, 2], n)
                                      .astype(str)), '"]')
    for question in ("chat_topic_full_scope", "chat_topic_closed", "chat_topic_reduced_scope"):
        sel = topic_q[m] == question
        q.reply(m[sel], tid[sel], "episode_subject_and_reason", question, t0[m][sel] + 45 * SEC,
                topics[m][sel].astype(object))


def _chief_complaint(world: WorldState, rng, j, q: _Questionnaires):
    """The chief complaint parse, then the DXA questionnaire (some resumed, a few twice)."""
    n, t0, episode_id = j.n, j.t0, j.episode_id
    parsed = rng.random(n) < 0.65
    pm = np.flatnonzero(parsed)
    world.events.add(
        "countdown.chief_complaint_parsed", t0[pm] + 55 * SEC, j.poster[pm],
        episode_id=episode_id[pm],
        cc_name=np.char.add("cc", rng.integers(1, 34, len(pm)).astype(str)).astype(object),
        cc_confidence=np.round(rng.uniform(0.2, 0.99, len(pm)), 3),
        confidence_threshold=np.full(len(pm), 0.5), optional=("confidence_threshold",))
    dxa = parsed & (rng.random(n) < 0.9)
    dxa_done = rng.random(n) < 0.85
    dxa_start = t0 + 60 * SEC + rng.integers(0, 30 * SEC, n)
    dxa_end = dxa_start + rng.integers(2 * MIN, 10 * MIN, n)
    m, tid = q.instance(dxa, "dxa", dxa_start, dxa_end, dxa_done)
    k_res = np.where(rng.random(len(m)) < 0.1, rng.integers(1, 3, len(m)), 0)
    gr, jr = group_rank(k_res)
    q.resumes.append((dxa_start[m][gr] + (jr + 1) * 40 * SEC, m[gr], "dxa", tid[gr]))
    # a second DXA instance for a few episodes
    again = dxa & (rng.random(n) < 0.03)
    m2 = np.flatnonzero(again)
    q.starts.append((dxa_end[m2] + MIN, m2, "dxa", _Tid("dx2_", episode_id[m2])))
    return dxa, (dxa_start, dxa_end)


def _channel_selection(rng, j, q: _Questionnaires, dxa, dxa_times) -> None:
    """The channel the patient prefers (chat, phone, video) and when."""
    n, t0 = j.n, j.t0
    chsel = rng.random(n) < 0.35
    cs_start = np.where(dxa, dxa_times[1], t0 + 60 * SEC) + 10 * SEC
    m, tid = q.instance(chsel, "channel_selection", cs_start, cs_start + 40 * SEC,
                        rng.random(n) < 0.95)
    chan = choice(rng, ["chat", "phone", "video"], [6, 2, 2], n)
    q.reply(m, tid, "channel_selection", "select_channel", cs_start[m] + 15 * SEC,
            _quoted_list(chan[m]), None, chan[m].astype(object))
    pref = choice(rng, ["asap", "later_today", "tomorrow"], [6, 3, 1], n)
    q.reply(m, tid, "channel_selection", "appointment_preference", cs_start[m] + 30 * SEC,
            _quoted_list(pref[m]), None, pref[m].astype(object))


def _cc_confirmation(rng, j, q: _Questionnaires, dxa, dxa_times) -> None:
    """The patient confirms (or not) the chief complaint the DXA found."""
    ccc = dxa & (rng.random(j.n) < 0.3)
    cc_t = dxa_times[0] + 40 * SEC
    m, tid = q.instance(ccc, "cc_confirmation", cc_t - 10 * SEC, cc_t + 10 * SEC,
                        np.ones(j.n, bool))
    label = np.where(rng.random(len(m)) < 0.2, "cc_confirmation_other",
                     np.char.add("cc", rng.integers(1, 34, len(m)).astype(str)))
    q.reply(m, tid, "cc_confirmation", "cc_confirmation", cc_t[m], _quoted_list(label))


def _emit(world: WorldState, poster, episode_id, q: _Questionnaires) -> None:
    ev = world.events
    for table, parts in (("countdown.questionnaire_start", q.starts),
                         ("countdown.questionnaire_finish", q.finishes),
                         ("countdown.questionnaire_resume", q.resumes)):
        for t, m, qnaire, tid in parts:
            ev.add(table, t, poster[m], channel_id=episode_id[m],
                   cd_qnaire=qnaire, **tid.columns(),
                   exprs={"cd_qnaire_tid": _Tid.SQL})
    for r in q.replies:
        m = r["m"]
        ev.add("countdown.question_reply", r["t"], poster[m], channel_id=episode_id[m],
               cd_qnaire=r["cd_qnaire"],
               **r["cd_qnaire_tid"].columns(), cd_q_id=r["cd_q_id"],
               exprs={"cd_qnaire_tid": _Tid.SQL,
                      "cd_q_tid": f"{_Tid.SQL} || '_' || CAST(cd_q_id AS VARCHAR)"},
               quetion_reply_items=r["items"], optional=("quetion_reply_value",),
               quetion_reply_values=r["values"], quetion_reply_value=r["value"])


TRACKED = ("countdown.chief_complaint_parsed", "countdown.question_reply",
           "countdown.questionnaire_finish", "countdown.questionnaire_resume",
           "countdown.questionnaire_start")  # the event tables countdown.tracks unions


def simulate_tracks(world: WorldState) -> dict[str, RawTable]:
    """countdown.tracks, Segment's all-events table: the union of the TRACKED events (a step after
    every other, before any table is built; see EventSink.tracks)."""
    return {"countdown.tracks": world.events.tracks("countdown.tracks", TRACKED)}
# -------------------- issue 18: simulate_detail (its own random stream) --------------------
DETAIL_TABLES = ("countdown.question_ask", "countdown.questionnaire_pause")
DXA_QUESTIONS = ["iQR_doul_endroits", "iQR_doul_intense", "iQR_debut_symptome__free",
                 "iQR_fievre__yn", "iQR_dyspn__yn"]


def simulate_detail(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("countdown_detail")
    j = world.episodes
    q = j.questionnaires
    ev = world.events
    tid_sql = {"cd_qnaire_tid": _Tid.SQL,
               "cd_q_tid": f"{_Tid.SQL} || '_' || CAST(cd_q_id AS VARCHAR)"}
    for r in q.replies:
        m = r["m"]
        ev.add("countdown.question_ask", r["t"] - rng.integers(2 * SEC, 15 * SEC, len(m)),
               j.poster[m], channel_id=j.episode_id[m], cd_qnaire=r["cd_qnaire"],
               **r["cd_qnaire_tid"].columns(), cd_q_id=r["cd_q_id"], exprs=tid_sql)
    for t, m, qnaire, tid in q.starts:
        if qnaire != "dxa" or tid.prefix != "dxa_":
            continue
        for share, table, delay in ((0.05, "countdown.question_ask", 50),
                                    (0.04, "countdown.questionnaire_pause", 30)):
            sel = np.flatnonzero(rng.random(len(m)) < share)
            question = choice(rng, DXA_QUESTIONS, [1] * len(DXA_QUESTIONS), len(sel))
            ev.add(table, t[sel] + delay * SEC, j.poster[m[sel]], channel_id=j.episode_id[m[sel]],
                   cd_qnaire="dxa", **tid[sel].columns(), cd_q_id=question, exprs=tid_sql)
    return {name: ev.build(name) for name in DETAIL_TABLES}


# -------------------- issue 18: simulate_intake (its own random stream) --------------------
INTAKE = "intake"  # the extension of countdown.questionnaire_start / _finish these events form


def simulate_intake(world: WorldState) -> dict[str, RawTable]:
    """More intake questionnaires, added to countdown.questionnaire_start and _finish as their
    extension "intake" (framed on their own: no existing row changes; not in countdown.tracks).

    - `location_serviceability` (~85 % of episodes): the app asks where the patient is when the
      conversation opens, from a few seconds before the first patient message to just after it
      (the first message answers it), so the episode's intake sequence starts with the greeting;
    - before the DXA of ~60 % of the DXA episodes: `chief_complaint` then `dxa_permission`, with
      `emergency_screening` between them for ~70 % of those (the DXA is then the 6th event of the
      intake sequence: greeting, subject and reason, chief complaint, screening, permission, DXA);
    - `with_you_shortly` (~30 % of episodes, after the intake) and `paused` (~5 % of the DXA
      instances, during the DXA): names the intake models leave out.
    Draws from its own stream "countdown_intake"; reads the journey and the questionnaire instances
    of sources/countdown.
    """
    rng = world.stream("countdown_intake")
    j = world.episodes
    q = j.questionnaires
    n, t0 = j.n, j.t0
    starts, finishes = [], []

    def instance(m, qnaire, prefix, t_start, t_finish):
        tid = _Tid(prefix, j.episode_id[m])
        starts.append((t_start, m, qnaire, tid))
        finishes.append((t_finish, m, qnaire, tid))

    m = np.flatnonzero(rng.random(n) < 0.85)
    instance(m, "location_serviceability", "loc_", t0[m] - rng.integers(2 * SEC, 8 * SEC, len(m)),
             t0[m] + rng.integers(1 * SEC, 2 * SEC, len(m)))
    dxa_start = np.full(n, -1, np.int64)
    for t, mq, qnaire, tid in q.starts:
        if qnaire == "dxa" and tid.prefix == "dxa_":
            dxa_start[mq] = t
    has_dxa = dxa_start >= 0
    pre = np.flatnonzero(has_dxa & (rng.random(n) < 0.6))
    screened = rng.random(len(pre)) < 0.7
    instance(pre, "chief_complaint", "chc_", t0[pre] + 51 * SEC, t0[pre] + 53 * SEC)
    sm = pre[screened]
    instance(sm, "emergency_screening", "ems_", t0[sm] + 54 * SEC, t0[sm] + 56 * SEC)
    instance(pre, "dxa_permission", "dxp_", t0[pre] + 57 * SEC, t0[pre] + 59 * SEC)
    later = np.where(has_dxa, dxa_start, t0 + 60 * SEC) + 12 * MIN
    wy = np.flatnonzero(rng.random(n) < 0.3)
    instance(wy, "with_you_shortly", "wys_", later[wy], later[wy] + 3 * SEC)
    pz = np.flatnonzero(has_dxa & (rng.random(n) < 0.05))
    instance(pz, "paused", "pau_", dxa_start[pz] + 30 * SEC, dxa_start[pz] + 32 * SEC)
    ev = world.events
    for table, parts in (("countdown.questionnaire_start", starts),
                         ("countdown.questionnaire_finish", finishes)):
        for t, mq, qnaire, tid in parts:
            ev.add(f"{table}#{INTAKE}", t, j.poster[mq], channel_id=j.episode_id[mq],
                   cd_qnaire=qnaire, **tid.columns(), exprs={"cd_qnaire_tid": _Tid.SQL})
    return {}

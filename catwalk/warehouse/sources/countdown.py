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

`simulate_answers` (stream "countdown_answers", before the all-events table) adds to
countdown.question_reply / questionnaire_start / questionnaire_finish: the patients' free-text
symptom descriptions, the detailed DXA answers (iQR_* questions) and the mental-health
questionnaires (stress, PHQ-9, GAD-7); the raw values are listed above `simulate_answers`. The
chief complaint parsed for an episode, its symptom description and its DXA differential diagnosis
are functions of the episode id, so the synthetic seeds data_dxa_dx.csv and
data_dxa_cc_classifier_data_validated.csv (`write_dxa_seeds`) agree with every world.

`simulate_intake` adds more intake questionnaires (location serviceability, chief complaint,
emergency screening, DXA permission, with-you-shortly, paused) to questionnaire_start and
questionnaire_finish as their extension "intake" (stream "countdown_intake"; see
EventSink._frame: an extension is framed on its own, so no existing row changes).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.world import (
    DAY, MIN, SEC, RawTable, WorldState, choice, full_obj, group_rank, mix64, ts_col,
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
        cc_name=_parsed_cc(rng.integers(1, 34, len(pm)), episode_id[pm]),
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


def _parsed_cc(drawn, episode_id) -> np.ndarray:
    """The chief complaint parsed: a function of the episode id (chief_complaint_of), so the
    synthetic DXA seeds agree with every world; `drawn` (the former draw) keeps the stream's
    draws in place."""
    assert len(drawn) == len(episode_id)
    return chief_complaint_of(episode_id)


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
        # a question asked and never answered (~5 %); a question asked, then the patient typed
        # free text instead of answering (~4 %: the questionnaire pauses on it). Their names are
        # never among the DXA questions answered (simulate_answers).
        for share, tables, delay in ((0.05, ("countdown.question_ask",), 50),
                                     (0.04, ("countdown.question_ask",
                                             "countdown.questionnaire_pause"), 30)):
            sel = np.flatnonzero(rng.random(len(m)) < share)
            question = choice(rng, UNANSWERED_DXA_QUESTIONS, [1] * len(UNANSWERED_DXA_QUESTIONS),
                              len(sel))
            for table in tables:
                ask = table == "countdown.question_ask" and len(tables) == 2
                ev.add(table, t[sel] + (delay - 5 * ask) * SEC, j.poster[m[sel]],
                       channel_id=j.episode_id[m[sel]], cd_qnaire="dxa", **tid[sel].columns(),
                       cd_q_id=question, exprs=tid_sql)
    return {name: ev.build(name) for name in DETAIL_TABLES}


# ------------------ issue 18: simulate_answers (own stream "countdown_answers") ------------------
#
# Raw values written (countdown.question_reply; cd_q_tid = cd_qnaire_tid || '_' || cd_q_id):
#
# * symptoms (~70 % of episodes, 2-4 s before the chief-complaint parse): questionnaire
#   `chief_complaint` (80 %), `ask_symptoms` (10 %), `feeling_sick` (7 %) or `chronic` (3 %),
#   instance `<first 3 letters>_<episode>`; question `symptoms`; quetion_reply_value = the free
#   text (English or French by the patient's language; optional: NULL in ~1 %), items/values NULL.
# * DXA (every `dxa` instance, `dxa_<episode>` and the second instances `dx2_<episode>`): 8-25
#   questions between the start and the finish (unfinished instances: the first ones only), ids:
#   - `iQR_doul_endroits` (~60 %): items '["iqr_doul_endroits__<abdo|headface|tho|backbutt|limbs>"]'
#   - `iQR_doul_intense` (with every doul_endroits): items '["iqr_doul_intense__<0..10>"]'
#   - `iQR_debut_symptome__free` (~90 %): items '["iqr_debut_symptome__free"]',
#     quetion_reply_value = the duration typed ('3 days', 'depuis hier', ...)
#   - `iQR_ddm__free` (~35 %, last menstrual period): items '["iqr_ddm__free"]', value = free text
#   - booleans `iQR_<symptom>__yn` (the rest): the dangerous symptoms of the instance's CC in
#     seeds/data_dxa_dangerous_symptoms_by_cc.csv (those without a space) and GENERIC_SYMPTOMS;
#     items '["yes"]' / '["no"]'; a dangerous symptom is answered yes in ~2 %, a generic one ~25 %.
#   The CC of an instance is the chief complaint parsed for its episode (`chief_complaint_of`).
# * mental health (episodes of issue type psy-pilot, psy and psyp), each answer
#   quetion_reply_values '[<n>]', items '["<n>"]', and
#   ~3 % unanswered items '[null]' / '[null]':
#   - `stress` (~70 % of psy-pilot episodes, instance `str_<episode>`), questions `q1`...`q8`,
#     values 0-4 (q1-q2 depression, q3-q4 anxiety, q5-q8 stress, as countdown_question_replied
#     categorises them);
#   - `phq9` (instance `phq_<episode>` at intake of ~85 % of the psy-pilot and ~50 % of the
#     psy / psyp episodes; follow-ups `ph1_`, `ph3_`, `ph6_<episode>` in
#     the same conversation about 1, 3 and 6 months later for ~40 % of the patients, scores
#     trending down), questions `phq_9_q1`...`phq_9_q9` (0-3) and the unscored `phq_9_q11`;
#   - `gad7` (instance `gad_<episode>`, right after the intake PHQ-9), `gad_7_q1`...`gad_7_q7`
#     (0-3) and the unscored `gad_7_q8`.
#   ~5 % of the instances stop before the end (no questionnaire_finish, the first items only).
#   Ground truth: catwalk_generator.countdown_mental_health (one row per instance).
#
# The chief complaint, the symptom description and the DXA differential diagnosis of an episode
# are functions of its id (`chief_complaint_of`, `symptom_description`, `dxa_dx_export_rows`),
# not of a stream, so the synthetic seeds data_dxa_dx.csv and
# data_dxa_cc_classifier_data_validated.csv (written by `write_dxa_seeds`) hold for every world:
# they cover the episode ids EXPORT_EPISODES (the demo scale's), like the original's one-off
# export.

EXPORT_EPISODES = (1_000_000, 1_005_000)
CC_WEIGHTS = {"cc24": 9, "cc1": 8, "cc3": 5, "cc12": 4, "cc26": 3, "cc2": 3, "cc7": 3, "cc4": 3,
              "cc9": 2.5, "cc10": 2, "cc13": 2, "cc19": 2}
CC_CODES = [f"cc{i}" for i in range(1, 34)]
SALT = dict(cc=91_001, sym=91_002, sym_q=91_003, text=91_004, dur=91_005, extra=91_006,
            dx=91_007, dx_n=91_008, dx_s=91_009, label=91_010, other=91_011, manager=91_012,
            pick=91_013)
SYMPTOM_QNAIRES = ["chief_complaint", "ask_symptoms", "feeling_sick", "chronic"]
SYMPTOM_QNAIRE_SHARES = [0.80, 0.10, 0.07, 0.03]
PHRASES = {  # per chief complaint: (English, French) descriptions the patients write
    "cc1": (["sharp pain in my side", "pain in my shoulder"],
            ["douleur au côté", "mal à l'épaule"]),
    "cc2": (["fever and chills", "high fever"], ["fièvre et frissons", "forte fièvre"]),
    "cc3": (["dry cough", "cough with phlegm"], ["toux sèche", "toux grasse"]),
    "cc4": (["sore throat and fever", "throat hurts when I swallow"],
            ["mal de gorge et fièvre", "mal en avalant"]),
    "cc5": (["stuffy nose", "blocked sinuses"], ["nez bouché", "sinus congestionnés"]),
    "cc6": (["ear pain", "my ear is blocked"], ["mal d'oreille", "oreille bouchée"]),
    "cc7": (["red rash on my arms", "itchy skin rash"], ["plaques rouges sur les bras",
                                                          "éruption qui pique"]),
    "cc8": (["red itchy eye", "blurry vision"], ["oeil rouge qui pique", "vision embrouillée"]),
    "cc9": (["bad headache", "migraine"], ["gros mal de tête", "migraine"]),
    "cc10": (["nausea and vomiting", "throwing up"], ["nausées et vomissements", "je vomis"]),
    "cc11": (["diarrhea", "loose stools"], ["diarrhée", "selles liquides"]),
    "cc12": (["stomach pain", "cramps in my belly"], ["mal de ventre", "crampes au ventre"]),
    "cc13": (["burning when I pee", "urinary infection"], ["brûlure en urinant",
                                                            "infection urinaire"]),
    "cc14": (["vaginal itching", "irregular periods"], ["démangeaisons vaginales",
                                                         "règles irrégulières"]),
    "cc15": (["question about the pill", "need contraception"], ["question sur la pilule",
                                                                  "besoin de contraception"]),
    "cc16": (["follow up on my blood pressure", "follow up for diabetes"],
             ["suivi de ma pression", "suivi du diabète"]),
    "cc17": (["questions about my blood test", "lab results"], ["questions sur ma prise de sang",
                                                                 "résultats de laboratoire"]),
    "cc18": (["need a prescription renewal", "out of my medication"],
             ["renouvellement d'ordonnance", "plus de médicaments"]),
    "cc19": (["feeling anxious", "stressed at work"], ["je me sens anxieux", "stress au travail"]),
    "cc20": (["feeling down", "no motivation"], ["je me sens déprimé", "aucune motivation"]),
    "cc21": (["can't sleep", "insomnia"], ["je ne dors pas", "insomnie"]),
    "cc22": (["seasonal allergies", "sneezing and itchy eyes"],
             ["allergies saisonnières", "éternuements et yeux qui piquent"]),
    "cc23": (["twisted my ankle", "cut on my hand"],
             ["entorse à la cheville", "coupure à la main"]),
    "cc24": (["lower back pain", "back pain after lifting"], ["mal dans le bas du dos",
                                                               "mal de dos après un effort"]),
    "cc25": (["knee pain", "swollen wrist"], ["mal au genou", "poignet enflé"]),
    "cc26": (["bitten by a dog", "insect bite that is swollen"], ["morsure de chien",
                                                                   "piqûre d'insecte enflée"]),
    "cc27": (["vaccines for a trip", "travelling next month"], ["vaccins pour un voyage",
                                                                 "voyage le mois prochain"]),
    "cc28": (["flu shot question", "vaccine booster"], ["question sur le vaccin de la grippe",
                                                        "rappel de vaccin"]),
    "cc29": (["toothache", "swollen gum"], ["mal de dents", "gencive enflée"]),
    "cc30": (["always tired", "no energy"], ["toujours fatigué", "pas d'énergie"]),
    "cc31": (["dizzy when I stand up", "feeling lightheaded"], ["étourdi en me levant",
                                                                 "tête qui tourne"]),
    "cc32": (["heart racing", "palpitations"], ["coeur qui bat vite", "palpitations"]),
    "cc33": (["general question", "not sure what I have"], ["question générale",
                                                             "je ne sais pas ce que j'ai"]),
}
DURATIONS = (["since yesterday", "for 3 days", "since Monday", "for a week", "since this morning",
              "for two weeks"],
             ["depuis hier", "depuis 3 jours", "depuis lundi", "depuis une semaine",
              "depuis ce matin", "depuis deux semaines"])
EXTRAS = (["", " and it is getting worse", " and a bit of fever", " and I can't sleep"],
          ["", " et ça empire", " et un peu de fièvre", " et je ne dors pas"])
DIAGNOSES = {  # per chief complaint: the differential diagnoses the DXA ranks
    "cc1": ["tendinite", "entorse", "contusion", "fracture radius distal", "douleur musculaire"],
    "cc2": ["syndrome viral", "influenza", "pharyngite", "pyelonephrite", "otite moyenne"],
    "cc3": ["infection voies respiratoires sup", "bronchite", "pneumonie", "asthme", "coqueluche"],
    "cc4": ["pharyngite virale", "pharyngite streptococcique", "mononucleose", "amygdalite"],
    "cc7": ["dermatite de contact", "eczema", "urticaire", "zona", "impetigo"],
    "cc9": ["cephalee de tension", "migraine", "sinusite", "cephalee medicamenteuse"],
    "cc10": ["gastroenterite", "intoxication alimentaire", "gastrite", "grossesse"],
    "cc12": ["gastroenterite", "syndrome intestin irritable", "appendicite", "colique biliaire",
             "reflux gastro-oesophagien"],
    "cc13": ["cystite", "pyelonephrite", "urethrite", "lithiase renale"],
    "cc24": ["lombalgie mecanique", "entorse lombaire", "sciatalgie", "hernie discale",
             "colique nephretique"],
    "cc26": ["piqure insecte", "cellulite", "reaction allergique locale", "morsure animal"],
}
GENERIC_DIAGNOSES = ["syndrome viral", "anxiete", "autre", "consultation conseil", "fatigue"]
PAIN_LOCATIONS = ["abdo", "headface", "tho", "backbutt", "limbs"]
GENERIC_SYMPTOMS = ["fievre", "toux", "nausee", "vomit", "diarrhee", "cephalee", "frissons",
                    "fatigue", "rhinorrhee", "odynophagie", "eruption", "prurit", "douleur_urine",
                    "perte_appetit", "myalgie", "vertige"]
UNANSWERED_DXA_QUESTIONS = ["iQR_traitement__free", "iQR_allergies__yn", "iQR_doul_irradie",
                            "iQR_medication__free", "iQR_antecedents__yn"]


def _unit(values, salt: int) -> np.ndarray:
    """A uniform [0, 1) number per value, a fixed function of the value (no stream)."""
    return (mix64(np.asarray(values, dtype=np.int64), salt) >> np.uint64(11)).astype(
        np.float64) / float(1 << 53)


def _pick(values, salt: int, options: list, shares=None) -> np.ndarray:
    """A fixed choice among `options` (shares: their probabilities) per value."""
    u = _unit(values, salt)
    shares = np.full(len(options), 1 / len(options)) if shares is None else np.asarray(shares)
    idx = np.minimum(np.searchsorted(np.cumsum(shares) / np.sum(shares), u, side="right"),
                     len(options) - 1)
    return np.asarray(options, dtype=object)[idx]


def chief_complaint_of(episode_id) -> np.ndarray:
    """The chief complaint ('cc1'...'cc33') of episodes: what the parse finds and the DXA asks
    about (a function of the episode id)."""
    weights = [CC_WEIGHTS.get(cc, 1.0) for cc in CC_CODES]
    return _pick(episode_id, SALT["cc"], CC_CODES, weights)


def symptom_description(episode_id, french) -> np.ndarray:
    """The free text a patient writes to describe the symptoms of the episode's chief complaint."""
    episode_id = np.asarray(episode_id, dtype=np.int64)
    french = np.asarray(french, dtype=bool)
    cc = chief_complaint_of(episode_id)
    phrase_i = (_unit(episode_id, SALT["text"]) * 2).astype(int)
    dur_i = (_unit(episode_id, SALT["dur"]) * len(DURATIONS[0])).astype(int)
    extra_i = (_unit(episode_id, SALT["extra"]) * len(EXTRAS[0])).astype(int)
    out = np.empty(len(episode_id), dtype=object)
    for k in range(len(episode_id)):
        lang = int(french[k])
        out[k] = (f"{PHRASES[cc[k]][lang][phrase_i[k]]} {DURATIONS[lang][dur_i[k]]}"
                  f"{EXTRAS[lang][extra_i[k]]}")
    return out


def has_symptoms_reply(episode_id) -> np.ndarray:
    return _unit(episode_id, SALT["sym"]) < 0.7


def dxa_dx_export_rows() -> list[dict[str, str]]:
    """Rows of seeds/data_dxa_dx.csv: for ~60 % of the DXA instances `dxa_<episode>` of the
    episodes EXPORT_EPISODES, the instance's chief complaint and 1-5 ranked differential
    diagnoses 'label|score' (scores decreasing, later ones empty)."""
    episodes = np.arange(*EXPORT_EPISODES)
    episodes = episodes[_unit(episodes, SALT["dx"]) < 0.6]
    cc = chief_complaint_of(episodes)
    n_dx = 1 + (_unit(episodes, SALT["dx_n"]) * 5).astype(int)
    rows = []
    for k, episode in enumerate(episodes):
        labels = DIAGNOSES.get(cc[k], GENERIC_DIAGNOSES)
        start = int(_unit([episode], SALT["dx_s"])[0] * len(labels))
        score = 4.0 + 4.0 * float(_unit([episode], SALT["dx_s"] + 1)[0])
        row = {"qnaire_tid": f"dxa_{episode}", "cc": cc[k]}
        for i in range(5):
            if i < min(n_dx[k], len(labels)):
                row[f"dx_{i + 1}"] = f"{labels[(start + i) % len(labels)]}|{score:.4f}"
                score *= 0.35 + 0.4 * float(_unit([episode], SALT["dx_s"] + 2 + i)[0])
            else:
                row[f"dx_{i + 1}"] = ""
        rows.append(row)
    return rows


def cc_classifier_validated_rows() -> list[dict[str, str]]:
    """Rows of seeds/data_dxa_cc_classifier_data_validated.csv: ~300 synthetic symptom
    descriptions (both languages of ~150 episodes of EXPORT_EPISODES with a symptoms reply, so
    the patient's language of any world matches one) labelled with a chief complaint by a
    physician: the parse's chief complaint in ~80 %, another one otherwise; a shift-manager label
    on ~18 %; the patient label always empty. Descriptions are unique."""
    episodes = np.arange(*EXPORT_EPISODES)
    episodes = episodes[has_symptoms_reply(episodes) & (_unit(episodes, SALT["pick"]) < 0.045)]
    cc = chief_complaint_of(episodes)
    other = _pick(episodes, SALT["other"], CC_CODES)
    label = np.where(_unit(episodes, SALT["label"]) < 0.8, cc, other)
    manager = np.where(_unit(episodes, SALT["manager"]) < 0.18, cc, "")
    rows, seen = [], set()
    for french in (False, True):
        text = symptom_description(episodes, np.full(len(episodes), french))
        for k, episode in enumerate(episodes):
            if text[k] in seen:
                continue
            seen.add(text[k])
            rows.append({"descript": text[k], "doctor_label": label[k], "patient_label": "",
                         "episode_id": str(episode), "shift_manager_label": manager[k]})
    return rows


def write_dxa_seeds() -> None:
    """Rewrite the two synthetic DXA seeds from the functions above
    (`.venv/bin/python -c "from catwalk.warehouse.sources.countdown import write_dxa_seeds;
    write_dxa_seeds()"`; tests/countdown/test_countdown_answers.py checks they agree)."""
    import csv

    from catwalk.warehouse.seeds import SEEDS

    for name, rows, columns in (
            ("data_dxa_dx", dxa_dx_export_rows(),
             ["qnaire_tid", "cc", "dx_1", "dx_2", "dx_3", "dx_4", "dx_5"]),
            ("data_dxa_cc_classifier_data_validated", cc_classifier_validated_rows(),
             ["descript", "doctor_label", "patient_label", "episode_id", "shift_manager_label"])):
        with open(SEEDS / f"{name}.csv", "w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


def _dangerous_symptoms() -> dict[str, list[str]]:
    from catwalk.warehouse.seeds import _rows

    out: dict[str, list[str]] = {}
    for row in _rows("data_dxa_dangerous_symptoms_by_cc"):
        if " " not in row["symptom"]:
            out.setdefault(row["cc_code"], []).append(row["symptom"])
    return out


def simulate_answers(world: WorldState) -> dict[str, RawTable]:
    """Symptom descriptions, detailed DXA answers and the mental-health questionnaires (see the
    comment above); adds to the Countdown event tables of sources/countdown (not built yet) and to
    the journey's questionnaires, so sources/countdown_detail asks their questions too."""
    rng = world.stream("countdown_answers")
    j = world.episodes
    q = _Questionnaires(j.episode_id)
    _symptoms(j, q)
    _dxa_answers(rng, j, q)
    world.truth["countdown_mental_health"] = _mental_health(world, rng, j, q)
    _emit(world, j.poster, j.episode_id, q)
    for name in ("starts", "finishes", "resumes", "replies"):
        getattr(j.questionnaires, name).extend(getattr(q, name))
    return {}


def _symptoms(j, q: _Questionnaires) -> None:
    """The patient describes the symptoms in their own words before the chief-complaint parse."""
    has = has_symptoms_reply(j.episode_id)
    qnaire = _pick(j.episode_id, SALT["sym_q"], SYMPTOM_QNAIRES, SYMPTOM_QNAIRE_SHARES)
    text = symptom_description(j.episode_id, j.lang == "fr")
    for name in SYMPTOM_QNAIRES:
        sel = has & (qnaire == name)
        m, tid = q.instance(sel, name, j.t0 + 51 * SEC, j.t0 + 54 * SEC, np.ones(j.n, bool))
        q.reply(m, tid, name, "symptoms", j.t0[m] + 53 * SEC, None, None, text[m])


def _dxa_answers(rng, j, q_new: _Questionnaires) -> None:
    """The DXA questions answered in each DXA instance (8-25, names and values above)."""
    q = j.questionnaires
    finish = {}
    for t, m, qnaire, tid in q.finishes:
        if qnaire == "dxa":
            finish.update(zip(tid.episodes.tolist(), t.tolist()))
    dangerous = _dangerous_symptoms()
    symptoms = sorted({s for v in dangerous.values() for s in v} | set(GENERIC_SYMPTOMS))
    generic = np.isin(symptoms, GENERIC_SYMPTOMS)
    by_cc = np.array([[generic[i] or s in dangerous.get(cc, ()) for i, s in enumerate(symptoms)]
                      for cc in CC_CODES], dtype=bool)  # (chief complaint, symptom) asked
    for t, m, qnaire, tid in list(q.starts):
        if qnaire != "dxa":
            continue
        n = len(m)
        done = np.array([e in finish for e in tid.episodes.tolist()], dtype=bool)
        end = np.array([finish.get(e, -1) for e in tid.episodes.tolist()], dtype=np.int64)
        end = np.where(done, end, t + rng.integers(2 * MIN, 9 * MIN, n))
        cc = chief_complaint_of(j.episode_id[m])
        pain = rng.random(n) < 0.6
        onset = rng.random(n) < 0.9
        ddm = rng.random(n) < 0.35
        k = rng.integers(8, 26, n)
        n_bool = np.maximum(k - 2 * pain - onset - ddm, 1)
        # the boolean questions: the CC's dangerous symptoms first in random order, then generic
        allowed = by_cc[np.array([CC_CODES.index(c) for c in cc], dtype=np.int64).reshape(-1)]
        keys = (rng.random((n, len(symptoms))) + np.where(allowed, 0.0, 2.0)
                + np.where(generic, 0.5, 0.0))
        order = np.argsort(keys, axis=1)
        n_bool = np.minimum(n_bool, allowed.sum(axis=1))
        gb, rb = group_rank(n_bool)
        sym = np.asarray(symptoms, dtype=object)[order[gb, rb]]
        is_generic = np.isin(sym, GENERIC_SYMPTOMS)
        yes = rng.random(len(gb)) < np.where(is_generic, 0.25, 0.02)
        rows = [(gb, np.char.add(np.char.add("iQR_", sym.astype(str)), "__yn").astype(object),
                 np.where(yes, '["yes"]', '["no"]').astype(object), None)]
        p = np.flatnonzero(pain)
        where = np.asarray(PAIN_LOCATIONS, dtype=object)[rng.integers(0, 5, len(p))]
        intensity = rng.integers(0, 11, len(p))
        rows.append((p, full_obj(len(p), "iQR_doul_endroits"),
                     _quoted_list(np.char.add("iqr_doul_endroits__", where.astype(str))), None))
        rows.append((p, full_obj(len(p), "iQR_doul_intense"),
                     _quoted_list(np.char.add("iqr_doul_intense__", intensity.astype(str))), None))
        o = np.flatnonzero(onset)
        french = j.lang[m[o]] == "fr"
        dur = rng.integers(0, len(DURATIONS[0]), len(o))
        rows.append((o, full_obj(len(o), "iQR_debut_symptome__free"),
                     full_obj(len(o), '["iqr_debut_symptome__free"]'),
                     np.where(french, np.asarray(DURATIONS[1], dtype=object)[dur],
                              np.asarray(DURATIONS[0], dtype=object)[dur])))
        d = np.flatnonzero(ddm)
        weeks = rng.integers(1, 6, len(d))
        rows.append((d, full_obj(len(d), "iQR_ddm__free"), full_obj(len(d), '["iqr_ddm__free"]'),
                     np.char.add(weeks.astype(str), " weeks ago").astype(object)))
        inst = np.concatenate([r[0] for r in rows])
        q_id = np.concatenate([r[1] for r in rows])
        items = np.concatenate([r[2] for r in rows])
        value = np.concatenate([r[3] if r[3] is not None else full_obj(len(r[0]), None)
                                for r in rows])
        # order within the instance: pain first, then onset, booleans, period; shuffled a little
        pos = np.concatenate([rb + 3, np.zeros(len(p)), np.ones(len(p)), np.full(len(o), 2),
                              np.full(len(d), 100)]) + rng.random(len(inst)) * 0.5
        srt = np.lexsort((pos, inst))
        inst, q_id, items, value, pos = inst[srt], q_id[srt], items[srt], value[srt], pos[srt]
        _, rank = group_rank(np.bincount(inst, minlength=n))
        total = np.bincount(inst, minlength=n)
        # unfinished instances: only the first 30-90 % of the questions are answered
        keep_share = np.where(done, 1.0, rng.uniform(0.3, 0.9, n))
        keep = rank < np.ceil(total * keep_share)[inst]
        reply_t = t[inst] + ((rank + 1) * (end[inst] - t[inst]) // (total[inst] + 1))
        for qid in np.unique(q_id[keep]):  # one part per question (cd_q_id a constant)
            sel = keep & (q_id == qid)
            q_new.reply(m[inst[sel]], tid[inst[sel]], "dxa", qid, reply_t[sel], items[sel],
                        None, value[sel])


MH_QUESTIONNAIRES = {  # name: (scored item ids, unscored item ids, highest answer)
    "stress": ([f"q{i}" for i in range(1, 9)], [], 4),
    "phq9": ([f"phq_9_q{i}" for i in range(1, 10)], ["phq_9_q11"], 3),
    "gad7": ([f"gad_7_q{i}" for i in range(1, 8)], ["gad_7_q8"], 3),
}
PHQ9_FOLLOW_UPS = (("ph1_", 30, 7, 0.8), ("ph3_", 90, 14, 0.65), ("ph6_", 180, 28, 0.5))


def _mental_health(world: WorldState, rng, j, q: _Questionnaires) -> pd.DataFrame:
    """Stress, PHQ-9 and GAD-7 questionnaires of mental-health episodes; returns the ground truth
    (one row per instance: answered scored items, their sum, finished or not)."""
    n, t0 = j.n, j.t0
    issue = j.issue.astype(str)
    pilot = issue == "psy-pilot"
    psy = np.isin(issue, ["psy", "psyp"])
    severity = rng.uniform(0.15, 0.85, n)  # the patient's share of the highest answers
    truth = []
    stress = pilot & (rng.random(n) < 0.7)
    truth.append(_mh_instance(rng, j, q, stress, "stress", "str_", t0 + 2 * MIN, severity))
    intake = (pilot & (rng.random(n) < 0.85)) | (psy & (rng.random(n) < 0.5))
    truth.append(_mh_instance(rng, j, q, intake, "phq9", "phq_", t0 + 5 * MIN, severity))
    truth.append(_mh_instance(rng, j, q, intake, "gad7", "gad_", t0 + 9 * MIN, severity))
    follow = intake & (rng.random(n) < 0.4)
    for prefix, days, spread, trend in PHQ9_FOLLOW_UPS:
        at = t0 + (days + rng.integers(-spread, spread + 1, n)) * DAY + rng.integers(0, 8, n) * \
            3600 * SEC
        again = follow & (rng.random(n) < 0.9) & (at < world.world_end - 20 * MIN)
        truth.append(_mh_instance(rng, j, q, again, "phq9", prefix, at, severity * trend))
    return pd.concat(truth, ignore_index=True)


def _mh_instance(rng, j, q: _Questionnaires, mask, qnaire, prefix, start, severity):
    """One instance per episode of `mask`: items 15 s apart, ~3 % unanswered ('[null]'), ~5 % of
    the instances stopped before the end (no finish event, the first items only)."""
    scored, unscored, top = MH_QUESTIONNAIRES[qnaire]
    items = scored + unscored
    m = np.flatnonzero(mask)
    k = len(m)
    stops = rng.random(k) < 0.05
    answered = np.where(stops, rng.integers(1, len(items), k), len(items))
    finish = start[m] + (len(items) + 1) * 15 * SEC
    tid = _Tid(prefix, j.episode_id[m])
    q.starts.append((start[m], m, qnaire, tid))
    q.finishes.append((finish[~stops], m[~stops], qnaire, tid[~stops]))
    count = np.zeros(k, np.int64)
    total = np.zeros(k, np.int64)
    for i, item in enumerate(items):
        sel = np.flatnonzero(answered > i)
        value = rng.binomial(top, np.clip(severity[m[sel]], 0, 1))
        null = rng.random(len(sel)) < 0.03
        text = np.where(null, "null", value.astype(str))
        q.reply(m[sel], tid[sel], qnaire, item, start[m[sel]] + (i + 1) * 15 * SEC,
                np.char.add(np.char.add("[", np.where(null, "null", np.char.add(
                    np.char.add('"', text), '"'))), "]").astype(object),
                np.char.add(np.char.add("[", text), "]").astype(object))
        if item in scored:
            count[sel] += ~null
            total[sel] += np.where(null, 0, value)
    return pd.DataFrame(dict(
        qnaire=qnaire, qnaire_tid=np.char.add(prefix, j.episode_id[m].astype(str)),
        episode_id=j.episode_id[m].astype(str), user_id=j.poster[m].astype(str),
        started_at=ts_col(start[m]), is_completed=~stops, scored_answers=count, score=total,
        is_test_user=j.is_test[m]))


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

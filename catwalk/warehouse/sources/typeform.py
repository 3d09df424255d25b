"""Typeform (custom extract): the HR admins' post-onboarding survey and the decision makers' NPS.

Extract tables: typeform.questions (question id, title, form title) and typeform.responses (one
row per response and question). An HR admin (the organization's first employee) of ~60 % of the
organizations answers the post-onboarding survey (English or French form by the organization's
language) 30 to 100 days after the organization was created; the hidden field is
`{"user_id": "<admin>", "org_id": "<org>"}`, without `org_id` for the organizations whose id is a
multiple of 5 (the form did not capture it yet: the seed data_typeform_organization_mapping
back-fills them, response id `onb_<org>`). A decision maker of ~30 % of the organizations answers
the NPS form (0-10) once a quarter. Draws from its own stream "typeform".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from catwalk.warehouse.world import (
    DAY, HOUR, MIN, RawTable, WorldState, replica_time, state_table, ts_col,
)

ONBOARDING = {  # language: (form title, [(question id, type, title)])
    "en": ("Post-Onboarding survey", [
        ("ZLkkdqEuAthg", "short_text", "What is your name?"),
        ("K2E9T8kHiuJh", "email", "What is your work email?"),
        ("DggGJwmci4M6", "multiple_choice", "Who was your onboarding specialist?"),
        ("pGq1overallEN", "opinion_scale", "How satisfied are you with the onboarding?"),
        ("pGq2commsEN", "opinion_scale", "How clear was the communication material?"),
        ("pGq3launchEN", "opinion_scale", "How smooth was the launch for your employees?"),
        ("pGq4channelsEN", "multiple_choice", "Which channels did you use to announce Dialogue?"),
        ("pGq5commentEN", "long_text", "Any other comments?")]),
    "fr": ("Sondage de satisfaction suite au lancement", [
        ("67870899", "short_text", "Quel est votre nom?"),
        ("67870887", "email", "Quel est votre courriel?"),
        ("HVzuTJLk2v7d", "multiple_choice", "Qui etait votre specialiste du lancement?"),
        ("pGq1overallFR", "opinion_scale", "Etes-vous satisfait du lancement?"),
        ("pGq2commsFR", "opinion_scale", "Le materiel de communication etait-il clair?"),
        ("pGq3launchFR", "opinion_scale", "Le lancement s'est-il bien passe pour vos employes?"),
        ("pGq4channelsFR", "multiple_choice", "Quels canaux avez-vous utilises?"),
        ("pGq5commentFR", "long_text", "Autres commentaires?")]),
}
NPS = {"en": ("Decision maker NPS", "Zj5euVUa95Gn"), "fr": ("NPS decideurs", "67871435")}
NPS_TITLE = "How likely are you to recommend Dialogue to a colleague?"
CHANNELS = ["Email", "Intranet", "Posters", "Town hall"]
SPECIALISTS = ["Camille Roy", "Jordan Lee"]


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("typeform")
    questions = [(qid, title, form) for form, qs in ONBOARDING.values() for qid, _, title in qs]
    questions += [(qid, NPS_TITLE, form) for form, qid in NPS.values()]
    qdf = pd.DataFrame(questions, columns=["id", "title", "form_title"])
    rows = _onboarding(world, rng) + _nps(world, rng)
    df = pd.DataFrame(rows)
    submitted = df.pop("_t").to_numpy(np.int64)
    df["form_submitted_at"] = ts_col(submitted)
    df["form_landed_at"] = ts_col(submitted - 4 * MIN)
    first_seen = world.start - 400 * DAY
    return {"typeform.questions": state_table("typeform.questions", qdf, ("id",),
                                              np.full(len(qdf), first_seen)),
            "typeform.responses": state_table("typeform.responses", df,
                                              ("response_id", "question_id"),
                                              replica_time(submitted, rng))}


def _admins(world: WorldState) -> pd.DataFrame:
    """Each organization with its first employee (the HR admin / decision maker) and language."""
    pe = world.people
    first = pe[pe.kind == 0].sort_values(["org", "uid"]).drop_duplicates("org")
    org = world.org.merge(first[["org", "uid"]], left_on="id", right_on="org")
    org["lang"] = np.where(org.pref.str.startswith("french") | (org.pref ==
                                                                "bilingual-french-english"),
                           "fr", "en")
    return org


def _answer(qid: str, qtype: str, rng, admin: int, lang: str) -> dict:
    row = dict(question_id=qid, question_type=qtype, form_score=None, choices_answer=None,
               choice_answer=None, free_text_answer=None, number_answer=None, boolean_answer=None)
    if qtype == "opinion_scale":
        row.update(answer_type="number", number_answer=float(rng.integers(5, 11)))
    elif qtype == "multiple_choice" and qid in ("DggGJwmci4M6", "HVzuTJLk2v7d"):
        row.update(answer_type="choices",
                   choices_answer=[SPECIALISTS[int(rng.random() < 0.1)]])
    elif qtype == "multiple_choice":
        k = int(rng.integers(1, 3))
        row.update(answer_type="choices", choices_answer=list(rng.choice(CHANNELS, k, False)))
    elif qtype == "email":
        row.update(answer_type="email", free_text_answer=f"admin{admin}@example.com")
    elif qtype == "short_text":
        row.update(answer_type="text", free_text_answer=f"Admin {admin}")
    else:
        row.update(answer_type="text", free_text_answer=(
            "Tres bon accompagnement." if lang == "fr" else "Smooth launch, thank you."))
    return row


def _onboarding(world: WorldState, rng) -> list[dict]:
    rows = []
    for o in _admins(world).itertuples():
        if rng.random() >= 0.6:
            continue
        t = int(o.created + rng.integers(30, 101) * DAY + rng.integers(9, 17) * HOUR)
        if t >= world.world_end:
            continue
        hidden = (f'{{"user_id": "{o.uid}"}}' if o.id % 5 == 0
                  else f'{{"user_id": "{o.uid}", "org_id": "{o.id}"}}')
        for qid, qtype, _ in ONBOARDING[o.lang][1]:
            row = _answer(qid, qtype, rng, o.uid, o.lang)
            rows.append(dict(row, response_id=f"onb_{o.id}", hidden=hidden, _t=t))
    return rows


def _nps(world: WorldState, rng) -> list[dict]:
    rows = []
    for o in _admins(world).itertuples():
        if rng.random() >= 0.3:
            continue
        t = int(o.created + 90 * DAY + rng.integers(0, 30) * DAY + 15 * HOUR)
        quarter = 0
        while t < world.world_end:
            rows.append(dict(response_id=f"nps_{o.id}_{quarter}", question_id=NPS[o.lang][1],
                             question_type="opinion_scale", answer_type="number",
                             number_answer=float(rng.choice(11, p=_NPS_P)), form_score=None,
                             choices_answer=None, choice_answer=None, free_text_answer=None,
                             boolean_answer=None,
                             hidden=f'{{"user_id": "{o.uid}", "org_id": "{o.id}"}}', _t=t))
            t += 91 * DAY
            quarter += 1
    return rows


_NPS_P = np.array([1, 1, 1, 2, 2, 4, 6, 12, 20, 25, 26]) / 100

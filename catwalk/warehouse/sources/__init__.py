"""The simulated sources of the raw warehouse: one module per source, as models/base/<source>/.

Each step takes the shared `WorldState` (catwalk.warehouse.world) and returns its raw tables
{"schema.table": RawTable}; every raw table of external_models.yaml comes from exactly one step.
`build_world` runs STEPS in this order, the only registry: adding a source is adding its module
and one line here.

The order matters where steps share a random stream: the care journey's steps
(catwalk.warehouse.episodes) and the sources observing it continue the stream "episodes" in the
order below, and sources/wiw continues sources/coredata's "staff". A new source draws from its
own stream (`world.stream("<source>")`), so appending it changes no existing row.
"""

from __future__ import annotations

from catwalk.warehouse import episodes
from catwalk.warehouse.sources import (
    careplatform, coredata, countdown, delighted, messaging, patientapp, salesforce, scribe,
    telephone, unresponsive, usher, wiw,
)
# --- issue 18 (customer success, product, medical operations): new sources -----------------
from catwalk.warehouse.sources import github, intercom, jira, typeform  # noqa: E402

STEPS = (
    ("staff", coredata.simulate),  # practitioners by role (stream "staff")
    ("shifts", wiw.simulate),  # When I Work shifts and who is on shift when ("staff", continued)
    ("membership", scribe.simulate),  # organizations, plans, members, contracts
    ("salesforce", salesforce.simulate),
    ("episodes", episodes.arrive),  # the care journey starts (stream "episodes")
    ("countdown", countdown.simulate),  # intake questionnaires ("episodes", continued)
    ("care", episodes.care),  # the care team works the episodes ("episodes", continued)
    ("messaging", messaging.simulate),  # posts ("episodes", continued)
    ("careplatform", careplatform.simulate),  # page views ("episodes", continued)
    ("patientapp", patientapp.simulate),  # ratings ("episodes", continued)
    ("delighted", delighted.simulate),  # NPS surveys ("episodes", continued)
    ("usher", usher.simulate),
    ("unresponsive", unresponsive.simulate),
    ("telephone", telephone.simulate),
    # --- issue 18: each draws from its own stream, so no earlier table changes ----------------
    ("patientapp_signup", patientapp.simulate_signup),  # sign-up screens, logins, post devices
    ("countdown_detail", countdown.simulate_detail),  # questions asked, questionnaire pauses
    ("usher_assignments", usher.simulate_assignments),  # episodes assigned to practitioners
    ("intercom", intercom.simulate),  # CS follow-up conversations (reads sources/delighted)
    ("jira", jira.simulate),  # product issues and bugs
    ("github", github.simulate),  # deprecated bug tracker, pull requests, repositories
    ("typeform", typeform.simulate),  # onboarding survey and decision-maker NPS
    # --- end issue 18 -------------------------------------------------------------------------
)

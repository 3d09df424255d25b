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
from catwalk.warehouse.sources import finance, github, intercom, jira, typeform, xero

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
    # care operations, NPS and staffing remainder, each on its own stream: appending them changes
    # no row above
    ("careplatform_product", careplatform.simulate_product),  # product-adoption clicks
    ("delighted_surveys", delighted.simulate_other_surveys),  # decision makers, employers
    ("unresponsive_giveup", unresponsive.simulate_giveup),
    # symptom descriptions, detailed DXA answers, mental-health questionnaires (stream
    # "countdown_answers"; before countdown_tracks so that Segment's all-events table has them)
    ("countdown_answers", countdown.simulate_answers),
    # Segment's all-events tables: the union of the events added above, none built yet
    ("countdown_tracks", countdown.simulate_tracks),
    ("scribe_tracks", scribe.simulate_tracks),
    ("usher_tracks", usher.simulate_tracks),
    # revenue, sales and finance: own streams "finance" and "xero"
    ("finance", finance.simulate),  # the adjusted-revenue sheet (reads scribe and salesforce)
    ("xero", xero.simulate),  # the ledger (reads the sheet and the budget-category seed)
    # customer success, product, medical operations: each on its own stream
    ("patientapp_signup", patientapp.simulate_signup),  # sign-up screens, logins, post devices
    ("countdown_detail", countdown.simulate_detail),  # questions asked, questionnaire pauses
    ("countdown_intake", countdown.simulate_intake),  # more intake questionnaires (extension)
    ("usher_assignments", usher.simulate_assignments),  # episodes assigned to practitioners
    ("intercom", intercom.simulate),  # CS follow-up conversations (reads sources/delighted)
    ("jira", jira.simulate),  # product issues and bugs
    ("github", github.simulate),  # deprecated bug tracker, pull requests, repositories
    ("typeform", typeform.simulate),  # onboarding survey and decision-maker NPS
)

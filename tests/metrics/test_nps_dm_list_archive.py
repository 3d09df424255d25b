"""The decision-maker NPS send list and its archive over simulated prod runs (issue 22).

Mirrors the patient list's week of runs (tests/metrics/test_metrics_tiny.py): after the prod plan,
eight runs at 07:30 and 18:30 UTC; the archive `archive.nps_dm_list_archived` grows by exactly the
list of each run (one row per email and run time), and nobody listed had answered a
decision-maker survey in the 60 days before the listing.

The tiny world's organizations started billing years ago, so no contact is due a survey on its
own: after the plan, the test moves the billing start of one paying, active organization with a
Salesforce decision maker to 65 days before the runs (month 2) and removes that contact's survey
responses, in the raw tables the next runs read.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import pandas as pd
import pytest

ARCHIVE_SQL = 'select email, "timestamp" from archive.nps_dm_list_archived'
LIST_SQL = 'select email, month_since_billing_start_date, "timestamp" from analytics.nps_dm_list'


def _keys(frame: pd.DataFrame) -> set:
    return set(zip(frame["email"], pd.to_datetime(frame["timestamp"], utc=True)))


def _run_and_check(context, moment: datetime, archive: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """One prod run of the archive (and its parents) at `moment`; returns the new archive and the
    number of fresh rows, after checking the archive grew by exactly them."""
    import time_machine

    with time_machine.travel(moment, tick=False):
        status = context.run("prod", select_models=["archive.nps_dm_list_archived"])
    assert not status.is_failure, f"run of {moment} failed"
    current = context.fetchdf(LIST_SQL)
    new_archive = context.fetchdf(ARCHIVE_SQL)
    stamps = pd.to_datetime(current["timestamp"], utc=True)
    fresh = current[stamps == pd.Timestamp(moment)]
    if len(fresh) < len(current):  # the list was not refreshed by this run: already archived
        assert fresh.empty and _keys(current) <= _keys(archive)
    assert _keys(new_archive) == _keys(archive) | _keys(fresh)
    assert len(new_archive) == len(archive) + len(fresh)
    assert set(fresh["month_since_billing_start_date"]) <= {2, 3, 5, 6, 10, 11}
    return new_archive, len(fresh)


def _make_one_organization_due(context, now: datetime) -> None:
    """Billing start of one paying active organization with a decision maker -> now - 65 days."""
    due = context.fetchdf(
        """
        select organizations.organization_id, contacts.email
        from analytics.scribe_organizations_active_today as organizations
        inner join analytics.salesforce_scribe_organizations_detailed as links
            on organizations.organization_id = links.organization_id
        inner join analytics.salesforce_contacts as contacts
            on links.account_id = contacts.account_id
        where organizations.is_paid and contacts.email is not null
            and contacts.contact_type = 'Decision Maker'
            and organizations.organization_id not in (
                select organization_id from analytics.scribe_organizations_billing_start_date
            )
        order by organizations.organization_id, contacts.email
        limit 1
        """
    )
    assert len(due) == 1, "the tiny world has no paying organization with a decision maker"
    organization_id, email = int(due.organization_id[0]), due.email[0]
    start = (now - timedelta(days=65)).strftime("%Y-%m-%d 12:00:00+00")
    context.engine_adapter.execute(
        f"update scribe.organization set billing_start_date = '{start}' where id = {organization_id}"
    )
    context.engine_adapter.execute(
        "delete from tap_delighted_decision_maker.survey_responses "
        f"where lower(person__email) = lower('{email}')"
    )


@pytest.mark.slow
def test_nps_dm_list_archive_logs_every_list(tiny_window, tmp_path):
    import time_machine

    from catwalk.project import open_context
    from catwalk.warehouse import generate

    path = tmp_path / "warehouse.duckdb"
    saved = os.environ.get("CATWALK_DUCKDB")
    os.environ["CATWALK_DUCKDB"] = str(path)
    generate(
        gateway="local", scale="tiny", seed=tiny_window.seed, start=tiny_window.start,
        days=tiny_window.days + 5, force=True, progress=False, write_env=False,
    )
    os.environ["CATWALK_START"] = tiny_window.start
    try:
        with time_machine.travel(tiny_window.now, tick=False):
            context = open_context(gateway="local", load_tests=False)
            context.plan("prod", auto_apply=True, no_prompts=True, skip_tests=True)
        archive = context.fetchdf(ARCHIVE_SQL)
        assert _keys(archive) == _keys(context.fetchdf(LIST_SQL))
        sent_total = len(archive)
        _make_one_organization_due(context, datetime.fromisoformat(tiny_window.now))
        start = datetime.fromisoformat(tiny_window.now).replace(hour=7, minute=30)
        for day in range(1, 5):
            for hour in (7, 18):
                moment = start + timedelta(days=day, hours=hour - 7)
                archive, fresh = _run_and_check(context, moment, archive)
                sent_total += fresh
        answered = context.fetchdf(
            """
            select list.email
            from archive.nps_dm_list_archived as list
            inner join analytics.delighted_survey_decision_maker as survey
                on lower(list.email) = survey.email
                and survey."timestamp" <= list."timestamp"
                and survey."timestamp" > list."timestamp" - interval 60 day
            """
        )
        assert answered.empty, answered
        assert sent_total > 0, "no decision maker was listed over the simulated runs"
        context.close()
    finally:
        os.environ["CATWALK_DUCKDB"] = saved
        os.environ.pop("CATWALK_START", None)

"""The real project follows the refresh schedule the runner is built for.

Runs are at 07:00 and 18:00 UTC. SQLMesh computes a model's due intervals up to
`interval_unit.cron_floor(cron_floor(now))` (sqlmesh/core/snapshot/definition.py, missing_intervals),
with daily intervals on UTC midnights. Hence the crons below: checked here on every model and for
both daylight-saving regimes.
"""

from __future__ import annotations

import inspect
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

MONTREAL = ZoneInfo("America/Montreal")
UTC = timezone.utc
RUN_DAYS = ("2026-01-15", "2026-07-15")  # EST (UTC-5) and EDT (UTC-4)


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    import os

    from catwalk.project import open_context

    saved = os.environ.get("CATWALK_DUCKDB")
    os.environ["CATWALK_DUCKDB"] = str(tmp_path_factory.mktemp("schedule") / "schedule.duckdb")
    try:
        context = open_context("local", load_state=False, load_tests=False)
        yield [model for model in context.models.values() if not model.kind.is_external]
        context.close()
    finally:
        os.environ["CATWALK_DUCKDB"] = saved


def due_end(model, moment: datetime) -> datetime:
    """The end of the last interval SQLMesh considers due at `moment` (as `run` computes it)."""
    return model.interval_unit.cron_floor(model.cron_floor(moment)).astimezone(UTC)


def is_local_day_model(model) -> bool:
    return model.kind.is_incremental_by_time_range and model.kind.time_column.column.name == "date_day_est"


def test_local_day_models_run_once_at_07_utc_on_the_previous_local_day(models):
    daily = [model for model in models if is_local_day_model(model)]
    assert daily, "the project has local-day models"
    for model in daily:
        assert model.cron == "0 7 * * *", model.name
        assert model.interval_unit.value == "day", model.name
        assert model.kind.lookback >= 1, model.name
        for day in RUN_DAYS:
            morning = datetime.fromisoformat(f"{day} 07:00:30+00:00")
            evening = datetime.fromisoformat(f"{day} 18:00:30+00:00")
            today = datetime.fromisoformat(f"{day} 00:00:00+00:00")
            # The 07:00 run makes the previous day due; its interval [D-1, D) is local day D-1.
            assert due_end(model, morning) == today, model.name
            # That local day ended before the run (04:00/05:00 UTC) and before the 06:00 load.
            local_end = datetime.fromisoformat(day).replace(tzinfo=MONTREAL).astimezone(UTC)
            assert local_end < morning.replace(hour=6, second=0), model.name
            # The 18:00 run has no new daily interval to compute.
            assert due_end(model, evening) == today, model.name
            # ...and the day in progress is never due before it ends.
            assert due_end(model, morning - timedelta(hours=1)) == today - timedelta(days=1)


def is_utc_day_model(model) -> bool:
    return model.kind.is_incremental_by_time_range and model.kind.time_column.column.name == "date_day"


def test_utc_day_models_run_once_at_07_utc_on_complete_days(models):
    # A model by UTC day (client_usage_daily): one daily interval, due at the 07:00 run once the
    # UTC day has ended (the loaders of the night have delivered it); nothing new at 18:00.
    daily = [model for model in models if is_utc_day_model(model)]
    for model in daily:
        assert model.cron == "0 7 * * *", model.name
        assert model.interval_unit.value == "day", model.name
        for day in RUN_DAYS:
            morning = datetime.fromisoformat(f"{day} 07:00:30+00:00")
            evening = datetime.fromisoformat(f"{day} 18:00:30+00:00")
            today = datetime.fromisoformat(f"{day} 00:00:00+00:00")
            assert due_end(model, morning) == today, model.name
            assert due_end(model, evening) == today, model.name


def test_hourly_models_pick_up_each_load_at_the_next_run(models):
    hourly = [
        model
        for model in models
        if model.kind.is_incremental_by_time_range and not is_local_day_model(model)
        and not is_utc_day_model(model)
    ]
    assert hourly, "the project has hourly Segment models"
    schedules = set()
    for model in hourly:
        assert model.interval_unit.value == "hour", model.name
        # Lookback (hours) longer than the signal's max wait: rows delivered after a model
        # stopped waiting are still recomputed.
        assert model.kind.lookback >= 72, model.name
        schedules.add(model.cron)
        for day in RUN_DAYS:
            morning = datetime.fromisoformat(f"{day} 07:00:30+00:00")
            evening = datetime.fromisoformat(f"{day} 18:00:30+00:00")
            if model.cron == "0 7,18 * * *":  # read at 18:00: due up to each run
                assert due_end(model, morning) == morning.replace(second=0), model.name
                assert due_end(model, evening) == evening.replace(second=0), model.name
            else:  # read by 07:00 models only: up to the 06:00 Segment load, nothing at 18:00
                assert model.cron == "0 6 * * *", model.name
                six = morning.replace(hour=6, minute=0, second=0)
                assert due_end(model, morning) == six, model.name
                assert due_end(model, evening) == six, model.name
    assert schedules == {"0 7,18 * * *", "0 6 * * *"}


def test_archives_run_at_both_runs_and_every_model_has_one_of_the_schedules(models):
    for model in models:
        if model.kind.is_scd_type_2:
            assert model.cron == "0 7,18 * * *", model.name
        elif model.kind.is_full:
            assert model.cron in ("0 7,18 * * *", "0 7 * * *"), model.name
        elif model.kind.is_incremental_by_unique_key:
            assert (model.cron, model.interval_unit.value) in (
                ("0 7,18 * * *", "hour"), ("0 6 * * *", "hour"), ("0 7 * * *", "day")
            ), model.name
    # the Scribe replicas reach the business tables at both runs
    names = {model.name for model in models if model.cron == "0 7,18 * * *"}
    assert {"analytics.scribe_users", "analytics.scribe_contracts", "analytics.user_contract"} <= names


def test_delivered_signal_waits_less_than_the_lookback(models):
    from catwalk.project import PROJECT_ROOT
    from catwalk.runner import _load_signal_helpers

    signals = _load_signal_helpers(PROJECT_ROOT)
    max_wait = inspect.signature(signals.delivered).parameters["max_wait_hours"].default
    with_signal = [model for model in models if any(name == "delivered" for name, _ in model.signals)]
    assert with_signal, "base models carry signals (delivered())"
    for model in with_signal:
        if model.kind.is_incremental_by_time_range:
            lookback_hours = model.kind.lookback * (24 if model.interval_unit.value == "day" else 1)
            assert max_wait < lookback_hours, model.name


def test_cron_and_systemd_schedules_call_the_runner_at_07_and_18_utc():
    import re
    import shutil
    import subprocess

    from catwalk.project import PROJECT_ROOT

    scripts = PROJECT_ROOT / "scripts"
    entries = [
        line.split(None, 5)
        for line in (scripts / "catwalk-run.cron").read_text().splitlines()
        if line and not line.startswith("#") and "=" not in line.split()[0]
    ]
    assert {(minute, hour) for minute, hour, *_ in entries} == {("0", "7,18")}
    assert all("catwalk run --gateway postgres" in entry[5] for entry in entries)
    assert "CRON_TZ=UTC" in (scripts / "catwalk-run.cron").read_text()

    timer = (scripts / "catwalk-run.timer").read_text()
    calendars = re.findall(r"^OnCalendar=(.+)$", timer, flags=re.M)
    assert calendars == ["*-*-* 07,18:00:00 UTC"]
    service = (scripts / "catwalk-run.service").read_text()
    assert "ExecStart=/srv/catwalk/.venv/bin/catwalk run --gateway postgres" in service
    if shutil.which("systemd-analyze"):
        for calendar in calendars:
            result = subprocess.run(
                ["systemd-analyze", "calendar", calendar], capture_output=True, text=True
            )
            assert result.returncode == 0, result.stderr


def test_prod_host_files_create_logs_share_one_env_file_and_ignore_run_locks():
    import re
    import subprocess

    from catwalk.plan import DEFAULT_START
    from catwalk.project import PROJECT_ROOT

    scripts = PROJECT_ROOT / "scripts"
    cron = (scripts / "catwalk-run.cron").read_text()
    command = next(line for line in cron.splitlines() if line.startswith("0 "))
    # logs/ exists before the shell opens the redirection into it
    assert command.index("mkdir -p logs") < command.index(">> logs/")
    # one env file, the same ownership and mode wherever it is mentioned, readable by the user
    env = (scripts / "catwalk.env").read_text()
    service = (scripts / "catwalk-run.service").read_text()
    assert "User=catwalk" in service and "crontab -u catwalk" in cron
    for text in (cron, service, env):
        assert "root:catwalk mode 0640" in text or "-g catwalk -m 0640" in text, text[:200]
        assert "0600" not in text and "root-readable" not in text
    # the backfill start is in the prod env file, equal to config.yaml's fallback
    assert re.search(rf"^CATWALK_START={DEFAULT_START}$", env, flags=re.M)
    config = (PROJECT_ROOT / "config.yaml").read_text()
    assert f"env_var('CATWALK_START', '{DEFAULT_START}')" in config
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "catwalk.duckdb.run.lock"], cwd=PROJECT_ROOT
    )
    assert ignored.returncode == 0, "*.run.lock must be ignored by git"

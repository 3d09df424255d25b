"""`catwalk run`: the prod run cron calls twice a day.

One run =
  1. take the single-flight lock (catwalk.lock) or exit at once with EXIT_LOCKED;
  2. open the project's configuration and the run log (table `meta.run_log` in the warehouse,
     created if missing). The model files are not loaded: a run evaluates the snapshots deployed
     in the environment (SQLMesh's state), never the checkout's files, so it skips the ~10 s of
     parsing and rendering the project and a half-edited file on the host cannot stop prod;
  3. run the SQLMesh scheduler for the environment (`Context.run(skip_janitor=True)`): it evaluates
     the intervals whose cron tick has passed and whose raw sources are delivered (the `delivered`
     signal in signals/); every evaluated batch is written to the run log as it finishes;
  4. report the models still waiting for a late source, and by how much;
  5. run the janitor as its own step: a janitor failure is reported, the run is not undone;
  6. print one summary line, post a JSON summary to $CATWALK_ALERT_WEBHOOK on failure, and return
     the exit code.

Exit codes (most severe wins):
  0   success: every due interval ran, except the hours after the last load (normal lag)
  1   failure: a model or a blocking audit failed, or the scheduler raised
  2   catwalk error before the run (configuration does not load, warehouse unreachable)
  3   late source: the run succeeded, but a source read by a signalled model was last delivered
      more than CATWALK_LATE_AFTER_HOURS (default 8) hours before the run; its dependants wait
  4   janitor failure: the run succeeded but cleaning expired environments/tables failed
  75  lock held: another run is in progress; nothing was done (EX_TEMPFAIL)

Every run prints one summary line (plus one line per late source and per error). The webhook in
$CATWALK_ALERT_WEBHOOK receives a JSON summary when the exit code is 1, 2 or 4.

Run log `meta.run_log`, one row per evaluated batch (`model` set) plus one row per run
(`model` null): run_id, environment, model, interval_start, interval_end, started_at, ended_at,
rows_written, status, error. Batch statuses: success, failed (error holds the message), waiting
(due intervals not computed yet because a source, or an upstream model, has not delivered past
them; interval = the range that waits), skipped (an upstream model failed). Run
statuses: running, success, failed, late, janitor_failed, nothing_to_do, killed (a run that died
without finishing, found by the next run).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import threading
import time
import traceback
import typing as t
import uuid
from datetime import datetime, timezone
from pathlib import Path

from catwalk.lock import FileRunLock, LockHeld, PostgresRunLock, RunLock
from catwalk.project import PROJECT_ROOT, CatwalkError, postgres_settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2
EXIT_LATE = 3
EXIT_JANITOR = 4
EXIT_LOCKED = 75

# A source whose last delivery is older than this (hours before the run) is reported late. The
# loaders deliver twice a day, so a source that missed one load is ~12 hours behind.
DEFAULT_LATE_AFTER_HOURS = 8

RUN_LOG_TABLE = "meta.run_log"
WEBHOOK_ENV = "CATWALK_ALERT_WEBHOOK"
RUN_LOG_COLUMNS = {
    "run_id": "TEXT",
    "environment": "TEXT",
    "model": "TEXT",
    "interval_start": "TIMESTAMPTZ",
    "interval_end": "TIMESTAMPTZ",
    "started_at": "TIMESTAMPTZ",
    "ended_at": "TIMESTAMPTZ",
    "rows_written": "BIGINT",
    "status": "TEXT",
    "error": "TEXT",
}


def _utcnow() -> datetime:
    from sqlmesh.utils.date import now

    return now().astimezone(timezone.utc)


def _ms_to_datetime(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc)


def _fmt_ts(value: t.Optional[datetime]) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "never"


def _fmt_delay(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes // 60}h{minutes % 60:02d}m"


# --------------------------------------------------------------------------------------------
# Run log


class RunLog:
    """Writes `meta.run_log` through the warehouse's engine adapter (DuckDB or Postgres)."""

    def __init__(self, adapter: t.Any, run_id: str, environment: str):
        self.adapter = adapter
        self.run_id = run_id
        self.environment = environment
        self._lock = threading.Lock()

    def ensure_table(self) -> None:
        columns = ", ".join(f"{name} {kind}" for name, kind in RUN_LOG_COLUMNS.items())
        with self._lock:
            self.adapter.execute("CREATE SCHEMA IF NOT EXISTS meta")
            self.adapter.execute(f"CREATE TABLE IF NOT EXISTS {RUN_LOG_TABLE} ({columns})")

    def insert(self, **values: t.Any) -> None:
        from sqlglot import exp

        row = {"run_id": self.run_id, "environment": self.environment, **values}
        names = list(RUN_LOG_COLUMNS)
        literals = [self._literal(name, row.get(name)) for name in names]
        statement = exp.insert(
            exp.values([exp.tuple_(*literals)]),
            RUN_LOG_TABLE,
            columns=names,
        )
        with self._lock:
            self.adapter.execute(statement)

    def update_run(self, **values: t.Any) -> None:
        self._update(values, f"run_id = '{self.run_id}' AND model IS NULL")

    def set_error(self, model: str, interval_start: datetime, error: str) -> None:
        where = (
            f"run_id = '{self.run_id}' AND model = {self._literal('model', model).sql()}"
            f" AND interval_start = {self._literal('interval_start', interval_start).sql('postgres')}"
        )
        self._update({"error": error}, where)

    def mark_killed(self) -> int:
        """Runs left `running` by a dead process (the lock is ours, so nobody else is running)."""
        with self._lock:
            rows = self.adapter.fetchall(
                f"SELECT run_id FROM {RUN_LOG_TABLE}"
                f" WHERE model IS NULL AND status = 'running' AND run_id <> '{self.run_id}'"
            )
            if rows:
                self.adapter.execute(
                    f"UPDATE {RUN_LOG_TABLE} SET status = 'killed',"
                    " error = 'the run process died before finishing (killed or crashed)'"
                    f" WHERE model IS NULL AND status = 'running' AND run_id <> '{self.run_id}'"
                )
        return len(rows)

    def _update(self, values: t.Dict[str, t.Any], where: str) -> None:
        assignments = ", ".join(
            f"{name} = {self._literal(name, value).sql(self.adapter.dialect)}"
            for name, value in values.items()
        )
        with self._lock:
            self.adapter.execute(f"UPDATE {RUN_LOG_TABLE} SET {assignments} WHERE {where}")

    @staticmethod
    def _literal(name: str, value: t.Any) -> t.Any:
        from sqlglot import exp

        kind = RUN_LOG_COLUMNS[name]
        if value is None:
            return exp.cast(exp.null(), kind)
        if isinstance(value, datetime):
            text = value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f+00:00")
            return exp.cast(exp.Literal.string(text), kind)
        if kind == "BIGINT":
            return exp.Literal.number(int(value))
        return exp.Literal.string(str(value)[:4000])


# --------------------------------------------------------------------------------------------
# Console: SQLMesh's progress callbacks feed the run log


class RunLogConsole:
    """Factory for a NoopConsole subclass that records evaluations (import-time safe)."""

    @staticmethod
    def create(run_log: RunLog, adapter: t.Any) -> t.Any:
        from sqlmesh.core.console import NoopConsole

        class _Console(NoopConsole):
            def __init__(self) -> None:
                super().__init__()
                self.run_log = run_log
                self.adapter = adapter
                self.evaluated: t.List[t.Dict[str, t.Any]] = []
                self.failed: t.List[t.Dict[str, t.Any]] = []
                self.skipped: t.Set[str] = set()
                self.warnings: t.List[str] = []
                self.errors: t.List[str] = []
                self._starts: t.Dict[t.Tuple[str, int], datetime] = {}

            def start_snapshot_evaluation_progress(
                self, snapshot: t.Any, audit_only: bool = False
            ) -> None:
                self._starts[(snapshot.name, threading.get_ident())] = _utcnow()

            def update_snapshot_evaluation_progress(
                self,
                snapshot: t.Any,
                interval: t.Any,
                batch_idx: int,
                duration_ms: t.Optional[int],
                num_audits_passed: int,
                num_audits_failed: int,
                audit_only: bool = False,
                execution_stats: t.Any = None,
                auto_restatement_triggers: t.Any = None,
            ) -> None:
                ended = _utcnow()
                started = self._starts.pop((snapshot.name, threading.get_ident()), ended)
                start, end = (_ms_to_datetime(interval[0]), _ms_to_datetime(interval[1]))
                status = "success" if duration_ms is not None else "failed"
                rows = getattr(execution_stats, "total_rows_processed", None)
                if rows is None and status == "success":
                    rows = _count_rows(self.adapter, snapshot, interval)
                record = {
                    "model": _short(snapshot.name),
                    "interval_start": start,
                    "interval_end": end,
                    "started_at": started,
                    "ended_at": ended,
                    "rows_written": rows,
                    "status": status,
                }
                self.evaluated.append(record)
                self.run_log.insert(**record)

            def log_skipped_models(self, snapshot_names: t.Set[str]) -> None:
                self.skipped |= set(snapshot_names)

            def log_failed_models(self, errors: t.List[t.Any]) -> None:
                for error in errors:
                    node = getattr(error, "node", None)
                    cause = error.__cause__ or error
                    message = " ".join(str(cause).split()) or type(cause).__name__
                    name = getattr(node, "snapshot_name", None)
                    interval = getattr(node, "interval", None)
                    self.failed.append(
                        {"model": _short(name) if name else None, "interval": interval, "error": message}
                    )
                    if name and interval:
                        try:
                            self.run_log.set_error(
                                _short(name), _ms_to_datetime(interval[0]), message
                            )
                        except Exception:  # the error is still in the summary and the webhook
                            pass

            def log_warning(self, short_message: str, long_message: t.Optional[str] = None) -> None:
                self.warnings.append(" ".join(short_message.split()))

            def log_error(self, message: str, *args: t.Any, **kwargs: t.Any) -> None:
                self.errors.append(" ".join(str(message).split()))

        return _Console()


def _count_rows(adapter: t.Any, snapshot: t.Any, interval: t.Tuple[int, int]) -> t.Optional[int]:
    """Rows the batch left in the table, for engines that report no row count (DuckDB).

    For INCREMENTAL_BY_TIME_RANGE this is exactly the rows written for the interval; for FULL the
    rows of the rebuilt table; other kinds (merge, SCD2) report null.
    """
    from sqlglot import exp
    from sqlmesh.utils.date import make_inclusive_end

    try:
        model = snapshot.model
        table = exp.to_table(snapshot.table_name())
        query = exp.select("COUNT(*)").from_(table)
        if snapshot.is_incremental_by_time_range:
            start, end = _ms_to_datetime(interval[0]), _ms_to_datetime(interval[1])
            column = model.time_column.column.copy()
            query = query.where(
                exp.and_(
                    column >= model.convert_to_time_column(start),
                    column <= model.convert_to_time_column(make_inclusive_end(end)),
                )
            )
        elif not snapshot.is_full:
            return None
        row = adapter.fetchone(query)
        return int(row[0]) if row else None
    except Exception:
        return None


# --------------------------------------------------------------------------------------------
# Late sources


def _load_signal_helpers(project: Path) -> t.Any:
    """The helper functions of signals/__init__.py, imported without touching SQLMesh's registry."""
    from sqlmesh.core.signal import signal

    path = project / "signals" / "__init__.py"
    if not path.exists():
        return None
    saved = signal.get_registry()
    try:
        spec = importlib.util.spec_from_file_location("catwalk_project_signals", path)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        return module
    finally:
        signal.set_registry(saved)


def waiting_intervals(snapshots: t.Iterable[t.Any], execution_time: t.Any) -> t.Dict[str, t.Any]:
    """Per model, the due time range not yet computed: [end of its last interval, due end).

    The due end is the one SQLMesh uses: the model's cron tick floored to its interval unit. After
    a successful run only intervals held back by a signal (or by a held-back parent) remain.
    """
    from sqlmesh.utils.date import now, to_timestamp

    reference = execution_time if execution_time is not None else now()
    waiting: t.Dict[str, t.Any] = {}
    for snapshot in snapshots:
        if not snapshot.is_model or snapshot.is_symbolic or snapshot.is_seed:
            continue
        node = snapshot.node
        due_end = to_timestamp(node.interval_unit.cron_floor(node.cron_floor(reference)))
        done_end = max((end for _start, end in snapshot.intervals), default=None)
        if done_end is None:
            continue
        if done_end < due_end:
            waiting[snapshot.name] = (snapshot, (done_end, due_end))
    return waiting


def _signal_sources(helpers: t.Any, snapshot: t.Any, snapshots: t.Dict[str, t.Any]) -> t.List[t.Any]:
    """The raw tables a model's `delivered` signal waits for (its `sources :=` list, if any)."""
    tables = helpers.raw_sources(snapshot, snapshots, walk_ancestors=True)
    for name, arguments in snapshot.model.signals:
        if name == "delivered" and "sources" in arguments:
            listed = arguments["sources"]
            text = listed.name if hasattr(listed, "name") else str(listed)
            wanted = {part.strip().lower() for part in text.split(",") if part.strip()}
            return [(schema, table) for schema, table in tables if f"{schema}.{table}" in wanted]
    return tables


def late_sources(
    adapter: t.Any,
    project: Path,
    waiting: t.Dict[str, t.Any],
    snapshots: t.Dict[str, t.Any],
    reference: datetime,
    late_after_hours: float,
) -> t.List[t.Dict[str, t.Any]]:
    """The raw sources read by signalled time-range models, with their last delivery and lateness.

    Every run holds back the hours after the last load (the 06:00 Segment load cannot hold events
    of 06:30): that is normal lag. A source is *late* when its last delivery is more than
    `late_after_hours` before `reference` (the run time). `models` lists the waiting models that
    read the source, directly or through their ancestors.
    """
    helpers = _load_signal_helpers(project)
    if helpers is None:
        return []
    # Only models that can wait count: FULL/merge/SCD2 replicas never wait, and their load
    # columns only move when a row changes (a quiet replica is not a late one).
    signalled = [
        snapshot
        for snapshot in snapshots.values()
        if snapshot.is_model
        and snapshot.is_incremental_by_time_range
        and any(name == "delivered" for name, _ in snapshot.model.signals)
    ]
    tables: t.Set[t.Tuple[str, str]] = set()
    for snapshot in signalled:
        tables.update(_signal_sources(helpers, snapshot, snapshots))
    horizons = helpers.source_horizons(adapter, sorted(tables))
    readers: t.Dict[str, t.List[str]] = {}
    for name, (snapshot, _range) in waiting.items():
        for schema, table in helpers.raw_sources(snapshot, snapshots, walk_ancestors=True):
            readers.setdefault(f"{schema}.{table}", []).append(name)
    result = []
    for table, (_schema, column, horizon) in sorted(horizons.items()):
        behind = (reference - horizon).total_seconds() if horizon else None
        result.append(
            {
                "source": table,
                "load_column": column,
                "delivered_until": horizon,
                "behind_seconds": behind,
                "late": behind is None or behind > late_after_hours * 3600,
                "models": sorted(readers.get(table, [])),
            }
        )
    return result


# --------------------------------------------------------------------------------------------
# Alerts


def post_webhook(url: str, payload: t.Dict[str, t.Any], timeout: float = 10.0) -> t.Optional[str]:
    """POST the JSON summary; returns an error message instead of raising."""
    import urllib.request

    body = json.dumps(payload, default=str).encode()
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
        return None
    except Exception as error:  # an unreachable webhook must not change the run's outcome
        return f"{type(error).__name__}: {error}"


# --------------------------------------------------------------------------------------------
# The run


def _lock_for(gateway: str, project: Path) -> RunLock:
    if gateway == "postgres":
        return PostgresRunLock(postgres_settings())
    database = Path(os.environ.get("CATWALK_DUCKDB", "catwalk.duckdb"))
    if not database.is_absolute():
        database = project / database
    return FileRunLock(database.with_name(database.name + ".run.lock"))


def _new_run_id(started: datetime) -> str:
    return f"{started.strftime('%Y%m%dT%H%M%SZ')}-{uuid.uuid4().hex[:6]}"


def run(
    gateway: str = "local",
    environment: str = "prod",
    *,
    paths: t.Optional[t.Union[str, os.PathLike]] = None,
    execution_time: t.Any = None,
    out: t.Optional[t.TextIO] = None,
) -> int:
    """Run the scheduler for `environment`, then the janitor; returns the exit code (see module)."""
    from catwalk.project import GATEWAYS

    out = out or sys.stdout
    project = Path(paths or PROJECT_ROOT)
    if gateway not in GATEWAYS:
        raise CatwalkError(f"unknown gateway {gateway!r}; choose one of {', '.join(GATEWAYS)}")
    lock = _lock_for(gateway, project)
    try:
        lock.acquire()
    except LockHeld as error:
        print(f"catwalk run: {error} (exit {EXIT_LOCKED})", file=out, flush=True)
        return EXIT_LOCKED
    try:
        return _locked_run(gateway, environment, project, execution_time, out)
    except CatwalkError as error:  # the run could not start: alert, then let the CLI print it
        webhook = os.environ.get(WEBHOOK_ENV)
        if webhook:
            problem = post_webhook(
                webhook,
                {
                    "environment": environment,
                    "gateway": gateway,
                    "status": "error",
                    "exit_code": error.exit_code,
                    "summary": f"catwalk run {environment}@{gateway}: could not run",
                    "errors": [str(error)],
                },
            )
            if problem:
                print(f"catwalk run: alert webhook failed: {problem}", file=sys.stderr)
        raise
    finally:
        lock.release()


def _locked_run(
    gateway: str, environment: str, project: Path, execution_time: t.Any, out: t.TextIO
) -> int:
    from sqlmesh.core.console import get_console, set_console

    from catwalk.project import open_context

    started = _utcnow()
    run_id = _new_run_id(started)
    clock = time.monotonic()
    previous_console = get_console()
    context = open_context(gateway, project, load=False)  # runs what is deployed (see step 2)
    adapter = context.engine_adapter
    # Keep the scheduler Context.run creates: the waiting report below reuses its snapshots (only
    # their intervals are read again) instead of loading every snapshot from the state once more.
    schedulers: t.List[t.Any] = []
    create_scheduler = context.create_scheduler

    def capture_scheduler(*args: t.Any, **kwargs: t.Any) -> t.Any:
        schedulers.append(create_scheduler(*args, **kwargs))
        return schedulers[-1]

    context.create_scheduler = capture_scheduler  # type: ignore[method-assign]
    run_log = RunLog(adapter, run_id, environment)
    try:
        run_log.ensure_table()
        killed = run_log.mark_killed()
        run_log.insert(started_at=started, status="running")
    except Exception as error:
        raise CatwalkError(f"cannot write the run log {RUN_LOG_TABLE}: {error}") from error

    console = RunLogConsole.create(run_log, adapter)
    set_console(console)
    context.console = console
    exit_code = EXIT_OK
    status_word = "success"
    crash: t.Optional[str] = None
    completion = None
    try:
        completion = context.run(
            environment, skip_janitor=True, execution_time=execution_time
        )
    except Exception as error:  # SQLMesh raises on signal errors, missing environment, ...
        crash = " ".join(f"{type(error).__name__}: {error}".split())
        traceback.print_exc(file=sys.stderr)

    failed = bool(crash) or (completion is not None and completion.is_failure) or bool(console.failed)
    if failed:
        exit_code, status_word = EXIT_FAILED, "failed"

    # Models left waiting: due time ranges still not computed after the run (a signal held them
    # back, or a held-back parent did). Models skipped because an upstream model failed are
    # reported as skipped.
    reference = _as_datetime(execution_time) if execution_time is not None else started
    waiting: t.Dict[str, t.Any] = {}
    sources: t.List[t.Dict[str, t.Any]] = []
    try:
        if schedulers:  # the run's snapshots, with the intervals it just added
            snapshots = context.state_sync.refresh_snapshot_intervals(list(schedulers[-1].snapshots.values()))
        else:
            snapshots = list(context.scheduler(environment=environment).snapshots.values())
        by_name = {snapshot.name: snapshot for snapshot in snapshots}
        waiting = waiting_intervals(by_name.values(), execution_time)
        sources = late_sources(
            adapter,
            project,
            waiting,
            by_name,
            reference,
            float(os.environ.get("CATWALK_LATE_AFTER_HOURS", DEFAULT_LATE_AFTER_HOURS)),
        )
    except Exception as error:
        console.warnings.append(f"could not compute waiting models: {error}")
    late = [entry for entry in sources if entry["late"]]
    failed_names = {record["model"] for record in console.failed}
    skipped_names = {_short(name) for name in console.skipped}
    for name, (_snapshot, (start_ms, end_ms)) in sorted(waiting.items()):
        if _short(name) in failed_names:
            continue
        status = "skipped" if _short(name) in skipped_names else "waiting"
        run_log.insert(
            model=_short(name),
            interval_start=_ms_to_datetime(start_ms),
            interval_end=_ms_to_datetime(end_ms),
            status=status,
            error=(
                _waiting_message(name, sources) if status == "waiting" else "an upstream model failed"
            ),
        )
    for entry in late:
        behind = (
            _fmt_delay(entry["behind_seconds"]) if entry["behind_seconds"] is not None else "no rows"
        )
        print(
            f"catwalk run: late source {entry['source']} ({entry['load_column']}): last delivery "
            f"{_fmt_ts(entry['delivered_until'])}, {behind} behind; waiting: "
            f"{', '.join(_short(m) for m in sorted(set(entry['models'])))}",
            file=out,
        )
    waiting_count = sum(
        1 for name in waiting if _short(name) not in skipped_names | failed_names
    )
    if not failed and late:
        exit_code, status_word = EXIT_LATE, "late"

    # The janitor is its own step: its failure is reported, the run stays done.
    janitor = "ok"
    if environment.lower() == "prod" and not crash:
        try:
            context._run_janitor()
        except Exception as error:
            janitor = "failed"
            console.errors.append(f"janitor: {' '.join(str(error).split())}")
            if exit_code in (EXIT_OK, EXIT_LATE):
                exit_code, status_word = EXIT_JANITOR, "janitor_failed"
    else:
        janitor = "skipped"

    if (
        completion is not None
        and completion.name == "NOTHING_TO_DO"
        and exit_code == EXIT_OK
    ):
        status_word = "nothing_to_do"
    ended = _utcnow()
    errors = [f"{_short(f['model'] or '?')}: {f['error']}" for f in console.failed]
    if crash:
        errors.insert(0, crash)
    errors.extend(console.errors)
    models_run = sorted({record["model"] for record in console.evaluated})
    summary = (
        f"catwalk run {run_id} {environment}@{gateway}: {status_word} (exit {exit_code}); "
        f"{len(console.evaluated)} batches in {len(models_run)} models, "
        f"{len(console.failed)} failed, {len(console.skipped)} skipped, "
        f"{waiting_count} waiting"
        + (f", late: {', '.join(e['source'] for e in late)}" if late else "")
        + f"; janitor {janitor}"
        + (f"; {killed} dead run(s) marked killed" if killed else "")
        + f"; {time.monotonic() - clock:.1f}s"
    )
    try:
        run_log.update_run(
            ended_at=ended,
            status=status_word,
            rows_written=sum(r["rows_written"] or 0 for r in console.evaluated),
            error="; ".join(errors) if errors else None,
        )
    except Exception as error:
        print(f"catwalk run: could not update the run log: {error}", file=sys.stderr)
    for error in errors:
        print(f"catwalk run: error: {error}", file=out)
    print(summary, file=out, flush=True)

    webhook = os.environ.get(WEBHOOK_ENV)
    if webhook and exit_code in (EXIT_FAILED, EXIT_JANITOR):
        payload = {
            "run_id": run_id,
            "environment": environment,
            "gateway": gateway,
            "status": status_word,
            "exit_code": exit_code,
            "started_at": started.isoformat(),
            "ended_at": ended.isoformat(),
            "summary": summary,
            "errors": errors,
            "failed_models": [f["model"] for f in console.failed],
            "skipped_models": sorted(skipped_names),
            "late_sources": [
                {k: v for k, v in entry.items() if k != "needed_until"} for entry in late
            ],
        }
        problem = post_webhook(webhook, payload)
        if problem:
            print(f"catwalk run: alert webhook failed: {problem}", file=sys.stderr)

    set_console(previous_console)
    try:
        context.close()
    except Exception:
        pass
    return exit_code


def _short(name: str) -> str:
    """"catalog"."schema"."table" -> schema.table."""
    parts = [part.strip('"') for part in name.split(".")]
    return ".".join(parts[-2:])


def _waiting_message(model: str, sources: t.List[t.Dict[str, t.Any]]) -> str:
    mine = [entry for entry in sources if model in entry["models"]]
    if not mine:
        return "waits for its upstream models"
    return "; ".join(
        f"{'late source' if entry['late'] else 'source'} {entry['source']}"
        f" last delivered {_fmt_ts(entry['delivered_until'])}"
        for entry in mine
    )


def _as_datetime(value: t.Any) -> datetime:
    from sqlmesh.utils.date import to_datetime

    return to_datetime(value).astimezone(timezone.utc)

"""`catwalk run`: the prod run cron calls twice a day.

One run (each step is one function of `_locked_run`) =
  0. refuse at once a DuckDB file that does not exist (`lock_for`), creating nothing;
  1. take the single-flight lock (catwalk.lock) or exit at once with EXIT_LOCKED; processes forked
     from now on die with the runner (catwalk.lock.children_die_with_parent);
  2. open the project's configuration, without loading the model files: a run evaluates the
     snapshots deployed in the environment (SQLMesh's state), never the checkout's files, so it
     skips the ~10 s of parsing and rendering the project and a half-edited file on the host
     cannot stop prod; refuse, creating nothing, a warehouse without SQLMesh state or without the
     environment (`_check_environment`);
  3. open the run log (table `meta.run_log` in the warehouse, created if missing) and mark runs
     left `running` by a dead process as killed (`_start_run_log`);
  4. run the SQLMesh scheduler for the environment (`Context.run(skip_janitor=True)`): it evaluates
     the intervals whose cron tick has passed and whose raw sources are delivered (the `delivered`
     signal in signals/); every evaluated batch is written to the run log as it finishes
     (`_run_scheduler`);
  5. find and log the models still waiting for a late source, and print one line per late source
     (`_find_waiting`, `_log_waiting`, `_print_late_sources`);
  6. run the janitor as its own step: a janitor failure is reported, the run is not undone;
  7. print one summary line, post a JSON alert to $CATWALK_ALERT_WEBHOOK on every non-zero exit
     except 75, and return the exit code (`_finish`). A run that cannot start (CatwalkError, exit
     2) is alerted by `run` itself, except for an environment that was never planned.

Exit codes (most severe wins):
  0   success: every due interval ran, except the hours after the last load (normal lag)
  1   failure: a model or a blocking audit failed, or the scheduler raised
  2   catwalk error before the run (configuration does not load, warehouse unreachable)
  3   late source: the run succeeded, but a source read by a signalled model was last delivered
      more than CATWALK_LATE_AFTER_HOURS (default 8) hours before the run; its dependants wait
  4   janitor failure: the run succeeded but cleaning expired environments/tables failed
  75  lock held: another run is in progress; nothing was done (EX_TEMPFAIL)

Every run prints one summary line under 200 characters (plus one line per late source and per
error). The webhook in $CATWALK_ALERT_WEBHOOK receives a JSON alert, whose `text` field is one
human sentence, when the exit code is 1, 2, 3 or 4; the POST is retried twice.

Run log `meta.run_log`, one row per evaluated batch (`model` set) plus one row per run
(`model` null): run_id, environment, model, interval_start, interval_end, started_at, ended_at,
rows_written, status, error. Batch statuses: success, failed (error holds the message), waiting
(due intervals not computed yet because a source, or an upstream model, has not delivered past
them; interval = the range that waits), skipped (an upstream model failed). Run
statuses: running, success, failed, late, janitor_failed, nothing_to_do, killed (a run that died
without finishing, found by the next run).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import inspect
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

from sqlmesh.core.console import NoopConsole

from catwalk.lock import FileRunLock, LockHeld, PostgresRunLock, RunLock, children_die_with_parent
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
    """The wall clock to the microsecond (SQLMesh's own `now()` is floored to the minute)."""
    return datetime.now(timezone.utc)


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
        from sqlglot import exp

        dialect = self.adapter.dialect
        columns = ", ".join(
            f"{name} {exp.DataType.build(kind, dialect='duckdb').sql(dialect)}"
            for name, kind in RUN_LOG_COLUMNS.items()
        )
        using = " USING iceberg" if dialect == "spark" else ""  # Spark updates only Iceberg tables
        with self._lock:
            self.adapter.execute("CREATE SCHEMA IF NOT EXISTS meta")
            self.adapter.execute(f"CREATE TABLE IF NOT EXISTS {RUN_LOG_TABLE} ({columns}){using}")

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
            f"run_id = '{self.run_id}' AND model = {self._literal('model', model).sql(self.adapter.dialect)}"
            f" AND interval_start = {self._literal('interval_start', interval_start).sql(self.adapter.dialect)}"
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


class RunLogConsole(NoopConsole):
    """SQLMesh's progress callbacks feed the run log and the run's summary."""

    def __init__(self, run_log: RunLog, adapter: t.Any) -> None:
        super().__init__()
        self.run_log = run_log
        self.adapter = adapter
        self.evaluated: t.List[t.Dict[str, t.Any]] = []
        self.failed: t.List[t.Dict[str, t.Any]] = []
        self.skipped: t.Set[str] = set()
        self.warnings: t.List[str] = []
        self.errors: t.List[str] = []
        self._starts: t.Dict[t.Tuple[str, int], datetime] = {}

    def start_snapshot_evaluation_progress(self, snapshot: t.Any, audit_only: bool = False) -> None:
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
        status = "success" if duration_ms is not None else "failed"
        rows = getattr(execution_stats, "total_rows_processed", None)
        if rows is None and status == "success":
            rows = _count_rows(self.adapter, snapshot, interval)
        record = {
            "model": _short(snapshot.name),
            "interval_start": _ms_to_datetime(interval[0]),
            "interval_end": _ms_to_datetime(interval[1]),
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
                    self.run_log.set_error(_short(name), _ms_to_datetime(interval[0]), message)
                except Exception:  # the error is still in the summary and the webhook
                    pass

    def log_warning(self, short_message: str, long_message: t.Optional[str] = None) -> None:
        self.warnings.append(" ".join(short_message.split()))

    def log_error(self, message: str, *args: t.Any, **kwargs: t.Any) -> None:
        self.errors.append(" ".join(str(message).split()))


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
    `late_after_hours` before `reference` (the run time), unless it is idle (silent for the signal's
    max_wait_hours while its loader delivered other tables). `models` lists the waiting models that
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
        tables.update(helpers.signalled_sources(snapshot, snapshots))
    horizons = helpers.source_horizons(adapter, sorted(tables))
    max_wait = inspect.signature(helpers.delivered).parameters["max_wait_hours"].default
    idle = helpers.idle_sources(adapter, horizons, snapshots, reference, max_wait)
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
                "idle": table in idle,
                "late": table not in idle and (behind is None or behind > late_after_hours * 3600),
                "models": sorted(readers.get(table, [])),
            }
        )
    return result


# --------------------------------------------------------------------------------------------
# Alerts


def post_webhook(
    url: str, payload: t.Dict[str, t.Any], timeout: float = 5.0, attempts: int = 3
) -> t.Optional[str]:
    """POST the JSON summary, retried twice; returns an error message instead of raising."""
    import urllib.request

    body = json.dumps(payload, default=str).encode()
    problem = None
    for attempt in range(attempts):
        request = urllib.request.Request(
            url, data=body, method="POST", headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
            return None
        except Exception as error:  # an unreachable webhook must not change the run's outcome
            problem = f"{type(error).__name__}: {error}"
            if attempt + 1 < attempts:
                time.sleep(0.5 * (attempt + 1))
    return problem


def _alert(payload: t.Dict[str, t.Any]) -> None:
    webhook = os.environ.get(WEBHOOK_ENV)
    if not webhook:
        return
    problem = post_webhook(webhook, payload)
    if problem:
        print(f"catwalk run: alert webhook failed: {problem}", file=sys.stderr)


def _alert_could_not_start(gateway: str, environment: str, error: CatwalkError) -> None:
    message = " ".join(str(error).split())
    _alert(
        {
            "text": f"Catwalk run {environment}@{gateway} could not start (exit {error.exit_code}): {message}",
            "environment": environment,
            "gateway": gateway,
            "status": "error",
            "exit_code": error.exit_code,
            "summary": f"catwalk run {environment}@{gateway}: could not run",
            "errors": [message],
        }
    )


# --------------------------------------------------------------------------------------------
# The run


class EnvironmentMissing(CatwalkError):
    """The environment (prod included) was never planned on this warehouse: nothing to alert about."""

    alert = False


def _duckdb_file(project: Path) -> Path:
    database = Path(os.environ.get("CATWALK_DUCKDB", "catwalk.duckdb"))
    return database if database.is_absolute() else project / database


def lock_for(gateway: str, project: Path, must_exist: bool = True) -> RunLock:
    """The run's lock; on `local`, refuses a DuckDB file that does not exist (nothing is created)."""
    if gateway == "postgres":
        return PostgresRunLock(postgres_settings())
    if gateway == "spark":  # a file lock beside SQLMesh's state file (embedded Derby: one host)
        from catwalk.spark import set_default_environment

        set_default_environment()
        state = Path(os.environ["CATWALK_SPARK_STATE"])
        if must_exist and not state.is_file():
            raise CatwalkError(f"the Spark gateway's state {state} does not exist "
                               "(CATWALK_SPARK_STATE); plan prod on the spark gateway first")
        state.parent.mkdir(parents=True, exist_ok=True)
        return FileRunLock(state.with_name(state.name + ".run.lock"))
    database = _duckdb_file(project)
    if not (database.is_file() or (not must_exist and database.parent.is_dir())):
        raise CatwalkError(
            f"the DuckDB warehouse {database} does not exist (CATWALK_DUCKDB); "
            "generate it (catwalk warehouse generate) or fix the path"
        )
    return FileRunLock(database.with_name(database.name + ".run.lock"))


def _new_run_id(started: datetime) -> str:
    """Start time to the microsecond, then a random suffix: run ids sort by start time."""
    return f"{started.strftime('%Y%m%dT%H%M%S.%fZ')}-{uuid.uuid4().hex[:6]}"


def run(
    gateway: str = "local",
    environment: str = "prod",
    *,
    paths: t.Optional[t.Union[str, os.PathLike]] = None,
    execution_time: t.Any = None,
    out: t.Optional[t.TextIO] = None,
) -> int:
    """Run the scheduler for `environment`, then the janitor; returns the exit code (see module).

    Raises CatwalkError (exit 2) when the run cannot start; the webhook has been posted by then,
    except for an environment that was never planned.
    """
    from catwalk.project import GATEWAYS

    out = out or sys.stdout
    project = Path(paths or PROJECT_ROOT)
    if gateway not in GATEWAYS:
        raise CatwalkError(f"unknown gateway {gateway!r}; choose one of {', '.join(GATEWAYS)}")
    children_die_with_parent()
    try:
        with lock_for(gateway, project):
            return _locked_run(gateway, environment, project, execution_time, out)
    except LockHeld as error:
        print(f"catwalk run: {error} (exit {EXIT_LOCKED})", file=out, flush=True)
        return EXIT_LOCKED
    except CatwalkError as error:  # the run could not start: alert, then let the CLI print it
        if getattr(error, "alert", True):
            _alert_could_not_start(gateway, environment, error)
        raise


@dataclasses.dataclass
class RunState:
    """What one run has done so far; each step of `_locked_run` reads and completes it."""

    run_id: str
    gateway: str
    environment: str
    started: datetime
    execution_time: t.Any
    run_log: RunLog
    console: RunLogConsole
    clock: float = dataclasses.field(default_factory=time.monotonic)
    killed: int = 0
    crash: t.Optional[str] = None
    completion: t.Any = None
    scheduler: t.Any = None
    waiting: t.Dict[str, t.Any] = dataclasses.field(default_factory=dict)
    sources: t.List[t.Dict[str, t.Any]] = dataclasses.field(default_factory=list)
    janitor: str = "skipped"
    exit_code: int = EXIT_OK
    status: str = "success"

    @property
    def failed_names(self) -> t.Set[str]:
        return {record["model"] for record in self.console.failed}

    @property
    def skipped_names(self) -> t.Set[str]:
        return {_short(name) for name in self.console.skipped}

    @property
    def late(self) -> t.List[t.Dict[str, t.Any]]:
        return [entry for entry in self.sources if entry["late"]]

    def errors(self) -> t.List[str]:
        errors = [f"{_short(f['model'] or '?')}: {f['error']}" for f in self.console.failed]
        return ([self.crash] if self.crash else []) + errors + self.console.errors


def _locked_run(
    gateway: str, environment: str, project: Path, execution_time: t.Any, out: t.TextIO
) -> int:
    from sqlmesh.core.console import get_console, set_console

    from catwalk.project import open_context

    previous_console = get_console()
    context = open_context(gateway, project, load=False)  # runs what is deployed (see step 2)
    try:
        _check_environment(context, environment)
        state = _start_run_log(context, gateway, environment, execution_time)
        set_console(state.console)
        context.console = state.console
        _run_scheduler(context, state)
        _find_waiting(context, project, state)
        _log_waiting(state)
        _print_late_sources(state, out)
        _run_janitor(context, state)
        _finish(state, out)
        return state.exit_code
    finally:
        set_console(previous_console)
        try:
            context.close()
        except Exception:
            pass


def _check_environment(context: t.Any, environment: str) -> None:
    """Refuse, creating nothing, a warehouse without SQLMesh state or without this environment."""
    from sqlmesh.core.state_sync import CachingStateSync

    where = _describe_warehouse(context)
    try:
        state_sync = context._new_state_sync()  # Context.state_sync would create the state tables
        planned = state_sync.get_versions(validate=False).schema_version > 0
        found = planned and state_sync.get_environment(environment) is not None
        names = sorted(env.name for env in state_sync.get_environments_summary()) if planned else []
        if found:
            state_sync.get_versions()  # SQLMesh's own version check, then the Context reuses it
            context._state_sync = CachingStateSync(state_sync)
    except CatwalkError:
        raise
    except Exception as error:
        raise CatwalkError(f"cannot read the SQLMesh state of {where}: {_one_line(error)}") from None
    if not planned:
        raise EnvironmentMissing(
            f"no environment has ever been planned on {where}; apply the prod plan first "
            "(catwalk plan)"
        )
    if not found:
        raise EnvironmentMissing(
            f"environment {environment!r} does not exist on {where} (environments: "
            f"{', '.join(names) or 'none'}); plan it first"
        )


def _describe_warehouse(context: t.Any) -> str:
    from catwalk.project import describe_postgres

    if context.engine_adapter.dialect == "duckdb":
        return f"the DuckDB warehouse {_duckdb_file(Path(context.path))}"
    return f"Postgres {describe_postgres()}"


def _start_run_log(context: t.Any, gateway: str, environment: str, execution_time: t.Any) -> RunState:
    """Create `meta.run_log` if missing, mark dead runs killed and log this run as `running`."""
    started = _utcnow()
    run_log = RunLog(context.engine_adapter, _new_run_id(started), environment)
    try:
        run_log.ensure_table()
        killed = run_log.mark_killed()
        run_log.insert(started_at=started, status="running")
    except Exception as error:
        raise CatwalkError(f"cannot write the run log {RUN_LOG_TABLE}: {error}") from error
    console = RunLogConsole(run_log, context.engine_adapter)
    return RunState(
        run_id=run_log.run_id, gateway=gateway, environment=environment, started=started,
        execution_time=execution_time, run_log=run_log, console=console, killed=killed,
    )


def _run_scheduler(context: t.Any, state: RunState) -> None:
    """`Context.run` without its janitor; keeps the scheduler it creates for the waiting report."""
    create_scheduler = context.create_scheduler

    def capture_scheduler(*args: t.Any, **kwargs: t.Any) -> t.Any:
        state.scheduler = create_scheduler(*args, **kwargs)
        return state.scheduler

    context.create_scheduler = capture_scheduler  # type: ignore[method-assign]
    try:
        state.completion = context.run(
            state.environment, skip_janitor=True, execution_time=state.execution_time
        )
    except Exception as error:  # SQLMesh raises on signal errors, missing environment, ...
        state.crash = _one_line(f"{type(error).__name__}: {error}")
        traceback.print_exc(file=sys.stderr)
    if state.crash or (state.completion is not None and state.completion.is_failure) or state.console.failed:
        state.exit_code, state.status = EXIT_FAILED, "failed"


def _find_waiting(context: t.Any, project: Path, state: RunState) -> None:
    """Due time ranges still not computed after the run, and the raw sources behind them.

    A signal held them back, or a held-back parent did; models skipped because an upstream model
    failed are reported as skipped.
    """
    reference = (
        _as_datetime(state.execution_time) if state.execution_time is not None else state.started
    )
    try:
        if state.scheduler is not None:  # the run's snapshots, with the intervals it just added
            snapshots = context.state_sync.refresh_snapshot_intervals(
                list(state.scheduler.snapshots.values())
            )
        else:
            snapshots = list(context.scheduler(environment=state.environment).snapshots.values())
        by_name = {snapshot.name: snapshot for snapshot in snapshots}
        state.waiting = waiting_intervals(by_name.values(), state.execution_time)
        late_after = float(os.environ.get("CATWALK_LATE_AFTER_HOURS", DEFAULT_LATE_AFTER_HOURS))
        state.sources = late_sources(
            context.engine_adapter, project, state.waiting, by_name, reference, late_after
        )
    except Exception as error:
        state.console.warnings.append(f"could not compute waiting models: {error}")
    if state.exit_code == EXIT_OK and state.late:
        state.exit_code, state.status = EXIT_LATE, "late"


def _log_waiting(state: RunState) -> None:
    for name, (_snapshot, (start_ms, end_ms)) in sorted(state.waiting.items()):
        if _short(name) in state.failed_names:
            continue
        skipped = _short(name) in state.skipped_names
        state.run_log.insert(
            model=_short(name),
            interval_start=_ms_to_datetime(start_ms),
            interval_end=_ms_to_datetime(end_ms),
            status="skipped" if skipped else "waiting",
            error="an upstream model failed" if skipped else _waiting_message(name, state.sources),
        )


def _print_late_sources(state: RunState, out: t.TextIO) -> None:
    """One line per late source: how far behind it is and what waits for it."""
    for entry in state.late:
        behind = (
            _fmt_delay(entry["behind_seconds"]) if entry["behind_seconds"] is not None else "no rows"
        )
        models = [_short(m) for m in sorted(set(entry["models"]))]
        waits = f"waiting: {', '.join(models)}" if models else "no model waits for it"
        print(
            f"catwalk run: late source {entry['source']} ({entry['load_column']}): last delivery "
            f"{_fmt_ts(entry['delivered_until'])}, {behind} behind; {waits}",
            file=out,
        )


def _run_janitor(context: t.Any, state: RunState) -> None:
    """The janitor is its own step: its failure is reported, the run stays done."""
    if state.environment.lower() != "prod" or state.crash:
        return
    try:
        context._run_janitor()
        state.janitor = "ok"
    except Exception as error:
        state.janitor = "failed"
        state.console.errors.append(f"janitor: {_one_line(error)}")
        if state.exit_code in (EXIT_OK, EXIT_LATE):
            state.exit_code, state.status = EXIT_JANITOR, "janitor_failed"


def _summary(state: RunState) -> str:
    """The run's one summary line (under 200 characters: the details are on their own lines)."""
    waiting = sum(
        1 for name in state.waiting if _short(name) not in state.skipped_names | state.failed_names
    )
    late = len(state.late)
    models_run = {record["model"] for record in state.console.evaluated}
    return (
        f"catwalk run {state.run_id} {state.environment}@{state.gateway}: {state.status} "
        f"(exit {state.exit_code}); {len(state.console.evaluated)} batches in {len(models_run)} "
        f"models, {len(state.console.failed)} failed, {len(state.console.skipped)} skipped, "
        f"{waiting} waiting"
        + (f", {late} late source{'s' if late > 1 else ''}" if late else "")
        + f"; janitor {state.janitor}"
        + (f"; {state.killed} dead run(s) marked killed" if state.killed else "")
        + f"; {time.monotonic() - state.clock:.1f}s"
    )


def _finish(state: RunState, out: t.TextIO) -> None:
    """Close the run's row of the run log, print errors and the summary, alert on failure."""
    if state.completion is not None and state.completion.name == "NOTHING_TO_DO":
        if state.exit_code == EXIT_OK:
            state.status = "nothing_to_do"
    ended = _utcnow()
    errors = state.errors()
    summary = _summary(state)
    try:
        state.run_log.update_run(
            ended_at=ended,
            status=state.status,
            rows_written=sum(r["rows_written"] or 0 for r in state.console.evaluated),
            error="; ".join(errors) if errors else None,
        )
    except Exception as error:
        print(f"catwalk run: could not update the run log: {error}", file=sys.stderr)
    for error in errors:
        print(f"catwalk run: error: {error}", file=out)
    print(summary, file=out, flush=True)
    if state.exit_code not in (EXIT_OK, EXIT_LOCKED):
        _alert(_run_payload(state, ended, summary, errors))


def _run_payload(
    state: RunState, ended: datetime, summary: str, errors: t.List[str]
) -> t.Dict[str, t.Any]:
    text = {
        EXIT_FAILED: f"{len(state.console.failed) or 'a'} model(s) failed",
        EXIT_LATE: f"late sources: {', '.join(e['source'] for e in state.late)}",
        EXIT_JANITOR: "the run succeeded but the janitor failed",
    }.get(state.exit_code, state.status)
    return {
        "text": (
            f"Catwalk run {state.environment}@{state.gateway} {state.status} "
            f"(exit {state.exit_code}): {text}."
        ),
        "run_id": state.run_id,
        "environment": state.environment,
        "gateway": state.gateway,
        "status": state.status,
        "exit_code": state.exit_code,
        "started_at": state.started.isoformat(),
        "ended_at": ended.isoformat(),
        "summary": summary,
        "errors": errors,
        "failed_models": [f["model"] for f in state.console.failed],
        "skipped_models": sorted(state.skipped_names),
        "late_sources": state.late,
    }


def _one_line(value: t.Any) -> str:
    return " ".join(str(value).split())


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

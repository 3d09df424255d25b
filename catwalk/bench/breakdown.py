"""Where a model's time goes: SQLMesh's own calls timed inside the measuring subprocess.

`install()` wraps, without changing what they do:

- per model (the *model scope*, its wall time): `SnapshotEvaluator.create_snapshot` (the create
  stage: physical table, with its dry-run render of the CTAS query), `Scheduler.evaluate` (one
  batch: catwalk/publish.py's write + audits in one transaction, then the interval recorded in the
  state) and `SnapshotEvaluator._promote_snapshot` (the virtual layer's view);
- stages inside a model scope: `SnapshotEvaluator.evaluate` (the write), `SnapshotEvaluator.audit`
  (all audits of a batch), `create_snapshot`, `_promote_snapshot` and the state's `add_interval`;
- activities, wherever they happen: rendering (`QueryRenderer.render`, `ExpressionRenderer.render`:
  macros, expansion, the optimizer) and the engine (`EngineAdapter._execute`, the connection
  pools' COMMIT and ROLLBACK: DuckDB writes a batch to disk at COMMIT).

Time is exclusive (a region's time minus the regions nested in it) and recorded per thread (Postgres
evaluates 8 models at a time), under (model, stage, activity); time outside every model scope is
the step's own (project load, plan building, state reads and writes, environment promotion).
`split(cells)` turns one model's cells into the report's columns, which add up to its wall time:
engine, render, audit Python, evaluate Python, and state/bookkeeping (the rest: the create and
promote stages' Python, publish.py's transaction, recording the interval in the state).
"""

from __future__ import annotations

import contextlib
import functools
import threading
import time
import typing as t

ENGINE, RENDER, PYTHON = "engine", "render", "python"
# batch: Scheduler.evaluate's own part (publish.py's transaction); state: the interval recorded
STAGES = ("create", "evaluate", "audit", "promote", "batch", "state")
OUTSIDE = ""  # the model of time spent outside every model scope
COLUMNS = ("engine", "render", "audit", "evaluate", "bookkeeping")


class Recorder:
    """Exclusive time per (model, stage, activity), from nested regions on a per-thread stack."""

    def __init__(self, clock: t.Callable[[], float] = time.perf_counter) -> None:
        self.clock = clock
        self.cells: dict[tuple[str, str, str], float] = {}
        self.walls: dict[str, float] = {}
        self.batches: dict[str, int] = {}
        self._lock = threading.Lock()
        self._local = threading.local()

    def reset(self) -> None:
        """Forget what was recorded (the step times only its measured call)."""
        with self._lock:
            self.cells, self.walls, self.batches = {}, {}, {}

    def _stack(self) -> list[dict]:
        if not hasattr(self._local, "stack"):
            self._local.stack = []
        return self._local.stack

    @contextlib.contextmanager
    def region(self, *, model: t.Optional[str] = None, stage: t.Optional[str] = None,
               activity: t.Optional[str] = None) -> t.Iterator[None]:
        """A timed region: opens a model scope (model), a stage or an activity (engine, render)."""
        stack = self._stack()
        frame = {"model": model, "stage": stage, "activity": activity, "child": 0.0}
        stack.append(frame)
        start = self.clock()
        try:
            yield
        finally:
            elapsed = self.clock() - start
            stack.pop()
            self._record(stack, frame, elapsed)

    def _record(self, stack: list[dict], frame: dict, elapsed: float) -> None:
        frames = [*stack, frame]
        owner = next((f["model"] for f in reversed(frames) if f["model"]), OUTSIDE)
        stage = next((f["stage"] for f in reversed(frames) if f["stage"]), "")
        # an activity keeps its name inside any stage; a render's engine calls count as engine
        activity = frame["activity"] or next((f["activity"] for f in reversed(stack) if f["activity"]), PYTHON)
        key = (owner, stage, activity)
        with self._lock:
            self.cells[key] = self.cells.get(key, 0.0) + elapsed - frame["child"]
            if frame["model"] and not any(f["model"] for f in stack):  # outermost model scope
                self.walls[frame["model"]] = self.walls.get(frame["model"], 0.0) + elapsed
                if frame["stage"] == "batch":
                    self.batches[frame["model"]] = self.batches.get(frame["model"], 0) + 1
        if stack:
            stack[-1]["child"] += elapsed

    def result(self, step_wall: float) -> dict:
        """Plain figures: per model its wall and split, the totals by stage and activity."""
        models: dict[str, dict[str, t.Any]] = {}
        for (model, stage, activity), seconds in self.cells.items():
            if model != OUTSIDE:
                models.setdefault(model, {})[f"{stage}/{activity}"] = seconds
        per_model = {name: {**split(cells, self.walls.get(name, 0.0)), "batches": self.batches.get(name, 0)}
                     for name, cells in models.items()}
        stages: dict[str, dict[str, float]] = {}
        for (model, stage, activity), seconds in self.cells.items():
            row = "outside models" if model == OUTSIDE else (stage or "batch")
            stages.setdefault(row, {}).setdefault(activity, 0.0)
            stages[row][activity] = round(stages[row][activity] + seconds, 3)
        return {"step_wall": round(step_wall, 3), "models": per_model, "stages": stages,
                "totals": totals(per_model, stages)}


def split(cells: dict[str, float], wall: float) -> dict[str, float]:
    """One model's columns from its cells ("stage/activity": seconds): they add up to `wall`.

    engine: every engine call but the state's (writes, audit queries, DDL, COMMIT); render: every render (CTAS
    dry-run of the create stage, the batch's query, audit queries); audit and evaluate: those
    stages' other Python; bookkeeping: the rest.
    """
    engine = sum(v for k, v in cells.items() if k.endswith("/" + ENGINE) and not k.startswith("state/"))
    render = sum(v for k, v in cells.items() if k.endswith("/" + RENDER))
    audit = cells.get(f"audit/{PYTHON}", 0.0)
    evaluate = cells.get(f"evaluate/{PYTHON}", 0.0)
    parts = {"engine": engine, "render": render, "audit": audit, "evaluate": evaluate}
    parts = {k: round(v, 3) for k, v in parts.items()}
    wall = round(wall, 3)
    parts["bookkeeping"] = round(wall - sum(parts.values()), 3)
    return {"wall": wall, **parts}


def totals(per_model: dict[str, dict], stages: dict[str, dict[str, float]]) -> dict[str, float]:
    """Sums over models of each column, and the engine and Python time outside every model."""
    result = {column: round(sum(m[column] for m in per_model.values()), 3) for column in ("wall", *COLUMNS)}
    outside = stages.get("outside models", {})
    result["outside_engine"] = round(outside.get(ENGINE, 0.0), 3)
    result["outside_python"] = round(sum(v for k, v in outside.items() if k != ENGINE), 3)
    return result


def top(per_model: dict[str, dict], n: int = 15) -> list[tuple[str, dict]]:
    """The n models with the largest wall time, largest first (ties by name)."""
    return sorted(per_model.items(), key=lambda item: (-item[1]["wall"], item[0]))[:n]


RECORDER: t.Optional[Recorder] = None


def _model_name(snapshot: t.Any) -> str:
    try:
        return snapshot.node.name
    except Exception:
        return str(getattr(snapshot, "name", "?"))


def _wrap(owner: type, name: str, recorder: Recorder, *, snapshot_arg: t.Optional[int] = None,
          stage: t.Optional[str] = None, activity: t.Optional[str] = None) -> None:
    """Replace owner.name by a timed call of the original (the snapshot is argument `snapshot_arg`)."""
    original = owner.__dict__[name]

    @functools.wraps(original)
    def timed(*args: t.Any, **kwargs: t.Any) -> t.Any:
        model = None
        if snapshot_arg is not None:
            snapshot = kwargs.get("snapshot", args[snapshot_arg] if len(args) > snapshot_arg else None)
            model = _model_name(snapshot) if snapshot is not None else None
        with recorder.region(model=model, stage=stage, activity=activity):
            return original(*args, **kwargs)

    setattr(owner, name, timed)


def install() -> Recorder:
    """Time SQLMesh's calls in this process (once); catwalk/publish.py is installed first, and its
    Scheduler.evaluate is what gets wrapped."""
    global RECORDER
    if RECORDER is not None:
        return RECORDER
    from sqlmesh.core.engine_adapter.base import EngineAdapter
    from sqlmesh.core.renderer import ExpressionRenderer, QueryRenderer
    from sqlmesh.core.scheduler import Scheduler
    from sqlmesh.core.snapshot.evaluator import SnapshotEvaluator
    from sqlmesh.core.state_sync.db.facade import EngineAdapterStateSync
    from sqlmesh.utils import connection_pool

    from catwalk.publish import install as install_publish

    install_publish()
    recorder = Recorder()
    _wrap(Scheduler, "evaluate", recorder, snapshot_arg=1, stage="batch")
    _wrap(SnapshotEvaluator, "create_snapshot", recorder, snapshot_arg=1, stage="create")
    _wrap(SnapshotEvaluator, "_promote_snapshot", recorder, snapshot_arg=1, stage="promote")
    _wrap(SnapshotEvaluator, "evaluate", recorder, stage="evaluate")
    _wrap(SnapshotEvaluator, "audit", recorder, stage="audit")
    _wrap(QueryRenderer, "render", recorder, activity=RENDER)
    _wrap(ExpressionRenderer, "render", recorder, activity=RENDER)
    _wrap(EngineAdapter, "_execute", recorder, activity=ENGINE)
    _wrap(EngineAdapterStateSync, "add_interval", recorder, stage="state")
    for method in ("_do_commit", "_do_rollback"):  # every pool's COMMIT and ROLLBACK
        _wrap(connection_pool._TransactionManagementMixin, method, recorder, activity=ENGINE)
    RECORDER = recorder
    return recorder
